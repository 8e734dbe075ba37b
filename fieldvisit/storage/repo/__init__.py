"""Repositories: every query of the delegate store, one module per area, over a `Unit`."""

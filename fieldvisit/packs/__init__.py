"""The event-pack format (.fvpack): build, sign, verify, read."""

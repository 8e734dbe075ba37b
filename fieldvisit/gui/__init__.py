"""All Qt code lives here, and only here (plus the wiring in fieldvisit.app)."""

"""Plain dataclasses and rules of the domain: no Qt, no SQLAlchemy."""

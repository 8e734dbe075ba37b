"""Field Visit Companion: an offline companion for conferences and study visits."""

__version__ = "0.1.0"

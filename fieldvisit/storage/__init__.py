"""The local store: SQLAlchemy models, the engine, repositories and Alembic migrations."""

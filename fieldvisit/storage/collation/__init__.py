"""The organisers' collation store: models, Alembic migrations, engine and repository."""

"""The opened local store: one engine, and a unit of work per call (`with store.unit() as s`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fieldvisit.paths import AppPaths
from fieldvisit.storage.engine import open_store


@dataclass(slots=True)
class Store:
    """The store of one installation. Thread rule: use it from one thread at a time.

    The GUI calls it only from its single database worker thread; each call opens its own
    SQLAlchemy Session, so no Session ever crosses threads.
    """

    paths: AppPaths
    engine: Engine

    @classmethod
    def open(cls, paths: AppPaths) -> Store:
        paths.ensure()
        return cls(paths=paths, engine=open_store(paths.database, paths.backups))

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

"""The unit of work: one SQLAlchemy Session per transaction, and the names services type it by.

Services never import SQLAlchemy: they open a unit through `services.store.Store.unit()`
and hand it to the repositories under `storage/repo/`, annotating it as `Unit`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeAlias

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

__all__ = ["Engine", "OperationalError", "Unit", "unit_of_work"]

Unit: TypeAlias = Session


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Unit]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session

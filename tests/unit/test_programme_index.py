"""The programme's full-text index follows pack installs, updates and removals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from import_factory import hague, loaded, replace_session

from fieldvisit.paths import resolve
from fieldvisit.services.events import delete_event
from fieldvisit.services.importing import import_loaded
from fieldvisit.services.search import search
from fieldvisit.services.store import Store


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    yield opened
    opened.close()


def session_uids(store: Store, event_id: str, query: str) -> set[str]:
    return {h.uid for h in search(store, event_id, query) if h.kind == "session"}


def test_installed_sessions_are_searchable(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    assert session_uids(store, "hague-2017", "opening") == {"open"}


def test_update_reindexes_changed_titles_and_keeps_other_events(
    store: Store, tmp_path: Path
) -> None:
    import_loaded(store, loaded(tmp_path / "a", hague()))
    import_loaded(store, loaded(tmp_path / "b", hague("other-2018")))
    renamed = replace_session(hague(), "open", title="Welcome by the mayor")
    import_loaded(store, loaded(tmp_path / "a", renamed, version=2))

    assert session_uids(store, "hague-2017", "opening") == set()
    assert session_uids(store, "hague-2017", "mayor") == {"open"}
    # The other event's index was left alone by the first event's update.
    assert session_uids(store, "other-2018", "opening") == {"open"}
    with store.engine.connect() as c:
        # An FTS5 integrity check fails if an entry does not match its row's content.
        c.exec_driver_sql("INSERT INTO sessions_fts(sessions_fts) VALUES('integrity-check')")


def test_removed_event_leaves_no_index_entries(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "a", hague()))
    assert delete_event(store, "hague-2017")
    with store.engine.connect() as c:
        c.exec_driver_sql("INSERT INTO sessions_fts(sessions_fts) VALUES('integrity-check')")
        rows = c.exec_driver_sql("SELECT count(*) FROM sessions_fts_docsize").scalar()
    assert rows == 0

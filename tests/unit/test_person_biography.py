"""A biography from a real schedule reaches the person's page: reader, pack, store."""

from __future__ import annotations

from pathlib import Path

from fieldvisit.packs.build import build_pack
from fieldvisit.packs.reader import open_pack
from fieldvisit.packs.samples import demo_keys
from fieldvisit.paths import resolve
from fieldvisit.services.importing import import_pack
from fieldvisit.services.people import person_page
from fieldvisit.services.store import Store


def test_pretalx_biography_on_the_person_page(
    schedules: Path, tmp_path: Path, data_dir: Path
) -> None:
    built = build_pack(
        schedules / "c3voc_pretalx-democon.json", tmp_path / "d.fvpack", keys=demo_keys()
    )
    speaker = next(p for p in built.content.people if p.id == "26")
    assert speaker.biography.startswith("Break through direction.")
    read_back = open_pack(tmp_path / "d.fvpack").content
    assert next(p for p in read_back.people if p.id == "26").biography == speaker.biography
    store = Store.open(resolve(data_dir))
    try:
        import_pack(store, tmp_path / "d.fvpack")
        page = person_page(store, "democon", "26")
        assert page is not None
        assert page.person.biography == speaker.biography
        assert page.sessions  # the talks they give
    finally:
        store.close()

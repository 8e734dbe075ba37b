"""Benchmark: build and import FOSDEM 2025 and a pack ten times its size, against a raw baseline.

Run: `.venv/bin/python tests/benchmarks/bench_import.py [--scale 10] [--rounds 5] [--no-memory]
[--profile]`. Each step is timed once per round, the steps and the baseline taking turns, and
the median kept; then each runs once more under tracemalloc for its peak memory. The
raw baseline parses the same schedule XML (defusedxml ElementTree) and `executemany`s the
same session and person rows into a bare sqlite3 table. Targets: FOSDEM build + import
under 1 s, import at most 3x the baseline.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from defusedxml import ElementTree

from fieldvisit.domain.model import (
    Event,
    PackContent,
    Person,
    Role,
    Session,
    SessionKind,
    SourceBundle,
)
from fieldvisit.packs.build import build_pack, write_pack
from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.packs.reader import open_pack
from fieldvisit.paths import resolve
from fieldvisit.services.importing import import_loaded, import_pack
from fieldvisit.services.store import Store

FOSDEM = Path(__file__).resolve().parents[3] / "shared/data/schedules/fosdem2025_pentabarf.xml"
BRUSSELS = "Europe/Brussels"
T = TypeVar("T")


def timed(step: Callable[[], T]) -> tuple[float, T]:
    gc.collect()  # see in_store
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def peak_memory(step: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        step()
        return float(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()


# --- the raw baseline ---------------------------------------------------------------------


def baseline(xml: Path, database: Path) -> int:
    """Parse the schedule and executemany its events and persons into bare tables."""
    tree = ElementTree.parse(xml)
    sessions: list[tuple[str | None, ...]] = []
    people: dict[str, str] = {}
    for event in tree.iter("event"):
        persons = [(p.get("id") or "", p.text or "") for p in event.iter("person")]
        people.update(persons)
        sessions.append(
            (
                event.get("id"),
                event.findtext("title"),
                event.findtext("date"),
                event.findtext("duration"),
                event.findtext("room"),
                event.findtext("track"),
                event.findtext("abstract"),
                ",".join(pid for pid, _name in persons),
            )
        )
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS sessions (uid TEXT, title TEXT, start TEXT, duration TEXT,"
            " room TEXT, track TEXT, description TEXT, speakers TEXT)"
        )
        connection.execute("CREATE TABLE IF NOT EXISTS people (uid TEXT, name TEXT)")
        with connection:
            connection.execute("DELETE FROM sessions")
            connection.execute("DELETE FROM people")
            connection.executemany("INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?)", sessions)
            connection.executemany("INSERT INTO people VALUES (?,?)", list(people.items()))
    finally:
        connection.close()
    return len(sessions) + len(people)


# --- the synthetic pack -----------------------------------------------------------------


WORDS = (
    "community policing returnees families mentors probation prison youth work school trust "
    "networks reintegration case management risk assessment local approach exit programme"
).split()


def synthetic(sessions: int, people: int) -> PackContent:
    """A two-day event with `sessions` talks in 25-minute slots over as many rooms as needed."""
    zone = dt.timezone(dt.timedelta(hours=1))
    rooms = max(1, sessions // 48)
    day0 = dt.datetime(2025, 2, 1, 9, 0, tzinfo=zone)
    items = []
    for i in range(sessions):
        slot, room = divmod(i, rooms)
        day, slot = divmod(slot, 24)
        start = day0 + dt.timedelta(days=day % 2, minutes=25 * slot)
        text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(60))
        items.append(
            Session(
                id=f"s{i}",
                title=f"Talk {i}: {WORDS[i % len(WORDS)]}",
                kind=SessionKind.TALK,
                start=start,
                end=start + dt.timedelta(minutes=25),
                room=f"Room {room:03d}",
                track=f"Track {room % 60}",
                description=text,
                speaker_ids=tuple(sorted({f"p{i % people}", f"p{(i * 7 + 3) % people}"})),
            )
        )
    persons = tuple(Person(f"p{i}", f"Speaker {i}", Role.SPEAKER) for i in range(people))
    event = Event(
        id="synthetic-2025",
        title="Synthetic conference",
        timezone=BRUSSELS,
        start_date=dt.date(2025, 2, 1),
        end_date=dt.date(2025, 2, 2),
    )
    return PackContent(event=event, sessions=tuple(items), people=persons)


def as_pentabarf(content: PackContent) -> str:
    """The same sessions and people as a Pentabarf XML, for the baseline to parse."""
    names = {p.id: p.name for p in content.people}
    out = ["<?xml version='1.0' encoding='UTF-8'?>\n<schedule><day index='1'><room name='all'>"]
    for s in content.sessions:
        persons = "".join(
            f"<person id='{pid}'>{escape(names[pid])}</person>" for pid in s.speaker_ids
        )
        out.append(
            f"<event id='{s.id}'><date>{s.start.isoformat()}</date><duration>00:25</duration>"
            f"<room>{escape(s.room)}</room><title>{escape(s.title)}</title>"
            f"<track>{escape(s.track)}</track><abstract>{escape(s.description)}</abstract>"
            f"<persons>{persons}</persons></event>"
        )
    out.append("</room></day></schedule>\n")
    return "".join(out)


# --- the run --------------------------------------------------------------------------------


def run_case(
    name: str,
    xml: Path,
    build: Callable[[Path, int], object],
    folder: Path,
    args: argparse.Namespace,
) -> None:
    counter = iter(range(1_000_000))

    def fresh(prefix: str) -> Path:
        return folder / f"{prefix}-{next(counter)}"

    def do_build(version: int = 1) -> Path:
        output = fresh("pack").with_suffix(".fvpack")
        build(output, version)
        return output

    def in_store(
        step: Callable[[Store], object], *, before: Path | None = None, trace: bool = False
    ) -> float:
        """Time `step` (or its tracemalloc peak, in bytes) on a fresh, migrated store."""
        store = Store.open(resolve(fresh("store")))
        try:
            if before is not None:
                import_pack(store, before)
            if trace:
                return float(peak_memory(lambda: step(store)))
            # Each step starts with no garbage left by the one before: a full collection
            # (tens of ms with a pack in memory) then falls on whichever step made it due,
            # not always on the same one (it had doubled the baseline of some runs).
            gc.collect()
            start = time.perf_counter()
            step(store)
            return time.perf_counter() - start
        finally:
            store.close()

    pack = do_build()
    v2 = do_build(2)
    loaded = open_pack(pack)

    def full(store: Store) -> object:
        return import_pack(store, pack)

    def install(store: Store) -> object:
        return import_loaded(store, loaded)

    def update(store: Store) -> object:
        return import_pack(store, v2)

    # Every step once per round, the steps taking turns, and the median of each: a slow
    # spell of the (shared) machine then falls on the baseline as much as on the import.
    samples: dict[str, list[float]] = {}
    rows = 0
    for _ in range(args.rounds):
        for key, seconds in (
            ("build", timed(do_build)[0]),
            ("import", in_store(full)),
            ("install", in_store(install)),
            ("update", in_store(update, before=pack)),
        ):
            samples.setdefault(key, []).append(seconds)
        raw_s, rows = timed(lambda: baseline(xml, fresh("raw").with_suffix(".sqlite")))
        samples.setdefault("baseline", []).append(raw_s)
    build_s, import_s, install_s, update_s, baseline_s = (
        statistics.median(samples[key])
        for key in ("build", "import", "install", "update", "baseline")
    )
    print(f"\n{name}: {pack.stat().st_size / 1e6:.1f} MB pack, {rows} raw rows")
    figures: list[tuple[str, float, Callable[[], float]]] = [
        ("build (read, check, write, re-verify)", build_s, lambda: peak_memory(do_build)),
        ("import (open_pack + install)", import_s, lambda: in_store(full, trace=True)),
        ("  of which install (import_loaded)", install_s, lambda: in_store(install, trace=True)),
        (
            "update to v2 (same content)",
            update_s,
            lambda: in_store(update, before=pack, trace=True),
        ),
        (
            "raw baseline (parse + executemany)",
            baseline_s,
            lambda: peak_memory(lambda: baseline(xml, fresh("raw"))),
        ),
    ]
    for label, seconds, peak in figures:
        memory = "" if args.no_memory else f"  peak {peak() / 1e6:7.1f} MB"
        print(f"  {label:<40} {seconds * 1000:8.0f} ms{memory}")
    print(f"  {'build + import':<40} {(build_s + import_s) * 1000:8.0f} ms")
    print(f"  {'ratio import / baseline':<40} {import_s / baseline_s:8.1f}x")
    print(f"  {'ratio install only / baseline':<40} {install_s / baseline_s:8.1f}x")
    if args.profile:
        profiler = cProfile.Profile()
        store = Store.open(resolve(fresh("store")))
        profiler.runcall(import_pack, store, pack)
        store.close()
        report = io.StringIO()
        pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(25)
        print(report.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="synthetic size, x FOSDEM")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (median kept)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of imports")
    args = parser.parse_args()
    keys = OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    with tempfile.TemporaryDirectory(prefix="fv-bench-") as tmp:
        folder = Path(tmp)
        sessions, people = 943, 992
        if FOSDEM.is_file():

            def build_fosdem(output: Path, version: int) -> object:
                return build_pack(
                    FOSDEM, output, keys=keys, timezone=BRUSSELS, pack_version=version
                )

            run_case("FOSDEM 2025 (943 sessions, 992 people)", FOSDEM, build_fosdem, folder, args)
        else:
            print(f"FOSDEM 2025 skipped: {FOSDEM} is absent (outside the shared setup)")
        if args.scale > 0:
            content = synthetic(sessions * args.scale, people * args.scale)
            xml = folder / "synthetic.xml"
            xml.write_text(as_pentabarf(content), encoding="utf-8")

            def build_synthetic(output: Path, version: int) -> object:
                bundle = SourceBundle(content)
                write_pack(bundle, output, keys=keys, pack_version=version, source="bench")
                return open_pack(output)

            title = f"synthetic x{args.scale} ({len(content.sessions)} sessions, "
            run_case(f"{title}{len(content.people)} people)", xml, build_synthetic, folder, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

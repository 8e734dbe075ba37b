"""Search benchmark: full-text search over 20,000 notes through the service the GUI calls.

Run: .venv/bin/python tests/benchmarks/bench_search.py [NOTES]  (default 20000)
Prints p50/p95/max latency of `services.notes.search_notes` (target: p95 < 30 ms).
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fieldvisit.paths import resolve
from fieldvisit.services import notes
from fieldvisit.services.store import Store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
EVENT = "bench-event"
TARGET_P95_MS = 30.0


def vocabulary() -> list[str]:
    """Words from the real event announcements (falls back to a small built-in list)."""
    words: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        words += re.findall(r"[A-Za-zÀ-ÿ]{3,}", path.read_text(encoding="utf-8"))
    return (
        words
        or (
            "returnees families prevention radicalisation municipality police "
            "youth workers prison exit programme community trust"
        ).split()
    )


def main(count: int) -> int:
    rng = random.Random(2017)
    words = vocabulary()
    with tempfile.TemporaryDirectory(prefix="fv-bench-search-") as tmp:
        store = Store.open(resolve(Path(tmp)))
        began = time.perf_counter()
        batch: list[notes.NoteDraft] = []
        for i in range(count):
            body = " ".join(rng.choice(words) for _ in range(rng.randint(20, 120)))
            tags = tuple(rng.sample(words, 2))
            batch.append(notes.NoteDraft(notes.new_note_id(), EVENT, f"Note {i}\n{body}", tags))
            if len(batch) == 2000:
                notes.bulk_insert(store, batch)
                batch.clear()
        notes.bulk_insert(store, batch)
        print(f"inserted {count} notes in {time.perf_counter() - began:.1f} s")
        queries = [rng.choice(words) for _ in range(120)]
        queries += [rng.choice(words)[:3] for _ in range(60)]  # prefixes, as while typing
        queries += [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(60)]
        p95 = measure(
            "Notes section (services.notes.search_notes, 200 hits max)",
            lambda q: len(notes.search_notes(store, EVENT, q)),
            queries,
        )
        try:  # the window's Ctrl+F search over programme and notes, for comparison
            from fieldvisit.services import search as global_search
        except ImportError:
            pass
        else:
            measure(
                "Ctrl+F search (services.search.search, 50 hits max)",
                lambda q: len(global_search.search(store, EVENT, q)),
                queries,
            )
        store.close()
    return 0 if p95 < TARGET_P95_MS else 1


def measure(name: str, run: Callable[[str], int], queries: list[str]) -> float:
    """Print and return the p95 latency of `run` over the queries, in milliseconds."""
    run("warm up")
    timings: list[float] = []
    hits = 0
    for query in queries:
        start = time.perf_counter()
        hits += run(query)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    verdict = "met" if p95 < TARGET_P95_MS else "MISSED"
    print(f"{name}: {len(queries)} queries, {hits} hits")
    print(
        f"  p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms "
        f"(target p95 < {TARGET_P95_MS:.0f} ms: {verdict})"
    )
    return p95


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))

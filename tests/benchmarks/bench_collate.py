"""Benchmark: collate 1,000 returns of 50 notes each into SQLite and PostgreSQL, against a
raw decrypt + json.load baseline, and 1 against 4 concurrent collators on PostgreSQL.

Run: `.venv/bin/python tests/benchmarks/bench_collate.py [--db sqlite|postgresql|both]
[--returns N] [--notes M] [--rounds R] [--workers W] [--format 3|2]`. PostgreSQL is a real
server started in a temporary folder with its default durability settings
(tests/pg_support.py; Debian's postgresql). Targets: SQLite <= 3x the baseline, PostgreSQL
<= 4x, and 4 collators faster than 1.

The returns are in the format the app writes (version 3: the payload compressed before it
is signed and sealed), so the baseline inflates each payload before `json.loads`. Printed
beside it: the baseline of the same returns in format 2 (uncompressed, as earlier releases
wrote them), and the collation's ratio to that too. `--format 2` measures everything on
format 2 files (what a store collating older returns does).

The measured collation is `fieldvisit collate`'s: the files are opened by worker processes
(one per processor, up to 4) while the store is written. Printed beside it: the same
collation in one process, and the collator's opening alone without any write (hash,
decrypt, verify the signature and the pack proof, parse, check), which is what a collator
must do beyond the raw baseline before it writes anything. Each of the 1 and 4 concurrent
collators is one process. The CPU line gives the CPU seconds of the worker-process
collation (the writing process, the workers and, for PostgreSQL, the server's processes,
read from /proc) and the least wall time they allow on idle processors: the load changes
these far less than the wall clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldvisit.packs.keys import return_proof_key
from fieldvisit.returns.format import (
    b64,
    fingerprint_text,
    installation_id_for,
    open_unverified,
    raw_public,
    seal,
)
from fieldvisit.returns.payload import Record, ReturnPayload
from fieldvisit.services.collate import collate_files
from fieldvisit.services.collate_open import ReturnOpener, default_workers, open_file
from fieldvisit.storage.collation.engine import CollationStore

# tests/pg_support.py starts the PostgreSQL server (the benchmark runs as a script).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pg_support import PostgresServer, missing_reason

# Worker processes of the measured collator (set from --workers).
WORKERS = 0

WORDS = (
    "returnees families mentors probation prison community police youth work school "
    "trust networks reintegration case management risk assessment local approach"
).split()


def make_returns(
    folder: Path, organiser: X25519PrivateKey, returns: int, notes: int, version: int = 3
) -> list[Path]:
    created = dt.datetime(2017, 2, 16, 14, tzinfo=dt.UTC)
    recipient = fingerprint_text(raw_public(organiser.public_key()))
    proof_key = return_proof_key(organiser, "hague-2017")  # as the signed pack carries it
    paths = []
    for r in range(returns):
        key = Ed25519PrivateKey.generate()
        signer = raw_public(key.public_key())
        records = tuple(
            Record(
                "note",
                f"{r:04d}-{n:03d}-0000-0000-000000000000",
                1 + n % 3,
                {
                    "target_kind": "session",
                    "target_uid": f"session-{n % 20}",
                    "target_title": f"Session {n % 20}",
                    "target_start": "2017-02-15T08:00:00Z",
                    "tags": [WORDS[n % len(WORDS)]],
                    "body": " ".join(WORDS[(r + n + i) % len(WORDS)] for i in range(40)),
                    "created": "2017-02-15T09:00:00Z",
                    "updated": "2017-02-15T09:30:00Z",
                    "confidential_confirmed": False,
                },
            )
            for n in range(notes)
        )
        payload = ReturnPayload(
            event_id="hague-2017",
            pack_id="hague-2017-pack",
            pack_version=1,
            installation_id=installation_id_for(signer),
            installation_key=b64(signer),
            recipient=recipient,
            delegate_name=f"Delegate {r}",
            created=created,
            records=records,
        )
        path = folder / f"r{r:04d}-v{version}.fvreturn"
        sealed = seal(payload.to_bytes(), key, organiser.public_key(), proof_key, version=version)
        path.write_bytes(sealed)
        paths.append(path)
    return paths


def baseline(paths: list[Path], organiser: X25519PrivateKey) -> tuple[float, float]:
    """Wall and CPU seconds to decrypt every file and json.load its payload (inflated first
    in format 3)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        json.loads(open_unverified(path.read_bytes(), organiser))
    return time.perf_counter() - wall, time.process_time() - cpu


def opening(paths: list[Path], organiser: X25519PrivateKey) -> float:
    """Wall seconds for the collator's own opening of every file, without any write: read
    and hash, decrypt, verify the signature and the pack proof, parse, check (what the
    collator must do beyond the raw baseline before the store is touched)."""
    opener = ReturnOpener(organiser)
    start = time.perf_counter()
    for path in paths:
        if open_file(opener, path, frozenset()).payload is None:
            raise SystemExit(f"{path.name} did not open")
    return time.perf_counter() - start


@dataclass
class Figures:
    raw: float = float("inf")  # the raw baseline
    floor: float = float("inf")  # the collator's opening alone, no writes
    alone: float = float("inf")  # collate in one process
    workers: float = float("inf")  # collate as `fieldvisit collate` does (worker processes)
    accepted: int = 0
    raw_cpu: float = float("inf")  # the baseline's CPU seconds
    raw_v2: float = float("inf")  # the baseline of the same returns in format 2
    # CPU seconds of the fastest worker-process collation: the writing process, the workers
    # (load barely changes these, unlike the wall clock)
    writer_cpu: float = 0.0
    workers_cpu: float = 0.0
    server_cpu: float | None = None  # PostgreSQL: the server's processes


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compare(
    name: str,
    paths: list[Path],
    organiser: X25519PrivateKey,
    rounds: int,
    fresh_store: Callable[[str], str],
    server_cpu: Callable[[], float] | None = None,
    paths_v2: list[Path] | None = None,
) -> Figures:
    """Best wall times over alternating rounds, each collation into a fresh (empty, already
    created) store. `server_cpu`: the database server's CPU seconds so far (PostgreSQL);
    `paths_v2`: the same returns in format 2, for their baseline."""
    f = Figures()
    for attempt in range(rounds):
        raw, raw_cpu = baseline(paths, organiser)
        f.raw, f.raw_cpu = min(f.raw, raw), min(f.raw_cpu, raw_cpu)
        if paths_v2 is not None:
            f.raw_v2 = min(f.raw_v2, baseline(paths_v2, organiser)[0])
        f.floor = min(f.floor, opening(paths, organiser))
        for workers in (0, WORKERS) if WORKERS else (0,):
            db = fresh_store(f"{attempt}-{workers}")
            # The empty store exists beforehand, as an organiser's store does: creating its
            # tables is a one-off cost, not a per-return one.
            CollationStore.open(db).close()
            server = server_cpu() if server_cpu is not None else 0.0
            start, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
            summary = collate_files(db, paths, organiser, workers=workers)
            took = time.perf_counter() - start
            if workers and took < f.workers:
                f.writer_cpu = time.process_time() - cpu
                f.workers_cpu = _children_cpu() - children
                if server_cpu is not None:
                    time.sleep(0.2)  # the collator's backend ends and is reaped
                    f.server_cpu = server_cpu() - server
            if workers:
                f.workers = min(f.workers, took)
            else:
                f.alone = min(f.alone, took)
            if summary.count("accepted") != len(paths):
                raise SystemExit(f"{name}: accepted {summary.count('accepted')} of {len(paths)}")
        f.accepted = len(paths)
        print(f"  {name} round {attempt + 1}: one process {f.alone / f.raw:.2f}x, "
              f"{WORKERS} workers {f.workers / f.raw:.2f}x so far", flush=True)  # fmt: skip
    if not WORKERS:
        f.workers = f.alone
    return f


def cpu_line(name: str, f: Figures, returns: int) -> str:
    """The CPU the worker-process collation used, and the wall time it allows on this many
    processors when nothing else runs: the figure to compare on a loaded machine."""
    server = f.server_cpu or 0.0
    total = f.writer_cpu + f.workers_cpu + server
    processors = os.cpu_count() or 1
    # The writing process waits while the server runs its statements: the two take turns.
    floor = max(f.writer_cpu + server, total / processors)
    scale = 1000 / returns
    also = "" if f.server_cpu is None else f" + the server {server * scale:.3f} s"
    return (
        f"  {name}: CPU per 1,000 returns: writing process {f.writer_cpu * scale:.3f} s + "
        f"{WORKERS} workers {f.workers_cpu * scale:.3f} s{also} = {total * scale:.3f} s; on "
        f"{processors} idle processors the run needs at least {floor:.3f} s = "
        f"{floor / f.raw_cpu:.2f}x the baseline's CPU ({f.raw_cpu:.3f} s)"
    )


def report(name: str, f: Figures, target: float) -> tuple[bool, list[str]]:
    ok = f.accepted > 0 and f.workers / f.raw <= target
    lines = [
        f"{name}: collate {f.workers:.3f} s ({WORKERS} worker processes, as `fieldvisit "
        f"collate` runs), baseline {f.raw:.3f} s, ratio {f.workers / f.raw:.2f}x (target <= "
        f"{target:g}x: {'met' if ok else 'NOT met'})",
        f"  {name}: in one process {f.alone:.3f} s = {f.alone / f.raw:.2f}x; the collator's "
        f"opening alone (hash, decrypt, verify, proof, parse, checks; no writes) "
        f"{f.floor:.3f} s = {f.floor / f.raw:.2f}x",
    ]
    if f.raw_v2 != float("inf"):
        lines.append(
            f"  {name}: the same returns in format 2 (uncompressed, as earlier releases wrote "
            f"them): baseline {f.raw_v2:.3f} s; the collation above is "
            f"{f.workers / f.raw_v2:.2f}x that"
        )
    return ok, lines


def _worker(db: str, files: list[str], key: bytes, ready: object, go: object, out: object) -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from fieldvisit.services.collate import Collator

    organiser = X25519PrivateKey.from_private_bytes(key)
    # Opened (connected, schema checked) before the common start, as a running app is.
    store = CollationStore.open(db)
    collator = Collator(store, organiser)
    ready.release()  # type: ignore[attr-defined]
    go.wait()  # type: ignore[attr-defined]
    summary = collator.collate([Path(f) for f in files])
    store.close()
    out.put(summary.count("accepted"))  # type: ignore[attr-defined]


def concurrent(db: str, paths: list[Path], organiser: X25519PrivateKey, collators: int) -> float:
    """Wall seconds for `collators` processes to collate disjoint shares of `paths` into one
    store, from a common start (the processes have imported everything before it)."""
    from cryptography.hazmat.primitives import serialization

    key = organiser.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    context = multiprocessing.get_context("spawn")
    ready, go, out = context.Semaphore(0), context.Event(), context.Queue()
    shares = [[str(p) for p in paths[n::collators]] for n in range(collators)]
    processes = [
        context.Process(target=_worker, args=(db, share, key, ready, go, out)) for share in shares
    ]
    for process in processes:
        process.start()
    for _ in processes:
        ready.acquire()
    start = time.perf_counter()
    go.set()
    accepted = sum(out.get(timeout=600) for _ in processes)
    wall = time.perf_counter() - start
    for process in processes:
        process.join()
    if accepted != len(paths):
        raise SystemExit(f"concurrent collation accepted {accepted} of {len(paths)}")
    return wall


def main(argv: list[str] | None = None) -> int:
    lines: list[str] = []
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--returns", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--format", type=int, choices=[3, 2], default=3,
        help="the return files' format version (default: 3, what the app writes)",
    )  # fmt: skip
    parser.add_argument(
        "--workers", type=int, default=default_workers(),
        help="worker processes of the collator (default: as `fieldvisit collate` uses here)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    global WORKERS
    WORKERS = args.workers
    lines.append(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
                 f"{os.cpu_count()} processors")  # fmt: skip
    organiser = X25519PrivateKey.generate()
    verdicts: list[bool] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_returns(folder, organiser, args.returns, args.notes, args.format)
        paths_v2 = (
            make_returns(folder, organiser, args.returns, args.notes, 2)
            if args.format != 2
            else None
        )
        size = sum(p.stat().st_size for p in paths)
        records = args.returns * args.notes
        lines.append(f"returns: {args.returns} x {args.notes} notes = {records} records, "
                     f"format {args.format}, {size / 1e6:.1f} MB")  # fmt: skip
        for warm in (paths, paths_v2 or []):  # the page cache and the imports for all
            baseline(warm, organiser)
        if args.db in ("sqlite", "both"):
            figures = compare(
                "sqlite", paths, organiser, args.rounds,
                lambda n: str(folder / f"collation-{n}.sqlite"), paths_v2=paths_v2,
            )  # fmt: skip
            ok, said = report("SQLite", figures, 3)
            verdicts.append(ok)
            lines.extend(said)
            if WORKERS:
                lines.append(cpu_line("SQLite", figures, args.returns))
        if args.db in ("postgresql", "both"):
            reason = missing_reason()
            if reason is not None:
                print(f"PostgreSQL: not measured ({reason})")
                return 1
            server = PostgresServer(durable=True).start()
            try:
                figures = compare(
                    "postgresql", paths, organiser, args.rounds,
                    lambda n: server.url(server.create_database("bench")),
                    server.cpu_seconds, paths_v2,
                )  # fmt: skip
                ok, said = report("PostgreSQL", figures, 4)
                verdicts.append(ok)
                lines.extend(said)
                if WORKERS:  # with the server's own CPU (its processes share the machine)
                    lines.append(cpu_line("PostgreSQL", figures, args.returns))
                one = four = float("inf")
                for attempt in range(args.rounds):  # the two take turns, best of each kept
                    for collators in (1, 4):
                        db = server.url(server.create_database("conc"))
                        CollationStore.open(db).close()
                        took = concurrent(db, paths, organiser, collators)
                        if collators == 1:
                            one = min(one, took)
                        else:
                            four = min(four, took)
                    print(f"  concurrency round {attempt + 1}: 1 = {one:.3f} s, "
                          f"4 = {four:.3f} s", flush=True)  # fmt: skip
                ok = four < one
                verdicts.append(ok)
                lines.append(
                    f"PostgreSQL throughput: 1 collator {args.returns / one:.0f} returns/s "
                    f"({one:.3f} s), 4 collators {args.returns / four:.0f} returns/s "
                    f"({four:.3f} s), {one / four:.2f}x (target: 4 faster than 1: "
                    f"{'met' if ok else 'NOT met'})"
                )
            finally:
                server.stop()
    lines.append(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for line in lines:
        print(line)
    met = all(verdicts)
    print("targets:", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

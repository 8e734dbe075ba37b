"""`fieldvisit import` and `fieldvisit events`: the local store from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from fieldvisit.commands.lock import open_store
from fieldvisit.domain.changes import Change, EventSummary, ImportResult, ImportStatus
from fieldvisit.domain.errors import TrustError
from fieldvisit.domain.plain import event_head
from fieldvisit.paths import AppPaths
from fieldvisit.services.events import list_events
from fieldvisit.services.importing import FIELD_KEY, FIELD_VERSION, import_pack

EXIT_OK = 0
EXIT_USER_ERROR = 2


def _hint(exc: TrustError) -> str:
    """How the user can proceed after a refusal, on the command line."""
    if exc.field == FIELD_KEY:
        return (
            "If the organisers told you (in person or through another channel) that their "
            "key changed, compare the fingerprint and run again with --accept-new-key."
        )
    if exc.field == FIELD_VERSION:
        return "Ask the organisers for the current pack; its version must be higher."
    if "unsigned" in exc.problem or "not signed" in exc.problem:
        return "If you know where this pack came from, run again with --allow-unsigned."
    return "The pack was not installed; nothing changed."


def _change_line(change: Change) -> str:
    line = f"  {change.change.value:<9} {change.target_kind} {change.title}"
    details = "; ".join(f"{f.field}: {f.old or '-'} -> {f.new or '-'}" for f in change.fields)
    return f"{line} ({details})" if details else line


def print_result(result: ImportResult, out: TextIO) -> None:
    trust = f"signed, key {result.fingerprint}" if result.signed else "UNSIGNED"
    if result.status is ImportStatus.UNCHANGED:
        print(
            f"{result.event_id}: version {result.new_version} is already installed with "
            "the same content",
            file=out,
        )
    elif result.status is ImportStatus.INSTALLED:
        print(
            f"installed {result.event_id} ({result.title}), version {result.new_version}, {trust}",
            file=out,
        )
    else:
        print(
            f"updated {result.event_id} from version {result.old_version} to "
            f"{result.new_version}, {trust}: {result.change_counts.summary()}",
            file=out,
        )
        for change in result.changes:
            print(_change_line(change), file=out)
    if result.first_pin:
        print(
            f"pinned the organiser key {result.fingerprint} for {result.event_id}; later "
            "packs must be signed by the same key",
            file=out,
        )
    if result.previous_fingerprint:
        print(
            f"the organiser key changed from {result.previous_fingerprint} to "
            f"{result.fingerprint} (accepted)",
            file=out,
        )
    if not result.signed and result.status is not ImportStatus.UNCHANGED:
        print("warning: this event is marked UNSIGNED: its origin is not verified", file=out)
    if result.orphaned_notes:
        print(
            f"{len(result.orphaned_notes)} of your notes refer to items no longer in the "
            "pack; they are kept:",
            file=out,
        )
        for orphan in result.orphaned_notes:
            name = orphan.title or orphan.target_uid
            print(f"  note {orphan.note_id} on {orphan.target_kind} {name}", file=out)


def cmd_import(args: argparse.Namespace, paths: AppPaths) -> int:
    try:
        with open_store(args, paths) as store:
            result = import_pack(
                store,
                Path(args.pack),
                accept_new_key=bool(args.accept_new_key),
                allow_unsigned=bool(args.allow_unsigned),
            )
    except TrustError as exc:
        print(f"fieldvisit: {exc.message}", file=sys.stderr)
        print(_hint(exc), file=sys.stderr)
        return EXIT_USER_ERROR
    print_result(result, sys.stdout)
    warning = demo_key_warning(result.event_id, result.fingerprint if result.signed else None)
    if warning:
        print(warning, file=sys.stderr)
    return EXIT_OK


def summary_json(event: EventSummary) -> dict[str, object]:
    counts = event.counts
    return {
        **event_head(event),
        "pack_version": event.pack_version,
        "signed": event.signed,
        "fingerprint": event.fingerprint,
        "counts": {
            "sessions": counts.sessions,
            "people": counts.people,
            "itineraries": counts.itineraries,
            "stops": counts.stops,
            "documents": counts.documents,
            "questionnaires": counts.questionnaires,
        },
        "unseen_changes": event.unseen_changes,
        "installed_at": event.installed_at.isoformat(),
        "updated_at": event.updated_at.isoformat(),
    }


def cmd_events(args: argparse.Namespace, paths: AppPaths) -> int:
    with open_store(args, paths) as store:
        events = list_events(store)
    if args.json:
        json.dump([summary_json(e) for e in events], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not events:
        print("no events installed (fieldvisit import PACK installs one)")
        return EXIT_OK
    for e in events:
        trust = f"key {e.fingerprint}" if e.signed else "UNSIGNED"
        c = e.counts
        print(
            f"{e.id}  {e.title}\n"
            f"    {e.start_date.isoformat()} to {e.end_date.isoformat()} ({e.timezone}), "
            f"pack version {e.pack_version}, {trust}\n"
            f"    {c.sessions} sessions, {c.people} people, {c.stops} stops, "
            f"{c.documents} documents, {c.questionnaires} questionnaires"
            + (f", {e.unseen_changes} unseen changes" if e.unseen_changes else "")
        )
    return EXIT_OK


def demo_key_warning(event_id: str, fingerprint: str | None) -> str | None:
    """The warning for a real (not sample) event signed by the PUBLIC demo key."""
    from fieldvisit.domain.samples import DEMO_FINGERPRINT, is_sample

    if fingerprint != DEMO_FINGERPRINT or is_sample(event_id):
        return None
    return (
        f"fieldvisit: warning: {event_id} is signed by the PUBLIC demo key, which anyone can "
        "sign with: nothing proves this pack comes from the organisers. Ask them for a pack "
        "signed with their own key."
    )


def cmd_sample_list(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.services.samples import list_samples

    with open_store(args, paths) as store:
        samples = list_samples(store)
    print("Sample events (illustrative, not official programmes; signed by the public demo key):")
    for state in samples:
        info = state.info
        installed = (
            f"installed (version {state.installed_version})"
            if state.installed_version is not None
            else "not installed"
        )
        print(f"  {info.name:<7} {info.event_id}: {info.line}; {installed}")
    print("Install one with: fieldvisit sample install NAME")
    return EXIT_OK


def cmd_sample_install(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.services.samples import install_sample

    with open_store(args, paths) as store:
        result = install_sample(store, args.name)
    print_result(result, sys.stdout)
    return EXIT_OK


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def cmd_events_remove(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.domain.errors import UserError
    from fieldvisit.services.events import own_data, remove_event

    with open_store(args, paths) as store:
        mine = own_data(store, args.event_id)
        if args.export_notes:
            from fieldvisit.services.exports import export

            target = Path(args.export_notes)
            # The delegate's own copy before the event's notes are deleted: all of them.
            export(store, "notes", args.event_id, target, include_private=True)
            print(f"exported your notes to {target}")
        elif not mine.empty and not args.yes:
            # The offer before anything is deleted: send or export first.
            print(
                f"{args.event_id} holds {mine.notes} note(s), {mine.answers} answer(s), "
                f"{mine.picks} agenda pick(s) and {mine.ratings} rating(s) of yours; "
                "removing the event deletes them.\n"
                f"  Send them first:   fieldvisit return --event {args.event_id} -o FOLDER\n"
                f"  Or export them:    fieldvisit events remove {args.event_id} "
                "--export-notes NOTES.md",
                file=sys.stderr,
            )
        if not args.yes and not _confirm(f"Remove {args.event_id} and everything stored for it?"):
            raise UserError(f"{args.event_id} was not removed (confirm with --yes, or answer y)")
        removed = remove_event(store, args.event_id)
    print(
        f"removed {args.event_id} ({removed.notes} note(s), {removed.answers} answer(s) "
        "deleted with it)"
    )
    return EXIT_OK

"""`fieldvisit pack build|verify|inspect|template` and `fieldvisit keys new`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fieldvisit.cli import EXIT_OK, read_passphrase
from fieldvisit.domain.errors import UserError
from fieldvisit.domain.plain import event_head
from fieldvisit.packs.keys import OrganiserKeys, PassphraseNeededError, generate_keys, load_keys
from fieldvisit.packs.manifest import LoadedPack
from fieldvisit.paths import AppPaths


def _keys(path: str, passphrase_file: str | None) -> OrganiserKeys:
    key_path = Path(path)
    if passphrase_file:
        return load_keys(key_path, read_passphrase(passphrase_file, prompt=""))
    try:
        return load_keys(key_path, None)
    except PassphraseNeededError:
        passphrase = read_passphrase(None, prompt=f"Passphrase for {key_path}: ")
        if passphrase is None:
            raise UserError(
                "the key is protected: give --passphrase-file or run in a terminal",
                path=key_path,
            ) from None
        return load_keys(key_path, passphrase)


def cmd_build(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.packs.build import build

    if args.unsigned and args.key:
        raise UserError("give either --key or --unsigned, not both")
    if not args.unsigned and not args.key:
        raise UserError("--key KEY is needed to sign the pack (or --unsigned for a draft)")
    if args.pack_version is not None and args.pack_version < 1:
        raise UserError("--pack-version must be 1 or more")
    keys = None if args.unsigned else _keys(args.key, args.passphrase_file)
    report = build(
        Path(args.source),
        Path(args.output),
        keys=keys,
        with_folder=Path(args.with_folder) if args.with_folder else None,
        pack_version=args.pack_version,
        event_id=args.event_id,
        timezone=args.timezone,
    )
    print("\n".join(report.lines()))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.packs.reader import verify_pack

    report = verify_pack(Path(args.pack), allow_unsigned=args.allow_unsigned)
    print("\n".join(report.lines()))
    return EXIT_OK


def inspect_json(pack: LoadedPack) -> dict[str, Any]:
    """The one object `pack inspect --json` prints; times in the event zone with offset."""
    content = pack.content
    event = content.event
    zone = ZoneInfo(event.timezone)
    names = {p.id: p.name for p in content.people}
    people = {p.id: p for p in content.people}
    venues = {v.id: v.name for v in event.venues}
    documents = {d.id: d for d in content.documents}
    sessions_of: dict[str, list[str]] = {}
    for s in content.sessions:
        for sid in dict.fromkeys(s.speaker_ids):
            sessions_of.setdefault(sid, []).append(s.id)

    def iso(value: Any) -> str | None:
        return None if value is None else value.astimezone(zone).isoformat()

    stops = [
        {
            "id": stop.id,
            "itinerary": it.id,
            "title": stop.title,
            "planned_start": iso(stop.planned_start),
            "planned_end": iso(stop.planned_end),
            "address": stop.address,
            "lat": stop.lat,
            "lon": stop.lon,
            "host": names.get(stop.host_id or ""),
        }
        for it in content.itineraries
        for stop in it.stops
    ]
    return {
        "path": str(pack.path),
        "signed": pack.signed,
        "fingerprint": pack.fingerprint,
        "pack_id": pack.manifest.pack_id,
        "pack_version": pack.manifest.pack_version,
        "created": pack.manifest.created.isoformat(),
        "event": {
            **event_head(event),
            "organisers": list(event.organisers),
            "venues": [{"name": v.name, "address": v.address} for v in event.venues],
            "confidentiality": event.confidentiality,
            "illustrative": event.illustrative,
        },
        "sessions": [
            {
                "id": s.id,
                "title": s.title,
                "kind": s.kind.value,
                "start": iso(s.start),
                "end": iso(s.end),
                "room": s.room,
                "venue": venues.get(s.venue_id or ""),
                "online_url": s.online_url,
                "track": s.track,
                "speakers": [names.get(sid, sid) for sid in s.speaker_ids],
                "confidential": s.confidential,
                "signup_group": s.signup_group,
                "illustrative": s.illustrative,
                "links": [{"title": x.title, "url": x.url, "kind": x.kind.value} for x in s.links],
                "documents": [
                    {"title": d.title, "url": d.url, "filename": d.filename}
                    for d in (documents[i] for i in s.document_ids if i in documents)
                ],
            }
            for s in content.sessions
        ],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role.value,
                "organisation": p.organisation,
                "sessions": sessions_of.get(p.id, []),
            }
            for p in content.people
        ],
        "stops": stops,
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "filename": d.filename or None,
                "sharing": d.sharing.value,
                "sessions": list(d.session_ids),
                "illustrative": d.illustrative,
            }
            for d in content.documents
        ],
        "counts": {
            "sessions": len(content.sessions),
            "stops": len(stops),
            "contacts": sum(1 for p in people.values() if p.listed),
            "people": len(content.people),
            "documents": len(content.documents),
            "links": sum(len(s.links) for s in content.sessions),
            "questionnaires": len(content.questionnaires),
        },
    }


def inspect_text(pack: LoadedPack) -> list[str]:
    data = inspect_json(pack)
    event = data["event"]
    trust = (
        f"signed; key fingerprint {pack.fingerprint}"
        if pack.signed
        else "UNSIGNED: nobody vouches for this pack"
    )
    lines = [
        f"{event['title']}",
        f"  {event['start_date']} to {event['end_date']} ({event['timezone']})",
        f"  organisers: {', '.join(event['organisers']) or '-'}",
        f"  pack {pack.manifest.pack_id}, version {pack.manifest.pack_version}; {trust}",
        "  " + ", ".join(f"{n} {what}" for what, n in data["counts"].items()),
        "",
        "Programme:",
    ]
    for s in data["sessions"]:
        where = s["room"] or s["venue"] or ("online" if s["online_url"] else "")
        flag = " [confidential]" if s["confidential"] else ""
        lines.append(
            f"  {s['start'][:16].replace('T', ' ')}-{s['end'][11:16]}  {s['title']}"
            f"{' (' + where + ')' if where else ''}{flag}"
        )
    if data["stops"]:
        lines += ["", "Field-visit stops:"]
        for i, stop in enumerate(data["stops"], 1):
            when = stop["planned_start"][11:16] if stop["planned_start"] else "--:--"
            lines.append(f"  {i}. {when}  {stop['title']}")
    return lines


def cmd_inspect(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.packs.reader import open_pack

    # Inspecting only shows what a pack says, so an unsigned draft may be looked at.
    pack = open_pack(Path(args.pack), allow_unsigned=True)
    if args.json:
        json.dump(inspect_json(pack), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print("\n".join(inspect_text(pack)))
    return EXIT_OK


def cmd_template(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.interop.spreadsheet import write_template

    output = Path(args.output)
    if output.exists():
        raise UserError("already exists; not overwriting", path=output)
    write_template(output)
    print(f"wrote {output}: fill it in, then `fieldvisit pack build {output} -o EVENT.fvpack`")
    return EXIT_OK


def cmd_keys_new(args: argparse.Namespace, paths: AppPaths) -> int:
    passphrase = None
    if args.passphrase or args.passphrase_file:
        passphrase = read_passphrase(
            args.passphrase_file, prompt="Passphrase for the new key: ", confirm=True
        )
        if passphrase is None:
            raise UserError("no passphrase given (use --passphrase-file or a terminal)")
    output = Path(args.output)
    keys = generate_keys(output, passphrase)
    print(f"wrote {output} (private: keep it safe, mode 0600) and {output}.pub")
    print(f"fingerprint: {keys.fingerprint}")
    print("Give delegates this fingerprint through another channel so they can check packs.")
    return EXIT_OK

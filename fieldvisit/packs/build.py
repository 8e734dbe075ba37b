"""Building a .fvpack from a source folder, a workbook or a schedule: check, sign, write."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypedDict, TypeVar, Unpack

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Intake, PackContent, SourceBundle
from fieldvisit.interop.atomic import atomic_writer
from fieldvisit.packs.checks import check_content, check_files
from fieldvisit.packs.codec import content_to_json, dump_json, manifest_to_json
from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.packs.manifest import (
    CONTENT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FileEntry,
    LoadedPack,
    PackManifest,
)
from fieldvisit.packs.safezip import DEFAULT_LIMITS
from fieldvisit.packs.source import read_source_folder
from fieldvisit.packs.strict_json import validate

# The oldest app that reads format 1; raise it when a pack needs newer readers.
MIN_APP_VERSION = "0.1"
# Deflate level 3 is three times as fast as the default 6 and packs barely grow.
COMPRESS_LEVEL = 3
# Members that are compressed already gain nothing from deflate.
_STORED_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".zip", ".mbtiles", ".gz", ".webp"}


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did, for the command line: the verified pack and privacy figures."""

    pack: LoadedPack
    source_kind: str
    stripped_contacts: int
    warnings: tuple[str, ...] = ()
    intake: Intake | None = None

    def counts(self) -> list[tuple[str, int | None, int]]:
        """(what, found in the source or None, carried in the pack) for the report."""
        content = self.pack.content
        found = self.intake
        return [
            ("events", found.events if found else None, len(content.sessions)),
            ("people", found.people if found else None, len(content.people)),
            (
                "rooms",
                found.rooms if found else None,
                len({s.room for s in content.sessions if s.room}),
            ),
            ("links", found.links if found else None, sum(len(s.links) for s in content.sessions)),
            (
                "attachments",
                found.attachments if found else None,
                sum(1 for d in content.documents if d.url),
            ),
        ]

    def intake_lines(self) -> list[str]:
        """What came in and what went into the pack, and what was not carried, and why."""
        if self.intake is None:
            return []
        lines = [f"  {'':<12}{'in':>7}{'out':>7}"]
        for what, found, carried in self.counts():
            note = "  (out: sessions)" if what == "events" else ""
            lines.append(f"  {what:<12}{found:>7}{carried:>7}{note}")
        for reason in self.intake.left_out:
            lines.append(f"  not carried: {reason}")
        return lines

    def lines(self) -> list[str]:
        pack = self.pack
        content = pack.content
        trust = f"signed, key {pack.fingerprint}" if pack.signed else "UNSIGNED draft"
        lines = [
            f"wrote {pack.path} ({trust})",
            f"  event {content.event.id!r}: {content.event.title}",
            f"  pack version {pack.manifest.pack_version}, from a {self.source_kind}",
            f"  {len(content.sessions)} sessions, {len(content.people)} people, "
            f"{sum(len(i.stops) for i in content.itineraries)} stops, "
            f"{len(content.documents)} documents, {len(content.questionnaires)} questionnaires",
            f"  privacy: phone and email removed for {self.stripped_contacts} "
            f"{'person' if self.stripped_contacts == 1 else 'people'} not consenting to be listed",
        ]
        lines.extend(self.intake_lines())
        lines.extend(f"  warning: {w}" for w in self.warnings)
        return lines


def strip_unlisted(content: PackContent) -> tuple[PackContent, int]:
    """People who did not consent to be listed keep name, role and organisation only."""
    stripped = 0
    people = []
    for person in content.people:
        if not person.listed and (person.phone or person.email):
            person = dataclasses.replace(person, phone="", email="")
            stripped += 1
        people.append(person)
    return dataclasses.replace(content, people=tuple(people)), stripped


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def _by_id(first: tuple[T, ...], second: tuple[T, ...]) -> tuple[T, ...]:
    merged = {x.id: x for x in first}
    merged.update({x.id: x for x in second})
    return tuple(merged.values())


def merge(schedule: SourceBundle, folder: SourceBundle) -> SourceBundle:
    """A schedule completed by a source folder (rules in docs/pack-format.md).

    The folder's event wins; sessions and people are the schedule's plus the folder's, the
    folder's replacing the schedule's of the same id; everything else comes from the folder.
    """
    s, f = schedule.content, folder.content

    sessions = tuple(sorted(_by_id(s.sessions, f.sessions), key=lambda x: (x.start, x.id)))
    content = PackContent(
        event=f.event,
        sessions=sessions,
        people=_by_id(s.people, f.people),
        itineraries=_by_id(s.itineraries, f.itineraries),
        documents=_by_id(s.documents, f.documents),
        questionnaires=f.questionnaires or s.questionnaires,
        map=f.map or s.map,
        extra={**s.extra, **f.extra},
    )
    return SourceBundle(
        content=content, files={**schedule.files, **folder.files}, intake=schedule.intake
    )


def read_any_source(
    source: Path,
    *,
    with_folder: Path | None = None,
    event_id: str | None = None,
    timezone: str | None = None,
) -> tuple[SourceBundle, str]:
    """The bundle of a folder, a workbook or a schedule (completed by `with_folder`)."""
    source = Path(source)
    if source.is_dir():
        if with_folder is not None:
            raise InvalidInputError(
                "--with completes a schedule or a workbook; this source is already a folder",
                path=source,
            )
        bundle, kind = read_source_folder(source), "source folder"
    elif source.is_file():
        completing = read_source_folder(with_folder) if with_folder is not None else None
        zone = timezone or (completing.content.event.timezone if completing else None)
        from fieldvisit.interop.schedule import read_schedule

        bundle = read_schedule(source, timezone=zone, event_id=event_id)
        kind = "workbook" if source.suffix.lower() == ".xlsx" else "schedule"
        if completing is not None:
            bundle = merge(bundle, completing)
            kind += f" completed by {with_folder}"
    else:
        raise InvalidInputError("no such file or folder", path=source)
    intake = bundle.intake
    if intake is not None and intake.events and not bundle.content.sessions:
        raise InvalidInputError(
            f"the source has {intake.events} events but none became a session: "
            "no pack is built from it",
            path=source,
        )
    if event_id:
        content = bundle.content
        bundle = dataclasses.replace(
            bundle,
            content=dataclasses.replace(
                content, event=dataclasses.replace(content.event, id=event_id)
            ),
        )
    return bundle, kind


def _hash_file(path: Path) -> FileEntry:
    hasher = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            hasher.update(chunk)
            size += len(chunk)
    return FileEntry(sha256=hasher.hexdigest(), size=size)


def _check_bundle(bundle: SourceBundle, source: str) -> bytes:
    """Every content check `open_pack` makes, before a byte is written; returns event.json."""
    data = content_to_json(bundle.content)
    event_bytes = dump_json(data)
    validate(data, "event.schema.json", source=source)
    content = bundle.content
    check_content(content, source=source)
    check_files(content, bundle.files, source=source)
    return event_bytes


def _member(name: str, when: dt.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.external_attr = 0o100644 << 16
    stored = Path(name).suffix.lower() in _STORED_SUFFIXES
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def write_pack(
    bundle: SourceBundle,
    output: Path,
    *,
    keys: OrganiserKeys | None,
    pack_version: int,
    source: str,
) -> LoadedPack:
    """Check, write to a temporary file, verify it as a reader would, then move it into place.

    No partial or unverifiable file is ever left at `output`; an existing one stays intact
    when anything fails. Returns the verified pack at `output`.
    """
    from fieldvisit.packs.reader import member_reader, open_pack

    event_bytes = _check_bundle(bundle, source)
    entries = {CONTENT_NAME: FileEntry(hashlib.sha256(event_bytes).hexdigest(), len(event_bytes))}
    for name, path in sorted(bundle.files.items()):
        entries[name] = _hash_file(path)
        if entries[name].size > DEFAULT_LIMITS.max_member_size:
            raise InvalidInputError("file too large for a pack", path=path)
    if sum(e.size for e in entries.values()) > DEFAULT_LIMITS.max_total_size:
        raise InvalidInputError("the pack would be too large", path=source)
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    public = keys.public if keys else None
    manifest = PackManifest(
        format_version=FORMAT_VERSION,
        pack_id=str(uuid.uuid4()),
        event_id=bundle.content.event.id,
        pack_version=pack_version,
        created=created,
        min_app_version=MIN_APP_VERSION,
        signing_key=public.signing_key if public else None,
        return_key=public.return_key if public else None,
        files=entries,
        return_proof_key=keys.return_proof_key(bundle.content.event.id) if keys else None,
    )
    manifest_bytes = dump_json(manifest_to_json(manifest), pretty=True)
    validate(manifest_to_json(manifest), "manifest.schema.json", source=source)

    output = Path(output)
    if output.is_dir():
        raise InvalidInputError("is a folder; give the .fvpack file to write", path=output)
    if not output.parent.is_dir():
        raise InvalidInputError("the folder does not exist", path=output.parent)
    verified: list[LoadedPack] = []

    def verify(temporary: Path) -> None:
        # The finished file is checked exactly as a delegate's app will check it, before it
        # takes the output's name.
        verified.append(open_pack(temporary, allow_unsigned=keys is None))

    # Packs are meant to be handed out: readable by others (0644), unlike private exports.
    with atomic_writer(output, mode=0o644, before_replace=verify) as handle:
        with zipfile.ZipFile(handle, "w", compresslevel=COMPRESS_LEVEL) as archive:
            archive.writestr(_member(MANIFEST_NAME, created), manifest_bytes)
            if keys is not None:
                signature = keys.sign(manifest_bytes)
                archive.writestr(_member(SIGNATURE_NAME, created), signature)
            archive.writestr(_member(CONTENT_NAME, created), event_bytes)
            for name, path in sorted(bundle.files.items()):
                with path.open("rb") as src, archive.open(_member(name, created), "w") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
    return dataclasses.replace(
        verified[0], path=output, read_file=member_reader(output, verified[0].manifest)
    )


def build(
    source: Path,
    output: Path,
    *,
    keys: OrganiserKeys | None,
    with_folder: Path | None = None,
    pack_version: int | None = None,
    event_id: str | None = None,
    timezone: str | None = None,
) -> BuildReport:
    """Build, write and re-open the pack; the report says what was stripped for privacy."""
    bundle, kind = read_any_source(
        source, with_folder=with_folder, event_id=event_id, timezone=timezone
    )
    content, stripped = strip_unlisted(bundle.content)
    bundle = dataclasses.replace(bundle, content=content)
    version = pack_version or int(content.extra.get("pack_version", "1"))
    if version < 1:
        raise InvalidInputError("the pack version must be 1 or more", path=source)
    warnings = []
    people = {p.id: p for p in content.people}
    duty = people.get(content.event.emergency_contact_id or "")
    if duty is not None and not duty.phone:
        warnings.append(f"the emergency contact {duty.name!r} has no phone number in the pack")
    # What the iCalendar reader did with recurring events, for the organiser to check.
    if expanded := content.extra.get("recurring_expanded"):
        warnings.append(f"recurring events expanded: {expanded}")
    if cut := content.extra.get("recurring_cut"):
        warnings.append(f"recurring events: {cut}")
    pack = write_pack(bundle, output, keys=keys, pack_version=version, source=str(source))
    return BuildReport(pack, kind, stripped, tuple(warnings), bundle.intake)


class SourceOptions(TypedDict, total=False):
    """How `build` reads its source, beyond the source itself."""

    with_folder: Path | None
    pack_version: int | None
    event_id: str | None
    timezone: str | None


def build_pack(
    source: Path, output: Path, *, keys: OrganiserKeys | None, **options: Unpack[SourceOptions]
) -> LoadedPack:
    """Build a pack and return it re-opened and verified (see `build` for the report)."""
    return build(source, output, keys=keys, **options).pack

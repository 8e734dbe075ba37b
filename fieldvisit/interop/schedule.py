"""One entry point for every programme format: sniff the content, call the right reader."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import SourceBundle
from fieldvisit.interop.common import MAX_FILE_BYTES, UTF8_BOM, read_input


class ScheduleFormat(StrEnum):
    FRAB_XML = "frab-xml"
    FRAB_JSON = "frab-json"
    ICALENDAR = "icalendar"
    XLSX = "xlsx"


_ZIP_MAGIC = b"PK\x03\x04"


def sniff_format(path: Path, data: bytes) -> ScheduleFormat:
    """The format of `data` judged by its content, never by the file name's extension."""
    if data.startswith(_ZIP_MAGIC):
        return ScheduleFormat.XLSX
    head = data[:4096]
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM) :]
    head = head.lstrip(b" \t\r\n")
    if head.startswith(b"<"):
        return ScheduleFormat.FRAB_XML
    if head.startswith(b"{"):
        return ScheduleFormat.FRAB_JSON
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return ScheduleFormat.ICALENDAR
    raise InvalidInputError(
        "not a schedule this app reads: expected Pentabarf/frab XML, frab/pretalx JSON, "
        "iCalendar (.ics) or an .xlsx workbook",
        path=path,
    )


def _head(path: Path) -> bytes:
    """The first bytes, for sniffing, after refusing a file over the size cap."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInputError(
                f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} byte limit", path=path
            )
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError as exc:
        raise InvalidInputError(f"cannot read the file: {exc.strerror or exc}", path=path) from exc


def read_schedule(
    path: Path, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Read a programme in any supported format into pack content.

    `timezone` (an IANA name) is used only when the file names none; `event_id` only when
    the file carries no id of its own (else the id is a slug of the title).
    """
    path = Path(path)
    found = sniff_format(path, _head(path))
    if found is ScheduleFormat.XLSX:
        from fieldvisit.interop.spreadsheet import read_workbook  # openpyxl loads slowly

        return read_workbook(path, timezone=timezone, event_id=event_id)
    data = read_input(path)
    if found is ScheduleFormat.FRAB_XML:
        from fieldvisit.interop.frab_xml import parse_frab_xml

        return parse_frab_xml(path, data, timezone=timezone, event_id=event_id)
    if found is ScheduleFormat.FRAB_JSON:
        from fieldvisit.interop.schedule_json import parse_schedule_json

        return parse_schedule_json(path, data, timezone=timezone, event_id=event_id)
    from fieldvisit.interop.ical import parse_ical

    return parse_ical(path, data, timezone=timezone, event_id=event_id)

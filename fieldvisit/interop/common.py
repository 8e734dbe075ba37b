"""Shared helpers of the readers: input limits, text checks, HTML to text, ids and zones."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import SessionKind

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TEXT_CHARS = 100_000
MAX_LINE_CHARS = 1_000  # titles, names, rooms: the pack schema's "line"
MAX_ID_CHARS = 120
UTF8_BOM = b"\xef\xbb\xbf"
_SAFE_ID = re.compile(rf"[A-Za-z0-9._:@][A-Za-z0-9._:@-]{{0,{MAX_ID_CHARS - 1}}}")

# Checked in order: the first word found in a schedule's type decides the kind.
_KIND_WORDS: tuple[tuple[str, SessionKind], ...] = (
    ("workshop", SessionKind.WORKSHOP),
    ("hands-on", SessionKind.WORKSHOP),
    ("panel", SessionKind.PANEL),
    ("discussion", SessionKind.PANEL),
    ("break", SessionKind.BREAK),
    ("pause", SessionKind.BREAK),
    ("lunch", SessionKind.BREAK),
    ("coffee", SessionKind.BREAK),
    ("plenary", SessionKind.PLENARY),
    ("keynote", SessionKind.PLENARY),
    ("lecture", SessionKind.TALK),
    ("talk", SessionKind.TALK),
    ("lightning", SessionKind.TALK),
)


def read_input(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, refusing files over `limit` before reading them whole."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidInputError(
                f"file is {size:,} bytes, over the {limit:,} byte limit", path=path
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InvalidInputError(f"cannot read the file: {exc.strerror or exc}", path=path) from exc
    if len(data) > limit:  # the file grew between stat and read
        raise InvalidInputError(f"file is over the {limit:,} byte limit", path=path)
    return data


def decode_utf8(path: Path, data: bytes) -> str:
    """Strict UTF-8 text without a BOM; NUL bytes are refused (no text format has them)."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InvalidInputError(f"NUL byte at offset {nul}: not a text file", path=path)
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"invalid UTF-8 at byte offset {exc.start}: save the file as UTF-8", path=path
        ) from exc


def check_text(value: str, path: Path, field: str, *, limit: int = MAX_TEXT_CHARS) -> str:
    """`value` if it is safe to store: not too long, no NUL, no lone surrogates."""
    if len(value) > limit:
        raise InvalidInputError(
            f"text of {len(value):,} characters, over the {limit:,} limit", path=path, field=field
        )
    if "\x00" in value:
        raise InvalidInputError("text contains a NUL character", path=path, field=field)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidInputError(
                "text contains an unpaired surrogate (not valid Unicode)", path=path, field=field
            ) from exc
    return value


def tidy_text(value: str) -> str:
    """Trailing spaces off every line, at most one blank line in a row, no outer blanks."""
    lines = [" ".join(line.split()) for line in value.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def slugify(value: str, max_length: int = MAX_ID_CHARS) -> str:
    """A lower-case ASCII slug ("FOSDEM 2025" -> "fosdem-2025", "Zoë" -> "zoe"); empty if
    nothing is left. Used for ids and for file names."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    words = "".join(ch if ch.isalnum() else " " for ch in ascii_text.lower()).split()
    return "-".join(words)[:max_length].strip("-")


def short_hash(value: str, length: int = 8) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def safe_id(raw: str) -> str:
    """An id fit for a pack: printable ASCII letters, digits and `._:@-` only, bounded length.

    Anything else becomes "-", so "Salle 1/2" and "Salle 1 2" would meet: callers then make
    ids unique with an `IdAllocator`.
    """
    if _SAFE_ID.fullmatch(raw) and not raw.endswith("-"):
        return raw
    cleaned = "".join(
        ch if (ch.isascii() and (ch.isalnum() or ch in "._:@-")) else "-" for ch in raw
    )
    cleaned = cleaned.strip("-")
    if len(cleaned) > MAX_ID_CHARS:
        cleaned = f"{cleaned[: MAX_ID_CHARS - 9]}-{short_hash(raw)}"
    return cleaned


def derived_person_id(name: str) -> str:
    """A stable id for a person a schedule names without an id: same name, same id."""
    key = " ".join(name.casefold().split())
    slug = slugify(name)[:40].strip("-")
    return f"person-{slug}-{short_hash(key)}" if slug else f"person-{short_hash(key)}"


class IdAllocator:
    """Hands out unique ids in document order: a repeated id gets "-2", "-3"... appended.

    Deterministic, so the same file always yields the same ids, and a re-imported schedule
    keeps delegates' notes on the same sessions. The repeats are recorded for the report.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self.repeated: list[str] = []

    def allocate(self, wanted: str) -> str:
        if wanted not in self._used:
            self._used.add(wanted)
            return wanted
        self.repeated.append(wanted)
        n = 2
        while f"{wanted}-{n}" in self._used:
            n += 1
        unique = f"{wanted}-{n}"
        self._used.add(unique)
        return unique


_SPACE = re.compile(r"\s")  # str.isspace()'s characters (sre asks the same Unicode table)


def web_url(value: str) -> str:
    """`value` if it is an http(s) URL the pack schema accepts, else "" (a schedule's bad
    link is not worth refusing the programme over)."""
    text = value.strip()
    if (
        text.startswith(("https://", "http://"))
        and len(text) <= 2000
        and _SPACE.search(text) is None
    ):
        return text
    return ""


def zone(name: str, path: Path, field: str) -> ZoneInfo:
    """The IANA zone `name`, or an error naming the file: a wrong zone shifts every time."""
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 64 or cleaned.startswith(("/", ".")) or ".." in cleaned:
        raise InvalidInputError(f"unknown time zone {name!r}", path=path, field=field)
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise InvalidInputError(
            f"unknown time zone {name!r} (an IANA name like Europe/Amsterdam is needed)",
            path=path,
            field=field,
        ) from exc


def kind_for(type_name: str) -> SessionKind:
    """Map a schedule's free-text type (lecture, Workshop, "Lightning talk"...) to a kind."""
    lowered = type_name.casefold()
    for word, kind in _KIND_WORDS:
        if word in lowered:
            return kind
    return SessionKind.TALK

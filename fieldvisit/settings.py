"""Every setting of the app, declared once with its key, type and default (as Picard's options.py).

Code reads and writes settings only through these declarations:
`settings.get(LANGUAGE)`, `settings.set(LAST_EVENT, event_id)`. The values live in an INI
file under the config folder (`paths.config / "fieldvisit.ini"`); the GUI hands `Settings`
a Qt-backed `Storage` (QSettings), tests may hand it a dict. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, cast

T = TypeVar("T", str, bool, bytes)


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One setting: its key in the file, its Python type and its default."""

    key: str
    kind: type[T]
    default: T
    doc: str


OPTIONS: dict[str, Option[str] | Option[bool] | Option[bytes]] = {}


def _declare(option: Option[T]) -> Option[T]:
    if option.key in OPTIONS:
        raise ValueError(f"setting {option.key!r} is declared twice")
    OPTIONS[option.key] = cast(Option[str] | Option[bool] | Option[bytes], option)
    return option


LANGUAGE = _declare(Option("language", str, "system", "interface language: system, en or nl"))
THEME = _declare(Option("theme", str, "system", "colour theme: system, light or dark"))
SYSTEM_SCHEME = _declare(
    Option(
        "theme/system_scheme",
        str,
        "",
        "the platform's colour scheme seen at the last start, dark or light (empty: not yet "
        "known); under the system theme the window frame is painted in it, then checked",
    )
)
SHOW_LOCAL_ZONE = _declare(
    Option("show_local_zone", bool, False, "show the laptop's time beside event times (older)")
)
SECOND_ZONE = _declare(
    Option(
        "clock/second_zone",
        str,
        "",
        "the second clock beside event times: empty (none), laptop (this computer's zone, "
        "from the system), or an IANA zone name such as Asia/Almaty",
    )
)
LAST_EVENT = _declare(Option("last_event", str, "", "the event shown at the last start"))
LAST_PACK_FOLDER = _declare(
    Option("last_pack_folder", str, "", "where Open event pack… starts (empty: home)")
)
ORGANISER_STORE = _declare(
    Option(
        "organiser/store",
        str,
        "",
        "the collation store the Organiser window opened last: a file, or a database URL "
        "(never with its password)",
    )
)
ORGANISER_NAME = _declare(
    Option(
        "organiser/name",
        str,
        "",
        "the name the Organiser window records with each collation run as who collated "
        "(empty: the login name)",
    )
)
WINDOW_SECTION = _declare(Option("window/section", str, "today", "the section shown last"))
WINDOW_GEOMETRY = _declare(Option("window/geometry", bytes, b"", "the main window's geometry"))
PROGRAMME_CHOSEN = _declare(
    Option(
        "programme/chosen",
        str,
        "",
        'rooms and tracks chosen per event, JSON: {"event id": {"rooms": [], "tracks": []}}',
    )
)
PROGRAMME_SPLITTER = _declare(
    Option("window/programme_splitter", bytes, b"", "the programme's list/detail split")
)
LOCK_IDLE_MINUTES = _declare(
    Option(
        "lock/idle_minutes",
        str,
        "5",
        "lock the window after this many idle minutes (0 = never; an encrypted store only)",
    )
)
LOCK_OFFERED = _declare(
    Option("lock/offered", bool, False, "the first start has offered to set a passcode")
)
REMIND_SESSIONS = _declare(
    Option("reminders/sessions", bool, True, "remind me before each session in my agenda")
)
REMIND_STOPS = _declare(
    Option("reminders/stops", bool, False, "remind me before each field-visit stop")
)
REMIND_MINUTES = _declare(
    Option("reminders/minutes", str, "10", "how many minutes before (a whole number, 1-120)")
)


def reminder_minutes(settings: Settings) -> int:
    """REMIND_MINUTES as a number of minutes: the default on anything unreadable."""
    raw = settings.get(REMIND_MINUTES).strip()
    minutes = int(raw) if raw.isdigit() else int(REMIND_MINUTES.default)
    return min(max(minutes, 1), 120)


class Storage(Protocol):
    """Where values are kept: QSettings in the app (wrapped to carry bytes), a dict in tests."""

    def value(self, key: str) -> object: ...

    def setValue(self, key: str, value: object) -> None: ...  # noqa: N802 (QSettings' name)

    def contains(self, key: str) -> bool: ...

    def sync(self) -> None: ...


def _convert(kind: type, raw: object) -> object:
    """The stored value as `kind`, or None when it cannot be read as one."""
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str | int):
            return str(raw).strip().lower() in ("true", "1", "yes")
    elif kind is bytes:
        if isinstance(raw, bytes | bytearray):
            return bytes(raw)
    elif kind is str and isinstance(raw, str | int | float):
        return str(raw)
    return None


class Settings:
    """Typed access to the declared settings."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    def get(self, option: Option[T]) -> T:
        if not self.storage.contains(option.key):
            return option.default
        value = _convert(option.kind, self.storage.value(option.key))
        return option.default if value is None else cast(T, value)

    def set(self, option: Option[T], value: T) -> None:
        if not isinstance(value, option.kind):
            raise TypeError(f"setting {option.key!r} takes {option.kind.__name__}")
        self.storage.setValue(option.key, value)

    def sync(self) -> None:
        self.storage.sync()


class MemoryStorage:
    """A Storage in a dict, for tests and for anything that must not touch the disk."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def value(self, key: str) -> object:
        return self.values.get(key)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802
        self.values[key] = value

    def contains(self, key: str) -> bool:
        return key in self.values

    def sync(self) -> None:
        pass

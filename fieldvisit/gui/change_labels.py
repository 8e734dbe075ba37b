"""A pack update's changed fields as people read them: "start 10:00 → 10:30, room A → B"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldvisit.gui.formatting import day_time

# The fields a pack update can change (fieldvisit.domain.changes), named as people read them;
# QT_TRANSLATE_NOOP is typed as returning object. The context stays "PreviewDialog", where
# these were first translated.
FIELD_LABELS: dict[str, object] = {
    "title": QT_TRANSLATE_NOOP("PreviewDialog", "title"),
    "kind": QT_TRANSLATE_NOOP("PreviewDialog", "kind"),
    "start": QT_TRANSLATE_NOOP("PreviewDialog", "start"),
    "end": QT_TRANSLATE_NOOP("PreviewDialog", "end"),
    "room": QT_TRANSLATE_NOOP("PreviewDialog", "room"),
    "venue_id": QT_TRANSLATE_NOOP("PreviewDialog", "venue"),
    "online_url": QT_TRANSLATE_NOOP("PreviewDialog", "online link"),
    "track": QT_TRANSLATE_NOOP("PreviewDialog", "track"),
    "description": QT_TRANSLATE_NOOP("PreviewDialog", "description"),
    "speaker_ids": QT_TRANSLATE_NOOP("PreviewDialog", "speakers"),
    "document_ids": QT_TRANSLATE_NOOP("PreviewDialog", "documents"),
    "confidential": QT_TRANSLATE_NOOP("PreviewDialog", "confidential"),
    "signup_group": QT_TRANSLATE_NOOP("PreviewDialog", "sign-up group"),
    "language": QT_TRANSLATE_NOOP("PreviewDialog", "language"),
    "planned_start": QT_TRANSLATE_NOOP("PreviewDialog", "planned start"),
    "planned_end": QT_TRANSLATE_NOOP("PreviewDialog", "planned end"),
    "address": QT_TRANSLATE_NOOP("PreviewDialog", "address"),
    "lat": QT_TRANSLATE_NOOP("PreviewDialog", "latitude"),
    "lon": QT_TRANSLATE_NOOP("PreviewDialog", "longitude"),
    "host_id": QT_TRANSLATE_NOOP("PreviewDialog", "host"),
    "briefing": QT_TRANSLATE_NOOP("PreviewDialog", "briefing"),
    "etiquette": QT_TRANSLATE_NOOP("PreviewDialog", "etiquette"),
    "safety": QT_TRANSLATE_NOOP("PreviewDialog", "safety"),
    "directions_to_next": QT_TRANSLATE_NOOP("PreviewDialog", "directions to the next stop"),
    "itinerary": QT_TRANSLATE_NOOP("PreviewDialog", "itinerary"),
    "order": QT_TRANSLATE_NOOP("PreviewDialog", "order"),
}
# Prose: its old and new text would fill the line; saying that it changed is enough.
LONG_TEXT = frozenset(
    {"description", "briefing", "etiquette", "safety", "directions_to_next", "online_url"}
)
_TIME_FORMAT = "%Y-%m-%d %H:%M"  # how fieldvisit.domain.changes.render_time writes times


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return QCoreApplication.translate("PreviewDialog", str(label)) if label else name


def _as_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, _TIME_FORMAT)
    except ValueError:
        return None


def _values(old: str, new: str) -> tuple[str, str]:
    """Times shown as clock times, with the day only when it is not the same on both sides."""
    before, after = _as_time(old), _as_time(new)
    if before is None and after is None:
        return old, new
    same_day = before is not None and after is not None and before.date() == after.date()
    return tuple(  # type: ignore[return-value]
        (f"{t:%H:%M}" if same_day else day_time(t)) if t is not None else text
        for t, text in ((before, old), (after, new))
    )


def change_detail(field: str, old: str, new: str) -> str:
    """One changed field: "start 10:00 → 10:30", "room A → B", "description changed"."""
    label = field_label(field)
    if field in LONG_TEXT:
        return QCoreApplication.translate("ChangeLabels", "%1 changed").replace("%1", label)
    shown_old, shown_new = _values(old, new)
    none = QCoreApplication.translate("ChangeLabels", "none")
    return f"{label} {shown_old or none} → {shown_new or none}"


def change_details(fields: Iterable[tuple[str, str, str]]) -> str:
    """Every changed field of one session or stop, joined: "start 10:00 → 10:30, room A → B"."""
    return ", ".join(change_detail(f, old, new) for f, old, new in fields)

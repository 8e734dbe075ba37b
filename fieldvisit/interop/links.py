"""A schedule's links and attachments as session links and documents listed by address.

Nothing is fetched: attachments stay on the organiser's server and the pack lists their
address. Links whose address the app will not open (javascript:, file:, very long ones)
are still carried, as text; only what cannot be stored at all is left out, with a reason
for the build report.
"""

from __future__ import annotations

import mimetypes
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from fieldvisit.domain.links import MAX_LINK_URL, guess_kind, openable
from fieldvisit.domain.model import Document, LinkKind, SessionLink
from fieldvisit.interop.common import MAX_LINE_CHARS, IdAllocator, safe_id, web_url

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MEDIA_TYPE = re.compile(r"^[a-z0-9.+-]+/[A-Za-z0-9.+-]+$")


@dataclass(slots=True)
class RawLink:
    """A link or attachment as a schedule gives it; `type` is the schedule's own word."""

    url: str
    title: str = ""
    type: str = ""


# Room types that are online rooms (c3voc schedule.json, schedule 2; pretalx).
ONLINE_ROOM_TYPES = frozenset({"online", "bbb", "virtual", "stream", "jitsi", "zoom"})
_JOIN_KEYS = ("join_url", "stream_url", "live_url", "livestream_url", "stream")


def online_room_address(room: dict[str, object]) -> str:
    """The join or stream address of an online room, where a schedule gives one: an
    explicit join/stream field, or the `url` of a room whose type is an online one."""
    for key in _JOIN_KEYS:
        value = room.get(key)
        if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
            return value.strip()
    kind = room.get("type")
    url = room.get("url")
    if isinstance(kind, str) and kind.strip().casefold() in ONLINE_ROOM_TYPES:
        if isinstance(url, str) and url.strip():
            return url.strip()
    return ""


def _one_line(title: str) -> str:
    """A link's title on one line of at most MAX_LINE_CHARS (most links have none)."""
    if not title:
        return ""
    return " ".join(_CONTROL.sub(" ", title).split())[:MAX_LINE_CHARS]


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class LinkCollector:
    """Collects one schedule's links and attachments, counting what came in and what not."""

    def __init__(self, base_url: str = "") -> None:
        self.base_url = web_url(base_url)
        self.links_in = 0
        self.attachments_in = 0
        self.documents: list[Document] = []
        self.left_out: Counter[str] = Counter()
        self._doc_ids = IdAllocator()

    def _address(self, url: str) -> str:
        text = url.strip()
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
        # A path on the schedule's own server (frab: "/system/event_attachments/...").
        if text.startswith("/") and not text.startswith("//") and self.base_url:
            return urljoin(self.base_url, text)
        return text

    def links(
        self, raws: list[RawLink], *, counted: bool = True, room_join: str = ""
    ) -> tuple[SessionLink, ...]:
        """A session's links in the schedule's order, each address once.

        `room_join` is the session's online room's join or stream address: it becomes the
        session's join link (not counted as coming in: the schedule gave it to the room).
        """
        found: list[SessionLink] = []
        seen: set[str] = set()
        for raw in raws:
            if not raw.url.strip():
                continue
            if counted:
                self.links_in += 1
            url = self._address(raw.url)
            if len(url) > MAX_LINK_URL:
                self.left_out["link with an address over 8,000 characters (not stored)"] += 1
                continue
            if url in seen:
                self.left_out["link given twice on one session (kept once)"] += 1
                continue
            seen.add(url)
            title = _one_line(raw.title)
            found.append(SessionLink(title=title, url=url, kind=guess_kind(title, url, raw.type)))
        if room_join:
            url = self._address(room_join)
            if url and url not in seen and len(url) <= MAX_LINK_URL:
                found.append(SessionLink(title="", url=url, kind=LinkKind.JOIN))
        return tuple(found)

    def attachments(self, session_id: str, raws: list[RawLink]) -> tuple[str, ...]:
        """Documents listed by address for a session's attachments; returns their ids."""
        ids: list[str] = []
        seen: set[str] = set()
        for n, raw in enumerate(raws, start=1):
            if not raw.url.strip():
                continue
            self.attachments_in += 1
            url = self._address(raw.url)
            if not openable(url):
                self.left_out[
                    "attachment whose address is not an http(s) URL of at most 2,000 characters"
                ] += 1
                continue
            if url in seen:
                self.left_out["attachment given twice on one session (kept once)"] += 1
                continue
            seen.add(url)
            name = urlsplit(url).path.rsplit("/", 1)[-1]
            title = _one_line(raw.title)
            guessed = mimetypes.guess_type(name, strict=False)[0] or ""
            doc_id = self._doc_ids.allocate(safe_id(f"{session_id[:100]}-attachment-{n}"))
            self.documents.append(
                Document(
                    id=doc_id,
                    title=title or name or url[:MAX_LINE_CHARS],
                    filename="",
                    media_type=guessed
                    if _MEDIA_TYPE.match(guessed)
                    else "application/octet-stream",
                    session_ids=(session_id,),
                    url=url,
                )
            )
            ids.append(doc_id)
        return tuple(ids)

    def notes(self) -> tuple[str, ...]:
        return tuple(f"{why}: {n}" for why, n in sorted(self.left_out.items()))

"""Session links: which may be opened on a click, and what kind a schedule's link is."""

from __future__ import annotations

import re

from fieldvisit.domain.model import LinkKind

MAX_OPENABLE_URL = 2000  # longer addresses are kept as text, never opened
MAX_LINK_URL = 8000  # the pack's limit for a link kept as text

_CONTROL = re.compile(r"[\x00-\x20\x7f]")

# A schedule's own type for a link (c3voc's Reference.type, FOSDEM's attachment type).
_TYPE_KINDS: dict[str, LinkKind] = {
    "slides": LinkKind.SLIDES,
    "paper": LinkKind.SLIDES,
    "media": LinkKind.VIDEO,
    "video": LinkKind.VIDEO,
    "recording": LinkKind.VIDEO,
    "feedback": LinkKind.FEEDBACK,
    "stream": LinkKind.LIVE_STREAM,
    "livestream": LinkKind.LIVE_STREAM,
    "join": LinkKind.JOIN,
}
# Words of a link's title, checked in order.
_TITLE_WORDS: tuple[tuple[LinkKind, frozenset[str]], ...] = (
    (LinkKind.FEEDBACK, frozenset({"feedback"})),
    (LinkKind.JOIN, frozenset({"join", "zoom", "jitsi", "bigbluebutton"})),
    (LinkKind.LIVE_STREAM, frozenset({"livestream", "stream", "streaming"})),
    (LinkKind.VIDEO, frozenset({"video", "recording", "mp4", "webm"})),
    (LinkKind.SLIDES, frozenset({"slides", "slide", "slidedeck", "presentation", "paper"})),
)
# Pieces of an address, checked in order.
_URL_PARTS: tuple[tuple[LinkKind, tuple[str, ...]], ...] = (
    (LinkKind.FEEDBACK, ("/feedback",)),
    (LinkKind.JOIN, ("zoom.us/j/", "meet.jit.si/", "/bigbluebutton/")),
    (
        LinkKind.VIDEO,
        (
            "media.ccc.de/v/",
            "youtube.com/watch",
            "youtu.be/",
            "vimeo.com/",
            ".mp4",
            ".webm",
            ".mkv",
        ),
    ),
    (LinkKind.SLIDES, ("/slides/", ".pdf", ".odp", ".pptx", "speakerdeck.com/")),
)
_WORD = re.compile(r"[a-z0-9]+")
_WEB_PAGE = LinkKind.WEB_PAGE


def openable(url: str) -> bool:
    """Whether the app may open `url` on a click: an http(s) address of at most 2,000
    characters with no spaces or control characters. Anything else (javascript:, file:,
    data:, very long addresses) is shown as text only."""
    if len(url) > MAX_OPENABLE_URL or _CONTROL.search(url):
        return False
    lowered = url.lower()
    return lowered.startswith(("https://", "http://")) and len(lowered) > len("https://")


def guess_kind(title: str, url: str, hint: str = "") -> LinkKind:
    """The kind of a link from a schedule's own type, else from words of its title, else
    from its address; a web page otherwise."""
    if hint:
        typed = _TYPE_KINDS.get(hint.strip().casefold())
        if typed is not None:
            return typed
    if title:
        words = set(_WORD.findall(title.casefold()))
        for kind, known in _TITLE_WORDS:
            if words & known:
                return kind
    # Plain loops: this runs for each of a big schedule's thousands of links.
    address = url.casefold()
    for kind, parts in _URL_PARTS:
        for part in parts:
            if part in address:
                return kind
    return _WEB_PAGE

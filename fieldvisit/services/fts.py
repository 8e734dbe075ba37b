"""Full-text search helpers shared by the Ctrl+F search and the Notes section (SQLite FTS5)."""

from __future__ import annotations

import html

from fieldvisit.domain.matching import fts_prefixes

# Match markers for FTS5's highlight()/snippet(): private-use characters, which real text
# does not contain, turned into <b> after the text around them is HTML-escaped.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"


def fts_query(user_text: str) -> str:
    """A safe FTS5 MATCH expression, or "" when nothing is searchable: every word quoted (no
    operators, no syntax errors), all words required, each one a prefix: the stem prefix of
    fieldvisit.domain.matching, so FTS5 fetches every candidate and `Matcher` confirms them
    (one matching rule for the database and the screen)."""
    prefixes = fts_prefixes(user_text)
    if not prefixes:
        return ""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in prefixes)


def hits_to_html(fragment: str) -> str:
    """A highlight()/snippet() result as escaped rich text with the matches in <b>."""
    escaped = html.escape(fragment, quote=False)
    return escaped.replace(HIT_OPEN, "<b>").replace(HIT_CLOSE, "</b>")

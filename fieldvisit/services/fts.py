"""Full-text search helpers shared by the Ctrl+F search and the Notes section (SQLite FTS5)."""

from __future__ import annotations

import html
import re

# Match markers for FTS5's highlight()/snippet(): private-use characters, which real text
# does not contain, turned into <b> after the text around them is HTML-escaped.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str:
    """A safe FTS5 MATCH expression, or "" when nothing is searchable: every word quoted (no
    operators, no syntax errors), all words required, the last one a prefix so results
    follow the typing."""
    words = _WORD.findall(user_text)
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def hits_to_html(fragment: str) -> str:
    """A highlight()/snippet() result as escaped rich text with the matches in <b>."""
    escaped = html.escape(fragment, quote=False)
    return escaped.replace(HIT_OPEN, "<b>").replace(HIT_CLOSE, "</b>")

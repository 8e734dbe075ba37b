"""The one matching rule of the app (Find, the Programme filter, the Notes filter).

A query matches a text when every word of the query matches some word of the text. A query
word matches a text word when, both folded (case and accents ignored):

- the text word starts with it (word prefixes: "famil" finds "families", "rust" does not
  find "trust"), or
- both share the word's stem prefix and have the same English or Dutch Snowball stem
  ("family" finds "families", "families" finds "family", "gezin" finds "gezinnen").

`fts_prefixes` gives, per query word, the shortest prefix a matching text word must start
with, so an SQLite FTS5 prefix query can fetch the candidates and `Matcher` can confirm them:
the database and the screen agree on one rule.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_STEM_PREFIX = 3


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without accents: "Éducation" -> "education"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=16384)
def word_set(text: str) -> frozenset[str]:
    """The distinct folded words of a text (cached: filters run on every key press)."""
    return frozenset(_WORD.findall(fold(text)))


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """A folded word's English and Dutch stems."""
    return tuple(s.stemWord(word) for s in stemmers())


@lru_cache(maxsize=1)
def stemmers() -> tuple[Any, ...]:
    """The English and Dutch stemmers, made on the first stemmed word: snowballstemmer
    imports all its 30 languages (some 0.2 s), which must not delay the first screen."""
    import snowballstemmer

    return (snowballstemmer.stemmer("english"), snowballstemmer.stemmer("dutch"))


def _common(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


@lru_cache(maxsize=4096)
def stem_prefix(word: str) -> str:
    """The shortest prefix that a word with the same stem as `word` starts with.

    Stems that do not begin like the word (Dutch "ogen" -> "oog") are left out; a final
    "i"/"y" is dropped because English stems turn one into the other ("family" -> "famili").
    """
    prefix = word
    for stem in stems(word):
        common = _common(word, stem)
        if len(common) >= MIN_STEM_PREFIX and len(common) < len(prefix):
            prefix = common
    if prefix != word and prefix[-1:] in ("i", "y") and len(prefix) > MIN_STEM_PREFIX:
        prefix = prefix[:-1]
    if len(word) < MIN_STEM_PREFIX + 1:
        return word  # short words match as prefixes only
    return prefix


def word_matches(query_word: str, text_word: str) -> bool:
    """Both folded."""
    if text_word.startswith(query_word):
        return True
    prefix = stem_prefix(query_word)
    if prefix == query_word or not text_word.startswith(prefix):
        return False
    mine = stems(query_word)
    theirs = stems(text_word)
    return any(a == b for a, b in zip(mine, theirs, strict=True))


class Matcher:
    """A compiled query. An empty query matches everything."""

    __slots__ = ("query_words",)

    def __init__(self, query: str) -> None:
        self.query_words = tuple(dict.fromkeys(words(query)))

    def __bool__(self) -> bool:
        return bool(self.query_words)

    def matches(self, *texts: str) -> bool:
        if not self.query_words:
            return True
        sets = [word_set(text) for text in texts if text]
        return all(
            any(word_matches(q, t) for text_words in sets for t in text_words)
            for q in self.query_words
        )

    def matching_words(self, text: str) -> set[str]:
        """The folded words of `text` that some query word matches (for highlighting)."""
        return {t for t in set(words(text)) if any(word_matches(q, t) for q in self.query_words)}


def fts_prefixes(query: str) -> list[str]:
    """Per query word, the prefix FTS5 fetches candidates by (see the module's doc)."""
    return [stem_prefix(w) for w in dict.fromkeys(words(query))]

"""One matching rule: word prefixes, case and accents ignored, English and Dutch stems."""

from __future__ import annotations

import pytest

from fieldvisit.domain.matching import Matcher, fts_prefixes
from fieldvisit.services.fts import fts_query


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("family", "Working group: families"),
        ("families", "One family, two homes"),
        ("famil", "Families"),
        ("RUST", "Rust in the Linux kernel"),
        ("educ", "Éducation populaire"),
        ("ecole", "L'École 42"),
        ("gezin", "gezinnen en kinderen"),
        ("radicalisation", "Radicalisation and prevention"),
        ("prosecutors", "A prosecutor's view"),
        ("running", "How we run the desk"),
        ("family support", "Support for the families of fighters"),
    ],
)
def test_matches(query: str, text: str) -> None:
    assert Matcher(query).matches(text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("rust", "In trust we build"),
        ("family", "Familiar faces"),
        ("ust", "Rust"),
        ("family support", "Families only"),
    ],
)
def test_does_not_match(query: str, text: str) -> None:
    assert not Matcher(query).matches(text)


def test_fts_prefixes_fetch_every_candidate() -> None:
    # The FTS5 query asks for a prefix each match starts with: "famil*" covers family and
    # families, so the database never drops what the matcher would keep.
    assert fts_prefixes("family") == ["famil"]
    assert fts_prefixes("families") == ["famil"]
    assert fts_query('rust "x') == '"rust"* "x"*'
    assert fts_query("  ") == ""

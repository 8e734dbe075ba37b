"""Every reader of outside input, fuzzed: any input gives a result or the project's own error.

The inputs come from tests/fuzz/readers.py (hostile values in valid seeds, and byte-level
mutations); the budget per reader is the hypothesis profile's (tests/conftest.py: "ci" by
default). tests/fuzz/run_fuzz.py is the long run; the inputs of its findings are kept in
tests/fuzz/corpus/<reader>/ and replayed here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.readers import TARGETS, check
from hypothesis import given

CORPUS = Path(__file__).resolve().parents[1] / "fuzz" / "corpus"


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_any_input_gives_a_result_or_a_user_error(name: str) -> None:
    target = TARGETS[name]

    @given(target.inputs())
    def reads(data: bytes) -> None:
        check(target, data)

    reads()


CASES = sorted(CORPUS.glob("*/*.bin"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_every_earlier_finding_stays_fixed(case: Path) -> None:
    check(TARGETS[case.parent.name], case.read_bytes())


def test_the_corpus_names_only_known_readers() -> None:
    assert {c.parent.name for c in CASES} <= set(TARGETS)

"""event.json / manifest.json codec, and the compiled schema check agreeing with jsonschema."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from typing import Any, cast

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.packs.codec import content_from_json, content_to_json
from fieldvisit.packs.fastschema import UnsupportedSchemaError, compile_schema
from fieldvisit.packs.samples import samples_dir
from fieldvisit.packs.source import read_source_folder
from fieldvisit.packs.strict_json import fast_check, parse_json_bytes, validate, validator

ODD_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    1e9,
    "",
    "x",
    "x" * 1001,
    "\x01",
    "2017-02-30",
    "2017-02-15T09:00:00",
    "https://example.org",
    "talk",
    [],
    [1],
    ["a"],
    {},
    {"id": "a"},
]


@pytest.fixture(scope="module")
def hague_json() -> dict[str, Any]:
    return content_to_json(read_source_folder(samples_dir() / "hague-2017").content)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


def mutated(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    result = copy.deepcopy(doc)
    node: Any = result
    for part in path[:-1]:
        node = node[part]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return result


FULL_SESSION: dict[str, Any] = {
    "room": "R",
    "venue_id": None,
    "online_url": "",
    "track": "",
    "description": "d",
    "speaker_ids": [],
    "document_ids": [],
    "confidential": False,
    "signup_group": "",
    "language": "en",
    "illustrative": False,
    "links": [
        {"title": "Slides", "url": "https://example.org/s.pdf", "kind": "slides"},
        {"url": "javascript:alert(1)"},
    ],
}
FULL_PERSON: dict[str, Any] = {
    "organisation": "",
    "phone": "",
    "email": "",
    "languages": [],
    "listed": False,
    "biography": "b",
}


def test_fast_check_agrees_with_jsonschema(hague_json: dict[str, Any]) -> None:
    check = fast_check("event.schema.json")
    reference = validator("event.schema.json")
    # A small document with one of everything keeps jsonschema's share of the time low.
    small = copy.deepcopy(hague_json)
    for key in ("sessions", "people", "documents", "questionnaires"):
        small[key] = small[key][:2]
    small["itineraries"][0]["stops"] = small["itineraries"][0]["stops"][:2]
    small["itineraries"][0]["route"] = small["itineraries"][0]["route"][:2]
    small["map"] = {"kind": "image", "filename": "a.png", "bounds": [4.2, 52.0, 4.4, 52.1]}
    small["extra"] = {"pack_version": "1"}
    # Every optional field, even those the writer leaves out at their default.
    small["sessions"][0].update(FULL_SESSION)
    small["people"][0].update(FULL_PERSON)
    assert check(small) and reference.is_valid(cast(Any, small))
    rng = random.Random(20170215)
    disagreements = []
    for path in [p for p in paths(small) if p]:
        for value in [KeyError, *rng.sample(ODD_VALUES, 3)]:
            doc = mutated(small, path, value)
            if check(doc) != reference.is_valid(cast(Any, doc)):
                disagreements.append((path, value))
    # Unknown properties, at the top and deep down.
    for path in [("surprise",), ("event", "surprise"), ("sessions", 0, "surprise")]:
        doc = mutated(small, path, "boo")
        assert not check(doc) and not reference.is_valid(cast(Any, doc))
    assert disagreements == []


def test_fast_check_agrees_on_the_manifest() -> None:
    manifest = {
        "format": "fvpack",
        "format_version": 1,
        "pack_id": "0b5e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
        "event_id": "e",
        "pack_version": 1,
        "created": "2026-01-01T00:00:00Z",
        "min_app_version": "0.1",
        "signing_key": None,
        "return_key": "A" * 43 + "=",
        "files": {"event.json": {"sha256": "0" * 64, "size": 1}},
    }
    check = fast_check("manifest.schema.json")
    reference = validator("manifest.schema.json")
    assert check(manifest) and reference.is_valid(cast(Any, manifest))
    for path in [p for p in paths(manifest) if p]:
        for value in [KeyError, *ODD_VALUES, "../x", "documents/a.pdf", 2.0]:
            doc = mutated(manifest, path, value)
            assert check(doc) == reference.is_valid(cast(Any, doc)), (path, value)


def test_unknown_keywords_are_refused() -> None:
    with pytest.raises(UnsupportedSchemaError):
        compile_schema({"type": "string", "format": "email"})
    with pytest.raises(UnsupportedSchemaError):
        compile_schema({"enum": [1, 2]})


def test_errors_name_the_source_and_path(hague_json: dict[str, Any]) -> None:
    doc = mutated(hague_json, ("sessions", 3, "end"), "soon")
    with pytest.raises(InvalidInputError) as caught:
        content_from_json(doc, source="pack.fvpack: event.json")
    assert caught.value.path == "pack.fvpack: event.json"
    assert caught.value.field == "$.sessions[3].end"
    assert "soon" in caught.value.message


def test_round_trip_keeps_zones(hague_json: dict[str, Any]) -> None:
    content = content_from_json(hague_json, source="x")
    assert content_to_json(content) == hague_json
    assert hague_json["sessions"][0]["start"] == "2017-02-15T09:00:00+01:00"


def test_fields_at_their_default_are_left_out_and_read_back(hague_json: dict[str, Any]) -> None:
    session = hague_json["sessions"][0]
    assert "confidential" not in session and "links" not in session
    assert session["title"] and session["kind"]  # required ones always
    full = copy.deepcopy(hague_json)
    full["sessions"][0].update(FULL_SESSION)
    full["people"][0].update(FULL_PERSON)
    links = content_from_json(full, source="x").sessions[0].links
    assert [(x.title, x.url, x.kind.value) for x in links] == [
        ("Slides", "https://example.org/s.pdf", "slides"),
        ("", "javascript:alert(1)", "web_page"),
    ]
    lean = content_to_json(content_from_json(full, source="x"))
    assert lean["sessions"][0]["links"] == [
        {"title": "Slides", "url": "https://example.org/s.pdf", "kind": "slides"},
        {"url": "javascript:alert(1)"},
    ]
    assert "organisation" not in lean["people"][0] and lean["people"][0]["biography"] == "b"
    assert content_from_json(lean, source="x") == content_from_json(full, source="x")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"\xff{}", "UTF-8"),
        (b'{"a": NaN}', "NaN"),
        (b'{"a": 1, "a": 2}', "duplicate key"),
        (b"{", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested"),
    ],
)
def test_parse_refuses(raw: bytes, problem: str) -> None:
    with pytest.raises(InvalidInputError, match=problem) as caught:
        data = parse_json_bytes(raw, source="f.json")
        validate(data, "event.schema.json", source="f.json")
    assert caught.value.path == "f.json"


def test_parse_accepts_a_bom() -> None:
    assert parse_json_bytes(b"\xef\xbb\xbf" + json.dumps({"a": 1}).encode(), source="f") == {"a": 1}


def test_validate_without_the_fast_check(
    hague_json: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a schema ever use a keyword the compiled check lacks, jsonschema does it all."""
    import fieldvisit.packs.strict_json as strict_json

    def unsupported(_schema: Any) -> Any:
        raise UnsupportedSchemaError("pretend")

    monkeypatch.setattr(strict_json, "compile_schema", unsupported)
    strict_json.fast_check.cache_clear()
    try:
        validate(hague_json, "event.schema.json", source="x")
        doc = mutated(hague_json, ("event", "title"), "a\x00b")
        with pytest.raises(InvalidInputError, match="NUL"):
            validate(doc, "event.schema.json", source="x")
        doc = mutated(hague_json, ("sessions", 0, "kind"), "party")
        with pytest.raises(InvalidInputError) as caught:
            validate(doc, "event.schema.json", source="x")
        assert caught.value.field == "$.sessions[0].kind"
    finally:
        strict_json.fast_check.cache_clear()


def test_codec_refuses_instants_outside_1970_2100_without_the_schema() -> None:
    from fieldvisit.packs.codec import parse_instant

    for value in ("0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "1969-12-31T23:59Z"):
        with pytest.raises(InvalidInputError, match="outside 1970-2100") as caught:
            parse_instant(value, source="x.json", field="$.start")
        assert caught.value.message.startswith("x.json: $.start: ")
    assert parse_instant("2100-12-31T23:59:59-12:00", source="x", field="f").year == 2100


def test_parse_json_names_the_field_of_a_huge_integer_or_a_lone_surrogate() -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_json_bytes(b'{"a": [1, {"b": ' + b"1" * 5000 + b"}]}", source="x.json")
    assert "x.json: $.a[1].b: integer too large" in caught.value.message
    with pytest.raises(InvalidInputError) as caught:
        parse_json_bytes(b'{"a": 9223372036854775808}', source="x.json")
    assert "$.a" in caught.value.message
    assert parse_json_bytes(b'{"a": -9223372036854775808}', source="x") == {"a": -(2**63)}
    with pytest.raises(InvalidInputError) as caught:
        parse_json_bytes(b'{"t": ["ok", "\\udc00x"]}', source="x.json")
    assert "x.json: $.t[1]: contains a lone surrogate" in caught.value.message
    with pytest.raises(InvalidInputError, match="key contains a lone surrogate"):
        parse_json_bytes(b'{"\\ud800": 1}', source="x.json")
    assert parse_json_bytes(b'{"t": "\\ud83c\\udf89 \\\\ud800"}', source="x") == {
        "t": "\U0001f389 \\ud800"
    }


@pytest.mark.parametrize(
    ("where", "edit"),
    [
        ("$.people[0].phone", lambda d: d["people"][0].update(phone="+31 \ud800")),
        (
            "$.sessions[0].online_url",
            lambda d: d["sessions"][0].update(online_url="https://\udc00"),
        ),
        ("$.extra", lambda d: d.update(extra={"k\ud800": "v"})),
    ],
)
def test_lone_surrogates_are_refused_by_the_schema_check_too(
    hague_json: dict[str, Any], where: str, edit: Any
) -> None:
    """Data that did not come through parse_json_bytes (which refuses them first)."""
    doc = copy.deepcopy(hague_json)
    edit(doc)
    assert not fast_check("event.schema.json")(doc)
    with pytest.raises(InvalidInputError, match="lone surrogate") as caught:
        content_from_json(doc, source="e.json")
    assert caught.value.message.startswith(f"e.json: {where}")

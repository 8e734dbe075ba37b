"""JSON read strictly: bytes to data (UTF-8, no duplicate keys, NaN, huge integers or lone
surrogates) and data checked against the JSON Schemas in resources/, each error naming the
file and the JSON path. The pack's manifest.json and event.json go through here."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.limits import SURROGATE_ESCAPE, find_odd_value, json_int_hook
from fieldvisit.packs.fastschema import Check, UnsupportedSchemaError, compile_schema
from fieldvisit.paths import resource

if TYPE_CHECKING:
    from jsonschema.protocols import Validator


def _inline_refs(node: Any, defs: Mapping[str, Any]) -> Any:
    """Replace local `#/$defs/x` references by their target (our schemas are not recursive).

    WORKAROUND: jsonschema resolves every $ref through `referencing` on each use, which made
    validating a FOSDEM-sized event.json take 0.7 s; inlined, the same check is ~3x faster.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


@functools.cache
def _schema(schema_name: str) -> dict[str, Any]:
    schema = json.loads(resource("schemas", schema_name).read_text(encoding="utf-8"))
    return cast(dict[str, Any], _inline_refs(schema, schema.get("$defs", {})))


@functools.cache
def validator(schema_name: str) -> Validator:
    """The jsonschema validator of one schema, built once per process (it writes errors)."""
    import jsonschema  # slow to import, and only needed when something is wrong

    schema = _schema(schema_name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@functools.cache
def fast_check(schema_name: str) -> Check:
    """The compiled yes/no check of one schema (see fastschema.py), built once per process."""
    try:
        return compile_schema(_schema(schema_name))
    except UnsupportedSchemaError:
        reference = validator(schema_name)  # correct, only slower

        def check(data: Any) -> bool:
            try:
                _refuse_nul(data, "$", schema_name)
            except InvalidInputError:
                return False
            return bool(reference.is_valid(data))

        return check


def validate(data: object, schema_name: str, *, source: str) -> None:
    """Raise InvalidInputError naming `source` and the JSON path of the first bad field."""
    try:
        # The fast check also refuses NUL characters; _refuse_nul then says where.
        if fast_check(schema_name)(data):
            return
        _refuse_nul(data, "$", source)
        odd = find_odd_value(data)  # the fast check's other strictness: say where
        if odd is not None:
            raise InvalidInputError(odd[1], path=source, field=odd[0])
        errors = list(validator(schema_name).iter_errors(cast(Any, data)))
    except RecursionError:
        raise InvalidInputError("JSON nested too deeply", path=source) from None
    if not errors:
        # The fast check is never more lenient than jsonschema; when they disagree, refuse.
        raise InvalidInputError(f"does not match {schema_name}", path=source, field="$")
    # The deepest error says most about what is wrong; ties broken by path for stable output.
    error = min(errors, key=lambda e: (-len(e.absolute_path), e.json_path))
    message = _explain(error)
    if len(message) > 200:
        message = message[:200] + "..."
    raise InvalidInputError(message, path=source, field=error.json_path)


def _explain(error: Any) -> str:
    """jsonschema's message, or for a pattern the schema describes, what the value must be.

    "'0001-02-15' does not match '^(19[7-9][0-9]|...'" says less than "must be a date from
    1970 to 2100"; an anyOf (an optional date) is explained by its one non-null option.
    """
    while error.validator == "anyOf" and error.context:
        options = [e for e in error.context if e.validator != "type"]
        if len(options) != 1:
            break
        error = options[0]
    schema = error.schema if isinstance(error.schema, dict) else {}
    described = schema.get("description")
    if error.validator == "pattern" and isinstance(described, str):
        shown = repr(error.instance)
        if len(shown) > 60:
            shown = shown[:60] + "..."
        return f"{shown} is not {described}"
    return str(error.message)


def _refuse_nul(data: object, where: str, source: str) -> None:
    """NUL characters are valid JSON (\\u0000) but break SQLite text and C-based viewers."""
    if isinstance(data, str):
        if "\x00" in data:
            raise InvalidInputError("contains a NUL character", path=source, field=where)
    elif isinstance(data, dict):
        for key, value in data.items():
            if "\x00" in key:
                raise InvalidInputError("a key contains a NUL character", path=source, field=where)
            _refuse_nul(value, f"{where}.{key}", source)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            _refuse_nul(item, f"{where}[{index}]", source)


def parse_json_bytes(raw: bytes, *, source: str) -> object:
    """Strict UTF-8 JSON: invalid bytes, NaN, duplicate keys, lone surrogates (`\\ud800`)
    and integers past 64 bits are refused, each naming where it was."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 1]!r})",
            path=source,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    raise InvalidInputError(f"duplicate key {key!r}", path=source)
                seen.add(key)
        return result

    def no_constant(name: str) -> object:
        raise InvalidInputError(f"{name} is not allowed in JSON", path=source)

    huge = [False]
    try:
        data = cast(
            object,
            json.loads(
                text,
                object_pairs_hook=no_duplicates,
                parse_constant=no_constant,
                parse_int=json_int_hook(huge),
            ),
        )
        if huge[0] or SURROGATE_ESCAPE.search(text):
            odd = find_odd_value(data)
            if odd is not None:
                where, problem = odd
                raise InvalidInputError(problem, path=source, field=where)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path=source
        ) from None
    except RecursionError:
        raise InvalidInputError("JSON nested too deeply", path=source) from None
    except ValueError as exc:  # a float or other literal Python cannot convert
        raise InvalidInputError(f"not valid JSON: {exc}", path=source) from None
    return data

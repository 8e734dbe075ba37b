"""A compiled yes/no checker for the subset of JSON Schema our schemas use.

jsonschema stays the reference and writes every error message; this only answers "valid?"
quickly. Validating a FOSDEM-sized event.json (943 sessions) took jsonschema about 300 ms,
most of a pack's opening time; the compiled checker takes a few milliseconds. Any keyword
outside the subset makes `compile_schema` raise, so nothing is ever silently unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from fieldvisit.domain.limits import has_surrogate

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment", "$defs"})


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


# JSON Schema's types, as jsonschema's draft 2020-12 type checker defines them.
_TYPES: dict[str, Check] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
    "number": _is_number,
    "integer": lambda x: (
        (isinstance(x, int) and not isinstance(x, bool))
        or (isinstance(x, float) and x.is_integer())
    ),
}


class UnsupportedSchemaError(ValueError):
    """The schema uses a keyword this checker does not implement."""


def _type_check(value: str | list[str]) -> Check:
    names = [value] if isinstance(value, str) else list(value)
    checks = [_TYPES[n] for n in names]
    if len(checks) == 1:
        return checks[0]
    return lambda x: any(c(x) for c in checks)


def _enum_check(values: list[Any]) -> Check:
    if not all(isinstance(v, str) for v in values):
        raise UnsupportedSchemaError("enum/const of non-strings")
    allowed = frozenset(values)
    return lambda x: isinstance(x, str) and x in allowed


def _object_check(schema: Mapping[str, Any], typed: bool) -> Check:
    props = {name: compile_schema(sub) for name, sub in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    additional = schema.get("additionalProperties", True)
    # None: no other property is allowed.
    extra: Check | None = None
    if additional is True:
        extra = _always
    elif additional is not False:
        extra = compile_schema(additional)
    max_props = schema.get("maxProperties")
    names = compile_schema(schema["propertyNames"]) if "propertyNames" in schema else None

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return not typed
        if max_props is not None and len(x) > max_props:
            return False
        for name in required:
            if name not in x:
                return False
        for key, value in x.items():
            sub = props.get(key)
            if sub is not None:
                if not sub(value):
                    return False
            elif extra is None or "\x00" in key or has_surrogate(key) or not extra(value):
                return False
            if names is not None and not names(key):
                return False
        return True

    return check


def _array_check(schema: Mapping[str, Any], typed: bool) -> Check:
    prefix = [compile_schema(s) for s in schema.get("prefixItems", ())]
    items = compile_schema(schema["items"]) if "items" in schema else None
    low = schema.get("minItems", 0)
    high = schema.get("maxItems")

    def check(x: Any) -> bool:
        if not isinstance(x, list):
            return not typed
        if len(x) < low or (high is not None and len(x) > high):
            return False
        if prefix:
            for index, value in enumerate(x[: len(prefix)]):
                if not prefix[index](value):
                    return False
            rest = x[len(prefix) :]
        else:
            rest = x
        if items is not None:
            for value in rest:
                if not items(value):
                    return False
        return True

    return check


_NO_SURROGATE = "^[^\\ud800-\\udfff]*$"


def _string_check(schema: Mapping[str, Any], typed: bool) -> Check:
    low = schema.get("minLength", 0)
    high = schema.get("maxLength")
    source = schema.get("pattern")
    # A pattern refusing only lone surrogates says what the check below does for every string
    # anyway; searching each description with it took a third of a FOSDEM pack's validation.
    pattern = None if source is None or source == _NO_SURROGATE else re.compile(source)

    def check(x: Any) -> bool:
        if not isinstance(x, str):
            return not typed
        # Stricter than the schema on purpose: NUL and lone surrogates are refused in every
        # string (see codec), not only where a pattern says so.
        if "\x00" in x or len(x) < low or (high is not None and len(x) > high):
            return False
        if not x.isascii() and has_surrogate(x):
            return False
        return pattern is None or pattern.search(x) is not None

    return check


def _number_check(schema: Mapping[str, Any], typed: bool) -> Check:
    low = schema.get("minimum")
    high = schema.get("maximum")
    is_type = _TYPES["integer"] if schema.get("type") == "integer" else _is_number

    def check(x: Any) -> bool:
        if not _is_number(x):
            return not typed
        if typed and not is_type(x):
            return False
        return (low is None or x >= low) and (high is None or x <= high)

    return check


def _always(_x: Any) -> bool:
    return True


_OBJECT = {"properties", "required", "additionalProperties", "maxProperties", "propertyNames"}
_ARRAY = {"items", "prefixItems", "minItems", "maxItems"}
_STRING = {"minLength", "maxLength", "pattern"}
_NUMBER = {"minimum", "maximum"}
_KNOWN = _ANNOTATIONS | _OBJECT | _ARRAY | _STRING | _NUMBER | {"type", "enum", "const", "anyOf"}


def compile_schema(schema: Any) -> Check:
    """A function telling whether an instance is valid; refs must already be inlined."""
    if schema is True or schema == {}:
        return _always
    if not isinstance(schema, dict):
        raise UnsupportedSchemaError(f"schema {schema!r}")
    unknown = set(schema) - _KNOWN
    if unknown:
        raise UnsupportedSchemaError(f"keywords {sorted(unknown)}")
    checks: list[Check] = []
    kind = schema.get("type")
    kinds: list[tuple[set[str], Callable[[Mapping[str, Any], bool], Check], tuple[str, ...]]] = [
        (_OBJECT, _object_check, ("object",)),
        (_ARRAY, _array_check, ("array",)),
        (_STRING, _string_check, ("string",)),
        (_NUMBER, _number_check, ("number", "integer")),
    ]
    typed = False
    for keywords, make, types in kinds:
        # A single "type" of this kind is checked inside the kind's own check (one call).
        this_type = kind in types
        if keywords & set(schema) or (this_type and kind in ("object", "array", "string")):
            checks.append(make(schema, this_type))
            typed = typed or this_type
    if kind is not None and not typed:
        checks.insert(0, _type_check(kind))
    if "enum" in schema:
        checks.append(_enum_check(schema["enum"]))
    if "const" in schema:
        checks.append(_enum_check([schema["const"]]))
    if "anyOf" in schema:
        options = [compile_schema(s) for s in schema["anyOf"]]
        checks.append(lambda x: any(o(x) for o in options))
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda x: first(x) and second(x)
    return lambda x: all(c(x) for c in checks)

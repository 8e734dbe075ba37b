"""A compiled yes/no checker for the subset of JSON Schema our schemas use.

jsonschema stays the reference and writes every error message; this only answers "valid?"
quickly. Validating a FOSDEM-sized event.json (943 sessions) took jsonschema about 300 ms,
most of a pack's opening time. The schema is turned into Python source once per process:
one function per object or array schema, each property's check written inline (a string's
length, NUL and surrogate check, a pattern, an enum), so a session's dozen fields or a
link's three cost no call each. Any keyword outside the subset makes `compile_schema`
raise, so nothing is ever silently unchecked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, cast

from fieldvisit.domain.limits import has_surrogate

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment", "$defs"})
_OBJECT = {"properties", "required", "additionalProperties", "maxProperties", "propertyNames"}
_ARRAY = {"items", "prefixItems", "minItems", "maxItems"}
_STRING = {"minLength", "maxLength", "pattern"}
_NUMBER = {"minimum", "maximum"}
_KNOWN = _ANNOTATIONS | _OBJECT | _ARRAY | _STRING | _NUMBER | {"type", "enum", "const", "anyOf"}

# A pattern refusing only lone surrogates says what every string check does anyway (see
# below); searching each description with it took a third of a FOSDEM pack's validation.
_NO_SURROGATE = "^[^\\ud800-\\udfff]*$"


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _is_integer(x: Any) -> bool:
    return (isinstance(x, int) and not isinstance(x, bool)) or (
        isinstance(x, float) and x.is_integer()
    )


# JSON Schema's types, as jsonschema's draft 2020-12 type checker defines them: an
# expression over the variable `{v}`.
_TYPES = {
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "string": "isinstance({v}, str)",
    "boolean": "isinstance({v}, bool)",
    "null": "{v} is None",
    "number": "_is_number({v})",
    "integer": "_is_integer({v})",
}


class UnsupportedSchemaError(ValueError):
    """The schema uses a keyword this checker does not implement."""


def _count(schema: Mapping[str, Any], key: str, default: int | None) -> int | None:
    value = schema.get(key, default)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise UnsupportedSchemaError(f"{key} {value!r}")
    return value


def _bound(schema: Mapping[str, Any], key: str) -> str | None:
    value = schema.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UnsupportedSchemaError(f"{key} {value!r}")
    return repr(value)


def _all(parts: list[str]) -> str:
    return "True" if not parts else parts[0] if len(parts) == 1 else f"({' and '.join(parts)})"


class _Compiler:
    """Writes the source of the check functions and holds the constants they use."""

    def __init__(self) -> None:
        self.functions: list[str] = []
        self.names: dict[str, Any] = {
            "_is_number": _is_number,
            "_is_integer": _is_integer,
            "has_surrogate": has_surrogate,
            "_MISSING": object(),
        }

    def name(self, prefix: str) -> str:
        return f"{prefix}{len(self.names)}"

    def constant(self, value: Any) -> str:
        name = self.name("_c")
        self.names[name] = value
        return name

    def expr(self, schema: Any, v: str) -> str:
        """A Python expression telling whether the variable `v` is valid against `schema`."""
        if schema is True or schema == {}:
            return "True"
        if not isinstance(schema, dict):
            raise UnsupportedSchemaError(f"schema {schema!r}")
        unknown = set(schema) - _KNOWN
        if unknown:
            raise UnsupportedSchemaError(f"keywords {sorted(unknown)}")
        kind = schema.get("type")
        if kind is not None:
            kinds = [kind] if isinstance(kind, str) else kind
            if not isinstance(kinds, list) or any(k not in _TYPES for k in kinds):
                raise UnsupportedSchemaError(f"type {kind!r}")
        parts: list[str] = []
        typed = False
        makers: list[
            tuple[set[str], Callable[[Mapping[str, Any], bool, str], str], tuple[str, ...]]
        ]
        makers = [
            (_OBJECT, self.object, ("object",)),
            (_ARRAY, self.array, ("array",)),
            (_STRING, self.string, ("string",)),
            (_NUMBER, self.number, ("number", "integer")),
        ]
        for keywords, make, types in makers:
            # A single "type" of this kind is checked inside the kind's own check.
            this_type = kind in types
            if keywords & set(schema) or (this_type and kind in ("object", "array", "string")):
                parts.append(make(schema, this_type, v))
                typed = typed or this_type
        if kind is not None and not typed:
            names = [kind] if isinstance(kind, str) else kind
            parts.insert(0, "(" + " or ".join(_TYPES[n].format(v=v) for n in names) + ")")
        for values in ([schema["enum"]] if "enum" in schema else []) + (
            [[schema["const"]]] if "const" in schema else []
        ):
            if not isinstance(values, list) or not all(isinstance(x, str) for x in values):
                raise UnsupportedSchemaError("enum/const of non-strings")
            parts.append(f"(isinstance({v}, str) and {v} in {self.constant(frozenset(values))})")
        if "anyOf" in schema:
            options = [self.expr(option, v) for option in schema["anyOf"]]
            parts.append("(" + " or ".join(options) + ")")
        return _all(parts)

    def string(self, schema: Mapping[str, Any], typed: bool, v: str) -> str:
        low = _count(schema, "minLength", 0)
        high = _count(schema, "maxLength", None)
        pattern = schema.get("pattern")
        # Stricter than the schema on purpose: NUL and lone surrogates are refused in every
        # string (see codec), not only where a pattern says so.
        parts = [f'"\\x00" not in {v}']
        if low:
            parts.append(f"len({v}) >= {low}")
        if high is not None:
            parts.append(f"len({v}) <= {high}")
        parts.append(f"({v}.isascii() or not has_surrogate({v}))")
        if pattern is not None and pattern != _NO_SURROGATE:
            if not isinstance(pattern, str):
                raise UnsupportedSchemaError(f"pattern {pattern!r}")
            parts.append(f"{self.constant(re.compile(pattern).search)}({v}) is not None")
        body = " and ".join(parts)
        if typed:
            return f"(isinstance({v}, str) and {body})"
        return f"(not isinstance({v}, str) or ({body}))"

    def number(self, schema: Mapping[str, Any], typed: bool, v: str) -> str:
        parts = []
        if typed and schema.get("type") == "integer":
            parts.append(f"_is_integer({v})")
        low = _bound(schema, "minimum")
        high = _bound(schema, "maximum")
        if low is not None:
            parts.append(f"{v} >= {low}")
        if high is not None:
            parts.append(f"{v} <= {high}")
        body = _all(parts)
        if typed:
            return f"(_is_number({v}) and {body})"
        return f"(not _is_number({v}) or {body})"

    def define(self, prefix: str, lines: list[str]) -> str:
        name = self.name(prefix)
        self.names[name] = None  # reserve the name; exec fills it in
        self.functions.append(f"def {name}(x):\n" + "".join(f"    {line}\n" for line in lines))
        return name

    def object(self, schema: Mapping[str, Any], typed: bool, v: str) -> str:
        props: dict[str, Any] = schema.get("properties", {})
        required = schema.get("required", [])
        if not isinstance(props, dict) or not isinstance(required, list):
            raise UnsupportedSchemaError("properties/required")
        additional = schema.get("additionalProperties", True)
        max_props = _count(schema, "maxProperties", None)
        lines = ["if not isinstance(x, dict):", f"    return {not typed}"]
        if max_props is not None:
            lines += [f"if len(x) > {max_props}:", "    return False"]
        for name in required:
            if name not in props:
                lines += [f"if {name!r} not in x:", "    return False"]
        if props:
            lines.append("seen = 0")
        for name, sub in props.items():
            lines += [
                f"v = x.get({name!r}, _MISSING)",
                "if v is not _MISSING:",
                "    seen += 1",
                f"    if not {self.expr(sub, 'v')}:",
                "        return False",
            ]
            if name in required:
                lines += ["else:", "    return False"]
        # Keys beyond the properties (when some key was not one of them): none allowed, or
        # each checked, and never NUL or a lone surrogate, like every string.
        others = ["for k, v in x.items():"]
        if props:
            others += [f"    if k in {self.constant(frozenset(props))}:", "        continue"]
        if additional is False:
            others.append("    return False")
        else:
            others += [
                '    if not isinstance(k, str) or "\\x00" in k or has_surrogate(k):',
                "        return False",
            ]
            if additional is not True:
                others += [f"    if not {self.expr(additional, 'v')}:", "        return False"]
        if props:
            lines += ["if seen != len(x):", *(f"    {line}" for line in others)]
        else:
            lines += others
        if "propertyNames" in schema:
            lines += [
                "for k in x:",
                f"    if not {self.expr(schema['propertyNames'], 'k')}:",
                "        return False",
            ]
        lines.append("return True")
        return f"{self.define('_object', lines)}({v})"

    def array(self, schema: Mapping[str, Any], typed: bool, v: str) -> str:
        prefix = schema.get("prefixItems", [])
        low = _count(schema, "minItems", 0)
        high = _count(schema, "maxItems", None)
        lines = ["if not isinstance(x, list):", f"    return {not typed}"]
        if low:
            lines += [f"if len(x) < {low}:", "    return False"]
        if high is not None:
            lines += [f"if len(x) > {high}:", "    return False"]
        for index, sub in enumerate(prefix):
            lines += [
                f"if len(x) > {index}:",
                f"    v = x[{index}]",
                f"    if not {self.expr(sub, 'v')}:",
                "        return False",
            ]
        if "items" in schema:
            rest = f"x[{len(prefix)}:]" if prefix else "x"
            lines += [
                f"for v in {rest}:",
                f"    if not {self.expr(schema['items'], 'v')}:",
                "        return False",
            ]
        lines.append("return True")
        return f"{self.define('_array', lines)}({v})"


def compile_schema(schema: Any) -> Check:
    """A function telling whether an instance is valid; refs must already be inlined."""
    compiler = _Compiler()
    top = compiler.expr(schema, "x")
    source = "\n".join([*compiler.functions, f"def _check(x):\n    return {top}\n"])
    namespace = dict(compiler.names)
    exec(compile(source, "<fastschema>", "exec"), namespace)
    return cast(Check, namespace["_check"])

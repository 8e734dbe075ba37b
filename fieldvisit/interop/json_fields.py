"""Fields of a schedule's JSON read strictly: the shared helpers of the frab/pretalx and
c3voc schedule 2 readers (errors name the file and the JSON path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.interop.links import RawLink


def expect(value: object, kind: type, path: Path, where: str) -> Any:
    if not isinstance(value, kind):
        names: dict[type, str] = {dict: "an object", list: "a list", str: "a string"}
        raise InvalidInputError(
            f"expected {names.get(kind, kind.__name__)}, found {type(value).__name__}",
            path=path,
            field=where,
        )
    return value


def text_field(mapping: dict[str, Any], key: str, path: Path, where: str) -> str:
    """A field as text: numbers (ids) become strings, null and absent become ""."""
    value = mapping.get(key)
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    raise InvalidInputError(
        f"expected text, found {type(value).__name__}", path=path, field=f"{where}/{key}"
    )


def references(path: Path, event: dict[str, Any], key: str, where: str) -> list[RawLink]:
    """An event's `links` or `attachments`: objects with url, title and type (c3voc's
    Reference), or bare address strings as some exporters write them."""
    found: list[RawLink] = []
    for n, value in enumerate(expect(event.get(key) or [], list, path, f"{where}/{key}"), 1):
        at = f"{where}/{key}[{n}]"
        if isinstance(value, str):
            found.append(RawLink(url=value))
            continue
        item = expect(value, dict, path, at)
        found.append(
            RawLink(
                url=text_field(item, "url", path, at) or text_field(item, "href", path, at),
                title=text_field(item, "title", path, at),
                type=text_field(item, "type", path, at),
            )
        )
    return found

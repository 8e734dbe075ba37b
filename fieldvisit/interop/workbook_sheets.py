"""The event workbook (.xlsx) opened with care: size and zip-bomb checks before openpyxl
inflates anything, and each sheet's rows read (bounded) as records of Cells."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.interop.common import MAX_FILE_BYTES
from fieldvisit.interop.workbook_cells import Cell, cell_ref, normalise_header
from fieldvisit.interop.workbook_layout import EXAMPLE_PREFIX

MAX_MEMBERS = 2_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # xlsx XML compresses ~10-30x; far more is a zip bomb
MAX_ROWS = 100_000
MAX_COLUMNS = 64

# What a damaged or crafted xlsx raises from zipfile, zlib, expat and openpyxl: an unknown
# compression or zip version (NotImplementedError), a broken deflate stream (zlib.error), an
# XML part declaring an unknown encoding (LookupError), a cell value out of range.
DAMAGED: tuple[type[Exception], ...] = (
    ValueError,
    TypeError,
    OSError,
    EOFError,
    LookupError,
    NotImplementedError,
    OverflowError,
    zlib.error,
)
BROKEN_PART: tuple[type[Exception], ...] = (*DAMAGED, zipfile.BadZipFile, ParseError)


def short_error(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def check_container(path: Path) -> None:
    """Refuse oversized files and zip bombs before openpyxl inflates anything."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInputError(f"file is {size:,} bytes, over the limit", path=path)
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise InvalidInputError("not an .xlsx workbook (not a zip archive)", path=path) from exc
    except OSError as exc:
        raise InvalidInputError(f"cannot read the file: {exc.strerror or exc}", path=path) from exc
    if len(members) > MAX_MEMBERS:
        raise InvalidInputError(f"workbook has {len(members)} parts: refused", path=path)
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise InvalidInputError(f"workbook unpacks to {total:,} bytes: refused", path=path)
    for member in members:
        if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise InvalidInputError(
                f"workbook part {member.filename!r} is compressed suspiciously well "
                "(zip bomb?): refused",
                path=path,
            )


class Sheet:
    """A worksheet's rows as dicts of Cells keyed by normalised header."""

    def __init__(self, path: Path, name: str, worksheet: Any) -> None:
        self.path = path
        self.name = name
        self.rows: list[tuple[Any, ...]] = []
        # Columns beyond MAX_COLUMNS are never ours: not reading them bounds the memory a
        # sheet with formatting dragged out to column XFD can take.
        rows = worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        for n, row in enumerate(rows, start=1):
            if n > MAX_ROWS:
                raise InvalidInputError(
                    f"more than {MAX_ROWS:,} rows", path=path, field=f"{name}!A{n}"
                )
            self.rows.append(tuple(row))

    def records(self, columns: tuple[Any, ...]) -> Iterator[dict[str, Cell]]:
        """Data rows (not the header, not empty, not EXAMPLE:), checking required headers."""
        if not self.rows:
            return
        positions: dict[str, int] = {}
        for index, value in enumerate(self.rows[0], start=1):
            header = normalise_header(value)
            if header and header not in positions:
                positions[header] = index
        for column in columns:
            if column.required and column.header not in positions:
                raise InvalidInputError(
                    f"column {column.header!r} is missing from the header row",
                    path=self.path,
                    field=f"{self.name}!1",
                )
        for number, row in enumerate(self.rows[1:], start=2):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            first = row[0] if row else None
            if isinstance(first, str) and first.strip().upper().startswith(EXAMPLE_PREFIX):
                continue
            yield {
                column.header: self._cell(positions, column.header, row, number)
                for column in columns
            }

    def _cell(
        self, positions: dict[str, int], header: str, row: tuple[Any, ...], number: int
    ) -> Cell:
        index = positions.get(header)
        if index is None:  # an optional column the organiser deleted
            return Cell(self.path, f"{self.name}!{number} ({header})", None)
        value = row[index - 1] if index <= len(row) else None
        return Cell(self.path, cell_ref(self.name, index, number), value)

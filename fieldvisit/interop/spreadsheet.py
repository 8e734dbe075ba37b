"""Spreadsheets: the organiser's event workbook template, its reader, and result sheets."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from fieldvisit.interop.atomic import write_atomic
from fieldvisit.interop.workbook_layout import (
    EVENT_EXAMPLE,
    EVENT_FIELDS,
    INSTRUCTIONS,
    TABLE_EXAMPLES,
    TABLE_SHEETS,
    CellValue,
    Column,
)
from fieldvisit.interop.workbook_reader import read_workbook

__all__ = ["read_workbook", "write_rows_xlsx", "write_template"]

AUTHOR = "fieldvisit"
MAX_CELL_CHARS = 32_767  # Excel's limit; longer text makes it "repair" the file
TEMPLATE_ROWS = 500  # drop-downs and formats reach this far down each sheet
_HEADER_FONT = Font(bold=True)
_EXAMPLE_FONT = Font(italic=True, color="666666")
_EXAMPLE_FILL = PatternFill("solid", fgColor="EEEEEE")
_FORMATS = {"date": "yyyy-mm-dd", "time": "hh:mm"}


def _header(column: Column) -> str:
    return f"{column.header} *" if column.required else column.header


def _validation(column: Column, cells: str) -> DataValidation | None:
    if column.kind == "choice":
        dv = DataValidation(type="list", formula1=f'"{",".join(column.choices)}"')
        dv.error = f"Pick one of: {', '.join(column.choices)}"
    elif column.kind in ("lat", "lon"):
        limit = 90 if column.kind == "lat" else 180
        dv = DataValidation(type="decimal", operator="between", formula1=str(-limit))
        dv.formula2 = str(limit)
        dv.error = f"Degrees between -{limit} and {limit}"
    elif column.kind == "int":
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2="1000000")
        dv.error = "A whole number"
    else:
        return None
    dv.allow_blank = not column.required
    dv.showErrorMessage = True
    dv.add(cells)
    return dv


def _write_table(sheet: Worksheet, columns: tuple[Column, ...], example: list[CellValue]) -> None:
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index, value=_header(column))
        cell.font = _HEADER_FONT
        cell.comment = Comment(column.help, AUTHOR, width=260, height=90)
        sheet.column_dimensions[letter].width = column.width
        validation = _validation(column, f"{letter}2:{letter}{TEMPLATE_ROWS}")
        if validation is not None:
            sheet.add_data_validation(validation)
        if column.kind in _FORMATS:
            # A column style, not 500 formatted cells: new rows still get it, and the sheet's
            # used range stays at the example row.
            sheet.column_dimensions[letter].number_format = _FORMATS[column.kind]
    for index, value in enumerate(example, start=1):
        cell = sheet.cell(row=2, column=index, value=value)
        cell.font = _EXAMPLE_FONT
        cell.fill = _EXAMPLE_FILL
    sheet.cell(row=2, column=1).comment = Comment(
        "Example row (its id starts with EXAMPLE:): ignored when the pack is built.", AUTHOR
    )
    sheet.freeze_panes = "B2"


def _write_event(sheet: Worksheet) -> None:
    for index, text in enumerate(("Field", "Value", "Example (ignored)", "Help"), start=1):
        sheet.cell(row=1, column=index, value=text).font = _HEADER_FONT
    for row, column in enumerate(EVENT_FIELDS, start=2):
        sheet.cell(row=row, column=1, value=_header(column)).comment = Comment(
            column.help, AUTHOR, width=260, height=90
        )
        value_cell = sheet.cell(row=row, column=2)
        if column.kind in _FORMATS:
            value_cell.number_format = _FORMATS[column.kind]
        validation = _validation(column, f"B{row}")
        if validation is not None:
            sheet.add_data_validation(validation)
        example = sheet.cell(row=row, column=3, value=EVENT_EXAMPLE.get(column.header))
        example.font = _EXAMPLE_FONT
        example.fill = _EXAMPLE_FILL
        if column.kind in _FORMATS:
            example.number_format = _FORMATS[column.kind]
        sheet.cell(row=row, column=4, value=column.help)
    for letter, width in zip("ABCD", (22, 40, 40, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"


def template_bytes() -> bytes:
    """The documented, empty event workbook as .xlsx bytes."""
    book = Workbook()
    instructions = book.active
    assert instructions is not None  # a new Workbook always has one sheet
    instructions.title = "Instructions"
    for row, line in enumerate(INSTRUCTIONS, start=1):
        cell = instructions.cell(row=row, column=1, value=line)
        if row == 1:
            cell.font = Font(bold=True, size=14)
        cell.alignment = Alignment(wrap_text=False)
    instructions.column_dimensions["A"].width = 110
    _write_event(book.create_sheet("Event"))
    for name, columns in TABLE_SHEETS.items():
        _write_table(book.create_sheet(name), columns, TABLE_EXAMPLES[name])
    return _save(book)


def write_template(path: Path) -> None:
    """Write the event workbook template an organiser fills in Excel or LibreOffice."""
    write_atomic(Path(path), template_bytes())


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell_value(value: object) -> CellValue:
    """A value openpyxl can store without turning text into a formula or failing."""
    if isinstance(value, str):
        cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(cleaned) > MAX_CELL_CHARS:
            cleaned = cleaned[: MAX_CELL_CHARS - 20] + " ... [truncated]"
        return cleaned
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        # xlsx has no time zones: the wall-clock time the caller chose is what is written.
        return value.replace(tzinfo=None)
    if value is None or isinstance(
        value, bool | int | float | dt.datetime | dt.date | dt.time | dt.timedelta
    ):
        return value
    return str(value)


def _sheet_title(name: str, taken: set[str]) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")[:31] or "Sheet"
    title, n = cleaned, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def write_rows_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """Write result sheets: the first row of each is a bold, frozen header.

    Text is always stored as text, so a delegate's answer starting with "=" can never
    become a formula in the organiser's spreadsheet. Aware datetimes lose their zone
    (xlsx has none): convert them to the event's zone first.
    """
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    taken: set[str] = set()
    for name, rows in sheets.items():
        sheet = book.create_sheet(_sheet_title(name, taken))
        widths: dict[int, int] = {}
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c, value=_cell_value(value))
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never "f": no formula injection
                if r == 1:
                    cell.font = _HEADER_FONT
                widths[c] = max(widths.get(c, 8), min(60, len(str(cell.value or "")) + 2))
        for c, width in widths.items():
            sheet.column_dimensions[get_column_letter(c)].width = width
        if rows:
            sheet.freeze_panes = "A2"
    if not book.worksheets:
        book.create_sheet("Sheet")
    write_atomic(Path(path), _save(book))

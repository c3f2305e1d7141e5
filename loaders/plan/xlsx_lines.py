"""Lines of an Excel (.xlsx) plan: the cluster lists (名单) provinces publish as spreadsheets.

Each visible sheet is read in order, its rows as lines of cells joined by " | " (the form the
table parsers read in a .txt plan). A sheet named by the author (not "Sheet1") opens with its
name as a line. A row with one filled cell (a title across the sheet, a note under the table) is
a paragraph. A merged cell's value stands in every row it spans — the 地市 column of a list is
often one merged cell over its cities' rows — and once in the columns it spans, so each row's
cells stay under their header. Formulas are read as the values Excel saved with them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clusterkg.errors import InputError

from .lines import DocumentLines

CELL_SEPARATOR = " | "
# the names a spreadsheet program gives sheets it was not told to name
_DEFAULT_SHEET = re.compile(r"^(?:sheet|工作表|表)\s*\d*$", re.IGNORECASE)
_WRAP_IN_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def xlsx_lines(raw: bytes, path: Path) -> DocumentLines:
    """The lines of a .xlsx workbook and its title (document properties), or InputError naming the file."""
    from openpyxl import load_workbook

    try:
        # not read-only: merged ranges are only known to a fully loaded sheet; the plan size limit
        # (checked before this) bounds what is loaded
        book = load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InputError(f"{path}: not a readable Excel .xlsx workbook ({type(exc).__name__})") from None
    try:
        title = (book.properties.title or "").strip() or None
        lines: list[str] = []
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            lines.extend(_sheet_lines(sheet))
        return DocumentLines(tuple(lines), title)
    finally:
        book.close()


def _sheet_lines(sheet: Any) -> Iterator[str]:
    rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    filled_down: set[tuple[int, int]] = set()  # cells a merged range fills below its first row
    for merged in sheet.merged_cells.ranges:
        r0, c0 = merged.min_row - 1, merged.min_col - 1
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0 + 1, min(merged.max_row, len(rows))):
            if c0 < len(rows[r]):
                rows[r][c0] = value
                filled_down.add((r, c0))
    name = str(sheet.title).strip()
    if name and not _DEFAULT_SHEET.match(name) and any(any(row) for row in rows):
        yield name
    for r, row in enumerate(rows):
        while row and not row[-1]:
            row = row[:-1]
        own = [c for i, c in enumerate(row) if c and (r, i) not in filled_down]
        if not own:
            continue  # a spacer, or a row that only a merged cell above reaches
        if len([c for c in row if c]) == 1:
            yield own[0]
        else:
            yield CELL_SEPARATOR.join(row)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 150.0 as Excel stores a typed 150
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    # a line break inside a cell is a wrap, not a new line: gone between Chinese characters
    return " ".join(_WRAP_IN_CHINESE.sub("", str(value)).split())

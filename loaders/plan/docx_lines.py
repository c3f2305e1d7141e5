"""Lines of a Word (.docx) plan: body paragraphs and table rows in document order.

A table row becomes one line, its cells joined by " | " (the form the table parsers read in a
.txt plan); a row of one cell is a frame around text rather than a row of data, so its content is
read as paragraphs. Nested tables are flattened: their rows follow the row that holds them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from clusterkg.errors import InputError

from .lines import DocumentLines

CELL_SEPARATOR = " | "

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")


def docx_lines(raw: bytes, path: Path) -> DocumentLines:
    """The lines of a .docx file and its title (core properties), or InputError naming the file."""
    try:
        document = Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise InputError(f"{path}: not a readable Word .docx file ({exc})") from None
    title = (document.core_properties.title or "").strip() or None
    return DocumentLines(tuple(_blocks(document.element.body, document)), title)


def _blocks(container: etree._Element, parent: object) -> Iterator[str]:
    """Lines of the paragraphs and tables directly in ``container`` (a body, cell or content control)."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield from Paragraph(child, parent).text.splitlines()  # type: ignore[arg-type]
        elif child.tag == _TBL:
            yield from _table_lines(Table(child, parent))  # type: ignore[arg-type]
        elif child.tag == _SDT:
            # A content control (e.g. a form field or cover-page block) wraps ordinary paragraphs.
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _blocks(content, parent)


def _table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells = _distinct_cells(row.cells)
        if len(cells) == 1:
            yield from _blocks(cells[0]._tc, cells[0])
            continue
        texts = [_cell_text(cell) for cell in cells]
        if any(texts):  # a row of empty cells is a spacer
            yield CELL_SEPARATOR.join(texts)
        for cell in cells:
            for nested in cell.tables:
                yield from _table_lines(nested)


def _distinct_cells(cells: tuple[_Cell, ...]) -> list[_Cell]:
    """The row's cells with a horizontally merged cell once, though python-docx repeats it per column."""
    distinct: list[_Cell] = []
    for cell in cells:
        if not distinct or cell._tc is not distinct[-1]._tc:
            distinct.append(cell)
    return distinct


def _cell_text(cell: _Cell) -> str:
    """The cell's own paragraphs on one line; line breaks inside the cell become spaces."""
    return " ".join(" ".join(p.text.split("\n")).strip() for p in cell.paragraphs if p.text.strip())

"""The appendix table of a plan: one row per priority cluster with its zones and target.

Tables arrive as tab-separated lines under a header row whose cells name the columns
(序号 / 产业集群 / …集聚区 / …目标).  Cells carry stray full-width spaces where the
original table wrapped; names are normalised with :func:`clusterkg.text.normalise_name`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusterkg.errors import InputError
from clusterkg.text import normalise_name

from .document import Paragraph, PlanDocument
from .numbers import to_yi

_YEAR = re.compile(r"(\d{4})年")
_LIST_SEP = re.compile(r"[、，,；;]")


@dataclass(frozen=True, slots=True)
class AppendixRow:
    number: int
    name: str  # normalised cluster name
    zones: tuple[str, ...]  # normalised zone names, in table order
    target_yi: float
    target_year: int
    paragraph: Paragraph  # the table row, for provenance
    title: str  # the table's title line, e.g. the list's name


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        c = normalise_name(cell)
        if c in {"序号", "编号"}:
            cols["number"] = i
        elif "集聚区" in c or "园区" in c or "载体" in c:
            cols["zones"] = i
        elif "目标" in c:
            cols["target"] = i
        elif "集群" in c or "基地" in c:
            cols["name"] = i
    return cols if len(cols) == 4 else None


def parse_appendix(doc: PlanDocument) -> list[AppendixRow]:
    """Parse every cluster table in the document (header row + tab-separated rows).

    Raises :class:`InputError` naming the paragraph when a row under a header is malformed.
    A document without such a table yields an empty list.
    """
    rows: list[AppendixRow] = []
    paras = doc.paragraphs
    i = 0

    def split(text: str) -> list[str]:
        # tab-separated in a text file; " | " where the table came from .docx or HTML
        t = text.strip()
        return t.split("\t") if "\t" in t else [c.strip() for c in t.strip("| ").split(" | ")]

    def is_row(text: str) -> bool:
        return "\t" in text or " | " in text

    while i < len(paras):
        cells = split(paras[i].text)
        cols = _columns(cells) if len(cells) >= 4 else None
        if cols is None:
            i += 1
            continue
        year_m = _YEAR.search(cells[cols["target"]])
        year = int(year_m.group(1)) if year_m else 0
        title = normalise_name(paras[i - 1].text) if i > 0 else ""
        i += 1
        while i < len(paras) and is_row(paras[i].text):
            p = paras[i]
            row = split(p.text)
            where = f"{doc.path}: paragraph {p.index} (table row)"
            if len(row) != len(cells):
                raise InputError(f"{where}: {len(row)} cells, the header has {len(cells)}")
            num = normalise_name(row[cols["number"]])
            if not num.isdigit():
                raise InputError(f"{where}: row number {num!r} is not a number")
            name = normalise_name(row[cols["name"]])
            if not name:
                raise InputError(f"{where}: empty cluster name")
            zones = tuple(z for z in (normalise_name(x) for x in _LIST_SEP.split(row[cols["zones"]])) if z)
            try:
                target = to_yi(normalise_name(row[cols["target"]]))
            except InputError as exc:
                raise InputError(f"{where}: {exc}") from None
            rows.append(AppendixRow(int(num), name, zones, target, year, p, title))
            i += 1
    numbers = [r.number for r in rows]
    dupes = sorted({n for n in numbers if numbers.count(n) > 1})
    if dupes:
        raise InputError(f"{doc.path}: appendix row numbers repeat: {dupes}")
    return rows

"""Firm registry exports (CSV or XLSX) turned into Enterprise rows for the graph.

A 招商 team's registry export names each firm with its 统一社会信用代码, park, county,
industry class, products, revenue and whether it leads a chain, and may add what a visiting
team needs: address, contact, phone, legal representative, head count and founding date
(parsed in :mod:`.firm_columns`).  Every row is checked and
every problem is collected as (file, row, column, reason), with rows numbered as a
spreadsheet shows them (the header is row 1), so one pass over the file yields the whole
list to fix; :func:`write_rejects` puts that list beside the input for the person who
sent it.  Zones live in the graph, so the caller passes ``known_zone``; counties resolve
through the gazetteer; chain segments come from the industry class and the product words.
"""

from __future__ import annotations

import codecs
import csv
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType
from clusterkg.graph.search_text import quick_search_text
from clusterkg.loaders.chains import ChainCatalog
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.uscc import uscc_problem
from clusterkg.text import clean_text, normalise_name

from .firm_columns import parse_employees, parse_founded, parse_phone

MAX_FIELD = 500
# The mark every generated firm name carries (loaders/sample_firms.py): such firms get sample=true.
SAMPLE_MARKER = "【样例】"
SEGMENT_CACHE = 100_000
COUNTY_LEVELS = frozenset({"county", "county_city", "district", "city"})
# Headers are compared after normalise_name and lower-casing, so 营业收入（万元） and
# 营业收入(万元) are one header, and "Name" is "name".
HEADERS: Mapping[str, str] = {
    "企业名称": "name",
    "name": "name",
    "统一社会信用代码": "uscc",
    "uscc": "uscc",
    "所在园区": "zone",
    "zone": "zone",
    "所在县区": "county",
    "county": "county",
    "行业代码": "industry_code",
    "industry_code": "industry_code",
    "主营产品": "products",
    "products": "products",
    "营业收入(万元)": "revenue",
    "revenue": "revenue",
    "revenue_wan": "revenue",
    "是否链主": "chain_leader",
    "chain_leader": "chain_leader",
    # What a visiting team needs; every one optional (see README, "Registry columns").
    "地址": "address",
    "企业地址": "address",
    "address": "address",
    "联系人": "contact",
    "contact": "contact",
    "联系电话": "phone",
    "电话": "phone",
    "phone": "phone",
    "法定代表人": "legal_rep",
    "legal_rep": "legal_rep",
    "从业人员": "employees",
    "从业人员(人)": "employees",
    "从业人数": "employees",
    "employees": "employees",
    "成立日期": "founded",
    "founded": "founded",
}
# Tighter caps than MAX_FIELD for the contact columns: longer is a pasted paragraph, not a value.
TEXT_CAPS: Mapping[str, int] = {"address": 200, "contact": 50, "legal_rep": 50}
# Checked by their own parsers, which refuse any formula: a phone may start with +86 and a
# bad head count with -, and the reason should say what the value is not.
_OWN_PARSER = frozenset({"revenue", "phone", "employees"})
_TRUE = frozenset({"是", "1", "true", "y", "yes"})
_FALSE = frozenset({"否", "0", "false", "n", "no", ""})
_FORMULA = ("=", "+", "-", "@")
_INDUSTRY = re.compile(r"[A-Ta-t]?([0-9]{4})")

KnownZone = Callable[[str], str | None]


def zone_lookup(zones: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Normalised zone name or alias → zone key, from (key, aliases) pairs: how a registry's
    所在园区 cell finds its zone (the Bolt load reads the pairs from the graph, the bulk load
    from the plan).

    >>> zone_lookup([("长葛市产业集聚区", ["长葛产业集聚区"])])["长葛产业集聚区"]
    '长葛市产业集聚区'
    """
    index: dict[str, str] = {}
    for key, aliases in zones:
        for name in [key, *aliases]:
            index[normalise_name(name)] = key
    return index


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file; ``column`` is empty when the whole row is at fault."""

    file: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{self.file}: {where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class FirmRow:
    """One checked registry row.  ``key`` is the USCC, or the normalised name without one."""

    row: int
    key: str
    name: str
    uscc: str | None
    zone_key: str | None
    county_code: str | None
    industry_code: str | None
    products: str
    revenue_wan: float | None
    chain_leader: bool
    # (ChainSegment node key, rule that placed the firm there: 'industry_code:3922' or 'keyword:手机')
    segments: tuple[tuple[str, str], ...] = ()
    # The graph label of county_code's node (City or County), taken from the gazetteer.
    county_label: Label | None = None
    address: str | None = None
    contact: str | None = None
    # Normalised: 13812345678, 0371-67891234 or 0371-67891234-801, several joined by 、
    phone: str | None = None
    legal_rep: str | None = None
    employees: int | None = None
    # ISO date, YYYY-MM-DD
    founded: str | None = None


@dataclass(frozen=True, slots=True)
class FirmFile:
    """The rows that passed every check, every problem found, and the raw cells of rejected rows."""

    path: Path
    rows: list[FirmRow]
    problems: list[Problem]
    header: tuple[str, ...] = ()
    rejected: dict[int, tuple[str, ...]] = field(default_factory=dict)


# ─────────────────────────── reading cells ───────────────────────────


def _detect_encoding(path: Path) -> str:
    """utf-8-sig if the whole file decodes as UTF-8, else GB18030 (a superset of GBK)."""
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: neither UTF-8 nor GB18030 text")


def _csv_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    encoding = _detect_encoding(path)
    with path.open("r", encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        try:
            for cells in reader:
                # line_num counts physical lines; a quoted cell may span several, and an
                # editor shows the record where it starts, which is where we count it.
                yield reader.line_num - _extra_lines(cells), cells
        except csv.Error as exc:
            raise InputError(f"{path}: row {reader.line_num}: {exc}") from exc


def _extra_lines(cells: list[str]) -> int:
    return sum(c.count("\n") for c in cells)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _xlsx_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula arrives as its text ("=HYPERLINK(...)") and is reported.
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise InputError(f"{path}: not a readable XLSX workbook ({type(exc).__name__})") from exc
    try:
        if not book.worksheets:
            return
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield number, [_cell_text(v) for v in values]
    finally:
        book.close()


def _records(path: Path) -> Iterator[tuple[int, list[str]]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_records(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_records(path)
    raise InputError(f"{path}: expected a .csv or .xlsx registry export, got {suffix or 'no extension'}")


# ─────────────────────────── checking rows ───────────────────────────


def _map_header(path: Path, cells: list[str], problems: list[Problem]) -> list[str | None]:
    """The field each column holds (None for an unknown column, reported as a problem)."""
    out: list[str | None] = []
    where: dict[str, int] = {}
    for index, raw in enumerate(cells):
        text = normalise_name(raw).lower()
        name = HEADERS.get(text)
        if name is None:
            if text:
                problems.append(Problem(str(path), 1, raw.strip()[:60], "unknown column"))
            out.append(None)
            continue
        if name in where:
            raise InputError(f"{path}: row 1: columns {where[name] + 1} and {index + 1} both hold {name}")
        where[name] = index
        out.append(name)
    if "name" not in where:
        raise InputError(f"{path}: row 1: no 企业名称 (name) column")
    # Trailing blank header cells (common in XLSX) are not columns.
    while out and out[-1] is None and not cells[len(out) - 1].strip():
        out.pop()
    return out


def parse_amount(text: str, column: str, unit: str, bad: Callable[[str, str], None]) -> float | None:
    """A non-negative amount ("1,200.5"), None when blank; anything else is reported to ``bad``."""
    value = text.strip().replace(",", "")
    if not value:
        return None
    try:
        amount = float(value)
    except ValueError:
        amount = math.nan
    if not math.isfinite(amount) or amount < 0:
        bad(column, f"{text.strip()[:20]!r} is not a non-negative amount in {unit}")
        return None
    return amount


class _RowChecker:
    def __init__(
        self,
        path: Path,
        known_zone: KnownZone,
        gazetteer: Gazetteer,
        catalog: ChainCatalog,
        today: date | None = None,
    ) -> None:
        self.path = str(path)
        self.today = today or date.today()
        self.known_zone = known_zone
        self.gazetteer = gazetteer
        self.catalog = catalog
        self._zones: dict[str, str | None] = {}
        self._counties: dict[str, tuple[str | None, Label | None, str | None]] = {}
        self._segment_cache: dict[tuple[str | None, str], tuple[tuple[str, str], ...]] = {}

    def check(self, number: int, cells: dict[str, str], problems: list[Problem]) -> FirmRow | None:
        before = len(problems)

        def bad(column: str, reason: str) -> None:
            problems.append(Problem(self.path, number, column, reason))

        for column, value in cells.items():
            if len(value) > MAX_FIELD:
                bad(column, f"longer than {MAX_FIELD} characters ({len(value)})")
            elif column in TEXT_CAPS and len(clean_text(value)) > TEXT_CAPS[column]:
                bad(column, f"longer than {TEXT_CAPS[column]} characters ({len(clean_text(value))})")
            elif column not in _OWN_PARSER and value.strip()[:1] in _FORMULA:
                bad(column, f"starts with {value.strip()[:1]!r} (spreadsheet formula)")
        if len(problems) > before:
            return None

        name = clean_text(cells.get("name", ""))
        if not name:
            bad("name", "empty")
        uscc = cells.get("uscc", "").strip().upper() or None
        if uscc is not None and (why := uscc_problem(uscc)) is not None:
            bad("uscc", f"{uscc[:20]!r} is not a valid 统一社会信用代码: {why}")
        zone_key = self._zone(cells.get("zone", ""), bad)
        county_code, county_label = self._county(cells.get("county", ""), bad)
        industry = self._industry(cells.get("industry_code", ""), bad)
        revenue = self._revenue(cells.get("revenue", ""), bad)
        leader_text = cells.get("chain_leader", "").strip().lower()
        if leader_text not in _TRUE | _FALSE:
            bad("chain_leader", f"{leader_text[:20]!r} is not 是/否, 1/0, true/false or Y/N")
        products = clean_text(cells.get("products", ""))
        phone = parse_phone(cells.get("phone", ""), bad)
        employees = parse_employees(cells.get("employees", ""), bad)
        founded = parse_founded(cells.get("founded", ""), bad, self.today)
        key = uscc or normalise_name(name)
        if len(problems) > before:
            return None
        return FirmRow(
            row=number,
            key=key,
            name=name,
            uscc=uscc,
            zone_key=zone_key,
            county_code=county_code,
            industry_code=industry,
            products=products,
            revenue_wan=revenue,
            chain_leader=leader_text in _TRUE,
            segments=self._segments(industry, products),
            county_label=county_label,
            address=clean_text(cells.get("address", "")) or None,
            contact=clean_text(cells.get("contact", "")) or None,
            phone=phone,
            legal_rep=clean_text(cells.get("legal_rep", "")) or None,
            employees=employees,
            founded=founded,
        )

    def _zone(self, text: str, bad: Callable[[str, str], None]) -> str | None:
        name = normalise_name(text)
        if not name:
            return None
        if name not in self._zones:
            self._zones[name] = self.known_zone(name)
        key = self._zones[name]
        if key is None:
            bad("zone", f"unknown zone {name[:60]!r}")
        return key

    def _county(self, text: str, bad: Callable[[str, str], None]) -> tuple[str | None, Label | None]:
        name = normalise_name(text)
        if not name:
            return None, None
        if name not in self._counties:
            places = [p for p in self.gazetteer.resolve(name) if p.level in COUNTY_LEVELS]
            if len(places) == 1:
                self._counties[name] = (places[0].code, places[0].label, None)
            elif not places:
                self._counties[name] = (None, None, f"unknown county {name[:60]!r}")
            else:
                which = "、".join(p.name for p in places[:5])
                self._counties[name] = (None, None, f"{name[:60]!r} names more than one place ({which})")
        code, label, why = self._counties[name]
        if why is not None:
            bad("county", why)
        return code, label

    def _industry(self, text: str, bad: Callable[[str, str], None]) -> str | None:
        value = text.strip()
        if not value:
            return None
        match = _INDUSTRY.fullmatch(value)
        if match is None:
            bad("industry_code", f"{value[:20]!r} is not a 4-digit GB/T 4754 class (a section letter may lead: C3922)")
            return None
        return match.group(1)

    def _revenue(self, text: str, bad: Callable[[str, str], None]) -> float | None:
        return parse_amount(text, "revenue", "万元", bad)

    def _segments(self, industry: str | None, products: str) -> tuple[tuple[str, str], ...]:
        # Registries repeat product phrases a lot, and the keyword scan is the cost of a row.
        cached = self._segment_cache.get((industry, products))
        if cached is not None:
            return cached
        found: dict[str, str] = {}
        if industry is not None:
            for seg in self.catalog.segments_for_code(industry):
                found.setdefault(seg.node_key, f"industry_code:{industry}")
        if products:
            for seg, keyword in self.catalog.segments_for_text(products):
                found.setdefault(seg.node_key, f"keyword:{keyword}")
        result = tuple(found.items())
        if len(self._segment_cache) < SEGMENT_CACHE:
            self._segment_cache[(industry, products)] = result
        return result


class FirmSink(Protocol):
    """Where a scan puts what it finds: checked rows, problems and the cells of rejected rows."""

    def add(self, firm: FirmRow) -> int | None:
        """Keep ``firm`` and return None, or return the row that already holds its key."""

    def problem(self, problem: Problem) -> None: ...

    def reject(self, row: int, cells: Sequence[str]) -> None: ...


def scan_firms(
    path: str | Path, known_zone: KnownZone, gazetteer: Gazetteer, catalog: ChainCatalog, sink: FirmSink
) -> tuple[str, ...]:
    """Check every row of a registry export in one pass, handing each result to ``sink``.

    Nothing is held but the current row, so the file may be any size; ``sink`` decides
    where rows and problems go (memory in :func:`read_firms`, a disk stage in
    :mod:`clusterkg.loaders.firm_stage`).  Returns the header cells.  InputError is raised
    only when the file cannot be read as a registry at all: missing, undecodable, not
    CSV/XLSX, or without a 企业名称 column.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    records = _records(p)
    header_cells: list[str] | None = None
    header_row = 1
    for number, cells in records:
        if any(c.strip() for c in cells):
            header_cells = cells
            header_row = number
            break
    if header_cells is None:
        sink.problem(Problem(str(p), 1, "", "empty file"))
        return ()
    header_problems: list[Problem] = []
    if header_row != 1:
        header_problems.append(Problem(str(p), header_row, "", "the header must be on row 1"))
    columns = _map_header(p, header_cells, header_problems)
    for problem in header_problems:
        sink.problem(problem)
    checker = _RowChecker(p, known_zone, gazetteer, catalog)
    data_rows = 0
    is_csv = p.suffix.lower() == ".csv"
    for number, cells in records:
        if not any(c.strip() for c in cells):
            continue
        data_rows += 1
        extra = cells[len(columns) :]
        if any(c.strip() for c in extra) or (len(cells) < len(columns) and is_csv):
            sink.problem(Problem(str(p), number, "", f"{len(cells)} cells, the header has {len(columns)}"))
            sink.reject(number, cells)
            continue
        mapped = {col: (cells[i] if i < len(cells) else "") for i, col in enumerate(columns) if col is not None}
        row_problems: list[Problem] = []
        firm = checker.check(number, mapped, row_problems)
        if firm is not None and firm.key and (first := sink.add(firm)) is not None:
            column = "uscc" if firm.uscc else "name"
            row_problems.append(Problem(str(p), number, column, f"duplicate of row {first} ({firm.key})"))
        for problem in row_problems:
            sink.problem(problem)
        if row_problems:
            sink.reject(number, cells)
    if data_rows == 0:
        sink.problem(Problem(str(p), 1, "", "header only: no data rows"))
    return tuple(header_cells[: len(columns)])


class _MemorySink:
    def __init__(self) -> None:
        self.rows: dict[str, FirmRow] = {}
        self.problems: list[Problem] = []
        self.rejected: dict[int, tuple[str, ...]] = {}

    def add(self, firm: FirmRow) -> int | None:
        first = self.rows.get(firm.key)
        if first is not None:
            return first.row
        self.rows[firm.key] = firm
        return None

    def problem(self, problem: Problem) -> None:
        self.problems.append(problem)

    def reject(self, row: int, cells: Sequence[str]) -> None:
        self.rejected[row] = tuple(cells)


def read_firms(path: str | Path, known_zone: KnownZone, gazetteer: Gazetteer, catalog: ChainCatalog) -> FirmFile:
    """Read and check a registry export held in memory; every problem is returned, never raised.

    For files of any size use :func:`clusterkg.loaders.firm_stage.stage_firms`, which
    keeps the checked rows on disk.  ``known_zone`` maps a zone name (normalised) to its
    graph key, or ``None`` for a zone the graph does not know.

    >>> f = read_firms("firms.csv", {"长葛市产业集聚区": "长葛市产业集聚区"}.get,
    ...                Gazetteer.load(), load_chains())  # doctest: +SKIP
    >>> [(p.row, p.column, p.reason) for p in f.problems]  # doctest: +SKIP
    [(3, 'zone', "unknown zone '某某园区'")]
    """
    sink = _MemorySink()
    header = scan_firms(path, known_zone, gazetteer, catalog, sink)
    return FirmFile(Path(path), list(sink.rows.values()), sink.problems, header, sink.rejected)


# ─────────────────────────── outputs ───────────────────────────


def firm_batch(rows: Sequence[FirmRow]) -> GraphBatch:
    """Enterprise nodes with SITED_IN (Zone), LOCATED_IN (County or City) and IN_SEGMENT links.

    Zones, places and chain segments are written by other loads; pass their keys to
    ``write_batch(..., existing=...)`` after checking them in the graph.

    >>> firm = FirmRow(2, "91440300708461136T", "华为", "91440300708461136T", None, None,
    ...                "3922", "手机", 1.0, True, (("smart-terminal/handsets", "keyword:手机"),))
    >>> firm_batch([firm]).counts()
    {'Enterprise': 1, 'IN_SEGMENT': 1}
    """
    nodes: list[NodeRow] = []
    rels: list[RelRow] = []
    for f in rows:
        nodes.append(
            NodeRow(
                Label.ENTERPRISE,
                f.key,
                f.name,
                props={
                    "uscc": f.uscc,
                    "industry_code": f.industry_code,
                    "products": f.products,
                    "revenue_wan": f.revenue_wan,
                    "chain_leader": f.chain_leader,
                    "source": "registry",
                    # None removes the property (SET +=), so a re-load without a column clears it.
                    "address": f.address,
                    "contact": f.contact,
                    "phone": f.phone,
                    "legal_rep": f.legal_rep,
                    "employees": f.employees,
                    "founded": f.founded,
                    "sample": True if f.name.startswith(SAMPLE_MARKER) else None,
                },
                search_text=quick_search_text(f.name),
            )
        )
        if f.zone_key is not None:
            rels.append(RelRow(RelType.SITED_IN, Label.ENTERPRISE, f.key, Label.ZONE, f.zone_key))
        if f.county_code is not None:
            label = f.county_label or Label.COUNTY
            rels.append(RelRow(RelType.LOCATED_IN, Label.ENTERPRISE, f.key, label, f.county_code))
        for segment, rule in f.segments:
            rels.append(
                RelRow(RelType.IN_SEGMENT, Label.ENTERPRISE, f.key, Label.CHAIN_SEGMENT, segment, props={"rule": rule})
            )
    return GraphBatch(tuple(nodes), tuple(rels))


# The links a registry load owns: a re-load of a firm replaces them.
FIRM_LINKS = frozenset({RelType.SITED_IN, RelType.LOCATED_IN, RelType.IN_SEGMENT})


def _safe(cell: str) -> str:
    # The rejects file is opened in Excel: a cell that was a formula must stay text there.
    return "'" + cell if cell[:1] in _FORMULA else cell


def rejects_path(path: str | Path) -> Path:
    """Where :func:`write_rejects` puts the problem list for ``path``: ``<input>.rejects.csv``."""
    p = Path(path)
    return p.with_name(p.name + ".rejects.csv")


def write_rejects(
    path: str | Path,
    problems: Sequence[Problem],
    original_rows: Mapping[int, Sequence[str]] | None = None,
) -> Path:
    """Write ``<input>.rejects.csv`` beside the input: row, column, reason, then the row's cells.

    UTF-8 with a BOM so that Excel shows the Chinese; cells that look like formulas are
    prefixed with ``'`` so that opening the file never runs them.  Returns the path written.

    >>> write_rejects("firms.csv", f.problems, f.rejected)  # doctest: +SKIP
    PosixPath('firms.csv.rejects.csv')
    """
    originals = original_rows or {}
    return write_rejects_stream(path, ((p, tuple(originals.get(p.row, ()))) for p in problems))


def write_rejects_stream(path: str | Path, problems: Iterable[tuple[Problem, Sequence[str]]]) -> Path:
    """:func:`write_rejects` for (problem, cells of its row) pairs streamed from a stage."""
    out = rejects_path(path)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "column", "reason", "cells"])
        for problem, cells in problems:
            writer.writerow([_safe(x) for x in (str(problem.row), problem.column, problem.reason, *cells)])
    return out

"""Project registries (重点项目库 exports): projects with their park, sponsor firm and industry.

A project row names the project, the zone it is built in, the sponsoring firm's
统一社会信用代码, its GB/T 4754 class, what it builds and the total investment (亿元).
Projects link to their zone (SITED_IN), their sponsor (RUN_BY) and the chain segments
their class and content place them in (BUILDS, with the rule that placed it, as for firms).  Every
row is checked first, like a firm registry: a sponsor must already be in the graph (load
the firms first), and any problem refuses the file unless ``skip_invalid``.  Project
registries run to thousands of rows, so one load is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType
from clusterkg.graph.search_text import quick_search_text
from clusterkg.text import clean_text, normalise_name

from .chains import ChainCatalog
from .firms import _FORMULA, _INDUSTRY, MAX_FIELD, Problem, _records, parse_amount
from .uscc import uscc_problem

HEADERS: Mapping[str, str] = {
    "项目名称": "name",
    "name": "name",
    "所在园区": "zone",
    "zone": "zone",
    "建设单位统一社会信用代码": "sponsor",
    "建设单位": "sponsor",
    "sponsor_uscc": "sponsor",
    "行业代码": "industry_code",
    "industry_code": "industry_code",
    "建设内容": "content",
    "content": "content",
    "总投资(亿元)": "investment",
    "investment_yi": "investment",
}
PROJECT_LINKS = frozenset({RelType.SITED_IN, RelType.RUN_BY, RelType.BUILDS})

KnownZone = Callable[[str], str | None]
KnownFirms = Callable[[Sequence[str]], set[str]]


@dataclass(frozen=True, slots=True)
class ProjectRow:
    row: int
    key: str
    name: str
    zone_key: str | None
    sponsor: str | None
    industry_code: str | None
    content: str
    investment_yi: float | None
    segments: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ProjectFile:
    path: Path
    rows: list[ProjectRow]
    problems: list[Problem]
    rejected: dict[int, tuple[str, ...]] = field(default_factory=dict)


def _header(path: Path, cells: list[str], problems: list[Problem]) -> list[str | None]:
    out: list[str | None] = []
    for raw in cells:
        text = normalise_name(raw).lower()
        column = HEADERS.get(text)
        if column is None and text:
            problems.append(Problem(str(path), 1, raw.strip()[:60], "unknown column"))
        if column is not None and column in out:
            raise InputError(f"{path}: row 1: two columns hold {column}")
        out.append(column)
    if "name" not in out:
        raise InputError(f"{path}: row 1: no 项目名称 (name) column")
    return out


def read_projects(
    path: str | Path, known_zone: KnownZone, known_firms: KnownFirms, catalog: ChainCatalog
) -> ProjectFile:
    """Read and check a project registry; every problem is returned with its row and column.

    ``known_firms`` gets the sponsor USCCs of the file and returns those the graph holds.

    >>> f = read_projects("projects.csv", zones.get, firms_in_graph, load_chains())  # doctest: +SKIP
    >>> [(p.row, p.column, p.reason) for p in f.problems]  # doctest: +SKIP
    [(4, 'sponsor', "no firm with USCC '91410100MA0000000X' in the graph (load the firms first)")]
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    problems: list[Problem] = []
    records = list(_records(p))
    records = [(n, cells) for n, cells in records if any(c.strip() for c in cells)]
    if not records:
        return ProjectFile(p, [], [Problem(str(p), 1, "", "empty file")])
    columns = _header(p, records[0][1], problems)
    candidates: list[tuple[ProjectRow, tuple[str, ...]]] = []
    rejected: dict[int, tuple[str, ...]] = {}
    seen: dict[str, int] = {}
    for number, cells in records[1:]:
        before = len(problems)

        def bad(column: str, reason: str, number: int = number) -> None:
            problems.append(Problem(str(p), number, column, reason))

        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            bad("", f"{len(cells)} cells, the header has {len(columns)}")
        row = {col: (cells[i] if i < len(cells) else "") for i, col in enumerate(columns) if col is not None}
        for column, value in row.items():
            if len(value) > MAX_FIELD:
                bad(column, f"longer than {MAX_FIELD} characters ({len(value)})")
            elif column != "investment" and value.strip()[:1] in _FORMULA:
                bad(column, f"starts with {value.strip()[:1]!r} (spreadsheet formula)")
        name = clean_text(row.get("name", ""))
        if not name:
            bad("name", "empty")
        zone_text = normalise_name(row.get("zone", ""))
        zone = known_zone(zone_text) if zone_text else None
        if zone_text and zone is None:
            bad("zone", f"unknown zone {zone_text[:60]!r}")
        sponsor = row.get("sponsor", "").strip().upper() or None
        if sponsor is not None and (why := uscc_problem(sponsor)) is not None:
            bad("sponsor", f"{sponsor[:20]!r} is not a valid 统一社会信用代码: {why}")
        code_text = row.get("industry_code", "").strip()
        match = _INDUSTRY.fullmatch(code_text) if code_text else None
        if code_text and match is None:
            bad("industry_code", f"{code_text[:20]!r} is not a 4-digit GB/T 4754 class")
        investment = parse_amount(row.get("investment", ""), "investment", "亿元", bad)
        key = normalise_name(name)
        if len(problems) == before and key:
            if key in seen:
                bad("name", f"duplicate of row {seen[key]} ({key})")
            else:
                seen[key] = number
        if len(problems) > before:
            rejected[number] = tuple(cells)
            continue
        industry = match.group(1) if match else None
        content = clean_text(row.get("content", ""))
        found: dict[str, str] = {}
        if industry is not None:
            for seg in catalog.segments_for_code(industry):
                found.setdefault(seg.node_key, f"industry_code:{industry}")
        for seg, keyword in catalog.segments_for_text(f"{name} {content}"):
            found.setdefault(seg.node_key, f"keyword:{keyword}")
        candidates.append(
            (
                ProjectRow(number, key, name, zone, sponsor, industry, content, investment, tuple(found.items())),
                tuple(cells),
            )
        )
    # Sponsors are checked against the graph in one go, once the rows are known.
    present = known_firms(sorted({r.sponsor for r, _ in candidates if r.sponsor}))
    rows: list[ProjectRow] = []
    for r, row_cells in candidates:
        if r.sponsor is not None and r.sponsor not in present:
            problems.append(
                Problem(
                    str(p), r.row, "sponsor", f"no firm with USCC {r.sponsor!r} in the graph (load the firms first)"
                )
            )
            rejected[r.row] = row_cells
        else:
            rows.append(r)
    if len(records) == 1:
        problems.append(Problem(str(p), 1, "", "header only: no data rows"))
    problems.sort(key=lambda x: x.row)
    return ProjectFile(p, rows, problems, rejected)


def project_batch(rows: Sequence[ProjectRow]) -> GraphBatch:
    """Project nodes with SITED_IN (Zone), RUN_BY (Enterprise) and BUILDS (ChainSegment) links.

    >>> project_batch([ProjectRow(2, "年产10万吨镁合金项目", "年产10万吨镁合金项目", "鹤壁宝山循环经济产业集聚区",
    ...                           None, "3240", "", 12.0, (("magnesium/alloys", "industry_code:3240"),))]).counts()
    {'BUILDS': 1, 'Project': 1, 'SITED_IN': 1}
    """
    nodes: list[NodeRow] = []
    rels: list[RelRow] = []
    for r in rows:
        nodes.append(
            NodeRow(
                Label.PROJECT,
                r.key,
                r.name,
                props={
                    "industry_code": r.industry_code,
                    "content": r.content,
                    "investment_yi": r.investment_yi,
                    "source": "registry",
                },
                search_text=quick_search_text(r.name),
            )
        )
        if r.zone_key is not None:
            rels.append(RelRow(RelType.SITED_IN, Label.PROJECT, r.key, Label.ZONE, r.zone_key))
        if r.sponsor is not None:
            rels.append(RelRow(RelType.RUN_BY, Label.PROJECT, r.key, Label.ENTERPRISE, r.sponsor))
        for segment, rule in r.segments:
            rels.append(
                RelRow(RelType.BUILDS, Label.PROJECT, r.key, Label.CHAIN_SEGMENT, segment, props={"rule": rule})
            )
    return GraphBatch(tuple(nodes), tuple(rels))

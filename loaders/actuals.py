"""Actual cluster revenues from a CSV (cluster, year, revenue_yi, source), for plan-vs-actual.

Every row is checked before anything is written; one bad row refuses the whole file
with every problem listed (file, row, column, reason).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType
from clusterkg.graph.writes import write_batch
from clusterkg.queries.run import run_internal
from clusterkg.settings import Settings
from clusterkg.text import normalise_name

COLUMNS = ("cluster", "year", "revenue_yi", "source")
MAX_BYTES = 50 * 1024 * 1024
MAX_FIELD = 500


@dataclass(frozen=True, slots=True)
class ActualRow:
    row: int
    cluster: str
    year: int
    revenue_yi: float
    source: str


def read_actuals(path: str | Path) -> list[ActualRow]:
    """Parse and check the CSV; raise InputError listing every problem.

    >>> read_actuals("actuals.csv")  # doctest: +SKIP
    [ActualRow(row=2, cluster='漯河食品产业集群', year=2017, revenue_yi=1850.0, source='统计公报')]
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    raw = p.read_bytes()
    if len(raw) > MAX_BYTES:
        raise InputError(f"{p}: {len(raw)} bytes is over the {MAX_BYTES}-byte limit")
    text = None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        raise InputError(f"{p}: neither UTF-8 nor GB18030 text")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [normalise_name(h).lower() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    extra = [h for h in header if h not in COLUMNS]
    if missing or extra:
        raise InputError(
            f"{p}: header must be {','.join(COLUMNS)}; missing {missing or 'none'}, unexpected {extra or 'none'}"
        )
    reader.fieldnames = header
    problems: list[str] = []
    rows: list[ActualRow] = []
    seen: dict[tuple[str, int], int] = {}
    for i, rec in enumerate(reader, start=2):
        if None in rec or any(v is None for v in rec.values()):
            problems.append(f"{p}: row {i}: wrong number of cells")
            continue
        cluster = normalise_name(rec["cluster"])
        source = rec["source"].strip()
        for col in COLUMNS:
            if len(rec[col]) > MAX_FIELD:
                problems.append(f"{p}: row {i}, column {col}: longer than {MAX_FIELD} characters")
        if source[:1] in ("=", "+", "-", "@"):
            problems.append(f"{p}: row {i}, column source: starts with {source[:1]!r} (spreadsheet formula)")
        try:
            year = int(rec["year"].strip())
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            problems.append(f"{p}: row {i}, column year: {rec['year'][:20]!r} is not a year")
            continue
        try:
            revenue = float(rec["revenue_yi"].strip())
            if not 0 <= revenue < 1e7:
                raise ValueError
        except ValueError:
            problems.append(f"{p}: row {i}, column revenue_yi: {rec['revenue_yi'][:20]!r} is not an amount in 亿元")
            continue
        if not cluster:
            problems.append(f"{p}: row {i}, column cluster: empty")
            continue
        if (cluster, year) in seen:
            problems.append(f"{p}: row {i}: duplicate of row {seen[(cluster, year)]} ({cluster}, {year})")
            continue
        seen[(cluster, year)] = i
        rows.append(ActualRow(i, cluster, year, revenue, source))
    if not rows and not problems:
        problems.append(f"{p}: no data rows")
    if problems:
        raise InputError(f"{len(problems)} problem(s), nothing written:\n" + "\n".join(problems))
    return rows


def load_actuals(driver: Driver, settings: Settings, path: str | Path) -> dict[str, int]:
    """Check the CSV against the graph's clusters (by key or alias) and write it in one transaction."""
    rows = read_actuals(path)
    known = run_internal(driver, settings, "cluster_names")
    by_name = {r["name"]: r["key"] for r in known}
    unknown = [
        f"{path}: row {r.row}, column cluster: unknown cluster {r.cluster!r}" for r in rows if r.cluster not in by_name
    ]
    if unknown:
        raise InputError(f"{len(unknown)} problem(s), nothing written:\n" + "\n".join(unknown))
    nodes: list[NodeRow] = []
    rels: list[RelRow] = []
    for r in rows:
        cluster_key = by_name[r.cluster]
        key = f"{cluster_key}/{r.year}"
        nodes.append(
            NodeRow(
                Label.ACTUAL,
                key,
                f"{cluster_key} {r.year}",
                props={"year": r.year, "revenue_yi": r.revenue_yi, "source": r.source},
            )
        )
        rels.append(RelRow(RelType.REPORTS, Label.ACTUAL, key, Label.CLUSTER, cluster_key))
    existing = {(Label.CLUSTER, by_name[r.cluster]) for r in rows}
    counts: dict[str, int] = write_batch(driver, settings, GraphBatch(tuple(nodes), tuple(rels)), existing=existing)
    return counts

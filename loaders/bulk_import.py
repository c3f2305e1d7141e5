"""First loads in bulk: a plan and a firm registry written as ``neo4j-admin database import``
CSVs and imported into a fresh database, replacing the whole graph.

The Bolt loaders MERGE row by row, which for a province's registry (10^6–10^7 firms) takes
many minutes; the offline importer writes the store files directly.  It only builds a new
database, so :func:`bulk_import` replaces everything: the graph afterwards holds the plan
and the firms and nothing else, the same graph (property for property) that ``clusterkg
load plan`` followed by ``clusterkg load firms`` writes into an empty database.

Everything that can be wrong with the input is found before the server is touched: the
plan is parsed and validated, the registry checked in full (all or nothing, as
:func:`clusterkg.loaders.load_firms.load_firms`), and the CSVs are written.  Only then is
the local server stopped, the old database moved aside, the import run and the server
started again; then the fix-ups run.  If the import fails, the old database is moved back
and the server restarted, so a failed bulk load leaves the graph as it was.

This module runs the parts of :mod:`clusterkg.loaders.bulk` in that order.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from clusterkg.errors import InputError
from clusterkg.graph.server import LocalServer
from clusterkg.graph.writes import validate_batch
from clusterkg.settings import Settings

from .bulk import BulkImportError, Progress
from .bulk.csv_writer import CsvTables
from .bulk.fixups import finish_store
from .bulk.plan_image import PlanImage
from .bulk.store_swap import PURPOSE, replace_store
from .chains import load_chains
from .firm_stage import stage_registry
from .firms import firm_batch
from .load_plan import parse_plan

__all__ = ["BulkImport", "BulkImportError", "CsvTables", "LocalServer", "Progress", "bulk_import"]

MAX_LISTED = 50
FIRM_BATCH = 10_000


@dataclass(frozen=True, slots=True)
class BulkImport:
    """What a bulk load wrote, and how long each phase took (seconds)."""

    counts: dict[str, int]
    firms: int
    rejected: int
    rejects_file: Path | None
    presence_cells: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def bulk_import(
    settings: Settings,
    plan_path: str | Path,
    firms_path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    directory: str | Path | None = None,
) -> BulkImport:
    """Replace the whole graph with a plan and a firm registry via ``neo4j-admin database import``.

    The registry is checked in full first (any invalid row refuses the file, unless
    ``skip_invalid``: then its rows go to ``<file>.rejects.csv``); nothing is stopped or
    replaced until the CSVs are written.  The local server is then stopped, the database
    ``settings.neo4j_database`` rebuilt from the CSVs, the server started and the schema
    (constraints, full-text index) created.  A failed import restores the old database.
    CSVs and staging go to a temporary folder under ``directory`` (default: the system's).

    >>> bulk_import(settings, "plans/henan.txt", "firms.csv").counts["Enterprise"]  # doctest: +SKIP
    1000053
    """
    timings: dict[str, float] = {}
    server = LocalServer.for_settings(settings)
    database = settings.neo4j_database
    if server.aside(database, PURPOSE).exists():
        raise BulkImportError(
            f"{server.aside(database, PURPOSE)} holds the database a previous bulk load moved aside and could not "
            "put back; move it to data/databases and data/transactions or delete it, then retry"
        )
    started = time.perf_counter()
    doc, batch = parse_plan(plan_path)
    plan = PlanImage.of(batch, doc)
    zones = plan.zone_index()
    if not zones:
        raise InputError(f"{plan_path}: the plan names no zones, so no firm could be placed")
    known = set(plan.nodes)
    path = Path(firms_path)
    checking = (lambda n: progress("checking", n)) if progress else None
    with tempfile.TemporaryDirectory(prefix="clusterkg-bulk-", dir=directory) as tmp:
        work = Path(tmp)
        tables = CsvTables(work / "csv")
        try:
            with stage_registry(path, zones, load_chains(), progress=checking, directory=work) as staged:
                timings["checking"] = time.perf_counter() - started
                rejects = staged.settle(
                    skip_invalid,
                    "nothing imported and the graph untouched",
                    "use --skip-invalid to import the valid rows",
                    MAX_LISTED,
                )
                mark = time.perf_counter()
                for rows in staged.batches(FIRM_BATCH):
                    firms = firm_batch(rows)
                    try:
                        validate_batch(firms, known)  # as the Bolt load checks each batch
                    except InputError as exc:
                        raise InputError(f"{path}: {exc}; nothing imported") from None
                    nodes, rels = plan.firm_rows(firms)
                    for label, key, props in nodes:
                        tables.node(label, key, props)
                    for rel, a, a_key, b, b_key, props in rels:
                        tables.rel(rel, a, a_key, b, b_key, props)
                    if progress:
                        progress("csv", len(rows))
                firm_count, rejected = staged.valid, staged.rejected_count
            for label, key, props in plan.node_rows():
                tables.node(label, key, props)
            for rel, a, a_key, b, b_key, props in plan.relationship_rows():
                tables.rel(rel, a, a_key, b, b_key, props)
        finally:
            tables.close()
        timings["csv"] = time.perf_counter() - mark
        replace_store(
            server,
            database,
            tables.import_arguments(),
            work,
            multiline=tables.multiline,
            progress=progress,
            timings=timings,
        )
    if progress:
        progress("schema", 0)
    cells = finish_store(settings, tables.counts, tables.empty_lists, timings)
    server.forget_aside(database, PURPOSE)
    timings["total"] = time.perf_counter() - started
    return BulkImport(tables.counts, firm_count, rejected, rejects, cells, {k: round(v, 2) for k, v in timings.items()})

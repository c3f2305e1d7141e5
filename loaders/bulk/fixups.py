"""What a fresh store needs after ``neo4j-admin database import`` before it is the graph the Bolt
loads leave: the empty lists the importer cannot store, the derived Presence cells, the
schema version, constraints and indexes; then a count of what landed against what was written.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any, LiteralString, cast

from neo4j import Driver, Query

from clusterkg.graph.db import create_driver, read, translate_errors
from clusterkg.graph.model import Label, RelType, cypher_name
from clusterkg.graph.presence import refresh_presence
from clusterkg.graph.schema import ensure_schema, record_version
from clusterkg.settings import Settings

from . import BulkImportError


def finish_store(
    settings: Settings,
    counts: Mapping[str, int],
    empty_lists: Iterable[tuple[Label, str, str]],
    timings: dict[str, float],
) -> int:
    """Run every fix-up on the imported database and check its counts against ``counts`` (the
    rows of the CSV files); the number of Presence cells built.  BulkImportError when the
    database holds other counts than the files."""
    driver = create_driver(settings)
    try:
        mark = time.perf_counter()
        fill_empty_lists(driver, settings, counts, empty_lists)
        timings["empty_lists"] = time.perf_counter() - mark
        mark = time.perf_counter()
        # Derived cells, as after a registry load; built before the indexes, which then index once.
        cells: int = refresh_presence(driver, settings)
        timings["presence"] = time.perf_counter() - mark
        mark = time.perf_counter()
        record_version(driver, settings)  # a new store, written by this code throughout
        ensure_schema(driver, settings)
        found = database_counts(driver, settings, counts)
        timings["schema"] = time.perf_counter() - mark
    finally:
        driver.close()
    if found != dict(sorted(counts.items())):
        raise BulkImportError(f"the imported database holds {found}, the CSVs held {dict(counts)}")
    return cells


def fill_empty_lists(
    driver: Driver, settings: Settings, counts: Mapping[str, int], empty_lists: Iterable[tuple[Label, str, str]]
) -> None:
    """Set the empty lists the importer left out: every node's aliases, and the (label, key,
    property) triples listed while the CSVs were written."""
    # CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        for label in Label:
            if counts.get(label.value):
                # Every node the loaders write has an aliases list, empty for most.
                session.run(
                    Query(
                        cast(
                            LiteralString,
                            f"MATCH (n:{cypher_name(label)}) WHERE n.aliases IS NULL "
                            "CALL (n) { SET n.aliases = [] } IN TRANSACTIONS OF 50000 ROWS",
                        ),
                        timeout=settings.load_timeout_s,
                    )
                ).consume()
        by_label: dict[Label, list[dict[str, Any]]] = {}
        for label, key, prop in empty_lists:
            by_label.setdefault(label, []).append({"key": key, "props": {prop: []}})
        for label, rows in by_label.items():
            session.run(
                Query(
                    cast(
                        LiteralString,
                        f"UNWIND $rows AS row MATCH (n:{cypher_name(label)} {{key: row.key}}) SET n += row.props",
                    ),
                    timeout=settings.load_timeout_s,
                ),
                rows=rows,
            ).consume()


def database_counts(driver: Driver, settings: Settings, expected: Iterable[str]) -> dict[str, int]:
    """Nodes per label and relationships per type in the database, for the names in ``expected``."""
    labels = {label.value: label for label in Label}
    found: dict[str, int] = {}
    for name in expected:
        if name in labels:
            cypher = f"MATCH (n:{cypher_name(labels[name])}) RETURN count(n) AS n"
        else:
            cypher = f"MATCH ()-[r:{cypher_name(RelType(name))}]->() RETURN count(r) AS n"
        found[name] = read(driver, settings, cypher)[0]["n"]
    return dict(sorted(found.items()))

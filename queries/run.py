"""Run a named query by name with validated parameters."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from clusterkg.graph.db import read
from clusterkg.settings import Settings

from .registry import QueryRegistry, load_registry


def run_named(
    driver: Driver,
    settings: Settings,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    registry: QueryRegistry | None = None,
) -> list[dict[str, Any]]:
    """Run the named query with ``params`` checked against its declaration.

    >>> run_named(driver, settings, "zones_shared", {"min_clusters": 2})  # doctest: +SKIP
    [{'key': '荥阳市产业集聚区', 'cluster_count': 2, ...}]
    """
    query = (registry or load_registry()).get(name)
    bound = query.bind(params or {})
    if "limit" in bound:
        bound["limit"] = min(int(bound["limit"]), settings.row_cap)
    rows: list[dict[str, Any]] = read(driver, settings, query.cypher, bound)
    return rows

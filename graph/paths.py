"""Shortest paths between two entities, over the model's relationships (provenance edges excluded)."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from clusterkg.errors import InputError, NotFoundError
from clusterkg.queries.run import run_internal
from clusterkg.settings import Settings

from .model import Label

MAX_HOPS = 6


def shortest_paths(
    driver: Driver,
    settings: Settings,
    a: tuple[Label, str],
    b: tuple[Label, str],
    *,
    max_hops: int = 4,
    all_paths: bool = False,
    limit: int = 10,
) -> list[dict[str, Any]]:
    """Shortest path(s) of at most ``max_hops`` between two nodes, as node and relationship lists.

    >>> shortest_paths(driver, settings, (Label.ZONE, "荥阳市产业集聚区"), (Label.CITY, "410100"))  # doctest: +SKIP
    [{'length': 2, 'nodes': [...], 'relationships': [...]}]
    """
    if not 1 <= max_hops <= MAX_HOPS:
        raise InputError(f"max_hops must be between 1 and {MAX_HOPS}, got {max_hops}")
    # queries/internal/shortest_paths.cypher: one branch per hop bound (it cannot be a parameter).
    rows = run_internal(
        driver,
        settings,
        "shortest_paths",
        {
            "a_label": a[0].value,
            "a": a[1],
            "b_label": b[0].value,
            "b": b[1],
            "max_hops": max_hops,
            "all": all_paths,
            "limit": limit,
        },
    )
    if not rows:
        missing = [
            f"{lab.value} {key!r}"
            for lab, key in (a, b)
            if not run_internal(driver, settings, "node_exists", {"label": lab.value, "key": key})
        ]
        raise NotFoundError(f"no {' and no '.join(missing)}")
    return [{k: r[k] for k in ("length", "nodes", "relationships")} for r in rows if r["length"] is not None]

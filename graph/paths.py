"""Shortest paths between two entities, over the model's relationships (provenance edges excluded)."""

from __future__ import annotations

from typing import Any, LiteralString, cast

from neo4j import Driver

from clusterkg.errors import InputError, NotFoundError
from clusterkg.settings import Settings

from .db import read
from .model import Label, RelType, cypher_name

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
    # The hop bound cannot be a parameter in a variable-length pattern; it is a checked int.
    fn = "allShortestPaths" if all_paths else "shortestPath"
    cypher = (
        f"MATCH (a:{cypher_name(a[0])} {{key: $a}}) MATCH (b:{cypher_name(b[0])} {{key: $b}}) "
        f"OPTIONAL MATCH p = {fn}((a)-[*..{int(max_hops)}]-(b)) "
        f"WHERE all(r IN relationships(p) WHERE type(r) <> '{RelType.STATED_IN.value}') "
        "WITH a, b, p LIMIT $limit "
        "RETURN a IS NOT NULL AS found, length(p) AS length, "
        "[n IN nodes(p) | {label: labels(n)[0], key: n.key, name: n.name}] AS nodes, "
        "[r IN relationships(p) | {type: type(r), from: startNode(r).key, to: endNode(r).key}] AS relationships"
    )
    rows = read(driver, settings, cast(LiteralString, cypher), {"a": a[1], "b": b[1], "limit": limit})
    if not rows:
        missing = [
            f"{lab.value} {key!r}"
            for lab, key in (a, b)
            if not read(
                driver,
                settings,
                cast(LiteralString, f"MATCH (n:{cypher_name(lab)} {{key: $k}}) RETURN 1 AS x LIMIT 1"),
                {"k": key},
            )
        ]
        raise NotFoundError(f"no {' and no '.join(missing)}")
    return [{k: r[k] for k in ("length", "nodes", "relationships")} for r in rows if r["length"] is not None]

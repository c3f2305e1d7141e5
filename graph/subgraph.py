"""The k-hop neighbourhood of one node, projected into networkx for rendering and analytics.

Provenance (``STATED_IN`` to the ``Document``) is left out: every node has it, so it would
tie the whole neighbourhood to one hub and say nothing about how clusters are organised.
"""

from __future__ import annotations

from typing import Any, LiteralString, cast

import networkx as nx
from neo4j import Driver

from clusterkg.errors import InputError, NotFoundError
from clusterkg.settings import Settings

from .db import read
from .model import Label, RelType, cypher_name

MAX_HOPS = 3
MAX_CAP = 2000

#: Relationship types a neighbourhood walks along: all but provenance.
WALKED: tuple[RelType, ...] = tuple(t for t in RelType if t is not RelType.STATED_IN)

#: Node properties carried onto the networkx node when present.
FACTS = ("target_yi", "target_year", "goal_yi", "goal_year", "level")


def validate_bounds(hops: int, cap: int) -> None:
    """Raise :class:`InputError` unless 1 <= hops <= 3 and 1 <= cap <= 2000."""
    if not 1 <= hops <= MAX_HOPS:
        raise InputError(f"hops must be between 1 and {MAX_HOPS}, got {hops}")
    if not 1 <= cap <= MAX_CAP:
        raise InputError(f"cap must be between 1 and {MAX_CAP}, got {cap}")


def node_id(label: str, key: str) -> str:
    """The networkx node id: keys are unique per label, not across labels."""
    return f"{label}:{key}"


def _cypher(label: Label, hops: int) -> str:
    # Only an enum name and a validated int reach the text; key, cap and types are parameters
    # (types as a parameter, not a pattern, so a type the plan never uses raises no warning).
    return (
        f"MATCH (root:{cypher_name(label)} {{key: $key}}) "
        f"OPTIONAL MATCH p = (root)-[*1..{int(hops)}]-(m) "
        "WHERE m <> root AND all(r IN relationships(p) WHERE type(r) IN $types) "
        "WITH root, m, min(length(p)) AS d ORDER BY d, m.key "
        "WITH root, collect(m) AS near "
        "WITH [root] + near[..$cap - 1] AS ns, size(near) + 1 AS reachable "
        "UNWIND ns AS a "
        "OPTIONAL MATCH (a)-[r]->(b) WHERE type(r) IN $types AND b IN ns "
        "WITH ns, reachable, collect(r) AS rs "
        "RETURN reachable, "
        "[n IN ns | {label: [l IN labels(n) WHERE l IN $labels][0], key: n.key, name: n.name, "
        "props: properties(n)}] AS nodes, "
        "[r IN rs | {type: type(r), "
        "src: [[l IN labels(startNode(r)) WHERE l IN $labels][0], startNode(r).key], "
        "dst: [[l IN labels(endNode(r)) WHERE l IN $labels][0], endNode(r).key]}] AS edges"
    )


def neighbourhood(
    driver: Driver, settings: Settings, label: Label, key: str, *, hops: int = 1, cap: int = 300
) -> nx.MultiDiGraph:
    """Nodes within ``hops`` of (label, key), nearest first up to ``cap`` nodes, with the
    relationships among them (provenance excluded).

    Node attributes: ``label``, ``key``, ``name``, ``distance`` (0 for the root) and those of
    :data:`FACTS` the node has; edge attribute ``type``. ``G.graph`` holds ``root``, ``hops``,
    ``cap`` and ``reachable`` (how many nodes were within reach before the cap).

    >>> G = neighbourhood(driver, settings, Label.CLUSTER, "洛阳现代装备制造产业集群")  # doctest: +SKIP
    >>> G.nodes[node_id("Cluster", "洛阳现代装备制造产业集群")]["target_yi"]  # doctest: +SKIP
    3000.0
    """
    validate_bounds(hops, cap)
    if not isinstance(label, Label):
        raise InputError(f"label must be a model Label, got {label!r}")
    rows = read(
        driver, settings, cast(LiteralString, _cypher(label, hops)),
        {"key": key, "cap": cap, "labels": [lb.value for lb in Label], "types": [t.value for t in WALKED]},
    )
    if not rows:
        raise NotFoundError(f"no {label.value} with key {key!r}")
    row = rows[0]
    root = node_id(label.value, key)
    G = nx.MultiDiGraph(root=root, hops=hops, cap=cap, reachable=row["reachable"])
    for n in row["nodes"]:
        props: dict[str, Any] = n["props"]
        facts = {f: props[f] for f in FACTS if props.get(f) is not None}
        G.add_node(node_id(n["label"], n["key"]), label=n["label"], key=n["key"], name=n["name"] or n["key"], **facts)
    for e in row["edges"]:
        G.add_edge(node_id(*e["src"]), node_id(*e["dst"]), key=e["type"], type=e["type"])
    _set_distances(G, root)
    return G


def _set_distances(G: nx.MultiDiGraph, root: str) -> None:
    # Hops from the root over the kept edges, for the layout's rings and the legend.
    lengths = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), root)
    for n in G.nodes:
        G.nodes[n]["distance"] = lengths.get(n, -1)


def overlap_network(driver: Driver, settings: Settings, *, min_clusters: int = 1) -> nx.MultiDiGraph:
    """Zones and the clusters they serve; the zone serving most clusters is the centre.

    Zones that serve several clusters get a larger ``size`` so they stand out on the page.
    """
    rows = read(
        driver, settings,
        "MATCH (z:Zone)-[:SERVES]->(c:Cluster) WITH z, collect(c) AS cs WHERE size(cs) >= $min "
        "UNWIND cs AS c RETURN z.key AS zk, z.name AS zn, size(cs) AS n, c.key AS ck, c.name AS cn, "
        "c.target_yi AS t, c.level AS level ORDER BY n DESC, zk, ck LIMIT 20000",
        {"min": min_clusters},
    )
    G = nx.MultiDiGraph()
    for r in rows:
        z, c = node_id("Zone", r["zk"]), node_id("Cluster", r["ck"])
        G.add_node(z, label="Zone", key=r["zk"], name=r["zn"], clusters=r["n"], size=12.0 + 8.0 * (r["n"] - 1))
        G.add_node(c, label="Cluster", key=r["ck"], name=r["cn"], target_yi=r["t"], level=r["level"])
        G.add_edge(z, c, type=RelType.SERVES.value)
    if rows:
        G.graph["root"] = node_id("Zone", rows[0]["zk"])
    return G

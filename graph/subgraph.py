"""The k-hop neighbourhood of one node, projected into networkx for rendering and analytics.

Provenance (``STATED_IN`` to the ``Document``) is left out: every node has it, so it would
tie the whole neighbourhood to one hub and say nothing about how clusters are organised.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from neo4j import Driver

from clusterkg.errors import InputError, NotFoundError
from clusterkg.queries.run import run_internal
from clusterkg.settings import Settings

from .model import Label, RelType

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


# The walk's queries are queries/internal/neighbourhood_ring.cypher (a ring's neighbours, clusters,
# zones, places and projects before firms, a hub read lazily) and neighbourhood_nodes.cypher (the
# kept nodes and the edges among them); both spell out the walked types, :data:`WALKED`.


def neighbourhood(
    driver: Driver, settings: Settings, label: Label, key: str, *, hops: int = 1, cap: int = 300
) -> nx.MultiDiGraph:
    """Nodes within ``hops`` of (label, key), nearest first up to ``cap`` nodes, with the
    relationships among them (provenance excluded).

    The walk goes ring by ring from the root and expands only the nodes it keeps; within a
    ring, clusters, zones, places and projects are kept before firms, each in key order.  A node with more neighbours than there is room for
    (a zone of a province's registry) is read only as far as needed, so the cost follows
    ``cap``, not the size of the graph; which of such a hub's neighbours are seen is then
    the store's order.

    Node attributes: ``label``, ``key``, ``name``, ``distance`` (0 for the root) and those of
    :data:`FACTS` the node has; edge attribute ``type``.  ``G.graph`` holds ``root``, ``hops``,
    ``cap``, ``reachable`` (nodes found within reach; all of them when ``complete``) and
    ``complete`` (False when the cap or a hub cut the walk short).

    >>> G = neighbourhood(driver, settings, Label.CLUSTER, "洛阳现代装备制造产业集群")  # doctest: +SKIP
    >>> G.nodes[node_id("Cluster", "洛阳现代装备制造产业集群")]["target_yi"]  # doctest: +SKIP
    3000.0
    """
    validate_bounds(hops, cap)
    if not isinstance(label, Label):
        raise InputError(f"label must be a model Label, got {label!r}")
    found_root = run_internal(driver, settings, "node_element_id", {"label": label.value, "key": key})
    if not found_root:
        raise NotFoundError(f"no {label.value} with key {key!r}")
    root_id = found_root[0]["id"]
    kept: list[str] = [root_id]
    seen: set[str] = {root_id}
    frontier = [root_id]
    complete = True
    for _ in range(hops):
        room = cap - len(kept)
        if not frontier:
            break
        if room <= 0:
            complete = False
            break
        ring: dict[str, tuple[bool, str]] = {}  # element id → (a firm, key): firms last
        # A fair share per node first (twice room over the frontier), then, if the ring is
        # still short of room, the nodes that were cut off again with the whole room.
        share = min(room, -(-2 * room // len(frontier)))
        ask, cut = frontier, list[Any]()
        for quota in (share + 1, room + 1):  # one more than asked tells a cut-off node
            rows = run_internal(driver, settings, "neighbourhood_ring", {"ids": ask, "quota": quota, "limit": len(ask)})
            cut = []
            for row in rows:
                if sum(1 for f in row["found"] if f[2]) >= quota or sum(1 for f in row["found"] if not f[2]) >= quota:
                    cut.append(row["id"])
                for element_id, node_key, firm in row["found"]:
                    if element_id not in seen:
                        ring.setdefault(element_id, (bool(firm), node_key or ""))
            if not cut or len(ring) >= room or quota > room:
                break
            ask = cut
        if cut:
            complete = False
        seen.update(ring)
        ordered = sorted(ring, key=lambda i: (*ring[i], i))
        if len(ordered) > room:
            complete = False
        frontier = ordered[:room]
        kept.extend(frontier)
    rows = run_internal(
        driver,
        settings,
        "neighbourhood_nodes",
        {"ids": kept, "labels": [lb.value for lb in Label], "limit": len(kept)},
    )
    by_id = {r["id"]: r for r in rows}
    root = node_id(label.value, key)
    G = nx.MultiDiGraph(root=root, hops=hops, cap=cap, reachable=len(seen), complete=complete)
    for element_id in kept:
        n = by_id[element_id]
        props: dict[str, Any] = n["props"]
        facts = {f: props[f] for f in FACTS if props.get(f) is not None}
        G.add_node(node_id(n["label"], n["key"]), label=n["label"], key=n["key"], name=n["name"] or n["key"], **facts)
    for element_id in kept:
        n = by_id[element_id]
        for rel_type, target in n["out"]:
            t = by_id.get(target)
            if t is None:  # an edge to a node that was not kept
                continue
            G.add_edge(node_id(n["label"], n["key"]), node_id(t["label"], t["key"]), key=rel_type, type=rel_type)
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
    rows = run_internal(driver, settings, "zone_cluster_overlap", {"min_clusters": min_clusters})
    G = nx.MultiDiGraph()
    for r in rows:
        z, c = node_id("Zone", r["zk"]), node_id("Cluster", r["ck"])
        G.add_node(z, label="Zone", key=r["zk"], name=r["zn"], clusters=r["n"], size=12.0 + 8.0 * (r["n"] - 1))
        G.add_node(c, label="Cluster", key=r["ck"], name=r["cn"], target_yi=r["t"], level=r["level"])
        G.add_edge(z, c, type=RelType.SERVES.value)
    if rows:
        G.graph["root"] = node_id("Zone", rows[0]["zk"])
    return G

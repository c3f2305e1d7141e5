"""Network analytics on a projected subgraph: which zones and firms hold clusters together.

The projection keeps what planners reason about — clusters, the zones serving them, the
plan's anchor firms and the cities hosting them — and leaves out provenance, gazetteer
hierarchy and registry firms (which would swamp the picture at province scale).
Functions take the graph first and return plain mappings.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from neo4j import Driver
from networkx.algorithms import community as nx_community

from clusterkg.queries.run import run_internal
from clusterkg.settings import Settings

from .subgraph import node_id


def cluster_projection(driver: Driver, settings: Settings) -> nx.Graph:
    """Clusters linked to their zones (SERVES), anchor firms (ANCHORS) and cities (LOCATED_IN), as
    ``queries/internal/cluster_projection.cypher`` reads them."""
    G = nx.Graph()
    for row in run_internal(driver, settings, "cluster_projection"):
        c = node_id("Cluster", row["key"])
        G.add_node(
            c, label="Cluster", key=row["key"], name=row["name"], target_yi=row["target_yi"], sector=row["sector"]
        )
        for kind, label, rel in (
            ("zones", "Zone", "SERVES"),
            ("firms", "Enterprise", "ANCHORS"),
            ("cities", "City", "LOCATED_IN"),
        ):
            for item in row[kind]:
                n = node_id(label, item["key"])
                G.add_node(n, label=label, key=item["key"], name=item["name"])
                G.add_edge(n, c, type=rel)
    return G


_CACHE: dict[tuple[str, str], tuple[tuple[Any, ...], nx.Graph]] = {}


def graph_stamp(driver: Driver, settings: Settings) -> tuple[Any, ...]:
    """A stamp that changes when the projection's clusters, links or documents change."""
    # queries/internal/graph_stamp.cypher: counts from the count store, so no firm is read.
    row = run_internal(driver, settings, "graph_stamp")[0]
    return (row["clusters"], row["serves"], row["anchors"], row["located"], tuple(row["documents"]))


def cached_projection(driver: Driver, settings: Settings) -> nx.Graph:
    """:func:`cluster_projection`, built once per graph change (per server and database) and reused, so
    pages and routes do not rebuild it, nor recompute its betweenness, on every request."""
    where = (settings.neo4j_uri, settings.neo4j_database)
    stamp = graph_stamp(driver, settings)
    cached = _CACHE.get(where)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    G = cluster_projection(driver, settings)
    _CACHE[where] = (stamp, G)
    return G


def _betweenness(G: nx.Graph) -> dict[Any, float]:
    """Betweenness of every node, computed once per graph object and kept on it."""
    if "betweenness" not in G.graph:
        G.graph["betweenness"] = nx.betweenness_centrality(G, normalized=True)
    scores: dict[Any, float] = G.graph["betweenness"]
    return scores


def bridging(G: nx.Graph, *, label: str | None = None, k: int = 10) -> list[dict[str, Any]]:
    """The ``k`` nodes (optionally of one label) with the highest betweenness centrality.

    >>> G = nx.Graph([("Zone:a", "Cluster:x"), ("Zone:a", "Cluster:y")])
    >>> nx.set_node_attributes(G, {n: {"label": n.split(":")[0], "key": n[-1], "name": n[-1]} for n in G})
    >>> bridging(G, label="Zone", k=1)[0]["key"]
    'a'
    """
    return _ranked(G, _betweenness(G), label, k, "betweenness")


def centrality(G: nx.Graph, *, label: str | None = None, k: int = 10) -> list[dict[str, Any]]:
    """The ``k`` nodes (optionally of one label) with the most connections (degree)."""
    return _ranked(G, dict(G.degree()), label, k, "degree")


def _ranked(G: nx.Graph, scores: dict[Any, float], label: str | None, k: int, measure: str) -> list[dict[str, Any]]:
    items = [(n, s) for n, s in scores.items() if label is None or G.nodes[n].get("label") == label]
    items.sort(key=lambda x: (-x[1], str(x[0])))
    return [
        {
            "label": G.nodes[n]["label"],
            "key": G.nodes[n]["key"],
            "name": G.nodes[n]["name"],
            measure: round(float(s), 6),
            "degree": G.degree(n),
        }
        for n, s in items[:k]
    ]


def cluster_communities(G: nx.Graph) -> list[dict[str, Any]]:
    """Groups of clusters tied together by shared zones, firms and cities (greedy modularity
    on the cluster–cluster projection weighted by shared neighbours), largest first."""
    clusters = [n for n, lab in G.nodes(data="label") if lab == "Cluster"]
    P = nx.Graph()
    P.add_nodes_from(clusters)
    for n, lab in G.nodes(data="label"):
        if lab == "Cluster":
            continue
        members = sorted(m for m in G.neighbors(n) if G.nodes[m].get("label") == "Cluster")
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                w = P.get_edge_data(a, b, {}).get("weight", 0) + 1
                P.add_edge(a, b, weight=w)
    groups = (
        nx_community.greedy_modularity_communities(P, weight="weight")
        if P.number_of_edges()
        else [{c} for c in clusters]
    )
    out = []
    for i, group in enumerate(sorted(groups, key=lambda g: (-len(g), min(g)))):
        members = sorted(group)
        sectors = sorted({G.nodes[m].get("sector") or "" for m in members} - {""})
        out.append(
            {
                "community": i + 1,
                "size": len(members),
                "sectors": sectors,
                "clusters": [{"key": G.nodes[m]["key"], "name": G.nodes[m]["name"]} for m in members],
            }
        )
    return out

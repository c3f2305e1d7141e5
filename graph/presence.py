"""Firms per chain segment and place, kept as derived ``Presence`` nodes for fast gap reports.

A gap report asks, for every segment of a cluster's chains, how many firms sit locally (in
the cluster's zones or places), their revenue, and the top firms.  Counting that from the
firms each time walks every local firm: about a second for the largest cluster of a
1,000,000-firm province.  So after every registry load the firms are summed once into one
``Presence`` node per (segment, zone, place) cell, the zone and place being where each firm
is sited and located.  A firm sits in exactly one cell per segment, so summing the cells
whose zone or place is local counts every local firm once; each cell keeps its top
``TOP`` firms and chain leaders by revenue, and the top of a union is within the union of
the tops.  Presence nodes carry no relationships, so no walk or picture ever meets them.
"""

from __future__ import annotations

from collections.abc import Iterable

from neo4j import Driver, ManagedTransaction, unit_of_work

from clusterkg.settings import Settings

from .db import translate_errors
from .model import Label, RelType, cypher_name

# Firms and leaders kept per cell: the most a gap report lists per segment (its firm_limit).
TOP = 50

_PRESENCE = cypher_name(Label.PRESENCE)
_DROP_ALL = f"MATCH (p:{_PRESENCE}) DELETE p"
_DROP_SOME = f"UNWIND $segments AS k MATCH (p:{_PRESENCE} {{segment: k}}) DELETE p"
# Where each firm sits: its zone and place, read once per firm.
_SITES = (
    f"OPTIONAL CALL (e) {{ MATCH (e)-[:{cypher_name(RelType.SITED_IN)}]->(z:{cypher_name(Label.ZONE)}) "
    "RETURN z.key AS zone LIMIT 1 } "
    f"OPTIONAL CALL (e) {{ MATCH (e)-[:{cypher_name(RelType.LOCATED_IN)}]->"
    f"(q:{cypher_name(Label.CITY)}|{cypher_name(Label.COUNTY)}) RETURN q.key AS place LIMIT 1 }} "
)
# Cells keep their top firms as parallel key and revenue lists, so a report can pick the
# overall top from the cells' tops without fetching any firm it will not show.
_CELLS = (
    "WITH s.key AS segment, zone, place, toFloat(coalesce(e.revenue_wan, 0.0)) AS revenue, e.key AS key, "
    "coalesce(e.chain_leader, false) AS leader ORDER BY revenue DESC, key "
    "WITH segment, zone, place, count(*) AS firms, sum(revenue) AS revenue_wan, "
    "collect([key, revenue]) AS all, collect(CASE WHEN leader THEN [key, revenue] END) AS leaders "
    f"CREATE (:{_PRESENCE} {{key: segment + '|' + coalesce(zone, '') + '|' + coalesce(place, ''), "
    "segment: segment, zone: zone, place: place, firms: firms, revenue_wan: revenue_wan, leaders: size(leaders), "
    "top: [x IN all[..$top] | x[0]], top_revenue: [x IN all[..$top] | x[1]], "
    "top_leaders: [x IN leaders[..$top] | x[0]], top_leader_revenue: [x IN leaders[..$top] | x[1]]})"
)
_BUILD_ALL = (
    f"MATCH (e:{cypher_name(Label.ENTERPRISE)}) "
    + _SITES
    + f"MATCH (e)-[:{cypher_name(RelType.IN_SEGMENT)}]->(s:{cypher_name(Label.CHAIN_SEGMENT)}) "
    + _CELLS
)
_BUILD_SOME = (
    f"UNWIND $segments AS k MATCH (s:{cypher_name(Label.CHAIN_SEGMENT)} {{key: k}})"
    f"<-[:{cypher_name(RelType.IN_SEGMENT)}]-(e:{cypher_name(Label.ENTERPRISE)}) " + _SITES + _CELLS
)


def refresh_presence(driver: Driver, settings: Settings, segments: Iterable[str] | None = None) -> int:
    """Rebuild the Presence cells from the firms in the graph; returns the cells written.

    ``segments``: rebuild only the cells of these ChainSegment keys (a small registry update
    touches a few segments; a province's whole rebuild takes half a minute).  Run after
    anything that changes firms, their places or their segments (the loaders do).  Old
    cells go and new ones come in one transaction, so a reader sees one or the other.

    >>> refresh_presence(driver, settings, ["smart-terminal/assembly"])  # doctest: +SKIP
    87
    """
    some = None if segments is None else sorted(set(segments))

    def work(tx: ManagedTransaction) -> int:
        if some is None:
            tx.run(_DROP_ALL).consume()
            return tx.run(_BUILD_ALL, top=TOP).consume().counters.nodes_created
        tx.run(_DROP_SOME, segments=some).consume()
        return tx.run(_BUILD_SOME, segments=some, top=TOP).consume().counters.nodes_created

    if some == []:
        return 0
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        return session.execute_write(unit_of_work(timeout=settings.load_timeout_s)(work))

"""Turn a parsed plan into the rows one load writes (:class:`GraphBatch`).

Every node and relationship the plan states carries a :class:`Span` pointing at the
sentence (or appendix table row) that states it, so the API can quote the source; the
writer turns each node span into a STATED_IN edge to the Document.
All places of the gazetteer become City/County nodes, counties PART_OF their city, so
that a cluster's LOCATED_IN always lands on a node of the same batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType, Span
from clusterkg.graph.search_text import with_place_words

from .document import PlanDocument
from .parser import Named, ParsedPlan, parse_plan
from .resolve import Aliases, GazetteerLike

_LINK_TYPES = {
    "serves": (RelType.SERVES, Label.ZONE, Label.CLUSTER),
    "anchors": (RelType.ANCHORS, Label.ENTERPRISE, Label.CLUSTER),
    "supports": (RelType.SUPPORTS, Label.PROJECT, Label.CLUSTER),
    "run_by": (RelType.RUN_BY, Label.PROJECT, Label.ENTERPRISE),
}


def _props(**values: Any) -> dict[str, Any]:
    """Properties without the unknown ones (a null would erase a value on MERGE … SET)."""
    return {k: v for k, v in values.items() if v is not None}


def _all_places(gaz: GazetteerLike) -> Iterable[Any]:
    places = getattr(gaz, "places", None)
    if places is None:
        raise InputError("the gazetteer does not list its places (no .places)")
    return places  # type: ignore[no-any-return]


class _Rows:
    def __init__(self) -> None:
        self.nodes: dict[tuple[Label, str], NodeRow] = {}
        self.rels: dict[tuple[RelType, Label, str, Label, str], RelRow] = {}

    def node(self, row: NodeRow) -> None:
        if (row.label, row.key) in self.nodes:
            raise InputError(f"two {row.label.value} nodes with key {row.key!r}")
        self.nodes[(row.label, row.key)] = row

    def rel(self, type_: RelType, a: tuple[Label, str], b: tuple[Label, str], span: Span | None) -> None:
        # The first statement of a relationship is the one quoted; restatements add nothing.
        self.rels.setdefault((type_, *a, *b), RelRow(type_, a[0], a[1], b[0], b[1], span=span))

    def batch(self) -> GraphBatch:
        for r in self.rels.values():
            for end in ((r.from_label, r.from_key), (r.to_label, r.to_key)):
                if end not in self.nodes:
                    where = f" (paragraph {r.span.paragraph})" if r.span else ""
                    raise InputError(f"{r.type.value} ends at {end[0].value} {end[1]!r}, which no node states{where}")
        return with_place_words(GraphBatch(tuple(self.nodes.values()), tuple(self.rels.values())))


def _named(label: Label, item: Named) -> NodeRow:
    return NodeRow(label, item.name, item.name, aliases=tuple(sorted(item.aliases)), spans=tuple(item.spans))


def batch_from(plan: ParsedPlan, gaz: GazetteerLike) -> GraphBatch:
    """Graph rows for a parsed plan; raises :class:`InputError` if a relationship dangles."""
    doc = plan.document
    rows = _Rows()
    rows.node(
        NodeRow(
            Label.DOCUMENT,
            doc.key,
            plan.header.title or doc.key,
            props=_props(
                file=doc.path.name,
                sha256=doc.sha256,
                chars=len(doc.text),
                title=plan.header.title,
                issuer=plan.header.issuer,
                date=plan.header.date,
            ),
        )
    )
    for s in plan.sectors:
        rows.node(
            NodeRow(
                Label.SECTOR,
                s.name,
                s.name,
                props=_props(section_no=s.section_no, goal_yi=s.goal_yi, goal_year=s.goal_year),
                spans=tuple(s.spans),
            )
        )
    for c in plan.clusters:
        rows.node(
            NodeRow(
                Label.CLUSTER,
                c.name,
                c.name,
                aliases=tuple(c.aliases),
                props=_props(
                    level=c.level,
                    target_yi=c.target_yi,
                    target_year=c.target_year,
                    appendix_no=c.appendix_no,
                    scope=c.scope,
                ),
                spans=tuple(c.spans),
            )
        )
    tables = ((Label.ZONE, plan.zones), (Label.ENTERPRISE, plan.enterprises), (Label.PROJECT, plan.projects))
    for label, table in tables:
        for item in table.values():
            rows.node(_named(label, item))
    for p in _all_places(gaz):
        rows.node(
            NodeRow(
                p.label,
                p.code,
                p.name,
                aliases=tuple(p.aliases),
                props={"level": p.level, "short": p.short, "direct_admin": p.direct_admin},
            )
        )
        if p.label is Label.COUNTY and p.parent_code:
            rows.rel(RelType.PART_OF, (Label.COUNTY, p.code), (Label.CITY, p.parent_code), None)

    for c in plan.clusters:
        first = c.spans[0]
        if c.sector:
            rows.rel(RelType.IN_SECTOR, (Label.CLUSTER, c.name), (Label.SECTOR, c.sector), first)
        for p in c.places:
            rows.rel(RelType.LOCATED_IN, (Label.CLUSTER, c.name), (p.label, p.code), first)
    for z in plan.zones.values():
        for p in z.places:
            rows.rel(RelType.LOCATED_IN, (Label.ZONE, z.name), (p.label, p.code), z.spans[0])
    for link in plan.links:
        type_, a, b = _LINK_TYPES[link.type]
        rows.rel(type_, (a, link.source), (b, link.target), link.span)
    # STATED_IN edges are not rows here: the writer derives one per node span (graph/writes.py).
    return rows.batch()


def plan_batch(doc: PlanDocument, gazetteer: GazetteerLike | None = None, aliases: Aliases | None = None) -> GraphBatch:
    """Everything the plan states, as graph rows, with places from the gazetteer.

    Without a gazetteer the packaged Henan divisions are used; without an alias table,
    the packaged ``loaders/data/henan-2015/aliases.toml``.

    >>> from clusterkg.loaders.plan.document import read_plan  # doctest: +SKIP
    >>> plan_batch(read_plan("plan.txt")).counts()["Sector"]  # doctest: +SKIP
    13
    """
    if gazetteer is None:
        from clusterkg.loaders.gazetteer import Gazetteer

        gazetteer = Gazetteer.load()
    return batch_from(parse_plan(doc, gazetteer, aliases), gazetteer)

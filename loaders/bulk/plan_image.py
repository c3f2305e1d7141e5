"""The graph a plan load followed by a registry load leaves in an empty database, built in memory.

The bulk importer writes a store directly, so it must know what the Bolt loads would have
written: every rule comes from :mod:`clusterkg.graph.merge_rules`, which the Bolt writer
follows too.  The plan is small and held whole; registry firms stream through
:meth:`PlanImage.firm_rows`, and only a firm the plan also names is kept, merged into the
plan's node.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from clusterkg.graph.merge_rules import (
    RelIdentity,
    as_statements_of,
    node_properties,
    provenance_properties,
    relationship_identity,
    relationship_properties,
    replaced_on_reload,
    set_properties,
)
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelType, Span
from clusterkg.graph.writes import validate_batch

from ..firms import FIRM_LINKS, zone_lookup
from ..load_plan import PLAN_LABELS

NodeOut = tuple[Label, str, dict[str, Any]]
RelOut = tuple[RelType, Label, str, Label, str, dict[str, Any]]


@dataclass
class PlanImage:
    """The plan batch as the Bolt plan load leaves it in an empty database: relationships
    merged on their identity (type, ends, stating document), provenance merged on (node,
    document, paragraph, start), and plan-only nodes without any relationship dropped."""

    nodes: dict[tuple[Label, str], NodeRow]
    props: dict[tuple[Label, str], dict[str, Any]]
    rels: dict[RelIdentity, dict[str, Any]]
    stated: dict[tuple[Label, str, str, int, int], Span]

    @classmethod
    def of(cls, batch: GraphBatch, doc: str) -> PlanImage:
        """The image of document ``doc``'s plan ``batch``."""
        validate_batch(batch)
        batch = as_statements_of(batch, doc)
        nodes = {(n.label, n.key): n for n in batch.nodes}
        rels: dict[RelIdentity, dict[str, Any]] = {}
        for r in batch.relationships:
            props = relationship_properties(r)
            key = relationship_identity(r, props)
            rels[key] = set_properties(rels.get(key, {}), props)
        stated: dict[tuple[Label, str, str, int, int], Span] = {}
        for n in batch.nodes:
            for s in n.spans:
                # The Bolt write MATCHes the document: a span of a document not loaded links nothing.
                if (Label.DOCUMENT, s.document) in nodes:
                    stated[(n.label, n.key, s.document, s.paragraph, s.start)] = s
        linked = {(k[1], k[2]) for k in rels} | {(k[3], k[4]) for k in rels}
        linked |= {(k[0], k[1]) for k in stated} | {(Label.DOCUMENT, k[2]) for k in stated}
        pruned = set(PLAN_LABELS)
        nodes = {k: n for k, n in nodes.items() if k[0] not in pruned or k in linked}
        return cls(nodes, {k: node_properties(n) for k, n in nodes.items()}, rels, stated)

    def zone_index(self) -> dict[str, str]:
        """Normalised zone name or alias → zone key, as the Bolt registry load reads it from the graph."""
        return zone_lookup((key, n.aliases) for (label, key), n in self.nodes.items() if label is Label.ZONE)

    def take_firm(self, firm: NodeRow) -> bool:
        """Merge a registry firm into a plan firm of the same key, as a re-MERGE would; False
        when the plan has no such firm."""
        key = (Label.ENTERPRISE, firm.key)
        if key not in self.props:
            return False
        self.props[key] = node_properties(firm, self.props[key])
        # The registry load replaces the firm's own links that no document states.
        for rel in [
            k
            for k, p in self.rels.items()
            if k[1] is Label.ENTERPRISE and k[2] == firm.key and replaced_on_reload(k[0], p, FIRM_LINKS)
        ]:
            del self.rels[rel]
        return True

    def firm_rows(self, firms: GraphBatch) -> tuple[list[NodeOut], list[RelOut]]:
        """A registry batch's rows to write now: the firms the plan does not name (those it names
        are merged into its nodes, written with them) and every firm's links."""
        nodes = [(n.label, n.key, node_properties(n)) for n in firms.nodes if not self.take_firm(n)]
        rels = [
            (r.type, r.from_label, r.from_key, r.to_label, r.to_key, set_properties({}, relationship_properties(r)))
            for r in firms.relationships
        ]
        return nodes, rels

    def node_rows(self) -> Iterator[NodeOut]:
        """The plan's nodes, registry firms it names merged in."""
        for (label, key), props in self.props.items():
            yield label, key, props

    def relationship_rows(self) -> Iterator[RelOut]:
        """The plan's relationships, then every node's provenance edges."""
        for (rel, a, a_key, b, b_key, _), props in self.rels.items():
            yield rel, a, a_key, b, b_key, props
        for (label, key, doc, _, _), span in self.stated.items():
            # As the Bolt write: what the document states of the node rides on its provenance.
            yield (
                RelType.STATED_IN,
                label,
                key,
                Label.DOCUMENT,
                doc,
                provenance_properties(self.nodes[(label, key)], span),
            )

"""What one write leaves on a node or a relationship: the merge rules of the Bolt writer.

:mod:`clusterkg.graph.writes` enacts these rules in Cypher; the bulk importer
(:mod:`clusterkg.loaders.bulk`) enacts them in memory to write the store the same loads
would leave.  Both take them from here:

- a node MERGEs on (label, key), then ``SET n += props`` (a later value wins, a None removes
  the property) and name, aliases and search text are set over them (:func:`node_properties`);
- a relationship MERGEs on its type and ends and, when a document states it, on that
  document (:data:`DOC`): each document's statement is its own (:func:`relationship_identity`);
  its span rides on it (:func:`relationship_properties`);
- a node's provenance edge (STATED_IN) MERGEs on (node, document, paragraph, start) and keeps
  what the document states of the node (:func:`provenance_properties`);
- a registry re-load replaces the links the registry owns of each firm it names, except
  those a document states (:func:`replaced_on_reload`);
- a document's load makes every statement its own, those without a quoted span too
  (:func:`as_statements_of`).

>>> from clusterkg.graph.model import Label, NodeRow
>>> node_properties(NodeRow(Label.ZONE, "许昌经济技术开发区", "许昌经济技术开发区", props={"level": "national"}))
{'level': 'national', 'name': '许昌经济技术开发区', 'aliases': [], 'search_text': '许昌经济技术开发区 xuchangjingjijishukaifaqu xcjjjskfq'}
>>> set_properties({"revenue_wan": 1.0, "phone": "0371-1"}, {"revenue_wan": 2.0, "phone": None})
{'revenue_wan': 2.0}
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Any

from clusterkg.errors import InputError

from .model import GraphBatch, Label, NodeRow, RelRow, RelType, Span
from .search_text import search_text

# The property that marks a relationship a document states (its key): such links are the
# document's, kept apart per document and left alone by registry re-loads.
DOC = "doc"

RelIdentity = tuple[RelType, Label, str, Label, str, str | None]
# The paragraph and offsets of a statement no span quotes (an edited facts file may state a
# fact without evidence).
UNQUOTED = -1


def set_properties(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """``SET x += new`` over ``old``: later values win and a None removes the property."""
    out = dict(old)
    for name, value in new.items():
        if value is None:
            out.pop(name, None)
        else:
            out[name] = value
    return out


def node_search_text(n: NodeRow) -> str:
    """The text the full-text index reads for ``n``: its own when given, else from name and aliases."""
    return n.search_text if n.search_text is not None else search_text(n.name, n.aliases)


def node_properties(n: NodeRow, old: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The properties ``n`` leaves on its node, which held ``old`` before (nothing: a new node)."""
    if "key" in n.props:
        raise InputError(f"{n.label.value} {n.key!r}: a property may not be called 'key'")
    out = set_properties(old or {}, n.props)
    out.update(name=n.name, aliases=list(n.aliases), search_text=node_search_text(n))
    return out


def relationship_properties(r: RelRow) -> dict[str, Any]:
    """The properties ``r`` sets on its relationship: its own, then its span's."""
    props = dict(r.props)
    if r.span is not None:
        props.update({DOC: r.span.document, "paragraph": r.span.paragraph, "start": r.span.start, "end": r.span.end})
    return props


def relationship_identity(r: RelRow, props: Mapping[str, Any]) -> RelIdentity:
    """What a relationship MERGEs on: type, ends and the document stating it (None: none)."""
    return (r.type, r.from_label, r.from_key, r.to_label, r.to_key, props.get(DOC))


def stated_by_document(props: Mapping[str, Any]) -> bool:
    return props.get(DOC) is not None


def provenance_properties(n: NodeRow, span: Span) -> dict[str, Any]:
    """The properties of ``n``'s provenance edge for ``span``: where, and what the document states."""
    out: dict[str, Any] = {"paragraph": span.paragraph, "start": span.start, "end": span.end}
    out.update(set_properties({}, n.props))
    if n.aliases:
        out["aliases"] = list(n.aliases)
    return out


def replaced_on_reload(rel: RelType, props: Mapping[str, Any], owned: Collection[RelType]) -> bool:
    """Whether a re-load of the relationship's start node removes it: a type the load owns,
    not stated by a document."""
    return rel in owned and not stated_by_document(props)


def as_statements_of(batch: GraphBatch, doc: str) -> GraphBatch:
    """``batch`` with every statement marked as ``doc``'s: a node of a stated label without a
    span gets an unquoted one (:data:`UNQUOTED`), a relationship outside the catalogue without
    a document gets ``doc``.

    >>> from clusterkg.graph.model import Label, NodeRow, RelRow, RelType
    >>> marked = as_statements_of(GraphBatch((NodeRow(Label.CLUSTER, "c", "c"),),
    ...     (RelRow(RelType.SERVES, Label.ZONE, "z", Label.CLUSTER, "c"),)), "plan")
    >>> marked.nodes[0].spans, marked.relationships[0].props
    ((Span(document='plan', paragraph=-1, start=-1, end=-1),), {'doc': 'plan'})
    """
    # graph.documents reaches this module through graph.writes, so its names come at call time.
    from .documents import CATALOGUE_RELS, STATED_LABELS

    unquoted = (Span(doc, UNQUOTED, UNQUOTED, UNQUOTED),)
    nodes = tuple(replace(n, spans=unquoted) if n.label in STATED_LABELS and not n.spans else n for n in batch.nodes)
    rels = tuple(
        replace(r, props={**r.props, DOC: doc})
        if r.type not in CATALOGUE_RELS and not stated_by_document(relationship_properties(r))
        else r
        for r in batch.relationships
    )
    return GraphBatch(nodes, rels)

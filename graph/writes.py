"""Batched, all-or-nothing writes of a :class:`GraphBatch`.

A plan is small (thousands of rows), so one load is one transaction: either every node
and relationship lands or, after any failure, none does.  Inside it, nodes go before
relationships and each group is one ``UNWIND $rows … MERGE`` per batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, LiteralString, cast

from neo4j import Driver, ManagedTransaction

from clusterkg.errors import InputError
from clusterkg.settings import Settings

from .db import translate_errors
from .model import GraphBatch, Label, NodeRow, RelRow, RelType, cypher_name
from .schema import ensure_schema
from .search_text import search_text

BATCH_SIZE = 5000
Progress = Callable[[str, int], None]


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _node_param(n: NodeRow) -> dict[str, Any]:
    return {
        "key": n.key,
        "name": n.name,
        "aliases": list(n.aliases),
        "search_text": search_text(n.name, n.aliases),
        "props": n.props,
        "spans": [
            {"doc": s.document, "paragraph": s.paragraph, "start": s.start, "end": s.end} for s in n.spans
        ],
    }


def _rel_param(r: RelRow) -> dict[str, Any]:
    props = dict(r.props)
    if r.span is not None:
        props.update(doc=r.span.document, paragraph=r.span.paragraph, start=r.span.start, end=r.span.end)
    return {"from": r.from_key, "to": r.to_key, "props": props}


def validate_batch(batch: GraphBatch, existing: Iterable[tuple[Label, str]] = ()) -> None:
    """Refuse a batch whose relationships point at nodes it neither contains nor names as
    ``existing`` (checked in the graph by the caller), or that repeats keys."""
    seen: set[tuple[Label, str]] = set()
    for n in batch.nodes:
        if not n.key or not n.name:
            raise InputError(f"{n.label.value} node with empty key or name: {n!r}")
        if (n.label, n.key) in seen:
            raise InputError(f"{n.label.value} key {n.key!r} appears twice in one load")
        seen.add((n.label, n.key))
    known = seen | set(existing)
    for r in batch.relationships:
        for label, key in ((r.from_label, r.from_key), (r.to_label, r.to_key)):
            if (label, key) not in known:
                raise InputError(f"{r.type.value} relationship names {label.value} {key!r}, which this load does not define")


def _write_nodes(tx: ManagedTransaction, label: Label, rows: list[dict[str, Any]]) -> None:
    cypher = (
        f"UNWIND $rows AS row MERGE (n:{cypher_name(label)} {{key: row.key}}) "
        "SET n += row.props, n.name = row.name, n.aliases = row.aliases, n.search_text = row.search_text "
        "WITH n, row UNWIND row.spans AS s "
        f"MATCH (d:{cypher_name(Label.DOCUMENT)} {{key: s.doc}}) "
        f"MERGE (n)-[p:{cypher_name(RelType.STATED_IN)} {{paragraph: s.paragraph, start: s.start}}]->(d) "
        "SET p.end = s.end"
    )
    for chunk in _chunks(rows, BATCH_SIZE):
        tx.run(cast(LiteralString, cypher), rows=chunk).consume()


def _write_rels(tx: ManagedTransaction, rel: RelType, a: Label, b: Label, rows: list[dict[str, Any]]) -> None:
    cypher = (
        f"UNWIND $rows AS row MATCH (a:{cypher_name(a)} {{key: row.from}}) "
        f"MATCH (b:{cypher_name(b)} {{key: row.to}}) "
        f"MERGE (a)-[r:{cypher_name(rel)}]->(b) SET r += row.props"
    )
    for chunk in _chunks(rows, BATCH_SIZE):
        tx.run(cast(LiteralString, cypher), rows=chunk).consume()


def _forget_document(tx: ManagedTransaction, doc_key: str) -> None:
    # A re-load replaces what the document said before: its relationships and provenance
    # go, then nodes that nothing else states or links are removed.
    tx.run(
        "MATCH ()-[r]->() WHERE r.doc = $doc DELETE r", doc=doc_key
    ).consume()
    tx.run(
        f"MATCH (n)-[p:{cypher_name(RelType.STATED_IN)}]->(:{cypher_name(Label.DOCUMENT)} {{key: $doc}}) DELETE p",
        doc=doc_key,
    ).consume()


def _drop_orphans(tx: ManagedTransaction, labels: Iterable[Label]) -> None:
    for label in labels:
        tx.run(
            f"MATCH (n:{cypher_name(label)}) WHERE NOT (n)--() DELETE n"
        ).consume()


def write_batch(
    driver: Driver,
    settings: Settings,
    batch: GraphBatch,
    *,
    replace_document: str | None = None,
    prune_labels: Iterable[Label] = (),
    existing: Iterable[tuple[Label, str]] = (),
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write a batch in one transaction and return the counts written.

    With ``replace_document``, facts earlier loaded from that document are removed in the
    same transaction, so a re-load of an edited plan leaves nothing stale behind.

    >>> write_batch(driver, settings, batch, replace_document="plan")  # doctest: +SKIP
    {'Cluster': 22, 'SERVES': 73, ...}
    """
    validate_batch(batch, existing)
    ensure_schema(driver, settings)
    nodes: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for n in batch.nodes:
        nodes[n.label].append(_node_param(n))
    rels: dict[tuple[RelType, Label, Label], list[dict[str, Any]]] = defaultdict(list)
    for r in batch.relationships:
        rels[(r.type, r.from_label, r.to_label)].append(_rel_param(r))
    # Documents first: provenance of every other node points at them.
    order = sorted(nodes, key=lambda label: label != Label.DOCUMENT)
    prune = list(prune_labels)

    def work(tx: ManagedTransaction) -> None:
        if replace_document:
            _forget_document(tx, replace_document)
        for label in order:
            _write_nodes(tx, label, nodes[label])
            if progress:
                progress(label.value, len(nodes[label]))
        for (rel, a, b), rows in sorted(rels.items()):
            _write_rels(tx, rel, a, b, rows)
            if progress:
                progress(rel.value, len(rows))
        if prune:
            _drop_orphans(tx, prune)

    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        session.execute_write(work)
    return batch.counts()


def clear_graph(driver: Driver, settings: Settings) -> None:
    """Delete every node and relationship (schema stays), in batches so memory stays flat."""
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

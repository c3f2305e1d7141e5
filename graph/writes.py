"""Batched, all-or-nothing writes of a :class:`GraphBatch`.

A plan is small (thousands of rows), so one load is one transaction: either every node
and relationship lands or, after any failure, none does.  Inside it, nodes go before
relationships and each group is one ``UNWIND $rows … MERGE`` per batch.
"""

from __future__ import annotations

import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, LiteralString, TypeVar, cast

from neo4j import Driver, ManagedTransaction, Query, unit_of_work

from clusterkg.errors import InputError
from clusterkg.settings import Settings

from .db import translate_errors
from .merge_rules import DOC, node_search_text, relationship_properties, stated_by_document
from .model import GraphBatch, Label, NodeRow, RelRow, RelType, cypher_name
from .schema import ensure_schema

BATCH_SIZE = 5000
T = TypeVar("T")
Progress = Callable[[str, int], None]


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _release(chunk: list[dict[str, Any]]) -> None:
    # The driver's Result keeps its parameters until the transaction ends; in a long
    # transaction that would hold every row of the load.  Emptying the (sliced) list
    # after the rows are sent keeps memory flat; a retry re-slices from the batch.
    chunk.clear()


def _node_param(n: NodeRow) -> dict[str, Any]:
    return {
        "key": n.key,
        "name": n.name,
        "aliases": list(n.aliases),
        "search_text": node_search_text(n),
        "props": n.props,
        # What the document states of the node, kept on its provenance edges: with several
        # documents stating one node, each one's values stay (graph.documents recomputes the node).
        "stated_aliases": list(n.aliases) or None,
        "stated_name": None,  # set by graph.documents when another document's name is kept as the key
        "spans": [{"doc": s.document, "paragraph": s.paragraph, "start": s.start, "end": s.end} for s in n.spans],
    }


def _rel_param(r: RelRow) -> dict[str, Any]:
    return {"from": r.from_key, "to": r.to_key, "props": relationship_properties(r)}


Packed = tuple[dict[Label, list[dict[str, Any]]], dict[tuple[RelType, Label, Label], list[dict[str, Any]]]]


def _pack(batch: GraphBatch) -> Packed:
    """The batch's rows as query parameters: nodes per label, relationships per (type, from, to)."""
    nodes: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for n in batch.nodes:
        nodes[n.label].append(_node_param(n))
    rels: dict[tuple[RelType, Label, Label], list[dict[str, Any]]] = defaultdict(list)
    for r in batch.relationships:
        rels[(r.type, r.from_label, r.to_label)].append(_rel_param(r))
    return nodes, rels


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
                raise InputError(
                    f"{r.type.value} relationship names {label.value} {key!r}, which this load does not define"
                )


# Places come from gazetteers of different detail (a province table knows short names, the
# national one may not): a row without a short name never overwrites a place that has one, so
# the place reads the same whichever document was loaded first.
_PLACES = frozenset({Label.CITY, Label.COUNTY})


def _write_nodes(tx: ManagedTransaction, label: Label, rows: list[dict[str, Any]]) -> None:
    guard = "WITH n, row WHERE n.short IS NULL OR row.props.short IS NOT NULL " if label in _PLACES else ""
    cypher = (
        f"UNWIND $rows AS row MERGE (n:{cypher_name(label)} {{key: row.key}}) {guard}"
        "SET n += row.props, n.name = row.name, n.aliases = row.aliases, n.search_text = row.search_text "
    )
    provenance = (
        "WITH n, row UNWIND row.spans AS s "
        f"MATCH (d:{cypher_name(Label.DOCUMENT)} {{key: s.doc}}) "
        f"MERGE (n)-[p:{cypher_name(RelType.STATED_IN)} {{paragraph: s.paragraph, start: s.start}}]->(d) "
        "SET p.end = s.end, p += row.props, p.aliases = row.stated_aliases, p.stated_name = row.stated_name"
    )
    for chunk in _chunks(rows, BATCH_SIZE):
        text = cypher + provenance if any(row["spans"] for row in chunk) else cypher
        tx.run(cast(LiteralString, text), rows=chunk).consume()
        _release(chunk)


def _write_rels(
    tx: ManagedTransaction, rel: RelType, a: Label, b: Label, rows: list[dict[str, Any]], *, create: bool = False
) -> None:
    # create: the caller removed these relationships of the batch's nodes first, so a
    # CREATE cannot duplicate one and skips MERGE's look-up on densely linked targets.
    verb = "CREATE" if create else "MERGE"
    # A relationship a document states is its own per document (graph.merge_rules): a second
    # document stating the same link adds its statement and an unload removes only its own.
    stated = [row for row in rows if stated_by_document(row["props"])]
    plain = [row for row in rows if not stated_by_document(row["props"])]
    for group, pattern in ((stated, f" {{{DOC}: row.props.{DOC}}}"), (plain, "")):
        cypher = (
            f"UNWIND $rows AS row MATCH (a:{cypher_name(a)} {{key: row.from}}) "
            f"MATCH (b:{cypher_name(b)} {{key: row.to}}) "
            f"{verb} (a)-[r:{cypher_name(rel)}{pattern}]->(b) SET r += row.props"
        )
        for chunk in _chunks(group, BATCH_SIZE):
            tx.run(cast(LiteralString, cypher), rows=chunk).consume()
            _release(chunk)


def _forget_document(tx: ManagedTransaction, doc_key: str) -> None:
    # A re-load replaces what the document said before: its relationships and provenance
    # go, then nodes that nothing else states or links are removed.
    tx.run("MATCH ()-[r]->() WHERE r.doc = $doc DELETE r", doc=doc_key).consume()
    tx.run(
        f"MATCH (n)-[p:{cypher_name(RelType.STATED_IN)}]->(:{cypher_name(Label.DOCUMENT)} {{key: $doc}}) DELETE p",
        doc=doc_key,
    ).consume()


def _drop_orphans(tx: ManagedTransaction, labels: Iterable[Label]) -> None:
    for label in labels:
        tx.run(f"MATCH (n:{cypher_name(label)}) WHERE NOT (n)--() DELETE n").consume()


def _write_tables(
    tx: ManagedTransaction,
    nodes: dict[Label, list[dict[str, Any]]],
    rels: dict[tuple[RelType, Label, Label], list[dict[str, Any]]],
    progress: Progress | None,
) -> None:
    """Every node table, documents first (provenance of every other node points at them), then
    every relationship table, reporting each as it is written."""
    for label in sorted(nodes, key=lambda label: label != Label.DOCUMENT):
        _write_nodes(tx, label, nodes[label])
        if progress:
            progress(label.value, len(nodes[label]))
    for (rel, a, b), rows in sorted(rels.items()):
        _write_rels(tx, rel, a, b, rows)
        if progress:
            progress(rel.value, len(rows))


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
    nodes, rels = _pack(batch)
    # Documents first: provenance of every other node points at them.
    prune = list(prune_labels)

    def work(tx: ManagedTransaction) -> None:
        if replace_document:
            _forget_document(tx, replace_document)
        _write_tables(tx, nodes, rels, progress)
        if prune:
            _drop_orphans(tx, prune)

    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        session.execute_write(unit_of_work(timeout=settings.load_timeout_s)(work))
    return batch.counts()


def _drop_outgoing(tx: ManagedTransaction, label: Label, types: frozenset[RelType], keys: list[str]) -> None:
    # Facts a registry re-load replaces (graph.merge_rules.replaced_on_reload); what a document
    # states is left alone.
    kinds = "|".join(cypher_name(t) for t in sorted(types))
    tx.run(
        cast(
            LiteralString,
            f"UNWIND $keys AS k MATCH (n:{cypher_name(label)} {{key: k}})-[r:{kinds}]->() WHERE r.{DOC} IS NULL DELETE r",
        ),
        keys=keys,
    ).consume()


def _batch_work(
    batch: GraphBatch, replace_outgoing: Mapping[Label, frozenset[RelType]]
) -> Callable[[ManagedTransaction], None]:
    nodes, rels = _pack(batch)

    def work(tx: ManagedTransaction) -> None:
        for label, rows in nodes.items():
            _write_nodes(tx, label, rows)
            if label in replace_outgoing:
                _drop_outgoing(tx, label, replace_outgoing[label], [row["key"] for row in rows])
        for (rel, a, b), rows in sorted(rels.items()):
            _write_rels(tx, rel, a, b, rows, create=rel in replace_outgoing.get(a, ()))

    return work


_DONE = object()


def _prefetched(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """``items``, produced by a helper thread up to ``depth`` ahead of the consumer.

    Reading, checking and packing the next batch then overlaps the server's work on the
    current one (the driver waits on the socket without holding the GIL).
    """
    buffer: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        buffer.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            buffer.put(_DONE)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, raised there
            buffer.put(exc)

    worker = threading.Thread(target=produce, name="clusterkg-prefetch", daemon=True)
    worker.start()
    try:
        while (item := buffer.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join(timeout=5)


def write_batches(
    driver: Driver,
    settings: Settings,
    batches: Iterable[GraphBatch],
    *,
    existing: Iterable[tuple[Label, str]] = (),
    replace_outgoing: Mapping[Label, frozenset[RelType]] | None = None,
    atomic: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Write a stream of batches and return the summed counts.

    ``atomic``: all batches in one transaction, so a failure anywhere leaves nothing.
    Otherwise each batch commits on its own; every write is a MERGE and ``replace_outgoing``
    first removes the listed outgoing relationships of the batch's nodes, so running the
    same stream again after an interruption converges to the graph of one clean run.
    Batches are checked like :func:`write_batch` (relationships must point at nodes of the
    batch or ``existing``), each before it is written; ``progress`` is told the number of
    nodes of each batch written.

    >>> write_batches(driver, settings, firm_batches, existing=places,
    ...               replace_outgoing={Label.ENTERPRISE: FIRM_LINKS})  # doctest: +SKIP
    {'Enterprise': 1000000, 'IN_SEGMENT': 2178620, ...}
    """
    known = set(existing)
    replace = dict(replace_outgoing or {})
    totals: dict[str, int] = defaultdict(int)
    ensure_schema(driver, settings)
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        tx = session.begin_transaction(timeout=settings.load_timeout_s) if atomic else None
        try:
            # Only the packed parameters travel between threads; each GraphBatch is dropped
            # once packed, so memory holds about two batches whatever the input size.
            def checked(batch: GraphBatch) -> GraphBatch:
                validate_batch(batch, known)  # raises on the first bad batch, before it is written
                return batch

            prepared = ((b.counts(), len(b.nodes), _batch_work(b, replace)) for b in map(checked, batches))
            for counts, nodes, work in _prefetched(prepared, depth=1):
                if tx is not None:
                    work(tx)  # type: ignore[arg-type]
                else:
                    session.execute_write(unit_of_work(timeout=settings.load_timeout_s)(work))
                for name, count in counts.items():
                    totals[name] += count
                if progress:
                    progress(nodes)
            if tx is not None:
                tx.commit()
        finally:
            if tx is not None and not tx.closed():
                tx.rollback()
    return dict(sorted(totals.items()))


def clear_graph(driver: Driver, settings: Settings) -> None:
    """Delete every node and relationship (schema stays), in batches so memory stays flat."""
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        # Relationships first: DETACH DELETE of a zone holding 300,000 firms would put all of
        # them in one inner transaction and can exhaust the server's heap.
        for text in (
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS",
            "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS",
        ):
            session.run(Query(text, timeout=settings.load_timeout_s)).consume()

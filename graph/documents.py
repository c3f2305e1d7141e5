"""Several documents in one graph: each keeps its own statements; loads and unloads per document.

A node (a cluster, zone, firm, project or sector) may be stated by several documents. Each
document's statement of it lives on its provenance edges (``STATED_IN``: the span, and what the
document says of the node: level, target, aliases, and the name it used when that differs from
the node's key); a relationship a document states carries ``doc`` and is that document's own.
The node itself shows the latest document's view (documents ordered by date, then key), so the
graph depends only on which documents are loaded, never on the order they were loaded in, and
unloading one document leaves the graph the others alone would give.

Before a document is written, each of its names that is not already a key is matched against
nodes other documents state (``forms``, given by the loader: same name modulo the gazetteer's
history, a zone's renaming, accepted same-as pairs): a unique match becomes the same node.

>>> write_document(driver, settings, batch, "henan-2014-sme-cluster-list", forms=forms)  # doctest: +SKIP
{'Cluster': 11, 'Zone': 11, ...}
>>> unload_document(driver, settings, "henan-2014-sme-cluster-list").found  # doctest: +SKIP
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import Driver, ManagedTransaction, unit_of_work

from clusterkg.queries.run import run_in
from clusterkg.settings import Settings

from .db import translate_errors
from .merge_rules import as_statements_of
from .model import GraphBatch, Label, RelType, cypher_name
from .schema import ensure_schema
from .search_text import search_text, short_place
from .writes import (
    Packed,
    Progress,
    _drop_orphans,
    _forget_document,
    _pack,
    _write_tables,
    validate_batch,
)

#: The names a node may be recognised by in another document: (label, name) → match forms.
Forms = Callable[[Label, str], frozenset[str]]

#: Labels whose nodes exist because documents state them; their properties are recomputed.
STATED_LABELS: tuple[Label, ...] = (Label.SECTOR, Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT)
#: Labels matched across documents.
RESOLVED_LABELS: tuple[Label, ...] = (Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT)
#: Relationship types a plan load writes without a document (the chain catalogue, the gazetteer):
#: a node left with only these once its documents are gone is gone too.
CATALOGUE_RELS: tuple[RelType, ...] = (RelType.HAS_CHAIN, RelType.HAS_SEGMENT, RelType.FEEDS, RelType.PART_OF)
# Properties of a provenance edge that are about the span or the naming, not stated values.
_EDGE_ONLY = frozenset({"paragraph", "start", "end", "aliases", "stated_name"})
_PLACES = (Label.CITY, Label.COUNTY)


def _label_of(labels: Iterable[str]) -> Label | None:
    names = set(labels)
    return next((label for label in STATED_LABELS if label.value in names), None)


def _stated_by(tx: ManagedTransaction, doc: str) -> dict[Label, dict[str, set[str]]]:
    """The nodes ``doc`` states, each with the property names its provenance edges carry."""
    out: dict[Label, dict[str, set[str]]] = defaultdict(dict)
    for rec in run_in(tx, "document_stated_nodes", {"doc": doc}):
        label = _label_of(rec["labels"])
        if label is not None:
            out[label][rec["key"]] = {k for ks in rec["keys"] for k in ks} - _EDGE_ONLY
    return out


def _resolve(
    tx: ManagedTransaction, doc: str, nodes: Mapping[Label, list[dict[str, Any]]], forms: Forms
) -> dict[tuple[Label, str], str]:
    """Rows of ``doc`` whose name is new but matches exactly one node other documents state."""
    mapping: dict[tuple[Label, str], str] = {}
    for label in RESOLVED_LABELS:
        rows = nodes.get(label, [])
        if not rows:
            continue
        existing = list(run_in(tx, "document_resolve_candidates", {"label": label.value, "doc": doc}))
        keys = {rec["key"] for rec in existing}
        by_form: dict[str, set[str]] = defaultdict(set)
        by_alias: dict[str, set[str]] = defaultdict(set)
        for rec in existing:
            for name in {rec["key"], *rec["names"]}:
                for form in forms(label, name):
                    by_form[form].add(rec["key"])
            for alias in rec["aliases"] or []:
                by_alias[alias].add(rec["key"])
        own = {row["key"] for row in rows}
        claims: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            if row["key"] in keys:
                continue  # the same name: the same node already
            found: set[str] = set(by_alias.get(row["key"], ()))
            for form in forms(label, row["key"]):
                found |= by_form.get(form, set())
            # A name of this document naming another document's node by its exact key.
            found |= {a for a in row["aliases"] if a in keys}
            found -= own
            if len(found) == 1:
                claims[found.pop()].append(row["key"])
        for target, names in claims.items():
            if len(names) == 1:  # two names of one document for one node: leave both alone
                mapping[(label, names[0])] = target
    return mapping


def _apply(packed: Packed, mapping: Mapping[tuple[Label, str], str]) -> Packed:
    """A copy of the packed rows with matched names replaced by the nodes' keys (every
    statement already marked as the document's own: merge_rules.as_statements_of)."""
    nodes, rels = packed
    out_nodes: dict[Label, list[dict[str, Any]]] = {}
    for label, rows in nodes.items():
        out_nodes[label] = []
        for row in rows:
            row = dict(row)
            target = mapping.get((label, row["key"]))
            if target is not None:
                row.update(stated_name=row["key"], key=target, name=target)
            out_nodes[label].append(row)
    out_rels: dict[tuple[RelType, Label, Label], list[dict[str, Any]]] = {}
    for (rel, a, b), rows in rels.items():
        out_rels[(rel, a, b)] = [
            {
                **row,
                "from": mapping.get((a, row["from"]), row["from"]),
                "to": mapping.get((b, row["to"]), row["to"]),
            }
            for row in rows
        ]
    return out_nodes, out_rels


@dataclass(frozen=True, slots=True)
class _Statement:
    doc: str
    date: str
    name: str
    props: dict[str, Any]
    aliases: tuple[str, ...]


def _recompute(tx: ManagedTransaction, targets: Mapping[Label, Mapping[str, set[str]]]) -> None:
    """Set each node from its documents' statements: key and name from the latest document,
    each stated property from the latest document that states it, aliases from all."""
    for label, keyed in targets.items():
        if not keyed:
            continue
        records = list(run_in(tx, "document_statements_of", {"label": label.value, "keys": list(keyed)}))
        # Names a node could be re-keyed to, and which of them another node already has.
        names = sorted(
            {e["props"]["stated_name"] for rec in records for e in rec["edges"] if e["props"].get("stated_name")}
        )
        taken = {rec["key"] for rec in run_in(tx, "existing_keys", {"label": label.value, "keys": names})}
        taken |= {rec["key"] for rec in records}
        rows: list[dict[str, Any]] = []
        for rec in records:
            key: str = rec["key"]
            by_doc: dict[str, _Statement] = {}
            stated_keys = set(keyed.get(key, set()))
            for edge in rec["edges"]:
                props = dict(edge["props"])
                stated_keys |= set(props) - _EDGE_ONLY
                prior = by_doc.get(edge["doc"])
                values = {k: v for k, v in props.items() if k not in _EDGE_ONLY}
                if prior is not None:
                    values = {**values, **prior.props}
                by_doc[edge["doc"]] = _Statement(
                    edge["doc"],
                    edge["date"],
                    props.get("stated_name") or key,
                    values,
                    tuple(props.get("aliases") or ()) if prior is None else prior.aliases,
                )
            order = sorted(by_doc.values(), key=lambda s: (s.date, s.doc))
            latest = order[-1].name
            renamable = rec["name"] == key and latest != key and latest not in taken
            new_key = latest if renamable else key
            if renamable:
                taken.discard(key)
                taken.add(new_key)
            props_out: dict[str, Any] = {}
            for k in sorted(stated_keys):
                stated = [s.props[k] for s in order if s.props.get(k) is not None]
                props_out[k] = stated[-1] if stated else None
            aliases: list[str] = []
            for s in reversed(order):
                for a in ((s.name,) if s.name != new_key else ()) + s.aliases:
                    if a != new_key and a not in aliases:
                        aliases.append(a)
            name = new_key if rec["name"] == key else rec["name"]
            rows.append(
                {
                    "key": key,
                    "new_key": new_key,
                    "name": name,
                    "aliases": aliases,
                    "search_text": search_text(
                        name,
                        aliases,
                        [w for p in rec["places"] for w in (p, short_place(p))] if label is Label.CLUSTER else (),
                    ),
                    "props": props_out,
                    "names": {s.doc: (None if s.name == new_key else s.name) for s in order},
                }
            )
        tx.run(
            (
                f"UNWIND $rows AS row MATCH (n:{cypher_name(label)} {{key: row.key}}) "
                "SET n.key = row.new_key, n.name = row.name, n.aliases = row.aliases, "
                "n.search_text = row.search_text, n += row.props "
                f"WITH n, row MATCH (n)-[p:{cypher_name(RelType.STATED_IN)}]->(d:{cypher_name(Label.DOCUMENT)}) "
                "SET p.stated_name = row.names[d.key]"
            ),
            rows=rows,
        ).consume()


def _merge_targets(*parts: Mapping[Label, Mapping[str, set[str]]]) -> dict[Label, dict[str, set[str]]]:
    out: dict[Label, dict[str, set[str]]] = defaultdict(dict)
    for part in parts:
        for label, keyed in part.items():
            for key, extra in keyed.items():
                out[label].setdefault(key, set()).update(extra)
    return out


def write_document(
    driver: Driver,
    settings: Settings,
    batch: GraphBatch,
    doc: str,
    *,
    forms: Forms | None = None,
    prune_labels: Iterable[Label] = STATED_LABELS,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write one document's batch in one transaction, replacing what it stated before and
    leaving what other documents state; return the counts written.

    >>> write_document(driver, settings, batch, "plan", forms=forms_for("410000"))  # doctest: +SKIP
    {'Cluster': 22, 'SERVES': 73, ...}
    """
    validate_batch(batch)
    ensure_schema(driver, settings)
    packed = _pack(as_statements_of(batch, doc))
    prune = list(prune_labels)

    def work(tx: ManagedTransaction) -> None:
        before = _stated_by(tx, doc)
        _forget_document(tx, doc)
        mapping = _resolve(tx, doc, packed[0], forms) if forms is not None else {}
        nodes, rels = _apply(packed, mapping)
        _write_tables(tx, nodes, rels, progress)
        written: dict[Label, dict[str, set[str]]] = {
            label: {row["key"]: set() for row in nodes.get(label, [])} for label in STATED_LABELS
        }
        _recompute(tx, _merge_targets(before, written))
        _drop_orphans(tx, prune)

    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        session.execute_write(unit_of_work(timeout=settings.load_timeout_s)(work))
    return batch.counts()


@dataclass(frozen=True, slots=True)
class Unload:
    """What an unload removed: ``found`` is False when no such document was loaded."""

    document: str
    found: bool
    statements: int = 0  # provenance edges and stated relationships of the document
    nodes: int = 0  # nodes only the document stated (and places only it named)


def unload_document(driver: Driver, settings: Settings, doc: str, *, dry_run: bool = False) -> Unload:
    """Remove one document and the facts only it states, in one transaction (idempotent).

    What other documents state stays, each node shown as those documents alone would show it.

    >>> unload_document(driver, settings, "henan-2014-sme-cluster-list")  # doctest: +SKIP
    Unload(document='henan-2014-sme-cluster-list', found=True, statements=59, nodes=14)
    """
    outcome: list[Unload] = []
    not_catalogue = [t.value for t in RelType if t not in CATALOGUE_RELS]

    def work(tx: ManagedTransaction) -> None:
        outcome.clear()
        rec = run_in(tx, "document_places", {"doc": doc}).single()
        if rec is None:
            outcome.append(Unload(doc, found=False))
            return
        before = _stated_by(tx, doc)
        statements = run_in(tx, "document_statement_count", {"doc": doc}).single(strict=True)["n"]
        _forget_document(tx, doc)
        _recompute(tx, before)
        removed = 0
        for label, keyed in before.items():
            removed += tx.run(
                (
                    f"UNWIND $keys AS k MATCH (n:{cypher_name(label)} {{key: k}}) "
                    f"WHERE NOT (n)-[:{cypher_name(RelType.STATED_IN)}]->() "
                    "AND NOT EXISTS { MATCH (n)-[r]-() WHERE r.doc IS NOT NULL OR type(r) IN $kept } "
                    "DETACH DELETE n RETURN count(*) AS n"
                ),
                keys=list(keyed),
                kept=not_catalogue,
            ).single(strict=True)["n"]
        named_elsewhere = {code for codes in rec["others"] for code in codes or []}
        codes = [c for c in rec["places"] or [] if c not in named_elsewhere]
        for label in _PLACES:
            removed += tx.run(
                (
                    f"UNWIND $codes AS k MATCH (n:{cypher_name(label)} {{key: k}}) "
                    f"WHERE NOT EXISTS {{ MATCH (n)-[r]-() WHERE type(r) <> '{RelType.PART_OF.value}' }} "
                    "DETACH DELETE n RETURN count(*) AS n"
                ),
                codes=codes,
            ).single(strict=True)["n"]
        tx.run(f"MATCH (d:{cypher_name(Label.DOCUMENT)} {{key: $doc}}) DETACH DELETE d", doc=doc).consume()
        _drop_orphans(tx, STATED_LABELS)  # as a load does: nodes nothing states or links any more
        outcome.append(Unload(doc, found=True, statements=statements, nodes=removed))
        if dry_run:
            raise _DryRun

    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        try:
            session.execute_write(unit_of_work(timeout=settings.load_timeout_s)(work))
        except _DryRun:
            pass
    return outcome[0]


class _DryRun(Exception):
    """Raised inside the unload transaction to roll back after counting."""

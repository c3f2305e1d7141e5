"""Load a plan document, or a reviewed facts file, into the graph in one transaction.

``load plan`` = extract (``loaders/extract/pipeline.py``) + the rows of the facts; ``load
facts`` reads a facts file someone reviewed and corrected and writes it the same way.
Either is one idempotent operation that replaces what the document stated before and leaves
what other documents state (``graph/documents.py``); ``clusterkg unload`` takes a document out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from clusterkg.errors import InputError
from clusterkg.graph.documents import write_document
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelType
from clusterkg.graph.writes import Progress
from clusterkg.settings import Settings

from .chains import chain_batch, load_chains
from .cluster_chains import cluster_chain_batch
from .cluster_links import cluster_link_batch, load_stated_links
from .extract.facts import Facts
from .extract.pipeline import extract_document, no_cluster_error, read_facts
from .extract.to_graph import facts_batch
from .plan.document import PlanDocument, read_plan
from .same_as import forms_for

# Node labels whose nodes exist only because a plan states them; after a re-load, those
# that no document states any more are removed.
PLAN_LABELS = (Label.SECTOR, Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT)


@dataclass(frozen=True, slots=True)
class PlanLoad:
    document: str
    path: Path
    counts: dict[str, int]
    written: bool
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanRows:
    """What one load of a document writes, and what the reading could not place."""

    document: str
    batch: GraphBatch
    warnings: tuple[str, ...]
    province_code: str | None = None  # whose accepted same-as pairs apply on load


def _document_node(facts: Facts, batch: GraphBatch) -> GraphBatch:
    """The batch with its Document node knowing its province and the places it names (an
    unload removes the places no other document names)."""
    places = sorted({n.key for n in batch.nodes if n.label in (Label.CITY, Label.COUNTY)})
    extra = {
        k: v
        for k, v in (("province", facts.document.province), ("province_code", facts.document.province_code))
        if v is not None
    }
    nodes = tuple(
        NodeRow(n.label, n.key, n.name, n.aliases, {**n.props, **extra, "places": places}, n.spans, n.search_text)
        if n.label is Label.DOCUMENT
        else n
        for n in batch.nodes
    )
    return GraphBatch(nodes, batch.relationships)


def plan_rows(facts: Facts, doc: PlanDocument | None, *, origin: str | None = None) -> GraphBatch:
    """The facts' rows plus the chain templates, cluster→chain and stated cross-cluster links.

    Without the document's text (``doc`` None) the evidence quotes go unchecked and no
    cross-cluster link is made: those are read from the stating sentences.
    """
    plan = facts_batch(facts, source_text=doc.text if doc else None, origin=origin)
    # The chain templates hang off the plan's sectors, so they load with it in one transaction.
    catalog = load_chains()
    chains = chain_batch(catalog)
    sectors = {n.key for n in plan.nodes if n.label is Label.SECTOR}
    # A plan naming other sectors than the catalogue's gets the chains, not the links to sectors it lacks.
    chain_rels = tuple(
        r
        for r in chains.relationships
        if not (r.type is RelType.HAS_CHAIN and r.from_label is Label.SECTOR and r.from_key not in sectors)
    )
    # Chains attach to clusters by sector name, only where the catalogue knows the sector.
    works_on = tuple(cluster_chain_batch(plan, catalog))
    # Cross-cluster links follow from which chains each cluster works on and the plan's text.
    linked = tuple(cluster_link_batch(doc, plan, works_on, load_stated_links(catalog))) if doc else ()
    return _document_node(
        facts, GraphBatch(plan.nodes + chains.nodes, plan.relationships + chain_rels + works_on + linked)
    )


def prepare_plan(path: str | Path) -> PlanRows:
    """Read a plan, extract its facts and build the rows, without touching the database."""
    doc = read_plan(path)
    facts = extract_document(doc)
    return PlanRows(
        doc.key, plan_rows(facts, doc, origin=str(path)), tuple(facts.warnings), facts.document.province_code
    )


def parse_plan(path: str | Path) -> tuple[str, GraphBatch]:
    """Parse and validate a plan file without touching the database.

    >>> key, batch = parse_plan("../shared/plans/henan-2015-baiqianwan-clusters.txt")  # doctest: +SKIP
    >>> batch.counts()["Cluster"] > 0  # doctest: +SKIP
    True
    """
    rows = prepare_plan(path)
    return rows.document, rows.batch


def _document_of(facts: Facts, path: Path, settings: Settings) -> tuple[PlanDocument | None, list[str]]:
    """The document the facts were extracted from, found next to the facts file or in the plans folder."""
    name = facts.document.file
    if not name:
        return None, ["document.file is not set: evidence quotes not checked, no cross-cluster links"]
    for folder in (path.parent, settings.plans_dir):
        candidate = folder / name
        if candidate.is_file():
            doc = read_plan(candidate)
            notes = []
            if facts.document.sha256 and facts.document.sha256 != doc.sha256:
                notes.append(f"{candidate} is not the file the facts were extracted from (sha256 differs)")
            # Spans name the facts' document key, whatever the file is called now.
            return dataclasses.replace(doc, key=facts.document.key), notes
    missing = (
        f"{name} not found next to {path.name} or in {settings.plans_dir}: "
        "evidence quotes not checked, no cross-cluster links"
    )
    return None, [missing]


def prepare_facts(settings: Settings, path: str | Path) -> PlanRows:
    """Read and check a facts file and build the rows, without touching the database."""
    p = Path(path)
    facts = read_facts(p)
    if not facts.clusters:
        raise no_cluster_error(p)
    doc, notes = _document_of(facts, p, settings)
    return PlanRows(
        facts.document.key,
        plan_rows(facts, doc, origin=str(p)),
        (*facts.warnings, *notes),
        facts.document.province_code,
    )


def _write(
    driver: Driver | None,
    settings: Settings,
    path: str | Path,
    rows: PlanRows,
    dry_run: bool,
    progress: Progress | None,
) -> PlanLoad:
    if dry_run or driver is None:
        return PlanLoad(rows.document, Path(path), rows.batch.counts(), written=False, warnings=rows.warnings)
    # Other documents' statements stay; names this one shares with them become the same nodes.
    counts = write_document(
        driver,
        settings,
        rows.batch,
        rows.document,
        forms=forms_for(rows.province_code),
        prune_labels=PLAN_LABELS,
        progress=progress,
    )
    return PlanLoad(rows.document, Path(path), counts, written=True, warnings=rows.warnings)


def load_plan(
    driver: Driver | None,
    settings: Settings,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> PlanLoad:
    """Extract ``path``'s facts and (unless ``dry_run``) write them as one idempotent operation.

    Loading the same file twice leaves the same graph; a failure part-way leaves the
    graph as it was before the call.

    >>> load_plan(driver, settings, "plan.txt").counts["Cluster"]  # doctest: +SKIP
    63
    """
    return _write(driver, settings, path, prepare_plan(path), dry_run, progress)


def load_facts(
    driver: Driver | None,
    settings: Settings,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> PlanLoad:
    """Write a (reviewed) facts file exactly as ``load_plan`` writes the plan it came from.

    The document named in ``document.file`` is looked for next to the facts file, then in
    the plans folder; found, every evidence quote is checked against its text.

    >>> load_facts(driver, settings, "henan.facts.json").written  # doctest: +SKIP
    True
    """
    if not Path(path).exists():
        raise InputError(f"{path}: no such facts file")
    return _write(driver, settings, path, prepare_facts(settings, path), dry_run, progress)

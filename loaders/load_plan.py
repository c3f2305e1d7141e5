"""Load a plan document into the graph: parse, validate, then write in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from clusterkg.graph.model import GraphBatch, Label
from clusterkg.graph.writes import Progress, write_batch
from clusterkg.settings import Settings

from .chains import chain_batch, load_chains
from .cluster_chains import cluster_chain_batch
from .cluster_links import cluster_link_batch, load_stated_links
from .plan.build import plan_batch
from .plan.document import read_plan

# Node labels whose nodes exist only because a plan states them; after a re-load, those
# that no document states any more are removed.
PLAN_LABELS = (Label.SECTOR, Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT)


@dataclass(frozen=True, slots=True)
class PlanLoad:
    document: str
    path: Path
    counts: dict[str, int]
    written: bool


def parse_plan(path: str | Path) -> tuple[str, GraphBatch]:
    """Parse and validate a plan file without touching the database.

    >>> key, batch = parse_plan("../shared/plans/henan-2015-baiqianwan-clusters.txt")  # doctest: +SKIP
    >>> batch.counts()["Cluster"] > 0  # doctest: +SKIP
    True
    """
    doc = read_plan(path)
    plan = plan_batch(doc)
    # The chain templates hang off the plan's sectors, so they load with it in one transaction.
    catalog = load_chains()
    chains = chain_batch(catalog)
    works_on = tuple(cluster_chain_batch(plan, catalog))
    # Cross-cluster links follow from which chains each cluster works on and the plan's text.
    linked = tuple(cluster_link_batch(doc, plan, works_on, load_stated_links(catalog)))
    return doc.key, GraphBatch(
        plan.nodes + chains.nodes, plan.relationships + chains.relationships + works_on + linked
    )


def load_plan(
    driver: Driver | None,
    settings: Settings,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> PlanLoad:
    """Parse ``path`` and (unless ``dry_run``) write it as one idempotent operation.

    Loading the same file twice leaves the same graph; a failure part-way leaves the
    graph as it was before the call.
    """
    key, batch = parse_plan(path)
    if dry_run or driver is None:
        return PlanLoad(key, Path(path), batch.counts(), written=False)
    counts = write_batch(
        driver, settings, batch, replace_document=key, prune_labels=PLAN_LABELS, progress=progress
    )
    return PlanLoad(key, Path(path), counts, written=True)

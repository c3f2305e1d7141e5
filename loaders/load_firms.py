"""Load firm and project registry exports into the graph, checked against the zones, places
and firms it holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, RelType
from clusterkg.graph.presence import refresh_presence
from clusterkg.graph.writes import Progress, write_batches
from clusterkg.queries.run import run_internal
from clusterkg.settings import Settings
from clusterkg.text import normalise_name

from .chains import load_chains
from .firm_stage import StagedFirms, stage_registry
from .firms import FIRM_LINKS, firm_batch, write_rejects, zone_lookup
from .load_plan import parse_plan
from .projects import PROJECT_LINKS, project_batch, read_projects

MAX_LISTED = 50
# Rows per committed batch: bench/firm_load.py on a 2-core machine found 5k and 10k equally
# fast, and 5k keeps the loader under 300 MB.
BATCH_ROWS = 5_000


@dataclass(frozen=True, slots=True)
class FirmLoad:
    counts: dict[str, int]
    rejected: int
    rejects_file: Path | None
    firms: int = 0
    atomic: bool = True


def _zone_index(driver: Driver, settings: Settings) -> dict[str, str]:
    rows = run_internal(driver, settings, "zone_aliases")
    return zone_lookup((r["key"], r["aliases"] or []) for r in rows)


def _existing(driver: Driver, settings: Settings) -> set[tuple[Label, str]]:
    rows = run_internal(driver, settings, "registry_targets")
    return {(Label(r["label"]), r["key"]) for r in rows}


def load_firms(
    driver: Driver,
    settings: Settings,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    atomic: bool | None = None,
    batch_rows: int = BATCH_ROWS,
) -> FirmLoad:
    """Check every row of a registry file, then write the firms.

    Any invalid row refuses the whole file with every problem listed, unless
    ``skip_invalid``: then the valid rows load and the others go to ``<file>.rejects.csv``.
    Firms MERGE on their USCC (name when absent), so loading a file again updates them,
    their zone, place and segment links replaced by the file's.

    The file is checked in full first, staged on disk (:mod:`.firm_stage`), so memory does
    not grow with it.  Up to ``settings.atomic_rows`` valid rows (or with ``atomic=True``)
    the write is one transaction: all or nothing.  Beyond, each batch of ``batch_rows``
    commits on its own (one transaction for a province would not fit in the server's
    heap); a load that is interrupted leaves the batches it committed, and running it again
    converges to the graph of one clean run.

    ``progress(what, n)`` is told of ``n`` more rows checked (what='checking') or written
    (what='writing').
    """
    zones = _zone_index(driver, settings)
    if not zones:
        raise InputError("the graph has no zones yet: load the plan first (clusterkg load plan)")
    checking = (lambda n: progress("checking", n)) if progress else None
    catalog = load_chains()
    with stage_registry(path, zones, catalog, progress=checking) as staged:
        rejects = staged.settle(
            skip_invalid, "nothing written", "use --skip-invalid to load the valid rows", MAX_LISTED
        )
        one_transaction = staged.valid <= settings.atomic_rows if atomic is None else atomic
        # The segments whose Presence cells change: those the file's firms were in, and are in now.
        touched = _segments_before(driver, settings, staged)

        def batches() -> Iterator[GraphBatch]:
            for rows in staged.batches(batch_rows):
                touched.update(segment for row in rows for segment, _ in row.segments)
                yield firm_batch(rows)

        counts = write_batches(
            driver,
            settings,
            batches(),
            existing=_existing(driver, settings),
            replace_outgoing={Label.ENTERPRISE: FIRM_LINKS},
            atomic=one_transaction,
            progress=(lambda n: progress("writing", n)) if progress else None,
        )
    # Gap reports count firms from the Presence cells: rebuild the ones this load changed (all of
    # them when it touched most segments: one pass over the firms is then cheaper).
    all_segments = sum(len(chain.segments) for chain in catalog.chains)
    refresh_presence(driver, settings, None if 2 * len(touched) >= all_segments else touched)
    return FirmLoad(counts, staged.rejected_count, rejects, staged.valid, one_transaction)


def _segments_before(driver: Driver, settings: Settings, staged: StagedFirms) -> set[str]:
    """ChainSegment keys the staged firms are in now, in the graph (none on a first load)."""
    if not run_internal(driver, settings, "firms_segmented"):
        return set()
    found: set[str] = set()
    for rows in staged.batches(10_000):
        found.update(
            r["key"] for r in run_internal(driver, settings, "segments_of_firms", {"keys": [row.key for row in rows]})
        )
    return found


def plan_zones(plan_path: str | Path) -> list[tuple[str, str | None]]:
    """(zone key, county code or None) of every zone a plan names, for the sample generator."""
    _, batch = parse_plan(plan_path)
    county: dict[str, str] = {}
    for r in batch.relationships:
        if r.type is RelType.LOCATED_IN and r.from_label is Label.ZONE and r.to_label is Label.COUNTY:
            county.setdefault(r.from_key, r.to_key)
    return [(n.key, county.get(n.key)) for n in batch.nodes if n.label is Label.ZONE]


@dataclass(frozen=True, slots=True)
class ProjectLoad:
    counts: dict[str, int]
    rejected: int
    rejects_file: Path | None


def _firms_in_graph(driver: Driver, settings: Settings) -> Callable[[Sequence[str]], set[str]]:
    def known(keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(keys), 10_000):
            rows = run_internal(driver, settings, "firms_known", {"keys": list(keys[i : i + 10_000])})
            found.update(r["key"] for r in rows)
        return found

    return known


def load_projects(
    driver: Driver,
    settings: Settings,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ProjectLoad:
    """Check a project registry, then write it in one transaction (same policy as :func:`load_firms`).

    Projects MERGE on their normalised name; a re-load replaces their zone, sponsor and
    segment links with the file's.
    """
    zones = _zone_index(driver, settings)
    if not zones:
        raise InputError("the graph has no zones yet: load the plan first (clusterkg load plan)")
    found = read_projects(
        path, lambda name: zones.get(normalise_name(name)), _firms_in_graph(driver, settings), load_chains()
    )
    rejects: Path | None = None
    if found.problems:
        if not skip_invalid:
            listed = "\n".join(str(p) for p in found.problems[:MAX_LISTED])
            more = len(found.problems) - MAX_LISTED
            raise InputError(
                f"{len(found.problems)} problem(s) in {path}, nothing written"
                f" (use --skip-invalid to load the valid rows):\n{listed}"
                + (f"\n… and {more} more" if more > 0 else "")
            )
        rejects = write_rejects(path, found.problems, found.rejected)
    batch = project_batch(found.rows)
    sponsors = {(Label.ENTERPRISE, r.sponsor) for r in found.rows if r.sponsor}
    counts = (
        write_batches(
            driver,
            settings,
            [batch],
            existing=_existing(driver, settings) | sponsors,
            replace_outgoing={Label.PROJECT: PROJECT_LINKS},
            atomic=True,
            progress=(lambda n: progress("writing", n)) if progress else None,
        )
        if batch.nodes
        else {}
    )
    return ProjectLoad(counts, len(found.rejected), rejects)

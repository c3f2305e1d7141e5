"""Load a firm registry export into the graph, checked against the zones and places it holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from clusterkg.errors import InputError
from clusterkg.graph.db import read
from clusterkg.graph.model import Label, RelType
from clusterkg.graph.writes import Progress, write_batch
from clusterkg.settings import Settings
from clusterkg.text import normalise_name

from .chains import load_chains
from .firms import firm_batch, read_firms, write_rejects
from .gazetteer import Gazetteer
from .load_plan import parse_plan

MAX_LISTED = 50


@dataclass(frozen=True, slots=True)
class FirmLoad:
    counts: dict[str, int]
    rejected: int
    rejects_file: Path | None


def _zone_index(driver: Driver, settings: Settings) -> dict[str, str]:
    rows = read(driver, settings, "MATCH (z:Zone) RETURN z.key AS key, z.aliases AS aliases LIMIT 1000000")
    index: dict[str, str] = {}
    for r in rows:
        for name in [r["key"], *(r["aliases"] or [])]:
            index[normalise_name(name)] = r["key"]
    return index


def _existing(driver: Driver, settings: Settings) -> set[tuple[Label, str]]:
    rows = read(driver, settings, "MATCH (n) WHERE n:Zone OR n:City OR n:County OR n:ChainSegment "
                "RETURN labels(n)[0] AS label, n.key AS key LIMIT 10000000")
    return {(Label(r["label"]), r["key"]) for r in rows}


def load_firms(
    driver: Driver,
    settings: Settings,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> FirmLoad:
    """Check every row of a registry file, then write the firms in one transaction.

    Any invalid row refuses the whole file with every problem listed, unless
    ``skip_invalid``: then the valid rows load and the others go to ``<file>.rejects.csv``.
    Firms MERGE on their USCC (name when absent), so loading a file again updates them.
    """
    zones = _zone_index(driver, settings)
    if not zones:
        raise InputError("the graph has no zones yet: load the plan first (clusterkg load plan)")
    firms = read_firms(path, lambda name: zones.get(normalise_name(name)), Gazetteer.load(), load_chains())
    rejects: Path | None = None
    if firms.problems:
        if not skip_invalid:
            listed = "\n".join(str(p) for p in firms.problems[:MAX_LISTED])
            more = len(firms.problems) - MAX_LISTED
            raise InputError(
                f"{len(firms.problems)} problem(s) in {path}, nothing written"
                f" (use --skip-invalid to load the valid rows):\n{listed}"
                + (f"\n… and {more} more" if more > 0 else "")
            )
        rejects = write_rejects(path, firms.problems, firms.rejected)
    batch = firm_batch(firms.rows)
    counts = write_batch(driver, settings, batch, existing=_existing(driver, settings), progress=progress) if batch.nodes else {}
    return FirmLoad(counts, len(firms.rejected), rejects)


def plan_zones(plan_path: str | Path) -> list[tuple[str, str | None]]:
    """(zone key, county code or None) of every zone a plan names, for the sample generator."""
    _, batch = parse_plan(plan_path)
    county: dict[str, str] = {}
    for r in batch.relationships:
        if r.type is RelType.LOCATED_IN and r.from_label is Label.ZONE and r.to_label is Label.COUNTY:
            county.setdefault(r.from_key, r.to_key)
    return [(n.key, county.get(n.key)) for n in batch.nodes if n.label is Label.ZONE]

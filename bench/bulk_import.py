"""Bulk first load: N synthetic firms plus the plan through neo4j-admin import, per phase.

REPLACES THE WHOLE GRAPH of the local server (scripts/neo4j.sh with this environment's
home and ports), as `clusterkg load firms --bulk` does.  Prints and records the time of
each phase (checking, CSV writing, server stop, import, start, Presence cells + schema),
the peak memory of this process and of neo4j-admin, and the counts in the database after.
Usage: python bench/bulk_import.py [--n 1000000] [--seed 1] [--registry existing.csv]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record

from clusterkg.graph.db import create_driver, read
from clusterkg.loaders.bulk_import import bulk_import
from clusterkg.loaders.chains import load_chains
from clusterkg.loaders.load_firms import plan_zones
from clusterkg.loaders.sample_firms import generate_firms
from clusterkg.settings import get_settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--registry", type=Path, help="use this registry instead of generating one (--n ignored)")
    args = ap.parse_args()
    settings = get_settings()
    plan = settings.default_plan_path
    with tempfile.TemporaryDirectory() as tmp:
        registry = args.registry
        if registry is None:
            registry = Path(tmp) / "firms.csv"
            generate_firms(args.n, args.seed, plan_zones(plan), load_chains(), registry)
        imported_at: list[float] = []

        def progress(phase: str, n: int) -> None:
            if phase == "importing" and not imported_at:
                imported_at.append(time.perf_counter())

        t = time.perf_counter()
        result = bulk_import(settings, plan, registry, progress=progress)
        total_s = time.perf_counter() - t
    driver = create_driver(settings)
    try:
        nodes = read(driver, settings, "MATCH (n) RETURN count(n) AS n")[0]["n"]
        rels = read(driver, settings, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    finally:
        driver.close()
    record(
        "bulk_import",
        {
            "firms": result.firms,
            "nodes": nodes,
            "relationships": rels,
            "presence_cells": result.presence_cells,
            "total_s": round(total_s, 1),
            **{f"{phase}_s": seconds for phase, seconds in result.timings.items() if phase != "total"},
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "neo4j_admin_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "counts": result.counts,
        },
    )


if __name__ == "__main__":
    main()

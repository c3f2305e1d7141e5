"""A province's registry through the Bolt loader: N synthetic firms plus projects, timed end to end.

Generates the registry (`clusterkg sample firms --n N --projects P`), then runs
`clusterkg load firms` and `clusterkg load projects` as child processes against the local
Neo4j (the plan must be loaded: `make load`), and records wall time, rows/s and the
loader's peak RSS (getrusage of the children).  Registry firms and projects are removed
first, so every run starts from the plan.  Leaves the registry in the graph for the
query benchmarks (bench/api_latency.py, bench/gap_report.py) unless --clean.
Usage: python bench/province_load.py [--n 1000000] [--projects 10000] [--dir /tmp/clusterkg-bench]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, remove_registry

from clusterkg.graph.db import create_driver, read
from clusterkg.settings import get_settings

CLI = str(Path(sys.executable).with_name("clusterkg"))


def timed(*args: str) -> tuple[float, int]:
    """Wall seconds of a CLI run and the peak RSS (MiB) of the largest child so far."""
    t = time.perf_counter()
    subprocess.run([CLI, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/clusterkg-bench"))
    ap.add_argument("--clean", action="store_true", help="remove the registry again afterwards")
    args = ap.parse_args()
    settings = get_settings()
    driver = create_driver(settings)
    args.dir.mkdir(parents=True, exist_ok=True)
    firms = args.dir / f"firms-{args.n}-{args.seed}.csv"
    projects = firms.with_name(firms.stem + ".projects.csv")
    t = time.perf_counter()
    subprocess.run(
        [
            CLI,
            "sample",
            "firms",
            "--n",
            str(args.n),
            "--projects",
            str(args.projects),
            "--seed",
            str(args.seed),
            str(firms),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    generate_s = time.perf_counter() - t
    remove_registry(driver, settings)
    firms_s, rss_firms = timed("load", "firms", str(firms))
    projects_s, rss_all = timed("load", "projects", str(projects))
    counts = read(
        driver,
        settings,
        "MATCH (e:Enterprise {source: 'registry'}) RETURN count(e) AS firms, sum(COUNT { (e)-->() }) AS rels LIMIT 1",
    )[0]
    if args.clean:
        remove_registry(driver, settings)
    driver.close()
    record(
        "province_load",
        {
            "firms": counts["firms"],
            "firm_relationships": counts["rels"],
            "projects": args.projects,
            "generate_s": round(generate_s, 1),
            "load_firms_s": round(firms_s, 1),
            "firms_per_s": round(args.n / firms_s),
            "relationships_per_s": round(counts["rels"] / firms_s),
            "load_projects_s": round(projects_s, 1),
            "loader_peak_rss_mib": rss_all,
            "loader_peak_rss_mib_firms": rss_firms,
            "target_s": 300,
            "target_rss_mib": 300,
        },
    )


if __name__ == "__main__":
    main()

"""Put exactly N synthetic registry firms in the graph, so a benchmark runs at a stated scale.

Keeps the graph when it already holds N registry firms; otherwise removes them (in batches, so a
large sample never needs one huge transaction), writes `clusterkg sample firms --n N --seed S`
and loads it with `clusterkg load firms`. The plan must be loaded first (`make load`).
Usage: python bench/sample_graph.py --n 100000 [--seed 1] [--dir /tmp/clusterkg-bench]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import remove_registry

from clusterkg.graph.db import create_driver, read
from clusterkg.settings import get_settings

COUNT = "MATCH (e:Enterprise) WHERE e.source = 'registry' RETURN count(e) AS n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, required=True, help="registry firms wanted")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/clusterkg-bench"), help="where the sample CSV is written")
    args = ap.parse_args()
    settings = get_settings()
    driver = create_driver(settings)
    try:
        have = int(read(driver, settings, COUNT)[0]["n"])
        if have == args.n:
            print(f"sample_graph: {have} registry firms already loaded")
            return
        if have:
            remove_registry(driver, settings)
        args.dir.mkdir(parents=True, exist_ok=True)
        csv = args.dir / f"firms-{args.n}-seed{args.seed}.csv"
        bin_dir = Path(sys.executable).parent
        if not csv.exists():
            subprocess.run(
                [str(bin_dir / "clusterkg"), "sample", "firms", "--n", str(args.n), "--seed", str(args.seed), str(csv)],
                check=True,
            )
        t = time.perf_counter()
        subprocess.run([str(bin_dir / "clusterkg"), "load", "firms", str(csv)], check=True)
        now = int(read(driver, settings, COUNT)[0]["n"])
        print(f"sample_graph: loaded {now} registry firms in {time.perf_counter() - t:.1f} s")
        if now != args.n:
            sys.exit(f"sample_graph: expected {args.n} registry firms, the graph holds {now}")
    finally:
        driver.close()


if __name__ == "__main__":
    main()

"""How fast the Word briefing (report.docx) of the largest cluster is built, warm: the data
gathering (gap report, chain links, detail, timeline, candidates per 缺链/弱链 segment, sources)
and the python-docx rendering, timed apart and together.  Target: ≤ 3 s at 1,000,000 firms.

"Largest" is the cluster with most local firms, as in bench/gap_report.py.  Runs against the
server of the settings (the user's graph); load the plan and a firm sample first.
Usage: python bench/briefing.py [--repeat N] [--out FILE.docx]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise
from gap_report import firm_count, largest_cluster

from clusterkg.api.briefing import gather, render_briefing
from clusterkg.graph.db import create_driver
from clusterkg.queries import load_registry
from clusterkg.settings import get_settings

TARGET_MS = 3000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="also write the last briefing here")
    args = ap.parse_args()
    settings = get_settings()
    registry = load_registry()
    driver = create_driver(settings)
    try:
        firms = firm_count(driver, settings)
        key, local = largest_cluster(driver, settings)
        data: dict[str, Any] = gather(driver, settings, registry, key)  # warm-up
        body = render_briefing(data)
        gathering, rendering, whole = [], [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            data = gather(driver, settings, registry, key)
            t1 = time.perf_counter()
            body = render_briefing(data)
            t2 = time.perf_counter()
            gathering.append(t1 - t0)
            rendering.append(t2 - t1)
            whole.append(t2 - t0)
    finally:
        driver.close()
    if args.out:
        args.out.write_bytes(body)
    segments = data["report"]["segments"]
    record(
        "briefing",
        {
            "firms": firms,
            "cluster": key,
            "local_firms": local,
            "segments": len(segments),
            "gap_segments": len(data["candidates"]),
            "sources": len(data["sources"]),
            "docx_bytes": len(body),
            "gather": summarise(gathering),
            "render": summarise(rendering),
            "briefing": summarise(whole),
            "target_ms": TARGET_MS,
        },
    )


if __name__ == "__main__":
    main()

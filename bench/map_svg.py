"""How fast the printable county map of registry firms answers, warm, and how big it is.

Times ``GET /map.svg?level=county&metric=firms`` through the app in this process (TestClient,
so no network in the figure) against the server this environment names, after warm-up
requests; prints p50/p95 and the payload, and PROFILEs the one query that grows with the
firms (map_places).  Load a registry first, e.g. ``python bench/bulk_import.py --n 1000000``.
Usage: python bench/map_svg.py [--repeat 30] [--warmup 3] [--metric firms] [--level county]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise
from gap_report import firm_count, profile

from clusterkg.graph.db import create_driver
from clusterkg.settings import get_settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--metric", default="firms")
    ap.add_argument("--level", default="county", choices=("county", "city"))
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from clusterkg.api.app import create_app

    settings = get_settings()
    driver = create_driver(settings)
    try:
        firms = firm_count(driver, settings)
        query = profile(driver, settings, "map_places", {"province": "41", "limit": 5000})
    finally:
        driver.close()
    url = f"/map.svg?level={args.level}&metric={args.metric}"
    samples: list[float] = []
    with TestClient(create_app(settings)) as client:
        for _ in range(args.warmup):
            client.get(url).raise_for_status()
        for _ in range(args.repeat):
            t = time.perf_counter()
            resp = client.get(url)
            samples.append(time.perf_counter() - t)
            resp.raise_for_status()
    paths = len(re.findall(r"<path[^>]*\bdata-code=", resp.text))
    record(
        "map_svg",
        {
            "url": url,
            "firms": firms,
            **summarise(samples),
            "payload_bytes": len(resp.content),
            "paths": paths,
            "map_places": query,
        },
    )


if __name__ == "__main__":
    main()

"""How fast a place comparison (three cities) and a county dashboard are built, warm, through the
same view functions the routes use, and how many Presence cells they read.

Load the plan and a firm sample first (`clusterkg load plan`, `clusterkg sample firms --n 1000000
s.csv`, `clusterkg load firms s.csv`).
Usage: python bench/compare.py [--places 410100,410300,410700] [--county 410184] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise

from clusterkg.api.compare import compare_places, county_dashboard, parse_places
from clusterkg.api.compare_export import compare_xlsx
from clusterkg.graph.db import create_driver, read
from clusterkg.queries import load_registry
from clusterkg.settings import get_settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--places", default="410100,410300,410700")
    ap.add_argument("--county", default="410184")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    settings = get_settings()
    driver = create_driver(settings)
    registry = load_registry()
    codes = parse_places(args.places)
    try:
        firms = int(read(driver, settings, "MATCH (e:Enterprise) RETURN count(e) AS n")[0]["n"])
        cells = int(read(driver, settings, "MATCH (p:Presence) RETURN count(p) AS n")[0]["n"])
        view = compare_places(driver, settings, registry, codes, 2017)  # warm-up
        county_dashboard(driver, settings, registry, args.county, 2017)
        compare, xlsx, county = [], [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            view = compare_places(driver, settings, registry, codes, 2017)
            t1 = time.perf_counter()
            compare_xlsx(view)
            t2 = time.perf_counter()
            county_dashboard(driver, settings, registry, args.county, 2017)
            t3 = time.perf_counter()
            compare.append(t1 - t0)
            xlsx.append(t2 - t1)
            county.append(t3 - t2)
        figures: dict[str, Any] = {
            "firms": firms,
            "presence_cells": cells,
            "places": codes,
            "segments_compared": len(view.segments),
            "place_firms": [p.firms for p in view.places],
            "compare_places": summarise(compare),
            "compare_xlsx": summarise(xlsx),
            "county_dashboard": summarise(county),
        }
        record("compare", figures)
    finally:
        driver.close()


if __name__ == "__main__":
    main()

"""How fast the candidates workbook of the largest cluster is produced, warm (target: ≤ 2 s at 1,000,000 firms).

Times ``GET /api/clusters/{key}/candidates.xlsx`` through the app in this process (TestClient,
no network in the figure) against the server this environment names, after warm-up requests,
and splits one build into its parts: the five named queries (gaps_view.workbench) and the
openpyxl workbook (workbook.candidates_workbook).  "Largest" is the cluster with most local
firms (bench/gap_report.py).  PROFILEs the two queries that walk candidate firms and cells.
A large sample can leave the largest cluster with no 缺链/弱链 segment at all (a trivially
fast workbook), so a second case raises the weak-revenue threshold to 10^9 万元, which makes
every segment a gap: candidates and zones for all its segments, the worst case.
Load the plan and a registry first, e.g. ``python bench/bulk_import.py --n 1000000``.
Usage: python bench/workbench.py [--repeat 10] [--warmup 2] [--scope cities] [--limit 50]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise
from gap_report import firm_count, largest_cluster, profile

from clusterkg.api.gaps_view import DEFAULT_WEAK_REVENUE_WAN, SCOPES, normalised_weights, workbench
from clusterkg.api.workbook import candidates_workbook
from clusterkg.graph.db import create_driver
from clusterkg.queries import load_registry
from clusterkg.settings import get_settings

# 10^9 万元 of local revenue: no segment reaches it, so every segment with firms is 弱链.
EVERY_SEGMENT = 1e9


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--scope", default="cities", choices=SCOPES)
    ap.add_argument("--limit", type=int, default=50, help="candidates per segment (the route's default)")
    args = ap.parse_args()
    settings = get_settings()
    for case, weak in (("default thresholds", DEFAULT_WEAK_REVENUE_WAN), ("every segment a gap", EVERY_SEGMENT)):
        run_case(settings, args, case, weak)


def run_case(settings: Any, args: argparse.Namespace, case: str, weak_revenue_wan: float) -> None:
    from fastapi.testclient import TestClient

    from clusterkg.api.app import create_app

    registry = load_registry()
    driver = create_driver(settings)
    try:
        firms = firm_count(driver, settings)
        key, local = largest_cluster(driver, settings)
        queries: list[float] = []
        build: list[float] = []
        for i in range(args.warmup + args.repeat):
            t = time.perf_counter()
            report = workbench(
                driver, settings, registry, key, args.scope, weak_revenue_wan, per_segment=args.limit, firm_limit=0
            )
            t_q = time.perf_counter()
            data = candidates_workbook(report)
            t_b = time.perf_counter()
            if i >= args.warmup:
                queries.append(t_q - t)
                build.append(t_b - t_q)
        segments = ",".join(report["candidates"])
        params = {"key": key, "scope": args.scope, "segments": segments, "limit": 2000}
        weights = {f"w_{k}": v for k, v in normalised_weights(settings).items()}
        profiles = (
            {
                "gap_targets": profile(
                    driver,
                    settings,
                    "gap_targets",
                    {
                        **params,
                        **weights,
                        "per_segment": args.limit,
                        "zones_per_segment": 10,
                        "fit_keyword": settings.score_fit_keyword,
                    },
                ),
            }
            if segments
            else {}
        )
    finally:
        driver.close()
    url = f"/api/clusters/{quote(key, safe='')}/candidates.xlsx?scope={args.scope}&limit={args.limit}&weak_revenue_wan={weak_revenue_wan:.0f}"
    samples: list[float] = []
    with TestClient(create_app(settings)) as client:
        for _ in range(args.warmup):
            client.get(url).raise_for_status()
        for _ in range(args.repeat):
            t = time.perf_counter()
            resp = client.get(url)
            samples.append(time.perf_counter() - t)
            resp.raise_for_status()
    record(
        "workbench",
        {
            "case": case,
            "cluster": key,
            "local_firms": local,
            "firms": firms,
            "scope": args.scope,
            "weak_revenue_wan": weak_revenue_wan,
            "gap_segments": len(report["candidates"]),
            "candidates_listed": sum(len(c["firms"]) for c in report["candidates"].values()),
            "candidates_total": sum(c["total"] for c in report["candidates"].values()),
            "xlsx_bytes": len(data),
            "route": summarise(samples),
            "queries": summarise(queries),
            "workbook_build": summarise(build),
            **profiles,
        },
    )


if __name__ == "__main__":
    main()

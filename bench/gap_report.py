"""How fast the gap report of the largest cluster is built: cluster_gaps, then gap_targets (candidate
firms and specialised zones) for its biggest gap, straight through the driver, warm.

"Largest" is the cluster with most local firms (sited in its zones or located in its places, a
city's counties included), so the report walks the most firms. Load the plan and a firm sample
first (`clusterkg load plan`, `clusterkg load firms FILE`).
Usage: python bench/gap_report.py [--repeat N] [--profile]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise

from clusterkg.graph.db import create_driver, read
from clusterkg.queries import load_registry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings, get_settings

LOCAL_FIRMS = """
MATCH (c:Cluster)
CALL (c) {
  MATCH (z:Zone)-[:SERVES]->(c) MATCH (e:Enterprise)-[:SITED_IN]->(z) RETURN e
  UNION
  MATCH (c)-[:LOCATED_IN]->(p:City|County) MATCH (e:Enterprise)-[:LOCATED_IN]->(p) RETURN e
  UNION
  MATCH (c)-[:LOCATED_IN]->(:City)<-[:PART_OF]-(q:County) MATCH (e:Enterprise)-[:LOCATED_IN]->(q) RETURN e
}
RETURN c.key AS key, count(e) AS local_firms
ORDER BY local_firms DESC, key
LIMIT 1
"""
WEAK_REVENUE_WAN = 10000.0


def firm_count(driver: Any, settings: Settings) -> int:
    """Every Enterprise node: the plan's anchor firms and the registry's."""
    return int(read(driver, settings, "MATCH (e:Enterprise) RETURN count(e) AS n")[0]["n"])


def largest_cluster(driver: Any, settings: Settings) -> tuple[str, int]:
    """The cluster with most local firms and how many it has."""
    rows = read(driver, settings, LOCAL_FIRMS)
    if not rows:
        sys.exit(
            "no cluster has a local firm: load the plan and a registry first "
            "(clusterkg load plan; clusterkg sample firms --n 5000 s.csv; clusterkg load firms s.csv)"
        )
    return str(rows[0]["key"]), int(rows[0]["local_firms"])


def biggest_gap(rows: list[dict[str, Any]]) -> str:
    """The segment to court firms for first: 缺链 and 弱链 before 强链, priority ones first, then
    fewest local firms (a large sample can leave the largest cluster with no gap at all)."""
    weakest = min(rows, key=lambda r: (r["flag"] == "强链", not r["priority"], r["firm_count"], r["segment"]["key"]))
    return str(weakest["segment"]["key"])


def profile(driver: Any, settings: Settings, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """PROFILE one named query: total db hits, rows and the server's own time in ms."""
    query = load_registry().get(name)
    bound = query.bind(params)
    with driver.session(database=settings.neo4j_database) as session:
        summary = session.run("PROFILE " + query.cypher, bound).consume()  # type: ignore[arg-type]

    def hits(plan: Any) -> int:
        return int(plan.get("dbHits", 0)) + sum(hits(c) for c in plan.get("children", []))

    plan = summary.profile or {}
    return {
        "db_hits": hits(plan),
        "rows": plan.get("rows"),
        "server_ms": summary.result_available_after + summary.result_consumed_after,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--profile", action="store_true", help="also PROFILE the two queries and record db hits")
    args = ap.parse_args()
    settings = get_settings()
    driver = create_driver(settings)
    try:
        firms = firm_count(driver, settings)
        key, local = largest_cluster(driver, settings)
        gap_params = {"key": key, "weak_revenue_wan": WEAK_REVENUE_WAN, "limit": 2000}
        rows = run_named(driver, settings, "cluster_gaps", gap_params)  # warm-up, and the segment to court for
        segment = biggest_gap(rows)
        cand_params = {"key": key, "segments": segment, "per_segment": 20, "zones_per_segment": 10}
        run_named(driver, settings, "gap_targets", cand_params)
        report, candidates, whole = [], [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            run_named(driver, settings, "cluster_gaps", gap_params)
            t1 = time.perf_counter()
            run_named(driver, settings, "gap_targets", cand_params)
            t2 = time.perf_counter()
            report.append(t1 - t0)
            candidates.append(t2 - t1)
            whole.append(t2 - t0)
        figures: dict[str, Any] = {
            "firms": firms,
            "cluster": key,
            "local_firms": local,
            "segments": len(rows),
            "local_firms_in_segments": sum(r["firm_count"] for r in rows),
            "flags": {f: sum(1 for r in rows if r["flag"] == f) for f in ("缺链", "弱链", "强链")},
            "gap_segment": segment,
            "cluster_gaps": summarise(report),
            "candidates_and_zones": summarise(candidates),
            "report_and_candidates": summarise(whole),
            "target_ms": 1000,
        }
        if args.profile:
            figures["profile"] = {
                "cluster_gaps": profile(driver, settings, "cluster_gaps", gap_params),
                "gap_targets": profile(driver, settings, "gap_targets", cand_params),
            }
    finally:
        driver.close()
    record("gap_report", figures)


if __name__ == "__main__":
    main()

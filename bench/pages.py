"""Every page type at province scale: size and warm latency, against the targets of issue 14
(no page above 300 KB, none slower than 300 ms p50, with 1,000,000 firms loaded).

Starts uvicorn on 127.0.0.1 (or measures --url), picks the heaviest instance of each page type from
the loaded graph (the largest cluster, the zone and the county with most firms, the sector with most
clusters …), warms each page once, then requests it --repeat times.  Prints one line per page with
its bytes, p50, p95 and queries run (X-Query-Count), and records them with the graph's firm count.
Usage: python bench/pages.py [--repeat N] [--url http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import serving
from common import record, summarise
from gap_report import firm_count, largest_cluster

from clusterkg.graph.db import create_driver, read
from clusterkg.queries.run import run_named
from clusterkg.settings import get_settings

MAX_BYTES = 300 * 1024
MAX_P50_MS = 300.0
HEAVIEST = {
    "zone": "MATCH (z:Zone) RETURN z.key AS key, COUNT { (:Enterprise)-[:SITED_IN]->(z) } AS n ORDER BY n DESC, key LIMIT 1",
    "county": "MATCH (c:County) RETURN c.key AS key, COUNT { (:Enterprise)-[:LOCATED_IN]->(c) } AS n "
    "ORDER BY n DESC, key LIMIT 1",
    "city": "MATCH (c:City) RETURN c.key AS key, COUNT { (:Cluster)-[:LOCATED_IN]->(c) } AS n ORDER BY n DESC, key LIMIT 1",
    "sector": "MATCH (s:Sector) RETURN s.key AS key, COUNT { (:Cluster)-[:IN_SECTOR]->(s) } AS n "
    "ORDER BY n DESC, key LIMIT 1",
    "chain": "MATCH (c:Chain) RETURN c.key AS key, COUNT { (c)-[:HAS_SEGMENT]->() } AS n ORDER BY n DESC, key LIMIT 1",
    "enterprise": "MATCH (e:Enterprise) WHERE e.revenue_wan IS NOT NULL RETURN e.key AS key "
    "ORDER BY e.revenue_wan DESC LIMIT 1",
    "project": "MATCH (p:Project) RETURN p.key AS key, COUNT { (p)--() } AS n ORDER BY n DESC, key LIMIT 1",
}


def page_urls() -> dict[str, str]:
    settings = get_settings()
    driver = create_driver(settings)
    try:
        cluster, _ = largest_cluster(driver, settings)
        found = {}
        for kind, cypher in HEAVIEST.items():
            rows = read(driver, settings, cypher)
            if rows:
                found[kind] = str(rows[0]["key"])
        segment = read(
            driver,
            settings,
            "MATCH (p:Presence) WITH p.segment AS s, sum(p.firms) AS n RETURN s ORDER BY n DESC LIMIT 1",
        )
        # The gap page that has the most to court: most 缺链/弱链 segments in zones scope, where its
        # candidates and specialised zones are read (gap_targets), not only its flags.
        gappiest = max(
            (r["key"] for r in read(driver, settings, "MATCH (c:Cluster) RETURN c.key AS key ORDER BY key")),
            key=lambda k: sum(
                1
                for g in run_named(driver, settings, "cluster_gaps", {"key": k, "scope": "zones", "firm_limit": 0})
                if g["flag"] != "强链"
            ),
            default=None,
        )
        firms = firm_count(driver, settings)
    finally:
        driver.close()
    c = quote(cluster, safe="")
    urls = {
        "home": "/",
        "search (产业)": "/search?q=" + quote("产业"),
        "search (智能终端)": "/search?q=" + quote("智能终端"),
        "cluster (largest)": f"/cluster/{c}",
        "gaps (largest)": f"/gaps/{c}",
        "gaps (largest, zones)": f"/gaps/{c}?scope=zones",
        "map (county firms)": "/map?level=county&metric=firms",
    }
    labels = {"zone": "zone", "county": "city", "city": "city", "sector": "sector", "chain": "chain"}
    for kind, path in labels.items():
        if kind in found:
            urls[f"{kind} (heaviest)"] = f"/{path}/{quote(found[kind], safe='')}"
    if gappiest is not None:
        urls["gaps (most gaps, zones)"] = f"/gaps/{quote(gappiest, safe='')}?scope=zones"
    if "county" in found:
        urls["county dashboard (heaviest)"] = f"/county/{quote(found['county'], safe='')}"
    if "enterprise" in found:
        urls["enterprise"] = f"/enterprise/{quote(found['enterprise'], safe='')}"
    if "project" in found:
        urls["project"] = f"/project/{quote(found['project'], safe='')}"
    if segment:
        urls["segment (most firms)"] = f"/segment/{segment[0]['s']}"
    urls["_firms"] = str(firms)
    return urls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="requests per page after one warm-up")
    ap.add_argument("--url", help="measure this server instead of starting one")
    args = ap.parse_args()
    urls = page_urls()
    firms = int(urls.pop("_firms"))
    failures = []
    with serving(args.url) as base, httpx.Client(base_url=base, timeout=120) as client:
        print(f"pages at {firms:,} firms, {args.repeat} requests each (targets: ≤ 300 KB, p50 ≤ 300 ms)")
        for name, url in urls.items():
            first = client.get(url)
            if first.status_code != 200:
                failures.append(f"{name}: HTTP {first.status_code}")
                print(f"{name:24} HTTP {first.status_code} {url}")
                continue
            samples = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                client.get(url).raise_for_status()
                samples.append(time.perf_counter() - t)
            s = summarise(samples)
            size = len(first.content)
            queries = first.headers.get("X-Query-Count", "?")
            ok = size <= MAX_BYTES and s["p50_ms"] <= MAX_P50_MS
            if not ok:
                failures.append(name)
            print(
                f"{name:24} {size / 1024:8.1f} KB  p50 {s['p50_ms']:8.1f} ms  p95 {s['p95_ms']:8.1f} ms  "
                f"{queries:>3} queries  {'ok' if ok else 'OVER'}"
            )
            record(f"page:{name}", {**s, "bytes": size, "queries": queries, "firms": firms, "url": url}, echo=False)
    if failures:
        sys.exit(f"pages over target: {', '.join(failures)}")


if __name__ == "__main__":
    main()

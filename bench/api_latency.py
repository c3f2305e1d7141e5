"""Warm latency of named queries through the HTTP API, one request at a time over loopback.

Starts uvicorn on 127.0.0.1 (or measures a server already running, with --url), warms it up,
then times each route in turn, --repeat rounds: entity detail (clusters, registry firms),
/api/zones/shared, the gap report of the largest cluster and a 2-hop neighbourhood. Prints
p50/p95/max per route against the targets of issue 7 (p50 <= 10 ms, p95 <= 50 ms) and records
them with the graph's firm count. Load the plan and a firm sample first.
Usage: python bench/api_latency.py [--repeat N] [--workers N] [--url http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise
from gap_report import firm_count, largest_cluster

from clusterkg.graph.db import create_driver, read
from clusterkg.settings import Settings, get_settings

TARGET_P50_MS = 10.0
TARGET_P95_MS = 50.0
# A few registry firms from every zone, so enterprise detail is not one hot record.
FIRMS_PER_ZONE = """
MATCH (z:Zone)
CALL (z) { MATCH (e:Enterprise)-[:SITED_IN]->(z) WHERE e.source = 'registry' RETURN e.key AS key LIMIT $per_zone }
RETURN key ORDER BY key
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(url: str | None, workers: int = 1) -> Iterator[str]:
    """The base URL of an API on loopback: `url` as given, else a uvicorn started here and
    stopped on exit (workers > 1 runs the app factory in several processes)."""
    if url:
        yield url.rstrip("/")
        return
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "clusterkg.api.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    proc = subprocess.Popen(cmd, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                sys.exit(f"api_latency: uvicorn exited with status {proc.returncode} before answering")
            try:
                if httpx.get(f"{base}/health", timeout=2).json().get("neo4j") == "reachable":
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                sys.exit("api_latency: uvicorn did not answer /health within 60 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def targets(settings: Settings, per_zone: int = 3) -> dict[str, object]:
    """What to ask for: the graph's size, the largest cluster, every cluster, some registry firms."""
    driver = create_driver(settings)
    try:
        largest, local = largest_cluster(driver, settings)
        clusters = [r["key"] for r in read(driver, settings, "MATCH (c:Cluster) RETURN c.key AS key ORDER BY key")]
        firms = [r["key"] for r in read(driver, settings, FIRMS_PER_ZONE, {"per_zone": per_zone})]
        return {
            "firms": firm_count(driver, settings),
            "largest": largest,
            "local_firms": local,
            "clusters": clusters,
            "registry_firms": firms,
        }
    finally:
        driver.close()


def route_urls(t: dict[str, object], cap: int) -> dict[str, list[str]]:
    """Each measured route and the URLs it rotates over."""
    largest = quote(str(t["largest"]))
    clusters = [f"/api/clusters/{quote(k)}" for k in t["clusters"]]  # type: ignore[attr-defined]
    firms = [f"/api/enterprises/{quote(k)}" for k in t["registry_firms"]]  # type: ignore[attr-defined]
    if not firms:
        sys.exit("api_latency: no registry firms in the graph; load a sample first (clusterkg load firms FILE)")
    return {
        "cluster_detail": clusters,
        "enterprise_detail": firms,
        "zones_shared": ["/api/zones/shared"],
        "cluster_gaps": [f"/api/clusters/{largest}/gaps"],
        "neighbourhood_2hop_cluster": [f"/api/neighbourhood/Cluster/{largest}?hops=2&cap={cap}"],
        "neighbourhood_2hop_firm": [
            f"/api/neighbourhood/Enterprise/{quote(k)}?hops=2&cap={cap}" for k in t["registry_firms"][:20]
        ],  # type: ignore[index]
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200, help="timed requests per route")
    ap.add_argument("--warmup", type=int, default=20, help="untimed requests per route first")
    ap.add_argument("--cap", type=int, default=300, help="node cap of the neighbourhood requests")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes when started here")
    ap.add_argument("--url", help="measure this running API instead of starting one")
    args = ap.parse_args()
    settings = get_settings()
    t = targets(settings)
    routes = route_urls(t, args.cap)
    rng = random.Random(1)
    samples: dict[str, list[float]] = {name: [] for name in routes}
    sizes: dict[str, int] = {}
    with serving(args.url, args.workers) as base, httpx.Client(base_url=base, timeout=30) as client:
        for name, urls in routes.items():
            for i in range(args.warmup):
                client.get(urls[i % len(urls)]).raise_for_status()
        # Interleave the routes so a slow spell of the shared machine hits them all alike.
        for i in range(args.repeat):
            for name, urls in routes.items():
                url = urls[rng.randrange(len(urls))]
                t0 = time.perf_counter()
                resp = client.get(url)
                elapsed = time.perf_counter() - t0
                resp.raise_for_status()
                samples[name].append(elapsed)
                sizes[name] = max(sizes.get(name, 0), len(resp.content))
    figures = {
        name: {**summarise(s), "max_bytes": sizes[name], "urls": len(routes[name])} for name, s in samples.items()
    }
    for name, f in figures.items():
        ok = f["p50_ms"] <= TARGET_P50_MS and f["p95_ms"] <= TARGET_P95_MS
        print(
            f"{name:28} p50 {f['p50_ms']:8.2f} ms  p95 {f['p95_ms']:8.2f} ms  max {f['max_ms']:8.2f} ms"
            f"  {'meets' if ok else 'MISSES'} p50<={TARGET_P50_MS:g}/p95<={TARGET_P95_MS:g}"
        )
    record(
        "api_latency",
        {
            "firms": t["firms"],
            "largest_cluster": t["largest"],
            "local_firms": t["local_firms"],
            "server": "external" if args.url else f"uvicorn workers={args.workers}",
            "client": "httpx sequential keep-alive",
            "repeat": args.repeat,
            "cap": args.cap,
            "target_p50_ms": TARGET_P50_MS,
            "target_p95_ms": TARGET_P95_MS,
            "routes": figures,
        },
    )


if __name__ == "__main__":
    main()

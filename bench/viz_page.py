"""How fast a large subgraph page is served: GET /viz/{label}/{key} with ~1,000 nodes, warm.

Runs the app in-process against the local Neo4j (load the plan first: `make load`).
Usage: python bench/viz_page.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise
from fastapi.testclient import TestClient

from clusterkg.api.app import create_app
from clusterkg.settings import get_settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cap", type=int, default=1000)
    args = ap.parse_args()
    url = f"/viz/Sector/装备制造?hops=3&cap={args.cap}"
    with TestClient(create_app(get_settings())) as client:
        first = client.get(url)
        first.raise_for_status()
        nodes = first.text.count('"id":')
        samples = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            client.get(url).raise_for_status()
            samples.append(time.perf_counter() - t)
    record(
        "viz_page",
        {"url": url, "nodes_in_page": nodes, "bytes": len(first.content), "physics": "off", **summarise(samples)},
    )


if __name__ == "__main__":
    main()

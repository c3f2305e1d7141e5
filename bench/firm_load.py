"""Firm loading: batched UNWIND writes against one-transaction-per-row MERGE, same rows, one run.

Generates a synthetic registry over the plan's zones, loads it both ways into the local
Neo4j (the plan must be loaded: `make load`) and prints rows/s and the ratio; registry
firms are removed before each variant so both start from the same graph.
Usage: python bench/firm_load.py [--n 20000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, remove_registry

from clusterkg.graph.db import create_driver
from clusterkg.graph.model import cypher_name
from clusterkg.loaders.chains import load_chains
from clusterkg.loaders.firms import firm_batch, read_firms
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.load_firms import _zone_index, load_firms, plan_zones
from clusterkg.loaders.sample_firms import generate_firms
from clusterkg.settings import get_settings

# The baseline is the idiomatic per-row load: labelled, indexed MERGEs, one transaction per firm.
PER_ROW_NODE = "MERGE (e:Enterprise {key: $key}) SET e += $props, e.name = $name, e.search_text = $search_text"
PER_ROW_REL = "MATCH (e:Enterprise {key: $from}) MATCH (t:%s {key: $to}) MERGE (e)-[r:%s]->(t) SET r += $props"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    args = ap.parse_args()
    settings = get_settings()
    driver = create_driver(settings)
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "firms.csv"
        generate_firms(args.n, 42, plan_zones(settings.default_plan_path), load_chains(), csv)
        remove_registry(driver, settings)
        t = time.perf_counter()
        result = load_firms(driver, settings, csv)
        batched_s = time.perf_counter() - t
        rels = sum(v for k, v in result.counts.items() if k.isupper())
        remove_registry(driver, settings)
        zones = _zone_index(driver, settings)
        rows = read_firms(csv, lambda z: zones.get(z), Gazetteer.load(), load_chains()).rows
        batch = firm_batch(rows)
        t = time.perf_counter()
        with driver.session(database=settings.neo4j_database) as s:
            rels_by_firm: dict[str, list] = {}
            for r in batch.relationships:
                rels_by_firm.setdefault(r.from_key, []).append(r)
            for n in batch.nodes:

                def one(tx, n=n):  # type: ignore[no-untyped-def]
                    tx.run(PER_ROW_NODE, key=n.key, name=n.name, props=n.props, search_text=n.search_text).consume()
                    for r in rels_by_firm.get(n.key, []):
                        tx.run(
                            PER_ROW_REL % (cypher_name(r.to_label), cypher_name(r.type)),
                            {"from": r.from_key, "to": r.to_key, "props": r.props},
                        ).consume()

                s.execute_write(one)
        per_row_s = time.perf_counter() - t
        remove_registry(driver, settings)
    driver.close()
    record(
        "firm_load",
        {
            "firms": args.n,
            "relationships": rels,
            "batched_s": round(batched_s, 2),
            "batched_rows_per_s": round(args.n / batched_s),
            "per_row_tx_s": round(per_row_s, 2),
            "per_row_rows_per_s": round(args.n / per_row_s),
            "speedup": round(per_row_s / batched_s, 1),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        },
    )


if __name__ == "__main__":
    main()

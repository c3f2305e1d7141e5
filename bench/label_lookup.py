"""A node looked up by a label given as a parameter: the union of guarded key seeks the internal
queries use (queries/internal/node_exists.cypher) against Neo4j 5.26's dynamic label.

Runs against the configured Neo4j (load the plan first: `make load`; a registry of firms makes
the difference plain).  For one key of every model label it prints the planner's operators and
the p50 of each form, for the label's node stored last and for a key no node has (what a
mistyped URL asks); the union should show NodeUniqueIndexSeek, the dynamic label AllNodesScan,
whose cost grows with the whole graph.
Usage: python bench/label_lookup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise

from clusterkg.graph.db import create_driver
from clusterkg.graph.model import Label
from clusterkg.queries.registry import load_registry
from clusterkg.settings import get_settings

# The form the union replaces: a dynamic label, which 5.26 does not plan on the key index.
DYNAMIC = "MATCH (n:$($label) {key: $key}) RETURN true AS found LIMIT $limit"


def _operators(plan: Any) -> list[str]:
    return [plan.get("operatorType", "").split("@")[0]] + [
        op for child in plan.get("children", []) for op in _operators(child)
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    settings = get_settings()
    driver = create_driver(settings)
    union = load_registry().internal("node_exists")
    try:
        with driver.session(database=settings.neo4j_database, default_access_mode="READ") as s:
            nodes = s.run("MATCH (n) RETURN count(n) AS n").single(strict=True)["n"]
            for label in (lb for lb in Label if lb is not Label.PRESENCE):
                # The node stored last: a scan meets it at the end, not by luck at the start.
                row = s.run(f"MATCH (n:`{label.value}`) RETURN n.key AS key ORDER BY id(n) DESC LIMIT 1").single()
                if row is None:
                    continue
                for case, key in (("last", row["key"]), ("missing", "没有这个键")):
                    params = union.bind({"label": label.value, "key": key})
                    figures: dict[str, Any] = {"label": label.value, "key": case, "graph_nodes": nodes}
                    for form, text in (("union", union.cypher), ("dynamic", DYNAMIC)):
                        plan = s.run("EXPLAIN " + text, params).consume().plan
                        scans = sorted({op for op in _operators(plan or {}) if op.endswith(("Scan", "Seek"))})
                        samples = []
                        for _ in range(args.repeat):
                            t = time.perf_counter()
                            found = s.run(text, params).single()
                            samples.append(time.perf_counter() - t)
                        assert (found is not None) == (case == "last"), (form, label, case)
                        figures[form] = {"operators": scans, **summarise(samples)}
                    record("label_lookup", figures)
    finally:
        driver.close()


if __name__ == "__main__":
    main()

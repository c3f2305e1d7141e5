"""Shared bits of the benchmarks: machine facts and appending results to bench/results.jsonl."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.jsonl"


def machine() -> dict[str, Any]:
    import neo4j

    mem = 0
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            mem = int(f.readline().split()[1]) // 1024
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "mem_mib": mem,
        "python": platform.python_version(),
        "driver": neo4j.__version__,
        "platform": platform.platform(),
    }


def summarise(samples_s: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples_s)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else [ms[0]] * 99
    return {"n": len(ms), "p50_ms": round(q[49], 2), "p95_ms": round(q[94], 2), "max_ms": round(ms[-1], 2)}


def record(name: str, figures: dict[str, Any], *, echo: bool = True) -> None:
    """Append one row to results.jsonl; ``echo=False`` when stdout carries a report of its own (--json)."""
    row = {"bench": name, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **figures, "machine": machine()}
    if echo:
        print(json.dumps(row, ensure_ascii=False))
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


def remove_registry(driver: Any, settings: Any) -> None:
    """Remove registry firms and projects, so that a benchmark starts from the plan alone."""
    # CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    with driver.session(database=settings.neo4j_database) as session:
        for label in ("Project", "Enterprise"):
            session.run(
                f"MATCH (n:{label} {{source: 'registry'}}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS"
            ).consume()

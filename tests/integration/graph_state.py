"""What the backup, restore and migration tests compare: the whole graph and its schema, and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from clusterkg.graph.db import read, write
from clusterkg.graph.logical_backup import encode

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "clusterkg")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )


def error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stdout + done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


def snapshot(driver, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Every node and relationship with all labels and typed properties, in a stable order."""
    nodes = read(driver, settings, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", timeout_s=60)
    rels = read(
        driver,
        settings,
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS al, a.key AS a, "
        "labels(b) AS bl, b.key AS b, properties(r) AS props",
        timeout_s=60,
    )

    def text(row: dict[str, Any]) -> str:
        props = {k: encode(v) for k, v in row["props"].items()}
        return json.dumps({**row, "props": props}, sort_keys=True, ensure_ascii=False)

    return {"nodes": sorted(map(text, nodes)), "relationships": sorted(map(text, rels))}


def schema(driver, settings) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    rows: list[dict[str, Any]] = read(
        driver,
        settings,
        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint "
        "WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes, properties, "
        "owningConstraint ORDER BY name",
    )
    rows += read(
        driver,
        settings,
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
        "RETURN name, type, labelsOrTypes, properties ORDER BY name",
    )
    return rows


def empty_the_database(driver, settings) -> None:  # type: ignore[no-untyped-def]
    """Nodes and schema gone: a database as new, which a logical restore needs."""
    from clusterkg.graph.writes import clear_graph

    clear_graph(driver, settings)
    for row in read(driver, settings, "SHOW CONSTRAINTS YIELD name RETURN name"):
        write(driver, settings, f"DROP CONSTRAINT `{row['name']}`")
    for row in read(driver, settings, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"):
        write(driver, settings, f"DROP INDEX `{row['name']}`")

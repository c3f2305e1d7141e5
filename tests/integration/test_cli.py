"""The console script: clear one-line errors and non-zero exits, real runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "clusterkg")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        check=False,
    )


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_missing_plan_path_is_one_clear_line(tmp_path: Path) -> None:
    line = one_error_line(run("load", "plan", str(tmp_path / "nope.txt"), "--dry-run"))
    assert "nope.txt: no such plan file" in line


def test_garbled_plan_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "garbled.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01garbage")
    line = one_error_line(run("load", "plan", str(bad)))
    assert "garbled.txt" in line


@pytest.mark.integration
def test_neo4j_down_is_one_clear_line() -> None:
    line = one_error_line(run("load", "plan", env={"NEO4J_URI": "bolt://127.0.0.1:1"}))
    assert "not reachable" in line


@pytest.mark.integration
def test_wrong_password_is_one_clear_line() -> None:
    line = one_error_line(run("load", "plan", env={"NEO4J_PASSWORD": "wrong-password-123"}))
    assert "refused the credentials" in line


def test_unknown_query_name_is_one_clear_line() -> None:
    line = one_error_line(run("query", "no_such_query"))
    assert "no named query 'no_such_query'" in line


@pytest.mark.integration
def test_dry_run_prints_counts_and_writes_nothing(loaded_plan, driver, settings, plan_path) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.export import export_graph

    before = export_graph(driver, settings)
    proc = run("load", "plan", str(plan_path), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "Cluster" in proc.stdout and "dry run" in proc.stdout
    assert export_graph(driver, settings) == before


@pytest.mark.integration
def test_query_command_prints_json_rows(loaded_plan) -> None:  # type: ignore[no-untyped-def]
    import json

    proc = run("query", "zones_shared", "--param", "min_clusters=2", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert "荥阳市产业集聚区" in {r["key"] for r in rows}

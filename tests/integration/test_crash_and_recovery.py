"""A killed loader leaves nothing half-written; the API rides out a Neo4j restart by itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clusterkg.graph.export import export_graph

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "clusterkg")


@pytest.fixture(scope="module")
def big_registry(tmp_path_factory, plan_path) -> Path:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.chains import load_chains
    from clusterkg.loaders.load_firms import plan_zones
    from clusterkg.loaders.sample_firms import generate_firms

    out = tmp_path_factory.mktemp("registry") / "firms.csv"
    generate_firms(60_000, 3, plan_zones(plan_path), load_chains(), out)
    return out


# The loader's writes, as the server lists them while they run (graph/writes.py: UNWIND $rows … MERGE);
# STARTS WITH, so that this query, which names them, is not one of them.
LOADER_WRITES = (
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery, status "
    "WHERE currentQuery STARTS WITH 'UNWIND $rows' AND currentQuery CONTAINS 'Enterprise' "
    "RETURN transactionId, status"
)


def _wait_for(check, what: str, proc: subprocess.Popen[bytes] | None = None, limit_s: float = 120.0):  # type: ignore[no-untyped-def]
    """Poll ``check`` until it returns something truthy; fail naming ``what`` if the loader ends first."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if found := check():
            return found
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the loader exited ({proc.returncode}) before {what}")
        time.sleep(0.02)
    pytest.fail(f"no {what} within {limit_s:.0f} s")


def test_killing_the_loader_mid_run_leaves_the_graph_as_it_was(
    loaded_plan, driver, settings, big_registry: Path
) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read, write
    from clusterkg.loaders.load_firms import load_firms

    def open_writes() -> list[dict[str, object]]:
        return read(driver, settings, LOADER_WRITES)

    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    before = export_graph(driver, settings)
    proc = subprocess.Popen(
        [CLI, "load", "firms", str(big_registry)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    # The signal: the server lists the loader's write transaction running; kill it then, mid-write.
    running = _wait_for(open_writes, "its write transaction opened", proc)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL, "the load finished before it could be killed"
    assert running and running[0]["transactionId"]
    # The server rolls the transaction back when it sees the connection dropped: wait until it is gone.
    _wait_for(lambda: not open_writes(), "rollback of the killed loader's transaction")
    assert export_graph(driver, settings) == before
    # a re-run after the crash converges to the graph of a clean load
    result = load_firms(driver, settings, big_registry)
    assert result.counts["Enterprise"] == 60_000
    assert read(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) RETURN count(e) AS n") == [{"n": 60_000}]
    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")


def test_api_answers_503_while_neo4j_is_stopped_and_recovers_without_a_restart(loaded_plan, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.api.app import create_app

    script = ["bash", str(ROOT / "scripts" / "neo4j.sh")]
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.get("/api/clusters", params={"limit": 1}).status_code == 200
        subprocess.run([*script, "stop"], check=True, cwd=ROOT, env=os.environ.copy(), capture_output=True)
        try:
            down = client.get("/api/clusters", params={"limit": 1})
            assert down.status_code == 503
            assert down.json()["error"]["code"] == "database_unavailable"
            assert client.get("/health").json()["status"] == "degraded"
        finally:
            subprocess.run([*script, "start"], check=True, cwd=ROOT, env=os.environ.copy(), capture_output=True)
        for _ in range(60):
            up = client.get("/api/clusters", params={"limit": 1})
            if up.status_code == 200:
                break
            assert up.status_code == 503, up.text
            time.sleep(1)
        assert up.status_code == 200 and len(up.json()["items"]) == 1

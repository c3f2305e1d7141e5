"""The suite runs on its own server and leaves the user's alone.

The marker conftest writes to the user's server at the start of the run (when it answers)
is checked here and again when the run ends, where a missing marker fails the run.  .ci/run
starts the demo's server, writes its own marker, runs `make test` and checks it from outside
pytest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from user_instance import marker_present

from clusterkg.graph.db import read
from clusterkg.graph.server import LocalServer

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "clusterkg")


def test_the_server_the_tests_talk_to_keeps_its_data_in_the_test_home(driver, settings) -> None:  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        "SHOW SETTINGS YIELD name, value "
        "WHERE name IN ['server.directories.data', 'server.bolt.listen_address'] "
        "RETURN name, value ORDER BY name",
    )
    home = Path(os.environ["CLUSTERKG_NEO4J_HOME"]).resolve()
    assert home != (ROOT / ".neo4j").resolve()
    assert {r["name"]: r["value"] for r in rows} == {
        "server.bolt.listen_address": f"127.0.0.1:{os.environ['NEO4J_BOLT_PORT']}",
        "server.directories.data": str(home / "data"),
    }
    assert os.environ["NEO4J_BOLT_PORT"] != "7687"


def test_the_script_a_loader_or_test_stops_and_starts_is_the_test_servers(settings) -> None:  # type: ignore[no-untyped-def]
    # `load firms --bulk` and the outage tests stop the server scripts/neo4j.sh runs for this environment.
    server = LocalServer.for_settings(settings)
    assert server.home.resolve() == Path(os.environ["CLUSTERKG_NEO4J_HOME"]).resolve()
    assert server.bolt_port == int(os.environ["NEO4J_BOLT_PORT"])


def test_a_cli_the_tests_spawn_reaches_the_test_server(loaded_plan, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import write

    write(driver, settings, "MERGE (:Sector {key: 'only-on-the-test-server', name: 'x', aliases: []})")
    out = tmp_path / "graph.json"
    try:
        done = subprocess.run(
            [CLI, "export", str(out)],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=os.environ.copy(),
        )
    finally:
        write(driver, settings, "MATCH (s:Sector {key: 'only-on-the-test-server'}) DETACH DELETE s")
    assert done.returncode == 0, done.stderr
    keys = {(n["label"], n["key"]) for n in json.loads(out.read_text(encoding="utf-8"))["nodes"]}
    assert ("Sector", "only-on-the-test-server") in keys


def test_the_marker_on_the_users_server_outlives_the_tests_before_this_one(user, user_marker) -> None:  # type: ignore[no-untyped-def]
    if user is None:
        pytest.skip("no password for the user's server (.env): nothing to protect on this machine")
    if user_marker is None:
        pytest.skip(f"the user's server at {user.neo4j_uri} is not running; .ci/run starts it to run this check")
    assert marker_present(user, user_marker)

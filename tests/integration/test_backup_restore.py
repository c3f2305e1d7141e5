"""`clusterkg backup` / `restore`: what was deleted comes back, on the local server and through Bolt.

The local path stops and starts the test server (scripts/neo4j.sh with the test settings);
the logical path treats the same server as one we cannot reach but through Bolt (--logical).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from graph_state import empty_the_database, error_line, run, schema, snapshot

from clusterkg.graph.db import read, write
from clusterkg.graph.server import LocalServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def graph_with_every_kind_of_value(loaded_plan, driver, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The plan, and two nodes whose properties take every value type a backup must carry."""
    write(
        driver,
        settings,
        "CREATE (a:Oddity:Extra {key: 'all-kinds', at: datetime('2015-06-01T08:30:00.123456789+08:00'), "
        "local: localdatetime('2015-06-01T08:30:00'), day: date('2015-06-01'), noon: time('12:00:00+08:00'), "
        "span: duration('P1M2DT3.5S'), xy: point({x: 1.5, y: -2.5}), place: point({longitude: 113.6, latitude: 34.7}), "
        "blob: $blob, ratios: [0.5, 1.0], names: ['郑州', '洛阳'], n: 7, f: 7.0, yes: true, none: []})"
        "-[:ODD_LINK {w: 1.0, since: date('2016-01-01')}]->(:Oddity {key: 'other'})",
        {"blob": bytearray(b"\x00\x01\xff")},
    )
    return {"graph": snapshot(driver, settings), "schema": schema(driver, settings)}


@pytest.fixture(scope="module")
def logical_file(graph_with_every_kind_of_value, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("backup") / "graph.ckg.gz"
    done = run("backup", str(out), "--logical")
    assert done.returncode == 0, done.stderr
    assert "a logical backup" in done.stdout
    return Path(out)


def test_a_logical_backup_restores_every_node_relationship_value_and_index_into_an_empty_database(  # type: ignore[no-untyped-def]
    graph_with_every_kind_of_value, logical_file: Path, driver, settings
) -> None:
    empty_the_database(driver, settings)
    done = run("restore", str(logical_file), "--yes", "--logical")
    assert done.returncode == 0, done.stderr
    assert snapshot(driver, settings) == graph_with_every_kind_of_value["graph"]
    assert schema(driver, settings) == graph_with_every_kind_of_value["schema"]
    # the full-text index answers as before
    assert {"key": "410100"} in read(
        driver,
        settings,
        "CALL db.index.fulltext.queryNodes('entity_names', '郑州市') YIELD node RETURN node.key AS key LIMIT 5",
    )


def test_a_logical_restore_refuses_a_database_that_holds_anything(  # type: ignore[no-untyped-def]
    graph_with_every_kind_of_value, logical_file: Path, driver, settings
) -> None:
    write(driver, settings, "MATCH (c:Cluster) WITH c ORDER BY c.key LIMIT 3 DETACH DELETE c")
    before = snapshot(driver, settings)
    line = error_line(run("restore", str(logical_file), "--yes", "--logical"))
    assert "empty database only" in line and "nothing was changed" in line
    assert snapshot(driver, settings) == before


def test_restore_without_yes_says_what_it_would_replace_and_changes_nothing(  # type: ignore[no-untyped-def]
    graph_with_every_kind_of_value, logical_file: Path, driver, settings
) -> None:
    before = snapshot(driver, settings)
    line = error_line(run("restore", str(logical_file)))
    nodes = read(driver, settings, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    assert f"database 'neo4j' at {settings.neo4j_uri} ({nodes:,} nodes" in line
    assert str(logical_file) in line and line.endswith("run again with --yes")
    assert snapshot(driver, settings) == before


def test_a_dump_of_the_local_server_brings_back_what_was_deleted(  # type: ignore[no-untyped-def]
    graph_with_every_kind_of_value, driver, settings, tmp_path: Path
) -> None:
    before = snapshot(driver, settings)
    out = tmp_path / "graph.ckg"
    done = run("backup", str(out))
    assert done.returncode == 0, done.stderr
    assert "a neo4j-admin dump" in done.stdout
    write(driver, settings, "MATCH (c:Cluster) WITH c ORDER BY c.key LIMIT 5 DETACH DELETE c")
    write(driver, settings, "MATCH (n:Oddity) DETACH DELETE n")
    assert snapshot(driver, settings) != before
    line = error_line(run("restore", str(out)))
    assert "would REPLACE database 'neo4j'" in line
    done = run("restore", str(out), "--yes")
    assert done.returncode == 0, done.stderr
    assert snapshot(driver, settings) == before
    server = LocalServer.for_settings(settings)
    assert server.running()
    assert not server.aside(settings.neo4j_database, "restore").exists()
    # --logical will not stop a server: a dump needs the local one
    line = error_line(run("restore", str(out), "--yes", "--logical"))
    assert "is a neo4j-admin dump" in line
    assert snapshot(driver, settings) == before

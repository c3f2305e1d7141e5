"""A graph written by an older schema version: refused with what to run, then migrated with its data.

tests/fixtures/schema-v0.jsonl is a logical backup (uncompressed here, to be readable) of a
small graph as clusterkg wrote it before versions were recorded: no Meta node, a key
constraint and a name index on the derived Presence cells, no full-text index.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from graph_state import empty_the_database, error_line, run, snapshot

from clusterkg.graph.db import read
from clusterkg.graph.migrations import MIGRATIONS, migrate
from clusterkg.graph.model import Label
from clusterkg.graph.schema import (
    FULLTEXT_INDEX,
    META,
    SCHEMA_VERSION,
    SchemaOutdated,
    graph_version,
)

pytestmark = pytest.mark.integration
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema-v0.jsonl"


def schema_names(driver, settings) -> set[str]:  # type: ignore[no-untyped-def]
    rows = read(driver, settings, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
    return {r["name"] for r in rows}


def without_meta(graph: dict[str, list[str]]) -> dict[str, list[str]]:
    return {**graph, "nodes": [n for n in graph["nodes"] if f'"{META}"' not in n]}


@pytest.fixture
def old_graph(graph, driver, settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    empty_the_database(driver, settings)
    backup = tmp_path / "schema-v0.ckg.gz"
    backup.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    done = run("restore", str(backup), "--yes", "--logical")
    assert done.returncode == 0, done.stderr
    assert "run `clusterkg migrate`" in done.stderr
    assert graph_version(driver, settings) == 0
    assert {"presence_key", "presence_name"} <= schema_names(driver, settings)
    return backup


def test_the_cli_the_api_and_loads_refuse_an_old_graph_and_say_to_run_migrate(  # type: ignore[no-untyped-def]
    old_graph: Path, driver, settings, plan_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from clusterkg.api.app import create_app
    from clusterkg.loaders.load_plan import load_plan

    before = snapshot(driver, settings)
    expected = (
        f"the graph in 'neo4j' at {settings.neo4j_uri} is at schema version 0, this clusterkg uses "
        f"{SCHEMA_VERSION}: run `clusterkg migrate`"
    )
    assert error_line(run("query", "clusters_list")).startswith(f"error: {expected}")
    with pytest.raises(SchemaOutdated, match="run `clusterkg migrate`"), TestClient(create_app(settings)):
        pass
    with pytest.raises(SchemaOutdated, match="run `clusterkg migrate`"):
        load_plan(driver, settings, plan_path)
    assert snapshot(driver, settings) == before


def test_migrate_brings_an_old_graph_to_the_current_schema_and_keeps_its_data(  # type: ignore[no-untyped-def]
    old_graph: Path, driver, settings
) -> None:
    before = snapshot(driver, settings)
    done = run("migrate")
    assert done.returncode == 0, done.stderr
    assert f"migrated the graph from schema version 0 to {SCHEMA_VERSION}" in done.stdout
    assert [line for line in done.stderr.splitlines() if line.startswith("migration ")] == [
        f"migration {m.version}: {m.why}" for m in MIGRATIONS
    ]
    assert graph_version(driver, settings) == SCHEMA_VERSION
    assert without_meta(snapshot(driver, settings)) == before
    names = schema_names(driver, settings)
    assert not {"presence_key", "presence_name"} & names
    assert {f"{label.value.lower()}_key" for label in Label if label is not Label.PRESENCE} <= names
    assert {FULLTEXT_INDEX, "presence_segment"} <= names
    # a second run has nothing to do, and the graph answers again
    again = run("migrate")
    assert again.returncode == 0 and "nothing to do" in again.stdout
    done = run("query", "clusters_list", "--json")
    assert done.returncode == 0, done.stderr
    assert "【样例】乙县食品产业集群" in done.stdout


def test_an_interrupted_migration_records_nothing_and_converges_when_run_again(  # type: ignore[no-untyped-def]
    old_graph: Path, driver, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clusterkg.graph import migrations

    before = snapshot(driver, settings)

    def interrupted(driver, settings) -> None:  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # after the Presence constraint is dropped, before the rest is created

    monkeypatch.setattr(migrations, "create_schema", interrupted)
    with pytest.raises(KeyboardInterrupt):
        migrate(driver, settings)
    assert graph_version(driver, settings) == 0
    assert "presence_key" not in schema_names(driver, settings)
    monkeypatch.undo()
    done = migrate(driver, settings)
    assert (done.before, done.after) == (0, SCHEMA_VERSION)
    assert FULLTEXT_INDEX in schema_names(driver, settings)
    assert without_meta(snapshot(driver, settings)) == before


def test_an_empty_graph_has_nothing_to_migrate_and_its_first_load_records_the_version(  # type: ignore[no-untyped-def]
    graph, driver, settings, plan_path: Path
) -> None:
    from clusterkg.graph.writes import clear_graph
    from clusterkg.loaders.load_plan import load_plan

    clear_graph(driver, settings)
    assert graph_version(driver, settings) is None
    assert migrate(driver, settings).applied == ()
    load_plan(driver, settings, plan_path)
    assert graph_version(driver, settings) == SCHEMA_VERSION

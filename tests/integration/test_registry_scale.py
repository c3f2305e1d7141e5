"""Registries in the real Neo4j beyond one transaction: batched commits converge, projects load.

A registry bigger than CLUSTERKG_ATOMIC_ROWS commits batch by batch; these tests force that
path on a small file and check that a clean batched load, an atomic load and an interrupted
then repeated batched load all leave the same graph.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.db import read
from clusterkg.graph.export import export_graph
from clusterkg.graph.writes import clear_graph
from clusterkg.loaders.chains import load_chains
from clusterkg.loaders.load_firms import load_firms, load_projects, plan_zones
from clusterkg.loaders.load_plan import load_plan
from clusterkg.loaders.sample_firms import generate_firms, projects_path
from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration

FIRMS = 400
PROJECTS = 25


class Interrupted(Exception):
    pass


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory, plan_path: Path) -> Path:
    out = tmp_path_factory.mktemp("registry") / "firms.csv"
    return generate_firms(FIRMS, 11, plan_zones(plan_path), load_chains(), out, projects=PROJECTS)


@pytest.fixture()
def plan_only(loaded_plan, driver, settings):  # type: ignore[no-untyped-def]
    return loaded_plan


def registry_counts(driver, settings) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = read(driver, settings, "MATCH (e:Enterprise {source: 'registry'})-[r]->() "
                "RETURN type(r) AS t, count(*) AS n ORDER BY t LIMIT 10")
    return {r["t"]: r["n"] for r in rows}


def test_batched_commits_give_the_graph_of_one_transaction(plan_only, driver, settings, registry: Path) -> None:  # type: ignore[no-untyped-def]
    atomic = load_firms(driver, settings, registry, atomic=True)
    assert atomic.atomic and atomic.firms == FIRMS
    one_transaction = export_graph(driver, settings)
    batched = load_firms(driver, settings, registry, atomic=False, batch_rows=37)
    assert not batched.atomic
    assert batched.counts == atomic.counts
    assert export_graph(driver, settings) == one_transaction


def test_interrupted_batched_load_converges_when_run_again(plan_only, driver, settings, registry: Path,  # type: ignore[no-untyped-def]
                                                          plan_path: Path) -> None:
    clean = load_firms(driver, settings, registry, atomic=False, batch_rows=50)
    expected = export_graph(driver, settings)
    rels = registry_counts(driver, settings)
    clear_graph(driver, settings)
    load_plan(driver, settings, plan_path)
    written: list[int] = []

    def stop_after_three_batches(what: str, n: int) -> None:
        if what == "writing":
            written.append(n)
            if len(written) == 3:
                raise Interrupted

    with pytest.raises(Interrupted):
        load_firms(driver, settings, registry, atomic=False, batch_rows=50, progress=stop_after_three_batches)
    partial = read(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) RETURN count(e) AS n LIMIT 1")[0]["n"]
    assert partial == 150, "three committed batches stay after the interruption"
    again = load_firms(driver, settings, registry, atomic=False, batch_rows=50)
    assert again.counts == clean.counts
    assert registry_counts(driver, settings) == rels
    assert export_graph(driver, settings) == expected



def test_projects_load_with_sponsor_zone_and_segments_and_reload_changes_nothing(plan_only, driver, settings, registry: Path) -> None:  # type: ignore[no-untyped-def]
    load_firms(driver, settings, registry)
    result = load_projects(driver, settings, projects_path(registry))
    assert result.counts["Project"] == PROJECTS and result.counts["RUN_BY"] == PROJECTS
    rows = read(driver, settings, """
        MATCH (p:Project {source: 'registry'})-[:RUN_BY]->(e:Enterprise)-[:SITED_IN]->(z:Zone)
        RETURN count(p) AS n, sum(CASE WHEN (p)-[:SITED_IN]->(z) THEN 1 ELSE 0 END) AS same_zone LIMIT 1""")
    assert rows == [{"n": PROJECTS, "same_zone": PROJECTS}]
    before = export_graph(driver, settings)
    load_projects(driver, settings, projects_path(registry))
    assert export_graph(driver, settings) == before


def test_project_with_a_sponsor_not_in_the_graph_writes_nothing(plan_only, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "projects.csv"
    absent = make_uscc("91410100MA0000009")
    f.write_text("项目名称,所在园区,建设单位统一社会信用代码\n"
                 "甲项目,长葛市产业集聚区,\n"
                 f"乙项目,长葛市产业集聚区,{absent}\n", encoding="utf-8")
    before = export_graph(driver, settings)
    with pytest.raises(InputError) as exc:
        load_projects(driver, settings, f)
    assert "1 problem(s)" in str(exc.value) and "row 3, column sponsor" in str(exc.value)
    assert export_graph(driver, settings) == before

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
    rows = read(
        driver,
        settings,
        "MATCH (e:Enterprise {source: 'registry'})-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t LIMIT 10",
    )
    return {r["t"]: r["n"] for r in rows}


def test_batched_commits_give_the_graph_of_one_transaction(plan_only, driver, settings, registry: Path) -> None:  # type: ignore[no-untyped-def]
    atomic = load_firms(driver, settings, registry, atomic=True)
    assert atomic.atomic and atomic.firms == FIRMS
    one_transaction = export_graph(driver, settings)
    batched = load_firms(driver, settings, registry, atomic=False, batch_rows=37)
    assert not batched.atomic
    assert batched.counts == atomic.counts
    assert export_graph(driver, settings) == one_transaction


def test_interrupted_batched_load_converges_when_run_again(
    plan_only,
    driver,
    settings,
    registry: Path,  # type: ignore[no-untyped-def]
    plan_path: Path,
) -> None:
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


def test_projects_load_with_sponsor_zone_and_segments_and_reload_changes_nothing(
    plan_only, driver, settings, registry: Path
) -> None:  # type: ignore[no-untyped-def]
    load_firms(driver, settings, registry)
    result = load_projects(driver, settings, projects_path(registry))
    assert result.counts["Project"] == PROJECTS and result.counts["RUN_BY"] == PROJECTS
    rows = read(
        driver,
        settings,
        """
        MATCH (p:Project {source: 'registry'})-[:RUN_BY]->(e:Enterprise)-[:SITED_IN]->(z:Zone)
        RETURN count(p) AS n, sum(CASE WHEN (p)-[:SITED_IN]->(z) THEN 1 ELSE 0 END) AS same_zone LIMIT 1""",
    )
    assert rows == [{"n": PROJECTS, "same_zone": PROJECTS}]
    before = export_graph(driver, settings)
    load_projects(driver, settings, projects_path(registry))
    assert export_graph(driver, settings) == before


def test_project_with_a_sponsor_not_in_the_graph_writes_nothing(plan_only, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "projects.csv"
    absent = make_uscc("91410100MA0000009")
    f.write_text(
        f"项目名称,所在园区,建设单位统一社会信用代码\n甲项目,长葛市产业集聚区,\n乙项目,长葛市产业集聚区,{absent}\n",
        encoding="utf-8",
    )
    before = export_graph(driver, settings)
    with pytest.raises(InputError) as exc:
        load_projects(driver, settings, f)
    assert "1 problem(s)" in str(exc.value) and "row 3, column sponsor" in str(exc.value)
    assert export_graph(driver, settings) == before


def test_gap_report_lists_registry_projects_and_caps_firm_lists_but_not_counts(
    plan_only, driver, settings, registry: Path
) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.api.routes_gaps import cluster_gap_report
    from clusterkg.queries import load_registry

    load_firms(driver, settings, registry)
    load_projects(driver, settings, projects_path(registry))
    # The cluster served by the zone with most registry projects, and one such project's segment.
    top = read(
        driver,
        settings,
        """
        MATCH (s:ChainSegment)<-[:BUILDS]-(p:Project {source: 'registry'})-[:SITED_IN]->(:Zone)-[:SERVES]->(c:Cluster)
        WHERE (c)-[:HAS_CHAIN]->(:Chain)-[:HAS_SEGMENT]->(s)
        RETURN c.key AS cluster, s.key AS segment, collect(DISTINCT p.key) AS projects
        ORDER BY size(projects) DESC, cluster, segment LIMIT 1""",
    )[0]
    full = cluster_gap_report(driver, settings, load_registry(), top["cluster"], firm_limit=50)
    capped = cluster_gap_report(driver, settings, load_registry(), top["cluster"], firm_limit=1)
    seg = {s["segment"]["key"]: s for s in full["segments"]}[top["segment"]]
    assert set(top["projects"]) <= {p["key"] for p in seg["projects"]}
    # The counts, read from the Presence cells, agree with the firms themselves.
    local = read(
        driver,
        settings,
        """
        MATCH (c:Cluster {key: $key})
        // The default scope, cities: the cities of the cluster, of its counties, of its zones and
        // of its zones' firms, with all their counties and the zones in them.
        WITH c, COLLECT { MATCH (c)-[:LOCATED_IN]->(x:City) RETURN x
                          UNION MATCH (c)-[:LOCATED_IN]->(:County)-[:PART_OF]->(x:City) RETURN x
                          UNION MATCH (c)<-[:SERVES]-(:Zone)-[:LOCATED_IN]->(x:City) RETURN x
                          UNION MATCH (c)<-[:SERVES]-(:Zone)-[:LOCATED_IN]->(:County)-[:PART_OF]->(x:City) RETURN x
                          UNION MATCH (c)<-[:SERVES]-(:Zone)<-[:SITED_IN]-(:Enterprise)-[:LOCATED_IN]->(:County)
                                      -[:PART_OF]->(x:City) RETURN x } AS cities
        MATCH (c)-[:HAS_CHAIN]->(:Chain)-[:HAS_SEGMENT]->(s:ChainSegment)
        OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise)
        WHERE EXISTS { (e)-[:SITED_IN]->(:Zone)-[:SERVES]->(c) }
           OR EXISTS { (e)-[:SITED_IN|LOCATED_IN]->()-[:LOCATED_IN*0..1]->(p)
                       WHERE (c)-[:LOCATED_IN]->(p) OR p IN cities OR EXISTS { (p)-[:PART_OF]->(x) WHERE x IN cities } }
        RETURN s.key AS segment, count(DISTINCT e) AS n LIMIT 1000""",
        {"key": top["cluster"]},
    )
    assert {s["segment"]["key"]: s["firm_count"] for s in full["segments"]} == {r["segment"]: r["n"] for r in local}
    for whole, cut in zip(full["segments"], capped["segments"], strict=True):
        assert cut["firm_count"] == whole["firm_count"] == len(whole["firms"]) < 50
        assert cut["leader_count"] == whole["leader_count"] == len(whole["leaders"])
        assert cut["firms"] == whole["firms"][:1] and cut["leaders"] == whole["leaders"][:1]
    assert any(s["firm_count"] > 1 for s in full["segments"]), "the cap is tested on a segment with several firms"


def test_neighbourhood_of_a_hub_keeps_the_cap_nearest_first_and_says_it_is_incomplete(
    plan_only, driver, settings, registry: Path
) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.model import Label
    from clusterkg.graph.subgraph import neighbourhood, node_id

    load_firms(driver, settings, registry)
    zone = read(
        driver,
        settings,
        "MATCH (z:Zone)<-[:SITED_IN]-(e:Enterprise) RETURN z.key AS key, count(e) AS n ORDER BY n DESC, key LIMIT 1",
    )[0]
    ring1 = read(
        driver,
        settings,
        "MATCH (z:Zone {key: $key})-[r]-(m) WHERE type(r) <> 'STATED_IN' RETURN count(DISTINCT m) AS n LIMIT 1",
        {"key": zone["key"]},
    )[0]["n"]
    assert ring1 > 30
    G = neighbourhood(driver, settings, Label.ZONE, zone["key"], hops=2, cap=30)
    assert G.number_of_nodes() == 30 and G.graph["complete"] is False
    assert G.nodes[node_id("Zone", zone["key"])]["distance"] == 0
    assert sorted(d for _, d in G.nodes(data="distance")) == [0] + [1] * 29
    whole = neighbourhood(driver, settings, Label.ZONE, zone["key"], hops=1, cap=2000)
    assert whole.graph["complete"] is True and whole.number_of_nodes() == ring1 + 1
    # A hub is read only as far as the cap needs: the capped picture is part of the whole ring.
    assert set(G.nodes) < set(whole.nodes)


def cells_from_firms(driver, settings) -> dict[tuple[str, str, str], int]:  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        """
        MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:ChainSegment)
        OPTIONAL MATCH (e)-[:SITED_IN]->(z:Zone)
        OPTIONAL MATCH (e)-[:LOCATED_IN]->(q)
        RETURN s.key AS s, coalesce(z.key, '') AS z, coalesce(q.key, '') AS q, count(*) AS n LIMIT 100000""",
    )
    return {(r["s"], r["z"], r["q"]): r["n"] for r in rows}


def cells_kept(driver, settings) -> dict[tuple[str, str, str], int]:  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        "MATCH (p:Presence) RETURN p.segment AS s, coalesce(p.zone, '') AS z, "
        "coalesce(p.place, '') AS q, p.firms AS n LIMIT 100000",
    )
    return {(r["s"], r["z"], r["q"]): r["n"] for r in rows}


def test_a_small_reload_rebuilds_only_the_cells_it_touches_and_they_match_the_firms(
    plan_only,
    driver,
    settings,  # type: ignore[no-untyped-def]
    registry: Path,
    tmp_path: Path,
) -> None:
    import csv

    load_firms(driver, settings, registry)
    assert cells_kept(driver, settings) == cells_from_firms(driver, settings)
    with registry.open(encoding="utf-8-sig", newline="") as handle:
        header, first, *_ = list(csv.reader(handle))
    moved = list(first)
    moved[4], moved[5] = "", "镁合金压铸件"  # into magnesium/die-castings, out of its old segment
    update = tmp_path / "update.csv"
    with update.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, moved])
    untouched = read(
        driver,
        settings,
        "MATCH (p:Presence) WHERE p.segment STARTS WITH 'grain-oil/' "
        "RETURN elementId(p) AS id ORDER BY id LIMIT 100000",
    )
    load_firms(driver, settings, update)
    assert cells_kept(driver, settings) == cells_from_firms(driver, settings)
    segments = {
        r["s"]
        for r in read(
            driver,
            settings,
            "MATCH (:Enterprise {key: $k})-[:IN_SEGMENT]->(s) RETURN s.key AS s LIMIT 10",
            {"k": first[1]},
        )
    }
    assert segments == {"magnesium/die-castings"}
    if not any(s.startswith("grain-oil/") for s in segments):
        # Cells of segments the update did not touch were left as they were, not rebuilt.
        assert (
            read(
                driver,
                settings,
                "MATCH (p:Presence) WHERE p.segment STARTS WITH 'grain-oil/' "
                "RETURN elementId(p) AS id ORDER BY id LIMIT 100000",
            )
            == untouched
        )

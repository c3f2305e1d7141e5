"""Plan vs actual: the actuals CSV loader and the attainment roll-ups on the real Neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest
from clients import api_client
from fastapi.testclient import TestClient

from clusterkg.errors import InputError
from clusterkg.graph.export import export_graph
from clusterkg.loaders.actuals import load_actuals

pytestmark = pytest.mark.integration

GOOD = (
    "cluster,year,revenue_yi,source\n"
    "漯河食品产业集群,2017,1800,test figures\n"
    "周口食品产业集群,2017,1650,test figures\n"
    "郑州高端装备制造产业集群,2017,2000,test figures\n"
)


@pytest.fixture(scope="module")
def actuals(loaded_plan, driver, settings, tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("actuals") / "actuals.csv"
    path.write_text(GOOD, encoding="utf-8")
    return load_actuals(driver, settings, path)


@pytest.fixture(scope="module")
def client(actuals, settings):  # type: ignore[no-untyped-def]
    with api_client(settings) as c:
        yield c


def test_attainment_per_cluster_is_actual_over_target(client: TestClient) -> None:
    items = client.get("/api/attainment", params={"by": "cluster", "year": 2017}).json()["items"]
    assert [(i["key"], i["target_yi"], i["actual_yi"], i["attainment"]) for i in items] == [
        ("周口食品产业集群", 1500.0, 1650.0, 1.1),
        ("漯河食品产业集群", 2000.0, 1800.0, 0.9),
        ("郑州高端装备制造产业集群", 2500.0, 2000.0, 0.8),
    ]


def test_attainment_per_sector_sums_reporting_clusters_against_the_goal(client: TestClient) -> None:
    items = {i["key"]: i for i in client.get("/api/attainment", params={"by": "sector"}).json()["items"]}
    assert items["食品"] == {
        "key": "食品",
        "name": "食品",
        "goal_yi": 12000.0,
        "clusters_reported": 2,
        "target_yi": 3500.0,
        "actual_yi": 3450.0,
        "attainment": 0.9857,
        "goal_attainment": 0.2875,
    }
    assert set(items) == {"食品", "装备制造"}


def test_attainment_per_city(client: TestClient) -> None:
    items = {
        i["name"]: (i["clusters_reported"], i["actual_yi"])
        for i in client.get("/api/attainment", params={"by": "city"}).json()["items"]
    }
    assert items == {"郑州市": (1, 2000.0), "漯河市": (1, 1800.0), "周口市": (1, 1650.0)}


def test_bad_actuals_report_every_problem_and_write_nothing(actuals, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "cluster,year,revenue_yi,source\n"
        "漯河食品产业集群,2017,lots,x\n"
        "没有这个集群,2017,10,x\n"
        "周口食品产业集群,2017,5,=cmd|' /C calc'!A0\n"
        "周口食品产业集群,20x7,5,x\n",
        encoding="utf-8",
    )
    before = export_graph(driver, settings)
    with pytest.raises(InputError) as exc:
        load_actuals(driver, settings, bad)
    msg = str(exc.value)
    assert "row 2, column revenue_yi" in msg and "row 4, column source" in msg and "row 5, column year" in msg
    assert export_graph(driver, settings) == before
    only_unknown = tmp_path / "unknown.csv"
    only_unknown.write_text("cluster,year,revenue_yi,source\n没有这个集群,2017,10,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2, column cluster: unknown cluster '没有这个集群'"):
        load_actuals(driver, settings, only_unknown)
    assert export_graph(driver, settings) == before


def test_actuals_reload_is_idempotent_and_gb18030_is_read(actuals, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = export_graph(driver, settings)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(GOOD.encode("gb18030"))
    load_actuals(driver, settings, gbk)
    assert export_graph(driver, settings) == before


def test_wrong_header_names_the_missing_column(tmp_path: Path) -> None:
    from clusterkg.loaders.actuals import read_actuals

    p = tmp_path / "h.csv"
    p.write_text("cluster,year,revenue\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing \['revenue_yi', 'source'\], unexpected \['revenue'\]"):
        read_actuals(p)

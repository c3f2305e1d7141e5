"""Planning queries and routes (overlaps, roll-ups, details) against the real Neo4j holding the Henan plan.

Expected values were read off the plan: its appendix table (千亿级 clusters, their zones and targets)
and the sector paragraphs (anchor firms, projects, 百亿级 特色 clusters at 100 亿元 each).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration

ZZ_EQUIP = "郑州高端装备制造产业集群"
ZB_AUTO = "郑汴整车及零部件产业集群"
PAIR = f"{ZZ_EQUIP}|{ZB_AUTO}"


# -- every named query runs with its declared example ------------------------------------------


def test_every_named_query_runs_with_its_example_parameters(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.queries.registry import load_registry
    from clusterkg.queries.run import run_named

    registry = load_registry()
    assert {
        "cluster_overlaps",
        "cities_multi_sector",
        "sector_rollup",
        "city_rollup",
        "cluster_detail",
        "zone_detail",
        "enterprise_detail",
    } <= set(registry.names())
    for query in registry.all():
        rows = run_named(driver, settings, query.name, dict(query.example), registry=registry)
        assert isinstance(rows, list), query.name
        if query.name.endswith("_detail"):
            assert len(rows) == 1 and rows[0]["key"] == query.example["key"], query.name


# -- overlaps ---------------------------------------------------------------------------------


def test_zhengzhou_equipment_and_zhengbian_auto_share_two_zones_and_zhengzhou(client: TestClient) -> None:
    body = client.get("/api/clusters/overlaps", params={"min_shared": 1, "limit": 1000}).json()
    pair = {p["key"]: p for p in body["items"]}[PAIR]
    # Appendix rows 3 and 7 both list 郑州经济技术 and 荥阳市; both clusters sit in 郑州市.
    # Neighbours: 郑州高端 4 zones + 郑州 + 4 firms + 2 projects = 11; 郑汴 6 zones + 郑州, 开封
    # + 7 firms + 3 projects = 18; union 11 + 18 - 3 = 26.
    assert pair == {
        "key": PAIR,
        "a": {"key": ZZ_EQUIP, "name": ZZ_EQUIP, "sector": "装备制造"},
        "b": {"key": ZB_AUTO, "name": ZB_AUTO, "sector": "汽车及零部件"},
        "shared_zones": [
            {"key": "荥阳市产业集聚区", "name": "荥阳市产业集聚区"},
            {"key": "郑州经济技术产业集聚区", "name": "郑州经济技术产业集聚区"},
        ],
        "shared_cities": [{"key": "410100", "name": "郑州市"}],
        "shared_firms": [],
        "shared_projects": [],
        "shared_count": 3,
        "union_count": 26,
        "jaccard": pytest.approx(3 / 26),
    }
    assert all(p["a"]["key"] < p["b"]["key"] and p["key"] == f"{p['a']['key']}|{p['b']['key']}" for p in body["items"])
    assert all(p["shared_count"] >= 1 and 0 < p["jaccard"] <= 1 for p in body["items"])


def test_overlap_filters_keep_pairs_with_a_cluster_in_the_sector_or_city(client: TestClient) -> None:
    def keys(**params: object) -> set[str]:
        return {
            p["key"] for p in client.get("/api/clusters/overlaps", params={"limit": 1000, **params}).json()["items"]
        }

    assert PAIR in keys(sector="汽车及零部件")
    assert PAIR not in keys(sector="食品")
    assert PAIR in keys(city="410200")  # 郑汴 reaches 开封
    assert PAIR not in keys(city="410300")
    assert PAIR in keys(min_shared=3)
    assert PAIR not in keys(min_shared=4)
    assert keys(sector="没有这个产业") == set()


def test_overlap_pages_follow_the_next_token(client: TestClient) -> None:
    first = client.get("/api/clusters/overlaps", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next"] == first["items"][-1]["key"]
    second = client.get("/api/clusters/overlaps", params={"limit": 5, "after": first["next"]}).json()
    assert second["items"] and all(p["key"] > first["next"] for p in second["items"])


# -- cities -----------------------------------------------------------------------------------


def test_kaifeng_hosts_auto_and_equipment_clusters(client: TestClient) -> None:
    body = client.get("/api/cities/multi-sector", params={"min_sectors": 2}).json()
    by_key = {c["key"]: c for c in body["items"]}
    assert by_key["410200"] == {
        "key": "410200",
        "name": "开封市",
        "sector_count": 2,
        "cluster_count": 2,
        "sectors": [
            {
                "key": "汽车及零部件",
                "name": "汽车及零部件",
                "clusters": [{"key": ZB_AUTO, "name": ZB_AUTO, "level": "千亿级", "target_yi": 1200.0}],
            },
            {
                "key": "装备制造",
                "name": "装备制造",
                "clusters": [
                    {
                        "key": "开封汴西装备制造特色产业集群",
                        "name": "开封汴西装备制造特色产业集群",
                        "level": "百亿级",
                        "target_yi": 100.0,
                    }
                ],
            },
        ],
    }
    assert all(c["sector_count"] >= 2 for c in body["items"])
    assert [c["key"] for c in body["items"]] == sorted(by_key)
    many = client.get("/api/cities/multi-sector", params={"min_sectors": 8}).json()
    assert [c["name"] for c in many["items"]] == ["郑州市"]


def test_city_rollup_for_kaifeng(client: TestClient) -> None:
    rows = {c["key"]: c for c in client.get("/api/cities/rollup").json()["items"]}
    kaifeng = rows["410200"]
    # 郑汴 (1200, 7 anchor firms, 3 projects) and 开封汴西 特色 (100, none).
    assert {k: v for k, v in kaifeng.items() if k != "zone_count"} == {
        "key": "410200",
        "name": "开封市",
        "cluster_count": 2,
        "levels": [{"level": "千亿级", "clusters": 1}, {"level": "百亿级", "clusters": 1}],
        "target_sum_yi": 1300.0,
        "sectors": ["汽车及零部件", "装备制造"],
        "firm_count": 7,
        "project_count": 3,
    }
    assert kaifeng["zone_count"] >= 2  # 开封汴西产业集聚区 and 兰考家具产业园 at least
    assert len(rows) == 18  # Henan's 18 provincial-level cities


# -- sectors ----------------------------------------------------------------------------------


def test_sector_rollup_of_equipment_and_food_against_their_12000_goal(client: TestClient) -> None:
    rows = {s["key"]: s for s in client.get("/api/sectors/rollup").json()["items"]}
    # 装备制造: appendix rows 2-6 (3000 + 2500 + 1200 + 1200 + 1200) and six 特色 clusters of 100;
    # zones 6 + 4 + 5 + 4 + 4 from the appendix; firms 4 + 4 + 3 + 4 + 2 and projects 2 + 2 + 2 + 2 + 1.
    assert rows["装备制造"] == {
        "key": "装备制造",
        "name": "装备制造",
        "goal_yi": 12000.0,
        "goal_year": 2017,
        "cluster_count": 11,
        "levels": [{"level": "千亿级", "clusters": 5}, {"level": "百亿级", "clusters": 6}],
        "target_sum_yi": 9700.0,
        "attainment": pytest.approx(9700 / 12000),
        "zone_count": 23,
        "firm_count": 17,
        "project_count": 9,
    }
    # 食品: appendix rows 8-12 (2000 + 1500 + 1200 + 1000 + 1000) and four 特色 clusters of 100.
    food = rows["食品"]
    assert {k: food[k] for k in ("goal_yi", "cluster_count", "levels", "target_sum_yi")} == {
        "goal_yi": 12000.0,
        "cluster_count": 9,
        "levels": [{"level": "千亿级", "clusters": 5}, {"level": "百亿级", "clusters": 4}],
        "target_sum_yi": 7100.0,
    }
    assert food["attainment"] == pytest.approx(7100 / 12000)
    assert rows["新材料"]["goal_yi"] is None and rows["新材料"]["attainment"] is None
    assert len(rows) == 13


def test_sector_rollup_for_a_year_without_targets_sums_to_zero(client: TestClient) -> None:
    rows = client.get("/api/sectors/rollup", params={"year": 2020}).json()["items"]
    assert rows and all(s["target_sum_yi"] == 0.0 for s in rows)


# -- details ----------------------------------------------------------------------------------


def test_cluster_detail_groups_neighbours_by_kind(client: TestClient) -> None:
    resp = client.get(f"/api/clusters/{ZZ_EQUIP}")
    assert resp.status_code == 200
    assert resp.json() == {
        "key": ZZ_EQUIP,
        "name": ZZ_EQUIP,
        "level": "千亿级",
        "target_yi": 2500.0,
        "target_year": 2017,
        "appendix_no": 3,
        "sector": {"key": "装备制造", "name": "装备制造", "goal_yi": 12000.0},
        "places": [{"key": "410100", "name": "郑州市", "label": "City", "city": None}],
        "zones": [
            {"key": k, "name": k}
            for k in sorted(
                ["郑州经济技术产业集聚区", "郑州上街装备制造产业集聚区", "登封市产业集聚区", "荥阳市产业集聚区"]
            )
        ],
        "firms": [{"key": k, "name": k} for k in sorted(["郑煤机", "中铁盾构", "恒天重工", "新大方"])],
        "projects": [{"key": k, "name": k} for k in sorted(["中车集团郑州基地", "友嘉精密机械产业园"])],
        "linked": [],
    }


def test_zone_detail_lists_the_clusters_it_serves(client: TestClient) -> None:
    body = client.get("/api/zones/荥阳市产业集聚区").json()
    assert body == {
        "key": "荥阳市产业集聚区",
        "name": "荥阳市产业集聚区",
        "places": [{"key": "410182", "name": "荥阳市", "label": "County", "city": "410100"}],
        "clusters": [
            {"key": ZZ_EQUIP, "name": ZZ_EQUIP, "sector": "装备制造", "level": "千亿级", "target_yi": 2500.0},
            {"key": ZB_AUTO, "name": ZB_AUTO, "sector": "汽车及零部件", "level": "千亿级", "target_yi": 1200.0},
        ],
        "firm_count": 0,
        "firms": [],
        "projects": [],
    }


REGISTRY_COLUMNS = (
    "uscc",
    "industry_code",
    "products",
    "revenue_wan",
    "chain_leader",
    "address",
    "contact",
    "phone",
    "legal_rep",
    "employees",
    "founded",
)


def test_enterprise_detail_lists_anchored_clusters_and_run_projects(client: TestClient) -> None:
    assert client.get("/api/enterprises/郑煤机").json() == {
        "key": "郑煤机",
        "name": "郑煤机",
        # a firm the plan names, not in a registry: no registry columns
        **dict.fromkeys(REGISTRY_COLUMNS),
        "sample": False,
        "clusters": [{"key": ZZ_EQUIP, "name": ZZ_EQUIP, "sector": "装备制造", "level": "千亿级", "target_yi": 2500.0}],
        "projects": [],
        "zones": [],
        "places": [],
    }
    foxconn = client.get("/api/enterprises/富士康").json()
    assert foxconn["projects"] == [{"key": "富士康智能手机项目", "name": "富士康智能手机项目"}]


@pytest.mark.parametrize(
    "path", ["/api/clusters/没有这个集群", "/api/zones/没有这个集群", "/api/enterprises/没有这个集群"]
)
def test_detail_of_unknown_key_is_404_naming_the_key(client: TestClient, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 404
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["code"] == "not_found"
    assert "没有这个集群" in body["error"]["message"]


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/api/clusters/overlaps?city=abc", "city"),
        ("/api/clusters/overlaps?city=4101001", "city"),
        ("/api/clusters/overlaps?min_shared=0", "min_shared"),
        ("/api/clusters/overlaps?limit=0", "limit"),
        ("/api/cities/multi-sector?min_sectors=zero", "min_sectors"),
        ("/api/cities/rollup?after=abc", "after"),
        ("/api/sectors/rollup?year=3000", "year"),
        ("/api/clusters/" + "x" * 201, "key"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client: TestClient, path: str, fragment: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 422
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["status"] == 422
    assert fragment in body["error"]["message"]


def test_city_detail_lists_clusters_of_the_city_and_its_counties(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/places/410200").json()
    assert (body["name"], body["label"], body["parent"]) == ("开封市", "City", None)
    assert [c["name"] for c in body["clusters"]] == sorted(["开封汴西装备制造特色产业集群", "郑汴整车及零部件产业集群"])
    county = client.get("/api/places/411082").json()
    assert (county["name"], county["parent"]) == ("长葛市", {"key": "411000", "name": "许昌市"})
    assert client.get("/api/places/999999").status_code == 404
    assert client.get("/api/places/4101").status_code == 422


def test_project_detail_names_its_cluster_and_firm(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/projects/东风日产年产30万辆新工厂").json()
    assert [c["key"] for c in body["clusters"]] == ["郑汴整车及零部件产业集群"]
    assert body["firms"] == [{"key": "东风日产", "name": "东风日产"}]
    missing = client.get("/api/projects/无此项目")
    assert missing.status_code == 404 and "无此项目" in missing.json()["error"]["message"]


def test_neighbourhood_as_json_and_graphml(client) -> None:  # type: ignore[no-untyped-def]
    import networkx as nx

    body = client.get("/api/neighbourhood/Cluster/洛阳现代装备制造产业集群", params={"hops": 1}).json()
    labels = sorted(n["label"] for n in body["nodes"])
    assert labels.count("Zone") == 6 and labels.count("Enterprise") == 4 and labels.count("Project") == 2
    assert "Document" not in labels
    g = nx.parse_graphml(
        client.get("/api/neighbourhood/Cluster/洛阳现代装备制造产业集群", params={"hops": 1, "format": "graphml"}).text
    )
    assert g.number_of_nodes() == len(body["nodes"])
    capped = client.get("/api/neighbourhood/Cluster/洛阳现代装备制造产业集群", params={"hops": 2, "cap": 5}).json()
    assert len(capped["nodes"]) == 5 and capped["reachable"] > 5

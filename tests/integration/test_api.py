"""The HTTP API against the real Neo4j, through FastAPI's test client."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


def test_health_reports_neo4j_reachable(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["neo4j"] == "reachable"


def test_zones_shared_lists_each_zone_once_with_its_clusters(client: TestClient) -> None:
    body = client.get("/api/zones/shared", params={"min_clusters": 2}).json()
    keys = [z["key"] for z in body["items"]]
    assert len(keys) == len(set(keys))
    by_key = {z["key"]: z for z in body["items"]}
    assert sorted(c["name"] for c in by_key["荥阳市产业集聚区"]["clusters"]) == [
        "郑州高端装备制造产业集群",
        "郑汴整车及零部件产业集群",
    ]
    assert all(z["cluster_count"] == len(z["clusters"]) >= 2 for z in body["items"])
    assert body["next"] is None


def test_zones_shared_pages_follow_the_next_token(client: TestClient) -> None:
    first = client.get("/api/zones/shared", params={"min_clusters": 1, "limit": 10}).json()
    assert len(first["items"]) == 10 and first["next"] == first["items"][-1]["key"]
    second = client.get("/api/zones/shared", params={"min_clusters": 1, "limit": 10, "after": first["next"]}).json()
    assert second["items"][0]["key"] > first["next"]
    assert not {z["key"] for z in first["items"]} & {z["key"] for z in second["items"]}


def test_clusters_list_has_targets(client: TestClient) -> None:
    body = client.get("/api/clusters", params={"limit": 1000}).json()
    targets = {c["name"]: c["target_yi"] for c in body["items"]}
    assert targets["漯河食品产业集群"] == 2000.0
    assert targets["郑州航空港区智能终端(手机)产业集群"] == 3000.0


@pytest.mark.parametrize(
    ("path", "status", "fragment"),
    [
        ("/api/zones/shared?min_clusters=zero", 422, "min_clusters"),
        ("/api/zones/shared?min_clusters=0", 422, "min_clusters"),
        ("/api/zones/shared?limit=100000", 422, "limit"),
        ("/api/clusters?after=" + "x" * 500, 422, "after"),
        ("/api/no-such-route", 404, "Not Found"),
    ],
)
def test_errors_share_one_json_body(client: TestClient, path: str, status: int, fragment: str) -> None:
    resp = client.get(path)
    assert resp.status_code == status
    body = resp.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert fragment in body["error"]["message"]


def test_openapi_documents_every_route_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert len(spec["paths"]) >= 20
    for path, ops in spec["paths"].items():
        for op in ops.values():
            assert op.get("description"), path
            for p in op.get("parameters", []):
                assert "example" in p or "examples" in p or "examples" in p["schema"], (path, p["name"])


def test_queries_route_lists_the_registry(client: TestClient) -> None:
    names = [q["name"] for q in client.get("/api/queries").json()]
    assert "zones_shared" in names and names == sorted(names)


def test_facts_quote_the_sentences_that_state_a_cluster(client: TestClient, plan_path) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/facts/cluster/漯河食品产业集群").json()
    assert body["label"] == "Cluster" and body["name"] == "漯河食品产业集群"
    quotes = [s["quote"] for s in body["statements"]]
    assert len(quotes) == 2
    assert "漯河2000亿级食品产业集群" in quotes[0] and quotes[1].startswith("8\t漯河食品产业集群")
    text = plan_path.read_text(encoding="utf-8")
    assert all(text[s["start"] : s["end"]] == s["quote"] for s in body["statements"])
    serves = {r["other_key"] for r in body["relationships"] if r["type"] == "SERVES"}
    assert {"临颍县产业集聚区", "漯河经济技术产业集聚区"} <= serves
    assert all(r["quote"] for r in body["relationships"])


def test_facts_of_unknown_key_or_label_name_the_problem(client: TestClient) -> None:
    missing = client.get("/api/facts/Cluster/没有这个集群")
    assert missing.status_code == 404 and "没有这个集群" in missing.json()["error"]["message"]
    bad = client.get("/api/facts/Nope/x")
    assert bad.status_code == 422 and bad.json()["error"]["message"].startswith("label: String should match pattern")


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_load_no_asset_from_outside(client: TestClient, path: str) -> None:
    import re

    html = client.get(path).text
    assets = re.findall(r"""(?:src|href|url)\s*[=:(]\s*['"]([^'"]+)['"]""", html)
    assert assets, "the page references its scripts"
    assert [a for a in assets if re.match(r"^(https?:)?//", a)] == []
    for a in assets:
        if a.startswith("/"):
            assert client.get(a).status_code == 200, a


@pytest.mark.parametrize("q", ["郑州市", "郑州", "zhengzhou", "zz"])
def test_search_finds_zhengzhou_by_name_pinyin_and_initials(client: TestClient, q: str) -> None:
    hits = client.get("/api/search", params={"q": q, "label": "City"}).json()
    assert [h["key"] for h in hits][:1] == ["410100"]
    assert all(h["label"] == "City" for h in hits)


def test_search_ranks_the_exact_name_first_and_finds_aliases(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "漯河食品产业集群"}).json()
    assert hits[0]["key"] == "漯河食品产业集群"
    alias = client.get("/api/search", params={"q": "郑州航空港区", "label": "Zone"}).json()
    assert alias[0]["key"] == "郑州航空港经济综合实验区"


@pytest.mark.parametrize("q", ['"', "a) OR (b", "\\", "*", "AND", '郑州" OR 1=1 //', "`x`"])
def test_search_with_query_syntax_characters_answers_without_error(client: TestClient, q: str) -> None:
    resp = client.get("/api/search", params={"q": q})
    assert resp.status_code in (200, 422), resp.text
    if resp.status_code == 422:
        assert resp.json()["error"]["code"] == "invalid_input"


def test_shortest_path_between_a_zone_and_a_firm(client: TestClient) -> None:
    paths = client.get(
        "/api/path",
        params={"from_label": "Zone", "from_key": "荥阳市产业集聚区", "to_label": "Enterprise", "to_key": "宇通客车"},
    ).json()
    assert [(p["length"], [n["key"] for n in p["nodes"]]) for p in paths] == [
        (2, ["荥阳市产业集聚区", "郑汴整车及零部件产业集群", "宇通客车"])
    ]
    assert [r["type"] for r in paths[0]["relationships"]] == ["SERVES", "ANCHORS"]


def test_path_with_an_unknown_end_or_too_many_hops_is_refused(client: TestClient) -> None:
    missing = client.get(
        "/api/path", params={"from_label": "Zone", "from_key": "无此园区", "to_label": "City", "to_key": "410100"}
    )
    assert missing.status_code == 404 and "无此园区" in missing.json()["error"]["message"]
    far = client.get(
        "/api/path", params={"from_label": "Zone", "from_key": "a", "to_label": "City", "to_key": "b", "max_hops": 9}
    )
    assert far.status_code == 422 and "max_hops" in far.json()["error"]["message"]


def test_any_named_query_downloads_as_csv(client: TestClient) -> None:
    import csv
    import io

    resp = client.get("/api/queries/zones_shared/rows", params={"format": "csv", "min_clusters": 2})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert [r["key"] for r in rows] == [
        "沈丘县产业集聚区",
        "荥阳市产业集聚区",
        "郑州经济技术产业集聚区",
        "郑州航空港经济综合实验区",
        "项城市产业集聚区",
    ]
    as_json = client.get("/api/queries/zones_shared/rows", params={"min_clusters": 2}).json()
    assert [r["key"] for r in as_json] == [r["key"] for r in rows]
    bad = client.get("/api/queries/zones_shared/rows", params={"min_clusters": "x", "drop": "1"})
    assert bad.status_code == 422 and "drop" in bad.json()["error"]["message"]


def test_csv_cells_that_look_like_formulas_are_defused() -> None:
    from clusterkg.api.routes import rows_to_csv

    assert rows_to_csv([{"a": "=cmd|' /C calc'!A0", "b": -3}]).splitlines() == ["a,b", "'=cmd|' /C calc'!A0,-3"]


def test_graphml_export_has_every_node(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    import networkx as nx

    resp = client.get("/api/export/graph.graphml")
    assert resp.status_code == 200
    g = nx.parse_graphml(resp.text)
    from clusterkg.graph.db import read

    # every node but the graph's schema version, which is not a model entity
    total = read(driver, settings, "MATCH (n) WHERE NOT n:Meta RETURN count(n) AS c")[0]["c"]
    assert g.number_of_nodes() == total
    assert g.nodes["Cluster:漯河食品产业集群"]["target_yi"] == 2000.0


def test_every_route_answers_200_with_its_documented_examples(client: TestClient) -> None:
    from urllib.parse import quote

    spec = client.get("/openapi.json").json()
    for path, ops in spec["paths"].items():
        if "get" not in ops:
            continue  # POST routes are tested in test_console_and_keys.py
        op = ops["get"]
        url, query = path, {}
        for p in op.get("parameters", []):
            ex = p.get("example", (p.get("examples") or p["schema"].get("examples") or [None])[0])
            if p["in"] == "path":
                url = url.replace("{" + p["name"] + "}", quote(str(ex), safe=""))
            else:
                query[p["name"]] = ex
        resp = client.get(url, params=query)
        assert resp.status_code == 200, (url, query, resp.text[:200])

"""The HTTP API against the real Neo4j, through FastAPI's test client."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def client(loaded_plan, settings):  # type: ignore[no-untyped-def]
    from clusterkg.api.app import create_app

    with TestClient(create_app(settings)) as c:
        yield c


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
        "郑州高端装备制造产业集群", "郑汴整车及零部件产业集群"]
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


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/health", "/api/zones/shared", "/api/clusters", "/api/queries"):
        op = spec["paths"][path]["get"]
        assert op.get("description") or op.get("summary"), path


def test_queries_route_lists_the_registry(client: TestClient) -> None:
    names = [q["name"] for q in client.get("/api/queries").json()]
    assert "zones_shared" in names and names == sorted(names)

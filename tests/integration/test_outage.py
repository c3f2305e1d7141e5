"""With Neo4j unreachable the API answers at once: /health degraded, routes 503 in the JSON body."""

from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def down_client(settings):  # type: ignore[no-untyped-def]
    from clusterkg.api.app import create_app

    down = settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{_closed_port()}"})
    with TestClient(create_app(down), raise_server_exceptions=False) as c:
        yield c


def test_health_says_neo4j_is_down(down_client: TestClient) -> None:
    resp = down_client.get("/health")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "degraded" and "not reachable" in body["neo4j"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/clusters",
        "/api/zones/shared",
        "/api/search?q=郑州",
        "/api/facts/Cluster/x",
        "/api/sectors/rollup",
    ],
)
def test_routes_answer_503_with_the_json_error_body(down_client: TestClient, path: str) -> None:
    resp = down_client.get(path)
    assert resp.status_code == 503, resp.text
    assert resp.json()["error"]["code"] == "database_unavailable"


@pytest.mark.parametrize("path", ["/viz/cluster/x", "/cluster/x", "/search?q=郑州", "/"])
def test_pages_answer_503_with_a_chinese_error_page(down_client: TestClient, path: str) -> None:
    resp = down_client.get(path)
    assert resp.status_code == 503, resp.text
    assert resp.headers["content-type"].startswith("text/html")
    assert "<title>数据库暂不可用 · clusterkg</title>" in resp.text

"""Hostile input to every route: nothing changes the graph, nothing leaks a trace, no 5xx."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from clients import api_client
from fastapi.testclient import TestClient

from clusterkg.graph.export import export_graph

pytestmark = pytest.mark.integration

NASTY = [
    "' OR 1=1 //",
    '"}) DETACH DELETE n //',
    "`Cluster`) DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n",
    "${limit}",
    "\\",
    "\u0000",
    "\u202e\u200b\ufeff",
    "郑州" * 300,
    "𠀀🙂",
    "-1",
    "1e309",
    "CALL dbms.components()",
    "<script>alert(1)</script>",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
]
PATH_PARAM = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def client(loaded_plan, settings):  # type: ignore[no-untyped-def]
    with api_client(settings, raise_server_exceptions=False) as c:
        yield c


def _routes(client: TestClient) -> list[tuple[str, list[str]]]:
    spec = client.get("/openapi.json").json()
    out = []
    for path, ops in spec["paths"].items():
        if "get" in ops:
            params = [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
            out.append((path, params))
    return out


def test_every_route_survives_hostile_values_without_changing_the_graph(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    before = export_graph(driver, settings)
    tried = 0
    for path, params in _routes(client):
        for value in NASTY:
            url = PATH_PARAM.sub(lambda m, v=value: quote(v, safe=""), path)
            query = {p: value for p in params}
            resp = client.get(url, params=query)
            tried += 1
            assert resp.status_code < 500, (path, value, resp.status_code, resp.text[:200])
            if resp.status_code >= 400:
                assert "Traceback" not in resp.text and "neo4j." not in resp.text
                if resp.headers["content-type"].startswith("text/html"):  # a browser page's 404
                    assert "<script" not in resp.text.lower(), (path, value)
                else:
                    body = resp.json()
                    assert set(body) == {"error"}, (path, body)
    assert tried >= len(NASTY) * 10
    assert export_graph(driver, settings) == before


def test_named_query_runner_refuses_parameters_it_does_not_declare(client: TestClient) -> None:
    resp = client.get("/api/queries/clusters_list/rows", params={"cypher": "MATCH (n) DETACH DELETE n"})
    assert resp.status_code == 422
    assert "has no parameter 'cypher'" in resp.json()["error"]["message"]


def test_unknown_named_query_is_404(client: TestClient) -> None:
    resp = client.get("/api/queries/drop_everything/rows")
    assert resp.status_code == 404 and "drop_everything" in resp.json()["error"]["message"]


def test_only_the_console_and_keyed_admin_routes_accept_posts(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    posts = sorted(p for p, ops in spec["paths"].items() if set(ops) - {"get"})
    assert posts == ["/api/admin/load-plan", "/api/cypher"]
    assert client.post("/api/clusters", json={}).status_code == 405
    assert "access-control-allow-origin" not in client.get("/health", headers={"Origin": "http://evil.example"}).headers

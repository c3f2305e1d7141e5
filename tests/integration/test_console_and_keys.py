"""The read-only console proves each query reads before running it; write routes need the key."""

from __future__ import annotations

import pytest
from clients import api_client
from fastapi.testclient import TestClient

from clusterkg.graph.export import export_graph

pytestmark = pytest.mark.integration


def make_client(settings, **overrides):  # type: ignore[no-untyped-def]
    return api_client(settings, raise_server_exceptions=False, **overrides)


@pytest.fixture(scope="module")
def client(loaded_plan, settings):  # type: ignore[no-untyped-def]
    with make_client(settings, row_cap=50) as c:
        yield c


def test_a_read_query_runs_and_returns_rows(client: TestClient) -> None:
    resp = client.post(
        "/api/cypher",
        json={
            "query": "MATCH (c:Cluster {appendix_no: $n}) RETURN c.name AS name, c.target_yi AS t",
            "params": {"n": 8},
        },
    )
    assert resp.status_code == 200
    assert resp.json() == {
        "columns": ["name", "t"],
        "rows": [{"name": "漯河食品产业集群", "t": 2000.0}],
        "truncated": False,
    }


def test_results_stop_at_the_row_cap(client: TestClient) -> None:
    body = client.post("/api/cypher", json={"query": "MATCH (n) RETURN n.key AS k"}).json()
    assert len(body["rows"]) == 50 and body["truncated"] is True


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("MATCH (n) DETACH DELETE n", "query type 'w'"),
        ("CREATE (:Cluster {key: 'x'})", "query type 'w'"),
        ("MATCH (c:Cluster) SET c.target_yi = 0", "query type 'w'"),
        ("CREATE INDEX evil IF NOT EXISTS FOR (n:Zone) ON (n.evil)", "query type 's'"),
        ("CALL dbms.components()", "query type 's'"),
        ("CALL dbms.listConfig()", "refused"),
        ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV"),
        ("SHOW USERS", "refused"),
        ("EXPLAIN MATCH (n) RETURN n", "EXPLAIN"),
        ("MATCH (n RETURN n", "not valid Cypher"),
    ],
)
def test_writes_dbms_procedures_and_load_csv_are_refused(
    client: TestClient, driver, settings, query: str, reason: str
) -> None:  # type: ignore[no-untyped-def]
    before = export_graph(driver, settings)
    resp = client.post("/api/cypher", json={"query": query})
    assert resp.status_code == 422, resp.text
    assert reason in resp.json()["error"]["message"]
    assert export_graph(driver, settings) == before


def test_console_input_is_validated(client: TestClient) -> None:
    assert client.post("/api/cypher", json={"query": "RETURN 1", "extra": 1}).status_code == 422
    assert client.post("/api/cypher", json={"query": "x" * 6000}).status_code == 422
    assert client.post("/api/cypher", json={"query": "RETURN $p", "params": {"p": {"nested": 1}}}).status_code == 422


def test_write_routes_are_off_without_a_configured_key(client: TestClient) -> None:
    resp = client.post("/api/admin/load-plan", headers={"X-API-Key": "anything"})
    assert resp.status_code == 403 and "CLUSTERKG_API_KEY" in resp.json()["error"]["message"]


def test_write_routes_need_the_right_key(loaded_plan, settings, driver) -> None:  # type: ignore[no-untyped-def]
    from pydantic import SecretStr

    with make_client(settings, api_key=SecretStr("s3cret-key-for-tests")) as c:
        assert c.post("/api/admin/load-plan").status_code == 403
        assert c.post("/api/admin/load-plan", headers={"X-API-Key": "s3cret-key-for-test"}).status_code == 403
        before = export_graph(driver, settings)
        ok = c.post("/api/admin/load-plan", headers={"X-API-Key": "s3cret-key-for-tests"})
        assert ok.status_code == 200 and ok.json()["counts"]["Cluster"] == loaded_plan.counts["Cluster"]
        assert export_graph(driver, settings) == before  # a re-load is idempotent

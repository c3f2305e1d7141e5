"""Errors answer in the form of what was asked: pages get a Chinese HTML page, the API and files JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


def test_pages_answer_their_errors_as_chinese_html_pages(client: TestClient) -> None:
    cases = {
        "/no-such-page": (404, "没有这个页面：/no-such-page"),
        "/viz/cluster/没有的集群": (404, "没有的集群"),
        "/gaps/没有的集群": (404, "没有的集群"),
        "/viz/cluster/漯河食品产业集群?hops=9": (422, "hops"),
        "/map?level=province": (422, "level"),
    }
    for url, (status, says) in cases.items():
        resp = client.get(url)
        assert resp.status_code == status, url
        assert resp.headers["content-type"].startswith("text/html"), url
        assert says in resp.text and '<html lang="zh-CN">' in resp.text and "返回首页" in resp.text, url


def test_the_api_and_files_keep_the_json_error_body(client: TestClient) -> None:
    for url, status in {
        "/api/no-such": 404,
        "/api/clusters/没有的集群": 404,
        "/api/clusters?limit=0": 422,
        "/map.svg?metric=cluster&cluster=no-such": 404,
        "/api/clusters/没有的集群/gaps.csv": 404,
    }.items():
        resp = client.get(url)
        assert resp.status_code == status, url
        assert resp.json()["error"]["status"] == status, url


def test_the_schema_documents_page_errors_as_html_and_api_errors_as_json(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert list(paths["/viz/{label}/{key}"]["get"]["responses"]["422"]["content"]) == ["text/html"]
    assert list(paths["/api/clusters/{key}"]["get"]["responses"]["404"]["content"]) == ["application/json"]

"""Every page wears the site's one local stylesheet, its header and, below the home page, breadcrumbs."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search?q=洛阳",
        "/cluster/洛阳现代装备制造产业集群",
        "/zone/偃师市产业集聚区",
        "/city/410300",
        "/no-such-page",
    ],
)
def test_pages_link_the_local_stylesheet_and_the_site_header(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert '<link rel="stylesheet" href="/static/clusterkg.css">' in html
    assert '<header class="site"><a class="brand" href="/">clusterkg</a>' in html


def test_the_stylesheet_is_served_with_print_rules(client: TestClient) -> None:
    css = client.get("/static/clusterkg.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "@media print" in css.text and "http" not in css.text


def test_breadcrumbs_lead_from_home_through_the_sector_or_city(client: TestClient) -> None:
    cluster = client.get("/cluster/洛阳现代装备制造产业集群").text
    assert '<nav class="crumbs" aria-label="位置"><a href="/">首页</a> › <a href="/sector/' in cluster
    county = client.get("/city/410381").text
    assert '<a href="/">首页</a> › <a href="/city/410300">洛阳市</a> › 偃师' in county

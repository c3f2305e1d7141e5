"""The planners' HTML pages against the real Neo4j: overview, search, entity pages, no outside URL, escaping."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration

LUOYANG = "洛阳现代装备制造产业集群"
HREF = re.compile(r"""(?:src|href|action)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def page_links(html: str) -> set[str]:
    return set(HREF.findall(html))


def test_home_lists_the_13_sectors_and_links_every_cluster(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    sectors = [r["k"] for r in read(driver, settings, "MATCH (s:Sector) RETURN s.key AS k ORDER BY k", {})]
    clusters = [r["k"] for r in read(driver, settings, "MATCH (c:Cluster) RETURN c.key AS k", {})]
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    table = resp.text.split('<table id="sectors">')[1].split("</table>")[0]
    assert len(sectors) == 13 and table.count("<tr>") == 13 + 1
    hrefs = page_links(resp.text)
    assert {f"/sector/{quote(k, safe='')}" for k in sectors} <= hrefs
    assert {f"/cluster/{quote(k, safe='')}" for k in clusters} <= hrefs
    assert "12000 亿元（2017）" in table  # the 装备制造 goal
    assert '<form action="/search" method="get"' in resp.text and "/viz/overlaps" in hrefs and "/docs" in hrefs


def test_searching_a_cluster_name_links_to_its_page(client: TestClient) -> None:
    resp = client.get("/search", params={"q": LUOYANG})
    assert resp.status_code == 200
    first = resp.text.split('<ol id="results">')[1].split("</li>")[0]
    assert f'href="/cluster/{quote(LUOYANG, safe="")}"' in first and LUOYANG in first


def test_search_with_no_searchable_text_shows_the_form(client: TestClient) -> None:
    resp = client.get("/search", params={"q": "   "})
    assert resp.status_code == 200 and 'id="results"' not in resp.text and 'name="q"' in resp.text


@pytest.mark.parametrize(
    ("path", "neighbours", "frame"),
    [
        (
            f"/cluster/{LUOYANG}",
            [
                "/zone/偃师市产业集聚区",
                "/enterprise/中信重工",
                "/sector/装备制造",
                "/city/410300",
                "/project/中信重工高端装备制造基地",
            ],
            f"/viz/Cluster/{LUOYANG}?hops=1",
        ),
        ("/zone/偃师市产业集聚区", [f"/cluster/{LUOYANG}", "/city/410381"], "/viz/Zone/偃师市产业集聚区?hops=1"),
        (
            "/enterprise/中信重工",
            [f"/cluster/{LUOYANG}", "/project/中信重工高端装备制造基地"],
            "/viz/Enterprise/中信重工?hops=1",
        ),
        (
            "/project/中信重工高端装备制造基地",
            [f"/cluster/{LUOYANG}", "/enterprise/中信重工"],
            "/viz/Project/中信重工高端装备制造基地?hops=1",
        ),
        ("/city/410300", [f"/cluster/{LUOYANG}", "/zone/偃师市产业集聚区", "/city/410381"], "/viz/City/410300?hops=1"),
        ("/city/410381", ["/city/410300", "/zone/偃师市产业集聚区"], "/viz/County/410381?hops=1"),
        ("/sector/装备制造", [f"/cluster/{LUOYANG}"], "/viz/Sector/装备制造?hops=1"),
    ],
)
def test_entity_pages_link_their_neighbours_and_embed_the_graph(
    client: TestClient, path: str, neighbours: list[str], frame: str
) -> None:
    resp = client.get(path)
    assert resp.status_code == 200
    hrefs = page_links(resp.text)

    def enc(p: str) -> str:
        head, _, q = p.partition("?")
        parts = head.split("/")
        return "/".join(parts[:-1] + [quote(parts[-1], safe="")]) + (f"?{q}" if q else "")

    assert {enc(n) for n in neighbours} <= hrefs
    assert f'<iframe id="graph" title="关系图" src="{enc(frame)}">' in resp.text
    assert client.get(enc(frame)).status_code == 200  # the embedded graph exists


@pytest.mark.parametrize(
    "path",
    [
        "/",
        f"/search?q={LUOYANG}",
        f"/cluster/{LUOYANG}",
        "/zone/偃师市产业集聚区",
        "/enterprise/中信重工",
        "/project/中信重工高端装备制造基地",
        "/city/410300",
        "/sector/装备制造",
        "/cluster/no-such-cluster",
    ],
)
def test_pages_reference_nothing_outside_the_server(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert all(h.startswith("/") and not h.startswith("//") for h in page_links(html)), page_links(html)
    assert re.search(r"https?://", html) is None


@pytest.mark.parametrize("kind", ["cluster", "zone", "enterprise", "project", "city", "sector"])
def test_a_script_in_the_key_is_shown_escaped_on_a_404_page(client: TestClient, kind: str) -> None:
    resp = client.get(f"/{kind}/<script>alert(1)")
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert "<script>" not in resp.text and "&lt;script&gt;alert(1)" in resp.text


def test_search_terms_are_escaped(client: TestClient) -> None:
    resp = client.get("/search", params={"q": '"><script>alert(1)'})
    assert resp.status_code == 200 and "<script>" not in resp.text
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)"' in resp.text  # Jinja2 escapes the quote as &#34;


def test_home_page_shows_the_zones_that_tie_clusters_together(client) -> None:  # type: ignore[no-untyped-def]
    import re

    html = client.get("/").text
    table = html.split('id="bridging"')[1].split("</table>")[0]
    assert sorted(re.findall(r">([^<>]+产业集聚区|郑州航空港经济综合实验区)</a>", table)) == sorted(
        [
            "荥阳市产业集聚区",
            "郑州经济技术产业集聚区",
            "沈丘县产业集聚区",
            "项城市产业集聚区",
            "郑州航空港经济综合实验区",
        ]
    )
    assert "郑州市" in html.split('id="hubs"')[1].split("</table>")[0]


def test_cluster_page_links_to_its_gap_report(client) -> None:  # type: ignore[no-untyped-def]
    from urllib.parse import quote

    html = client.get("/cluster/" + quote("漯河食品产业集群")).text
    assert f'href="/gaps/{quote("漯河食品产业集群", safe="")}"' in html

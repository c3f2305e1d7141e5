"""Pages run a fixed number of queries, whatever the size of what they show.

Every response says how many queries it ran (X-Query-Count).  Each page is asked for two entities
of very different sizes; a page that starts issuing one query per row answers with two counts.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration
# (small, large) pairs of the Henan plan: few vs many zones, firms, clusters or segments
PAIRS = {
    "cluster": ("/cluster/漯河食品产业集群", "/cluster/洛阳现代装备制造产业集群"),
    "zone": ("/zone/偃师市产业集聚区", "/zone/郑州航空港经济综合实验区"),
    "city": ("/city/410381", "/city/410100"),
    "sector": ("/sector/食品", "/sector/装备制造"),
    "search": ("/search?q=偃师", "/search?q=产业"),
    "api cluster": ("/api/clusters/漯河食品产业集群", "/api/clusters/洛阳现代装备制造产业集群"),
    "gaps": ("/gaps/郑州航空港区智能终端(手机)产业集群", "/gaps/洛阳现代装备制造产业集群"),
    "gaps.csv": ("/api/clusters/漯河食品产业集群/gaps.csv", "/api/clusters/洛阳现代装备制造产业集群/gaps.csv"),
}


def count(client: TestClient, url: str) -> int:
    resp = client.get(url)
    assert resp.status_code == 200, url
    return int(resp.headers["X-Query-Count"])


@pytest.mark.parametrize("page", sorted(PAIRS))
def test_a_page_runs_as_many_queries_for_a_large_entity_as_for_a_small_one(client: TestClient, page: str) -> None:
    small, large = PAIRS[page]
    assert count(client, small) == count(client, large) >= 1


def test_the_home_page_runs_a_handful_of_queries(client: TestClient) -> None:
    assert count(client, "/") <= 8
    assert count(client, "/api/clusters?limit=1") == 1

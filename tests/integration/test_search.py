"""Search as a new user tried it: clusters and places before firms, bracketed and shortened names,
places and their pinyin, counts per kind, and registry firms apart from the plan's."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration
PHONES = "郑州航空港区智能终端(手机)产业集群"
CHANGYUAN = "新(乡)长(垣)高端装备产业集群"
HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"


@pytest.fixture(scope="module")
def with_registry(loaded_plan, driver, settings, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.load_firms import load_firms

    path = tmp_path_factory.mktemp("search") / "firms.csv"
    rows = [f"郑州智能终端配件{i}厂有限公司,{make_uscc(f'91410100MA{i:07d}')},,,,手机,{i},否\n" for i in range(1, 31)]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    assert load_firms(driver, settings, path).counts["Enterprise"] == 30
    return path


def first_of(client: TestClient, q: str) -> tuple[str, str]:
    hit = client.get("/api/search", params={"q": q, "limit": 5}).json()[0]
    return hit["label"], hit["key"]


def test_a_cluster_ranks_above_thirty_registry_firms_matching_as_well(client: TestClient, with_registry: Path) -> None:
    assert first_of(client, "智能终端") == ("Cluster", PHONES)
    assert first_of(client, "手机") == ("Cluster", PHONES)  # the word in its brackets
    assert first_of(client, "港区") == ("Cluster", PHONES)
    hits = client.get("/api/search", params={"q": "智能终端", "limit": 100}).json()
    firms = [h for h in hits if h["label"] == "Enterprise"]
    assert len(firms) == 30 and all(h["registry"] for h in firms)
    assert [h["label"] for h in hits].index("Enterprise") > [h["label"] for h in hits].index("Cluster")


def test_a_bracketed_name_is_found_by_its_places_their_pinyin_and_initials(client: TestClient) -> None:
    for q in ("长垣", "changyuan", "cy", "新乡长垣", "新长高端装备"):
        keys = [h["key"] for h in client.get("/api/search", params={"q": q, "label": "Cluster"}).json()]
        assert keys[:1] == [CHANGYUAN], (q, keys[:3])  # first among the clusters


def test_the_page_groups_hits_by_kind_with_counts_and_links_to_each_kind(
    client: TestClient, with_registry: Path
) -> None:
    view = client.get("/api/search/groups", params={"q": "智能终端"}).json()
    kinds = [g["kind"] for g in view["groups"]]
    assert kinds[0] == "Cluster" and kinds[-1] == "Registry"
    registry = view["groups"][-1]
    assert registry["total"] == 30 and len(registry["hits"]) == 10 and registry["kind_zh"] == "企业名录"
    assert registry["more"] == "/search?q=%E6%99%BA%E8%83%BD%E7%BB%88%E7%AB%AF&kind=Registry"
    one = client.get("/api/search/groups", params={"q": "智能终端", "kind": "Registry"}).json()
    assert [g["kind"] for g in one["groups"]] == ["Registry"] and len(one["groups"][0]["hits"]) == 30
    html = client.get("/search", params={"q": "智能终端"}).text
    # 智能 also matches 中原电气谷智能电网装备产业集群: two clusters, the phone cluster first
    assert "产业集群（2）" in html and "企业名录（30）" in html and "龙头企业" not in html

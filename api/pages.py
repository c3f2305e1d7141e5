"""Server-rendered pages in Chinese for planners: one page per cluster, enterprise, project, city and sector.

Each page has a view function (``cluster_view`` …) that runs named queries only and returns the mapping its
template in api/templates/ (``cluster.html.j2`` …) renders; Jinja2 escapes every plan string, and keys in
links go through :func:`href`. Pages reference nothing outside this server: the embedded graph is the
app's own /viz page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypedDict
from urllib.parse import quote

from fastapi import APIRouter, Path, Response
from fastapi.responses import HTMLResponse
from neo4j import Driver

from clusterkg.graph.model import Label
from clusterkg.graph.render import LABEL_ZH
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import cluster_maps, templates
from .provenance import sources

# Declared so the OpenAPI schema (and a schema fuzzer) knows a missing entity is an HTML page, not the JSON body.
router = APIRouter(
    tags=["pages"],
    responses={404: {"description": "no such entity: an HTML page saying so", "content": {"text/html": {}}}},
)

# Pages answer their errors as HTML pages too (api/errors.py); the OpenAPI schema says so (api/openapi.py).
HTML_PAGE: dict[int | str, dict[str, Any]] = {200: {"description": "an HTML page", "content": {"text/html": {}}}}


def page_key(example: str) -> Any:
    """The key path parameter, with an example that has a page (the API tests request every example)."""
    return Path(min_length=1, max_length=200, description="the node's key", examples=[example])


#: Where each label's page lives, and how a label reads in Chinese.
PAGE_OF = {
    "Cluster": "cluster",
    "Zone": "zone",
    "Enterprise": "enterprise",
    "City": "city",
    "County": "city",
    "Project": "project",
    "Sector": "sector",
    "Chain": "chain",
    "ChainSegment": "segment",
}

# Page-specific rules only: the site's look is /static/clusterkg.css, linked by every page.
CSS = ""


def href(label: str, key: str) -> str:
    """The page of a node; the key is percent-encoded so no plan text ends up as markup or a path
    (a segment's key, chain/segment, keeps its slash: the segment route takes a path)."""
    safe = "/" if label == "ChainSegment" else ""
    return f"/{PAGE_OF.get(label, label.lower())}/{quote(str(key), safe=safe)}"


HOME = {"href": "/", "name": "首页"}


def render(template: str, view: Mapping[str, Any], status: int = 200) -> HTMLResponse:
    """A page from its template in api/templates/ and the mapping its view function built."""
    html = templates().get_template(template).render(css=CSS, href=href, **view)
    return HTMLResponse(html, status_code=status)


def not_found(message: str) -> HTMLResponse:
    return render("not_found.html.j2", {"title": "未找到", "message": message}, status=404)


@dataclass(frozen=True)
class Fact:
    """One row of a page's facts table: its name, its value as text, and the page the value links to, if any."""

    name: str
    text: str
    href: str | None = None


Row = dict[str, Any]
Crumb = dict[str, str]


class ClusterView(TypedDict):
    """cluster.html.j2's context: the ``cluster_detail`` row, its gap rows (counts only) and timeline."""

    title: str
    crumbs: list[Crumb]
    c: Row
    facts: list[Fact]
    gaps: list[Row]
    gaps_href: str
    chain_href: str
    timeline: Row | None
    timeline_diff_href: str | None
    sources: list[Row]
    graph: str


class EnterpriseView(TypedDict):
    """enterprise.html.j2's context: the ``enterprise_detail`` row, its registry facts, its clusters by size."""

    title: str
    e: Row
    facts: list[Fact]
    clusters: list[Mapping[str, Any]]
    graph: str


class ProjectView(TypedDict):
    """project.html.j2's context: the ``project_detail`` row, its clusters by size, its sources."""

    title: str
    p: Row
    clusters: list[Mapping[str, Any]]
    sources: list[Row]
    graph: str


class CityView(TypedDict):
    """city.html.j2's context: the ``city_detail`` row (a City or a County), its facts, its clusters by size."""

    title: str
    crumbs: list[Crumb]
    c: Row
    facts: list[Fact]
    clusters: list[Mapping[str, Any]]
    graph: str


class SectorView(TypedDict):
    """sector.html.j2's context: the ``sector_rollup`` row, its facts, its clusters by size."""

    title: str
    s: Row
    facts: list[Fact]
    clusters: list[Mapping[str, Any]]
    graph: str


def _text(value: object) -> str:
    """A value as a table cell's text; None reads as an empty cell."""
    return "" if value is None else str(value)


def _ref_fact(name: str, label: str, ref: Mapping[str, Any] | None) -> Fact:
    if not ref:
        return Fact(name, "")
    return Fact(name, str(ref.get("name") or ref["key"]), href(label, str(ref["key"])))


def viz_src(label: str, key: str) -> str:
    """The embedded graph of a node: this server's own /viz page, one hop around it."""
    return f"/viz/{label}/{quote(key, safe='')}?hops=1"


def _detail(driver: Driver, settings: Settings, registry: QueryRegistry, name: str, key: str) -> dict[str, Any] | None:
    rows = run_named(driver, settings, name, {"key": key, "limit": 1}, registry=registry)
    return rows[0] if rows else None


def _goal(sector: Mapping[str, Any]) -> str:
    return "" if sector.get("goal_yi") is None else f"{sector['goal_yi']:g} 亿元（{sector['goal_year']}）"


def _target(row: Mapping[str, Any]) -> str:
    return "" if row.get("target_yi") is None else f"{row['target_yi']:g} 亿元"


def level_size(level: str | None) -> float:
    """The size a level names in 亿元 (千亿级 → 1000, 500亿级 → 500), 0 for none, to order levels by.

    >>> sorted(["百亿级", "500亿级", "千亿级", "200亿级", "300亿级", "400亿级"], key=level_size, reverse=True)
    ['千亿级', '500亿级', '400亿级', '300亿级', '200亿级', '百亿级']
    """
    m = _SIZE.search(level or "")
    if not m:
        return 0.0
    return float(m.group(1) or 1) * _UNIT[m.group(2)]


_SIZE = re.compile(r"(\d+(?:\.\d+)?)?(万亿|千亿|百亿|亿)")
_UNIT = {"万亿": 10000.0, "千亿": 1000.0, "百亿": 100.0, "亿": 1.0}


def plan_year(clusters: Iterable[Mapping[str, Any]]) -> int:
    """The target year most of the clusters state (2017 when none does): the year their targets are summed for.

    >>> plan_year([{"target_year": 2017}, {"target_year": 2020}, {"target_year": 2020}, {}])
    2020
    """
    years = Counter(int(c["target_year"]) for c in clusters if c.get("target_year"))
    return years.most_common(1)[0][0] if years else 2017


def by_size(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Clusters largest first: by level, then target, then name."""
    return sorted(rows, key=lambda r: (-level_size(r.get("level")), -(r.get("target_yi") or 0.0), str(r.get("key"))))


def all_rows(
    driver: Driver, settings: Settings, registry: QueryRegistry, name: str, *, paged: bool = True, **params: Any
) -> list[dict[str, Any]]:
    """Every row of a named query, page after page by its key (``paged=False``: one call, its cap)."""
    if not paged:
        rows: list[dict[str, Any]] = run_named(driver, settings, name, {**params, "limit": 1000}, registry=registry)
        return rows
    out: list[dict[str, Any]] = []
    after = ""
    while True:
        rows = run_named(driver, settings, name, {**params, "after": after, "limit": 1000}, registry=registry)
        out += rows
        if len(rows) < 1000:
            return out
        after = rows[-1]["key"]


def cluster_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> ClusterView | None:
    """What a cluster's page shows (None: no such cluster): its facts, neighbours, gap counts, timeline, sources."""
    c = _detail(driver, settings, registry, "cluster_detail", key)
    if c is None:
        return None
    sector = c["sector"]
    target = _target(c) + (f"（{c['target_year']}）" if c["target_year"] else "")
    # The gaps' counts only, for the heat maps of its 缺链/弱链 segments (firm lists are the gap page's).
    gaps = run_named(
        driver, settings, "cluster_gaps", {"key": c["key"], "firm_limit": 0, "limit": 2000}, registry=registry
    )
    # Imported here: that module builds on this one.
    from .routes_documents import cluster_timeline

    timeline = cluster_timeline(driver, settings, registry, c["key"])
    docs = timeline["documents"] if timeline else []
    path = quote(c["key"], safe="")
    return {
        "title": c["name"],
        "crumbs": [HOME] + ([{"href": href("Sector", sector["key"]), "name": sector["key"]}] if sector else []),
        "c": c,
        "facts": [
            Fact("级别", _text(c["level"])),
            Fact("目标", target),
            _ref_fact("产业领域", "Sector", sector),
            Fact("附表序号", _text(c["appendix_no"])),
        ],
        "gaps": gaps,
        "gaps_href": f"/gaps/{path}",
        "chain_href": f"/cluster/{path}/chain",
        "timeline": timeline,
        "timeline_diff_href": (
            f"/diff?from={quote(docs[-2]['doc'], safe='')}&to={quote(docs[-1]['doc'], safe='')}"
            if len(docs) > 1
            else None
        ),
        "sources": sources(driver, settings, Label.CLUSTER, c["key"]),
        "graph": viz_src("Cluster", c["key"]),
    }


@router.get("/cluster/{key}", response_class=Response, responses=HTML_PAGE)
def cluster_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: Annotated[str, page_key("洛阳现代装备制造产业集群")],
) -> HTMLResponse:
    """One cluster: level, target, sector, places, zones, anchor firms, projects, linked clusters, graph."""
    view = cluster_view(driver, settings, registry, key)
    if view is None:
        return not_found(f"没有键为 {key} 的产业集群")
    return render("cluster.html.j2", {**view, "maps": cluster_maps(view["c"], view["gaps"])})


MISSING = "—"


def _or_dash(value: object, unit: str = "") -> str:
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    if isinstance(value, float):
        return f"{value:,.1f}{unit}"
    return f"{value}{unit}"


def registry_facts(e: Mapping[str, Any]) -> list[Fact]:
    """The registry's columns of one firm, a dash for each the registry did not give."""
    return [
        Fact("统一社会信用代码", _or_dash(e.get("uscc"))),
        Fact("法定代表人", _or_dash(e.get("legal_rep"))),
        Fact("成立日期", _or_dash(e.get("founded"))),
        Fact("地址", _or_dash(e.get("address"))),
        Fact("联系人", _or_dash(e.get("contact"))),
        Fact("联系电话", _or_dash(e.get("phone"))),
        Fact("从业人员", _or_dash(e.get("employees"), " 人")),
        Fact("营业收入", _or_dash(e.get("revenue_wan"), " 万元")),
        Fact("主营产品", _or_dash(e.get("products"))),
        Fact("行业代码", _or_dash(e.get("industry_code"))),
        Fact("是否链主", _or_dash(e.get("chain_leader"))),
    ]


def enterprise_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> EnterpriseView | None:
    """What a firm's page shows (None: no such firm): its registry columns and its neighbours."""
    e = _detail(driver, settings, registry, "enterprise_detail", key)
    if e is None:
        return None
    return {
        "title": e["name"],
        "e": e,
        "facts": registry_facts(e),
        "clusters": by_size(e["clusters"]),
        "graph": viz_src("Enterprise", e["key"]),
    }


@router.get("/enterprise/{key}", response_class=Response, responses=HTML_PAGE)
def enterprise_page(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: Annotated[str, page_key("中信重工")]
) -> HTMLResponse:
    """One enterprise: its registry columns, the clusters it anchors, its projects, zones and places, graph."""
    view = enterprise_view(driver, settings, registry, key)
    if view is None:
        return not_found(f"没有键为 {key} 的企业")
    return render("enterprise.html.j2", view)


def project_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> ProjectView | None:
    """What a project's page shows (None: no such project): its clusters, firms, zones and sources."""
    p = _detail(driver, settings, registry, "project_detail", key)
    if p is None:
        return None
    return {
        "title": p["name"],
        "p": p,
        "clusters": by_size(p["clusters"]),
        "sources": sources(driver, settings, Label.PROJECT, p["key"]),
        "graph": viz_src("Project", p["key"]),
    }


@router.get("/project/{key}", response_class=Response, responses=HTML_PAGE)
def project_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: Annotated[str, page_key("中信重工高端装备制造基地")],
) -> HTMLResponse:
    """One project: the clusters it supports, the firm running it, its zone, graph."""
    view = project_view(driver, settings, registry, key)
    if view is None:
        return not_found(f"没有键为 {key} 的项目")
    return render("project.html.j2", view)


def city_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> CityView | None:
    """What a city's or county's page shows (None: no such 6-digit code): parent, counties, clusters, zones."""
    c = _detail(driver, settings, registry, "city_detail", key) if key.isdigit() and len(key) == 6 else None
    if c is None:
        return None
    parent = c["parent"]
    return {
        "title": c["name"],
        "crumbs": [HOME, *([{"href": href("City", parent["key"]), "name": parent["name"]}] if parent else [])],
        "c": c,
        "facts": [
            Fact("类别", LABEL_ZH.get(c["label"], c["label"])),
            Fact("代码", _text(c["key"])),
            _ref_fact("所属省辖市", "City", parent),
        ],
        "clusters": by_size(c["clusters"]),
        "graph": viz_src(c["label"], c["key"]),
    }


@router.get("/city/{key}", response_class=Response, responses=HTML_PAGE)
def city_page(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: Annotated[str, page_key("410300")]
) -> HTMLResponse:
    """One city or county by its 6-digit code: parent, counties, clusters and zones located there, graph."""
    view = city_view(driver, settings, registry, key)
    if view is None:
        return not_found(f"没有代码为 {key} 的省辖市或县（市、区）")
    return render("city.html.j2", view)


def sector_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> SectorView | None:
    """What a sector's page shows (None: no such sector): its goal, its clusters' targets against it, counts."""
    clusters = all_rows(driver, settings, registry, "clusters_list", level="", sector=key)
    year = plan_year(clusters)
    found = run_named(driver, settings, "sector_rollup", {"year": year, "only": key, "limit": 1}, registry=registry)
    if not found:
        return None
    s = found[0]
    share = "—（规划未定领域目标）" if s["attainment"] is None else f"{s['attainment']:.0%}（分解覆盖度，不是完成率）"
    return {
        "title": s["name"],
        "s": s,
        "facts": [
            Fact("目标", _goal(s) or "规划未定目标"),
            Fact(f"集群目标合计（{year}）", f"{s['target_sum_yi']:g} 亿元"),
            Fact("集群目标合计 ÷ 领域目标", share),
            Fact("产业集聚区", _text(s["zone_count"])),
            Fact("龙头企业", _text(s["firm_count"])),
            Fact("重大项目", _text(s["project_count"])),
        ],
        "clusters": by_size(clusters),
        "graph": viz_src("Sector", s["key"]),
    }


@router.get("/sector/{key}", response_class=Response, responses=HTML_PAGE)
def sector_page(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: Annotated[str, page_key("装备制造")]
) -> HTMLResponse:
    """One sector: its goal, its clusters against the goal, neighbour counts, graph."""
    view = sector_view(driver, settings, registry, key)
    if view is None:
        return not_found(f"没有名为 {key} 的产业领域")
    return render("sector.html.j2", view)

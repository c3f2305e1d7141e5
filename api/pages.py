"""Server-rendered pages in Chinese for planners: the province at a glance, search, one page per entity.

Every string that comes from the plan goes through :func:`esc`; keys in links through :func:`href`.
Pages reference nothing outside this server: the embedded graph is the app's own /viz page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from html import escape
from typing import Annotated, Any
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
from .map_embed import cluster_maps

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


def esc(value: object) -> str:
    """Plan text as HTML text or attribute value; None reads as an empty cell."""
    return "" if value is None else escape(str(value), quote=True)


def href(label: str, key: str) -> str:
    """The page of a node; the key is percent-encoded so no plan text ends up as markup or a path
    (a segment's key, chain/segment, keeps its slash: the segment route takes a path)."""
    safe = "/" if label == "ChainSegment" else ""
    return f"/{PAGE_OF.get(label, label.lower())}/{quote(str(key), safe=safe)}"


def link(label: str, ref: Mapping[str, Any]) -> str:
    return f'<a href="{esc(href(label, ref["key"]))}">{esc(ref.get("name") or ref["key"])}</a>'


def links(label: str, refs: Iterable[Mapping[str, Any]]) -> str:
    items = [f"<li>{link(label, r)}</li>" for r in refs]
    return f"<ul>{''.join(items)}</ul>" if items else "<p>（无）</p>"


def search_form(q: str = "") -> str:
    return (
        f'<form action="/search" method="get" role="search"><input type="search" name="q" id="q" '
        f'value="{esc(q)}" maxlength="100" placeholder="名称、拼音或首字母，如 洛阳、luoyang、ly">'
        '<button type="submit" id="search-submit">搜索</button></form>'
    )


HOME = {"href": "/", "name": "首页"}


def page(title: str, body: str, status: int = 200, crumbs: Iterable[Mapping[str, str]] = ()) -> HTMLResponse:
    """A page in the site's layout (base.html.j2) around ``body``, HTML this module built and escaped."""
    from markupsafe import Markup as Safe

    from .map_embed import templates

    html = templates().get_template("page.html.j2").render(title=title, css=CSS, body=Safe(body), crumbs=list(crumbs))
    return HTMLResponse(html, status_code=status)


def not_found(message: str) -> HTMLResponse:
    return page("未找到", f"<p>{esc(message)}</p>{search_form()}", status=404)


def sources_html(driver: Driver, settings: Settings, label: Label, key: str) -> str:
    """The 出处 section: each stated fact beside the plan's own sentence."""
    from .map_embed import templates
    from .provenance import sources

    return templates().get_template("sources.html.j2").render(rows=sources(driver, settings, label, key))


def graph_frame(label: str, key: str) -> str:
    src = f"/viz/{label}/{quote(key, safe='')}?hops=1"
    return (
        f'<h2>关系图（一跳）</h2><iframe id="graph" title="关系图" src="{esc(src)}"></iframe>'
        f'<p><a href="{esc(src)}">单独打开关系图</a></p>'
    )


class Markup(str):
    """HTML this module built itself, already escaped."""


def facts(rows: list[tuple[str, object]]) -> str:
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{v if isinstance(v, Markup) else esc(v)}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


def _detail(driver: Driver, settings: Settings, registry: QueryRegistry, name: str, key: str) -> dict[str, Any] | None:
    rows = run_named(driver, settings, name, {"key": key, "limit": 1}, registry=registry)
    return rows[0] if rows else None


def _goal(sector: Mapping[str, Any]) -> str:
    return "" if sector.get("goal_yi") is None else f"{sector['goal_yi']:g} 亿元（{sector['goal_year']}）"


def _target(row: Mapping[str, Any]) -> str:
    return "" if row.get("target_yi") is None else f"{row['target_yi']:g} 亿元"


def _places(refs: Iterable[Mapping[str, Any]]) -> str:
    """The 所在地 section: each city or county linked to its page."""
    return "<h2>所在地</h2>" + "".join(f"<p>{link(p['label'], p)}</p>" for p in refs)


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


def _clusters_table(rows: Iterable[Mapping[str, Any]]) -> str:
    rows = by_size(rows)
    body = "".join(
        f"<tr><td>{link('Cluster', r)}</td><td>{esc(r.get('level'))}</td><td>{esc(_target(r))}</td>"
        f"<td>{link('Sector', {'key': r['sector']}) if r.get('sector') else ''}</td></tr>"
        for r in rows
    )
    return (
        f"<table><tr><th>集群</th><th>级别</th><th>目标</th><th>领域</th></tr>{body}</table>"
        if body
        else "<p>（无）</p>"
    )


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


@router.get("/cluster/{key}", response_class=Response, responses=HTML_PAGE)
def cluster_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: Annotated[str, page_key("洛阳现代装备制造产业集群")],
) -> HTMLResponse:
    """One cluster: level, target, sector, places, zones, anchor firms, projects, linked clusters, graph."""
    c = _detail(driver, settings, registry, "cluster_detail", key)
    if c is None:
        return not_found(f"没有键为 {key} 的产业集群")
    sector = c["sector"]
    body = facts(
        [
            ("级别", c["level"]),
            ("目标", _target(c) + (f"（{c['target_year']}）" if c["target_year"] else "")),
            ("产业领域", Markup(link("Sector", sector)) if sector else ""),
            ("附表序号", c["appendix_no"]),
        ]
    )
    body += _places(c["places"])
    body += "<h2>产业集聚区</h2>" + links("Zone", c["zones"]) + "<h2>龙头企业</h2>" + links("Enterprise", c["firms"])
    body += "<h2>重大项目</h2>" + links("Project", c["projects"])
    body += f'<p><a href="/gaps/{quote(c["key"], safe="")}">产业链缺口与招商指导目录</a> · <a href="/cluster/{quote(c["key"], safe="")}/chain">上中下游产业链图</a></p>'
    if c["linked"]:
        body += "<h2>关联集群</h2>" + links("Cluster", c["linked"])
    # The gaps' counts only, for the heat maps of its 缺链/弱链 segments (firm lists are the gap page's).
    gaps = run_named(
        driver, settings, "cluster_gaps", {"key": c["key"], "firm_limit": 0, "limit": 2000}, registry=registry
    )
    body += cluster_maps(c, gaps)

    # Imported here: that module builds on this one.
    from .routes_documents import timeline_html

    body += timeline_html(driver, settings, registry, c["key"])
    body += sources_html(driver, settings, Label.CLUSTER, c["key"])
    crumbs = [HOME] + ([{"href": href("Sector", sector["key"]), "name": sector["key"]}] if sector else [])
    return page(c["name"], body + graph_frame("Cluster", c["key"]), crumbs=crumbs)


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


def registry_facts(e: Mapping[str, Any]) -> str:
    """The registry's columns of one firm as a table, a dash for each the registry did not give."""
    rows: list[tuple[str, object]] = [
        ("统一社会信用代码", _or_dash(e.get("uscc"))),
        ("法定代表人", _or_dash(e.get("legal_rep"))),
        ("成立日期", _or_dash(e.get("founded"))),
        ("地址", _or_dash(e.get("address"))),
        ("联系人", _or_dash(e.get("contact"))),
        ("联系电话", _or_dash(e.get("phone"))),
        ("从业人员", _or_dash(e.get("employees"), " 人")),
        ("营业收入", _or_dash(e.get("revenue_wan"), " 万元")),
        ("主营产品", _or_dash(e.get("products"))),
        ("行业代码", _or_dash(e.get("industry_code"))),
        ("是否链主", _or_dash(e.get("chain_leader"))),
    ]
    note = '<p class="sample">示例数据：本企业由样例生成器生成，并非真实企业。</p>' if e.get("sample") else ""
    return note + facts(rows).replace("<table>", '<table id="registry">', 1)


@router.get("/enterprise/{key}", response_class=Response, responses=HTML_PAGE)
def enterprise_page(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: Annotated[str, page_key("中信重工")]
) -> HTMLResponse:
    """One enterprise: its registry columns, the clusters it anchors, its projects, zones and places, graph."""
    e = _detail(driver, settings, registry, "enterprise_detail", key)
    if e is None:
        return not_found(f"没有键为 {key} 的企业")
    body = "<h2>企业信息</h2>" + registry_facts(e)
    body += "<h2>带动的产业集群</h2>" + _clusters_table(e["clusters"])
    body += "<h2>项目</h2>" + links("Project", e["projects"]) + "<h2>产业集聚区</h2>" + links("Zone", e["zones"])
    if e["places"]:
        body += _places(e["places"])
    return page(e["name"], body + graph_frame("Enterprise", e["key"]))


@router.get("/project/{key}", response_class=Response, responses=HTML_PAGE)
def project_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: Annotated[str, page_key("中信重工高端装备制造基地")],
) -> HTMLResponse:
    """One project: the clusters it supports, the firm running it, its zone, graph."""
    p = _detail(driver, settings, registry, "project_detail", key)
    if p is None:
        return not_found(f"没有键为 {key} 的项目")
    body = "<h2>支撑的产业集群</h2>" + _clusters_table(p["clusters"])
    body += "<h2>承担企业</h2>" + links("Enterprise", p["firms"]) + "<h2>产业集聚区</h2>" + links("Zone", p["zones"])
    body += sources_html(driver, settings, Label.PROJECT, p["key"])
    return page(p["name"], body + graph_frame("Project", p["key"]))


@router.get("/city/{key}", response_class=Response, responses=HTML_PAGE)
def city_page(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: Annotated[str, page_key("410300")]
) -> HTMLResponse:
    """One city or county by its 6-digit code: parent, counties, clusters and zones located there, graph."""
    c = _detail(driver, settings, registry, "city_detail", key) if key.isdigit() and len(key) == 6 else None
    if c is None:
        return not_found(f"没有代码为 {key} 的省辖市或县（市、区）")
    body = facts(
        [
            ("类别", LABEL_ZH.get(c["label"], c["label"])),
            ("代码", c["key"]),
            ("所属省辖市", Markup(link("City", c["parent"])) if c["parent"] else ""),
        ]
    )
    if c["label"] == "County":  # the key is six digits (checked above)
        body += f'<p><a href="/county/{c["key"]}" id="county-dashboard">产业看板：环节企业、排名与图表</a></p>'
    body += "<h2>产业集群</h2>" + _clusters_table(c["clusters"]) + "<h2>产业集聚区</h2>" + links("Zone", c["zones"])
    if c["counties"]:
        body += "<h2>下辖县（市、区）</h2>" + links("County", c["counties"]).replace("<ul>", '<ul class="cols">', 1)
    parent = [{"href": href("City", c["parent"]["key"]), "name": c["parent"]["name"]}] if c["parent"] else []
    return page(c["name"], body + graph_frame(c["label"], c["key"]), crumbs=[HOME, *parent])


@router.get("/sector/{key}", response_class=Response, responses=HTML_PAGE)
def sector_page(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: Annotated[str, page_key("装备制造")]
) -> HTMLResponse:
    """One sector: its goal, its clusters against the goal, neighbour counts, graph."""
    clusters = all_rows(driver, settings, registry, "clusters_list", level="", sector=key)
    year = plan_year(clusters)
    found = run_named(driver, settings, "sector_rollup", {"year": year, "only": key, "limit": 1}, registry=registry)
    if not found:
        return not_found(f"没有名为 {key} 的产业领域")
    s = found[0]
    body = facts(
        [
            ("目标", _goal(s) or "规划未定目标"),
            (f"集群目标合计（{year}）", f"{s['target_sum_yi']:g} 亿元"),
            (
                "集群目标合计 ÷ 领域目标",
                "—（规划未定领域目标）"
                if s["attainment"] is None
                else f"{s['attainment']:.0%}（分解覆盖度，不是完成率）",
            ),
            ("产业集聚区", s["zone_count"]),
            ("龙头企业", s["firm_count"]),
            ("重大项目", s["project_count"]),
        ]
    )
    body += f"<h2>产业集群（{len(clusters)} 个）</h2>" + _clusters_table(clusters)
    return page(s["name"], body + graph_frame("Sector", s["key"]))

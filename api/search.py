"""Search as people use it: one box, results grouped by kind with counts, clusters and places before firms.

:func:`search_view` runs two named queries (the ranked hits, the counts per kind) whatever the text;
``/search`` renders it with ``search.html.j2`` and ``/api/search/groups`` returns it as JSON.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Response
from fastapi.responses import HTMLResponse
from neo4j import Driver
from pydantic import BaseModel, Field

from clusterkg.graph.search_text import lucene_query
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings
from clusterkg.text import normalise_name

from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import templates
from .pages import CSS, HTML_PAGE, PAGE_OF, href

router = APIRouter()

# The kinds in the order results are ranked (queries/search.cypher), with their Chinese names.
KINDS: tuple[tuple[str, str], ...] = (
    ("Cluster", "产业集群"),
    ("City", "省辖市"),
    ("County", "县（市、区）"),
    ("Zone", "产业集聚区"),
    ("Sector", "产业领域"),
    ("Chain", "产业链"),
    ("ChainSegment", "产业链环节"),
    ("Project", "项目"),
    ("Enterprise", "规划企业"),
    ("Registry", "企业名录"),
)
KIND_ZH = dict(KINDS)
GROUP_SIZE = 10
PAGE_SIZE = 50
KindQuery = Annotated[
    str, Query(max_length=20, pattern="^(|" + "|".join(k for k, _ in KINDS) + ")$", description="only this kind")
]


class Hit(BaseModel):
    key: str
    name: str
    href: str | None = Field(description="the page of the hit; None for a kind without pages")
    aliases: list[str]


class Group(BaseModel):
    kind: str = Field(description="a label, or Registry for the firm registry's firms")
    kind_zh: str
    total: int = Field(description="matches of this kind among the best-scoring ones")
    hits: list[Hit]
    more: str | None = Field(description="the page listing every hit of this kind; None when all are shown")


class SearchView(BaseModel):
    q: str
    kind: str = Field(description="the one kind listed, or empty for every kind grouped")
    page: int
    pages: int
    groups: list[Group]


def _kind(row: dict[str, Any]) -> str:
    return "Registry" if row["label"] == "Enterprise" and row.get("registry") else str(row["label"])


def _hit(row: dict[str, Any]) -> Hit:
    label = str(row["label"])
    return Hit(
        key=str(row["key"]),
        name=str(row["name"] or row["key"]),
        href=href(label, str(row["key"])) if label in PAGE_OF else None,
        aliases=list(row.get("aliases") or []),
    )


def search_view(
    driver: Driver, settings: Settings, registry: QueryRegistry, q: str, kind: str = "", page: int = 1
) -> SearchView:
    """Every kind's best hits with its count, or one kind page by page."""
    lucene = lucene_query(q) if q.strip() else ""
    if not lucene:
        return SearchView(q=q, kind=kind, page=1, pages=1, groups=[])
    counts: dict[str, int] = {}
    for r in run_named(driver, settings, "search_counts", {"lucene": lucene}, registry=registry):
        counts[_kind(r)] = counts.get(_kind(r), 0) + int(r["n"])
    label = "Enterprise" if kind == "Registry" else kind
    size = PAGE_SIZE if kind else 200
    skip = (page - 1) * size if kind else 0  # the grouped view is one page
    params = {"q": normalise_name(q), "lucene": lucene, "label": label, "skip": skip, "limit": size}
    rows = run_named(driver, settings, "search", params, registry=registry)
    by_kind: dict[str, list[Hit]] = {}
    for r in rows:
        if not kind or _kind(r) == kind:
            by_kind.setdefault(_kind(r), []).append(_hit(r))
    groups = []
    for k, zh in KINDS:
        if not counts.get(k) or (kind and k != kind):
            continue
        hits = by_kind.get(k, [])
        shown = hits if kind else hits[:GROUP_SIZE]
        more = None if kind or counts[k] <= len(shown) else "/search?" + urlencode({"q": q, "kind": k})
        groups.append(Group(kind=k, kind_zh=zh, total=counts[k], hits=shown, more=more))
    pages = max(1, -(-counts.get(kind, 0) // PAGE_SIZE)) if kind else 1
    return SearchView(q=q, kind=kind, page=page, pages=pages, groups=groups)


Text = Annotated[str, Query(max_length=100, description="a name, alias, place, pinyin or initials", examples=["洛阳"])]
PageNo = Annotated[int, Query(ge=1, le=400, description="page of one kind's hits, from 1")]


@router.get("/api/search/groups", response_model=SearchView, tags=["search"])
def search_groups(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, q: Text, kind: KindQuery = "", page: PageNo = 1
) -> SearchView:
    """Search results grouped by kind with counts (clusters, places and zones before firms), or one kind paged."""
    return search_view(driver, settings, registry, q, kind, page)


@router.get("/search", response_class=Response, responses=HTML_PAGE, tags=["pages"])
def search_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    q: Text = "",
    kind: KindQuery = "",
    page: PageNo = 1,
) -> HTMLResponse:
    """Search results grouped by kind, each with its count and a link to all of its kind."""
    view = search_view(driver, settings, registry, q, kind, page)
    title = f"搜索：{q}" if q.strip() else "搜索"

    def url(**change: Any) -> str:
        return "/search?" + urlencode({"q": q, "kind": kind, "page": page, **change})

    html = templates().get_template("search.html.j2").render(title=title, css=CSS, v=view, kind_zh=KIND_ZH, url=url)
    return HTMLResponse(html)

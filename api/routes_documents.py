"""Documents over time: which documents are loaded, what changed between two, a cluster's timeline."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import HTMLResponse
from neo4j import Driver
from pydantic import BaseModel, ConfigDict, Field

from clusterkg.errors import NotFoundError
from clusterkg.graph.diff import KINDS, diff_documents, timeline
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .deps import DriverDep, RegistryDep, SettingsDep
from .pages import HTML_PAGE, esc, link, page

router = APIRouter()

EXAMPLE_DOC = "henan-2015-baiqianwan-clusters"
DocKey = Annotated[
    str,
    Query(min_length=1, max_length=200, description="a document's key (see /api/documents)", examples=[EXAMPLE_DOC]),
]


class DocumentOut(BaseModel):
    key: str
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    province: str | None = None
    province_code: str | None = None
    file: str | None = None
    sha256: str | None = None
    clusters: int = Field(description="clusters the document states")
    zones: int
    firms: int
    projects: int
    statements: int = Field(description="provenance edges: one per quoted span")


class DocumentsOut(BaseModel):
    items: list[DocumentOut]
    total: int


class Changed(BaseModel):
    key: str
    fields: dict[str, Any] = Field(description="stated values as [old, new]; links as {added, removed}")


class SectionDiff(BaseModel):
    added: list[str]
    removed: list[str]
    kept: list[str] = Field(description="named by both documents, changed or not")
    changed: list[Changed]


class DiffOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: str = Field(alias="from")
    to: str
    clusters: SectionDiff
    zones: SectionDiff
    firms: SectionDiff
    projects: SectionDiff


class TimelineDocument(BaseModel):
    doc: str
    title: str | None = None
    date: str | None = None
    name: str = Field(description="the name the document gives the cluster")
    level: str | None = None
    target_yi: float | None = None
    target_year: int | None = None
    zones: list[str]
    zones_gained: list[str]
    zones_lost: list[str]


class TimelineOut(BaseModel):
    key: str
    name: str
    documents: list[TimelineDocument]
    targets: list[dict[str, Any]] = Field(description="targets by target year, each with the documents stating it")
    actuals: list[dict[str, Any]]


def _documents(driver: Driver, settings: Settings, registry: QueryRegistry) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = run_named(driver, settings, "documents_list", {"limit": 1000}, registry=registry)
    return rows


def document_diff(driver: Driver, settings: Settings, registry: QueryRegistry, old: str, new: str) -> dict[str, Any]:
    """The diff of two loaded documents; NotFoundError naming a key that is not loaded."""
    known = {d["key"] for d in _documents(driver, settings, registry)}
    for key in (old, new):
        if key not in known:
            raise NotFoundError(f"no document with key {key[:200]!r}; GET /api/documents lists them")
    rows = [
        run_named(driver, settings, "document_statements", {"doc": key, "limit": 20000}, registry=registry)
        for key in (old, new)
    ]
    out: dict[str, Any] = diff_documents(old, new, rows[0], rows[1])
    return out


def cluster_timeline(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> dict[str, Any] | None:
    rows = run_named(driver, settings, "cluster_timeline", {"key": key, "limit": 1}, registry=registry)
    return timeline(rows[0]) if rows else None


@router.get("/api/documents", response_model=DocumentsOut, tags=["documents"])
def documents(driver: DriverDep, settings: SettingsDep, registry: RegistryDep) -> dict[str, Any]:
    """Every loaded document, oldest first, with how many clusters, zones, firms and projects it states."""
    rows = _documents(driver, settings, registry)
    return {"items": rows, "total": len(rows)}


@router.get("/api/diff", response_model=DiffOut, tags=["documents"])
def diff(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    from_: Annotated[
        str,
        Query(
            alias="from", min_length=1, max_length=200, examples=[EXAMPLE_DOC], description="the earlier document's key"
        ),
    ],
    to: DocKey,
) -> dict[str, Any]:
    """What changed from one document to another: clusters, zones, firms and projects added, removed, kept, changed."""
    return document_diff(driver, settings, registry, from_, to)


@router.get("/api/clusters/{key}/timeline", response_model=TimelineOut, tags=["documents"])
def cluster_timeline_route(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: Annotated[
        str, Path(min_length=1, max_length=200, description="the cluster's key", examples=["郑州高端装备制造产业集群"])
    ],
) -> dict[str, Any]:
    """One cluster across the loaded documents: name, level, target and zones each states; actuals."""
    found = cluster_timeline(driver, settings, registry, key)
    if found is None:
        raise NotFoundError(f"no cluster with key {key[:200]!r}")
    return found


# ─────────────────────────── pages ───────────────────────────

SECTION_ZH = {"clusters": "产业集群", "zones": "产业集聚区", "firms": "龙头企业", "projects": "重大项目"}
LABEL_OF = {kind: label for label, kind in KINDS.items()}
FIELD_ZH = {
    "target_yi": "目标（亿元）",
    "level": "级别",
    "target_year": "目标年",
    "zones": "产业集聚区",
    "firms": "龙头企业",
    "projects": "重大项目",
    "clusters": "产业集群",
}


def _refs(kind: str, keys: list[str]) -> str:
    return "、".join(link(LABEL_OF[kind], {"key": k, "name": k}) for k in keys) or "—"


def _change(field: str, value: Any) -> str:
    if isinstance(value, dict):
        kind = field if field in LABEL_OF else "clusters"
        return f"+ {_refs(kind, value['added'])}；− {_refs(kind, value['removed'])}"
    return f"{esc(value[0])} → {esc(value[1])}"


def diff_html(d: dict[str, Any]) -> str:
    """The diff as HTML sections: counts, then added, removed, kept and changed per kind."""
    body = "<table><tr><th></th><th>新增</th><th>删除</th><th>保留</th><th>变化</th></tr>"
    for kind, zh in SECTION_ZH.items():
        s = d[kind]
        body += (
            f"<tr><td>{zh}</td><td>{len(s['added'])}</td><td>{len(s['removed'])}</td>"
            f"<td>{len(s['kept'])}</td><td>{len(s['changed'])}</td></tr>"
        )
    body += "</table>"
    for kind, zh in SECTION_ZH.items():
        s = d[kind]
        body += f'<section data-kind="{kind}"><h2>{zh}</h2>'
        for part, title in (("added", "新增"), ("removed", "删除"), ("kept", "保留")):
            body += f'<h3>{title}（{len(s[part])}）</h3><p data-part="{part}">{_refs(kind, s[part])}</p>'
        if s["changed"]:
            body += "<h3>变化</h3><ul>"
            for c in s["changed"]:
                parts = "；".join(f"{FIELD_ZH.get(f, esc(f))}：{_change(f, v)}" for f, v in c["fields"].items())
                body += f"<li>{link(LABEL_OF[kind], {'key': c['key'], 'name': c['key']})}：{parts}</li>"
            body += "</ul>"
        body += "</section>"
    return body


def _doc_options(docs: list[dict[str, Any]], chosen: str) -> str:
    return "".join(
        f'<option value="{esc(d["key"])}"{" selected" if d["key"] == chosen else ""}>'
        f"{esc(d['date'] or '')} {esc(d['title'] or d['key'])}</option>"
        for d in docs
    )


# An unknown document is a 404 HTML page, declared so the schema says so.
DIFF_PAGE: dict[int | str, dict[str, Any]] = {
    **HTML_PAGE,
    404: {"description": "no such document: an HTML page saying so", "content": {"text/html": {}}},
}


@router.get("/diff", response_class=Response, responses=DIFF_PAGE, tags=["pages"])
def diff_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    from_: Annotated[str, Query(alias="from", max_length=200, description="the earlier document's key")] = "",
    to: Annotated[str, Query(max_length=200, description="the later document's key")] = "",
) -> HTMLResponse:
    """Two documents compared: what carried over, what is new, what was dropped, what changed."""
    docs = _documents(driver, settings, registry)
    keys = [d["key"] for d in docs]
    old = from_ or (keys[-2] if len(keys) > 1 else keys[0] if keys else "")
    new = to or (keys[-1] if keys else "")
    form = (
        f'<form action="/diff"><select name="from">{_doc_options(docs, old)}</select> → '
        f'<select name="to">{_doc_options(docs, new)}</select> <button>比较</button></form>'
    )
    if not docs:
        return page("文件对比", form + "<p>尚未载入任何文件。</p>")
    try:
        d = document_diff(driver, settings, registry, old, new)
    except NotFoundError as exc:
        return page("文件对比", form + f"<p>{esc(exc)}</p>", status=404)
    return page("文件对比", form + diff_html(d))


def timeline_html(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> str:
    """A cluster page's timeline section: one row per document stating the cluster."""
    t = cluster_timeline(driver, settings, registry, key)
    if t is None or not t["documents"]:
        return ""
    body = (
        '<h2>历次文件</h2><table data-timeline="1"><tr><th>文件</th><th>日期</th><th>名称</th><th>级别</th>'
        "<th>目标</th><th>新增集聚区</th><th>不再列出</th></tr>"
    )
    for d in t["documents"]:
        target = f"{d['target_yi']:g}亿元" if d.get("target_yi") is not None else ""
        if target and d.get("target_year"):
            target += f"（{d['target_year']}）"
        body += (
            f'<tr data-doc="{esc(d["doc"])}"><td>{esc(d["title"] or d["doc"])}</td><td>{esc(d["date"])}</td>'
            f"<td>{esc(d['name'])}</td><td>{esc(d['level'])}</td><td>{esc(target)}</td>"
            f"<td>{_refs('zones', d['zones_gained'])}</td><td>{_refs('zones', d['zones_lost'])}</td></tr>"
        )
    body += "</table>"
    if t["actuals"]:
        body += "<p>实际：" + "；".join(f"{esc(a['year'])}年 {esc(a['revenue_yi'])}亿元" for a in t["actuals"]) + "</p>"
    if len(t["documents"]) > 1:
        docs = t["documents"]
        old, new = (quote(docs[i]["doc"], safe="") for i in (-2, -1))
        body += f'<p><a href="/diff?from={old}&amp;to={new}">最近两次文件对比</a></p>'
    return body

"""Documents over time: which documents are loaded, what changed between two, a cluster's timeline."""

from __future__ import annotations

from typing import Annotated, Any

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
from .pages import HTML_PAGE, render

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
DIFF_PARTS = [("added", "新增"), ("removed", "删除"), ("kept", "保留")]


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
    view: dict[str, Any] = {"title": "文件对比", "docs": docs, "old": old, "new": new, "diff": None, "error": None}
    view |= {"sections": list(SECTION_ZH.items()), "parts": DIFF_PARTS, "label_of": LABEL_OF, "field_zh": FIELD_ZH}
    if not docs:
        return render("diff.html.j2", view)
    try:
        view["diff"] = document_diff(driver, settings, registry, old, new)
    except NotFoundError as exc:
        return render("diff.html.j2", {**view, "error": str(exc)}, status=404)
    return render("diff.html.j2", view)

"""JSON routes. Each validates input, calls a named query, and shapes the response."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from clusterkg import __version__
from clusterkg.errors import DatabaseUnavailable
from clusterkg.graph.db import check_connectivity
from clusterkg.errors import InputError
from clusterkg.graph.provenance import node_statements, parse_label
from clusterkg.graph.search_text import lucene_query
from clusterkg.text import normalise_name
from clusterkg.queries.run import run_named

from .provenance import quote
from .deps import DriverDep, RegistryDep, SettingsDep
from .models import (
    ClusterOut,
    FactsOut,
    SearchHit,
    StatedRelationship,
    StatementOut,
)
from .models import Health, Page, ParamOut, QueryOut, SharedZone

router = APIRouter()

After = Annotated[str, Query(max_length=200, description="the previous page's `next` token")]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]


def page(rows: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    """A page of rows ordered by key: `next` is the last key when the page is full."""
    nxt = rows[-1]["key"] if len(rows) == limit and rows else None
    return {"items": rows, "total": len(rows), "next": nxt}


@router.get("/health", response_model=Health, tags=["meta"])
def health(driver: DriverDep, settings: SettingsDep) -> Health:
    """Whether the API is up and Neo4j answers."""
    try:
        check_connectivity(driver, settings)
        return Health(status="ok", neo4j="reachable", version=__version__)
    except DatabaseUnavailable as exc:
        return Health(status="degraded", neo4j=str(exc), version=__version__)


@router.get("/api/zones/shared", response_model=Page[SharedZone], tags=["overlaps"])
def zones_shared(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    min_clusters: Annotated[int, Query(ge=1, le=1000, description="fewest clusters a zone serves")] = 2,
    after: After = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Zones that serve at least `min_clusters` clusters, each once with the clusters it serves."""
    rows = run_named(
        driver, settings, "zones_shared", {"min_clusters": min_clusters, "after": after, "limit": limit},
        registry=registry,
    )
    return page(rows, limit)


@router.get("/api/clusters", response_model=Page[ClusterOut], tags=["clusters"])
def clusters(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    level: Annotated[str, Query(max_length=20, description="only this level, e.g. 千亿级")] = "",
    after: After = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Clusters with level, 2017 target (亿元) and sector, ordered by key."""
    rows = run_named(
        driver, settings, "clusters_list", {"level": level, "after": after, "limit": limit}, registry=registry
    )
    return page(rows, limit)


@router.get("/api/queries", response_model=list[QueryOut], tags=["queries"])
def queries(registry: RegistryDep) -> list[QueryOut]:
    """Every named query with its declared parameters."""
    return [
        QueryOut(
            name=q.name,
            description=q.description,
            returns=q.returns,
            params=[
                ParamOut(name=p.name, type=p.type, description=p.description, default=p.default,
                         required=p.required, min=p.min, max=p.max, example=p.example)
                for p in q.params
            ],
        )
        for q in registry.all()
    ]


@router.get("/api/facts/{label}/{key}", response_model=FactsOut, tags=["provenance"])
def facts(
    driver: DriverDep,
    settings: SettingsDep,
    label: Annotated[str, Path(max_length=40, description="a node label, e.g. Cluster")],
    key: Annotated[str, Path(max_length=200, description="the node's key")],
) -> FactsOut:
    """Provenance of a node: the document spans stating it and its relationships, with quotes."""
    node_label = parse_label(label)
    node = node_statements(driver, settings, node_label, key)

    def q(span: dict[str, Any]) -> str | None:
        return quote(settings.plans_dir, span)

    return FactsOut(
        label=node_label.value,
        key=node["key"],
        name=node["name"],
        statements=[StatementOut(**{k: s[k] for k in ("document", "paragraph", "start", "end")}, quote=q(s))
                    for s in node["spans"]],
        relationships=[
            StatedRelationship(
                **{k: r[k] for k in ("type", "outgoing", "other_label", "other_key", "document", "paragraph", "start", "end")},
                quote=q(r),
            )
            for r in node["relationships"] if r["paragraph"] is not None
        ],
    )


@router.get("/api/search", response_model=list[SearchHit], tags=["search"])
def search(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="a name, alias, pinyin or initials, e.g. 郑州, zhengzhou, zz")],
    label: Annotated[str, Query(max_length=40, description="only this label, e.g. Cluster")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    """One search box for every label: Chinese names, aliases, pinyin and initials, exact names first."""
    lucene = lucene_query(q)
    if not lucene:
        raise InputError("q has no searchable characters")
    params = {"q": normalise_name(q), "lucene": lucene, "label": parse_label(label).value if label else "", "limit": limit}
    return run_named(driver, settings, "search", params, registry=registry)


@router.get("/api/attainment", response_model=Page[dict[str, Any]], tags=["plan vs actual"])
def attainment(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    by: Annotated[Literal["cluster", "sector", "city"], Query(description="roll up per cluster, sector or city")] = "cluster",
    year: Annotated[int, Query(ge=1990, le=2100)] = 2017,
    after: After = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Plan vs actual: targets against reported revenue (from `clusterkg load actuals`), with attainment ratios."""
    rows = run_named(driver, settings, f"attainment_{by}s" if by != "city" else "attainment_cities",
                     {"year": year, "after": after, "limit": limit}, registry=registry)
    return page(rows, limit)

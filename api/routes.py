"""JSON routes. Each validates input, calls a named query, and shapes the response."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, StreamingResponse

from clusterkg import __version__
from clusterkg.errors import DatabaseUnavailable, InputError
from clusterkg.graph.db import check_connectivity
from clusterkg.graph.export import graphml_stream
from clusterkg.graph.model import LABEL_PATTERN, parse_label
from clusterkg.graph.paths import MAX_HOPS, shortest_paths
from clusterkg.graph.provenance import node_statements
from clusterkg.graph.search_text import lucene_query
from clusterkg.queries.run import run_named
from clusterkg.text import normalise_name

from .deps import DriverDep, RegistryDep, SettingsDep
from .models import (
    ClusterOut,
    FactsOut,
    Health,
    Page,
    ParamOut,
    PathOut,
    QueryOut,
    SearchHit,
    SharedZone,
    StatedRelationship,
    StatementOut,
)
from .provenance import quote

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
        driver,
        settings,
        "zones_shared",
        {"min_clusters": min_clusters, "after": after, "limit": limit},
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
                ParamOut(
                    name=p.name,
                    type=p.type,
                    description=p.description,
                    default=p.default,
                    required=p.required,
                    min=p.min,
                    max=p.max,
                    example=p.example,
                )
                for p in q.params
            ],
        )
        for q in registry.all()
    ]


@router.get("/api/facts/{label}/{key}", response_model=FactsOut, tags=["provenance"])
def facts(
    driver: DriverDep,
    settings: SettingsDep,
    label: Annotated[str, Path(max_length=40, pattern=LABEL_PATTERN, description="a node label, e.g. Cluster")],
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
        statements=[
            StatementOut(**{k: s[k] for k in ("document", "paragraph", "start", "end")}, quote=q(s))
            for s in node["spans"]
        ],
        relationships=[
            StatedRelationship(
                **{
                    k: r[k]
                    for k in ("type", "outgoing", "other_label", "other_key", "document", "paragraph", "start", "end")
                },
                quote=q(r),
            )
            for r in node["relationships"]
            if r["paragraph"] is not None
        ],
    )


@router.get("/api/search", response_model=list[SearchHit], tags=["search"])
def search(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    q: Annotated[
        str,
        Query(min_length=1, max_length=100, description="a name, alias, pinyin or initials, e.g. 郑州, zhengzhou, zz"),
    ],
    label: Annotated[
        str,
        Query(max_length=40, pattern=LABEL_PATTERN.replace("^(", "^(|"), description="only this label, e.g. Cluster"),
    ] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    """One search box for every label: Chinese names, aliases, pinyin and initials, exact names first."""
    lucene = lucene_query(q)
    if not lucene:
        raise InputError("q has no searchable characters")
    params = {
        "q": normalise_name(q),
        "lucene": lucene,
        "label": parse_label(label).value if label else "",
        "limit": limit,
    }
    found: list[dict[str, Any]] = run_named(driver, settings, "search", params, registry=registry)
    return found


@router.get("/api/attainment", response_model=Page[dict[str, Any]], tags=["plan vs actual"])
def attainment(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    by: Annotated[
        Literal["cluster", "sector", "city"], Query(description="roll up per cluster, sector or city")
    ] = "cluster",
    year: Annotated[int, Query(ge=1990, le=2100)] = 2017,
    after: After = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Plan vs actual: targets against reported revenue (from `clusterkg load actuals`), with attainment ratios."""
    rows = run_named(
        driver,
        settings,
        f"attainment_{by}s" if by != "city" else "attainment_cities",
        {"year": year, "after": after, "limit": limit},
        registry=registry,
    )
    return page(rows, limit)


@router.get("/api/path", response_model=list[PathOut], response_model_by_alias=True, tags=["paths"])
def path(
    driver: DriverDep,
    settings: SettingsDep,
    from_label: Annotated[str, Query(max_length=40, pattern=LABEL_PATTERN, examples=["Zone"])],
    from_key: Annotated[str, Query(max_length=200, examples=["荥阳市产业集聚区"])],
    to_label: Annotated[str, Query(max_length=40, pattern=LABEL_PATTERN, examples=["Enterprise"])],
    to_key: Annotated[str, Query(max_length=200, examples=["宇通客车"])],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 4,
    all: Annotated[bool, Query(description="all shortest paths, not just one")] = False,
) -> list[dict[str, Any]]:
    """Shortest path(s) between two entities, at most `max_hops` long (provenance edges excluded)."""
    paths: list[dict[str, Any]] = shortest_paths(
        driver,
        settings,
        (parse_label(from_label), from_key),
        (parse_label(to_label), to_key),
        max_hops=max_hops,
        all_paths=all,
    )
    return paths


@router.get("/api/queries/{name}/rows", tags=["queries"], responses={200: {"content": {"text/csv": {}}}})
def query_rows(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    name: Annotated[str, Path(max_length=80)],
    format: Annotated[Literal["json", "csv"], Query(description="json rows or a CSV download")] = "json",
) -> Response:
    """Run any named query with its declared parameters as query-string values; JSON or CSV."""
    params = {k: v for k, v in request.query_params.items() if k != "format"}
    rows = run_named(driver, settings, name, params, registry=registry)
    if format == "json":
        return JSONResponse(jsonable_encoder(rows))
    return Response(
        rows_to_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{registry.get(name).name}.csv"'},
    )


@router.get(
    "/api/export/graph.graphml", tags=["exports"], responses={200: {"content": {"application/graphml+xml": {}}}}
)
def export_graphml(driver: DriverDep, settings: SettingsDep) -> Response:
    """The whole graph as GraphML, for Gephi, streamed as it is read (a province's graph starts at once)."""
    return StreamingResponse(
        graphml_stream(driver, settings),
        media_type="application/graphml+xml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="clusterkg.graphml"'},
    )


def rows_to_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV; nested values as JSON; cells that a spreadsheet would run as formulas are quoted."""
    import csv
    import io
    import json

    buf = io.StringIO()
    if not rows:
        return ""
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        out = {}
        for k, v in row.items():
            cell = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else ("" if v is None else str(v))
            if cell[:1] in ("=", "+", "-", "@") and not _is_number(cell):
                cell = "'" + cell
            out[k] = cell
        writer.writerow(out)
    return buf.getvalue()


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False

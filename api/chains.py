"""Pages (and JSON) for industry chains and their segments, so search hits and gap reports link somewhere.

``/chain/{key}``: the chain's segments by stage with the registry's firms in each, and the clusters
working on it.  ``/segment/{chain}/{segment}``: a segment's neighbours along the chain, where its
firms are (places and zones with most of them) and its largest firms.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from fastapi.responses import HTMLResponse
from neo4j import Driver

from clusterkg.errors import NotFoundError
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import templates
from .pages import CSS, HOME, HTML_PAGE, by_size, href

router = APIRouter()

STAGES = ("上游", "中游", "下游")
ChainKey = Annotated[
    str,
    Path(min_length=1, max_length=100, pattern=r"^[a-z0-9-]+$", description="a Chain key", examples=["smart-terminal"]),
]
SegmentKey = Annotated[
    str,
    Path(
        min_length=3,
        max_length=200,
        pattern=r"^[a-z0-9-]+/[a-z0-9-]+$",
        description="a ChainSegment key, chain/segment",
        examples=["smart-terminal/assembly"],
    ),
]


def chain_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> dict[str, Any]:
    rows = run_named(driver, settings, "chain_detail", {"key": key}, registry=registry)
    if not rows:
        raise NotFoundError(f"没有键为 {key} 的产业链")
    chain: dict[str, Any] = rows[0]
    chain["clusters"] = by_size(chain["clusters"])
    return chain


def segment_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> dict[str, Any]:
    rows = run_named(driver, settings, "segment_detail", {"key": key}, registry=registry)
    if not rows:
        raise NotFoundError(f"没有键为 {key} 的产业链环节")
    seg: dict[str, Any] = rows[0]
    seg["top_firms"] = sorted(seg["top_firms"], key=lambda f: (-(f["revenue_wan"] or 0.0), f["key"]))
    return seg


@router.get("/api/chains/{key}", tags=["chains"])
def chain_json(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: ChainKey) -> dict[str, Any]:
    """One chain: its segments in order with the registry's firms and revenue in each, and its clusters."""
    return chain_view(driver, settings, registry, key)


@router.get("/api/segments/{key:path}", tags=["chains"])
def segment_json(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: SegmentKey) -> dict[str, Any]:
    """One segment: its neighbours, firms, the places and zones with most of them, its largest firms."""
    return segment_view(driver, settings, registry, key)


@router.get("/chain/{key}", response_class=Response, responses=HTML_PAGE, tags=["pages"])
def chain_page(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: ChainKey) -> HTMLResponse:
    """A chain's page: segments by stage (上游 → 中游 → 下游) with their firms, and the clusters on it."""
    chain = chain_view(driver, settings, registry, key)
    stages = {st: [s for s in chain["segments"] if s.get("stage") == st] for st in STAGES}
    html = (
        templates()
        .get_template("chain_page.html.j2")
        .render(
            title=f"{chain['name']}产业链" if not chain["name"].endswith("链") else chain["name"],
            css=CSS,
            chain=chain,
            stages=stages,
            href=href,
            crumbs=[HOME],
        )
    )
    return HTMLResponse(html)


@router.get("/segment/{key:path}", response_class=Response, responses=HTML_PAGE, tags=["pages"])
def segment_page(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: SegmentKey) -> HTMLResponse:
    """A segment's page: where it sits on its chain, where its firms are, and its largest firms."""
    seg = segment_view(driver, settings, registry, key)
    crumbs = [HOME] + (
        [{"href": href("Chain", seg["chain"]["key"]), "name": seg["chain"]["name"]}] if seg["chain"] else []
    )
    html = (
        templates()
        .get_template("segment_page.html.j2")
        .render(title=seg["name"], css=CSS, s=seg, href=href, crumbs=crumbs)
    )
    return HTMLResponse(html)

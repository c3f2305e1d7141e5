"""Analytics routes: networkx on the cluster projection (bridging zones, centrality, communities)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from clusterkg.graph.analytics import bridging, cached_projection, centrality, cluster_communities

from .deps import DriverDep, SettingsDep
from .models import Ref

router = APIRouter()

RankLabel = Annotated[
    Literal["Zone", "Enterprise", "City", "Cluster"] | None,
    Query(description="only nodes of this label", examples=["Zone"]),
]
TopK = Annotated[int, Query(ge=1, le=500, description="how many, best first")]


class Ranked(BaseModel):
    label: str
    key: str
    name: str
    degree: int
    betweenness: float | None = None


class Community(BaseModel):
    community: int
    size: int
    sectors: list[str]
    clusters: list[Ref]


@router.get("/api/analytics/bridging", response_model=list[Ranked], tags=["analytics"])
def bridging_route(
    driver: DriverDep, settings: SettingsDep, label: RankLabel = "Zone", k: TopK = 10
) -> list[dict[str, Any]]:
    """Nodes that hold the province's clusters together: highest betweenness on clusters–zones–firms–cities."""
    ranked: list[dict[str, Any]] = bridging(cached_projection(driver, settings), label=label, k=k)
    return ranked


@router.get("/api/analytics/centrality", response_model=list[Ranked], tags=["analytics"])
def centrality_route(
    driver: DriverDep, settings: SettingsDep, label: RankLabel = None, k: TopK = 10
) -> list[dict[str, Any]]:
    """Most connected nodes (degree) on the cluster projection."""
    ranked: list[dict[str, Any]] = centrality(cached_projection(driver, settings), label=label, k=k)
    return ranked


@router.get("/api/analytics/communities", response_model=list[Community], tags=["analytics"])
def communities_route(driver: DriverDep, settings: SettingsDep) -> list[dict[str, Any]]:
    """Groups of clusters tied together by shared zones, anchor firms and cities."""
    groups: list[dict[str, Any]] = cluster_communities(cached_projection(driver, settings))
    return groups

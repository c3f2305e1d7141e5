"""Response models: what the API promises, separate from the rows loaders write."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = Field(description="ok when Neo4j answers, degraded otherwise")
    neo4j: str = Field(description="reachable or the reason it is not")
    version: str


class Ref(BaseModel):
    """A node as other answers name it: its key and its name."""

    key: str
    name: str


class LinkedRef(Ref):
    """A node with the page it has, for answers that pages render."""

    href: str


class ClusterRef(BaseModel):
    key: str
    name: str
    target_yi: float | None = Field(None, description="2017 target in 亿元")


class SharedZone(BaseModel):
    key: str
    name: str
    cluster_count: int
    clusters: list[ClusterRef]


class ClusterOut(BaseModel):
    key: str
    name: str
    level: str | None = None
    target_yi: float | None = Field(None, description="2017 target in 亿元")
    target_year: int | None = None
    appendix_no: int | None = Field(None, description="row number in the plan's appendix table")
    sector: str | None = None


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int | None = Field(None, description="rows on this page")
    next: str | None = Field(None, description="pass as `after` to get the next page; null on the last page")


class ParamOut(BaseModel):
    name: str
    type: str
    description: str
    default: Any = None
    required: bool
    min: float | None = None
    max: float | None = None
    example: Any = None


class QueryOut(BaseModel):
    name: str
    description: str
    returns: str
    params: list[ParamOut]


class StatementOut(BaseModel):
    document: str
    paragraph: int
    start: int
    end: int
    quote: str | None = Field(
        None, description="the sentence, read from the document; null if the file changed or is absent"
    )


class StatedRelationship(StatementOut):
    type: str
    outgoing: bool
    other_label: str
    other_key: str


class FactsOut(BaseModel):
    label: str
    key: str
    name: str
    statements: list[StatementOut]
    relationships: list[StatedRelationship]


class SearchHit(BaseModel):
    label: str
    key: str
    name: str
    aliases: list[str] = []
    score: float
    registry: bool = Field(False, description="a firm of the loaded registry, not one the plan names")


class PathNode(BaseModel):
    label: str
    key: str
    name: str


class PathRel(BaseModel):
    type: str
    from_: str = Field(alias="from")
    to: str


class PathOut(BaseModel):
    length: int
    nodes: list[PathNode]
    relationships: list[PathRel]

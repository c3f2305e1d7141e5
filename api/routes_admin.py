"""The planners' read-only Cypher console, and write routes that need the API key."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Header
from pydantic import BaseModel, ConfigDict, Field

from clusterkg.graph.console import MAX_QUERY_CHARS, run_console
from clusterkg.loaders.load_plan import load_plan
from clusterkg.settings import Settings

from .deps import DriverDep, SettingsDep
from .errors import Forbidden

router = APIRouter()


class ConsoleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field(
        min_length=1,
        max_length=MAX_QUERY_CHARS,
        examples=["MATCH (c:Cluster) RETURN c.name, c.target_yi ORDER BY c.target_yi DESC LIMIT 5"],
    )
    params: dict[str, str | int | float | bool | None] = Field(default_factory=dict, max_length=20)


class ConsoleOut(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="true when the row cap cut the result")


class LoadOut(BaseModel):
    document: str
    counts: dict[str, int]


@router.post("/api/cypher", response_model=ConsoleOut, tags=["console"])
def console(body: ConsoleIn, driver: DriverDep, settings: SettingsDep) -> dict[str, Any]:
    """Run a read-only Cypher query: the server's plan must show it only reads (no writes, LOAD CSV, or dbms procedures)."""
    result: dict[str, Any] = run_console(driver, settings, body.query, body.params)
    return result


def require_key(settings: Settings, given: str | None) -> None:
    expected = settings.api_key.get_secret_value() if settings.api_key else ""
    if not expected:
        raise Forbidden("write routes are off: set CLUSTERKG_API_KEY to enable them")
    # compare_digest takes the same time wherever the strings differ
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("a valid X-API-Key header is required for write routes")


@router.post("/api/admin/load-plan", response_model=LoadOut, tags=["admin"])
def admin_load_plan(
    driver: DriverDep, settings: SettingsDep, x_api_key: Annotated[str | None, Header(max_length=200)] = None
) -> LoadOut:
    """Re-load the default plan (idempotent, one transaction); needs the X-API-Key header."""
    require_key(settings, x_api_key)
    result = load_plan(driver, settings, settings.default_plan_path)
    return LoadOut(document=result.document, counts=result.counts)

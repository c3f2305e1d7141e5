"""Run a named query by name with validated parameters.

Public queries (what ``/api/queries`` serves) go through :func:`run_named`, whose ``limit`` is
also capped by ``settings.row_cap``.  The engine's own queries (``queries/internal/``) go through
:func:`run_internal` (bounded by their declared ``max``), :func:`run_in` (inside a transaction the
caller holds, e.g. a document load's reads, streamed or not) or :func:`stream_internal` (whole-graph exports, rows
read lazily from the session).  All of them bind parameters against the file's header first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, LiteralString, cast

from neo4j import Driver, ManagedTransaction, Query, Record, Result, Session

from clusterkg.errors import InputError
from clusterkg.graph.db import read
from clusterkg.settings import Settings

from .registry import NamedQuery, QueryRegistry, load_registry


def run_named(
    driver: Driver,
    settings: Settings,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    registry: QueryRegistry | None = None,
) -> list[dict[str, Any]]:
    """Run the named query with ``params`` checked against its declaration.

    >>> run_named(driver, settings, "zones_shared", {"min_clusters": 2})  # doctest: +SKIP
    [{'key': '荥阳市产业集聚区', 'cluster_count': 2, ...}]
    """
    query = (registry or load_registry()).get(name)
    bound = query.bind(params or {})
    if "limit" in bound:
        bound["limit"] = min(int(bound["limit"]), settings.row_cap)
    rows: list[dict[str, Any]] = read(driver, settings, query.cypher, bound)
    return rows


def _internal(name: str, registry: QueryRegistry | None, *, stream: bool) -> NamedQuery:
    query = (registry or load_registry()).internal(name)
    if query.stream != stream:
        how = "stream_internal" if query.stream else "run_internal or run_in"
        raise InputError(f"internal query {name!r} {'streams' if query.stream else 'has a LIMIT'}; run it with {how}")
    return query


def run_internal(
    driver: Driver,
    settings: Settings,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    registry: QueryRegistry | None = None,
) -> list[dict[str, Any]]:
    """Run the engine's query ``queries/internal/NAME.cypher`` (a read with a timeout) and return
    its rows; ``limit`` is bounded by the file's declared ``max``, not by the API's row cap.

    >>> run_internal(driver, settings, "node_exists", {"label": "Zone", "key": "荥阳市产业集聚区"})  # doctest: +SKIP
    [{'found': True}]
    """
    query = _internal(name, registry, stream=False)
    rows: list[dict[str, Any]] = read(driver, settings, query.cypher, query.bind(params or {}))
    return rows


def run_in(
    tx: ManagedTransaction,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    registry: QueryRegistry | None = None,
) -> Result:
    """Run an internal query inside the caller's transaction (reads a write needs to see its own
    earlier writes, or to be atomic with them); returns the driver's result, read as the caller
    iterates it, so a streamed query (e.g. a document's statements, read whole) is allowed too."""
    query = (registry or load_registry()).internal(name)
    return tx.run(cast(LiteralString, query.cypher), query.bind(params or {}))


def stream_internal(
    session: Session,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    registry: QueryRegistry | None = None,
) -> Iterator[Record]:
    """Records of a streamed internal query (``// stream: true``), read lazily from ``session``:
    a whole-graph export is never held in memory.

    >>> next(stream_internal(session, "export_nodes", {"labels": ["Cluster"]}))["label"]  # doctest: +SKIP
    'Cluster'
    """
    query = _internal(name, registry, stream=True)
    yield from session.run(Query(cast(LiteralString, query.cypher)), query.bind(params or {}))

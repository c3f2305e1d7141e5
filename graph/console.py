"""A read-only Cypher console for planners: each query must prove it only reads before it runs.

The proof is the server's own plan: ``EXPLAIN`` must report query type ``r``, contain no
``LOAD CSV`` and call no procedure outside a short allowlist. The query then runs in a READ
transaction with a timeout, and at most ``row_cap`` rows come back.
"""

from __future__ import annotations

from typing import Any, LiteralString, cast

from neo4j import Driver, unit_of_work
from neo4j import exceptions as neo4j_errors

from clusterkg.errors import InputError
from clusterkg.settings import Settings

from .db import translate_errors

MAX_QUERY_CHARS = 5000
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.index.fulltext.queryNodes",
        "db.schema.visualization",
    }
)


def _operators(plan: dict[str, Any]) -> list[tuple[str, str]]:
    out = [(str(plan.get("operatorType", "")).split("@")[0], str(plan.get("args", {}).get("Details") or ""))]
    for child in plan.get("children", []):
        out.extend(_operators(child))
    return out


def check_read_only(driver: Driver, settings: Settings, query: str) -> None:
    """Raise InputError unless the server's plan shows ``query`` only reads.

    >>> check_read_only(driver, settings, "MATCH (n) DETACH DELETE n")  # doctest: +SKIP
    Traceback (most recent call last):
    clusterkg.errors.InputError: refused: the query writes or changes schema (query type 'w'); the console only reads
    """
    text = query.strip().rstrip(";")
    if not text:
        raise InputError("empty query")
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"query longer than {MAX_QUERY_CHARS} characters")
    if text.upper().startswith(("EXPLAIN", "PROFILE")):
        raise InputError("refused: send the query without EXPLAIN/PROFILE")
    try:
        with (
            translate_errors(settings),
            driver.session(database=settings.neo4j_database, default_access_mode="READ") as s,
        ):
            summary = s.run(cast(LiteralString, "EXPLAIN " + text)).consume()
    except neo4j_errors.ClientError as exc:
        raise InputError(f"not valid Cypher: {(exc.message or '').splitlines()[0][:200]}") from None
    if summary.query_type != "r":
        raise InputError(
            f"refused: the query writes or changes schema (query type {summary.query_type!r}); the console only reads"
        )
    for op, details in _operators(summary.plan or {}):
        if op == "LoadCSV":
            raise InputError("refused: LOAD CSV reads files or URLs; the console only reads the graph")
        if op == "ProcedureCall":
            name = details.split("(")[0].strip()
            if name not in ALLOWED_PROCEDURES:
                raise InputError(f"refused: procedure {name[:80]!r} is not allowed in the console")


def run_console(driver: Driver, settings: Settings, query: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Prove ``query`` reads only, then run it with a timeout; at most ``settings.row_cap`` rows."""
    check_read_only(driver, settings, query)
    cap = settings.row_cap

    @unit_of_work(timeout=settings.query_timeout_s)
    def work(tx: Any) -> dict[str, Any]:
        result = tx.run(cast(LiteralString, query.strip().rstrip(";")), params or {})
        rows: list[dict[str, Any]] = []
        for record in result:
            if len(rows) == cap:
                return {"columns": list(result.keys()), "rows": rows, "truncated": True}
            rows.append(record.data())
        return {"columns": list(result.keys()), "rows": rows, "truncated": False}

    try:
        with (
            translate_errors(settings),
            driver.session(database=settings.neo4j_database, default_access_mode="READ") as s,
        ):
            return cast(dict[str, Any], s.execute_read(work))
    except neo4j_errors.ClientError as exc:
        raise InputError(f"query failed: {(exc.message or '').splitlines()[0][:200]}") from None

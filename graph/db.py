"""The Neo4j driver: one per process, created by the API's lifespan or the CLI's entry.

Failures to connect or authenticate become :class:`DatabaseUnavailable` with one clear
line, so neither the CLI nor the API ever shows a driver traceback to a user.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, LiteralString, cast

import neo4j
from neo4j import Driver, GraphDatabase, NotificationDisabledClassification, Query, RoutingControl
from neo4j import exceptions as neo4j_errors

from clusterkg.errors import ConfigError, DatabaseUnavailable
from clusterkg.settings import Settings


def create_driver(settings: Settings) -> Driver:
    """Create the process's driver (does not connect yet; see :func:`check_connectivity`).

    Raises :class:`ConfigError` when no password is set: the one setting only a driver needs.
    """
    if settings.neo4j_password is None:
        raise ConfigError(
            "NEO4J_PASSWORD is not set; set it in the environment or .env (`make neo4j` writes it to .env)"
        )
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=settings.connection_timeout_s,
        connection_acquisition_timeout=settings.connection_timeout_s,
        max_transaction_retry_time=settings.retry_time_s,
        liveness_check_timeout=30.0,
        user_agent="clusterkg",
        # A named query may mention a relationship type a given graph has none of yet (e.g.
        # LINKS_TO before any plan states a link); the server's "unknown type" notice would
        # then be logged on every request and flood the log under load.
        notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
    )


def check_connectivity(driver: Driver, settings: Settings) -> None:
    """Raise :class:`DatabaseUnavailable` with a one-line reason unless Neo4j answers."""
    with translate_errors(settings):
        driver.verify_connectivity()


@contextmanager
def translate_errors(settings: Settings) -> Iterator[None]:
    """Map driver exceptions to the project's errors, naming the server and the cause."""
    where = f"Neo4j at {settings.neo4j_uri}"
    try:
        yield
    except neo4j_errors.AuthError:
        raise DatabaseUnavailable(
            f"{where} refused the credentials of user {settings.neo4j_user!r}; check NEO4J_PASSWORD"
        ) from None
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
        raise DatabaseUnavailable(
            f"{where} is not reachable ({type(exc).__name__}); start it with `make neo4j`"
        ) from None
    except neo4j_errors.TransientError as exc:
        # e.g. the database is still starting after a restart; the next request may succeed
        raise DatabaseUnavailable(f"{where} is not ready ({exc.code}); try again shortly") from None
    except neo4j_errors.ClientError as exc:
        if exc.code and "Database.DatabaseNotFound" in exc.code:
            raise DatabaseUnavailable(f"{where} has no database {settings.neo4j_database!r}") from None
        if exc.code and "Transaction.TransactionTimedOut" in (exc.code or ""):
            raise DatabaseUnavailable(f"{where}: the query ran past its time limit") from None
        raise
    except neo4j_errors.DriverError as exc:
        raise DatabaseUnavailable(f"{where}: {type(exc).__name__}: {exc}") from None


# Queries run in the current request or block (see :func:`counting_queries`); None: not counting.
_COUNT: ContextVar[list[int] | None] = ContextVar("clusterkg_query_count", default=None)


@contextmanager
def counting_queries() -> Iterator[list[int]]:
    """Count the queries :func:`read` and :func:`write` run inside the block (threads the block
    starts included): ``with counting_queries() as n: ...; n[0]``.  The API reports it per request
    (X-Query-Count), so a page that starts issuing one query per row is caught by a test.

    >>> with counting_queries() as n:
    ...     pass
    >>> n
    [0]
    """
    box = [0]
    token = _COUNT.set(box)
    try:
        yield box
    finally:
        _COUNT.reset(token)


def _counted() -> None:
    box = _COUNT.get()
    if box is not None:
        box[0] += 1


_SCALARS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A record's value as plain Python: what ``Record.data()`` gives, about twenty times faster.

    Named queries return maps, lists and scalars; the driver's generic exporter checks every one of
    a province's tens of thousands of figures against every graph type (40 ms for the county
    dashboard's cells, 2 ms this way).  Nodes, relationships and paths still go to the exporter.

    >>> plain({"a": [1, "x", None, {"b": 2.5}]})
    {'a': [1, 'x', None, {'b': 2.5}]}
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return [x if type(x) in _SCALARS else plain(x) for x in value]
    if kind is dict:
        return {k: x if type(x) in _SCALARS else plain(x) for k, x in value.items()}
    exported: Any = neo4j.Record([("v", value)]).data()["v"]  # type: ignore[no-untyped-call]
    return exported


def read(
    driver: Driver,
    settings: Settings,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout_s: float | None = None,
) -> list[dict[str, Any]]:
    """Run one read query with a server-side timeout; return plain dicts.

    >>> read(driver, settings, "RETURN $x AS x", {"x": 1})  # doctest: +SKIP
    [{'x': 1}]
    """
    query = Query(cast(LiteralString, cypher), timeout=timeout_s or settings.query_timeout_s)
    _counted()
    with translate_errors(settings):
        records, _, _ = driver.execute_query(
            query,
            dict(params or {}),
            routing_=RoutingControl.READ,
            database_=settings.neo4j_database,
            bookmark_manager_=None,
        )
    return [{k: plain(v) for k, v in zip(r.keys(), r.values(), strict=True)} for r in records]


def write(
    driver: Driver,
    settings: Settings,
    cypher: str,
    params: Mapping[str, Any] | None = None,
) -> neo4j.ResultSummary:
    """Run one auto-committed write (schema statements, small fixes)."""
    _counted()
    with translate_errors(settings):
        _, summary, _ = driver.execute_query(
            cast(LiteralString, cypher),
            dict(params or {}),
            routing_=RoutingControl.WRITE,
            database_=settings.neo4j_database,
            # One server gains nothing from causal-consistency bookmarks, and after a bulk
            # import (a new store counting transactions afresh) an old bookmark would make
            # every query wait for a transaction the new database never had.
            bookmark_manager_=None,
        )
    return summary

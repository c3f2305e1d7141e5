"""Ordered, idempotent migrations that bring a graph written by an older clusterkg up to date.

Each migration takes the graph from ``version - 1`` to ``version``, and is written so that
running it again, or after an interruption part-way, converges to the same graph
(``IF EXISTS``/``IF NOT EXISTS``, ``MERGE``, ``SET``); the version is recorded only after it
has finished.  :data:`MIGRATIONS` ends at :data:`~clusterkg.graph.schema.SCHEMA_VERSION`.
A new one is appended with the change to the model that needs it, never edited afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from neo4j import Driver

from clusterkg.settings import Settings

from .db import write
from .schema import (
    SCHEMA_VERSION,
    SchemaOutdated,
    create_schema,
    graph_version,
    record_version,
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step: the version it reaches, why, and the work."""

    version: int
    why: str
    apply: Callable[[Driver, Settings], None]


def _versioned_schema(driver: Driver, settings: Settings) -> None:
    # Before versions were recorded, the derived Presence cells had a key constraint and a name
    # index, which only slowed their rebuild (8.8k cells: 2.1 s → 0.3 s without).
    write(driver, settings, "DROP CONSTRAINT presence_key IF EXISTS")
    write(driver, settings, "DROP INDEX presence_name IF EXISTS")
    create_schema(driver, settings)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "the schema as of recorded versions: no key constraint or name index on Presence cells; "
        "every other constraint and index present",
        _versioned_schema,
    ),
)


@dataclass(frozen=True, slots=True)
class Migrated:
    """What :func:`migrate` did: the version found, the one reached, the steps applied."""

    before: int | None
    after: int | None
    applied: tuple[Migration, ...]


def pending(version: int) -> tuple[Migration, ...]:
    """The migrations a graph of ``version`` still needs, in order."""
    return tuple(m for m in MIGRATIONS if m.version > version)


def migrate(driver: Driver, settings: Settings, progress: Callable[[Migration], None] | None = None) -> Migrated:
    """Apply every pending migration in order, recording the version after each.

    An empty graph has nothing to migrate (its first load records the current version); a
    graph newer than this code is refused.  Running it again does nothing.

    >>> migrate(driver, settings).after  # doctest: +SKIP
    1
    """
    before = graph_version(driver, settings)
    if before is None:
        return Migrated(None, None, ())
    if before > SCHEMA_VERSION:
        raise SchemaOutdated(
            f"the graph is at schema version {before}, newer than this clusterkg's {SCHEMA_VERSION}: upgrade clusterkg"
        )
    steps = pending(before)
    for step in steps:
        if progress:
            progress(step)
        step.apply(driver, settings)
        record_version(driver, settings, step.version)
    return Migrated(before, steps[-1].version if steps else before, steps)

"""Constraints and indexes, created idempotently before any write; the graph's schema version.

A graph records the version of the model it was written with in one node outside the
model's labels, ``(:Meta {key: 'schema', version: N})``.  A load into an empty graph
records :data:`SCHEMA_VERSION`; a load into a graph of an older version is refused until
``clusterkg migrate`` (:mod:`clusterkg.graph.migrations`) has brought it up to date, so that
new code never writes beside data of an old shape.  A graph holding data but no version
was written before versions were recorded: version 0.
"""

from __future__ import annotations

from neo4j import Driver

from clusterkg.errors import ClusterKGError
from clusterkg.queries.run import run_internal
from clusterkg.settings import Settings

from .db import write
from .model import Label, cypher_name

FULLTEXT_INDEX = "entity_names"
# The version of the model this code writes; graph/migrations.py lists how each came about.
SCHEMA_VERSION = 1
# Not a model label: no query, export or picture ever meets it.
META = "Meta"


class SchemaOutdated(ClusterKGError):
    """The graph was written by another version of the model; the message says what to run."""


def graph_version(driver: Driver, settings: Settings) -> int | None:
    """The schema version the graph records; 0 for data without one; None for an empty graph.

    >>> graph_version(driver, settings)  # doctest: +SKIP
    1
    """
    row = run_internal(driver, settings, "graph_version")[0]
    if row["version"] is not None:
        return int(row["version"])
    return 0 if row["any"] else None


def require_current(driver: Driver, settings: Settings) -> int | None:
    """Raise :class:`SchemaOutdated` unless the graph is empty or of :data:`SCHEMA_VERSION`."""
    version = graph_version(driver, settings)
    where = f"the graph in {settings.neo4j_database!r} at {settings.neo4j_uri}"
    if version is not None and version < SCHEMA_VERSION:
        raise SchemaOutdated(
            f"{where} is at schema version {version}, this clusterkg uses {SCHEMA_VERSION}: "
            "run `clusterkg migrate` (a backup first is wise: `clusterkg backup FILE`)"
        )
    if version is not None and version > SCHEMA_VERSION:
        raise SchemaOutdated(
            f"{where} is at schema version {version}, newer than this clusterkg's {SCHEMA_VERSION}: upgrade clusterkg"
        )
    return version


def record_version(driver: Driver, settings: Settings, version: int = SCHEMA_VERSION) -> None:
    """Record that the graph is of ``version`` (loads, bulk imports and migrations call it)."""
    write(driver, settings, f"MERGE (m:{META} {{key: 'schema'}}) SET m.version = $v", {"v": version})


def schema_statements() -> list[str]:
    """The DDL the model needs: a uniqueness constraint on ``key`` and an index on ``name``
    per label, a firm's revenue and a Presence cell's segment, and one CJK full-text index
    over names, aliases and pinyin of all labels."""
    out: list[str] = []
    for label in Label:
        if label is Label.PRESENCE:
            continue  # derived cells, rebuilt wholesale: a key constraint would only slow the rebuild
        low = label.value.lower()
        out.append(f"CREATE CONSTRAINT {low}_key IF NOT EXISTS FOR (n:{cypher_name(label)}) REQUIRE n.key IS UNIQUE")
        out.append(f"CREATE INDEX {low}_name IF NOT EXISTS FOR (n:{cypher_name(label)}) ON (n.name)")
    # A zone holding a large share of the registry lists its firms by walking this index
    # (queries/zone_firms_ranked.cypher) instead of sorting them all.
    out.append(
        f"CREATE INDEX enterprise_revenue IF NOT EXISTS FOR (n:{cypher_name(Label.ENTERPRISE)}) ON (n.revenue_wan)"
    )
    # Gap reports read a segment's Presence cells, and the cells of the cluster's zones (to find
    # the counties its zones' firms are registered in: queries/parts/local_scope.cypher).
    out.append(f"CREATE INDEX presence_segment IF NOT EXISTS FOR (n:{cypher_name(Label.PRESENCE)}) ON (n.segment)")
    out.append(f"CREATE INDEX presence_zone IF NOT EXISTS FOR (n:{cypher_name(Label.PRESENCE)}) ON (n.zone)")
    # Derived Presence cells have no name to search by.
    labels = "|".join(cypher_name(label) for label in Label if label is not Label.PRESENCE)
    out.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) "
        "ON EACH [n.name, n.search_text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
    )
    return out


def create_schema(driver: Driver, settings: Settings) -> None:
    """Create every constraint and index that is missing, then wait until they are online."""
    for stmt in schema_statements():
        write(driver, settings, stmt)
    write(driver, settings, "CALL db.awaitIndexes(300)")


def ensure_schema(driver: Driver, settings: Settings) -> None:
    """Before a write: refuse a graph of another schema version, create what the schema
    lacks, and record the version (a new graph gets this code's).

    >>> ensure_schema(driver, settings)  # doctest: +SKIP
    """
    require_current(driver, settings)
    create_schema(driver, settings)
    record_version(driver, settings)

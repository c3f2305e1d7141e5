"""Constraints and indexes, created idempotently before any write."""

from __future__ import annotations

from neo4j import Driver

from clusterkg.settings import Settings

from .db import write
from .model import Label, cypher_name

FULLTEXT_INDEX = "entity_names"


def schema_statements() -> list[str]:
    """The DDL the model needs: a uniqueness constraint on ``key`` and an index on ``name``
    per label, and one CJK full-text index over names, aliases and pinyin of all labels."""
    out: list[str] = []
    for label in Label:
        if label is Label.PRESENCE:
            continue  # derived cells, rebuilt wholesale: a key constraint would only slow the rebuild
        low = label.value.lower()
        out.append(
            f"CREATE CONSTRAINT {low}_key IF NOT EXISTS FOR (n:{cypher_name(label)}) REQUIRE n.key IS UNIQUE"
        )
        out.append(f"CREATE INDEX {low}_name IF NOT EXISTS FOR (n:{cypher_name(label)}) ON (n.name)")
    # Early graphs had a key constraint and name index on the derived cells; they only slowed rebuilds.
    out.append("DROP CONSTRAINT presence_key IF EXISTS")
    out.append("DROP INDEX presence_name IF EXISTS")
    # Gap reports read a segment's Presence cells.
    out.append(f"CREATE INDEX presence_segment IF NOT EXISTS FOR (n:{cypher_name(Label.PRESENCE)}) ON (n.segment)")
    # Derived Presence cells have no name to search by.
    labels = "|".join(cypher_name(label) for label in Label if label is not Label.PRESENCE)
    out.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) "
        "ON EACH [n.name, n.search_text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
    )
    return out


def ensure_schema(driver: Driver, settings: Settings) -> None:
    """Create every constraint and index that is missing, then wait until they are online.

    >>> ensure_schema(driver, settings)  # doctest: +SKIP
    """
    for stmt in schema_statements():
        write(driver, settings, stmt)
    write(driver, settings, "CALL db.awaitIndexes(300)")

"""The list of migrations is ordered and ends at the version loads record."""

from __future__ import annotations

from clusterkg.graph.migrations import MIGRATIONS, pending
from clusterkg.graph.schema import SCHEMA_VERSION


def test_migrations_are_numbered_one_by_one_up_to_the_schema_version() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_a_graph_of_a_version_needs_exactly_the_later_migrations() -> None:
    assert pending(0) == MIGRATIONS
    assert pending(SCHEMA_VERSION) == ()

"""Where a node's facts come from: the document spans that state it."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from clusterkg.errors import NotFoundError
from clusterkg.queries.run import run_internal
from clusterkg.settings import Settings

from .model import Label


def node_statements(driver: Driver, settings: Settings, label: Label, key: str) -> dict[str, Any]:
    """The node (label, key) with every span that states it and the stated relationships.

    >>> node_statements(driver, settings, Label.CLUSTER, "漯河食品产业集群")["spans"][0]["paragraph"]  # doctest: +SKIP
    24
    """
    rows = run_internal(driver, settings, "node_statements", {"label": label.value, "key": key})
    if not rows:
        raise NotFoundError(f"no {label.value} with key {key[:80]!r}")
    node: dict[str, Any] = rows[0]
    return node

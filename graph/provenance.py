"""Where a node's facts come from: the document spans that state it."""

from __future__ import annotations

from typing import Any, LiteralString, cast

from neo4j import Driver

from clusterkg.errors import NotFoundError
from clusterkg.settings import Settings

from .db import read
from .model import Label, RelType, cypher_name


def node_statements(driver: Driver, settings: Settings, label: Label, key: str) -> dict[str, Any]:
    """The node (label, key) with every span that states it and the stated relationships.

    >>> node_statements(driver, settings, Label.CLUSTER, "漯河食品产业集群")["spans"][0]["paragraph"]  # doctest: +SKIP
    24
    """
    cypher = (
        f"MATCH (n:{cypher_name(label)} {{key: $key}}) "
        f"OPTIONAL MATCH (n)-[p:{cypher_name(RelType.STATED_IN)}]->(d:{cypher_name(Label.DOCUMENT)}) "
        "WITH n, p, d ORDER BY d.key, p.start "
        "WITH n, [x IN collect({document: d.key, file: d.file, sha256: d.sha256, paragraph: p.paragraph, "
        "start: p.start, end: p.end}) WHERE x.document IS NOT NULL] AS spans "
        "OPTIONAL MATCH (n)-[r]-(m) WHERE r.doc IS NOT NULL "
        "WITH n, spans, r, m ORDER BY type(r), m.key LIMIT 500 "
        f"OPTIONAL MATCH (rd:{cypher_name(Label.DOCUMENT)} {{key: r.doc}}) "
        "RETURN n.key AS key, n.name AS name, spans, "
        "[x IN collect({type: type(r), outgoing: startNode(r) = n, other_label: labels(m)[0], other_key: m.key, "
        "document: r.doc, file: rd.file, sha256: rd.sha256, paragraph: r.paragraph, start: r.start, end: r.end}) WHERE x.type IS NOT NULL] AS relationships"
    )
    rows = read(driver, settings, cast(LiteralString, cypher), {"key": key})
    if not rows:
        raise NotFoundError(f"no {label.value} with key {key[:80]!r}")
    return rows[0]

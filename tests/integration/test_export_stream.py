"""The GraphML export streams: its header leaves before any query, and what follows parses whole."""

from __future__ import annotations

import networkx as nx
import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


def test_the_header_is_written_before_the_database_is_asked(settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.errors import DatabaseUnavailable
    from clusterkg.graph.db import create_driver
    from clusterkg.graph.export import graphml_stream

    closed = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9", "connection_timeout_s": 1.0})
    driver = create_driver(closed)
    try:
        chunks = graphml_stream(driver, closed)
        assert next(chunks).startswith("<?xml") and next(chunks).startswith("<graphml")
        with pytest.raises(DatabaseUnavailable):
            next(chunks)  # only now does it read the graph
    finally:
        driver.close()


def test_the_streamed_file_holds_every_relationship_with_its_type(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    resp = client.get("/api/export/graph.graphml")
    assert resp.headers["content-type"].startswith("application/graphml+xml")
    g = nx.parse_graphml(resp.text)
    rels = read(driver, settings, "MATCH ()-[r]->() WHERE NOT type(r) IN ['HAS_PRESENCE'] RETURN count(r) AS n")[0]["n"]
    assert g.number_of_edges() == rels
    serves = [d for _, _, d in g.edges(data=True) if d["type"] == "SERVES"]
    assert serves and all(isinstance(d.get("paragraph", 0), int) for d in serves)

"""The bulk importer's pure parts: the plan image follows the writer's merge rules, and the CSV
writer sets aside what neo4j-admin cannot store."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType, Span
from clusterkg.loaders.bulk.csv_writer import CsvTables
from clusterkg.loaders.bulk.plan_image import PlanImage

DOC = "plan"
QUOTED = Span(DOC, 3, 0, 8)
UNQUOTED = Span(DOC, -1, -1, -1)


def _plan() -> GraphBatch:
    return GraphBatch(
        (
            NodeRow(Label.DOCUMENT, DOC, "某省规划"),
            NodeRow(Label.ZONE, "甲园区", "甲园区", aliases=("甲区",), spans=(QUOTED,)),
            NodeRow(Label.ZONE, "乙园区", "乙园区"),
            NodeRow(Label.ENTERPRISE, "某重工", "某重工", props={"revenue_wan": 10.0, "leader": True}, spans=(QUOTED,)),
            # Stated by a document this load does not hold: its provenance links nothing, so it goes.
            NodeRow(Label.ENTERPRISE, "他处公司", "他处公司", spans=(Span("other", 1, 0, 4),)),
        ),
        (
            RelRow(RelType.SITED_IN, Label.ENTERPRISE, "某重工", Label.ZONE, "甲园区", span=QUOTED),
            # No span: the document's load still makes it the document's statement.
            RelRow(RelType.SITED_IN, Label.ENTERPRISE, "某重工", Label.ZONE, "乙园区", props={"note": "x"}),
        ),
    )


def test_the_plan_image_marks_every_statement_as_the_documents_and_drops_what_links_nothing() -> None:
    image = PlanImage.of(_plan(), DOC)
    assert sorted(image.nodes) == [
        (Label.DOCUMENT, DOC),
        (Label.ENTERPRISE, "某重工"),
        (Label.ZONE, "乙园区"),
        (Label.ZONE, "甲园区"),
    ]
    assert {(k[0], k[2], k[4], k[5]): p for k, p in image.rels.items()} == {
        (RelType.SITED_IN, "某重工", "甲园区", DOC): {"doc": DOC, "paragraph": 3, "start": 0, "end": 8},
        (RelType.SITED_IN, "某重工", "乙园区", DOC): {"note": "x", "doc": DOC},
    }
    assert sorted((row[2], row[5]) for row in image.relationship_rows() if row[0] is RelType.STATED_IN) == [
        ("乙园区", {"paragraph": -1, "start": -1, "end": -1}),
        ("某重工", {"paragraph": 3, "start": 0, "end": 8, "revenue_wan": 10.0, "leader": True}),
        ("甲园区", {"paragraph": 3, "start": 0, "end": 8, "aliases": ["甲区"]}),
    ]


def test_a_registry_firm_the_plan_names_merges_into_its_node_and_keeps_the_stated_links() -> None:
    image = PlanImage.of(_plan(), DOC)
    registry = GraphBatch(
        (
            NodeRow(
                Label.ENTERPRISE, "某重工", "某重工", props={"revenue_wan": 20.0, "leader": None, "source": "registry"}
            ),
            NodeRow(Label.ENTERPRISE, "新公司", "新公司", props={"phone": None, "source": "registry"}),
        ),
        (RelRow(RelType.SITED_IN, Label.ENTERPRISE, "新公司", Label.ZONE, "乙园区"),),
    )
    nodes, rels = image.firm_rows(registry)
    assert [(n[1], n[2]["source"], "phone" in n[2]) for n in nodes] == [("新公司", "registry", False)]
    assert rels == [(RelType.SITED_IN, Label.ENTERPRISE, "新公司", Label.ZONE, "乙园区", {})]
    merged = image.props[(Label.ENTERPRISE, "某重工")]
    assert {k: merged[k] for k in ("revenue_wan", "source", "name", "aliases")} == {
        "revenue_wan": 20.0,
        "source": "registry",
        "name": "某重工",
        "aliases": [],
    }
    assert "leader" not in merged  # a None in the registry's row removes it, as SET += does
    assert len(image.rels) == 2  # what the document states of the firm stays


def test_the_csv_writer_sets_aside_empty_lists_and_refuses_them_on_relationships(tmp_path: Path) -> None:
    tables = CsvTables(tmp_path / "csv")
    tables.node(Label.ZONE, "甲园区", {"name": "甲园区", "aliases": [], "industries": [], "level": "省级"})
    with pytest.raises(InputError, match=r"an empty list \(tags\) on a relationship cannot be bulk-imported"):
        tables.rel(RelType.SITED_IN, Label.ENTERPRISE, "某重工", Label.ZONE, "甲园区", {"tags": []})
    tables.close()
    assert tables.empty_lists == [(Label.ZONE, "甲园区", "industries")]
    [argument] = tables.import_arguments()
    with Path(argument.split("=", 2)[2]).open(encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [
            ["key:ID(Zone)", "name:string", "level:string"],
            ["甲园区", "甲园区", "省级"],
        ]

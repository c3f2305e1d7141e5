"""`load firms --bulk`: neo4j-admin import of plan + registry gives the graph the Bolt loaders give.

These tests stop and start the server of the test settings (scripts/neo4j.sh with the
environment's home and ports), as a bulk load does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.db import read
from clusterkg.graph.export import export_graph
from clusterkg.graph.search_text import lucene_query
from clusterkg.loaders.bulk_import import BulkImportError, CsvTables, LocalServer, bulk_import

pytestmark = pytest.mark.integration

# Every property with its type, which the export's JSON values cannot tell apart (1 == 1.0,
# a missing list and an empty one both export as []).
TYPED = (
    "MATCH (n) RETURN [l IN labels(n) | l][0] AS label, n.key AS key, "
    "[k IN keys(n) | k + ':' + valueType(n[k])] AS types ORDER BY label, key"
)
TYPED_RELS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS a, b.key AS b, "
    "[k IN keys(r) | k + ':' + valueType(r[k])] AS types"
)


def typed(driver, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    nodes = read(driver, settings, TYPED + " LIMIT 100000")
    rels = read(driver, settings, TYPED_RELS + " LIMIT 100000")
    for row in nodes + rels:
        row["types"] = sorted(row["types"])
    return {"nodes": nodes, "relationships": sorted(rels, key=lambda r: json.dumps(r, ensure_ascii=False))}


COUNTS = (
    "CALL () { MATCH (n) RETURN 'node' AS kind, labels(n)[0] AS name, count(*) AS n "
    "UNION ALL MATCH ()-[r]->() RETURN 'relationship' AS kind, type(r) AS name, count(*) AS n } "
    "RETURN kind, name, n ORDER BY kind, name"
)
# A firm's every property and link, with its types (an integer is not a float, a list not absent).
FIRM = (
    "MATCH (e:Enterprise {key: $key}) "
    "RETURN properties(e) AS props, [k IN keys(e) | k + ':' + valueType(e[k])] AS types, "
    "COLLECT { MATCH (e)-[r]->(x) RETURN [type(r), x.key, properties(r)] AS link ORDER BY type(r), x.key, r.rule, "
    "r.paragraph } AS links"
)


def counts_and_firms(driver, settings, keys: list[str]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Nodes per label, relationships per type, and the named firms whole."""
    firms = {}
    for key in keys:
        rows = read(driver, settings, FIRM, {"key": key})
        firms[key] = {**rows[0], "types": sorted(rows[0]["types"])} if rows else None
    return {"counts": read(driver, settings, COUNTS), "firms": firms}


def named_results(driver, settings, firm_name: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from clusterkg.queries import load_registry
    from clusterkg.queries.run import run_named

    registry = load_registry()
    out: dict[str, Any] = {}
    for query in registry.all():
        rows = run_named(driver, settings, query.name, dict(query.example), registry=registry)
        # full-text scores depend on the index's history (updates leave deleted documents)
        out[query.name] = [{k: v for k, v in row.items() if k != "score"} for row in rows]
    out["search firm"] = [
        {k: v for k, v in row.items() if k != "score"}
        for row in run_named(
            driver, settings, "search", {"q": firm_name, "lucene": lucene_query(firm_name)}, registry=registry
        )
    ]
    return out


@pytest.fixture(scope="module")
def registry(tmp_path_factory, plan_path) -> Path:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.chains import load_chains
    from clusterkg.loaders.load_firms import plan_zones
    from clusterkg.loaders.sample_firms import generate_firms

    zones = plan_zones(plan_path)
    out = tmp_path_factory.mktemp("bulk") / "firms.csv"
    generate_firms(300, 7, zones, load_chains(), out)
    # A registry row for a firm the plan names (same key, no USCC): the registry load
    # updates that node, keeping what the plan states about it.
    with out.open("a", encoding="utf-8") as f:
        f.write(
            f'中信重工,,{zones[0][0]},,3511,矿山机械,"1,250.5",是,测试路1号,,(0379)6408 8999,,"6,500人",1993年1月1日\n'
        )
    return out


@pytest.fixture(scope="module")
def bolt_loaded(loaded_plan, driver, settings, registry: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.load_firms import load_firms

    load_firms(driver, settings, registry)
    name = read(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) RETURN e.name AS n ORDER BY e.key LIMIT 1")
    firm = name[0]["n"]
    # A plan firm the registry also names, a registry firm placed by an industry code and one by a
    # product keyword, and a plan firm the registry does not name.
    by_rule = read(
        driver,
        settings,
        "MATCH (e:Enterprise {source: 'registry'})-[r:IN_SEGMENT]->() WITH e, min(r.rule) AS rule "
        "RETURN split(rule, ':')[0] AS kind, min(e.key) AS key ORDER BY kind",
    )
    plan_only = read(
        driver,
        settings,
        "MATCH (e:Enterprise) WHERE e.source IS NULL AND e.key <> '中信重工' RETURN min(e.key) AS key",
    )
    keys = ["中信重工", *(r["key"] for r in by_rule), plan_only[0]["key"]]
    return {
        "keys": keys,
        "counts_and_firms": counts_and_firms(driver, settings, keys),
        "export": export_graph(driver, settings),
        "typed": typed(driver, settings),
        "firm": firm,
        "named": named_results(driver, settings, firm),
    }


@pytest.fixture(scope="module")
def bulk_loaded(bolt_loaded, driver, settings, plan_path, registry: Path):  # type: ignore[no-untyped-def]
    result = bulk_import(settings, plan_path, registry)
    return result


def test_bulk_import_writes_the_graph_the_bolt_loaders_write(bolt_loaded, bulk_loaded, driver, settings) -> None:  # type: ignore[no-untyped-def]
    assert bulk_loaded.firms == 301 and bulk_loaded.rejected == 0
    assert export_graph(driver, settings) == bolt_loaded["export"]
    assert typed(driver, settings) == bolt_loaded["typed"]


def test_bulk_and_bolt_give_the_same_counts_and_the_same_named_firms(
    bolt_loaded, bulk_loaded, driver, settings
) -> None:  # type: ignore[no-untyped-def]
    keys = bolt_loaded["keys"]
    assert len(set(keys)) == 4 and None not in keys  # each kind of firm is there to compare
    after = counts_and_firms(driver, settings, keys)
    assert after == bolt_loaded["counts_and_firms"]
    counts = {r["name"]: r["n"] for r in after["counts"]}
    assert {k: counts[k] for k in bulk_loaded.counts} == bulk_loaded.counts
    assert counts["Presence"] == bulk_loaded.presence_cells > 0
    firms = after["firms"]
    assert [link[0] for link in firms["中信重工"]["links"]].count("STATED_IN") == 1
    assert firms["中信重工"]["props"]["revenue_wan"] == 1250.5


def test_the_plan_firm_the_registry_names_keeps_its_provenance(bulk_loaded, driver, settings) -> None:  # type: ignore[no-untyped-def]
    got = read(
        driver,
        settings,
        "MATCH (e:Enterprise {key: '中信重工'}) RETURN e.revenue_wan AS rev, e.chain_leader AS lead, "
        "e.aliases AS aliases, COUNT { (e)-[:STATED_IN]->(:Document) } AS stated, "
        "COUNT { (e)-[:ANCHORS]->() } AS anchors, COUNT { (e)-[:SITED_IN]->() } AS sited",
    )
    assert got == [{"rev": 1250.5, "lead": True, "aliases": [], "stated": 1, "anchors": 1, "sited": 1}]


def test_the_registry_contact_columns_are_imported_with_their_types(bulk_loaded, driver, settings) -> None:  # type: ignore[no-untyped-def]
    got = read(
        driver,
        settings,
        "MATCH (e:Enterprise {key: '中信重工'}) RETURN e.address AS address, e.contact AS contact, e.phone AS phone, "
        "e.legal_rep AS legal_rep, e.employees AS employees, e.founded AS founded, e.sample AS sample",
    )
    assert got == [
        {
            "address": "测试路1号",
            "contact": None,
            "phone": "0379-64088999",
            "legal_rep": None,
            "employees": 6500,
            "founded": "1993-01-01",
            "sample": None,
        }
    ]
    kinds = read(
        driver,
        settings,
        "MATCH (e:Enterprise {source: 'registry'}) WHERE e.sample "
        "RETURN count(*) AS firms, collect(DISTINCT valueType(e.employees)) AS employees, "
        "collect(DISTINCT valueType(e.founded)) AS founded, "
        "count(CASE WHEN e.phone STARTS WITH '0371-5550' AND e.address CONTAINS '示例' THEN 1 END) AS marked",
    )
    assert kinds == [{"firms": 300, "employees": ["INTEGER NOT NULL"], "founded": ["STRING NOT NULL"], "marked": 300}]


def test_named_queries_and_search_answer_as_after_a_bolt_load(bolt_loaded, bulk_loaded, driver, settings) -> None:  # type: ignore[no-untyped-def]
    after = named_results(driver, settings, bolt_loaded["firm"])
    assert after["search firm"] and after["search firm"][0]["name"] == bolt_loaded["firm"]
    assert after == bolt_loaded["named"]


def test_constraints_and_the_full_text_index_exist_after_a_bulk_import(bulk_loaded, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.model import Label

    with driver.session(database=settings.neo4j_database) as s:
        constraints = {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name")}
        indexes = {r["name"]: r["state"] for r in s.run("SHOW INDEXES YIELD name, state")}
    assert constraints == {f"{label.value.lower()}_key" for label in Label if label is not Label.PRESENCE}
    assert indexes["entity_names"] == "ONLINE"


def test_an_invalid_row_refuses_the_file_and_leaves_the_database_untouched(
    bulk_loaded,
    driver,
    settings,
    registry: Path,
    plan_path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        registry.read_text(encoding="utf-8-sig") + "某公司,,不存在的园区,,3511,机械,100,否,,,,,,\n", encoding="utf-8"
    )
    before = export_graph(driver, settings)
    with pytest.raises(InputError) as exc:
        bulk_import(settings, plan_path, bad)
    assert "1 problem(s)" in str(exc.value) and "不存在的园区" in str(exc.value) and "row 303" in str(exc.value)
    assert LocalServer.for_settings(settings).running()
    assert export_graph(driver, settings) == before


def test_a_failed_import_puts_the_previous_database_back(
    bulk_loaded,
    driver,
    settings,
    registry: Path,
    plan_path,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    # A relationship to a node no file defines: neo4j-admin itself refuses the import.
    dangling = tmp_path / "dangling.csv"
    dangling.write_text(':START_ID(Zone),:END_ID(Zone)\n"nowhere","nobody"\n', encoding="utf-8")
    arguments = CsvTables.import_arguments
    monkeypatch.setattr(
        CsvTables, "import_arguments", lambda self: [*arguments(self), f"--relationships=SERVES={dangling}"]
    )
    before = export_graph(driver, settings)
    with pytest.raises(BulkImportError) as exc:
        bulk_import(settings, plan_path, registry)
    assert "previous database was put back" in str(exc.value)
    assert export_graph(driver, settings) == before
    assert not LocalServer.for_settings(settings).aside(settings.neo4j_database).exists()


@pytest.mark.parametrize("uri", ["bolt://neo4j.example.org:7687", "neo4j://10.0.0.5:7687", "bolt://127.0.0.1:1"])
def test_bulk_refuses_a_server_the_script_does_not_run(settings, uri: str) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.errors import ConfigError

    with pytest.raises(ConfigError):
        LocalServer.for_settings(settings.model_copy(update={"neo4j_uri": uri}))

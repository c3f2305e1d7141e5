"""extract → review the facts file → load facts, against the real Neo4j; and the extract command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.db import read
from clusterkg.graph.export import export_graph
from clusterkg.loaders.extract.pipeline import (
    CLUSTER_STATEMENTS,
    extract_path,
    write_facts,
)
from clusterkg.loaders.load_plan import load_facts

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "clusterkg")


def run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def scrubbed_env() -> dict[str, str]:
    """The environment without any Neo4j or clusterkg setting: no password anywhere in it."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CLUSTERKG_"))}
    return {**keep, "COLUMNS": "200"}


@pytest.fixture(scope="module")
def henan_json(plan_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Henan plan's facts as `clusterkg extract` writes them; the plan itself is not beside it."""
    path: Path = write_facts(extract_path(plan_path), tmp_path_factory.mktemp("facts") / "henan.facts.json")
    return path


def rename_firm(data: dict[str, Any], old: str, new: str) -> None:
    for firm in data["firms"]:
        if firm["name"] == old:
            firm["name"] = new
    for c in data["clusters"]:
        c["firms"] = [new if f == old else f for f in c["firms"]]
        for lk in c.get("link_evidence", []):
            if lk["kind"] == "firm" and lk["name"] == old:
                lk["name"] = new
    for p in data["projects"]:
        p["firms"] = [new if f == old else f for f in p["firms"]]


@pytest.fixture(scope="module")
def edit(henan_json: Path) -> dict[str, str]:
    """A reviewer's edit: one firm renamed (it anchors a cluster and runs a project), one zone link added."""
    data = json.loads(henan_json.read_text(encoding="utf-8"))
    run_by = {f for p in data["projects"] for f in p["firms"]}
    cluster = next(c for c in data["clusters"] if set(c["firms"]) & run_by)
    old = min(set(cluster["firms"]) & run_by)
    zone = next(z["name"] for z in data["zones"] if z["name"] not in cluster["zones"])
    rename_firm(data, old, old + "新")
    cluster["zones"].append(zone)
    edited = henan_json.with_name("henan.edited.facts.json")
    edited.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return {
        "file": str(edited),
        "old": old,
        "new": old + "新",
        "cluster": cluster["name"],
        "zone": zone,
        "first_start": str(cluster["evidence"][0]["start"]),
    }


@pytest.mark.integration
def test_unedited_facts_load_the_graph_load_plan_loads(loaded_plan, driver, settings, henan_json) -> None:  # type: ignore[no-untyped-def]
    before = export_graph(driver, settings)
    result = load_facts(driver, settings, henan_json)
    assert result.written and result.warnings == ()
    assert result.counts == loaded_plan.counts
    assert export_graph(driver, settings) == before


@pytest.mark.integration
def test_an_edited_facts_file_shows_the_edit_in_the_graph(loaded_plan, driver, settings, edit) -> None:  # type: ignore[no-untyped-def]
    load_facts(driver, settings, edit["file"])
    firms = read(
        driver,
        settings,
        "MATCH (e:Enterprise) WHERE e.key IN [$old, $new] "
        "RETURN e.key AS key, [(e)-[:ANCHORS]->(c) | c.key] AS anchors, "
        "[(p:Project)-[:RUN_BY]->(e) | p.key] AS projects",
        {"old": edit["old"], "new": edit["new"]},
    )
    assert [r["key"] for r in firms] == [edit["new"]], "the old name is gone, not left beside the new one"
    assert edit["cluster"] in firms[0]["anchors"] and firms[0]["projects"]
    serves = read(
        driver,
        settings,
        "MATCH (:Zone {key: $z})-[r:SERVES]->(:Cluster {key: $c}) RETURN r.start AS s",
        {"z": edit["zone"], "c": edit["cluster"]},
    )
    assert serves == [{"s": int(edit["first_start"])}], "an added link quotes the cluster's first statement"


@pytest.mark.integration
def test_loading_an_edited_facts_file_twice_changes_nothing(loaded_plan, driver, settings, edit) -> None:  # type: ignore[no-untyped-def]
    first = load_facts(driver, settings, edit["file"])
    before = export_graph(driver, settings)
    again = load_facts(driver, settings, edit["file"])
    assert again.counts == first.counts
    assert export_graph(driver, settings) == before


@pytest.mark.integration
def test_a_quote_the_document_does_not_say_writes_nothing(loaded_plan, driver, settings, henan_json, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(henan_json.read_text(encoding="utf-8"))
    data["clusters"][2]["evidence"][0]["quote"] = "改过的引文"
    bad = tmp_path / "bad.facts.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = export_graph(driver, settings)
    with pytest.raises(InputError, match=r"bad\.facts\.json: clusters\[2\]\.evidence\[0\]: quote '改过的引文' differs"):
        load_facts(driver, settings, bad)
    assert export_graph(driver, settings) == before


def test_facts_without_their_document_load_with_a_warning_and_no_cross_cluster_links(
    settings, henan_json, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(henan_json.read_text(encoding="utf-8"))
    data["document"]["file"] = "moved-away.txt"
    moved = tmp_path / "moved.facts.json"
    moved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = load_facts(None, settings, moved, dry_run=True)
    assert len(result.warnings) == 1 and "moved-away.txt not found" in result.warnings[0]
    assert "LINKS_TO" not in result.counts and result.counts["Cluster"] == 63


# -- the console script ------------------------------------------------------------------
def test_extract_of_a_text_stating_no_cluster_exits_1_with_one_line(tmp_path: Path) -> None:
    text = tmp_path / "services.txt"
    text.write_text("关于加快服务业发展的意见\n一、总体要求\n坚持市场主导。\n", encoding="utf-8")
    proc = run("extract", str(text), cwd=tmp_path, env=scrubbed_env())
    assert proc.returncode == 1 and proc.stdout == ""
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert lines == [f"error: {text}: no cluster statement found (looked for {CLUSTER_STATEMENTS}); nothing written"]


def test_extract_writes_the_facts_file_without_a_neo4j_password(plan_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.json"
    proc = run("extract", str(plan_path), "-o", str(out), cwd=tmp_path, env=scrubbed_env())
    assert proc.returncode == 0, proc.stderr
    assert "63 clusters" in proc.stderr and "0 warnings" in proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["document"]["profile"] == "henan-action-plan" and len(data["clusters"]) == 63


def test_extract_prints_yaml_to_stdout(plan_path: Path, tmp_path: Path) -> None:
    import yaml

    proc = run("extract", str(plan_path), "--format", "yaml", cwd=tmp_path, env=scrubbed_env())
    assert proc.returncode == 0, proc.stderr
    assert len(yaml.safe_load(proc.stdout)["clusters"]) == 63


def test_load_facts_dry_run_prints_counts_and_a_broken_file_is_one_line(henan_json: Path, tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "200"}
    proc = run("load", "facts", str(henan_json), "--dry-run", cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "dry run" in proc.stdout and "Cluster" in proc.stdout and "0 warnings" in proc.stderr
    data = json.loads(henan_json.read_text(encoding="utf-8"))
    data["clusters"][0]["zones"].append("不存在的产业集聚区")
    bad = tmp_path / "dangling.facts.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = run("load", "facts", str(bad), "--dry-run", cwd=ROOT, env=env)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 1 and len(lines) == 1
    assert "clusters[0].zones[" in lines[0] and "'不存在的产业集聚区' is not declared in zones" in lines[0]

"""Files users run without this test suite: compose file, Dockerfile, pins."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_runs_official_neo4j_and_the_api_after_it_is_healthy() -> None:
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j = spec["services"]["neo4j"]
    api = spec["services"]["api"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo4j and neo4j["volumes"] == ["neo4j-data:/data"]
    assert api["build"] == "."
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert "neo4j-data" in spec["volumes"]


def test_dockerfile_copies_every_package_folder() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    folders = {d.split("/")[0] for d in pyproject["tool"]["setuptools"]["package-dir"].values()}
    for folder in folders:
        assert f"COPY {folder} ./{folder}" in text


def test_every_dependency_is_pinned_and_in_the_constraints() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = pyproject["project"]["dependencies"] + pyproject["project"]["optional-dependencies"]["dev"]
    constraints = {
        line.split("==")[0].lower().replace("_", "-"): line.split("==")[1]
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    for dep in deps:
        name, version = dep.split("==")
        base = name.split("[")[0].lower().replace("_", "-")
        assert constraints.get(base) == version, dep

"""Shared fixtures. Integration tests talk to the real Neo4j started by `make neo4j`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLAN = Path(os.environ.get("CLUSTERKG_PLANS", ROOT.parent / "shared" / "plans")) / "henan-2015-baiqianwan-clusters.txt"


@pytest.fixture(scope="session")
def plan_path() -> Path:
    if not PLAN.exists():
        pytest.fail(f"the Henan plan is expected at {PLAN} (set CLUSTERKG_PLANS)")
    return PLAN


@pytest.fixture(scope="session")
def settings():  # type: ignore[no-untyped-def]
    from clusterkg.settings import get_settings

    os.chdir(ROOT)  # .env with the local password lives at the repo root
    return get_settings()


@pytest.fixture(scope="session")
def driver(settings):  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import check_connectivity, create_driver

    drv = create_driver(settings)
    check_connectivity(drv, settings)  # fails the run with one clear line if `make neo4j` was not run
    yield drv
    drv.close()


def wipe(driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.writes import clear_graph

    clear_graph(driver, settings)


@pytest.fixture(scope="session")
def graph(driver, settings, plan_path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The real database for this run; afterwards it holds just the plan, as `make demo` leaves it."""
    yield driver
    from clusterkg.loaders.load_plan import load_plan

    wipe(driver, settings)
    load_plan(driver, settings, plan_path)


@pytest.fixture(scope="module")
def loaded_plan(graph, driver, settings, plan_path):  # type: ignore[no-untyped-def]
    """A graph holding exactly the Henan plan; each module starts from it."""
    from clusterkg.loaders.load_plan import load_plan

    wipe(driver, settings)
    return load_plan(driver, settings, plan_path)

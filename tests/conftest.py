"""Shared fixtures. Integration tests talk to a real Neo4j of their own, never the user's.

The suite's server is ``scripts/test-neo4j.sh`` (``.neo4j-test/``, Bolt 7688, password in
``.env.test``).  Its settings replace the user's in this process's environment before
anything reads settings, so the fixtures, the CLI and uvicorn subprocesses the tests spawn,
and every ``scripts/neo4j.sh`` a test or a loader runs (stop, start, neo4j-admin) all act on
the test server.  The ``settings`` fixture refuses to run against the user's server; a
marker written to the user's server before the run must be there after it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from clients import api_client
from user_instance import marker_present, remove_marker, user_settings, write_marker

from clusterkg.errors import DatabaseUnavailable

ROOT = Path(__file__).resolve().parents[1]
PLAN = Path(os.environ.get("CLUSTERKG_PLANS", ROOT.parent / "shared" / "plans")) / "henan-2015-baiqianwan-clusters.txt"
TEST_SCRIPT = ROOT / "scripts" / "test-neo4j.sh"

# The user's server as this environment names it, read before the test settings replace it.
USER = user_settings()
USER_HOME = Path(os.environ.get("CLUSTERKG_NEO4J_HOME", ROOT / ".neo4j")).resolve()


def _test_environment() -> dict[str, str]:
    done = subprocess.run(["bash", str(TEST_SCRIPT), "env"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise pytest.UsageError(done.stderr.strip() or f"{TEST_SCRIPT} env failed")
    return dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)


TEST_ENV = _test_environment()
USER_ENV = dict(os.environ)  # scripts/test-neo4j.sh compares itself with the user's server named here
os.environ.update(TEST_ENV)
os.environ.pop("NEO4J_PASSWORD", None)  # the test password is in .env.test; never send the user's


def _port(uri: str) -> int:
    return urlsplit(uri).port or 7687


def refuse_the_users_server(uri: str, home: Path) -> None:
    """Stop the whole run, saying why, unless ``uri`` and ``home`` are the test server's."""
    user_ports = {7687} | ({_port(USER.neo4j_uri)} if USER is not None else set())
    problem = None
    if _port(uri) in user_ports:
        problem = f"the tests' NEO4J_URI {uri} is the user's server (Bolt port {_port(uri)})"
    elif _port(uri) != int(TEST_ENV["NEO4J_BOLT_PORT"]):
        problem = f"the tests' NEO4J_URI {uri} is not the test server (Bolt port {TEST_ENV['NEO4J_BOLT_PORT']})"
    elif home.resolve() in {(ROOT / ".neo4j").resolve(), USER_HOME}:
        problem = f"the test server's data folder {home} is the user's"
    if problem:
        pytest.exit(
            f"refusing to run the tests: {problem}; they wipe the database they use. "
            "Run them with `make test` (scripts/test-neo4j.sh, .neo4j-test/ on Bolt 7688).",
            returncode=2,
        )


# ─────────────────────────── the user's marker ───────────────────────────

_MARKER = pytest.StashKey[str | None]()
_GONE = pytest.StashKey[str]()


def pytest_sessionstart(session: pytest.Session) -> None:
    # Only when the user's server answers, and only on a run that talks to Neo4j at all.
    session.config.stash[_MARKER] = write_marker(USER) if USER is not None and not _unit_only(session) else None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    token = session.config.stash.get(_MARKER, None)
    if token is None or USER is None:
        return
    try:
        if marker_present(USER, token):
            remove_marker(USER, token)
            return
        gone = "is gone: the suite touched the user's data"
    except DatabaseUnavailable as exc:
        gone = f"cannot be checked: the server answered before the tests and no longer does ({exc})"
    session.config.stash[_GONE] = f"the marker written to the user's server at {USER.neo4j_uri} before the tests {gone}"
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if (gone := terminalreporter.config.stash.get(_GONE, None)) is not None:
        terminalreporter.write_line(f"ERROR: {gone}", red=True, bold=True)


def _unit_only(session: pytest.Session) -> bool:
    args = [str(a) for a in session.config.args]
    return bool(args) and all("tests/unit" in a or a.endswith("unit") for a in args)


@pytest.fixture(scope="session")
def user_marker(request: pytest.FixtureRequest) -> str | None:
    """The token of the marker on the user's server, None when that server is not running."""
    return request.config.stash.get(_MARKER, None)


@pytest.fixture(scope="session")
def user() -> object:
    """The user's server's settings (None without a password for it)."""
    return USER


# ─────────────────────────── the test server ───────────────────────────


@pytest.fixture(scope="session")
def plan_path() -> Path:
    """The Henan 2015 plan; its tests skip with the reason where ../shared is absent, and fail on CI,
    where the plans must be there."""
    if not PLAN.exists():
        reason = f"the Henan plan is not at {PLAN} (../shared absent; set CLUSTERKG_PLANS)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return PLAN


@pytest.fixture(scope="session")
def settings():  # type: ignore[no-untyped-def]
    """The test server's settings; the server is started first if it is not running."""
    from clusterkg.settings import get_settings

    refuse_the_users_server(TEST_ENV["NEO4J_URI"], Path(TEST_ENV["CLUSTERKG_NEO4J_HOME"]))
    started = subprocess.run(
        ["bash", str(TEST_SCRIPT), "start"], cwd=ROOT, env=USER_ENV, capture_output=True, text=True, check=False
    )
    if started.returncode != 0:
        pytest.exit(f"the test server did not start: {(started.stdout + started.stderr).strip()}", returncode=2)
    os.chdir(ROOT)
    resolved = get_settings()
    refuse_the_users_server(resolved.neo4j_uri, Path(os.environ["CLUSTERKG_NEO4J_HOME"]))
    return resolved


@pytest.fixture(scope="session")
def driver(settings):  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import check_connectivity, create_driver, read

    drv = create_driver(settings)
    check_connectivity(drv, settings)  # fails the run with one clear line if the server is down
    # The server that answers must keep its data in the test home, whatever the ports say.
    data = read(drv, settings, "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value")
    served = Path(data[0]["value"]).resolve() if data else None
    if served != (Path(TEST_ENV["CLUSTERKG_NEO4J_HOME"]) / "data").resolve():
        drv.close()
        pytest.exit(
            f"refusing to run the tests: the server at {settings.neo4j_uri} keeps its data in {served}, "
            f"not in the test home {TEST_ENV['CLUSTERKG_NEO4J_HOME']}",
            returncode=2,
        )
    yield drv
    drv.close()


def wipe(driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.writes import clear_graph

    clear_graph(driver, settings)


@pytest.fixture(scope="session")
def graph(driver) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The test server's database for this run (the user's data lives on another server)."""
    yield driver


@pytest.fixture(scope="module")
def loaded_plan(graph, driver, settings, plan_path):  # type: ignore[no-untyped-def]
    """A graph holding exactly the Henan plan; each module starts from it."""
    from clusterkg.loaders.load_plan import load_plan

    wipe(driver, settings)
    return load_plan(driver, settings, plan_path)


@pytest.fixture(scope="module")
def client(loaded_plan, settings):  # type: ignore[no-untyped-def]
    """The API on a graph holding the Henan plan; a module on another graph defines its own with api_client."""
    with api_client(settings) as c:
        yield c

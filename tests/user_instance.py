"""The user's own Neo4j, seen from the test suite only to prove that the suite leaves it alone.

The suite runs on a server of its own (scripts/test-neo4j.sh); the user's server is the one
``make demo`` runs (``.neo4j/``, Bolt 7687) or whatever ``NEO4J_URI`` and ``.env`` name.  A
marker node written there before the suite must still be there after it.  conftest.py does
this for every run when the user's server answers; .ci/run does it around ``make test`` from
outside pytest, so that a broken conftest cannot hide a wiped graph:

    .venv/bin/python tests/user_instance.py write         # prints the marker's token
    .venv/bin/python tests/user_instance.py check TOKEN   # exit 1 unless it is still there
"""

from __future__ import annotations

import sys
import uuid

from neo4j import Driver
from pydantic import ValidationError

from clusterkg.errors import DatabaseUnavailable
from clusterkg.graph.db import check_connectivity, create_driver, read, write
from clusterkg.settings import Settings, env_files

# Not one of the model's labels: no query, export or loader of the project reads or writes it.
MARKER = "ClusterkgSuiteMarker"


def user_settings() -> Settings | None:
    """The settings of the user's server in this environment, or None without a password.

    Call it before the test environment replaces ``NEO4J_URI`` and the env file.
    """
    try:
        return Settings(_env_file=env_files())  # type: ignore[call-arg]
    except ValidationError:
        return None


def _driver(settings: Settings) -> Driver:
    driver: Driver = create_driver(settings)
    try:
        check_connectivity(driver, settings)
    except Exception:
        driver.close()
        raise
    return driver


def write_marker(settings: Settings) -> str | None:
    """Write a marker node on the user's server and return its token; None if it does not answer."""
    try:
        driver = _driver(settings)
    except DatabaseUnavailable:
        return None
    token = uuid.uuid4().hex
    try:
        write(driver, settings, f"CREATE (:{MARKER} {{token: $token, at: datetime()}})", {"token": token})
    finally:
        driver.close()
    return token


def marker_present(settings: Settings, token: str) -> bool:
    """Whether the marker of ``token`` is still on the user's server (which must answer)."""
    driver = _driver(settings)
    try:
        return bool(
            read(driver, settings, f"MATCH (m:{MARKER} {{token: $token}}) RETURN count(m) AS n", {"token": token})[0][
                "n"
            ]
        )
    finally:
        driver.close()


def remove_marker(settings: Settings, token: str) -> None:
    driver = _driver(settings)
    try:
        write(driver, settings, f"MATCH (m:{MARKER} {{token: $token}}) DELETE m", {"token": token})
    finally:
        driver.close()


def main(argv: list[str]) -> int:
    settings = user_settings()
    if settings is None:
        print("user_instance: no NEO4J_PASSWORD for the user's server (.env)", file=sys.stderr)
        return 2
    if argv[:1] == ["write"]:
        token = write_marker(settings)
        if token is None:
            print(f"user_instance: the user's server at {settings.neo4j_uri} does not answer", file=sys.stderr)
            return 2
        print(token)
        return 0
    if argv[:1] == ["check"] and len(argv) == 2:
        if marker_present(settings, argv[1]):
            remove_marker(settings, argv[1])
            print(f"user_instance: the marker written to {settings.neo4j_uri} before the tests is still there")
            return 0
        print(
            f"user_instance: the marker written to {settings.neo4j_uri} before the tests is GONE: "
            "the suite touched the user's data",
            file=sys.stderr,
        )
        return 1
    print("usage: user_instance.py write | check TOKEN", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

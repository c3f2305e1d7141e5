"""Settings: only a driver needs the Neo4j password."""

from __future__ import annotations

import pytest

from clusterkg.errors import ConfigError
from clusterkg.graph.db import create_driver
from clusterkg.settings import Settings


def test_settings_without_a_password_load_but_refuse_a_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.neo4j_password is None
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD is not set"):
        create_driver(settings)

"""Fixtures shared by the parser and builder unit tests."""

from __future__ import annotations

import pytest

from clusterkg.loaders.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()

"""The test client of the app, imported by the suite's conftest and by modules that need one on a
graph of their own (a module named apart from the conftests, so unit and integration tests can be
collected in one run)."""

from __future__ import annotations


def api_client(settings, *, raise_server_exceptions: bool = True, **overrides):  # type: ignore[no-untyped-def]
    """A test client of the app on ``settings`` (with ``overrides``); use it as a context manager."""
    from fastapi.testclient import TestClient

    from clusterkg.api.app import create_app

    app_settings = settings.model_copy(update=overrides) if overrides else settings
    return TestClient(create_app(app_settings), raise_server_exceptions=raise_server_exceptions)

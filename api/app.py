"""The FastAPI application: one driver per process, created in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clusterkg import __version__
from clusterkg.errors import DatabaseUnavailable
from clusterkg.graph.db import counting_queries, create_driver
from clusterkg.graph.schema import SchemaOutdated, require_current
from clusterkg.queries import load_registry
from clusterkg.settings import Settings, get_settings

from .chains import router as chains_router
from .errors import ERROR_RESPONSES, ErrorBody, install_error_handlers
from .home import router as home_router
from .openapi import install_examples
from .pages import router as pages_router
from .routes import router
from .routes_admin import router as admin_router
from .routes_analytics import router as analytics_router
from .routes_chain import router as chain_router
from .routes_documents import router as documents_router
from .routes_gaps import router as gaps_router
from .routes_map import router as map_router
from .routes_planning import router as planning_router
from .routes_viz import router as viz_router
from .search import router as search_router
from .zones import router as zones_router

DESCRIPTION = (
    "Named, bounded queries over the clusterkg graph of industrial clusters, zones, "
    "anchor firms, projects and places stated in provincial industrial-policy plans."
)


class QueryCount:
    """Reports the queries a request ran in its X-Query-Count header (what a streamed body runs after
    the headers are sent is not counted), so tests can hold pages to a fixed number of queries."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with counting_queries() as count:

            async def send_counted(message: Message) -> None:
                if message["type"] == "http.response.start":
                    MutableHeaders(scope=message).append("X-Query-Count", str(count[0]))
                await send(message)

            await self.app(scope, receive, send_counted)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the driver is opened on start-up and closed on shut-down."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        s = settings or get_settings()
        app.state.settings = s
        app.state.registry = load_registry()
        app.state.driver = create_driver(s)
        try:
            # A graph of an older schema is refused at start, saying what to run; one that
            # cannot be reached yet is served anyway (routes answer 503 until it is back).
            require_current(app.state.driver, s)
        except DatabaseUnavailable:
            pass
        except SchemaOutdated:
            app.state.driver.close()
            raise
        try:
            yield
        finally:
            app.state.driver.close()

    # Swagger UI and ReDoc assets are served by this app: intranets often have no internet.
    app = FastAPIOffline(title="clusterkg", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    install_error_handlers(app)
    install_examples(app)
    app.add_middleware(QueryCount)
    app.include_router(router, responses=ERROR_RESPONSES)
    # after the main router: /api/zones/shared must match before /api/zones/{key}
    app.include_router(planning_router, responses=ERROR_RESPONSES)
    app.include_router(viz_router, responses=ERROR_RESPONSES)
    app.include_router(analytics_router, responses=ERROR_RESPONSES)
    app.include_router(gaps_router, responses=ERROR_RESPONSES)
    app.include_router(chain_router, responses=ERROR_RESPONSES)
    app.include_router(documents_router, responses=ERROR_RESPONSES)
    app.include_router(chains_router, responses=ERROR_RESPONSES)
    app.include_router(home_router, responses=ERROR_RESPONSES)
    app.include_router(zones_router, responses=ERROR_RESPONSES)
    app.include_router(search_router, responses=ERROR_RESPONSES)
    app.include_router(pages_router, responses=ERROR_RESPONSES)
    app.include_router(map_router, responses=ERROR_RESPONSES)
    app.include_router(
        admin_router,
        responses={**ERROR_RESPONSES, 403: {"model": ErrorBody, "description": "write routes off or wrong X-API-Key"}},
    )
    # vis-network ships with the package: pages load nothing from outside the server.
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    return app

"""One JSON error body for every 4xx/5xx: ``{"error": {"status", "code", "message"}}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from clusterkg.errors import (
    ClusterKGError,
    ConfigError,
    DatabaseUnavailable,
    InputError,
    NotFoundError,
)


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Forbidden(ClusterKGError):
    """A write route without a valid API key, or with write routes off."""


_STATUS: list[tuple[type[ClusterKGError], int, str]] = [
    (Forbidden, 403, "forbidden"),
    (NotFoundError, 404, "not_found"),
    (InputError, 422, "invalid_input"),
    (DatabaseUnavailable, 503, "database_unavailable"),
    (ConfigError, 500, "misconfigured"),
]

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_input",
    429: "too_many_requests",
    503: "unavailable",
}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(status=status, code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


# Every route documents these, so clients (and schema checkers) know the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorBody, "description": "unknown key, query or route"},
    422: {"model": ErrorBody, "description": "invalid parameters; the message names which"},
    503: {"model": ErrorBody, "description": "Neo4j is unreachable"},
}


def install_error_handlers(app: FastAPI) -> None:
    """Map the project's errors, HTTP errors, validation errors and anything else to ErrorBody."""

    @app.exception_handler(ClusterKGError)
    async def _project(_: Request, exc: ClusterKGError) -> JSONResponse:
        for kind, status, code in _STATUS:
            if isinstance(exc, kind):
                return error_response(status, code, str(exc))
        return error_response(500, "error", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(
            exc.status_code,
            _HTTP_CODES.get(exc.status_code, "error"),
            str(exc.detail),
            headers=dict(exc.headers) if exc.headers else None,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc}: {e.get('msg')}")
        return error_response(422, "invalid_input", "; ".join(parts) or "invalid request")

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        # Never leak a trace to the client; the server log keeps it.
        import logging

        logging.getLogger("clusterkg.api").exception("unhandled error")
        return error_response(500, "internal_error", "internal error; the server log has the details")

"""One error body for every 4xx/5xx: JSON ``{"error": {"status", "code", "message"}}`` on the API,
and a Chinese HTML page with the same message on the pages people open in a browser."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
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


# Machine routes answer JSON; every other path is a page a person opened, and answers HTML.
JSON_PREFIXES = ("/api/", "/health", "/openapi", "/docs", "/redoc", "/static/")
_TITLES = {
    400: "请求有误",
    403: "无权访问",
    404: "未找到",
    405: "不支持的请求方法",
    413: "请求过大",
    422: "参数有误",
    429: "请求过于频繁",
    503: "数据库暂不可用",
}


# Files a program or an <img> fetches (map.svg, gaps.csv, report.docx) answer JSON like the API.
FILE_SUFFIXES = (".svg", ".csv", ".xlsx", ".docx", ".json", ".graphml", ".png")


def is_page(path: str) -> bool:
    """Whether ``path`` is a page a person opens (its errors are pages) rather than the API or a file."""
    return not path.startswith(JSON_PREFIXES) and not path.endswith(FILE_SUFFIXES)


def wants_html(request: Request) -> bool:
    """Whether an error on this request is shown to a person (a page) rather than a program (the API)."""
    return is_page(request.url.path)


def html_error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    from .map_embed import templates
    from .pages import CSS

    title = _TITLES.get(status, "服务器错误" if status >= 500 else "出错了")
    html = (
        templates()
        .get_template("error.html.j2")
        .render(title=title, css=CSS, message=message, status=status, code=code)
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def _respond(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse | HTMLResponse:
    if wants_html(request):
        return html_error(status, code, message, headers)
    return error_response(status, code, message, headers)


# Every route documents these, so clients (and schema checkers) know the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorBody, "description": "unknown key, query or route"},
    422: {"model": ErrorBody, "description": "invalid parameters; the message names which"},
    503: {"model": ErrorBody, "description": "Neo4j is unreachable"},
}


def install_error_handlers(app: FastAPI) -> None:
    """Map the project's errors, HTTP errors, validation errors and anything else to ErrorBody."""

    @app.exception_handler(ClusterKGError)
    async def _project(request: Request, exc: ClusterKGError) -> JSONResponse | HTMLResponse:
        for kind, status, code in _STATUS:
            if isinstance(exc, kind):
                return _respond(request, status, code, str(exc))
        return _respond(request, 500, "error", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found" and wants_html(request):
            message = f"没有这个页面：{request.url.path}"
        return _respond(
            request,
            exc.status_code,
            _HTTP_CODES.get(exc.status_code, "error"),
            message,
            headers=dict(exc.headers) if exc.headers else None,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse | HTMLResponse:
        parts = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc}: {e.get('msg')}")
        return _respond(request, 422, "invalid_input", "; ".join(parts) or "invalid request")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse | HTMLResponse:
        # Never leak a trace to the client; the server log keeps it.
        import logging

        logging.getLogger("clusterkg.api").exception("unhandled error")
        return _respond(request, 500, "internal_error", "internal error; the server log has the details")

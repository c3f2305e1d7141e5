"""OpenAPI extras: an example for every parameter, so /docs can be tried at once, and the pages'
errors documented as the HTML pages they are."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from .errors import is_page

# Required parameters have no default to show; these are real keys of the Henan plan.
_EXAMPLES: dict[tuple[str, str], Any] = {
    ("/api/clusters/{key}", "key"): "郑州高端装备制造产业集群",
    ("/api/zones/{key}", "key"): "荥阳市产业集聚区",
    ("/api/enterprises/{key}", "key"): "郑煤机",
    ("/api/projects/{key}", "key"): "东风日产年产30万辆新工厂",
    ("/api/queries/{name}/rows", "name"): "zones_shared",
    ("/api/clusters/{key}/candidates", "segment"): "meat-cold-chain/packaging",
    ("/api/admin/load-plan", "x-api-key"): "the value of CLUSTERKG_API_KEY",
}
_BY_NAME: dict[str, Any] = {"label": "Cluster", "key": "漯河食品产业集群", "q": "郑州"}


def install_examples(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so every parameter carries an example (its default if it has one)."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = base()
        for path, ops in spec.get("paths", {}).items():
            for op in ops.values():
                if is_page(path):
                    # a page's errors are pages too (api/errors.py), with the message in Chinese
                    for status, response in op.get("responses", {}).items():
                        if status.isdigit() and int(status) >= 400:
                            response["content"] = {"text/html": {"schema": {"type": "string"}}}
                for p in op.get("parameters", []):
                    if "example" in p or "examples" in p or "examples" in p.get("schema", {}):
                        continue
                    if (path, p["name"]) in _EXAMPLES:
                        p["example"] = _EXAMPLES[(path, p["name"])]
                    elif "default" in p.get("schema", {}):
                        p["example"] = p["schema"]["default"]
                    elif p["name"] in _BY_NAME:
                        p["example"] = _BY_NAME[p["name"]]
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]

"""The CLI's commands for documents over time: documents, unload, diff, same-as propose.

Registered on the one ``clusterkg`` app by :mod:`clusterkg.cli` (kept apart so that file stays small).
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from .cli import app, console, driver_for, err, guarded
from .errors import InputError
from .settings import get_settings

same_as_app = typer.Typer(no_args_is_help=True, help="Names different documents use for one thing.")
app.add_typer(same_as_app, name="same-as")


@app.command("documents")
@guarded
def documents_cmd() -> None:
    """List the loaded documents, oldest first, with what each states."""
    from clusterkg.queries.run import run_named

    settings = get_settings()
    with driver_for(settings) as driver:
        rows = run_named(driver, settings, "documents_list", {"limit": 1000})
    table = Table(title="documents")
    for col in ("key", "date", "title", "province", "clusters", "zones", "firms", "projects"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            *(
                str(r[c] if r[c] is not None else "")
                for c in ("key", "date", "title", "province", "clusters", "zones", "firms", "projects")
            )
        )
    console.print(table)


@app.command("unload")
@guarded
def unload_cmd(
    key: Annotated[str, typer.Argument(help="the document's key (`clusterkg documents` lists them)")],
    yes: Annotated[bool, typer.Option("--yes", help="unload without asking")] = False,
) -> None:
    """Remove one document and the facts only it states, in one transaction (what others state stays)."""
    from clusterkg.graph.documents import unload_document

    settings = get_settings()
    with driver_for(settings) as driver:
        if not yes:
            would = unload_document(driver, settings, key, dry_run=True)
            if not would.found:
                console.print(f"{key}: no such document loaded; nothing to unload")
                return
            if not sys.stdin.isatty():
                raise InputError(
                    f"{key}: would remove {would.statements} statements and {would.nodes} nodes; "
                    "pass --yes to unload without a prompt"
                )
            typer.confirm(f"{key}: remove {would.statements} statements and {would.nodes} nodes?", abort=True)
        done = unload_document(driver, settings, key)
    if not done.found:
        console.print(f"{key}: no such document loaded; nothing to unload")
    else:
        console.print(f"{key}: unloaded {done.statements} statements, removed {done.nodes} nodes only it stated")


@app.command("diff")
@guarded
def diff_cmd(
    old: Annotated[str, typer.Argument(metavar="FROM", help="the earlier document's key")],
    new: Annotated[str, typer.Argument(metavar="TO", help="the later document's key")],
    summary: Annotated[bool, typer.Option("--summary", help="counts per kind instead of the JSON")] = False,
) -> None:
    """What changed from one loaded document to another, as JSON (the shape of GET /api/diff)."""
    from clusterkg.api.routes_documents import document_diff
    from clusterkg.queries import load_registry

    settings = get_settings()
    with driver_for(settings) as driver:
        d = document_diff(driver, settings, load_registry(), old, new)
    if not summary:
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(title=f"{old} → {new}")
    for col in ("kind", "added", "removed", "kept", "changed"):
        table.add_column(col)
    for kind in ("clusters", "zones", "firms", "projects"):
        s: dict[str, Any] = d[kind]
        table.add_row(kind, *(str(len(s[p])) for p in ("added", "removed", "kept", "changed")))
    console.print(table)


@same_as_app.command("propose")
@guarded
def same_as_propose_cmd(
    old: Annotated[str, typer.Argument(metavar="FROM", help="one document's key")],
    new: Annotated[str, typer.Argument(metavar="TO", help="another document's key")],
    min_score: Annotated[float, typer.Option("--min-score", min=0.0, max=1.0, help="lowest score listed")] = 0.75,
    as_toml: Annotated[bool, typer.Option("--toml", help="print [[pair]] tables to paste, once checked")] = False,
) -> None:
    """Propose names of two documents that may be one thing, with scores; nothing is merged.

    Accepted pairs go, checked by a person, into loaders/data/same-as/<province code>.toml and
    apply from the next load of either document.
    """
    from clusterkg.graph.model import Label
    from clusterkg.loaders.same_as import propose, toml_lines
    from clusterkg.queries.run import run_named

    settings = get_settings()
    with driver_for(settings) as driver:
        docs = {d["key"]: d for d in run_named(driver, settings, "documents_list", {"limit": 1000})}
        for key in (old, new):
            if key not in docs:
                raise InputError(f"no document with key {key!r}; `clusterkg documents` lists them")
        rows = {
            key: run_named(driver, settings, "document_statements", {"doc": key, "limit": 20000}) for key in (old, new)
        }
    province = docs[new]["province_code"] or docs[old]["province_code"]
    proposals = []
    for label in (Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT):
        a = {r["key"] for r in rows[old] if r["label"] == label.value}
        b = {r["key"] for r in rows[new] if r["label"] == label.value}
        # Names both already share are one node: nothing to propose for them.
        proposals += propose(label, a - b, b - a, province, min_score=min_score)
    if as_toml:
        sys.stdout.write(toml_lines(proposals))
        return
    table = Table(title=f"same-as proposals {old} ↔ {new} (score ≥ {min_score})")
    for col in ("label", "from", "to", "score", "why"):
        table.add_column(col)
    for p in proposals:
        table.add_row(p.label.value, p.a, p.b, f"{p.score:.2f}", p.why)
    console.print(table)
    err.print(f"{len(proposals)} proposals; none merged", highlight=False)

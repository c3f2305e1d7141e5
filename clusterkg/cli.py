"""The ``clusterkg`` command: load, query, export and serve.

Errors print one line and exit non-zero; long work shows progress.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .errors import ClusterKGError
from .settings import Settings, get_settings


class RowRate(ProgressColumn):
    """Rows per second of a task, as the loaders count rows rather than bytes."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f} rows/s" if task.speed else "", style="progress.data.speed")


app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
load_app = typer.Typer(no_args_is_help=True, help="Load plans and data into the graph.")
app.add_typer(load_app, name="load")
sample_app = typer.Typer(no_args_is_help=True, help="Write synthetic, clearly marked data for demos and benchmarks.")
app.add_typer(sample_app, name="sample")
template_app = typer.Typer(no_args_is_help=True, help="Write empty registry templates that document their columns.")
app.add_typer(template_app, name="template")
report_app = typer.Typer(no_args_is_help=True, help="Write briefings to hand over (Word).")
app.add_typer(report_app, name="report")
console = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def driver_for(settings: Settings, *, any_version: bool = False) -> Iterator[Any]:
    """The CLI's one driver, checked before use and closed on exit.

    The graph must be of this code's schema version (or empty), else the one line says to run
    `clusterkg migrate`; ``any_version`` is for the commands that work on any (migrate, backup,
    restore).
    """
    from clusterkg.graph.db import check_connectivity, create_driver
    from clusterkg.graph.schema import require_current

    driver = create_driver(settings)
    try:
        check_connectivity(driver, settings)
        if not any_version:
            require_current(driver, settings)
        yield driver
    finally:
        driver.close()


def guarded(fn: Callable[..., None]) -> Callable[..., None]:
    """Turn the project's errors into one red line and exit status 1."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except ClusterKGError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted; nothing was half-written (loads are single transactions)", 130)

    return wrapper


def print_counts(title: str, counts: dict[str, int]) -> None:
    console.print(f"[bold]{title}[/]", highlight=False)
    table = Table()
    table.add_column("nodes")
    table.add_column("count", justify="right")
    table.add_column("relationships")
    table.add_column("count", justify="right")
    nodes = [(k, v) for k, v in counts.items() if not k.isupper()]
    rels = [(k, v) for k, v in counts.items() if k.isupper()]
    for i in range(max(len(nodes), len(rels))):
        n = nodes[i] if i < len(nodes) else ("", "")
        r = rels[i] if i < len(rels) else ("", "")
        table.add_row(n[0], str(n[1]), r[0], str(r[1]))
    console.print(table)


def print_warnings(warnings: tuple[str, ...], plan: Path) -> None:
    hint = f"; `clusterkg extract {plan}` lists them" if warnings else ""
    err.print(f"{len(warnings)} warnings{hint}", highlight=False, markup=False)


def _load_with_progress(settings: Settings, name: str, load: Callable[..., Any]) -> Any:
    with (
        driver_for(settings) as driver,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task(f"loading {name}", total=None)

        def step(what: str, n: int) -> None:
            bar.update(task, advance=n, description=f"loading {name}: {what}")

        return load(driver, progress=step)


@load_app.command("plan")
@guarded
def load_plan_cmd(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="plan document: .txt, .docx, .html, .pdf or .xlsx (default: the Henan plan in CLUSTERKG_PLANS)"
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="parse and validate; print counts; write nothing")] = False,
) -> None:
    """Extract a plan's facts and write them to the graph in one idempotent transaction."""
    from clusterkg.loaders.load_plan import load_plan

    settings = get_settings()
    plan = path or settings.default_plan_path
    if dry_run:
        result = load_plan(None, settings, plan, dry_run=True)
        print_counts(f"{plan.name}: would write (dry run)", result.counts)
    else:
        result = _load_with_progress(
            settings, plan.name, lambda driver, progress: load_plan(driver, settings, plan, progress=progress)
        )
        print_counts(f"{plan.name}: loaded into {settings.neo4j_database}", result.counts)
    print_warnings(result.warnings, plan)


@load_app.command("facts")
@guarded
def load_facts_cmd(
    path: Annotated[Path, typer.Argument(help="facts file (.json, .yaml) written by `clusterkg extract` and reviewed")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="check the file; print counts; write nothing")] = False,
) -> None:
    """Load a (corrected) facts file exactly as `load plan` loads the plan it came from."""
    from clusterkg.loaders.load_plan import load_facts

    settings = get_settings()
    if dry_run:
        result = load_facts(None, settings, path, dry_run=True)
        print_counts(f"{path.name}: would write (dry run)", result.counts)
    else:
        result = _load_with_progress(
            settings, path.name, lambda driver, progress: load_facts(driver, settings, path, progress=progress)
        )
        print_counts(f"{path.name}: loaded into {settings.neo4j_database}", result.counts)
    for w in result.warnings:
        err.print(f"warning: {w}", highlight=False, markup=False, soft_wrap=True)
    if not result.warnings:
        err.print("0 warnings", highlight=False)


class FactsFormat(str, Enum):
    json = "json"
    yaml = "yaml"


@app.command("extract")
@guarded
def extract_cmd(
    path: Annotated[Path, typer.Argument(help="plan document: .txt, .docx, .html, .pdf or .xlsx")],
    out: Annotated[Path | None, typer.Option("-o", "--out", help="write the facts here (default: stdout)")] = None,
    fmt: Annotated[
        FactsFormat | None, typer.Option("--format", help="json or yaml (default: from -o's suffix, else json)")
    ] = None,
) -> None:
    """Read a plan and print the facts it states, for review (no database needed)."""
    from clusterkg.loaders.extract.pipeline import (
        extract_path,
        facts_to_json,
        facts_to_yaml,
        write_facts,
    )

    facts = extract_path(path)
    if out is None:
        text = facts_to_yaml(facts) if fmt is FactsFormat.yaml else facts_to_json(facts)
        sys.stdout.write(text)
    else:
        write_facts(facts, out, fmt.value if fmt else None)
    counts = {
        "sectors": len(facts.sectors),
        "clusters": len(facts.clusters),
        "zones": len(facts.zones),
        "firms": len(facts.firms),
        "projects": len(facts.projects),
    }
    where = f"wrote {out}" if out else "facts"
    err.print(
        f"{path.name}: {where} ({facts.document.profile} reading): "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
        + f"; {len(facts.warnings)} warnings",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


@load_app.command("actuals")
@guarded
def load_actuals_cmd(
    path: Annotated[Path, typer.Argument(help="CSV with columns cluster,year,revenue_yi,source")],
) -> None:
    """Load reported cluster revenues (all rows checked first; any bad row writes nothing)."""
    from clusterkg.loaders.actuals import load_actuals

    settings = get_settings()
    with driver_for(settings) as driver:
        counts = load_actuals(driver, settings, path)
    print_counts(f"{path.name}: loaded", counts)


@load_app.command("firms")
@guarded
def load_firms_cmd(
    path: Annotated[Path, typer.Argument(help="registry export: .csv (UTF-8 or GB18030) or .xlsx")],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="load valid rows; write the others to FILE.rejects.csv")
    ] = False,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="first loads of 10^6+ firms: REPLACE THE WHOLE GRAPH with the plan and this file via "
            "neo4j-admin import (stops and restarts the local server of scripts/neo4j.sh)",
        ),
    ] = False,
    plan: Annotated[
        Path | None, typer.Option(help="with --bulk: the plan imported with the firms (default: the Henan plan)")
    ] = None,
) -> None:
    """Load firms from a registry export; by default any invalid row writes nothing."""
    from clusterkg.loaders.load_firms import load_firms

    settings = get_settings()
    if bulk:
        _load_firms_bulk(settings, path, plan or settings.default_plan_path, skip_invalid)
        return
    if plan is not None:
        raise typer.BadParameter("--plan only applies with --bulk (a Bolt load checks against the graph's plan)")
    with (
        driver_for(settings) as driver,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:,} rows"),
            RowRate(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar,
    ):
        tasks: dict[str, TaskID] = {}

        def advance(what: str, n: int) -> None:
            if what not in tasks:
                checked = bar.tasks[tasks["checking"]].completed if "checking" in tasks else None
                tasks[what] = bar.add_task(f"{path.name}: {what}", total=checked if what == "writing" else None)
            bar.update(tasks[what], advance=n)

        result = load_firms(driver, settings, path, skip_invalid=skip_invalid, progress=advance)
    print_counts(f"{path.name}: loaded", result.counts)
    if not result.atomic:
        err.print(
            f"{result.firms:,} firms committed in batches (over CLUSTERKG_ATOMIC_ROWS={settings.atomic_rows:,});"
            " if a load is interrupted, run it again: it converges",
            highlight=False,
        )
    if result.rejects_file:
        err.print(f"{result.rejected} invalid row(s) skipped; see {result.rejects_file}", highlight=False)


def _load_firms_bulk(settings: Settings, path: Path, plan: Path, skip_invalid: bool) -> None:
    from clusterkg.loaders.bulk_import import bulk_import

    err.print(
        f"[bold]--bulk replaces the whole graph[/] of database {settings.neo4j_database!r} at "
        f"{settings.neo4j_uri} with {plan.name} + {path.name}; anything else in it (other plans, "
        "actuals, earlier firms) goes. The server is stopped during the import; if the import "
        "fails, the previous database is put back.",
        highlight=False,
    )
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}
        titles = {
            "checking": "checking rows",
            "csv": "writing import CSVs",
            "stopping": "stopping Neo4j",
            "importing": "neo4j-admin import",
            "starting": "starting Neo4j",
            "schema": "Presence cells, constraints and indexes",
        }

        def advance(what: str, n: int) -> None:
            for other, task in tasks.items():
                if other != what and not bar.tasks[task].finished:
                    bar.update(task, total=bar.tasks[task].completed or 1, completed=bar.tasks[task].completed or 1)
            if what not in tasks:
                total = bar.tasks[tasks["checking"]].completed if what == "csv" and "checking" in tasks else None
                tasks[what] = bar.add_task(
                    titles.get(what, what), total=100 if what == "importing" else total, detail=""
                )
            task = tasks[what]
            if what == "importing":
                bar.update(task, completed=n, detail=f"stage {n}%")
            else:
                bar.update(task, advance=n)
                done = bar.tasks[task].completed
                bar.update(task, detail=f"{done:,.0f} rows" if done else "")

        result = bulk_import(settings, plan, path, skip_invalid=skip_invalid, progress=advance)
    print_counts(f"{plan.name} + {path.name}: imported into {settings.neo4j_database}", result.counts)
    t = result.timings
    err.print(
        f"{result.firms:,} firms, {result.presence_cells:,} Presence cells; "
        + ", ".join(f"{k} {v:.1f}s" for k, v in t.items()),
        highlight=False,
    )
    if result.rejects_file:
        err.print(f"{result.rejected} invalid row(s) skipped; see {result.rejects_file}", highlight=False)


@sample_app.command("firms")
@guarded
def sample_firms_cmd(
    out: Annotated[Path, typer.Argument(help="output .csv")],
    n: Annotated[int, typer.Option("--n", min=1, max=10_000_000, help="number of firms")] = 5000,
    seed: Annotated[int, typer.Option("--seed", help="same seed, same file")] = 1,
    gb18030: Annotated[bool, typer.Option("--gb18030", help="encode as GB18030 like many registry exports")] = False,
    plan: Annotated[
        Path | None, typer.Option(help="plan whose zones the firms sit in (default: the Henan plan)")
    ] = None,
    projects: Annotated[
        int, typer.Option("--projects", min=0, help="also write OUT-stem.projects.csv with this many projects")
    ] = 0,
) -> None:
    """Write a synthetic registry (every name marked 【样例】) over the plan's real zones and chains."""
    from clusterkg.loaders.chains import load_chains
    from clusterkg.loaders.load_firms import plan_zones
    from clusterkg.loaders.sample_firms import generate_firms, projects_path

    settings = get_settings()
    zones = plan_zones(plan or settings.default_plan_path)
    generate_firms(n, seed, zones, load_chains(), out, encoding="gb18030" if gb18030 else "utf-8", projects=projects)
    console.print(f"wrote {out}: {n} synthetic firms over {len(zones)} zones (marked 【样例】; see {out}.SAMPLE.txt)")
    if projects:
        console.print(f"wrote {projects_path(out)}: {projects} synthetic projects (load after the firms)")


@template_app.command("firms")
@guarded
def template_firms_cmd(
    out: Annotated[Path, typer.Argument(help="output .csv or .xlsx (the XLSX adds a 说明 sheet)")],
) -> None:
    """Write an empty firm registry with every column's header, for a team to fill in."""
    from clusterkg.loaders.firm_columns import COLUMNS, write_template

    write_template(out)
    console.print(f"wrote {out}: {len(COLUMNS)} columns, only 企业名称 required (see README, Registry columns)")


@load_app.command("projects")
@guarded
def load_projects_cmd(
    path: Annotated[Path, typer.Argument(help="project registry: .csv (UTF-8 or GB18030) or .xlsx")],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="load valid rows; write the others to FILE.rejects.csv")
    ] = False,
) -> None:
    """Load projects (name, zone, sponsor USCC, industry, content, investment); sponsors must be loaded firms."""
    from clusterkg.loaders.load_firms import load_projects

    settings = get_settings()
    with driver_for(settings) as driver:
        result = load_projects(driver, settings, path, skip_invalid=skip_invalid)
    print_counts(f"{path.name}: loaded", result.counts)
    if result.rejects_file:
        err.print(f"{result.rejected} invalid row(s) skipped; see {result.rejects_file}", highlight=False)


def _parse_params(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        if "=" not in item:
            raise typer.BadParameter(f"--param takes key=value, got {item!r}")
        k, v = item.split("=", 1)
        out[k.strip()] = v
    return out


@app.command("query")
@guarded
def query_cmd(
    name: Annotated[str, typer.Argument(help="a named query (see `clusterkg queries`)")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False,
) -> None:
    """Run a named query and print its rows."""
    from clusterkg.queries import load_registry
    from clusterkg.queries.run import run_named

    settings = get_settings()
    registry = load_registry()
    registry.get(name)  # unknown names fail before connecting
    params = _parse_params(param or [])
    registry.get(name).bind(params)
    with driver_for(settings) as driver:
        rows = run_named(driver, settings, name, params, registry=registry)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    table = Table(title=f"{name}: {len(rows)} rows")
    for col in rows[0] if rows else ["(no rows)"]:
        table.add_column(col)
    for row in rows:
        table.add_row(
            *[json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v) for v in row.values()]
        )
    console.print(table)


@app.command("queries")
@guarded
def queries_cmd() -> None:
    """List the named queries and their parameters."""
    from clusterkg.queries import load_registry

    table = Table(title="named queries")
    table.add_column("name")
    table.add_column("parameters")
    table.add_column("description")
    for q in load_registry().all():
        table.add_row(q.name, ", ".join(f"{p.name}:{p.type}" for p in q.params), q.description)
    console.print(table)


@app.command("export")
@guarded
def export_cmd(out: Annotated[Path, typer.Argument(help="output .json file")]) -> None:
    """Write the whole graph as JSON (nodes and relationships with their properties)."""
    from clusterkg.graph.export import write_export

    if out.parent and not out.parent.exists():
        raise ClusterKGError(f"{out.parent}: no such folder")
    settings = get_settings()
    with driver_for(settings) as driver:
        counts = write_export(driver, settings, out)
    console.print(f"wrote {out}: {counts['nodes']} nodes, {counts['relationships']} relationships")


class Phases:
    """One spinner line naming the phase a backup or restore is in (stopping, dumping …)."""

    def __init__(self, bar: Progress, title: str) -> None:
        self.bar, self.title = bar, title
        self.task = bar.add_task(title, total=None)
        self.rows = 0

    def __call__(self, phase: str, n: int) -> None:
        self.rows += n
        self.bar.update(
            self.task, description=f"{self.title}: {phase}" + (f" ({self.rows:,} rows)" if self.rows else "")
        )


def _phases() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=err, transient=True)


@app.command("backup")
@guarded
def backup_cmd(
    out: Annotated[Path, typer.Argument(help="the backup file to write")],
    logical: Annotated[
        bool, typer.Option("--logical", help="a logical backup through Bolt even of the local server")
    ] = False,
) -> None:
    """Back the whole database up: a neo4j-admin dump of the local server (stopped and restarted), else through Bolt."""
    from clusterkg.graph.backup import backup
    from clusterkg.graph.schema import graph_version

    settings = get_settings()
    with driver_for(settings, any_version=True) as driver, _phases() as bar:
        done = backup(
            driver,
            settings,
            out,
            logical=logical,
            extra={"schema_version": graph_version(driver, settings)},
            progress=Phases(bar, f"backing up to {out.name}"),
        )
    console.print(f"wrote {done.summary()}", highlight=False, soft_wrap=True)


@app.command("restore")
@guarded
def restore_cmd(
    path: Annotated[Path, typer.Argument(help="a file written by `clusterkg backup`")],
    yes: Annotated[
        bool, typer.Option("--yes", help="replace the database (without it, say what would be replaced)")
    ] = False,
    logical: Annotated[
        bool, typer.Option("--logical", help="only through Bolt: refuse a dump instead of using the local server")
    ] = False,
) -> None:
    """Restore a backup: a dump replaces the local server's database; a logical backup loads into an empty one."""
    from clusterkg.graph.backup import inspect, restore
    from clusterkg.graph.logical_backup import graph_counts
    from clusterkg.graph.schema import SCHEMA_VERSION

    found = inspect(path)  # a truncated or foreign file is refused before anything else
    settings = get_settings()
    with driver_for(settings, any_version=True) as driver:
        now = graph_counts(driver, settings)
        target = (
            f"database {settings.neo4j_database!r} at {settings.neo4j_uri} "
            f"({now['nodes']:,} nodes, {now['relationships']:,} relationships)"
        )
        if not yes:
            if found.kind == "logical":
                fail(f"restore would load {found.summary()} into {target}, which must be empty; run again with --yes")
            fail(f"restore would REPLACE {target} with {found.summary()}; run again with --yes")
        with _phases() as bar:
            counts = restore(driver, settings, found, logical=logical, progress=Phases(bar, f"restoring {path.name}"))
    console.print(
        f"restored {path} into {settings.neo4j_database!r}: {counts['nodes']:,} nodes and "
        f"{counts['relationships']:,} relationships, as the backup counted",
        highlight=False,
        soft_wrap=True,
    )
    if (version := found.header.get("schema_version")) is not None and version < SCHEMA_VERSION:
        err.print(
            f"the restored graph is at schema version {version}, this clusterkg uses {SCHEMA_VERSION}: "
            "run `clusterkg migrate`",
            highlight=False,
            soft_wrap=True,
        )


@app.command("migrate")
@guarded
def migrate_cmd() -> None:
    """Bring a graph written by an older clusterkg up to this one's schema version (idempotent)."""
    from clusterkg.graph.migrations import migrate

    settings = get_settings()
    with driver_for(settings, any_version=True) as driver:
        done = migrate(
            driver,
            settings,
            progress=lambda step: err.print(f"migration {step.version}: {step.why}", highlight=False, soft_wrap=True),
        )
    if done.before is None:
        console.print("the graph is empty: nothing to migrate (a load records the current schema version)")
    elif not done.applied:
        console.print(f"the graph is at schema version {done.after}, the current one: nothing to do")
    else:
        console.print(f"migrated the graph from schema version {done.before} to {done.after}", highlight=False)


@app.command("viz")
@guarded
def viz_cmd(
    label: Annotated[str, typer.Argument(help="Cluster, Zone, City, Enterprise, Project, Sector …")],
    key: Annotated[str, typer.Argument(help="the entity's key (a name, or a division code for places)")],
    out: Annotated[Path, typer.Option("-o", "--out", help="output .html")] = Path("graph.html"),
    hops: Annotated[int, typer.Option(min=1, max=3)] = 1,
    cap: Annotated[int, typer.Option(min=1, max=2000)] = 300,
) -> None:
    """Write a standalone, offline HTML picture of an entity's neighbourhood (for e-mail)."""
    from clusterkg.graph.model import parse_label
    from clusterkg.graph.render import write_standalone

    settings = get_settings()
    with driver_for(settings) as driver:
        counts = write_standalone(driver, settings, parse_label(label), key, out, hops=hops, cap=cap)
    console.print(f"wrote {out}: {counts['nodes']} nodes, {counts['relationships']} relationships")


@report_app.command("cluster")
@guarded
def report_cluster_cmd(
    key: Annotated[str, typer.Argument(help="the cluster's key, its Chinese name")],
    out: Annotated[Path, typer.Option("-o", "--out", help="output .docx")] = Path("report.docx"),
    weak_revenue_wan: Annotated[
        float, typer.Option(min=0, help="local revenue (万元) below which a segment with firms is 弱链")
    ] = 10000.0,
) -> None:
    """Write a cluster's Word briefing: overview, places, chain diagram, gaps, 引进指导目录, sources."""
    from clusterkg.api.briefing import cluster_briefing
    from clusterkg.errors import NotFoundError
    from clusterkg.queries import load_registry

    if out.suffix.lower() != ".docx":
        fail(f"输出文件须以 .docx 结尾：{out}")
    settings = get_settings()
    with driver_for(settings) as driver:
        try:
            body = cluster_briefing(driver, settings, load_registry(), key, weak_revenue_wan=weak_revenue_wan)
        except NotFoundError:
            fail(f"没有键为 {key} 的产业集群（集群名称须与规划一致，可用 `clusterkg query clusters_list` 查看）")
    out.write_bytes(body)
    console.print(f"wrote {out}: {len(body):,} bytes")


@app.command("serve")
@guarded
def serve_cmd(
    host: Annotated[str | None, typer.Option(help="bind address (default CLUSTERKG_HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default CLUSTERKG_PORT, 8000)")] = None,
    workers: Annotated[int, typer.Option(min=1, max=32, help="uvicorn worker processes (one driver each)")] = 1,
) -> None:
    """Serve the API and pages with uvicorn."""
    import uvicorn

    from clusterkg.api.app import create_app

    settings = get_settings()
    with driver_for(settings):
        pass  # fail fast with one clear line if Neo4j is down or the password is wrong
    bind, at = host or settings.api_host, port or settings.api_port
    console.print(f"clusterkg API on http://{bind}:{at}/docs" + (f" ({workers} workers)" if workers > 1 else ""))
    if workers > 1:
        # Worker processes import the app themselves; each reads the same settings from the environment.
        uvicorn.run("clusterkg.api.app:create_app", factory=True, host=bind, port=at, workers=workers, log_level="info")
    else:
        uvicorn.run(create_app(settings), host=bind, port=at, log_level="info")


def main() -> None:  # pragma: no cover - console-script shim
    app()


# Commands for documents over time (documents, unload, diff, same-as) live in their own module.
from . import cli_documents as _cli_documents  # noqa: F401

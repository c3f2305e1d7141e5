"""The local Neo4j that ``scripts/neo4j.sh`` runs: status, stop, start, neo4j-admin and its store folders.

Offline work on the database files (``--bulk`` imports, dump backups and their restores)
needs the server stopped, which only the script that started it can do; any other server
(Docker, remote) is reached through Bolt alone.  Everything here goes through that one
script, found by :func:`server_script`: the ``CLUSTERKG_NEO4J_SCRIPT`` setting when it is
set, else ``scripts/neo4j.sh`` of the checkout the installed ``clusterkg`` distribution was
built from (its ``direct_url.json``, which pip writes for an install from a folder).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from clusterkg.errors import ClusterKGError, ConfigError
from clusterkg.settings import Settings

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SCRIPT_IN_CHECKOUT = Path("scripts") / "neo4j.sh"
DISTRIBUTION = "clusterkg"


class ServerError(ClusterKGError):
    """scripts/neo4j.sh could not stop or start the server, or neo4j-admin failed."""


class ServerScriptNotFound(ConfigError):
    """Neither the setting nor the installed checkout gives a scripts/neo4j.sh."""


def installed_checkout(distribution: str = DISTRIBUTION) -> Path | None:
    """The folder the installed distribution was built from, or None (a wheel from an index).

    >>> installed_checkout()  # doctest: +SKIP
    PosixPath('/home/me/clusterkg')
    """
    # Every copy of the metadata on the path, not the first: run from the checkout, setuptools'
    # clusterkg.egg-info there comes first and records no origin.
    for found in metadata.distributions(name=distribution):
        text = found.read_text("direct_url.json")
        if text:
            url = urlsplit(str(json.loads(text).get("url", "")))
            return Path(unquote(url.path)) if url.scheme == "file" else None
    return None


def server_script(settings: Settings, checkout: Path | None | Callable[[], Path | None] = installed_checkout) -> Path:
    """The script that runs the local server; ServerScriptNotFound naming every place looked at.

    ``settings.neo4j_script`` (``CLUSTERKG_NEO4J_SCRIPT``) wins when set, and must then exist;
    otherwise ``scripts/neo4j.sh`` of the installed checkout (``checkout``: a folder, None,
    or a function giving one).

    >>> server_script(settings)  # doctest: +SKIP
    PosixPath('/home/me/clusterkg/scripts/neo4j.sh')
    """
    chosen = settings.neo4j_script
    if chosen is not None:
        if chosen.is_file():
            return chosen.resolve()
        raise ServerScriptNotFound(
            f"找不到本地 Neo4j 服务器脚本：CLUSTERKG_NEO4J_SCRIPT={chosen} 不是文件"
            f"（应指向 clusterkg 检出目录中的 {SCRIPT_IN_CHECKOUT}）"
        )
    folder = checkout() if callable(checkout) else checkout
    if folder is not None and (folder / SCRIPT_IN_CHECKOUT).is_file():
        return (folder / SCRIPT_IN_CHECKOUT).resolve()
    looked = (
        f"{folder / SCRIPT_IN_CHECKOUT}（安装 clusterkg 的检出目录）不存在"
        if folder is not None
        else f"已安装的 {DISTRIBUTION} 没有记录其检出目录（direct_url.json）"
    )
    raise ServerScriptNotFound(
        f"找不到本地 Neo4j 服务器脚本 {SCRIPT_IN_CHECKOUT}：CLUSTERKG_NEO4J_SCRIPT 未设置，{looked}；"
        f"请把 CLUSTERKG_NEO4J_SCRIPT 设为该脚本的路径"
    )


@dataclass(frozen=True, slots=True)
class LocalServer:
    """The Neo4j that ``scripts/neo4j.sh`` runs for this environment, and its data folder."""

    script: Path
    home: Path
    data: Path
    bolt_port: int

    def _command(self, args: Sequence[str]) -> list[str]:
        return ["bash", str(self.script), *args]

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # The script reads its home, ports and password from the environment we were given.
        done = _run_script(self.script, args)
        if check and done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise ServerError(f"{self.script} {args[0]} failed (exit {done.returncode}):\n{tail}")
        return done

    @classmethod
    def for_settings(cls, settings: Settings, purpose: str = "--bulk replaces the database files") -> LocalServer:
        """The server behind ``settings.neo4j_uri``; ConfigError unless the script runs it.

        ``purpose`` starts the error's sentence: what needs the local server.

        >>> LocalServer.for_settings(settings).data  # doctest: +SKIP
        PosixPath('/home/me/clusterkg/.neo4j/data')
        """
        where = urlsplit(settings.neo4j_uri)
        if where.hostname not in LOCAL_HOSTS:
            raise ConfigError(
                f"{purpose} of the local server that scripts/neo4j.sh runs; "
                f"NEO4J_URI points at {where.hostname!r}, not 127.0.0.1"
            )
        script = server_script(settings)
        done = _run_script(script, ("paths",))
        lines = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        if done.returncode != 0 or not {"home", "data", "bolt_port"} <= lines.keys():
            raise ServerError(f"{script} paths did not print home, data and bolt_port:\n{done.stderr.strip()}")
        server = cls(script, Path(lines["home"]), Path(lines["data"]), int(lines["bolt_port"]))
        if (where.port or 7687) != server.bolt_port:
            raise ConfigError(
                f"NEO4J_URI names port {where.port or 7687} but scripts/neo4j.sh runs Bolt on {server.bolt_port} "
                "(NEO4J_BOLT_PORT); set both to the same server"
            )
        return server

    @classmethod
    def find(cls, settings: Settings) -> LocalServer | None:
        """The local server behind ``settings``, or None when the script does not run it."""
        try:
            return cls.for_settings(settings)
        except ConfigError:
            return None

    def status(self) -> bool:
        """Whether the server runs and Bolt answers."""
        return self._run("status", check=False).returncode == 0

    def running(self) -> bool:
        return self.status()

    def stop(self) -> None:
        self._run("stop")

    def start(self) -> None:
        self._run("start")

    def admin(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``neo4j-admin`` with this server's home and configuration; ServerError if it fails."""
        return self._run("admin", *args)

    def admin_lines(self, args: Sequence[str], on_line: Callable[[str], None]) -> int:
        """Run ``neo4j-admin``, handing each line it prints (stdout and stderr) to ``on_line``
        as it comes; its exit code.  For long runs that report progress (an import)."""
        with subprocess.Popen(
            self._command(["admin", *args]),
            cwd=self.script.parent,
            env=os.environ.copy(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                on_line(line)
            return proc.wait()

    def store(self, database: str) -> list[Path]:
        """The folders holding ``database``: its store and its transaction logs."""
        return [self.data / "databases" / database, self.data / "transactions" / database]

    def aside(self, database: str, purpose: str = "bulk") -> Path:
        """Where a store replaced by ``purpose`` waits until its replacement answers."""
        return self.data / f"{purpose}-previous" / database

    def move_aside(self, database: str, purpose: str) -> list[tuple[Path, Path]]:
        """Move the (stopped) store of ``database`` aside; the (live, aside) pairs moved."""
        aside = self.aside(database, purpose)
        aside.mkdir(parents=True)
        moved = [(p, aside / p.parent.name) for p in self.store(database) if p.exists()]
        for live, kept in moved:
            live.rename(kept)
        return moved

    def put_back(self, database: str, purpose: str, moved: Sequence[tuple[Path, Path]]) -> None:
        """Delete whatever replaced the store and move the one set aside back."""
        for path in self.store(database):
            shutil.rmtree(path, ignore_errors=True)
        for live, kept in moved:
            kept.rename(live)
        shutil.rmtree(self.aside(database, purpose).parent, ignore_errors=True)

    def forget_aside(self, database: str, purpose: str) -> None:
        """Delete the store set aside, once its replacement answers."""
        shutil.rmtree(self.aside(database, purpose).parent, ignore_errors=True)


def _run_script(script: Path, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    # cwd: the script finds its checkout from its own path; a relative CLUSTERKG_ENV_FILE is
    # relative to that checkout, whatever folder the CLI runs in.
    return subprocess.run(
        ["bash", str(script), *args],
        cwd=script.parent,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        check=False,
    )

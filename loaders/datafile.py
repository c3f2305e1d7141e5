"""Reading the reference data we maintain as TOML (chain templates, cluster links, aliases).

One reader, so that every data file fails the same way: a missing file is NotFoundError and
a file that is not UTF-8 or not TOML is InputError, each naming the file.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from clusterkg.errors import InputError, NotFoundError


def read_toml(path: str | Path | None, packaged: str, what: str) -> tuple[Path | Traversable, dict[str, Any]]:
    """The file read (``path``, else ``loaders/data/<packaged>``) and its parsed TOML.

    ``what`` names the kind of file in errors ("chain-template" → "no such chain-template file").

    >>> source, data = read_toml(None, "henan-2015/aliases.toml", "alias")
    >>> "Zone" in data
    True
    """
    source: Path | Traversable = Path(path) if path is not None else files("clusterkg.loaders") / "data" / packaged
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"{source}: no such {what} file") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read the {what} file: {exc.strerror or exc}") from exc
    try:
        return source, tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        # The decoder's message already ends with "(at line N, column M)".
        raise InputError(f"{source}: TOML syntax error: {exc}") from exc

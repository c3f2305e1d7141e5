"""Load the ``.cypher`` files of this folder into a registry of named, typed queries."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from clusterkg.errors import InputError, NotFoundError

_TYPES: dict[str, type] = {"int": int, "float": float, "str": str, "bool": bool}
_HEADER = re.compile(r"^//\s*(name|description|param|returns|label)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(int|float|str|bool)((?:\s+\w+=\S*)*)\s*(?:\|\s*(.*))?$")
MAX_STR = 200


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    description: str = ""
    default: Any = None
    required: bool = False
    min: float | None = None
    max: float | None = None
    example: Any = None
    choices: tuple[str, ...] = ()

    def coerce(self, raw: Any) -> Any:
        """Convert a raw value (e.g. a query-string text) to this parameter's type, checking bounds."""
        kind = _TYPES[self.type]
        try:
            if kind is bool:
                if isinstance(raw, bool):
                    value: Any = raw
                elif str(raw).lower() in {"1", "true", "yes"}:
                    value = True
                elif str(raw).lower() in {"0", "false", "no"}:
                    value = False
                else:
                    raise ValueError(raw)
            elif kind is int:
                if isinstance(raw, float) and not raw.is_integer():
                    raise ValueError(raw)
                value = int(str(raw).strip()) if not isinstance(raw, int) else raw
            elif kind is float:
                value = float(raw)
                if math.isnan(value) or math.isinf(value):
                    raise ValueError(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            raise InputError(f"parameter {self.name!r} must be {self.type}, got {str(raw)[:50]!r}") from None
        if kind in (int, float):
            if self.min is not None and value < self.min:
                raise InputError(f"parameter {self.name!r} must be ≥ {self.min:g}, got {value}")
            if self.max is not None and value > self.max:
                raise InputError(f"parameter {self.name!r} must be ≤ {self.max:g}, got {value}")
        if kind is str:
            limit = int(self.max) if self.max is not None else MAX_STR
            if len(value) > limit:
                raise InputError(f"parameter {self.name!r} is longer than {limit} characters")
            if self.choices and value not in self.choices:
                raise InputError(
                    f"parameter {self.name!r} must be one of {', '.join(self.choices)}, got {value[:50]!r}"
                )
        return value


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    description: str
    cypher: str
    params: tuple[Param, ...]
    returns: str = ""
    source: str = ""
    example: dict[str, Any] = field(default_factory=dict)

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate raw parameters against the declaration; unknown names are refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise InputError(
                f"query {self.name!r} has no parameter {', '.join(map(repr, unknown))}; "
                f"it takes {', '.join(known) or 'none'}"
            )
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in raw and raw[p.name] is not None:
                out[p.name] = p.coerce(raw[p.name])
            elif p.required:
                raise InputError(f"query {self.name!r} needs parameter {p.name!r}")
            else:
                out[p.name] = p.default
        return out


def _value(text: str, kind: str) -> Any:
    if text == "null":
        return None
    return Param("v", kind).coerce(text)


def parse_query_file(name: str, text: str) -> NamedQuery:
    """Parse one ``.cypher`` file's header and body; raise InputError naming the file."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    body: list[str] = []
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if m and not body:
            key, value = m.group(1), m.group(2).strip()
            if key == "param":
                pm = _PARAM.match(value)
                if not pm:
                    raise InputError(f"{name}: bad param line {value!r}")
                pname, kind, opts, desc = pm.groups()
                o = dict(x.split("=", 1) for x in opts.split())
                bad = set(o) - {"default", "min", "max", "example", "required", "choices"}
                if bad:
                    raise InputError(f"{name}: param {pname}: unknown option(s) {sorted(bad)}")
                params.append(
                    Param(
                        pname,
                        kind,
                        (desc or "").strip(),
                        default=_value(o["default"], kind) if "default" in o else None,
                        required=o.get("required") == "true",
                        min=float(o["min"]) if "min" in o else None,
                        max=float(o["max"]) if "max" in o else None,
                        example=_value(o["example"], kind) if "example" in o else None,
                        choices=tuple(o["choices"].split(",")) if "choices" in o else (),
                    )
                )
            else:
                meta[key] = value
        elif line.strip() or body:
            body.append(line)
    cypher = "\n".join(body).strip()
    if meta.get("name") != name:
        raise InputError(f"{name}.cypher: header 'name: {meta.get('name')}' must match the file name")
    if not meta.get("description"):
        raise InputError(f"{name}.cypher: a description line is required")
    if not re.search(r"\bLIMIT\s+\$limit\b", cypher):
        raise InputError(f"{name}.cypher: every named query must end its rows with LIMIT $limit")
    if not any(p.name == "limit" for p in params):
        raise InputError(f"{name}.cypher: must declare a 'limit' parameter with a max")
    for p in params:
        if f"${p.name}" not in cypher:
            raise InputError(f"{name}.cypher: declared parameter {p.name!r} is not used")
    example = {p.name: p.example if p.example is not None else p.default for p in params}
    return NamedQuery(
        name, meta["description"], cypher, tuple(params), meta.get("returns", ""), name + ".cypher", example
    )


class QueryRegistry:
    """All named queries, by name."""

    def __init__(self, queries: dict[str, NamedQuery]):
        self._queries = dict(sorted(queries.items()))

    def __contains__(self, name: object) -> bool:
        return name in self._queries

    def __len__(self) -> int:
        return len(self._queries)

    def names(self) -> list[str]:
        return list(self._queries)

    def all(self) -> list[NamedQuery]:
        return list(self._queries.values())

    def get(self, name: str) -> NamedQuery:
        try:
            return self._queries[name]
        except KeyError:
            raise NotFoundError(f"no named query {name[:80]!r}; known: {', '.join(self._queries)}") from None


_INCLUDE = re.compile(r"^\s*//\s*include:\s*(\S+)\s*$", re.MULTILINE)


def expand_parts(name: str, text: str, parts: dict[str, str]) -> str:
    """Replace each body line ``// include: PART`` with ``parts/PART.cypher``.

    A block several queries open with (the gap reports' local scope) is written once; every query
    still runs, and is served by ``/api/queries``, as one whole statement.

    >>> expand_parts("q", "MATCH (c)\\n// include: tail\\nRETURN c", {"tail": "WITH c"})
    'MATCH (c)\\nWITH c\\nRETURN c'
    """

    def one(m: re.Match[str]) -> str:
        try:
            return parts[m.group(1)].strip()
        except KeyError:
            known = ", ".join(sorted(parts)) or "none"
            raise InputError(f"{name}.cypher: no part {m.group(1)!r} to include (parts/: {known})") from None

    return _INCLUDE.sub(one, text)


@lru_cache(maxsize=1)
def load_registry(folder: str | None = None) -> QueryRegistry:
    """Read every ``*.cypher`` in the queries folder (or ``folder``) into a registry.

    >>> load_registry().get("zones_shared").params[0].name  # doctest: +SKIP
    'min_clusters'
    """
    queries: dict[str, NamedQuery] = {}
    root: Any = Path(folder) if folder is not None else resources.files("clusterkg.queries")

    def cypher_files(where: Any) -> list[tuple[str, str]]:
        if not where.is_dir():
            return []
        found = [f for f in where.iterdir() if f.name.endswith(".cypher")]
        return [
            (f.name.removesuffix(".cypher"), f.read_text(encoding="utf-8")) for f in sorted(found, key=lambda f: f.name)
        ]

    parts = dict(cypher_files(root / "parts"))
    for stem, text in cypher_files(root):
        queries[stem] = parse_query_file(stem, expand_parts(stem, text, parts))
    return QueryRegistry(queries)

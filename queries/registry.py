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

_TYPES: dict[str, type] = {"int": int, "float": float, "str": str, "bool": bool, "list": list}
_HEADER = re.compile(r"^//\s*(name|description|param|returns|label|stream)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(int|float|str|bool|list)((?:\s+\w+=\S*)*)\s*(?:\|\s*(.*))?$")
MAX_STR = 200
#: Most items a ``list`` parameter (a list of strings) takes unless its ``max=`` says fewer.
MAX_LIST = 1_000_000
#: The subfolder of queries the engine runs but ``/api/queries`` neither lists nor runs.
INTERNAL = "internal"


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
            elif kind is list:
                return self._coerce_list(raw)
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

    def _coerce_list(self, raw: Any) -> list[str]:
        # A list of strings (keys, element ids, label or type names): only the engine passes one.
        if not isinstance(raw, list | tuple) or not all(isinstance(x, str) for x in raw):
            raise InputError(f"parameter {self.name!r} must be a list of strings, got {str(raw)[:50]!r}")
        most = int(self.max) if self.max is not None else MAX_LIST
        if len(raw) > most:
            raise InputError(f"parameter {self.name!r} takes at most {most} items, got {len(raw)}")
        return list(raw)


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    description: str
    cypher: str
    params: tuple[Param, ...]
    returns: str = ""
    source: str = ""
    example: dict[str, Any] = field(default_factory=dict)
    #: Run by the engine only (``queries/internal/``): not listed nor run by ``/api/queries``.
    internal: bool = False
    #: Reads every row, lazily, without a LIMIT (``// stream: true``; internal queries only).
    stream: bool = False

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


def parse_query_file(name: str, text: str, *, internal: bool = False) -> NamedQuery:
    """Parse one ``.cypher`` file's header and body; raise InputError naming the file.

    Every query ends its rows with ``LIMIT $limit`` and declares ``limit``, except an internal
    query (``internal=True``, from ``queries/internal/``) whose header says ``// stream: true``:
    it reads every row of the graph (a whole-graph export), lazily, and takes no ``limit``.

    >>> q = parse_query_file("q", "// name: q\\n// description: d\\n// stream: true\\nMATCH (n) RETURN n", internal=True)
    >>> (q.internal, q.stream, q.params)
    (True, True, ())
    """
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
    stream = "stream" in meta
    if stream and meta["stream"] != "true":
        raise InputError(f"{name}.cypher: 'stream' can only be 'true', got {meta['stream']!r}")
    if stream and not internal:
        raise InputError(f"{name}.cypher: only an internal query ({INTERNAL}/) may stream its rows without a LIMIT")
    has_limit = bool(re.search(r"\bLIMIT\s+\$limit\b", cypher)) or any(p.name == "limit" for p in params)
    if stream and has_limit:
        raise InputError(f"{name}.cypher: a streamed query reads every row; it takes no LIMIT $limit")
    if not stream and not re.search(r"\bLIMIT\s+\$limit\b", cypher):
        raise InputError(f"{name}.cypher: every named query must end its rows with LIMIT $limit")
    if not stream and not any(p.name == "limit" for p in params):
        raise InputError(f"{name}.cypher: must declare a 'limit' parameter with a max")
    for p in params:
        if f"${p.name}" not in cypher:
            raise InputError(f"{name}.cypher: declared parameter {p.name!r} is not used")
    example = {p.name: p.example if p.example is not None else p.default for p in params}
    return NamedQuery(
        name,
        meta["description"],
        cypher,
        tuple(params),
        meta.get("returns", ""),
        f"{INTERNAL}/{name}.cypher" if internal else name + ".cypher",
        example,
        internal=internal,
        stream=stream,
    )


class QueryRegistry:
    """All named queries, by name: the public ones (what ``/api/queries`` lists and runs, and all
    that :meth:`names`, :meth:`all` and :meth:`get` see) and, apart, the engine's internal ones."""

    def __init__(self, queries: dict[str, NamedQuery], internal: dict[str, NamedQuery] | None = None):
        self._queries = dict(sorted(queries.items()))
        self._internal = dict(sorted((internal or {}).items()))
        both = sorted(set(self._queries) & set(self._internal))
        if both:
            raise InputError(f"{', '.join(both)}: both a public and an internal query ({INTERNAL}/) have this name")

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

    def internal(self, name: str) -> NamedQuery:
        """The engine's query ``name`` from ``queries/internal/`` (never one the API serves)."""
        try:
            return self._internal[name]
        except KeyError:
            raise NotFoundError(f"no internal query {name[:80]!r}; known: {', '.join(self._internal)}") from None

    def all_internal(self) -> list[NamedQuery]:
        return list(self._internal.values())


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
    """Read every ``*.cypher`` in the queries folder (or ``folder``) into a registry, and those of
    its ``internal/`` subfolder as the engine's internal queries; in both, ``// include:`` lines
    take their block from ``parts/`` (:func:`expand_parts`).

    >>> load_registry().get("zones_shared").params[0].name
    'min_clusters'
    >>> "graph_stamp" in load_registry(), load_registry().internal("graph_stamp").internal
    (False, True)
    """
    root: Any = Path(folder) if folder is not None else resources.files("clusterkg.queries")

    def cypher_files(where: Any) -> list[tuple[str, str]]:
        if not where.is_dir():
            return []
        found = sorted((f for f in where.iterdir() if f.name.endswith(".cypher")), key=lambda f: f.name)
        return [(f.name.removesuffix(".cypher"), f.read_text(encoding="utf-8")) for f in found]

    parts = dict(cypher_files(root / "parts"))
    queries = {stem: parse_query_file(stem, expand_parts(stem, text, parts)) for stem, text in cypher_files(root)}
    internal = {
        stem: parse_query_file(stem, expand_parts(stem, text, parts), internal=True)
        for stem, text in cypher_files(root / INTERNAL)
    }
    return QueryRegistry(queries, internal)

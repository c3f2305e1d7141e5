"""The genre's words, read once from the data pack ``loaders/data/genre/lexicon.toml``.

>>> "产业集群" in LEXICON.cluster_suffixes
True
>>> LEXICON.level_yi["五百亿级"]
500.0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clusterkg.errors import InputError
from clusterkg.text import normalise_name

from ..datafile import read_toml


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted({normalise_name(w) for w in words}, key=lambda w: (-len(w), w)))


@dataclass(frozen=True, slots=True)
class Lexicon:
    cluster_suffixes: tuple[str, ...]
    level_only_suffixes: tuple[str, ...]
    cluster_generic: frozenset[str]
    lead: tuple[str, ...]
    bridge: str
    level_yi: dict[str, float]
    zone_suffixes: tuple[str, ...]
    zone_generic: frozenset[str]
    firm_suffixes: tuple[str, ...]
    firm_after: tuple[str, ...]
    firm_before: tuple[str, ...]
    firm_verbs_after: tuple[str, ...]
    not_firms: frozenset[str]
    project_suffixes: tuple[str, ...]
    project_verbs: tuple[str, ...]
    project_generic: frozenset[str]
    column_roles: tuple[tuple[str, tuple[str, ...]], ...]
    cut: tuple[str, ...]
    cut_edge: tuple[str, ...]
    cut_keep: tuple[str, ...]
    cut_terms: tuple[str, ...] = ()
    one_character_trades: frozenset[str] = frozenset()
    known_firms: tuple[str, ...] = ()


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise InputError(f"genre lexicon: missing table [{name}]")
    return value


def load_lexicon() -> Lexicon:
    _, data = read_toml(None, "genre/lexicon.toml", "genre lexicon")
    _, firms = read_toml(None, "genre/firms.toml", "genre firms")
    c, lv, z, f, p, col, cut = (
        _section(data, n) for n in ("cluster", "level", "zone", "firm", "project", "columns", "cut")
    )
    return Lexicon(
        cluster_suffixes=_longest_first(c["suffixes"]),
        level_only_suffixes=_longest_first(c["level_only_suffixes"]),
        cluster_generic=frozenset(normalise_name(w) for w in c["generic"]),
        lead=_longest_first(c["lead"]),
        bridge=str(c["bridge"]),
        level_yi={normalise_name(k): float(v) for k, v in lv["words"].items()},
        zone_suffixes=_longest_first(z["suffixes"]),
        zone_generic=frozenset(normalise_name(w) for w in z["generic"]),
        firm_suffixes=_longest_first(f["suffixes"]),
        firm_after=_longest_first(f["after"]),
        firm_before=_longest_first(f["before"]),
        firm_verbs_after=_longest_first(f["verbs_after"]),
        not_firms=frozenset(normalise_name(w) for w in f.get("not_firms", [])),
        project_suffixes=_longest_first(p["suffixes"]),
        project_verbs=_longest_first(p["verbs"]),
        project_generic=frozenset(normalise_name(w) for w in p["generic"]),
        column_roles=tuple((str(role), tuple(normalise_name(w) for w in words)) for role, words in col["roles"]),
        cut=_longest_first(cut["inner"] + cut["edge"]),
        cut_edge=tuple(normalise_name(w) for w in cut["edge"]),
        cut_keep=tuple(normalise_name(w) for w in cut.get("keep", [])),
        cut_terms=_longest_first(cut.get("terms", [])),
        one_character_trades=frozenset(c.get("one_character_trades", [])),
        known_firms=_longest_first(firms.get("known", [])),
    )


LEXICON = load_lexicon()

"""Name resolution for plan mentions: normalisation rules, the alias table, places.

Resolution is data plus a few rules: every name is keyed by
:func:`clusterkg.text.normalise_name`; zone names additionally fold the common typo
聚集区 into 集聚区; ``loaders/data/henan-2015/aliases.toml`` maps remaining variants to canonical
names per label.  Places come from the gazetteer, accessed through the small
:class:`GazetteerLike` protocol so the parser does not depend on how it is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from clusterkg.errors import InputError
from clusterkg.graph.model import Label
from clusterkg.text import normalise_name

from ..datafile import read_toml

# Endings that make a name a zone (industrial park, cluster district, base ...).
ZONE_SUFFIX = re.compile(r"(集聚区|园区|实验区|示范区|核心区|开发区|新区|产业园|工业园|孵化园|基地|小镇|园)$")
# Endings that make a name a firm when it stands where a zone or a project is expected.
FIRM_SUFFIX = re.compile(r"(集团|公司|控股|股份|铝业|石化)$")


class GazetteerLike(Protocol):
    """What the parser needs of a gazetteer (see ``clusterkg.loaders.gazetteer``)."""

    def resolve(self, mention: str, within: Any = None) -> list[Any]: ...

    def find_in(self, text: str) -> list[tuple[int, int, Any]]: ...

    def city_of(self, place: Any) -> Any: ...


def zone_name(text: str) -> str:
    """Normalised zone name with the 聚集区 → 集聚区 typo folded.

    >>> zone_name("漯河淞江产业聚集区")
    '漯河淞江产业集聚区'
    """
    return normalise_name(text).replace("聚集区", "集聚区")


def is_zone_name(name: str) -> bool:
    return bool(ZONE_SUFFIX.search(zone_name(name)))


@dataclass(frozen=True, slots=True)
class Aliases:
    """Variant → canonical name per label, plus firm names known without a list."""

    table: dict[Label, dict[str, str]] = field(default_factory=dict)
    known_firms: tuple[str, ...] = ()

    def canonical(self, label: Label, name: str) -> str:
        key = zone_name(name) if label is Label.ZONE else normalise_name(name)
        return self.table.get(label, {}).get(key, key)

    def variants(self, label: Label) -> dict[str, str]:
        return self.table.get(label, {})

    @classmethod
    def load(cls, path: str | Path | None = None) -> Aliases:
        """Read an alias file (TOML); the packaged ``loaders/data/henan-2015/aliases.toml`` by default.

        >>> Aliases.load().canonical(Label.ZONE, "航空港区")
        '郑州航空港经济综合实验区'
        """
        where, data = read_toml(path, "henan-2015/aliases.toml", "alias")
        table: dict[Label, dict[str, str]] = {}
        known: list[str] = []
        for section, entries in data.items():
            if section == "known":
                known = [normalise_name(n) for n in entries.get("Enterprise", [])]
                continue
            try:
                label = Label(section)
            except ValueError:
                raise InputError(f"{where}: [{section}] is not a node label") from None
            norm = zone_name if label is Label.ZONE else normalise_name
            table[label] = {norm(k): norm(v) for k, v in entries.items()}
        return cls(table, tuple(known))


def most_specific(gaz: GazetteerLike, places: Iterable[Any]) -> tuple[Any, ...]:
    """Distinct places in order, dropping a city when one of its counties is also named."""
    seen: dict[str, Any] = {}
    for p in places:
        seen.setdefault(p.code, p)
    covered = set()
    for p in seen.values():
        if p.label is Label.COUNTY:
            city = gaz.city_of(p)
            if city is not None and city.code != p.code:
                covered.add(city.code)
    return tuple(p for c, p in seen.items() if c not in covered)


def leading_places(gaz: GazetteerLike, text: str) -> tuple[tuple[Any, ...], int]:
    """Places named at the start of ``text`` and where they end (0 when none).

    A mention the gazetteer resolves whole keeps every place it names (新(乡)长(垣) is
    新乡市 and 长垣县); names run into a longer string keep the most specific
    (``许昌长葛…`` → 长葛市).  ``许昌发制品`` → ((许昌市,), 2).
    """
    text = normalise_name(text)
    whole = gaz.resolve(text)
    if whole:
        return tuple(whole), len(text)
    found: list[Any] = []
    end = 0
    for start, stop, place in sorted(gaz.find_in(text), key=lambda m: (m[0], -m[1])):
        if start == end and stop > end:
            found.append(place)
            end = stop
    if found:
        return most_specific(gaz, found), end
    # find_in skips short names that are also common words (民权, 博爱); a whole-word
    # prefix may still be one.  Districts are left out: their shorts (中原, 二七) start
    # ordinary names such as 中原电气谷.
    for stop in range(len(text) - 1, 1, -1):
        prefix = gaz.resolve(text[:stop])
        if prefix and all(p.level != "district" for p in prefix):
            return tuple(prefix), stop
    return (), 0


def distinct(places: Iterable[Any]) -> list[Any]:
    """Places in order with repeats (same code) dropped."""
    return list({p.code: p for p in places}.values())


def cities_of(gaz: GazetteerLike, places: Sequence[Any]) -> tuple[Any, ...]:
    out: dict[str, Any] = {}
    for p in places:
        city = gaz.city_of(p) if p.label is Label.COUNTY else p
        if city is not None:
            out.setdefault(city.code, city)
    return tuple(out.values())

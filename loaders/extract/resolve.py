"""Stage 4: resolve mentions — the places a name or a text names, the document's own place.

Input: names and texts; output: divisions of the national gazetteer (current codes), chosen in
the document's province first. A plan says 我市/全市 without naming its city: the city is the
one its county-level places share, or the one its issuer or title names.

>>> from clusterkg.loaders.places import NationalGazetteer
>>> r = Resolver(NationalGazetteer.load(), province="210000")
>>> [d.name for d in r.leading_places("宽甸镁基新型环保装饰材料")]
['宽甸满族自治县']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from clusterkg.loaders.places import Division, NationalGazetteer
from clusterkg.text import normalise_name

_PAREN = re.compile(r"\(([^()]{2,12})\)")


@dataclass(slots=True)
class Resolver:
    gaz: NationalGazetteer
    province: str | None = None  # code of the document's province
    home: Division | None = None  # the document's own place (its city, county or province)
    cache: dict[str, list[Division]] = field(default_factory=dict)
    # divisions the document names in full: their short names count at a name's start even when the
    # short name is a common word elsewhere (清河县 named, then 清河羊绒产业集群)
    named: dict[str, tuple[Division, ...]] = field(default_factory=dict)  # by first character
    # what :meth:`find` found in a text; the same names are looked up many times over (about 25,000
    # look-ups on a 100-page plan), and the answer changes only with :attr:`named`
    found: dict[str, tuple[tuple[int, int, Division], ...]] = field(default_factory=dict)

    def name_in_full(self, divisions: list[Division]) -> None:
        """Record the divisions the document names in full (see :attr:`named`)."""
        by_first: dict[str, list[Division]] = {}
        for d in divisions:
            if len(d.short) >= 2 and d.short != d.name:
                by_first.setdefault(d.short[0], []).append(d)
        self.named = {k: tuple(v) for k, v in by_first.items()}
        self.found.clear()

    def find(self, text: str) -> list[tuple[int, int, Division]]:
        """Place mentions in ``text``; outside the document's province only full names count
        (松山湖 in a Guangdong plan is no 松山区 of Inner Mongolia)."""
        if (known := self.found.get(text)) is None:
            known = self.found[text] = tuple(self._find(text))
        return list(known)

    def _find(self, text: str) -> list[tuple[int, int, Division]]:
        if (candidates := self.named.get(text[:1])) and not any(text.startswith(d.name) for d in candidates):
            own = next((d for d in candidates if text.startswith(d.short)), None)
            if own is not None and not self.gaz.find_in(text[: len(own.short)], province=self.province):
                rest = self.find_unnamed(text[len(own.short) :])
                return [(0, len(own.short), own)] + [(s + len(own.short), e + len(own.short), d) for s, e, d in rest]
        return self.find_unnamed(text)

    def find_unnamed(self, text: str) -> list[tuple[int, int, Division]]:
        """Place mentions in ``text`` by the gazetteer's keys alone."""
        out = []
        for s, e, d in self.gaz.find_in(text, province=self.province):
            if (
                self.province
                and d.province_code != self.province
                and d.level == "county"
                and text[s:e] not in (d.name, *d.former)
            ):
                continue
            out.append((s, e, d))
        return out

    def places_in(self, text: str) -> list[Division]:
        """Every division named in ``text``, most specific, in order (document's province first)."""
        key = "in:" + text
        if key not in self.cache:
            found = [d for _, _, d in self.find(text)]
            codes = {d.code for d in found}
            self.cache[key] = [d for d in found if not any(o.parent_code == d.code for o in found if o.code in codes)]
        return self.cache[key]

    def leading_places(self, name: str) -> list[Division]:
        """Places that begin a name (东港再生资源 → 东港市; 新野县产业集聚区 → 新野县), with a
        place in brackets refining it (郑州家具产业园(登封) → 登封市)."""
        n = normalise_name(name)
        found = self.find(n)
        lead: list[Division] = []
        pos = 0
        for s, e, d in found:
            if s != pos:
                break
            lead.append(d)
            pos = e
        inner = [d for m in _PAREN.finditer(n) for d in self.places_in(m.group(1)) if d.level != "province"]
        if inner:
            lead = [d for d in lead if not any(i.parent_code == d.code for i in inner)] + inner
        # a county written with its city (广州市黄埔区…) keeps both: the name states both
        return lead

    def strip_place(self, name: str) -> str:
        """The name without the places that begin it (宽甸镁基… → 镁基…)."""
        n = normalise_name(name)
        pos = 0
        for s, e, _ in self.find(n):
            if s != pos:
                break
            pos = e
        return n[pos:]


_ISSUER_END = re.compile(r"(人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管委会|厅|局)$")


def document_home(text: str, lines: list[str], gaz: NationalGazetteer) -> tuple[Division | None, Division | None]:
    """The document's province and its own place (what 我市/我省 refer to).

    The issuer or title line decides when it names a place; otherwise the city most of the
    county-level places named in the text belong to, when the text speaks of 我市/全市.
    """
    province = gaz.guess_province(text)
    pcode = province.code if province else None
    for line in lines[:12]:
        n = normalise_name(line)
        if len(n) > 60:
            continue
        if _ISSUER_END.search(n) or "关于" in n or "《" in line:
            found = gaz.find_in(n, province=pcode)
            if found and found[0][0] <= 2:
                d = found[0][2]
                return gaz.province_of(d.code), d
    named_places = [d for _, _, d in gaz.find_in(text, province=pcode)]  # the text's places, scanned once
    cities: Counter[str] = Counter()
    for d in named_places:
        if d.level == "county" and d.parent_code:
            cities[d.parent_code] += 1
        elif d.level == "city":
            cities[d.code] += 1
    counties: Counter[str] = Counter(d.code for d in named_places if d.level == "county")
    if re.search(r"我区|全区|本区|我县|全县|本县|区委|县委", text) and counties:
        code, _ = counties.most_common(1)[0]
        county = gaz.by_code(code)
        if county is not None:
            return gaz.province_of(county.code), county
    speaks_city = bool(re.search(r"我市|全市|本市|市委|市政府", text))
    if speaks_city and cities:
        code, _ = cities.most_common(1)[0]
        city = gaz.by_code(code)
        if city is not None and city.level == "city":
            return gaz.province_of(city.code), city
    if not re.search(r"我省|本省|省委|省政府", text):
        # a text that says neither 我市 nor 我省 (南阳…居全省第三位): the place of its province it names
        # far most, by its own name: three times at least, and three times as often as all others
        named: Counter[str] = Counter(
            d.code
            for d in named_places
            if d.level != "province" and (pcode is None or d.code[:2] == pcode[:2])  # (唐白河 is no 白河县 of another)
        )
        if named:
            (code, times), *rest = named.most_common()
            place = gaz.by_code(code)
            if place is not None and times >= 3 and times >= 3 * sum(m for _, m in rest):
                return gaz.province_of(place.code), place
    if province is not None and (
        re.search(r"我省|全省|本省|省政府", text)
        # an autonomous region speaks of itself as 自治区 (自治区农牧厅), not 自治区级 (a tier)
        or (province.name.endswith("自治区") and re.search(r"自治区(?!级)", text.replace(province.name, "")))
    ):
        return province, province
    return province, None

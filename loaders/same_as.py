"""The same thing across documents: the names a load matches on, and proposals for people to check.

Plans of different years name one cluster, zone or firm differently. Three kinds of change are
certain enough to match on when a document is loaded (:func:`forms_for`):

- the place in a name renamed or re-coded, resolved through the gazetteer's history
  (长垣县X ↔ 长垣市X: both begin with the current division 410783);
- a county's zone renamed in a zone reform (X县产业集聚区 ↔ X经济开发区 ↔ X高新区: one
  county, nothing else in the name but the kind of zone);
- a pair a person accepted, kept per province in ``loaders/data/same-as/<code>.toml``.

Everything looser is only proposed (:func:`propose`): pairs of names from two documents with a
score, for a person to accept into that file; nothing is merged on a guess.

>>> forms = forms_for("410000")
>>> bool(forms(Label.ZONE, "长垣县产业集聚区") & forms(Label.ZONE, "长垣经济技术开发区"))
True
>>> bool(forms(Label.ZONE, "郑州经济技术产业集聚区") & forms(Label.ZONE, "郑州高新技术产业开发区"))
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib.resources import files
from pathlib import Path

from clusterkg.errors import InputError, NotFoundError
from clusterkg.graph.documents import Forms
from clusterkg.graph.model import Label, parse_label
from clusterkg.text import normalise_name

from .datafile import read_toml
from .places import Division, NationalGazetteer

# Kinds of zone one county's main zone has been called across Henan's reforms, longest first.
ZONE_KINDS = (
    "高新技术产业开发区",
    "高新技术产业集聚区",
    "经济技术开发区",
    "经济技术产业集聚区",
    "经济开发区",
    "高新技术开发区",
    "产业集聚区",
    "产业开发区",
    "高新区",
    "经开区",
    "开发区",
    "工业园区",
)
# Words that say what kind of thing a name is rather than which one (compared away in proposals).
_GENERIC = re.compile(
    "|".join(
        [
            *ZONE_KINDS,
            "特色产业集群",
            "产业集群",
            "特色集群",
            "集群",
            "产业基地",
            "基地",
            "产业园",
            "园区",
            "特色",
            "产业",
            "有限公司",
            "股份",
            "集团",
            "项目",
            "建设",
            "工程",
        ]
    )
)
# Where an accepted pair may name its label: the labels matched across documents.
_LABELS = (Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT)


@dataclass(frozen=True, slots=True)
class SamePair:
    """Two names a person accepted as one thing, for one label."""

    label: Label
    names: tuple[str, str]
    note: str = ""


def pairs_path(province_code: str) -> str:
    """Where a province's accepted pairs live, relative to ``loaders/data``."""
    return f"same-as/{province_code}.toml"


def read_pairs(province_code: str | None, path: Path | None = None) -> tuple[SamePair, ...]:
    """The accepted pairs of a province (none when it has no file).

    >>> [p.names for p in read_pairs("410000")][:1]  # doctest: +ELLIPSIS
    [...]
    """
    if path is None:
        if province_code is None:
            return ()
        packaged = files("clusterkg.loaders") / "data" / pairs_path(province_code)
        if not packaged.is_file():
            return ()
    try:
        source, data = read_toml(path, pairs_path(province_code or ""), "same-as")
    except NotFoundError:
        return ()
    out: list[SamePair] = []
    for i, item in enumerate(data.get("pair", [])):
        where = f"{source}: pair[{i}]"
        if not isinstance(item, dict) or set(item) - {"label", "names", "note", "score"}:
            raise InputError(f"{where}: expected label, names and an optional note and score")
        names = item.get("names")
        if not (isinstance(names, list) and len(names) == 2 and all(isinstance(n, str) and n.strip() for n in names)):
            raise InputError(f"{where}: names must be two non-empty names")
        label = parse_label(str(item.get("label", "")))
        if label not in _LABELS:
            raise InputError(f"{where}: label must be one of {', '.join(x.value for x in _LABELS)}")
        a, b = (normalise_name(n) for n in names)
        out.append(SamePair(label, (a, b), str(item.get("note", ""))))
    return tuple(out)


@cache
def _gazetteer() -> NationalGazetteer:
    return NationalGazetteer.load()


def leading_place(name: str, province_code: str | None) -> tuple[Division, str] | None:
    """The current division a name begins with (through the code history) and the rest of the name.

    >>> d, rest = leading_place("长垣县产业集聚区", "410000")
    >>> d.code, rest
    ('410783', '产业集聚区')
    """
    n = normalise_name(name)
    for start, end, division in _gazetteer().find_in(n, province=province_code):
        if start == 0 and division.level != "province":
            return division, n[end:]
        break
    return None


def name_forms(label: Label, name: str, province_code: str | None, pairs: Sequence[SamePair] = ()) -> frozenset[str]:
    """What a name is matched on across documents: its place resolved to the current division,
    a county's zone whatever its kind, and the accepted pair it belongs to.

    >>> sorted(name_forms(Label.ZONE, "长垣县产业集聚区", "410000"))
    ['=长垣县产业集聚区', '@410783:zone', '@410783:产业集聚区']
    """
    n = normalise_name(name)
    out = {f"={n}"}
    lead = leading_place(n, province_code)
    if lead is not None:
        division, rest = lead
        if rest:
            out.add(f"@{division.code}:{rest}")
        if label is Label.ZONE and division.level == "county" and rest in ZONE_KINDS:
            out.add(f"@{division.code}:zone")
    for i, pair in enumerate(pairs):
        if pair.label is label and n in pair.names:
            out.add(f"~{i}")
    return frozenset(out)


def forms_for(province_code: str | None, pairs: Sequence[SamePair] | None = None) -> Forms:
    """The match forms of a province's documents, with its accepted pairs."""
    accepted = tuple(read_pairs(province_code) if pairs is None else pairs)

    @cache
    def forms(label: Label, name: str) -> frozenset[str]:
        return name_forms(label, name, province_code, accepted)

    return forms


@dataclass(frozen=True, slots=True)
class Proposal:
    """Two names of two documents that may be one thing, with a score in [0, 1] and why."""

    label: Label
    a: str
    b: str
    score: float
    why: str


def _core(name: str, province_code: str | None) -> tuple[str | None, str]:
    lead = leading_place(name, province_code)
    code, rest = (lead[0].code, lead[1]) if lead else (None, normalise_name(name))
    return code, _GENERIC.sub("", rest)


def pair_score(a: str, b: str, province_code: str | None) -> tuple[float, str]:
    """How alike two names are once places and the words for kinds of things are set aside.

    Names in different places score 0; the same place counts for half.

    >>> pair_score("淅川县产业集聚区汽车零部件特色产业集群", "淅川汽车及零部件特色产业集群", "410000")[0] >= 0.8
    True
    >>> pair_score("新野县纺织服装产业集群", "夏邑县纺织服装产业集群", "410000")[0]
    0.0
    """
    (pa, ca), (pb, cb) = _core(a, province_code), _core(b, province_code)
    if pa is not None and pb is not None and pa != pb:
        return 0.0, "different places"
    ratio = SequenceMatcher(None, ca, cb, autojunk=False).ratio() if ca or cb else 1.0
    if pa is not None and pa == pb:
        return round(0.5 + 0.5 * ratio, 3), f"same place {pa}; rest {ca or '-'} ~ {cb or '-'} ({ratio:.2f})"
    return round(0.8 * ratio, 3), f"rest {ca or '-'} ~ {cb or '-'} ({ratio:.2f})"


def propose(
    label: Label, a_names: Iterable[str], b_names: Iterable[str], province_code: str | None, *, min_score: float = 0.75
) -> list[Proposal]:
    """Pairs (one name from each side, not the same name) scoring at least ``min_score``, best
    first; a name already paired better is not proposed again.

    >>> [(p.a, p.b) for p in propose(Label.CLUSTER, ["淅川县产业集聚区汽车零部件特色产业集群"],
    ...                              ["淅川汽车及零部件特色产业集群", "西峡汽车及零部件特色产业集群"], "410000")]
    [('淅川县产业集聚区汽车零部件特色产业集群', '淅川汽车及零部件特色产业集群')]
    """
    a_list, b_list = sorted(set(a_names)), sorted(set(b_names))
    scored: list[Proposal] = []
    for a in a_list:
        for b in b_list:
            if a == b:
                continue
            score, why = pair_score(a, b, province_code)
            if score >= min_score:
                scored.append(Proposal(label, a, b, score, why))
    scored.sort(key=lambda p: (-p.score, p.a, p.b))
    used_a: set[str] = set()
    used_b: set[str] = set()
    out: list[Proposal] = []
    for p in scored:
        if p.a in used_a or p.b in used_b:
            continue
        used_a.add(p.a)
        used_b.add(p.b)
        out.append(p)
    return out


def toml_lines(proposals: Iterable[Proposal]) -> str:
    """Proposals as ``[[pair]]`` tables to paste, once checked, into the province's file."""
    blocks = []
    for p in proposals:
        blocks.append(
            f'[[pair]]\nlabel = "{p.label.value}"\nnames = ["{p.a}", "{p.b}"]\nscore = {p.score}\nnote = "{p.why}"\n'
        )
    return "\n".join(blocks)

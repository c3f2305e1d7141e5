"""Scoring extracted facts against hand-made gold: precision, recall and F1 per fact kind.

Names are compared in one form (:func:`match_key`); an entity matches a gold entity when any
of its names (name and aliases) equals any of the gold entity's names, one to one, greedy in
the order the extractor reports them. A link (cluster, x) is right when its cluster matches
a gold cluster by name and x matches the x of one of that gold cluster's pairs; each gold
pair is used once. Places of clusters are scored the same way, with a looser comparison of
place names (:func:`same_place`), because documents write 武汉 for 武汉市.

>>> from clusterkg.loaders.extract.facts import ClusterFacts, DocumentFacts, Facts
>>> facts = Facts(document=DocumentFacts(key="d"), clusters=[ClusterFacts(name="某市纺织产业集群")])
>>> gold = Gold.model_validate({"clusters": [{"name": "某市纺织产业集群"}, {"name": "某县机械产业集群"}]})
>>> s = score_document(facts, gold)["clusters"]
>>> (s.tp, s.fp, s.fn)
(1, 0, 1)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from clusterkg.text import drop_glosses, normalise_name

from .facts import (
    ClusterFacts,
    DocumentFacts,
    Facts,
    FirmFacts,
    PlaceRef,
    ProjectFacts,
    ZoneFacts,
)

ENTITY_KINDS = ("clusters", "zones", "firms", "projects")
LINK_KINDS = ("cluster_zone", "cluster_firm", "cluster_project")
KINDS = (*ENTITY_KINDS, *LINK_KINDS)
PLACE_KIND = "cluster_place"  # reported apart: places are attributes, not facts the plan states

# NFKC already turns full-width brackets into ASCII ones; these are the other bracket shapes
# documents use around the same words.
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "［": "(", "］": ")", "[": "(", "]": ")"})
# The suffix of a division, with the nationalities of an autonomous one (满族自治县); at least two
# characters of name stay in front of it.
_PLACE_SUFFIX = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:[\u4e00-\u9fff]{1,6}?族)*"
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|省|市|县|区|旗|盟)$"
)


def match_key(name: str) -> str:
    """The form in which names are compared: NFKC, no white space, one bracket shape, 集聚区, and
    no pinyin glosses (the extractor reads a page without them; gold copies them as written).

    >>> match_key("商丘经济开发区 【环保】 产业聚集区")
    '商丘经济开发区(环保)产业集聚区'
    >>> match_key("通許高新區(qū)")
    '通許高新區'
    """
    return drop_glosses(normalise_name(name)).translate(_BRACKETS).replace("聚集区", "集聚区")


def place_stem(name: str) -> str:
    """A place name without its division suffix: 宽甸满族自治县 → 宽甸, 武汉市 → 武汉.

    >>> place_stem("宽甸满族自治县"), place_stem("葫芦岛市"), place_stem("仙桃")
    ('宽甸', '葫芦岛', '仙桃')
    """
    key = match_key(name)
    stem = _PLACE_SUFFIX.sub("", key)
    return stem or key


def same_place(a: str, b: str) -> bool:
    """Equal once suffixes are stripped, or one a prefix (of two characters or more) of the other.

    >>> same_place("武汉", "武汉市"), same_place("东港", "东港市"), same_place("丹东市", "东港市")
    (True, True, False)
    """
    x, y = place_stem(a), place_stem(b)
    if x == y:
        return True
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 2 and long_.startswith(short)


# -- gold ----------------------------------------------------------------------------------


class _GoldIn(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldEntity(_GoldIn):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)


class GoldCluster(GoldEntity):
    places: list[str] = Field(default_factory=list)
    level: str | None = None
    target_yi: float | None = None
    target_year: int | None = None
    # Documents that name a cluster by (zone, industry) record both; not scored.
    industry: str | None = None
    zone: str | None = None


class Gold(_GoldIn):
    """A ``NAME.gold.json`` file: what a careful reader extracts from ``NAME.txt``."""

    note: str | None = None
    clusters: list[GoldCluster] = Field(default_factory=list)
    zones: list[GoldEntity] = Field(default_factory=list)
    firms: list[GoldEntity] = Field(default_factory=list)
    projects: list[GoldEntity] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    cluster_zone: list[tuple[str, str]] = Field(default_factory=list)
    cluster_firm: list[tuple[str, str]] = Field(default_factory=list)
    cluster_project: list[tuple[str, str]] = Field(default_factory=list)

    def problems(self) -> list[str]:
        """Pairs naming a cluster, zone, firm or project the lists lack (a typo in the gold, not a miss)."""
        out: list[str] = []
        clusters = {match_key(n) for c in self.clusters for n in (c.name, *c.aliases)}
        for kind, entity_kind in zip(LINK_KINDS, ENTITY_KINDS[1:], strict=True):
            entities: list[GoldEntity] = getattr(self, entity_kind)
            known = {match_key(n) for e in entities for n in (e.name, *e.aliases)}
            for c, x in getattr(self, kind):
                if match_key(c) not in clusters:
                    out.append(f"{kind}: pair [{c!r}, {x!r}] names a cluster that clusters does not list")
                elif match_key(x) not in known:
                    out.append(f"{kind}: pair [{c!r}, {x!r}] names something that {entity_kind} does not list")
        return out


# -- scores --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KindScore:
    """Counts for one fact kind, with the names behind the errors."""

    tp: int
    fp: int
    fn: int
    false_positives: tuple[str, ...] = ()
    misses: tuple[str, ...] = ()

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted: undefined, not perfect."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when the gold holds nothing of the kind."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        if p is None or r is None or p + r == 0:
            return 0.0  # something was predicted or expected, and none of it was right
        return 2 * p * r / (p + r)

    def __add__(self, other: KindScore) -> KindScore:
        return KindScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class _Item:
    """One predicted or gold thing: how it is shown in error lists, and what it is matched by."""

    label: str
    names: frozenset[str]  # an entity's names; for a pair, the names of its cluster
    x: frozenset[str] = frozenset()  # for a pair, the names of the linked entity or place


def _names(name: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    return frozenset(match_key(n) for n in (name, *aliases) if n.strip())


def match_one_to_one(
    predicted: Sequence[_Item], gold: Sequence[_Item], same: Callable[[_Item, _Item], bool]
) -> KindScore:
    """Greedy one-to-one matching in predicted order: each gold item is used at most once."""
    used: set[int] = set()
    fps: list[str] = []
    for p in predicted:
        hit = next((i for i, g in enumerate(gold) if i not in used and same(p, g)), None)
        if hit is None:
            fps.append(p.label)
        else:
            used.add(hit)
    misses = tuple(g.label for i, g in enumerate(gold) if i not in used)
    return KindScore(len(predicted) - len(fps), len(fps), len(misses), tuple(fps), misses)


def _same_entity(a: _Item, b: _Item) -> bool:
    return bool(a.names & b.names)


def _same_link(a: _Item, b: _Item) -> bool:
    return bool(a.names & b.names) and bool(a.x & b.x)


def _same_cluster_place(a: _Item, b: _Item) -> bool:
    return bool(a.names & b.names) and any(same_place(x, y) for x in a.x for y in b.x)


def _lookup(entities: Iterable[tuple[str, Sequence[str]]]) -> Mapping[str, frozenset[str]]:
    """Every name and alias of a list of entities → all names of that entity."""
    table: dict[str, frozenset[str]] = {}
    for name, aliases in entities:
        names = _names(name, aliases)
        for n in names:
            table.setdefault(n, names)
    return table


def _full(table: Mapping[str, frozenset[str]], name: str) -> frozenset[str]:
    """All names of the entity called ``name`` (just ``name`` if no entity is called so)."""
    key = match_key(name)
    return table.get(key, frozenset({key}))


def score_document(facts: Facts, gold: Gold) -> dict[str, KindScore]:
    """Scores of one document's facts per kind of :data:`KINDS`, and :data:`PLACE_KIND`.

    >>> from clusterkg.loaders.extract.facts import DocumentFacts, Facts
    >>> g = Gold.model_validate({"zones": [{"name": "某某产业园"}]})
    >>> score_document(Facts(document=DocumentFacts(key="d")), g)["zones"].misses
    ('某某产业园',)
    """
    out: dict[str, KindScore] = {}
    predicted_entities: dict[str, list[tuple[str, list[str]]]] = {
        "clusters": [(c.name, c.aliases) for c in facts.clusters],
        "zones": [(z.name, z.aliases) for z in facts.zones],
        "firms": [(f.name, f.aliases) for f in facts.firms],
        "projects": [(p.name, p.aliases) for p in facts.projects],
    }
    gold_entities: dict[str, list[tuple[str, list[str]]]] = {
        "clusters": [(c.name, c.aliases) for c in gold.clusters],
        "zones": [(z.name, z.aliases) for z in gold.zones],
        "firms": [(f.name, f.aliases) for f in gold.firms],
        "projects": [(p.name, p.aliases) for p in gold.projects],
    }
    for kind in ENTITY_KINDS:
        p_items = [_Item(n, _names(n, a)) for n, a in predicted_entities[kind]]
        g_items = [_Item(n, _names(n, a)) for n, a in gold_entities[kind]]
        out[kind] = match_one_to_one(p_items, g_items, _same_entity)

    p_lookup = {k: _lookup(v) for k, v in predicted_entities.items()}
    g_lookup = {k: _lookup(v) for k, v in gold_entities.items()}

    for kind, entity_kind in (("cluster_zone", "zones"), ("cluster_firm", "firms"), ("cluster_project", "projects")):
        p_pairs = [
            _Item(f"{c.name} → {x}", _names(c.name, c.aliases), _full(p_lookup[entity_kind], x))
            for c in facts.clusters
            for x in getattr(c, entity_kind)
        ]
        g_pairs = [
            _Item(f"{c} → {x}", _full(g_lookup["clusters"], c), _full(g_lookup[entity_kind], x))
            for c, x in getattr(gold, kind)
        ]
        out[kind] = match_one_to_one(p_pairs, g_pairs, _same_link)

    p_places = [
        _Item(f"{c.name} @ {p.name}", _names(c.name, c.aliases), frozenset({p.name}))
        for c in facts.clusters
        for p in c.places
    ]
    g_places = [
        _Item(f"{c.name} @ {p}", _names(c.name, c.aliases), frozenset({p})) for c in gold.clusters for p in c.places
    ]
    out[PLACE_KIND] = match_one_to_one(p_places, g_places, _same_cluster_place)
    return out


def micro(scores: Iterable[Mapping[str, KindScore]]) -> dict[str, KindScore]:
    """Counts summed over documents, per kind (micro-averaged P, R and F1 follow from them)."""
    total: dict[str, KindScore] = {}
    for s in scores:
        for kind, k in s.items():
            total[kind] = total[kind] + k if kind in total else KindScore(k.tp, k.fp, k.fn)
    return total


def facts_of_gold(gold: Gold, key: str = "gold") -> Facts:
    """What a perfect extractor would report for a document: scores 1.0 on every kind.

    The self-check of the bench and of gold files (a pair that does not resolve shows up).
    Places get the code 000000: gold names places, and scoring compares names only.
    """

    def linked(kind: str, c: GoldCluster) -> list[str]:
        names = _names(c.name, c.aliases)
        return [x for cluster, x in getattr(gold, kind) if match_key(cluster) in names]

    return Facts(
        document=DocumentFacts(key=key),
        clusters=[
            ClusterFacts(
                name=c.name,
                aliases=c.aliases,
                level=c.level,
                target_yi=c.target_yi,
                target_year=c.target_year,
                places=[PlaceRef(code="000000", name=p) for p in c.places],
                zones=linked("cluster_zone", c),
                firms=linked("cluster_firm", c),
                projects=linked("cluster_project", c),
            )
            for c in gold.clusters
        ],
        zones=[ZoneFacts(name=z.name, aliases=z.aliases) for z in gold.zones],
        firms=[FirmFacts(name=f.name, aliases=f.aliases) for f in gold.firms],
        projects=[ProjectFacts(name=p.name, aliases=p.aliases) for p in gold.projects],
    )

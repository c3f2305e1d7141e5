"""Industry-chain templates: the segments behind each sector of the plan, and who feeds whom.

The plan names sectors and clusters but not the chains behind them; 招商 teams need those
chains to see which segments a cluster already has and which it lacks.  The templates are
facts we write down in ``data/chains.toml``; this module checks them (pydantic at the input
edge, then graph checks on each chain's feeds), turns them into frozen dataclasses with a few
look-ups for classifying firms, and into the rows one load writes (:func:`chain_batch`).

>>> catalog = load_chains()
>>> [c.key for c in catalog.chains_of_sector("汽车及零部件")]
['vehicles-parts', 'ev', 'ev-battery']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from clusterkg.errors import InputError, NotFoundError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType
from clusterkg.text import clean_text

from .datafile import read_toml

# The 13 sectors of section 二 of the Henan plan, in plan order.  They are the keys of the
# Sector nodes, so a chain naming any other sector would hang off nothing in the graph.
SECTORS: tuple[str, ...] = (
    "电子信息",
    "装备制造",
    "汽车及零部件",
    "食品",
    "现代家居",
    "服装服饰",
    "生物医药",
    "节能环保",
    "新材料",
    "铝精深加工",
    "精品钢",
    "黄金深加工",
    "绿色化工",
)


class Stage(StrEnum):
    """Where a segment sits along its chain; declared in chain order so comparisons work."""

    UPSTREAM = "上游"
    MIDSTREAM = "中游"
    DOWNSTREAM = "下游"

    @property
    def rank(self) -> int:
        return list(Stage).index(self)


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CODE = re.compile(r"[0-9]{4}")
# Registries print a class with its section letter ("C3922"); the letter adds nothing here.
_REGISTRY_CODE = re.compile(r"[A-Ta-t]?([0-9]{4})")


# ─────────────────────────── input edge (pydantic) ───────────────────────────


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError(f"key {value!r} is not an ASCII slug (lower-case letters, digits, hyphens)")
    return value


def _no_duplicates(values: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"{what} {v!r} is listed twice")
        seen.add(v)


class SegmentIn(_Input):
    key: str
    name: str = Field(min_length=1)
    stage: Stage
    order: int = Field(ge=1, strict=True)
    industry_codes: tuple[str, ...] = ()
    keywords: tuple[str, ...]

    key_is_slug = field_validator("key")(_slug)

    @field_validator("stage", mode="before")
    @classmethod
    def _known_stage(cls, value: object) -> object:
        if value not in {s.value for s in Stage}:
            raise ValueError(f"stage {value!r} is not one of 上游, 中游, 下游")
        return value

    @field_validator("industry_codes")
    @classmethod
    def _four_digit_codes(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        for code in codes:
            if not _CODE.fullmatch(code):
                raise ValueError(f"industry code {code!r} is not 4 digits (a GB/T 4754-2017 class)")
        _no_duplicates(codes, "industry code")
        return codes

    @field_validator("keywords")
    @classmethod
    def _usable_keywords(cls, keywords: tuple[str, ...]) -> tuple[str, ...]:
        if not keywords:
            raise ValueError("no keywords: a segment needs at least one to place firms in it")
        if any(not clean_text(k) for k in keywords):
            raise ValueError("a keyword is empty")
        _no_duplicates(keywords, "keyword")
        return keywords


class ChainIn(_Input):
    key: str
    name: str = Field(min_length=1)
    sector: str
    segments: tuple[SegmentIn, ...]
    feeds: tuple[tuple[str, str], ...] = ()

    key_is_slug = field_validator("key")(_slug)

    @field_validator("sector")
    @classmethod
    def _known_sector(cls, sector: str) -> str:
        if sector not in SECTORS:
            raise ValueError(f"unknown sector {sector!r}; the plan's sectors are {', '.join(SECTORS)}")
        return sector

    # Emptiness is checked in validators rather than with Field(min_length=1): pydantic also
    # reports a tuple as too short when one of its items fails, which would add a false reason.
    @field_validator("segments")
    @classmethod
    def _has_segments(cls, segments: tuple[SegmentIn, ...]) -> tuple[SegmentIn, ...]:
        if not segments:
            raise ValueError("no segments")
        return segments

    @model_validator(mode="after")
    def _feeds_form_one_chain(self) -> ChainIn:
        _check_chain(self)
        return self


class CrossLinkIn(_Input):
    from_chain: str
    from_segment: str
    to_chain: str
    to_segment: str
    note: str = Field(min_length=1)


class CatalogIn(_Input):
    chains: tuple[ChainIn, ...]
    cross_links: tuple[CrossLinkIn, ...] = ()

    @model_validator(mode="after")
    def _keys_and_links_resolve(self) -> CatalogIn:
        if not self.chains:
            raise ValueError("no chains")
        _no_duplicates_named((c.key for c in self.chains), "chain")
        segments = {c.key: {s.key for s in c.segments} for c in self.chains}
        seen: set[tuple[str, str, str, str]] = set()
        for link in self.cross_links:
            ends = (link.from_chain, link.from_segment, link.to_chain, link.to_segment)
            where = f"cross link {link.from_chain}/{link.from_segment} → {link.to_chain}/{link.to_segment}"
            for chain, segment in ((link.from_chain, link.from_segment), (link.to_chain, link.to_segment)):
                if chain not in segments:
                    raise ValueError(f"{where} names unknown chain {chain!r}")
                if segment not in segments[chain]:
                    raise ValueError(f"{where} names unknown segment {segment!r} of chain {chain!r}")
            if link.from_chain == link.to_chain:
                raise ValueError(f"{where} stays inside chain {link.from_chain!r}; list it in that chain's feeds")
            if ends in seen:
                raise ValueError(f"{where} is listed twice")
            seen.add(ends)
        return self


def _no_duplicates_named(keys: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(f"{what} {key!r} is defined twice")
        seen.add(key)


def _check_chain(chain: ChainIn) -> None:
    """Raise ValueError unless the chain's feeds make one acyclic graph over all its segments.

    Checks run cheapest-and-most-specific first, so one mistake yields one clear reason.
    """
    _no_duplicates_named((s.key for s in chain.segments), "segment")
    owner: dict[str, str] = {}
    for seg in chain.segments:
        for kw in seg.keywords:
            if kw in owner:
                # Within one chain a keyword must point at one segment, or classification is a coin toss.
                raise ValueError(f"keyword {kw!r} is in both segment {owner[kw]!r} and segment {seg.key!r}")
            owner[kw] = seg.key
    by_key = {s.key: s for s in chain.segments}
    for supplier, customer in chain.feeds:
        for end in (supplier, customer):
            if end not in by_key:
                raise ValueError(f"feed {supplier!r} → {customer!r} names unknown segment {end!r}")
    _no_duplicates((f"{a} → {b}" for a, b in chain.feeds), "feed")
    cycle = _find_cycle([s.key for s in chain.segments], chain.feeds)
    if cycle:
        raise ValueError(f"feeds form a cycle: {' → '.join(cycle)}")
    if len(chain.segments) > 1:
        named = {end for feed in chain.feeds for end in feed}
        for seg in chain.segments:
            if seg.key not in named:
                raise ValueError(f"segment {seg.key!r} is an orphan: no feed names it")
        parts = _components([s.key for s in chain.segments], chain.feeds)
        if len(parts) > 1:
            shown = " and ".join("{" + ", ".join(p) + "}" for p in parts)
            raise ValueError(f"feeds split the chain into {len(parts)} unconnected parts: {shown}")
    for supplier, customer in chain.feeds:
        a, b = by_key[supplier], by_key[customer]
        if a.order >= b.order:
            raise ValueError(
                f"feed {supplier!r} → {customer!r} runs backwards along the chain: order {a.order} → {b.order}"
            )
        if a.stage.rank > b.stage.rank:
            raise ValueError(f"feed {supplier!r} → {customer!r} runs backwards from {a.stage} to {b.stage}")


def _find_cycle(nodes: list[str], edges: Iterable[tuple[str, str]]) -> list[str]:
    """One cycle as a closed path [a, b, …, a], or [] when the graph is acyclic."""
    out: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        out[a].append(b)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in out[node]:
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in nodes:
        if node not in state and (found := visit(node)):
            return found
    return []


def _components(nodes: list[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Weakly connected components, each in declaration order."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(root(n), []).append(n)
    return list(groups.values())


# ─────────────────────────── the catalogue (frozen dataclasses) ───────────────────────────


@dataclass(frozen=True, slots=True)
class ChainSegment:
    """One segment of a chain, e.g. 电芯 of 锂离子动力电池."""

    chain: str
    key: str
    name: str
    stage: Stage
    order: int
    industry_codes: tuple[str, ...]
    keywords: tuple[str, ...]

    @property
    def node_key(self) -> str:
        """The ChainSegment node key: segment keys are unique only within their chain."""
        return f"{self.chain}/{self.key}"


@dataclass(frozen=True, slots=True)
class ChainTemplate:
    """One industry chain: its segments in file order and its supplier → customer feeds."""

    key: str
    name: str
    sector: str
    segments: tuple[ChainSegment, ...]
    feeds: tuple[tuple[str, str], ...]

    def segment(self, key: str) -> ChainSegment:
        for seg in self.segments:
            if seg.key == key:
                return seg
        raise NotFoundError(f"chain {self.key!r} has no segment {key!r}")


@dataclass(frozen=True, slots=True)
class CrossLink:
    """A feed from a segment of one chain to a segment of another, as the plan states it."""

    from_chain: str
    from_segment: str
    to_chain: str
    to_segment: str
    note: str


@dataclass(frozen=True, slots=True)
class ChainCatalog:
    """Every chain template and cross-chain feed, with look-ups for classifying firms."""

    chains: tuple[ChainTemplate, ...]
    cross_links: tuple[CrossLink, ...]
    _by_key: dict[str, ChainTemplate] = field(init=False, repr=False, compare=False)
    _by_code: dict[str, tuple[ChainSegment, ...]] = field(init=False, repr=False, compare=False)
    _keywords: tuple[tuple[str, str, ChainSegment], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code: dict[str, list[ChainSegment]] = {}
        keywords: list[tuple[str, str, ChainSegment]] = []
        for chain in self.chains:
            for seg in chain.segments:
                for code in seg.industry_codes:
                    by_code.setdefault(code, []).append(seg)
                keywords.extend((fold_text(kw), kw, seg) for kw in seg.keywords)
        object.__setattr__(self, "_by_key", {c.key: c for c in self.chains})
        object.__setattr__(self, "_by_code", {k: tuple(v) for k, v in by_code.items()})
        object.__setattr__(self, "_keywords", tuple(keywords))

    def chain(self, key: str) -> ChainTemplate:
        """The chain with this key; :class:`NotFoundError` if there is none.

        >>> load_chains().chain("ev-battery").name
        '锂离子动力电池'
        """
        try:
            return self._by_key[key]
        except KeyError:
            raise NotFoundError(f"no chain {key!r}") from None

    def segment(self, chain_key: str, segment_key: str) -> ChainSegment:
        """One segment by chain and segment key; :class:`NotFoundError` if either is unknown.

        >>> load_chains().segment("ev-battery", "cells").name
        '电芯'
        """
        return self.chain(chain_key).segment(segment_key)

    def has_sector(self, sector: str) -> bool:
        """Whether the catalogue has chains for ``sector``.

        >>> load_chains().has_sector("食品"), load_chains().has_sector("智能装备")
        (True, False)
        """
        return any(c.sector == sector for c in self.chains)

    def chains_of_sector(self, sector: str) -> tuple[ChainTemplate, ...]:
        """The chains of one of the plan's sectors, in file order.

        >>> [c.name for c in load_chains().chains_of_sector("铝精深加工")]
        ['铝精深加工']
        """
        if sector not in SECTORS:
            raise NotFoundError(f"no sector {sector!r}; the plan's sectors are {', '.join(SECTORS)}")
        return tuple(c for c in self.chains if c.sector == sector)

    def segments_for_code(self, code: str) -> list[ChainSegment]:
        """Segments listing a GB/T 4754-2017 class, in file order; a section letter may lead.

        >>> [s.node_key for s in load_chains().segments_for_code("C3217")]
        ['magnesium/primary-magnesium']
        """
        match = _REGISTRY_CODE.fullmatch(code.strip())
        if not match:
            raise InputError(f"industry code {code!r} is not a 4-digit GB/T 4754-2017 class")
        return list(self._by_code.get(match.group(1), ()))

    def segments_for_text(self, products: str) -> list[tuple[ChainSegment, str]]:
        """Segments whose keywords occur in a firm's product text, with the keyword that matched.

        A keyword found only inside a longer keyword's match does not count, so 手机外壳 places
        a firm in 结构件 and not also in 整机 (手机).  Results are ordered by where the match
        starts in the text; each segment appears once, with its earliest surviving keyword.

        >>> [(s.node_key, kw) for s, kw in load_chains().segments_for_text("镁合金压铸件")]
        [('magnesium/die-castings', '镁合金压铸件')]
        """
        text = fold_text(products)
        hits: list[tuple[int, int, str, ChainSegment]] = []
        # A linear scan over ~2,000 short keywords is fast enough for per-firm calls and keeps
        # the index a plain tuple; an automaton would pay off only for bulk classification.
        for folded, original, seg in self._keywords:
            start = text.find(folded)
            while start != -1:
                hits.append((start, start + len(folded), original, seg))
                start = text.find(folded, start + 1)
        kept = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits)]
        kept.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: dict[str, tuple[ChainSegment, str]] = {}
        for _, _, keyword, seg in kept:
            out.setdefault(seg.node_key, (seg, keyword))
        return list(out.values())


def fold_text(text: str) -> str:
    """Compare keywords and product text in one form: NFKC, single spaces, case-folded."""
    return clean_text(text).casefold()


# ─────────────────────────── loading ───────────────────────────


def load_chains(path: Path | None = None) -> ChainCatalog:
    """Read and check the chain templates (the packaged ``data/chains.toml`` by default).

    Raises :class:`InputError` naming the file, the chain or segment and the reason for any
    malformed template, and :class:`NotFoundError` when the file does not exist.

    >>> catalog = load_chains()
    >>> len({c.sector for c in catalog.chains})
    13
    """
    source, raw = read_toml(path, "chains.toml", "chain-template")
    try:
        parsed = CatalogIn.model_validate(raw)
    except ValidationError as exc:
        raise InputError(f"{source}: {_describe(exc, raw)}") from exc
    return _catalog(parsed)


def _catalog(parsed: CatalogIn) -> ChainCatalog:
    chains = tuple(
        ChainTemplate(
            key=c.key,
            name=c.name,
            sector=c.sector,
            segments=tuple(
                ChainSegment(c.key, s.key, s.name, s.stage, s.order, s.industry_codes, s.keywords) for s in c.segments
            ),
            feeds=c.feeds,
        )
        for c in parsed.chains
    )
    links = tuple(CrossLink(x.from_chain, x.from_segment, x.to_chain, x.to_segment, x.note) for x in parsed.cross_links)
    return ChainCatalog(chains, links)


_ITEM_NAMES = {"chains": "chain", "segments": "segment"}


def _describe(exc: ValidationError, raw: Mapping[str, Any]) -> str:
    """One line naming each error by chain and segment key rather than by list index."""
    return "; ".join(_where_and_why(err["loc"], err["msg"], raw) for err in exc.errors())


def _where_and_why(loc: tuple[int | str, ...], msg: str, raw: Mapping[str, Any]) -> str:
    reason = msg.removeprefix("Value error, ")
    where: list[str] = []
    node: Any = raw
    i = 0
    while i < len(loc):
        part = loc[i]
        index = loc[i + 1] if i + 1 < len(loc) else None
        items = node.get(part) if isinstance(node, Mapping) else None
        if isinstance(part, str) and isinstance(index, int) and isinstance(items, list) and index < len(items):
            item = items[index]
            if part == "cross_links":
                where.append(f"cross link #{index + 1}")
            else:
                key = item.get("key") if isinstance(item, Mapping) else None
                label = _ITEM_NAMES.get(part, part)
                where.append(f"{label} {key!r}" if isinstance(key, str) else f"{label} #{index + 1}")
            node = item
            i += 2
        else:
            where.append("field " + ".".join(str(p) for p in loc[i:]))
            break
    return f"{', '.join(where)}: {reason}" if where else reason


# ─────────────────────────── graph rows ───────────────────────────


def chain_batch(catalog: ChainCatalog) -> GraphBatch:
    """The Chain and ChainSegment nodes and their HAS_CHAIN, HAS_SEGMENT and FEEDS relationships.

    HAS_CHAIN starts at the Sector node keyed by the sector's Chinese name; Sector nodes
    themselves come from the plan load, so this batch does not write them.

    >>> counts = chain_batch(load_chains()).counts()
    >>> counts["Chain"] == counts["HAS_CHAIN"]
    True
    """
    nodes: list[NodeRow] = []
    rels: list[RelRow] = []
    for chain in catalog.chains:
        nodes.append(NodeRow(Label.CHAIN, chain.key, chain.name, props={"sector": chain.sector}))
        rels.append(RelRow(RelType.HAS_CHAIN, Label.SECTOR, chain.sector, Label.CHAIN, chain.key))
        for seg in chain.segments:
            nodes.append(
                NodeRow(
                    Label.CHAIN_SEGMENT,
                    seg.node_key,
                    seg.name,
                    props={
                        "chain": chain.key,
                        "stage": seg.stage.value,
                        "order": seg.order,
                        "industry_codes": list(seg.industry_codes),
                        "keywords": list(seg.keywords),
                    },
                )
            )
            rels.append(RelRow(RelType.HAS_SEGMENT, Label.CHAIN, chain.key, Label.CHAIN_SEGMENT, seg.node_key))
        for supplier, customer in chain.feeds:
            rels.append(
                RelRow(
                    RelType.FEEDS,
                    Label.CHAIN_SEGMENT,
                    f"{chain.key}/{supplier}",
                    Label.CHAIN_SEGMENT,
                    f"{chain.key}/{customer}",
                    props={"cross_chain": False, "note": ""},
                )
            )
    for link in catalog.cross_links:
        rels.append(
            RelRow(
                RelType.FEEDS,
                Label.CHAIN_SEGMENT,
                f"{link.from_chain}/{link.from_segment}",
                Label.CHAIN_SEGMENT,
                f"{link.to_chain}/{link.to_segment}",
                props={"cross_chain": True, "note": link.note},
            )
        )
    return GraphBatch(tuple(nodes), tuple(rels))

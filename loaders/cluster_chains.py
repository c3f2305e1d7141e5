"""Which chains of its sector each cluster of the plan works on, and which segments it names.

A cluster's name usually says what it makes (智能终端(手机), 电动汽车, 铝板带箔); a few say only
the sector (食品, 电子信息).  So each cluster gets the chains of its sector whose name or
segment keywords occur in the cluster's name, or every chain of the sector when none does.
It COVERS the segments of its chains whose keywords occur in its name.  The rules read only
the plan's names and the chain catalogue, so re-running them on the same inputs gives the
same rows.

>>> from clusterkg.loaders.chains import load_chains
>>> cluster_chains("郑州航空港区智能终端(手机)产业集群", "电子信息", load_chains())
('smart-terminal',)
"""

from __future__ import annotations

import re
from functools import lru_cache

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, RelRow, RelType

from .chains import ChainCatalog, ChainTemplate, fold_text
from .datafile import read_toml

# A chain name like 整车及零部件 or 智能终端(手机) names two products; either one in a
# cluster's name counts.  Parts shorter than two characters (镁 of 镁及镁合金) are too loose.
_NAME_PARTS = re.compile(r"[()（）及和、]")
MIN_PART = 2


def _name_parts(chain: ChainTemplate) -> tuple[str, ...]:
    return tuple(p for p in (fold_text(x) for x in _NAME_PARTS.split(chain.name)) if len(p) >= MIN_PART)


def _keywords_in(chain: ChainTemplate, name: str) -> list[str]:
    """Segment keys of ``chain`` with a keyword (two characters or more) occurring in ``name``."""
    return [
        seg.key for seg in chain.segments if any(len(kw) >= MIN_PART and fold_text(kw) in name for kw in seg.keywords)
    ]


def cluster_chains(cluster_name: str, sector: str, catalog: ChainCatalog) -> tuple[str, ...]:
    """Keys of the sector's chains this cluster works on, in catalogue order.

    >>> from clusterkg.loaders.chains import load_chains
    >>> cluster_chains("漯河食品产业集群", "食品", load_chains())  # doctest: +ELLIPSIS
    ('meat-cold-chain', 'grain-oil', ...)
    """
    name = fold_text(cluster_name)
    chains = catalog.chains_of_sector(sector)
    named = [c.key for c in chains if any(p in name for p in _name_parts(c)) or _keywords_in(c, name)]
    return tuple(named) if named else tuple(c.key for c in chains)


@lru_cache(maxsize=1)
def industry_words() -> dict[str, tuple[str, ...]]:
    """Chain key → the words cluster names use for its industry (``data/chain_industry_words.toml``)."""
    source, data = read_toml(None, "chain_industry_words.toml", "chain industry-word")
    words = data.get("words")
    if not isinstance(words, dict):
        raise InputError(f"{source}: no [words] table")
    return {str(k): tuple(fold_text(w) for w in v) for k, v in words.items()}


def chains_by_name(cluster_name: str, catalog: ChainCatalog) -> tuple[str, ...]:
    """Keys of the catalogue's chains a cluster names, whatever its sector: by the industry
    words of each chain (the longest that occur; 智能网联汽车 before 汽车), else by the chain's
    own name or the keywords of two of its segments.

    A plan of another province names its own sectors; its clusters reach the chains through
    the words of their names.

    >>> from clusterkg.loaders.chains import load_chains
    >>> chains_by_name("十堰汽车零部件产业集群", load_chains())
    ('vehicles-parts',)
    >>> chains_by_name("武汉智能网联汽车产业集群", load_chains())
    ('ev',)
    """
    name = fold_text(cluster_name)
    known = {c.key for c in catalog.chains}
    hits: list[tuple[int, int, str]] = []
    for key, words in industry_words().items():
        if key not in known:
            continue
        for w in words:
            start = name.find(w)
            while start >= 0:
                hits.append((start, start + len(w), key))
                start = name.find(w, start + 1)
    kept = {k for s, e, k in hits if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in hits)}
    if kept:
        return tuple(c.key for c in catalog.chains if c.key in kept)
    by_name = [c.key for c in catalog.chains if any(p in name for p in _name_parts(c))]
    if by_name:
        return tuple(by_name)
    return tuple(c.key for c in catalog.chains if len(_keywords_in(c, name)) >= 2)


def covered_segments(cluster_name: str, chain_keys: tuple[str, ...], catalog: ChainCatalog) -> tuple[str, ...]:
    """ChainSegment node keys of ``chain_keys`` whose keywords occur in the cluster's name.

    >>> from clusterkg.loaders.chains import load_chains
    >>> covered_segments("郑州航空港区智能终端(手机)产业集群", ("smart-terminal",), load_chains())
    ('smart-terminal/assembly',)
    """
    name = fold_text(cluster_name)
    return tuple(f"{key}/{seg}" for key in chain_keys for seg in _keywords_in(catalog.chain(key), name))


def cluster_chain_batch(plan_batch: GraphBatch, catalog: ChainCatalog) -> list[RelRow]:
    """Cluster-HAS_CHAIN->Chain and Cluster-COVERS->ChainSegment rows for every cluster of a plan.

    The rows carry the plan's document key as ``doc`` so that a re-load of the plan replaces
    them like every other fact it states.

    >>> from clusterkg.loaders.chains import load_chains
    >>> from clusterkg.loaders.plan.build import plan_batch
    >>> from clusterkg.loaders.plan.document import read_plan
    >>> rows = cluster_chain_batch(plan_batch(read_plan(PLAN)), load_chains())  # doctest: +SKIP
    """
    docs = [n.key for n in plan_batch.nodes if n.label is Label.DOCUMENT]
    props: dict[str, str] = {"doc": docs[0]} if docs else {}
    sector_of = {
        r.from_key: r.to_key
        for r in plan_batch.relationships
        if r.type is RelType.IN_SECTOR and r.from_label is Label.CLUSTER
    }
    rows: list[RelRow] = []
    for node in plan_batch.nodes:
        if node.label is not Label.CLUSTER:
            continue
        sector = sector_of.get(node.key)
        if sector is not None and catalog.has_sector(sector):
            chains = cluster_chains(node.name, sector, catalog)
        else:
            # A sector the catalogue does not know (or none): the chains its name names.
            chains = chains_by_name(node.name, catalog)
        for key in chains:
            rows.append(RelRow(RelType.HAS_CHAIN, Label.CLUSTER, node.key, Label.CHAIN, key, props=dict(props)))
        for seg in covered_segments(node.name, chains, catalog):
            rows.append(RelRow(RelType.COVERS, Label.CLUSTER, node.key, Label.CHAIN_SEGMENT, seg, props=dict(props)))
    return rows

"""Cluster-LINKS_TO->Cluster for the cross-cluster links a plan states.

``data/henan-2015/cluster_links.toml`` lists which cross-chain feeds of the chain catalogue the plan
states as a tie between industries, with words that find the stating sentence.  The clusters
follow from that sentence: a cluster working on the supplying chain whose own clause is the
sentence links to every other cluster working on the customer chain.  Tying the supplier side
to the clause keeps the links to what the plan says (鹤壁's 镁 cluster, not every 新材料
cluster the sector rule gives the magnesium chain) while the customer side stays the whole
industry the plan names.

>>> from clusterkg.loaders.chains import load_chains
>>> [link.via for link in load_stated_links(load_chains())][:1]
['magnesium/die-castings→vehicles-parts/parts']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, RelRow, RelType, Span

from .chains import ChainCatalog
from .datafile import read_toml
from .plan.document import PlanDocument
from .plan.sections import Sentence, sentences


class _LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: str = Field(alias="from", pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")
    target: str = Field(alias="to", pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")
    stated_by: tuple[str, ...] = Field(min_length=1)


class _LinksIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    links: tuple[_LinkIn, ...]


@dataclass(frozen=True, slots=True)
class StatedLink:
    """A cross-chain feed the plan states, and the words that find the sentence stating it."""

    source: str  # ChainSegment key of the supplier, e.g. "magnesium/die-castings"
    target: str  # ChainSegment key of the customer
    stated_by: tuple[str, ...]

    @property
    def source_chain(self) -> str:
        return self.source.partition("/")[0]

    @property
    def target_chain(self) -> str:
        return self.target.partition("/")[0]

    @property
    def via(self) -> str:
        """The cross link as one string, stored on each LINKS_TO it gives."""
        return f"{self.source}→{self.target}"


def load_stated_links(catalog: ChainCatalog, path: Path | None = None) -> tuple[StatedLink, ...]:
    """Read and check the stated links (the packaged ``data/henan-2015/cluster_links.toml`` by default).

    Each entry must name a cross link of ``catalog``; :class:`InputError` names the file and
    the entry otherwise.

    >>> from clusterkg.loaders.chains import load_chains
    >>> len(load_stated_links(load_chains()))
    4
    """
    source, raw = read_toml(path, "henan-2015/cluster_links.toml", "cluster-link")
    try:
        parsed = _LinksIn.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{source}: {where}: {first['msg']}") from exc
    known = {(f"{x.from_chain}/{x.from_segment}", f"{x.to_chain}/{x.to_segment}") for x in catalog.cross_links}
    out: list[StatedLink] = []
    for i, entry in enumerate(parsed.links, start=1):
        if (entry.source, entry.target) not in known:
            raise InputError(
                f"{source}: link #{i} {entry.source} → {entry.target} is not a [[cross_links]] entry of the chain catalogue"
            )
        if any(not w.strip() for w in entry.stated_by):
            raise InputError(f"{source}: link #{i} has an empty word in stated_by")
        out.append(StatedLink(entry.source, entry.target, entry.stated_by))
    if len({(x.source, x.target) for x in out}) != len(out):
        raise InputError(f"{source}: a link is listed twice")
    return tuple(out)


def stating_sentences(doc: PlanDocument, words: Iterable[str]) -> list[Sentence]:
    """Sentences of ``doc``, in document order, in which every one of ``words`` occurs."""
    wanted = tuple(words)
    return [s for p in doc.paragraphs for s in sentences(p) if all(w in s.text for w in wanted)]


def _within(inner: Sentence, outer: Span, doc_key: str) -> bool:
    inside: bool = outer.document == doc_key and outer.start <= inner.start and inner.end <= outer.end
    return inside


def cluster_link_batch(
    doc: PlanDocument, plan: GraphBatch, chain_rows: Sequence[RelRow], links: Sequence[StatedLink]
) -> list[RelRow]:
    """Cluster-LINKS_TO->Cluster rows, each carrying ``via`` and the span of the stating sentence.

    ``chain_rows`` are the Cluster-HAS_CHAIN->Chain rows of the same plan.  A cluster pair
    that two stated links would both give keeps the first, in file order: one LINKS_TO per
    pair, as the writer MERGEs on the pair.

    >>> rows = cluster_link_batch(doc, plan, cluster_chain_batch(plan, catalog), links)  # doctest: +SKIP
    """
    clusters = [n for n in plan.nodes if n.label is Label.CLUSTER]
    chains_of: dict[str, set[str]] = {}
    for r in chain_rows:
        if r.type is RelType.HAS_CHAIN and r.from_label is Label.CLUSTER:
            chains_of.setdefault(r.from_key, set()).add(r.to_key)
    rows: list[RelRow] = []
    seen: set[tuple[str, str]] = set()
    for link in links:
        customers = [c.key for c in clusters if link.target_chain in chains_of.get(c.key, ())]
        for sentence in stating_sentences(doc, link.stated_by):
            suppliers = [
                c.key
                for c in clusters
                if link.source_chain in chains_of.get(c.key, ())
                and any(_within(sentence, span, doc.key) for span in c.spans)
            ]
            for a in suppliers:
                for b in customers:
                    if a == b or (a, b) in seen:
                        continue
                    seen.add((a, b))
                    rows.append(
                        RelRow(
                            RelType.LINKS_TO,
                            Label.CLUSTER,
                            a,
                            Label.CLUSTER,
                            b,
                            props={"via": link.via},
                            span=sentence.span(doc.key),
                        )
                    )
    return rows

"""Facts → the graph rows one load writes, after checking the facts hold together.

Names are keyed as :func:`clusterkg.text.normalise_name` writes them, so an edited file may
use full-width brackets or stray spaces.  Every problem of a file is reported, each naming
its path in the file (``clusters[3].zones[1]``), in one :class:`FactsError`.

>>> from clusterkg.loaders.extract.facts import ClusterFacts, DocumentFacts, Facts
>>> f = Facts(document=DocumentFacts(key="demo"), clusters=[ClusterFacts(name="某市食品产业集群", sector="食品")])
>>> facts_batch(f).counts()
{'Cluster': 1, 'Document': 1, 'IN_SECTOR': 1, 'Sector': 1}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType, Span
from clusterkg.graph.search_text import with_place_words
from clusterkg.text import normalise_name

from .facts import Evidence, Facts, PlaceRef


class FactsError(InputError):
    """A facts file that does not hold together; ``problems`` lists each one with its path."""

    def __init__(self, origin: str, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        many = f"{len(self.problems)} problems: " if len(self.problems) > 1 else ""
        super().__init__(f"{origin}: {many}{'; '.join(self.problems)}")


def _props(**values: Any) -> dict[str, Any]:
    """Properties without the unknown ones (a null would erase a value on MERGE … SET)."""
    return {k: v for k, v in values.items() if v is not None}


def _names(values: Iterable[str]) -> list[str]:
    """Normalised, non-empty, each once, in order."""
    return list(dict.fromkeys(n for n in (normalise_name(v) for v in values) if n))


def normalised(facts: Facts) -> Facts:
    """A copy of ``facts`` with every name, alias and name reference normalised.

    >>> from clusterkg.loaders.extract.facts import DocumentFacts, FirmFacts
    >>> normalised(Facts(document=DocumentFacts(key="k"), firms=[FirmFacts(name="某 集团（有限）")])).firms[0].name
    '某集团(有限)'
    """
    out = facts.model_copy(deep=True)
    for s in out.sectors:
        s.name = normalise_name(s.name)
    for c in out.clusters:
        c.name, c.aliases = normalise_name(c.name), _names(c.aliases)
        c.sector = normalise_name(c.sector) if c.sector is not None else None
        c.zones, c.firms, c.projects = _names(c.zones), _names(c.firms), _names(c.projects)
        for lk in c.link_evidence:
            lk.name = normalise_name(lk.name)
    for table in (out.zones, out.firms, out.projects):
        for item in table:
            item.name, item.aliases = normalise_name(item.name), _names(item.aliases)
    for p in out.projects:
        p.firms, p.zones = _names(p.firms), _names(p.zones)
    for place in out.places:
        place.name, place.aliases = normalise_name(place.name), _names(place.aliases)
    return out


class _Check:
    """Collects every problem of a facts file before any is raised."""

    def __init__(self, facts: Facts, source_text: str | None) -> None:
        self.facts = facts
        self.text = source_text
        self.problems: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def names(self, table: str, names: Sequence[str]) -> set[str]:
        first: dict[str, int] = {}
        for i, name in enumerate(names):
            if not name:
                self.add(f"{table}[{i}].name", "empty name")
            elif name in first:
                self.add(f"{table}[{i}].name", f"{name!r} is already {table}[{first[name]}]")
            else:
                first[name] = i
        return set(first)

    def refs(self, path: str, names: Sequence[str], declared: set[str], table: str) -> None:
        for i, name in enumerate(names):
            if name not in declared:
                self.add(f"{path}[{i}]", f"{name!r} is not declared in {table}")

    def places(self, path: str, refs: Sequence[PlaceRef], codes: set[str]) -> None:
        for i, ref in enumerate(refs):
            if ref.code not in codes:
                self.add(f"{path}[{i}].code", f"{ref.code} ({ref.name}) is not declared in places")

    def evidence(self, path: str, items: Sequence[Evidence]) -> None:
        for i, e in enumerate(items):
            self.span(f"{path}[{i}]", e)

    def span(self, where: str, e: Evidence) -> None:
        chars = len(self.text) if self.text is not None else self.facts.document.chars
        if e.end < e.start:
            self.add(where, f"span {e.start}-{e.end} ends before it starts")
        elif chars is not None and e.end > chars:
            self.add(where, f"span {e.start}-{e.end} lies outside the document's {chars} characters")
        elif self.text is not None and e.quote and self.text[e.start : e.end] != e.quote:
            self.add(
                where,
                f"quote {e.quote[:30]!r} differs from the text at {e.start}-{e.end} "
                f"({self.text[e.start : e.end][:30]!r})",
            )


def check_facts(facts: Facts, source_text: str | None = None) -> list[str]:
    """Every problem of (normalised) ``facts``, each as ``path: message``; ``[]`` when they hold.

    >>> from clusterkg.loaders.extract.facts import ClusterFacts, DocumentFacts
    >>> check_facts(Facts(document=DocumentFacts(key="k"), clusters=[ClusterFacts(name="某集群", zones=["某园区"])]))
    ["clusters[0].zones[0]: '某园区' is not declared in zones"]
    """
    check = _Check(facts, source_text)
    check.names("sectors", [s.name for s in facts.sectors])
    check.names("clusters", [c.name for c in facts.clusters])
    zones = check.names("zones", [z.name for z in facts.zones])
    firms = check.names("firms", [f.name for f in facts.firms])
    projects = check.names("projects", [p.name for p in facts.projects])
    codes: dict[str, int] = {}
    for i, place in enumerate(facts.places):
        if not place.name:
            check.add(f"places[{i}].name", "empty name")
        if place.code in codes:
            check.add(f"places[{i}].code", f"{place.code} is already places[{codes[place.code]}]")
        codes.setdefault(place.code, i)
    for i, place in enumerate(facts.places):
        if place.parent_code is not None and place.parent_code not in codes:
            check.add(f"places[{i}].parent_code", f"{place.parent_code} is not declared in places")
    known = set(codes)
    for i, s in enumerate(facts.sectors):
        check.evidence(f"sectors[{i}].evidence", s.evidence)
    lists = {"zone": ("zones", zones), "firm": ("firms", firms), "project": ("projects", projects)}
    for i, c in enumerate(facts.clusters):
        at = f"clusters[{i}]"
        if c.sector is not None and not c.sector:
            check.add(f"{at}.sector", "empty sector name")
        for table, declared in lists.values():
            check.refs(f"{at}.{table}", getattr(c, table), declared, table)
        check.places(f"{at}.places", c.places, known)
        check.evidence(f"{at}.evidence", c.evidence)
        for j, lk in enumerate(c.link_evidence):
            table = lists[lk.kind][0]
            if lk.name not in getattr(c, table):
                check.add(f"{at}.link_evidence[{j}]", f"{lk.kind} {lk.name!r} is not in {at}.{table}")
            check.span(f"{at}.link_evidence[{j}].evidence", lk.evidence)
    for i, z in enumerate(facts.zones):
        check.places(f"zones[{i}].places", z.places, known)
        check.evidence(f"zones[{i}].evidence", z.evidence)
    for i, f in enumerate(facts.firms):
        check.evidence(f"firms[{i}].evidence", f.evidence)
    for i, p in enumerate(facts.projects):
        check.refs(f"projects[{i}].firms", p.firms, firms, "firms")
        check.refs(f"projects[{i}].zones", p.zones, zones, "zones")
        check.evidence(f"projects[{i}].evidence", p.evidence)
    return check.problems


def _span(doc: str, e: Evidence) -> Span:
    return Span(doc, e.paragraph, e.start, e.end)


def _first(doc: str, items: Sequence[Evidence]) -> Span | None:
    return _span(doc, items[0]) if items else None


def facts_batch(facts: Facts, *, source_text: str | None = None, origin: str | None = None) -> GraphBatch:
    """The graph rows ``facts`` state: the nodes and relationships a plan load writes.

    With ``source_text`` (the document's text) every evidence quote is checked against it.
    Raises :class:`FactsError` listing every problem, each with its path in the file;
    ``origin`` (the file name) prefixes the message.
    """
    f = normalised(facts)
    problems = check_facts(f, source_text)
    if problems:
        raise FactsError(origin or f.document.key, problems)
    doc = f.document.key
    nodes: list[NodeRow] = [
        NodeRow(
            Label.DOCUMENT,
            doc,
            f.document.title or doc,
            props=_props(
                file=f.document.file,
                sha256=f.document.sha256,
                chars=f.document.chars,
                title=f.document.title,
                issuer=f.document.issuer,
                date=f.document.date,
            ),
        )
    ]
    rels: dict[tuple[RelType, Label, str, Label, str], RelRow] = {}

    def rel(type_: RelType, a: tuple[Label, str], b: tuple[Label, str], span: Span | None) -> None:
        # The first statement of a relationship is the one quoted; restatements add nothing.
        rels.setdefault((type_, *a, *b), RelRow(type_, a[0], a[1], b[0], b[1], span=span))

    for s in f.sectors:
        spans = tuple(_span(doc, e) for e in s.evidence)
        props = _props(section_no=s.section_no, goal_yi=s.goal_yi, goal_year=s.goal_year)
        nodes.append(NodeRow(Label.SECTOR, s.name, s.name, props=props, spans=spans))
    # A plan of another province names its own sectors: a cluster's sector no heading states
    # becomes a Sector node quoted by the cluster statement that names it.
    declared = {s.name for s in f.sectors}
    for c in f.clusters:
        if c.sector and c.sector not in declared:
            declared.add(c.sector)
            first = _first(doc, c.evidence)
            nodes.append(NodeRow(Label.SECTOR, c.sector, c.sector, spans=(first,) if first else ()))
    for c in f.clusters:
        props = _props(
            level=c.level, target_yi=c.target_yi, target_year=c.target_year, appendix_no=c.appendix_no, scope=c.scope
        )
        spans = tuple(_span(doc, e) for e in c.evidence)
        nodes.append(NodeRow(Label.CLUSTER, c.name, c.name, aliases=tuple(c.aliases), props=props, spans=spans))
    for label, table in ((Label.ZONE, f.zones), (Label.ENTERPRISE, f.firms), (Label.PROJECT, f.projects)):
        for item in table:
            spans = tuple(_span(doc, e) for e in item.evidence)
            nodes.append(NodeRow(label, item.name, item.name, aliases=tuple(item.aliases), spans=spans))
    places = {p.code: p for p in f.places}

    def label_of(code: str) -> Label | None:
        level = places[code].level
        return None if level == "province" else Label.CITY if level == "city" else Label.COUNTY

    for place in f.places:
        label = label_of(place.code)
        if label is None:
            continue  # the graph has no Province label; the province stays in the facts
        props = _props(level=place.kind or place.level, short=place.short, direct_admin=place.direct_admin)
        nodes.append(NodeRow(label, place.code, place.name, aliases=tuple(place.aliases), props=props))
        if label is Label.COUNTY and place.parent_code and label_of(place.parent_code) is Label.CITY:
            rel(RelType.PART_OF, (Label.COUNTY, place.code), (Label.CITY, place.parent_code), None)

    kinds = {
        "zone": (RelType.SERVES, Label.ZONE),
        "firm": (RelType.ANCHORS, Label.ENTERPRISE),
        "project": (RelType.SUPPORTS, Label.PROJECT),
    }
    for c in f.clusters:
        first = _first(doc, c.evidence)
        if c.sector:
            rel(RelType.IN_SECTOR, (Label.CLUSTER, c.name), (Label.SECTOR, c.sector), first)
        for ref in c.places:
            if (label := label_of(ref.code)) is not None:
                rel(RelType.LOCATED_IN, (Label.CLUSTER, c.name), (label, ref.code), first)
    for z in f.zones:
        for ref in z.places:
            if (label := label_of(ref.code)) is not None:
                rel(RelType.LOCATED_IN, (Label.ZONE, z.name), (label, ref.code), _first(doc, z.evidence))
    for c in f.clusters:
        stated = {(lk.kind, lk.name): _span(doc, lk.evidence) for lk in reversed(c.link_evidence)}
        first = _first(doc, c.evidence)
        for kind, names in (("zone", c.zones), ("firm", c.firms), ("project", c.projects)):
            type_, label = kinds[kind]
            for name in names:
                rel(type_, (label, name), (Label.CLUSTER, c.name), stated.get((kind, name), first))
    for p in f.projects:
        first = _first(doc, p.evidence)
        for firm in p.firms:
            rel(RelType.RUN_BY, (Label.PROJECT, p.name), (Label.ENTERPRISE, firm), first)
        for zone in p.zones:
            rel(RelType.SITED_IN, (Label.PROJECT, p.name), (Label.ZONE, zone), first)
    return with_place_words(GraphBatch(tuple(nodes), tuple(rels.values())))

"""Read the facts a plan states: sectors, clusters, zones, anchor firms and projects.

The parser walks the sector section paragraph by paragraph.  In each paragraph it reads
clause by clause; lists of firms, projects and zones attach to the next cluster statement
of the paragraph (the plan writes "依托…企业，加快…项目建设，到2017年，形成…产业集群").
Body clusters are then merged with the appendix table (the table's name wins; the body
wording becomes an alias).  Places are resolved through the gazetteer.

>>> from clusterkg.loaders.plan.document import read_plan  # doctest: +SKIP
>>> plan = parse_plan(read_plan("plan.txt"), Gazetteer.load())  # doctest: +SKIP
>>> [s.name for s in plan.sectors][:2]  # doctest: +SKIP
['电子信息', '装备制造']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from clusterkg.graph.model import Label, Span
from clusterkg.text import normalise_name

from .appendix import AppendixRow, parse_appendix
from .document import PlanDocument
from .mentions import (
    YEAR_CLAUSE,
    ClusterClause,
    ListMention,
    cluster_clause,
    expand_zones,
    firm_mention,
    project_mention,
    split_list,
    zone_mention,
)
from .resolve import (
    FIRM_SUFFIX,
    Aliases,
    GazetteerLike,
    cities_of,
    distinct,
    is_zone_name,
    leading_places,
    most_specific,
)
from .sections import Header, Sentence, goals_subsection, header, sector_goals, sector_headings, sentences

_SUFFIXES = ("特色产业集群", "产业集群", "产业基地", "示范基地", "集群", "基地")
_GENERIC_BIGRAMS = {"产业", "业集", "集群", "业基", "基地", "特色", "色产"}
_PROJECT_FIRM = re.compile(r"^(.{2,6}?(?:集团|控股|铝业|石化))(?![城园])")
_BRACKETED = re.compile(r"\(([^()]+)\)")


@dataclass(slots=True)
class Sector:
    name: str
    section_no: int
    goal_yi: float | None = None
    goal_year: int | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Cluster:
    name: str  # canonical, normalised
    level: str
    target_yi: float
    target_year: int | None
    sector: str | None
    places: list[Any]  # gazetteer places, most specific
    spans: list[Span]
    aliases: list[str] = field(default_factory=list)
    appendix_no: int | None = None
    scope: str = "body"  # "body" (形成…), "county" (建设/培育…百亿级…), "appendix"
    industry: str = ""  # for matching with the appendix


@dataclass(frozen=True, slots=True)
class Link:
    """A stated relation between two named things, with the sentence that states it."""

    type: str  # "serves" | "anchors" | "supports" | "run_by" | "located_in"
    source: str  # zone / enterprise / project name, or cluster/zone name for located_in
    target: str  # cluster name, enterprise name or place code
    span: Span


@dataclass(slots=True)
class Named:
    """A zone, enterprise or project node: canonical name, variants seen, provenance."""

    name: str
    aliases: set[str] = field(default_factory=set)
    spans: list[Span] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)


@dataclass(slots=True)
class ParsedPlan:
    document: PlanDocument
    header: Header
    sectors: list[Sector]
    clusters: list[Cluster]
    zones: dict[str, Named]
    enterprises: dict[str, Named]
    projects: dict[str, Named]
    links: list[Link]


@dataclass(slots=True)
class _Pending:
    """Mentions waiting for the cluster statement they lead up to."""

    mention: ListMention
    sentence: Sentence


class _Parser:
    def __init__(self, doc: PlanDocument, gaz: GazetteerLike, aliases: Aliases) -> None:
        self.doc = doc
        self.gaz = gaz
        self.aliases = aliases
        self.zones: dict[str, Named] = {}
        self.enterprises: dict[str, Named] = {}
        self.projects: dict[str, Named] = {}
        self.links: list[Link] = []
        self.clusters: list[Cluster] = []
        self.default_year: int | None = None  # the goals paragraph's year, for statements without one

    # -- names ----------------------------------------------------------------
    def where(self, sentence: Sentence) -> str:
        return f"{self.doc.path}: paragraph {sentence.paragraph.index}"

    def span(self, sentence: Sentence) -> Span:
        return sentence.span(self.doc.key)

    def known_zone(self, name: str) -> bool:
        return self.aliases.canonical(Label.ZONE, name) != normalise_name(name).replace("聚集区", "集聚区")

    def add(self, table: dict[str, Named], label: Label, raw: str, span: Span) -> str:
        name = self.aliases.canonical(label, raw)
        node = table.setdefault(name, Named(name))
        written = normalise_name(raw)
        if written != name:
            node.aliases.add(written)
        if span not in node.spans:
            node.spans.append(span)
        return name

    # -- places ---------------------------------------------------------------
    def places_of_name(self, text: str) -> list[Any]:
        """Places at the start of each 、-item of a name (``洛阳、焦作铝…`` → 洛阳, 焦作)."""
        found: list[Any] = []
        for item in split_list(text, self.both_places):
            found.extend(leading_places(self.gaz, item)[0])
            # 郑州家具产业园(登封): a place in brackets says where in the city
            inner = [p for text in _BRACKETED.findall(item) for p in self.gaz.resolve(text)]
            if inner:
                found = list(most_specific(self.gaz, [*found, *inner]))
        return distinct(found)

    def both_places(self, left: str, right: str) -> bool:
        return bool(self.gaz.resolve(left)) and bool(leading_places(self.gaz, right)[0])

    # -- cluster statements ---------------------------------------------------
    def clusters_of(self, cc: ClusterClause, sector: str, sentence: Sentence, year: int | None) -> list[Cluster]:
        span = self.span(sentence)
        scope = "body" if cc.verb == "形成" else "county"
        year = cc.year or year or self.default_year
        industry = cc.after_level
        made: list[Cluster] = []

        def make(name: str, places: list[Any], industry: str) -> Cluster:
            return Cluster(
                normalise_name(name),
                cc.level,
                cc.target_yi,
                year,
                sector,
                places,
                [span],
                scope=scope,
                industry=industry,
            )

        if not cc.place_text:
            # level first: 千亿级洛阳、焦作铝深加工产业基地 — one cluster; places lead its name
            name = cc.centre + cc.after_level + cc.suffix
            places = self.places_of_name(cc.centre + "、" + cc.after_level if cc.centre else cc.after_level)
            return [make(name, places, cc.after_level)]
        items = split_list(cc.place_text, self.both_places)
        if len(items) > 1 and not cc.generic_level:
            # a number states one cluster's target: 洛阳高新区、郑州高新区500亿级软件…产业集群
            places = [p for item in items for p in leading_places(self.gaz, item)[0]]
            name = cc.centre + cc.place_text + cc.after_level + cc.suffix
            return [make(name, distinct(places), industry)]
        split = [(item, *leading_places(self.gaz, item)) for item in items]
        item_is_industry = not industry and all(end < len(item) for item, _, end in split)
        for item, item_places, end in split:
            if industry:
                made.append(make(cc.centre + item + industry + cc.suffix, list(item_places), industry))
            elif item_is_industry:
                made.append(make(cc.centre + item + cc.suffix, list(item_places), item[end:]))
            else:
                made.append(make(cc.centre + item + sector + cc.suffix, list(item_places), sector))
        return made

    # -- paragraphs -----------------------------------------------------------
    def sector_paragraph(self, sector: Sector, stated: list[Sentence]) -> None:
        pending: list[_Pending] = []
        for sentence in stated:
            year: int | None = None
            for clause in sentence.clauses():
                if m := YEAR_CLAUSE.match(clause):
                    year = int(m.group(1))
                    continue
                cc = cluster_clause(clause, self.where(sentence))
                if cc is not None:
                    formed = self.clusters_of(cc, sector.name, sentence, year)
                    self.clusters.extend(formed)
                    if cc.focus_zones:
                        zones = expand_zones(cc.focus_zones, self.known_zone) or []
                        pending.append(_Pending(ListMention("zone", tuple(zones)), sentence))
                    for p in pending:
                        self.attach(p, formed)
                    pending = []
                    continue
                mention = firm_mention(clause) or project_mention(clause) or zone_mention(clause, self.known_zone)
                if mention is not None:
                    pending.append(_Pending(mention, sentence))

    def attach(self, pending: _Pending, formed: list[Cluster]) -> None:
        span = self.span(pending.sentence)
        m = pending.mention
        for raw in m.names:
            clusters = self.same_place(raw, formed)
            if m.kind == "enterprise":
                name = self.add(self.enterprises, Label.ENTERPRISE, raw, span)
                self.links.extend(Link("anchors", name, c.name, span) for c in clusters)
            elif m.kind == "project":
                name = self.add(self.projects, Label.PROJECT, raw, span)
                self.links.extend(Link("supports", name, c.name, span) for c in clusters)
            else:
                name = self.add(self.zones, Label.ZONE, raw, span)
                self.links.extend(Link("serves", name, c.name, span) for c in clusters)

    def same_place(self, name: str, formed: list[Cluster]) -> list[Cluster]:
        """Of several clusters one statement forms, those in a city the mention names.

        ``加快建设中国信阳…产业园`` before ``形成信阳高新区、南阳光电等…集群`` supports the
        信阳 cluster only; a mention naming no place (or another) supports them all.
        """
        if len(formed) < 2:
            return formed
        named = {p.code for p in cities_of(self.gaz, [p for _, _, p in self.gaz.find_in(normalise_name(name))])}
        local = [c for c in formed if named & {p.code for p in cities_of(self.gaz, c.places)}]
        return local or formed

    # -- appendix -------------------------------------------------------------
    def appendix_rows(self, rows: list[AppendixRow]) -> None:
        """Merge each table row with the body cluster it lists, or add it as a new cluster."""
        body = list(self.clusters)
        matched: dict[int, int] = {}  # row number -> index in self.clusters
        for row in rows:
            for i, c in enumerate(body):
                if c.name == row.name and i not in matched.values():
                    matched[row.number] = i
                    break
        scored: list[tuple[int, int, int]] = []
        for row in rows:
            if row.number in matched:
                continue
            row_places = self.places_of_name(row.name)
            for i, c in enumerate(body):
                if i in matched.values() or abs(c.target_yi - row.target_yi) > 1e-6:
                    continue
                if not self.places_agree(row_places, c.places):
                    continue
                score = len(self.industry_bigrams(row.name, row_places) & self.industry_bigrams(c.name, c.places))
                if score:
                    scored.append((-score, row.number, i))
        for _, number, i in sorted(scored):
            if number not in matched and i not in matched.values():
                matched[number] = i
        renames: dict[str, str] = {}
        for row in rows:
            span = Span(self.doc.key, row.paragraph.index, row.paragraph.start, row.paragraph.end)
            row_places = self.places_of_name(row.name)
            if row.number in matched:
                c = body[matched[row.number]]
                if c.name != row.name:
                    renames[c.name] = row.name
                    c.aliases.append(c.name)
                    c.name = row.name
                c.places = distinct([*c.places, *row_places])
                c.spans.append(span)
                c.appendix_no = row.number
                c.target_year = c.target_year or row.target_year or None
            else:
                level = "千亿级" if row.target_yi >= 1000 else f"{row.target_yi:g}亿级"
                c = Cluster(row.name, level, row.target_yi, row.target_year or None, None, row_places, [span])
                c.appendix_no, c.scope = row.number, "appendix"
                self.clusters.append(c)
            for item in row.zones:
                self.appendix_item(item, c, span)
        self.links = [Link(lk.type, lk.source, renames.get(lk.target, lk.target), lk.span) for lk in self.links]

    def appendix_item(self, item: str, cluster: Cluster, span: Span) -> None:
        """A cell of the zones column: usually a zone, sometimes a firm or a whole county."""
        if self.known_zone(item) or (is_zone_name(item) and not self.gaz.resolve(item)):
            name = self.add(self.zones, Label.ZONE, item, span)
            self.links.append(Link("serves", name, cluster.name, span))
        elif FIRM_SUFFIX.search(item) or self.aliases.canonical(Label.ENTERPRISE, item) in self.enterprises:
            name = self.add(self.enterprises, Label.ENTERPRISE, item, span)
            self.links.append(Link("anchors", name, cluster.name, span))
        elif places := self.gaz.resolve(item):
            cluster.places = distinct([*cluster.places, *places])
        else:
            name = self.add(self.zones, Label.ZONE, item, span)
            self.links.append(Link("serves", name, cluster.name, span))

    def places_agree(self, a: list[Any], b: list[Any]) -> bool:
        if not a or not b:
            return True
        return bool({p.code for p in cities_of(self.gaz, a)} & {p.code for p in cities_of(self.gaz, b)})

    def industry_bigrams(self, name: str, places: list[Any]) -> set[str]:
        text = name
        for p in places:
            for n in sorted({p.name, p.short, *getattr(p, "aliases", ())}, key=len, reverse=True):
                if n:
                    text = text.replace(n, "")
        text = re.sub(r"[、()\"'“”]", "", text)
        return {text[i : i + 2] for i in range(len(text) - 1)} - _GENERIC_BIGRAMS

    # -- firms behind projects ------------------------------------------------
    def project_firms(self) -> None:
        names: dict[str, str] = {}
        for firm in self.enterprises.values():
            names[firm.name] = firm.name
            for a in firm.aliases:
                names[a] = firm.name
        for variant, canonical in self.aliases.variants(Label.ENTERPRISE).items():
            names.setdefault(variant, canonical)
            names.setdefault(canonical, canonical)
        for known in self.aliases.known_firms:
            names.setdefault(known, known)
        by_length = sorted(names, key=len, reverse=True)
        for project in self.projects.values():
            leading = self.firm_leading(project.name, by_length, names)
            if leading is None:
                continue
            span = project.spans[0]
            name = self.add(self.enterprises, Label.ENTERPRISE, leading, span)
            self.links.append(Link("run_by", project.name, name, span))

    def firm_leading(self, project: str, by_length: list[str], names: dict[str, str]) -> str | None:
        _, end = leading_places(self.gaz, project)
        for text in (project, project[end:]) if end else (project,):
            for n in by_length:
                if text.startswith(n) and len(text) > len(n):
                    return n  # add() maps the variant to its canonical firm and keeps it as an alias
        if m := _PROJECT_FIRM.match(project):
            return m.group(1)
        return None

    # -- places of zones and clusters -----------------------------------------
    def locate(self) -> None:
        serves: dict[str, list[str]] = {}
        for lk in self.links:
            if lk.type == "serves":
                serves.setdefault(lk.target, []).append(lk.source)
        for z in self.zones.values():
            z.places = self.places_of_name(z.name)
        for c in self.clusters:
            if not c.places:
                zone_places = [p for zn in serves.get(c.name, []) for p in self.zones[zn].places]
                c.places = list(cities_of(self.gaz, zone_places))
        by_name = {c.name: c for c in self.clusters}
        for z in self.zones.values():
            if z.places:
                continue
            targets = dict.fromkeys(lk.target for lk in self.links if lk.type == "serves" and lk.source == z.name)
            served = [p for name in targets for p in by_name[name].places]
            if len(distinct(served)) == 1:
                z.places = distinct(served)
            elif len(cities := cities_of(self.gaz, served)) == 1:
                z.places = list(cities)


def merge_duplicate_clusters(clusters: list[Cluster]) -> list[Cluster]:
    """One cluster per name: a name stated twice keeps the first statement's values."""
    out: dict[str, Cluster] = {}
    for c in clusters:
        prev = out.get(c.name)
        if prev is None:
            out[c.name] = c
            continue
        prev.spans.extend(s for s in c.spans if s not in prev.spans)
        prev.aliases.extend(a for a in c.aliases if a not in prev.aliases)
        prev.places.extend(p for p in c.places if p not in prev.places)
        prev.appendix_no = prev.appendix_no or c.appendix_no
        prev.sector = prev.sector or c.sector
    return list(out.values())


def parse_plan(doc: PlanDocument, gazetteer: GazetteerLike, aliases: Aliases | None = None) -> ParsedPlan:
    """Every fact the plan states, with names resolved and the appendix merged in."""
    aliases = aliases or Aliases.load()
    parser = _Parser(doc, gazetteer, aliases)
    heads = sector_headings(doc)
    sectors = [Sector(h.name, h.number, spans=[h.subsection.heading_sentence.span(doc.key)]) for h in heads]
    goals = goals_subsection(doc, heads[0].subsection.section_no if heads else None)
    if goals is not None and sectors:
        by_name = {s.name: s for s in sectors}
        stated, parser.default_year = sector_goals(doc, goals, list(by_name))
        for g in stated:
            s = by_name[g.sector]
            s.goal_yi, s.goal_year = g.goal_yi, g.goal_year
            s.spans.append(g.sentence.span(doc.key))
    for h, sector in zip(heads, sectors, strict=True):
        parser.sector_paragraph(sector, sentences(h.subsection.paragraph))
    parser.appendix_rows(parse_appendix(doc))
    parser.clusters = merge_duplicate_clusters(parser.clusters)
    parser.project_firms()
    parser.locate()
    return ParsedPlan(
        document=doc,
        header=header(doc),
        sectors=sectors,
        clusters=parser.clusters,
        zones=parser.zones,
        enterprises=parser.enterprises,
        projects=parser.projects,
        links=parser.links,
    )

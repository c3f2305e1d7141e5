"""The legacy Henan reading (``loaders/plan/parser.py``) expressed as a facts file.

The legacy parser reads Henan action plans of the 2015 form (numbered sector headings, a
goals paragraph, an appendix table of the 22 big clusters).  Its profile keeps the Henan
province table: every division of the gazetteer goes into ``places`` with the details the
graph's City/County nodes carry, so the graph built from these facts is the one the parser
built directly.

>>> from clusterkg.loaders.gazetteer import Gazetteer  # doctest: +SKIP
>>> from clusterkg.loaders.plan.parser import parse_plan  # doctest: +SKIP
>>> facts = facts_from_parsed(parse_plan(doc, Gazetteer.load()), Gazetteer.load())  # doctest: +SKIP
>>> facts.document.profile  # doctest: +SKIP
'henan-action-plan'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clusterkg.graph.model import Span
from clusterkg.loaders.plan.document import PlanDocument
from clusterkg.loaders.plan.parser import Named, ParsedPlan

from .facts import (
    ClusterFacts,
    DocumentFacts,
    Evidence,
    Facts,
    FirmFacts,
    LinkEvidence,
    Place,
    PlaceRef,
    ProjectFacts,
    SectorFacts,
    ZoneFacts,
)

PROFILE = "henan-action-plan"
# The legacy profile reads one province's plans only, so its province is part of the profile.
PROVINCE_CODE = "410000"
PROVINCE_NAME = "河南省"

# Link type of the parser → the list of a cluster it fills and the kind of its link evidence.
_CLUSTER_LINKS = {"serves": "zone", "anchors": "firm", "supports": "project"}


def _evidence(doc: PlanDocument, span: Span) -> Evidence:
    return Evidence(paragraph=span.paragraph, start=span.start, end=span.end, quote=doc.quote(span.start, span.end))


def _evidences(doc: PlanDocument, spans: Iterable[Span]) -> list[Evidence]:
    return [_evidence(doc, s) for s in spans]


def _refs(places: Iterable[Any]) -> list[PlaceRef]:
    out: dict[str, PlaceRef] = {}
    for p in places:
        out.setdefault(p.code, PlaceRef(code=p.code, name=p.name))
    return list(out.values())


def _place(p: Any) -> Place:
    return Place(
        code=p.code,
        name=p.name,
        level="city" if p.level == "city" else "county",
        parent_code=p.parent_code or PROVINCE_CODE,
        kind=p.level,
        short=p.short,
        aliases=list(p.aliases),
        direct_admin=p.direct_admin,
    )


def _named(item: Named) -> tuple[str, list[str]]:
    # The graph keeps a named thing's variants sorted; so does the facts file.
    return item.name, sorted(item.aliases)


def facts_from_parsed(plan: ParsedPlan, gaz: Any) -> Facts:
    """The legacy parser's reading of a plan as :class:`Facts` (profile ``henan-action-plan``).

    ``gaz`` is the gazetteer the plan was parsed with; all its places are listed.
    """
    doc = plan.document
    document = DocumentFacts(
        key=doc.key,
        title=plan.header.title,
        issuer=plan.header.issuer,
        date=plan.header.date,
        province=PROVINCE_NAME,
        province_code=PROVINCE_CODE,
        file=doc.path.name,
        sha256=doc.sha256,
        chars=len(doc.text),
        profile=PROFILE,
    )
    sectors = [
        SectorFacts(
            name=s.name,
            goal_yi=s.goal_yi,
            goal_year=s.goal_year,
            section_no=s.section_no,
            evidence=_evidences(doc, s.spans),
        )
        for s in plan.sectors
    ]
    # Per cluster: linked names in statement order, each with the first sentence stating it.
    linked: dict[str, dict[str, dict[str, Span]]] = {
        c.name: {k: {} for k in _CLUSTER_LINKS.values()} for c in plan.clusters
    }
    run_by: dict[str, list[str]] = {}
    for link in plan.links:
        if link.type == "run_by":
            runners = run_by.setdefault(link.source, [])
            if link.target not in runners:
                runners.append(link.target)
        elif link.type in _CLUSTER_LINKS:
            linked[link.target][_CLUSTER_LINKS[link.type]].setdefault(link.source, link.span)
    clusters: list[ClusterFacts] = []
    for c in plan.clusters:
        links = linked[c.name]
        clusters.append(
            ClusterFacts(
                name=c.name,
                aliases=list(c.aliases),
                level=c.level,
                target_yi=c.target_yi,
                target_year=c.target_year,
                sector=c.sector,
                industry=c.industry or None,
                places=_refs(c.places),
                zones=list(links["zone"]),
                firms=list(links["firm"]),
                projects=list(links["project"]),
                evidence=_evidences(doc, c.spans),
                link_evidence=[
                    LinkEvidence(kind=kind, name=name, evidence=_evidence(doc, span))
                    for kind in ("zone", "firm", "project")
                    for name, span in links[kind].items()
                ],
                scope=c.scope,
                appendix_no=c.appendix_no,
            )
        )
    zones = []
    for z in plan.zones.values():
        name, aliases = _named(z)
        zones.append(ZoneFacts(name=name, aliases=aliases, places=_refs(z.places), evidence=_evidences(doc, z.spans)))
    firms = []
    for f in plan.enterprises.values():
        name, aliases = _named(f)
        firms.append(FirmFacts(name=name, aliases=aliases, evidence=_evidences(doc, f.spans)))
    projects = []
    for p in plan.projects.values():
        name, aliases = _named(p)
        projects.append(
            ProjectFacts(name=name, aliases=aliases, firms=run_by.get(p.name, []), evidence=_evidences(doc, p.spans))
        )
    places = [Place(code=PROVINCE_CODE, name=PROVINCE_NAME, level="province")]
    places.extend(_place(p) for p in gaz.places)
    return Facts(
        document=document,
        sectors=sectors,
        clusters=clusters,
        zones=zones,
        firms=firms,
        projects=projects,
        places=places,
    )

"""The facts file: what a plan states, in the form people review and correct.

``clusterkg extract PLAN -o facts.json`` writes it; ``clusterkg load facts facts.json`` loads
it exactly as ``load plan`` would (``load plan`` = extract + load facts). Every stated fact
carries evidence: the paragraph, the character span in the document's text and the quote.
Input models forbid unknown keys, so a typo in an edited file is an error naming its path.

>>> f = Facts(document=DocumentFacts(key="demo", title="某市产业集群实施意见"))
>>> f.model_dump(exclude_defaults=True)["document"]["key"]
'demo'
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

FORMAT = "clusterkg-facts/1"


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Evidence(_In):
    """Where the document states a fact: 0-based paragraph and absolute character span."""

    paragraph: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str = ""


class PlaceRef(_In):
    """A division named by the document: current 6-digit code and its name."""

    code: str = Field(pattern=r"^[0-9]{6}$")
    name: str


class Place(_In):
    """A division the facts name; ``level`` picks the graph label (province: none, written nowhere).

    The optional fields carry what a province table knows beyond the code (``kind`` as the
    table names the division: district, county_city …), so a profile with such a table
    writes the same City/County nodes through the facts as it did directly.
    """

    code: str = Field(pattern=r"^[0-9]{6}$")
    name: str
    level: str = Field(pattern=r"^(province|city|county)$")
    parent_code: str | None = Field(default=None, pattern=r"^[0-9]{6}$")
    kind: str | None = None
    short: str | None = None
    aliases: list[str] = Field(default_factory=list)
    direct_admin: bool | None = None


class DocumentFacts(_In):
    key: str = Field(min_length=1)
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    province: str | None = None  # name, e.g. 辽宁省
    province_code: str | None = Field(default=None, pattern=r"^[0-9]{6}$")
    file: str | None = None
    sha256: str | None = None
    chars: int | None = None
    profile: str | None = None  # which reading produced the facts (e.g. "general")


class SectorFacts(_In):
    name: str
    goal_yi: float | None = None
    goal_year: int | None = None
    section_no: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class LinkEvidence(_In):
    """The sentence stating one cluster→zone/firm/project link (optional in edited files)."""

    kind: str = Field(pattern=r"^(zone|firm|project)$")
    name: str
    evidence: Evidence


class ClusterFacts(_In):
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    level: str | None = None  # as written, normalised: 千亿级, 500亿级, 百亿级 …
    target_yi: float | None = None  # the level or stated target in 亿元
    target_year: int | None = None
    sector: str | None = None
    industry: str | None = None  # the industry words of the name (装备制造, 纺织服装 …)
    places: list[PlaceRef] = Field(default_factory=list)
    zones: list[str] = Field(default_factory=list)
    firms: list[str] = Field(default_factory=list)
    projects: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    link_evidence: list[LinkEvidence] = Field(default_factory=list)
    scope: str | None = None
    appendix_no: int | None = None


class ZoneFacts(_In):
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    places: list[PlaceRef] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class FirmFacts(_In):
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class ProjectFacts(_In):
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    firms: list[str] = Field(default_factory=list)
    zones: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Facts(_In):
    format: str = FORMAT
    document: DocumentFacts
    sectors: list[SectorFacts] = Field(default_factory=list)
    clusters: list[ClusterFacts] = Field(default_factory=list)
    zones: list[ZoneFacts] = Field(default_factory=list)
    firms: list[FirmFacts] = Field(default_factory=list)
    projects: list[ProjectFacts] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

"""Stage 5: facts — mentions merged into entities, attached to the cluster of their statement.

The general reading of a plan of the genre: :func:`~.segments.segment` the document, read the
mentions of every sentence and table row (:mod:`.mentions`), resolve places (:mod:`.resolve`),
then attach: a firm, zone or project belongs to the cluster its sentence names; in a sentence
that names none, to the cluster of its numbered item or heading; in a section (or document)
about one cluster, to that cluster. What attaches to nothing is kept, with a warning.

>>> from clusterkg.loaders.plan.document import read_plan  # doctest: +SKIP
>>> extract_general(read_plan("plan.txt")).clusters[0].name  # doctest: +SKIP
'汽车及零部件产业集群'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clusterkg.loaders.places import Division, NationalGazetteer
from clusterkg.loaders.plan.document import PlanDocument
from clusterkg.text import normalise_name

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
    ZoneFacts,
)
from .lexicon import LEXICON
from .mentions import (
    ZONE_ENDINGS,
    Mention,
    _cut_head,
    canonical_cluster,
    cluster_mentions,
    firm_mentions,
    is_generic,
    level_of,
    project_mentions,
    province_lead,
    zone_mentions,
)
from .resolve import Resolver, document_home
from .segments import Block, Piece, Segmented, Table, fold, segment, sentences

_ALSO_CALLED = re.compile(r"\((?:以下简称|以下称|下称|简称)\s*[\"“]?([^()\"”]{2,20})[\"”]?\)")
_INDUSTRY_HEADING = re.compile(r"^([\u4e00-\u9fff]{2,10}?)(?:产业|行业|工业)(?=$|[。.])")
_BRACKET_ZONE = re.compile(r"\(([^()]{2,20}(?:" + ZONE_ENDINGS + r"))\)")
_INLINE_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]是|其[一二三四五六]|[①-⑳]|\(\d{1,2}\)|\d{1,2}[.、](?!\d))")
_ALONE = re.compile(r"[\u4e00-\u9fff()]+(?:产业集群|集群|产业基地)[。.]?")
_THIS_CLUSTER = re.compile(r"该集群|该产业集群|这一集群|这个集群")
_PROJECT_FIRM = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?(?:集团|控股|铝业|石化|科技|电子|电气|实业|重工|药业|乳业|钢铁|化工|通讯|股份))(?![\u4e00-\u9fff]{0,1}(?:产业|园|基地|集群|城))"
)
_NOT_BUILDER = re.compile(
    r"(新建|建设|实施|推进|加快|产业|项目|工程|基地|园区|年产|新增|扩建|技改|高端|智能|绿色|新型|一体化|全产业链)"
)


def _builder_of(name: str) -> str | None:
    """The firm a project is named after: ``中复神鹰年产…项目`` → 中复神鹰, ``天合光能青海基地…`` →
    天合光能 (a short firm name, then the output it adds or the place it builds in)."""
    from .mentions import place_begins

    for k in range(2, min(6, len(name) - 4) + 1):
        head, rest = name[:k], name[k:]
        if (
            rest.startswith("年产")
            or re.match(r"\d+(?:\.\d+)?\s*(?:GWh|GW|MW|万吨|万台|万辆|万套|亿)", rest)
            or (place_begins(rest) and not place_begins(head))
        ):
            if place_begins(head) or _NOT_BUILDER.search(head) or not re.fullmatch(r"[\u4e00-\u9fff]+", head):
                return None
            return head
    return None


_INDUSTRY_LABEL = re.compile(r"^\s*在?([\u4e00-\u9fff]{2,10}?)(?:产业|行业)(?:\s*[:：]|方面)")
_BARE_ZONE = re.compile(
    r"(?:^|[,;:。])\s*(?:该|本|全)?(高新区|经开区|开发区|综保区|新区|示范区|集聚区)(?=[\u4e00-\u9fff])"
)
# what may stand before a sentence's subject: a time or a connective (近年来, 2023年以来, 同时)
_SUBJECT_LEAD = re.compile(
    r"(?:(?:近年来|目前|截至目前|当前|今年以来|近期|同时|此外|其中|另外|\d{4}年(?:\d{1,2}月)?(?:以来)?"
    r"|[\u4e00-\u9fff\d]{1,8}(?:以来|期间|期末))\s*,?\s*)?(?:该|全)?"
)
# a heading over a list of projects, and the name an item of it opens with
_PROJECT_TITLE = re.compile(r"(?:重点|重大)?(?:项目|工程)(?:清单|表|库|名单|一览)?$")
_ITEM_NAME = re.compile(r"^\s*([^。;:,()]{4,40}?)\s*(?=[。;:,(]|$)")
# a count of clusters followed by a colon: the list of them follows (形成了如下八大产业集群:)
_UMBRELLA_LIST = re.compile(r"[\d一二三四五六七八九十两]+(?:大|个)[\u4e00-\u9fff]{0,8}?(?:产业集群|产业群|集群)\s*:")
# a clause that opens with its verb: its subject is the one before (…;打造百亿级B产业集群)
_SUBJECTLESS = re.compile(
    r"^\s*(?:同时|此外|并|还|也)?(?:加快|大力|着力|积极)?(?:打造|培育|建设|发展|壮大|形成|做强|推动)"
)
# a sentence labelled with its trade: 电子信息及软件业, / 医药健康产业,
_TRADE_LABEL = re.compile(r"^\s*([\u4e00-\u9fff及和与、]{2,14}?)(?:产业|行业|业)\s*[,:]")
_INDUSTRY_WORD = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:产业|行业)(?!集群|基地|园|集聚区)")
_ZONE_SHORT = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
)


def _zone_key(name: str) -> str:
    """A zone's name in its short form: 经济技术开发区 → 经开区, without a closing bracket."""
    key = re.sub(r"\([^()]*\)$", "", name)
    for long_, short in _ZONE_SHORT:
        if key.endswith(long_):
            return key[: -len(long_)] + short
    return key


_FIRM_LEGAL = re.compile(r"(股份有限公司|有限责任公司|集团有限公司|有限公司|股份公司|集团公司|总公司|公司)$")
_TOTAL_ROW = re.compile(r"^(合计|总计|小计|共计)")
# a report's credit lines: 来源:某研究院 / (某研究所供图) / 某研究院整理. Whoever is credited wrote or
# supplied the page; it is no firm of a cluster, wherever else the page names it
_CREDIT_BEFORE = r"(?:来源|出处|供稿|图源|图片来源|数据来源)\s*[:：]\s*"
_CREDIT_AFTER = r"\s*(?:供图|供稿|摄|整理|发布的|提供图片)"
_YEAR = re.compile(r"(?:到|至|在)?(20\d\d)年")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|亿)元?")


@dataclass(slots=True)
class _Entity:
    kind: str
    name: str
    aliases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    places: list[Division] = field(default_factory=list)
    level: str | None = None
    target_yi: float | None = None
    target_year: int | None = None
    industry: str | None = None
    links: dict[str, dict[str, Evidence]] = field(default_factory=lambda: {"zone": {}, "firm": {}, "project": {}})
    firms: list[str] = field(default_factory=list)  # a project's firms


class _Reader:
    def __init__(
        self, doc: PlanDocument, gaz: NationalGazetteer, traditional: bool = False, chains: bool = False
    ) -> None:
        self.doc = doc
        self.traditional = traditional
        self.chains = chains  # read industry chains as the plan's units (a 链长制 plan names no cluster)
        self.gaz = gaz
        province, home = document_home(doc.text, [p.text for p in doc.paragraphs], gaz)
        self.province = province
        self.home = home
        self.resolver = Resolver(gaz, province=province.code if province else None, home=home)
        self.clusters: dict[str, _Entity] = {}
        self.zones: dict[str, _Entity] = {}
        self.firms: dict[str, _Entity] = {}
        self.projects: dict[str, _Entity] = {}
        self.unattached: list[tuple[Mention, Evidence]] = []
        self.items: set[int] = set()  # paragraphs that are numbered items: one statement, however long
        self.last_project: _Entity | None = None
        self.last_cluster: _Entity | None = None
        self.section_industry = ""  # the industry a heading names: （三）汽车产业 → 汽车
        self.headed: _Entity | None = None  # the cluster a line holding only its name heads
        self.heading_run = False  # the block before was such a line
        self.warnings: list[str] = []
        self._bare_industry: dict[str, str] = {}  # a cluster's industry without its place, by industry
        self.subject_zone: _Entity | None = None
        self.list_host: tuple[_Entity, int] | None = (
            None  # a park introducing a list of its clusters, and its block  # the zone a paragraph opens with as its subject
        )

    # -- evidence and entities ----------------------------------------------------------------
    def evidence(self, piece: Piece) -> Evidence:
        return Evidence(
            paragraph=piece.paragraph, start=piece.start, end=piece.end, quote=self.doc.text[piece.start : piece.end]
        )

    def _table(self, kind: str) -> dict[str, _Entity]:
        return {"cluster": self.clusters, "zone": self.zones, "firm": self.firms, "project": self.projects}[kind]

    def entity(self, kind: str, name: str, ev: Evidence, written: str | None = None) -> _Entity:
        table = self._table(kind)
        key = self._find(table, name)
        if key is None:
            key = name
            table[key] = _Entity(kind, name)
        ent = table[key]
        if written and written != ent.name:
            ent.aliases.add(written)
        if name != ent.name:
            ent.aliases.add(name)
        if ev not in ent.evidence:
            ent.evidence.append(ev)
        return ent

    def _find(self, table: dict[str, _Entity], name: str) -> str | None:
        if name in table:
            return name
        for key, ent in table.items():
            if name in ent.aliases:
                return key
        return None

    # -- clusters -------------------------------------------------------------------------------
    def add_cluster(
        self, m: Mention, ev: Evidence, *, zone: str | None = None, places: list[Division] | None = None
    ) -> _Entity | None:
        name = m.name
        aliases: set[str] = set()
        if m.via != "bracket" and is_generic(
            self.resolver.strip_place(m.industry or name), LEXICON.cluster_generic, False
        ):
            return None  # a place and nothing else: 广州、深圳等5个集群
        if self.traditional:
            as_written = normalise_name(self.doc.text[m.start : m.end])
            if m.ending and m.ending[0] >= m.end:  # a list item: its head and the shared ending
                as_written += normalise_name(self.doc.text[m.ending[0] : m.ending[1]])
            if as_written != name:
                aliases.add(as_written)
        # 胶州市(胶州经济技术开发区)空调设备: a zone in brackets says where; it is not in the name
        inner = _BRACKET_ZONE.search(name)
        if inner and m.via != "bracket":
            aliases.add(name)
            name = name[: inner.start()] + name[inner.end() :]
            zone = zone or inner.group(1)
            self.entity("zone", inner.group(1), ev)
        if m.written and m.written != name:
            aliases.add(m.written)
        if m.via == "bracket":
            # a generic recognised name with the industry in brackets: name it by its zone or place
            owner = zone or (places[0].name if places else None)
            if owner:
                aliases.add(name)
                name = normalise_name(owner + (m.industry or "") + "特色产业集群")
        lead = [d for part in name.split("、") for d in self.resolver.leading_places(part)] if m.via == "places" else []
        lead = lead or self.resolver.leading_places(name) or self.resolver.leading_places(m.industry or "")
        if places:
            lead = lead or places
        if (prov := province_lead(full_only=True).match(name)) and len(name) - prov.end() >= 6:
            # 安徽省长丰县汽车零部件特色产业集群: the province is where it is, not part of its name
            aliases.add(name)
            name = name[prov.end() :]
        elif (
            self.province is not None
            and len(short := self.province.short) >= 2
            and name.startswith(short)
            and len(name) - len(short) >= 6
            and not self.resolver.leading_places(name[len(short) :])
        ):
            # 江苏工程机械产业集群 in a Jiangsu document: its own province goes without saying
            aliases.add(name)
            name = name[len(short) :]
        ent = self.entity("cluster", name, ev)
        ent.aliases |= {a for a in aliases if a != ent.name}
        if zone and inner and m.via != "bracket":
            ent.links["zone"].setdefault(self._table("zone")[self._find(self._table("zone"), zone) or zone].name, ev)
        if m.level and not ent.level:
            ent.level, ent.target_yi = m.level, m.target_yi
        if m.industry and not ent.industry:
            ent.industry = self.resolver.strip_place(m.industry) or m.industry
        if any(d.level != "province" for d in lead):
            lead = [d for d in lead if d.level != "province"]  # 福建省福州市马尾区…: the province goes without saying
        for d in lead:
            if d not in ent.places:
                ent.places.append(d)
        return ent

    def finish_clusters(self) -> None:
        # a cluster named with and without its place is one cluster: 清洁能源 / 葫芦岛清洁能源
        names = list(self.clusters)
        for short in names:
            ent = self.clusters.get(short)
            if ent is None:
                continue
            for long in names:
                other = self.clusters.get(long)
                if other is None or other is ent:
                    continue
                stripped = self.resolver.strip_place(long)
                if stripped == short and (not ent.places or set(ent.places) & set(other.places)):
                    self._merge(ent, other)
                    del self.clusters[long]
        # a base the text also names as a zone or project is that zone or project
        for key in list(self.clusters):
            ent = self.clusters[key]
            if ent.name.endswith("基地") and (self._find(self.zones, ent.name) or self._find(self.projects, ent.name)):
                del self.clusters[key]
        # 清洁能源产业基地 / 清洁能源产业集群: one industry's base and cluster are one cluster
        for key in list(self.clusters):
            ent = self.clusters.get(key)
            if ent is None or not re.search(r"基地$", ent.name):
                continue
            twin = next(
                (
                    o
                    for o in self.clusters.values()
                    if o is not ent and o.industry == ent.industry and not re.search(r"基地$", o.name)
                ),
                None,
            )
            if twin is not None:
                self._merge(twin, ent)
                del self.clusters[key]
        # a summary names a cluster shorter than its own paragraph or table does (洛阳现代装备 /
        # 洛阳现代装备制造): same places, one industry the start of the other → one cluster
        for key in list(self.clusters):
            ent = self.clusters.get(key)
            if ent is None or not ent.places or not ent.industry or len(ent.industry) < 2:
                continue
            for other in list(self.clusters.values()):
                if other is ent or not other.industry or set(other.places) != set(ent.places):
                    continue
                if other.industry.startswith(ent.industry) and len(other.industry) > len(ent.industry):
                    self._merge(other, ent)
                    del self.clusters[key]
                    break
        for ent in self.clusters.values():
            if not ent.places:
                zone_places = [d for z in ent.links["zone"] for d in self.zones[z].places] if ent.links["zone"] else []
                if zone_places:
                    ent.places = zone_places[:1]
                elif self.home is not None:
                    ent.places = [self.home]
            # the name as a reader elsewhere would write it: with its place, and with 集群 alone
            if ent.places and not self.resolver.leading_places(ent.name):
                ent.aliases.add(ent.places[0].short + ent.name)
            if ent.name.endswith("产业集群"):
                ent.aliases.add(ent.name[: -len("产业集群")] + "集群")
            if ent.level:
                ent.aliases.add(ent.level + ent.name)

    def _merge(self, into: _Entity, other: _Entity) -> None:
        into.aliases |= other.aliases | {other.name}
        into.aliases.discard(into.name)
        into.evidence += [e for e in other.evidence if e not in into.evidence]
        into.level = into.level or other.level
        into.target_yi = into.target_yi or other.target_yi
        into.target_year = into.target_year or other.target_year
        for d in other.places:
            if d not in into.places:
                into.places.append(d)
        for kind, links in other.links.items():
            for k, v in links.items():
                into.links[kind].setdefault(k, v)

    # -- statements -----------------------------------------------------------------------------
    def read(self, seg: Segmented) -> None:
        table_rows = {id(b): t for t in seg.tables for b in t.blocks}
        scope: dict[int, _Entity | None] = {}  # block index → the cluster its heading/item is about
        for i, block in enumerate(seg.blocks):
            if block.kind == "continued":
                continue  # read with the row it finishes
            if block.kind == "row" and id(block) in table_rows:
                self.read_row(block, table_rows[id(block)])
                continue
            pieces = list(block.cells) if block.kind == "row" else sentences(block)
            self.subject_zone = None
            if block.marker is None and self.list_host is not None and self.list_host[1] != i:
                self.list_host = None  # a block that is no item of it: the list the park introduced has ended
            if (
                block.marker is not None
                and block.marker[0] != "shi"  # (二是…: a point of a report's narrative, not an item of a plan)
                and block.kind in ("heading", "item")
                and len(pieces) > 1
                and not self.industry_title(block)
            ):
                # (an item titled with an industry, （一）电子信息产业。…, is a section of the plan that states
                # each of its clusters in sentences of their own)
                self.items.add(block.para.index)
            own: _Entity | None = None
            if block.kind == "heading":
                self.headed = None  # a numbered heading opens a section of its own
                self.heading_run = False
            if block.kind == "heading" and (
                hm := _INDUSTRY_HEADING.match(normalise_name(block.folded[block.body_offset :]))
            ):
                self.section_industry = hm.group(1)
            for n, piece in enumerate(pieces):
                if n > 0 and _INLINE_ITEM.match(piece.text):
                    own = None  # 一是…形成汽车产业集群。二是…: each inline item is its own statement
                if n == 0 and block.kind == "heading" and not cluster_mentions(piece, self.chains):
                    own = self.cluster_by_head(piece.text)
                fallback = own or self.section_cluster(seg, i, scope) or self.headed
                in_list = n == 0 and block.marker is not None and self.project_section(seg, i)
                named = self.read_sentence(piece, fallback=fallback, in_list=in_list)
                if self.list_host is None and (host := self.introduces_list(piece)) is not None:
                    self.list_host = (host, i)
                if self.list_host is not None:
                    # 某园区…形成了六大产业群: 1. A产业集群 … 2. B产业集群 …: the park hosts every member
                    for c in named:
                        c.links["zone"].setdefault(self.list_host[0].name, self.evidence(piece))
                if n == 0 and len(named) == 1:
                    own = named[0]  # a heading, item or paragraph that opens by naming one cluster
                elif own is not None and len(named) == 1 and block.kind != "heading":
                    own = named[0]  # …打造A集群,…;打造B集群,…: what follows is about B, the cluster now spoken of
                elif len(named) == 1 and _ALONE.fullmatch(piece.text) and len(piece.text) <= 30:
                    own = named[0]  # 食品加工产业集群。引进了…: a name standing as a sentence heads what follows
            line = normalise_name(pieces[0].text.strip().rstrip("。.")) if len(pieces) == 1 else ""
            alone = (
                block.kind != "heading"
                and own is not None
                and bool(line)
                and (line == own.name or line in own.aliases)  # the line is the cluster's name, nothing more
            )
            if alone:
                # a cluster's name on a line of its own heads the paragraphs after it, until the next
                # such line or heading; lines of names one after another are a list, and head nothing
                self.headed = None if self.heading_run else own
                self.heading_run = True
            elif block.kind != "heading":
                self.heading_run = False
            scope[i] = own

    @staticmethod
    def industry_title(block: Block) -> bool:
        """Whether a heading's title is an industry and nothing more (（一）电子信息产业。, not 壮大园区产业。)."""
        title = _INDUSTRY_HEADING.match(normalise_name(block.folded[block.body_offset :]))
        return title is not None and _cut_head(title.group(1)) == title.group(1)

    @staticmethod
    def project_section(seg: Segmented, i: int) -> bool:
        """Whether block ``i`` is an item under a heading that lists projects (专栏2 …重点项目, 重大项目清单)."""
        j = seg.blocks[i].section
        if j < 0 or j == i:
            return False
        title = seg.blocks[j].folded[seg.blocks[j].body_offset :].strip().rstrip("。:")
        return bool(_PROJECT_TITLE.search(title))

    def introduces_list(self, piece: Piece) -> _Entity | None:
        """The park that opens a sentence introducing a list of its clusters with a count and a colon
        (某园区…形成了六大产业群: / 园区已形成了如下八大产业集群:), or None."""
        umbrella = _UMBRELLA_LIST.search(piece.text)
        if umbrella is None:
            return None
        zones = [z for z in zone_mentions(piece) if piece.index(z.end) <= umbrella.start()]
        if len({z.name for z in zones}) != 1 or not _SUBJECT_LEAD.fullmatch(
            re.split(r"[,;:]", piece.text[: piece.index(zones[0].start)])[-1]
        ):
            return None
        found = self._find(self.zones, zones[0].name)
        return self.zones[found] if found else None

    def cluster_by_head(self, heading: str) -> _Entity | None:
        """The cluster a heading names without its ending: 【合肥新型显示】, 3. 古镇灯饰."""
        text = normalise_name(re.sub(r"^[【\[]|[】\]。:]+$", "", heading.strip()))
        text = re.sub(r"^(?:做强|做优|做大|壮大|培育|发展|提升|打造)", "", text.split(":")[0])
        text = re.sub(r"(?:产业链|产业|集群)$", "", text)
        if len(text) < 2:
            return None
        for ent in self.clusters.values():
            for n in (ent.name, *ent.aliases):
                if n in (text + "产业集群", text + "集群", text + "特色产业集群", text):
                    return ent
        return None

    def section_cluster(self, seg: Segmented, i: int, scope: dict[int, _Entity | None]) -> _Entity | None:
        j = seg.blocks[i].section
        while j >= 0:
            if scope.get(j) is not None:
                return scope[j]
            j = seg.blocks[j].section
        return None

    def read_sentence(self, piece: Piece, fallback: _Entity | None, in_list: bool = False) -> list[_Entity]:
        ev = self.evidence(piece)
        projects = project_mentions(piece)
        if in_list and not projects and (item := _ITEM_NAME.match(piece.text)):
            # an item of a box or section of projects (专栏 某某集群重点项目 / 1.某某智能工厂项目。): its name
            name = normalise_name(item.group(1))
            if not is_generic(name, LEXICON.project_generic):
                projects = [
                    Mention("project", name, piece.at(0), piece.end_at(item.end(1)), piece.paragraph, via="list")
                ]
        # a park named in a list of projects being built (加快…产业园、…等项目建设) is a project
        built = [(p.start, p.end) for p in projects if p.via == "list"]
        zones = [
            z
            for z in zone_mentions(piece)
            if not any(a <= z.start and z.end <= b for a, b in built) and not self.one_of(piece, z)
        ]
        # a known firm's name inside a zone's or project's name is that park or project (比亚迪…产业园)
        named_spans = [(o.start, o.end) for o in zones + projects]
        firms = [
            f
            for f in firm_mentions(piece)
            if f.via != "known" or not any(a <= f.start and f.end <= b for a, b in named_spans)
        ]
        others = zones + firms + projects
        # a base named in a list of projects or zones is one of them, not a cluster
        listed = [(o.start, o.end) for o in others if o.kind in ("project", "zone")]
        found = cluster_mentions(piece, self.chains)
        cms = [
            m
            for m in found
            if not (self.one_of(piece, m) and len(found) > 1)  # (莆田是…千亿产业集群之一: its own, unnamed)
            and not (
                (m.name.endswith("基地") and any(a <= m.start and m.end <= b for a, b in listed))
                or any(a <= m.start and m.end <= b for a, b in built)  # 腾讯互联网+产业集群、…等项目建设
            )
        ]
        named: list[_Entity] = []
        spans: list[tuple[int, int, _Entity]] = []
        pending: list[
            Mention
        ] = []  # bare places of a list, waiting for the item they share: 南通市、泰州市、扬州市海工装备集群
        # 建设孟州、博爱、鹤壁金山等百亿级特色产业集群: a list of places and zones under a generic
        # ending; each is a cluster of the section's industry
        bare_groups = {
            g
            for g in {m.group for m in cms if m.each and m.group >= 0}
            if self.section_industry
            and all(len(m.industry or "") <= 6 for m in cms if m.group == g)
            and any(not self.resolver.strip_place(m.industry or "") for m in cms if m.group == g)
        }
        group_place: dict[int, list[Division]] = {}
        for m in cms:
            if m.group in bare_groups and m.industry and not m.industry.endswith(self.section_industry):
                # 建设孟州、博爱等百亿级特色产业集群: each place's cluster of the section's industry
                industry = self.section_industry
                if industry:
                    head = m.industry + industry
                    m = Mention(
                        "cluster",
                        canonical_cluster(head, m.name[len(m.industry) :] or "产业集群"),
                        m.start,
                        m.end,
                        m.paragraph,
                        written=m.written,
                        level=m.level,
                        target_yi=m.target_yi,
                        industry=head,
                        group=m.group,
                        each=True,
                    )
            elif (
                m.group >= 0
                and m.industry
                and not self.resolver.strip_place(m.industry)
                and self.resolver.leading_places(m.industry)
            ):
                pending = [p for p in pending if p.group == m.group] + [m]
                continue
            if pending and pending[0].group == m.group and m.industry:
                heads = [p.industry or "" for p in pending] + [m.industry]
                ending = m.name[len(m.industry) :] if m.name.startswith(m.industry) else "产业集群"
                written = m.written[len(m.industry) :] if m.written and m.written.startswith(m.industry) else ""
                m = Mention(
                    "cluster",
                    "、".join(heads) + ending,
                    pending[0].start,
                    m.end,
                    m.paragraph,
                    written="、".join(heads) + written if written else "",
                    level=m.level,
                    target_yi=m.target_yi,
                    industry=m.industry,
                    via="places",
                )
                pending = []
            # 某省A、B、C等特色产业集群: a province that opens a list's first item opens every item
            lead_places = self.resolver.leading_places(m.industry or m.name) if m.group >= 0 else []
            if lead_places and m.group not in group_place and all(d.level == "province" for d in lead_places):
                group_place[m.group] = lead_places
            shared_place = group_place.get(m.group, []) if m.group >= 0 and not lead_places else []
            ent = self.add_cluster(m, ev, places=shared_place or None)
            if ent is None:
                continue
            spans.append((m.start, m.end, ent))
            if ent not in named:
                named.append(ent)
            if not ent.target_year and (y := _YEAR.search(piece.text)):
                ent.target_year = int(y.group(1))
        if len(named) == 1 and not named[0].level:
            self.stated_target(named[0], piece)
        # a zone named inside a cluster's name is that cluster's zone (某某经开区X产业集群)
        in_names = [(a, b) for a, b, _ in spans]
        target = named[0] if len(named) == 1 else None
        if target is None and not named:
            target = fallback
            if _THIS_CLUSTER.search(piece.text) and self.last_cluster is not None:
                target = self.last_cluster  # 该集群以…为龙头: the cluster just named
            elif (
                fallback is not None
                and others
                and not self.of_industry(fallback, words := self.industry_words(piece.text))
            ):
                # 甲区作为传感器产业的主要承载地,培育了A、B等企业: a sentence about another cluster's
                # industry is that cluster's, not the one its paragraph opened with
                of_words = [c for c in self.clusters.values() if self.of_industry(c, words)]
                if len(of_words) == 1:
                    target = of_words[0]
        if named and (bare := _BARE_ZONE.search(piece.text)):
            # 高新区打造百亿级节能环保产业集群: the zone a report is about, called by its kind
            word = bare.group(1)
            home = [z for z in self.zones.values() if word in z.aliases]  # (以下简称"开发区")
            home = home or [
                z
                for z in self.zones.values()
                if _zone_key(z.name).endswith(_zone_key(word)) and len(z.name) > len(word)
            ]
            if len(home) == 1:
                for c in named:
                    c.links["zone"].setdefault(home[0].name, ev)
                if bare.start() == 0:
                    self.subject_zone = home[0]
        elif named and self.subject_zone is not None and _SUBJECTLESS.match(piece.text):
            # 高新区打造A集群,…;打造B集群,…: a clause without a subject of its own keeps the paragraph's zone
            for c in named:
                c.links["zone"].setdefault(self.subject_zone.name, ev)
        if len(named) == 1:
            self.last_cluster = named[0]
        prior: tuple[Mention, _Entity] | None = None  # the zone just read, for its bracketed second name
        for m in others:
            if m.kind != "zone" and any(a <= m.start and m.end <= b for a, b in in_names):
                continue
            if m.kind == "zone" and prior is not None and self.second_name(piece, prior[0], m):
                # 西宁经济技术开发区(青海国家高新技术产业开发区): one zone under two names
                first = prior[1]
                first.aliases.add(m.name)
                if also := _ALSO_CALLED.match(piece.text, piece.index(m.end) + 1):
                    first.aliases.add(normalise_name(also.group(1)))
                continue
            ent = self.entity(m.kind, self.own_name(m), ev)
            if m.kind == "zone":
                prior = (m, ent)
            if self.traditional:
                as_written = normalise_name(self.doc.text[m.start : m.end])
                if as_written != ent.name:
                    ent.aliases.add(as_written)
            if m.kind == "zone" and m.written and m.written != ent.name:
                ent.aliases.add(m.written)  # 山东淄博高新区, written with its province
            rel = piece.index(m.end)
            if also := _ALSO_CALLED.match(piece.text, rel):
                ent.aliases.add(normalise_name(also.group(1)))
            if m.kind == "project":
                self.last_project = ent
                if ent.name.endswith("项目") and len(ent.name) > 6:
                    ent.aliases.add(ent.name[: -len("项目")])  # 某某中心项目 is the 某某中心 being built
            if m.via == "sponsor":
                # 承担单位: the firm runs the project above it; it is not named as the cluster's anchor
                if self.last_project is not None and ent.name not in self.last_project.firms:
                    self.last_project.firms.append(ent.name)
                continue
            if m.kind == "zone":
                for d in self.resolver.leading_places(m.name):
                    if d not in ent.places:
                        ent.places.append(d)
            if m.kind == "project":
                self.project_firms(ent)
            inside = [c for a, b, c in spans if a <= m.start and m.end <= b]
            owner = inside[0] if inside else target
            if len(named) > 1 and not inside:
                if (
                    m.kind == "zone"
                    and self.resolver.strip_place(m.name)
                    and self.zone_is_subject(piece, m, zones, cms)
                ):
                    # 济宁高新区充分发挥A集群优势,B集群被评为…: the zone the sentence is about hosts them all
                    for c in named:
                        c.links["zone"].setdefault(ent.name, ev)
                    continue
                owner = self.clause_cluster(piece, named, cms, m) or self.nearest(named, cms, m)
                if owner is None and (
                    (
                        m.kind in ("project", "zone")
                        and (all(c.end <= m.start for c in cms) or self.listed_after(cms, m))
                    )
                    or (m.kind == "firm" and m.via == "list" and self.one_list_before(cms, m))
                ):
                    # 建设A基地、B基地和C集群,推进X、Y等重点项目建设: the sentence's projects and zones serve them
                    # all; so do the firms it lists after one list of clusters (围绕A、B两大产业集群、C和D两大龙头企业)
                    for c in named:
                        c.links[m.kind].setdefault(ent.name, ev)
                    continue
            if owner is not None:
                owner.links[m.kind].setdefault(ent.name, ev)
            else:
                self.unattached.append((m, ev))
        return named

    @staticmethod
    def one_of(piece: Piece, m: Mention) -> bool:
        """Whether ``m`` is followed by 之一: the class a thing belongs to (…是66个集群中的新材料
        产业集群之一, 三个千亿产业园之一), not a cluster or zone of its own."""
        return piece.text.startswith("之一", piece.index(m.end))

    def clause_cluster(self, piece: Piece, named: list[_Entity], cms: list[Mention], m: Mention) -> _Entity | None:
        """With several clusters in one sentence, the one cluster named in the clause of ``m``
        (A产业集群依托甲开发区,B产业集群依托乙园区: each clause states its own cluster's links)."""
        at = piece.index(m.start)
        a = max(piece.text.rfind(p, 0, at) for p in ",;:") + 1
        ends = [k for k in (piece.text.find(p, piece.index(m.end)) for p in ",;:") if k >= 0]
        b = min(ends) if ends else len(piece.text)
        inside = [c for c in cms if a <= piece.index(c.start) and piece.index(c.end) <= b]
        if len(inside) != 1 or inside[0].group >= 0:
            return None
        return next((e for e in named if inside[0].name == e.name or inside[0].name in e.aliases), None)

    @staticmethod
    def one_list_before(cms: list[Mention], m: Mention) -> bool:
        """Whether every cluster of the sentence comes before ``m`` in one list sharing its ending."""
        return (
            len(cms) >= 2
            and all(c.end <= m.start for c in cms)
            and cms[0].group >= 0
            and len({c.group for c in cms}) == 1
        )

    @staticmethod
    def listed_after(cms: list[Mention], m: Mention) -> bool:
        """Whether every cluster of the sentence comes after ``m`` in one list sharing its ending
        (随着A、B等项目落地,…着力培育C、D、E五大产业集群): what the sentence names serves them all."""
        after = [c for c in cms if c.start >= m.end]
        return len(after) == len(cms) >= 2 and len({c.group for c in after}) == 1 and after[0].group >= 0

    @staticmethod
    def zone_is_subject(piece: Piece, m: Mention, zones: list[Mention], cms: list[Mention]) -> bool:
        """Whether zone ``m`` opens the sentence or a clause of it as its subject, before every cluster,
        and is its only zone (…持续打造,四川天府新区形成A、B两个千亿级产业集群,C…)."""
        if len([z for z in zones if z.name != m.name]) or any(c.start < m.end for c in cms):
            return False
        before = piece.text[: piece.index(m.start)]
        clause = re.split(r"[,;:]", before)[-1]
        return bool(_SUBJECT_LEAD.fullmatch(clause))

    @staticmethod
    def second_name(piece: Piece, first: Mention, m: Mention) -> bool:
        """Whether zone ``m`` is written in brackets right after zone ``first``: its other name."""
        a, b = piece.index(first.end), piece.index(m.start)
        return piece.text[a:b] == "(" and piece.text[piece.index(m.end) : piece.index(m.end) + 1] == ")"

    def own_name(self, m: Mention) -> str:
        """A firm or project name without the county that a report puts before it
        (昔阳县山西尚太锂电科技有限公司: the firm is 山西尚太锂电科技有限公司, in 昔阳县)."""
        if m.kind not in ("firm", "project"):
            return m.name
        found = self.resolver.find(m.name)
        if len(found) >= 2 and found[0][0] == 0 and found[1][0] == found[0][1]:
            first, second = found[0][2], found[1][2]
            written = m.name[: found[0][1]]
            if first.level == "county" and written == first.name and second.level in ("province", "city"):
                return m.name[found[0][1] :]
        return m.name

    def nearest(self, named: list[_Entity], cms: list[Mention], m: Mention) -> _Entity | None:
        """With several clusters in one sentence, a mention belongs to the next cluster after it
        (依托…企业, 形成…产业集群) when that one is a single name, not a list."""
        after = [c for c in cms if c.start >= m.end]
        if len(after) >= 1 and (len(after) == 1 or (after[0].via != "list" and after[0].group < 0)):
            for ent in named:
                if after[0].name == ent.name or after[0].name in ent.aliases:
                    return ent
        return None

    def stated_target(self, ent: _Entity, piece: Piece) -> None:
        m = re.search(r"(?:达到|突破|超过|实现|达)(\d+(?:\.\d+)?)\s*(万亿|亿)元", piece.text)
        if m:
            ent.target_yi = float(m.group(1)) * (10000.0 if m.group(2) == "万亿" else 1.0)
            lv = level_of(m.group(1) + m.group(2))
            if lv and ent.target_yi >= 100:
                ent.level = ent.level or None

    def project_firms(self, project: _Entity) -> None:
        # 奋安铝业新型高端铝材…: a project named after the firm that builds it
        short = _builder_of(project.name)
        builder = short is not None
        if short is None and (m := _PROJECT_FIRM.match(project.name)) and len(project.name) - m.end() >= 3:
            short = self.resolver.strip_place(m.group(1)) or m.group(1)  # 洛阳中兴通讯 → 中兴通讯
        if short:
            known = next((f for f in self.firms.values() if f.name.startswith(short)), None) or next(
                (f for f in self.firms.values() if len(f.name) >= 2 and short.startswith(f.name) and builder), None
            )  # 中船风电兴城一期…: the 中船 already named
            firm = known if known is not None else self.entity("firm", short, project.evidence[0])
            if firm.name not in project.firms:
                project.firms.append(firm.name)
        for firm in self.firms.values():
            for n in (firm.name, *firm.aliases):
                if len(n) >= 2 and project.name.startswith(n) and firm.name not in project.firms:
                    project.firms.append(firm.name)

    # -- tables ---------------------------------------------------------------------------------
    def read_row(self, block: Block, table: Table) -> None:
        cells = block.cells
        if not cells or any(_TOTAL_ROW.match(c.text.strip()) for c in cells[:2]):
            return
        if len(cells) < len(table.header) and block.para.index == len(self.doc.paragraphs) - 1:
            self.warnings.append(f"paragraph {block.para.index}: the table's last row is cut off; not read")
            return

        def cell(role: str) -> Piece | None:
            i = table.roles.get(role)
            if i is None or i >= len(cells) or not cells[i].text.strip():
                return None
            return cells[i]

        row = Piece(block.para.index, cells[0].start, cells[-1].end, block.folded)
        ev = self.evidence(row)
        zone_cell, place_cell, name_cell = cell("zone"), cell("place"), cell("name")
        industry_cell, firm_cell, project_cell, target_cell = (
            cell("industry"),
            cell("firms"),
            cell("projects"),
            cell("target"),
        )
        zones = zone_mentions(zone_cell) if zone_cell else []
        if zone_cell:
            # a cell of a zone column names zones, bases and parks alike: 某某生产基地、某某产业园
            found = {z.name for z in zones}
            for item in re.split(r"[、,;]", zone_cell.text):
                n = normalise_name(item)
                if n and n not in found and re.search(r"(基地|园|城|中心|小镇)(\([^()]{2,6}\))?$", n) and len(n) >= 4:
                    k = zone_cell.text.find(item.strip())
                    zones.append(
                        Mention(
                            "zone",
                            n,
                            zone_cell.at(k),
                            zone_cell.end_at(k + len(item.strip())),
                            block.para.index,
                            via="table",
                        )
                    )
        places: list[Division] = []
        if place_cell:
            places = self.resolver.places_in(place_cell.text)
        zone_ents: list[_Entity] = []
        for z in zones:
            zone = self.entity("zone", z.name, ev)
            for d in self.resolver.leading_places(z.name):
                if d not in zone.places:
                    zone.places.append(d)
            zone_ents.append(zone)
        if zone_cell and not zones and not places:
            places = self.resolver.places_in(zone_cell.text)
        if not places:
            places = [d for z in zone_ents for d in z.places][:1]
        cms: list[Mention] = cluster_mentions(name_cell, self.chains) if name_cell else []
        if name_cell and not cms:
            head = normalise_name(name_cell.text)
            if len(head) >= 2 and not is_generic(head, LEXICON.cluster_generic):
                cms = [
                    Mention(
                        "cluster",
                        canonical_cluster(head, "集群"),
                        name_cell.start,
                        name_cell.end,
                        block.para.index,
                        written=head,
                        industry=head,
                        via="table",
                    )
                ]
        if not cms and industry_cell and (places or zone_ents):
            ind = normalise_name(industry_cell.text)
            if len(ind) >= 2 and not is_generic(ind, LEXICON.cluster_generic):
                owner = places[0].short if places else zone_ents[0].name
                cms = [
                    Mention(
                        "cluster",
                        canonical_cluster(owner + ind, "集群"),
                        industry_cell.start,
                        industry_cell.end,
                        block.para.index,
                        industry=ind,
                        via="table",
                    )
                ]
        if not cms:
            return
        m = cms[0]
        ent = self.add_cluster(m, ev, zone=zone_ents[0].name if zone_ents else None, places=places)
        if ent is None:
            return
        if places:
            for d in places:
                if d not in ent.places:
                    ent.places.append(d)
        if target_cell:
            amount = _AMOUNT.search(target_cell.text) or re.search(r"(\d+(?:\.\d+)?)", target_cell.text)
            if amount:
                unit = amount.group(2) if amount.lastindex and amount.lastindex >= 2 else None
                header = table.header[table.roles["target"]]
                scale = (
                    10000.0
                    if unit == "万亿"
                    else (1.0 if unit == "亿" or "亿" in header else (0.0001 if "万元" in header else 1.0))
                )
                ent.target_yi = round(float(amount.group(1)) * scale, 4)
                if y := _YEAR.search(header):
                    ent.target_year = int(y.group(1))
        for zone in zone_ents:
            ent.links["zone"].setdefault(zone.name, ev)
        if firm_cell:
            for name in re.split(r"[、,;/]", firm_cell.text):
                n = normalise_name(name)
                if len(n) >= 2 and not re.search(r"\d+(?:余|多)?家", n):
                    f = self.entity("firm", n, ev)
                    ent.links["firm"].setdefault(f.name, ev)
        if project_cell:
            for name in re.split(r"[、;]", project_cell.text):
                n = normalise_name(name)
                if len(n) >= 2:
                    p = self.entity("project", n, ev)
                    ent.links["project"].setdefault(p.name, ev)

    # -- facts ----------------------------------------------------------------------------------
    def merge_zone_short_forms(self) -> None:
        """乌鲁木齐甘泉堡经济技术开发区(工业区) and 甘泉堡经开区 are one zone: the same name once the
        ending is shortened, the bracket dropped and the city before it left out."""
        zones = sorted(self.zones.values(), key=lambda z: -len(z.name))
        for short in reversed(zones):
            ks = _zone_key(short.name)
            if short.name not in self.zones or len(ks) < 4:
                continue
            for full in zones:
                if full is short or full.name not in self.zones or len(full.name) <= len(short.name):
                    continue
                kf = _zone_key(full.name)
                if kf == ks or (
                    kf.endswith(ks) and not self.resolver.strip_place(kf[: len(kf) - len(ks)]) and len(ks) >= 5
                ):
                    self._rename("zone", short, full)
                    break

    def _rename(self, kind: str, other: _Entity, into: _Entity) -> None:
        table = self._table(kind)
        self._merge(into, other)
        del table[other.name]
        for c in self.clusters.values():
            if other.name in c.links[kind]:
                ev = c.links[kind].pop(other.name)
                c.links[kind].setdefault(into.name, ev)

    def consolidate(self) -> None:
        """One entity per thing: a zone or firm named in full with (以下简称Y) and elsewhere as Y."""
        self.merge_zone_short_forms()
        # 某市某县120万吨焦化项目 and 120万吨焦化项目: a project named with and without its places
        for name in list(self.projects):
            bare = self.resolver.strip_place(name)
            if bare != name and (short := self.projects.get(bare)) is not None and name in self.projects:
                self._rename("project", self.projects[name], short)
        for kind in ("zone", "firm", "project"):
            table = self._table(kind)
            for name in list(table):
                ent = table.get(name)
                if ent is None:
                    continue
                for alias in list(ent.aliases):
                    other = table.get(alias)
                    if other is None or other is ent:
                        continue
                    self._merge(ent, other)
                    del table[alias]
                    for c in self.clusters.values():
                        if alias in c.links[kind]:
                            ev = c.links[kind].pop(alias)
                            c.links[kind].setdefault(ent.name, ev)
                    if kind == "firm":
                        for p in self.projects.values():
                            p.firms = [ent.name if f == alias else f for f in p.firms]

    def title_cluster(self) -> _Entity | None:
        """The one cluster a short title names, when each other cluster is a shorter name of its
        industry (吉林省汽车产业集群"上台阶"工程 under 打造世界级先进汽车制造业集群): the text's topic."""
        if not self.doc.paragraphs or len(self.doc.paragraphs[0].text) > 40:
            return None
        titled = [c for c in self.clusters.values() if any(e.paragraph == 0 for e in c.evidence)]
        if len(titled) != 1 or not titled[0].industry:
            return None
        head = titled[0].industry
        others = [c for c in self.clusters.values() if c is not titled[0]]
        if all(c.industry and len(c.industry) >= 2 and c.industry in head for c in others):
            return titled[0]
        return None

    def industry_words(self, sentence: str) -> set[str]:
        """The industries a sentence speaks of: the X of every X产业 / X行业 in it."""
        # the X without the words before it in the same run (作为全市传感器 → 传感器)
        return {_cut_head(normalise_name(w)) for w in _INDUSTRY_WORD.findall(fold(sentence, self.traditional))}

    def of_industry(self, c: _Entity, words: set[str]) -> bool:
        if not words:
            return False
        if (industry := self._bare_industry.get(c.industry or "")) is None:
            industry = self._bare_industry.setdefault(c.industry or "", self.resolver.strip_place(c.industry or ""))
        return len(industry) >= 2 and any(
            len(w) >= 2 and (industry == w or industry.endswith(w) or w.endswith(industry)) for w in words
        )

    def other_industry(self, sentence: str, clusters: list[_Entity]) -> bool:
        """Whether a sentence opens with the label of an industry none of ``clusters`` is of
        (电子信息及软件业,建成…: in an item about an equipment base, that sentence speaks of another trade)."""
        label = _TRADE_LABEL.match(fold(sentence, self.traditional))
        if label is None:
            return False
        words = {normalise_name(w) for w in re.split(r"及|和|与|、", label.group(1)) if len(w) >= 2}
        return not any(self.of_industry(c, words) for c in clusters)

    def cluster_of_industry(self, sentence: str) -> _Entity | None:
        """The one cluster whose industry the sentence speaks of (…传感器产业的主要承载地 →
        渭滨区压力传感器产业集群), or None when it names none or several."""
        words = self.industry_words(sentence)
        found = [c for c in self.clusters.values() if self.of_industry(c, words)]
        return found[0] if len(found) == 1 else None

    def drop_credited(self) -> None:
        """Firms the page credits as its source (来源:X, X供图) are not firms of its clusters."""
        text = fold(self.doc.text, self.traditional)
        for name in list(self.firms):
            n = re.escape(name)
            if re.search(_CREDIT_BEFORE + n, text) or re.search(n + _CREDIT_AFTER, text):
                del self.firms[name]
                for c in self.clusters.values():
                    c.links["firm"].pop(name, None)
                self.unattached = [(m, ev) for m, ev in self.unattached if not (m.kind == "firm" and m.name == name)]

    def facts(self, seg: Segmented) -> Facts:
        self.drop_credited()
        for ent in self.firms.values():
            short = _FIRM_LEGAL.sub("", ent.name)
            if short != ent.name and len(short) >= 2:
                ent.aliases.add(short)
                if short.endswith("集团") and len(short) > 4:
                    ent.aliases.add(short[: -len("集团")])
            if ent.name.endswith("集团公司") and len(ent.name) > 6:
                ent.aliases.add(ent.name[: -len("公司")])  # 某集团公司 is 某集团
            for n in list(ent.aliases | {ent.name}):
                if n.startswith("中国") and len(n) >= 5:
                    ent.aliases.add(n[2:])  # 中国一汽集团公司 is the 一汽集团 named elsewhere
        self.consolidate()
        self.finish_clusters()
        in_paragraph: dict[int, list[_Entity]] = {}
        for c in self.clusters.values():
            for e in c.evidence:
                if c not in in_paragraph.setdefault(e.paragraph, []):
                    in_paragraph[e.paragraph].append(c)
        topic = self.title_cluster()
        for m, ev in self.unattached:
            lone = list(self.clusters.values())
            if topic is not None:
                lone = [topic]
            here = in_paragraph.get(m.paragraph, [])
            table = self._table(m.kind)
            by_industry = self.cluster_of_industry(ev.quote)
            label = (
                _INDUSTRY_LABEL.match(fold(self.doc.paragraphs[m.paragraph].text, self.traditional))
                if m.paragraph < len(self.doc.paragraphs)
                else None
            )
            if (
                len(lone) == 1
                and lone[0].evidence
                and lone[0].evidence[0].start <= m.start
                and (label is None or self.of_industry(lone[0], {normalise_name(label.group(1))}))
            ):
                # (a paragraph labelled with another industry, 轻工食品产业:依托…, is not about the one cluster)
                # a text about one cluster: what it names after stating the cluster is the cluster's
                lone[0].links[m.kind].setdefault(table[self._find(table, m.name) or m.name].name, ev)
            elif by_industry is not None:
                # 在A、B两家龙头企业的带动下,锂电新能源产业实现产值…: the cluster of that industry
                by_industry.links[m.kind].setdefault(table[self._find(table, m.name) or m.name].name, ev)
            elif len(here) == 1 or (
                here and m.paragraph in self.items and m.via != "subject" and not self.other_industry(ev.quote, here)
            ):
                # a paragraph about one cluster (…等项目。这预示着…正在形成光伏产业集群), or a numbered
                # item, which is one statement however many sentences it runs to: its firms, zones and
                # projects are its clusters', wherever in it they are named (not a firm that is the
                # subject of its own sentence, 某某纺机荣获…: the item praises it, not as a member)
                for c in here:
                    c.links[m.kind].setdefault(table[self._find(table, m.name) or m.name].name, ev)
            else:
                self.warnings.append(
                    f"paragraph {m.paragraph}: {m.kind} {m.name!r} is named in no cluster's statement; kept without a cluster"
                )
        places: dict[str, Division] = {}

        def keep(d: Division) -> PlaceRef:
            places[d.code] = d
            return PlaceRef(code=d.code, name=d.name)

        clusters = [
            ClusterFacts(
                name=c.name,
                aliases=sorted(c.aliases - {c.name}),
                level=c.level,
                target_yi=c.target_yi,
                target_year=c.target_year,
                industry=c.industry,
                places=[keep(d) for d in c.places],
                zones=list(c.links["zone"]),
                firms=list(c.links["firm"]),
                projects=list(c.links["project"]),
                evidence=c.evidence,
                link_evidence=[
                    LinkEvidence(kind=k, name=n, evidence=e) for k, links in c.links.items() for n, e in links.items()
                ],
            )
            for c in self.clusters.values()
        ]
        zones = [
            ZoneFacts(
                name=z.name,
                aliases=sorted(z.aliases - {z.name}),
                places=[keep(d) for d in z.places],
                evidence=z.evidence,
            )
            for z in self.zones.values()
        ]
        firms = [
            FirmFacts(name=f.name, aliases=sorted(f.aliases - {f.name}), evidence=f.evidence)
            for f in self.firms.values()
        ]
        projects = [
            ProjectFacts(name=p.name, aliases=sorted(p.aliases - {p.name}), firms=p.firms, evidence=p.evidence)
            for p in self.projects.values()
        ]
        # named places of the text, and every place's ancestors, so each code has its city
        for _, _, d in self.gaz.find_in(self.doc.text, province=self.resolver.province):
            places.setdefault(d.code, d)
        for d in list(places.values()):
            p = d
            while p.parent_code and p.parent_code not in places:
                parent = self.gaz.by_code(p.parent_code)
                if parent is None:
                    break
                places[parent.code] = parent
                p = parent
        last = self.doc.paragraphs[-1].text.rstrip() if self.doc.paragraphs else ""
        if last and not re.search(r"[。.;；!！?？:：)）”\"|]$", last):
            self.warnings.append(f"paragraph {len(self.doc.paragraphs) - 1}: the text ends mid-sentence (cut off?)")
        title, issuer, date = _header(self.doc)
        return Facts(
            document=DocumentFacts(
                key=self.doc.key,
                title=title,
                issuer=issuer,
                date=date,
                province=self.province.name if self.province else None,
                province_code=self.province.code if self.province else None,
                file=self.doc.path.name,
                sha256=self.doc.sha256,
                chars=len(self.doc.text),
                profile="general",
            ),
            clusters=clusters,
            zones=zones,
            firms=firms,
            projects=projects,
            places=[
                Place(code=d.code, name=d.name, level=d.level, parent_code=d.parent_code)
                for d in sorted(places.values(), key=lambda d: d.code)
            ],
            warnings=self.warnings,
        )


_TITLE = re.compile(r"《([^《》]{4,80})》")
_TITLE_LINE = re.compile(r"(意见|方案|规划|计划|通知|名单|办法|纲要|公示|公告|决定|报告)(\([^()]*\))?$")
_ISSUER = re.compile(
    r"^(.{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|委员会|管委会|信息化厅|工信厅|厅|局))$"
)
_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日")


def _header(doc: PlanDocument) -> tuple[str | None, str | None, str | None]:
    title = issuer = date = None
    for p in doc.paragraphs[:15]:
        line = normalise_name(p.text)
        if title is None and len(line) <= 60 and _TITLE_LINE.search(line) and not re.search(r"[,。;:]", line):
            title = line
        if issuer is None and (m := _ISSUER.match(line)) and not re.search(r"[园馆展]", m.group(1)):
            issuer = m.group(1)
        if date is None and (d := _DATE.search(line)):
            date = f"{int(d.group(1)):04d}-{int(d.group(2)):02d}-{int(d.group(3)):02d}"
    opening = normalise_name(doc.text[:3000])
    if title is None and (t := _TITLE.search(opening)) and not t.group(1).endswith(("报", "网")):
        title = t.group(1)  # 《…方案》, not 《…日报》
    if issuer is None and (i := _ISSUED_BY.search(opening)):
        issuer = i.group(1)  # 湖北省人民政府办公厅发布《…》 in a report
    if date is None and (d := _MONTH_DAY.search(opening)) and (y := re.search(r"(20\d\d)", title or "")):
        date = f"{int(y.group(1)):04d}-{int(d.group(1)):02d}-{int(d.group(2)):02d}"
    return title, issuer, date


_ISSUED_BY = re.compile(
    r"([\u4e00-\u9fff]{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|工业和信息化厅|工业和信息化局|"
    r"经济和信息化厅|发展改革委|发展和改革委员会|委员会|厅|局))(?:联合)?(?:发布|印发|出台|公布|公示|制定)"
)
_MONTH_DAY = re.compile(r"^(?:\D{0,12}?)(\d{1,2})月(\d{1,2})日")


def extract_general(doc: PlanDocument, gazetteer: NationalGazetteer | None = None) -> Facts:
    """Facts stated by ``doc``, read by rules about the genre."""
    gaz = gazetteer or NationalGazetteer.load()
    seg = segment(doc)
    reader = _Reader(doc, gaz, seg.traditional)
    reader.read(seg)
    facts = reader.facts(seg)
    if not facts.clusters:
        # no cluster named anywhere: a plan of industry chains (十大标志性产业链, 链长制) names its
        # units as chains; read those, and say so
        chained = _Reader(doc, gaz, seg.traditional, chains=True)
        chained.read(seg)
        found = chained.facts(seg)
        if found.clusters:
            facts = found.model_copy(
                update={
                    "warnings": [
                        *found.warnings,
                        f"no …产业集群 named; the {len(found.clusters)} industry chains the document names are read as its clusters",
                    ]
                }
            )
    return in_document_script(facts, doc.text) if seg.traditional else facts


def in_document_script(facts: Facts, text: str) -> Facts:
    """Names as the document writes them: a plan in traditional characters is read folded to
    simplified, and its names go back to its own characters (山東…產業集群, not 山东…产业集群), so
    that people who search or correct it find the words of the text. Places keep the gazetteer's
    names, which their codes check against.

    >>> f = Facts(document=DocumentFacts(key="k"), clusters=[ClusterFacts(name="汽车产业集群")])
    >>> in_document_script(f, "發展汽車產業集群").clusters[0].name
    '汽車產業集群'
    """
    plain, simple = fold(text), fold(text, traditional=True)
    seen: dict[str, dict[str, int]] = {}
    for a, b in zip(plain, simple, strict=True):
        if a != b:
            counts = seen.setdefault(b, {})
            counts[a] = counts.get(a, 0) + 1
    back = {b: max(counts, key=lambda c: counts[c]) for b, counts in seen.items()}

    def w(name: str) -> str:
        return "".join(back.get(c, c) for c in name)

    def ws(names: list[str]) -> list[str]:
        return [w(n) for n in names]

    def also(name: str, aliases: list[str]) -> list[str]:
        # the simplified form stays findable as an alias
        return sorted({w(a) for a in aliases} | {a for a in (name, *aliases) if w(a) != a} - {w(name)})

    return facts.model_copy(
        update={
            "clusters": [
                c.model_copy(
                    update={
                        "name": w(c.name),
                        "aliases": also(c.name, c.aliases),
                        "zones": ws(c.zones),
                        "firms": ws(c.firms),
                        "projects": ws(c.projects),
                        "link_evidence": [e.model_copy(update={"name": w(e.name)}) for e in c.link_evidence],
                    }
                )
                for c in facts.clusters
            ],
            "zones": [
                z.model_copy(update={"name": w(z.name), "aliases": also(z.name, z.aliases)}) for z in facts.zones
            ],
            "firms": [
                f.model_copy(update={"name": w(f.name), "aliases": also(f.name, f.aliases)}) for f in facts.firms
            ],
            "projects": [
                p.model_copy(
                    update={
                        "name": w(p.name),
                        "aliases": also(p.name, p.aliases),
                        "firms": ws(p.firms),
                        "zones": ws(p.zones),
                    }
                )
                for p in facts.projects
            ],
        }
    )

"""Stage 5a: entities — mentions merged into clusters, zones, firms and projects, one per thing."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from clusterkg.loaders.places import Division, NationalGazetteer
from clusterkg.loaders.plan.document import PlanDocument
from clusterkg.text import normalise_name

from .facts import Evidence
from .lexicon import LEXICON
from .mentions import ZONE_ENDINGS, Mention, _cut_head, base_carrier, is_generic, place_begins, province_lead
from .resolve import Resolver, document_home
from .segments import Piece, fold

_BRACKET_ZONE = re.compile(r"\(([^()]{2,20}(?:" + ZONE_ENDINGS + r"))\)")


# a sentence labelled with its trade: 电子信息及软件业, / 医药健康产业,
_TRADE_LABEL = re.compile(r"^\s*([\u4e00-\u9fff及和与、]{2,14}?)(?:产业|行业|业)\s*[,:]")
_INDUSTRY_WORD = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:产业|行业)(?!集群|基地|园|集聚区)")
_ZONE_SHORT = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("工业集中区", "集中区"),
)


_LEGAL_END = re.compile(r"(?:有限公司|有限责任公司|股份公司|集团公司)$")
# 该纺织集群 / 这一产业集群: a cluster pointed at (本溪, the one division that begins with 本, is no pointer)
_POINTER = re.compile(r"^(?:该|此|这一|这个|本(?!溪))")
# 打造A、B五个百亿自主产业集群: a counted list's qualifier, between its count (and level) and its ending
_COUNTED_QUALIFIER = re.compile(
    r"[\d一二三四五六七八九十两]+(?:个|大)(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千万]+)?(?:亿元?|万亿元?)?级?"
    r"([\u4e00-\u9fff]{2,3})$"
)
# 某区汽车产业集群升级示范区 / 氢能产业集群基地: the title a cluster is recognised under, right after its name
_TITLE_AFTER = re.compile(r"升级示范区|示范区|基地")
# 永兴县工业园…项目: a park's name opens the project's (a place, a few words, a zone's ending)
_PARK_FIRST = re.compile(rf"^[\u4e00-\u9fff]{{2,10}}?(?:{ZONE_ENDINGS})(?=[\u4e00-\u9fff]{{6,}})")
# 某基地二期项目: a phase of 某基地项目
_PHASE_IN_NAME = re.compile(r"^(.+?)[一二三四五]期项目$")
# 某某新能源有限公司年产…项目: a project named after the firm that builds it
_FIRM_PROJECT = re.compile(r"^([\u4e00-\u9fff]{4,20}?)(?:股份有限公司|有限责任公司|集团有限公司|有限公司).{2,}项目$")


def _zone_key(name: str) -> str:
    """A zone's name in its short form: 经济技术开发区 → 经开区, without a closing bracket."""
    key = re.sub(r"\([^()]*\)$", "", name).replace("产业化集群", "产业集群")  # (新野肉牛产业化集群示范区)
    for long_, short in _ZONE_SHORT:
        if key.endswith(long_):
            return key[: -len(long_)] + short
    return key


# a report's credit lines: 来源:某研究院 / (某研究所供图) / 某研究院整理. Whoever is credited wrote or
# supplied the page; it is no firm of a cluster, wherever else the page names it
_CREDIT_BEFORE = (
    r"(?:(?:来源|出处|供稿|图源|图片来源|数据来源)\s*[:：]\s*|版权归属?)"  # (版权归某公司: the page's owner)
)
_CREDIT_AFTER = r"\s*(?:供图|供稿|摄|整理|发布的|提供图片)"
_YEAR = re.compile(r"(?:到|至|在)?(20\d\d)年")


_TOWN_LEAD = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:镇|乡|街道)")
_QUALIFIER = re.compile(r"^(?:绿色|先进|现代|高端|新型|智能)")


def _trade_key(industry: str | None) -> str:
    """An industry without its qualifier or its word for industry: 现代医药 and 医药工业 → 医药."""
    key = re.sub(r"(?:工业|产业)$", "", _QUALIFIER.sub("", industry or ""))
    return key if len(key) >= 2 else (industry or "")


# the words of a base's designation (国家…高技术产业基地, 国家火炬计划…产业基地, 中国…产业基地)
_BASE_TITLE = re.compile(r"国家|火炬计划|火炬|高新技术|高技术|^中国")
# words of a base named for where it lies, not for an industry (辽宁(营口)沿海产业基地)
_REGION_WORDS = frozenset({"沿海", "沿江", "沿边", "沿黄", "临港", "滨海", "综合"})


def _unmarked(name: str) -> str:
    """A cluster's name without the mark of a designation (特色): the industry and its ending."""
    # (肉牛产业化集群, 某创新型产业集群: the same cluster; 创新型 is a programme's title like 特色)
    return name.replace("特色", "").replace("产业化集群", "产业集群").replace("创新型产业集群", "产业集群")


@dataclass(slots=True)
class Entity:
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


class EntityStore:
    """The entities a reading has found so far, merged by name and alias, and the plan's clusters by industry."""

    def __init__(
        self,
        doc: PlanDocument,
        gaz: NationalGazetteer,
        traditional: bool = False,
        chains: bool = False,
        placed: bool = False,
        formed: bool = False,
    ) -> None:
        self.doc = doc
        self.traditional = traditional
        self.chains = chains  # read industry chains as the plan's units (a 链长制 plan names no cluster)
        # read a place's 特色产业集群 as that place's one cluster (a text naming no other cluster)
        self.placed = placed
        # read the cluster a zone or place is said to form (某产业区已形成高新技术产业集群) as its cluster
        self.formed = formed
        self.gaz = gaz
        province, home = document_home(doc.text, [p.text for p in doc.paragraphs], gaz)
        self.province = province
        self.home = home
        self.resolver = Resolver(gaz, province=province.code if province else None, home=home)
        # the places the text names, read once: for the short names it may use (清河 after 清河县) and
        # for the facts' place list
        self.text_places = gaz.find_in(doc.text, province=self.resolver.province)
        self.resolver.name_in_full([d for s, e, d in self.text_places if doc.text[s:e] == d.name])
        self.clusters: dict[str, Entity] = {}
        self.zones: dict[str, Entity] = {}
        self.firms: dict[str, Entity] = {}
        self.projects: dict[str, Entity] = {}
        self.unattached: list[tuple[Mention, Evidence]] = []
        self.items: set[int] = set()  # paragraphs that are numbered items: one statement, however long
        self.last_project: Entity | None = None
        self.recent_projects: list[Entity] = []  # the projects of the latest sentence that named any
        self.last_cluster: Entity | None = None
        self.section_industry = ""  # the industry a heading names: （三）汽车产业 → 汽车
        self.headed: Entity | None = None  # the cluster a line holding only its name heads
        self.heading_run = False  # the block before was such a line
        self.warnings: list[str] = []
        self._bare_industry: dict[str, str] = {}  # a cluster's industry without its place, by industry
        self.subject_zone: Entity | None = None  # the zone a paragraph opens with as its subject
        self.opening_zone: Entity | None = None  # the zone named first in a paragraph, at its very start
        self.paragraph_start = -1  # where the paragraph being read starts in the text
        self.list_host: tuple[Entity, int] | None = None  # a park introducing a list of its clusters, and its block
        self.earlier: Piece | None = None  # the sentence before the one being read, in the same paragraph
        # clusters a sentence counts without naming them (加快四大产业集群…): how many items may still
        # name them, the zone the sentence is about, and the block it was in
        self.counted: tuple[int, Entity | None, int] | None = None
        self.counting_zone = False  # the zone of ``counted`` is the subject that counted them
        self.counted_level: tuple[str, float] | None = None  # the level the sentence gave the clusters it counted

    # -- evidence and entities ----------------------------------------------------------------
    def evidence(self, piece: Piece) -> Evidence:
        return Evidence(
            paragraph=piece.paragraph, start=piece.start, end=piece.end, quote=self.doc.text[piece.start : piece.end]
        )

    def _table(self, kind: str) -> dict[str, Entity]:
        return {"cluster": self.clusters, "zone": self.zones, "firm": self.firms, "project": self.projects}[kind]

    def entity(self, kind: str, name: str, ev: Evidence, written: str | None = None) -> Entity:
        table = self._table(kind)
        key = self._find(table, name)
        if key is None:
            key = name
            table[key] = Entity(kind, name)
        ent = table[key]
        if written and written != ent.name:
            ent.aliases.add(written)
        if name != ent.name:
            ent.aliases.add(name)
        if ev not in ent.evidence:
            ent.evidence.append(ev)
        return ent

    def _find(self, table: dict[str, Entity], name: str) -> str | None:
        if name in table:
            return name
        for key, ent in table.items():
            if name in ent.aliases:
                return key
        return None

    # -- clusters -------------------------------------------------------------------------------
    def add_cluster(
        self, m: Mention, ev: Evidence, *, zone: str | None = None, places: list[Division] | None = None
    ) -> Entity | None:
        name = m.name
        aliases: set[str] = set()
        if (num := re.match(r"\d+(?=[\u4e00-\u9fff])", name)) and place_begins(name[num.end() :]):
            name = name[num.end() :]  # …跻身中国产业集群50湾沚区通航…: a number run into a place's cluster
        if "()" in name:
            aliases.add(name)
            name = name.replace("()", "")  # 智能家电()集群: an empty bracket the page left
        if (pointer := _POINTER.match(name)) and len(name) - pointer.end() >= 4:
            # 该纺织集群: the cluster already named (鸿闽纺织产业集群), pointed at, not a new one
            rest = name[pointer.end() :]
            core = rest.removesuffix("产业集群").removesuffix("集群")
            named = [c for c in self.clusters.values() if core and core in c.name]
            found = named[0] if len(named) == 1 else (self.last_cluster if not named else None)
            if found is not None:
                if ev not in found.evidence:
                    found.evidence.append(ev)
                return found
            name = rest
        bare = self.resolver.strip_place(m.industry or name)
        if (
            m.via not in ("bracket", "counted")
            and not self.placed  # (a reading of the place's one 特色产业集群, which is named by the place)
            and is_generic(bare, LEXICON.cluster_generic, False)
            and bare not in LEXICON.one_character_trades  # 乳产业集群
        ):
            return None  # a place and nothing else: 广州、深圳等5个集群
        if self.traditional:
            as_written = normalise_name(self.doc.text[m.start : m.end])
            if m.ending and m.ending[0] >= m.end:  # a list item: its head and the shared ending
                as_written += normalise_name(self.doc.text[m.ending[0] : m.ending[1]])
            if as_written != name:
                aliases.add(as_written)
        if (
            m.ending
            and m.ending[0] > m.start
            and (
                q := _COUNTED_QUALIFIER.search(
                    fold(self.doc.text[max(0, m.ending[0] - 12) : m.ending[0]], self.traditional)
                )
            )
            and not is_generic(q.group(1), LEXICON.cluster_generic, False)
            and q.group(1) not in name  # (三个百亿新材料产业集群: the name's own words, no qualifier)
            and name.endswith(ending := fold(self.doc.text[m.ending[0] : m.ending[1]], self.traditional))
        ):
            # (五个百亿自主产业集群: each item is also named with the list's qualifier, 能源系统自主产业集群)
            aliases.add(name[: -len(ending)] + q.group(1) + ending)
        end = m.ending[1] if m.ending and m.ending[0] >= m.end else m.end
        if name.endswith("集群") and (
            title := _TITLE_AFTER.match(fold(self.doc.text[end : end + 6], self.traditional))
        ):
            aliases.add(name + title.group(0))
        # 打造世界级绿色石化产业集群 / 新材料世界级产业集群: the rank a plan gives it is how plans name it too
        if normalise_name(self.doc.text[max(0, m.start - 3) : m.start]) == "世界级" and name.endswith("集群"):
            aliases.add("世界级" + name)
        elif "世界级" in (written := normalise_name(self.doc.text[m.start : m.end])) and name.endswith("产业集群"):
            aliases.add(written)
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
        if not lead and not name.endswith(("集群", "基地")) and (carrier := base_carrier(name)):
            lead = self.resolver.leading_places(carrier)  # 电子信息·深圳坪山区: the carrier's place
        if not lead and m.written and m.written.endswith(")"):
            lead = self.resolver.leading_places(m.written)  # 陶瓷产业集群(醴陵市): the place in brackets
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
            and not name.startswith(("市", "省"), len(short))  # 天津市纺织: a municipality is its own city
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
        elif m.target_yi is not None and ent.target_yi is None:
            ent.target_yi = m.target_yi  # 某产业集群营业收入突破1000亿元: a target without a level word
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
            # (晋江、石狮、南安鞋服产业集群 and 鞋服产业集群: the bare name is none of the places' in particular)
            placed = [
                n
                for n in names
                if n != short
                and n in self.clusters
                and _unmarked(self.resolver.strip_place(n)) == _unmarked(short)
                and self.resolver.leading_places(n)
            ]
            if len({tuple(self.resolver.leading_places(n)) for n in placed}) > 1 and not ent.places:
                continue
            for long in names:
                other = self.clusters.get(long)
                if other is None or other is ent:
                    continue
                stripped = self.resolver.strip_place(long)
                # (健康食品特色产业集群, the title a place's 健康食品产业集群 was given, is that cluster too)
                same = _unmarked(stripped) == _unmarked(short)
                # 晋江市鞋服产业集群 / 晋江鞋服产业集群: the same place written two ways, the same industry
                same = same or (
                    bool(set(ent.places) & set(other.places))
                    and _unmarked(self.resolver.strip_place(short)) == _unmarked(stripped)
                )
                if same and (not ent.places or set(ent.places) & set(other.places)):
                    self._merge(ent, other)
                    del self.clusters[long]
        # 绿色石化 / 石化, 先进装备制造 / 装备制造: a cluster named with and without a qualifier is one
        for key in list(self.clusters):
            ent = self.clusters.get(key)
            if ent is None or not ent.industry:
                continue
            bare = _QUALIFIER.sub("", ent.industry)
            if bare == ent.industry or len(bare) < 2:
                continue
            twin = next(
                (o for o in self.clusters.values() if o is not ent and o.industry == bare and o.places == ent.places),
                None,
            )
            if twin is not None:
                self._merge(twin, ent)
                del self.clusters[key]
        # a base the text also names as a zone or project is that zone or project
        for key in list(self.clusters):
            ent = self.clusters[key]
            if ent.name.endswith("基地") and (self._find(self.zones, ent.name) or self._find(self.projects, ent.name)):
                del self.clusters[key]
        # 清洁能源产业基地 / 清洁能源产业集群: the base of an industry whose cluster the text names is
        # the zone that carries the cluster; so is a base the state designated (宝鸡国家新材料高技术产业
        # 基地, 国家火炬计划…产业基地) and a base named for no industry (辽宁(营口)沿海产业基地)
        clustered = any(re.search(r"集群$", c.name) for c in self.clusters.values())
        for key in list(self.clusters):
            ent = self.clusters.get(key)
            if ent is None or not re.search(r"基地$", ent.name):
                continue
            trade = self.resolver.strip_place(
                _BASE_TITLE.sub("", re.sub(r"\([^()]*\)", "", self.resolver.strip_place(ent.industry or "")))
            )
            twins = [
                o
                for o in self.clusters.values()
                if o is not ent
                and not re.search(r"基地$", o.name)
                and (
                    _trade_key(o.industry) == _trade_key(ent.industry)
                    or (len(t := _trade_key(self.resolver.strip_place(o.industry or ""))) >= 2 and t in trade)
                )
            ]
            # (中国新兴纺织产业基地, a title a county was given, names no place: no zone of its own)
            designated = _BASE_TITLE.search(ent.name) is not None and bool(
                ent.places or not ent.name.startswith("中国")
            )
            # (钦州石化产业基地 in a text of …产业集群: a place's base among named clusters is where one lies)
            placed_base = bool(ent.places) and clustered
            if (
                not twins
                and not designated
                and not placed_base
                and not is_generic(trade or "产业", LEXICON.cluster_generic | _REGION_WORDS)
            ):
                continue
            zone = self.entity("zone", ent.name, ent.evidence[0])
            zone.aliases |= ent.aliases
            zone.evidence += [e for e in ent.evidence if e not in zone.evidence]
            zone.places += [d for d in ent.places if d not in zone.places]
            if (
                len(twins) == 1
            ):  # (a base whose trade several clusters share is linked to none: which, the text does not say)
                twin = twins[0]
                twin.links["zone"].setdefault(zone.name, ent.evidence[0])
                if _trade_key(twin.industry) == _trade_key(ent.industry):
                    twin.aliases.add(ent.name)  # (建设医药工业产业示范基地: plans call the cluster by its base too)
                for kind, links in ent.links.items():
                    for k, v in links.items():
                        twin.links[kind].setdefault(k, v)
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
        self.merge_one_cluster()
        bare_names = Counter(self.resolver.strip_place(c.name) for c in self.clusters.values())
        for ent in self.clusters.values():
            if not ent.places:
                zone_places = [d for z in ent.links["zone"] for d in self.zones[z].places] if ent.links["zone"] else []
                if zone_places:
                    ent.places = zone_places[:1]
                elif self.home is not None:
                    ent.places = [self.home]
            # the name as a reader elsewhere would write it: with its place, and with 集群 alone
            if ent.places and not self.resolver.leading_places(ent.name) and "·" not in ent.name:
                ent.aliases.add(ent.places[0].short + ent.name)
            if ent.name.endswith("产业集群"):
                ent.aliases.add(ent.name[: -len("产业集群")] + "集群")
            # 德州乐陵五金机械产业集群, in the text after as 五金机械产业集群 (when no other cluster is)
            bare = self.resolver.strip_place(ent.name)
            if self.resolver.leading_places(ent.name) and len(bare) >= 5 and bare_names[bare] == 1:
                ent.aliases.add(bare)
            if ent.name.endswith("板块产业集群"):
                ent.aliases.add(ent.name[: -len("产业集群")])  # A板块、B板块三大产业集群: each part as written
            if ent.name.endswith("特色产业集群") and len(ent.name) >= 8:
                ent.aliases.add(ent.name[: -len("特色产业集群")] + "产业集群")  # the title, said plainly
            if ent.name.endswith("产业创新集群"):
                ent.aliases.add(ent.name[: -len("产业创新集群")] + "产业集群")  # the kind of cluster, said plainly
            if ent.level:
                ent.aliases.add(ent.level + ent.name)
                ent.aliases.add(ent.level.removesuffix("级") + ent.name)  # 打造500亿食品饮料产业集群
                if ent.name.endswith("产业集群"):
                    # 北滘镇家电千亿产业集群: the level written between the industry and the ending
                    for word in {ent.level, ent.level.removesuffix("级")}:
                        ent.aliases.add(ent.name[: -len("产业集群")] + word + "产业集群")

    def _merge(self, into: Entity, other: Entity) -> None:
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
                if (lead := self.resolver.leading_places(full.name)) and full.name.startswith(lead[0].name):
                    # 遂川县工业园区 and 遂川工业园区: a place written with and without its 县
                    shortened = _zone_key(lead[0].short + full.name[len(lead[0].name) :])
                    if shortened == ks:
                        self._rename("zone", short, full)
                        break
                if kf == ks or (kf.endswith(ks) and len(ks) >= 5 and self.named_before(full.name, short.name, kf, ks)):
                    self._rename("zone", short, full)
                    break

    def named_before(self, full: str, short: str, kf: str, ks: str) -> bool:
        """Whether zone ``full`` is ``short`` with its place before it (乌鲁木齐甘泉堡经开区) or with the zone
        it lies in (西宁经济技术开发区南川工业园区 and 南川工业园区)."""
        if not self.resolver.strip_place(kf[: len(kf) - len(ks)]):
            return True
        return full.endswith(short) and full[: len(full) - len(short)].endswith(LEXICON.zone_suffixes)

    def _rename(self, kind: str, other: Entity, into: Entity) -> None:
        table = self._table(kind)
        self._merge(into, other)
        del table[other.name]
        for c in self.clusters.values():
            if other.name in c.links[kind]:
                ev = c.links[kind].pop(other.name)
                c.links[kind].setdefault(into.name, ev)

    def cut_zone_before_firms(self, zone_names: list[str]) -> None:
        """A firm's legal name after the zone it is in (在某经济技术开发区某工业园区某能源股份有限公司年产…项目
        现场): the zone, named by the text or the tail of one it names, is where the firm is, no part of
        its name."""
        for name in list(self.firms):
            ent = self.firms.get(name)
            if ent is None or not _LEGAL_END.search(name):
                continue
            cut = next(
                (
                    k
                    for k in range(len(name) - 6, 3, -1)
                    if name[:k].endswith(LEXICON.zone_suffixes)
                    and any(z.endswith(name[:k]) for z in zone_names)
                    and not name[:k].endswith(name[k:])  # (the tail of a zone is no firm of its own)
                ),
                None,
            )
            if cut is None:
                continue
            into = self.firms.get(own := name[cut:]) or self.entity("firm", own, ent.evidence[0])
            self._rename("firm", ent, into)
            for project in self.projects.values():
                project.firms = list(dict.fromkeys(own if f == name else f for f in project.firms))

    def merge_one_cluster(self) -> None:
        """A text about one cluster calls it in full once (鸿闽纺织产业集群) and by its trade elsewhere
        (…于一体的纺织产业集群, 该纺织集群): when every other cluster's trade ends the full one's, they
        are all that one."""
        if len(self.clusters) < 2:
            return

        core = {
            c.name: _POINTER.sub("", self.resolver.strip_place(c.name))
            .removesuffix("产业集群")
            .removesuffix("集群")
            .removesuffix("产业")
            for c in self.clusters.values()
        }
        full = max(self.clusters.values(), key=lambda c: len(core[c.name]))
        whole = core[full.name]
        if len(whole) < 3 or not all(
            c is full or (len(core[c.name]) >= 2 and whole.endswith(core[c.name]) and core[c.name] != whole)
            for c in self.clusters.values()
        ):
            return
        for other in [c for c in self.clusters.values() if c is not full]:
            self._merge(full, other)
            del self.clusters[other.name]

    def consolidate(self) -> None:
        """One entity per thing: a zone or firm named in full with (以下简称Y) and elsewhere as Y."""
        self.merge_zone_short_forms()
        # 某市某县120万吨焦化项目 and 120万吨焦化项目: a project named with and without its places
        for name in list(self.projects):
            bare = self.resolver.strip_place(name)
            bare = _TOWN_LEAD.sub("", bare) if len(bare) > 8 else bare  # …太平镇某酒厂…项目: a town, then the name
            if bare != name and (short := self.projects.get(bare)) is not None and name in self.projects:
                self._rename("project", self.projects[name], short)
        zone_names = sorted({n for z in self.zones.values() for n in (z.name, *z.aliases)}, key=len, reverse=True)
        for name in list(self.projects):
            ent = self.projects.get(name)
            if ent is None:
                continue
            # 某县工业园某某产业园仓储中心项目: where the project is, then the project's own name
            where = next((z for z in zone_names if name.startswith(z) and len(name) - len(z) >= 6), None)
            if where is None and place_begins(name) and (park := _PARK_FIRST.match(name)):
                where = park.group(0)  # (a park the text names nowhere else: a place, then a zone's ending)
            if where is not None:
                ent.aliases.add(name[len(where) :])  # (and one with the name alone is the same project)
            # 某基地二期项目 and 某基地项目: one project, of which a phase is being built
            if (ph := _PHASE_IN_NAME.match(name)) and len(ph.group(1)) >= 4:
                whole = ph.group(1) + "项目"
                if (other := self.projects.get(whole)) is not None:
                    self._rename("project", ent, other)
                    continue
                ent.aliases.add(whole)
            # 某某新能源有限公司年产500MW…项目 and 某某新能源项目: the firm's project, called by the firm
            if (legal := _FIRM_PROJECT.match(name)) and (other := self.projects.get(legal.group(1) + "项目")):
                self._rename("project", other, ent)
        self.cut_zone_before_firms(zone_names)
        # 黑龙江某某有限公司 and 某某有限公司: one firm, known by its full legal name
        for name in sorted(self.firms, key=len, reverse=True):
            shorter = next(
                (
                    b
                    for b in self.firms
                    if len(b) >= 4 and b != name and name.endswith(b) and not self.resolver.strip_place(name[: -len(b)])
                ),
                None,
            )
            if shorter is not None and name in self.firms:
                self._rename("firm", self.firms[shorter], self.firms[name])
                self.firms[name].aliases.add(shorter)
                for project in self.projects.values():
                    project.firms = list(dict.fromkeys(name if f == shorter else f for f in project.firms))
        # 河南昊韵乐器有限公司 and 昊韵: a short name is the core of one legal name (after its place)
        # (not a group the country knows, 比亚迪: its subsidiaries are firms of their own)
        for core in [
            n for n in self.firms if 2 <= len(n) <= 8 and not _LEGAL_END.search(n) and n not in LEXICON.known_firms
        ]:
            registered = [
                n
                for n in self.firms
                if n != core and _LEGAL_END.search(n) and self.resolver.strip_place(n).startswith(core)
            ]
            if len(registered) == 1 and core in self.firms:
                self.firms[registered[0]].aliases.add(core)
        for kind in ("zone", "firm", "project"):
            table = self._table(kind)
            for name in list(table):
                ent = table.get(name)
                if ent is None:
                    continue
                for alias in sorted(ent.aliases):  # (in one order, whatever the run: merges order evidence)
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

    def title_cluster(self) -> Entity | None:
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

    def of_industry(self, c: Entity, words: set[str]) -> bool:
        if not words:
            return False
        if (industry := self._bare_industry.get(c.industry or "")) is None:
            industry = self._bare_industry.setdefault(c.industry or "", self.resolver.strip_place(c.industry or ""))
        if len(industry) == 1 and industry in LEXICON.one_character_trades:
            return industry in words  # 铝产业集群 and 拉动了铝产业快速发展: a trade of one character, as it is
        return len(industry) >= 2 and any(
            len(w) >= 2 and (industry == w or industry.endswith(w) or w.endswith(industry)) for w in words
        )

    def other_industry(self, sentence: str, clusters: list[Entity]) -> bool:
        """Whether a sentence opens with the label of an industry none of ``clusters`` is of
        (电子信息及软件业,建成…: in an item about an equipment base, that sentence speaks of another trade)."""
        label = _TRADE_LABEL.match(fold(sentence, self.traditional))
        if label is None:
            return False
        words = {normalise_name(w) for w in re.split(r"及|和|与|、", label.group(1)) if len(w) >= 2}
        return not any(self.of_industry(c, words) for c in clusters)

    def cluster_of_industry(self, sentence: str) -> Entity | None:
        """The one cluster whose industry the sentence speaks of (…传感器产业的主要承载地 →
        渭滨区压力传感器产业集群), or None when it names none or several."""
        words = self.industry_words(sentence)
        found = [c for c in self.clusters.values() if self.of_industry(c, words)]
        if not found:
            # 推动食品产业提档升级 for the 食品加工产业集群: the trade the cluster's industry starts with
            found = [
                c
                for c in self.clusters.values()
                if any(
                    len(w) >= 2
                    and (ind := self.resolver.strip_place(c.industry or "")).startswith(w)
                    and len(ind) <= len(w) + 2
                    for w in words
                )
            ]
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

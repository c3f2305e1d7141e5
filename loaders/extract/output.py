"""Stage 5d: facts out — entities written as the review format, with the document's header."""

from __future__ import annotations

import re

from clusterkg.loaders.places import Division
from clusterkg.loaders.plan.document import PlanDocument
from clusterkg.text import normalise_name

from .entities import Entity, EntityStore
from .facts import ClusterFacts, DocumentFacts, Facts, FirmFacts, LinkEvidence, Place, PlaceRef, ProjectFacts, ZoneFacts
from .lexicon import LEXICON
from .mentions import is_generic
from .mentions.common import _industry_vocabulary, has_trade_word, trade_words
from .segments import Segmented, fold

# 涉及新材料、新能源汽车、生物医药等7条产业链: a statement spread over several industries
_MANY_INDUSTRIES = re.compile(r"、[^、。;,]{2,12}等[\d一二三四五六七八九十]+(?:条|个|大)(?:产业链|产业|领域|行业)")
# 涉及医药、医美、环保等领域 / 行业领军企业: a list of trades, or firms that lead their own trades
_MANY_TRADES = re.compile(
    r"[\u4e00-\u9fff]{2,4}、[\u4e00-\u9fff]{2,4}、[^,。;]{2,20}?等(?:领域|行业|产业)|行业领军|各行业"
)
# 产业集群突破40亿元 / 该集群以…: a cluster spoken of by its kind alone, at a clause's start
_UNNAMED_CLUSTER = re.compile(r"(?:^|[,;。:!])\s*(?:该|这一|这个|本)?(?:产业)?集群(?![化式])")
# words of many trades at once (智能工厂, 新材料, 生物材料): no one cluster's by themselves
_LOOSE_TRADE_WORDS = frozenset(
    {"智能", "高端", "材料", "新材料", "制造", "产品", "服务", "系统", "配套", "生物", "医药"}
)
_INDUSTRY_LABEL = re.compile(r"^\s*在?([\u4e00-\u9fff]{2,10}?)(?:产业|行业)(?:\s*[:：]|方面|(?:发展)?上,)")
_FIRM_LEGAL = re.compile(r"(股份有限公司|有限责任公司|集团有限公司|有限公司|股份公司|集团公司|总公司|公司)$")
_TITLE = re.compile(r"《([^《》]{4,80})》")
_TITLE_LINE = re.compile(r"(意见|方案|规划|计划|通知|名单|办法|纲要|公示|公告|决定|报告)(\([^()]*\))?$")
_ISSUER = re.compile(
    r"^(.{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|委员会|管委会|信息化厅|工信厅|厅|局))$"
)
_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日")


def _header(doc: PlanDocument) -> tuple[str | None, str | None, str | None]:
    title = issuer = date = None
    own = normalise_name(doc.title or "")
    if len(own) <= 60 and _TITLE_LINE.search(own):
        title = own  # the file's own title (.docx/.xlsx properties, <title>) when it is a document's title
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


_PAREN_END = re.compile(r"\([^()]*\)$")  # 郑州家具产业园(登封): the place in brackets refines the name


class FactsWriter(EntityStore):
    """The entities found, written out as the review format's facts."""

    def zone_place_aliases(self, ent: Entity) -> None:
        """吴忠市金积工业园区 is also written 吴忠金积工业园区, and 通辽市开鲁县生物医药开发区 is the
        开鲁县生物医药开发区 of that city: the zone's name with its city shorter or left out."""
        lead = self.resolver.leading_places(ent.name)
        if lead and lead[-1].level == "county" and not _PAREN_END.search(ent.name):
            # 九龙坡西彭园区, 蒙阴县孟良崮工业园: a park's own name after its county's (西彭园区)
            rest = self.resolver.strip_place(ent.name)
            ending = next((z for z in LEXICON.zone_suffixes if rest.endswith(z)), "")
            own = rest[: len(rest) - len(ending)]
            if len(own) >= 2 and not is_generic(own, LEXICON.zone_generic, False) and not own.startswith("("):
                ent.aliases.add(rest)
        if not lead or lead[0].level != "city" or not ent.name.startswith((lead[0].name, lead[0].short)):
            return
        # (永州蓝山县…产业园: the city by its short name before the county)
        rest = ent.name[len(lead[0].name if ent.name.startswith(lead[0].name) else lead[0].short) :]
        if len(rest) < 4:
            return
        if lead[0].short != lead[0].name:
            ent.aliases.add(lead[0].short + rest)
        if len(lead) > 1 and lead[1].level == "county" and lead[1].parent_code == lead[0].code:
            ent.aliases.add(rest)

    def other_trade(self, cluster: Entity, name: str) -> bool:
        """Whether a park's name holds trade words, none of them the cluster's (纺织产业园 for an
        装备制造产业集群): a park of another trade."""
        words = [w for w in trade_words() if len(w) >= 2 and w in name and w not in _LOOSE_TRADE_WORDS]
        if not words:
            return False
        industry = self.resolver.strip_place(cluster.industry or cluster.name)
        if industry and industry in name:
            return False  # (蒙牛乳业产业园 for the 乳产业集群: its trade, written with its ending)
        own = [w for w in trade_words() if len(w) >= 2 and w in industry and w not in _LOOSE_TRADE_WORDS]
        return not any(w in industry or any(w in o or o in w for o in own) for w in words)

    def cluster_of_name(self, name: str) -> Entity | None:
        """The one cluster whose industry holds a trade word the name holds (电池 of 储能电池项目 and
        新能源电池产业集群, 光伏 of 某光伏科技有限公司 and 光伏新能源产业集群), or None when none or
        several do."""
        words = [w for w in trade_words() if len(w) >= 2 and w in name and w not in _LOOSE_TRADE_WORDS]
        found = {
            c.name
            for c in self.clusters.values()
            if any(w in self.resolver.strip_place(c.industry or c.name) for w in words)
        }
        return self.clusters[found.pop()] if len(found) == 1 else None

    def of_its_trade(self, cluster: Entity, paragraph: int, alone: bool = False) -> bool:
        """Whether a paragraph speaks of the trade of ``cluster`` (纺织 for the 现代纺织产业集群); with
        ``alone``, of no other trade (not 涉及医药、环保、食品等领域 … 医药健康产业: firms of many trades)."""
        if paragraph >= len(self.doc.paragraphs):
            return False
        trade = re.sub(
            r"^(?:现代|高端|绿色|新型|先进|特色|优势)", "", self.resolver.strip_place(cluster.industry or "")
        )
        text = fold(self.doc.paragraphs[paragraph].text, self.traditional)
        if len(trade) < 2:
            return False
        if trade not in text:
            # (光伏制造全产业链 for the 光伏装备产业集群: the trade's own word, not its qualifier or its 装备)
            # (新能源 is too little of 新能源动力机车及零部件 to say the paragraph is of that trade)
            words = [
                w for w in _industry_vocabulary() if len(w) >= 2 and 2 * len(w) >= len(trade) and trade.startswith(w)
            ]
            if not words or not any(w in text for w in words):
                return False
            trade = max(words, key=len)
        others = {w for w in self.industry_words(text) if has_trade_word(w) and trade not in w and w not in trade}
        return not (alone and (others or _MANY_TRADES.search(text)))

    def topic_zone(self) -> Entity | None:
        """The zone a text is about: named first, before any cluster, in its opening paragraphs, and
        more often than any other zone (a zone's news, profile or signing report), or None."""
        zones = [z for z in self.zones.values() if z.evidence]
        clusters = [c for c in self.clusters.values() if c.evidence]
        if not zones or not clusters or len(clusters) > 8:
            return None  # (a list of many places' clusters is about none of its zones)
        first = min(zones, key=lambda z: min(e.start for e in z.evidence))
        opens = min(e.start for e in first.evidence)
        if (
            len(first.evidence) < 2  # (named once, it is one of the text's places, not its topic)
            or min(e.paragraph for e in first.evidence) > 2
            or opens > min(e.start for c in clusters for e in c.evidence)
            or any(len(z.evidence) >= len(first.evidence) for z in zones if z is not first)
        ):
            return None
        return first

    def host_unzoned_clusters(self) -> None:
        """记者从某经济技术开发区获悉,近年来开发区…形成A、B产业集群: in a text about one zone, the clusters
        named with no zone of their own are that zone's (not a province's or another place's)."""
        if (host := self.topic_zone()) is None:
            return
        for c in self.clusters.values():
            if (
                not c.links["zone"]
                and c.evidence
                and not any(d.level == "province" for d in c.places)
                # (a cluster of another place, 某县X产业集群 in a list a zone's news quotes, is not the zone's)
                and (not c.places or not host.places or set(c.places) & set(host.places))
                # (浦东新区培育A产业集群: a sentence about another place's clusters)
                and not (
                    (lead := self.resolver.leading_places(c.evidence[0].quote.lstrip()))
                    and not set(lead) & set(host.places)
                )
            ):
                c.links["zone"].setdefault(host.name, c.evidence[0])

    def speaks_of_the_cluster(self, paragraph: int) -> bool:
        """Whether a paragraph speaks of a cluster without naming it (产业集群突破40亿元, 该集群…)."""
        if paragraph >= len(self.doc.paragraphs):
            return False
        return _UNNAMED_CLUSTER.search(fold(self.doc.paragraphs[paragraph].text, self.traditional)) is not None

    def facts(self, seg: Segmented) -> Facts:
        self.drop_credited()
        for table in (self.zones, self.firms, self.projects):
            for key in [k for k, e in table.items() if len(e.name) < 2]:
                # (a name a rule cut to one character is no name: kept out, and said)
                gone = table.pop(key)
                self.warnings.append(f"{gone.kind} {gone.name!r} is too short to be a name; left out")
                for c in self.clusters.values():
                    c.links[gone.kind].pop(gone.name, None)
                for p in self.projects.values():
                    p.firms = [f for f in p.firms if f != gone.name or gone.kind != "firm"]
                self.unattached = [(m, ev) for m, ev in self.unattached if m.name != gone.name or m.kind != gone.kind]
        for ent in self.firms.values():
            short = _FIRM_LEGAL.sub("", ent.name)
            if short != ent.name and len(short) >= 2:
                ent.aliases.add(short)
            if short.endswith("集团") and len(short) >= 4 and not is_generic(short[:-2], LEXICON.cluster_generic):
                ent.aliases.add(short[: -len("集团")])  # 伊利集团 is the 伊利 named elsewhere
            if ent.name.endswith("集团公司") and len(ent.name) > 6:
                ent.aliases.add(ent.name[: -len("公司")])  # 某集团公司 is 某集团
            for n in list(ent.aliases | {ent.name}):
                if n.startswith("中国") and len(n) >= 5:
                    ent.aliases.add(n[2:])  # 中国一汽集团公司 is the 一汽集团 named elsewhere
        for ent in self.zones.values():
            self.zone_place_aliases(ent)
        self.consolidate()
        self.finish_clusters()
        in_paragraph: dict[int, list[Entity]] = {}
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
            # (与A、B等11家企业签约,涉及新材料、新能源汽车等7条产业链: firms of many industries, no
            # one cluster's in particular)
            many = _MANY_INDUSTRIES.search(ev.quote) is not None
            by_industry = None if many else self.cluster_of_industry(ev.quote)
            label = (
                _INDUSTRY_LABEL.match(fold(self.doc.paragraphs[m.paragraph].text, self.traditional))
                if m.paragraph < len(self.doc.paragraphs)
                else None
            )
            if (
                not many
                and len(lone) == 1
                and lone[0].evidence
                # (a park named for another trade, 某纺织产业园 in a text of an 装备制造产业集群, is not its)
                and not (m.kind == "zone" and self.other_trade(lone[0], m.name))
                # (a project of a text about one cluster is its, wherever it is told; firms and zones
                # named before the cluster may be the place's others)
                and (
                    m.kind == "project"
                    or min(e.start for e in lone[0].evidence) <= m.start
                    # (firms and zones named before it, in a paragraph about its trade: 现代纺织招商推介会…与A、B签约)
                    or self.of_its_trade(lone[0], m.paragraph, alone=m.kind == "firm")
                    # (…等四朵“金花”相继扎根清丰,产业集群突破40亿元: the paragraph speaks of the cluster unnamed)
                    or self.speaks_of_the_cluster(m.paragraph)
                )
                and (label is None or self.of_industry(lone[0], {normalise_name(label.group(1))}))
            ):
                # (a paragraph labelled with another industry, 轻工食品产业:依托…, is not about the one cluster)
                # a text about one cluster: what it names after stating the cluster is the cluster's
                lone[0].links[m.kind].setdefault(table[self._find(table, m.name) or m.name].name, ev)
            elif by_industry is not None:
                # 在A、B两家龙头企业的带动下,锂电新能源产业实现产值…: the cluster of that industry
                by_industry.links[m.kind].setdefault(table[self._find(table, m.name) or m.name].name, ev)
            elif not many and (
                # (电子信息及软件业,建成某软件园: a sentence labelled with another trade is not the cluster's)
                (len(here) == 1 and not self.other_industry(ev.quote, here))
                or here
                # (firms and projects of an item naming many clusters, 钨、稀土、氟盐化工和脐橙…, are
                # no one's in particular; a zone there carries them all)
                and (len(here) <= 2 or m.kind == "zone")
                and m.paragraph in self.items
                and m.via != "subject"
                and not self.other_industry(ev.quote, here)
            ):
                # a paragraph about one cluster (…等项目。这预示着…正在形成光伏产业集群), or a numbered
                # item, which is one statement however many sentences it runs to: its firms, zones and
                # projects are its clusters', wherever in it they are named (not a firm that is the
                # subject of its own sentence, 某某纺机荣获…: the item praises it, not as a member)
                for c in here:
                    c.links[m.kind].setdefault(table[self._find(table, m.name) or m.name].name, ev)
            elif (
                m.kind in ("project", "firm")
                # (a sentence naming clusters that left the project to none said so: 随着A园等项目落地,…培育四大产业集群)
                and not any(e.start == ev.start for c in self.clusters.values() for e in c.evidence)
                and (of_name := self.cluster_of_name(m.name)) is not None
            ):
                # 某某20吉瓦时磷酸铁锂储能电池项目 in a text of a 新能源电池产业集群 (or 某光伏科技有限公司 and a
                # 光伏新能源产业集群): the one cluster whose industry holds a word of the trade the name holds
                of_name.links[m.kind].setdefault(table[self._find(table, m.name) or m.name].name, ev)
            else:
                self.warnings.append(
                    f"paragraph {m.paragraph}: {m.kind} {m.name!r} is named in no cluster's statement; kept without a cluster"
                )
        self.host_unzoned_clusters()
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
            ProjectFacts(
                name=p.name,
                aliases=sorted(p.aliases - {p.name}),
                firms=p.firms,
                zones=sorted(p.links["zone"]),
                evidence=p.evidence,
            )
            for p in self.projects.values()
        ]
        # named places of the text, and every place's ancestors, so each code has its city
        for _, _, d in self.text_places:
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
        if (
            last
            and not re.search(r"[。.;；!！?？:：)）”\"|]$", last)
            and not re.search(r" \| |\t|\S {3,}\S", last)  # a table's last row ends with no stop
        ):
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

"""Stage 5c: attachment — each statement's mentions attached to the cluster it speaks of.

The general reading of a plan of the genre: :func:`~.segments.segment` the document, read the
mentions of every sentence and table row (:mod:`.mentions`), resolve places (:mod:`.resolve`),
then attach: a firm, zone or project belongs to the cluster its sentence names; in a sentence
that names none, to the cluster of its numbered item or heading; in a section (or document)
about one cluster, to that cluster. What attaches to nothing is kept, with a warning.

The entities themselves (merging by name and alias) are kept by :mod:`.entities`, table rows are
read by :mod:`.rows`, and :mod:`.output` writes the facts; this module reads sentences.

>>> from clusterkg.loaders.plan.document import read_plan  # doctest: +SKIP
>>> extract_general(read_plan("plan.txt")).clusters[0].name  # doctest: +SKIP
'汽车及零部件产业集群'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from clusterkg.loaders.places import Division, NationalGazetteer
from clusterkg.loaders.plan.document import PlanDocument
from clusterkg.text import normalise_name

from .entities import _YEAR, Entity, _zone_key
from .facts import Facts
from .lexicon import LEXICON
from .mentions import (
    CODED_CLUSTERS,
    COUNTED_CLUSTERS,
    Mention,
    _cut_head,
    among_counted,
    appositive_cluster,
    base_carrier,
    canonical_cluster,
    cluster_mentions,
    coded_clusters,
    counted_clusters,
    counted_list_clusters,
    demonstration_bases,
    firm_mentions,
    industry_clusters,
    is_generic,
    level_of,
    partitioned_clusters,
    place_begins,
    project_mentions,
    represented_clusters,
    subject_cluster,
    zone_mentions,
)
from .mentions.common import _CN_NUM, _LEVEL_RX
from .output import FactsWriter, in_document_script
from .rows import TableRows
from .segments import Block, Piece, Segmented, cn_int, segment, sentences

_ALSO_CALLED = re.compile(r"\((?:以下简称|以下称|下称|简称)\s*[\"“]?([^()\"”]{2,20})[\"”]?\)")
_INDUSTRY_HEADING = re.compile(r"^([\u4e00-\u9fff]{2,10}?)(?:产业|行业|工业)(?=$|[。.])")
_INLINE_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]是|其[一二三四五六]|[①-⑳]|\(\d{1,2}\)|\d{1,2}[.、](?!\d))")
_ALONE = re.compile(r"[\u4e00-\u9fff()]+(?:产业集群|集群|产业基地)[。.]?")
# 一是煤电化产业 / 2.新材料产业 / (三)装备制造产业: an item titled by an industry and nothing more
_ITEM_INDUSTRY = re.compile(
    r"^\s*(?:[一二三四五六七八九十]是|其[一二三四五六]|\(?[一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十\d]{1,2}[、.])?"
    r"\s*([\u4e00-\u9fff]{2,10}?)(?:产业|行业)\s*[。.:]?$"
)
# 提高产业协同创新能力, 推动产业基础高级化: a task a plan sets itself, not a project it builds
_TASK = re.compile(
    r"(?:提高|提升|推动|推进|加快|加强|促进|完善|优化|强化|深化|健全|构建|培育|壮大|发展|实施)"
    r"(?![^,;。]*(?:项目|工程|基地|产业园|生产线|工厂|中心|\d))"
)
# …3个千亿级产业集群  1.甲汽车  2.乙装备: a list's number right before an item, and an item that is one name
_NUMBER_BEFORE = re.compile(r"(?:^|[\s:])\d{1,3}[.、]?\s*$")
_BARE_INDUSTRY = re.compile(r"\s*([\u4e00-\u9fff]{2,14})\s*")
# 纺织化纤产业:依托…: a paragraph labelled with an industry (after a sentence counting clusters, one of them)
_LABEL_INDUSTRY = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}?)(?:产业|行业)\s*:")
# 聚焦建设全国重要的新能源电池产业基地目标 / 聚焦建设“世界光伏之都”: the base or capital of a trade a paragraph builds
_BASE_GOAL = re.compile(
    r"^\s*(?:聚焦|围绕|着力|加快)?(?:建设|打造)(?:[\u4e00-\u9fff]{0,8}的)?(?:[“\"](?:世界|全国|中国|全球)?)?"
    r"([\u4e00-\u9fff]{2,10}?)(?:产业基地|之都[”\"]?)"
)
_CODED_MAX = 12  # the items after a coded set that may be its clusters
# 2.装备制造,以…为核心: an item whose title, before its first comma or colon, is an industry
_ITEM_TITLE = re.compile(r"^\s*([\u4e00-\u9fff]{2,12})[,:]")
# 汽车产业方面, / 在新材料领域,: a paragraph opened by the industry it is about
_TOPIC_OPENER = re.compile(
    r"^\s*(?:(?:在)?([\u4e00-\u9fff]{2,10}?)(?:产业|行业)?(?:方面|领域)[,:]|在([\u4e00-\u9fff]{2,10}?)(?:产业链|链条)上)"
)
# 为北京现代、长安福特等大企业…配套: a list of the firms supplied (为 right before the list, 配套 after it)
_SERVED_BEFORE = re.compile(r"为(?!龙头|核心|主|引领|链主|代表|重点|支撑|依托|骨干)(?:[^,;:、为。]{2,20}、)*$")
_SERVED_AFTER = re.compile(r"^(?:、[^,;:、。]{2,20})*等?[^,;:。]{0,12}?配套")
_THIS_CLUSTER = re.compile(r"该集群|该产业集群|这一集群|这个集群")
# 实现产值500亿元 / 达到营业收入1.2万亿元: the figure a goal names
_STATED_TARGET = re.compile(
    r"(?:达到|突破|超过|实现|达)(?:(?:总)?产值|营业收入|营收|主营业务收入|销售收入|产业规模|规模)?(?:约|近)?"
    r"(\d+(?:\.\d+)?)\s*(万亿|亿)元"
)
_GOAL_WORDS = re.compile(r"到20\d\d年|力争|目标|预计|计划")
_THIS_PROJECT = re.compile(r"(?:该|此|这一|这个)项目")
_THESE_PROJECTS = re.compile(r"(?:这批|这些|此批|上述|以上)(?:重点|重大|签约)?项目")
_PROJECT_FIRM = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?(?:集团|控股|铝业|石化|科技|电子|电气|实业|重工|药业|乳业|钢铁|化工|通讯|股份))(?![\u4e00-\u9fff]{0,1}(?:产业|园|基地|集群|城))"
)
_FIRM_BRACKET = re.compile(r"^([\u4e00-\u9fff]{2,6})\([\u4e00-\u9fffA-Za-z]{2,8}\)(?=[\u4e00-\u9fff]{4})")
_NOT_BUILDER = re.compile(
    r"(新建|建设|实施|推进|加快|产业|项目|工程|基地|园区|年产|新增|扩建|技改|高端|智能|绿色|新型|一体化|全产业链|二次)"
)


_CLUSTER_END = re.compile(r"(?:特色)?(?:产业)?集群$")


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with characters left out (石化 of 石油化工), in order.

    >>> _abbreviates("石化", "石油化工"), _abbreviates("化石", "石油化工")
    (True, False)
    """
    rest = iter(full)
    return all(c in rest for c in short)


def _builder_of(name: str) -> str | None:
    """The firm a project is named after: ``中复神鹰年产…项目`` → 中复神鹰, ``天合光能青海基地…`` →
    天合光能 (a short firm name, then the output it adds or the place it builds in)."""
    for k in range(2, min(6, len(name) - 4) + 1):
        head, rest = name[:k], name[k:]
        if (
            rest.startswith("年产")
            or re.match(r"\d+(?:\.\d+)?\s*(?:GWh|GW|MW|万吨|万台|万辆|万套|亿)", rest)
            or (k == 4 and re.match(r"[A-Z]{3,}", rest) is not None)  # 某某光显AMOLED…基地: a product's code
            or (place_begins(rest) and not place_begins(head))
        ):
            if head in LEXICON.known_firms:
                return head  # 宁德时代50GWh…: a firm the lexicon knows, though its name begins with a place
            if place_begins(head) or _NOT_BUILDER.search(head) or not re.fullmatch(r"[\u4e00-\u9fff]+", head):
                return None
            return head
    return None


_LEGAL_NAME = re.compile(r"^[\u4e00-\u9fff()]{4,24}?(?:股份有限公司|有限责任公司|集团有限公司|有限公司)")
_SIGNED_BY = re.compile(r"与([^,;。与]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团))(?:签订|签约|签署)$")
_SPREAD_OVER = re.compile(r"(?<!\()(?:主要)?(?:分布在|分布于|集中在|集中于|布局在|位于)[:：]?([^,;。()]{2,40})")
_BARE_ZONE = re.compile(
    r"(?:^|[,;:。])\s*(?:该|本|全)?(高新区|经开区|开发区|综保区|新区|示范区|集聚区|工业园区|园区|工业园)(?=[\u4e00-\u9fff])"
)


# what may stand before a sentence's subject: a time or a connective (近年来, 2023年以来, 同时)
_SUBJECT_LEAD = re.compile(
    r"(?:(?:近年来|目前|截至目前|当前|今年以来|近期|同时|此外|其中|另外|\d{4}年(?:\d{1,2}月)?(?:以来)?"
    r"|[“”\"\u4e00-\u9fff\d]{1,10}(?:以来|期间|期末|时期))\s*,?\s*)?(?:该|全)?"
)


# a heading over a list of projects, and the name an item of it opens with
_PROJECT_TITLE = re.compile(r"(?:重点|重大)?(?:项目|工程)(?:清单|表|库|名单|一览)?$")
_ITEM_NAME = re.compile(r"^\s*([^。;:,()]{4,40}?)\s*(?=[。;:,(]|$)")


# a count of clusters followed by a colon: the list of them follows (形成了如下八大产业集群:)
_UMBRELLA_LIST = re.compile(r"[\d一二三四五六七八九十两]+(?:大|个)[\u4e00-\u9fff]{0,8}?(?:产业集群|产业群|集群)\s*:")


# a goal, not a figure reached: 到2025年 / 力争 / 预计 / 目标 with the amount
_TARGET_CUE = re.compile(r"(?:到|至|力争|预计|目标|计划)(?:20\d\d年)?[^。;]{0,24}?(?:达到|突破|超过|实现|达)\d")
# 某区重点培育A、B等集群: a place, then what it does for the clusters it lists
_PLACE_SUBJECT = re.compile(
    r"^\s*(?P<place>[\u4e00-\u9fff]{2,12}?)(?:要|将|还|也|正)?(?:重点|着力|加快|大力|积极)?"
    r"(?:培育|打造|发展|做强|做大|壮大|布局|聚焦)"
)
# 以平板显示、LED等为重点的: what the cluster is mainly of, no part of its generic name
_FOCUS_OF = re.compile(r"以[^,;:。]{1,40}?为(?:重点|主导|核心|主体|龙头|特色|主)的?")
# 已形成…产业集群 / 打造千亿级新产业集群: what a zone or place is said to form, by the ending alone
_FORMS_CLUSTER = re.compile(
    r"(?:形成|打造|建成|培育|构建|崛起|发展成为?|成为)(?:了|成)?"
    rf"(?P<qual>(?:{_FOCUS_OF.pattern})?[^,;:。、]{{0,24}}?)(?P<end>产业集群|集群)"
    r"(?![\u4e00-\u9fff]{0,2}(?:化|式|发展|效应|优势|之|名单|称号))"
)
# between the places that open a sentence and its verb: a colon, time or manner words
_SUBJECT_GAP = re.compile(r"[:\s]*(?:已|正|将|要|还|也|全力|加快|着力|努力|逐步|大力|积极|重点|力争|正在)*")
# between a place and the verb of what it forms, the trade that is the subject: 工艺美术产业围绕“
_TRADE_SUBJECT = re.compile(
    r"(?P<trade>[\u4e00-\u9fff]{2,8}?)(?:产业|行业)(?:围绕[“\"]?|(?:已|正|将|要|力争|全力|加快|着力|努力|逐步|大力|积极|重点|正在)+)"
)
# a clause that opens with its verb: its subject is the one before (…;打造百亿级B产业集群)
_SUBJECTLESS = re.compile(
    r"^\s*(?:在[^,;。]{1,20}?(?:的同时|的基础上|过程中),)?(?:同时|此外|并|还|也)?(?:加快|大力|着力|积极)?"
    r"(?:打造|培育|建设|发展|壮大|形成|做强|推动)"
)


# a sentence that is a paragraph's title: (place)(what it does)(industry)产业
_TOPIC_INDUSTRY = re.compile(r"^([\u4e00-\u9fff]{2,26}?)(?:产业|行业)$")
_TOPIC_VERBS = re.compile(
    r"^(?:做强做优|做大做强|做优做强|发展壮大|培育壮大|加快发展|大力发展|全力|大力|着力|加快|聚力)+"
)


class _Reader(TableRows, FactsWriter):
    """Reads a segmented plan statement by statement, attaching what each names to its cluster."""

    # -- statements -----------------------------------------------------------------------------
    def read(self, seg: Segmented) -> None:
        table_rows = {id(b): t for t in seg.tables for b in t.blocks}
        scope: dict[int, Entity | None] = {}  # block index → the cluster its heading/item is about
        for i, block in enumerate(seg.blocks):
            if block.kind == "continued":
                continue  # read with the row it finishes
            if block.kind == "row" and id(block) in table_rows:
                self.read_row(block, table_rows[id(block)], self.section_cluster(seg, i, scope))
                continue
            pieces = list(block.cells) if block.kind == "row" else sentences(block)
            self.subject_zone = None
            self.opening_zone = None
            self.paragraph_start = pieces[0].start if pieces else -1
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
            own: Entity | None = None
            owns: set[str] = set()  # the clusters the block's statements were about, one after another
            topical = False
            if block.kind == "heading":
                self.headed = None  # a numbered heading opens a section of its own
                self.heading_run = False
            if block.kind == "heading" and (
                hm := _INDUSTRY_HEADING.match(normalise_name(block.folded[block.body_offset :]))
            ):
                self.section_industry = hm.group(1)
            for n, piece in enumerate(pieces):
                inline = n > 0 and _INLINE_ITEM.match(piece.text) is not None
                if inline:
                    own = None  # 一是…形成汽车产业集群。二是…: each inline item is its own statement
                if n == 0 and block.kind == "heading" and not cluster_mentions(piece, self.chains):
                    own = self.cluster_by_head(piece.text)
                elif n == 0 and (
                    (block.kind == "item" and (title := _ITEM_TITLE.match(piece.text)))
                    or (block.kind != "heading" and (title := _TOPIC_OPENER.match(piece.text)))
                ):
                    # 2.装备制造,以某产业园、某经开区为核心… / 汽车产业方面,某区依托…: an item or a paragraph
                    # that opens with a cluster's industry is about that cluster
                    own = self.cluster_by_head(title.group(title.lastindex or 1))
                fallback = own or self.section_cluster(seg, i, scope) or self.headed
                in_list = n == 0 and block.marker is not None and self.project_section(seg, i)
                self.earlier = pieces[n - 1] if n > 0 else None
                named = self.read_sentence(piece, fallback=fallback, in_list=in_list)
                if self.list_host is None and (host := self.introduces_list(piece)) is not None:
                    self.list_host = (host, i)
                if self.list_host is not None:
                    # 某园区…形成了六大产业群: 1. A产业集群 … 2. B产业集群 …: the park hosts every member
                    for c in named:
                        c.links["zone"].setdefault(self.list_host[0].name, self.evidence(piece))
                if named and (counted := self.counted) is not None and counted[1] is not None:
                    self.counted_host(piece, i, named, counted)
                # (…3个千亿级产业集群  1.甲汽车  2.乙装备 …: an item of a numbered list after a count)
                numbered = n > 0 and _NUMBER_BEFORE.search(block.folded, 0, piece.start - block.para.start) is not None
                named = named or self.counted_item(
                    piece, i, first=(n == 0 and block.marker is not None) or inline, label=n == 0, bare=numbered
                )
                if n == 0 and not named and block.kind != "heading" and (topic := self.topic_sentence(piece)):
                    own = topic  # 某县做强做优A产业。…: a paragraph opened by the industry of one cluster
                    topical = True
                if (n == 0 or inline) and len(named) == 1:
                    own = named[0]  # a heading, item, inline item or paragraph that opens by naming one cluster
                elif own is not None and len(named) == 1 and block.kind != "heading":
                    own = named[0]  # …打造A集群,…;打造B集群,…: what follows is about B, the cluster now spoken of
                elif len(named) == 1 and _ALONE.fullmatch(piece.text) and len(piece.text) <= 30:
                    own = named[0]  # 食品加工产业集群。引进了…: a name standing as a sentence heads what follows
                if own is not None:
                    owns.add(own.name)
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
            if topical:
                self.headed = own  # …and the paragraphs after it, until the next heading or such sentence
            # (一是A产业。…二是B产业。…: a block about several clusters in turn heads none of them)
            scope[i] = own if len(owns) <= 1 else None

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

    def introduces_list(self, piece: Piece) -> Entity | None:
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

    def counted_item(self, piece: Piece, i: int, first: bool, label: bool = False, bare: bool = False) -> list[Entity]:
        """某经开区加快四大产业集群…。一是煤电化产业。…二是新材料产业。: a sentence that counts clusters
        without naming them, then items titled by an industry, one per cluster: the item's cluster,
        hosted by the zone the counting sentence is about."""
        if self.counted is not None and (i - self.counted[2] > 4 or self.counted[0] <= 0):
            self.counted = None
        coded = CODED_CLUSTERS.search(piece.text)  # 打造“142”重点产业集群: clusters named by a code
        if ((count := COUNTED_CLUSTERS.search(piece.text)) or coded) and not cluster_mentions(piece, self.chains):
            found = zone_mentions(piece)
            zones = {z.name for z in found}
            key = self._find(self.zones, next(iter(zones))) if len(zones) == 1 else None
            # (打造“142”重点产业集群: a plan's code for its clusters, however many it has)
            n = (cn_int(count.group(1)) or 0) if count else _CODED_MAX
            self.counted = (n, self.zones[key] if key else None, i)
            # (培育3个千亿级产业集群: the level of each one it counts)
            self.counted_level = level_of(lv.group(0)) if count and (lv := _LEVEL_RX.search(count.group(0))) else None
            z = found[0] if key else None
            # (某经开区拟打造5个…集群 / 记者从某经开区获悉,该区将打造5个…集群: the zone counting them is the
            # subject, not a carrier of a place's programme, 以某园区为载体,以十大…集群建设为重点)
            self.counting_zone = z is not None and (
                bool(_SUBJECT_LEAD.fullmatch(re.split(r"[,;:]", piece.text[: piece.index(z.start)])[-1]))
                or re.search(
                    r"(?:^|[,;])(?:该区|该开发区|该园区|全区)[^,;。]*$", piece.text[: count.start()] if count else ""
                )
                is not None
            )
            return []
        if (
            self.counted is None
            or not (
                (first and (title := _ITEM_INDUSTRY.match(piece.text)))
                or (label and (title := _LABEL_INDUSTRY.match(piece.text)))
                # (聚焦建设全国重要的新能源电池产业基地目标,… / 聚焦建设“世界光伏之都”的目标: the base or the
                # capital of a trade a paragraph after the count builds names its cluster)
                or (label and (title := _BASE_GOAL.match(piece.text)))
                # (an item of a numbered list run into one line, the industry and nothing more: 2.新能源)
                or (
                    (first or bare)
                    and (title := _BARE_INDUSTRY.fullmatch(piece.text))
                    and _cut_head(title.group(1)) == title.group(1)
                    and not is_generic(title.group(1), LEXICON.cluster_generic)
                    # (1 农畜产品加工 蓄势勃发: a section's industry and its slogan, set apart by a space)
                    and not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", self.doc.text[piece.start : piece.end])
                )
            )
        ):
            return []
        head = title.group(1)
        if is_generic(head + "产业", LEXICON.cluster_generic) or _cut_head(head) != head:
            return []
        left, host, _ = self.counted
        self.counted = (left - 1, host, i)
        # the item's industry, where it stands, at the level the count gave them all
        ms = industry_clusters(piece, [(title.start(1), head)], self.counted_level)
        ent = self.add_cluster(ms[0], self.evidence(piece))
        if ent is None:
            return []
        if host is not None:
            ent.links["zone"].setdefault(host.name, self.evidence(piece))
        return [ent]

    def counted_host(self, piece: Piece, i: int, named: list[Entity], counted: tuple[int, Entity | None, int]) -> None:
        """某经开区拟打造5个百亿级产业集群。…打造百亿级A产业集群。: clusters named soon after a zone
        counted them, in sentences naming no zone of their own, are those it counted and hosts."""
        left, host, at = counted
        if host is None or not self.counting_zone or left <= 0 or i - at > 4 or zone_mentions(piece):
            return
        for c in named[:left]:
            c.links["zone"].setdefault(host.name, self.evidence(piece))
        self.counted = (left - len(named), host, i)

    def topic_sentence(self, piece: Piece) -> Entity | None:
        """The cluster a short sentence opening a paragraph is about when it only names an industry
        with what the place does for it (开鲁县做强做优玉米生物科技产业。)."""
        text = normalise_name(piece.text.strip().rstrip("。.!"))
        if len(text) > 30 or not (m := _TOPIC_INDUSTRY.match(text)):
            return None
        head = self.resolver.strip_place(_cut_head(m.group(1))) or ""
        head = _TOPIC_VERBS.sub("", head)
        return self.cluster_by_head(head) if len(head) >= 2 else None

    def cluster_by_head(self, heading: str) -> Entity | None:
        """The cluster a heading names without its ending: 【合肥新型显示】, 3. 古镇灯饰."""
        text = normalise_name(re.sub(r"^[【\[]|[】\]。:]+$", "", heading.strip()))
        text = re.sub(r"^(?:做强|做优|做大|壮大|培育|发展|提升|打造)", "", text.split(":")[0])
        text = re.sub(r"(?:产业链|产业|集群)$", "", text)
        if len(text) < 2:
            return None
        for ent in self.clusters.values():
            for n in (ent.name, *ent.aliases):
                if n in (text + "产业集群", text + "集群", text + "特色产业集群", text + "产业创新集群", text):
                    return ent
        # 石油化工产业方面 for the 石化产业集群: the industry written in full, the cluster named by its
        # abbreviation (its first character, then characters of the full words in order); 新能源汽车及零部件
        # 产业方面 for the 汽车及零部件产业集群: the one whose industry ends it; 在输变电产业链上… for the
        # 输变电装备制造产业集群: the one whose industry begins with it. Each reading names one cluster only
        readings: tuple[Callable[[str], bool], ...] = (
            lambda head: 2 <= len(head) < len(text) and head[0] == text[0] and _abbreviates(head, text),
            lambda head: len(head) >= 3 and text.endswith(head) and len(head) < len(text),
            lambda head: head.startswith(text) and len(head) > len(text),
        )
        heads = [
            (ent.name, _CLUSTER_END.sub("", n)) for ent in self.clusters.values() for n in (ent.name, *ent.aliases)
        ]
        for reads in readings:
            found = {name for name, head in heads if reads(head)}
            if len(found) == 1:
                return self.clusters[found.pop()]
        return None

    def section_cluster(self, seg: Segmented, i: int, scope: dict[int, Entity | None]) -> Entity | None:
        j = seg.blocks[i].section
        while j >= 0:
            if scope.get(j) is not None:
                return scope[j]
            j = seg.blocks[j].section
        return None

    def read_sentence(self, piece: Piece, fallback: Entity | None, in_list: bool = False) -> list[Entity]:
        ev = self.evidence(piece)
        projects = project_mentions(piece)
        if in_list and not projects and (item := _ITEM_NAME.match(piece.text)):
            # an item of a box or section of projects (专栏 某某集群重点项目 / 1.某某智能工厂项目。): its name
            name = normalise_name(item.group(1))
            if not is_generic(name, LEXICON.project_generic) and not _TASK.match(name):
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
        # 石油化工·某经济技术开发区: a demonstration base's carrier, when a zone, is a zone of the text
        bases = demonstration_bases(piece)
        for base in bases:
            carrier = base_carrier(base.name)
            if carrier.endswith(LEXICON.zone_suffixes):
                e = piece.index(base.end)
                zones = [z for z in zones if not base.start <= z.start < base.end]
                zones.append(Mention("zone", carrier, piece.at(e - len(carrier)), base.end, piece.paragraph))
        zones.sort(key=lambda z: z.start)
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
        found = cluster_mentions(piece, self.chains, self.placed)
        counted_items = [] if self.chains else counted_list_clusters(piece)
        for group in sorted({m.group for m in counted_items}):
            items = [m for m in counted_items if m.group == group]
            end = (items[0].ending or (0, 0))[1]
            if len(in_span := [m for m in found if group <= m.start < end]) < len(items):
                # A、B、C等8个超千亿元、具有较强竞争力的产业集群: the list's items, where the first reading
                # found fewer (or none); what it found of an item stays, what names no item goes
                kept = [m for m in in_span if any((x.industry or "") in m.name for x in items)]
                found = [m for m in found if m not in in_span or m in kept] + [
                    x for x in items if not any((x.industry or "") in m.name for m in kept)
                ]
        if represented := represented_clusters(piece):
            # 以A与B为代表的X业,以C、D为代表的Y业…四大产业集群: each trade one cluster, with its clause's firms
            a, b = represented[0].ending or (0, 0)
            found = represented + [m for m in found if not a <= m.start < b]
        if bases:
            # 新材料(电池材料)·某新区 | 五星: a list's bases, whatever else the line seems to name
            found = bases + [m for m in found if not any(b.start <= m.start < b.end for b in bases)]
        if not found and self.earlier is not None:
            # 围绕A、B、C三大主导产业…。目前,三大主导产业集群已初具规模: the clusters the sentence before counted
            found = counted_clusters(piece, self.earlier)
        if not found:
            # 打造“4+6”产业集群,做强A、B、C、D四大…产业…: the code's counted industries; 某市医药产业…已形成
            # 百亿级产业集群: the industry the sentence is about; …千亿产业集群——高端化工产业: the one after a dash
            found = (
                coded_clusters(piece)
                or partitioned_clusters(piece)
                or subject_cluster(piece)
                or appositive_cluster(piece)
                or among_counted(piece)
                or (self.formed_cluster(piece, zones) if self.formed else [])
            )
        cms = [
            m
            for m in found
            if not (self.one_of(piece, m) and len(found) > 1)  # (莆田是…千亿产业集群之一: its own, unnamed)
            and not (
                (m.name.endswith("基地") and any(a <= m.start and m.end <= b for a, b in listed))
                or any(a <= m.start and m.end <= b for a, b in built)  # 腾讯互联网+产业集群、…等项目建设
            )
        ]
        named: list[Entity] = []
        spans: list[tuple[int, int, Entity]] = []
        groups: dict[int, list[Entity]] = {}  # the clusters of one 、-list, by its group
        group_of: dict[int, int] = {}  # id(cluster) → its list's group
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
        subject = self.subject_place(piece) if cms else None
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
            if subject is not None and m.group >= 0 and not self.resolver.leading_places(m.name):
                # 芜湖市鸠江区重点培育A、B、C等集群 / 弋江区重点培育D、E等集群: the place the sentence is
                # about owns each cluster it lists, and names it (two districts' 智能家电 are two clusters)
                written_place, division = subject
                owned = {m.name, normalise_name(division.name + m.name)}
                m = replace(
                    m,
                    name=normalise_name(written_place + m.name),
                    written=normalise_name(division.name + (m.written or m.name)),
                )
            else:
                owned = set()
            ent = self.add_cluster(m, ev, places=shared_place or None)
            if ent is None:
                continue
            ent.aliases |= owned - {ent.name}
            spans.append((m.start, m.end, ent))
            if m.group >= 0:
                groups.setdefault(m.group, []).append(ent)
                group_of[id(ent)] = m.group
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
            if target is not None and target.target_yi is None and _TARGET_CUE.search(piece.text):
                # (三)做强A产业集群。…,到2025年产业规模突破2000亿元: the item's goal is its cluster's target
                self.stated_target(target, piece)
                if target.target_yi is not None and (y := _YEAR.search(piece.text)):
                    target.target_year = int(y.group(1))
        if named and (bare := _BARE_ZONE.search(piece.text)):
            # 高新区打造百亿级节能环保产业集群: the zone a report is about, called by its kind
            word = bare.group(1)
            home = [z for z in self.zones.values() if word in z.aliases]  # (以下简称"开发区")
            home = home or [
                z
                for z in self.zones.values()
                if (
                    _zone_key(z.name).endswith(_zone_key(word))
                    or z.name.endswith((word, word + "区"))
                    or (word == "园区" and z.name.endswith("园"))  # 某科技园…。园区形成了…: the park
                )
                and len(z.name) > len(word) + 1
            ]
            if len(home) > 1 and self.opening_zone is not None and self.opening_zone in home:
                home = [
                    self.opening_zone
                ]  # 湖南某工业园区始建于…。园区…形成了…产业集群: the park the paragraph opened with
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
            if self.last_project is not None and not projects and _THIS_PROJECT.search(piece.text):
                # 该项目…将为打造某产业集群注入新动能: the project just named serves the cluster
                named[0].links["project"].setdefault(self.last_project.name, ev)
            if not named[0].places and (where := _SPREAD_OVER.search(piece.text)):
                # 某产业集群主要分布在十堰市、襄阳市和随州市 / 集中在宜昌、荆门两市: where the cluster is
                for d in self.resolver.places_in(where.group(1)):
                    if d.level != "province" and d not in named[0].places:
                        named[0].places.append(d)
        if named and not projects and _THESE_PROJECTS.search(piece.text):
            # 这批项目的签约,将壮大A产业集群和B产业集群: the projects the sentence before named serve them
            for c in named:
                for p in self.recent_projects:
                    c.links["project"].setdefault(p.name, ev)
        prior: tuple[Mention, Entity] | None = None  # the zone just read, for its bracketed second name
        host: Entity | None = None  # the zone the sentence is about, hosting all its clusters
        if projects:
            self.recent_projects = []  # the projects of the latest sentence that names any
        for m in others:
            if m.kind != "zone" and any(a <= m.start and m.end <= b for a, b in in_names):
                continue
            if m.kind == "zone" and prior is not None and self.second_name(piece, prior[0], m):
                # 某某经济技术开发区(某省国家高新技术产业开发区): one zone under two names
                first = prior[1]
                first.aliases.add(m.name)
                if also := _ALSO_CALLED.match(piece.text, piece.index(m.end) + 1):
                    first.aliases.add(normalise_name(also.group(1)))
                continue
            ent = self.entity(m.kind, self.own_name(m), ev, m.name if m.kind == "zone" else None)
            if ent.name != m.name and m.kind in ("firm", "project"):
                m = replace(m, name=ent.name)  # (kept unattached, it is found later by the name it was given)
            if m.kind == "zone":
                prior = (m, ent)
                if (
                    self.subject_zone is None
                    and not named
                    and m is zones[0]
                    and self.resolver.strip_place(m.name)
                    and _SUBJECT_LEAD.fullmatch(re.split(r"[,;:]", piece.text[: piece.index(m.start)])[-1])
                ):
                    # “十四五”期间,某经开区依托…。在巩固…的同时,积极打造A、B产业集群: the zone a sentence of the
                    # paragraph opened with stays the subject of the clauses after it that have none
                    self.subject_zone = ent
                if (
                    piece.start == self.paragraph_start
                    and self.opening_zone is None
                    and len(piece.text[: piece.index(m.start)].strip()) <= 3  # (湖南)某工业园区始建于…
                ):
                    self.opening_zone = ent  # the zone a paragraph opens with
            if self.traditional:
                as_written = normalise_name(self.doc.text[m.start : m.end])
                if as_written != ent.name:
                    ent.aliases.add(as_written)
            if m.kind in ("zone", "project") and m.written and m.written != ent.name:
                ent.aliases.add(m.written)  # 山东淄博高新区 written with its province, 某项目二期 with its phase
            rel = piece.index(m.end)
            if also := _ALSO_CALLED.match(piece.text, rel):
                ent.aliases.add(normalise_name(also.group(1)))
            if m.kind == "project":
                self.last_project = ent
                self.recent_projects.append(ent)
                # 与某有限公司签订某项目投资协议: the firm that signed for the project builds it
                if (
                    (signer := _SIGNED_BY.search(piece.text, 0, piece.index(m.start)))
                    and (firm := self._find(self.firms, normalise_name(signer.group(1))))
                    and self.firms[firm].name not in ent.firms
                ):
                    ent.firms.append(self.firms[firm].name)
                if ent.name.endswith("项目") and len(ent.name) > 6:
                    ent.aliases.add(ent.name[: -len("项目")])  # 某某中心项目 is the 某某中心 being built
                elif m.via == "list" and not ent.name.endswith(("项目", "工程")):
                    # 引进北星、璞泰来等项目: 北星 is the 北星项目 too; so is 某县甲一期硅材料 of 某县甲一期硅材料、
                    # 乙储能装备制造等项目
                    ent.aliases.add(ent.name + "项目")
                if (
                    m.via == "list"
                    and (lead := self.resolver.leading_places(ent.name))
                    and ent.name.startswith(lead[0].name)  # (the division's full name, 瓜州县, not 兴城)
                    and len(unplaced := ent.name[len(lead[0].name) :]) >= 4
                    and not is_generic(unplaced, LEXICON.project_generic)
                ):
                    # 瓜州县宝丰一期硅材料: a list's project named with its county is also named without it
                    ent.aliases.add(unplaced)
                    if not unplaced.endswith(("项目", "工程")):
                        ent.aliases.add(unplaced + "项目")
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
            if m.kind == "firm" and self.served(piece, m):
                # 为A、B等大企业配套: the cluster's customers, kept as firms and linked to no cluster
                self.warnings.append(
                    f"paragraph {m.paragraph}: {ent.name} is named as a firm supplied (为…配套); not linked"
                )
                continue
            inside = [c for a, b, c in spans if a <= m.start and m.end <= b]
            if m.kind == "zone" and inside and (g := group_of.get(id(inside[0]), -1)) >= 0:
                # 苏州高新区高端装备制造、新一代信息技术三大产业集群: the zone before a list is every item's,
                # but an item that opens with a place of its own (某开发区A、乙区B等产业集群) is that place's
                placed = {
                    id(c)
                    for a, b, c in spans
                    if self.resolver.leading_places(piece.text[piece.index(a) : piece.index(b)])
                }
                for c in groups[g]:
                    if c is inside[0] or id(c) not in placed:
                        c.links["zone"].setdefault(ent.name, ev)
                continue
            owner = inside[0] if inside else target
            if owner is None and m.kind == "project" and m.industry:
                owner = self.cluster_by_head(m.industry)  # 集成电路重点项目,包括A、B: that trade's cluster
            if len(named) > 1 and not inside:
                if (
                    m.kind == "zone"
                    and self.resolver.strip_place(m.name)
                    and self.zone_is_subject(piece, m, zones, cms)
                ):
                    # 济宁高新区充分发挥A集群优势,B集群被评为…: the zone the sentence is about hosts them all
                    for c in named:
                        c.links["zone"].setdefault(ent.name, ev)
                    host = ent
                    continue
                if m.kind == "zone" and host is not None and self.located(piece, m):
                    # 某产业园位于某经开区内,重点发展A、B产业集群: the zone it lies in carries them too
                    for c in named:
                        c.links["zone"].setdefault(ent.name, ev)
                    continue
                if m.kind == "zone" and host is not None and all(c.end <= m.start for c in cms):
                    # 某开发区已形成A、B产业集群,正在建设甲产业园、乙产业园: the parks the host builds after
                    # naming its clusters are its own, no one cluster's
                    self.unattached.append((m, ev))
                    continue
                owner = self.clause_cluster(piece, named, cms, m) or self.nearest(named, cms, m)
                if owner is None and (
                    (
                        m.kind in ("project", "zone")
                        and (
                            all(c.end <= m.start for c in cms)
                            # (A园、B园等一批重大项目落地,…着力培育A、B、C、D、E五大产业集群: a place's
                            # projects, then its whole set of clusters, no one serving the other)
                            or (self.listed_after(cms, m) and len(named) <= 3)
                        )
                    )
                    or (
                        m.kind == "firm"
                        and m.via == "list"
                        and (self.one_list_before(cms, m) or self.listed_after(cms, m))
                    )
                ):
                    # 建设A基地、B基地和C集群,推进X、Y等重点项目建设: the sentence's projects and zones serve them
                    # all; so do the firms it lists before or after one list of clusters (围绕A、B两大产业集群、
                    # C和D两大龙头企业 / 以C、D为龙头的A、B等产业集群)
                    one = self.cluster_of_name(ent.name) if m.kind in ("firm", "project") else None
                    # (打造新能源汽车、装备制造、节能环保3个产业集群,引入小鹏汽车、某新能源电池…: a name of
                    # one of them's trade is that one's)
                    owners = [one] if one in named else named
                    if (
                        m.kind == "zone"
                        and (zone_places := self.resolver.leading_places(m.name))
                        and any(c.places for c in named)
                    ):
                        # 甲县A、乙县B等产业集群…,甲县某园、乙县某城等园区相继崛起: a park of one cluster's place
                        # is that cluster's; a park of a place none of them has is none of theirs
                        owners = [c for c in named if set(c.places) & set(zone_places)]
                    elif (
                        m.kind in ("zone", "project")
                        and one not in named
                        and len(named) >= 4
                        and all(c.end <= m.start for c in cms)
                        and not any(e.paragraph == m.paragraph and e.start < piece.at(0) for e in ent.evidence)
                    ):
                        # 3个千亿级A、B产业集群,5个百亿级C、D…产业集群,“六园区”则是推动某高新区…: a park (or a
                        # project of none of their trades) after many clusters, not the paragraph's topic before,
                        # is the place's, no one cluster's
                        owners = []
                    for c in owners:
                        c.links[m.kind].setdefault(ent.name, ev)
                    if not owners:
                        self.unattached.append((m, ev))
                    continue
            if owner is not None:
                owner.links[m.kind].setdefault(ent.name, ev)
            else:
                self.unattached.append((m, ev))
        return named

    @staticmethod
    def served(piece: Piece, m: Mention) -> bool:
        """Whether firm ``m`` is in a list the clause says is supplied (拥有为A、B等大企业配套的企业53户):
        the firms are customers of the cluster's firms, not its members."""
        at, end = piece.index(m.start), piece.index(m.end)
        return bool(
            _SERVED_BEFORE.search(piece.text, max(0, at - 60), at) and _SERVED_AFTER.match(piece.text[end : end + 60])
        )

    @staticmethod
    def one_of(piece: Piece, m: Mention) -> bool:
        """Whether ``m`` is followed by 之一: the class a thing belongs to (…是66个集群中的新材料
        产业集群之一, 三个千亿产业园之一), not a cluster or zone of its own."""
        return piece.text.startswith("之一", piece.index(m.end))

    def clause_cluster(self, piece: Piece, named: list[Entity], cms: list[Mention], m: Mention) -> Entity | None:
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
        and is its only zone before them (…持续打造,四川天府新区形成A、B两个千亿级产业集群,C…; 某开发区已形成
        A、B产业集群,正在建设甲产业园: the parks it builds come after)."""
        last = max((c.end for c in cms), default=m.end)
        if any(z.name != m.name and z.start < last and not _Reader.located(piece, z) for z in zones) or any(
            c.start < m.end for c in cms
        ):
            return False
        before = piece.text[: piece.index(m.start)]
        clause = re.split(r"[,;:]", before)[-1]
        return bool(_SUBJECT_LEAD.fullmatch(clause))

    def formed_cluster(self, piece: Piece, zones: list[Mention]) -> list[Mention]:
        """The cluster a zone or place is said to form, named by it and the ending as written (火炬产业区
        已形成高新技术产业集群 → 火炬产业区高新技术产业集群; 某省某市某区:打造千亿级新产业集群 →
        某区千亿级新产业集群): the zone named last before the verb, or the places (and trade) the clause
        opens with, or, in a clause that names none, the zone the text opened with."""
        text = piece.text
        if not (m := _FORMS_CLUSTER.search(text)):
            return []
        qual = _FOCUS_OF.sub("", m.group("qual"))
        lv = _LEVEL_RX.search(qual)
        rest = re.sub(r"的|规模|世界级|国家级|省级", "", _LEVEL_RX.sub("", qual))
        if rest and not is_generic(rest, LEXICON.cluster_generic):
            return []  # (…形成了汽车零部件产业集群: a name of its own, which the first reading reads)
        if re.search(rf"[\d{_CN_NUM}几多]+(?:大|个|类)|中小企业|先进制造业", qual):
            return []  # 培育五大产业集群, 打造中小企业特色产业集群: several clusters, or a programme's title
        before = [
            z
            for z in zones
            if piece.index(z.end) <= m.start() and not re.search(r"[,;:]", text[piece.index(z.end) : m.start()])
        ]
        if before:
            subject = before[-1].name
        else:
            # the clause's subject: places that open it (当前,某市…: after its lead-in)
            c0 = max(text.rfind(p, 0, m.start()) for p in ",;") + 1
            c0 += len(text[c0:]) - len(text[c0:].lstrip())
            lead = self.resolver.find(text[c0 : m.start()])
            run: list[tuple[int, int, Division]] = []
            for s, e, d in lead:
                if s != (run[-1][1] if run else 0):
                    break
                run.append((s + c0, e + c0, d))
            if not run and not lead and (opening := self.opening_zone_of_text()) is not None:
                # 记者来到某开发区的某产业飞地…。目标是打造…产业集群: a clause with no subject, the zone the
                # text opened with
                subject = opening.name
            elif not run or run[-1][2].level == "province":  # (贵州省着力打造…: a province's programme)
                return []
            else:
                subject = text[run[-1][0] : run[-1][1]]
            if run and (tail := text[run[-1][1] : m.start()]) and not _SUBJECT_GAP.fullmatch(tail):
                # 某市工艺美术产业围绕“打造千亿产业集群…”: the place's trade is the subject
                if not (trade := _TRADE_SUBJECT.fullmatch(tail)) or is_generic(
                    trade.group("trade"), LEXICON.cluster_generic
                ):
                    return []
                subject += trade.group("trade")
        written = normalise_name(re.sub(r"的$", "", qual) + m.group("end"))
        name = normalise_name(subject + written)
        level = level_of(lv.group(0)) if lv else None
        return [
            Mention(
                "cluster",
                name,
                piece.at(m.start("qual")),
                piece.end_at(m.end()),
                piece.paragraph,
                written=name,
                level=level[0] if level else None,
                target_yi=level[1] if level else None,
                aliases=[written] if len(written) > len(m.group("end")) + 1 else [],
            )
        ]

    def opening_zone_of_text(self) -> Entity | None:
        """The zone a text names first, in its opening paragraphs (0-2), or None."""
        named = [z for z in self.zones.values() if z.evidence and min(e.paragraph for e in z.evidence) <= 2]
        return min(named, key=lambda z: min(e.start for e in z.evidence)) if named else None

    def subject_place(self, piece: Piece) -> tuple[str, Division] | None:
        """The county-level place a sentence opens with as the subject of what it builds (芜湖市鸠江区
        重点培育…, 无为市重点培育…): the places as written and the last of them, or None."""
        if not (subj := _PLACE_SUBJECT.match(piece.text)):
            return None
        run = subj.group("place")
        lead = self.resolver.leading_places(run)
        if not lead or self.resolver.strip_place(run) or lead[-1].level != "county":
            return None
        return normalise_name(run), lead[-1]

    @staticmethod
    def located(piece: Piece, m: Mention) -> bool:
        """Whether zone ``m`` is said to be where the subject is (某产业园位于某经济技术开发区内)."""
        return bool(re.search(r"(?:位于|地处|坐落于|坐落在|地处于)$", piece.text[: piece.index(m.start)]))

    @staticmethod
    def second_name(piece: Piece, first: Mention, m: Mention) -> bool:
        """Whether zone ``m`` is written in brackets right after zone ``first``: its other name."""
        a, b = piece.index(first.end), piece.index(m.start)
        return piece.text[a:b] == "(" and piece.text[piece.index(m.end) : piece.index(m.end) + 1] == ")"

    def own_name(self, m: Mention) -> str:
        """A firm or project name without the county (and its city) that a report puts before it
        (昔阳县山西尚太锂电科技有限公司: the firm is 山西尚太锂电科技有限公司, in 昔阳县)."""
        if m.kind == "zone" and (dot := m.name.find("·")) >= 2 and place_begins(m.name[dot + 1 :]):
            return m.name[dot + 1 :]  # 石油化工·某经济技术开发区: a demonstration base's trade, then its zone
        if m.kind == "zone":
            # 乌鲁木齐经济技术开发区(头屯河区): the district in brackets says where the zone is, not its name
            where = re.search(r"\(([^()]{2,12})\)$", m.name)
            if where and len(m.name) - len(where.group(0)) >= 4 and not self.resolver.strip_place(where.group(1)):
                return m.name[: where.start()]
            return m.name
        if m.kind not in ("firm", "project"):
            return m.name
        found = self.resolver.find(m.name)
        run = 0  # the places the name opens with, one after another (山东临沂市沂南县山东某某食品…)
        while run < len(found) and found[run][0] == (found[run - 1][1] if run else 0):
            run += 1
        for j in range(min(run, len(found) - 1)):
            (s, e, here), (s2, _, after) = found[j], found[j + 1]
            if (
                here.level == "county"
                and m.name[s:e] == here.name
                and s2 == e
                and after.level in ("province", "city")
                and (j == 0 or found[j - 1][2].level in ("province", "city"))
            ):
                return m.name[e:]  # the county (and its city) where the firm of that province is
        return m.name

    def nearest(self, named: list[Entity], cms: list[Mention], m: Mention) -> Entity | None:
        """With several clusters in one sentence, a mention belongs to the next cluster after it
        (依托…企业, 形成…产业集群) when that one is a single name, not a list."""
        after = [c for c in cms if c.start >= m.end]
        if len(after) >= 1 and (len(after) == 1 or (after[0].via != "list" and after[0].group < 0)):
            for ent in named:
                if after[0].name == ent.name or after[0].name in ent.aliases:
                    return ent
        return None

    def stated_target(self, ent: Entity, piece: Piece) -> None:
        m = re.search(r"(?:达到|突破|超过|实现|达)(\d+(?:\.\d+)?)\s*(万亿|亿)元", piece.text)
        if m is None and _GOAL_WORDS.search(piece.text):
            m = _STATED_TARGET.search(piece.text)  # 到2025年实现产值500亿元: a goal, not a figure reached
        if m:
            ent.target_yi = float(m.group(1)) * (10000.0 if m.group(2) == "万亿" else 1.0)
            lv = level_of(m.group(1) + m.group(2))
            if lv and ent.target_yi >= 100:
                ent.level = ent.level or None

    def project_firms(self, project: Entity) -> None:
        # 奋安铝业新型高端铝材…: a project named after the firm that builds it
        short = _builder_of(project.name)
        if short is None and (legal := _LEGAL_NAME.match(project.name)) and len(project.name) - legal.end() >= 2:
            short = legal.group(0)  # 江西某某酒业有限公司项目: the firm named in full, then what it builds
        if short is None and (bracketed := _FIRM_BRACKET.match(project.name)) and not place_begins(bracketed.group(1)):
            short = bracketed.group(1)  # 甲光电(乙方)液晶…项目: a firm and the group it belongs to, then what it builds
        builder = short is not None
        if short is None and (m := _PROJECT_FIRM.match(project.name)) and len(project.name) - m.end() >= 3:
            short = self.resolver.strip_place(m.group(1)) or m.group(1)  # 洛阳中兴通讯 → 中兴通讯
            if len(short) <= 2:
                short = m.group(1)  # 大庆石化: the place is the firm's name, not where it is
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


def _reread(
    doc: PlanDocument,
    gaz: NationalGazetteer,
    seg: Segmented,
    *,
    chains: bool = False,
    placed: bool = False,
    formed: bool = False,
) -> Facts:
    """The facts of a second reading of a document in which the first found no cluster."""
    reader = _Reader(doc, gaz, seg.traditional, chains=chains, placed=placed, formed=formed)
    reader.read(seg)
    return reader.facts(seg)


def _warned(found: Facts, warning: str) -> Facts | None:
    """A second reading's facts with the warning that says how they were read, or None if it found no cluster."""
    return found.model_copy(update={"warnings": [*found.warnings, warning]}) if found.clusters else None


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
        found = _reread(doc, gaz, seg, chains=True)
        for c in found.clusters:
            # (德感工业园粮油食品产业链: read as a cluster, it is the …产业集群 of that chain too)
            if (as_cluster := re.sub(r"(?:产业)?链$", "产业集群", c.name)) != c.name and as_cluster not in c.aliases:
                c.aliases.append(as_cluster)
        facts = (
            _warned(
                found,
                f"no …产业集群 named; the {len(found.clusters)} industry chains the document names are read as its clusters",
            )
            or facts
        )
    readings: tuple[tuple[dict[str, bool], str], ...] = (
        # still none: a text about a place's specialty cluster, which it names only by the place
        # (某市特色产业集群规模不断扩大,已有…规上企业): that place's one cluster, and say so
        (
            {"placed": True},
            "no cluster named by its industry; the place's 特色产业集群 the document names is read as its cluster",
        ),
        # still none: a text about what a zone or place has formed (某产业区已形成高新技术产业集群, 某区:
        # 打造千亿级新产业集群), a cluster it names by the zone or place alone
        (
            {"formed": True},
            "no cluster named by its industry; the cluster a zone or place is said to form is read as its cluster",
        ),
    )
    for reading, warning in readings:
        if not facts.clusters:
            facts = _warned(_reread(doc, gaz, seg, **reading), warning) or facts
    return in_document_script(facts, doc.text) if seg.traditional else facts

"""Mentions of clusters: …产业集群/集群/产业基地, their levels, lists sharing one ending, chains."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from clusterkg.text import normalise_name

from ..lexicon import LEXICON
from ..segments import Piece, cn_int
from .common import (
    _BOUNDARY,
    _BRIDGE_TAIL,
    _CN_NUM,
    _FIRM_LIST_END,
    _LEVEL_RX,
    _LIST_SEP,
    _NOT_CLUSTER_HEAD,
    _PART_END,
    _REGION,
    _UMBRELLA,
    Mention,
    _city_stems,
    _cut_head,
    _ends_with_place,
    _industry_vocabulary,
    _last,
    _left_head,
    _only_lead,
    _place_begins,
    _place_prefix_len,
    _shared_split,
    _split_items,
    _strip_level,
    _whole_places,
    has_trade_word,
    is_generic,
    level_of,
)

_CLUSTER_RX = re.compile("(" + "|".join(map(re.escape, LEXICON.cluster_suffixes)) + ")")
_CHAIN_RX = re.compile(
    r"(?<!全)(产业生态链|产业链)(?!长|主|办|上|下|招商|图谱|全景|供应链|链|项目|企业|配套|协同|联盟|党委|条)"
)  # (锂产品全产业链: the whole chain of a product, no chain of the plan)
# a count and a kind right before the ending: 重点发展三大建材产业集群 counts the clusters that follow
_COUNTED_KIND = re.compile(rf"[\d{_CN_NUM}]+(?:大|个|类)[\u4e00-\u9fff]{{1,6}}$")
_LEVEL_ONLY_RX = re.compile("(" + "|".join(map(re.escape, LEXICON.level_only_suffixes)) + ")")
_QUALIFIED = re.compile(
    r"^(?P<body>.*、[^、]*?)(?:等(?:[\d一二三四五六七八九十两]+[个大类])?|[\d一二三四五六七八九十两]+[个大类])"
    r"(?P<qual>[^、,;:。]{1,24}的[^、,;:。]{0,8})$"
)
_AMOUNT_LEAD = re.compile(r"^(\d+(?:\.\d+)?(?:亿|万亿))元?级?")
_TOWARDS = re.compile(r"(?<![面导方走定指])向(?!日葵|阳)")


# the country's regions, each holding many clusters (中部、西部 of a province may name one each)
_NATIONAL_REGION = re.compile(r"京津冀|长三角|珠三角|成渝|粤港澳大湾区|大湾区|东北老工业(?:基地)?|京津|重点区域")
# 赣南, 苏北, 粤东西北: a part of a province, by its one-character name and a direction; or a region
_PROVINCE_PART = re.compile(
    r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔滇陕秦甘陇青桂蒙宁新藏][东西南北中]{1,3}(?:地区)?"
    rf"|{_NATIONAL_REGION.pattern}|长江经济带|黄河流域|东北|西北|西南|华北|华东|华南|华中|[东西中]部(?:地区)?"
)


def _place_only(head: str) -> bool:
    """A head that is a division's name, with nothing after it but generic words (临沂市, 临沂市特色),
    or a part of a province (赣南). A county's short name may be a trade's word too (盐湖 of 盐湖区), so
    it alone is no place here."""
    if _PROVINCE_PART.fullmatch(head):
        return True
    n = _place_prefix_len(head)
    return (
        n > 0
        and (head[:n] in _whole_places() or head[:n] in _city_stems())
        and (n == len(head) or is_generic(head[n:], LEXICON.cluster_generic, False))
        and not _one_character_trade(head[n:])  # (泉州茶产业集群: 茶 is a trade)
    )


# a clause opened by a zone named for its place and industry (即墨汽车产业集聚区,…), and what it formed
_ZONE_OF_INDUSTRY = re.compile(r"(?:^|(?<=[,;:。]))\s*([\u4e00-\u9fff]{2,14}?)产业(?:集聚区|聚集区|园区|基地)(?=[,:])")
# 以新能源汽车为支点/为核心/为主导, then the cluster it builds
_PIVOT_INDUSTRY = re.compile(r"以([\u4e00-\u9fff]{2,10})为(?:支点|核心|主导|引领|龙头|重点|主)(?:产业)?[,,]")
_FORMED = re.compile(r"(?:形成|打造|建成|培育)了?[^,;。]{0,30}$")
# a zone's name at the start of a head: a place, then a zone's ending (苏州高新区, 某某经济技术开发区)
_ZONE_LEAD = re.compile(
    r"^[\u4e00-\u9fff]{2,10}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|工业园区|产业园区|新区)"
)
# 形成汽车整车及零部件的产业集群: a verb of forming, the trades, 的, then the ending
_FORMED_OF = re.compile(
    r"(?:形成|打造|建成|培育|壮大)了?([\u4e00-\u9fff]{2,12}?)(?:(?:较为|相对|较|最为)?(?:完整|完善|完备|齐全))?的$"
)
# the last item of a list of places that own what follows (…临沭5县和河东区的食品): the place, the
# count of them, one more place after 和, 的, then the industry
_PLACES_OWNING = re.compile(
    rf"^(?P<last>[\u4e00-\u9fff]{{2,5}}?)(?:[\d{_CN_NUM}]+[县区市个])?(?:和(?P<extra>[\u4e00-\u9fff]{{2,5}}))?"
    r"(?:等(?:一批|多个|几个)?(?:各具特色|特色鲜明|颇具规模|具有一定规模)?)?的"  # (潮阳、潮南、澄海等一批各具特色的纺织服装)
    r"(?P<industry>[\u4e00-\u9fff]{2,10})$"
)
# 认定A、B为省级中小企业特色产业集群: the names before 为, the title after it
_NAMED_AS = re.compile(
    r"(?:认定|评为|确定|列为|命名)(?P<body>[^,;:。为]{4,120}?)(?<![成作认评确列])为(?P<title>[^,;:。为]{0,16})$"
)
# a division written before 的 as the owner of what follows, at the start of a list item or clause
_OWNER_PLACE = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=是|为|有|括))(?P<place>[\u4e00-\u9fff]{1,6}?(?:区|县|市|旗))的$"
)
_ZONE_ONLY = re.compile(r"(?:开发区|经开区|高新区|工业园区|产业园区|园区|集聚区|商务区)$")
_AND_LEVEL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:和|及|与)(?=" + _LEVEL_RX.pattern + r")")
_SERVING = re.compile(r"^(?:服务于|服务(?!业|外包|贸易|型|机器人|器|消费))")
_MAINLY_OF = re.compile(
    # (以A、B和C产业为主导的: the trades' word once after them; 以A、B等五大产业为主导的 counts a system, named by none)
    rf"^(?P<body>.*、[^、]+?)(?:等)?(?<!产业)(?:(?<![\d{_CN_NUM}大个类])产业)?为(?:主|主导|重点|支撑)(?:的)?$"
)
_CHAIN_AND = re.compile(r"^.{2,12}?(?:全产业链|产业链|链条)(?:和|及|与)")
# a plan's label for a set of clusters: 一主一特, 两主三特, 1+N, 3+3+2
_SLOGAN = re.compile(rf"(?:[{_CN_NUM}\d]+[\u4e00-\u9fff]){{2,4}}|[\dA-Za-z]+(?:\+[\dA-Za-z]+)+")
# (区和…: what a cut inside a zone's name, 某某产业集|聚区和硅基产业, leaves before the cluster's own)
_KIND_AND = re.compile(
    # (炼化一体化和…集群: a project's kind, then the cluster; 炼化一体化与新材料产业链 is one chain)
    r"^.{1,20}?(?:(?:中心|平台|基地|园区|公司|集团|项目|工程|案例)(?:和|及|与)|一体化和)|^(?:区|园)(?:和|及|与)"
)
_FIRM_BEFORE = re.compile(r"^.{2,20}?(?:股份有限公司|有限责任公司|有限公司|集团公司)")
_FOCUS_LIST = re.compile(
    rf"以(?P<body>[^以,;:。]*、[^、,;:。]*?)为(?:重点|主导|核心|主体|支柱|引领|代表|主)的(?P<n>[\d{_CN_NUM}]+)(?:个|大|类)"
    r"(?P<kind>农业产业化|农业|特色|优势|主导|重点|战略性新兴|新兴|支柱|先进制造业)?$"
)
_PLACED_FOCUS = re.compile(r"以(?P<body>[^以,;:。]*、[^、,;:。]*?)为(?:代表|重点|主导|主)的(?:特色|优势|主导)?$")
# 以A为主,以B、C为辅的三个产业集群: the trades that come second, after the one that comes first
_SECOND_LIST = re.compile(rf"以(?P<body>[^以,;:。]+?)为(?:辅|补充|配套|支撑|两翼)的(?P<n>[\d{_CN_NUM}]+)(?:个|大|类)$")
_FIRST_BEFORE = re.compile(r"以(?P<first>[^以,;:。、]{2,12}?)为(?:主|主导|主体|核心|龙头),$")
_QUOTED_HEAD = re.compile(r"[“\"][\u4e00-\u9fff]{2,10}[”\"]$")
# the size a cluster is to have, said with 的 right before its name (超千亿元的, 营收1.2万亿元的, 500亿元以上的)
_AMOUNT_OF = re.compile(
    r"(?:营收|营业收入|产值|总产值|规模|产业规模)?((?:超|逾|超过|突破)?(?:\d+(?:\.\d+)?(?:万亿|亿)|[五三两]?[千百]亿|万亿)元?"
    r"(?:以上|级)?)的$"
)
_HOSTED_BY = re.compile(r"以([^以,;。]{2,30}?)为(?:主体|核心|主|依托|载体|重点)的$")


def _hosted(before: str) -> bool:
    """Whether the text before a base names the places or zones it rests on (以A县、B开发区为主体的)."""
    host = _HOSTED_BY.search(before)
    return host is not None and any(
        _place_begins(part, 0) or re.search(r"(?:区|园|城)$", part) for part in host.group(1).split(_LIST_SEP)
    )


_GOAL_AFTER = re.compile(
    r"(?:的)?(?:营业收入|营收|产值|总产值|主营业务收入|产业规模|规模|销售收入)?(?:力争|将|要)?"
    r"(?:突破|达到|超过|达|超)(\d+(?:\.\d+)?)\s*(万亿|亿)元"
)
_WHERE_AFTER = re.compile(r"\(([^()、,;。]{2,12})\)")
_VARIANT = re.compile(r"\((?:基地|示范基地|园区|试点|培育|创建)\)")
_ENUM_AFTER = re.compile(
    rf"^\s*(?P<n>[\d{_CN_NUM}]+)?个?\s*(?:\((?P<br>[^()]{{2,200}})\)|(?:是|为|有|包括|分别是|分别为)?[:：]\s*(?P<co>[^。;]{{4,300}}))"
)


# trades whose 业 makes one word with the character before it: 现代农业产业集群, 特种纸业产业集群 keep it
_OWN_TRADES = frozenset("农林渔牧工企行商矿物产纸药乳酒茶瓷鞋铝钢陶糖盐烟菌石皮木竹丝棉麻蚕果花")


def _split_at_level(k: int, item: str) -> list[tuple[int, str]]:
    """千亿级A和百亿级B → A and 百亿级B, each at its offset (``k`` is the item's)."""
    if j := _AND_LEVEL.search(item):
        return [(k, item[: j.start()]), (k + j.end(), item[j.end() :])]
    return [(k, item)]


# words a cut may split, leaving their last character at the head of a name (形成|农产品加工)
_WORD_ACROSS = frozenset(
    {
        "形成",
        "建成",
        "打造成",
        "聚集",
        "集聚",
        "汇集",
        "一批",
        "相应",
        "崛起",
        "兴起",
        "发起",
        "占据",
        "涵盖",
        "大抓",
        "之上",
    }
)


def _pair_of(item: str) -> list[str]:
    """An item split at its conjunction; when it holds two, at the one that leaves two parts: 和 joins
    wider than 及 (新一代信息技术和新能源及智能网联汽车 is two trades)."""
    parts = re.split(r"(?<=.{2})(?:和|与|及|或)(?=.{2})", item)
    if len(parts) > 2:
        for joiner in ("和|与", "及|或"):
            if len(wide := re.split(rf"(?<=.{{2}})(?:{joiner})(?=.{{2}})", item)) == 2:
                return wide
    return parts


def _one_character_trade(head: str) -> bool:
    """乳, 茶, 铝: a trade a plan names by one character (乳产业集群)."""
    return head in LEXICON.one_character_trades


_COUNTED_INDUSTRIES = re.compile(
    rf"((?:[\u4e00-\u9fff]{{2,12}}、)+[\u4e00-\u9fff]{{2,10}}?)(?:等)?([\d{_CN_NUM}]+)(?:大|个|类)"
    r"[\u4e00-\u9fff]{0,4}?(?:产业|行业)(?!集群|群|基地|化)"
)


def _counted_industries(before: str, count: int | None) -> list[tuple[int, str]]:
    """The industries a sentence counted before its counted clusters (A、B、C三大主导产业), when there
    are as many as the clusters: (offset, name) each."""
    found = None
    for found in _COUNTED_INDUSTRIES.finditer(before):
        pass
    if found is None or count is None or cn_int(found.group(2)) != count:
        return []
    items = _split_items(found.group(1), conj=False)
    heads = [(found.start(1) + k + len(item) - len(h), h) for k, item in items if (h := _cut_head(item))]
    if len(heads) != count or any(
        is_generic(h, LEXICON.cluster_generic) or _ends_with_place(h) or re.search(r"[省市县区镇乡旗]$", h)
        for _, h in heads
    ):
        return []
    return heads


# 三大主导产业集群, 四个产业集群: clusters counted, not named
COUNTED_CLUSTERS = re.compile(rf"([\d{_CN_NUM}]+)(?:大|个)[\u4e00-\u9fff]{{0,6}}?(?:产业集群|集群)")


def counted_clusters(piece: Piece, earlier: Piece) -> list[Mention]:
    """Clusters a sentence counts without naming (三大主导产业集群已初具规模), named by the industries
    the sentence before counted as many of (围绕A、B、C三大主导产业): each at its place there."""
    if not (m := COUNTED_CLUSTERS.search(piece.text)) or cluster_mentions(earlier):
        return []  # (13个产业集群规模…, after a sentence naming them: those, already read)
    level = level_of(lv.group(0)) if (lv := _LEVEL_RX.search(m.group(0))) else None
    return industry_clusters(earlier, _counted_industries(earlier.text, cn_int(m.group(1))), level)


# 打造“4+6”产业集群 / 打造“142”重点产业集群: a plan's code for its clusters (with +, each figure a
# count of one group of them)
CODED_CLUSTERS = re.compile(r"[“\"](\d+(?:\+\d+)+|\d{2,})[”\"][\u4e00-\u9fff]{0,6}?(?:产业集群|集群)")


def coded_clusters(piece: Piece) -> list[Mention]:
    """Clusters a sentence gives a code of counts (打造“4+6”产业集群), named by the industries it
    then counts as many of as a figure of the code (做强A、B、C、D等四大传统产业,打造E…等6个特色产业)."""
    if not (code := CODED_CLUSTERS.search(piece.text)) or "+" not in code.group(1):
        return []
    counts = {int(n) for n in code.group(1).split("+")}
    heads: list[tuple[int, str]] = []
    for found in _COUNTED_INDUSTRIES.finditer(piece.text, code.end()):
        n = cn_int(found.group(2))
        items = _split_items(found.group(1), conj=False)
        group = [(found.start(1) + k + len(item) - len(h), h) for k, item in items if (h := _cut_head(item))]
        if n in counts and len(group) == n and not any(is_generic(h, LEXICON.cluster_generic) for _, h in group):
            heads += group
    return industry_clusters(piece, heads, None)


# 某市医药健康产业保持…增长,已形成百亿级全产业链产业集群 / 把石化产业打造成为…千亿级产业集群: the
# industry a sentence is about formed a cluster it names no further
_SUBJECT_FORMED = re.compile(
    r"(?:^|(?<=[,;])|把)(?P<subj>[\u4e00-\u9fff]{2,14}?)产业(?!集群|园|基地|链)(?:[^。;:]{0,40}?[,])?[^,。;:]{0,6}?"
    r"(?:已经|已|正)?(?:全力)?(?:形成|打造成为|打造成|打造为|建成|发展成为|成为|(?<=[于的])向)了?"
    # (…成为继B产业之后,该市的第二个千亿产业集群: the cluster it follows, then the one it is)
    r"(?P<qual>(?:继[^,;。:]{1,20}?之后,)?[^,;。:]{0,16}?)(?:产业集群|集群)(?![\u4e00-\u9fff]*(?:名单|称号))"
)
# 非织造布产业既是…,更是国家重点支持的76个产业集群之一 / 将电动车产业作为自治区千亿元产业集群重点培育:
# the industry a sentence is about is (one of) the clusters it names no further
_SUBJECT_IS = re.compile(
    r"(?:^|(?<=[,;。])|将|把)(?P<subj>[\u4e00-\u9fff]{2,14}?)产业(?!集群|园|基地|链)(?:[^。;:]{0,60}?[,])?[^,。;:]{0,4}?"
    r"(?:(?:既|也|更|就|已)?是|作为)"
    r"(?P<qual>[^,;。:]{0,20}?)(?:产业集群|集群)(?=之一|[,;。]|重点|加快|培育|打造|发展)"
)
# what says which cluster in a row a subject's is (继B产业之后, 该市诞生的第二个, 又一个): no name
_IN_A_ROW = re.compile(
    rf"继[^,;。:]{{1,20}}?之后,?|(?:该|全|本)[省市县区](?:[\u4e00-\u9fff]{{0,3}}的)?|[第又另][\d{_CN_NUM}]*个"
)


# 把A、B、C和D等四大产业培植壮大成产值分别超百亿元的产业集群: the industries counted, each made a cluster
_LIST_MADE = re.compile(
    rf"把(?P<body>[\u4e00-\u9fff]{{1,12}}(?:、[\u4e00-\u9fff]{{1,12}}?)+(?:(?:和|及|与)[\u4e00-\u9fff]{{1,12}}?)?)"
    rf"等?(?P<n>[\d{_CN_NUM}]+)(?:大|个|类)[\u4e00-\u9fff]{{0,4}}?(?:产业|行业)"
    r"(?:培植|培育|发展|建设|打造|做大|做强|壮大)*成为?(?P<qual>[^,;。:]{0,20}?)(?:产业集群|集群)"
)


def _made_clusters(piece: Piece) -> list[Mention]:
    """The clusters a sentence makes of the industries it counts (把A、B、C和D等四大产业培植壮大成…产业集群)."""
    if not (m := _LIST_MADE.search(piece.text)):
        return []
    items = _split_items(m.group("body"), conj=True)
    heads = [(m.start("body") + k + len(item) - len(h), h) for k, item in items if (h := _cut_head(item))]
    if (
        cn_int(m.group("n")) != len(items)
        or len(heads) != len(items)
        or not all(
            _one_character_trade(h) if len(h) == 1 else not is_generic(h, LEXICON.cluster_generic) for _, h in heads
        )
    ):
        return []
    lv = _LEVEL_RX.search(m.group("qual"))
    return industry_clusters(piece, heads, level_of(lv.group(0)) if lv else None)


def subject_cluster(piece: Piece) -> list[Mention]:
    """The cluster a sentence says its subject industry formed, when the ending names no other (梅河口
    医药健康产业…已形成百亿级全产业链产业集群 → 医药健康产业集群), or the clusters it makes of the
    industries it counts."""
    if made := _made_clusters(piece):
        return made
    if not (m := _SUBJECT_FORMED.search(piece.text) or _SUBJECT_IS.search(piece.text)):
        return []
    qual = m.group("qual")
    lv = _LEVEL_RX.search(qual)
    rest = re.sub(
        rf"全产业链|首个|一个|[\d{_CN_NUM}]+个|的|规模|过|超|[\u4e00-\u9fff]{{2,3}}(?=首个)|重点支持|重点培育|自治区|全省|全市|全县",
        "",
        _LEVEL_RX.sub("", _IN_A_ROW.sub("", qual)),
    )
    if rest and not is_generic(rest, LEXICON.cluster_generic):
        return []  # (…形成了汽车零部件产业集群: a name of its own, read as one)
    head = _cut_head(m.group("subj"))
    if (n := _place_prefix_len(head)) < len(head) - 1:
        head = head[n:]  # (梅河口医药健康: the trade after its place)
    if len(head) < 2 or is_generic(head, LEXICON.cluster_generic) or not has_trade_word(head + "产业"):
        return []
    return industry_clusters(
        piece, [(m.start("subj") + m.group("subj").rfind(head), head)], level_of(lv.group(0)) if lv else None
    )


# 已形成7个超百亿元产业集群,其中A、B产业…: clusters counted, then some of them named by their industry
_AMONG_COUNTED = re.compile(
    rf"(?P<n>[\d{_CN_NUM}]+)(?:大|个)(?P<qual>[^,;。:]{{0,10}}?)(?:产业集群|集群),其中"
    r"(?P<body>[\u4e00-\u9fff]{2,12}?(?:、[\u4e00-\u9fff]{2,12}?)*(?:(?:和|及|与)[\u4e00-\u9fff]{2,12}?)?)"
    rf"(?:等[\d{_CN_NUM}]*[个大]?)?(?:产业|行业|[\d{_CN_NUM}]+(?:个|大)(?:产业|行业)?)(?!集群|园|基地|链)"
)


def among_counted(piece: Piece) -> list[Mention]:
    """The clusters of a counted set that the sentence then names by their industry (7个…产业集群,其中
    A、B产业…), no more than the count."""
    if not (m := _AMONG_COUNTED.search(piece.text)):
        return []
    items = _split_items(m.group("body"), conj=True)
    heads = [(m.start("body") + k + len(item) - len(h), h) for k, item in items if (h := _cut_head(item))]
    if (
        len(heads) != len(items)
        or len(heads) > (cn_int(m.group("n")) or 0)
        or not all(
            len(h) >= 2 and not is_generic(h, LEXICON.cluster_generic) and has_trade_word(h + "产业") for _, h in heads
        )
    ):
        return []
    lv = _LEVEL_RX.search(m.group("qual"))
    return industry_clusters(piece, heads, level_of(lv.group(0)) if lv else None)


# 某开发区第三大千亿产业集群——高端化工产业: a cluster counted, then the industry it is, after a dash
_APPOSITIVE = re.compile(
    r"(?P<qual>[^,;。:]{0,16}?)(?:产业集群|集群)(?:——|—|:)(?P<ind>[\u4e00-\u9fff]{2,10}?)(?:产业|行业)(?!集群|园|基地|链)"
)


def appositive_cluster(piece: Piece) -> list[Mention]:
    """The cluster a sentence names by its industry after a dash (…第三大千亿产业集群——高端化工产业)."""
    if not (m := _APPOSITIVE.search(piece.text)):
        return []
    qual = m.group("qual")
    lv = _LEVEL_RX.search(qual)
    rest = re.sub(rf"第?[\d{_CN_NUM}]+(?:大|个)|的", "", _LEVEL_RX.sub("", _cut_head(qual)))
    rest = rest[_place_prefix_len(rest) :]
    head = m.group("ind")
    if (rest and not is_generic(rest, LEXICON.cluster_generic)) or is_generic(head, LEXICON.cluster_generic):
        return []
    return industry_clusters(piece, [(m.start("ind"), head)], level_of(lv.group(0)) if lv else None)


# 打造以A为主的1个三千亿级,以B、C为主的2个两千亿级,以D…为主的4个千亿级产业集群: clusters counted by level,
# each count naming its own
_PARTITIONED = re.compile(
    rf"以(?P<body>[^以,;。]{{2,60}}?)为主的(?P<n>[\d{_CN_NUM}]+)个(?P<lv>{_LEVEL_RX.pattern})(?:的)?"
    r"(?P<end>(?:产业集群|集群))?"
)


def partitioned_clusters(piece: Piece) -> list[Mention]:
    """Clusters a sentence counts level by level, each count after the trades it is of (以A为主的1个三千亿级,
    以B、C为主的2个两千亿级…产业集群): one per trade, with its count's level, when each count is met."""
    parts = list(_PARTITIONED.finditer(piece.text))
    if len(parts) < 2 or not parts[-1].group("end") or any(p.group("end") for p in parts[:-1]):
        return []
    out: list[Mention] = []
    for p in parts:
        items = _split_items(p.group("body"), conj=True)
        if (
            len(items) == 1
            and cn_int(p.group("n")) == 2
            and (j := re.search(r"(?<=.{2})(?:和|及|与)(?=.{2})", items[0][1]))
        ):
            items = [(0, items[0][1][: j.start()]), (j.end(), items[0][1][j.end() :])]  # (以A和B为主的2个…: two)
        heads = [(p.start("body") + k + len(item) - len(h), h) for k, item in items if (h := _cut_head(item))]
        if cn_int(p.group("n")) != len(heads) or any(is_generic(h, LEXICON.cluster_generic) for _, h in heads):
            return []
        out += industry_clusters(piece, heads, level_of(p.group("lv")))
    return out


# 以A与B为代表的X业,以C、D为代表的Y业…四大产业集群: clauses each naming a trade by its firms, then their count
_REPRESENTED = re.compile(
    r"以([^以,;。]{2,40}?)为代表的([\u4e00-\u9fff]{2,12}?)(?=[,、]以|(?:等)?[\d一二三四五六七八九十两]+[大个])"
)
_COUNT_AFTER = re.compile(rf"(?:等)?([\d{_CN_NUM}]+)[大个][\u4e00-\u9fff]{{0,6}}?(?:产业集群|集群)")


def represented_clusters(piece: Piece) -> list[Mention]:
    """Clusters a sentence lists as trades each represented by its firms, then counts (形成了以甲与乙为代表的
    金属加工业,以丙、丁为代表的印刷包装业两大产业集群): one per trade, where the trade stands."""
    items = list(_REPRESENTED.finditer(piece.text))
    if len(items) < 2 or not (count := _COUNT_AFTER.match(piece.text, items[-1].end())):
        return []
    if cn_int(count.group(1)) != len(items) or any(a.end() + 1 != b.start() for a, b in pairwise(items)):
        return []  # (as many clauses as the count, one right after the other)
    heads = [(m.start(2), m.group(2)) for m in items if not is_generic(m.group(2), LEXICON.cluster_generic)]
    if len(heads) != len(items):
        return []
    region = (piece.at(items[0].start()), piece.end_at(count.end()))
    return [replace(m, ending=region) for m in industry_clusters(piece, heads, None, via="name")]


# A、B、C等8个超千亿元、具有较强竞争力的产业集群 / A、B在内的5个百亿工业产业集群 / A、B等一批百亿级绿色食品
# 产业集群: a list, its count (or 一批), then what the clusters are, its own 、 allowed before a 的
_LIST_THEN_COUNT = re.compile(
    r"(?P<body>[^\W\d_等、]{1,12}(?:、[^\W\d_等、]{1,12}){2,})[”\"]?"
    rf"(?:(?:在内的|等)(?:(?P<n>[\d{_CN_NUM}]+)(?:个|大)|一批)|(?P<n2>[\d{_CN_NUM}]+)(?:个|大))(?P<qual>[^,;:。“”\"]{{0,24}}?)(?P<end>产业集群|集群)(?!化|式|发展|效应)"
)
# 形成七大特色产业集群,包括A、B、C: the count and ending first, then the list
_COUNT_THEN_LIST = re.compile(
    rf"(?P<n>[\d{_CN_NUM}]+)(?:个|大)(?P<qual>[^,;:。、]{{0,12}}?)(?P<end>产业集群|集群)[,:]?(?:包括|分别是|分别为|即)"
    r"(?P<body>[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12}){2,}(?:(?:和|及)[\u4e00-\u9fff]{2,12})?)(?=\s*(?:[,;。\[]|等|$))"
)

# 甲高新区A产业、乙高新区B产业获批国家创新型产业集群试点: industries, each named a cluster by the title given
_LIST_NAMED = re.compile(
    r"(?P<body>[^\W\d_、]{2,24}?产业(?:、[^\W\d_、]{2,24}?产业)+)(?:等)?(?:获批|入选|被认定为|认定为|列为|列入)了?"
    r"(?P<qual>[^,;:。、“”\"]{0,16}?)(?P<end>产业集群|集群)(?!化|式|发展|效应)"
)

# 其中电子信息、钢铁跻身千亿级产业集群: trades that joined a level of clusters, each one of them
_LIST_JOINED = re.compile(
    r"(?P<body>[^\W\d_、]{2,12}(?:、[^\W\d_、]{2,12})+)(?:等)?(?:两大|三大|[两二三四五六]个)?(?:产业)?"
    r"(?:跻身|迈入|迈进|晋级|进入|跨入)了?(?P<qual>[^,;:。、“”\"]{2,8}?)(?P<end>产业集群|集群)(?!化|式|发展|效应)"
)


def counted_list_clusters(piece: Piece) -> list[Mention]:
    """The clusters of a list whose count (or 一批) and ending say each item is one, whatever is
    written between them (超千亿元、具有较强竞争力的), or whose count comes first and the list after
    包括, or a list of industries each given a cluster's title (A产业、B产业获批…产业集群试点), or trades
    that joined a level of clusters (A、B跻身千亿级产业集群): each item with the kind the ending names
    (绿色食品, 特色)."""
    text = piece.text
    out: list[Mention] = []
    if "集群" not in text or _LIST_SEP not in text:
        return out  # every form read here is a 、-list sharing a cluster ending
    for rx in (_LIST_THEN_COUNT, _COUNT_THEN_LIST, _LIST_NAMED, _LIST_JOINED):
        for m in rx.finditer(text):
            items = _split_items(m.group("body"), conj=False)  # (A及B、C等三大…: the count decides, not 及)
            heads = [(m.start("body") + k + len(item) - len(h), h) for k, item in items if (h := _cut_head(item))]
            counted = next((m.group(g) for g in ("n", "n2") if g in rx.groupindex and m.group(g)), None)
            n = cn_int(counted) if counted else None
            if (
                len(heads) != len(items)
                or (n is not None and n != len(heads))
                or (n is None and len(heads) < (2 if rx in (_LIST_NAMED, _LIST_JOINED) else 3))
                # (…跻身千亿级产业集群: only trades join a level, and the level is written)
                or (
                    rx is _LIST_JOINED
                    and (not _LEVEL_RX.search(m.group("qual")) or not all(has_trade_word(h + "产业") for _, h in heads))
                )
            ):
                continue
            if any(len(h) == 1 for _, h in heads) and (n is None or not all(len(h) == 1 for _, h in heads)):
                continue  # 钾、钠、镁五大产业集群: trades of one character only when the count says so
            if not all(
                len(h) == 1 or (not is_generic(h, LEXICON.cluster_generic) and not _place_only(h)) for _, h in heads
            ):
                continue
            qual = m.group("qual")
            lv = _LEVEL_RX.search(qual)
            if rx is _LIST_NAMED:
                qual = ""  # (获批国家创新型产业集群试点: the title given, no kind of each one)
            kind = (
                ""
                if "的" in qual
                else re.sub(r"工业$|产业$|重点|主导|优势|支柱|战略性新兴", "", _LEVEL_RX.sub("", qual))
            )
            if kind and (len(kind) > 6 or re.search(r"[\d、]|方向|企业|园|区|为|是|认定", kind)):
                continue  # (…等5个园区认定为产业集群…示范: what the parks were named, no kind of cluster)
            level = level_of(lv.group(0)) if lv else None
            if not level and (yuan := re.search(r"(五百亿|千亿|百亿)元?", qual)):
                level = level_of(yuan.group(1) + "级")
            for k, h in heads:
                out.append(
                    Mention(
                        "cluster",
                        normalise_name(
                            h + "特色产业集群" if kind == "特色" else canonical_cluster(h + kind, "产业集群")
                        ),
                        piece.at(k),
                        piece.end_at(k + len(h)),
                        piece.paragraph,
                        level=level[0] if level else None,
                        target_yi=level[1] if level else None,
                        industry=normalise_name(h),
                        via="list",
                        group=piece.at(m.start()),
                        each=True,
                        ending=(piece.at(m.start("end")), piece.end_at(m.end("end"))),
                    )
                )
    return out


def industry_clusters(
    piece: Piece, industries: list[tuple[int, str]], level: tuple[str, float] | None, via: str = "list"
) -> list[Mention]:
    """A cluster for each industry named at its offset in ``piece`` (食品 → 食品产业集群)."""
    return [
        Mention(
            "cluster",
            normalise_name(canonical_cluster(head, "产业集群")),
            piece.at(k),
            piece.end_at(k + len(head)),
            piece.paragraph,
            level=level[0] if level else None,
            target_yi=level[1] if level else None,
            industry=normalise_name(head),
            via=via,
        )
        for k, head in industries
    ]


def canonical_cluster(head: str, suffix: str) -> str:
    """A cluster's name with the genre's usual ending: 集群 after an industry reads 产业集群.

    >>> canonical_cluster("武汉智能网联汽车", "集群"), canonical_cluster("装备制造产业", "集群")
    ('武汉智能网联汽车产业集群', '装备制造产业集群')
    """
    if suffix == "产业化集群":
        suffix = "产业集群"  # 香菇(农业)产业化集群 is its 产业集群
    if suffix == "集群" and head.endswith("创新型") and len(head) >= 5:
        # 汽车产业创新型集群: the programme's title after the trade
        return head.removesuffix("创新型").removesuffix("产业") + "创新型产业集群"
    if suffix == "集群" and head.endswith("全产业链"):
        return head + suffix  # 硅光伏全产业链集群: the chain clustered is its name
    if suffix == "集群" and head.endswith("产业化") and len(head) >= 5:
        return head[: -len("产业化")] + "产业集群"  # 新野肉牛产业化集群 is its 产业集群
    if suffix == "集群" and not head.endswith(("产业", "业", "集群")):
        return head + "产业集群"
    if suffix.endswith(("产业集群", "产业基地")) and len(head) >= 4 and head.endswith("产业"):
        if head.endswith("特色产业") and suffix.startswith("特色"):
            return head[:-4] + suffix  # 高原生物医药特色产业 + 特色产业集群: the title once
        return head[:-2] + suffix  # 新能源产业 + 产业集群, 光电子产业 + 产业基地, 硅基产业 + 特色产业集群
    if (
        suffix == "产业集群"
        and len(head) >= 3
        and head.endswith("业")
        and (head[-2] not in _OWN_TRADES or head[-3:-1] in _industry_vocabulary())
    ):
        return head[:-1] + suffix  # 现代纺织业, 陶瓷业 + 产业集群 → 现代纺织产业集群 (not 特种纸业)
    return head + suffix


def _bracket_industry(text: str, at: int) -> tuple[str, int] | None:
    """``(纺织服装)`` right after a generic cluster name: the industry in the brackets."""
    if at < len(text) and text[at] == "(":
        depth = 0
        for j in range(at, min(len(text), at + 60)):
            if text[j] == "(":
                depth += 1
            elif text[j] == ")":
                depth -= 1
                if depth == 0:
                    inner = text[at + 1 : j]
                    if (
                        _VARIANT.fullmatch(text[at : j + 1])
                        or re.fullmatch(rf"[\d{_CN_NUM}]+[个家类]", inner)
                        or re.search(r"\d{4}", inner)
                        or re.match(r"不含|含|包括|除", inner)
                    ):
                        # (基地), (9个), (2012-2020年), (不含宁波): a variant, a count, years or what the count
                        # leaves out, not the industry
                        return None
                    if 2 <= len(inner) <= 40 and "、" not in inner:
                        return inner, j + 1
                    return None
    return None


_QUOTES = '“”"‘’「」『』'


def _without_quotes(piece: Piece) -> Piece:
    """The piece with its quotation marks taken out, offsets kept: a plan quotes the names it
    lists (以“清洁能源、眼镜制造”三个“百亿级”产业集群为主), and a name never holds a quote."""
    if not any(c in _QUOTES for c in piece.text):
        return piece
    drop: set[int] = set()
    for m in re.finditer(r"[“\"‘「『]([^“”\"‘’「」『』]{1,120})[”\"’」』]", piece.text):
        inner = m.group(1)
        # a quoted list or level goes; a quoted name (国家"城市矿产"产业集群) keeps its quotes
        after = piece.text[m.end() : m.end() + 10]
        counted = re.match(rf"[\d{_CN_NUM}]+[个大]", inner) or re.match(rf"[\d{_CN_NUM}]+[个大]", after)
        # 打造"海洋装备"产业集群: a quoted industry is the name's head (a quoted slogan, "巨无霸", is not)
        before = piece.text[max(0, m.start() - 6) : m.start()]
        named = (
            after.startswith(LEXICON.cluster_suffixes)
            and any(w in inner for w in _industry_vocabulary())
            and (not before or before[-1] in _BOUNDARY or not _cut_head(before))  # (国家"城市矿产"产业集群 keeps them)
        )
        if after.startswith(LEXICON.cluster_suffixes) and _SLOGAN.fullmatch(inner):
            drop |= set(range(m.start(), m.end()))  # A、B"一主一特"产业集群: the plan's label for its list goes
        elif (code := re.fullmatch(r"(\d+)\+[\dA-Za-z]+", inner)) and re.match("[个大]", after):
            # A…F等"6+X"个未来产业集群: the named ones are counted by the code's first figure
            drop |= {m.start()} | set(range(m.start(1) + code.end(1), m.end()))
        elif (
            _LIST_SEP in inner
            or _LEVEL_RX.fullmatch(inner)
            or _LEVEL_RX.match(after)
            or counted
            or named
            or after.startswith(_LIST_SEP)  # 打造“光芯屏端网”、大健康两大…产业集群: a quoted item of a list
        ):
            drop |= {m.start(), m.end() - 1}
    if not drop:
        return piece
    keep = [i for i in range(len(piece.text)) if i not in drop]
    return Piece(
        piece.paragraph, piece.start, piece.end, "".join(piece.text[i] for i in keep), tuple(piece.at(i) for i in keep)
    )


def cluster_mentions(piece: Piece, chains: bool = False, by_place: bool = False) -> list[Mention]:
    """Clusters named in a piece: single names, lists sharing one ending, enumerations after a count.

    With ``chains``, the units are industry chains (白酒、能源等10条产业链): the reading of a
    链长制 plan, which names its chains where other plans name clusters. With ``by_place``, a
    place's 特色产业集群 (某市特色产业集群) is that place's one cluster: the reading of a text that
    names no cluster by its industry.
    """
    piece = _without_quotes(piece)
    text = piece.text
    out: list[Mention] = []
    floor = 0
    for m in (_CHAIN_RX if chains else _CLUSTER_RX).finditer(text):
        s, e = m.start(), m.end()
        suffix = m.group(1)
        b = _left_head(text, s, floor)
        left = text[b:s]
        floor = e
        if text.startswith(("式", "化"), e):
            continue  # 产业集群式发展, 集群化: a manner of growing, no cluster named
        if (
            (of_trade := _FORMED_OF.search(left))
            and any(w in of_trade.group(1) for w in _industry_vocabulary())
            and not re.search(r"以|为(?:主|重点|核心|主导|龙头|引领|代表|支撑)", of_trade.group(1))
            and not is_generic(_cut_head(of_trade.group(1)), LEXICON.cluster_generic)
        ):
            left = left[: of_trade.end(1)]  # 已形成汽车整车及零部件的产业集群: the trades it formed name the cluster
        if (
            (many := re.search(r"(?:多个|若干|众多|诸多|各个|一些)(?P<trade>[\u4e00-\u9fff]{2,8})$", left))
            and _LIST_SEP not in left[many.start() :]
            and _cut_head(many.group("trade")) == many.group("trade")
        ):
            continue  # 来自…等全国多个纺织产业集群的企业: clusters of a kind spoken of, none named
        if re.match(r"(?:\([^()]{1,8}\))?称号", text[e:]):
            continue  # 蝉联国家级新型工业化产业示范基地(四星级)称号: a title the place holds
        if re.match(
            r"[”\"」』]?(?:(?:建设|培育|认定|推荐)?(?:地区|城市|县市|试点)?(?:名单|名录|目录)|专刊|竞赛)", text[e:]
        ):
            continue  # 入选"重点地方特色食品产业集群"建设名单: the name of a list, no cluster named
        if text[b - 1 : b] in ("”", '"') and re.fullmatch(
            r"(?:国家级|省级|市级)(?:重点|特色|优势|中小企业特色|先进制造业)*", left
        ):
            continue  # 入选“浙江制造”省级特色产业集群核心区: a programme's title, no cluster named
        if firms_of := re.search(r"等(?P<trade>[\u4e00-\u9fff]{0,8}?)(?:龙头|骨干|链主|重点)?企业的$", left):
            # 围绕甲、乙等装备制造龙头企业的产业集群: the firms it grows around are no clusters; the trade
            # they are firms of names it
            trade = firms_of.group("trade")
            if len(trade) < 2 or is_generic(trade, LEXICON.cluster_generic) or not has_trade_word(trade + "产业"):
                continue
            left = trade
        whole_chain = re.search(r"全产业链$", left)
        if (
            suffix == "集群"
            and re.search(r"(?:产业|行业|企业)的$|(?<=[\u4e00-\u9fff])是$|产业链$|链条$|中央企业$", left)
            # (培育硅光伏全产业链集群: one trade's whole chain clustered names that trade's cluster)
            and not (
                whole_chain
                and _LIST_SEP not in (trade_of := _cut_head(left[: whole_chain.start()]))
                and "等" not in trade_of
                and len(trade_of) >= 2
                and has_trade_word(trade_of)
            )
        ):
            # (设计、制造、封装测试等全产业链集群协同发展: the links of one chain, no cluster named)
            continue  # A、B等新兴产业的集群效应 / 特色化是集群的生命线: industries' clustering, none named
        variant = _VARIANT.match(text, e)
        if variant:  # …特色产业集群(基地): the bracket is part of this name, not the next one's
            floor = variant.end()
        elif (where := _WHERE_AFTER.match(text, e)) and _place_begins(where.group(1), 0):
            floor = where.end()  # 陶瓷产业集群(醴陵市)、烟花产业集群: the place in brackets is this cluster's
        level = None
        left = re.sub(r"(?<=[\u4e00-\u9fff]{2}产业)核心$", "", left)  # 动漫游戏产业核心集群地: that trade's cluster
        # the level right before the ending: …培育千亿级集群 / …等3个五百亿级产业集群
        left = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:世界级|国家级)$", "", left)  # 新材料世界级产业集群
        # 线路板及移动电源产业省级重点产业集群: an industry, then the title it was given
        left = re.sub(
            r"(?<=[\u4e00-\u9fff]{2}产业)(?:国家级|省级|市级)(?:重点|特色|优势|中小企业特色|先进制造业)*$", "", left
        )
        # A、B等10个国家中小企业特色产业集群: the programme the counted clusters are of, after the count
        left = re.sub(rf"(?<=[\d{_CN_NUM}][个大类])(?:国家级?|省级?|市级?)?中小企业$", "", left)
        lm = re.search(r"(" + _LEVEL_RX.pattern + r")(产业|的)?$", left)  # (5000亿元级别的产业集群)
        if lm:
            level = level_of(lm.group(1))
            left = left[: lm.start()]
            # …培育成营收各超百亿元的产业集群: the measure the level is of names no cluster
            left = re.sub(
                r"(?:年|全年)?(?:工业)?总?(?:产值|营收|营业收入|主营业务收入|销售收入|规模|总量)(?:分别|各|均|都)?$",
                "",
                left,
            )
        elif lw := re.search(r"(?<![\d.])(" + _LEVEL_RX.pattern + r")的(?P<trade>[\u4e00-\u9fff]{2,8})$", left):
            # 打造1个千亿级的文旅产业集群: the level, 的, then the trade
            level = level_of(lw.group(1))
            before = left[: lw.start()]
            # (年产值超百亿元的太阳能产业集群: what came before the level is no part of the name; a count of
            # one, 打造1个, stays to say it is one cluster)
            left = (before if re.search(rf"[\d{_CN_NUM}]+个$", before) else "") + lw.group("trade")
        elif la := re.search(r"(?<![\d.])((?:超|超过|逾)\d+(?:\.\d+)?(?:万亿|亿)元?)(?P<trade>[^\W\d的_]{2,8})$", left):
            # 建设超2000亿元纺织服装产业集群: the size it is to pass, then the trade
            level = level_of(la.group(1))
            left = la.group("trade")
        # 拟认定A特色产业、B特色产业为省级中小企业特色产业集群: what is named as a cluster comes before 为
        if (
            (named_as := _NAMED_AS.search(left))
            and is_generic(_cut_head(named_as.group("title")) or "的", LEXICON.cluster_generic)
            and len(_cut_head(named_as.group("body").rsplit(_LIST_SEP, 1)[-1])) >= 4
        ):
            left = named_as.group("body") + ("等" if _LIST_SEP in named_as.group("body") else "")
        # 以A、B、C为重点的三个千亿级产业集群: the list the clusters are about, then their count
        focus_kind = ""
        if (focus := _FOCUS_LIST.search(left)) and cn_int(focus.group("n")) == len(
            _split_items(focus.group("body"), conj=False)
        ):
            left = left[: focus.end("body")] + "等" + focus.group("n") + "个"
            focus_kind = focus.group("kind") or ""  # 三大农业产业化集群: each one's name as written has it
        elif (
            (placed := _PLACED_FOCUS.search(left))
            and len(items_of := _split_items(placed.group("body"), conj=False)) >= 2
            and all(_place_begins(_cut_head(i.strip()), 0) and len(_cut_head(i.strip())) >= 4 for _, i in items_of)
        ):
            # 以安溪茶业、德化陶瓷、永春香业为代表的特色产业集群: each place's trade is one of them
            left = left[: placed.end("body")] + "等" + str(len(items_of)) + "个"
        if (
            (second := _SECOND_LIST.search(left))
            and second.start() == 0
            and (first := _FIRST_BEFORE.search(text, 0, b))
            and cn_int(second.group("n")) == len(_split_items(second.group("body"), conj=False)) + 1
        ):
            left = first.group("first") + _LIST_SEP + second.group("body") + "等" + second.group("n") + "个"
        # 形成以A、B、C为主的产业集群: the list the clusters are mainly of, each one of them
        if (mainly := _MAINLY_OF.match(left)) is not None:
            left = mainly.group("body") + "等"
        # 甲、乙等四个具有国际竞争力的主导产业集群: a qualifier between the list's count and its ending
        if (
            (q := _QUALIFIED.match(left))
            and is_generic(_cut_head(q.group("qual")) or "的", LEXICON.cluster_generic)
            # (…等6类标准和细化的百余项指标对集群竞争力: what follows 的 is no kind of cluster)
            and (
                not (after_de := q.group("qual").rsplit("的", 1)[1])
                or is_generic(re.sub(rf"^[\d{_CN_NUM}多几]+[个大类]", "", after_de) or "的", LEXICON.cluster_generic)
            )
        ):
            # (食品、纺织、装备3个主营业务收入超千亿元的产业集群: the qualifier states their level)
            if not level and (yuan := re.search(r"(五百亿|千亿|百亿)元?", q.group("qual"))):
                level = level_of(yuan.group(1) + "级")
            counted_by = re.search(r"[\d一二三四五六七八九十两]+[个大类]", left[len(q.group("body")) : q.start("qual")])
            if "以" in q.group("body") and re.search(
                r"为(?:主导|重点|核心|支撑|主体|龙头|引领|支体|辅|补充|两翼)的", q.group("qual")
            ):
                left = ""  # 以A、B等五大产业为主导的产业集群: one system of several trades, no cluster named
            else:
                left = q.group("body") + "等" + (counted_by.group(0) if counted_by else "")
        # 光伏制造、动力及储能锂电池两个新能源产业集群: as many items as the count, under one kind
        if (
            (u := _UMBRELLA.search(left))
            and _LIST_SEP in left[: u.start()]
            and cn_int(u.group("n")) == len(_split_items(left[: u.start()], conj=False))
            # (中部、西部、南部三大铝工业产业集群: parts of a province, the kind is each one's industry)
            and not all(_REGION.fullmatch(_cut_head(r)) for r in left[: u.start()].split(_LIST_SEP))
        ):
            left = left[: u.start("kind")]
            if not level and (kl := _LEVEL_RX.search(u.group("kind"))):
                level = level_of(kl.group(1))  # …两个千亿级制造业产业集群
        firm_list = bool(_FIRM_LIST_END.search(left))
        tail = _BRIDGE_TAIL.search(left)
        has_tail = bool(tail and tail.group(0))
        body = left[: tail.start()] if tail and has_tail else left
        if has_tail and not level:
            lm = re.search(r"(" + _LEVEL_RX.pattern + r")$", body)
            if lm:
                level = level_of(lm.group(1))
                body = body[: lm.start()]
        counted = bool(tail and re.search(rf"[\d{_CN_NUM}]+(?:个|大|类|条)", tail.group(0)))
        if tail and not level and (yuan := re.search(r"(五百亿|千亿|百亿)元?", tail.group(0))):
            level = level_of(yuan.group(1) + "级")  # 五大千亿元产业集群
        wanted = re.search(rf"([\d{_CN_NUM}]+)(?:个|大|类|条)", tail.group(0)) if tail else None
        # A、B等百亿级食品…集群 / 民权、新乡百亿级家电…集群: places share the industry after the level
        shared_industry = ""
        split = _shared_split(body)
        if split is not None:
            body, lv_shared, shared_industry = split
            if is_generic(shared_industry, LEXICON.cluster_generic):
                shared_industry = ""  # 生物与新医药、光伏等高新技术产业集群: a kind, not the industry
            level = level or lv_shared
        each = (
            bool(has_tail and "等" in (tail.group(0) if tail else ""))
            or level is not None
            or counted
            or split is not None
        )
        items = _split_items(body, conj=False) if (_LIST_SEP in body) else [(0, body)]
        levels: dict[int, tuple[str, float]] = {}  # an item's own level, when its part of the list states one
        if _LIST_SEP in body and (part_ends := list(_PART_END.finditer(body))):
            # 煤基、铝基3个千亿级和油气、粮油4个百亿级产业集群: each part has its own count and level
            items, start = [], 0
            for pe in [*part_ends, None]:
                end = pe.start() if pe is not None else len(body)
                lv_part = level_of(pe.group("lv")) if pe is not None and pe.group("lv") else level
                for k, item in _split_items(body[start:end], conj=False):
                    items.append((start + k, item))
                    if lv_part:
                        levels[start + k] = lv_part
                start = pe.end() if pe is not None else start
        if wanted and len(items) >= 2 and cn_int(wanted.group(1)) == len(items) + 1:
            # 机床、…、电气和医药化工五大…集群: the count says the last item is two
            k, final_item = items[-1]
            if (
                (j := re.search(r"和|及|与", final_item))
                and j.start() >= 2
                and len(final_item) - j.end() >= 2
                and not final_item.startswith(("其它", "其他"), j.end())  # 镁及其它金属: one item
            ):
                items = items[:-1] + [(k, final_item[: j.start()]), (k + j.end(), final_item[j.end() :])]
        if not wanted and len(items) >= 2 and not all(_ends_with_place(i.strip()) for _, i in items[:-1]):
            # 现代中药、生物制剂、医疗器械和医药贸易产业集群: A、B和C is a list of three (南通市、泰州市A和B集群
            # is not: there the places share the industries)
            k, final_item = items[-1]
            if (j := re.search(r"和", final_item)) and j.start() >= 2 and len(final_item) - j.end() >= 2:
                items = items[:-1] + [(k, final_item[: j.start()]), (k + j.end(), final_item[j.end() :])]
        # 电子信息(千亿级)、装备制造(五百亿级)两大产业集群: each item's level in brackets after it
        bracketed: list[tuple[int, str]] = []
        for k, item in items:
            if (lb := re.search(r"\(([^()]{2,8})\)\s*$", item)) and (lv_item := level_of(lb.group(1))):
                levels[k] = lv_item
                item = item[: lb.start()]
            bracketed.append((k, item))
        items = bracketed
        # 千亿级A和百亿级B、C等产业集群: a 和 before a level word starts the next item, with its own level
        items = [part for k, item in items for part in _split_at_level(k, item)]
        made: list[Mention] = []
        traded = sum(1 for _, i in items if not is_generic(_cut_head(i) or "的", LEXICON.cluster_generic))
        if (
            counted
            and wanted
            and len(items) == 1
            and len(pair := _pair_of(items[0][1])) == cn_int(wanted.group(1)) == 2
        ):
            # A和B两大产业集群: the count says the one item is two
            k0 = items[0][0]
            items = [(k0, pair[0]), (k0 + len(items[0][1]) - len(pair[1]), pair[1])]
        if text[max(0, s - 1) : s] == "聚" or (
            counted
            and len(items) == 1
            and not (tail and "等" in tail.group(0) and _cut_head(items[0][1]))
            # (培育形成临港装备1个五百亿级产业集群: one industry, counted as one cluster, is named)
            and not (wanted and cn_int(wanted.group(1)) == 1 and level and len(_cut_head(items[0][1])) >= 2)
        ):
            # 聚集群 is a verb; 广东有7个集群 counts clusters, it names none
            items = []
        if (
            len(items) > 1
            and (owned := _PLACES_OWNING.match(items[-1][1]))
            and all(_place_begins(_cut_head(i.strip()), 0) for _, i in items[:-1])
            and _place_begins(owned.group("last"), 0)
            and (not owned.group("extra") or _place_begins(owned.group("extra"), 0))
            and not is_generic(owned.group("industry"), LEXICON.cluster_generic)
        ):
            # 依托于沂水、平邑、兰陵5县和河东区的食品产业集群: each place's cluster of that industry
            k_last = items[-1][0]
            places = [(k + len(i) - len(_cut_head(i.strip())), _cut_head(i.strip())) for k, i in items[:-1]]
            places.append((k_last + owned.start("last"), owned.group("last")))
            if owned.group("extra"):
                places.append((k_last + owned.start("extra"), owned.group("extra")))
            shared_industry = owned.group("industry")
            items = places
            each = True
        if body.rstrip().endswith(_LIST_SEP):
            items = []  # 精准招商、…、集群招商: the ending follows the list, it ends no item of it
        elif firm_list:
            items = []  # 甲、乙等企业形成百亿级产业集群: the list names the firms, not the cluster
        elif len(items) > 1 and any(re.search(r"(基地|园|园区|中心|项目|工程|平台)$", i) for _, i in items[:-1]):
            items = items[-1:]  # 某基地、某产业园、某产业集群等项目: a list of projects, not of clusters
        elif len(items) > 1:
            final = items[-1][1]
            last_cut = _cut_head(final)
            as_counted = bool(wanted and cn_int(wanted.group(1)) == len(items))
            if not as_counted and not _only_lead(
                final[: len(final) - len(last_cut)] if final.endswith(last_cut) else final
            ):
                items = items[-1:]  # A、B等产业集聚区为重点的C集群: the list before the verb is not of clusters
                # (A、B和为C配套的D等四大产业集群: as many items as the count, so the clause is D's own)
            else:
                last_head = _strip_level(last_cut)[0]
                if (
                    not last_head
                    or (
                        is_generic(last_head, LEXICON.cluster_generic)
                        and not as_counted
                        # (形成了石油化工、汽车、新材料、现代新兴产业集群: trades before a generic last item are
                        # clusters still; the item itself is one only if the list is long enough to say so)
                        and not (
                            len(items) >= 3
                            and all(
                                has_trade_word(h + "产业") and not is_generic(h, LEXICON.cluster_generic)
                                for h in (_cut_head(i) for _, i in items[:-1])
                            )
                        )
                    )
                ):
                    items = []  # 坚持A、B、C的集群发展模式: the ending names no cluster
                elif cut_at := max(
                    (
                        j
                        for j, (_, item) in enumerate(items[:-1])
                        if j > 0 and not _only_lead(item[: len(item) - len(_cut_head(item))])
                    ),
                    default=0,
                ):
                    items = items[cut_at:]  # 以A、B为龙头的C、D等产业集群: the clusters' list starts after the verb
        for k, item in items:
            if (
                len(items) == 1
                and (kind := _COUNTED_KIND.search(item))
                # (打造1个千亿级的文旅产业集群: one cluster, counted, with its level and trade)
                and not (level and cn_int(re.split(r"[大个类]", kind.group(0))[0]) == 1)
            ):
                continue
            head = _cut_head(item)
            if (serve := _SERVING.match(head)) and len(head) - serve.end() >= 2:
                head = head[serve.end() :]  # 项目都是服务石化产业集群的: what a project serves (not 服务业)
            if (year := re.match(r"(?:19|20)\d\d(?:年|(?![亿万千百元级个家吨多余]))(?=[\u4e00-\u9fff])", head)) and len(
                head
            ) - year.end() >= 4:
                head = head[year.end() :]  # 2024辽阳·小北河袜业特色产业集群(推介活动): the event's year
            head = head.lstrip("-—–")  # 先进制造业集群-宁波市磁性材料产业集群: a dash joined two names
            start_at = b + k + len(item) - len(head)
            if (
                len(head) >= 4
                and start_at >= 1
                and (
                    text[start_at - 1 : start_at + 1] in _WORD_ACROSS
                    or text[start_at - 2 : start_at + 1] in _WORD_ACROSS
                )
                and not _place_begins(head, 0)
            ):
                head = head[1:]  # 形成|农产品加工, 聚集|换热设备, 一批|特色: the cut left a word's last character
            if (slogan := re.match(r"[\dA-Za-z]+(?:\+[\dA-Za-z]+)+", head)) and is_generic(
                head[slogan.end() :] or "的", LEXICON.cluster_generic
            ):
                continue  # 推进9+5县域特色产业集群: a programme's slogan, no cluster named
            if (dot := head.find("·")) > 0 and _place_begins(head, 0) and len(head) - dot - 1 >= 4:
                head = head[dot + 1 :]  # 辽阳·小北河袜业: the city, then the town whose cluster it is
            ranked = ""
            if (rank := re.match(r"(.{2,6}?)(?:国家级|省级)(?=.{2,})", head)) and _place_begins(head, 0):
                # 莆田国家级新型功能材料产业集群: a rank between the place and the trade (kept as written)
                ranked, head = head, rank.group(1) + head[rank.end() :]
            if re.fullmatch(rf"[A-Za-z\d{_CN_NUM}几多]+(?:个|大|类)", head):
                continue  # 培育N个产业集群: a count, no cluster named
            if head.endswith("为") and not _place_begins(head[-2:], 0):
                continue  # 某设施为产业集群升级提供保障: what serves clusters in general, none named
            if head.endswith(("和", "及", "与")) and not _ends_with_place(head):
                continue  # 中国轻工业特色区域和产业集群: a title of two kinds, no cluster named
            if head.startswith("全国") and len(head) >= 6 and not _place_begins(head[2:], 0):
                head = head[2:]  # 打造全国玉米生物科技产业集群: the country is the scope, not the name's
            if (firm := _FIRM_BEFORE.search(head)) and len(head) - firm.end() >= 2:
                head = head[firm.end() :]  # 某某股份有限公司盐湖锂…产业集群项目: the firm builds the cluster's project
            if (chain_and := _CHAIN_AND.search(head) or _KIND_AND.search(head)) and len(head) - chain_and.end() >= 2:
                # 构建服装全产业链和绿色建材产业集群 / 某中心和辽中泵阀集群: a chain or a platform, then the cluster
                head = head[chain_and.end() :]
            offset = b + k + (len(item) - len(head))
            head, lv = _strip_level(head)
            if not lv and (amount := _AMOUNT_LEAD.match(head)) and len(head) - amount.end() >= 2:
                rest = head[amount.end() :]
                if _cut_head(rest) == rest:
                    lv, head = level_of(amount.group(1)), rest  # 打造200亿医药食品产业集群
                else:
                    head = _cut_head(rest)  # 投资30亿元建设某基地: an investment, then what it builds
            offset = b + k + item.rfind(head) if head else offset
            if not lv and not level and head and len(items) == 1 and (of := _AMOUNT_OF.search(text, 0, offset)):
                lv = level_of(of.group(1))  # 培育超千亿元的绿色食品产业集群, 营收1.2万亿元的…: its size
            if (
                head
                and not _place_begins(head, 0)  # "某某基地县"信阳市纺织服装产业集群: a title, then the place's own
                and (quoted := _QUOTED_HEAD.search(text, max(0, offset - 14), offset))
                and len(re.findall(rf"[\d{_CN_NUM}]", quoted.group(0))) < 2  # "一加三十": a slogan's numbers
            ):
                head, offset = (
                    quoted.group(0) + head,
                    quoted.start(),
                )  # "硫磷钛铁锂钙"循环经济产业集群: a quoted part of the name
            if (
                head
                and not _place_begins(head, 0)
                and (owner := _OWNER_PLACE.search(text, 0, offset))
                and owner.group("place") in _whole_places()
            ):
                # 福田区的5G信息技术应用产业集群、南山区的…: the division whose cluster it is, written with 的
                head, offset = owner.group("place") + head, owner.start("place")
            if (
                len(items) > 1
                and k == items[0][0]
                and (lead_zone := _ZONE_LEAD.match(head))
                and len(head) - lead_zone.end() >= 2
                and not any(_ZONE_LEAD.match(_cut_head(i)) for _, i in items[1:])
            ):
                # 苏州高新区高端装备制造、新一代信息技术…三大产业集群: the zone before the list is no part of
                # the first item's name (the span keeps it, so the zone is found inside the list's names)
                head = head[lead_zone.end() :]
            # an item of a list as long as its count is one of them (生产性服务业 among 五大…产业集群)
            counted_item = bool(wanted and cn_int(wanted.group(1)) == len(items) > 1 and len(head) >= 3)
            # (A、B、C、现代农业、D等优势产业集群: a trade of two general words among a long list of
            # trades is one of them)
            listed_trade = bool(head) and len(head) >= 4 and len(items) >= 4 and 2 * traded >= len(items)
            # 某市特色产业集群, in a text naming no other cluster: the place's one cluster
            place_one = (
                by_place
                and suffix == "特色产业集群"
                and len(items) == 1
                and _place_only(head)
                and _place_prefix_len(head) == len(head)  # (the place alone: not 某省中小企业)
                and not _PROVINCE_PART.fullmatch(head)
                and not head.endswith(("省", "自治区"))
            )
            if not place_one and (
                not head
                or (
                    is_generic(head, LEXICON.cluster_generic)
                    and not counted_item
                    and not _one_character_trade(head)
                    and not listed_trade
                )
                or _ZONE_ONLY.search(head)  # 拉萨经开区产业集群: a zone's clusters in general, none named
                or (len(items) == 1 and _place_only(head))  # 临沂市(特色)产业集群: a place's clusters in general
                or _NATIONAL_REGION.fullmatch(head)  # 京津冀、长三角等区域集群: regions, each of many clusters
                or _TOWARDS.search(head)  # 由初加工向精深加工、松散型经营向产业集群发展: a change, none named
                or _NOT_CLUSTER_HEAD.search(head)
                or head.startswith(_LIST_SEP)
                or head.count(")") > head.count("(")
            ):
                continue  # (省级(培育、特色)产业集群: a cut inside brackets leaves no name)
            if (
                suffix == "产业基地"
                and not (use_level := lv or level)
                and not _place_begins(head, 0)
                and not head.startswith(("中国", "国家"))  # 中国北方微电子产业基地: a base the state named
                and not (counted and len(items) > 1)  # 汽车、轨道客车两大产业基地: the bases a plan counts
                and not _hosted(text[:offset])  # 以某开发区、某县为主体的新能源产业基地: placed by its hosts
            ):
                continue  # 打造…产业基地 without a place or a level is an aim, not a named base
            if len(head) > 24 or (chains and "-" in head):
                continue
            use_level = lv or levels.get(k) or level
            # the last item carries the written ending; the others share it
            last = k + len(item) == len(body)
            # 装备制造(含机器人), 光电子产业(市级): what the brackets add is no part of the name
            name = canonical_cluster(
                re.sub(r"\(含[^()]*\)|\((?:国家级|省级|市级|县级)\)", "", head) + shared_industry, suffix
            )
            mention = Mention(
                "cluster",
                normalise_name(name),
                piece.at(offset),
                piece.end_at(e if last else b + k + len(item)),
                piece.paragraph,
                # 湖北小龙虾、三峡蜜橘等优势特色产业集群: the kind between list and ending stays in the name as written
                written=normalise_name(
                    (ranked or head)
                    + shared_industry
                    + focus_kind
                    + (
                        qual
                        if (qual := (tail.group("qual") or "") if tail else "") and not re.search(r"亿|重点", qual)
                        else ""
                    )
                    + suffix
                ),
                level=use_level[0] if use_level else None,
                target_yi=use_level[1] if use_level else None,
                industry=normalise_name(head + shared_industry),
                group=piece.at(s) if len(items) > 1 else -1,
                each=each,
                ending=(piece.at(s), piece.end_at(e)),
                # (纺织服装、工程机械、新兴产业三大产业集群: a generic item the count makes one of them)
                via="counted"
                if (counted_item or listed_trade) and is_generic(head, LEXICON.cluster_generic)
                else "name",
            )
            made.append(mention)
        if not made:
            # a generic name followed by its members: 三大集群(A、B、C) / 培育千亿级产业集群2个:A、B
            enum = _ENUM_AFTER.match(text[e:])
            bracket = _bracket_industry(text, e)
            listed = enum.group("br") or enum.group("co") or "" if enum else ""
            if (
                enum
                # 5000亿元级别的产业集群1个(物联网): a count of one names its one member
                and (_LIST_SEP in listed or (cn_int(enum.group("n") or "") == 1 and enum.group("br")))
                and not _CLUSTER_RX.search(re.split(r"[,;]", listed)[0])
            ):
                # (the members that carry the ending themselves are read one by one)
                inner = re.sub(r"等$", "", listed)  # A、B、C等
                base = e + enum.start("br" if enum.group("br") else "co")
                for k, item in _split_items(inner, conj=False):
                    head = item.strip()
                    sm = _CLUSTER_RX.search(head)
                    if sm and sm.end() == len(head):
                        head, suf = head[: sm.start()], sm.group(1)
                    else:
                        suf = suffix
                    head = re.sub(r"\(含[^()]*\)", "", _cut_head(head))  # 装备制造(含机器人)
                    if not head or is_generic(head, LEXICON.cluster_generic) or len(head) > 24:
                        continue
                    made.append(
                        Mention(
                            "cluster",
                            normalise_name(canonical_cluster(head, suf)),
                            piece.at(base + k),
                            piece.end_at(base + k + len(item)),
                            piece.paragraph,
                            level=level[0] if level else None,
                            target_yi=level[1] if level else None,
                            industry=normalise_name(head),
                            via="list",
                        )
                    )
                floor = base + len(inner)
            elif (
                level
                and (ind := _last(_INDUSTRY_OUTPUT.finditer(text, 0, s)))
                and not is_generic(_cut_head(ind.group(1)), LEXICON.cluster_generic)
            ):
                # 使汽车产业产值…保持增长,打造了千亿级产业集群: the cluster of the industry whose output it reports
                head = _cut_head(ind.group(1))
                made.append(
                    Mention(
                        "cluster",
                        normalise_name(head + "产业集群"),
                        piece.at(ind.start(1) + len(ind.group(1)) - len(head)),
                        piece.end_at(e),
                        piece.paragraph,
                        level=level[0],
                        target_yi=level[1],
                        industry=normalise_name(head),
                        via="output",
                    )
                )
            elif (
                level
                and (pivot := _last(_PIVOT_INDUSTRY.finditer(text, 0, s)))
                and not re.search(r"[;。]", text[pivot.end() : s])
                and any(w in pivot.group(1) for w in _industry_vocabulary())
                and not is_generic(_cut_head(pivot.group(1)), LEXICON.cluster_generic)
            ):
                # 正以新能源汽车为支点,撬动起千亿级产业集群: the industry the cluster turns on names it
                head = _cut_head(pivot.group(1))
                made.extend(industry_clusters(piece, [(pivot.end(1) - len(head), head)], level, via="pivot"))
            elif (
                (zone_of := _last(_ZONE_OF_INDUSTRY.finditer(text, 0, s)))
                and _FORMED.search(text, zone_of.end(), s)
                and not re.search(r"[;。]", text[zone_of.end() : s])
                and not is_generic(_cut_head(zone_of.group(1)), LEXICON.cluster_generic)
            ):
                # 即墨汽车产业集聚区,以A、B为龙头,形成了规模过千亿的产业集群: the cluster of the zone's industry
                # (its span is the trade's words; those between, 以A、B为龙头, are the cluster's links)
                head = _cut_head(zone_of.group(1))
                made.extend(industry_clusters(piece, [(zone_of.end(1) - len(head), head)], level, via="zone"))
            elif wanted and (listed_before := _counted_industries(text[:s], cn_int(wanted.group(1)))):
                # 打造A、B、C三大主导产业,培育出三大百亿级产业集群: the clusters are the industries counted before
                made.extend(industry_clusters(piece, listed_before, level))
            elif (
                bracket
                and not _NOT_CLUSTER_HEAD.search(bracket[0])
                # (产业集群(第一批)名单: the batch, no industry)
                and not is_generic(bracket[0], LEXICON.cluster_generic)
            ):
                # 河南省中小企业特色产业集群(纺织服装): the industry is in the brackets
                inner, close = bracket
                inner = re.sub(r"(?:等)?(?:领域|方向|行业)$", "", inner)
                n = re.search(rf"([\d{_CN_NUM}]+)个$", left)
                count = cn_int(n.group(1)) if n else None
                joined = re.split(r"和|与|及", inner)
                parts = joined if count is not None and count >= 2 and len(joined) == count else [inner]
                for part in parts:
                    named = part if part.endswith(("集群", "基地")) else part + suffix  # (先进钢铁材料及应用集群)
                    made.append(
                        Mention(
                            "cluster",
                            normalise_name(named),
                            piece.at(b),
                            piece.end_at(close),
                            piece.paragraph,
                            written=normalise_name(text[b:close]) if len(parts) == 1 else "",
                            level=level[0] if level else None,
                            target_yi=level[1] if level else None,
                            industry=normalise_name(re.sub(r"(?:产业)?(?:集群|基地)$", "", part)),
                            via="bracket",
                        )
                    )
                floor = close
        out.extend(made)
    out.extend(_level_only_mentions(piece))
    # 以牧原为链主的肉食品加工: a chain with its chain leader, the unit of a 链长制 plan
    for m in _LED_CHAIN.finditer(text):
        head = _cut_head(m.group(1))
        if (
            len(head) >= 2
            and not is_generic(head, LEXICON.cluster_generic)
            and not any(o.start <= piece.at(m.start(1)) < o.end for o in out)
        ):
            out.append(
                Mention(
                    "cluster",
                    normalise_name(head + "产业链"),
                    piece.at(m.start(1)),
                    piece.end_at(m.end(1)),
                    piece.paragraph,
                    industry=normalise_name(head),
                    via="chain",
                )
            )
    # 一体化道路机械智能制造产业获评省级特色产业集群: an industry recognised as a cluster
    for m in _RECOGNISED.finditer(text):
        head = _cut_head(m.group(1))
        if (
            len(head) >= 2
            and not is_generic(head, LEXICON.cluster_generic)
            and not any(o.start <= piece.at(m.start(1)) < o.end for o in out)
        ):
            st = m.start(1) + len(m.group(1)) - len(head)
            out.append(
                Mention(
                    "cluster",
                    normalise_name(head + "产业集群"),
                    piece.at(st),
                    piece.end_at(m.end(1) + 2),
                    piece.paragraph,
                    industry=normalise_name(head),
                    via="recognised",
                )
            )
    for found in out:
        if (
            found.target_yi is None
            and sum(1 for o in out if o.ending == found.ending) == 1  # (A、B等18个产业集群营收超过500亿元: the group's)
            and (goal := _GOAL_AFTER.match(text, piece.index(found.end)))
        ):
            # 电子信息产业集群营业收入突破1000亿元, 汽车产业集群达到800亿元: the cluster's target
            found.target_yi = float(goal.group(1)) * (10000 if goal.group(2) == "万亿" else 1)
        if (
            found.written in ("", found.name)
            and (where := _WHERE_AFTER.match(text, piece.index(found.end)))
            and _place_begins(where.group(1), 0)
        ):
            found.written = found.name + where.group(0)  # 陶瓷产业集群(醴陵市): where it is, as written
        elif found.written in ("", found.name) and (variant := _VARIANT.match(text, piece.index(found.end))):
            found.written = found.name + variant.group(0)  # …特色产业集群(基地): the full title, as written
    return out


# the industry whose output a level measures, or which is heading for the level (X产业向千亿级产业集群迈进)
_INDUSTRY_OUTPUT = re.compile(
    r"([\u4e00-\u9fff]{2,10}?)产业(?:总产值|产值|规模|营业收入|营收|主营业务收入|向|迈向|冲刺|跻身|进军)"
)


_LED_CHAIN = re.compile(r"为链主的([\u4e00-\u9fff]{2,12}?)(?:产业链|链条|产业|链)?(?=[、,;。]|等|和|及)")
_RECOGNISED = re.compile(
    r"([\u4e00-\u9fff()]{2,24}?)产业(?:获评|被评为|入选|被认定为|认定为|列入|被列入|被列为|列为|获批)[^,。;:]{0,14}?集群"
)


def _level_only_mentions(piece: Piece) -> list[Mention]:
    """Bases and belts named with a level: 千亿级…产业基地."""
    text = piece.text
    out: list[Mention] = []
    for m in _LEVEL_ONLY_RX.finditer(text):
        b = _left_head(text, m.start())
        left = text[b : m.start()]
        lm = None
        for lm in _LEVEL_RX.finditer(left):
            pass
        if not lm:
            continue
        level = level_of(lm.group(1))
        after = _cut_head(left[lm.end() :])
        before = _cut_head(left[: lm.start()]) if lm.start() > 0 else ""
        # 安阳千亿级精品钢产业基地: the place before the level stays in the name
        head = before + after if before and len(before) <= 6 and _place_begins(before, 0) else after
        if not head or is_generic(head, LEXICON.cluster_generic) or len(head) > 24:
            continue
        start = m.start() - len(after) - (len(before) + (lm.end() - lm.start()) if head != after else 0)
        out.append(
            Mention(
                "cluster",
                normalise_name(head + m.group(1)),
                piece.at(start),
                piece.end_at(m.end()),
                piece.paragraph,
                level=level[0] if level else None,
                target_yi=level[1] if level else None,
                industry=normalise_name(head),
            )
        )
    return out


# 装备制造(智能装备)·广州黄埔区 / 石油化工·广东惠州大亚湾经济技术开发区: the name the national lists give a
# demonstration base (示范基地), its trade (and branch), a middle dot, then the zone or place that carries it
_DOT_BASE = re.compile(
    r"(?P<trade>[\u4e00-\u9fff]{2,12}(?:\([\u4e00-\u9fff、]{2,14}\))?)·(?=(?P<carrier>[\u4e00-\u9fff]{2,24}))"
)


@lru_cache(maxsize=1)
def _province_base() -> re.Pattern[str]:
    """特钢新材料及制品江苏江阴高新技术产业开发区: a base written without its dot, the carrier opening
    with its province's name (as the national lists write carriers)."""
    from .zones import province_lead

    provinces = province_lead().pattern.removeprefix("^")
    return re.compile(
        rf"(?:^|(?<=[、,;:]))(?P<trade>[\u4e00-\u9fff]{{2,12}}(?:\([\u4e00-\u9fff、]{{2,14}}\))?)"
        rf"(?=(?P<carrier>{provinces}[\u4e00-\u9fff]{{2,24}}))"
    )


def base_carrier(name: str) -> str:
    """The carrier of a base's name: after its dot, or where its province's name begins."""
    if "·" in name:
        return name.split("·", 1)[1]
    m = _province_base().search(name)
    return name[m.start("carrier") :] if m else ""


def demonstration_bases(piece: Piece) -> list[Mention]:
    """Bases a list names by trade and carrier (新材料(电池材料)·湖南金洲新区): one cluster each, named as
    written, when the trade is a trade and the carrier a zone or a place. A page about 示范基地 may
    write them without the dot when the carrier opens with its province (特钢新材料及制品江苏江阴高新区)."""
    out: list[Mention] = []
    found = list(_DOT_BASE.finditer(piece.text))
    if "示范基地" in piece.text or "产业基地" in piece.text:
        found += [m for m in _province_base().finditer(piece.text) if m.group("carrier")]
    for m in found:
        trade = _cut_head(m.group("trade"))
        carrier = re.split(r"和|及|与|以及|等", m.group("carrier"))[0]
        if len(trade) < 2 or not has_trade_word(re.sub(r"\(.*\)$", "", trade) + "产业"):
            continue
        n = 0
        while n < len(carrier) and (k := _place_prefix_len(carrier[n:])):
            n += k  # 广州黄埔区 / 湖南祁阳: places, one after another
        if n < len(carrier):
            zone = next((z for z in LEXICON.zone_suffixes if z in carrier), None)
            if zone is None or not _place_begins(carrier, 0):
                continue  # (no zone and no place: a dot that joins other words)
            carrier = carrier[: carrier.rindex(zone) + len(zone)]
        start = m.start("trade") + len(m.group("trade")) - len(trade)
        end = m.start("carrier") + len(carrier)
        out.append(
            Mention(
                "cluster",
                normalise_name(piece.text[start:end]),
                piece.at(start),
                piece.end_at(end),
                piece.paragraph,
                industry=normalise_name(re.sub(r"\(.*\)$", "", trade)),
                via="name",
            )
        )
    return out

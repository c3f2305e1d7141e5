"""Mentions of firms: legal-form suffixes, firms before 等龙头企业, anchors (以…为龙头), sponsors."""

from __future__ import annotations

import re
from functools import lru_cache

from clusterkg.text import normalise_name

from ..lexicon import LEXICON
from ..segments import Piece, cn_int
from .common import (
    _CN_NUM,
    _COUNT,
    _INVESTED_BY,
    _LIST_SEP,
    BRING_VERBS,
    Mention,
    _city_stems,
    _cut_head,
    _industry_vocabulary,
    _left_head,
    _place_begins,
    _place_names,
    _place_prefix_len,
    _split_items,
    _strip_words,
    _whole_places,
    _with_he,
    has_trade_word,
    is_generic,
    product_word,
    product_words,
)

_FIRMS_AFTER = re.compile(
    r"等一批(?:[^,。;、]{1,8}、)?[^,。;、]{0,20}?(?:企业|公司|佼佼者)|等(?:行业|领域|产业链)(?:龙头|骨干|领军|头部|链主|重点)企业|等(?:产业链|上下游)(?:配套)?企业|"
    # 等14家氢能产业重点企业: firms counted, whatever trade the count names
    r"等(?:近|约|超过|超|上)?\d+(?:余|多)?家[\u4e00-\u9fff“”]{0,12}?(?:企业|公司)|等上[百千]家[\u4e00-\u9fff]{0,12}?企业|(?:等(?!地|地区|国家(?!级)|省|市|县)|[一二三四五六七八九十两]+大|(?<=[\u4e00-\u9fff])(?=(?:[两二三四五六七八九十]+|\d{1,2})[家大]))(?:一批|(?:近|约|超过|超)?\d+(?:余|多)?[家户]|(?:近|约)?[一二三四五六七八九十两几数百]+(?:余|多)?[家户大])?[\"“”'‘’]?(?:(?!领域|行业|产业|方面|项目|工程|建设|问题|困难|瓶颈|短板|制约|因素|措施|政策|部门|单位|机构)[\u4e00-\u9fff\d\"“”'‘’]){0,12}?[\"“”'‘’]?"
    # 等5家粮油巨头, 等知名汽车厂商, 等各类食品加工名企, A、B三家央企: other words for the firms a list names
    r"(?:企业|公司|名企|巨头|厂商|央企|国企|民企|外企|车企|药企)"
    # (A、B等10个国家中小企业特色产业集群: clusters of small firms, not firms)
    r"(?![\u4e00-\u9fff]{0,6}集群)"
)
_CITED = re.compile(r"(?:整理|数据|统计|发布|报告|预测|监测|显示)")
_MAKERS = re.compile(r"(?:厂商|车企|巨头)([\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)等")
_BROUGHT_IN = re.compile(
    rf"(?:{BRING_VERBS})([\u4e00-\u9fff、()]{{4,60}}?)等(?:一批)?"
    # (等世界500强、中国500强铝产业企业: ranks listed before the kind of firm)
    rf"(?:(?:世界|中国|全国|国内|民营)500强、)*[^,。;、]{{0,14}}?(?:项目|企业|产业)"
)  # (引进A药业、B医疗器械等医药产业: the firms brought in, whatever the trade they are counted under)


@lru_cache(maxsize=8192)
def brought_in_firm(head: str) -> bool:
    """Whether an item of a list of what was brought in (引进A、B等项目) is a firm's short name:
    it keeps a name of its own once the industry words are taken out (华谊化工 → 华谊); a kind
    does not (光伏组件 → nothing)."""
    proper = head
    for w in (*_industry_vocabulary(), *product_words()):
        proper = proper.replace(w, "")
    return (
        2 <= len(head) <= 8
        and len(proper) >= 2
        # a place and a trade (东港化工) may be the place's industry; a longer name is a firm's (莲花医疗器械)
        and (not _place_begins(head, 0) or len(head) >= 6)
        and not _NOT_FIRM.search(head)
        and not _ACTIVITY_END.search(head)  # 技术研发试验, 成果转化: what is done, not who does it
    )


_ACTIVITY_END = re.compile(r"(?:研发|试验|转化|创新|集成|处理|检测|研究|孵化|培训|展示|交易|推广)$")


_FIRM_PEOPLE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:(?:资深|常务|执行|高级|名誉|助理)?副?(?:董事长兼总经理|董事长兼总裁|董事兼联席总裁|董事兼总裁|联席总裁|董事长|总经理|总裁)"
    r"|(?:有关)?负责人|员工|职工|技术人员|工作人员)"
)
_SETTLED = re.compile(
    r"(?:^|[,;:。—])([\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)(?:等企业|等[^,。;、]{0,12}?)?(?:相继|先后|纷纷|陆续)(?:落户|入驻|签约落地|投产|建成投产|扎根)"
)
_ARE_FIRMS = re.compile(
    r"(?:^|[,;:。])([\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)(?:……|…|等)*(?:都是|均是|均为|都为)[^,。;]{0,12}?(?:企业|公司)"
)
_FIRM_SUBJECT = re.compile(
    r"(?:^|[,;:。])\s*([\u4e00-\u9fff]{3,8}?)等?(?:荣膺|荣获|入选|连续入选|获批|获评|发力|跻身|位列|是全国最大|是国内最大|是全球最大|"
    r"(?:\d{4}年度?)?(?:完成|实现)(?:产值|营收|营业收入|销售收入)|开发的|研发的|生产的|(?:先后|累计|陆续|已|共|再次)?(?:计划|拟|总)?投资(?:约|近|超)?\d|"
    r"(?:成功|正式|已)?(?:落户|入驻|签约落地))"
)
_IS_ANCHOR = re.compile(
    r"(?:^|[,;:。])\s*([\u4e00-\u9fff()]{2,16}?)(?:是|为|作为|成为)[^,。;:]{0,20}?(?:链主企业|龙头企业|领军企业|链主)"
    # 某针织是全省产能最大的企业: a clause that says its subject is the biggest or first of the firms
    r"|(?:^|[,;:。])\s*([\u4e00-\u9fff]{2,8}?)是(?:目前)?[^,。;:是]{0,16}?(?:最大|最强|第一|唯一|首家)[^,。;:]{0,8}?(?:企业|公司|厂家)"
)
_ROLE_THEN_NAMES = re.compile(
    r"(?<![等的])(?:龙头企业|链主企业|骨干企业|领军企业)((?:[\u4e00-\u9fff()]{2,12}?、)*[\u4e00-\u9fff()]{2,12}?)(?=[,;。]|等|$)"
)
_ROLE_THEN_ONE = re.compile(r"(?<![等的])(?:龙头企业|链主企业|骨干企业|领军企业)([\u4e00-\u9fff]{2,8}?)(?=[、,;。]|等)")
_ROLE_NOT_NAME = re.compile(
    r"名单|名录|清单|数量|规模|占比|达到|超过|实现|带动|引领|引路|示范|作用|发展|增长|产值|营收|[个家户]|培育|梯队|集聚|引进|领域|意识|"
    r"^(?:进入|树立|加快|实施|开展|建立|推进|提升|参与|发挥|带头|牵头|积极|主动|上市|要|应|将|可|在|向|与|和|以|为)"
)
_PARTNER = re.compile(
    r"与([\u4e00-\u9fffA-Za-z、]{2,40}?)(?:等[\u4e00-\u9fff]{0,10}?)?(?:的)?(?:现场|当场|正式|分别|共同)?(?:深度|深入|全面)?(?:签约|签订|签署|对接合作|合作|战略合作)"
)
_NOT_PARTNER = re.compile(
    r"高校|大学|学院|院校|研究|政府|部门|机构|协会|商会|地区|国家|城市|园区|企业|项目|省|市|县|区|"
    r"^(?:科技|技术|人才|资本|金融|产业|经济|文化|旅游|贸易|各方|多方|有关方面)$"
)
_LEAD_HOW = re.compile(
    r"(?:强劲|重要|积极|显著|关键|良好|明显|突出|巨大|核心|主导|重大|更好|强大|有效|应有|较大|很大|充分|最大)"
)
_SPONSOR_LABELS = {"承担单位:", "建设单位:", "实施主体:"}
_ALSO_CALLED = re.compile(r"\((?:以下简称|以下称|下称|简称)[^()]{1,20}\)")
_LEAD_ROLE = re.compile(
    r"发挥([\u4e00-\u9fff()、和及]{2,40}?)(?:等企业|等龙头企业)?的?(?:龙头|引领|带动|辐射|示范)(?:带动|引领)?作用"
)
# 支持A做强 / 支持A、B技改扩能: the firms a support statement names (its verbs are the lexicon's)
_SUPPORT = re.compile(r"支持([\u4e00-\u9fff()、]{2,40}?)(?:" + "|".join(map(re.escape, LEXICON.firm_verbs_after)) + ")")
_FIRM_RX = re.compile(
    "(" + "|".join(map(re.escape, LEXICON.firm_suffixes)) + ")(?![\u4e00-\u9fff]{0,1}(?:产品|项目|企业))"
)
# what a works produces (年产…, 500套以上能力的): a firm's name states no output
_OUTPUT = re.compile(r"年产|\d+(?:\.\d+)?(?:万|亿)?(?:吨|套|台|辆|千瓦|瓦|平方米)|能力的")
_NOT_FIRM = re.compile(
    r"^(?:行业|实力|知名|优质|大型|头部)|央企$|国企$|民企$|外企$|"  # 实力央企, 行业龙头: kinds of firm spoken of
    r"(企业|龙头|骨干|项目|工程|产业|园区|集群|基地|单位|部门|政府|机构|平台|协会|联盟|以上|规上|规模|理念|思想|战略|"
    r"需求|市场|政策|目标|方向|导向|原则|精神|人才|机制|模式|体系|优势|资源|产品|服务|品牌|标准|创新|"
    r"政协|人大|党委|县委|市委|管委会|办事处|供应商|服务商|经销商|代理商|报业集团|报社|电视台|产业公司|发电|竞争|分工|"
    r"学校|小学|中学|大学|师大|学院|医院|幼儿园)(?:\([^()]*\))?$|^(大企业|大集团)|"  # (某小学, 某工程(二期): no firm)
    r"^(?:合资|独资|外资|我们|我|该|本|这家|两家|新|子|母)(?:公司|集团)$"
)


_PARK_BEFORE = re.compile(r"^.{2,12}?(?:工业园区|产业园区|开发区|高新区|经开区|工业园|产业园)(?=.{4,})")
_MAKER_BEFORE = re.compile(r"^.{0,12}?(?:厂商|厂家|生产商|制造商)(?=.{4,})")
_FIRM_LEGAL_END = re.compile(r"(?:公司|集团)$")
_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,6}?分(?:公司|厂)")
_TIME_SUBJECT = re.compile(
    r"连续|近[\d一二三四五六七八九十两几]|[\d一二三四五六七八九十两几多]+年|今年|去年|先后|累计|多次|首次|再次"
)
_LINK_WORDS = ["由", "和", "与", "及", "向", "对", "为", "是", "把", "被", "联合", "携手", "投资"]
_KIND_THEN_FIRMS = re.compile(
    r"(?:关联|配套|上下游)企业([\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})+)(?=[。;,]|$)"
)
_COUNTED_BEFORE = re.compile(rf"[\d{_CN_NUM}几数]+(?:余|多)?家$")
_PHASE_END = re.compile(r"[一二三四五六七八九十\d]期(?:工程)?$")
_ZONE_END = re.compile("(?:" + "|".join(map(re.escape, LEXICON.zone_suffixes)) + ")$")


_FIRM_AT = re.compile(r"([\u4e00-\u9fff]{2,8})在(?=[^,;。、在]{2,24}?(?:\d|年产|扩建|新建|技改)[^,;。、在]{0,16}?项目)")


def _last_preposition(head: str, words: str) -> int:
    """Where the last of ``words`` (one character each) stands in ``head`` as a preposition, not as
    part of a word that keeps it (国广国际在线网络: 在线), or -1."""
    for k in range(len(head) - 1, -1, -1):
        if head[k] in words and not head.startswith(LEXICON.cut_keep, k):
            return k
    return -1


_KIND_OF_FIRM = re.compile(
    r"(?:报业集团|报业有限公司|报社|电视台|产业公司|供应商|服务商|经销商|代理商)$|^[+]?(?:政府|国有|专业|市场化|产业|[+])*(?:开发|平台|投资|运营)公司$|^(?:零部件|部件|配件|原料)厂$"
    r"|^(?:投资)?(?:规模|含量|效益|消耗|污染|技术)[大高好低少多强新]$"  # 引进一批投资规模大、科技含量高的项目
    r"|^[\u4e00-\u9fff]{1,4}型(?:公司|企业)$"  # 科技型公司: a kind of firm
    # institutes, hospitals and universities are no firms (an institute of a firm's group is its)
    r"|^(?!.*(?:集团|公司)).*(?:研究院|研究所|医院|大学|学院)$"
)
_BROUGHT_LIST = re.compile(
    r"(?:引进|引入)了?(?:总?投资[^,;。的]{2,40}的)([\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})*(?:和[\u4e00-\u9fff]{2,12}))(?=[,;。]|以及)"
)
_CORE_OF_CLUSTER = re.compile(r"以([^以,;。:]{4,60}?)为核心的[^,;。]{0,20}?(?:产业集群|集群)")
_ROLE_CLAUSE = re.compile(r"为(?:核心|基础|龙头|主体|支撑|重点|引领|主导|依托|载体|纽带)、")


def _kinds_of_product(parts: list[tuple[int, str]]) -> bool:
    """乘用车、商用车、专用车: short items sharing their last character name kinds, not firms."""
    heads = [_cut_head(i) for _, i in parts]
    if len(heads) >= 3 and any(len(h) == 1 for h in heads):
        return True  # 再生铜、铝、不锈钢等加工企业: a material of one character is no firm's name
    if len(heads) >= 3 and 2 * sum(1 for h in heads if h and _only_industry(h, products=True)) > len(heads):
        return True  # 以高端合成树脂、工程塑料、新能源材料…等企业为主体: most items are kinds, so all are
    return len(heads) >= 3 and all(len(h) <= 3 for h in heads) and len({h[-1:] for h in heads}) == 1


# …为代表的五大优势主导产业 / 六大生产性服务产业: after 为代表, a count of industries
_COUNTED_TRADES = re.compile(
    rf"的?[\d{_CN_NUM}]+(?:大|个|类)[\u4e00-\u9fff]{{0,10}}?(?:产业|行业|领域)(?!集群|链|园|基地|[\u4e00-\u9fff]{{0,4}}(?:企业|公司))"
    rf"|的?[“\"][{_CN_NUM}]+[\u4e00-\u9fff]{{1,2}}[”\"]"  # 以水电、风电、核电为代表的“六电”: a slogan's count of kinds
)
# …为代表的四大战略性新兴产业集群: after 为代表, a count of clusters, which the list's items are
_COUNTED_CLUSTERS = re.compile(rf"的?[\d{_CN_NUM}]+(?:大|个|类)[\u4e00-\u9fff]{{0,10}}?集群")
# 引进A、B、C(,|。|end): a bring verb, then a bare list that closes the clause
_BROUGHT_BARE = re.compile(
    rf"(?:{BRING_VERBS})了?([\u4e00-\u9fff]{{2,8}}(?:、[\u4e00-\u9fff]{{2,8}}){{2,}})(?=[,;。]|$)"
)
# 依托A(、B),建设/打造…: what the clause builds on, then what it builds
_RELIED_ON = re.compile(r"(?:^|(?<=[,;:。]))依托([\u4e00-\u9fff、]{2,30}?)[,，](?:建设|打造|发展|培育|做强|做大|壮大)")
# the trades of firms that serve firms: 企业管理, 企业服务 (企业 is no kind of firm before them)
_FIRMS_TRADE = ("管理", "服务", "咨询", "孵化", "发展")


def _firm_item(item: str) -> str | None:
    head = _cut_head(item.strip())
    if head.endswith(")") and "(" not in head:
        head = head[:-1]  # …(以下简称蜀翼通航): the bracket closed before the short name
    if head in LEXICON.not_firms:
        return None  # 与法国、瑞典等公司合作: countries, not firms
    head = re.sub(r"^(?:龙头企业|骨干企业|重点企业|链主企业|企业)", "", head)
    if (
        (k := head.rfind("企业")) >= 0
        and len(head) - k - 2 >= 2
        and not head.startswith(_FIRMS_TRADE, k + 2)  # 河南银港企业管理集团: 企业管理 is its trade
    ):
        head = head[k + 2 :]  # 整车制造企业一汽集团: the firm follows the kind it is
    if (k := head.find("和")) >= 2 and len(head) - k - 1 >= 2 and head[:k] in LEXICON.known_firms:
        head = head[:k]  # 链主企业比亚迪和速腾聚创、…: the known firm first; the one after 和 is read on its own
    if (k := _last_preposition(head, "与在")) >= 1 and len(head) - k - 1 >= 2:
        head = head[k + 1 :]  # 均在长春与一汽集团: the firm after the last preposition
    if len(head) < 2 or len(head) > 30 or _COUNT.search(head) or _NOT_FIRM.search(head):
        return None
    if _OUTPUT.search(head):
        return None  # 年产…叶片300套以上能力的叶片厂: a works being built, no firm
    if head in _whole_places():
        return None  # 城阳区与甲有限公司、乙株式会社等企业: the place that signs with them is no firm
    if _PHASE_END.search(head) or _ZONE_END.search(head):
        return None  # 某陶瓷二期, 某新城工业园: a firm's project or park, not the firm
    if is_generic(head, LEXICON.cluster_generic | LEXICON.project_generic):
        return None
    if _only_industry(head, products=True) or (len(head) == 2 and head.endswith("业")):
        return None  # 上游原材料、铸造、配套包装等企业, 铝业为龙头: kinds of firm or trades, not firms
    if (
        head.endswith("性")
        or head.startswith(("年加工", "年产", "年处理"))
        or ((act := re.search(r"(?:制造|加工|生产|种植|养殖|研发)$", head)) and _only_industry(head[: act.start()]))
    ):
        return None  # 以船舶海工制造为龙头, 政府性: an activity of a trade or a quality, not a firm (某某肉制品加工 is)
    return head


def _split_with_yu(k: int, item: str) -> list[tuple[int, str]]:
    """An item of a firm list joined by 与 (甲钢构与乙机械) is two names, unless a place stands
    before 与 (均在长春与一汽集团: where, then the firm)."""
    j = item.find("与")
    if j < 2 or len(item) - j - 1 < 2 or _place_begins(_cut_head(item[:j]), 0) or "与" in item[j + 1 :]:
        return [(k, item)]
    return [(k, item[:j]), (k + j + 1, item[j + 1 :])]


@lru_cache(maxsize=8192)
def _only_industry(head: str, products: bool = False) -> bool:
    """Whether nothing of ``head`` is left once its industry words (and, with ``products``, the
    chain catalogue's products: 变压器配套材料) are taken out (印刷, 配套包装); one character left
    names a firm (乌石化, 中光学), unless the trade words make a long name of their own (氟化工新材料:
    a trade, 氟 its element)."""
    proper = head
    for w in (*_industry_vocabulary(), *(product_words() if products else ())):
        proper = proper.replace(w, "")
    # (现代物流, 生态休闲, 绿色食品加工, 普通机械配件制造: a trade with the words that qualify it)
    proper = _TRADE_QUALIFIERS.sub("", proper)
    return not proper or (len(proper) == 1 and len(head) >= 5)


# words that qualify a trade and name no firm (现代物流, 全套配件, 生物制药, 百亿级电池)
_TRADE_QUALIFIERS = re.compile(
    r"现代|绿色|高端|普通|全套|生态|休闲|生物|精细|新型|先进|特色|传统|优质|特种|高性能|精密|综合|展贸|建设|"
    r"[百千万]亿级|钢件|制药|旅游|康养|文化|科技服务|有机|无机|合成"
)


def firm_mentions(piece: Piece) -> list[Mention]:
    """Firms: names with a legal-form ending, and lists the genre marks as firms."""
    text = piece.text
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, via: str) -> None:
        name = re.sub(r"\(\d{2,4}[所厂]\)$", "", normalise_name(text[start:end]))  # 某研究所(608所): its number
        if re.fullmatch(r"\([A-Za-z][\w&.\- ]{1,11}\)", name):
            return  # 以某某有限公司(CATL)和…为龙头: the firm's abbreviation in brackets is no firm of its own
        if (
            re.search(r"\(\s*-?\d[\d.,\s+\-%]*\)$", name)
            and (k := max(text.rfind("(", start, end), text.rfind("（", start, end))) > start
        ):
            end = k  # 某超导(12.340, -0.5, -2.1%): a stock quote a page put after the firm's name
            name = normalise_name(text[start:end])
        if name.endswith("事业部") and len(name) >= 5:
            name = name[: -len("事业部")]  # 立达信事业部: a division speaks for its firm
        if re.match(r"[区县旗](?=[\u4e00-\u9fff]{4})", name) and (
            text[start - 1 : start] == "园" or _place_prefix_len(text[max(0, start - 4) : start + 1])
        ):
            # 该区工业园区健翔生物制药有限公司 cut after 工业园: the 区 is the park's (区块链… is a trade)
            name, start = name[1:], start + 1
        if (k := name.find("联合")) >= 0 and _place_begins(name[k + 2 :], 0):
            name, start = name[k + 2 :], start + k + 2  # 研究院联合深圳某某有限公司: the firm joined (联合利华 is one)
        if (kind := re.match(r"(?:大型|知名|龙头|骨干)?(?:企业|药企|车企|房企|央企|国企|民企|外企)", name)) and len(
            name
        ) - kind.end() >= 4:
            name, start = name[kind.end() :], start + kind.end()  # 大型药企某某控股集团: the firm after its kind
        if (park := _PARK_BEFORE.match(name)) and _place_begins(name, 0) and _FIRM_LEGAL_END.search(name):
            name, start = name[park.end() :], start + park.end()  # 凉州工业园区甘肃某某有限公司: the firm in the park
        if (maker := _MAKER_BEFORE.match(name)) and _FIRM_LEGAL_END.search(name):
            # 锂离子电池研发生产厂商美国某某公司: the firm after the kind of maker it is
            name, start = name[maker.end() :], start + maker.end()
        if name.endswith("生产") and len(name) >= 5 and not _only_industry(name[:-2]):
            name, end = name[:-2], end - 2  # 引进甲面包糠生产、乙可可生产等配套企业: the firm, then what it does
        if (junk := re.match(r"[xX]{2,}(?=[\u4e00-\u9fff])", name)) is not None:
            name, start = name[junk.end() :], start + junk.end()  # xxxx宝钛集团: a page's placeholder before the name
        if (lead := re.match(r"\d{4}[-–—]\d{4}(?=[\u4e00-\u9fff])", name)) is not None:
            name, start = name[lead.end() :], start + lead.end()  # 2014-2024某某有限公司: a copyright's years
        if (at := re.search(r"在([\u4e00-\u9fff]{2,6})$", name)) and at.start() >= 2 and _place_begins(at.group(1), 0):
            name, end = name[: at.start()], end - len(at.group(0))  # 四环医药在梅河口: the firm, then where it is
        if len(name) < 2:
            return  # (what the cuts above left is no name)
        if name in _city_stems() or name in _whole_places():
            return  # 以长春为代表的…, 以北京、天津为代表的…: places, not firms
        if _KIND_OF_FIRM.search(name) or name in LEXICON.not_firms:
            return  # 某某日报报业集团 (a byline), 电子信息产业公司, 部件厂, 原材料供应商, 大集团: no firm named
        if not _FIRM_LEGAL_END.search(name) and (
            _OUTPUT.search(name) or (name.endswith("厂") and re.search(r"(?:建设|新建|年产)[^,。;:]*$", text[:start]))
        ):
            return  # 主要建设年产…的风机叶片制造厂: a works being built, no firm
        if re.search(r"[\u4e00-\u9fff]", name.strip("\"“”'‘’")):
            name = re.sub(r"[\"“”'‘’]", "", name)  # “富光”实业: the quoted brand is the firm's name
        if len(name) < 2:
            return  # (“个)为龙头: what is left once the quotes are gone is no name)
        if not re.search(r"[\u4e00-\u9fff]|[A-Za-z]{2,}", name):
            return  # a firm has a name in Chinese or Latin letters (TCL, vivo; --- is a table rule)
        if (start, end) in seen or not name or any(a <= start and end <= c for a, c in seen):
            return
        seen.add((start, end))
        out.append(Mention("firm", name, piece.at(start), piece.end_at(end), piece.paragraph, via=via))

    # lists before 等龙头企业 / 为龙头: 围绕A、B及C等龙头企业 (作为龙头: the 作 is not the firm's)
    for w in LEXICON.firm_after:
        for m in re.finditer(re.escape(w).replace('"', '["“”]'), text):  # (“链主” as the text quotes it)
            if text.startswith(("项目", "工程"), m.end()):
                continue  # A、B等龙头项目: projects, not firms
            if w.startswith("为") and text.startswith(("产业", "行业", "领域"), m.end()):
                continue  # 以火锅食材、预制食品为链主产业: industries, not firms
            if "代表" in w and (_COUNTED_TRADES.match(text, m.end()) or _COUNTED_CLUSTERS.match(text, m.end())):
                continue  # 以人工智能、增材制造等为代表的五大战略性新兴产业(集群): industries, not firms
            if w == "为引领" and re.match(r"[,、]以[^,;。]{1,24}?为|[,、][^,;。]{1,24}?为辅", text[m.end() :]):
                continue  # 以创新驱动为引领,以企业上市为导向: the principles of a plan, not firms
            if (
                w.startswith("为")
                and not re.match(r"(?![\u4e00-\u9fff])|企业|骨干|链主", text[m.end() : m.end() + 2])
                and w in ("为引领", "为核心企业")
            ):
                continue
            # 以A、B为代表的传统优势产业: kinds of industry (A、B为代表的新材料产业 names firms)
            if "代表" in w and re.match(
                r"的?(?:传统|优势|新兴|主导|支柱|特色|重点|未来)[^,;。]{0,6}(?:产业|行业|领域)",
                text[m.end() : m.end() + 14],
            ):
                continue
            end = m.start() - 1 if w.startswith("为") and text[m.start() - 1 : m.start()] == "作" else m.start()
            b = _left_head(text, end)
            if (
                (w.startswith("为") or text.startswith("为", m.end()))
                and (k := text.rfind("以", b, end)) >= 0
                and k + 1 < end
            ):
                b = k + 1  # …的肉食品加工、以龙成为链主 / 某区以A和B等企业为核心: the list starts after its 以
            if roles := list(_ROLE_CLAUSE.finditer(text, b, end)):
                b = roles[-1].end()  # 以“铝电联营”为核心、铝业为龙头: each role has its own list
            body = _ALSO_CALLED.sub("", text[b:end])
            parts = [
                piece
                for k, item in _split_items(body, conj=True)
                for piece in _split_with_yu(k, item)  # 以甲钢构与乙机械为代表: two firms
            ]
            if _kinds_of_product(parts):
                continue  # 乘用车、商用车、专用车为龙头: kinds of product, not firms
            for k, item in parts:
                head = _firm_item(item)
                if head:
                    st = text.find(head, b)
                    add(st, st + len(head), "list")
    # …等规上企业44家 / 等一批骨干企业: the list before it names firms
    for m in _FIRMS_AFTER.finditer(text):
        if re.search(r"为主|产品", m.group(0)) or m.group(0).startswith("等领域"):
            # 以生产A和B等高新技术产品为主的企业: what the firms make, none named; 紧盯A、B等领域头部企业:
            # the fields whose leading firms it seeks
            continue
        b = _left_head(text, m.start())
        if (k := text.rfind("以", b, m.start())) > b and re.search(r"(?:基地|园区|园|集群|县|市|区)$", text[b:k]):
            b = k + 1  # 某汽车产业基地以A及B两家整车企业为龙头: the list starts after the base's 以
        body = _ALSO_CALLED.sub("", text[b : m.start()])
        if re.match(r"\d", text[m.start() : m.start() + 1]) and _LIST_SEP not in body:
            continue  # 无为市29家重点电缆企业: a place's firms counted; 隆基、晶科、通威3家企业 names them
        parts = _split_items(body, conj=True)
        if (
            len(parts) == 1
            and (n := re.search(rf"([\d{_CN_NUM}]+)[家大]", m.group(0)))
            and len(pair := re.split(r"(?<=.{2})(?:和|与|及)(?=.{2})", body)) == cn_int(n.group(1))
        ):
            parts = [(body.find(x), x) for x in pair]  # A和B两家企业: as many names as the count
        if (
            not m.group(0).startswith("等")
            and (lead := re.match(rf"([\d{_CN_NUM}]+)[家大户]", m.group(0)))
            and cn_int(lead.group(1)) != len([1 for _, item in parts if _firm_item(item)])
        ):
            continue  # 坐拥两大世界500强企业, 一个小镇诞生两家…企业: a count the words before it do not meet
        if _kinds_of_product(parts):
            continue  # 乘用车、商用车、专用车: kinds of product, not firms
        for k, item in parts:
            head = _firm_item(item)
            head = _with_he(k, item, head) if head else head  # A、和圣堂科技、B
            if head:
                st = text.find(head, b)
                add(st, st + len(head), "list")
    # 以甲米业、乙实业为核心的稻米产业集群 (the core of a cluster), 成功引入投资分别超…的A、B和C,以及… (a list
    # brought in, ended by its clause): firms when every item reads as a firm's name
    for m in [*_CORE_OF_CLUSTER.finditer(text), *_BROUGHT_LIST.finditer(text)]:
        parts = _split_items(m.group(1), conj=True)
        named = [
            h
            for _, item in parts
            if (h := _firm_item(item)) and (brought_in_firm(h) or brought_in_firm(h[:8])) and not _ZONE_END.search(h)
        ]
        if len(parts) >= 2 and len(named) == len(parts):
            for (k, item), h in zip(parts, named, strict=True):
                st = m.start(1) + k + item.rfind(h)
                add(st, st + len(h), "list")
    # A是…链主企业: the subject of a statement that calls it an anchor
    for m in _IS_ANCHOR.finditer(text):
        g = 1 if m.group(1) else 2
        head = _firm_item(m.group(g))
        if head and not is_generic(head, LEXICON.cluster_generic) and (g == 1 or brought_in_firm(head)):
            st = m.start(g) + m.group(g).rfind(head)
            add(st, st + len(head), "list")
    # 鹰游纺机发力…/天明机械荣膺…: a clause whose subject is a firm's short name
    for m in _FIRM_SUBJECT.finditer(text):
        head = _cut_head(m.group(1))
        if (
            3 <= len(head) <= 8
            and not is_generic(head, LEXICON.cluster_generic)
            and not re.search(
                r"产业|集群|园|区|市|县|省|国|我|该|其|这|全|企业|项目|工程|[一二三四五]期|基地|平台|中心|合同|协议|总$|经济$",
                head,
            )
            and not _place_begins(head, 0)
            and not _TIME_SUBJECT.match(head)  # 连续两年荣获…: when, not who
            and head not in LEXICON.not_firms  # 固定资产投资…: a figure, not a firm
            and not head.endswith("性")  # 政府性投资, 社会性投资: a kind of investment
            and not head.endswith("处")  # 在紧要处发力: a place in a figure of speech
            and not _only_industry(head, products=True)  # 装备制造发力…: a trade, not a firm
        ):
            st = m.start(1) + m.group(1).rfind(head)
            add(st, st + len(head), "subject")
    # 与蓝海重工签约 / 加强与A、B的合作: the firms a place or park deals with
    for m in _PARTNER.finditer(text):
        if re.search(r"等[^,。;]{0,8}(?:协会|联合会|组织|机构|高校|院校|部门)", m.group(0)):
            continue  # 与A、B等行业协会组织合作: associations, not firms
        for k, item in _split_items(m.group(1), conj=True):
            head = _firm_item(item)
            if (
                head
                and head == item.strip()
                and _place_prefix_len(head) < len(head)
                and not _NOT_PARTNER.search(head)
                and not _only_industry(head)
                and not is_generic(head, LEXICON.cluster_generic)
            ):
                st = m.start(1) + k + item.find(head)
                add(st, st + len(head), "partner")
    # 金龙稀土在磁材4000吨扩建项目: the firm whose project follows 在
    for m in _FIRM_AT.finditer(text):
        head = _cut_head(m.group(1))
        if brought_in_firm(head) and not _place_begins(head, 0) and head not in LEXICON.not_firms:
            st = m.end(1) - len(head)
            add(st, m.end(1), "list")
    # 先后引进延锋安道拓、延锋彼欧、安翔、长久物流: a list a place brought in that ends its clause, each
    # item a name of its own (no word of a trade in it)
    for m in _BROUGHT_BARE.finditer(text):
        parts = _split_items(m.group(1), conj=True)
        heads = [_cut_head(item.strip()) for _, item in parts]
        if (
            len(parts) >= 3
            and not re.search(r"企业|产品|项目|人才|技术", m.group(1))  # (引进配套企业发动机、轮毂、座椅: parts)
            and all(brought_in_firm(h) and not _ZONE_END.search(h) for h in heads)
            and 2 * sum(1 for h in heads if not has_trade_word(h)) >= len(heads)
        ):
            for (k, item), head in zip(parts, heads, strict=True):
                st = m.start(1) + k + item.rfind(head)
                add(st, st + len(head), "list")
    # 依托长客轨道客车,建设轨道客车研发基地: what a plan builds on, named bare, is a firm
    for m in _RELIED_ON.finditer(text):
        for k, item in _split_items(m.group(1), conj=True):
            head = _cut_head(item.strip())
            if (
                brought_in_firm(head)
                and not _only_industry(head)
                and not _ZONE_END.search(head)
                and not is_generic(head, LEXICON.cluster_generic)
                and _place_prefix_len(head) < len(head)
            ):
                st = m.start(1) + k + item.rfind(head)
                add(st, st + len(head), "list")
    # 某某投资的X产业园: the one who invests is a firm
    for m in _INVESTED_BY.finditer(text):
        b = _left_head(text, m.end(1), lists=False)
        head = _firm_item(text[b : m.end(1)]) or ""
        if 2 <= len(head) <= 12 and _place_prefix_len(head) < len(head) and not _NOT_PARTNER.search(head):
            st = m.end(1) - len(head)
            add(st, m.end(1), "list")
    # 发挥A、B的带动作用: the firms whose lead a plan counts on
    for m in _LEAD_ROLE.finditer(text):
        for k, item in _split_items(m.group(1), conj=True):
            head = _firm_item(item)
            if (
                head
                and not is_generic(head, LEXICON.cluster_generic)
                and not re.search(r"企业|产业|集群|园区|项目|政府|市场|作用|[镇县市区]域经济|示范|典型|科研|更大", head)
                # 发挥强劲引领作用: how strong the lead is, no firm
                and not _LEAD_HOW.fullmatch(head)
            ):
                st = m.start(1) + k + item.find(head)
                add(st, st + len(head), "list")
    # 支持A做强…: the firm a support statement names
    for m in _SUPPORT.finditer(text):
        parts = _split_items(m.group(1), conj=False)
        if _kinds_of_product(parts):
            continue  # 支持光伏、储能做强: kinds of product, not firms
        for k, item in parts:
            head = _firm_item(item)
            if head and not is_generic(head, LEXICON.cluster_generic) and not re.search(r"企业|产业|集群|园区", head):
                st = m.start(1) + k + item.rfind(head)
                add(st, st + len(head), "list")
    # 引进鑫茂、金田地等…项目 / 落户华谊化工、恒逸化工等一批龙头产业项目: the firms brought in
    for m in _BROUGHT_IN.finditer(text):
        parts = _split_items(m.group(1), conj=False)
        heads = [_cut_head(item.strip()) for _, item in parts]
        if len(parts) < 2 or (
            re.match(r"等(?:一批)?[^,。;、]{0,6}?(?:产业链|链条|环节|领域|方向|大?类)", text[m.end(1) :])
            # (引进了北星、璞泰来、科达利等一批产业链项目: names of firms, no word of a trade in them)
            and not all(brought_in_firm(h) and not has_trade_word(h) for h in heads)
        ):
            continue  # 引进A、B等产业链项目: links of a chain, kinds of project, no firms
        trades = [next((w for w in _industry_vocabulary() if len(w) >= 2 and h.startswith(w)), "") for h in heads]
        if any(t and trades.count(t) >= 2 for t in trades):
            continue  # 引进了汽车发动机、汽车轮毂、汽车玻璃等…: parts of one trade, no firms (弗迪电池、弗迪科技 are)
        for k, item in parts:
            head = _cut_head(item.strip())
            if brought_in_firm(head):
                st = m.start(1) + k + item.rfind(head)
                add(st, st + len(head), "list")
    # 冠县正昊机械董事长李某 / 石家庄四药员工: the firm whose people a report quotes or shows
    for m in _FIRM_PEOPLE.finditer(text):
        b = _left_head(text, m.start(), lists=False)
        head = _cut_head(text[b : m.start()])
        if (
            3 <= len(head) <= 16
            and not is_generic(head, LEXICON.cluster_generic)
            and not re.search(
                r"产业|集群|园|区|局|厅|委|政府|政协|人大|部门|协会|记者|项目|基地|平台|中心|学校|大学|医院|村|镇|\d+名",
                head,
            )
            and len(head) - _place_prefix_len(head) >= 2  # a place alone employs no one here
        ):
            st = m.start() - len(head)
            add(st, m.start(), "people")
    # 汽车厂商大众、奥迪、丰田等 / 安达、裕能、盛屯……都是新材料加工企业: lists of named makers
    for rx in (_MAKERS, _ARE_FIRMS, _SETTLED):
        for m in rx.finditer(text):
            for k, item in _split_items(m.group(1), conj=False):
                bare = item.strip()
                # the cue is strong: a short item stands as written (大众 is a maker here)
                head = _firm_item(item) or (
                    bare
                    if 2 <= len(bare) <= 8
                    and not _NOT_FIRM.search(bare)
                    and not _PHASE_END.search(bare)
                    and not _ZONE_END.search(bare)
                    else None
                )
                if head:
                    st = m.start(1) + k + item.find(head)
                    add(st, st + len(head), "list")
    # 台湾眼镜龙头企业文德光学、国内…龙头企业某公司: each role word right before one name
    for m in _ROLE_THEN_ONE.finditer(text):
        head = _firm_item(m.group(1))
        if (
            head
            and head == m.group(1)
            and not _ROLE_NOT_NAME.search(head)
            and _place_prefix_len(head) < len(head)
            and brought_in_firm(head)
        ):
            add(m.start(1), m.end(1), "list")
    # 拥有龙头企业青山重工, 链主企业白水船舶、红河机电: the role word stands right before the names
    for m in _ROLE_THEN_NAMES.finditer(text):
        for k, item in _split_items(m.group(1), conj=True):
            head = _firm_item(item)
            if (
                head
                and head == item.strip()
                and not _ROLE_NOT_NAME.search(head)
                and _place_prefix_len(head) < len(head)
            ):
                st = m.start(1) + k + item.find(head)
                add(st, st + len(head), "list")
    # lists after 龙头企业: / 承担单位:
    for w in LEXICON.firm_before:
        # 龙头企业有/包括/: …, and as a clause's label 龙头企业为/是… (not 以…等骨干企业为核心)
        for m in re.finditer(re.escape(w) + (r"" if w.endswith(":") else r"(?:有|包括|:|为|是)"), text):
            if text[m.end() - 1] in "为是" and m.start() > 0 and text[m.start() - 1] not in ",;:。 ":
                continue
            at = m.end() + 1 if text.startswith(":", m.end()) else m.end()  # 龙头企业有:A、B
            rest = text[at:]
            stop = re.search(r"[。;]|等", rest)
            body = rest[: stop.start()] if stop else rest
            via = "sponsor" if w in _SPONSOR_LABELS else "list"
            for k, item in _split_items(re.sub(r",", "、", body), conj=True):
                head = _firm_item(item)
                if head:
                    st = at + k + item.find(head)
                    add(st, st + len(head), via)
    # 引入某公司上下游关联企业A、B、C: the kind of firm, then its members named
    for m in _KIND_THEN_FIRMS.finditer(text):
        parts = _split_items(m.group(1), conj=True)
        heads = [_firm_item(item) or "" for _, item in parts]
        if len(parts) < 2 or not all(map(brought_in_firm, heads)) or sum(map(len, heads)) < 3.5 * len(heads):
            continue  # (配套企业发动机、轮毂、座椅: the parts the firms make, words shorter than firms' names)
        for (k, item), head in zip(parts, heads, strict=True):
            st = m.start(1) + k + item.find(head)
            add(st, st + len(head), "list")
    # legal-form endings
    for m in _FIRM_RX.finditer(text):
        if m.group(0).startswith("研究") and _CITED.match(text, m.end()):
            continue  # 中商产业研究院整理: a source of figures quoted, not a firm of the cluster
        b = _left_head(text, m.start(), lists=False)
        # cut with its legal form, so that a word of the firm's own name (科技发展有限公司) stays
        head = _cut_head(text[b : m.end()])
        head = head[: len(head) - len(m.group(0))] if head.endswith(m.group(0)) else ""
        if len(head) < 2 or len(head) > 30 or _COUNT.search(head):
            continue
        if is_generic(
            head,
            LEXICON.cluster_generic
            | frozenset(
                {
                    "企业",
                    "龙头",
                    "骨干",
                    "上市",
                    "国有",
                    "民营",
                    "外资",
                    "全资",
                    "跨国",
                    "合资",
                    "央企",
                    "三级",
                    "控股",
                    "子",
                    "母",
                }
            ),
        ):
            continue
        if head.endswith("企业"):
            continue  # 汽车企业集团: a kind of group, not a group's name
        if (
            (k := head.rfind("企业")) >= 0
            and not _place_begins(head, 0)
            and not head.startswith(_FIRMS_TRADE, k + 2)  # 某某企业管理有限公司
        ):
            # 整车制造企业一汽集团: the firm follows the kind it is (not 河南银港企业管理集团); 龙头企业有A: not 有A
            head = _strip_words(head[k + 2 :], ["有", "为", "是", "包括", "主要有"])
        if (
            (k := max(head.rfind("公司"), head.rfind("集团"))) >= 2
            and len(head) - k - 2 >= 3
            # (攀钢集团西昌新钢业有限公司: a group's subsidiary, named after it, is one firm)
            and (head.startswith("公司", k) or head[k + 2 :].startswith(tuple(_LINK_WORDS)))
        ):
            # 甲服饰有限公司由乙服饰有限公司投资: the second firm starts after the first one's legal form
            head = _strip_words(head[k + 2 :], _LINK_WORDS)
        if (k := _last_preposition(head, "与在是")) >= 1 and len(head) - k - 1 >= 2:
            head = head[k + 1 :]  # 均在长春与一汽集团, 某项目是中国科学院某研究所: the firm after the last of these
        if (
            (k := max(head.rfind("和"), head.rfind("及"))) >= 2
            and len(head) - k - 1 >= 2
            and brought_in_firm(left := head[:k])
            and not _only_industry(head[k + 1 :])
        ):
            # 携手华润三九和昆药集团: two firms, the first named bare
            add(m.start() - len(head), m.start() - len(head) + len(left), "list")
            head = head[k + 1 :]
        if (k := head.rfind("由")) >= 2 and len(head) - k - 1 >= 4 and _place_begins(head[k + 1 :], 0):
            head = head[k + 1 :]  # 甲生物由浙江乙药业有限公司出资成立: the firm that founded it
        if head in ("合资", "独资", "外资", "我们", "我", "这家", "两家", "新", "该", "本", "其"):
            continue  # 合资公司, 我们公司: a firm spoken of, not named
        st = m.start() - len(head)
        if _COUNTED_BEFORE.search(text, 0, st):
            continue  # 1家科研公司, 3家公司: firms counted, none named
        # a longer firm name already covers it (集团 inside 集团股份有限公司)
        if any(a <= st and m.end() <= c and (a, c) != (st, m.end()) for a, c in seen):
            continue
        end = m.end()
        if branch := _BRANCH.match(text, end):
            end = branch.end()  # 哈尔滨某公司青冈分公司: the branch is the firm the place has
        add(st, end, "name")
    # the country's large firms, named bare (引进比亚迪, 宁德时代落户): the data pack's known names
    if _KNOWN_FIRM is not None:
        for m in _KNOWN_FIRM.finditer(text):
            if len(m.group(0)) <= 2 and any(
                len(p) > n
                for n in (1, 2)
                if m.start() >= n
                for p in _place_names().get(text[m.start() - n], ())
                if text.startswith(p, m.start() - n)
            ):
                continue  # 沙河钢管: a place's name runs into the short name (沙河), no firm named
            if text.startswith(("之乡", "之都", "之城"), m.end()):
                continue  # 中国建材之乡: a title of a place, no firm named
            if text.startswith(("澎湃", "涌", "迭起", "奔涌", "席卷", "来袭", "之中"), m.end()):
                continue  # 同样浪潮澎湃: the word, not the firm that shares it
            if not any(a < m.end() and m.start() < c for a, c in seen):
                add(m.start(), m.end(), "known")
    # 攀钢集团 read before 攀钢集团西昌新钢业有限公司: the start of a longer firm's name is no firm of its own
    return [m for m in out if not any(o.start == m.start and o.end > m.end for o in out) and not product_word(m.name)]


_KNOWN_FIRM = (
    re.compile("|".join(re.escape(w) for w in LEXICON.known_firms) + r"(?![A-Za-z])") if LEXICON.known_firms else None
)

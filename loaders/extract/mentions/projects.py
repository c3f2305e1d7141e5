"""Mentions of projects: …项目/工程, lists before 等…项目, labelled lines, counted lists."""

from __future__ import annotations

import re
from dataclasses import replace

from clusterkg.text import normalise_name

from ..lexicon import LEXICON
from ..segments import Piece
from .common import (
    _CN_NUM,
    _COUNT,
    _COUNT_TAIL,
    _INVESTED_BY,
    _LIST_SEP,
    BRING_VERBS,
    Mention,
    _cut_head,
    _industry_vocabulary,
    _last,
    _left_head,
    _place_begins,
    _place_prefix_len,
    _split_items,
    _with_he,
    has_trade_word,
    is_generic,
    names_place,
    product_word,
)
from .firms import _KNOWN_FIRM, _only_industry, brought_in_firm

# 和 before the next item's qualifier (和投资20亿元的B): the list goes on, though without 、
_AND_QUALIFIED = re.compile(r"(?<=[\u4e00-\u9fff]{2})和(?=(?:总|计划)?投资[^,。;、]{1,12}的|年产)")
# 和 between two firms' projects (甲公司X设备和乙公司Y纸等…项目): two items
_AND_FIRM = re.compile(r"(?:公司|集团)[\u4e00-\u9fff]{2,14}?(和)(?=[\u4e00-\u9fff]{2,6}(?:公司|集团))")
_SUBJECT_AFTER = re.compile(r",?(?:将|已|正|目前|预计|计划|建成后|投产后|达产后|是(?!指))")
# what a project that opens its clause does next (至今已…, 实现…, 加速推进, 主要建设…, 位于…, 占地…)
_CLAUSE_DONE = re.compile(r"(?:至今|实现|加速|加快推进|主要建设|主要生产|位于|占地|首期|进展顺利|已|正在|将于|预计)")
# a short lead before a clause's subject: 据悉, / 目前, / 其中,
_LEAD_BEFORE = re.compile(r"(?:^|[,;。:])(?:据悉|据了解|据介绍|目前|其中|同时|此外|当前|如今|现在|眼下),$")
# a counted class of projects, then its members: 启动了16个装备制造项目,包括A、B、C等
_INCLUDING = re.compile(
    r"[\d一二三四五六七八九十两]+个[\u4e00-\u9fff]{0,8}项目,?(?:主要)?(?:包括|有|涵盖|如)([\u4e00-\u9fff、]{4,80}?)等"
    # 集成电路重点项目,包括A、B、C等; / 总部项目,包括A、B等。: projects of a kind, then their names
    r"|(?:重点|重大|签约|开工|总部|外资|内资)项目,(?:主要)?(?:包括|涵盖)([^。;:]{4,240}?)等(?:项目)?(?=[,;。]|$)"
    # 吸引一批…制造项目入驻,如A、B、C等: a batch of projects, then its members by example
    r"|一批[^,。;:]{0,24}?项目[\u4e00-\u9fff]{0,4},(?:如|例如|比如|包括)([^。;:]{4,240}?)等(?:项目)?(?=[,;。]|$)"
)
_LABEL_TRADE = re.compile(r"([\u4e00-\u9fff]{2,10})$")
_BEING_BUILT = re.compile(
    # (在园区落户 / 在某某经开区开工: where, then what the projects do)
    r"(?:在[\u4e00-\u9fff]{1,12}?(?:园区|园|区|县|市|镇))?"
    r"(?:即将|集中|相继|陆续|先后|已|正式|全面|提前|正在|正)?(?:紧张)?(?:开工|竣工|投产|建成|落地|落户|签约|复工|施工|启动)"
)
_BRINGS = re.compile(BRING_VERBS + "|招来")
_PROJECT_LIST = re.compile(
    rf"(?:等(?!离子)([\d{_CN_NUM}]+(?:余|多)?(?:[个家项]|大批|大|批))?|(?<=[\u4e00-\u9fff])[\d{_CN_NUM}]+[个大])"
    # what the projects are like (投资强度大、拉动力强的), then what they are (重点, 10亿级产业链, “化尾”)
    r"([^,。;:“”\"]{1,20}?的)?((?:[“\"‘][\u4e00-\u9fff]{1,8}[”\"’]|[\u4e00-\u9fff]|\d+亿级|超?\d+亿元?){0,8}?"
    # 等一批科技型、环保型、效益型项目: kinds the projects are of, in a list of their own
    r"(?:、[\u4e00-\u9fff]{1,4}型){0,4})(项目|工程)"
)
# (工程研究中心, 工程技术, 工程机械: a kind of work or a centre, no project's ending)
_PROJECT_SINGLE = re.compile(r"(项目|工程(?!研究|技术|中心|实验室|学|师|机械|装备|车辆|塑料|局|公司))")
_INLINE_PROJECT_LABEL = re.compile(
    # 重点项目有: / 开工项目有: / 签约项目包括: — projects named by what is done with them, then their names
    r"(?:重点|重大|主要|(?:集中)?开工|签约|竣工|投产|在建|新建|续建|落地|入驻)的?(?:项目|工程)"
    r"(?:有|包括|主要有|分别是|分别为)?\s*:\s*([^。;:]{2,160}?)(?=[。;]|$)"
)
_LABEL_PROJECT = re.compile(
    r"^\s*【?(?:重点项目|重大项目|项目名称|项目)[一二三四五六七八九十\d]*】?\s*:\s*(.{2,60}?)\s*[。;]?$"
)


def labelled_projects(piece: Piece) -> list[Mention]:
    """A labelled line: 重点项目一:NAME."""
    m = _LABEL_PROJECT.match(piece.text)
    if not m:
        return []
    out = []
    for k, item in _split_items(m.group(1), conj=False):
        head = normalise_name(item)
        if head.count("(") > head.count(")"):
            head = head[: head.rfind("(")]  # 某玻璃(二期 : a text cut inside the bracket
        while head.endswith(")") and head.count(")") > head.count("("):
            head = head[:-1]  # (重点项目:某某电池二期): the bracket the label stood in closes after it
        if len(head) >= 2 and not is_generic(head, LEXICON.project_generic):
            st = m.start(1) + k
            out.append(
                Mention("project", head, piece.at(st), piece.end_at(st + len(item)), piece.paragraph, via="label")
            )
    return out


def _kind_item(head: str) -> bool:
    """A short item naming a kind of product, not one project: no number, place, firm ending or
    built thing in it (药品, 嵌入式软件, 海洋工程装备)."""
    return (
        2 <= len(head) <= 7
        and not re.search(r"\d|[一二三四首]期|园|基地|中心|城|站|厂|线|工程|项目|公司|集团", head)
        and not _BUILT_BY_NAME.search(head)
        and not _place_begins(head, 0)
    )


# 绵遂内铁路, 某某温泉度假区: works and places built and named as one, never a kind of product
_BUILT_BY_NAME = re.compile(r"铁路|公路|水库|景区|度假区|大桥|码头|机场|医院|学校|酒店|广场")


# 标准化茶叶加工厂, 冷库仓储, 展销中心, 电商平台: a kind of facility, not one built by name
_FACILITY_KIND = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:加工厂|冷库|仓储|市场|平台|展销中心|物流中心|服务中心|交易中心|展示中心|集散中心)"
)


def _facility_kind(head: str) -> bool:
    """Whether an item of a list of projects names a kind of facility (冷库仓储, 展销中心), not one built."""
    return (
        bool(_FACILITY_KIND.fullmatch(head))
        and not re.search(r"\d|[一二三四首]期", head)
        and not _place_begins(head, 0)
    )


def _rejoin_measures(body: str, parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Items split at a 和 inside a word: 10万吨调|柴油 is 10万吨调和柴油 (one character after the measure)."""
    out: list[tuple[int, str]] = []
    for k, item in parts:
        if out and len(re.sub(r"^[\d.]+\s*(?:万|亿)?(?:吨|台|辆|套|千瓦|平方米)?", "", _cut_head(out[-1][1]))) == 1:
            pk = out[-1][0]
            out[-1] = (pk, body[pk : k + len(item)])
            continue
        out.append((k, item))
    return out


def _rejoin_shared_ending(body: str, parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Items split at a 和 whose second part is only a trade's words before the shared ending
    (中国信科智慧光网和数字经济产业基地, 百普赛斯南方基地和创新中心): one project, named by both."""
    out: list[tuple[int, str]] = []
    for k, item in parts:
        if (
            out
            and body[k - 1 : k] == "和"
            and not _place_begins(item, 0)
            and any(item.startswith(w) for w in _industry_vocabulary() if len(w) >= 2)
            and not re.search(r"(?:项目|工程)$", out[-1][1])
        ):
            pk = out[-1][0]
            out[-1] = (pk, body[pk : k + len(item)])
            continue
        out.append((k, item))
    return out


def _activity(head: str) -> bool:
    """An item naming a trade or an activity, not a project: 乳业, 烘焙, 真空冻干食品生产."""
    return len(head) <= 2 or bool(
        re.search(r"(?:[^产企事]业|生产|加工|制造|种植|养殖|销售|服务|企业|发电|选址|研发|试验|转化|集成)$", head)
    )


def _loose_kind(head: str) -> bool:
    """An item that may name a kind of product or facility when the list says it lists kinds: nothing
    that only one project has (an output, a phase, a firm, a place)."""
    return (
        2 <= len(head) <= 14
        and not re.search(
            r"年产|万吨|千瓦|万台|万辆|万套|[一二三四首]期|扩建|新建|技改|公司|集团|园|基地|厂|线|站", head
        )
        and not _BUILT_BY_NAME.search(head)
        and not names_place(head)  # (港口机械: 港口 is a county's short name and a word of a trade)
    )


# words between 等 and 项目 that still introduce named projects (等一批重点项目, 等重大项目)
_NAMED_LIST_WORDS = re.compile(
    r"一批|重点|重大|建设|在建|新建|签约|招商|亿元以上|大|好|优质|标志性|龙头|产业化|超?[千百]?万元|超?亿元|以上"
)
_KIND_OF_PROJECT = re.compile(r"(?:产业|(?<!全)产业链|领域|行业|龙头|科研|配套|类|制造业|服务业)$")
_PHASE_AFTER = re.compile(r"^(.{4,}?项目)(?:\(?[一二三四五首]期\)?)(?:工程|项目)?$")
_PROJECT_STATUS = re.compile(
    r"(?:\(?[一二三四首]期\)?)?(?:工程)?"
    # 于去年2月 / 将于年底 / 计划: when, before what the project did or will do
    r"(?:(?:将|已|计划|预计)?于[^,。;:]{0,8}?(?:年|月|日|底|初|中旬|下旬|上旬))?"
    r"(?:成功|顺利|正式|全面|加快|已经|已|即将|相继|陆续|先后|率先|将)?被?"
    r"(?:建设|开工|投产|达产|落地|落户|签约|竣工|建成|贯通|试产|投用|运营|总投资|计划总投资|计划投资"
    r"|施工|工地|负责人|连续|入选|获评|获批|列入|纳入|破土|动工|奠基)"  # 某项目施工现场, …负责人, …入选: a project being built or named
)
_WORKS_END = re.compile(r"(?:升级改造|技术改造|提升改造|提质改造|搬迁改造|扩能改造|改扩建|提质增效|转型升级|改造升级)$")
_QUOTED_BEFORE = re.compile(r"[“\"‘][\u4e00-\u9fff]{2,10}[”\"’]$")
_DATELINE = re.compile(r"^.*?\d{1,2}日电\s*(?:\([^()]{0,12}\))?")
# 全程跟踪服务项目, 帮扶工作项目: a service or a campaign, not a project built
_SERVICE_END = re.compile(r"(?:服务|工作|活动|行动|帮扶|跟踪)$")
# 企业成长工程, 人才培育工程: a programme of the government called 工程, not works built
_CAMPAIGN_END = re.compile(
    r"(?:成长|培育|引培|引育|提升|振兴|创新|人才|品牌|质量|素质|强基|领航|倍增|回归|培训|示范|选优)$"
)
# 一期建设10万吨…项目: a phase of the project just named, not a project of its own
_PHASE_START = re.compile(r"^[一二三四五六七八九十首]期")
# a project head that names a class: a size threshold (5000万元以上), or more of a kind (更多, 各类)
_PROJECT_CLASS = re.compile(
    r"^(?:超?\d+(?:\.\d+)?\s*(?:亿|万)元(?:以上|及以上)?|更多|各类|多个|一批|大批|批|(?:以?上)?[上过超]亿元?|亿元以上)"
)
# 项目3个 / 项目12项: a tally follows the name of a class of projects
_PROJECT_TALLY = re.compile(rf"(?:共|达|超)?[\d{_CN_NUM}]+(?:余|多)?(?:个|项)(?!目)")
# what only one project has: an output, a phase, an extension (not a bare digit: 5G手机 is a kind)
# a task on a building site (主体建设, 管线铺设, 设备安装): what is being done, no project's name
_WORK_DONE = re.compile(r"(?:主体建设|铺设|浇筑|吊装|安装|装修|平整|拆迁|施工)$")
# what a project costs, written before its name (320亿元, 5.5亿元的)
_SPENT_BEFORE = re.compile(
    r"^\d+(?:\.\d+)?(?:亿|万)(?:美)?元(?:的)?(?=[\u4e00-\u9fff])(?!建设|新建|打造|实施|用于|建)"
)  # (投资3亿元建设某项目: what is built is read below)
# a person by the office they hold (市委书记某某, 某集团董事长某某)
_OFFICE = re.compile(
    r"(?:书记|省长|市长|县长|区长|镇长|主任|局长|厅长|部长|主席|董事长|总裁|总经理)[\u4e00-\u9fff]{2,3}$"
)
_ONE_PROJECT = re.compile(
    r"年产|[一二三四首]期|改扩建|扩建|新建|技改|\d+(?:\.\d+)?\s*(?:万|亿)?(?:吨|千瓦|瓦|台|辆|套|平方米|GWh|GW|MW)"
)
_PROJECT_CUE = re.compile(r"(\d|万吨|万千瓦|千瓦|万台|万辆|万套|万平方米|年产|一期|二期|三期|扩建|新建|技改|改造|升级)")
_THIS_IS = re.compile(r"^(?:该|这|此)[\u4e00-\u9fff]{1,4}?(?:是|为)")
# 年产4万吨A及年产1.5万吨B: two outputs of a firm joined in one name
_TWO_OUTPUTS = re.compile(r"(年产.{2,20}?)(?:及|和|、)(年产.{2,20})")
_NEXT_PROJECT = re.compile(r"(?:、|和|与|及)([^,。;:、和与及]{2,40}?)项目")
_PHASE_NEXT = re.compile(r"\(?[一二三四五六七八九十首]期")


_SHORT_BEGUN = re.compile(r"(?:建设|施工)现场|(?:正式|顺利|开工|集中)?(?:动工|开工|竣工|投产)")
_AGREEMENT_TITLE = re.compile(
    r"《([^《》,;。]{4,40}?项目)(?:投资|合作|框架|战略|入园|招商|建设)*(?:协议书?|合同|意向书)》"
)


def _project(piece: Piece, start: int, text: str, via: str = "name") -> Mention:
    """A project named by ``text``, which stands at ``start`` of the piece's text."""
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]  # (重点项目:某某电池二期): the bracket the list stood in closes after it
    return Mention(
        "project", normalise_name(text), piece.at(start), piece.end_at(start + len(text)), piece.paragraph, via=via
    )


# 投资20亿元建设太阳能组件生产线: what a firm invests, then what it builds (投资 is cut already)
_SPEND_LEAD = re.compile(r"^\d+(?:\.\d+)?\s*(?:亿|万)元(?:建设|新建|打造|实施|用于|建)")


def _without_spend(head: str) -> str:
    return head[lead.end() :] if (lead := _SPEND_LEAD.match(head)) and len(head) - lead.end() >= 4 else head


def _list_head(item: str) -> str:
    """The name an item of a project list gives; the works a project does may end it (某厂炼油转型升级)."""
    item = item.strip()
    head = _without_spend(_cut_head(item))
    if not head and (works := _WORKS_END.search(item)):
        head = _cut_head(item[: works.start()]) + works.group(0)
    return head


def project_mentions(piece: Piece) -> list[Mention]:
    """Projects: lists before 等…项目, and single names ending 项目/工程 that read as one project."""
    text = piece.text
    out: list[Mention] = labelled_projects(piece)
    if out:
        return out
    covered: list[tuple[int, int]] = []
    # 海洋装备产业集群重点项目:A、B / 重大项目有A、B: a label inside the sentence, then the names
    for m in _INLINE_PROJECT_LABEL.finditer(text):
        for k, item in _split_items(_COUNT_TAIL.sub("", m.group(1)), conj=False):
            head = _cut_head(item.strip())
            if 2 <= len(head) <= 40 and not is_generic(head, LEXICON.project_generic) and not _COUNT.search(head):
                st = m.start(1) + k + item.find(head)
                out.append(_project(piece, st, head, via="list"))
                covered.append((st, st + len(head)))
        covered.append((m.start(), m.end()))
    # 签订《某基地项目投资合作协议》: the project an agreement's title names
    for m in _AGREEMENT_TITLE.finditer(text):
        head = m.group(1)
        if not is_generic(_cut_head(head.removesuffix("项目")) or "项目", LEXICON.project_generic):
            out.append(_project(piece, m.start(1), head))
            covered.append((m.start(1), m.end(1)))
    listed_spans: list[tuple[int, int]] = []  # the lists read here, which 等…项目 below must not read again
    for m in _INCLUDING.finditer(text):
        listed_spans.append((m.start(), m.end() + 2))
        g = next(k for k in (1, 2, 3) if m.group(k))
        # 集成电路重点项目,包括A、B等: the trade the label names, which the projects are of
        trade = _cut_head(lead.group(1)) if g == 2 and (lead := _LABEL_TRADE.search(text, 0, m.start())) else ""
        for k, item in _split_items(m.group(g), conj=False):
            head = _cut_head(item.strip())
            if 2 <= len(head) <= 30 and not is_generic(head, LEXICON.project_generic) and not _COUNT.search(head):
                st = m.start(g) + k + item.find(head)
                found = _project(piece, st, head, via="list")
                if len(trade) >= 2:
                    found.industry = trade
                out.append(found)
                covered.append((st, st + len(head)))
    for m in _PROJECT_LIST.finditer(text):
        if any(a <= m.start() < c for a, c in listed_spans):
            continue
        b = _left_head(text, m.start())
        body = text[b : m.start()]
        if not m.group(0).startswith("等") and _LIST_SEP not in body:
            continue  # 建设3个项目: a count, not a list (A、B、C三个项目 is one)
        if (m.group(2) and re.search(r"(?:企业|公司|集团|客商)的$", m.group(2))) or (
            re.search(r"(?:企业|公司|集团)和?$", m.group(3))
            # (A二期、B园区等企业项目入园: items that read as projects are projects)
            and not any(_ONE_PROJECT.search(i) or re.search(r"园|基地", i) for _, i in _split_items(body, conj=False))
        ):
            covered.append((b, m.end()))
            continue  # A、B等一批大型企业的合作项目 / 等多家重点企业项目: the items are the firms whose projects they are
        if re.search(r"出席|参加|见证|观摩|参观|考察|调研|致辞|讲话", m.group(3)) or any(
            _OFFICE.search(i) for _, i in _split_items(body, conj=False)
        ):
            covered.append((b, m.end()))
            continue  # 某市长、某董事长等出席当天项目开工仪式: the people who came, not projects
        if re.search(r"环节|领域|方向", m.group(3)):
            covered.append((b, m.end()))
            continue  # 引进一批A设计、B测试等重点环节重大项目: the items are links of a chain, none named
        if re.search(rf"等[\d{_CN_NUM}]*大?类", text[max(0, m.start() - 8) : m.end()]):
            covered.append((b, m.end()))
            continue  # A、B、C等四大类共16个项目: the items are classes of projects, none named
        parts = _split_items(body, conj=True, joiners="和|以及")  # 汽车模具及专用设备改造 is one project
        if len(parts) == 1 and (j := _AND_QUALIFIED.search(body)):
            parts = [(0, body[: j.start()]), (j.end(), body[j.end() :])]  # A和投资20亿元的B等…项目: two
        elif len(parts) == 1 and (j := _AND_FIRM.search(body)):
            parts = [(0, body[: j.start(1)]), (j.end(1), body[j.end(1) :])]
        parts = _rejoin_shared_ending(body, _rejoin_measures(body, parts))
        if len(parts) >= 3 and 2 * sum(1 for _, i in parts if _FACILITY.search(i)) > len(parts):
            covered.append((b, m.end()))
            continue  # 主要建设5层标准厂房、物流仓库、生产研发中心及其他辅助用房等项目: one project's buildings
        if len(parts) == 1 and _activity(_list_head(parts[0][1])) and not _ONE_PROJECT.search(parts[0][1]):
            covered.append((b, m.end()))
            continue  # 发展风力发电及光伏发电等项目: an activity's projects, none named
        # 港口机械、海洋工程装备等海洋产业相关项目: a kind between 等 and 项目 says the items are kinds too
        of_kind = bool(_NAMED_LIST_WORDS.sub("", m.group(3))) and all(_loose_kind(_list_head(i)) for _, i in parts)
        kinds = sum(1 for _, i in parts if _activity(_list_head(i)))
        units = (m.group(1) or "").endswith("家")  # 等7家…项目 counts units: named ones, whatever they read like
        # 澳舒宝家居、安智尚家具等项目集中竣工: items with names of their own are named projects
        named = (
            len(parts) > 1
            # (a long item, 贝斯特汽车零部件加工, is a firm's by its first words)
            and all(brought_in_firm(h) or brought_in_firm(h[:8]) for h in (_list_head(i) for _, i in parts))
            and (
                bool(re.search(r"在建|新建|续建|签约|开工", m.group(3)))
                or bool(_BEING_BUILT.match(text, m.end()))
                # 新建A、B等超千万元项目21个: the verb before the list says they are being built
                or bool(re.search(r"(?:新建|在建|续建|签约|开工|竣工|投产)$", text[max(0, b - 4) : b]))
                or bool(re.match(r"(?:全[区县市])?(?:新建|在建|续建|签约|开工|竣工|投产)", body))
            )
        )
        # 投资40亿元的A、投资30亿元的B等一批项目: items each with what it costs are projects of their own
        costed = any(re.search(r"\d+(?:\.\d+)?\s*(?:亿|万)元的", i) for _, i in parts)
        if (
            len(parts) > 1
            and not units
            and not named
            and not costed
            and (
                of_kind
                or all(len(_list_head(i)) <= 2 for _, i in parts)
                or all(_kind_item(h) or _facility_kind(h) for h in (_list_head(i) for _, i in parts))
                or (2 * kinds >= len(parts) and not any(_ONE_PROJECT.search(i) for _, i in parts))
            )
        ):
            covered.append((b, m.end()))  # 核电、风电、光伏等项目 / 药品、化妆品、保健品等项目: kinds, not projects
            # (an item that reads as one project all the same, 乙烯改扩建 or 某厂二期, is kept; so are the
            # firms a place brought in as its projects: 引进甲机械、乙汽车等项目入驻)
            brought = bool(_BRINGS.search(text, max(0, b - 6), b + 4))
            for k, item in parts:
                head = _cut_head(item.strip())
                if (
                    brought
                    and brought_in_firm(head)
                    # (引进港口机械、海上石油平台等海洋产业相关项目: the kind after 等 says they are kinds,
                    # unless an item has no word of a trade in it: 引进北星、璞泰来等一批产业链项目)
                    and (not of_kind or not has_trade_word(head))
                ):
                    out.append(_project(piece, b + k + item.rfind(head), head, via="list"))
                elif 2 <= len(head) <= 40 and _ONE_PROJECT.search(head) and not _COUNT.search(head):
                    st = b + k + item.rfind(head)
                    out.append(_project(piece, st, head, via="list"))
            continue
        for k, item in parts:
            head = _with_he(k, item, _list_head(item))  # A、和美药业、B
            if not head and item.strip().endswith("集群"):
                head = _cut_head(item.strip()[:-2]) + "集群"  # 腾讯互联网+产业集群, an item of a project list
            if len(head) < 2 or len(head) > 40 or _COUNT.search(head) or _KIND_OF_PROJECT.search(head):
                continue
            if is_generic(head, LEXICON.project_generic) or _WORK_DONE.search(head):
                continue  # (车间主体建设、管线铺设等多项工程: the works on a site, no project named)
            st = b + k + item.rfind(head)
            if (
                st == b
                and text[b - 1 : b] in '”"’'
                and (quoted := _QUOTED_BEFORE.search(text, max(0, b - 16), b)) is not None
            ):
                # 签约“利州红梨”精深加工全产业链项目、…等4个项目: the quoted name is the first item's
                head, st = quoted.group(0) + head, quoted.start()
            out.append(_project(piece, st, head, via="list"))
            covered.append((st, st + len(head)))
        covered.append((b, m.end()))
    for m in _PROJECT_SINGLE.finditer(text):
        if any(a <= m.start() < c for a, c in covered):
            continue
        b = _left_head(text, m.start(), lists=False)
        if (prev := max((c for a, c in covered if b < c < m.start()), default=None)) is not None and text.startswith(
            ("和", "与"), prev
        ):
            b = prev + 1  # A项目和B项目: B starts after A
        head = _cut_head(text[b : m.start()])
        if (k := max(head.rfind("项目和"), head.rfind("项目与"), head.rfind("项目及"))) >= 2 and len(head) - k - 3 >= 2:
            head = head[k + 3 :]  # A项目和B项目: B starts after A's ending
        elif (pk := list(re.finditer(r"项目\([^()]{1,6}\)(?:和|与|及)", head))) and len(head) - pk[-1].end() >= 2:
            head = head[pk[-1].end() :]  # A项目(二期)和B项目: B starts after A's phase
        elif (title := _last(_PROJECT_TITLE_IN.finditer(head))) and len(head) - title.end() >= 4:
            head = head[title.end() :]  # 某省氢能产业链标杆项目某某制氢项目: the title it holds, then its name
        if (k := head.find("在")) >= 2 and _PROJECT_CUE.search(head[k + 1 :]) and len(head) - k - 1 >= 4:
            head = head[k + 1 :]  # 金龙稀土在磁材4000吨扩建项目: the firm, then where its project is
        if not head and text.endswith("集群", b, m.start()):
            head = _cut_head(text[b : m.start() - 2]) + "集群"  # 某公司某某产业集群项目: the cluster it builds
        if (works := _WORKS_END.search(text, b, m.start())) and len(head) <= len(works.group(0)):
            # 某基地升级改造项目: the works a project does end its name; the cut words inside them do not start it
            head = _cut_head(text[b : works.start()]) + works.group(0)
        if (
            len(head) >= 2
            and not is_generic(head, LEXICON.project_generic)
            and text[b - 1 : b] in '”"’'
            and (quoted := _QUOTED_BEFORE.search(text, max(0, b - 16), b))
        ):
            head = quoted.group(0) + head  # "利州红梨"精深加工全产业链项目: the quoted name is the project's
            b = quoted.start()
        if (k := head.rfind("建设")) >= 2 and re.match(r"\d|年产", head[k + 2 :]) and not head.endswith("期", 0, k):
            head = head[k + 2 :]  # 某养殖场建设20万只大鹅养殖项目: what is built is the project
        head = _DATELINE.sub("", head)  # 28日电(记者 某某)某县…项目: a news dateline is no part of the name
        if (spent := _SPENT_BEFORE.match(head)) and len(head) - spent.end() >= 4:
            head = head[spent.end() :]  # (投资)320亿元某某一体化项目: what it costs, then its name
        head = _THIS_IS.sub("", head)  # 该装置是某项目核心: what the subject is, not its name
        if (close := head.find(")")) >= 0 and "(" not in head[:close]:
            head = head[close + 1 :]  # …某某)青山县…项目: the end of a bracket the name does not open
        if m.group(1) == "工程" and re.search(r"项目(?:主体|配套|附属)$", head):
            continue  # 某扩建项目主体工程: a part of the project named before, not one of its own
        if re.search(r"(?:为|和|与|及|对|向|给|把|代表|以)$", head) or re.fullmatch(rf"[{_CN_NUM}]+", head):
            continue  # 一如既往地为项目服务, 主任代表项目签约 (项目 alone), 百千万工程 (a campaign's numbers)
        verb = any(v in text[max(0, b - 6) : m.start() - len(head)] for v in LEXICON.project_verbs)
        clause = max(text.rfind(c, 0, b) for c in ",;。:") + 1
        # 推进A(二期)、B项目、C项目建设: the verb before the list's first item governs each item
        list_verb = text[b - 1 : b] == _LIST_SEP and any(
            v in text[clause : clause + len(v) + 4]
            for v in LEXICON.project_verbs  # (积极)推进A、B项目
        )
        verb = verb or list_verb
        # 某铝项目建设现场, 某合项目动工: a firm's short name, then the project's works begun
        short_begun = len(head) == 2 and bool(_SHORT_BEGUN.match(text, m.end())) and brought_in_firm(head)
        # 争取大乙烯项目: a short head stands with a verb before it
        if (
            len(head) < (3 if verb else 4)
            and not short_begun
            or len(head) > 40
            # (人造石墨负极材料一体化项目: a project that joins stages is named by them, not a manner)
            or (is_generic(head, LEXICON.project_generic) and not (head.endswith("一体化") and len(head) >= 6))
        ):
            continue
        building = bool(_PROJECT_STATUS.match(text, m.end()))  # X项目建设如火如荼 / X项目成功落户
        # ;某公司某某项目,将进一步推动…: a project standing as its clause's subject
        subject = (
            len(head) >= 6
            and (text[b - 1 : b] in ("", ";", "。", ":") or bool(_LEAD_BEFORE.search(text, 0, b)))
            and bool(_SUBJECT_AFTER.match(text, m.end()))
        )
        # ,某某动力电池生产基地项目至今已扩展至十期 / 投资320亿元某某一体化项目实现…: a project of a trade
        # opening its clause and doing what projects do
        subject = subject or (
            len(head) >= 6
            and m.group(1) == "项目"
            and (text[b - 1 : b] in ("", ",", ";", "。", ":") or bool(re.search(r"投资\d+(?:\.\d+)?亿元$", text[:b])))
            and bool(_CLAUSE_DONE.match(text, m.end()))
            and has_trade_word(head)
        )
        building = building or subject
        # 东风公司新能源整车…项目, 宁德时代某某一体化项目: a firm's project
        named_for = re.search(r"公司|集团", head) is not None or (
            len(head) >= 6 and _KNOWN_FIRM is not None and _KNOWN_FIRM.match(head) is not None
        )
        # 签约A项目、B项目: the item after a project of the same list is one too
        listed = text[b - 1 : b] == _LIST_SEP and any(c == b - 1 for _, c in covered)
        # A项目、B年产…项目 / A项目二期: the item before a project of the same list, or one built in phases
        listed = listed or bool((after := _NEXT_PROJECT.match(text, m.end())) and _PROJECT_CUE.search(after.group(1)))
        building = building or (m.group(1) == "项目" and bool(_PHASE_NEXT.match(text, m.end())))
        building = building or text.startswith(("为代表", "为龙头", "为引领", "为核心"), m.end())  # 以X项目为代表的…
        building = building or (
            m.group(1) == "项目" and text[b - 1 : b] in '“"' and text[m.end() : m.end() + 1] in '”"'
        )  # “X项目”: quoted (a quoted 工程 is a programme)
        if not _PROJECT_CUE.search(head) and not verb and not building and not named_for and not listed:
            continue
        if _KIND_OF_PROJECT.search(head) or _COUNT.search(head) or head.endswith("企业"):
            continue  # 新兴产业项目, 61项新材料领域科研项目: kinds of project, not one named
        if _only_industry(head) and not _PROJECT_CUE.search(head):
            continue  # 引进装备制造项目: projects of an industry, none named
        if (
            (phase := _PHASE_START.match(head))
            and len(head) - phase.end() >= 5
            and not re.match(r"\(?[一二三四五六七八九十首]期\)?(?:工程)?(?:建设|新建|实施|推进|\d|年产|投资)", head)
        ):
            head = head[phase.end() :].lstrip(")")  # 二期特种氟硅橡胶项目: the project, whose second phase it is
        if (
            _PROJECT_CLASS.match(head)
            or _PROJECT_TALLY.match(text, m.end())
            or _PHASE_START.match(head)
            or _SERVICE_END.search(head)
            or (m.group(1) == "工程" and _CAMPAIGN_END.search(head))
        ):
            continue  # 亿元以上项目5个, 更多大项目, 转移项目12个: a class of projects counted, not one named
        st = st0 = m.start() - len(head)
        if (two := _TWO_OUTPUTS.fullmatch(head)) is not None:
            # 年产4万吨PVB树脂及年产1.5万吨膜片项目: two outputs, each its own project
            first = normalise_name(two.group(1) + m.group(1))
            out.append(Mention("project", first, piece.at(st), piece.end_at(st + len(two.group(1))), piece.paragraph))
            head, st = two.group(2), st + two.start(2)
        name = normalise_name(head + m.group(1))
        if phase := _PHASE_AFTER.match(name):
            name = phase.group(1)  # 某一体化项目三期工程: the project, built in phases
        found = Mention("project", name, piece.at(st), piece.end_at(m.end()), piece.paragraph)
        if m.group(1) == "项目" and (phase_next := _PHASE_NEXT.match(text, m.end())):
            found.written = name + phase_next.group(0).lstrip("(")  # 某项目二期, as the text writes it
        out.append(found)
        covered.append((st0, m.end()))
        # 其中A二期、B三期项目: earlier items of the 、-list share the ending, when each reads as one project
        lb = _left_head(text, st0)
        if text[st0 - 1 : st0] == _LIST_SEP and lb < st0 - 1 and _PROJECT_CUE.search(head):
            items = [
                (lb + k + i.rfind(h), h)
                for k, i in _split_items(text[lb : st0 - 1], conj=False)
                if (h := _cut_head(i.strip()))
            ]
            if items and all(len(h) <= 40 and _PROJECT_CUE.search(h) and not _COUNT.search(h) for _, h in items):
                for hs, h in items:
                    if not any(a <= hs < c for a, c in covered):
                        out.append(_project(piece, hs, h))
                        covered.append((hs, hs + len(h)))
        elif list_verb and lb == clause:
            # 推进A(二期)、B项目: an earlier item that reads as one project (a phase, an output) is one
            for k, i in _split_items(text[lb : st0 - 1], conj=False):
                h = _cut_head(i.strip())
                hs = lb + k + i.rfind(h)
                if (
                    4 <= len(h) <= 40
                    and _ONE_PROJECT.search(h)
                    and not _COUNT.search(h)
                    and not any(a <= hs < c for a, c in covered)
                ):
                    out.append(_project(piece, hs, h))
                    covered.append((hs, hs + len(h)))
    # 确保A园、B四期、C科技建成投产: a list whose items come into being together is a list of projects,
    # when one item at least reads as one project (a phase, an output)
    for m in _BUILT_LIST.finditer(text):
        b = _left_head(text, m.start())
        body = text[b : m.start()]
        if _LIST_SEP not in body or any(a <= b < c or a < m.start() <= c for a, c in covered):
            continue
        parts = _split_items(body, conj=False)
        if len(parts) < 3 or not any(_ONE_PROJECT.search(i) for _, i in parts):
            continue
        for k, item in parts:
            head = _cut_head(item.strip())
            if 2 <= len(head) <= 30 and not is_generic(head, LEXICON.project_generic) and not _COUNT.search(head):
                st = b + k + item.rfind(head)
                out.append(_project(piece, st, head, via="list"))
        covered.append((b, m.end()))
    # 加快A技术改造和B生产线、C产业园建设: facilities a verb says are being built are projects
    for m in _FACILITIES_BUILT.finditer(text):
        if any(a <= m.start(1) < c for a, c in covered):
            continue
        parts = _split_items(m.group(1), conj=True, joiners="和|以及")
        heads = [(k, item, _cut_head(item.strip())) for k, item in parts]
        if not any(_FACILITY_END.search(h) and len(h) >= 4 for _, _, h in heads):
            continue
        for k, item, h in heads:
            if (
                _FACILITY_END.search(h)
                and 4 <= len(h) <= 30
                and not is_generic(h, LEXICON.project_generic)
                and not re.match(r"(?:园区|基础|配套)", h)
            ):
                st = m.start(1) + k + item.rfind(h)
                out.append(_project(piece, st, h, via="list"))
                covered.append((st, st + len(h)))
    # 如A、B、C项目等: the list shares the ending written after its last item
    for m in _PROJECT_LIST_AFTER.finditer(text):
        b = _left_head(text, m.start(2))
        body = text[b : m.start(2)]
        if _LIST_SEP not in body or any(a <= b < c for a, c in covered):
            continue
        items = _split_items(body, conj=True, joiners="和|以及")
        for k, item in items:
            head = _without_spend(_cut_head(item.strip()))
            if 2 <= len(head) <= 40 and not is_generic(head, LEXICON.project_generic) and not _COUNT.search(head):
                st = b + k + item.rfind(head)
                found = _project(piece, st, head, via="list")
                if k == items[-1][0] and not head.endswith(m.group(2)):
                    found.written = found.name + m.group(2)  # the last item, as written: A、B、C项目等
                out.append(found)
        covered.append((b, m.end()))
    if (im := _PROJECT_ITEM.match(text)) and not any(a <= im.start(1) < c for a, c in covered):
        head = _cut_head(im.group(1))
        if (
            len(head) >= 4
            and not is_generic(head, LEXICON.project_generic)
            and _place_prefix_len(head) < len(head)
            and not _KIND_OF_PROJECT.search(head)
        ):
            st = im.start(1) + im.group(1).rfind(head)
            out.append(_project(piece, st, head))
            covered.append((st, st + len(head)))
    # 某某投资的X产业园 / 某某投建的X基地: what a firm invests in is a project
    for m in _INVESTED_BY.finditer(text):
        if any(a <= m.start(2) < c for a, c in covered) or is_generic(m.group(2), LEXICON.project_generic):
            continue
        out.append(
            Mention(
                "project",
                normalise_name(m.group(2)),
                piece.at(m.start(2)),
                piece.end_at(m.end(2)),
                piece.paragraph,
                via="list",  # (a park being invested in is the project, not a zone)
            )
        )
        covered.append((m.start(2), m.end(2)))
    # 某粘胶是全省投资规模最大的…项目: a clause that says its subject is the biggest or first of projects
    for m in _IS_PROJECT.finditer(text):
        head = _cut_head(m.group(1))
        if (
            2 <= len(head) <= 12
            and not any(a <= m.start(1) < c for a, c in covered)
            and not is_generic(head, LEXICON.project_generic)
            and not _place_begins(head, 0)
            and not re.search(r"^(?:这|该|此|它|其)", head)
        ):
            st = m.end(1) - len(head)
            out.append(_project(piece, st, head))
            covered.append((st, m.end(1)))
    # 总投资380亿元的X / 投资N亿元建设X: an investment names a project whatever its ending
    for m in _INVESTED.finditer(text):
        head = m.group(1)
        if (
            any(a <= m.start(1) < c for a, c in covered)
            or is_generic(head, LEXICON.project_generic)
            or head.startswith(("企业", "公司", "项目"))  # 投资1亿元以上的企业可考虑单独在园外…: firms spoken of
        ):
            continue
        out.append(
            Mention("project", normalise_name(head), piece.at(m.start(1)), piece.end_at(m.end(1)), piece.paragraph)
        )
    # “四地”青海某某产业园项目: a slogan quoted before the name is no part of it (“疆电外送”性…: no name at all)
    out = [
        replace(m, name=m.name[q.end() :], start=m.start + q.end())
        if (q := _SLOGAN_LEAD.match(m.name)) and _place_begins(m.name[q.end() :], 0)
        else m
        for m in out
    ]
    return [
        m
        for m in out
        if len(re.sub(r"[\"“”‘’()]", "", m.name)) >= 2  # (开工项目有:“): a quote is no name)
        and not _AMOUNT_ONLY.fullmatch(m.name)  # (投资分别超150亿元、100亿元的…: a sum)
        and not re.match(r"(?:[\"“][^\"“”]{1,8}[\"”])?性", m.name)  # (“疆电外送”性煤电项目: a kind)
        and not product_word(m.name)
        # (…智能控制系统及其部件研发制造项目: the tail of a longer name read on its own is no project)
        and not any(o.end == m.end and o.start < m.start and o.via == m.via == "name" for o in out)
        and not _kind_named(m.name)
    ]


def _kind_named(name: str) -> bool:
    """Whether a project's name only says what kind of projects they are (光电子信息领域重大项目,
    现代煤化工重大项目, 一系列合作项目, 26个回归项目, (含续建)项目)."""
    if name.startswith("("):
        return True  # (含续建)项目: a remark in brackets, no name before it
    core = re.sub(r"(?:项目|工程)$", "", name)
    if re.match(rf"(?:一系列|[\d{_CN_NUM}]+(?:个|项|天))", core):
        return True
    if name.endswith("工程") and re.search(r"(?:人才|攻关|集群|能力建设|开发)$", core):
        return True  # 陶瓷产业人才开发工程, 产业集群工程: a programme, not a thing built
    bare = re.sub(
        r"(?:重大|重点|重特大|特大|大|头号|优质|高效|合作|骨干|招商引资|外资|实体|创业|增资扩产|热门|示范|标杆|"
        r"标志性|技改|转移|优势|建设)+$",
        "",
        core,
    )
    # (淄博高新区2021春季重大项目, 某市新建区重大招商引资项目: a place's or zone's projects of a season)
    where = re.sub(r"^(?:[\u4e00-\u9fff]{2,8}?(?:新区|高新区|开发区|经开区|市|县|区|方向))+", "", bare)
    where = re.sub(r"^(?:国家|省级|市级|全省|全市)", "", where[_place_prefix_len(where) :])  # (苏州工企…, 国家重大…)
    where = re.sub(r"^\d{4}年?(?:春季|秋季|上半年|下半年|年度)?", "", where)
    trade = re.sub(r"^(?:现代|新型|高端|绿色|先进|传统|特色)", "", where)
    return bare != core and (
        not where
        or bool(_KIND_OF_PROJECT.search(where))
        or _only_industry(trade)
        or _WHOSE_PROJECTS.fullmatch(where) is not None
    )


# 标杆项目, 示范项目, 重点项目: a title a project holds, written before its name
_PROJECT_TITLE_IN = re.compile(r"(?:标杆|示范|重点|重大|标志性)项目")
_FACILITY = re.compile(r"(?:厂房|仓库|用房|车间|宿舍|食堂|办公楼|综合楼|研发中心|检验中心|测试中心|配套设施)$")
_SLOGAN_LEAD = re.compile(r"^[\"“][^\"“”]{1,8}[\"”](?=[\u4e00-\u9fff]{4})")
# (临港项目, 工企增资扩产项目, 当地实体项目: whose projects, no name)
_WHOSE_PROJECTS = re.compile(r"(?:临港|企业|工企|园区|本地|当地)")


_AMOUNT_ONLY = re.compile(r"(?:超|约|近|逾)?\d+(?:\.\d+)?(?:亿|万)元(?:以上)?")
_IS_PROJECT = re.compile(
    r"(?:^|[,;:。])\s*([\u4e00-\u9fff]{2,12}?)是(?:目前)?[^,。;:是]{0,20}?(?:最大|第一|唯一|首个)[^,。;:]{0,12}?项目"
)
_BUILT_LIST = re.compile(r"(?:相继|先后|陆续|全部|均)?(?:建成投产|开工建设|竣工投产|建成|竣工|投产达效|开工)")
_FACILITIES_BUILT = re.compile(
    r"(?:加快|推进|推动|启动|实施|完成)([^,;。:]{4,60}?)(?:的)?(?:建设|施工|投产)(?![\u4e00-\u9fff]{0,2}项目)"
)
# (a park or a base being built may be a zone: 加快某产业园、某基地建设 names no project by itself)
_FACILITY_END = re.compile(r"(?:生产线|产线|工厂|车间|电站|仓储中心)$")
_PROJECT_LIST_AFTER = re.compile(r"(如|包括|例如|有)?[^,。;:]*?(项目|工程)等")
_INVESTED = re.compile(
    r"(?:总投资|计划投资|投资)(?:约|近|超|超过|达)?\s*\d+(?:\.\d+)?\s*(?:亿|万)元(?:左右|以上)?"
    # 总投资近80亿元、总装机容量140万千瓦的X / 投资150亿元在玉林打造X: other figures, or where, between
    r"(?:、[^,;。、]{2,16}?\d+(?:\.\d+)?[^,;。、\d]{1,4})?(?:在[\u4e00-\u9fff]{1,6}?)?(?:的|建设的?|打造的?|新建的?)"
    r"([\u4e00-\u9fff()A-Za-z\d]{3,30}?(?:项目|工程|基地|中心|园|电站|工厂|生产线|产线|产业城|谷)(?:项目)?)"
)
# - 金盛兰优特钢生产线:总投资约300亿元: an item naming a project by what it costs or makes
_PROJECT_ITEM = re.compile(
    r"^\s*(?:[-·•●]|\d{1,2}[.、]|\(\d{1,2}\))?\s*([\u4e00-\u9fff()A-Za-z\d]{4,40}?)\s*[:]\s*"
    r"(?:(?:总|计划|首期|一期)?投资(?:约|近|超|超过|达)?\s*\d|占地|年产|设计产能)"
)

"""Mentions of zones: …开发区/高新区/产业集聚区/园区, elliptical lists, zones a place shares."""

from __future__ import annotations

import re
from functools import lru_cache

from clusterkg.text import normalise_name

from ..lexicon import LEXICON
from ..segments import Piece
from .common import (
    _CN_NUM,
    _CUT,
    _EDGE_ONLY,
    _INNER_CUT,
    _LEVEL_RX,
    _LIST_SEP,
    Mention,
    _cut_head,
    _ends_with_place,
    _industry_vocabulary,
    _left_head,
    _place_begins,
    _place_prefix_len,
    _place_set,
    _split_items,
    _strip_words,
    _whole_places,
    is_generic,
    place_begins,
)
from .firms import _only_industry

ZONE_ENDINGS = "|".join(map(re.escape, LEXICON.zone_suffixes))  # longest first, for regexes
_ZONE_RX = re.compile("(" + ZONE_ENDINGS + ")(?![区园域])")


_ZONE_NEXT = re.compile("(?:" + ZONE_ENDINGS + ")")
_ZONE_EXTEND = re.compile("([\u4e00-\u9fff]{1,10}?)(" + ZONE_ENDINGS + ")(?![区园域])")


def zone_mentions(piece: Piece) -> list[Mention]:
    """Zones named in a piece, including elliptical lists (A经济技术、B高新技术等开发区)."""
    text = piece.text
    out: list[Mention] = []
    floor = 0
    for m in _ZONE_RX.finditer(text):
        s, e = m.start(), m.end()
        if s < floor:
            continue
        if _ZONE_NEXT.match(text, e):
            continue  # 安源科创城产业园: one ending runs into another, the name ends with the last
        b = _left_head(text, s, floor)
        left = text[b:s]
        floor = e
        shared = re.search(r"等$", left)
        if shared and _LIST_SEP in left:
            body = left[: shared.start()]
            for k, item in _split_items(body, conj=False):
                head = _cut_head(item)
                if not head or is_generic(head, LEXICON.zone_generic, False) or len(head) > 20:
                    continue
                start = b + k + len(item) - len(head)
                out.append(
                    Mention(
                        "zone",
                        normalise_name(head + m.group(1)),
                        piece.at(start),
                        piece.end_at(b + k + len(item)),
                        piece.paragraph,
                        via="list",
                    )
                )
            continue
        if places := _places_sharing(left):
            # 长乐、罗源新型建材产业园 / 青山、白水两个工业园区: bare places before one place's zone
            # share its ending; each has a zone of that kind
            shared_part, items = places
            for k, place in items:
                start = b + k
                out.append(
                    Mention(
                        "zone",
                        normalise_name(place + shared_part + m.group(1)),
                        piece.at(start),
                        piece.end_at(e if k == items[-1][0] else start + len(place)),
                        piece.paragraph,
                        via="list",
                    )
                )
            continue
        head = _cut_head(left.rsplit(_LIST_SEP, 1)[-1])
        if not head and (cl := re.search(r"(?:产业化?集群|集群)$", left)) and cl.start() >= 2:
            head = _cut_head(left[: cl.start()]) + cl.group(0)  # 新野肉牛产业集群示范区: a zone named for its cluster
            head = head if len(head) > len(cl.group(0)) + 1 else ""
        if (k := head.rfind("项目")) >= 0:
            # 石化项目迅速向龙雁工业区 / …项目和湄洲湾港秀屿港区: what follows the projects is the zone
            head = _cut_head(_strip_words(head[k + 2 :], ["迅速", "向", "在", "进入", "落户", "入驻"]))
        if (k := head.rfind("建设")) >= 1 and len(head) - k - 2 >= 2 and not head.startswith(("机械", "路"), k + 2):
            head = head[k + 2 :]  # 东陵西部建设软件动漫产业聚集区: the zone is what is built
        for k in range(len(head) - 2, 0, -1):
            if (head[k] in "在与和及到于落是为含以由从向" and _place_begins(head[k + 1 :], 0)) or (
                head[k] == "在" and k >= 2 and len(head) - k - 1 >= 2
            ):
                head = head[k + 1 :]  # 比亚迪在西安高新区, 签约仪式在羊安工业园区: the zone is what follows 在
                break
        else:
            if head[:1] in "于在到从向今" and not _place_begins(head, 0) and _place_begins(head[1:], 0):
                head = head[1:]  # 落户于广州开发区, 今遵义经开区: a preposition or a time before the place
        if (
            (inner := next((k for k in range(2, min(5, len(head) - 1)) if place_begins(head[k:])), None))
            and not _place_begins(head, 0)
            and not re.fullmatch(
                r"中[\u4e00-\u9fff]|[\u4e00-\u9fff]*[(-·省市县区镇乡]", head[:inner]
            )  # 中新苏州, 横琴·正安, 某某市青山
            and not province_lead().match(head)
            # 信义张家港工业园, 老挝湖南橡胶产业园: a firm's or a country's park in a place
            and head[:inner] not in LEXICON.known_firms
            and head[:inner] not in LEXICON.not_firms
        ):
            head = head[inner:]  # 开发斗门产业新城, 一图读懂斗门…产业园: words before the place start no zone's name
        if (joined := _PARK_AND.search(head)) and len(head) - joined.end() >= 2:
            head = head[joined.end() :]  # 甲智慧健康谷和乙乳业产业园: two parks, the second ends here
        if head.startswith("环") and len(head) > 2 and _place_begins(head[1:], 0):
            head = head[1:]  # 环哈尔滨新区: around the zone
        if (
            not head
            # (时间里把开发区, 掀起开发区: the words before a bare ending are no name; 工业城市 is a city)
            or head[-1] in "把由将对被进"  # (工业设计进园区: into a park, none named)
            # (重大科技成果在高新区: what is in a park whose name is only its kind)
            or ((k := head.rfind("在")) >= 1 and is_generic(head[k + 1 :] or "的", LEXICON.zone_generic, False))
            or text.startswith("市", m.end())
            # (国内磁性材料产业重要集聚区, 中国重要小家电产业基地, 几个热点工业区: what a place is, or how many)
            or re.search(r"重要|几个|主要", head) is not None
            or (
                is_generic(head, LEXICON.zone_generic, False)
                and not (
                    head.endswith("一体化") and len(head) >= 6 and _place_begins(head, 0)
                )  # 开封市城乡一体化示范区
            )
            or len(head) > 24
            # (某某科技有限公司生物发酵产业园: a firm's own park is its works, not a zone)
            or re.search(r"有限公司|股份公司|集团公司", head)
            # (等一批国别产业园: a kind of park counted, none named)
            or re.search(r"(?:一批|一大批|一系列|若干|各类|一些|多个)$", text[: s - len(head)])
        ):
            continue
        if (
            (
                (num := re.match(r"[-\d]*\d{2,}(?![\d.]|万|亿|年|个|家|平方|亩|公顷|千|吨)", head))
                # (1贵阳经开区: a list's number glued to a place's zone)
                or ((num := re.match(r"\d(?=[\u4e00-\u9fff])", head)) and _place_begins(head[1:], 0))
            )
            and len(head) - num.end() >= 2
        ):
            head = head[num.end() :]  # 1013 某工业园区: a number set before the name, no part of it
        if re.fullmatch(r"(?:[一二三四五六七八九十\d][\u4e00-\u9fff]{1,3}){2,}", head):
            continue  # 一区二基地三产业四园区: a layout's slogan, no zone named
        if (
            re.search(r"最大|最强|最具|最好|领先", left.rsplit(_LIST_SEP, 1)[-1][-len(head) - 6 :])
            or head.startswith(("该", "此", "这个", "这一"))
            or head.endswith("是")
        ):
            # 华北最大汽车产业集聚区, 最具投资价值锂电产业园, 该产业园, 新能源汽车是新区…: a zone
            # described, pointed at or spoken of, not named
            continue
        if (
            m.group(1) == "园区"
            and not _place_begins(head, 0)
            and not _PARK_HEAD.search(head)
            and not any(w in head for w in _industry_vocabulary() if len(w) >= 2)
        ):
            continue  # 跑出园区, 大抓园区, 一方面以园区: a bare 园区 after no place and no kind of park names none
        if (
            m.group(1) in _DESIGNATION_ENDINGS
            and (lead := _DESIGNATION_LEAD.match(head) or province_lead().match(head))
            and not _place_begins(head[lead.end() :], 0)
        ):
            continue  # 国家大数据综合试验区, 江西省特色装备制造产业试验区: a designation, no zone of a place
        if (
            (rank := re.match(r"(?:[\u4e00-\u9fff]{0,2}?(?:属|为|是))?(?:国家级?|省级|市级|县级)", head))
            and not _place_begins(head[rank.end() :], 0)
        ) or (re.search(r"(?:国家级?|省级|市级|县级)$", text[: s - len(head)]) and not _place_begins(head, 0)):
            continue  # 国家现代农业产业园, 省级现代农业产业园: a rank a park was given, no park named
        if m.group(1) == "经济区" and not re.search(r"港|空|开发|保税|合作|投资|新", head):
            continue  # 川南经济区, 中原经济区: a region of a plan; 临港经济区, 临空经济区 are zones
        if _HONOUR_BEFORE.search(text, 0, s - len(head)):
            continue  # 被评为国家循环经济示范试点园区: a title the place was given, not a zone of its own
        if re.search(rf"[\d{_CN_NUM}]+个[^,;。、]{{0,20}}的$", text[: s - len(head)]):
            continue  # 6个年产值超50亿元的绿色食品加工产业园: parks counted by what they are, none named
        if (spend := re.match(r"\d+(?:\.\d+)?(?:亿|万)元", head)) and len(head) - spend.end() >= 2:
            head = head[spend.end() :]  # 建设50亿元国宝桥米工业园: what the park costs, then its name
        if _ZONE_SIZE.search(head) or (_LEVEL_RX.match(head) and not _place_begins(head, 0)):
            continue  # 40平方公里园区, 千亿级医药健康产业园区: a park described by its size or aim, not named
        if (
            head.startswith(("全国", "全省", "全市", "全区"))
            or (head.endswith(("和", "及", "与")) and not _ends_with_place(head))  # not 太和经开区
            or re.search(r"(?:各大|各类|各个|各|所有|全部|十佳|首个)$", head)
            or re.search(
                r"星级|十快|十强|十佳|百强|先进(?!制造|材料|技术|装备|计算)|优秀", head
            )  # 二星级产业集聚区: a rating, no zone named
            or (province_lead(full_only=True).fullmatch(head) is not None)  # 河南省经济开发区: the province's zones
            or (
                (prov := province_lead(full_only=True).match(head)) is not None
                and is_generic(head[prov.end() :], LEXICON.zone_generic, False)
            )  # 吉林省省级开发区: a rank of the province's zones
            or re.fullmatch(r"[\u4e00-\u9fff]{2,6}?[省市县区](?:省级|国家级|市级)", head)
            is not None  # 邢台市省级开发区
            or (head.endswith("加工") and len(head) <= 5)  # 农产品加工园区: a kind; 林头水产品加工专业园 is named
            or re.fullmatch(r"(?:" + _LEVEL_RX.pattern + r"|五百亿|千亿|百亿)元?(?:级)?(?:产业)?", head)
        ):
            continue  # 各大园区, 千亿元产业园区: parks spoken of, none named
        if text.startswith("片区", e):
            e += 2  # 星河工业园片区: a part of the park, named after it
            floor = e
        # a park inside a zone is one name: 某某经济开发区环保装备产业园
        ext = _ZONE_EXTEND.match(text, e)
        if (
            ext
            and not province_lead().match(ext.group(1))  # 桂阳县工业园湖南广东家居智造产业园: two parks
            and not re.search(r"[和及与或、是为的个级]", ext.group(1))
            and not re.match(rf"[\d{_CN_NUM}]+大", ext.group(1))  # 某工业园三大园区: a count of parks after the last
            and not any(w in ext.group(1) for w in _CUT if w not in _EDGE_ONLY)
            # 某高新区建设光电产业园: a verb after the zone starts what is done there, not a park of it
            and not (ext.group(1).startswith(tuple(_EDGE_ONLY)) and not ext.group(1).startswith(LEXICON.cut_keep))
        ):
            e = ext.end()
            floor = e
        if (
            (where := re.match(r"\(([^()]{2,6})\)", text[e:]))
            and not re.search(r"[、,]", where.group(1))
            and not where.group(1).startswith("含")  # (含华港小区): what the zone includes, another name
            and (_place_begins(where.group(1), 0) or where.group(1)[-1] in "县市区镇乡旗")
        ):
            e += where.end()  # 郑州家具产业园(登封): the place in brackets is part of the name
            floor = e
        if text.startswith(("项目", "建设项目"), e):
            continue  # 某某产业园项目: a project being built, read as a project
        if (
            (inside := re.match(r"[^,;:。、()]{1,16}?项目", text[e:]))
            and not _INNER_CUT.search(inside.group(0)[:-2])
            and not inside.group(0).startswith("以")  # 某开发区以项目建设为引领: the zone acts, no project named
        ):
            continue  # 湄洲湾港秀屿港区石门澳作业区泊位项目: a zone's name opening a project's
        st = s - len(head)
        if (
            (prov := province_lead().match(head))
            and len(head) > prov.end()
            and (
                _place_begins(head[prov.end() :], 0)
                # 广东省横琴粤澳深度合作区: a province's full name before a zone's own is no part of it
                or (province_lead(full_only=True).match(head) and len(head) - prov.end() >= 4)
            )
            and not province_lead().match(head[prov.end() :])  # 湖南广东家居智造产业园: two provinces make a name
        ):
            st += prov.end()  # 山东淄博高新区: the province before a city's zone is no part of its name
        if m.group(1).endswith(_AREA_ENDINGS) and _described_area(head):
            continue  # 打造…智能传感器产业集聚区, 加工流通集聚区, 氢能产业示范区: an area described, none named
        full = normalise_name(text[s - len(head) : e])
        name = normalise_name(text[st:e])
        if _division_only(name):
            continue  # 浦东新区, 沈阳市沈北新区: a division (a district called 新区), not a zone
        out.append(Mention("zone", name, piece.at(st), piece.end_at(e), piece.paragraph, written=full))
    return out


def _division_only(name: str) -> bool:
    """Whether a zone's name is a division's own name, after the places before it (沈阳市沈北新区).

    >>> _division_only("浦东新区"), _division_only("沈阳市沈北新区"), _division_only("兰州新区")
    (True, True, False)
    """
    return any(
        name[k:] in _whole_places() and (k == 0 or _place_prefix_len(name[:k]) == k) for k in range(len(name) - 2)
    )


_DESIGNATION_ENDINGS = frozenset({"示范区", "试验区", "实验区"})
_AREA_ENDINGS = ("集聚区", "聚集区", "集聚地", "功能区", "示范区", "先导区", "协同区")


def _described_area(head: str) -> bool:
    """Whether the head of an area (集聚区, 示范区 …) only says what kind of area it is, with no place
    or name of its own (新型智能移动终端产业, 加工流通, 氢能产业, 新能源高端产业)."""
    if _place_begins(head, 0):
        return False
    core = re.sub(
        r"产业|行业|企业|高端|特色|新兴|现代|综合|融合|创新|发展|加工|流通|功能|集群|世界级|全国|新型|智能|"
        r"具有[^的]{0,10}的|[\u4e00-\u9fff]{0,4}影响力的|重要的|最大的|的",
        "",
        head,
    )
    return not core or _only_industry(core, products=True)


_PARK_AND = re.compile(r"(?:谷|园|区|县|城|基地|中心|项目|工程|集团|公司)(?:和|与|及)")
_DESIGNATION_LEAD = re.compile(r"^(?:国家级?|中国(?![-—])|全国|省级?|市级)")
_HONOUR_BEFORE = re.compile(
    r"(?:评为|认定为|授予|命名为|荣获|获评|入选|入围|荣膺|列为|跻身|批准为|确定为|蝉联)[^,;。、]{0,6}$"
)
# what makes the head of a bare …园区 the name of a park (中国-东盟经济园区, 某某农业科技园区)
_PARK_HEAD = re.compile(r"经济|工业|产业|科技|高新|物流|农业|生态|循环|化工|创业|创新|软件|[-—]")
_ZONE_SIZE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:平方公里|平方千米|亩|公顷|万平方米)|^\d+(?:\.\d+)?\s*(?:亿|万亿)(?:元)?级?"
)
_ZONE_COUNT = re.compile(rf"(?:等)?[\d两{_CN_NUM}]+个(?:国家级|省级|市级|县级|重点)?$")


def _places_sharing(left: str) -> tuple[str, list[tuple[int, str]]] | None:
    """The shared part and the places of ``left`` when it is a list of bare places whose last item
    is a place followed by what they all share (长乐、罗源新型建材 → 新型建材, [长乐, 罗源])."""
    if _LIST_SEP not in left:
        return None
    body = _ZONE_COUNT.sub("", left)
    before = body.rsplit(_LIST_SEP, 1)[0].rsplit(_LIST_SEP, 1)[-1]
    if not _ends_with_place(before):
        return None  # the item before the last does not end with a place (most lists fail here, cheaply)
    items = _split_items(body, conj=True, joiners="和|及|与")
    if len(items) < 2:
        return None
    first_k, first = items[0]
    lead = _cut_head(first)
    if lead not in _place_set():
        # 分布在青山、白水…: the first place is what the clause ends with
        lead = next((first[-n:] for n in range(min(6, len(first)), 1, -1) if first[-n:] in _place_set()), lead)
    items[0] = (first_k + len(first) - len(lead), lead)
    places: list[tuple[int, str]] = []
    for k, item in items[:-1]:
        if item not in _place_set():
            return None
        places.append((k, item))
    k, last = items[-1]
    n = _place_prefix_len(last)
    if n == 0:
        return None
    shared = last[n:]  # empty in 郑州、洛阳高新区 and 青山、白水两个工业园区
    if len(shared) == 1:
        shared, n = "", len(last)  # 西城、南海子2个工业园区: 南海子 is a name of its own, not 南海 and 子
    if len(shared) > 8 or re.search(r"[,;。]", shared) or _cut_head(shared) != shared:
        return None  # (东丽区、津南区作为天津工业园区…: a verb, not what the places' parks share)
    if any(len(p) > 6 for _, p in places):
        return None
    return shared, [*places, (k, last[:n])]


@lru_cache(maxsize=2)
def province_lead(full_only: bool = False) -> re.Pattern[str]:
    """A province's name (or short name) at the start of a text; ``full_only``: only the full
    names of provinces and autonomous regions (安徽省, 广西壮族自治区), not 山东 or 北京市."""
    from clusterkg.loaders.places import NationalGazetteer

    provinces = [d for d in NationalGazetteer.load().divisions if d.level == "province"]
    if full_only:
        names = {d.name for d in provinces if d.name.endswith(("省", "自治区"))}
    else:
        names = {n for d in provinces for n in (d.name, d.short) if len(n) >= 2}
    return re.compile("^(?:" + "|".join(sorted(map(re.escape, names), key=lambda n: -len(n))) + ")")

"""Names in folded text: where a name's head begins, levels, lists that share an ending, places."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from clusterkg.text import normalise_name

from ..lexicon import LEXICON
from ..segments import cn_int

_CN_NUM = "一二三四五六七八九十两百千万零〇"
# A boundary no name crosses (folded text: ASCII punctuation after NFKC).
_BOUNDARY = set(",.;:!?。;:、“”\"'《》<>[]{}【】|/\\—…~·")
_LIST_SEP = "、"

# Verbs and function words of the genre (data: lexicon [cut]): a name's head starts after the
# rightmost of these; the edge-only ones may stand inside a name and only cut at its left edge.
_CUT = LEXICON.cut
_EDGE_ONLY = frozenset(LEXICON.cut_edge)

_LEVEL_AR = re.compile(r"(超|逾)?(\d+(?:\.\d+)?)\s*(万亿|千亿|亿)(?:元)?(?:级|以上|规模)")
_LEVEL_WORDS = tuple(sorted(LEXICON.level_yi, key=lambda w: -len(w)))
_LEVEL_RX = re.compile(
    "("
    + "|".join(map(re.escape, _LEVEL_WORDS))
    + r"|(?:超|逾)?\d+(?:\.\d+)?(?:万亿|千亿|亿)元?(?:级|以上)|(?:超|逾)[千百]亿(?:元)?(?:级)?)"
    + r"(?:(?<=亿)元(?:级)?)?"  # 超千亿元: the 元 after a level word is the level's
    + r"(?:(?<=级)别)?"  # 5000亿元级别: 级别 is 级
)
# the end of one part of a list joined to the next: …3个千亿级和… / …等3个和…
_PART_END = re.compile(
    rf"(?:等)?[\d{_CN_NUM}]+(?:个|大)(?P<lv>"
    + _LEVEL_RX.pattern
    # 4个产值超200亿和…: a part's count may be followed by what each of its clusters makes
    + r")?(?:(?:产值|营收|营业收入|规模|产业规模)?(?:超|超过|达|逾|过)?\d+(?:\.\d+)?(?:万亿|亿)元?(?:以上)?)?"
    + r"(?:产业集群|集群)?(?:和|及|以及|,)(?=[\u4e00-\u9fff])"
)
_COUNT_TAIL = re.compile(rf"(?:等|以及)?(?:[\d{_CN_NUM}]+)(?:个|大|类|家)?$|等$")
_FIRM_LIST_END = re.compile(
    r"、[^、,;。]*等[^、,;。]{0,8}?(?:企业|公司|厂商|厂家)(?:形成|组成|构成|打造|发展|集聚|共同)?[^、,;。]{0,4}$"
)
_BRIDGE_TAIL = re.compile(
    r"(?:(?:等|以及)(?:[\d" + _CN_NUM + r"]+(?:个|大|类|条|家))?|(?:[\d" + _CN_NUM + r"]+|几)(?:个|大|类|条|家))?"
    # after 等 or a count, the kind of the listed clusters (等八大重点成长型产业集群)
    r"(?P<qual>(?<=[等及个大类条家])(?:省级|国家级|市级|重点|重大|成长型|优势|特色|主导|支柱|战略性新兴|新兴|未来|传统|标志性|先进|领军|核心|工业|现代|"
    r"千亿元级|百亿元级|五百亿元级|千亿级|百亿级|五百亿级|千亿元|百亿元|五百亿元|千亿|百亿|五百亿)+(?:产业)?"
    # 等高专精产业集群: after 等, a short word the list's items share (not an industry of the last item)
    r"|(?<=等)[\u4e00-\u9fff]{2,3}(?=$))?"
    r"(?:领域|方向|行业)?(?:培育|打造|建设|发展|创建|形成)?$"
)

# a count, then the kind the counted items share: …两个新能源(产业集群)
_UMBRELLA = re.compile(rf"(?P<n>[\d{_CN_NUM}]+)(?:个|大|类)(?P<kind>[\u4e00-\u9fff]{{2,12}}?)(?:产业)?$")


# what no cluster's name holds: a clause (不含…,下同), a defined short name (以下简称), a project
_NOT_CLUSTER_HEAD = re.compile(r"[,;]|下同|简称|项目")


def level_of(text: str) -> tuple[str, float] | None:
    """A level as written and its size in 亿元: 千亿级 → 1000, 500亿元以上 → 500, 1.2万亿级 → 12000.

    >>> level_of("五百亿级"), level_of("500亿元以上"), level_of("超千亿"), level_of("超千亿元")
    (('500亿级', 500.0), ('500亿级', 500.0), ('千亿级', 1000.0), ('千亿级', 1000.0))
    """
    t = re.sub(r"级别$", "级", normalise_name(text))
    if t not in LEXICON.level_yi and re.search(r"亿元级?$", t) and re.sub(r"元(级?)$", r"\1", t) in LEXICON.level_yi:
        t = re.sub(r"元(级?)$", r"\1", t)  # 超千亿元 is 超千亿
    if t in LEXICON.level_yi:
        yi = LEXICON.level_yi[t]
        return _level_label(yi), yi
    m = _LEVEL_AR.fullmatch(t) or re.fullmatch(r"(超|逾)?(\d+(?:\.\d+)?)(万亿|千亿|亿)元?", t)
    if m:
        unit = {"万亿": 10000.0, "千亿": 1000.0, "亿": 1.0}[m.group(3)]
        yi = float(m.group(2)) * unit
        return _level_label(yi), yi
    return None


def _level_label(yi: float) -> str:
    names = {10000.0: "万亿级", 1000.0: "千亿级", 100.0: "百亿级"}
    if yi in names:
        return names[yi]
    return f"{yi:g}亿级"


@dataclass(slots=True)
class Mention:
    kind: str  # "cluster" | "zone" | "firm" | "project"
    name: str  # normalised, as the text names it (cluster names with a canonical ending)
    start: int  # absolute span of the name in the document
    end: int
    paragraph: int
    written: str = ""  # the name exactly as written (normalised), when it differs
    level: str | None = None
    target_yi: float | None = None
    industry: str | None = None  # the name's head without its ending (and place, later)
    via: str = "name"  # how it was found: "name" (suffix), "list" (context list), "table"
    aliases: list[str] = field(default_factory=list)
    group: int = -1  # mentions of one 、-list sharing an ending share a group (its ending's offset)
    each: bool = False  # the list names one cluster per item (等, a level or a count follows it)
    ending: tuple[int, int] | None = None  # document span of the shared ending (产业集群)


def _is_cjkish(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or c.isalnum() or c in "()-·+"  # 互联网+


def _left_head(text: str, end: int, floor: int = 0, *, lists: bool = True) -> int:
    """Start of the name (or 、-list of names) ending at ``end``: left to a boundary, bracket-aware."""
    i = end
    depth = 0
    while i > floor:
        c = text[i - 1]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and c == _LIST_SEP and lists:
            pass
        elif (
            depth == 0
            and lists
            and c == "”"
            and text[i : i + 1] == _LIST_SEP
            and (o := text.rfind("“", max(floor, i - 10), i - 1)) > floor
            and _is_cjkish(text[o - 1])
            and text[o - 1] not in _BOUNDARY
            and not any(q in text[o + 1 : i - 1] for q in "“”、")
            and _LIST_SEP in text[max(floor, o - 12) : o]  # (not 培育“三电系统”、A: the list's first item)
        ):
            i = o  # A、鑫泰“多福多”、B: an item's quoted brand is part of the item
            continue
        elif depth == 0 and c == " " and i - 2 >= floor and text[i - 2] in "区县市旗州盟" and i < end:
            pass  # 章丘区 鼓风机产业集群: a list line sets the place apart with a space
        elif (
            depth == 0
            and c in ".×"
            and i - 2 >= floor
            and text[i - 2].isdigit()
            and i < len(text)
            and text[i].isdigit()
        ):
            pass  # 年产2.5万吨, 2×100MW: a decimal point or a times sign inside a name
        elif (
            depth == 0
            and c == "/"
            and text.startswith("年", i)
            and re.search(r"[吨台套件辆瓦米]$", text[floor : i - 1])
        ):
            pass  # 360万吨/年: a rate inside a name
        elif (
            depth == 0
            and c in "·・"
            and i - 2 >= floor
            and _is_cjkish(text[i - 2])
            and i < len(text)
            and _is_cjkish(text[i])
            and text[i - 2] not in _BOUNDARY
        ):
            pass  # 联东U谷·哈尔滨松北智造谷: a middle dot between two parts of one name
        elif (
            depth == 0
            and c in "—–-"
            and i - 1 > floor
            and _place_begins(text[i:end], 0)
            and _ends_with_place(text[max(floor, i - 9) : i - 1])
        ):
            pass  # 晋江—南安建筑陶瓷: two places joined by a dash share the name
        elif depth == 0 and (c in _BOUNDARY or c == " " or not _is_cjkish(c)):
            break
        i -= 1
    return i


# a place (or a firm spoken of as a kind) then a preposition: what follows is another name
_PLACE_THEN_EDGE = re.compile(
    r"^.{0,6}?(?:[省市县区]|企业|[厅局])(?:(?:以|在|与|把|将|向|由|对|继)(?!于|来|外|内|上|下|此|续|承)|同(?!时|期|样|步|类|行|比|等|心))"
)
_LEGAL_FORM = ("有限公司", "有限责任", "股份有限", "股份公司", "集团有限", "集团股份")
_LEGAL_FORM_RX = re.compile("有限公司|有限责任|股份有限")
_CUT_SET = frozenset(_CUT)
_INNER_CUT = re.compile("|".join(re.escape(w) for w in _CUT if w not in _EDGE_ONLY))
_TERMS = re.compile("|".join(re.escape(w) for w in LEXICON.cut_terms)) if LEXICON.cut_terms else None
# a zone's ending inside a name (某县产业集聚区家电产业集群): a cut word wholly inside it (集聚) cuts nothing
_ZONE_ENDING = re.compile("|".join(re.escape(w) for w in sorted(LEXICON.zone_suffixes, key=len, reverse=True)))
_ZONE_THEN_EDGE = re.compile(
    "(?:" + _ZONE_ENDING.pattern + ")(?:以|与|和|及|把|将|由|对)(?!于|来|外|内|上|下|此|续|承|平)"
)
# 新京报记者 李木易 摄: a photograph's credit, the caption's words run on after it
_PHOTO_CREDIT = re.compile(r"(?:记者|通讯员|摄影)\s*(?:[\u4e00-\u9fff]{2,4}\s*){1,3}?摄(?!像|影|制)\s*")
_CAPTION = re.compile(r"^(?:附表|附图|附件|表|图)\s*[\d一二三四五六七八九十]+(?:[-.]\d+)*\s*:?")
_LEAD_RX = re.compile(
    "^(?:" + "|".join(re.escape(w) for w in sorted(set(_CUT) | set(LEXICON.lead), key=lambda w: -len(w))) + ")"
)
_COUNT_CUT = re.compile(
    rf"\(?\d{{4}}(?:[-—~至]\d{{4}})?(?:年度|年)(?:起)?\)?|第?(?:\d+|[{_CN_NUM}]+)(?:余|多)?(?:个|家|类|批|届|次(?!资源|电池|元|开发|创业|能源|利用|加工))|第?(?:\d+|[{_CN_NUM}]+)轮(?![车摩电驱])|(?:\d+|[一二两三四五六七八九十]+)大(?!连池)|首个|首批|首家|(?:\d+|[一二三四五六七八九十]+)年(?!产)|[〇零一二三四五六七八九]{{4}}年度?|\d{{1,2}}(?:-\d{{1,2}})?月"
)


_PLACE_VERB = re.compile(r"(?:还将|也将|正在|将|要|拟)(建设|在|把|以|由|向|为)?|(建设|是|作为)")


def _last(it: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last match of an iteration of matches, or None."""
    m = None
    for m in it:
        pass
    return m


@lru_cache(maxsize=65536)
def _cut_head(head: str) -> str:
    """The head after the rightmost genre verb inside it, and without lead words at its left."""
    if (credit := _last(_PHOTO_CREDIT.finditer(head))) and credit.end() < len(head):
        head = head[credit.end() :]  # …记者 李木易 摄京津冀生命健康产业集群: the credit is no part of the name
    best = -1
    pos = 0
    # rightmost end of any cut word (overlapping matches: try from every start)
    terms = [(t.start(), t.end()) for t in _TERMS.finditer(head)] if _TERMS else []
    # 洁具有限公司: a cut word (具有) running into a legal form is part of the firm's name
    terms += [(f.start() - 1, f.end()) for f in _LEGAL_FORM_RX.finditer(head)]
    zone_endings = [(z.start(), z.end()) for z in _ZONE_ENDING.finditer(head)] if "区" in head else []
    while (m := _INNER_CUT.search(head, pos)) is not None:
        if (
            not head.startswith(_LEGAL_FORM, m.end())  # 某某科技发展有限公司: a word of the firm's name
            and not any(a <= m.start() < c for a, c in terms)  # 等离子显示器: a word of a trade
            and not any(a <= m.start() and m.end() <= c for a, c in zone_endings)
        ):
            best = max(best, m.end())
        pos = m.start() + 1
    if best >= 0:
        head = head[best:]
    if (close := head.find(")")) >= 0 and "(" not in head[:close] and close + 1 < len(head):
        head = head[close + 1 :]  # 讯(记者 某某 通讯员 某某)某某股份: a bracket the name does not open ends before it
    if after_place := _PLACE_THEN_EDGE.search(head):
        head = head[after_place.end() :]  # 温县在产业集聚区, 县以某公司为龙头: the place is the subject, not the name's
    if zone_endings and (after_zone := _last(_ZONE_THEN_EDGE.finditer(head))):
        head = head[after_zone.end() :]  # 某县产业集聚区以某公司为龙头: the zone is the subject, not the name's
    n = 0
    while (k := _place_prefix_len(head[n:])) and n < len(head):
        n += k  # 广东汕头: a province, then its city
    if (
        n
        and (v := _PLACE_VERB.match(head, n))
        and len(head) - v.end() >= 2
        and not head[n:].startswith(LEXICON.cut_keep)
    ):
        head = head[v.end() :]  # 襄阳市将建设驱动电机: a place and what it will do is no name's start
    if caption := _CAPTION.match(head):
        head = head[caption.end() :]  # 表1 某市省级特色产业集群: a table's or figure's number is no part of a name
    count = None
    for count in _COUNT_CUT.finditer(head):
        pass
    if count is not None:
        head = head[count.end() :]
    head = head.lstrip("·・")  # 30年·中国县域…: a dot that joined two titles starts no name
    changed = True
    while changed and head:
        changed = False
        if (v := re.match(r"^\([^()]{1,8}\)", head)) and v.end() < len(head):
            head = head[v.end() :]  # (基地)在… : the bracket closed the name before
            changed = True
        lead = _LEAD_RX.match(head)
        if (
            lead
            and lead.end() < len(head)
            # (a one-character lead before a place may be the place's own: 新乡; 建设赣州… is cut)
            and (not _place_begins(head, lead.end()) or (lead.end() >= 2 and lead.group(0) in _CUT_SET))
            and not head.startswith(LEXICON.cut_keep)  # 有机硅新材料: 有 is no lead word here
        ):
            head = head[lead.end() :]
            changed = True
    return head


@lru_cache(maxsize=1)
def _place_names() -> dict[str, tuple[str, ...]]:
    """Division names and stems by first character, for the words a lead word may begin
    (即墨, 如东, 和平, 以及 … : 即 and 如 are lead words, 即墨区 and 如东县 are places)."""
    from clusterkg.loaders.places import NationalGazetteer

    out: dict[str, set[str]] = {}
    for d in NationalGazetteer.load().divisions:
        for n in (d.name, d.short):
            if len(n) >= 2:
                out.setdefault(n[0], set()).add(n)
    return {k: tuple(sorted(v, key=lambda n: -len(n))) for k, v in out.items()}


@lru_cache(maxsize=1)
def _place_set() -> frozenset[str]:
    """Every division name and stem, for asking whether a word is a place and nothing more."""
    return frozenset(n for names in _place_names().values() for n in names)


@lru_cache(maxsize=1)
def _whole_places() -> frozenset[str]:
    """Every division's full name (浦东新区, 宽甸满族自治县)."""
    from clusterkg.loaders.places import NationalGazetteer

    return frozenset(d.name for d in NationalGazetteer.load().divisions)


@lru_cache(maxsize=1)
def _city_stems() -> frozenset[str]:
    """The short names of provinces and prefecture-level cities (郑州, 河南)."""
    from clusterkg.loaders.places import NationalGazetteer

    return frozenset(d.short for d in NationalGazetteer.load().divisions if d.level in ("city", "province"))


def names_place(head: str) -> bool:
    """Whether ``head`` begins with a division's full name or a city's or province's short name: a
    county's short name may be a common word too (港口 of 港口区, 港口机械 is a trade)."""
    n = _place_prefix_len(head)
    return n > 0 and (head[:n] in _whole_places() or head[:n] in _city_stems())


def _place_prefix_len(head: str) -> int:
    """The length of the longest division name or stem that begins ``head`` (0 if none)."""
    return max((len(n) for n in _place_names().get(head[:1], ()) if head.startswith(n)), default=0)


def place_begins(text: str) -> bool:
    """True when ``text`` begins with the name or stem of a division (青海基地 → 青海)."""
    return bool(text) and _place_begins(text, 0)


def _place_begins(head: str, cut: int) -> bool:
    """True when the lead word ending at ``cut`` is the start of a place name that begins ``head``."""
    return bool(head) and any(head.startswith(n) and len(n) > cut for n in _place_names().get(head[0], ()))


_SHARED_TAIL = re.compile(
    rf"^(?:[\d{_CN_NUM}]+个)?(?P<level>{_LEVEL_RX.pattern})?(?P<industry>[\u4e00-\u9fff()]{{0,12}})$"
)


# the parts of a province or a city a plan lays clusters out over
_REGION = re.compile(
    r"(?:东|西|南|北|中|东北|西北|东南|西南|中东|中西|中南|中北)部|沿海|沿江|沿边|沿黄|山区|平原|城区|郊区"
)
_REGIONS_COUNTED = re.compile(rf"([\d{_CN_NUM}]+)(?:大|个)([\u4e00-\u9fff]{{2,8}}?)(?:产业)?$")


def _shared_split(body: str) -> tuple[str, tuple[str, float] | None, str] | None:
    """``甲、乙等百亿级食品`` → (``甲、乙``, 百亿级, ``食品``); ``民权、新乡百亿级家电`` → (``民权、新乡``,
    百亿级, ``家电``): a list of places or zones sharing the industry that follows it."""
    k = body.rfind("等")
    if k > 0 and _LIST_SEP in body[:k]:
        m = _SHARED_TAIL.match(body[k + 1 :])
        industry = m.group("industry") if m else ""
        if m and (m.group("level") or industry) and not any(w in industry for w in _CUT if w not in _EDGE_ONLY):
            if (
                not m.group("level")
                and not is_generic(industry, LEXICON.cluster_generic)
                and not all(
                    _place_begins(item.strip(), 0) or re.search(r"(?:区|园|县|市|旗)$", item.strip())
                    for item in body[:k].split(_LIST_SEP)
                )
            ):
                return None  # 镁合金、镁建材等菱镁新材料产业集群: trades under one kind, not places sharing it
            level = level_of(m.group("level")) if m.group("level") else None
            return body[:k], level, industry
        return None
    if _LIST_SEP in body and (counted := _REGIONS_COUNTED.search(body)):
        # 中部、西部、南部三大铝工业(产业集群): parts of a province, each with a cluster of the industry after the count
        regions = body[: counted.start()].split(_LIST_SEP)
        if all(_REGION.fullmatch(_cut_head(r.strip())) for r in regions) and len(regions) == cn_int(counted.group(1)):
            return body[: counted.start()], None, counted.group(2)
    if _LIST_SEP in body:
        head, _, last = body.rpartition(_LIST_SEP)
        lm = None
        for lm in _LEVEL_RX.finditer(last):
            pass
        if (
            lm is not None
            and lm.start() > 0
            and lm.end() < len(last)
            and _PLACE_LIKE.match(last[: lm.start()]) is None
            and not last.endswith("(", 0, lm.start())  # 装备制造(五百亿级): the item's own level, in brackets
        ):
            before, industry = last[: lm.start()], last[lm.end() :]
            if 2 <= len(before) <= 8 and not any(w in before + industry for w in _CUT if w not in _EDGE_ONLY):
                return head + _LIST_SEP + before, level_of(lm.group(1)), industry
    return None


_LEAD_WORDS = sorted(set(LEXICON.lead) | _EDGE_ONLY, key=lambda w: -len(w))


def _strip_words(text: str, words: list[str]) -> str:
    """``text`` without the run of ``words`` (longest first) that begins it."""
    changed = True
    while text and changed:
        changed = False
        for w in words:
            if text.startswith(w):
                text = text[len(w) :]
                changed = True
                break
    return text


def _only_lead(prefix: str) -> bool:
    """True when ``prefix`` holds nothing but lead words (重点支持, 一是, 培育 …)."""
    return not _strip_words(prefix, _LEAD_WORDS)


def _strip_level(head: str) -> tuple[str, tuple[str, float] | None]:
    """Remove a level word from a head: 洛阳3000亿级现代装备制造 → 洛阳现代装备制造 (a place or
    zone before the level stays in the name; 培育千亿级 keeps what precedes it)."""
    found = None
    for m in _LEVEL_RX.finditer(head):
        found = m
    if not found:
        return head, None
    level = level_of(found.group(1))
    before, rest = head[: found.start()], head[found.end() :]
    if not rest:  # level at the end: 培育千亿级 (the name is before it)
        return before, level
    if before and _PLACE_LIKE.match(before) is None and (len(before) > 6 or not _place_begins(before, 0)):
        return rest, level  # 争创营收过5500亿级X: what stands before the level is no place of the name
    return before + rest, level


_PLACE_LIKE = re.compile(r"^[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|自治州|地区|盟|县|区|旗)")


@lru_cache(maxsize=65536)
def is_generic(head: str, generic: frozenset[str], place_prefix: bool = True) -> bool:
    """True when ``head`` is made only of generic words, numbers and level words
    (after a leading place-like word: 湖北省中小企业特色 is generic; not for zones, where
    米东区化工 + 工业园 is a name)."""
    h = normalise_name(head)
    m = _PLACE_LIKE.match(h) if place_prefix else None
    if m and m.end() == len(h) and h[-1] == "省":
        return True  # 某省特色产业集群: a place's clusters in general, not one of them
    if m and m.end() < len(h) and _generic_rest(h[m.end() :], generic):
        return True
    return _generic_rest(h, generic)


@lru_cache(maxsize=64)
def _words(generic: frozenset[str]) -> list[str]:
    return sorted(generic, key=lambda w: -len(w))


_NOT_A_NAME_END = re.compile(
    r"(特色化|产业化|集群化|规模化|高端化|现代化|国际化|市场化|专业化|一体化|多元化|品牌化|"
    r"标准化|集约化|服务化|复合化|融合化|链条化|基地化|园区化|节约型|友好型|创新型|外向型)$"
)


def _place_free(h: str) -> str:
    """``h`` without the division name that begins it (潍坊市半导体 → 半导体), when one does."""
    m = _PLACE_LIKE.match(h)
    return h[m.end() :] if m and m.end() < len(h) else h


def _generic_rest(h: str, generic: frozenset[str]) -> bool:
    if (
        (end := _NOT_A_NAME_END.search(h))
        and not (
            # 有机硅上下游一体化, 石化一体化: a trade's stages joined in one place name it; 城乡一体化 is a manner
            # (某高新区纸基材料创新型产业集群: a trade's cluster of the 创新型产业集群 programme; 创新型 alone is a manner)
            end.group(1) in ("一体化", "创新型") and any(w in h[: end.start()] for w in _industry_vocabulary())
        )
        and not (
            # 潍坊半导体发光创新型: what stands before 创新型 names a trade of its own, known or not
            end.group(1) == "创新型" and not _generic_rest(_place_free(h[: end.start()]), generic)
        )
    ):
        return True
    h = _LEVEL_RX.sub("", h)
    h = re.sub(rf"\d+(?:个|大|类|家|批)?|[{_CN_NUM}]+(?:个|大|类|家|批)", "", h)
    if len(h) < 2:
        return True
    return len(_strip_words(h, _words(generic))) < 2


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at the 、 that stand outside brackets: 装备制造(含军民融合、机器人)、能源."""
    parts: list[str] = []
    depth = 0
    last = 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == _LIST_SEP and depth == 0:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


def _split_items(text: str, *, conj: bool, joiners: str = "和|及|与|以及") -> list[tuple[int, str]]:
    """Items of a 、-list (offsets relative to ``text``); with ``conj``, also split at 和/及/与;
    without it, only where 和/及/与 joins two items before a division (:func:`_place_joined`)."""
    items: list[tuple[int, str]] = []
    pos = 0
    # 化学和生物制药基地 is one name; A、B和C is a list, and so is 甲有限公司和乙集团 (a firm's legal
    # ending closes its name)
    conj = conj and (
        _LIST_SEP in text or re.search(rf"(?<=.{{2}})(?:公司|集团)(?:{joiners})(?=.{{2}})", text) is not None
    )
    for part in _top_level_parts(text):
        sub = re.split(rf"(?<=.{{2}})(?:{joiners})(?=.{{2}})", part) if conj else _place_joined(part)
        p = pos
        for s in sub:
            k = text.find(s, p)
            items.append((k, s))
            p = k + len(s)
        pos += len(part) + 1
    return [(k, s) for k, s in items if s]


_JOINED_PLACE = re.compile(r"(?<=[\u4e00-\u9fff)]{4})(?:和|及|与|以及)(?=[\u4e00-\u9fff]{2,7}?(?:省|市|县|区|旗))")


def _place_joined(part: str) -> list[str]:
    """``某市甲街道数控装备和某市乙区感知器件``: two items of a list joined by 和, the second opening
    with a division's name (化学和生物制药 stays one item: no division follows its 和)."""
    out: list[str] = []
    last = 0
    for m in _JOINED_PLACE.finditer(part):
        rest = part[m.end() :]
        if (pl := _PLACE_LIKE.match(rest)) and _place_begins(rest, 0) and len(rest) > pl.end() + 1:
            out.append(part[last : m.start()])
            last = m.end()
    out.append(part[last:])
    return out


def _with_he(k: int, item: str, head: str) -> str:
    """The head of a list's item, keeping a 和 that begins the item's own name: after 、 an item
    starting with 和 is a name (A、和美药业、B), where the cut took 和 for a conjunction."""
    return item if k > 0 and item.startswith("和") and head == item[1:] and len(head) >= 3 else head


@lru_cache(maxsize=1)
def trade_words() -> tuple[str, ...]:
    """The genre's trade words and the chain catalogue's products, longest first."""
    return tuple(sorted({*_industry_vocabulary(), *_product_words()}, key=len, reverse=True))


def has_trade_word(head: str) -> bool:
    """Whether ``head`` holds a word of a trade (北星 holds none; 港口机械 holds 机械)."""
    return any(w in head for w in _industry_vocabulary())


@lru_cache(maxsize=1)
def _industry_vocabulary() -> tuple[str, ...]:
    """Industry words of the chain catalogue and the genre's product words: an item holding one
    names a kind of thing (光伏, 新材料), not a firm."""
    from clusterkg.loaders.cluster_chains import industry_words

    words = {w for ws in industry_words().values() for w in ws}
    extra = {
        "新材料",
        "新能源",
        "材料",
        "装备",
        "设备",
        "产品",
        "制造",
        "加工",
        "能源",
        "电池",
        "芯片",
        "软件",
        "服务",
        "组件",
        "部件",
        "元件",
        "器件",
        "系统",
        "光伏",
        "风电",
        "储能",
        "氢能",
        "化工",
        "石化",
        "原材料",
        "铸造",
        "锻造",
        "包装",
        "印刷",
        "物流",
        "仓储",
        "贸易",
        "配套",
        "上游",
        "中游",
        "下游",
        "零部件",
        "配件",
        "模具",
        "电源",
        "机械",
        "机床",
        "药品",
        "整车",
        "高端",
        "智能",
        # trade stems a plan writes with 业 (陶瓷业, 纺织业): the trade's word without it
        "陶瓷",
        "纺织",
        "服装",
        "家具",
        "食品",
        "电器",
        "钢铁",
        "建材",
        "皮革",
        "造纸",
        # materials a chemical or materials plan lists by kind (工程塑料, 化工助剂, 有机原料, 精细化学品)
        "塑料",
        "助剂",
        "原料",
        "化学品",
        "化学",
        "树脂",
        "涂料",
        "橡胶",
        "非织造",  # (非织造布: the 无纺布 of the textiles chain, by its other name)
    }
    return tuple(sorted(words | extra, key=len, reverse=True))


@lru_cache(maxsize=1)
def _product_words() -> frozenset[str]:
    """The products and stages the chain catalogue names for its segments (电缆, 变压器, 乳粉)."""
    from clusterkg.loaders.chains import load_chains

    words = {w for chain in load_chains().chains for seg in chain.segments for w in (seg.name, *seg.keywords)}
    return frozenset(normalise_name(w) for w in words if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w))


@lru_cache(maxsize=1)
def product_words() -> tuple[str, ...]:
    """The chain catalogue's product words, longest first."""
    return tuple(sorted(_product_words(), key=len, reverse=True))


def product_word(name: str) -> bool:
    """Whether ``name`` is, as a whole, a product a chain's segment makes: a kind of thing, no firm or project."""
    return name in _product_words()


def _ends_with_place(text: str) -> bool:
    """Whether ``text`` ends with a division's name or stem (…分别是南通市)."""
    return any(text[-n:] in _place_set() for n in range(2, min(8, len(text)) + 1))


_COUNT = re.compile(rf"[\d{_CN_NUM}]+(?:余|多)?(?:家|个|户|宗|项(?!目))")

_INVESTED_BY = re.compile(
    r"([\u4e00-\u9fff·A-Za-z]{2,12}?)(?:投资|投建|出资)(?:建设|兴建)?的"
    r"([\u4e00-\u9fff()A-Za-z\d]{3,30}?(?:项目|工程|基地|中心|产业园|工厂|生产线|产业城))"
)

# verbs by which a place brings firms or projects in (引进A、B等项目)
BRING_VERBS = "引进|引入|落户|落地|招引|签约"

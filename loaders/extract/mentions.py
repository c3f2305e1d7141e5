"""Stage 3: mentions of clusters, zones, firms and projects in a piece of folded text.

Input: a :class:`~.segments.Piece` (a sentence or a table cell, folded, with its absolute span).
Output: mentions with their own spans, names as written (not yet resolved to places or merged).

The rules are about the genre's wording, not one document's: a name ends in a kind's suffix
(…产业集群, …开发区, …有限公司, …项目); its head runs left to the nearest boundary (punctuation,
a verb of the genre such as 培育/依托/推进, a level such as 千亿级); a list "A、B、C等…" shares one
ending; a list before "等龙头企业" is a list of firms and one before "等…项目" a list of projects.

>>> from clusterkg.loaders.extract.segments import Piece
>>> [m.name for m in cluster_mentions(Piece(0, 0, 24, "重点推进汽车及零部件、仪器仪表、凤城汽车增压器三个产业集群"))]
['汽车及零部件产业集群', '仪器仪表产业集群', '凤城汽车增压器产业集群']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from clusterkg.text import normalise_name

from .lexicon import LEXICON
from .segments import Piece, cn_int

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
)
# the end of one part of a list joined to the next: …3个千亿级和… / …等3个和…
_PART_END = re.compile(
    rf"(?:等)?[\d{_CN_NUM}]+(?:个|大)(?P<lv>"
    + _LEVEL_RX.pattern
    + r")?(?:产业集群|集群)?(?:和|及|以及|,)(?=[\u4e00-\u9fff])"
)
_COUNT_TAIL = re.compile(rf"(?:等|以及)?(?:[\d{_CN_NUM}]+)(?:个|大|类|家)?$|等$")
_FIRM_LIST_END = re.compile(
    r"、[^、,;。]*等[^、,;。]{0,8}?(?:企业|公司|厂商|厂家)(?:形成|组成|构成|打造|发展|集聚|共同)?[^、,;。]{0,4}$"
)
_BRIDGE_TAIL = re.compile(
    r"(?:(?:等|以及)(?:[\d" + _CN_NUM + r"]+(?:个|大|类|条))?|[\d" + _CN_NUM + r"]+(?:个|大|类|条))?"
    # after 等 or a count, the kind of the listed clusters (等八大重点成长型产业集群)
    r"(?P<qual>(?<=[等及个大类条])(?:重点|成长型|优势|特色|主导|支柱|战略性新兴|新兴|传统|标志性|先进|工业|千亿元|百亿元|五百亿元|千亿|百亿|五百亿)+(?:产业)?)?"
    r"(?:领域|方向|行业)?(?:培育|打造|建设|发展|创建|形成)?$"
)

# a count, then the kind the counted items share: …两个新能源(产业集群)
_UMBRELLA = re.compile(rf"(?P<n>[\d{_CN_NUM}]+)(?:个|大|类)(?P<kind>[\u4e00-\u9fff]{{2,8}}?)(?:产业)?$")


# what no cluster's name holds: a clause (不含…,下同), a defined short name (以下简称), a project
_NOT_CLUSTER_HEAD = re.compile(r"[,;]|下同|简称|项目")


def level_of(text: str) -> tuple[str, float] | None:
    """A level as written and its size in 亿元: 千亿级 → 1000, 500亿元以上 → 500, 1.2万亿级 → 12000.

    >>> level_of("五百亿级"), level_of("500亿元以上"), level_of("超千亿"), level_of("超千亿元")
    (('500亿级', 500.0), ('500亿级', 500.0), ('千亿级', 1000.0), ('千亿级', 1000.0))
    """
    t = normalise_name(text)
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
        elif depth == 0 and c == " " and i - 2 >= floor and text[i - 2] in "区县市旗州盟" and i < end:
            pass  # 章丘区 鼓风机产业集群: a list line sets the place apart with a space
        elif (
            depth == 0 and c == "." and i - 2 >= floor and text[i - 2].isdigit() and i < len(text) and text[i].isdigit()
        ):
            pass  # 年产2.5万吨: a decimal point inside a name
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
        elif depth == 0 and (c in _BOUNDARY or c == " " or not _is_cjkish(c)):
            break
        i -= 1
    return i


_INNER_CUT = re.compile("|".join(re.escape(w) for w in _CUT if w not in _EDGE_ONLY))
_LEAD_RX = re.compile(
    "^(?:" + "|".join(re.escape(w) for w in sorted(set(_CUT) | set(LEXICON.lead), key=lambda w: -len(w))) + ")"
)
_COUNT_CUT = re.compile(
    rf"\(?\d{{4}}(?:年度|年)(?:起)?\)?|第?(?:\d+|[{_CN_NUM}]+)(?:余|多)?(?:个|家|类|批|轮|届|次)|(?:\d+|[一二三四五六七八九十]+)大(?!连池)|首个|首批|首家|(?:\d+|[一二三四五六七八九十]+)年(?!产)|[〇零一二三四五六七八九]{{4}}年度?|\d{{1,2}}(?:-\d{{1,2}})?月"
)


_PLACE_VERB = re.compile(r"(?:还将|也将|正在|将|要|拟)(建设|在|把|以|由|向|为)?|(建设|是|作为)")


@lru_cache(maxsize=65536)
def _cut_head(head: str) -> str:
    """The head after the rightmost genre verb inside it, and without lead words at its left."""
    best = -1
    pos = 0
    # rightmost end of any cut word (overlapping matches: try from every start)
    while (m := _INNER_CUT.search(head, pos)) is not None:
        best = max(best, m.end())
        pos = m.start() + 1
    if best >= 0:
        head = head[best:]
    if (
        (n := _place_prefix_len(head))
        and (v := _PLACE_VERB.match(head, n))
        and len(head) - v.end() >= 2
        and not head[n:].startswith(LEXICON.cut_keep)
    ):
        head = head[v.end() :]  # 襄阳市将建设驱动电机: a place and what it will do is no name's start
    count = None
    for count in _COUNT_CUT.finditer(head):
        pass
    if count is not None:
        head = head[count.end() :]
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
            and not _place_begins(head, lead.end())
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


def _place_prefix_len(head: str) -> int:
    """The length of the longest division name or stem that begins ``head`` (0 if none)."""
    return max((len(n) for n in _place_names().get(head[:1], ()) if head.startswith(n)), default=0)


def place_begins(text: str) -> bool:
    """True when ``text`` begins with the name or stem of a division (青海基地 → 青海)."""
    return bool(text) and _place_begins(text, 0)


def _place_begins(head: str, cut: int) -> bool:
    """True when the lead word ending at ``cut`` is the start of a place name that begins ``head``."""
    return any(head.startswith(n) and len(n) > cut for n in _place_names().get(head[0], ()))


_SHARED_TAIL = re.compile(
    rf"^(?:[\d{_CN_NUM}]+个)?(?P<level>{_LEVEL_RX.pattern})?(?P<industry>[\u4e00-\u9fff()]{{0,12}})$"
)


def _shared_split(body: str) -> tuple[str, tuple[str, float] | None, str] | None:
    """``甲、乙等百亿级食品`` → (``甲、乙``, 百亿级, ``食品``); ``民权、新乡百亿级家电`` → (``民权、新乡``,
    百亿级, ``家电``): a list of places or zones sharing the industry that follows it."""
    k = body.rfind("等")
    if k > 0 and _LIST_SEP in body[:k]:
        m = _SHARED_TAIL.match(body[k + 1 :])
        industry = m.group("industry") if m else ""
        if m and (m.group("level") or industry) and not any(w in industry for w in _CUT if w not in _EDGE_ONLY):
            level = level_of(m.group("level")) if m.group("level") else None
            return body[:k], level, industry
        return None
    if _LIST_SEP in body:
        head, _, last = body.rpartition(_LIST_SEP)
        lm = None
        for lm in _LEVEL_RX.finditer(last):
            pass
        if lm is not None and lm.start() > 0 and lm.end() < len(last) and _PLACE_LIKE.match(last[: lm.start()]) is None:
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
    if before and _PLACE_LIKE.match(before) is None and len(before) > 6:
        return rest, level
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


def _generic_rest(h: str, generic: frozenset[str]) -> bool:
    if _NOT_A_NAME_END.search(h):
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
    """Items of a 、-list (offsets relative to ``text``); with ``conj``, also split at 和/及/与."""
    items: list[tuple[int, str]] = []
    pos = 0
    conj = conj and _LIST_SEP in text  # 化学和生物制药基地 is one name; A、B和C is a list
    for part in _top_level_parts(text):
        if conj:
            sub = re.split(rf"(?<=.{{2}})(?:{joiners})(?=.{{2}})", part)
            p = pos
            for s in sub:
                k = text.find(s, p)
                items.append((k, s))
                p = k + len(s)
        else:
            items.append((pos, part))
        pos += len(part) + 1
    return [(k, s) for k, s in items if s]


# -- clusters -----------------------------------------------------------------------------------

_CLUSTER_RX = re.compile("(" + "|".join(map(re.escape, LEXICON.cluster_suffixes)) + ")")
_CHAIN_RX = re.compile(
    r"(产业生态链|产业链)(?!长|主|办|上|下|招商|图谱|全景|供应链|链|项目|企业|配套|协同|联盟|党委|条)"
)
_LEVEL_ONLY_RX = re.compile("(" + "|".join(map(re.escape, LEXICON.level_only_suffixes)) + ")")
_QUALIFIED = re.compile(
    r"^(?P<body>.*、[^、]*?)等(?:[\d一二三四五六七八九十两]+[个大类])?(?P<qual>[^、,;:。]{1,24}的[^、,;:。]{0,8})$"
)
_VARIANT = re.compile(r"\((?:基地|示范基地|园区|试点|培育|创建)\)")
_ENUM_AFTER = re.compile(r"^\s*(?:\(([^()]{4,200})\)|(?:是|为|有|包括|分别是|分别为)?[:：]\s*([^。;]{4,300}))")


def canonical_cluster(head: str, suffix: str) -> str:
    """A cluster's name with the genre's usual ending: 集群 after an industry reads 产业集群.

    >>> canonical_cluster("武汉智能网联汽车", "集群"), canonical_cluster("装备制造产业", "集群")
    ('武汉智能网联汽车产业集群', '装备制造产业集群')
    """
    if suffix == "集群" and not head.endswith(("产业", "业", "集群")):
        return head + "产业集群"
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
                    if _VARIANT.fullmatch(text[at : j + 1]) or re.fullmatch(rf"[\d{_CN_NUM}]+[个家类]", inner):
                        return None  # (基地), (9个): a variant or a count, not the industry
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
        if _LIST_SEP in inner or _LEVEL_RX.fullmatch(inner) or _LEVEL_RX.match(after) or counted or named:
            drop |= {m.start(), m.end() - 1}
    if not drop:
        return piece
    keep = [i for i in range(len(piece.text)) if i not in drop]
    return Piece(
        piece.paragraph, piece.start, piece.end, "".join(piece.text[i] for i in keep), tuple(piece.at(i) for i in keep)
    )


def cluster_mentions(piece: Piece, chains: bool = False) -> list[Mention]:
    """Clusters named in a piece: single names, lists sharing one ending, enumerations after a count.

    With ``chains``, the units are industry chains (白酒、能源等10条产业链): the reading of a
    链长制 plan, which names its chains where other plans name clusters.
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
        variant = _VARIANT.match(text, e)
        if variant:  # …特色产业集群(基地): the bracket is part of this name, not the next one's
            floor = variant.end()
        level = None
        # the level right before the ending: …培育千亿级集群 / …等3个五百亿级产业集群
        lm = re.search(r"(" + _LEVEL_RX.pattern + r")(产业)?$", left)
        if lm:
            level = level_of(lm.group(1))
            left = left[: lm.start()]
        # 甲、乙等四个具有国际竞争力的主导产业集群: a qualifier between the list's count and its ending
        if (q := _QUALIFIED.match(left)) and is_generic(_cut_head(q.group("qual")) or "的", LEXICON.cluster_generic):
            left = q.group("body") + "等"
        # 光伏制造、动力及储能锂电池两个新能源产业集群: as many items as the count, under one kind
        if (
            (u := _UMBRELLA.search(left))
            and _LIST_SEP in left[: u.start()]
            and cn_int(u.group("n")) == len(_split_items(left[: u.start()], conj=False))
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
            if (j := re.search(r"和|及|与", final_item)) and j.start() >= 2 and len(final_item) - j.end() >= 2:
                items = items[:-1] + [(k, final_item[: j.start()]), (k + j.end(), final_item[j.end() :])]
        if not wanted and len(items) >= 2 and not all(_ends_with_place(i.strip()) for _, i in items[:-1]):
            # 现代中药、生物制剂、医疗器械和医药贸易产业集群: A、B和C is a list of three (南通市、泰州市A和B集群
            # is not: there the places share the industries)
            k, final_item = items[-1]
            if (j := re.search(r"和", final_item)) and j.start() >= 2 and len(final_item) - j.end() >= 2:
                items = items[:-1] + [(k, final_item[: j.start()]), (k + j.end(), final_item[j.end() :])]
        made: list[Mention] = []
        if (
            counted
            and wanted
            and len(items) == 1
            and len(pair := re.split(r"(?<=.{2})(?:和|与|及)(?=.{2})", items[0][1])) == cn_int(wanted.group(1)) == 2
        ):
            # A和B两大产业集群: the count says the one item is two
            k0 = items[0][0]
            items = [(k0, pair[0]), (k0 + len(items[0][1]) - len(pair[1]), pair[1])]
        if text[max(0, s - 1) : s] == "聚" or (counted and len(items) == 1):
            # 聚集群 is a verb; 广东有7个集群 counts clusters, it names none
            items = []
        if body.rstrip().endswith(_LIST_SEP):
            items = []  # 精准招商、…、集群招商: the ending follows the list, it ends no item of it
        elif firm_list:
            items = []  # 甲、乙等企业形成百亿级产业集群: the list names the firms, not the cluster
        elif len(items) > 1 and any(re.search(r"(基地|园|园区|中心|项目|工程|平台)$", i) for _, i in items[:-1]):
            items = items[-1:]  # 某基地、某产业园、某产业集群等项目: a list of projects, not of clusters
        elif len(items) > 1:
            final = items[-1][1]
            last_cut = _cut_head(final)
            if not _only_lead(final[: len(final) - len(last_cut)] if final.endswith(last_cut) else final):
                items = items[-1:]  # A、B等产业集聚区为重点的C集群: the list before the verb is not of clusters
            else:
                last_head = _strip_level(last_cut)[0]
                if not last_head or is_generic(last_head, LEXICON.cluster_generic):
                    items = []  # 坚持A、B、C的集群发展模式: the ending names no cluster
        for k, item in items:
            head = _cut_head(item)
            offset = b + k + (len(item) - len(head))
            head, lv = _strip_level(head)
            if lv and head and not head.startswith(item[-len(head) :]):
                pass
            offset = b + k + item.rfind(head) if head else offset
            if (
                not head
                or is_generic(head, LEXICON.cluster_generic)
                or _NOT_CLUSTER_HEAD.search(head)
                or head.startswith(_LIST_SEP)
                or head.count(")") > head.count("(")
            ):
                continue  # (省级(培育、特色)产业集群: a cut inside brackets leaves no name)
            if suffix == "产业基地" and not (use_level := lv or level) and not _place_begins(head, 0):
                continue  # 打造…产业基地 without a place or a level is an aim, not a named base
            if len(head) > 24 or (chains and "-" in head):
                continue
            use_level = lv or levels.get(k) or level
            # the last item carries the written ending; the others share it
            last = k + len(item) == len(body)
            name = canonical_cluster(re.sub(r"\(含[^()]*\)", "", head) + shared_industry, suffix)  # 装备制造(含机器人)
            mention = Mention(
                "cluster",
                normalise_name(name),
                piece.at(offset),
                piece.end_at(e if last else b + k + len(item)),
                piece.paragraph,
                # 湖北小龙虾、三峡蜜橘等优势特色产业集群: the kind between list and ending stays in the name as written
                written=normalise_name(
                    head
                    + shared_industry
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
            )
            made.append(mention)
        if not made:
            # a generic name followed by its members: 三大集群(A、B、C) / 培育千亿级产业集群2个:A、B
            enum = _ENUM_AFTER.match(text[e:])
            bracket = _bracket_industry(text, e)
            listed = enum.group(1) or enum.group(2) or "" if enum else ""
            if enum and _LIST_SEP in listed and not _CLUSTER_RX.search(re.split(r"[,;]", listed)[0]):
                # (the members that carry the ending themselves are read one by one)
                inner = re.sub(r"等$", "", enum.group(1) or enum.group(2) or "")  # A、B、C等
                base = e + enum.start(1 if enum.group(1) else 2)
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
            elif bracket and not _NOT_CLUSTER_HEAD.search(bracket[0]):
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
    return out


_INDUSTRY_OUTPUT = re.compile(r"([\u4e00-\u9fff]{2,10}?)产业(?:总产值|产值|规模|营业收入|营收|主营业务收入)")


def _last(it: Iterator[re.Match[str]]) -> re.Match[str] | None:
    m = None
    for m in it:
        pass
    return m


_LED_CHAIN = re.compile(r"为链主的([\u4e00-\u9fff]{2,12}?)(?:产业链|链条|产业|链)?(?=[、,;。]|等|和|及)")
_RECOGNISED = re.compile(
    r"([\u4e00-\u9fff()]{2,24}?)产业(?:获评|被评为|入选|被认定为|认定为|列入|获批)[^,。;:]{0,14}?集群"
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
        head = before + after if before and len(before) <= 6 and _PLACE_LIKE.match(before + "市") else after
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


# -- zones --------------------------------------------------------------------------------------

ZONE_ENDINGS = "|".join(map(re.escape, LEXICON.zone_suffixes))  # longest first, for regexes
_ZONE_RX = re.compile("(" + ZONE_ENDINGS + ")(?![区园])")


_ZONE_EXTEND = re.compile("([\u4e00-\u9fff]{1,10}?)(" + ZONE_ENDINGS + ")(?![区园])")


def zone_mentions(piece: Piece) -> list[Mention]:
    """Zones named in a piece, including elliptical lists (A经济技术、B高新技术等开发区)."""
    text = piece.text
    out: list[Mention] = []
    floor = 0
    for m in _ZONE_RX.finditer(text):
        s, e = m.start(), m.end()
        if s < floor:
            continue
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
        if (k := head.rfind("建设")) >= 1 and len(head) - k - 2 >= 2 and not head.startswith(("机械", "路"), k + 2):
            head = head[k + 2 :]  # 东陵西部建设软件动漫产业聚集区: the zone is what is built
        for k in range(len(head) - 2, 0, -1):
            if head[k] in "在与和及到于落" and _place_begins(head[k + 1 :], 0):
                head = head[k + 1 :]  # 比亚迪在西安高新区: the zone is what follows 在
                break
        if head.startswith("环") and len(head) > 2 and _place_begins(head[1:], 0):
            head = head[1:]  # 环哈尔滨新区: around the zone
        if not head or is_generic(head, LEXICON.zone_generic, False) or len(head) > 24:
            continue
        if (
            m.group(1) == "园区"
            and not _place_begins(head, 0)
            and not _PARK_HEAD.search(head)
            and not any(w in head for w in _industry_vocabulary() if len(w) >= 2)
        ):
            continue  # 跑出园区, 大抓园区, 一方面以园区: a bare 园区 after no place and no kind of park names none
        if _ZONE_SIZE.search(head) or (_LEVEL_RX.match(head) and not _place_begins(head, 0)):
            continue  # 40平方公里园区, 千亿级医药健康产业园区: a park described by its size or aim, not named
        if (
            head.startswith(("全国", "全省", "全市", "全区"))
            or head.endswith(("和", "及", "与"))
            or re.search(r"(?:各大|各类|各个|各|所有|全部|十佳|首个|加工)$", head)
            or re.fullmatch(r"(?:" + _LEVEL_RX.pattern + r"|五百亿|千亿|百亿)元?(?:级)?(?:产业)?", head)
        ):
            continue  # 各大园区, 千亿元产业园区: parks spoken of, none named
        # a park inside a zone is one name: 某某经济开发区环保装备产业园
        ext = _ZONE_EXTEND.match(text, e)
        if (
            ext
            and not re.search(r"[和及与或、是为的个级]", ext.group(1))
            and not any(w in ext.group(1) for w in _CUT if w not in _EDGE_ONLY)
        ):
            e = ext.end()
            floor = e
        if (
            (where := re.match(r"\(([^()]{2,6})\)", text[e:]))
            and not re.search(r"[、,]", where.group(1))
            and (_place_begins(where.group(1), 0) or where.group(1)[-1] in "县市区镇乡旗")
        ):
            e += where.end()  # 郑州家具产业园(登封): the place in brackets is part of the name
            floor = e
        if text.startswith(("项目", "建设项目"), e):
            continue  # 某某产业园项目: a project being built, read as a project
        st = s - len(head)
        if (prov := province_lead().match(head)) and len(head) > prov.end() and _place_begins(head[prov.end() :], 0):
            st += prov.end()  # 山东淄博高新区: the province before a city's zone is no part of its name
        full = normalise_name(text[s - len(head) : e])
        out.append(
            Mention("zone", normalise_name(text[st:e]), piece.at(st), piece.end_at(e), piece.paragraph, written=full)
        )
    return out


# what makes the head of a bare …园区 the name of a park (中国-东盟经济园区, 某某农业科技园区)
_PARK_HEAD = re.compile(r"经济|工业|产业|科技|高新|物流|农业|生态|循环|化工|创业|创新|软件|[-—]")
_ZONE_SIZE = re.compile(r"\d+(?:\.\d+)?\s*(?:平方公里|平方千米|亩|公顷|万平方米)")
_ZONE_COUNT = re.compile(rf"(?:等)?[\d两{_CN_NUM}]+个(?:国家级|省级|市级|县级|重点)?$")


def _ends_with_place(text: str) -> bool:
    """Whether ``text`` ends with a division's name or stem (…分别是南通市)."""
    return any(text[-n:] in _place_set() for n in range(2, min(8, len(text)) + 1))


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
    if len(shared) > 8 or re.search(r"[,;。]", shared):
        return None
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


# -- firms --------------------------------------------------------------------------------------

_FIRMS_AFTER = re.compile(
    r"等一批[^,。;、]{0,12}?(?:企业|公司)|等(?:行业|领域|产业链)(?:龙头|骨干|领军|头部|链主|重点)企业|(?:等(?!地|地区|国家(?!级)|省|市|县)|[一二三四五六七八九十两]+大|(?<=[\u4e00-\u9fff])(?=[两二三四五六七八九十]+家))(?:一批|\d+(?:余|多)?[家户]|[一二三四五六七八九十两几数百]+(?:余|多)?[家户])?[\"“”'‘’]?(?:(?!领域|行业|产业|方面|项目|工程|建设)[\u4e00-\u9fff\d\"“”'‘’]){0,12}?[\"“”'‘’]?(?:企业|公司)"
)
_CITED = re.compile(r"(?:整理|数据|统计|发布|报告|预测|监测|显示)")
_MAKERS = re.compile(r"(?:厂商|车企|巨头)([\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)等")
_BROUGHT_IN = re.compile(r"(?:引进|引入|落户|招引|签约)([\u4e00-\u9fff、]{4,60}?)等(?:一批)?[^,。;、]{0,14}?项目")


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
        "药品",
        "整车",
        "高端",
        "智能",
    }
    return tuple(sorted(words | extra, key=len, reverse=True))


_FIRM_PEOPLE = re.compile(r"(?<=[\u4e00-\u9fff])(?:董事长|总经理|副总经理|负责人|员工|职工|技术人员|工作人员)")
_SETTLED = re.compile(
    r"(?:^|[,;:。—])([\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)(?:等企业|等)?(?:相继|先后|纷纷|陆续)(?:落户|入驻|签约落地|投产|建成投产)"
)
_ARE_FIRMS = re.compile(
    r"(?:^|[,;:。])([\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)(?:……|…|等)*(?:都是|均是|均为|都为)[^,。;]{0,12}?(?:企业|公司)"
)
_FIRM_SUBJECT = re.compile(
    r"(?:^|[,;:。])\s*([\u4e00-\u9fff]{3,8}?)等?(?:荣膺|荣获|入选|连续入选|获批|获评|发力|跻身|位列|是全国最大|是国内最大|是全球最大|"
    r"(?:\d{4}年度?)?(?:完成|实现)(?:产值|营收|营业收入|销售收入)|开发的|研发的|生产的|(?:计划|拟|总)?投资(?:约|近|超)?\d|"
    r"(?:成功|正式|已)?(?:落户|入驻|签约落地))"
)
_IS_ANCHOR = re.compile(
    r"(?:^|[,;:。])\s*([\u4e00-\u9fff()]{2,16}?)(?:是|为|作为|成为)[^,。;:]{0,20}?(?:链主企业|龙头企业|领军企业|链主)"
)
_ROLE_THEN_NAMES = re.compile(
    r"(?<![等的])(?:龙头企业|链主企业|骨干企业|领军企业)((?:[\u4e00-\u9fff()]{2,12}?、)*[\u4e00-\u9fff()]{2,12}?)(?=[,;。]|等|$)"
)
_ROLE_NOT_NAME = re.compile(
    r"数量|规模|占比|达到|超过|实现|带动|引领|作用|发展|增长|产值|营收|[个家户]|培育|梯队|集聚|引进|领域|意识|"
    r"^(?:进入|树立|加快|实施|开展|建立|推进|提升|参与|发挥|带头|牵头|积极|主动|上市|要|应|将|可|在|向|与|和|以|为)"
)
_PARTNER = re.compile(
    r"与([\u4e00-\u9fffA-Za-z、]{2,40}?)(?:等[\u4e00-\u9fff]{0,10}?)?(?:的)?(?:深度|深入|全面)?(?:签约|签订|签署|对接合作|合作|战略合作)"
)
_NOT_PARTNER = re.compile(
    r"高校|大学|学院|院校|研究|政府|部门|机构|协会|商会|地区|国家|城市|园区|企业|项目|省|市|县|区|"
    r"^(?:科技|技术|人才|资本|金融|产业|经济|文化|旅游|贸易|各方|多方|有关方面)$"
)
_SPONSOR_LABELS = {"承担单位:", "建设单位:", "实施主体:"}
_ALSO_CALLED = re.compile(r"\((?:以下简称|以下称|下称|简称)[^()]{1,20}\)")
_LEAD_ROLE = re.compile(
    r"发挥([\u4e00-\u9fff()、和及]{2,40}?)(?:等企业|等龙头企业)?的?(?:龙头|引领|带动|辐射|示范)(?:带动|引领)?作用"
)
_SUPPORT = re.compile(
    r"支持([\u4e00-\u9fff()]{2,24}?)(?:做大做强|做强做优|做优做强|做强|做大|做优|扩大|提升|加快发展|发挥)"
)
_FIRM_RX = re.compile(
    "(" + "|".join(map(re.escape, LEXICON.firm_suffixes)) + ")(?![\u4e00-\u9fff]{0,1}(?:产品|项目|企业|旗下|所属))"
)
_COUNT = re.compile(rf"[\d{_CN_NUM}]+(?:余|多)?(?:家|个|户|项(?!目))")
_NOT_FIRM = re.compile(
    r"(企业|龙头|骨干|项目|工程|产业|园区|集群|基地|单位|部门|政府|机构|平台|协会|联盟|以上|规上|规模|理念|思想|战略|"
    r"需求|市场|政策|目标|方向|导向|原则|精神|人才|机制|模式|体系|优势|资源|产品|服务|品牌|标准|创新)$|^(大企业|大集团)|"
    r"^(?:合资|独资|外资|我们|我|该|本|这家|两家|新|子|母)(?:公司|集团)$"
)


_COUNTED_BEFORE = re.compile(rf"[\d{_CN_NUM}几数]+(?:余|多)?家$")
_PHASE_END = re.compile(r"[一二三四五六七八九十\d]期(?:工程)?$")
_ZONE_END = re.compile("(?:" + "|".join(map(re.escape, LEXICON.zone_suffixes)) + ")$")


def _kinds_of_product(parts: list[tuple[int, str]]) -> bool:
    """乘用车、商用车、专用车: short items sharing their last character name kinds, not firms."""
    heads = [_cut_head(i) for _, i in parts]
    return len(heads) >= 3 and all(len(h) <= 3 for h in heads) and len({h[-1:] for h in heads}) == 1


def _firm_item(item: str) -> str | None:
    head = _cut_head(item.strip())
    if head.endswith(")") and "(" not in head:
        head = head[:-1]  # …(以下简称蜀翼通航): the bracket closed before the short name
    if head in LEXICON.not_firms:
        return None  # 与法国、瑞典等公司合作: countries, not firms
    head = re.sub(r"^(?:龙头企业|骨干企业|重点企业|链主企业|企业)", "", head)
    if (k := head.rfind("企业")) >= 0 and len(head) - k - 2 >= 2:
        head = head[k + 2 :]  # 整车制造企业一汽集团: the firm follows the kind it is
    if (k := max(head.rfind("与"), head.rfind("在"))) >= 1 and len(head) - k - 1 >= 2:
        head = head[k + 1 :]  # 均在长春与一汽集团: the firm after the last preposition
    if len(head) < 2 or len(head) > 30 or _COUNT.search(head) or _NOT_FIRM.search(head):
        return None
    if _PHASE_END.search(head) or _ZONE_END.search(head):
        return None  # 某陶瓷二期, 某新城工业园: a firm's project or park, not the firm
    if is_generic(head, LEXICON.cluster_generic | LEXICON.project_generic):
        return None
    if _only_industry(head):
        return None  # 上游原材料、铸造、配套包装等企业: kinds of firm, not firms
    return head


def _only_industry(head: str) -> bool:
    """Whether nothing of ``head`` is left once its industry words are taken out (印刷, 配套包装);
    one character left names a firm (乌石化, 中光学)."""
    proper = head
    for w in _industry_vocabulary():
        proper = proper.replace(w, "")
    return not proper


def firm_mentions(piece: Piece) -> list[Mention]:
    """Firms: names with a legal-form ending, and lists the genre marks as firms."""
    text = piece.text
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, via: str) -> None:
        name = re.sub(r"\(\d{2,4}[所厂]\)$", "", normalise_name(text[start:end]))  # 某研究所(608所): its number
        if not re.search(r"[\u4e00-\u9fff]|[A-Za-z]{2,}", name):
            return  # a firm has a name in Chinese or Latin letters (TCL, vivo; --- is a table rule)
        if (start, end) in seen or not name or any(a <= start and end <= c for a, c in seen):
            return
        seen.add((start, end))
        out.append(Mention("firm", name, piece.at(start), piece.end_at(end), piece.paragraph, via=via))

    # lists before 等龙头企业 / 为龙头: 围绕A、B及C等龙头企业 (作为龙头: the 作 is not the firm's)
    for w in LEXICON.firm_after:
        for m in re.finditer(re.escape(w), text):
            if text.startswith(("项目", "工程"), m.end()):
                continue  # A、B等龙头项目: projects, not firms
            if w.startswith("为") and text.startswith(("产业", "行业", "领域"), m.end()):
                continue  # 以火锅食材、预制食品为链主产业: industries, not firms
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
            if w.startswith("为") and (k := text.rfind("以", b, end)) >= 0 and k + 1 < end:
                b = k + 1  # …的肉食品加工、以龙成为链主: the list starts after its 以
            body = _ALSO_CALLED.sub("", text[b:end])
            parts = _split_items(body, conj=True)
            if _kinds_of_product(parts):
                continue  # 乘用车、商用车、专用车为龙头: kinds of product, not firms
            for k, item in parts:
                head = _firm_item(item)
                if head:
                    st = text.find(head, b)
                    add(st, st + len(head), "list")
    # …等规上企业44家 / 等一批骨干企业: the list before it names firms
    for m in _FIRMS_AFTER.finditer(text):
        b = _left_head(text, m.start())
        body = _ALSO_CALLED.sub("", text[b : m.start()])
        parts = _split_items(body, conj=True)
        if (
            len(parts) == 1
            and (n := re.search(rf"([\d{_CN_NUM}]+)家", m.group(0)))
            and len(pair := re.split(r"(?<=.{2})(?:和|与|及)(?=.{2})", body)) == cn_int(n.group(1))
        ):
            parts = [(body.find(x), x) for x in pair]  # A和B两家企业: as many names as the count
        if _kinds_of_product(parts):
            continue  # 乘用车、商用车、专用车: kinds of product, not firms
        for k, item in parts:
            head = _firm_item(item)
            if head:
                st = text.find(head, b)
                add(st, st + len(head), "list")
    # A是…链主企业: the subject of a statement that calls it an anchor
    for m in _IS_ANCHOR.finditer(text):
        head = _firm_item(m.group(1))
        if head and not is_generic(head, LEXICON.cluster_generic):
            st = m.start(1) + m.group(1).rfind(head)
            add(st, st + len(head), "list")
    # 鹰游纺机发力…/天明机械荣膺…: a clause whose subject is a firm's short name
    for m in _FIRM_SUBJECT.finditer(text):
        head = _cut_head(m.group(1))
        if (
            3 <= len(head) <= 8
            and not is_generic(head, LEXICON.cluster_generic)
            and not re.search(
                r"产业|集群|园|区|市|县|省|国|我|该|其|这|全|企业|项目|基地|平台|中心|合同|协议|总$", head
            )
            and not _place_begins(head, 0)
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
                and not re.search(r"企业|产业|集群|园区|项目|政府|市场|作用", head)
            ):
                st = m.start(1) + k + item.find(head)
                add(st, st + len(head), "list")
    # 支持A做强…: the firm a support statement names
    for m in _SUPPORT.finditer(text):
        head = _firm_item(m.group(1))
        if head and not is_generic(head, LEXICON.cluster_generic) and not re.search(r"企业|产业|集群|园区", head):
            st = m.start(1) + m.group(1).rfind(head)
            add(st, st + len(head), "list")
    # 引进鑫茂、金田地等…项目 / 落户华谊化工、恒逸化工等一批龙头产业项目: the firms brought in
    for m in _BROUGHT_IN.finditer(text):
        parts = _split_items(m.group(1), conj=False)
        if len(parts) < 2:
            continue
        for k, item in parts:
            head = _cut_head(item.strip())
            proper = head
            for w in _industry_vocabulary():
                proper = proper.replace(w, "")
            # a firm keeps a name of its own once the industry words are taken out (华谊化工 → 华谊);
            # a kind does not (光伏组件 → nothing)
            if 2 <= len(head) <= 6 and len(proper) >= 2 and not _place_begins(head, 0) and not _NOT_FIRM.search(head):
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
                r"产业|集群|园|区|局|厅|委|政府|部门|协会|记者|项目|基地|平台|中心|学校|大学|医院|村|镇", head
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
            rest = text[m.end() :]
            stop = re.search(r"[。;]|等", rest)
            body = rest[: stop.start()] if stop else rest
            via = "sponsor" if w in _SPONSOR_LABELS else "list"
            for k, item in _split_items(re.sub(r",", "、", body), conj=True):
                head = _firm_item(item)
                if head:
                    st = m.end() + k + item.find(head)
                    add(st, st + len(head), via)
    # legal-form endings
    for m in _FIRM_RX.finditer(text):
        if m.group(0).startswith("研究") and _CITED.match(text, m.end()):
            continue  # 中商产业研究院整理: a source of figures quoted, not a firm of the cluster
        b = _left_head(text, m.start(), lists=False)
        head = _cut_head(text[b : m.start()])
        if len(head) < 2 or len(head) > 30 or _COUNT.search(head):
            continue
        if is_generic(
            head,
            LEXICON.cluster_generic | frozenset({"企业", "龙头", "骨干", "上市", "国有", "民营", "外资", "子", "母"}),
        ):
            continue
        if head.endswith("企业"):
            continue  # 汽车企业集团: a kind of group, not a group's name
        if (k := head.rfind("企业")) >= 0:
            head = head[k + 2 :]  # 整车制造企业一汽集团: the firm follows the kind it is
        if (k := max(head.rfind("与"), head.rfind("在"))) >= 1 and len(head) - k - 1 >= 2:
            head = head[k + 1 :]  # 均在长春与一汽集团: the firm after the last preposition
        if head in ("合资", "独资", "外资", "我们", "我", "这家", "两家", "新", "该", "本", "其"):
            continue  # 合资公司, 我们公司: a firm spoken of, not named
        st = m.start() - len(head)
        if _COUNTED_BEFORE.search(text, 0, st):
            continue  # 1家科研公司, 3家公司: firms counted, none named
        # a longer firm name already covers it (集团 inside 集团股份有限公司)
        if any(a <= st and m.end() <= c and (a, c) != (st, m.end()) for a, c in seen):
            continue
        add(st, m.end(), "name")
    # the country's large firms, named bare (引进比亚迪, 宁德时代落户): the data pack's known names
    if _KNOWN_FIRM is not None:
        for m in _KNOWN_FIRM.finditer(text):
            if not any(a < m.end() and m.start() < c for a, c in seen):
                add(m.start(), m.end(), "known")
    return out


_KNOWN_FIRM = (
    re.compile("|".join(re.escape(w) for w in LEXICON.known_firms) + r"(?![A-Za-z])") if LEXICON.known_firms else None
)


# -- projects -----------------------------------------------------------------------------------

_PROJECT_LIST = re.compile(
    r"(?:等([\d"
    + _CN_NUM
    + r"]+[个家项])?|(?<=[\u4e00-\u9fff])[\d"
    + _CN_NUM
    + r"]+个)([\u4e00-\u9fff]{0,8}?)(项目|工程)"
)
_PROJECT_SINGLE = re.compile(r"(项目|工程)")
_INLINE_PROJECT_LABEL = re.compile(
    r"(?:重点项目|重大项目|重点工程|重大工程|主要项目)(?:有|包括|主要有)?\s*:\s*([^。;:]{2,160}?)(?=[。;]|$)"
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


def _activity(head: str) -> bool:
    """An item naming a trade or an activity, not a project: 乳业, 烘焙, 真空冻干食品生产."""
    return len(head) <= 2 or bool(re.search(r"(?:[^产企事]业|生产|加工|制造|种植|养殖|销售|服务)$", head))


def _loose_kind(head: str) -> bool:
    """An item that may name a kind of product or facility when the list says it lists kinds: nothing
    that only one project has (an output, a phase, a firm, a place)."""
    return (
        2 <= len(head) <= 14
        and not re.search(
            r"年产|万吨|千瓦|万台|万辆|万套|[一二三四首]期|扩建|新建|技改|公司|集团|园|基地|厂|线|站", head
        )
        and not _place_begins(head, 0)
    )


# words between 等 and 项目 that still introduce named projects (等一批重点项目, 等重大项目)
_NAMED_LIST_WORDS = re.compile(r"一批|重点|重大|建设|在建|新建|签约|招商|亿元以上|大|好|优质|标志性|龙头|产业化")
_KIND_OF_PROJECT = re.compile(r"(?:产业|领域|行业|龙头|科研|配套|类)$")
_PHASE_AFTER = re.compile(r"^(.{4,}?项目)(?:\(?[一二三四五首]期\)?)(?:工程|项目)?$")
_PROJECT_STATUS = re.compile(
    r"(?:\(?[一二三四首]期\)?)?(?:工程)?(?:成功|顺利|正式|全面|加快|已经|已|即将|相继|陆续|先后|率先)?(?:建设|开工|投产|达产|落地|落户|签约|竣工|建成|贯通|试产|投用|运营)"
)
_WORKS_END = re.compile(r"(?:升级改造|技术改造|提升改造|提质改造|搬迁改造|扩能改造|改扩建|提质增效)$")
_QUOTED_BEFORE = re.compile(r"[“\"‘][\u4e00-\u9fff]{2,10}[”\"’]$")
_DATELINE = re.compile(r"^.*?\d{1,2}日电\s*(?:\([^()]{0,12}\))?")
# 全程跟踪服务项目, 帮扶工作项目: a service or a campaign, not a project built
_SERVICE_END = re.compile(r"(?:服务|工作|活动|行动|帮扶|跟踪)$")
# 一期建设10万吨…项目: a phase of the project just named, not a project of its own
_PHASE_START = re.compile(r"^[一二三四五六七八九十首]期")
# a project head that names a class: a size threshold (5000万元以上), or more of a kind (更多, 各类)
_PROJECT_CLASS = re.compile(r"^(?:\d+(?:\.\d+)?\s*(?:亿|万)元(?:以上|及以上)|更多|各类|多个|一批|大批)")
# 项目3个 / 项目12项: a tally follows the name of a class of projects
_PROJECT_TALLY = re.compile(rf"(?:共|达|超)?[\d{_CN_NUM}]+(?:余|多)?(?:个|项)(?!目)")
# what only one project has: an output, a phase, an extension (not a bare digit: 5G手机 is a kind)
_ONE_PROJECT = re.compile(
    r"年产|[一二三四首]期|改扩建|扩建|新建|技改|\d+(?:\.\d+)?\s*(?:万|亿)?(?:吨|千瓦|瓦|台|辆|套|平方米|GWh|GW|MW)"
)
_PROJECT_CUE = re.compile(r"(\d|万吨|万千瓦|千瓦|万台|万辆|万套|万平方米|年产|一期|二期|三期|扩建|新建|技改)")


def _project(piece: Piece, start: int, text: str, via: str = "name") -> Mention:
    """A project named by ``text``, which stands at ``start`` of the piece's text."""
    return Mention(
        "project", normalise_name(text), piece.at(start), piece.end_at(start + len(text)), piece.paragraph, via=via
    )


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
    for m in _PROJECT_LIST.finditer(text):
        b = _left_head(text, m.start())
        body = text[b : m.start()]
        if not m.group(0).startswith("等") and _LIST_SEP not in body:
            continue  # 建设3个项目: a count, not a list (A、B、C三个项目 is one)
        parts = _split_items(body, conj=True, joiners="和|以及")  # 汽车模具及专用设备改造 is one project
        parts = _rejoin_measures(body, parts)
        # 港口机械、海洋工程装备等海洋产业相关项目: a kind between 等 and 项目 says the items are kinds too
        of_kind = bool(_NAMED_LIST_WORDS.sub("", m.group(2))) and all(_loose_kind(_cut_head(i)) for _, i in parts)
        kinds = sum(1 for _, i in parts if _activity(_cut_head(i.strip())))
        units = (m.group(1) or "").endswith("家")  # 等7家…项目 counts units: named ones, whatever they read like
        if (
            len(parts) > 1
            and not units
            and (
                of_kind
                or all(len(_cut_head(i)) <= 2 for _, i in parts)
                or all(_kind_item(_cut_head(i)) for _, i in parts)
                or (2 * kinds >= len(parts) and not any(_ONE_PROJECT.search(i) for _, i in parts))
            )
        ):
            covered.append((b, m.end()))  # 核电、风电、光伏等项目 / 药品、化妆品、保健品等项目: kinds, not projects
            # (an item that reads as one project all the same, 乙烯改扩建 or 某厂二期, is kept)
            for k, item in parts:
                head = _cut_head(item.strip())
                if 2 <= len(head) <= 40 and _ONE_PROJECT.search(head) and not _COUNT.search(head):
                    st = b + k + item.rfind(head)
                    out.append(_project(piece, st, head, via="list"))
            continue
        for k, item in parts:
            head = _cut_head(item.strip())
            if not head and item.strip().endswith("集群"):
                head = _cut_head(item.strip()[:-2]) + "集群"  # 腾讯互联网+产业集群, an item of a project list
            if len(head) < 2 or len(head) > 40 or _COUNT.search(head) or _KIND_OF_PROJECT.search(head):
                continue
            if is_generic(head, LEXICON.project_generic):
                continue
            st = b + k + item.rfind(head)
            out.append(_project(piece, st, head, via="list"))
            covered.append((st, st + len(head)))
        covered.append((b, m.end()))
    for m in _PROJECT_SINGLE.finditer(text):
        if any(a <= m.start() < c for a, c in covered):
            continue
        b = _left_head(text, m.start(), lists=False)
        head = _cut_head(text[b : m.start()])
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
        head = _DATELINE.sub("", head)  # 28日电(记者 某某)某县…项目: a news dateline is no part of the name
        if (close := head.find(")")) >= 0 and "(" not in head[:close]:
            head = head[close + 1 :]  # …某某)青山县…项目: the end of a bracket the name does not open
        verb = any(v in text[max(0, b - 6) : m.start() - len(head)] for v in LEXICON.project_verbs)
        # 争取大乙烯项目: a short head stands with a verb before it
        if len(head) < (3 if verb else 4) or len(head) > 40 or is_generic(head, LEXICON.project_generic):
            continue
        building = bool(_PROJECT_STATUS.match(text, m.end()))  # X项目建设如火如荼 / X项目成功落户
        named_for = re.search(r"公司|集团", head) is not None  # 东风公司新能源整车…项目: a firm's project
        # 签约A项目、B项目: the item after a project of the same list is one too
        listed = text[b - 1 : b] == _LIST_SEP and any(c == b - 1 for _, c in covered)
        if not _PROJECT_CUE.search(head) and not verb and not building and not named_for and not listed:
            continue
        if _KIND_OF_PROJECT.search(head) or _COUNT.search(head):
            continue  # 新兴产业项目, 61项新材料领域科研项目: kinds of project, not one named
        if (
            _PROJECT_CLASS.match(head)
            or _PROJECT_TALLY.match(text, m.end())
            or _PHASE_START.match(head)
            or _SERVICE_END.search(head)
        ):
            continue  # 亿元以上项目5个, 更多大项目, 转移项目12个: a class of projects counted, not one named
        st = m.start() - len(head)
        name = normalise_name(head + m.group(1))
        if phase := _PHASE_AFTER.match(name):
            name = phase.group(1)  # 某一体化项目三期工程: the project, built in phases
        out.append(Mention("project", name, piece.at(st), piece.end_at(m.end()), piece.paragraph))
        covered.append((st, m.end()))
        # 其中A二期、B三期项目: earlier items of the 、-list share the ending, when each reads as one project
        lb = _left_head(text, st)
        if text[st - 1 : st] == _LIST_SEP and lb < st - 1 and _PROJECT_CUE.search(head):
            items = [
                (lb + k + i.rfind(h), h)
                for k, i in _split_items(text[lb : st - 1], conj=False)
                if (h := _cut_head(i.strip()))
            ]
            if items and all(len(h) <= 40 and _PROJECT_CUE.search(h) and not _COUNT.search(h) for _, h in items):
                for hs, h in items:
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
    # 如A、B、C项目等: the list shares the ending written after its last item
    for m in _PROJECT_LIST_AFTER.finditer(text):
        b = _left_head(text, m.start(2))
        body = text[b : m.start(2)]
        if _LIST_SEP not in body or any(a <= b < c for a, c in covered):
            continue
        for k, item in _split_items(body, conj=True, joiners="和|以及"):
            head = _cut_head(item.strip())
            if 2 <= len(head) <= 40 and not is_generic(head, LEXICON.project_generic) and not _COUNT.search(head):
                st = b + k + item.rfind(head)
                out.append(_project(piece, st, head, via="list"))
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
    # 总投资380亿元的X / 投资N亿元建设X: an investment names a project whatever its ending
    for m in _INVESTED.finditer(text):
        head = m.group(1)
        if any(a <= m.start(1) < c for a, c in covered) or is_generic(head, LEXICON.project_generic):
            continue
        out.append(
            Mention("project", normalise_name(head), piece.at(m.start(1)), piece.end_at(m.end(1)), piece.paragraph)
        )
    return out


_BUILT_LIST = re.compile(r"(?:相继|先后|陆续|全部|均)?(?:建成投产|开工建设|竣工投产|建成|竣工|投产达效|开工)")
_INVESTED_BY = re.compile(
    r"([\u4e00-\u9fff·A-Za-z]{2,12}?)(?:投资|投建|出资)(?:建设|兴建)?的"
    r"([\u4e00-\u9fff()A-Za-z\d]{3,30}?(?:项目|工程|基地|中心|产业园|工厂|生产线|产业城))"
)
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

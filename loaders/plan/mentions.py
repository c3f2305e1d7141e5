"""Clause patterns of the genre: lists of firms, projects and zones, and cluster statements.

Everything here works on one normalised clause (text between ，) and knows nothing of
places; :mod:`.parser` resolves the place text a statement carries.  The patterns are
the plan genre's fixed phrases, e.g.

- firms:     依托A、B等企业 / 围绕A、B等整车和关键总成企业 / 深化与X集团战略合作
- projects:  加快A、B等项目建设 / 推动…等重点项目建设 / 加快X孵化园建设 / 支持X项目…
- zones:     依托A、B等产业集聚区 / 以A、B等产业集聚区为重点的… / 推动A、B等…协同发展
- clusters:  形成[以…为重点的]P N亿级 X 产业集群 / 建设A、B等百亿级X特色产业集群
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from clusterkg.errors import InputError

from .resolve import is_zone_name

LIST_SEP = "、"

_FIRM_LIST = re.compile(r"^(?:依托|围绕|深化与|加强与|与)(.+)等([^、]{0,12}?)企业(?:的.*|为.*)?$")
_FIRM_PARTNER = re.compile(r"^(?:深化|加强|扩大)与([^、等]+?(?:集团|公司))(?:的)?(?:战略)?性?合作$")
_PROJECT_LIST = re.compile(r"^(?:加快推进|加快建设|加快|推动|推进|重点抓好|抓好)(.+)等(?:重点|龙头|重大)?项目建设$")
_PROJECT_ONE = re.compile(r"^(?:加快推进|加快|推进)([^、]+?(?:园|基地|中心|项目))建设$")
_PROJECT_BUILD = re.compile(r"^加快建设([^、]+(?:园|基地|中心))$")
# "推进A、B扩能改造": upgrade projects sharing one written-once suffix.
_PROJECT_UPGRADE = re.compile(r"^(?:大力推进|加快推进|推进)([^、]+(?:、[^、]+)+?)(扩能改造|技术改造|改扩建|搬迁改造)$")
# "重点发展X集团…": the firm a cluster is built around, named outside a list.
_FIRM_FOCUS = re.compile(r"^重点发展([^、，]{2,12}?(?:集团|公司))")
_PROJECT_BACKED = re.compile(r"^(?:全力)?支持([^、]+?项目)")
_ZONE_RELY = re.compile(r"^依托(.+)$")
_ZONE_TOGETHER = re.compile(r"^推动(.+)等([^、]{0,8}?)协同发展$")
_ZONE_ONE = re.compile(r"^(?:培育|建设|配套建设)([^、的]+)$")

_STATEMENT = re.compile(
    r"^(?:到(?P<year>\d{4})年)?(?P<verb>形成|建设|培育)(?P<body>.*亿级.*?)"
    r"(?P<suffix>特色产业集群|产业集群|产业基地|示范基地|集群|基地)$"
)
_FOCUS = re.compile(r"^以(?P<inner>.+?)为(?P<kind>重点|中心)的(?P<rest>.+)$")
_LEVEL = re.compile(r"(?:(?P<num>\d+(?:\.\d+)?)(?P<unit>万亿|亿)|(?P<word>万亿|千亿|百亿))级")
_WORD_LEVEL = {"万亿": 10_000.0, "千亿": 1_000.0, "百亿": 100.0}
_CN_NUMERAL_BEFORE = re.compile(r"[零一二两三四五六七八九十百千万\d.]$")
YEAR_CLAUSE = re.compile(r"^到(\d{4})年$")


def split_list(text: str, splits_on_and: Callable[[str, str], bool] | None = None) -> list[str]:
    """Split a 、-list; an item ``A和B`` is split too when ``splits_on_and(A, B)`` holds."""
    items = [i for i in text.split(LIST_SEP) if i]
    if splits_on_and is None:
        return items
    out: list[str] = []
    for item in items:
        left, sep, right = item.rpartition("和")
        if sep and left and right and splits_on_and(left, right):
            out.extend([left, right])
        else:
            out.append(item)
    return out


def shared_suffix_list(text: str) -> tuple[str, str]:
    """``A、B等产业集聚区`` → (``A、B``, ``产业集聚区``); without 等 the suffix is empty."""
    head, sep, tail = text.rpartition("等")
    if sep and head:
        return head, tail
    return text, ""


def _both_zones(left: str, right: str) -> bool:
    return is_zone_name(left) and is_zone_name(right)


def expand_zones(text: str, known_zone: Callable[[str], bool]) -> list[str] | None:
    """Zone names of a list whose items share a written-once suffix, or None if not all are zones.

    >>> expand_zones("郑州经济技术、中牟汽车等产业集聚区", lambda z: False)
    ['郑州经济技术产业集聚区', '中牟汽车产业集聚区']
    """
    head, shared = shared_suffix_list(text)
    items = split_list(head, _both_zones)
    out: list[str] = []
    for item in items:
        if is_zone_name(item) or known_zone(item):
            out.append(item)
        elif shared and is_zone_name(item + shared):
            out.append(item + shared)
        else:
            return None
    return out or None


@dataclass(frozen=True, slots=True)
class ListMention:
    kind: str  # "enterprise" | "project" | "zone"
    names: tuple[str, ...]


def firm_mention(clause: str) -> ListMention | None:
    if m := _FIRM_LIST.match(clause):
        return ListMention("enterprise", tuple(split_list(m.group(1))))
    if m := _FIRM_PARTNER.match(clause):
        return ListMention("enterprise", (m.group(1),))
    if m := _FIRM_FOCUS.match(clause):
        return ListMention("enterprise", (m.group(1),))
    return None


def project_mention(clause: str) -> ListMention | None:
    if m := _PROJECT_LIST.match(clause):
        return ListMention("project", tuple(split_list(m.group(1))))
    if m := _PROJECT_UPGRADE.match(clause):
        return ListMention("project", tuple(item + m.group(2) for item in split_list(m.group(1))))
    for pattern in (_PROJECT_ONE, _PROJECT_BUILD, _PROJECT_BACKED):
        if m := pattern.match(clause):
            return ListMention("project", (m.group(1),))
    return None


def zone_mention(clause: str, known_zone: Callable[[str], bool]) -> ListMention | None:
    if (m := _ZONE_TOGETHER.match(clause)) or (m := _ZONE_RELY.match(clause)):
        zones = expand_zones(m.group(1), known_zone)
    elif (m := _ZONE_ONE.match(clause)) and (is_zone_name(m.group(1)) or known_zone(m.group(1))):
        zones = [m.group(1)]
    else:
        return None
    return ListMention("zone", tuple(zones)) if zones else None


@dataclass(frozen=True, slots=True)
class ClusterClause:
    """A clause stating clusters, split into its parts but with places still text."""

    verb: str  # 形成 | 建设 | 培育
    year: int | None
    level: str  # 千亿级, 百亿级, 500亿级 … (numbers ≥1000 are 千亿级)
    generic_level: bool  # 千亿级/百亿级: a class, so a list of places is a list of clusters
    target_yi: float
    place_text: str  # text before the level ("驻马店、信阳"), 等 dropped
    after_level: str  # text between level and suffix (industry, or places + industry)
    suffix: str  # 产业集群, 特色产业集群, 产业基地 …
    focus_zones: str  # the list in 以…为重点的, "" if none
    centre: str  # the place in 以…为中心的, "" if none


def cluster_clause(clause: str, where: str) -> ClusterClause | None:
    """Parse a cluster statement; raise :class:`InputError` if its target is unreadable."""
    if clause.startswith("重点建设"):
        return None  # a preview of clusters formed later in the paragraph
    m = _STATEMENT.match(clause)
    if not m:
        return None
    body = m.group("body")
    focus_zones = centre = ""
    if f := _FOCUS.match(body):
        if f.group("kind") == "重点":
            focus_zones = f.group("inner")
        else:
            centre = f.group("inner")
        body = f.group("rest")
    lv = _LEVEL.search(body)
    if lv is None or _CN_NUMERAL_BEFORE.search(body[: lv.start()]) and not lv.group("num"):
        raise InputError(f"{where}: cluster target in {clause!r} is not a number of 亿元")
    if lv.group("num"):
        target = float(lv.group("num")) * (10_000.0 if lv.group("unit") == "万亿" else 1.0)
        generic = False
    else:
        target = _WORD_LEVEL[lv.group("word")]
        generic = True
    if target >= 10_000:
        level = "万亿级"
    elif target >= 1_000:
        level = "千亿级"
    elif generic:
        level = lv.group(0)
    else:
        level = f"{target:g}亿级"
    place_text = body[: lv.start()].removesuffix("等")
    return ClusterClause(
        verb=m.group("verb"),
        year=int(m.group("year")) if m.group("year") else None,
        level=level,
        generic_level=generic,
        target_yi=target,
        place_text=place_text,
        after_level=body[lv.end() :],
        suffix=m.group("suffix"),
        focus_zones=focus_zones,
        centre=centre,
    )

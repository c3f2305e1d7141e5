"""The text a node is found by: its name, aliases, their pinyin and pinyin initials.

Stored on each node as ``search_text`` and indexed by the CJK full-text index, so one
search box finds 郑州 by 郑州, zhengzhou or zz.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pypinyin import lazy_pinyin

from clusterkg.text import normalise_name

from .model import GraphBatch, Label, NodeRow, RelType


def pinyin_forms(text: str) -> tuple[str, str]:
    """Full pinyin without tones and the initials of each syllable, both lower case.

    >>> pinyin_forms("郑州")
    ('zhengzhou', 'zz')
    """
    syllables = [s for s in lazy_pinyin(normalise_name(text), errors="ignore") if s.isalnum()]
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables).lower()
    return full, initials


def _variants(name: str) -> list[str]:
    """A name as readers shorten it: without its brackets' words and with them run in
    (新(乡)长(垣)高端装备产业集群 → 新长高端装备产业集群, 新乡长垣高端装备产业集群).

    >>> _variants("新(乡)长(垣)高端装备产业集群")
    ['新(乡)长(垣)高端装备产业集群', '新长高端装备产业集群', '新乡长垣高端装备产业集群']
    """
    out = [name]
    if "(" in name:
        out += [re.sub(r"\([^()]*\)", "", name), re.sub(r"[()]", "", name)]
    return list(dict.fromkeys(v for v in out if v))


def search_text(name: str, aliases: Iterable[str] = (), also: Iterable[str] = ()) -> str:
    """Space-separated words under which a node is found: its names and their bracket variants, the
    words in ``also`` (a cluster's places: 长垣 finds 新(乡)长(垣)高端装备产业集群), and the pinyin
    and initials of each.

    >>> search_text("郑州市", ["郑州"])
    '郑州市 郑州 zhengzhoushi zzs zhengzhou zz'
    >>> "changyuan" in search_text("新(乡)长(垣)装备产业集群", also=["长垣"]).split()
    True
    """
    names = list(dict.fromkeys([v for n in [name, *aliases] for v in _variants(normalise_name(n))]))
    names += [normalise_name(a) for a in also]
    words: list[str] = list(names)
    for n in names:
        words.extend(pinyin_forms(n))
        if "长" in n:
            # 长 of a place (长垣, 长葛, 长治) is chang; the reading pypinyin picks alone is zhang
            words.extend(pinyin_forms(n.replace("长", "常")))
    return " ".join(dict.fromkeys(w for w in words if w))


@lru_cache(maxsize=65536)
def _char_pinyin(char: str) -> str:
    syllables = lazy_pinyin(char, errors="ignore")
    return syllables[0].lower() if syllables and syllables[0].isalnum() else ""


def quick_search_text(name: str) -> str:
    """:func:`search_text` for one name, read character by character from a cache.

    Phrase-level pinyin costs about 90 µs a name, which is minutes for a province's
    registry; this costs a few µs.  A polyphonic character takes its most common reading,
    which is good enough to find a firm by pinyin.

    >>> quick_search_text("郑州市")
    '郑州市 zhengzhoushi zzs'
    """
    norm = normalise_name(name)
    syllables = [p for p in (_char_pinyin(c) for c in norm) if p]
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables)
    return " ".join(dict.fromkeys(w for w in (norm, full, initials) if w))


_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


def lucene_query(text: str) -> str:
    """A full-text query for what a user typed: each word escaped, pinyin words also as prefixes.

    User text never reaches Lucene syntax unescaped, so quotes or brackets cannot break
    the query.

    >>> lucene_query("Zheng")
    'zheng OR zheng*'
    >>> lucene_query("AND") == "and OR and*"
    True
    """
    # Lower case: Lucene's operators (AND, OR, NOT) are upper-case words.
    words = [normalise_name(w).lower() for w in text.split()]
    words = [w for w in words if w][:8]
    terms: list[str] = []
    for w in words:
        escaped = "".join("\\" + c if c in _LUCENE_SPECIAL else c for c in w)
        if not w.isascii() and len(w) >= 3:
            # the whole run as written first (its bigrams in order), then any of them
            terms.append(f'"{escaped}"^4')
        terms.append(escaped)
        if w.isascii() and w.isalnum():
            terms.append(w + "*")
    return " OR ".join(terms)


_PLACE_ENDING = re.compile(r"(?:自治县|自治州|地区|市|县|区|盟|旗)$")


def short_place(name: str) -> str:
    """A division's name as people say it: 长垣市 → 长垣, 新乡市 → 新乡 (a two-character name keeps its ending).

    >>> short_place("长垣市"), short_place("新乡市"), short_place("沙县")
    ('长垣', '新乡', '沙县')
    """
    short = _PLACE_ENDING.sub("", name)
    return short if len(short) >= 2 else name


def with_place_words(batch: GraphBatch) -> GraphBatch:
    """The batch with each cluster found by the places it is located in, too (长垣 finds
    新(乡)长(垣)高端装备产业集群, located in 长垣市), where its search text is not set yet."""
    names: dict[tuple[Label, str], str] = {
        (n.label, n.key): n.name for n in batch.nodes if n.label in (Label.CITY, Label.COUNTY)
    }
    places: dict[str, list[str]] = {}
    for r in batch.relationships:
        if r.type is RelType.LOCATED_IN and r.from_label is Label.CLUSTER and (r.to_label, r.to_key) in names:
            name = names[(r.to_label, r.to_key)]
            places.setdefault(r.from_key, []).extend((name, short_place(name)))
    nodes = tuple(
        NodeRow(n.label, n.key, n.name, n.aliases, n.props, n.spans, search_text(n.name, n.aliases, places[n.key]))
        if n.label is Label.CLUSTER and n.search_text is None and n.key in places
        else n
        for n in batch.nodes
    )
    return GraphBatch(nodes, batch.relationships)

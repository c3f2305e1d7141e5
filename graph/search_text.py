"""The text a node is found by: its name, aliases, their pinyin and pinyin initials.

Stored on each node as ``search_text`` and indexed by the CJK full-text index, so one
search box finds 郑州 by 郑州, zhengzhou or zz.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from pypinyin import lazy_pinyin

from clusterkg.text import normalise_name


def pinyin_forms(text: str) -> tuple[str, str]:
    """Full pinyin without tones and the initials of each syllable, both lower case.

    >>> pinyin_forms("郑州")
    ('zhengzhou', 'zz')
    """
    syllables = [s for s in lazy_pinyin(normalise_name(text), errors="ignore") if s.isalnum()]
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables).lower()
    return full, initials


def search_text(name: str, aliases: Iterable[str] = ()) -> str:
    """Space-separated words under which a node is found.

    >>> search_text("郑州市", ["郑州"])
    '郑州市 郑州 zhengzhoushi zzs zhengzhou zz'
    """
    names = [name, *aliases]
    words: list[str] = list(dict.fromkeys(normalise_name(n) for n in names))
    for n in names:
        words.extend(pinyin_forms(n))
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
        terms.append(escaped)
        if w.isascii() and w.isalnum():
            terms.append(w + "*")
    return " OR ".join(terms)

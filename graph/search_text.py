"""The text a node is found by: its name, aliases, their pinyin and pinyin initials.

Stored on each node as ``search_text`` and indexed by the CJK full-text index, so one
search box finds 郑州 by 郑州, zhengzhou or zz.
"""

from __future__ import annotations

from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

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

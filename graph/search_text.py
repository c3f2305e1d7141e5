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

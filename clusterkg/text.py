"""Normalisation of Chinese text taken from plan documents and registries.

Plan tables wrap long cells with runs of full-width spaces (U+3000); registries mix
full-width and half-width punctuation.  Names are compared and keyed in one form:
NFKC (full-width ASCII and brackets become half-width) with every kind of white
space removed.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})
# 產(chǎn)業(yè)集群: a web page's reading aid, the pinyin after each character, is no part of the text
PINYIN_GLOSS = r"(?<=[\u4e00-\u9fff])\((?:[a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-z]*|[a-z]{1,4}(?=\)[\u4e00-\u9fff]))\)"
_GLOSS = re.compile(PINYIN_GLOSS)


def normalise_name(text: str) -> str:
    """Return the canonical form of a name: NFKC, curly quotes straightened, no white space.

    >>> normalise_name("郑州航空港区智能终　　端（手机）产业集群")
    '郑州航空港区智能终端(手机)产业集群'
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_QUOTES))


def drop_glosses(text: str) -> str:
    """Take out the pinyin a page writes after its characters (:data:`PINYIN_GLOSS`).

    >>> drop_glosses("沈陽(yáng)大東汽車(chē)產(chǎn)業(yè)集群")
    '沈陽大東汽車產業集群'
    """
    return _GLOSS.sub("", text)


def clean_text(text: str) -> str:
    """NFKC-normalise running text and fold runs of white space into one ASCII space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()

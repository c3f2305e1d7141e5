"""Decoding plan text from the encodings plans arrive in: UTF-8, GB18030/GBK, UTF-16.

Government sites still publish GBK text and HTML, and Windows editors save UTF-16 with a
byte-order mark; a plan's bytes are decoded here and nowhere else. Nothing is normalised:
full-width characters and spaces stay as they are, because evidence offsets index this text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from clusterkg.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# GB2312 and GBK are subsets of GB18030; decoding with the superset reads all three.
_GB_ALIASES = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "euc-cn", "hz-gb-2312"})

_CJK = re.compile(
    "[\u2000-\u206f\u2460-\u24ff\u25a0-\u25ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)


def bom_encoding(raw: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``raw``, if there is one."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def mostly_cjk(text: str) -> bool:
    """Whether the non-ASCII characters of ``text`` are at least 90% Chinese text or punctuation.

    GB18030 decodes almost any byte string; this tells a GBK plan from bytes of another
    encoding that happen to decode.

    >>> mostly_cjk("Plan: 装备制造产业集群")
    True
    >>> mostly_cjk("caf\\u00e9 na\\u00efve")
    False
    """
    wide = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not wide:
        return False
    return sum(1 for c in wide if _CJK.match(c)) >= 0.9 * len(wide)


def canonical_encoding(name: str) -> str | None:
    """The Python codec for an encoding name declared in a document, or None if unknown."""
    name = name.strip().lower()
    if name in _GB_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_plan_bytes(raw: bytes, path: Path, declared: str | None = None) -> tuple[str, str]:
    """Decode a plan's bytes and say which encoding did it: BOM, then ``declared``, UTF-8, GB18030.

    Raises InputError naming the file and the first byte no encoding could read.

    >>> decode_plan_bytes("集群".encode("gb18030"), Path("plan.txt"))
    ('集群', 'gb18030')
    """
    bom = bom_encoding(raw)
    if bom is not None:
        try:
            return raw.decode(bom), bom.removesuffix("-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: starts with a {bom.removesuffix('-sig').upper()} byte-order mark but byte "
                f"{exc.start} ({raw[exc.start : exc.start + 4]!r}) is not {bom.removesuffix('-sig').upper()}"
            ) from None
    if declared is not None and declared not in {"utf-8", "gb18030"}:
        try:
            return raw.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; the usual encodings are tried next
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: neither UTF-8 (byte {utf8_error.start}: {raw[utf8_error.start : utf8_error.start + 4]!r}) "
            f"nor GB18030 (byte {exc.start}: {raw[exc.start : exc.start + 4]!r}); save the plan as UTF-8"
        ) from None
    if declared == "gb18030" or mostly_cjk(text):
        return text, "gb18030"
    raise InputError(
        f"{path}: not UTF-8 (byte {utf8_error.start}: {raw[utf8_error.start : utf8_error.start + 4]!r}), "
        "and read as GB18030 it is not Chinese text; save the plan as UTF-8"
    )

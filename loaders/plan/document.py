"""A plan document read from disk, split into paragraphs with absolute character offsets.

Offsets index the text exactly as decoded from the file (UTF-8), so a span
``text[start:end]`` read back from the same file quotes the sentence that states a fact.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from clusterkg.errors import InputError

MAX_PLAN_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int  # 0-based among non-blank lines
    start: int  # offset of the first character of ``text`` in the document
    text: str  # the line without its line break; leading white space kept

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class PlanDocument:
    key: str  # file stem, e.g. "henan-2015-baiqianwan-clusters"
    path: Path
    text: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]

    def quote(self, start: int, end: int) -> str:
        """The document text between two absolute offsets."""
        return self.text[start:end]


_LINE = re.compile(r"[^\r\n]*")


def read_plan(path: str | Path) -> PlanDocument:
    """Read a plan file (UTF-8) and split it into non-blank paragraphs.

    >>> doc = read_plan("../shared/plans/henan-2015-baiqianwan-clusters.txt")  # doctest: +SKIP
    >>> doc.paragraphs[0].index
    0
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such plan file")
    if not p.is_file():
        raise InputError(f"{p}: not a file")
    raw = p.read_bytes()
    if len(raw) > MAX_PLAN_BYTES:
        raise InputError(f"{p}: {len(raw)} bytes is over the {MAX_PLAN_BYTES}-byte limit for a plan")
    if not raw.strip():
        raise InputError(f"{p}: the file is empty")
    if b"\x00" in raw:
        raise InputError(f"{p}: binary data (NUL bytes), not a plan text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{p}: not UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 4]!r}); save the plan as UTF-8"
        ) from None
    paragraphs: list[Paragraph] = []
    for m in _LINE.finditer(text):
        line = m.group(0)
        if line.strip(" \t\u3000"):
            paragraphs.append(Paragraph(len(paragraphs), m.start(), line))
    return PlanDocument(
        key=p.stem,
        path=p,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        paragraphs=tuple(paragraphs),
    )

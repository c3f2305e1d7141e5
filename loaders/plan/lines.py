"""What a format reader hands back to ``read_plan``: lines in reading order, and what the file says of itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentLines:
    lines: tuple[str, ...]  # paragraphs and table rows ("cell | cell"), in reading order
    title: str | None = None  # the document's own title (HTML <title>, .docx/PDF properties)
    encoding: str | None = None  # the encoding text bytes were decoded with, where there were any

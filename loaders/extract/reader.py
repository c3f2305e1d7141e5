"""The pipeline's first stage, ``reader``: a plan file in any form users receive it → a document.

``read_document`` is ``clusterkg.loaders.plan.document.read_plan``: .txt (UTF-8, GB18030/GBK,
UTF-16), .docx, .html/.htm and PDFs with a text layer become one ``PlanDocument`` whose ``text``
is the document's lines joined with "\\n" (a table row is one line of cells joined by " | ") and
whose ``paragraphs`` are its non-blank lines with absolute offsets. Evidence offsets in facts
index ``PlanDocument.text``. Nothing is normalised; later stages take their own NFKC copies.

>>> from clusterkg.loaders.extract.reader import read_document
>>> doc = read_document("../shared/plans/henan-2015-baiqianwan-clusters.txt")  # doctest: +SKIP
>>> (doc.format, doc.paragraphs[0].index)  # doctest: +SKIP
('txt', 0)
"""

from __future__ import annotations

from clusterkg.loaders.plan.document import Paragraph, PlanDocument, read_plan

read_document = read_plan

__all__ = ["Paragraph", "PlanDocument", "read_document"]

"""The general reading of a plan of the genre: segments → mentions → resolved → facts."""

from __future__ import annotations

from clusterkg.loaders.plan.document import PlanDocument

from .facts import DocumentFacts, Facts


def extract_general(doc: PlanDocument) -> Facts:
    """Facts stated by ``doc``, read by rules about the genre (being written)."""
    return Facts(document=DocumentFacts(key=doc.key, profile="general"))

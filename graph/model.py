"""The model's vocabulary: node labels, relationship types and the rows loaders write.

Labels and relationship types cannot be Cypher parameters, so every one that reaches
Cypher text comes from these enums and is back-tick quoted by :func:`cypher_name`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from clusterkg.errors import InputError


class Label(StrEnum):
    SECTOR = "Sector"
    CLUSTER = "Cluster"
    ZONE = "Zone"
    CITY = "City"
    COUNTY = "County"
    ENTERPRISE = "Enterprise"
    PROJECT = "Project"
    CHAIN = "Chain"
    CHAIN_SEGMENT = "ChainSegment"
    DOCUMENT = "Document"
    ACTUAL = "Actual"  # a reported revenue figure of a cluster for one year
    # Derived, never stated: firms per (segment, zone, place), rebuilt after registry loads
    # (graph.presence); no relationships, so walks and pictures never meet it.
    PRESENCE = "Presence"


class RelType(StrEnum):
    IN_SECTOR = "IN_SECTOR"  # (Cluster)->(Sector)
    LOCATED_IN = "LOCATED_IN"  # (Cluster|Zone|Enterprise|Project)->(City|County)
    PART_OF = "PART_OF"  # (County)->(City)
    SERVES = "SERVES"  # (Zone)->(Cluster)
    ANCHORS = "ANCHORS"  # (Enterprise)->(Cluster)
    SUPPORTS = "SUPPORTS"  # (Project)->(Cluster)
    RUN_BY = "RUN_BY"  # (Project)->(Enterprise)
    SITED_IN = "SITED_IN"  # (Enterprise|Project)->(Zone)
    HAS_CHAIN = "HAS_CHAIN"  # (Sector|Cluster)->(Chain)
    HAS_SEGMENT = "HAS_SEGMENT"  # (Chain)->(ChainSegment)
    FEEDS = "FEEDS"  # (ChainSegment)->(ChainSegment), supplier to customer
    COVERS = "COVERS"  # (Cluster)->(ChainSegment) named for it by the plan
    IN_SEGMENT = "IN_SEGMENT"  # (Enterprise)->(ChainSegment)
    # (Project)->(ChainSegment): a type of its own, so a segment's few projects are found
    # without walking past its thousands of IN_SEGMENT firms.
    BUILDS = "BUILDS"
    LINKS_TO = "LINKS_TO"  # (Cluster)->(Cluster), a cross-cluster link the plan states
    REPORTS = "REPORTS"  # (Actual)->(Cluster)
    STATED_IN = "STATED_IN"  # (any)->(Document), provenance of a node


def cypher_name(name: Label | RelType) -> str:
    """Back-tick quote a label or relationship type taken from the model's enums.

    >>> cypher_name(Label.CLUSTER)
    '`Cluster`'
    """
    if not isinstance(name, (Label, RelType)):
        raise TypeError(f"only model enums may become Cypher names, got {name!r}")
    return f"`{name.value}`"


# Labels as users may write them in URLs and parameters (as named, or lower case).
LABEL_PATTERN = "^(" + "|".join(f"{label.value}|{label.value.lower()}" for label in Label) + ")$"


def parse_label(text: str) -> Label:
    """The model label a user named, case-insensitively; InputError naming the choices otherwise.

    >>> parse_label("cluster")
    <Label.CLUSTER: 'Cluster'>
    """
    for label in Label:
        if label.value.lower() == text.strip().lower():
            return label
    allowed = ", ".join(label.value for label in Label)
    raise InputError(f"unknown label {text[:60]!r}; expected one of {allowed}")


@dataclass(frozen=True, slots=True)
class Span:
    """Where a fact is stated: paragraph index and character span in the document text."""

    document: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class NodeRow:
    """One node to MERGE on (label, key)."""

    label: Label
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    props: dict[str, Any] = field(default_factory=dict)
    spans: tuple[Span, ...] = ()
    # What the full-text index finds the node by; None: derived from name and aliases
    # (graph.search_text.search_text) when written.
    search_text: str | None = None


@dataclass(frozen=True, slots=True)
class RelRow:
    """One relationship to MERGE between two nodes identified by (label, key)."""

    type: RelType
    from_label: Label
    from_key: str
    to_label: Label
    to_key: str
    props: dict[str, Any] = field(default_factory=dict)
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class GraphBatch:
    """Everything one load writes, validated before the first write."""

    nodes: tuple[NodeRow, ...]
    relationships: tuple[RelRow, ...]

    def counts(self) -> dict[str, int]:
        """Counts per label and relationship type, for dry runs and reports."""
        out: dict[str, int] = {}
        for n in self.nodes:
            out[n.label.value] = out.get(n.label.value, 0) + 1
        for r in self.relationships:
            out[r.type.value] = out.get(r.type.value, 0) + 1
        return dict(sorted(out.items()))

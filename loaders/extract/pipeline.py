"""From a plan file to its facts, and the facts file on disk (JSON or YAML).

Two readings exist.  The legacy profile (``henan-action-plan``) reads Henan action plans of
the 2015 form, the document it was written for: numbered sector headings, a goals
paragraph and the appendix table of big clusters.  Every other plan goes through the
general reading (``general.extract_general``), written from rules about the genre.  Both
run on every document; the legacy facts are kept when the document has the form the legacy
profile was written for — its appendix table of clusters with targets (clusters with an
``appendix_no``) — so the Henan graph stays what it was; any other document, a differently
worded Henan plan included, goes through the general reading.

>>> facts = extract_path("../shared/plans/henan-2015-baiqianwan-clusters.txt")  # doctest: +SKIP
>>> facts.document.profile, len(facts.clusters)  # doctest: +SKIP
('henan-action-plan', 63)
>>> read_facts(write_facts(facts, "facts.json")) == facts  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from clusterkg.errors import InputError
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.plan.document import PlanDocument, read_plan
from clusterkg.loaders.plan.parser import parse_plan
from clusterkg.loaders.plan.resolve import Aliases

from .facts import (
    FORMAT,
    ClusterFacts,
    DocumentFacts,
    Evidence,
    Facts,
    FirmFacts,
    LinkEvidence,
    Place,
    PlaceRef,
    ProjectFacts,
    SectorFacts,
    ZoneFacts,
)
from .general import extract_general
from .legacy import facts_from_parsed
from .to_graph import FactsError

# What the readings look for; named in the error for a document where they find no cluster.
CLUSTER_STATEMENTS = "…产业集群/集群/产业基地 names, cluster tables and lists"

JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")


def no_cluster_error(path: str | Path) -> InputError:
    """The one error for a document (or facts file) that states no cluster: nothing is written."""
    return InputError(f"{path}: no cluster statement found (looked for {CLUSTER_STATEMENTS}); nothing written")


def legacy_facts(doc: PlanDocument) -> Facts | None:
    """The legacy profile's facts, or ``None`` where it cannot read the document at all."""
    gazetteer = Gazetteer.load()
    try:
        return facts_from_parsed(parse_plan(doc, gazetteer, Aliases.load()), gazetteer)
    except InputError:
        # The legacy parser refuses documents not of its form; for the choice that is
        # "found nothing", and the general reading decides.
        return None


def choose(legacy: Facts | None, general: Facts) -> Facts:
    """The legacy facts for a document of its form (an appendix table of clusters), else the general ones.

    >>> from clusterkg.loaders.extract.facts import ClusterFacts, DocumentFacts
    >>> g = Facts(document=DocumentFacts(key="k", profile="general"), clusters=[ClusterFacts(name="某集群")])
    >>> choose(None, g).document.profile
    'general'
    """
    if legacy is not None and any(c.appendix_no is not None for c in legacy.clusters):
        return legacy
    return general


def extract_document(doc: PlanDocument) -> Facts:
    """The facts ``doc`` states; :class:`InputError` if no reading finds a cluster."""
    facts = choose(legacy_facts(doc), extract_general(doc))
    if not facts.clusters:
        raise no_cluster_error(doc.path)
    return facts


def extract_path(path: str | Path) -> Facts:
    """Read a plan file and return its facts (see the module docstring for which reading).

    >>> extract_path("../shared/plans/henan-2015-baiqianwan-clusters.txt").clusters[0].name  # doctest: +SKIP
    '郑州航空港区智能终端(手机)产业集群'
    """
    return extract_document(read_plan(path))


# -- the file ---------------------------------------------------------------------------
# Keys written even when empty or unknown, so a reviewer sees what could be filled in.
_ALWAYS: Mapping[type[BaseModel], frozenset[str]] = {
    Facts: frozenset({"format", "document", "sectors", "clusters", "zones", "firms", "projects", "places", "warnings"}),
    DocumentFacts: frozenset({"key", "title", "issuer", "date", "province"}),
    SectorFacts: frozenset({"name", "evidence"}),
    ClusterFacts: frozenset(
        {
            "name",
            "aliases",
            "level",
            "target_yi",
            "target_year",
            "sector",
            "places",
            "zones",
            "firms",
            "projects",
            "evidence",
        }
    ),
    ZoneFacts: frozenset({"name", "aliases", "places", "evidence"}),
    FirmFacts: frozenset({"name", "aliases", "evidence"}),
    ProjectFacts: frozenset({"name", "firms", "zones", "evidence"}),
    Place: frozenset({"code", "name", "level"}),
    PlaceRef: frozenset({"code", "name"}),
    Evidence: frozenset({"paragraph", "start", "end", "quote"}),
    LinkEvidence: frozenset({"kind", "name", "evidence"}),
}


def _plain(model: BaseModel) -> dict[str, Any]:
    keep = _ALWAYS.get(type(model), frozenset())
    out: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            value = _plain(value)
        elif isinstance(value, list):
            value = [_plain(v) if isinstance(v, BaseModel) else v for v in value]
        if name in keep or (value is not None and value != []):
            out[name] = value
    return out


def facts_dict(facts: Facts) -> dict[str, Any]:
    """The facts as plain data, with the reviewer's keys always present and the rest when set."""
    return _plain(facts)


def facts_to_json(facts: Facts) -> str:
    """The facts file as JSON (Chinese kept as written, one space of indent).

    >>> print(facts_to_json(Facts(document=DocumentFacts(key="k"))).splitlines()[3])
      "key": "k",
    """
    return json.dumps(facts_dict(facts), ensure_ascii=False, indent=1) + "\n"


def facts_to_yaml(facts: Facts) -> str:
    """The facts file as YAML, keys in the model's order."""
    return str(yaml.safe_dump(facts_dict(facts), allow_unicode=True, sort_keys=False, width=1000))


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in YAML_SUFFIXES:
        return "yaml"
    raise InputError(f"{path}: a facts file ends in .json, .yaml or .yml")


def write_facts(facts: Facts, path: str | Path, fmt: str | None = None) -> Path:
    """Write the facts file (format from ``fmt`` or the suffix) and return its path."""
    p = Path(path)
    text = facts_to_yaml(facts) if (fmt or _format_of(p)) == "yaml" else facts_to_json(facts)
    if not p.parent.is_dir():
        raise InputError(f"{p.parent}: no such folder")
    p.write_text(text, encoding="utf-8")
    return p


def _where(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def read_facts(path: str | Path) -> Facts:
    """Read a facts file (JSON or YAML by suffix); :class:`InputError` names each bad path.

    Problems come as ``FILE: clusters[3].places[0].code: …``, every one of the file at once.
    """
    p = Path(path)
    fmt = _format_of(p)
    if not p.is_file():
        raise InputError(f"{p}: no such facts file")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 (byte {exc.start})") from None
    try:
        raw = json.loads(text) if fmt == "json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise InputError(f"{p}: not YAML{at}: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(raw, dict):
        raise InputError(f"{p}: a facts file holds one mapping (document, clusters, …), got {type(raw).__name__}")
    try:
        facts = Facts.model_validate(raw)
    except ValidationError as exc:
        raise FactsError(str(p), [f"{_where(e['loc'])}: {e['msg']}" for e in exc.errors()]) from None
    if facts.format != FORMAT:
        raise InputError(f"{p}: format: {facts.format!r} is not {FORMAT!r}")
    return facts

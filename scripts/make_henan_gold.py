"""Write bench/gold/henan-2015-baiqianwan-clusters.gold.json from today's plan parser.

The parser written for the Henan 2015 plan (loaders/plan/parser.py) reads it almost perfectly;
its output is the reference the general extractor must keep while it learns other wordings.
Only names, places and numbers go into the gold, never a sentence of the plan.

Usage: python scripts/make_henan_gold.py [PLAN] [-o OUT]
(PLAN defaults to $CLUSTERKG_PLANS/henan-2015-baiqianwan-clusters.txt, or ../shared/plans/…)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from clusterkg.errors import ClusterKGError
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.plan.document import read_plan
from clusterkg.loaders.plan.parser import ParsedPlan, parse_plan

ROOT = Path(__file__).resolve().parents[1]
KEY = "henan-2015-baiqianwan-clusters"
# Parser link type → gold pair list (cluster first).
LINK_KINDS = {"serves": "cluster_zone", "anchors": "cluster_firm", "supports": "cluster_project"}


def _named(name: str, aliases: set[str] | list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {"name": name}
    if extra := sorted(set(aliases) - {name}):
        row["aliases"] = extra
    return row


def gold_of(plan: ParsedPlan) -> dict[str, Any]:
    """The gold file's content for a parsed plan."""
    clusters = []
    for c in plan.clusters:
        row = _named(c.name, c.aliases)
        row |= {"places": [p.name for p in c.places], "level": c.level, "target_yi": c.target_yi}
        if c.target_year:
            row["target_year"] = c.target_year
        clusters.append(row)
    pairs: dict[str, list[list[str]]] = {kind: [] for kind in LINK_KINDS.values()}
    for link in plan.links:
        kind = LINK_KINDS.get(link.type)
        pair = [link.target, link.source]  # parser links point from zone/firm/project to the cluster
        if kind and pair not in pairs[kind]:
            pairs[kind].append(pair)
    places = [p.name for c in plan.clusters for p in c.places]
    places += [p.name for z in plan.zones.values() for p in z.places]
    return {
        "note": (
            "Made by scripts/make_henan_gold.py from the parser written for this plan "
            "(loaders/plan/parser.py); regenerate rather than edit. Firms include those running projects."
        ),
        "clusters": clusters,
        "zones": [_named(z.name, z.aliases) for z in plan.zones.values()],
        "firms": [_named(f.name, f.aliases) for f in plan.enterprises.values()],
        "projects": [_named(p.name, p.aliases) for p in plan.projects.values()],
        "places": list(dict.fromkeys(places)),
        **pairs,
    }


def main() -> int:
    plans = Path(os.environ.get("CLUSTERKG_PLANS") or ROOT.parent / "shared" / "plans")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("plan", nargs="?", type=Path, default=plans / f"{KEY}.txt")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "bench" / "gold" / f"{KEY}.gold.json")
    args = ap.parse_args()
    try:
        plan = parse_plan(read_plan(args.plan), Gazetteer.load())
    except ClusterKGError as exc:
        print(f"make_henan_gold: {exc}", file=sys.stderr)
        return 1
    gold = gold_of(plan)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = ", ".join(f"{len(v)} {k}" for k, v in gold.items() if isinstance(v, list))
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

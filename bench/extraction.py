"""How well the plan extractor reads documents of the genre: P, R and F1 per fact kind.

Every ``NAME.gold.json`` beside a document ``NAME.txt`` (or .docx/.html/.pdf) is scored, in
$CLUSTERKG_PLANS/dev (default ../shared/plans/dev from the repository root), in bench/plans
(documents the project wrote), in each --corpus DIR, and the Henan 2015 plan with its gold
in bench/gold (made by scripts/make_henan_gold.py from today's parser). Micro averages are
given over all documents and over the "other wordings" (all but the Henan 2015 plan, whose
wording the old parser was written for). The extractor's time on a ~100-page plan is printed,
never judged.

Usage: python bench/extraction.py [--corpus DIR]... [--errors] [--json]
Exit 0 whatever the scores; 1 with one line when a gold file or a corpus folder is malformed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from clusterkg.errors import ClusterKGError, InputError
from clusterkg.loaders.extract.facts import DocumentFacts, Facts
from clusterkg.loaders.extract.score import (
    KINDS,
    PLACE_KIND,
    Gold,
    KindScore,
    micro,
    score_document,
)

ROOT = Path(__file__).resolve().parents[1]
HENAN = "henan-2015-baiqianwan-clusters"
DOC_SUFFIXES = (".txt", ".docx", ".html", ".pdf")
ALL_KINDS = (*KINDS, PLACE_KIND)
TIMING_CHARS = 100_000  # about 100 pages of plan text

Extractor = Callable[[Path], Facts]


def general_only() -> tuple[str, Extractor]:
    """The general reading alone, for every document (the Henan 2015 plan included): how a
    differently worded plan of that form would be read."""
    from clusterkg.loaders.extract.general import extract_general
    from clusterkg.loaders.plan.document import read_plan

    def general(path: Path) -> Facts:
        return extract_general(read_plan(path))

    return "general.extract_general", general


def extractor() -> tuple[str, Extractor]:
    """The general pipeline's entry point, or the stub it replaces while it is being written."""
    try:
        from clusterkg.loaders.extract.pipeline import extract_path  # type: ignore[import-not-found,unused-ignore]

        return "pipeline.extract_path", extract_path  # type: ignore[no-any-return,unused-ignore]
    except ModuleNotFoundError as exc:
        # Only the pipeline's absence means "not written yet"; a broken import inside it must show.
        if exc.name != "clusterkg.loaders.extract.pipeline":
            raise
        from clusterkg.loaders.extract.general import extract_general
        from clusterkg.loaders.plan.document import read_plan

        def fallback(path: Path) -> Facts:
            return extract_general(read_plan(path))

        return "general.extract_general (stub)", fallback


def plans_dir() -> Path:
    # Settings would also demand a Neo4j password, which this bench never uses.
    env = os.environ.get("CLUSTERKG_PLANS")
    return Path(env) if env else ROOT.parent / "shared" / "plans"


@dataclass(frozen=True, slots=True)
class Case:
    key: str
    corpus: str
    document: Path
    gold: Path
    unseen: bool = True  # of a wording the old parser was not written for


def cases_in(folder: Path, corpus: str) -> list[Case]:
    """One case per gold file of ``folder``; a gold file without its document is an input error."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such corpus folder")
    found: list[Case] = []
    for gold in sorted(folder.glob("*.gold.json")):
        key = gold.name.removesuffix(".gold.json")
        docs = [folder / (key + s) for s in DOC_SUFFIXES if (folder / (key + s)).is_file()]
        if not docs:
            raise InputError(f"{gold}: no document {key}{{{','.join(DOC_SUFFIXES)}}} beside it")
        found.append(Case(key, corpus, docs[0], gold))
    return found


def all_cases(extra: Sequence[Path]) -> list[Case]:
    plans = plans_dir()
    cases = cases_in(plans / "dev", "dev")
    cases += cases_in(ROOT / "bench" / "plans", "bench/plans")
    for folder in extra:
        cases += cases_in(folder, str(folder))
    henan = plans / f"{HENAN}.txt"
    if not henan.is_file():
        raise InputError(f"{henan}: the Henan 2015 plan is missing (set CLUSTERKG_PLANS)")
    cases.append(Case(HENAN, "henan-2015", henan, ROOT / "bench" / "gold" / f"{HENAN}.gold.json", unseen=False))
    keys = [c.key for c in cases]
    if dupes := sorted({k for k in keys if keys.count(k) > 1}):
        raise InputError(f"two documents with the same name in the corpora: {', '.join(dupes)}")
    return cases


def read_gold(path: Path) -> Gold:
    try:
        gold = Gold.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(p) for p in first["loc"]) + ": " if first["loc"] else ""
        raise InputError(f"{path}: {where}{first['msg']}") from None
    if problems := gold.problems():
        raise InputError(f"{path}: {problems[0]}")
    return gold


@dataclass(slots=True)
class Result:
    case: Case
    seconds: float
    scores: dict[str, KindScore]
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def run_case(case: Case, gold: Gold, extract: Extractor) -> Result:
    t = time.perf_counter()
    error = None
    try:
        facts = extract(case.document)
    except ClusterKGError as exc:
        error = str(exc)
        facts = Facts(document=DocumentFacts(key=case.key))
    except Exception as exc:  # noqa: BLE001 - a crash on one document is a score of zero, not the end of the run
        error = f"{type(exc).__name__}: {exc}"
        facts = Facts(document=DocumentFacts(key=case.key))
    seconds = time.perf_counter() - t
    return Result(case, seconds, score_document(facts, gold), error, list(facts.warnings))


def time_long_plan(henan: Path, extract: Extractor) -> dict[str, Any]:
    """Seconds to extract a ~100-page plan: the Henan plan's text repeated to 100,000 characters."""
    text = henan.read_text(encoding="utf-8")
    copies = max(1, math.ceil(TIMING_CHARS / len(text)))
    with tempfile.TemporaryDirectory(prefix="clusterkg-bench-") as tmp:
        path = Path(tmp) / f"{HENAN}-x{copies}.txt"
        path.write_text("\n".join([text] * copies), encoding="utf-8")
        t = time.perf_counter()
        error = None
        try:
            extract(path)
        except Exception as exc:  # noqa: BLE001 - the figure is printed, never judged
            error = f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - t
        return {
            "chars": len(path.read_text(encoding="utf-8")),
            "copies": copies,
            "seconds": round(seconds, 3),
            "error": error,
        }


# -- reporting -----------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def kind_json(k: KindScore, errors: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "tp": k.tp,
        "fp": k.fp,
        "fn": k.fn,
        "p": _round(k.precision),
        "r": _round(k.recall),
        "f1": _round(k.f1),
    }
    if errors:
        out |= {"false_positives": list(k.false_positives), "misses": list(k.misses)}
    return out


def table(results: Sequence[Result], totals: Mapping[str, Mapping[str, KindScore]], extractor_name: str) -> Table:
    t = Table(title=f"extraction scores ({extractor_name})", show_lines=False)
    for col, justify in (
        ("document", "left"),
        ("kind", "left"),
        ("tp", "right"),
        ("fp", "right"),
        ("fn", "right"),
        ("P", "right"),
        ("R", "right"),
        ("F1", "right"),
    ):
        t.add_column(col, justify=justify, no_wrap=col == "document")  # type: ignore[arg-type]

    def rows(label: str, scores: Mapping[str, KindScore]) -> None:
        for i, kind in enumerate(ALL_KINDS):
            k = scores[kind]
            t.add_row(
                label if i == 0 else "",
                kind,
                str(k.tp),
                str(k.fp),
                str(k.fn),
                _fmt(k.precision),
                _fmt(k.recall),
                _fmt(k.f1),
                end_section=i == len(ALL_KINDS) - 1,
            )

    for r in results:
        rows(r.case.key + (" (failed)" if r.error else ""), r.scores)
    for label, scores in totals.items():
        rows(label, scores)
    return t


def print_errors(console: Console, results: Sequence[Result]) -> None:
    for r in results:
        if not (r.error or r.warnings or any(r.scores[k].fp or r.scores[k].fn for k in ALL_KINDS)):
            continue
        console.print(f"\n{r.case.key} ({r.case.corpus})", style="bold", markup=False)
        if r.error:
            console.print(f"  extraction failed: {r.error}", markup=False)
        for w in r.warnings:
            console.print(f"  warning: {w}", markup=False)
        for kind in ALL_KINDS:
            k = r.scores[kind]
            for name in k.false_positives:
                console.print(f"  {kind} FP    {name}", markup=False)
            for name in k.misses:
                console.print(f"  {kind} MISS  {name}", markup=False)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="another folder of NAME.txt + NAME.gold.json (repeatable)",
    )
    ap.add_argument("--errors", action="store_true", help="list false positives and misses by name")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument(
        "--general",
        action="store_true",
        help="score the general reading alone (the Henan 2015 plan too, not its legacy reading)",
    )
    args = ap.parse_args(argv)
    try:
        cases = all_cases(args.corpus)
        golds = {c.key: read_gold(c.gold) for c in cases}
    except InputError as exc:
        print(f"bench/extraction: {exc}", file=sys.stderr)
        return 1

    name, extract = general_only() if args.general else extractor()
    results = [run_case(c, golds[c.key], extract) for c in cases]
    totals = {
        "micro: all": micro(r.scores for r in results),
        "micro: other wordings": micro(r.scores for r in results if r.case.unseen),
    }
    timing = time_long_plan(next(c.document for c in cases if c.key == HENAN), extract)

    if args.json:
        report = {
            "extractor": name,
            "documents": [
                {
                    "key": r.case.key,
                    "corpus": r.case.corpus,
                    "unseen": r.case.unseen,
                    "seconds": round(r.seconds, 3),
                    "error": r.error,
                    "warnings": r.warnings,
                    "scores": {k: kind_json(v, args.errors) for k, v in r.scores.items()},
                }
                for r in results
            ],
            "micro": {label: {k: kind_json(v) for k, v in s.items()} for label, s in totals.items()},
            "timing_100_pages": timing,
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        # Piped output (make, CI logs) gets a width at which document names are not cut.
        console = Console(width=None if sys.stdout.isatty() else 120)
        console.print(table(results, totals, name))
        if args.errors:
            print_errors(console, results)
        failed = [r.case.key for r in results if r.error]
        if failed:
            console.print(
                f"extraction failed on {len(failed)} document(s): {', '.join(failed)} "
                "(scored as finding nothing; --errors shows why)",
                markup=False,
            )
        # An extractor must never report success where it found nothing (STYLE.md).
        silent = [
            r.case.key
            for r in results
            if not r.error and not r.warnings and not any(r.scores[k].tp + r.scores[k].fp for k in KINDS)
        ]
        if silent:
            console.print(
                f"found nothing and warned of nothing on {len(silent)} document(s): {', '.join(silent)}", markup=False
            )
        note = f" ({timing['error']})" if timing["error"] else ""
        console.print(
            f"extraction of a {timing['chars']:,}-character plan ({timing['copies']}× Henan 2015): "
            f"{timing['seconds']:.3f} s (target < 2 s){note}",
            markup=False,
        )

    record(
        "extraction",
        {
            "extractor": name,
            "commit": _commit(),
            "documents": len(results),
            "failed": [r.case.key for r in results if r.error],
            "micro": {k: kind_json(v) for k, v in totals["micro: all"].items()},
            "micro_unseen": {k: kind_json(v) for k, v in totals["micro: other wordings"].items()},
            "extract_100_pages_s": timing["seconds"],
        },
        echo=False,
    )
    return 0


def _commit() -> str | None:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or None


if __name__ == "__main__":
    sys.exit(main())

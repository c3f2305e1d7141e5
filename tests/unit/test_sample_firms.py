"""The synthetic registry: deterministic, marked as sample, valid codes, and clean on read-back."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from clusterkg.loaders.chains import ChainCatalog, load_chains
from clusterkg.loaders.firms import read_firms
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.sample_firms import HEADER, MARKER, generate_firms
from clusterkg.loaders.uscc import is_valid_uscc

ZONES = [
    ("长葛市产业集聚区", "411082"),
    ("郑州航空港经济综合实验区", "410184"),
    ("洛阳高新区", "410300"),
    ("省级示范园区", None),
]


@pytest.fixture(scope="module")
def catalog() -> ChainCatalog:
    return load_chains()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def rows_of(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


def test_same_seed_gives_identical_bytes_and_another_seed_does_not(tmp_path: Path, catalog: ChainCatalog) -> None:
    a = generate_firms(300, 42, ZONES, catalog, tmp_path / "a.csv")
    b = generate_firms(300, 42, ZONES, catalog, tmp_path / "b.csv")
    c = generate_firms(300, 43, ZONES, catalog, tmp_path / "c.csv")
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_file_has_the_registry_header_n_rows_markers_and_valid_unique_codes(
    tmp_path: Path, catalog: ChainCatalog
) -> None:
    out = generate_firms(2000, 1, ZONES, catalog, tmp_path / "firms.csv")
    rows = rows_of(out)
    assert rows[0] == list(HEADER)
    data = rows[1:]
    assert len(data) == 2000
    assert all(r[0].startswith(MARKER) for r in data)
    codes = [r[1] for r in data]
    assert all(is_valid_uscc(c) and c.startswith("9141") for c in codes)
    assert len(set(codes)) == len(codes)
    note = tmp_path / "firms.csv.SAMPLE.txt"
    assert "SYNTHETIC" in note.read_text(encoding="utf-8")


def test_distribution_is_skewed_with_a_few_chain_leaders(tmp_path: Path, catalog: ChainCatalog) -> None:
    data = rows_of(generate_firms(4000, 5, ZONES, catalog, tmp_path / "firms.csv"))[1:]
    per_zone = Counter(r[2] for r in data).most_common()
    assert per_zone[0][1] > 2 * per_zone[-1][1]
    leaders = sum(r[7] == "是" for r in data)
    assert 100 < leaders < 320  # about 5% of 4,000
    revenues = sorted(float(r[6]) for r in data)
    assert revenues[0] >= 0 and revenues[-1] > 10 * revenues[len(revenues) // 2]


def test_gb18030_variant_decodes_and_is_not_utf8(tmp_path: Path, catalog: ChainCatalog) -> None:
    out = generate_firms(50, 3, ZONES, catalog, tmp_path / "gbk.csv", encoding="gb18030")
    raw = out.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    rows = rows_of(out, encoding="gb18030")
    assert rows[0] == list(HEADER) and len(rows) == 51 and all(r[0].startswith(MARKER) for r in rows[1:])


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_generated_file_reads_back_with_no_problems(
    tmp_path: Path, catalog: ChainCatalog, gazetteer: Gazetteer, encoding: str
) -> None:
    out = generate_firms(1500, 11, ZONES, catalog, tmp_path / "firms.csv", encoding=encoding)
    known = {name: f"zone:{name}" for name, _ in ZONES}
    result = read_firms(out, known.get, gazetteer, catalog)
    assert result.problems == []
    assert len(result.rows) == 1500
    assert {r.zone_key for r in result.rows} <= set(known.values())
    assert all(r.segments for r in result.rows if r.products or r.industry_code)


def test_zero_rows_is_a_header_only_file(tmp_path: Path, catalog: ChainCatalog) -> None:
    assert rows_of(generate_firms(0, 1, ZONES, catalog, tmp_path / "none.csv")) == [list(HEADER)]

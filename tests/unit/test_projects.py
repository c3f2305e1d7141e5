"""Project registries: checked rows with every problem named, graph rows, and the sample generator."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest

from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType
from clusterkg.loaders.chains import ChainCatalog, load_chains
from clusterkg.loaders.projects import ProjectRow, project_batch, read_projects
from clusterkg.loaders.sample_firms import MARKER, PROJECT_HEADER, generate_firms, projects_path
from clusterkg.loaders.uscc import is_valid_uscc, make_uscc

ZONES = {"鹤壁宝山循环经济产业集聚区": "鹤壁宝山循环经济产业集聚区", "长葛市产业集聚区": "长葛市产业集聚区"}
SPONSOR = make_uscc("91410600MA0000001")
ABSENT = make_uscc("91410600MA0000002")


@pytest.fixture(scope="module")
def catalog() -> ChainCatalog:
    return load_chains()


def in_graph(keys: Sequence[str]) -> set[str]:
    return {k for k in keys if k == SPONSOR}


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="gb18030", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_project_rows_link_zone_sponsor_and_segments(tmp_path: Path, catalog: ChainCatalog) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [
            list(PROJECT_HEADER),
            ["年产10万吨原镁项目", "鹤壁宝山循环经济产业集聚区", SPONSOR, "C3217", "镁锭", "12.5"],
            ["长葛 再生铝项目", "长葛市产业集聚区", "", "", "", ""],
        ],
    )
    result = read_projects(path, ZONES.get, in_graph, catalog)
    assert result.problems == []
    assert result.rows == [
        ProjectRow(
            2,
            "年产10万吨原镁项目",
            "年产10万吨原镁项目",
            "鹤壁宝山循环经济产业集聚区",
            SPONSOR,
            "3217",
            "镁锭",
            12.5,
            (("magnesium/primary-magnesium", "industry_code:3217"),),
        ),
        ProjectRow(
            3,
            "长葛再生铝项目",
            "长葛 再生铝项目",
            "长葛市产业集聚区",
            None,
            None,
            "",
            None,
            tuple((s.node_key, f"keyword:{kw}") for s, kw in catalog.segments_for_text("长葛 再生铝项目 ")),
        ),
    ]
    assert result.rows[1].segments, "再生铝 places the second project in a segment"


def test_every_problem_is_named_with_its_row_and_nothing_is_kept(tmp_path: Path, catalog: ChainCatalog) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [
            list(PROJECT_HEADER),
            ["甲项目", "某某园区", "", "", "", ""],
            ["乙项目", "长葛市产业集聚区", SPONSOR[:-1] + ("0" if SPONSOR[-1] != "0" else "1"), "", "", ""],
            ["丙项目", "长葛市产业集聚区", ABSENT, "", "", ""],
            ["丁项目", "长葛市产业集聚区", "", "39X2", "", "-3"],
            ["戊项目", "长葛市产业集聚区", "", "", "=cmd|' /C calc'!A0", ""],
            ["己项目", "长葛市产业集聚区", "", "", "", ""],
            ["己 项目", "长葛市产业集聚区", "", "", "", ""],
        ],
    )
    result = read_projects(path, ZONES.get, in_graph, catalog)
    assert [(p.row, p.column) for p in result.problems] == [
        (2, "zone"),
        (3, "sponsor"),
        (4, "sponsor"),
        (5, "industry_code"),
        (5, "investment"),
        (6, "content"),
        (8, "name"),
    ]
    assert "no firm with USCC" in result.problems[2].reason
    assert result.problems[-1].reason == "duplicate of row 7 (己项目)"
    assert [r.key for r in result.rows] == ["己项目"]
    assert sorted(result.rejected) == [2, 3, 4, 5, 6, 8]


def test_project_batch_has_the_project_and_its_links() -> None:
    row = ProjectRow(
        2,
        "镁项目",
        "镁项目",
        "鹤壁宝山循环经济产业集聚区",
        SPONSOR,
        "3240",
        "",
        3.0,
        (("magnesium/alloys", "industry_code:3240"),),
    )
    assert project_batch([row]) == GraphBatch(
        (
            NodeRow(
                Label.PROJECT,
                "镁项目",
                "镁项目",
                props={"industry_code": "3240", "content": "", "investment_yi": 3.0, "source": "registry"},
                search_text="镁项目 meixiangmu mxm",
            ),
        ),
        (
            RelRow(RelType.SITED_IN, Label.PROJECT, "镁项目", Label.ZONE, "鹤壁宝山循环经济产业集聚区"),
            RelRow(RelType.RUN_BY, Label.PROJECT, "镁项目", Label.ENTERPRISE, SPONSOR),
            RelRow(
                RelType.BUILDS,
                Label.PROJECT,
                "镁项目",
                Label.CHAIN_SEGMENT,
                "magnesium/alloys",
                props={"rule": "industry_code:3240"},
            ),
        ),
    )


def test_generator_writes_exactly_the_projects_asked_sponsored_by_its_firms(
    tmp_path: Path, catalog: ChainCatalog
) -> None:
    zones = [("长葛市产业集聚区", "411082"), ("鹤壁宝山循环经济产业集聚区", None)]
    firms = generate_firms(500, 9, zones, catalog, tmp_path / "f.csv", projects=37)
    plain = generate_firms(500, 9, zones, catalog, tmp_path / "g.csv")
    assert firms.read_bytes() == plain.read_bytes(), "asking for projects leaves the firm file as it was"
    with firms.open(encoding="utf-8-sig", newline="") as handle:
        firm_rows = {r[1]: r for r in list(csv.reader(handle))[1:]}
    with projects_path(firms).open(encoding="utf-8-sig", newline="") as handle:
        header, *projects = list(csv.reader(handle))
    assert tuple(header) == PROJECT_HEADER
    assert len(projects) == 37 and len({p[0] for p in projects}) == 37
    for name, zone, sponsor, *_ in projects:
        assert name.startswith(MARKER)
        assert is_valid_uscc(sponsor) and firm_rows[sponsor][2] == zone
    read_back = read_projects(projects_path(firms), {z: z for z, _ in zones}.get, lambda keys: set(keys), catalog)
    assert read_back.problems == [] and len(read_back.rows) == 37


def test_project_count_beyond_the_firms_is_refused(tmp_path: Path, catalog: ChainCatalog) -> None:
    from clusterkg.errors import InputError

    with pytest.raises(InputError, match="projects must be between 0 and the number of firms"):
        generate_firms(10, 1, [("长葛市产业集聚区", "411082")], catalog, tmp_path / "f.csv", projects=11)

"""The national gazetteer: current divisions, former names and codes, mentions in running text."""

from __future__ import annotations

import csv
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.loaders.places import PACKAGED, Division, NationalGazetteer

HENAN = files("clusterkg.loaders") / "data" / "henan-2015" / "divisions.csv"


@pytest.fixture(scope="module")
def g() -> NationalGazetteer:
    return NationalGazetteer.load()


def codes(divisions: list[Division]) -> list[str]:
    return [d.code for d in divisions]


def test_table_holds_every_level_of_every_province(g: NationalGazetteer) -> None:
    levels = Counter(d.level for d in g.divisions)
    assert levels == {"province": 34, "city": 333, "county": 2847}


def test_former_county_code_and_name_give_the_county_level_city(g: NationalGazetteer) -> None:
    changyuan = g.by_code("410728")
    assert changyuan is not None
    assert (changyuan.code, changyuan.name, changyuan.kind, changyuan.parent_code) == (
        "410783",
        "长垣市",
        "county_city",
        "410700",
    )
    assert changyuan.former == ("长垣县", "410728")
    assert codes(g.resolve("长垣县")) == ["410783"]
    assert codes(g.resolve("长垣")) == ["410783"]


def test_autonomous_county_resolves_by_stem_with_its_prefecture(g: NationalGazetteer) -> None:
    assert g.resolve("宽甸") == [
        Division("210624", "宽甸满族自治县", "宽甸", "county", "autonomous_county", "210600", "210000")
    ]
    dandong = g.by_code("210600")
    assert dandong is not None and (dandong.name, dandong.level, dandong.kind) == ("丹东市", "city", "prefecture_city")
    assert codes(g.resolve("宽甸县")) == ["210624"]


def test_dandong_counties_resolve_to_their_codes(g: NationalGazetteer) -> None:
    assert codes(g.resolve("东港", province="210000")) == ["210681", "371102"]
    assert codes(g.resolve("凤城")) == ["210682"]
    assert codes(g.resolve("振安区")) == ["210604"]
    assert [d.name for d in g.children("210600")] == [
        "元宝区",
        "振兴区",
        "振安区",
        "宽甸满族自治县",
        "东港市",
        "凤城市",
    ]


def test_enshi_stem_names_the_prefecture_and_its_full_name_the_city(g: NationalGazetteer) -> None:
    assert codes(g.resolve("恩施")) == ["422800", "422801"]
    assert codes(g.resolve("恩施市")) == ["422801"]
    assert codes(g.resolve("恩施州")) == ["422800"]
    enshi = g.by_code("422800")
    assert enshi is not None and (enshi.short, enshi.kind, enshi.parent_code) == (
        "恩施",
        "autonomous_prefecture",
        "420000",
    )


@pytest.mark.parametrize(
    ("stem", "code"), [("仙桃", "429004"), ("天门", "429006"), ("潜江", "429005"), ("济源", "419001")]
)
def test_province_administered_units_have_the_province_as_parent(g: NationalGazetteer, stem: str, code: str) -> None:
    (unit,) = g.resolve(stem)
    assert (unit.code, unit.level, unit.kind) == (code, "county", "county_city")
    assert unit.parent_code == unit.province_code == code[:2] + "0000"
    assert unit in g.children(unit.province_code)


def test_stems_drop_suffixes_and_minority_names(g: NationalGazetteer) -> None:
    stems = {code: g.by_code(code) for code in ("150000", "450000", "650000", "429021", "520203", "350405", "654024")}
    assert {c: (d.short if d else None) for c, d in stems.items()} == {
        "150000": "内蒙古",
        "450000": "广西",
        "650000": "新疆",
        "429021": "神农架",
        "520203": "六枝",
        "350405": "沙县",
        "654024": "巩留",
    }
    zhaoxian = g.by_code("130133")  # 赵县: a two-character name keeps itself
    assert zhaoxian is not None and zhaoxian.short == "赵县"


def test_former_prefecture_maps_to_every_successor(g: NationalGazetteer) -> None:
    assert codes(g.successors("371200")) == ["370116", "370117"]
    assert codes(g.resolve("莱芜市")) == ["370116", "370117"]
    assert [d.name for d in g.resolve("巢湖")] == ["巢湖市"]
    assert g.by_code("341400") == g.by_code("340181")


def test_municipal_counties_that_became_districts_resolve(g: NationalGazetteer) -> None:
    assert [
        (code, d.name if (d := g.by_code(code)) else None) for code in ("110228", "110229", "310230", "110103")
    ] == [("110228", "密云区"), ("110229", "延庆区"), ("310230", "崇明区"), ("110103", "东城区")]


def test_luoyang_2021_changes_from_the_hand_file(g: NationalGazetteer) -> None:
    assert codes(g.resolve("吉利区")) == ["410308"]
    assert codes(g.resolve("孟津县")) == ["410308"]
    assert codes(g.resolve("偃师市")) == ["410307"]


def test_unknown_code_is_none_and_an_input_error_where_a_division_is_needed(g: NationalGazetteer) -> None:
    assert g.by_code("999999") is None
    with pytest.raises(InputError, match="no division with code '999999'"):
        g.children("999999")


def test_every_row_of_the_henan_2015_table_is_a_current_henan_division(g: NationalGazetteer) -> None:
    rows = list(csv.DictReader(HENAN.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 175
    moved: dict[str, str] = {}
    for row in rows:
        by_code = g.by_code(row["code"])
        assert by_code is not None and by_code.province_code == "410000", row
        names = [row["name"], *(a for a in row["aliases"].split("|") if a)]
        for name in names:
            assert g.resolve(name, province="410000")[0] == by_code, (row["code"], name)
        if by_code.code != row["code"]:
            moved[row["code"]] = by_code.code
    assert moved == {
        "410306": "410308",
        "410322": "410308",
        "410381": "410307",
        "410728": "410783",
        "411023": "411003",
        "411222": "411203",
        "411626": "411603",
    }


def test_henan_has_17_prefectures_and_157_county_level_units_with_jiyuan(g: NationalGazetteer) -> None:
    counties = g.counties_of_province("410000")
    kinds = Counter(d.kind for d in counties)
    print(f"Henan: {len(counties)} county-level units {dict(kinds)}")
    assert len(counties) == 157
    assert kinds == {"county": 82, "district": 54, "county_city": 21}
    prefectures = [d for d in g.children("410000") if d.level == "city"]
    assert len(prefectures) == 17
    assert [d.name for d in g.children("410000") if d.level == "county"] == ["济源市"]


def test_find_in_reads_places_of_two_provinces_in_written_text(g: NationalGazetteer) -> None:
    text = "丹东市把东港、凤城的装备制造与湖北恩施、仙桃的协作写进同一张清单，长垣县起重机械也在新乡落户。"
    found = [(text[s:e], d.code) for s, e, d in g.find_in(text)]
    assert found == [
        ("丹东市", "210600"),
        ("东港", "210681"),
        ("凤城", "210682"),
        ("湖北", "420000"),
        ("恩施", "422800"),
        ("仙桃", "429004"),
        ("长垣县", "410783"),
        ("新乡", "410700"),
    ]


def test_province_name_keeps_its_characters_from_a_city(g: NationalGazetteer) -> None:
    assert [(s, e, d.code) for s, e, d in g.find_in("河南阳光能源")] == [(0, 2, "410000")]
    assert [d.code for _, _, d in g.find_in("南阳光电")] == ["411300"]


def test_common_words_and_one_character_stems_are_not_places(g: NationalGazetteer) -> None:
    assert g.find_in("中原地区高新技术开发区合作振兴，城区面貌一新") == []
    assert g.find_in("会同有关部门整合资源，培育和龙头企业配套的集群，城市和县域经济效益最大化") == []
    assert codes(g.resolve("城区"))[:1] == ["140302"]  # resolve still answers the bare name


def test_ambiguous_stem_prefers_the_given_province_then_the_higher_level(g: NationalGazetteer) -> None:
    text = "朝阳的石化装备"
    assert [d.code for _, _, d in g.find_in(text)] == ["211300"]
    assert [d.code for _, _, d in g.find_in(text, province="110000")] == ["110105"]
    assert codes(g.resolve("朝阳区", province="220000"))[0] == "220104"


def test_ambiguous_stem_of_one_level_follows_the_other_mentions(g: NationalGazetteer) -> None:
    assert [d.code for _, _, d in g.find_in("温州苍南、龙港")] == ["330300", "330327", "330383"]
    assert [d.code for _, _, d in g.find_in("葫芦岛、龙港")] == ["211400", "211403"]


def test_guess_province_is_where_most_mentions_fall(g: NationalGazetteer) -> None:
    province = g.guess_province("郑州、洛阳、许昌和武汉的企业")
    assert province is not None and province.code == "410000"
    assert g.guess_province("没有地名的句子") is None


def test_history_row_leading_to_no_current_division_is_refused(tmp_path: Path) -> None:
    for name in ("divisions.csv", "history.csv", "stem_stoplist.txt"):
        (tmp_path / name).write_bytes((PACKAGED / name).read_bytes())
    (tmp_path / "history_manual.csv").write_text(
        "old_code,old_name,new_code,new_name,year,note\n410322,孟津县,410322,孟津县,2021,wrong\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"history_manual.csv: line 2: new_code '410322' is not a current division"):
        NationalGazetteer.load(tmp_path)


def test_a_word_ending_where_a_place_begins_names_no_place(g: NationalGazetteer) -> None:
    # 落户 + 县经济开发区: no 户县 (鄠邑区) in it; 户县 written on its own still is
    assert [d.name for _, _, d in g.find_in("项目将落户县经济开发区")] == []
    assert [d.name for _, _, d in g.find_in("原户县草堂镇")] == ["鄠邑区"]

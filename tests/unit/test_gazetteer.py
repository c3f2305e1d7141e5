"""The Henan gazetteer: the shipped data, mention resolution, find_in and file validation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from clusterkg.errors import InputError, NotFoundError
from clusterkg.graph.model import Label
from clusterkg.loaders.gazetteer import COLUMNS, Gazetteer, Place

HEADER = ",".join(COLUMNS)


@pytest.fixture(scope="module")
def henan() -> Gazetteer:
    return Gazetteer.load()


def codes(places: list[Place]) -> list[str]:
    return [p.code for p in places]


def spans(found: list[tuple[int, int, Place]]) -> list[tuple[int, int, str]]:
    return [(start, end, place.code) for start, end, place in found]


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "divisions.csv"
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


# --- the shipped data ------------------------------------------------------------------


def test_the_eighteen_city_level_units_carry_their_gb2260_codes(henan: Gazetteer) -> None:
    cities = {p.name: p.code for p in henan.places if p.level == "city"}
    assert cities == {
        "郑州市": "410100", "开封市": "410200", "洛阳市": "410300", "平顶山市": "410400",
        "安阳市": "410500", "鹤壁市": "410600", "新乡市": "410700", "焦作市": "410800",
        "濮阳市": "410900", "许昌市": "411000", "漯河市": "411100", "三门峡市": "411200",
        "南阳市": "411300", "商丘市": "411400", "信阳市": "411500", "周口市": "411600",
        "驻马店市": "411700", "济源市": "419001",
    }  # fmt: skip


def test_levels_count_henan_as_it_stood_in_2015(henan: Gazetteer) -> None:
    # 87 counties + 20 county-level cities + 济源 + 50 districts, after 开封县 became 祥符区 (2014)
    # and before 陕县 and 许昌县 became districts (2016).
    assert Counter(p.level for p in henan.places) == {"city": 18, "county": 87, "county_city": 20, "district": 50}


def test_zhengzhou_has_its_six_districts_one_county_and_five_county_cities(henan: Gazetteer) -> None:
    under = {p.name: (p.code, p.level) for p in henan.places if p.parent_code == "410100"}
    assert under == {
        "中原区": ("410102", "district"), "二七区": ("410103", "district"),
        "管城回族区": ("410104", "district"), "金水区": ("410105", "district"),
        "上街区": ("410106", "district"), "惠济区": ("410108", "district"),
        "中牟县": ("410122", "county"), "巩义市": ("410181", "county_city"),
        "荥阳市": ("410182", "county_city"), "新密市": ("410183", "county_city"),
        "新郑市": ("410184", "county_city"), "登封市": ("410185", "county_city"),
    }  # fmt: skip


def test_kaifeng_has_xiangfu_district_not_the_former_kaifeng_county(henan: Gazetteer) -> None:
    under = {p.name: p.code for p in henan.places if p.parent_code == "410200"}
    assert under == {
        "龙亭区": "410202", "顺河回族区": "410203", "鼓楼区": "410204", "禹王台区": "410205",
        "祥符区": "410212", "杞县": "410221", "通许县": "410222", "尉氏县": "410223", "兰考县": "410225",
    }  # fmt: skip
    assert henan.by_code("410212").aliases == ("开封县",)


def test_direct_admin_marks_exactly_the_ten_pilot_counties(henan: Gazetteer) -> None:
    marked = {p.name for p in henan.places if p.direct_admin}
    assert marked == {"巩义市", "兰考县", "汝州市", "滑县", "长垣县", "邓州市", "永城市", "固始县", "鹿邑县", "新蔡县"}


def test_no_short_name_is_a_single_character(henan: Gazetteer) -> None:
    one_char_stems = {p.name: p.short for p in henan.places if len(p.name) == 2}
    assert one_char_stems == {
        n: n
        for n in (
            "杞县",
            "嵩县",
            "叶县",
            "郏县",
            "滑县",
            "浚县",
            "淇县",
            "温县",
            "范县",
            "陕县",
            "睢县",
            "新县",
            "息县",
        )
    }
    assert min(len(p.short) for p in henan.places) == 2


def test_only_cities_share_a_short_name_with_their_namesake_county(henan: Gazetteer) -> None:
    shared = Counter(p.short for p in henan.places)
    repeats = {short: sorted(p.code for p in henan.places if p.short == short) for short, n in shared.items() if n > 1}
    assert repeats == {
        "安阳": ["410500", "410522"],
        "新乡": ["410700", "410721"],
        "濮阳": ["410900", "410928"],
        "许昌": ["411000", "411023"],
    }


def test_the_abbreviation_table_holds_only_unambiguous_city_characters(henan: Gazetteer) -> None:
    table = {char: city.name for char, city in henan.abbreviations.items()}
    assert table == {
        "郑": "郑州市", "汴": "开封市", "洛": "洛阳市", "安": "安阳市", "鹤": "鹤壁市",
        "新": "新乡市", "焦": "焦作市", "濮": "濮阳市", "许": "许昌市", "漯": "漯河市",
        "宛": "南阳市", "商": "商丘市", "信": "信阳市", "周": "周口市", "驻": "驻马店市",
    }  # fmt: skip


# --- lookups ---------------------------------------------------------------------------


def test_changge_is_a_county_city_under_xuchang(henan: Gazetteer) -> None:
    changge = henan.by_code("411082")
    assert (changge.name, changge.short, changge.level, changge.parent_code) == (
        "长葛市",
        "长葛",
        "county_city",
        "411000",
    )
    assert henan.parent(changge) == henan.by_code("411000")


def test_city_of_a_district_is_its_prefecture_and_a_city_is_its_own(henan: Gazetteer) -> None:
    assert henan.city_of(henan.by_code("410105")).name == "郑州市"
    assert henan.city_of(henan.by_code("419001")).code == "419001"
    assert henan.parent(henan.by_code("410100")) is None


def test_label_is_city_for_city_level_units_and_county_below(henan: Gazetteer) -> None:
    assert [henan.by_code(c).label for c in ("419001", "410105", "411082", "410122")] == [
        Label.CITY, Label.COUNTY, Label.COUNTY, Label.COUNTY,
    ]  # fmt: skip


def test_unknown_code_raises_not_found_naming_the_code(henan: Gazetteer) -> None:
    with pytest.raises(NotFoundError, match="410199"):
        henan.by_code("410199")


# --- resolve ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("长葛市", ["411082"]),
        ("长葛", ["411082"]),
        ("洛阳", ["410300"]),
        ("长垣市", ["410728"]),  # the 2019 name of 长垣县
        ("开封县", ["410212"]),
        ("安阳", ["410500"]),  # the city, not 安阳县
        ("安阳县", ["410522"]),
        ("新（乡）长（垣）", ["410700", "410728"]),
        ("郑(州)新(乡)", ["410100", "410700"]),
        ("郑汴", ["410100", "410200"]),
        ("洛阳、焦作、三门峡", ["410300", "410800", "411200"]),
        ("许昌长葛", ["411082"]),  # a city then its own county names the county
        ("郑州市中原区", ["410102"]),
        ("洛阳焦作", ["410300", "410800"]),
        (" 叶　县 ", ["410422"]),
    ],
)
def test_resolve_turns_a_mention_into_places(henan: Gazetteer, mention: str, expected: list[str]) -> None:
    assert codes(henan.resolve(mention)) == expected


@pytest.mark.parametrize("mention", ["", "伊滨区", "郑州航空港区", "平新", "新", "洛阳、伊滨", "新(乡)伊(滨)", "郑伊"])
def test_resolve_returns_nothing_for_unknown_or_partly_unknown_mentions(henan: Gazetteer, mention: str) -> None:
    assert henan.resolve(mention) == []


def test_resolve_prefers_the_place_under_within_when_a_name_repeats(tmp_path: Path) -> None:
    g = Gazetteer.load(
        write(
            tmp_path,
            "410100,甲市,甲,city,,,0,1",
            "410200,乙市,乙,city,,,0,1",
            "410102,城关区,城关,district,410100,,0,0",
            "410202,城关区,城关,district,410200,,0,0",
        )
    )
    assert codes(g.resolve("城关区")) == ["410102", "410202"]
    assert codes(g.resolve("城关", within=g.by_code("410200"))) == ["410202"]
    assert codes(g.resolve("城关区", within=g.by_code("410102"))) == ["410102"]


# --- find_in ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("长葛市产业集聚区", [(0, 3, "411082")]),
        ("宜阳县产业集聚区", [(0, 3, "410327")]),
        ("洛阳伊滨产业集聚区", [(0, 2, "410300")]),
        ("洛阳市洛新产业集聚区", [(0, 3, "410300")]),
        ("新县产业集聚区", [(0, 2, "411523")]),
        ("安阳县产业集聚区", [(0, 3, "410522")]),
        ("潢川经济技术产业集聚区", [(0, 2, "411526")]),
        ("郑州家具产业园(登封)", [(0, 2, "410100"), (8, 10, "410185")]),
        ("许昌长葛大周国家城市矿产示范基地", [(0, 2, "411000"), (2, 4, "411082")]),
        ("商丘睢阳区产业集聚区", [(0, 2, "411400"), (2, 5, "411403")]),
        # a district's bare short name counts right after its own city
        ("信阳平桥产业集聚区", [(0, 2, "411500"), (2, 4, "411503")]),
        ("郑州上街装备制造产业集聚区", [(0, 2, "410100"), (2, 4, "410106")]),
        ("郑州市中原区", [(0, 3, "410100"), (3, 6, "410102")]),
    ],
)
def test_find_in_locates_places_in_zone_names(
    henan: Gazetteer, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert spans(henan.find_in(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中原电气谷核心区",  # 中原 is the region, not 中原区
        "平新产业集聚区",  # 平 alone is not 平顶山
        "郑汴整车及零部件产业集群",  # one-character abbreviations never match inside text
        "河南阳光油脂产业园",  # 河南 does not lend 南 to 南阳
    ],
)
def test_find_in_ignores_generic_words_and_single_characters(henan: Gazetteer, text: str) -> None:
    assert henan.find_in(text) == []


def test_find_in_takes_a_common_word_short_only_after_its_own_city(henan: Gazetteer) -> None:
    assert spans(henan.find_in("信阳商城产业园")) == [(0, 2, "411500"), (2, 4, "411524")]
    assert spans(henan.find_in("郑州商城产业园")) == [(0, 2, "410100")]
    assert spans(henan.find_in("商城产业园")) == []


# --- validation ------------------------------------------------------------------------

GOOD_CITY = "410100,郑州市,郑州,city,,,0,1"


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ((GOOD_CITY, "41010,中原区,中原,district,410100,,0,0"), r"row 3: code '41010' is not 6 digits"),
        ((GOOD_CITY, "410102,中原区,中原,district,410900,,0,0"), r"row 3: unknown parent_code 410900"),
        ((GOOD_CITY, "410102,中原区,中原,district,410100,,0,0", "410102,二七区,二七,district,410100,,0,0"),
         r"row 4: duplicate code 410102 \(first on row 3\)"),
        ((GOOD_CITY, "410102,中原区,中原,borough,410100,,0,0"), r"row 3: level 'borough' is not one of"),
        ((GOOD_CITY, "410102,中原区,中原,district,,,0,0"), r"row 3: a district needs a parent_code"),
        ((GOOD_CITY, "410202,中原区,中原,district,410100,,0,0"), r"row 3: code 410202 does not lie under parent 410100"),
        ((GOOD_CITY, "410102,中原区,原区,district,410100,,0,0"), r"row 3: short name '原区' does not begin the name"),
        ((GOOD_CITY, "410102,中原区,中原,district,410100,,yes,0"), r"row 3: direct_admin must be 0 or 1"),
        ((GOOD_CITY, "410102,中原区,中原,district,410100,,0"), r"row 3: 7 cells, the header has 8"),
    ],
)  # fmt: skip
def test_load_rejects_a_bad_row_naming_file_row_and_reason(tmp_path: Path, rows: tuple[str, ...], reason: str) -> None:
    path = write(tmp_path, *rows)
    with pytest.raises(InputError, match=reason) as caught:
        Gazetteer.load(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_load_rejects_a_file_missing_a_column(tmp_path: Path) -> None:
    path = write(tmp_path, "410100,郑州市,郑州,city,,,0", header=HEADER.removesuffix(",match_short"))
    with pytest.raises(InputError, match=r"divisions\.csv: missing column\(s\) match_short"):
        Gazetteer.load(path)


def test_load_rejects_an_abbreviation_for_a_code_that_is_not_a_city(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_CITY, "410102,中原区,中原,district,410100,,0,0")
    abbr = tmp_path / "abbr.csv"
    abbr.write_text("abbr,code,name\n郑,410100,郑州市\n原,410102,中原区\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"abbr\.csv: row 3: code '410102' is not a city"):
        Gazetteer.load(path, abbreviations=abbr)


def test_a_caller_file_without_an_abbreviation_table_resolves_no_abbreviations(tmp_path: Path) -> None:
    g = Gazetteer.load(write(tmp_path, GOOD_CITY, "410200,开封市,开封,city,,,0,1"))
    assert g.resolve("郑州") == [g.by_code("410100")]
    assert g.resolve("郑汴") == []

from clusterkg.text import clean_text, normalise_name


def test_stray_full_width_spaces_inside_a_table_cell_are_removed() -> None:
    assert normalise_name("郑州航空港区智能终　　端（手机）产业集群") == "郑州航空港区智能终端(手机)产业集群"


def test_full_width_brackets_and_quotes_become_one_form() -> None:
    assert normalise_name("许昌长葛大周国家　　“城市矿产”产业") == '许昌长葛大周国家"城市矿产"产业'
    assert normalise_name("新（乡）长（垣）") == normalise_name("新(乡)长(垣)") == "新(乡)长(垣)"


def test_running_text_keeps_single_spaces() -> None:
    assert clean_text("  a\u3000\u3000b \n c ") == "a b c"

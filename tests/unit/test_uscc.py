"""The GB 32100-2015 check of 统一社会信用代码: published codes pass, each broken rule is named."""

from __future__ import annotations

import pytest

from clusterkg.loaders.uscc import CHARSET, is_valid_uscc, make_uscc, uscc_problem

# A code widely used as the worked example of the standard, and Huawei Technologies' code
# as printed on its business licence.
PUBLISHED = ("91350100M000100Y43", "91440300708461136T")


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_are_valid(code: str) -> None:
    assert uscc_problem(code) is None
    assert is_valid_uscc(code)


@pytest.mark.parametrize("code", PUBLISHED)
def test_make_uscc_recomputes_the_published_check_character(code: str) -> None:
    assert make_uscc(code[:17]) == code


def test_check_character_zero_is_written_as_0() -> None:
    # A body whose weighted sum is a multiple of 31 must get '0', not CHARSET[31].
    body = "0" * 17
    assert make_uscc(body) == body + "0"


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("91350100M000100Y44", "check character: expected 3, got 4"),
        ("91440300708461136X", "check character: expected T, got X"),
        ("91350100M000100Y4", "length: 17 characters, expected 18"),
        ("91350100M000100Y433", "length: 19 characters, expected 18"),
        ("", "length: 0 characters, expected 18"),
        ("91350100I000100Y43", "character at position 9: 'I' is not one of 0-9 A-H J-N P-R T-U W-Y"),
        ("9135010OM000100Y43", "character at position 8: 'O' is not one of 0-9 A-H J-N P-R T-U W-Y"),
        ("91350100M000100Y4S", "character at position 18: 'S' is not one of 0-9 A-H J-N P-R T-U W-Y"),
        ("91350100m000100Y43", "character at position 9: 'm' is not one of 0-9 A-H J-N P-R T-U W-Y"),
    ],
)
def test_each_broken_rule_is_named(code: str, problem: str) -> None:
    assert uscc_problem(code) == problem
    assert not is_valid_uscc(code)


def test_a_swap_of_two_adjacent_characters_is_caught() -> None:
    code = PUBLISHED[1]
    swapped = code[:3] + code[4] + code[3] + code[5:]
    assert swapped != code and not is_valid_uscc(swapped)


def test_charset_leaves_out_the_five_ambiguous_letters() -> None:
    assert len(CHARSET) == 31
    assert not set("IOZSV") & set(CHARSET)


@pytest.mark.parametrize("body", ["91350100M000100Y", "91350100M000100YI4", "91350100M0001O0Y4"])
def test_make_uscc_refuses_a_malformed_body(body: str) -> None:
    with pytest.raises(ValueError):
        make_uscc(body)

"""The 统一社会信用代码 (unified social credit code) check of GB 32100-2015.

A code is 18 characters over 0-9 and the capitals without I, O, Z, S and V.  The 18th
is a check character: the first 17 are weighted by 3**i mod 31 and the sum is taken
back to a character by ``(31 - sum % 31) % 31``.  Registries are full of typed codes,
so the check catches most one-character slips and transpositions before they become
duplicate firms in the graph.
"""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18
_VALUE = {ch: i for i, ch in enumerate(CHARSET)}


def _check_char(body17: str) -> str:
    total = sum(_VALUE[ch] * w for ch, w in zip(body17, WEIGHTS))
    return CHARSET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> str | None:
    """Why ``code`` is not a valid USCC, naming the rule that failed; ``None`` when it is valid.

    >>> uscc_problem("91350100M000100Y43") is None
    True
    >>> uscc_problem("91350100M000100Y44")
    'check character: expected 3, got 4'
    """
    if len(code) != LENGTH:
        return f"length: {len(code)} characters, expected {LENGTH}"
    for position, ch in enumerate(code, start=1):
        if ch not in _VALUE:
            return f"character at position {position}: {ch!r} is not one of 0-9 A-H J-N P-R T-U W-Y"
    expected = _check_char(code[:17])
    if code[17] != expected:
        return f"check character: expected {expected}, got {code[17]}"
    return None


def is_valid_uscc(code: str) -> bool:
    """True when ``code`` has 18 allowed characters and a correct check character.

    >>> is_valid_uscc("91350100M000100Y43"), is_valid_uscc("91350100M000100Y4")
    (True, False)
    """
    return uscc_problem(code) is None


def make_uscc(body17: str) -> str:
    """The full code for 17 leading characters, with the check character appended.

    >>> make_uscc("91350100M000100Y4")
    '91350100M000100Y43'
    """
    if len(body17) != LENGTH - 1:
        raise ValueError(f"a USCC body has {LENGTH - 1} characters, got {len(body17)}")
    bad = [ch for ch in body17 if ch not in _VALUE]
    if bad:
        raise ValueError(f"{bad[0]!r} is not a USCC character")
    return body17 + _check_char(body17)

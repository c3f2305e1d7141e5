"""Chinese money amounts as written in plans, converted to 亿元 (10^8 yuan)."""

from __future__ import annotations

import re

from clusterkg.errors import InputError

_UNITS = {"万亿": 10_000.0, "千亿": 1_000.0, "百亿": 100.0, "亿": 1.0, "万": 0.0001}
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|千亿|百亿|亿|万)元?")


def to_yi(amount: str) -> float:
    """Convert an amount such as ``3000亿元`` or ``1.2万亿元`` to 亿元.

    >>> to_yi("1.2万亿元"), to_yi("3000亿元")
    (12000.0, 3000.0)
    """
    m = _AMOUNT.fullmatch(amount.strip())
    if not m:
        raise InputError(f"not an amount in 亿元/万亿元: {amount!r}")
    return round(float(m.group(1)) * _UNITS[m.group(2)], 4)

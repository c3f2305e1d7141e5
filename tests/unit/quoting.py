"""Shared check: does a quoted sentence state a name?"""

UPGRADE_SUFFIXES = ("扩能改造", "技术改造", "改扩建", "搬迁改造")


def states(name: str, quoted: str) -> bool:
    """True when ``quoted`` names ``name``; "推进A、B扩能改造" states A扩能改造 with the suffix written once."""
    if name in quoted:
        return True
    return any(name.endswith(suf) and name[: -len(suf)] + "、" in quoted and suf in quoted for suf in UPGRADE_SUFFIXES)

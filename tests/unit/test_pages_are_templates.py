"""Pages come from Jinja2 templates in api/templates/, never from HTML assembled in Python.

The scan reads every string literal (f-strings included) of the modules in api/ and reports the HTML
or SVG tags it finds, so a page built with f-strings or ``.replace("<ul>", …)`` cannot come back.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

API = Path(__file__).resolve().parents[2] / "api"

# Element names of HTML and of the SVG the pages draw.
TAGS = (
    "a|abbr|article|aside|b|body|br|button|caption|circle|code|col|dd|details|div|dl|dt|em|figcaption|figure|"
    "footer|form|g|h1|h2|h3|h4|h5|h6|head|header|hr|html|i|iframe|img|input|label|li|line|link|main|meta|nav|"
    "ol|optgroup|option|p|path|polygon|polyline|pre|rect|script|section|select|small|span|strong|style|sub|"
    "summary|sup|svg|table|tbody|td|text|textarea|tfoot|th|thead|title|tr|tspan|u|ul"
)
TAG = re.compile(r"</?(?:" + TAGS + r")(?=[\s>/])", re.IGNORECASE)

# Modules allowed to write markup in Python, with the reason.  None today: the maps, charts and chain
# diagrams (SVG) render templates too (map.svg.j2, charts.svg.j2, chain.svg.j2).
ALLOWED: dict[str, str] = {}


LAYOUT = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT, tokenize.ENCODING}


def markup_in(source: str) -> list[tuple[int, str]]:
    """(line, tag) of every HTML or SVG tag written inside a string literal of ``source``; docstrings
    (a string standing alone as a statement) are prose, where ``/viz/<label>/<key>`` is a placeholder."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    found = []
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.STRING:
            continue
        alone = (i == 0 or tokens[i - 1].type in LAYOUT) and tokens[i + 1].type in (
            tokenize.NEWLINE,
            tokenize.ENDMARKER,
        )
        if not alone:
            found += [(tok.start[0], m.group(0)) for m in TAG.finditer(tok.string)]
    return found


def test_the_scan_finds_markup_built_in_python_and_not_placeholders() -> None:
    source = (
        "def row(k, v):\n"
        '    """The page of /viz/<label>/<key>."""\n'
        '    return f"<tr><th>{k}</th><td>{v}</td></tr>"\n'
        "html = body.replace('<ul>', '<ul class=\"cols\">', 1)\n"
        'x = "a < b and c > d"\n'
    )
    assert markup_in(source) == [
        (3, "<tr"),
        (3, "<th"),
        (3, "</th"),
        (3, "<td"),
        (3, "</td"),
        (3, "</tr"),
        (4, "<ul"),
        (4, "<ul"),
    ]


def test_no_module_in_api_assembles_html_in_python() -> None:
    modules = sorted(API.glob("*.py"))
    assert API / "pages.py" in modules and API / "routes_documents.py" in modules
    offenders = {p.name: markup_in(p.read_text(encoding="utf-8")) for p in modules if p.name not in ALLOWED}
    assert {name: tags for name, tags in offenders.items() if tags} == {}


def test_every_html_template_is_autoescaped() -> None:
    from clusterkg.api.map_embed import templates

    env = templates()
    names = env.list_templates(filter_func=lambda n: n.endswith((".html.j2", ".svg.j2")))
    assert {"cluster.html.j2", "enterprise.html.j2", "project.html.j2", "city.html.j2", "sector.html.j2"} <= set(names)
    assert [n for n in names if not env.autoescape(n)] == []
    page = env.get_template("_macros.html.j2").make_module({"href": lambda label, key: f"/{label}/{key}"})
    assert (
        str(page.links("Zone", [{"key": "k", "name": "<b>甲</b>"}]))
        == '<ul><li><a href="/Zone/k">&lt;b&gt;甲&lt;/b&gt;</a></li></ul>'
    )
    assert str(page.links("Zone", [])) == "<p>（无）</p>"

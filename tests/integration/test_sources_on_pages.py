"""Pages show each stated fact beside the plan's own sentence, read from the document at run time."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration
LUOYANG = "洛阳现代装备制造产业集群"


def source_rows(page: str) -> list[tuple[str, str]]:
    table = page.split('<h2 id="sources">')[1].split("</table>")[0]
    return [
        (html.unescape(what), html.unescape(quote))
        for what, quote in re.findall(r"<tr><td>([^<]+)</td><td>[^<]+</td><td>([^<]*)</td></tr>", table)
    ]


def test_a_cluster_page_quotes_the_sentences_stating_it_and_its_zones(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.model import Label
    from clusterkg.graph.provenance import node_statements

    rows = source_rows(client.get(f"/cluster/{LUOYANG}").text)
    stated = node_statements(driver, settings, Label.CLUSTER, LUOYANG)
    assert rows and rows[0][0] == "本条" and LUOYANG[:2] in rows[0][1]
    zones = [(w, q) for w, q in rows if w.startswith("承载：产业集聚区 ")]
    assert len(zones) == len({r["other_key"] for r in stated["relationships"] if r["type"] == "SERVES"}) > 0
    for what, quote in zones:
        zone = what.split(" ", 1)[1]
        assert quote and zone[:2] in quote, (zone, quote)  # the sentence names the zone it links


def test_a_zone_page_has_its_sources_too(client: TestClient) -> None:
    rows = source_rows(client.get("/zone/偃师市产业集聚区").text)
    assert rows and any(w == "本条" and "偃师" in q for w, q in rows)

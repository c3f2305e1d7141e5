"""A planner's path through the pages in headless Chromium: search, open a cluster, see its graph drawn.

Chromium may reach loopback only; every other host fails to resolve, so a page that needed the
internet would fail here the way it would on an intranet.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
LUOYANG = "洛阳现代装备制造产业集群"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(loaded_plan, settings) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uvicorn

    from clusterkg.api.app import create_app

    app = create_app(settings)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(
            f"needs {' and '.join(missing)} (apt-get install chromium chromium-driver; scripts/install-browser.sh)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="clusterkg-chromium-") as profile:
        opts = webdriver.ChromeOptions()
        opts.binary_location = str(CHROMIUM)
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ):
            opts.add_argument(arg)
        # An explicit driver path: Selenium Manager never runs, so nothing is downloaded.
        drv = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
        drv.set_page_load_timeout(30)
        try:
            yield drv
        finally:
            drv.quit()


def one_hop_node_count(driver, settings, label: str, key: str) -> int:  # type: ignore[no-untyped-def]
    """The root and its direct neighbours, provenance excluded, counted without graph.subgraph."""
    from clusterkg.graph.db import read

    rows = read(
        driver,
        settings,
        "MATCH (c {key: $key}) WHERE $label IN labels(c) "
        "OPTIONAL MATCH (c)-[r]-(m) WHERE type(r) <> 'STATED_IN' "
        "RETURN 1 + count(DISTINCT m) AS n",
        {"key": key, "label": label},
    )
    return int(rows[0]["n"])


def test_search_open_cluster_and_see_its_graph_drawn(server: str, browser, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server + "/")
    assert "河南省产业集群一览" in browser.title  # the title comes from the loaded plan's province
    box = browser.find_element(By.ID, "q")
    box.send_keys(LUOYANG)
    browser.find_element(By.ID, "search-submit").click()
    first = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#results li a")))
    assert first.text == LUOYANG
    first.click()
    wait.until(ec.title_contains(LUOYANG))
    frame = browser.find_element(By.ID, "graph")
    src = frame.get_attribute("src")
    assert src.startswith(server + "/viz/Cluster/") and src.endswith("?hops=1")

    browser.get(src)
    wait.until(
        lambda b: b.execute_script("return typeof network !== 'undefined' && network.body.data.nodes.length > 0")
    )
    drawn = browser.execute_script("return network.body.data.nodes.length")
    canvas = browser.execute_script("var c = document.querySelector('#graph canvas'); return c && [c.width, c.height]")
    expected = one_hop_node_count(driver, settings, "Cluster", LUOYANG)
    print(f"vis-network drew {drawn} nodes for {LUOYANG}; Cypher counts {expected}")
    assert drawn == expected
    assert canvas and canvas[0] > 0 and canvas[1] > 0
    # Nothing failed to load (bar the browser's own favicon request): the page needed no host but this server.
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE" and "favicon.ico" not in e["message"]]
    assert errors == []


def test_the_browser_cannot_reach_any_host_but_loopback(browser) -> None:  # type: ignore[no-untyped-def]
    # Guards the test above: if outside hosts resolved, a page fetching a CDN would pass unnoticed.
    from selenium.common.exceptions import WebDriverException

    with pytest.raises(WebDriverException, match="ERR_NAME_NOT_RESOLVED"):
        browser.get("http://example.com/")


def test_map_draws_every_county_and_a_hovered_county_opens_its_page(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from clusterkg.loaders.places import NationalGazetteer

    counties = len(NationalGazetteer.load().counties_of_province("410000"))
    wait = WebDriverWait(browser, 20)
    browser.get(server + "/map?level=county&metric=clusters")
    # map.js sets data-drawn once Leaflet has drawn every area: the signal, not a sleep.
    drawn = wait.until(lambda b: b.find_element(By.ID, "map").get_attribute("data-drawn"))
    shapes = browser.find_elements(By.CSS_SELECTOR, "#map path[data-code]")
    print(f"Leaflet drew {len(shapes)} county shapes; the gazetteer has {counties} counties in 河南")
    assert len(shapes) == int(drawn) == counties == 157
    assert len({s.get_attribute("data-code") for s in shapes}) == counties
    # A county whose own shape is under the centre of its box, so hovering and clicking there hit it.
    code, name, href = browser.execute_script("""
      for (const p of document.querySelectorAll('#map path[data-code]')) {
        const r = p.getBoundingClientRect();
        if (p.dataset.href && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === p)
          return [p.dataset.code, p.dataset.name, p.dataset.href];
      }""")
    shape = browser.find_element(By.CSS_SELECTOR, f'#map path[data-code="{code}"]')
    ActionChains(browser).move_to_element(shape).perform()
    tip = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".leaflet-tooltip")))
    assert tip.text.startswith(f"{name}：") and tip.text.endswith("个")
    shape.click()
    wait.until(ec.url_to_be(server + href))
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE" and "favicon.ico" not in e["message"]]
    assert errors == []


@pytest.fixture(scope="module")
def phone_registry(loaded_plan, driver, settings, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The gap tests' small registry of 郑州 phone firms (loaded only for the test that asks)."""
    from test_gaps import firm_rows, load_registry_file

    from clusterkg.graph.db import write

    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    path = tmp_path_factory.mktemp("browser-chain") / "firms.csv"
    path.write_text(firm_rows(), encoding="utf-8")
    load_registry_file(driver, settings, path)
    return path


def test_chain_diagram_click_on_a_segment_lists_its_firms_and_candidates(server: str, browser, phone_registry) -> None:  # type: ignore[no-untyped-def]
    from urllib.parse import quote

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from test_gaps import PHONES

    wait = WebDriverWait(browser, 20)
    browser.get(f"{server}/cluster/{quote(PHONES, safe='')}/chain")
    assert PHONES in browser.title
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chain-diagram g.segment")) == 10
    browser.find_element(By.CSS_SELECTOR, 'g.segment[data-key="smart-terminal/assembly"] rect').click()
    rows = wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#local-firms tr[data-key] td:first-child"))
    assert [r.text for r in rows] == ["甲整机有限公司（链主）", "乙整机有限公司"]
    # A 缺链 segment: no local firm, and its candidates elsewhere fetched from the API, leader first.
    browser.find_element(By.CSS_SELECTOR, 'g.segment[data-key="smart-terminal/pcb"] rect').click()
    local = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "p#local-firms"))
    assert local.text == "本地没有该环节的企业。"
    found = wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#candidates tr[data-key] td:first-child"))
    assert [r.text for r in found] == ["己线路板有限公司（链主）", "庚线路板有限公司", "辛线路板有限公司"]
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE" and "favicon.ico" not in e["message"]]
    assert errors == []

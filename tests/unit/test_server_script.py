"""graph.server finds the local server's script from one setting or the installed checkout,
and says where it looked when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterkg.errors import ConfigError
from clusterkg.graph.server import ServerScriptNotFound, installed_checkout, server_script
from clusterkg.settings import Settings

CHECKOUT = Path(__file__).resolve().parents[2]


def _settings(monkeypatch: pytest.MonkeyPatch, script: Path | None) -> Settings:
    if script is None:
        monkeypatch.delenv("CLUSTERKG_NEO4J_SCRIPT", raising=False)
    else:
        monkeypatch.setenv("CLUSTERKG_NEO4J_SCRIPT", str(script))
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_the_installed_checkout_is_this_one() -> None:
    # make setup installs the checkout in editable mode; pip records the folder.
    assert installed_checkout() == CHECKOUT


def test_without_the_setting_the_script_of_the_installed_checkout_runs_the_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert server_script(_settings(monkeypatch, None)) == CHECKOUT / "scripts" / "neo4j.sh"


def test_the_setting_names_the_script(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = tmp_path / "my-neo4j.sh"
    script.write_text("#!/usr/bin/env bash\n", encoding="utf-8")
    assert server_script(_settings(monkeypatch, script), checkout=CHECKOUT) == script


def test_a_setting_naming_no_file_is_refused_with_its_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "neo4j.sh"
    with pytest.raises(ServerScriptNotFound) as exc:
        server_script(_settings(monkeypatch, missing), checkout=CHECKOUT)
    assert str(exc.value) == (
        f"找不到本地 Neo4j 服务器脚本：CLUSTERKG_NEO4J_SCRIPT={missing} 不是文件"
        "（应指向 clusterkg 检出目录中的 scripts/neo4j.sh）"
    )


def test_a_checkout_without_the_script_names_the_path_looked_at(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError) as exc:
        server_script(_settings(monkeypatch, None), checkout=tmp_path)
    assert str(exc.value) == (
        f"找不到本地 Neo4j 服务器脚本 scripts/neo4j.sh：CLUSTERKG_NEO4J_SCRIPT 未设置，"
        f"{tmp_path / 'scripts' / 'neo4j.sh'}（安装 clusterkg 的检出目录）不存在；"
        "请把 CLUSTERKG_NEO4J_SCRIPT 设为该脚本的路径"
    )


def test_an_install_that_recorded_no_checkout_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ServerScriptNotFound, match=r"已安装的 clusterkg 没有记录其检出目录（direct_url.json）"):
        server_script(_settings(monkeypatch, None), checkout=None)
    assert installed_checkout("no-such-distribution-clusterkg") is None

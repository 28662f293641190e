"""Shared fixtures: every cache and data directory in a temp dir, the fake embedder by default, built indexes."""

from __future__ import annotations

import dataclasses

import pytest

from core.schema import Chunk
from core.settings import Settings, get_settings

_ISOLATED = ("HOME", "XDG_CACHE_HOME", "GAZETTE_DATA_DIR")
_CLEARED = ("CHROMA_HOST", "CHROMA_PORT", "GAZETTE_CORPUS_DIR", "LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY")


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory):
    """Session-wide fixtures (built indexes) run before per-test ones: give them a temp home too."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("XDG_CACHE_HOME", str(home / ".cache"))
        mp.setenv("GAZETTE_DATA_DIR", str(home / "data"))
        mp.setenv("HF_HUB_OFFLINE", "1")
        for name in _CLEARED:
            mp.delenv(name, raising=False)
        yield


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """HOME, XDG_CACHE_HOME and GAZETTE_DATA_DIR under tmp_path; fake embedder; no Chroma server, no LLM."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("GAZETTE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GAZETTE_EMBEDDER", "fake")
    for name in _CLEARED:
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture
def settings(isolated_env) -> Settings:
    """Settings read from the isolated environment (fake embedder, data under tmp_path)."""
    return Settings.from_env()


def _settings_for(tmp_path_factory, name: str, embedder: str) -> Settings:
    base = Settings.from_env()
    return dataclasses.replace(
        base, data_dir=tmp_path_factory.mktemp(name), embedder=embedder, chroma_host=None
    )


@pytest.fixture(scope="session")
def fake_index_settings(tmp_path_factory) -> Settings:
    """The real corpus indexed once per session with the fake embedder (pass these settings to load_index)."""
    from ingest.index import build_index

    s = _settings_for(tmp_path_factory, "fake-index", "fake")
    build_index(s, progress=False, log=lambda _msg: None)
    return s


@pytest.fixture(scope="session")
def fake_index(fake_index_settings):
    from retrieval.index import load_index

    return load_index(fake_index_settings)


@pytest.fixture(scope="session")
def use_index(tmp_path_factory):
    """The real corpus indexed once per session with the real default embedder (integration tier)."""
    from ingest.index import build_index
    from retrieval.index import load_index

    s = _settings_for(tmp_path_factory, "use-index", "use")
    build_index(s, progress=False, log=lambda _msg: None)
    return load_index(s)


@pytest.fixture
def sample_chunks() -> list[Chunk]:
    """A few hand-written chunks from three documents, for tests that need no corpus."""
    title_meal = "关于印发《北京市西城区养老助餐服务实施细则（试行）》的通知"
    title_pv = "北京市西城区发展和改革委员会关于印发《西城区促进绿色低碳高质量发展若干措施》的通知"
    title_school = "北京市西城区教育委员会关于西城区2024年义务教育阶段入学工作的实施意见"
    return [
        Chunk("西民发〔2024〕1号/第五章/第二十一条", "西民发〔2024〕1号", ("第五章",), "第二十一条",
              "第二十一条 对基本养老服务对象就餐给予补贴，每人每餐补贴3元。", "clause", title_meal),
        Chunk("西民发〔2024〕1号/第五章/第二十二条", "西民发〔2024〕1号", ("第五章",), "第二十二条",
              "第二十二条 养老助餐服务单位运营补贴按照实际服务人次给予。", "clause", title_meal),
        Chunk("西发改文〔2024〕82号/第五条/1", "西发改文〔2024〕82号", ("第五条",), "第五条 第1项",
              "1.新建并网分布式光伏项目，按照并网装机容量给予每千瓦1200元的一次性奖励。", "item", title_pv),
        Chunk("西教发〔2024〕7号/三/1", "西教发〔2024〕7号", ("三、入学方式",), None,
              "适龄儿童于2024年8月31日前年满6周岁，应当接受义务教育。", "paragraph", title_school),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def api_server(fake_index_settings, tmp_path_factory):
    """The HTTP API (uvicorn, one worker) on a free loopback port over the fake index, key required, no rate
    limit (tests/serving.py)."""
    from serving import API_KEY, api_env, run_api

    home = tmp_path_factory.mktemp("api-home")
    env = api_env(fake_index_settings.data_dir, home, {"GAZETTE_API_KEY": API_KEY, "GAZETTE_RATE_LIMIT": "0"})
    with run_api(env, home / "server.log") as server:
        yield server

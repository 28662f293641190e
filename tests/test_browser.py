"""What a person sees: `streamlit run app.py` in headless Debian chromium, driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SCREENSHOT = ROOT / "assistant" / "ui" / "static" / "screenshot.png"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, deadline_s: float = 60) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"streamlit not healthy at {url} after {deadline_s}s")


@pytest.fixture(scope="module")
def sync_playwright():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium fonts-wqy-microhei)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    return sync_playwright


@pytest.fixture(scope="module")
def index_settings(request):
    """The real default embedder when refreshing the screenshot (realistic answers), else the fake one."""
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        return request.getfixturevalue("use_index").settings
    return request.getfixturevalue("fake_index_settings")


@pytest.fixture(scope="module")
def server(index_settings, sync_playwright, tmp_path_factory):
    """`streamlit run app.py` on a free local port; yields (url, seconds from start to healthy)."""
    home = tmp_path_factory.mktemp("streamlit-home")
    port = _free_port()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "GAZETTE_DATA_DIR": str(index_settings.data_dir),
        "GAZETTE_EMBEDDER": index_settings.embedder,
        "HF_HUB_OFFLINE": "1",
    }
    for name in ("LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY", "CHROMA_HOST", "CHROMA_PORT"):
        env.pop(name, None)
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    log = open(home / "streamlit.log", "w")  # noqa: SIM115 (closed below)
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc)
        yield url, started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_chat_answers_with_citation_and_screenshot(server, sync_playwright, tmp_path):
    from playwright.sync_api import expect

    url, started = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(url)
            chat = page.get_by_test_id("stChatInputTextArea")
            expect(chat).to_be_visible(timeout=TIMEOUT_MS)
            ready_s = time.monotonic() - started
            print(f"\nstreamlit start → chat input visible: {ready_s:.1f} s")

            chat.fill("西民发〔2024〕1号第二十一条")
            chat.press("Enter")
            expect(page.get_by_text("每人每天可享受 5 元").first).to_be_visible(timeout=TIMEOUT_MS)
            expander = page.get_by_test_id("stExpander").filter(has_text="第二十一条").last
            expander.get_by_text("西民发〔2024〕1号").first.click()
            expect(expander.get_by_text("文号：西民发〔2024〕1号")).to_be_visible(timeout=TIMEOUT_MS)

            chat.fill("光伏装机500千瓦能拿多少？")
            chat.press("Enter")
            metric = page.get_by_test_id("stMetricValue").last
            expect(metric).to_have_text("60万元", timeout=TIMEOUT_MS)
            calc_cite = page.get_by_test_id("stExpander").filter(has_text="第五条 第1项").last
            calc_cite.get_by_text("第五条 第1项").first.click()
            expect(calc_cite.get_by_text("单个项目奖励不超过").first).to_be_visible(timeout=TIMEOUT_MS)
            page.wait_for_load_state("networkidle")
            calc_cite.scroll_into_view_if_needed()

            shot = tmp_path / "chat.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            if os.environ.get("UPDATE_SCREENSHOT") == "1":
                SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(shot, SCREENSHOT)
        finally:
            browser.close()

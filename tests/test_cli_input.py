"""Command-line input as people and scripts give it: questions starting with "-", bytes that are not UTF-8."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import positional_safe, stdin_lines

ROOT = Path(__file__).resolve().parent.parent
ASK_OPTIONS = ("ask", "-h", "--help", "--json", "--jsonl", "--chat")


@pytest.mark.parametrize(
    ("argv", "want"),
    [
        (["ask", "-500千瓦能拿多少", "--json"], ["ask", "--json", "--", "-500千瓦能拿多少"]),
        (["ask", "--json", "-负数"], ["ask", "--json", "--", "-负数"]),
        (["ask", "光伏500千瓦", "--json"], ["ask", "光伏500千瓦", "--json"]),
        (["ask", "--", "-x"], ["ask", "--", "-x"]),
        (["ask", "--jsonl"], ["ask", "--jsonl"]),
    ],
)
def test_a_question_that_starts_with_a_dash_stays_the_question(argv, want):
    assert positional_safe(argv, ASK_OPTIONS) == want


def test_each_stdin_line_is_decoded_on_its_own():
    data = "光伏500千瓦\n".encode() + b"\xff\xfe bad\n" + "第三行\n".encode()
    got = list(stdin_lines(io.BytesIO(data)))
    assert got[0] == (1, "光伏500千瓦", None)
    assert got[1][0] == 2 and got[1][1] is None and "not valid UTF-8" in got[1][2]
    assert got[2] == (3, "第三行", None)


@pytest.mark.integration
def test_ask_jsonl_answers_every_good_line_around_a_bad_one(fake_index_settings):
    env = {"GAZETTE_DATA_DIR": str(fake_index_settings.data_dir), "GAZETTE_EMBEDDER": "fake",
           "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8", "PYTHONUTF8": "0", "HOME": str(fake_index_settings.data_dir)}  # fmt: skip
    data = "光伏装机500千瓦能拿多少\n".encode() + b"\xff\n" + "-500千瓦能拿多少\n".encode()
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--jsonl"], input=data, capture_output=True, env=env,
        cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    lines = [json.loads(x) for x in out.stdout.decode().splitlines()]
    assert len(lines) == 3
    assert lines[0]["calculation"]["amount_yuan"] == 600000
    assert lines[1]["status"] == "error" and "UTF-8" in lines[1]["error"]
    assert lines[2]["status"] != "calculated"  # a negative capacity is never computed

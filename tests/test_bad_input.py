"""The bad-input corpus (tests/data/bad_input/*.yaml): odd and hostile input at the chat, the calculators and
the command lines. Each case asserts a clear message or exit code, no traceback, and no wrong number."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.service import Assistant
from calculators.base import InputError, load_all
from core.cli import MAX_JSON_BYTES, MAX_JSON_DEPTH

DATA = Path(__file__).parent / "data" / "bad_input"
MIN_CASES = 120  # the issue asks for at least this many across the three entry points


def _load(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


CHAT = _load("chat.yaml")
CALCULATORS = _load("calculators.yaml")
CLI = _load("cli.yaml")


def test_the_corpus_is_large_enough_and_every_chat_case_can_catch_a_wrong_number():
    assert len(CHAT) + len(CALCULATORS) + len(CLI) >= MIN_CASES
    for case in CHAT:
        allowed = case.get("status", ["calculated"])
        # a case that may compute must name the right amount: no number slips through unchecked
        assert "calculated" not in allowed or "amount" in case or "amount_if_any" in case, case


@pytest.fixture(scope="module")
def assistant(fake_index):
    return Assistant(fake_index, today=date(2024, 9, 1))


def _question(case: dict) -> str:
    if "q_repeat" in case:
        text, times = case["q_repeat"]
        return text * times
    return case["q"]


@pytest.mark.parametrize("case", CHAT, ids=[f"{c['kind']}-{i}" for i, c in enumerate(CHAT)])
def test_chat(assistant, case):
    answer = assistant.ask(_question(case))
    amount = answer.calculation.amount_yuan if answer.calculation else None
    if "amount" in case:
        assert answer.status == "calculated" and amount == pytest.approx(case["amount"]), answer.answer[:300]
        return
    assert answer.status in case["status"], answer.answer[:300]
    if "amount_if_any" in case:
        assert amount is None or amount == pytest.approx(case["amount_if_any"])
    else:
        assert amount is None, f"computed {amount} from bad input"
    assert answer.answer.strip()
    if "contains" in case:
        assert case["contains"] in answer.answer, answer.answer[:300]
    assert "Traceback" not in answer.answer


@pytest.mark.parametrize("case", CALCULATORS, ids=[f"{c['calc']}-{i}" for i, c in enumerate(CALCULATORS)])
def test_calculator(case):
    calc = load_all()[case["calc"]]
    with pytest.raises(InputError) as e:
        calc.run(case["inputs"], date(2024, 9, 1))
    assert case["error"] in str(e.value)


def _argv_value(arg: str) -> str:
    """Arguments too big to write in YAML: "deep" nesting and a "huge" object, both past the CLI's bounds."""
    if arg == "deep":
        return "[" * (MAX_JSON_DEPTH * 50) + "]" * (MAX_JSON_DEPTH * 50)
    if arg == "huge":
        return json.dumps({"capacity_kw": 500, "pad": "x" * (MAX_JSON_BYTES + 10)})
    return arg


@pytest.fixture
def cli_env(fake_index_settings, monkeypatch):
    monkeypatch.setenv("GAZETTE_DATA_DIR", str(fake_index_settings.data_dir))
    monkeypatch.setenv("GAZETTE_EMBEDDER", "fake")
    from core.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _main(tool: str):
    if tool == "calculators":
        from calculators.__main__ import main
    elif tool == "assistant":
        from assistant.__main__ import main
    else:
        from retrieval.__main__ import main
    return main


@pytest.mark.parametrize("case", CLI, ids=[f"{c['argv'][0]}-{i}" for i, c in enumerate(CLI)])
def test_cli(cli_env, case, capsys, monkeypatch):
    tool, *argv = case["argv"]
    argv = [_argv_value(a) for a in argv]
    stdin = case.get("stdin", b"")
    raw = stdin if isinstance(stdin, bytes) else stdin.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    try:
        code = _main(tool)(argv)
    except SystemExit as e:  # argparse's usage errors
        code = e.code
    out, err = capsys.readouterr()
    assert code == case["exit"], (out[-500:], err[-500:])
    assert "Traceback" not in out + err
    if code != 0:
        assert err.strip(), "a failing command says why"
    for stream, text in (("stdout", out), ("stderr", err)):
        if stream in case:
            assert case[stream] in text, text[-500:]

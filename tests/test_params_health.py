"""Code health: every parameter has a reference whose quote is verbatim in the corpus and whose article exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from calculators.base import load_all
from calculators.params import PARAMS_DIR, all_param_keys, load_param
from core.normalize import normalize
from ingest.parse import load_documents

KEYS = all_param_keys()


@pytest.fixture(scope="module")
def docs():
    return {d.doc_no: d for d in load_documents()}


def test_there_are_parameters():
    assert len(KEYS) > 0


@pytest.mark.parametrize("key", KEYS)
def test_reference_sits_in_metadata(key):
    raw = yaml.safe_load((PARAMS_DIR / f"{key}.yaml").read_text(encoding="utf-8"))
    assert set(raw) <= {"description", "metadata", "values"}, f"stray top-level keys in {key}"
    assert "reference" in raw["metadata"], f"{key}: reference must sit inside metadata"
    load_param(key)  # raises when doc_no/article/quote is missing


@pytest.mark.parametrize("key", KEYS)
def test_quote_is_verbatim_in_its_document(key, docs):
    p = load_param(key)
    assert p.reference.doc_no in docs, f"{key}: unknown document {p.reference.doc_no}"
    doc_text = normalize(docs[p.reference.doc_no].text)
    assert normalize(p.reference.quote) in doc_text, f"{key}: quote not found in {p.reference.doc_no}"


@pytest.mark.parametrize("key", KEYS)
def test_article_exists_in_its_document(key, docs):
    p = load_param(key)
    doc_text = normalize(docs[p.reference.doc_no].text)
    for label in re.findall(r"第[一二三四五六七八九十百零]+条|附件\s*\d+", p.reference.article):
        assert normalize(label) in doc_text, f"{key}: {label} not in {p.reference.doc_no}"


ALLOWED_NUMBERS = {0, 1, 2}  # counting, the second of a pair, halves: not amounts, rates, caps or ages


def _numeric(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float, complex)


def _literal_arithmetic(node: ast.AST) -> bool:
    """An expression computed from literals alone (15 * 10, 10**8, -3): a number written another way.
    A negated allowed number stays allowed: -1 is the last item of a list."""
    if isinstance(node, ast.BinOp):
        return all(_numeric(n) or _literal_arithmetic(n) for n in (node.left, node.right))
    if isinstance(node, ast.UnaryOp):
        if _numeric(node.operand):
            return node.operand.value not in ALLOWED_NUMBERS
        return _literal_arithmetic(node.operand)
    return False


def test_rule_code_holds_no_numbers():
    # Amounts, rates, caps, ages and dates live in params/ YAML; input bounds in calculators/kit/bounds.py.
    rules = Path(PARAMS_DIR).parent / "rules"
    offenders = []
    for py in sorted(rules.glob("*.py")):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if _literal_arithmetic(node):
                offenders.append(f"{py.name}:{node.lineno}: {ast.unparse(node)}")
            elif _numeric(node) and node.value not in ALLOWED_NUMBERS:
                offenders.append(f"{py.name}:{node.lineno}: {node.value!r}")
    assert not offenders, "numbers in rule code: " + ", ".join(offenders)


def test_the_number_check_catches_what_it_should():
    code = "a = 15 * 10\nb = 10**8\nc = -3\nd = x * 2\ne = y[-1]"
    caught = [ast.unparse(n) for n in ast.walk(ast.parse(code)) if _literal_arithmetic(n)]
    assert caught == ["15 * 10", "10 ** 8", "-3"]


def test_every_calculator_param_loads():
    for calc in load_all().values():
        for key in calc.params:
            load_param(key)

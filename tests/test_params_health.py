"""Code health: every parameter has a reference whose quote is verbatim in the corpus and whose article exists."""

from __future__ import annotations

import re

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


def test_values_are_dated_and_numbers_have_no_literals_in_code():
    # Amounts live in YAML; rule modules must not hold money literals like 1200 or 1000000.
    from pathlib import Path

    rules = Path(PARAMS_DIR).parent / "rules"
    offenders = []
    for py in rules.glob("*.py"):
        for n, line in enumerate(py.read_text(encoding="utf-8").splitlines(), 1):
            code = re.sub(r"〔\d{4}〕\d+号", "", line.split("#", 1)[0])  # 文号 are names, not amounts
            if '"""' in line or "description=" in code:
                continue
            for num in re.findall(r"(?<![\w.])\d{3,}(?:\.\d+)?(?![\w])", code):
                offenders.append(f"{py.name}:{n}: {num}")
    assert not offenders, "literal amounts in rule code: " + ", ".join(offenders)


def test_every_calculator_param_loads():
    for calc in load_all().values():
        for key in calc.params:
            load_param(key)

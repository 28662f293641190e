"""The 西文旅发〔2024〕3号 museum intents (assistant/intents/museum.yaml) and the 西财资产〔2024〕18号 state-asset
intents (assistant/intents/asset.yaml): siblings, follow-up replies, slot specs.

Routing and slot cases: tests/data/routing/museum_asset.yaml (run by tests/test_intents.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all

CASES = yaml.safe_load(
    (Path(__file__).resolve().parent / "data" / "routing" / "museum_asset.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def intents():
    return load_intents()


def test_every_museum_and_asset_calculator_has_an_intent_and_three_phrasings(intents):
    names = {n for n in load_all() if n.startswith(("museum_", "asset_"))}
    assert len(names) == 11  # +1 museum_support_total, +1 museum_district_projects, +1 asset_measures_apply
    assert names <= {i.calculator for i in intents}
    counts = {n: sum(1 for c in CASES if c["calculator"] == n) for n in names}
    assert all(c >= 3 for c in counts.values()), counts


def test_each_calculator_has_one_intent(intents):
    names = [i.calculator for i in intents if i.calculator.startswith(("museum_", "asset_"))]
    assert len(names) == len(set(names)) == 11


def test_every_slot_is_a_calculator_input(intents):
    calcs = load_all()
    for i in intents:
        if i.calculator.startswith(("museum_", "asset_")):
            fields = calcs[i.calculator].inputs.model_fields
            assert {s.name for s in i.slots} <= set(fields), i.calculator


@pytest.mark.parametrize(
    ("reply", "values"),
    [
        ("2024年6月18日", {"filing_date": "2024-06-18"}),  # the bare reply to "哪天完成设立备案的？"
        ("2024年6月18日在市文物局完成的备案", {"filing_date": "2024-06-18"}),
        ("2024-06-18备案，2025年1月申报", {"filing_date": "2024-06-18", "application_date": "2025-01-01"}),
    ],
)
def test_establishment_dates(intents, reply, values):
    intent = next(i for i in intents if i.calculator == "museum_establishment_award")
    assert extract(reply, list(intent.slots)).values == values


@pytest.mark.parametrize(
    ("reply", "calculator", "values"),
    [
        ("我们是民办的", "museum_operation_support", {"museum_type": "非国有博物馆"}),
        ("国企的", "museum_operation_support", {"museum_type": "国有企业所属博物馆"}),
        ("评的合格", "museum_operation_support", {"evaluation_grade": "合格"}),
        ("账面价值1,800万元", "asset_approval_or_filing", {"book_value_yuan": 18_000_000}),
        ("三千五百万", "asset_approval_or_filing", {"book_value_yuan": 35_000_000}),
        ("是下属单位之间的", "asset_evaluation_required", {"between_subordinate_units": True}),
        ("还没批准", "asset_evaluation_required", {"approved": False}),
    ],
)
def test_follow_up_replies_fill_the_missing_input(intents, reply, calculator, values):
    intent = next(i for i in intents if i.calculator == calculator)
    assert extract(reply, list(intent.slots)).values == values


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        # siblings that share words
        ("博物馆去年没有获得市级资助，办展览花了20万，能补多少", "museum_district_exhibition"),
        ("博物馆拿了市级资助，办展览花了20万，区里还能补吗", "museum_district_exhibition"),
        ("博物馆展览获得市级资助50万，区级匹配多少", "museum_city_matching"),
        ("博物馆去年办了展览也做了社教活动，社教花了1万", "museum_district_education"),
        ("非国有博物馆运行评估优秀能给多少钱", "museum_operation_support"),
        ("新开的博物馆能拿多少补助", "museum_establishment_award"),
        ("资产评估项目要核准还是备案", "asset_approval_or_filing"),
        ("单位资产转让需要评估吗", "asset_evaluation_required"),
    ],
)
def test_siblings(intents, question, calculator):
    intent, _ = best_intent(question, intents)
    assert intent is not None and intent.calculator == calculator, intent and intent.calculator


@pytest.mark.parametrize(
    "question",
    [
        # other documents that share words: 文物普查 (博物馆 参与普查), 展览路街道, 清洁生产审核评估, 节能考核
        "第四次全国文物普查博物馆怎么参与",
        "展览路街道有多少人",
        "清洁生产审核通过了市级审核评估，能补多少",
        "区级节能考核优秀能奖励多少",
        "金融企业股权转让有奖励吗",
        "光伏装机500千瓦能拿多少？",
        # general questions about the museum / asset measures are left to clause answers
        "资产评估多少钱以上要核准而不是备案",
        "博物馆门票多少钱",
    ],
)
def test_not_routed_to_museum_or_asset(intents, question):
    intent, _ = best_intent(question, intents)
    if intent is not None:
        assert not intent.calculator.startswith(("museum_", "asset_")), intent.calculator

"""Intent data is consistent with the calculators, and everyday phrasings route and fill as expected."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
import yaml

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all

ROUTING = Path(__file__).resolve().parent / "data" / "routing"


def test_every_intent_names_a_real_calculator_and_inputs():
    calcs = load_all()
    for intent in load_intents():
        assert intent.calculator in calcs, intent.calculator
        fields = calcs[intent.calculator].inputs.model_fields
        for spec in intent.slots:
            if spec.name.startswith("_guard"):
                continue
            assert spec.name in fields, f"{intent.calculator}.{spec.name}"
            args = typing.get_args(fields[spec.name].annotation)
            literal = next(
                (a for a in (fields[spec.name].annotation, *args) if typing.get_origin(a) is typing.Literal),
                None,
            )
            if literal is not None:
                for value, _ in spec.patterns:
                    assert value in typing.get_args(literal), f"{intent.calculator}.{spec.name}={value}"
        for name in intent.fixed:
            assert name in fields


# Every calculator has at least one intent, so every one of them can be reached by words.
CALCULATORS = 75  # +2 meal_construction_and_operation / meal_all_support, +1 museum_district_projects, +1 asset_measures_apply (subsidy helper, round two), +1 meal_construction_and_reward (meals helper), +1 fintech_talent_award_total, +1 admission_nonlocal_review, +1 green_leader_titles, +1 museum_support_total, +1 green_pv_and_power_total


def test_every_calculator_is_reachable_by_words():
    reachable = {i.calculator for i in load_intents()}
    assert reachable == set(load_all()), sorted(set(load_all()) - reachable)
    assert len(reachable) == CALCULATORS, f"{len(reachable)} calculators: update CALCULATORS when adding one"


def _routing_cases() -> list:
    cases = []
    for path in sorted(ROUTING.glob("*.yaml")):
        for c in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(c, id=f"{path.stem}:{c['question'][:20]}"))
    return cases


ROUTING_CASES = _routing_cases()


def test_routing_cases_are_well_formed():
    questions = [p.values[0]["question"] for p in ROUTING_CASES]
    assert len(questions) == len(set(questions)), "a question appears twice in tests/data/routing"
    assert len(questions) == 210, f"{len(questions)} routing cases: update this count when adding one"
    for p in ROUTING_CASES:
        c = p.values[0]
        assert set(c) <= {"question", "calculator", "slots", "partial"}, c
        assert c["calculator"] in load_all(), c["calculator"]


@pytest.mark.parametrize("case", ROUTING_CASES)
def test_routing_and_slots(case):
    """tests/data/routing/*.yaml: the question picks the calculator and fills exactly the slots listed
    (only those slots when the case says `partial: true`); no guard slot is ever filled."""
    question, calculator, expected = case["question"], case["calculator"], case["slots"]
    intent, score = best_intent(question)
    assert intent is not None and intent.calculator == calculator, (intent and intent.calculator, score)
    got = extract(question, list(intent.slots)).values
    assert not any(k.startswith("_guard") for k in got), got
    if case.get("partial"):
        assert {k: got.get(k) for k in expected} == expected, got
    else:
        assert got == expected


@pytest.mark.parametrize("case", ROUTING_CASES)
def test_no_routing_case_is_decided_by_file_order(case):
    """best_intent breaks equal scores by load order (intents/*.yaml sorted by name, then position in the
    file). No routing case may depend on that: its calculator must outscore every other calculator's intent."""
    question = case["question"]
    scores: dict[str, int] = {}
    for intent in load_intents():
        scores[intent.calculator] = max(scores.get(intent.calculator, 0), intent.score(question))
    mine = scores.pop(case["calculator"])
    rival = max(scores, key=scores.get)
    assert mine > scores[rival], (rival, scores[rival], mine)


@pytest.mark.parametrize(
    "question",
    [
        "今年全区叉车电动化数量目标是多少辆",
        "孩子上学要交哪些材料",
        "西城区有哪些博物馆",
        "文物普查什么时候开始",
    ],
)
def test_questions_about_rules_are_not_routed_to_a_calculator_by_mistake(question):
    intent, _ = best_intent(question)
    assert intent is None or intent.calculator not in ("green_forklift_reward", "museum_operation_support")


@pytest.mark.parametrize(
    "question, calculator",
    [
        ("我们公司楼顶装了太阳能板，装机300千瓦，已经并网，能拿多少", "green_pv_reward"),
        ("我妈在社区老年餐桌吃午饭，每顿15元，吃了10天，能补多少", "meal_dining_subsidy"),
    ],
)
def test_an_everyday_word_for_a_trigger_word_selects_the_intent(question, calculator):
    from assistant.intents import best_intent, load_intents

    intent, _ = best_intent(question, load_intents())
    assert intent is not None and intent.calculator == calculator

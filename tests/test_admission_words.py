"""Admission facts in everyday words: each parent's facts told apart, work/home/permit words, routing of a
whole family's situation to the one review that combines the 8号 rules (phrasings written here, not dev's)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import best_intent, load_intents
from assistant.numbers import find_dates
from assistant.persons import FATHER, MOTHER, clauses_of, speaker
from assistant.slots import extract

TODAY = date(2024, 5, 20)


def _slots(calculator: str):
    return list(next(i for i in load_intents() if i.calculator == calculator).slots)


def read(text: str, calculator: str = "admission_nonlocal_review") -> dict:
    return extract(text, _slots(calculator), TODAY).values


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("我老公在单位上班，我自己开店", MOTHER),
        ("孩子他妈没工作，我跑运输", FATHER),
        ("我媳妇是个体户", FATHER),
        ("我和孩子的爸爸都上班", MOTHER),
        ("我上班", None),
    ],
)
def test_the_speaker_is_the_parent_the_message_does_not_name(text, who):
    assert speaker(text) == who


def test_each_parents_clauses_follow_the_parent_named_last():
    text = "孩子爸在一家饭店当厨师，合同签了三年；我在菜市场卖菜，是个体户，孩子今年六岁。"
    assert "厨师" in clauses_of(text, FATHER) and "合同" in clauses_of(text, FATHER)
    assert "个体户" in clauses_of(text, MOTHER) and "厨师" not in clauses_of(text, MOTHER)
    assert "六岁" not in clauses_of(text, MOTHER) + clauses_of(text, FATHER)  # about the child


def test_my_wife_is_the_mother_even_though_the_clause_starts_with_me():
    text = "我老婆在一家商场开了个服装铺子，我在工地打工"
    want = {"mother_employment_type": "sole_proprietor", "father_employment_type": "employee"}
    assert want.items() <= read(text).items()


@pytest.mark.parametrize(
    ("text", "father", "mother"),
    [
        ("我丈夫是公司法人，我在家带孩子", "legal_representative", "none"),
        ("孩子爸是一家餐馆的股东，我是自由职业", "shareholder_partner", "flexible"),
        ("我们两口子都在西城打工", "employee", "employee"),
        ("孩子妈开了一家小卖部，我给人开车，签了劳动合同", "employee", "sole_proprietor"),
        ("我是这家公司的老板，我爱人没有工作", "legal_representative", "none"),
    ],
)
def test_employment_words_per_parent(text, father, mother):
    got = read(text)
    assert (got.get("father_employment_type"), got.get("mother_employment_type")) == (father, mother)


def test_a_negated_contract_and_a_negated_job_are_read_as_no():
    got = read("孩子他妈在家没上班；我在一家饭馆帮忙，老板一直没跟我签合同")
    assert got["mother_employment_type"] == "none"
    assert got.get("father_has_contract") is False


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "我老公社保2020年起在西城一直交着，没断过",
            {"father_insurance_since_year": 2020, "father_insurance_ongoing": True},
        ),
        ("孩子爸的社保交了三年了", {"father_insurance_years": 3}),
        ("我老婆的个体户执照是2019年办的", {"mother_business_registered_year": 2019}),
        ("孩子爸的店去年被列入过经营异常名录", {"father_business_abnormal_listed": True}),
        (
            "孩子妈的店从没上过异常名录，也没迁过",
            {"mother_business_abnormal_listed": False, "mother_business_in_district_no_move": True},
        ),
    ],
)
def test_work_facts_with_years_and_durations(text, facts):
    got = read(text)
    assert {k: got.get(k) for k in facts} == facts


def test_a_duration_is_read_only_next_to_its_cue():
    got = read("我们两口子都在西城上班，在西城租房住了三年")
    assert "father_insurance_years" not in got and "mother_insurance_years" not in got


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("在西城租了个地下室住", "basement"),
        ("跟另外两家合租一套房", "shared_rental"),
        ("住的是单位分的房", "unit_public_housing"),
        ("房子是整租的", "rental"),
        ("我们在西城买了一套公寓", "own_home"),
    ],
)
def test_housing_words(text, kind):
    assert read(text)["housing_type"] == kind


def test_a_commercial_certificate_is_not_residential_and_real_estate_is_not_a_negation():
    assert read("买的房子房本用途是商业")["certificate_residential"] is False
    assert read("在西城买的房，不动产权证写的住宅")["certificate_residential"] is True


def test_permit_words():
    got = read("我俩都办了居住证，都在西城，地址就是我家，还没过期")
    assert {
        "father_has_permit": True,
        "mother_has_permit": True,
        "permit_in_xicheng": True,
    }.items() <= got.items()
    assert got["permit_address_matches_home"] is True and got["permits_valid"] is True
    assert read("孩子爸的居住证已经过期了")["permits_valid"] is False


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("5月8号在网上提交了申请", date(2024, 5, 8)),
        ("孩子是五年前的9月出生的", date(2019, 9, 1)),
    ],
)
def test_dates_without_a_written_year(text, day):
    assert [d.value for d in find_dates(text, TODAY)] == [day]


@pytest.mark.parametrize(
    ("text", "calculator"),
    [
        # a whole family's situation: work and home and permit in one question → one review
        (
            "我们是外省的，两口子都在西城上班交社保，在西城租房，孩子明年能上一年级吗",
            "admission_nonlocal_review",
        ),
        (
            "非京籍家庭，孩子15年出生，我老公开了个小饭馆，我们住在西城，能读西城的小学吗",
            "admission_nonlocal_review",
        ),
        # one topic only → the calculator for that rule
        ("外地户口，家里在西城住的是地下室，孩子能上学吗", "admission_nonlocal_housing"),
        ("父母的居住证都在朝阳，孩子能在西城上学吗", "admission_nonlocal_residence_permit"),
        # a Beijing hukou is never sent to the 8号 rules, however much it says about renting
        ("孩子户口在西城，我们在西城租房住，孩子爸在国企上班，能上小学吗", "admission_primary_eligibility"),
        # middle school, non-Beijing: the middle-school rule, which applies the 8号 standards itself
        (
            "外地户口，孩子在西城读六年级，我们在西城租房，社保也交着，能上初中吗",
            "admission_middle_eligibility",
        ),
    ],
)
def test_routing_by_topics_and_hukou(text, calculator):
    intent, _ = best_intent(text)
    assert intent is not None and intent.calculator == calculator


def test_a_rule_question_is_not_a_verdict_question():
    intent, _ = best_intent("外地户口的孩子需要什么材料才能上小学")
    assert intent is None or intent.calculator not in (
        "admission_primary_eligibility",
        "admission_nonlocal_review",
    )

"""Classes of admission facts as families tell them (西教发〔2024〕7号、8号): who 我 is, a message about one parent,
a business run together, dates of a payment that was not made, date ranges, parts of a month, a question about
one parent's proof only, a Beijing-hukou parent, "同样" / "这几年" insurance, and hukou and home wording.
Phrasings written here, not copied from the dev cases."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import best_intent, load_intents
from assistant.numbers import find_dates
from assistant.persons import FATHER, MOTHER, clauses_of, speaker
from assistant.slots import extract
from calculators.base import load_all

TODAY = date(2024, 5, 9)


def read(text: str, calculator: str = "admission_nonlocal_review", today: date = TODAY) -> dict:
    slots = list(next(i for i in load_intents() if i.calculator == calculator).slots)
    return extract(text, slots, today).values


def verdict(text: str, calculator: str, today: date = TODAY):
    values = read(text, calculator, today)
    intent = next(i for i in load_intents() if i.calculator == calculator)
    return load_all()[calculator].run({**intent.fixed, **values}, today)


# -- who 我 is ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("我是孩子爸爸，孩子妈在朝阳上班", FATHER),
        ("我是孩子的妈妈，孩子爸是个体户", MOTHER),
        ("我是当爸的，老婆在家带孩子", FATHER),
        ("我爱人开了家面馆，他的营业执照是2019年的", MOTHER),
        ("我爱人在商场上班，她的社保一直在西城交", FATHER),
    ],
)
def test_the_speaker_says_who_they_are_or_the_spouse_pronoun_does(text, who):
    assert speaker(text) == who


def test_a_message_naming_one_parent_only_is_about_that_parent_throughout():
    text = "孩子她妈是一家公司的股东。公司2018年在西城成立，一直没迁过。"
    assert "2018年" in clauses_of(text, MOTHER) and clauses_of(text, FATHER) == ""


def test_a_speaker_who_names_no_other_parent_is_read_as_one_parent():
    got = read("我是开理发店的个体户，执照2022年在西城办的，正常营业", "admission_nonlocal_employment")
    assert got["father_employment_type"] == "sole_proprietor"
    assert got["father_business_registered_year"] == 2022


def test_the_whole_family_named_as_we_does_not_hide_the_one_parent_speaking():
    got = read("我们是外地的，我在西城开了个早餐铺，个体户，执照2021年办的", "admission_nonlocal_employment")
    assert got["father_employment_type"] == "sole_proprietor"


def test_a_business_the_parents_run_together_is_both_parents():
    text = "我和孩子他爸一起开了家公司，2020年成立的，我是法人，他是股东，法人、股东都没换过，也从没进过异常名录。"
    got = read(text)
    assert got["mother_employment_type"] == "legal_representative"
    assert got["father_employment_type"] == "shareholder_partner"
    for p in ("father", "mother"):
        assert got[f"{p}_business_role_changed"] is False
        assert got[f"{p}_business_abnormal_listed"] is False
        assert got[f"{p}_business_registered_year"] == 2020


# -- dates that do not date the fact ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "孩子爸在西城上班，签了合同，可单位前年一直没给他缴社保，今年1月才开始缴",
        "孩子爸在西城上班，签了合同，去年整年都没交社保，今年1月才开始交",
    ],
)
def test_a_year_in_which_insurance_was_not_paid_is_not_when_it_began(text):
    got = read(text, today=date(2024, 5, 9))
    assert got.get("father_insurance_since_year") is None
    assert got["father_insurance_from"] == "2024-01-01"


def test_a_missed_month_is_not_when_insurance_began():
    got = read("我是孩子爸爸，在西城上班，社保在西城交，不过今年2月单位漏缴了一个月，后来补缴了")
    assert "father_insurance_from" not in got
    assert got["father_insurance_back_paid"] is True


def test_a_negation_after_the_range_does_not_deny_its_start():
    got = read("我老公在西城上班，签了合同，社保2023年5月到2024年3月都交了、没补缴")
    assert got["father_insurance_from"] == "2023-05-01"


# -- ranges and parts of a month ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("租房发票上写的租期2022年9月至2024年8月", "2022-09-01", "2024-08-31"),
        ("完税发票租期是2023年3月1日到2024年2月29日", "2023-03-01", "2024-02-29"),
    ],
)
def test_an_invoice_period_is_read_from_its_range(text, start, end):
    got = read(text, "admission_nonlocal_housing")
    assert got["rent_invoice_period_from"] == start and got["rent_invoice_period_to"] == end


def test_a_range_in_a_clause_about_something_else_is_not_the_invoice_period():
    got = read("社保2023年5月至2024年3月在西城交的，租的房有发票", "admission_nonlocal_housing")
    assert "rent_invoice_period_from" not in got


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("发票是3月下旬开的", date(2024, 3, 31)),
        ("今年4月上旬开的票", date(2024, 4, 10)),
        ("发票去年年底就开了", date(2023, 12, 31)),
        ("2023年11月中旬开的票", date(2023, 11, 20)),
    ],
)
def test_a_part_of_a_month_is_its_last_day(text, day):
    assert [d.value for d in find_dates(text, TODAY)] == [day]


# -- the application day ------------------------------------------------------------------------------------


def test_applying_today_after_the_window_fails_the_application_date():
    got = read(
        "我们是外地户口，孩子2018年2月生，今天才去平台提交申请",
        "admission_nonlocal_family",
        date(2024, 5, 14),
    )
    assert got["online_application_date"] == "2024-05-14"
    r = verdict(
        "我们是外地户口，孩子2018年2月生，今天才去平台提交申请",
        "admission_nonlocal_family",
        date(2024, 5, 14),
    )
    assert r.eligible is False


# -- one parent's proof asked about --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "eligible"),
    [
        ("我是外省户口，在西城开了个水果店，个体户，执照今年3月才办下来，我这份就业材料能过吗？", False),
        (
            "孩子他爸是一家公司的法人，公司2019年在西城成立，法人一直是他，没迁过，也没进过异常名录。他的就业材料能通过吗？",
            True,
        ),
    ],
)
def test_a_question_about_one_parents_proof_is_answered_for_that_parent(text, eligible):
    intent, _ = best_intent(text)
    assert intent is not None and intent.calculator == "admission_nonlocal_employment"
    assert verdict(text, intent.calculator).eligible is eligible


# -- a Beijing-hukou parent ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "calculator"),
    [
        (
            "孩子妈妈是北京海淀户口，我和孩子是外地户口，在西城租房，能用租房材料吗？",
            "admission_nonlocal_housing",
        ),
        ("我老公是西城户口，我是河南户口，我们俩都有居住证", "admission_nonlocal_residence_permit"),
    ],
)
def test_a_parent_with_a_beijing_hukou_puts_the_family_outside_the_8_rules(text, calculator):
    r = verdict(text, calculator)
    assert r.eligible is False
    assert any("不适用本办法" in s for s in r.steps)


@pytest.mark.parametrize("text", ["我是江苏人，孩子他爸是四川的", "孩子爸是山东的，我是来自河南的"])
def test_each_parent_from_a_province_is_a_non_beijing_family(text):
    got = read(text, "admission_nonlocal_family")
    assert got["father_hukou_type"] == "non_beijing" and got["mother_hukou_type"] == "non_beijing"


# -- insurance said "the same" or "these years" -------------------------------------------------------------


def test_insurance_paid_the_same_as_the_other_parent():
    got = read("孩子爸在西城上班，社保2019年起一直连续交；我在朝阳上班，签了合同，朝阳的社保同样一直按时交")
    assert got["mother_insurance_like_other"] is True


def test_insurance_paid_these_several_years():
    got = read("孩子爸在西城上班，签了合同，社保这些年一直连续在交")
    assert got["father_insurance_several_years"] is True


# -- hukou and home wording ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "孩子户口落在爷爷奶奶家，那边在西城德胜门，是个人户",
        "孩子户口在外婆家的户口本上，家庭户，外婆家就在西城",
    ],
)
def test_a_family_household_in_xicheng_is_a_xicheng_personal_hukou(text):
    assert read(text, "admission_primary_eligibility")["hukou_type"] == "xicheng_personal"


def test_here_is_the_xicheng_home_named_before():
    got = read("房子是2016年在西城买的，孩子户口一直落在这里", "admission_primary_route")
    assert got["hukou_type"] == "xicheng_personal"
    assert got["hukou_moved_from_other_district"] is False
    assert got["home_certificate_year"] == 2016


def test_a_birth_date_is_not_the_home_certificate_date():
    got = read("前年在西城买的房，孩子2018年3月出生，能登记入学吗", "admission_primary_route")
    assert "home_certificate_date" not in got and got["home_certificate_year"] == 2022


@pytest.mark.parametrize("who", ["表哥家的孩子", "我姑姑家的儿子", "堂妹"])
def test_a_cousin_who_used_the_address_is_not_a_sibling(who):
    got = read(f"这个地址前年被{who}用来登记入学了", "admission_primary_route")
    assert got["address_user_is_sibling"] is False


def test_a_child_said_to_hold_a_beijing_hukou_meets_the_middle_school_condition():
    text = "孩子是北京户口，在西城的小学念六年级，今年毕业，能上初中吗"
    r = verdict(text, "admission_middle_eligibility")
    assert r.eligible is True

"""Admission facts that follow from other facts, several rules in one question, and everyday words for the
child's hukou (phrasings written here, not taken from the dev cases)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import load_intents
from assistant.places import place_of
from assistant.service import _own_case
from assistant.slots import SlotSpec, extract
from calculators.base import load_all

IN_WINDOW = date(2024, 5, 7)  # the 8号 online application window is 2024-05-06 to 05-09
AFTER_WINDOW = date(2024, 6, 3)


def calc(name: str, as_of: date = AFTER_WINDOW, **inputs):
    return load_all()[name].run(inputs, as_of)


def read(text: str, calculator: str, today: date = IN_WINDOW) -> dict:
    slots = list(next(i for i in load_intents() if i.calculator == calculator).slots)
    return extract(text, slots, today).values


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("孩子户口落到了西城", "xicheng_personal"),
        ("户籍登记在北京市西城区", "xicheng_personal"),
        ("孩子户籍是北京市丰台区的家庭户", "beijing_other_personal"),
        ("户口在北京市通州", "beijing_other_personal"),
        ("户口不在西城，是外地户口", "non_beijing"),
    ],
)
def test_the_hukou_is_read_from_how_people_write_an_address(text, want):
    spec = SlotSpec.from_dict("hukou_type", {"concept": "hukou_type"})
    assert extract(text, [spec]).values == {"hukou_type": want}


def test_a_hukou_moved_into_xicheng_counts_as_a_xicheng_hukou():
    result = calc(
        "admission_primary_eligibility",
        birth_date="2017-12-01",
        hukou_type="beijing_other_personal",
        hukou_moved_from_other_district=True,
        lives_in_xicheng=True,
    )
    assert result.eligible is True
    assert any("现为西城区个人居民户籍" in s for s in result.steps)


@pytest.mark.parametrize(("year", "way"), [(2022, "多校划片"), (2016, None)])
def test_a_year_alone_decides_the_way_of_entry_unless_it_is_the_cutoffs_year(year, way):
    result = calc(
        "admission_primary_route",
        hukou_type="xicheng_personal",
        guardian_owns_home_in_xicheng=True,
        home_certificate_year=year,
    )
    cert = next(s for s in result.steps if "房屋所有权证书取得日期" in s)
    assert cert.startswith("不符合" if way else "符合")
    same_year = calc(
        "admission_primary_route",
        hukou_type="xicheng_personal",
        guardian_owns_home_in_xicheng=True,
        home_certificate_year=2020,  # the cut-off is 2020-07-31: the year alone does not say
    )
    assert "home_certificate_date" in same_year.extra["missing_fields"]


def test_eligibility_and_the_way_of_entry_are_answered_together():
    """A question about both (can the child go, and by which way) gets the way when a stated fact decides it."""
    values = read(
        "闺女西城户口，2018年1月生，前年在西城买了房子一直住，能上小学吗，还能对口吗",
        "admission_primary_eligibility",
    )
    assert values["home_certificate_year"] == IN_WINDOW.year - 2
    result = calc("admission_primary_eligibility", IN_WINDOW, **values)
    assert result.eligible is True
    assert any(s.startswith("入学方式") and "多校划片" in s for s in result.steps)
    plain = calc("admission_primary_eligibility", IN_WINDOW, birth_date="2018-01-01", hukou_type="xicheng_personal",
                 lives_in_xicheng=True)  # fmt: skip
    assert not any(s.startswith("入学方式") for s in plain.steps)


def test_a_permit_at_the_xicheng_home_is_a_permit_in_xicheng():
    from calculators.rules.admission_review import implied

    got = implied({"permit_address_matches_home": True, "home_in_xicheng": True})
    assert got["permit_in_xicheng"] is True
    assert "permit_in_xicheng" not in implied({"permit_address_matches_home": True})
    assert (
        implied({"permit_in_xicheng": False, "permit_address_matches_home": True, "home_in_xicheng": True})[
            "permit_in_xicheng"
        ]
        is False
    )
    held = implied({"permits_valid": True, "mother_has_permit": False})
    assert held["father_has_permit"] is True and held["mother_has_permit"] is False  # stated facts win


def test_the_application_date_is_a_step_to_take_while_the_window_is_open():
    facts = dict(hukou_type="non_beijing", birth_date="2018-01-05", parents_non_beijing=True)
    open_now = calc("admission_nonlocal_review", IN_WINDOW, **facts)
    assert "online_application_date" not in open_now.extra["missing_fields"]
    assert any("网上提交审核申请" in w for w in open_now.warnings)
    closed = calc("admission_nonlocal_review", AFTER_WINDOW, **facts)
    assert "online_application_date" in closed.extra["missing_fields"]


def test_a_child_not_registered_misses_the_window_whatever_date_is_named():
    result = calc(
        "admission_nonlocal_family",
        hukou_type="non_beijing",
        birth_date="2018-01-05",
        online_application_date="2024-05-08",  # the sibling's
        applied_online=False,
    )
    assert result.eligible is False


def test_the_year_payments_began_wins_over_a_later_month_named_for_the_window():
    result = calc(
        "admission_nonlocal_employment",
        single_parent=True,
        father_employment_type="employee",
        father_works_in_xicheng=True,
        father_has_contract=True,
        father_insurance_since_year=2019,
        father_insurance_from="2024-03-01",
        father_insurance_ongoing=True,
    )
    assert not any("自2024年3月起缴纳" in s for s in result.steps)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("两口子都在西城一家饭店干活，住的是饭店给的宿舍", True),
        ("我在朝阳一家工厂上班，住工厂的集体宿舍", False),
        ("住的是单位宿舍", None),
    ],
)
def test_an_organisation_named_again_keeps_the_place_it_was_given(text, want):
    assert place_of(text, ("住",)) is want


@pytest.mark.parametrize("text", ["我们在西城上班好几年了，孩子能上初中吗", "我们这几年一直在西城租房"])
def test_a_stated_span_of_years_is_not_a_question_about_the_rule(text):
    assert _own_case(text, {}) is True


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("西城这边我们一套房也没有，一直租着住", True),
        ("朝阳那边有亲戚，我们租房住", False),
        ("我们租房住。西城这边没有亲戚", None),  # the topic of a later sentence does not reach back
    ],
)
def test_a_place_set_as_the_sentences_topic_holds_for_its_later_clauses(text, want):
    assert place_of(text, ("住", "租")) is want

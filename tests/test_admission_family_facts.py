"""A non-local family's facts as people tell them: a business running normally is not on the abnormal list, a
seat that always stayed put was never moved, both parents holding permits hold ones in force, the month after
到 is the last month of social insurance, and a class in Xicheng places the primary school there."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import load_intents
from assistant.slots import extract

TODAY = date(2024, 5, 7)


def read(text: str, calculator: str = "admission_nonlocal_review") -> dict:
    slots = list(next(i for i in load_intents() if i.calculator == calculator).slots)
    return extract(text, slots, TODAY).values


@pytest.mark.parametrize(
    "text",
    ["我老公开了家修鞋铺，是个体户，一直正常营业", "孩子爸是一家贸易公司的法人，公司正常经营到现在"],
)
def test_a_business_running_normally_is_not_on_the_abnormal_list(text):
    assert read(text).get("father_business_abnormal_listed") is False


@pytest.mark.parametrize(
    ("text", "slot", "want"),
    [
        ("孩子爸的公司注册地一直在西城", "father_business_in_district_no_move", True),
        ("我老公是饭店的经营者，经营者一直是他", "father_business_role_changed", False),
        ("孩子爸是公司股东，法人和股东也都没变过", "father_business_role_changed", False),
    ],
)
def test_a_business_that_stayed_as_it_was(text, slot, want):
    assert read(text).get(slot) is want


@pytest.mark.parametrize(
    "text",
    [
        "我们俩都有北京居住证，都登记在西城",
        "两口子的居住证都是西城办的",
        "居住证我们两口子都办了",
        "居住证俩人都是西城的",
    ],
)
def test_both_parents_holding_permits_hold_ones_in_force(text):
    assert read(text).get("permits_valid") is True


@pytest.mark.parametrize(
    "text", ["孩子爸办了西城的居住证，我没有办居住证", "孩子爸有居住证，我还没办北京的居住证"]
)
def test_one_parent_without_a_permit_is_not_read_as_both_holding_one(text):
    got = read(text)
    assert got.get("permits_valid") is None
    assert got.get("mother_has_permit") is False


@pytest.mark.parametrize(
    "text",
    [
        "外省户口的家庭，孩子想在西城上小学",
        "我们是外地的，孩子在西城上学",
        "户口都在老家，孩子想上西城的小学",
    ],
)
def test_a_family_saying_it_is_from_elsewhere(text):
    assert read(text).get("parents_non_beijing") is True


def test_the_month_after_dao_is_the_last_month_of_social_insurance():
    got = read("孩子爸在西城上班，社保2023年6月到2024年4月一直在西城交")
    assert got.get("father_insurance_from") == "2023-06-01"
    assert got.get("father_insurance_to") == "2024-04-01"


@pytest.mark.parametrize("text", ["孩子在西城念六年级，马上小升初", "闺女在海淀上五年级"])
def test_a_class_places_the_primary_school(text):
    want = "xicheng" if "西城" in text else "other"
    assert read(text, "admission_middle_eligibility").get("primary_school") == want


@pytest.mark.parametrize(
    ("text", "slot", "want"),
    [
        ("孩子爸在西城一家医院上班，合同、社保都在西城", "father_has_contract", True),
        ("孩子爸在西城上班，合同和社保齐全", "father_has_contract", True),
        ("我们在西城自购了一套住宅", "housing_type", "own_home"),
        ("家在西城有自己的住宅", "housing_type", "own_home"),
        ("我们在西城买的商品房", "certificate_residential", True),
        ("我们在西城租了一套三居室", "certificate_residential", True),
        ("两人的居住证地址是家里", "permit_address_matches_home", True),
        ("两人的居住证，地址跟住房一致", "permit_address_matches_home", True),
    ],
)
def test_more_everyday_words_for_the_family_facts(text, slot, want):
    assert read(text).get(slot) == want


@pytest.mark.parametrize(
    "text",
    ["俩人都有居住证，老公的登记在西城，我的是海淀的", "两人都有居住证，我的是昌平的，孩子他爸的在西城"],
)
def test_one_parents_permit_in_xicheng_is_enough_whatever_order(text):
    assert read(text).get("permit_in_xicheng") is True


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("我老公在西城上班，我在家带孩子", False),
        ("我和前夫离婚了，我老公的事不提", True),
        ("单亲，我一个人带孩子", True),
    ],
)
def test_a_parent_speaking_of_a_spouse_is_not_a_single_parent(text, want):
    assert read(text).get("single_parent") is want


@pytest.mark.parametrize(
    "text", ["我们在西城租的房，2022年签的合同，一直住着", "租的西城的房子，合同一直续着"]
)
def test_a_lease_still_running(text):
    assert read(text).get("lease_ongoing") is True

"""More classes of admission facts as families tell them (西教发〔2024〕8号): a relative asking for the parents,
years written with two digits, days named relative to the question, someone else's spouse, the family's 我们
in a clause about the business, a later sentence about the same work, a cue in another sentence, an invoice
period whose cue is in the clause before, one parent's permit in 西城, 西城's neighbourhoods, and 我 checking
something as an aside. Phrasings written here, not copied from the dev cases."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import load_intents
from assistant.numbers import find_dates, find_quantities
from assistant.persons import FATHER, MOTHER, RELAY, clauses_of, speaker
from assistant.places import place_of
from assistant.slots import extract
from calculators.base import load_all

TODAY = date(2024, 5, 8)


def read(text: str, calculator: str = "admission_nonlocal_review", today: date = TODAY) -> dict:
    slots = list(next(i for i in load_intents() if i.calculator == calculator).slots)
    return extract(text, slots, today).values


def run(text: str, calculator: str = "admission_nonlocal_review", today: date = TODAY):
    intent = next(i for i in load_intents() if i.calculator == calculator)
    return load_all()[calculator].run({**intent.fixed, **read(text, calculator, today)}, today)


# -- years written with two digits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("社保在西城交，17年起一直没断", 2017),
        ("她21年到现在一直在交", 2021),
        ("这家店是18年在西城办的执照", 2018),
        ("他20年入职后就一直交着", 2020),
    ],
)
def test_a_two_digit_year_that_dates_something_is_a_calendar_year(text, year):
    got = [(q.value, q.unit) for q in find_quantities(text)]
    assert (float(year), "calendar_year") in got


@pytest.mark.parametrize("text", ["社保一共交了15年", "在北京住满12年了", "已经干了10年"])
def test_a_two_digit_length_stays_a_length(text):
    assert all(q.unit == "year" for q in find_quantities(text))


def test_a_short_year_starts_the_insurance():
    got = read("我老公在西城上班，签了合同，社保21年起一直连着交，没补过")
    assert got["father_insurance_since_year"] == 2021
    assert got["father_insurance_ongoing"] is True


# -- days named relative to the question ---------------------------------------------------------------------


@pytest.mark.parametrize(("word", "back"), [("昨天", 1), ("前天", 2), ("大前天", 3)])
def test_a_day_before_the_question_is_a_date(word, back):
    found = find_dates(f"发票{word}才开出来", TODAY)
    assert [d.value for d in found] == [date(2024, 5, 8 - back)]


def test_an_invoice_issued_days_ago_after_the_deadline_fails():
    text = (
        "我们是外地户口，房子在西城租的，2022年5月签的网签合同，一直续租，房东房本是住宅，"
        "租房发票昨天才去代开出来，发票上的租期是2022年5月1日到2024年6月30日"
    )
    got = read(text, "admission_nonlocal_housing", date(2024, 5, 10))
    assert got["rent_invoice_issued_on"] == "2024-05-09"
    assert run(text, "admission_nonlocal_housing", date(2024, 5, 10)).eligible is False


# -- a relative asks for the family --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "father_word", "mother_word"),
    [
        (
            "我替女儿女婿问一下，外孙2018年3月出生。女婿在西城开了家面馆，女儿在海淀一家公司上班。",
            "面馆",
            "海淀",
        ),
        ("帮我哥嫂问问，我侄女明年上学。我哥是一家公司的股东，嫂子在医院上班。", "股东", "医院"),
        ("我外甥今年上小学。我妹夫在西城送快递，签了劳动合同；我妹在家带孩子。", "快递", "带孩子"),
    ],
)
def test_a_relative_names_the_parents_by_kinship(text, father_word, mother_word):
    assert speaker(text) == RELAY
    assert father_word in clauses_of(text, FATHER) and father_word not in clauses_of(text, MOTHER)
    assert mother_word in clauses_of(text, MOTHER) and mother_word not in clauses_of(text, FATHER)


def test_the_relatives_own_facts_are_no_parents():
    text = "我替儿子儿媳问问，孙女2018年1月生。我自己在通州上班。儿子在西城开出租，儿媳在西城商场上班。"
    assert "通州" not in clauses_of(text, FATHER) + clauses_of(text, MOTHER)


def test_a_couple_named_by_kinship_is_no_single_parent_family():
    assert read("帮我儿子和儿媳问一下，孙子能不能在西城上学")["single_parent"] is False


# -- someone else's spouse; the family's 我们 about the business --------------------------------------------


def test_a_company_handing_its_legal_representative_to_another_mans_wife_changes_no_parents_role():
    text = "孩子爸是西城一家公司的股东，股东身份没变过；前年公司法人换成了老板他媳妇。我在西城上班。"
    got = read(text)
    assert got["father_employment_type"] == "shareholder_partner"
    assert got.get("mother_employment_type") == "employee"


@pytest.mark.parametrize(
    "move",
    ["去年我们把公司从丰台迁到了西城", "前年咱们把公司注册地搬到了西城"],
)
def test_we_moving_the_business_is_the_business_parents_move(move):
    text = f"孩子他爸开了家公司，他是法人，公司2019年在丰台注册的，{move}，现在正常经营。我在西城上班。"
    assert read(text)["father_business_in_district_no_move"] is False


def test_a_sentence_about_the_business_naming_nobody_goes_on_about_its_parent():
    text = "孩子妈在西城上班。我跟朋友合伙开了家公司，我是合伙人。不过去年被列入过经营异常名录，后来移出了。"
    got = read(text)
    assert got["father_business_abnormal_listed"] is True
    assert "mother_business_abnormal_listed" not in got


# -- a cue in another sentence is not the value's ------------------------------------------------------------


def test_a_later_change_in_its_own_statement_does_not_date_the_registration():
    text = "我老婆在西城开了个花店，个体户，2016年就注册了，一直在西城；今年3月去工商加了一项经营范围。"
    got = read(text)
    assert got["mother_business_registered_year"] == 2016
    assert "mother_business_registered_on" not in got


@pytest.mark.parametrize("period", ["上面写的租期是2022年10月到2024年9月", "租期是2022年10月到2024年9月"])
def test_an_invoice_period_whose_cue_closes_the_clause_before(period):
    got = read(f"租房发票今年3月开的，{period}", "admission_nonlocal_housing")
    assert got["rent_invoice_period_from"] == "2022-10-01"
    assert got["rent_invoice_period_to"] == "2024-09-30"


def test_a_range_after_an_unrelated_clause_is_no_invoice_period():
    got = read("租的房有发票，社保2023年5月到2024年3月都交了", "admission_nonlocal_housing")
    assert "rent_invoice_period_from" not in got


# -- one parent's permit in 西城 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "other",
    ["我爱人的居住证还是以前在通州住的时候办的", "孩子他妈的居住证地址还是昌平的"],
)
def test_one_parents_permit_at_the_xicheng_home_is_the_one_in_xicheng(other):
    text = f"我们在西城租的房。两个人都有居住证，都在有效期内。我的居住证办在这个租房地址上，{other}。"
    r = run(text, "admission_nonlocal_residence_permit")
    named = {c["condition"]: c["met"] for c in r.extra["conditions"]}
    assert named["至少一方的居住证在西城区街道辖区内"] is True


def test_both_permits_elsewhere_fail():
    text = "我们两口子都有居住证，孩子他爸的居住证在丰台，我的居住证在朝阳"
    r = run(text, "admission_nonlocal_residence_permit")
    assert r.eligible is False


# -- 西城's neighbourhoods -------------------------------------------------------------------------------------


@pytest.mark.parametrize("area", ["陶然亭", "牛街", "广安门", "大栅栏", "德胜门", "白纸坊"])
def test_a_xicheng_neighbourhood_is_in_xicheng(area):
    assert place_of(f"我们在{area}那边租的房子", ("租",)) is True


# -- 我 checking something is an aside -------------------------------------------------------------------------


def test_the_speaker_checking_the_dates_does_not_take_them_from_both_parents():
    text = (
        "我和孩子爸都在西城上班，社保都在西城交——我查过了，2023年5月到2024年3月我们俩每个月都交了，没补缴。"
    )
    got = read(text)
    for p in ("father", "mother"):
        assert got[f"{p}_insurance_from"] == "2023-05-01"


# -- a Beijing-hukou child's whole case with the way of entry ------------------------------------------------


def _answer(text: str, today: date = date(2024, 5, 10)):
    from assistant.intents import best_intent

    intent, _ = best_intent(text)
    assert intent is not None
    values = extract(text, list(intent.slots), today).values
    return intent.calculator, load_all()[intent.calculator].run({**intent.fixed, **values}, today)


def test_a_child_born_in_time_asking_about_the_catchment_school_gets_eligibility_and_the_way():
    text = (
        "全家都是北京户口，户口在朝阳我岳父家。22年在西城买了一套房，房本22年6月下来的，一家人住在那里。"
        "孩子2018年5月3号生的，能去房子对应的划片学校登记吗？"
    )
    calc, r = _answer(text)
    assert calc == "admission_primary_eligibility"
    assert r.eligible is True
    assert "多校划片" in (r.extra or {}).get("入学方式", "")


def test_a_home_and_hukou_long_in_xicheng_with_an_unused_address_registers_in_its_catchment():
    text = (
        "我家的房子在西城，2012年买的，房本也是2012年下来的，全家户口2013年就落在这套房子上了。"
        "这个地址从来没有别的孩子拿来登记过入学。孩子2017年11月出生，能在对应的划片小学登记吗？"
    )
    calc, r = _answer(text)
    assert calc == "admission_primary_eligibility" and r.eligible is True
    assert "片区内登记" in (r.extra or {}).get("入学方式", "")


def test_an_address_a_nephew_used_recently_moves_the_child_to_the_multi_school_way():
    text = (
        "我们全家户口都在西城我公婆的老房子上，孩子一直跟我们住在这儿。两年前我侄子就是用这个房子地址登记上的小学。"
        "孩子2018年1月出生，还能用这个地址登记到划片学校吗？"
    )
    calc, r = _answer(text)
    assert calc == "admission_primary_eligibility" and r.eligible is True
    assert "多校划片" in (r.extra or {}).get("入学方式", "")


def test_a_collective_hukou_child_is_told_the_district_lottery():
    text = "孩子户口随我落在西城单位的集体户上，我一直在这个单位上班，我们在西城住。孩子2018年3月生，能上西城小学吗？"
    calc, r = _answer(text)
    assert calc == "admission_primary_eligibility" and r.eligible is True
    assert "派位" in (r.extra or {}).get("入学方式", "")


@pytest.mark.parametrize("text", ["我们在西城没有房", "我们名下没房，住在老人家里"])
def test_owning_no_home_is_not_taken_for_a_qualifying_no_home_family(text):
    assert "no_home_family" not in read(text, "admission_primary_route")


# -- the unit's housing is where the unit is ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("我在西城一家医院食堂上班，签了合同。我们一家住的是我单位的公房", True),
        ("孩子他爸在丰台一家工厂工作。住的是单位的宿舍", False),
        ("我在西城上班，孩子爸在朝阳工作。住的是单位的宿舍", None),
    ],
)
def test_the_units_housing_is_where_the_stated_workplace_is(text, where):
    assert place_of(text, ("住",)) is where


def test_a_companys_founding_year_is_no_lease_year():
    got = read("孩子爸在西城开了家公司，公司2019年成立。房子在西城买的，房本住宅。")
    assert "lease_signed_year" not in got
    assert got["housing_type"] == "own_home"

"""The 8号 review as one verdict: three-valued AND over the parts, short-circuit on a failed part, and only the
facts of parts still open are asked, the child's own first."""

from __future__ import annotations

from datetime import date

from calculators.base import load_all

AS_OF = date(2024, 7, 1)


def run(**inputs):
    return load_all()["admission_nonlocal_review"].run({"hukou_type": "non_beijing", **inputs}, AS_OF)


def test_a_failed_part_decides_and_nothing_is_asked():
    result = run(birth_date="2018-03-01", housing_type="shared_rental", home_in_xicheng=True)
    assert result.eligible is False and result.missing == ()
    assert any("不再逐项判断" in s for s in result.steps)  # the permit part is not walked


def test_open_parts_ask_their_facts_in_order_child_first():
    result = run()
    fields = result.extra["missing_fields"]
    assert fields.index("birth_date") < fields.index("father_employment_type") < fields.index("housing_type")
    assert fields.index("housing_type") < fields.index("father_has_permit")


def test_a_decided_part_asks_nothing_more():
    result = run(housing_type="own_home", home_in_xicheng=True, certificate_residential=True)
    assert not {"housing_type", "certificate_residential", "lease_signed_on"} & set(
        result.extra["missing_fields"]
    )


def test_papers_for_a_special_situation_are_noted_not_asked():
    result = run(birth_date="2018-03-01", parents_non_beijing=True, hukou_book_matches_birth_certificate=True,
                 online_application_date="2024-05-07")  # fmt: skip
    assert "parents_in_same_hukou_book" not in result.extra["missing_fields"]
    family = next(r for r in result.extra["conditions"] if r["condition"].startswith("适用范围"))
    assert family["met"] is True
    assert any("单亲家庭" in w for w in result.warnings)


def test_a_stated_single_parent_family_still_needs_its_papers():
    result = run(birth_date="2018-03-01", parents_non_beijing=True, hukou_book_matches_birth_certificate=True,
                 online_application_date="2024-05-07", single_parent=True, single_parent_legal_documents=False)  # fmt: skip
    assert result.eligible is False


def test_the_middle_school_rule_asks_the_schools_answer_first_then_the_8号_facts():
    calc = load_all()["admission_middle_eligibility"]
    result = calc.run(
        {"hukou_type": "non_beijing", "grade6_graduate": True, "primary_school": "xicheng"}, AS_OF
    )
    assert result.eligible is None
    fields = result.extra["missing_fields"]
    assert fields[0] == "nonlocal_materials_approved" and "father_employment_type" in fields

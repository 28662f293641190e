"""Which 8号 material a question asks about, named in everyday words (工作材料, 住房这块), and whose it is
(我这一方的, 我这): the question routes to that material's rule and judges that one parent's proof. And a
procedure denied with a word between the negator and its verb ("一直没顾上去办") is not done.
Phrasings written here, not the dev cases'."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import best_intent
from assistant.slots import extract
from calculators.base import load_all

TODAY = date(2024, 5, 20)


def answer(text: str):
    intent, _ = best_intent(text)
    assert intent is not None, text
    values = extract(text, list(intent.slots), TODAY).values
    return intent.calculator, values, load_all()[intent.calculator].run(dict(values), TODAY)


@pytest.mark.parametrize(
    ("text", "calculator"),
    [
        ("我们外地的，我在西城上班交社保，请问我的工作材料够不够？", "admission_nonlocal_employment"),
        ("孩子爸爸在公司上班，他那一方的上班材料行不行？", "admission_nonlocal_employment"),
        ("外省户口，在西城租的房子，签的网签合同，住房这一块能过吗？", "admission_nonlocal_housing"),
        ("我们在西城整租了一套两居，租房的材料符合要求吗？", "admission_nonlocal_housing"),
    ],
)
def test_the_material_named_in_everyday_words_routes_to_its_rule(text, calculator):
    intent, _ = best_intent(text)
    assert intent is not None and intent.calculator == calculator


@pytest.mark.parametrize(
    "text",
    [
        "我这一方的工作材料能过吗？",
        "我这上班材料有问题吗？",
        "我这个工作的材料能审核通过吗？",
        "我那一方的就业材料算不算数？",
    ],
)
def test_my_side_of_the_work_proof_is_one_parent_asked(text):
    _, values, _ = answer("我是外地户口，在西城一家公司上班，签了劳动合同。" + text)
    assert values.get("father_material_asked") or values.get("mother_material_asked")


def test_back_paid_months_fail_the_one_parent_asked_about():
    text = (
        "我是外省户口，在西城的单位上班，合同签了。社保在西城交，可是去年十月停了一个月，过后又补交上了。"
        "我这上班的材料能通过审核吗？"
    )
    calculator, _, result = answer(text)
    assert calculator == "admission_nonlocal_employment"
    assert result.eligible is False


def test_a_company_head_meeting_every_condition_passes_without_asking_the_other_parent():
    text = (
        "我外地户口，是一家公司的法人。公司2020年在西城成立，注册地址一直在西城没迁过，"
        "从来没被列入过经营异常名录，法人也一直没变过。单看我这一方的就业材料，符合吗？"
    )
    calculator, _, result = answer(text)
    assert calculator == "admission_nonlocal_employment"
    assert result.eligible is True and not result.missing


@pytest.mark.parametrize(
    "said",
    [
        "回西城升学的手续还没来得及办",
        "回区的手续我们一直没顾上去办",
        "回区升学手续没时间办",
        "回区手续一直没去办理",
    ],
)
def test_a_return_procedure_denied_with_a_word_in_between_is_not_done(said):
    text = f"孩子在朝阳上的小学，今年六年级毕业，户口在西城，{said}，能在西城上初中吗？"
    calculator, values, result = answer(text)
    assert calculator == "admission_middle_eligibility"
    assert values.get("return_procedure_done") is False
    assert result.eligible is False


def test_no_way_is_not_a_denied_procedure():
    text = "孩子在丰台上的小学，今年六年级毕业，没办法，想回西城上初中，能行吗？"
    _, values, _ = answer(text)
    assert "return_procedure_done" not in values

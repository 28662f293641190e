"""A partial answer says what the clauses shown do not state, instead of letting a quote pass for an answer."""

import pytest

from assistant.compose import partial_note

CLAUSE_WITH_PHONE = "咨询电话：66000000。"
CLAUSE_WITH_OFFICE = "由区民政局负责审核。"
CLAUSE_WITH_AMOUNT = "每人每天可享受5元的就餐补贴。"


@pytest.mark.parametrize(
    "question, texts, says",
    [
        (
            "备案去哪个部门办，咨询电话是多少？",
            [CLAUSE_WITH_PHONE],
            "公报只写了电话号码，没有写受理或负责的部门",
        ),
        ("补贴多少钱，找哪个部门申请？", [CLAUSE_WITH_AMOUNT], "没有写受理或负责的部门"),
        ("普查的咨询电话是多少", [CLAUSE_WITH_OFFICE], "以上条文没有写明电话号码"),
        ("什么时候截止申请？", [CLAUSE_WITH_AMOUNT], "没有写明具体时间"),
    ],
)
def test_what_the_clauses_lack_is_said(question, texts, says):
    assert says in (partial_note(question, texts) or "")


@pytest.mark.parametrize(
    "question, texts",
    [
        ("咨询电话是多少", [CLAUSE_WITH_PHONE]),
        ("每天补多少钱", [CLAUSE_WITH_AMOUNT]),
        ("哪些老人算基本养老服务对象", [CLAUSE_WITH_AMOUNT]),  # nothing of the noted kinds asked
        ("补多少，哪个部门审核", [CLAUSE_WITH_AMOUNT, CLAUSE_WITH_OFFICE]),
    ],
)
def test_nothing_is_said_when_the_clauses_have_it_or_it_was_not_asked(question, texts):
    assert partial_note(question, texts) is None

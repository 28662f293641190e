"""A question that asserts a benefit or an amount is confirmed only by a clause that states it."""

from datetime import date

import pytest

from assistant.conversation import Conversation
from assistant.premise import unsupported_claim
from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "clauses", "refused"),
    [
        ("西城区给每位居民发放10万元补贴，对吗？", ["对养老助餐点给予10万元建设补贴"], True),
        ("听说光伏每千瓦奖1200元，是真的吗", ["按照并网装机容量给予每千瓦1200元的一次性奖励"], False),
        ("听说光伏每千瓦奖2000元，是真的吗", ["按照并网装机容量给予每千瓦1200元的一次性奖励"], True),
        ("每天补 5 元对吗", ["每人每天可享受 5 元的午餐或晚餐就餐补贴"], False),
        (
            "光伏每千瓦奖多少",
            ["按照并网装机容量给予每千瓦1200元的一次性奖励"],
            False,
        ),  # asks, asserts nothing
        ("所有居民都能领补贴，对吗", ["养老助餐点建设补贴"], True),  # "every …" names a group no clause names
    ],
)
def test_a_claim_stands_only_on_a_clause_that_states_it(question, clauses, refused):
    assert (unsupported_claim(question, clauses) is not None) is refused


@pytest.fixture(scope="module")
def assistant(fake_index):
    return Assistant(fake_index, today=date(2024, 7, 1))


def test_a_false_premise_is_answered_as_such_with_the_nearest_rule_shown_as_such(assistant):
    a = assistant.ask("西城区给每位居民发放10万元补贴，对吗？", Conversation())
    assert a.status == "not_found"
    assert a.answer.startswith("公报中没有这项规定") and "仅供对照" in a.answer
    assert "相关规定如下" not in a.answer


def test_a_true_claim_is_answered_with_its_clause(assistant):
    a = assistant.ask("听说光伏每千瓦奖1200元，是真的吗", Conversation())
    assert a.status == "answered" and "1200" in a.answer

"""Answer-type features of the reranker: what a question asks for, and whether a clause states it."""

import pytest

from retrieval.answer_type import asked_types, scope_clash, states


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("入学咨询电话是多少", "phone"),
        ("孩子几岁能上小学", "age"),
        ("小学入学信息采集是什么时候", "date"),
        ("新能源叉车更新能补多少", "amount"),
        ("申请材料交到哪个部门", "office"),
        ("这个办法有效期到什么时候", "validity"),
        ("要准备哪些证明材料", "materials"),
        ("哪些老人算基本养老服务对象", "definition"),
        ("两项奖励能同时拿吗", "combine"),
    ],
)
def test_the_kind_of_thing_asked_for_is_recognised(question, kind):
    assert kind in asked_types(question)


def test_a_question_that_names_no_kind_asks_for_none():
    assert asked_types("西城区促进绿色低碳") == ()


@pytest.mark.parametrize(
    ("kinds", "text", "share"),
    [
        (("age",), "年满6周岁（2018年8月31日以前出生）的儿童", 1.0),
        (("age",), "5月6日至31日 入学信息采集", 0.0),
        (("phone",), "咨询电话：66007070", 1.0),
        (("amount", "date"), "每千瓦时1500元奖励", 0.5),
        ((), "任何文字", 0.0),
    ],
)
def test_a_clause_states_a_share_of_the_kinds_asked_for(kinds, text, share):
    assert states(text, kinds) == share


@pytest.mark.parametrize(
    ("question", "text", "clash"),
    [
        ("孩子上小学要什么条件", "小学六年级毕业生升入初中的条件", True),
        ("孩子上小学要什么条件", "小学入学条件：年满6周岁", False),
        ("外地户口孩子上学要什么材料", "本市户籍适龄儿童持户口簿入学", True),
        ("外地户口孩子上学要什么材料", "非本市户籍适龄儿童须提供居住证", False),
        ("光伏奖励多少", "小学入学条件", False),  # a question naming no scope clashes with nothing
    ],
)
def test_a_clause_about_only_the_other_stage_or_hukou_side_clashes(question, text, clash):
    assert scope_clash(question, text) is clash

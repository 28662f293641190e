"""Negation scope: a fact mentioned inside "没有… / 未… / 不是…" is read as its opposite, nothing else is."""

import pytest

from assistant.negation import negated
from assistant.slots import SlotSpec, extract
from core.normalize import normalize

# A yes/no fact written with its positive wording only: the mechanism, not a list of negative phrasings.
HIGH_TECH = SlotSpec.from_dict("uses_high_tech", {"patterns": {True: ["高新技术产品"]}})
HUKOU = SlotSpec.from_dict(
    "hukou", {"patterns": {"xicheng": ["西城(区)?户口"], "other_district": ["外区户口", "海淀户口"]}}
)


@pytest.mark.parametrize(
    "text",
    [
        "我们没有使用高新技术产品",
        "我们没用市级认定的高新技术产品",
        "项目并未采用高新技术产品",
        "尚未使用高新技术产品",
        "从来没用过高新技术产品",
        "我们不是用的高新技术产品",
        "改造中未采用高新技术产品，节能120吨",
        "节能300吨标煤，没有高新技术产品",
        "还没有用上高新技术产品",
        "公司从未使用高新技术产品",
    ],
)
def test_a_negated_yes_no_fact_is_read_as_no(text):
    assert extract(text, [HIGH_TECH]).values == {"uses_high_tech": False}


@pytest.mark.parametrize(
    "text",
    [
        "我们用了高新技术产品",
        "采用的是市级认定的高新技术产品",
        "没有受过处罚，使用了高新技术产品",  # the negation ends at the comma
        "没有受过处罚但使用了高新技术产品",  # … and at 但
        "从没被通报过，也用了高新技术产品",
        "不仅节能，还用了高新技术产品",  # 不仅 negates nothing
        "非常依赖高新技术产品",  # nor does 非常
        "无论如何用了高新技术产品",
    ],
)
def test_a_fact_outside_any_negation_is_read_as_yes(text):
    assert extract(text, [HIGH_TECH]).values == {"uses_high_tech": True}


def test_an_unmentioned_fact_stays_unknown():
    assert extract("光伏装机500千瓦", [HIGH_TECH]).values == {}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("孩子不是西城户口，是海淀户口", "other_district"),
        ("孩子并非西城区户口，是外区户口", "other_district"),
        ("孩子是西城户口", "xicheng"),
    ],
)
def test_a_negated_category_is_ruled_out_and_the_next_one_read(text, want):
    assert extract(text, [HUKOU]).values == {"hukou": want}


def test_a_negated_category_with_no_alternative_stays_unknown():
    assert extract("孩子不是西城户口", [HUKOU]).values == {}


@pytest.mark.parametrize(
    ("text", "mention", "want"),
    [
        ("非国有博物馆去年没参加评估", "没参加", False),  # a mention that starts with its own negator
        ("非国有博物馆", "国有", True),  # prefix 非 touching the mention
        ("非国有博物馆去年参加了评估", "参加", False),  # prefix 非 of another word
        ("公司无实际生产", "实际生产", True),
        ("家里无房，父母有实际生产", "实际生产", False),
    ],
)
def test_scope_rules(text, mention, want):
    flat = normalize(text)
    assert negated(flat, flat.index(mention)) is want


# -- places: one reader for every "… in 西城?" fact ---------------------------------------------------------

PLACE_CASES = [
    ("孩子在朝阳上的小学，今年六年级毕业", ("小学",), False),
    ("孩子西城户口，在西城一所小学读六年级", ("小学",), True),
    ("小学是在河北老家上的", ("小学",), False),
    ("房子不在西城", ("房子",), False),
    ("公司注册在西城", ("注册",), True),
    ("我在海淀一家公司上班", ("上班",), False),
    ("我们在西城租房住了两年", ("住",), True),
    ("我们去年搬到通州住了", ("住",), False),
    ("孩子的学校在上海市", ("学校",), False),
    ("在市场监管局注册", ("注册",), None),  # 市场监管局 is no place
    ("光伏装机500千瓦", ("小学",), None),
]


@pytest.mark.parametrize(("text", "words", "want"), PLACE_CASES)
def test_the_place_of_a_thing_is_read_from_its_own_clause(text, words, want):
    from assistant.places import place_of

    assert place_of(normalize(text), words) is want


def test_a_place_slot_takes_its_values_and_never_a_number():
    spec = SlotSpec.from_dict(
        "school", {"place_of": ["小学"], "place_values": {"in": "xicheng", "out": "other"}}
    )
    got = extract("孩子在朝阳上的小学，5月8号办完了手续", [spec]).values
    assert got == {"school": "other"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("我们是海淀户口", "beijing_other_personal"),
        ("孩子户口在朝阳", "beijing_other_personal"),
        ("全家都是河南老家户口", "non_beijing"),
        ("我们是外省户口", "non_beijing"),
        ("孩子是非京籍", "non_beijing"),
        ("孩子不是北京户口", "non_beijing"),
        ("本区户口", "xicheng_personal"),
        ("户口一直在西城", "xicheng_personal"),
        ("孩子户口落在西城的社区公共户上", "xicheng_public"),
        ("户口在我单位的集体户上，单位在东城", "beijing_other_collective_public"),
        ("孩子是西城单位集体户口", "xicheng_collective"),
        ("全家外地户口，但已认定按本市户籍对待", "treated_as_beijing"),
        ("孩子不是西城户口，是海淀户口", "beijing_other_personal"),
    ],
)
def test_hukou_words_are_declared_once_and_read_by_every_slot_that_names_the_concept(text, want):
    spec = SlotSpec.from_dict("hukou_type", {"concept": "hukou_type"})
    assert extract(text, [spec]).values == {"hukou_type": want}


def test_an_unknown_concept_is_named():
    with pytest.raises(KeyError, match="unknown concept"):
        SlotSpec.from_dict("x", {"concept": "no_such_thing"})

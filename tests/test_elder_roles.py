"""Whose facts a clause states when a family tells about its elders: one elder named → that elder's, the
household (我们家) is nobody in particular, 我老伴 is the partner, a bare 我 of the child telling it is nobody."""

import pytest

from assistant.persons import DAD, MOM, PARTNER, SELF, clauses_of
from core.normalize import normalize


@pytest.mark.parametrize(
    "text, person, has, lacks",
    [
        ("我妈今年78了。我们家是低保户，她前年就失能了。", MOM, "失能", ""),
        ("我妈今年78了。我们家是低保户，她前年就失能了。", PARTNER, "", "失能"),
        ("我妈今年78了。我们家是低保户，她前年就失能了。", SELF, "", "失能"),
        ("我想问一下我爸的情况，他今年85，去年中风后失能了。", DAD, "失能", ""),
        ("我想问一下我爸的情况，他今年85，去年中风后失能了。", SELF, "", "失能"),
        ("我老伴今年69，重度残疾。", PARTNER, "69", ""),
        ("我老伴今年69，重度残疾。", SELF, "", "69"),
        ("我今年72，老伴75，我们俩都在西城住。", SELF, "72", "75"),
        ("我今年72，老伴75，我们俩都在西城住。", PARTNER, "75", "72"),
        ("我爸82，我妈79，二老都失能。", MOM, "失能", ""),
    ],
)
def test_each_elder_gets_their_own_clauses(text, person, has, lacks):
    mine = clauses_of(normalize(text), person)
    assert has in mine
    if lacks:
        assert lacks not in mine


@pytest.mark.parametrize("kin", ["我姑妈", "我外婆", "邻居大爷", "我姨"])
def test_an_elder_of_another_relation_is_no_role_of_the_four(kin):
    text = normalize(f"替{kin}问一下，她75岁，低保，在驿站吃饭。")
    assert all(clauses_of(text, role) == "" for role in (SELF, PARTNER, DAD, MOM))

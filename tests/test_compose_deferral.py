"""A clause that hands its standard to another document says so: the answer points to that document instead of
leaving the reader to think the gazette gives the figure."""

import pytest

from assistant.compose import compose_clauses, deferral_notes
from core.schema import Chunk, Hit


@pytest.mark.parametrize(
    "clause, named",
    [
        (
            "支持依据 按照《北京市西城区支持中关村科技园区西城园自主创新若干规定》(西行规发〔2021〕1号)补贴标准和条件实施。",
            "《北京市西城区支持中关村科技园区西城园自主创新若干规定》（西行规发〔2021〕1号）",
        ),
        (
            "再利用工作具体参照《西城区疏解腾退空间资源再利用指导意见》（西政办发〔2021〕7号）执行。",
            "（西政办发〔2021〕7号）",
        ),
        ("补贴按照《北京市养老服务补贴办法》执行。", "《北京市养老服务补贴办法》"),
        ("奖励依照《某某管理办法》有关规定办理。", "《某某管理办法》"),
    ],
)
def test_a_clause_that_defers_names_the_document(clause, named):
    notes = deferral_notes(clause)
    assert len(notes) == 1 and named in notes[0] and "不在本公报中" in notes[0]


@pytest.mark.parametrize(
    "clause",
    [
        "根据《国有资产评估管理办法》（国务院令第91号）等规定，制定本办法。",  # the legal basis, not a deferral
        "按照并网装机容量给予每千瓦 1200 元的一次性奖励。",
        "按照《通知》要求做好普查工作",
    ],
)
def test_a_clause_that_gives_its_own_rule_gets_no_pointer(clause):
    assert deferral_notes(clause) == []


def test_the_pointer_follows_the_lead_clause_only():
    lead = Chunk(
        "d/1",
        "西科管发〔2024〕1号",
        ("十",),
        "十（三）1",
        "按照《甲办法》(西行规发〔2021〕1号)补贴标准和条件实施。",
        "item",
    )
    other = Chunk("d/2", "西科管发〔2024〕1号", ("十",), "十（三）2", "按照《乙办法》执行。", "item")
    text, _ = compose_clauses("补贴标准是多少", [Hit(lead, 1.0), Hit(other, 0.9)], {}, exact=False)
    assert "此条按《甲办法》（西行规发〔2021〕1号）执行" in text and "《乙办法》执行，具体标准" not in text

"""A clause or document that the gazette does not have is said to be missing — never answered with another."""

import pytest

from retrieval.search import Retriever


@pytest.fixture(scope="module")
def retriever(fake_index):
    return Retriever(fake_index)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("西民发〔2024〕1号第99条", ["共三十四条", "没有第九十九条"]),
        ("养老助餐细则第0条", ["没有第0条"]),
        ("养老助餐细则第五十条", ["没有第五十条"]),
        ("绿色低碳若干措施第30项", ["没有第30项", "共25项"]),
        ("西政办发〔2024〕2号附件9", ["只有附件1", "没有附件9"]),
        ("西政发〔2024〕2号第9条", ["不按“第N条”编排", "没有第九条"]),
        ("西教发〔2024〕8号三（九）", ["没有“三（九）”"]),
        ("西民发〔2024〕5号第3条", ["没有西民发〔2024〕5号这份文件"]),
    ],
)
def test_a_reference_past_the_end_says_what_the_document_has(retriever, query, words):
    result = retriever.search(query)
    assert result.hits == () and not result.relevant
    for w in words:
        assert w in result.missing


@pytest.mark.parametrize(
    "query",
    ["西民发〔2024〕1号第二十一条", "Article 21 of 西民发〔2024〕1号", "养老助餐细则第34条", "光伏补贴多少"],
)
def test_a_reference_that_exists_or_none_at_all_is_not_missing(retriever, query):
    result = retriever.search(query)
    assert result.missing is None and result.hits


def test_the_english_article_form_names_the_same_clause(retriever):
    assert retriever.search("Article 21 of 西民发〔2024〕1号").hits[0].chunk.article == "第二十一条"


def test_the_assistant_refuses_a_missing_clause_with_the_reason(fake_index):
    from datetime import date

    from assistant.service import Assistant

    a = Assistant(fake_index, today=date(2024, 7, 1)).ask("西民发〔2024〕1号第99条是什么内容")
    assert a.status == "not_found" and "没有第九十九条" in a.answer and a.citations == ()


@pytest.mark.parametrize(
    "query", ["西政办发〔2024〕1号目录第6项是什么", "西政办发〔2024〕4号第13条养老助餐工程"]
)
def test_an_item_the_document_numbers_is_never_called_missing_even_when_lookup_cannot_resolve_it(
    retriever, query
):
    result = retriever.search(query)
    assert result.missing is None and result.hits

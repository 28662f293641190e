"""Exact clause lookup returns the right clause for every 条 of the five regulations, by 文号 and by short name."""

from __future__ import annotations

import pytest

from core.numerals import int_to_cn
from ingest.chunk import article_number, chunk_documents
from ingest.parse import load_documents
from retrieval.lookup import find_doc, lookup, parse_reference

REGULATIONS = {
    "西行规发〔2024〕1号": (14, "平房修缮细则"),
    "西财资产〔2024〕18号": (28, "国有资产评估管理办法"),
    "西民发〔2024〕1号": (34, "养老助餐细则"),
    "西文旅发〔2024〕3号": (22, "博物馆扶持办法"),
    "西发改文〔2024〕82号": (17, "绿色低碳若干措施"),
}


@pytest.fixture(scope="module")
def docs():
    return tuple(load_documents())


@pytest.fixture(scope="module")
def chunks(docs):
    return chunk_documents(list(docs))


def _check(query, doc_no, n, docs, chunks):
    found = lookup(parse_reference(query, docs), chunks)
    assert found, query
    assert {c.doc_no for c in found} == {doc_no}, query
    assert {article_number(c.article) for c in found} == {n}, query


@pytest.mark.parametrize("doc_no", REGULATIONS)
def test_every_article_by_doc_no_in_chinese_numerals(doc_no, docs, chunks):
    count, _ = REGULATIONS[doc_no]
    for n in range(1, count + 1):
        _check(f"{doc_no}第{int_to_cn(n)}条", doc_no, n, docs, chunks)


@pytest.mark.parametrize("doc_no", REGULATIONS)
def test_every_article_by_short_name_in_arabic_numerals(doc_no, docs, chunks):
    count, short = REGULATIONS[doc_no]
    for n in range(1, count + 1):
        _check(f"{short}第{n}条是怎么规定的", doc_no, n, docs, chunks)


@pytest.mark.parametrize(
    "query",
    [
        "西民发[2024]1号 第21条",
        "西民发（2024）1号第二十一条",
        "西民发2024年1号第二十一条",
        "养老助餐服务实施细则第二十一条",
    ],
)
def test_doc_no_spellings(query, docs, chunks):
    _check(query, "西民发〔2024〕1号", 21, docs, chunks)


def test_item_of_green_measures(docs, chunks):
    found = lookup(parse_reference("绿色低碳若干措施第五条第1项", docs), chunks)
    assert [c.article for c in found] == ["第五条 第1项"]
    found = lookup(parse_reference("82号文第25项", docs), chunks)
    assert [c.article for c in found] == ["第十条 第25项"]


def test_whole_split_article_is_returned(docs, chunks):
    found = lookup(parse_reference("西发改文〔2024〕82号第五条", docs), chunks)
    assert [c.article for c in found] == ["第五条 第1项", "第五条 第2项", "第五条 第3项"]


def test_notice_item_and_attachment(docs, chunks):
    found = lookup(parse_reference("西教发〔2024〕8号三（一）", docs), chunks)
    assert found and all(c.article.startswith("三（一）") for c in found)
    found = lookup(parse_reference("西政办发〔2024〕2号附件6", docs), chunks)
    assert found and all("/附件6/" in c.chunk_id for c in found)


def test_questions_without_a_clause_are_not_lookups(docs):
    assert not parse_reference("老人食堂吃饭有补贴吗", docs).is_clause
    assert not parse_reference("2024年8月31日出生的孩子能上学吗", docs).is_clause


def test_find_doc_by_alias_and_title(docs):
    assert find_doc("金科十条里的租房补贴", docs) == "西科管发〔2024〕1号"
    assert find_doc("北京市西城区养老助餐服务实施细则（试行）", docs) == "西民发〔2024〕1号"
    assert find_doc("朝阳区的政策", docs) is None


def test_task_row_of_an_attachment(docs, chunks):
    found = lookup(parse_reference("西政办发〔2024〕2号附件2第6项", docs), chunks)
    assert found and all(c.chunk_id.startswith("西政办发〔2024〕2号/附件2/") for c in found)
    assert all("第6项" in c.article for c in found)


def test_numbered_items_of_notices(docs, chunks):
    found = lookup(parse_reference("西政办发〔2024〕3号第11项", docs), chunks)
    assert [c.chunk_id for c in found] == ["西政办发〔2024〕3号/三/11"]
    found = lookup(parse_reference("西科管发〔2024〕1号第8条第1款", docs), chunks)
    assert found and all(c.article.startswith("八（一）") for c in found)
    found = lookup(parse_reference("西教发〔2024〕8号三（二）4", docs), chunks)
    assert [c.article for c in found] == ["三（二）4"]

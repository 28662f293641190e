"""Chunks follow the legal structure: one per 条 (or 项), numbered item, or table row."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from core.normalize import normalize
from core.numerals import cn_to_int
from ingest.chunk import chunk_documents
from ingest.parse import load_documents

ARTICLE_COUNTS = {
    "西行规发〔2024〕1号": 14,
    "西财资产〔2024〕18号": 28,
    "西民发〔2024〕1号": 34,
    "西文旅发〔2024〕3号": 22,
    "西发改文〔2024〕82号": 17,
}


@pytest.fixture(scope="module")
def docs():
    return load_documents()


@pytest.fixture(scope="module")
def chunks(docs):
    return chunk_documents(docs)


@pytest.mark.parametrize(("doc_no", "count"), ARTICLE_COUNTS.items())
def test_every_article_is_its_own_chunk_group(chunks, doc_no, count):
    numbers = set()
    for c in chunks:
        if c.doc_no == doc_no and c.kind == "clause":
            m = re.match(r"第([一二三四五六七八九十百]+)条", c.article or "")
            assert m, c.chunk_id
            numbers.add(cn_to_int(m.group(1)))
            # The chunk text starts with its own article heading (kept in every part of a split 条).
            assert normalize(c.text).startswith(normalize(m.group(0))), c.chunk_id
    assert numbers == set(range(1, count + 1))


def test_green_measures_split_into_their_25_items(chunks):
    items = [c for c in chunks if c.doc_no == "西发改文〔2024〕82号" and "项" in (c.article or "")]
    assert [c.article.split()[-1] for c in items] == [f"第{n}项" for n in range(1, 26)]
    pv = next(c for c in items if c.article == "第五条 第1项")
    assert "1200" in pv.text and "分布式光伏" in pv.text
    assert pv.chunk_id == "西发改文〔2024〕82号/第二章/第五条/第1项"


def test_meal_article_21_has_a_readable_id(chunks):
    ids = {c.chunk_id for c in chunks}
    assert "西民发〔2024〕1号/第五章/第二十一条" in ids


def test_tianqiao_pm25_row_is_one_chunk(chunks):
    rows = [c for c in chunks if "天桥街道" in c.text and c.kind == "table_row" and "PM2.5" in c.text]
    assert len(rows) == 1
    text = normalize(rows[0].text)
    assert "全年34" in text and "一季度49" in text
    assert rows[0].doc_no == "西政办发〔2024〕2号"


def test_task_rows_carry_column_names_and_drop_repeated_headers(chunks):
    rows = [c for c in chunks if c.kind == "table_row" and c.doc_no == "西政办发〔2024〕2号"]
    assert len(rows) > 100
    assert all(not re.fullmatch(r"序号\s*重点(工作)?任务.*", c.text) for c in rows)
    forklift = [c for c in rows if "叉车电动化数量不少于10辆" in normalize(c.text)]
    assert forklift and "工作措施" in forklift[0].text


def test_no_chunk_mixes_two_documents(docs, chunks):
    by_no = {d.doc_no: normalize(d.text) for d in docs}
    for c in chunks:
        for line in c.text.split("\n"):
            piece = normalize(line)[:30]
            if len(piece) >= 12 and not any(ch in piece for ch in ":;｜|"):
                assert piece in by_no[c.doc_no], (c.chunk_id, piece)


def test_no_chunk_is_only_a_header_or_the_toc(chunks):
    for c in chunks:
        flat = normalize(c.text)
        assert flat not in {"序号", "目录"}
        assert not re.fullmatch(r"序号重点(工作)?任务工作措施.*", flat), c.chunk_id
        assert "【区政府文件】" not in flat


def test_chunk_ids_are_unique_and_carry_their_doc_no(chunks):
    ids = [c.chunk_id for c in chunks]
    assert len(ids) == len(set(ids))
    assert all(c.chunk_id.startswith(c.doc_no + "/") for c in chunks)


def test_kinds(chunks):
    kinds = Counter(c.kind for c in chunks)
    assert set(kinds) == {"clause", "item", "table_row", "paragraph"}


def test_attachments_belong_to_their_parent(chunks):
    ids = {c.chunk_id.split("/")[1] for c in chunks if c.doc_no == "西政办发〔2024〕2号"}
    assert {f"附件{n}" for n in range(1, 7)} <= ids
    meal_parts = {c.chunk_id.split("/")[1] for c in chunks if c.doc_no == "西民发〔2024〕1号"}
    assert {"附件1", "附件2", "附件3"} <= meal_parts  # 附件3 has lost its label in the PDF


def test_numbers_split_from_units_are_joined(chunks):
    pv = next(c for c in chunks if c.article == "第五条 第1项")
    assert "100万元" in normalize(pv.text)
    assert "100\n" not in pv.text


def test_items_of_notices(chunks):
    ids = {c.chunk_id for c in chunks}
    assert "西教发〔2024〕8号/三/（一）/1" in ids
    assert "西科管发〔2024〕1号/二/（二）/1" in ids


def test_every_quote_is_verbatim_corpus_text(docs, chunks):
    """Citations quote chunk.quote; after whitespace normalisation it must occur in its document."""
    by_no = {d.doc_no: normalize(d.text) for d in docs}
    for c in chunks:
        if c.kind != "paragraph" or not c.chunk_id.endswith("/表"):  # forms are flattened on purpose
            assert normalize(c.quote) in by_no[c.doc_no], c.chunk_id

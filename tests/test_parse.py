"""The gazette parses into exactly 13 documents with the metadata the text states."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.parse import CorpusError, load_documents, read_corpus

EXPECTED_DOC_NOS = [
    "西政发〔2024〕2号",
    "西政办发〔2024〕1号",
    "西政办发〔2024〕2号",
    "西政办发〔2024〕3号",
    "西政办发〔2024〕4号",
    "西行规发〔2024〕1号",
    "西科管发〔2024〕1号",
    "西财资产〔2024〕18号",
    "西民发〔2024〕1号",
    "西文旅发〔2024〕3号",
    "西教发〔2024〕7号",
    "西教发〔2024〕8号",
    "西发改文〔2024〕82号",
]


@pytest.fixture(scope="module")
def docs():
    return {d.doc_no: d for d in load_documents()}


def test_exactly_the_thirteen_printed_doc_nos(docs):
    assert list(docs) == EXPECTED_DOC_NOS


def test_table_of_contents_is_not_a_document(docs):
    for d in docs.values():
        assert "目 录" not in d.text and "【区政府文件】" not in d.text
        assert not d.title.startswith("目录")


@pytest.mark.parametrize(
    ("doc_no", "category", "issuer_part", "issued"),
    [
        ("西政发〔2024〕2号", "区政府文件", "北京市西城区人民政府", date(2024, 3, 18)),
        ("西行规发〔2024〕1号", "区政府文件", "人民政府办公室", date(2024, 2, 6)),
        ("西科管发〔2024〕1号", "部门文件", "中关村科技园区西城园管理委员会", date(2024, 1, 3)),
        ("西财资产〔2024〕18号", "部门文件", "财政局", date(2024, 1, 14)),
        ("西民发〔2024〕1号", "部门文件", "市场监督管理局", date(2024, 3, 1)),
        ("西文旅发〔2024〕3号", "部门文件", "文化和旅游局", date(2024, 3, 20)),
        ("西教发〔2024〕7号", "部门文件", "教育委员会", date(2024, 4, 29)),
        ("西发改文〔2024〕82号", "部门文件", "发展和改革委员会", date(2024, 6, 24)),
    ],
)
def test_metadata(docs, doc_no, category, issuer_part, issued):
    d = docs[doc_no]
    assert d.category == category
    assert issuer_part in d.issuer
    assert d.issued_on == issued


def test_meal_rules_list_all_four_issuers(docs):
    assert docs["西民发〔2024〕1号"].issuer.count("、") == 3


@pytest.mark.parametrize(
    ("doc_no", "start", "end"),
    [
        ("西文旅发〔2024〕3号", date(2024, 3, 20), date(2027, 3, 19)),  # 自发布之日起三年内有效
        ("西发改文〔2024〕82号", date(2024, 6, 24), date(2029, 6, 23)),  # 有效期5年
        ("西民发〔2024〕1号", date(2024, 3, 1), None),  # 自2024年3月1日起施行
        ("西财资产〔2024〕18号", date(2024, 2, 1), None),  # 自2024年2月1日起施行
        ("西教发〔2024〕7号", date(2024, 4, 29), date(2024, 12, 31)),  # 2024 admission only
        ("西教发〔2024〕8号", date(2024, 4, 29), date(2024, 12, 31)),
    ],
)
def test_validity(docs, doc_no, start, end):
    assert (docs[doc_no].effective_from, docs[doc_no].effective_to) == (start, end)


def test_short_names(docs):
    assert docs["西民发〔2024〕1号"].short_name == "北京市西城区养老助餐服务实施细则（试行）"
    assert docs["西发改文〔2024〕82号"].short_name == "西城区促进绿色低碳高质量发展若干措施"
    assert docs["西科管发〔2024〕1号"].short_name.endswith("实施细则（试行）")


def test_documents_do_not_overlap(docs):
    for d in docs.values():
        others = [o for o in EXPECTED_DOC_NOS if o != d.doc_no]
        # The title block of the next document must not leak into this one's end.
        assert not any(d.text.rstrip().endswith(o) for o in others)


def test_missing_corpus_dir_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        read_corpus(tmp_path / "nope")


def test_empty_corpus_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(CorpusError, match="empty"):
        read_corpus(tmp_path)


def test_non_utf8_corpus_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_bytes("西城区".encode("gbk"))
    with pytest.raises(CorpusError, match="UTF-8"):
        read_corpus(tmp_path)


def test_text_without_toc_is_rejected(tmp_path):
    (tmp_path / "a.txt").write_text("随便一段文字\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="目 录"):
        load_documents(tmp_path)

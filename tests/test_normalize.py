from core.normalize import normalize, unify_doc_no
from core.numerals import cn_to_int, int_to_cn


def test_spaces_between_cjk_and_digits_go():
    assert normalize("2024 年 3 月") == "2024年3月"
    assert normalize("不超过 100\n\n万元") == "不超过100万元"


def test_full_width_becomes_half_width():
    assert normalize("ＰＭ２.５") == "PM2.5"


def test_doc_no_brackets_are_unified():
    for raw in ("西民发[2024]1号", "西民发（2024）1号", "西民发〔2024〕 1 号", "西民发 (2024) 1号"):
        assert unify_doc_no(normalize(raw)) == "西民发〔2024〕1号"


def test_ascii_words_keep_their_space():
    assert normalize("NO x  emission") == "NO x emission"


def test_chinese_numerals_round_trip():
    for n in (1, 9, 10, 11, 20, 21, 34, 99, 100, 105, 120):
        assert cn_to_int(int_to_cn(n)) == n
    assert cn_to_int("二十一") == 21
    assert cn_to_int("21") == 21

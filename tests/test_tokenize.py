"""Chinese-aware BM25 tokenisers: what tokens they make, and that BM25 then finds paraphrased clauses."""

import bm25s
import pytest

from core.tokenize import DEFAULT_TOKENIZER, char_bigram, get_tokenizer, jieba_search


def test_char_bigram_gives_single_characters_and_bigrams_of_each_cjk_run():
    assert char_bigram("养老助餐") == ["养", "老", "助", "餐", "养老", "老助", "助餐"]


def test_char_bigram_keeps_numbers_and_ascii_words_whole_and_drops_punctuation():
    tokens = char_bigram("每千瓦1200元，比例3.5%（ABC Test）")
    assert "1200" in tokens and "3.5%" in tokens
    assert "abc" in tokens and "test" in tokens
    assert not any(t in tokens for t in ("，", "（", "）", " "))
    assert "瓦1" not in tokens  # bigrams never cross from CJK into digits


def test_char_bigram_normalises_full_width_digits_and_spaces():
    assert char_bigram("２０２４ 年") == char_bigram("2024年")


def test_jieba_search_yields_words_and_their_subwords_without_punctuation():
    tokens = jieba_search("西城区养老助餐服务实施细则，自2024年3月1日起施行。")
    assert {"养老", "助餐", "西城", "西城区"} <= set(tokens)
    assert "2024" in tokens
    assert not any(t.strip() in ("", "，", "。") for t in tokens)


def test_jieba_is_quiet(capfd):
    jieba_search("光伏项目奖励")
    assert "Building prefix dict" not in capfd.readouterr().err


def test_get_tokenizer_by_name_and_default():
    assert get_tokenizer("char_bigram") is char_bigram
    assert get_tokenizer("jieba_search") is jieba_search
    assert get_tokenizer(None) is get_tokenizer(DEFAULT_TOKENIZER)
    with pytest.raises(ValueError, match="unknown tokenizer"):
        get_tokenizer("whitespace")


@pytest.mark.parametrize("name", ["char_bigram", "jieba_search"])
def test_bm25_finds_the_paraphrased_clause(name, sample_chunks):
    tokenize = get_tokenizer(name)
    retriever = bm25s.BM25()
    retriever.index([tokenize(c.text) for c in sample_chunks], show_progress=False)
    scores = retriever.get_scores(tokenize("老年人就餐每餐补贴多少钱"))
    assert scores.argmax() == 0 and scores[0] > 0


def test_whitespace_tokens_would_score_zero_which_is_why_these_exist(sample_chunks):
    retriever = bm25s.BM25()
    retriever.index([c.text.split() for c in sample_chunks], show_progress=False)
    assert retriever.get_scores(["老年人就餐每餐补贴多少钱"]).max() == 0

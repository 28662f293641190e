"""Gazette terms kept whole as BM25 tokens: each is real corpus text, and phrases beat scattered characters."""

from __future__ import annotations

from core.normalize import normalize
from core.tokenize import TERMS_FILE, char_bigram_terms, get_tokenizer, tokenizer_fingerprint


def test_every_term_occurs_in_the_corpus():
    from ingest.parse import read_corpus

    corpus = normalize(read_corpus().text)
    terms = [t for t in TERMS_FILE.read_text(encoding="utf-8").splitlines() if t and not t.startswith("#")]
    assert len(terms) > 50
    assert [t for t in terms if normalize(t) not in corpus] == []


def test_terms_become_whole_tokens():
    tokens = char_bigram_terms("西城区父母食堂是指什么")
    assert "#父母食堂" in tokens and "#西城区父母食堂" in tokens
    assert "父母" in tokens  # the bigrams stay
    assert tokens.count("#父母食堂") == 1


def test_scattered_characters_are_not_a_term():
    assert not any(t.startswith("#") for t in char_bigram_terms("父母在食堂吃饭"))


def test_default_tokenizer_and_fingerprint():
    assert get_tokenizer() is char_bigram_terms
    assert tokenizer_fingerprint().startswith("char_bigram_terms-")
    assert tokenizer_fingerprint("jieba_search") == "jieba_search"

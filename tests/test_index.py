"""The persistent hybrid index: build, no-op, rebuild on change, atomic swap, corruption, offline default."""

import json
import socket

import pytest

import ingest.index as index_mod
from core.schema import Chunk
from ingest.embedders import FakeEmbedder
from ingest.index import CHUNKS, MANIFEST, IndexUnavailable, build_index, chunk_search_text, collection_name
from retrieval.index import load_index

QUIET = {"progress": False, "log": lambda _msg: None}


def test_first_build_writes_every_part_and_a_manifest(settings):
    report = build_index(settings, **QUIET)
    assert report.status == "built"
    m = json.loads((settings.index_dir / MANIFEST).read_text(encoding="utf-8"))
    for key in (
        "corpus_sha256",
        "embedder",
        "dim",
        "parser_version",
        "tokenizer",
        "chunks",
        "built_at",
        "collection",
    ):
        assert key in m
    assert (m["embedder"], m["dim"], m["tokenizer"], m["documents"]) == ("fake", 256, "char_bigram_terms", 13)
    assert sum(d["chunks"] for d in m["docs"]) == m["chunks"]
    assert (settings.index_dir / "bm25").is_dir() and (settings.index_dir / "chroma").is_dir()
    assert not list(settings.data_dir.glob(".index.*-*"))  # no temp or old folder left behind


def test_second_build_is_a_no_op_and_rebuild_forces_one(settings):
    built_at = build_index(settings, **QUIET).manifest["built_at"]
    again = build_index(settings, **QUIET)
    assert again.status == "unchanged" and again.manifest["built_at"] == built_at
    assert build_index(settings, rebuild=True, **QUIET).status == "built"


def test_changing_the_embedder_or_tokenizer_rebuilds(settings, monkeypatch):
    import dataclasses

    build_index(settings, **QUIET)

    class OtherFake(FakeEmbedder):
        def __init__(self):
            self.name = "fake2"

    real = index_mod.get_embedder
    monkeypatch.setattr(index_mod, "get_embedder", lambda n: OtherFake() if n == "fake2" else real(n))
    other = dataclasses.replace(settings, embedder="fake2")
    report = build_index(other, **QUIET)
    assert report.status == "built" and "embedder" in report.reason
    assert load_index(other).manifest["embedder"] == "fake2"
    with pytest.raises(IndexUnavailable, match="built for embedder 'fake2'"):
        load_index(settings)  # never query fake2 vectors with fake queries

    report = build_index(other, tokenizer="jieba_search", **QUIET)
    assert report.status == "built" and "tokenizer" in report.reason


def test_chunks_round_trip_and_both_retrievers_answer(settings):
    build_index(settings, **QUIET)
    ix = load_index(settings)
    assert len(ix.chunks) == ix.manifest["chunks"] == ix.collection.count()
    first = ix.chunks[0]
    assert isinstance(first, Chunk) and isinstance(first.section_path, tuple)
    assert ix.chunk(first.chunk_id) == first
    for hits in (
        ix.bm25_search("养老助餐服务补贴包括哪些", k=5),
        ix.dense_search("养老助餐服务补贴包括哪些", k=5),
    ):
        assert hits and hits[0][0].doc_no == "西民发〔2024〕1号"
    assert ix.bm25_search("，。", k=5) == []


def test_chroma_metadata_is_flat_scalars_with_yyyymmdd_dates(fake_index):
    got = fake_index.collection.get(ids=[fake_index.chunks[0].chunk_id], include=["metadatas"])
    meta = got["metadatas"][0]
    assert all(isinstance(v, str | int | float | bool) for v in meta.values())
    assert isinstance(meta["issued_on"], int) and 20240101 <= meta["issued_on"] <= 20241231


def test_a_crash_mid_build_leaves_the_previous_index_usable(settings, monkeypatch):
    before = build_index(settings, **QUIET).manifest

    def boom(self, texts, batch_size=64, progress=None):
        raise RuntimeError("killed while embedding")

    monkeypatch.setattr(FakeEmbedder, "embed_documents", boom)
    with pytest.raises(RuntimeError, match="killed"):
        build_index(settings, rebuild=True, **QUIET)
    monkeypatch.undo()

    ix = load_index(settings)
    assert ix.manifest["built_at"] == before["built_at"] and ix.collection.count() == before["chunks"]
    assert ix.bm25_search("光伏", k=1)
    assert not list(settings.data_dir.glob(".index.building-*"))


def test_a_kill_between_the_two_renames_is_recovered(settings):
    build_index(settings, **QUIET)
    settings.index_dir.rename(settings.data_dir / ".index.old-12345")
    assert load_index(settings).manifest["chunks"] > 0
    assert build_index(settings, **QUIET).status == "unchanged"


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: (d / MANIFEST).write_text("{not json", encoding="utf-8"),
        lambda d: (d / MANIFEST).write_text("{}", encoding="utf-8"),
        lambda d: (d / CHUNKS).unlink(),
        lambda d: (d / "bm25" / "vocab.index.json").unlink(),
    ],
    ids=["garbled-manifest", "empty-manifest", "no-chunks", "no-bm25-vocab"],
)
def test_a_corrupt_index_is_detected_and_rebuilt_with_a_message(settings, damage):
    build_index(settings, **QUIET)
    damage(settings.index_dir)
    with pytest.raises(IndexUnavailable, match="公报索引已损坏"):
        load_index(settings)
    messages: list[str] = []
    report = build_index(settings, progress=False, log=messages.append)
    assert report.status == "built" and "公报索引已损坏" in report.reason
    assert any("公报索引已损坏" in m and "rebuilding" in m for m in messages)
    assert load_index(settings).collection.count() == report.manifest["chunks"]


def test_load_without_an_index_says_to_run_ingest(settings):
    with pytest.raises(IndexUnavailable, match="python -m ingest"):
        load_index(settings)


def test_progress_callback_counts_every_chunk(settings):
    seen: list[int] = []
    report = build_index(settings, progress=seen.append, log=lambda _m: None)
    assert sum(seen) == report.manifest["chunks"]


def test_collection_names_are_valid_for_chroma_and_never_reused():
    a = collection_name("ab" * 32, "st:/models/bge-small-zh-v1.5", "0001")
    b = collection_name("ab" * 32, "st:/models/bge-small-zh-v1.5", "0002")
    assert a != b and a.startswith("gazette-abababababab-")
    assert all(ch.isalnum() or ch in "-._" for ch in a) and 3 <= len(a) <= 512


def test_search_text_carries_the_title_and_section(sample_chunks):
    text = chunk_search_text(sample_chunks[3])
    assert "入学方式" in text and "义务教育阶段入学工作" in text


@pytest.mark.integration
def test_ingest_with_the_real_default_embedder_never_touches_the_network(settings, monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network access attempted during ingest")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setenv("GAZETTE_EMBEDDER", "use")
    from core.settings import Settings

    use_settings = Settings.from_env()
    report = build_index(use_settings, **QUIET)
    assert report.status == "built" and report.manifest["embedder"] == "use" and report.manifest["dim"] == 512
    hits = load_index(use_settings).dense_search("老年人在社区吃饭有补贴吗", k=5)
    assert len(hits) == 5


@pytest.mark.integration
def test_real_embedder_ranks_the_meal_subsidy_rules_for_a_paraphrase(use_index):
    hits = use_index.dense_search("老年人在助餐点吃饭政府补贴多少", k=10)
    assert any(c.doc_no == "西民发〔2024〕1号" for c, _ in hits)

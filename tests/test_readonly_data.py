"""A read-only data folder (a replica's mounted volume): questions are still answered from the index on it,
and `python -m ingest` says the folder is not writable instead of a traceback. Root writes anywhere, so the
folder is made immutable (chattr +i); the test is skipped where that is not possible."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest

from retrieval.index import load_index
from retrieval.search import Retriever


@pytest.fixture
def read_only_index(fake_index_settings, tmp_path):
    settings = dataclasses.replace(fake_index_settings, data_dir=tmp_path / "data")
    shutil.copytree(fake_index_settings.index_dir, settings.index_dir)
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "-R", "+i", str(settings.data_dir)], capture_output=True).returncode
    ):
        pytest.skip("cannot make a folder read-only here (chattr +i)")
    try:
        probe = settings.data_dir / "probe"
        with pytest.raises(OSError):
            probe.write_text("x")
        yield settings
    finally:
        subprocess.run(["chattr", "-R", "-i", str(settings.data_dir)], capture_output=True)


def test_an_index_on_a_read_only_folder_still_answers(read_only_index):
    index = load_index(read_only_index)
    hits = Retriever(index).search("孩子几岁能上小学", k=3).hits
    assert hits and index.collection.count() == index.manifest["chunks"]


def test_ingest_on_a_read_only_folder_says_so(read_only_index, monkeypatch, capsys):
    from core.settings import get_settings
    from ingest.__main__ import main

    monkeypatch.setenv("GAZETTE_DATA_DIR", str(read_only_index.data_dir))
    monkeypatch.setenv("GAZETTE_EMBEDDER", read_only_index.embedder)
    get_settings.cache_clear()
    code = main([])
    err = capsys.readouterr().err
    assert code != 0 and "数据目录不可写" in err and "Traceback" not in err

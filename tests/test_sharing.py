"""A small run's parse-and-extract shared with a forked helper (briefing.sharing): the same result as one
process, in the same order, whatever happens to the helper."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from briefing import sharing
from briefing.ingest import Document
from briefing.pipeline import summarize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _documents(sizes: list[int]) -> list[Document]:
    return [Document(id=f"{i:02d}.txt", path=f"/x/{i:02d}.txt", text="x" * n, blocks=[(0, n)])
            for i, n in enumerate(sizes)]


def _by_pid(documents):
    """A stand-in for parse-and-extract: what each document became, and in which process."""
    return [(d.id, os.getpid()) for d in documents]


def test_the_helper_takes_a_share_and_the_order_is_kept():
    documents = _documents([500, 100, 900, 300, 300, 50])
    result = sharing.extract_shared(documents, _by_pid)
    assert [doc_id for doc_id, _ in result] == [d.id for d in documents]
    pids = {pid for _, pid in result}
    assert os.getpid() in pids and len(pids) == 2  # both processes did part of the work


def test_the_shares_are_about_equal_in_text():
    documents = _documents([900, 500, 300, 300, 100, 50])
    mine, theirs = sharing.split(documents)
    assert sorted(mine + theirs) == list(range(6)) and mine == sorted(mine) and theirs == sorted(theirs)
    size = lambda share: sum(len(documents[i].text) for i in share)  # noqa: E731
    assert abs(size(mine) - size(theirs)) <= 100


def _dies_in_the_helper(parent):
    def extract_all(documents):
        if os.getpid() != parent:
            os._exit(3)
        return _by_pid(documents)
    return extract_all


def _fails_in_the_helper(parent):
    def extract_all(documents):
        if os.getpid() != parent:
            raise MemoryError("pretend")
        return _by_pid(documents)
    return extract_all


@pytest.mark.parametrize("trouble", [_dies_in_the_helper, _fails_in_the_helper])
def test_a_helper_that_dies_or_fails_leaves_its_share_to_this_process(trouble):
    documents = _documents([400, 300, 200, 100])
    result = sharing.extract_shared(documents, trouble(os.getpid()))
    assert result == [(d.id, os.getpid()) for d in documents]


def test_a_real_error_shows_in_this_process():
    def broken(documents):
        raise ValueError("a bug in an extractor")

    with pytest.raises(ValueError, match="a bug in an extractor"):
        sharing.extract_shared(_documents([400, 300]), broken)


def test_wanted_only_for_small_runs_of_one_process(tmp_path, monkeypatch):
    monkeypatch.setenv(sharing.SWITCH, "1")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    small = []
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("An article.\n" * 50, encoding="utf-8")
        small.append(tmp_path / f"{i}.txt")
    assert sharing.wanted(small, n_process=1, caching=False)
    assert not sharing.wanted(small[:1], n_process=1, caching=False)  # one document: nothing to share
    assert not sharing.wanted(small, n_process=2, caching=False)  # --jobs decides
    assert not sharing.wanted(small, n_process=1, caching=True)  # cached parses are read, not made
    big = tmp_path / "big.txt"
    big.write_text("x" * (sharing.MAX_SHARED_BYTES + 1), encoding="utf-8")
    assert not sharing.wanted(small + [big], n_process=1, caching=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not sharing.wanted(small, n_process=1, caching=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv(sharing.SWITCH, "0")
    assert not sharing.wanted(small, n_process=1, caching=False)


@pytest.mark.slow
def test_the_seed_summary_is_the_same_shared_or_not(monkeypatch):
    """The real pipeline and extractors: a shared run gives exactly the one-process summary."""
    calls = []
    real = sharing.extract_shared

    def counting(documents, extract_all):
        calls.append(len(documents))
        return real(documents, extract_all)

    monkeypatch.setattr(sharing, "extract_shared", counting)
    monkeypatch.setenv(sharing.SWITCH, "1")
    shared = summarize([SEEDS])
    assert calls == [5] or (os.cpu_count() or 1) < 2
    monkeypatch.setenv(sharing.SWITCH, "0")
    alone = summarize([SEEDS])
    assert len(calls) <= 1
    assert dataclasses.asdict(shared) == dataclasses.asdict(alone)

"""Parse-and-extract shared with a forked helper (briefing.sharing): the same result as one process, in the
same order, whatever happens to the helper."""
from __future__ import annotations

import dataclasses
import multiprocessing
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
    for d in documents:
        yield (d.id, os.getpid())


def test_the_helper_takes_half_and_the_order_is_kept():
    documents = _documents([500, 100, 900, 300, 300, 50, 700, 200])
    done = []
    result = sharing.extract_shared(iter(documents), _by_pid, done.append)
    assert [doc_id for doc_id, _ in result] == [d.id for d in documents]
    pids = [pid for _, pid in result]
    assert len(set(pids)) == 2  # both processes did part of the work
    size = lambda me: sum(len(d.text) for d, pid in zip(documents, pids) if (pid == os.getpid()) == me)  # noqa: E731
    assert abs(size(True) - size(False)) <= 900  # shared by length of text, within one document
    assert sorted(done) == done and done[-1] == len(documents)


def test_many_long_documents_stream_through_the_pipes():
    """Far more text than a pipe holds, both ways: neither process waits on the other for good."""
    documents = _documents([200_000] * 40)
    result = sharing.extract_shared((d for d in documents), lambda ds: ((d.id, d.text[:5]) for d in ds))
    assert result == [(d.id, "xxxxx") for d in documents]


def _dies_in_the_helper(parent, after):
    def extract_each(documents):
        for k, d in enumerate(documents):
            if os.getpid() != parent and k == after:
                os._exit(3)
            yield (d.id, os.getpid())
    return extract_each


def _fails_in_the_helper(parent, after):
    def extract_each(documents):
        for k, d in enumerate(documents):
            if os.getpid() != parent and k == after:
                raise MemoryError("pretend")
            yield (d.id, os.getpid())
    return extract_each


@pytest.mark.parametrize("trouble", [_dies_in_the_helper, _fails_in_the_helper])
@pytest.mark.parametrize("after", [0, 2])
def test_a_helper_that_dies_or_fails_leaves_the_rest_of_its_share_to_this_process(trouble, after):
    documents = _documents([400, 300, 200, 100, 400, 300, 200, 100])
    result = sharing.extract_shared(iter(documents), trouble(os.getpid(), after))
    assert [doc_id for doc_id, _ in result] == [d.id for d in documents]
    helped = [pid for _, pid in result if pid != os.getpid()]
    assert len(helped) == after  # what it answered before it failed is kept


def test_a_real_error_shows_in_this_process():
    def broken(documents):
        for d in documents:
            if d.id == "03.txt":
                raise ValueError("a bug in an extractor")
            yield d.id

    with pytest.raises(ValueError, match="a bug in an extractor"):
        sharing.extract_shared(iter(_documents([400, 300, 200, 100])), broken)


def test_an_error_of_the_input_stops_both_processes():
    def documents():
        yield from _documents([400, 300, 200])
        raise RuntimeError("the input failed")

    with pytest.raises(RuntimeError, match="the input failed"):
        sharing.extract_shared(documents(), _by_pid)
    assert not [p for p in multiprocessing.active_children() if p.name == "briefing-parse"]


def test_wanted_only_with_a_spare_cpu_and_one_job(monkeypatch):
    monkeypatch.setenv(sharing.SWITCH, "1")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert sharing.wanted(3, n_process=1)
    assert not sharing.wanted(1, n_process=1)  # one document: nothing to share
    assert not sharing.wanted(3, n_process=2)  # --jobs: spaCy's worker processes
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not sharing.wanted(3, n_process=1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv(sharing.SWITCH, "0")
    assert not sharing.wanted(3, n_process=1)


@pytest.mark.slow
def test_the_seed_summary_is_the_same_shared_or_not(monkeypatch):
    """The real pipeline and extractors: a shared run gives exactly the one-process summary."""
    calls = []
    real = sharing.extract_shared

    def counting(documents, extract_each, progress=None):
        calls.append(1)
        return real(documents, extract_each, progress)

    monkeypatch.setattr(sharing, "extract_shared", counting)
    monkeypatch.setenv(sharing.SWITCH, "1")
    shared = summarize([SEEDS])
    assert calls == [1] or (os.cpu_count() or 1) < 2
    monkeypatch.setenv(sharing.SWITCH, "0")
    alone = summarize([SEEDS])
    assert len(calls) <= 1
    assert dataclasses.asdict(shared) == dataclasses.asdict(alone)


_SIGINT_SCRIPT = """
import multiprocessing, os, signal, sys
# as in a terminal: a test runner started in the background (CI, nohup) passes SIGINT on ignored
signal.signal(signal.SIGINT, signal.default_int_handler)
import briefing.extract as extract
real, parent, pid_file = extract.extract_document, os.getpid(), sys.argv[1]
def extract_then_sigint(parsed):
    result = real(parsed)
    if os.getpid() == parent:  # a real Ctrl-C in this process while the helper works on its share
        with open(pid_file, "w") as f:
            f.write(" ".join(str(p.pid) for p in multiprocessing.active_children() if p.name == "briefing-parse"))
        os.kill(parent, signal.SIGINT)
    return result
extract.extract_document = extract_then_sigint
from briefing.cli import main
sys.argv = ["briefing"] + sys.argv[2:]
main()
"""


@pytest.mark.slow
def test_ctrl_c_while_the_helper_works_stops_both_and_writes_nothing(tmp_path):
    import subprocess
    import sys
    import time

    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"{i}.txt").write_text(f"Flood in town {i}\n\nThe river flooded 40{i} homes on Monday, officials "
                                      f"said. The mayor asked for help from the army.\n", encoding="utf-8")
    out, pids = tmp_path / "out.md", tmp_path / "pids"
    env = {**os.environ, sharing.SWITCH: "1"}
    done = subprocess.run([sys.executable, "-c", _SIGINT_SCRIPT, str(pids), "build", str(src), "-o", str(out)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 130 and "interrupted" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and not out.exists()
    helpers = [int(p) for p in pids.read_text().split()]
    assert helpers or (os.cpu_count() or 1) < 2
    time.sleep(0.5)
    for pid in helpers:  # the helper was stopped with its parent, not left running
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


@pytest.mark.slow
def test_a_shared_run_fills_the_parse_cache_from_both_processes_and_reads_it_back(tmp_path, monkeypatch):
    """Each process parses its share and stores it (atomic writes, one file per document); a re-run reads
    every document from the cache and gives the same summary."""
    from briefing import nlp as nlp_mod

    monkeypatch.setenv(sharing.SWITCH, "1")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"{i}.txt").write_text(f"Flood in town {i}\n\nThe river flooded 40{i} homes on Monday, officials "
                                      f"said. The mayor of town {i} asked the army for help.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = summarize([src], cache_dir=cache)
    assert len(list(cache.rglob("*.spacy"))) == 6  # the helper's documents too
    parsed = []
    real = nlp_mod.pipe_texts
    monkeypatch.setattr(nlp_mod, "pipe_texts", lambda nlp, tasks, *a: real(nlp, (parsed.append(t) or (t, c)
                                                                               for t, c in tasks), *a))
    again = summarize([src], cache_dir=cache)
    assert parsed == []  # in this process; the helper's share was read from the cache as well (same summary)
    assert dataclasses.asdict(again) == dataclasses.asdict(first)

"""Shared fixtures: the seed articles, their summary (parsed once per test run), and a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


class MarkdownSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "md"


class HTMLSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "html"


@pytest.fixture(scope="session", autouse=True)
def no_helper_processes():
    """Ingest and render PDFs in the test process (and in the CLIs it starts): a forked helper would not
    report the tests' mocks back, and forking the test runner is no test of a fresh CLI.
    tests/test_pdfworker.py and tests/test_prefetch.py turn the helpers on where they are under test."""
    import os

    from briefing import pdfworker, prefetch

    before = {switch: os.environ.get(switch) for switch in (pdfworker.SWITCH, prefetch.SWITCH)}
    for switch in before:
        os.environ[switch] = "0"
    yield
    for switch, value in before.items():
        if value is None:
            os.environ.pop(switch, None)
        else:
            os.environ[switch] = value


@pytest.fixture
def md_snapshot(snapshot):
    return snapshot.use_extension(MarkdownSnapshot)


@pytest.fixture
def html_snapshot(snapshot):
    return snapshot.use_extension(HTMLSnapshot)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_summary():
    from briefing.pipeline import summarize

    return summarize([SEEDS])


@pytest.fixture
def cli():
    from briefing.cli import main

    runner = CliRunner()

    def run(*args: str, **kw):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)

    return run


def original_texts(summary) -> dict[str, str]:
    """Each source's decoded original text, read the way ingest reads it."""
    from briefing.ingest import read_document

    return {s.id: read_document(Path(s.path)).text for s in summary.sources}


def all_citations(summary):
    items = [summary.event] + summary.actors + summary.treaty_basis + summary.figures + summary.reactions \
        + summary.timeline + summary.open_questions
    return [c for it in items for c in it.citations]


def assert_citations_exact(summary) -> None:
    texts = original_texts(summary)
    for c in all_citations(summary):
        assert c.source in texts, c
        assert texts[c.source][c.start:c.end] == c.text, c


@pytest.fixture
def count_layouts(monkeypatch):
    """Counts WeasyPrint layouts (the costly step of a PDF)."""
    from briefing import render

    calls = {"n": 0}
    real = render.layout_pdf

    def counting(*args, **kwargs):
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "layout_pdf", counting)
    return calls


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, loaded once for every test that parses made-up sentences."""
    from briefing.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def count_parses(monkeypatch):
    """Count the texts that go through the pipeline (what the parse cache must spare). In this process only:
    the parse helper (briefing.sharing) is turned off, or the texts it parsed would go uncounted."""
    from briefing import nlp as nlp_mod

    monkeypatch.setenv("BRIEFING_PARSE_PROCESS", "0")

    parsed: list[str] = []
    real = nlp_mod.pipe_texts

    def counting(nlp, tasks, batch_size, n_process):
        def seen():
            for text, ctx in tasks:
                parsed.append(text)
                yield text, ctx
        return real(nlp, seen(), batch_size, n_process)

    monkeypatch.setattr(nlp_mod, "pipe_texts", counting)
    return parsed

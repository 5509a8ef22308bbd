"""Rendered briefings of the seeds: snapshots of Markdown and HTML, and a one-page PDF."""
from __future__ import annotations

import io

import pytest

from conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_outputs(seed_summary):
    from briefing.pipeline import render_outputs

    return render_outputs(seed_summary, ["md", "html", "pdf"])


def test_seed_markdown_snapshot(seed_outputs, md_snapshot):
    assert seed_outputs["md"] == md_snapshot


def test_seed_html_snapshot(seed_outputs, html_snapshot):
    assert seed_outputs["html"] == html_snapshot


def test_seed_pdf_is_one_page_with_headline_and_every_source(seed_outputs, seed_summary):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(seed_outputs["pdf"]))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert " ".join(seed_summary.event.headline.split())[:40] in text
    for p in SEEDS.iterdir():
        assert p.name in text


def test_formats_are_deterministic(seed_summary, seed_outputs):
    from briefing.pipeline import render_outputs

    again = render_outputs(seed_summary, ["md", "html"])
    assert again["md"] == seed_outputs["md"]
    assert again["html"] == seed_outputs["html"]

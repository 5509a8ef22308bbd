"""One page whatever the input: every test event set, 30 articles at once, and large made-up summaries.

Each PDF must hold exactly one page with its headline and every reference number of the page, and must take
exactly one WeasyPrint layout: the estimate's selection fitted, so Markdown and HTML (which never lay out)
hold the same selection as the PDF.
"""
from __future__ import annotations

import io
import re
import shutil

import pytest

from briefing import render
from conftest import DATA, SEEDS
from render_samples import generated_summary, sample_summary

pytestmark = pytest.mark.slow

EVENT_SETS = sorted(p for p in (DATA / "events").iterdir() if p.is_dir()) if (DATA / "events").is_dir() else []


def check_one_page(summary, count_layouts, paper: str = "a4") -> None:
    from pypdf import PdfReader

    from briefing.pipeline import render_outputs

    count_layouts["n"] = 0
    out = render_outputs(summary, ["md", "html", "pdf"], paper=paper)
    assert count_layouts["n"] == 1, "the estimate fell short: the PDF had to drop items the Markdown keeps"
    reader = PdfReader(io.BytesIO(out["pdf"]))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().replace("\x00", "").split())  # pypdf, on fallback fonts
    assert " ".join(summary.event.headline.split())[:30] in text
    page_refs = set(re.findall(r'href="#src-(\d+)"', out["html"]))
    for n in page_refs:
        assert f"[{n}]" in text and f'id="src-{n}"' in out["html"]
    md_refs = re.findall(r"(?<!\\)\[(\d+)\]", out["md"].split("## Sources")[0])
    html_refs = re.findall(r'class="ref" href="#src-(\d+)"', out["html"])
    assert md_refs == html_refs  # the same items, in the same order, in both formats


@pytest.mark.parametrize("event_dir", EVENT_SETS, ids=[p.name for p in EVENT_SETS])
def test_event_set_is_one_page(event_dir, count_layouts):
    from briefing.pipeline import summarize

    check_one_page(summarize([event_dir]), count_layouts)


def test_thirty_articles_at_once_are_one_page(tmp_path, count_layouts):
    from briefing.pipeline import summarize

    articles = sorted(p for d in [SEEDS, *EVENT_SETS] for p in d.iterdir()
                      if p.suffix in (".txt", ".md", ".html", ".htm"))
    copies = 0
    while len(list(tmp_path.iterdir())) < 30:
        for p in articles:
            if len(list(tmp_path.iterdir())) < 30:
                shutil.copy(p, tmp_path / f"{copies}_{p.parent.name}_{p.name}")
        copies += 1
    summary = summarize([tmp_path])
    assert len(summary.sources) == 30
    check_one_page(summary, count_layouts)
    check_one_page(summary, count_layouts, paper="letter")


@pytest.mark.parametrize("n_sources, seed", [(3, 1), (12, 3), (30, 4), (80, 6), (500, 9)])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_made_up_summaries_are_one_page(n_sources, seed, paper, count_layouts):
    check_one_page(generated_summary(n_sources, seed), count_layouts, paper)


def test_hand_built_summary_is_one_page(count_layouts):
    check_one_page(sample_summary(with_timeline=True), count_layouts)


@pytest.mark.parametrize("safety", [1.08, 1.6])
def test_a_short_estimate_costs_one_more_layout(monkeypatch, count_layouts, safety):
    """If the estimate were short, the PDF would still be one page: the overflow it measures narrows the
    budget, and the second selection fits."""
    from pypdf import PdfReader

    monkeypatch.setattr(render, "SAFETY", safety)  # pretend the page is taller than it is
    selection, pdf = render.fit_one_page(generated_summary(12, seed=3))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert count_layouts["n"] == 2


@pytest.mark.parametrize("n_sources, seed", [(5, 2), (30, 4)])
def test_estimate_is_safe_but_close(n_sources, seed):
    """The estimate may overstate the laid-out height a little, never understate it: a change to the print
    style that is not mirrored in briefing/layout.py shows up here."""
    from weasyprint import CSS, HTML

    sel = render.select(generated_summary(n_sources, seed))
    estimate = render.Estimate(sel)
    tall = CSS(string=f"@page {{ size: {sel.layout.page_size[0]}pt 20000pt; }}")
    doc = HTML(string=render.render_html(sel, embed_css=False)).render(
        stylesheets=[CSS(string=render.render_css(sel)), tall])
    body = doc.pages[0]._page_box.children[0]  # the html element's box, in CSS px
    laid_out = body.margin_height() * 0.75
    estimated = estimate.total() - render.omitted_reserve(sel.layout)
    if sel.omitted:
        font = sel.layout.font(sel.layout.small, "sans-italic", line=1.3)
        note = f"Left out to fit one page: {render.left_out(sel.omitted)} — all in the JSON summary."
        estimated += 6 + render.lay.paragraph_height([(note, font)], sel.layout.content_width, font)
    assert laid_out - 0.01 <= estimated <= laid_out * 1.05

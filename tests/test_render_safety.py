"""Hostile article text goes through the whole pipeline and comes out inert in Markdown, HTML and PDF,
and WeasyPrint fetches nothing."""
from __future__ import annotations

import io
import re
import urllib.request

import pytest
from markdown_it import MarkdownIt

from briefing import render

pytestmark = pytest.mark.slow

ARTICLE = """Minister says plan <script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} is final

Published 2026-02-01

The finance minister said on Monday that the plan <img src="file:///etc/passwd"> would cost 300 million dollars, \
according to officials.

Opposition leader Maria Lopez condemned the plan [x](javascript:alert(1)) as reckless, saying {{ 7*7 }} families \
would suffer.

The government said the vote <script>alert("x")</script> would take place on 3 March, and the treasury said \
url(file:///etc/passwd) was not affected. See also https://example.com/more and www.example.com today.
"""
HOSTILE = ("<script>", '<img src="file:///etc/passwd">', "[x](javascript:alert(1))", "{{ 7*7 }}")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """Build every format from the hostile article, recording every URL anything tried to fetch."""
    from briefing.pipeline import build_outputs

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    fetched: list[str] = []
    real_asset_path, real_open = render.asset_path, urllib.request.OpenerDirector.open

    def recording_asset_path(url):
        fetched.append(url)
        return real_asset_path(url)

    def recording_open(self, url, *args, **kwargs):
        fetched.append(getattr(url, "full_url", url))
        raise AssertionError("no URL may be opened")

    mp = pytest.MonkeyPatch()
    mp.setattr(render, "asset_path", recording_asset_path)
    mp.setattr(urllib.request.OpenerDirector, "open", recording_open)
    try:
        out = build_outputs([folder], ["md", "html", "pdf", "json"])
    finally:
        mp.undo()
    return out, fetched


def test_the_hostile_text_reaches_the_summary(hostile_run):
    out, _ = hostile_run
    for needle in HOSTILE:
        assert needle in out["json"] or needle.replace('"', '\\"') in out["json"], needle


def test_markdown_is_inert(hostile_run):
    md = hostile_run[0]["md"]
    for preset in ("commonmark", "js-default"):
        html = MarkdownIt(preset).render(md)
        assert not re.search(r"<(a|img|script)\b", html), preset
    assert "javascript:" not in md and "{{ 7\\*7 }}" in md and "49" not in md


def test_html_is_inert(hostile_run):
    html = hostile_run[0]["html"]
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;" in html and "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert not re.search(r'href="(?!#src-\d+")', html), "only internal links"
    assert "{{ 7*7 }}" in html and "49" not in html.split("<body>")[1]
    assert "url(file" not in html.split("</style>")[0].split("<style>")[1]


def test_pdf_is_inert_and_one_page(hostile_run):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(hostile_run[0]["pdf"]))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "<script>" in text and "{{ 7*7 }}" in text  # shown as text, never run
    for annot in reader.pages[0].get("/Annots", []):
        action = annot.get_object().get("/A", {})
        assert "/URI" not in action, "no external link in the PDF"


def test_nothing_was_fetched(hostile_run):
    assert hostile_run[1] == []

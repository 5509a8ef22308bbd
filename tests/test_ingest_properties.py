"""Ingest on hostile input: arbitrary text and bytes never crash, and blocks always slice the text exactly."""
from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import InputError
from briefing.ingest import decode, find_near_duplicates, text_document

CHROME_BITS = ["Home", "Share", "Read more", "Sign in", "© 2025 Example News", "Published: 2025-04-28",
               "By Jane Doe", "Jane Doe, Example News.", "---", "title: x", "Читати", "|", "» Related",
               "“Quote,” he said.", "Comments (3)", "# Heading", "- item", "   ", "\r", "\ufeff", "\x00", "\x0c"]
SENTENCES = ["The council approved the budget on Monday after a long debate.",
             "Prices rose 4% in March, the statistics office said.",
             "Officials did not say when the work would start"]

line = st.one_of(st.sampled_from(CHROME_BITS), st.sampled_from(SENTENCES), st.text(max_size=80))
page = st.lists(line, max_size=40).map("\n".join)
any_text = st.one_of(page, st.text(), st.text(alphabet=st.characters(codec="utf-8"), max_size=400))


def assert_blocks_valid(text: str, blocks: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in blocks:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece.strip("\ufeff")
        previous_end = end


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_arbitrary_text_gives_exact_sorted_disjoint_blocks(text):
    doc = text_document("t.txt", "t.txt", text)
    assert doc.text == text
    assert_blocks_valid(text, doc.blocks)
    if doc.title_span:
        assert text[slice(*doc.title_span)] == doc.title
    assert all(isinstance(w, str) for w in doc.warnings)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_decode_or_are_refused_clearly(data):
    try:
        text = decode(data, "x.txt")
    except InputError as err:
        assert "x.txt" in err.message
        return
    assert isinstance(text, str)
    assert_blocks_valid(text, text_document("x.txt", "x.txt", text).blocks)


@settings(max_examples=25, deadline=None)
@given(st.lists(page, min_size=2, max_size=6))
def test_near_duplicates_point_to_an_earlier_document(texts):
    docs = [text_document(f"{i}.txt", f"{i}.txt", t) for i, t in enumerate(texts)]
    order = {d.id: i for i, d in enumerate(docs)}
    for dup, first in find_near_duplicates(docs).items():
        assert order[first] < order[dup]


def _five_megabytes_of_article() -> str:
    subjects = ["The committee", "The minister", "A spokeswoman", "The regulator", "Local officials", "The union"]
    verbs = ["said", "told reporters", "confirmed", "wrote in a statement", "warned", "added"]
    paragraphs, i, size = [], 0, 0
    while size < 5_000_000:
        s, v = subjects[i % 6], verbs[(i // 6) % 6]
        paragraphs.append(f"{s} {v} on day {i} that rule number {i * 7} would apply from year {2000 + i % 90}, "
                          f"and that {i % 13 + 2} firms had asked for more time to comply with clause {i}.")
        size += len(paragraphs[-1]) + 2
        i += 1
    return "Committee sets out new rules\n\n" + "\n\n".join(paragraphs)


@pytest.mark.slow
def test_five_megabyte_article_is_ingested_in_linear_time():
    text = _five_megabytes_of_article()
    started = time.perf_counter()
    doc = text_document("big.txt", "big.txt", text)
    elapsed = time.perf_counter() - started
    print(f"\n5 MB article ({len(doc.blocks)} paragraphs): ingested in {elapsed:.1f} s")
    assert len(doc.blocks) > 20_000
    assert doc.title == "Committee sets out new rules"
    assert elapsed < 60


def test_one_enormous_line_is_one_block():
    text = "The board said the plan would go ahead. " * 120_000
    doc = text_document("line.txt", "line.txt", text)
    assert doc.blocks == [(0, len(text.rstrip()))]


@pytest.fixture
def fuzz_opt_in(request):
    if "fuzz" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("long fuzz run: opt in with -m fuzz")


@pytest.mark.fuzz
@settings(max_examples=int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "5000")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(text=any_text)
def test_fuzz_ingest_long_run(fuzz_opt_in, text):
    assert_blocks_valid(text, text_document("t.txt", "t.txt", text).blocks)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["p", "div", "article", "script", "nav", "title"]))
def test_arbitrary_html_never_crashes(tmp_path_factory, text, tag):
    from briefing.ingest import read_document

    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text(f"<html><head><title>x</title></head><body><{tag}>{text}</{tag}></body></html>",
                    encoding="utf-8", errors="surrogatepass")
    try:
        doc = read_document(path)
    except InputError as err:
        assert "page.html" in err.message
        return
    assert_blocks_valid(doc.text, doc.blocks)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(CHROME_BITS), st.sampled_from(SENTENCES)), min_size=1, max_size=15))
def test_html_text_without_its_furniture_lines_still_holds_every_block(tmp_path_factory, lines):
    """Dropping an HTML page's furniture lines from its text moves the blocks and title with their lines."""
    import html

    from briefing.ingest import read_document

    path = tmp_path_factory.mktemp("html") / "page.html"
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    path.write_text(f"<html><head><title>x</title></head><body><article>{body}</article></body></html>",
                    encoding="utf-8", errors="surrogatepass")
    try:
        doc = read_document(path)
    except InputError:
        return
    assert_blocks_valid(doc.text, doc.blocks)
    if doc.title_span:
        assert doc.text[slice(*doc.title_span)] == doc.title


@settings(max_examples=150, deadline=None)
@given(st.one_of(page, st.text(alphabet="*_[]()`>#-+• \nab1.", max_size=200)))
def test_markup_mask_only_blanks_characters(text):
    from briefing.ingest import markup_mask

    masked = markup_mask(text)
    assert len(masked) == len(text)
    assert all(m == t or m == " " for m, t in zip(masked, text))
    assert all(m == t for m, t in zip(masked, text) if t in "\n\r")

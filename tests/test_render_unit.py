"""The renderer on hand-built summaries (no spaCy, no PDF): snapshots, selection, escaping, templates."""
from __future__ import annotations

import os
import re

import pytest
from markdown_it import MarkdownIt

from briefing import layout, render
from briefing.pipeline import render_outputs
from render_samples import HOSTILE, cite, generated_summary, sample_summary


@pytest.fixture
def no_layout(monkeypatch):
    """Fail if anything asks WeasyPrint for a layout."""
    def refuse(*args, **kwargs):
        raise AssertionError("Markdown and HTML must not need a WeasyPrint layout")

    monkeypatch.setattr(render, "layout_pdf", refuse)


# ---------------------------------------------------------------- snapshots of a summary that does not drift

def test_sample_markdown_snapshot(md_snapshot, no_layout):
    assert render_outputs(sample_summary(), ["md"])["md"] == md_snapshot


def test_sample_html_snapshot(html_snapshot, no_layout):
    assert render_outputs(sample_summary(), ["html"])["html"] == html_snapshot


def test_sample_shows_every_section_and_says_when_one_is_empty(no_layout):
    md = render_outputs(sample_summary(), ["md"])["md"]
    for title in ("Key figures", "Actors", "Treaty and legal basis", "Reactions by party", "Timeline",
                  "Open questions", "Sources"):
        assert f"## {title}" in md
    assert "*No dated events found in the sources.*" in md
    assert "Bottom line." in md


def test_near_duplicates_are_counted_once_and_marked(no_layout):
    md = render_outputs(sample_summary(), ["md"])["md"]
    assert "based on 3 sources (4 articles, 1 near-duplicate counted once)" in md
    assert "near-duplicate of \\[1\\]" in md


def test_html_references_link_to_sources_with_the_cited_sentence_as_tooltip(no_layout):
    summary = sample_summary()
    html = render_outputs(summary, ["html"])["html"]
    spill = summary.figures[0].citations[0].text
    assert f'<a class="ref" href="#src-2" title="{spill}">[2]</a>' in html
    for n in range(1, 5):
        assert f'id="src-{n}"' in html
    for target in re.findall(r'href="#(src-\d+)"', html):
        assert f'id="{target}"' in html


def test_markdown_and_html_hold_the_same_selection(no_layout):
    summary = generated_summary(12, seed=3)
    out = render_outputs(summary, ["md", "html"])
    md_refs = re.findall(r"(?<!\\)\[(\d+)\]", out["md"])
    html_refs = re.findall(r'class="ref" href="#src-(\d+)"', out["html"])
    assert md_refs == html_refs and md_refs
    assert out["md"].count("\n- ") >= 1
    assert re.search(r"Left out to fit one page: .* — all in the JSON summary", out["md"])
    assert re.search(r"Left out to fit one page: .* — all in the JSON summary", out["html"])


def test_same_input_same_bytes(no_layout):
    first = render_outputs(sample_summary(), ["md", "html"])
    again = render_outputs(sample_summary(), ["md", "html"])
    assert first == again


# ---------------------------------------------------------------- selection

def test_more_sources_behind_an_item_rank_it_higher():
    summary = sample_summary()
    ordered = render.importance_order(summary)
    assert ordered["actors"][0].name == "Port Authority"  # four sources beat two
    assert ordered["figures"][0].text == "About 1,200 tonnes"


def test_selection_never_exceeds_the_page_estimate():
    for n, seed in [(3, 1), (30, 4), (300, 7)]:
        for paper in ("A4", "letter"):
            sel = render.select(generated_summary(n, seed), paper)
            assert sel.estimated_height <= sel.layout.content_height * render.SAFETY
            assert sum(len(v) for v in sel.sections.values()) >= 3
            assert sel.omitted


def test_items_are_dropped_whole_never_cut():
    summary = generated_summary(5, seed=2)
    md = render_outputs(summary, ["md"])["md"]
    shown = [r.summary for r in summary.reactions if render.md_escape(r.summary) in md]
    assert shown, "some reactions are on the page"
    for r in summary.reactions:
        head = render.md_escape(r.summary)[:40]
        assert head not in md or render.md_escape(r.summary) in md


def test_too_many_references_are_counted_not_listed():
    summary = generated_summary(30, seed=4)
    actor = summary.actors[0]
    actor.citations = [cite(s.id, "x") for s in summary.sources[:9]]
    refs = render.select(summary).refs(actor.citations)
    assert [r.number for r in refs] == [1, 2, 3, 4, 5] and refs.more == 4


def test_many_sources_list_only_those_cited():
    sel = render.select(generated_summary(300, seed=7))
    assert not sel.list_all_sources
    assert {s.number for s in sel.shown_sources} == sel.cited_numbers
    md = render.render_markdown(sel)
    assert f"{300 - len(sel.shown_sources)} more sources not cited on this page" in md


def test_line_count_breaks_at_spaces_and_splits_long_words():
    font = layout.Font("sans", 10.0, 1.3)
    width = font.width("word " * 5)
    assert layout.count_lines([("word " * 5, font)], width) == 1
    assert layout.count_lines([("word " * 10, font)], width) == 2
    assert layout.count_lines([("x" * 200, font)], font.width("x" * 50)) == 4
    assert layout.count_lines([("", font)], 100) == 1


def test_letter_paper_is_shorter_and_set_in_the_print_style(no_layout):
    sel = render.select(sample_summary(), "letter")
    assert sel.layout.content_height < render.select(sample_summary(), "A4").layout.content_height
    assert "@page { size: letter;" in render_outputs(sample_summary(), ["html"], paper="letter")["html"]


# ---------------------------------------------------------------- Markdown escaping

def _md_html(md: str) -> str:
    return MarkdownIt("commonmark").render(md) + MarkdownIt("js-default").render(md)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_article_text_is_inert_in_markdown(hostile):
    text = f"Officials said {hostile} on Monday."
    html = _md_html(render.md_escape(text))
    assert not re.search(r"<(a|img|script|b|code|em|strong)\b", html), html
    assert "49" not in html


def test_escaped_markdown_reads_back_as_the_original_text():
    text = "A_b c_ *x* [1](y) <z> 1,200 & 3 | 4 ~ ` \\ ! # - +"
    html = MarkdownIt("commonmark").render(render.md_escape(text))
    from html import unescape
    assert unescape(re.sub(r"</?p>", "", html)).strip() == text


def test_block_syntax_at_the_start_of_a_line_is_escaped():
    for text in ("# heading", "- item", "1. item", "2) item", "> quote", ">. quote", "=== ", "+ x"):
        html = MarkdownIt("commonmark").render(render.md_escape(text))
        assert html.startswith("<p>"), html


def test_whole_sample_markdown_has_no_links_or_html_from_article_text(no_layout):
    summary = sample_summary()
    for source in summary.sources:
        source.title = " ".join(HOSTILE)
    summary.reactions[0].summary = " ".join(HOSTILE)
    md = render_outputs(summary, ["md"])["md"]
    html = _md_html(md)
    assert not re.search(r"<(a|img|script)\b", html)
    assert "{{ 7\\*7 }}" in md and "49" not in md


# ---------------------------------------------------------------- templates

def test_template_dir_overrides_a_template_by_name(tmp_path, no_layout):
    (tmp_path / "briefing.md.j2").write_text('{% extends "default:briefing.md.j2" %}')
    (tmp_path / "_macros.md.j2").write_text(
        "{% macro cite(citations) %}{% for r in refs(citations) %}<{{ r.number }}>{% endfor %}{% endmacro %}")
    md = render_outputs(sample_summary(), ["md"], template_dir=tmp_path)["md"]
    assert "<1>" in md and "[1]" not in md.replace("\\[1\\]", "")


def test_html_template_can_extend_the_default_and_fill_a_block(tmp_path, no_layout):
    (tmp_path / "briefing.html.j2").write_text(
        '{% extends "default:briefing.html.j2" %}{% block kicker %}Team Blue — restricted{% endblock %}')
    html = render_outputs(sample_summary(), ["html"], template_dir=tmp_path)["html"]
    assert '<p class="kicker">Team Blue — restricted</p>' in html and 'id="src-1"' in html


@pytest.mark.parametrize("template, message", [
    ("{% if %}", "Error: template briefing.md.j2, line 1:"),
    ("{{ no_such_variable }}", "Error: template briefing.md.j2: 'no_such_variable' is undefined"),
    ('{% include "missing.j2" %}', "Error: template not found: missing.j2"),
    ("{{ event.headline.nope() }}", "Error: template briefing.md.j2:"),
])
def test_template_errors_are_one_error_line(tmp_path, cli, monkeypatch, template, message):
    import briefing.pipeline

    monkeypatch.setattr(briefing.pipeline, "summarize", lambda *a, **k: sample_summary())
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "briefing.md.j2").write_text(template)
    (tmp_path / "a.txt").write_text("An article.")
    result = cli("build", tmp_path / "a.txt", "--template-dir", tmp_path / "t", "-o", tmp_path / "out.md")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].startswith(message), result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.md").exists()


def test_missing_template_dir_is_one_error_line(tmp_path, cli, monkeypatch):
    import briefing.pipeline

    monkeypatch.setattr(briefing.pipeline, "summarize", lambda *a, **k: sample_summary())
    (tmp_path / "a.txt").write_text("An article.")
    result = cli("build", tmp_path / "a.txt", "--template-dir", tmp_path / "nope", "-o", tmp_path / "o.md")
    assert result.exit_code in (1, 2)
    assert "Error:" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- URL fetcher

@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://example.com/x.png", "https://example.com/",
                                 "data:image/png;base64,AAAA", "ftp://example.com/x",
                                 "file:///{assets}/../briefing.css.j2", "javascript:alert(1)"])
def test_url_fetcher_refuses_everything_outside_the_assets(url):
    url = url.replace("/{assets}", str(render.assets_dir()))
    with pytest.raises(ValueError):
        render.asset_path(url)


def test_cli_paper_option_reaches_the_print_style(tmp_path, cli, monkeypatch):
    import briefing.pipeline

    monkeypatch.setattr(briefing.pipeline, "summarize", lambda *a, **k: sample_summary())
    (tmp_path / "a.txt").write_text("An article.")
    result = cli("build", tmp_path / "a.txt", "-f", "html", "--paper", "letter", "-o", tmp_path / "b.html")
    assert result.exit_code == 0, result.output
    assert "@page { size: letter;" in (tmp_path / "b.html").read_text()


def test_md_escape_round_trips_any_text():
    """Whatever the article says, the escaped Markdown renders to exactly that text, and to nothing else."""
    from html import unescape

    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("ab1 _*`[]()<>!|~&#-+=.:/\\{}\"'%;^") + ["www.", "http:", "é", "—"])

    @settings(max_examples=int(os.environ.get("MD_ESCAPE_EXAMPLES", "300")), deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text):
        html = MarkdownIt("commonmark").render(render.md_escape(text))
        assert not re.search(r"<(a|img|script|em|strong|code|h\d|ul|ol|blockquote|hr)\b", html), html
        expected = " ".join(text.split())
        got = unescape(re.sub(r"^<p>|</p>\n$", "", html)) if expected else ""
        assert got == expected

    check()


def test_reactions_take_turns_across_stances_with_neutral_last():
    from briefing.render import stance_spread
    from briefing.summary import Reaction

    def r(actor, stance):
        return Reaction(actor=actor, stance=stance, summary=f"{actor} spoke.")

    ordered = stance_spread([r("A", "support"), r("B", "support"), r("C", "neutral"), r("D", "condemn"),
                             r("E", "deny"), r("F", "support")])
    assert [x.actor for x in ordered] == ["A", "D", "E", "B", "F", "C"]


def test_what_it_counts_is_the_articles_words_not_a_grouping_key():
    from briefing.summary import Figure

    def fig(description, unit="containers", text="45,000 containers"):
        said = cite("a.txt", "The cost of the 45,000 containers stuck and inflation, at 6.2%, worry traders.")
        return Figure(value=45000, unit=unit, text=text, description=description, quantity="container stuck",
                      citations=[said])

    assert render.what_it_counts(fig("containers sitting on the docks")) == "containers sitting on the docks"
    assert render.what_it_counts(fig("cent")) == "containers"  # one word says nothing the unit does not
    assert render.what_it_counts(fig("45,000 containers")) == "containers"  # repeats the figure
    assert render.what_it_counts(fig(" ".join(["word"] * 13))) == "containers"  # a whole sentence
    # beside a share or a sum one word says what it is of ('cost', 'inflation'), but never a word of the unit
    assert render.what_it_counts(fig("cost", unit="CAD", text="C$800 million")) == "cost"
    assert render.what_it_counts(fig("amount", unit="CAD", text="C$800 million")) == "amount"
    assert render.what_it_counts(fig("inflation", unit="percent", text="6.2%")) == "inflation"
    assert render.what_it_counts(fig("cent", unit="percent", text="12 per cent")) == "percent"
    assert render.what_it_counts(fig("candidate", unit="percent", text="54.2%")) == "percent"  # not its word
    assert "container stuck" not in render.figure_cells(fig("cost"))


@pytest.mark.parametrize("sentence, article, label", [
    ("The minister acted under section 107 of the Labour Code.", "107", "Section 107"),
    ("It invoked Article 23 of the civil protection law.", "23", "Article 23"),
    ("Under Sec. 4 of the act, the board may rule.", "4", "Section 4"),
    ("The order rests on § 35 of the statute.", "35", "§ 35"),
    ("Rule 12 of the tribunal's rules applies.", "12", "Rule 12"),
    ("The pact's fourth article binds both sides.", "4", "Article 4"),  # no designator before the number
    ("Section 1070 was cited, and 107 more pages.", "107", "Article 107"),  # not the same number
])
def test_provision_label_uses_the_sources_designator(sentence, article, label):
    from briefing.summary import Citation, Treaty

    t = Treaty(name="the act", article=article, citations=[Citation("a.txt", sentence, 0, len(sentence))])
    assert render.provision_label(t) == label
    assert render.provision_label(Treaty(name="the act")) == ""


def test_a_length_of_time_ranks_after_a_count_backed_as_widely():
    from briefing.summary import EventSummary, Event, Figure

    span = Figure(value=60, unit="days", text="60-day", description="consultation period", claimed_by="the bloc",
                  citations=[cite("a.txt", "A 60-day period starts.")])
    cost = Figure(value=9e9, unit="EUR", text="9 billion euros", description="lost output", claimed_by="analysts",
                  citations=[cite("b.txt", "It could cost 9 billion euros.")])
    summary = EventSummary(event=Event(headline="h", summary="s"), figures=[span, cost])
    assert [f.text for f in render.importance_order(summary)["figures"]] == ["9 billion euros", "60-day"]

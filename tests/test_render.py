"""Rendered briefings of the seeds: snapshots of Markdown and HTML, and a one-page PDF that agrees with them."""
from __future__ import annotations

import io
import re

import pytest

from conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_outputs(seed_summary):
    from briefing.pipeline import render_outputs

    return render_outputs(seed_summary, ["md", "html", "pdf"])


def pdf_text(data: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_seed_markdown_snapshot(seed_outputs, md_snapshot):
    assert seed_outputs["md"] == md_snapshot


def test_seed_html_snapshot(seed_outputs, html_snapshot):
    assert seed_outputs["html"] == html_snapshot


def test_seed_pdf_is_one_page_with_headline_every_cited_number_and_every_source(seed_outputs, seed_summary):
    pages, text = pdf_text(seed_outputs["pdf"])
    assert pages == 1
    assert " ".join(seed_summary.event.headline.split())[:40] in text
    cited = set(re.findall(r"(?<!\\)\[(\d+)\]", seed_outputs["md"].split("## Sources")[0]))
    assert cited
    for n in cited:
        assert f"[{n}]" in text
    for p in SEEDS.iterdir():
        assert p.name in text


def test_pdf_keeps_the_reference_links(seed_outputs):
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(seed_outputs["pdf"])).pages[0]
    links = [a.get_object() for a in page.get("/Annots", []) if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= seed_outputs["html"].count('class="ref"')
    assert all("/Dest" in link or "/A" in link for link in links)


def test_markdown_needs_no_layout_and_pdf_one(seed_summary, count_layouts):
    from briefing.pipeline import render_outputs

    render_outputs(seed_summary, ["md"])
    assert count_layouts["n"] == 0
    render_outputs(seed_summary, ["md", "html", "pdf"])
    assert count_layouts["n"] == 1


def test_formats_are_deterministic(seed_summary, seed_outputs):
    import time

    from briefing.pipeline import render_outputs

    time.sleep(1.1)  # embedded fonts once carried the second they were subset in
    again = render_outputs(seed_summary, ["md", "html", "pdf"])
    assert again == seed_outputs


def test_pdf_metadata_carries_no_timestamps(seed_outputs):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(seed_outputs["pdf"]))
    meta = dict(reader.metadata or {})
    assert "/CreationDate" not in meta and "/ModDate" not in meta
    assert "/ID" not in reader.trailer
    assert set(meta) == {"/Title", "/Creator", "/Producer"} and meta["/Creator"] == "briefing"


def test_letter_paper(seed_summary):
    from pypdf import PdfReader

    from briefing.pipeline import render_outputs

    out = render_outputs(seed_summary, ["pdf"], paper="letter")
    box = PdfReader(io.BytesIO(out["pdf"])).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height)), len(PdfReader(io.BytesIO(out["pdf"])).pages)) \
        == (612, 792, 1)


def embedded_fonts(data: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds, without the subset tag ('ABCDEF+Briefing-Sans')."""
    from pypdf import PdfReader

    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].get_object()
    return {str(f.get_object()["/BaseFont"]).split("+", 1)[-1] for f in fonts.values()}


def test_a_latin_page_embeds_only_the_bundled_faces(seed_outputs):
    """Their small subsets are what makes the PDF quick to write (templates/assets/fonts)."""
    fonts = embedded_fonts(seed_outputs["pdf"])
    assert fonts and all(f.startswith("Briefing-") for f in fonts), fonts
    assert {"Briefing-Sans", "Briefing-Sans-Bold", "Briefing-Serif-Bold"} <= fonts


def test_characters_the_bundled_faces_lack_come_from_the_system_fonts(seed_summary):
    import dataclasses
    import shutil
    import subprocess

    from briefing.pipeline import render_outputs

    fc_list = shutil.which("fc-list")
    if not fc_list or not subprocess.run([fc_list, ":lang=ru"], capture_output=True, text=True).stdout.strip():
        pytest.skip("no system font has Cyrillic")
    event = dataclasses.replace(seed_summary.event, headline="Talks with Зеленский resume in Kyiv")
    pdf = render_outputs(dataclasses.replace(seed_summary, event=event), ["pdf"])["pdf"]
    pages, text = pdf_text(pdf)
    assert pages == 1 and "Зеленский" in text
    fonts = embedded_fonts(pdf)
    assert any(f.startswith("Briefing-") for f in fonts) and not all(f.startswith("Briefing-") for f in fonts)


def test_the_bundled_faces_hold_every_character_the_estimate_knows():
    import json
    from importlib import resources

    from fontTools.ttLib import TTFont

    from briefing.render import assets_dir

    widths = json.loads(resources.files("briefing.data").joinpath("font-widths.json").read_text("utf-8"))
    files = {"sans": "BriefingSans.ttf", "sans-bold": "BriefingSans-Bold.ttf",
             "sans-italic": "BriefingSans-Oblique.ttf", "serif-bold": "BriefingSerif-Bold.ttf",
             "mono": "BriefingMono.ttf"}
    assert set(files) == set(widths)
    for face, name in files.items():
        font = TTFont(str(assets_dir() / "fonts" / name))
        cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        for cp, width in widths[face].items():
            assert round(hmtx[cmap[int(cp)]][0] * 1000 / upem) == width, (name, chr(int(cp)))
        assert font["name"].getDebugName(1).startswith("Briefing ")  # renamed, as the Vera licence asks
    assert "Bitstream" in (assets_dir() / "fonts" / "LICENSE.txt").read_text("utf-8")

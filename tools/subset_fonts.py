"""Regenerate templates/assets/fonts/: the print style's DejaVu faces cut to the characters the layout knows.

The PDF embeds a subset of every font it uses. A full DejaVu face has about 6,000 glyphs, and on a system
without HarfBuzz-subset WeasyPrint cuts each one with fontTools: 0.15-0.25 s of every PDF. Faces that hold
only the characters of font-widths.json (Latin, punctuation, the euro; tools/font_widths.py) are cut about
three times as fast, and they make the page look the same wherever it is rendered. Any other character still
comes from the system's fonts, through the font stacks of templates/briefing.css.j2.

The Bitstream Vera licence of DejaVu allows modified copies under names without "Bitstream" or "Vera":
the cut faces are named Briefing Sans / Serif / Mono, and LICENSE.txt holds the licence as the fonts carry it.

Usage: python tools/subset_fonts.py [FONT_DIR]   (default /usr/share/fonts/truetype/dejavu)
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from font_widths import FACES, RANGES  # noqa: E402 - one list of faces and characters for both tools

# face of font-widths.json -> file written, family, and style as the font names it
OUTPUT = {
    "sans": ("BriefingSans.ttf", "Briefing Sans"),
    "sans-bold": ("BriefingSans-Bold.ttf", "Briefing Sans"),
    "sans-italic": ("BriefingSans-Oblique.ttf", "Briefing Sans"),
    "serif-bold": ("BriefingSerif-Bold.ttf", "Briefing Serif"),
    "mono": ("BriefingMono.ttf", "Briefing Mono"),
}
# name IDs: 1 family, 3 unique id, 4 full name, 6 PostScript name, 16 typographic family
RENAMED = (1, 3, 4, 6, 16)
LICENSE_ID = 13


def cut(source: Path, target: Path, family: str) -> str:
    """Write the subset of ``source`` renamed to ``family``; return the licence text it carries."""
    font = TTFont(str(source), recalcTimestamp=False)  # the same bytes on every run
    options = subset.Options(layout_features=["*"], hinting=False, name_IDs=["*"], name_languages=["*"],
                             notdef_outline=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[cp for lo, hi in RANGES for cp in range(lo, hi)])
    subsetter.subset(font)
    names = font["name"]
    style = names.getDebugName(2) or "Book"
    postscript = family.replace(" ", "") + ("" if style == "Book" else "-" + style.replace(" ", ""))
    for record in names.names:
        if record.nameID in RENAMED:
            full = family if style == "Book" else f"{family} {style}"
            record.string = {1: family, 16: family, 6: postscript}.get(record.nameID, full)
    font.save(str(target))
    return names.getDebugName(LICENSE_ID) or ""


def main() -> None:
    font_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu")
    target_dir = Path(__file__).resolve().parent.parent / "templates" / "assets" / "fonts"
    target_dir.mkdir(parents=True, exist_ok=True)
    licence = ""
    for face, source in FACES.items():
        name, family = OUTPUT[face]
        licence = cut(font_dir / source, target_dir / name, family) or licence
        print(f"wrote {target_dir / name} ({(target_dir / name).stat().st_size} bytes)")
    header = ("The Briefing Sans, Serif and Mono fonts in this folder are subsets of the DejaVu fonts, renamed\n"
              "as the Bitstream Vera licence below requires of modified copies (tools/subset_fonts.py).\n\n")
    (target_dir / "LICENSE.txt").write_text(header + licence.strip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

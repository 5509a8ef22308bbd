"""Page geometry of the printed briefing, and a height estimate that needs no WeasyPrint layout.

The print style (templates/briefing.css.j2) takes every size from ``Layout`` below, and ``Estimator`` adds
up the same boxes with the advance widths of the DejaVu faces the style names (briefing/data/font-widths.json,
made by tools/font_widths.py). The estimate errs on the safe side: it breaks lines only at spaces (WeasyPrint
also breaks after hyphens and slashes), ignores kerning, counts a full border per table row, and gives an
unknown character a full em. DejaVu is among the widest common faces, so a machine that falls back to
Liberation or Arial gets narrower text and the estimate still holds. So Markdown and HTML can be cut to one
page from the estimate alone, and the PDF only has to verify it.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MM = 72 / 25.4
PAPERS = {"A4": (210 * MM, 297 * MM), "letter": (612.0, 792.0)}
UNKNOWN_EM = 1.0  # width of a character the table does not know: CJK and emoji are about one em


@lru_cache(maxsize=1)
def _widths() -> dict[str, dict[int, float]]:
    raw = json.loads(resources.files("briefing.data").joinpath("font-widths.json").read_text("utf-8"))
    return {face: {int(cp): w / 1000 for cp, w in table.items()} for face, table in raw.items()}


@dataclass(frozen=True)
class Font:
    """One text style: a face of font-widths.json, a size and a line height in pt."""

    face: str
    size: float
    line: float  # line height as a factor of size, as in CSS
    spacing: float = 0.0  # letter-spacing in pt
    upper: bool = False

    @property
    def line_height(self) -> float:
        return self.size * self.line

    def width(self, text: str) -> float:
        table = _widths()[self.face]
        if self.upper:
            text = text.upper()
        ems = sum([table.get(ord(ch), UNKNOWN_EM) for ch in text])
        return ems * self.size + self.spacing * len(text)


# A run of text in one style; a paragraph is a list of runs.
Run = tuple[str, Font]


@dataclass(frozen=True)
class Layout:
    """Every size of the print style, in pt at scale 1. The CSS template reads these through ``pt``."""

    paper: str = "A4"
    scale: float = 1.0
    margin_v: float = 11 * MM
    margin_h: float = 13 * MM
    # text
    body: float = 8.2
    body_line: float = 1.32
    bluf: float = 9.0
    bluf_line: float = 1.36
    h1: float = 15.0
    h1_line: float = 1.17
    kicker: float = 6.8
    meta: float = 8.0
    h2: float = 7.3
    table: float = 7.9
    th: float = 6.9
    ref: float = 6.3
    small: float = 7.2
    sources: float = 7.0
    # boxes
    kicker_gap: float = 1.5
    h1_gap: float = 2.5
    meta_pad: float = 4.5
    rule: float = 1.2
    bluf_top: float = 7.0
    bluf_pad_v: float = 4.5
    bluf_pad_h: float = 7.0
    bluf_border: float = 2.5
    section_top: float = 7.5
    h2_pad: float = 1.5
    h2_rule: float = 0.6
    h2_gap: float = 3.0
    item_gap: float = 2.2
    bullet_indent: float = 7.0
    cell_pad_v: float = 1.6
    cell_pad_h: float = 3.5
    cell_rule: float = 0.5
    col_gap: float = 14.0
    source_gap: float = 1.2
    # figure table columns, as fractions of the width
    figure_cols: tuple[float, ...] = (0.21, 0.25, 0.23, 0.13, 0.18)

    def pt(self, value: float) -> str:
        """A size for the CSS template, scaled."""
        return f"{value * self.scale:.2f}pt"

    @property
    def page_size(self) -> tuple[float, float]:
        return PAPERS[self.paper]

    @property
    def content_width(self) -> float:
        return self.page_size[0] - 2 * self.margin_h

    @property
    def content_height(self) -> float:
        return self.page_size[1] - 2 * self.margin_v

    @property
    def column_width(self) -> float:
        return (self.content_width - self.col_gap * self.scale) / 2

    def font(self, size: float, face: str = "sans", line: float | None = None, spacing: float = 0.0,
             upper: bool = False) -> Font:
        s = self.scale
        return Font(face, size * s, line if line is not None else self.body_line, spacing * s, upper)


def count_lines(runs: list[Run], width: float) -> int:
    """Lines a paragraph takes at ``width`` when broken greedily at spaces, long words anywhere."""
    words: list[tuple[float, float]] = []  # (word width, width of the space after it)
    current = 0.0  # a word may run across runs ("Name" in bold, then "," in regular type)
    for text, font in runs:
        parts = text.split(" ") if text else []
        space = font.width(" ")
        for i, part in enumerate(parts):
            if i:  # a space came before this part: the word so far is complete
                if current:
                    words.append((current, space))
                    current = 0.0
                elif words:
                    words[-1] = (words[-1][0], space)
            current += font.width(part)
    if current:
        words.append((current, 0.0))
    if not words:
        return 1
    lines, used, space_before = 1, 0.0, 0.0
    for w, space_after in words:
        if used and used + space_before + w <= width:
            used += space_before + w
        elif not used and w <= width:
            used = w
        else:
            if used:
                lines += 1
            extra = max(0, math.ceil(w / width) - 1)  # overflow-wrap: anywhere splits a long word
            lines += extra
            used = w - extra * width
        space_before = space_after
    return lines


def paragraph_height(runs: list[Run], width: float, font: Font) -> float:
    """Height of a block whose line height is ``font``'s (the runs may use other faces of the same size)."""
    return count_lines(runs, width) * font.line_height


def balanced_split(heights: list[float]) -> int:
    """Where to split a list into two columns so that the taller one is as short as possible."""
    total, best, best_at, acc = sum(heights), math.inf, 0, 0.0
    for i in range(len(heights) + 1):
        taller = max(acc, total - acc)
        if taller < best:
            best, best_at = taller, i
        if i < len(heights):
            acc += heights[i]
    return best_at

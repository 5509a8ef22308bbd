"""Compare the renderer's height estimate with WeasyPrint's layout, part by part.

Usage: python tools/calibrate_layout.py SUMMARY.json [...]   (JSON summaries from `briefing extract`)
Prints, for each summary, estimated and laid-out heights (pt) of the page's parts; the estimate should be a
little above the layout everywhere (see briefing/layout.py for why it errs on the safe side).
"""
from __future__ import annotations

import json
import sys

from briefing import render
from briefing.summary import EventSummary

PT_PER_PX = 0.75  # WeasyPrint measures boxes in CSS px


def laid_out_heights(selection: render.Selection) -> dict[str, float]:
    from weasyprint import CSS, HTML

    html = render.render_html(selection, embed_css=False)
    css = render.render_css(selection)
    tall = CSS(string=f"@page {{ size: {selection.layout.page_size[0]}pt 20000pt; }}")
    doc = HTML(string=html).render(stylesheets=[CSS(string=css), tall])
    out: dict[str, float] = {}

    def walk(box):
        element = getattr(box, "element", None)
        if element is not None and getattr(box, "element_tag", None) in ("section", "header", "div", "body"):
            cls = element.get("class") or box.element_tag
            key = cls if cls not in out else None
            if key and box.element_tag != "div" or cls in ("bluf", "cols"):
                out.setdefault(cls, box.margin_height() * PT_PER_PX)
        for child in getattr(box, "children", []):
            walk(child)

    walk(doc.pages[0]._page_box)
    return out


def omitted_height(sel: render.Selection) -> float:
    if not sel.omitted:
        return 0.0
    L = sel.layout
    font = L.font(L.small, "sans-italic", line=1.3)
    text = "Left out to fit one page: " + render.left_out(sel.omitted) + " — all in the JSON summary."
    return 6 * L.scale + render.lay.paragraph_height([(text, font)], L.content_width, font)


def main() -> None:
    for path in sys.argv[1:]:
        summary = EventSummary.from_dict(json.load(open(path)))
        for paper in ("A4", "letter"):
            sel = render.select(summary, paper)
            est = render.Estimate(sel)
            L = sel.layout
            estimated = {
                "body": est.total() - render.omitted_reserve(L) + omitted_height(sel),
                "figures": est.section("figures"),
                "actors": est.section("actors"), "treaty-basis": est.section("treaty_basis"),
                "reactions": est.section("reactions"), "timeline": est.section("timeline"),
                "open-questions": est.section("open_questions"), "sources": est.sources(),
                "header+bluf": render.header_height(sel, L),
            }
            actual = laid_out_heights(sel)
            actual["header+bluf"] = actual.get("header", 0) + actual.get("bluf", 0)
            print(f"{path} {paper}: page {L.content_height:.0f}pt, scale {sel.scale}")
            for key, value in estimated.items():
                got = actual.get(key)
                ratio = f"{value / got:.3f}" if got else "-"
                print(f"  {key:15s} estimated {value:7.1f}  laid out {got if got is None else round(got, 1)!s:>7}  ratio {ratio}")


if __name__ == "__main__":
    main()

"""Render: the event summary as a one-page briefing in Markdown, HTML or PDF.

All three formats are rendered from one *selection* of the summary (what fits on one page, chosen by
importance), so they agree. Article text is escaped for Markdown by a filter and autoescaped in HTML;
it is never compiled as a template. WeasyPrint gets a URL fetcher that refuses every URL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.errors import RenderError
from briefing.summary import Citation, EventSummary

FORMATS = ("md", "html", "pdf", "json")
PAPER_SIZES = {"a4": "A4", "letter": "letter"}

# how many items of each section a page holds at most; fitting lowers these further
DEFAULT_LIMITS = {"actors": 8, "treaty_basis": 2, "figures": 6, "reactions": 5, "timeline": 6, "open_questions": 5}


def package_templates_dir() -> Path:
    """Templates ship inside the installed package; in a source checkout they live in ../templates."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "briefing.md.j2").is_file():
            return candidate
    raise RenderError("the briefing templates are missing from the installation")


# ---------------------------------------------------------------- escaping

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~^-])")


def md_escape(value: Any) -> str:
    """Make article text inert in Markdown: no links, images, HTML or emphasis can come out of it."""
    text = "" if value is None else str(value)
    text = re.sub(r"\s+", " ", text)
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


# ---------------------------------------------------------------- the view the templates see

@dataclass
class Ref:
    number: int
    source: str
    text: str


@dataclass
class Selection:
    """What goes on the page: the summary's items chosen by importance, and what was left out."""

    summary: EventSummary
    sources: list[dict]
    sections: dict[str, list]
    omitted: dict[str, int] = field(default_factory=dict)
    paper: str = "A4"

    def refs(self, citations: list[Citation]) -> list[Ref]:
        numbers = {s["id"]: s["number"] for s in self.sources}
        seen, out = set(), []
        for c in citations:
            n = numbers.get(c.source)
            if n is None or n in seen:
                continue
            seen.add(n)
            out.append(Ref(number=n, source=c.source, text=c.text))
        return sorted(out, key=lambda r: r.number)


def importance_order(summary: EventSummary) -> dict[str, list]:
    """Every section's items, most important first (how many sources back them, then mentions)."""

    def n_sources(item) -> int:
        return len({c.source for c in item.citations})

    return {
        "actors": sorted(summary.actors, key=lambda a: (-n_sources(a), -a.mentions)),
        "treaty_basis": sorted(summary.treaty_basis, key=lambda t: -n_sources(t)),
        "figures": sorted(summary.figures, key=lambda f: -n_sources(f)),
        "reactions": sorted(summary.reactions, key=lambda r: -n_sources(r)),
        "timeline": list(summary.timeline),
        "open_questions": list(summary.open_questions),
    }


def select(summary: EventSummary, limits: dict[str, int] | None = None, paper: str = "A4") -> Selection:
    limits = {**DEFAULT_LIMITS, **(limits or {})}
    ordered = importance_order(summary)
    sections, omitted = {}, {}
    for name, items in ordered.items():
        chosen = items[: limits[name]]
        if name == "timeline":  # keep the timeline in date order whatever was chosen
            chosen = sorted(chosen, key=lambda t: t.date)
        sections[name] = chosen
        if len(items) > len(chosen):
            omitted[name] = len(items) - len(chosen)
    sources = [{"number": i + 1, **s.__dict__} for i, s in enumerate(summary.sources)]
    return Selection(summary=summary, sources=sources, sections=sections, omitted=omitted, paper=paper)


# ---------------------------------------------------------------- Jinja

def environment(template_dir: str | Path | None = None):
    import jinja2

    default = jinja2.FileSystemLoader(str(package_templates_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        if not Path(template_dir).is_dir():
            raise RenderError(f"template folder not found: {template_dir}")
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders += [jinja2.PrefixLoader({"default": default}), default]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    return env


SECTION_TITLES = {"actors": "actors", "treaty_basis": "treaty provisions", "figures": "figures",
                  "reactions": "reactions", "timeline": "timeline entries", "open_questions": "open questions"}


def _render_template(name: str, selection: Selection, template_dir: str | Path | None) -> str:
    import jinja2

    try:
        template = environment(template_dir).get_template(name)
        return template.render(s=selection, event=selection.summary.event, sections=selection.sections,
                               sources=selection.sources, omitted=selection.omitted, titles=SECTION_TITLES,
                               refs=selection.refs, paper=selection.paper)
    except RenderError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template {exc.name or name}, line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {name}: {exc}") from None


def render_markdown(selection: Selection, template_dir: str | Path | None = None) -> str:
    return _render_template("briefing.md.j2", selection, template_dir)


def render_html(selection: Selection, template_dir: str | Path | None = None) -> str:
    return _render_template("briefing.html.j2", selection, template_dir)


# ---------------------------------------------------------------- PDF

def refuse_all_urls(url: str, *args, **kwargs):
    """WeasyPrint URL fetcher: the briefing is self-contained, so no URL is ever fetched."""
    raise ValueError(f"briefing fetches no URLs (refused {url[:80]!r})")


def _pdf_document(html: str):
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=refuse_all_urls, base_url=None).render()


def render_pdf_bytes(html: str) -> tuple[bytes, int]:
    doc = _pdf_document(html)
    return doc.write_pdf(), len(doc.pages)


def fit_one_page(summary: EventSummary, template_dir: str | Path | None = None, paper: str = "A4"):
    """Choose the largest selection whose PDF is one page; returns (selection, pdf_bytes or None)."""
    limits = dict(DEFAULT_LIMITS)
    for _ in range(40):
        selection = select(summary, limits, paper)
        html = render_html(selection, template_dir)
        doc = _pdf_document(html)
        if len(doc.pages) <= 1:
            return selection, doc.write_pdf()
        # drop the least important item of the section holding the most items on the page
        name = max(selection.sections, key=lambda k: len(selection.sections[k]))
        if not selection.sections[name]:
            break
        limits[name] = len(selection.sections[name]) - 1
    raise RenderError("the briefing does not fit on one page")

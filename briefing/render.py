"""Render: the event summary as a one-page briefing in Markdown, HTML or PDF.

All three formats are rendered from one ``Selection``: the items that fit on one page, chosen by importance
with a height estimate (briefing/layout.py) instead of trial layouts, so Markdown needs no WeasyPrint at all
and the PDF normally takes a single layout. The PDF path still verifies the page count and, should the
estimate ever be short, drops the least important item and lays out again.

Article text is escaped for Markdown by the ``md`` filter and autoescaped in HTML; it is never compiled as a
template. WeasyPrint gets a URL fetcher that serves only the package's own assets.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from briefing import layout as lay
from briefing.errors import RenderError
from briefing.summary import DURATION_UNITS, Citation, Event, EventSummary

FORMATS = ("md", "html", "pdf", "json")
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
SECTIONS = ("figures", "actors", "treaty_basis", "reactions", "timeline", "open_questions")
# most items of each section a page shows, however much room is left
DEFAULT_LIMITS = {"actors": 8, "treaty_basis": 3, "figures": 7, "reactions": 6, "timeline": 7, "open_questions": 5}
SECTION_TITLES = {"actors": "actors", "treaty_basis": "treaty provisions", "figures": "figures",
                  "reactions": "reactions", "timeline": "timeline entries", "open_questions": "open questions"}
SECTION_TITLE_ONE = {"actors": "actor", "treaty_basis": "treaty provision", "figures": "figure",
                     "reactions": "reaction", "timeline": "timeline entry", "open_questions": "open question"}
LEFT_COLUMN, RIGHT_COLUMN = ("actors", "treaty_basis", "reactions"), ("timeline", "open_questions")
MAX_REFS = 5  # references shown per item; the rest are counted ("+3")
SAFETY = 0.98  # share of the page height the estimate may fill
# What runs onto a second page understates how much too tall the page was: the two columns break side by side,
# and lines that widows and orphans push over leave room unused at the foot of the first page.
OVERFLOW_MARGIN = 1.1
SCALES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)  # type sizes tried when even the essentials overflow
STANCE_LABELS = {"support": "supports", "condemn": "condemns", "deny": "denies", "concern": "concerned",
                 "neutral": "says"}
QUESTION_KINDS = ("conflict", "dispute", "unknown", "next", "single_source")
NONE_TEXT = {
    "figures": "No figures found in the sources.",
    "actors": "No actors found in the sources.",
    "treaty_basis": "No treaty or legal basis named in the sources.",
    "reactions": "No reactions reported in the sources.",
    "timeline": "No dated events found in the sources.",
    "open_questions": "The sources raise no open questions.",
}


def package_templates_dir() -> Path:
    """Templates ship inside the installed package; in a source checkout they live in ../templates."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "briefing.md.j2").is_file():
            return candidate
    raise RenderError("the briefing templates are missing from the installation")


# ---------------------------------------------------------------- escaping

_MD_INLINE = re.compile(r"([\\`*\[\]<>!|~&])")
_MD_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")  # intraword _ never makes emphasis
_MD_BLOCK_START = re.compile(r"^(?:(\d+)([.)])|([#>+=-]))")  # ordered lists; headings, quotes, lists
_URL_SCHEME = re.compile(r"(?i)\b(https?|ftp|file|javascript|data|mailto)(:)")


def md_escape(value: Any) -> str:
    """Make article text inert in Markdown: no link, image, HTML, code or emphasis can come out of it."""
    text = re.sub(r"\s+", " ", "" if value is None else str(value)).strip()
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_UNDERSCORE.sub(r"\\_", text)
    text = _URL_SCHEME.sub(r"\1\\\2", text)  # no bare-URL autolinks on hosts that linkify
    text = text.replace("www.", "www\\.")
    return _MD_BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def one_line(value: Any) -> str:
    """Collapse whitespace, for text shown in HTML and measured by the estimate alike."""
    return re.sub(r"\s+", " ", "" if value is None else str(value)).strip()


# ---------------------------------------------------------------- the view the templates see

@dataclass
class Ref:
    number: int
    source: str
    text: str  # the exact cited sentence(s) of this source, for the tooltip


class RefList(list):
    """The references of one item, at most MAX_REFS; ``more`` counts the sources left unshown."""

    more: int = 0


@dataclass
class SourceEntry:
    number: int
    id: str
    path: str
    title: str | None
    outlet: str | None
    published: str | None
    duplicate_of: int | None  # number of the source this one repeats, if ingest found it a near-duplicate


@dataclass
class Selection:
    """What goes on the page: the summary's items chosen by importance, and what was left out."""

    summary: EventSummary
    sources: list[SourceEntry]  # every source, numbered in summary order
    sections: dict[str, list]
    omitted: dict[str, int] = field(default_factory=dict)
    paper: str = "A4"
    scale: float = 1.0
    list_all_sources: bool = True
    compact_sources: bool = False  # sources listed without their titles (those are in the JSON summary)
    estimated_height: float = 0.0
    _refs: dict[int, RefList] = field(default_factory=dict, repr=False, compare=False)

    @property
    def layout(self) -> lay.Layout:
        return lay.Layout(paper=self.paper, scale=self.scale)

    @property
    def numbers(self) -> dict[str, int]:
        if not hasattr(self, "_numbers"):
            self._numbers = {s.id: s.number for s in self.sources}
        return self._numbers

    def refs(self, citations: list[Citation]) -> RefList:
        key = id(citations)  # the lists belong to the summary's items, which outlive the selection
        if key not in self._refs:
            self._refs[key] = make_refs(citations, self.numbers)
        return self._refs[key]

    @property
    def distinct_sources(self) -> int:
        """Sources counted once per group of near-duplicates (same wire copy)."""
        return sum(1 for s in self.sources if s.duplicate_of is None)

    @property
    def cited_numbers(self) -> set[int]:
        items = [self.summary.event] + [it for name in SECTIONS for it in self.sections[name]]
        return {r.number for it in items for r in self.refs(it.citations)}

    @property
    def shown_sources(self) -> list[SourceEntry]:
        if self.list_all_sources:
            return list(self.sources)
        cited = self.cited_numbers
        return [s for s in self.sources if s.number in cited]

    @property
    def source_columns(self) -> list[list[SourceEntry]]:
        shown = self.shown_sources
        L = self.layout
        width = L.column_width
        at = lay.balanced_split([source_height(s, L, width, self.compact_sources) for s in shown])
        return [shown[:at], shown[at:]]

    def source_detail(self, s: SourceEntry) -> str:
        return source_text(s, self.compact_sources)[2]

    def __getstate__(self) -> dict[str, Any]:
        # the refs cache is keyed by id() of the summary's lists, which mean nothing in another process
        state = self.__dict__.copy()
        state["_refs"] = {}
        state.pop("_numbers", None)
        return state


def make_refs(citations: list[Citation], numbers: dict[str, int]) -> RefList:
    texts: dict[int, list[str]] = {}
    for c in citations:
        n = numbers.get(c.source)
        if n is not None and c.text not in texts.setdefault(n, []):
            texts[n].append(c.text)
    out = RefList(Ref(number=n, source="", text="\n".join(t)) for n, t in sorted(texts.items()))
    for r in out:
        r.source = next(c.source for c in citations if numbers.get(c.source) == r.number)
    out.more = max(0, len(out) - MAX_REFS)
    del out[MAX_REFS:]
    return out


def source_entries(summary: EventSummary) -> list[SourceEntry]:
    numbers = {s.id: i + 1 for i, s in enumerate(summary.sources)}
    return [SourceEntry(number=numbers[s.id], id=s.id, path=s.path, title=s.title, outlet=s.outlet,
                        published=s.published, duplicate_of=numbers.get(s.duplicate_of) if s.duplicate_of else None)
            for s in summary.sources]


# ---------------------------------------------------------------- importance

def _n_sources(item) -> int:
    return len({c.source for c in item.citations})


def importance_order(summary: EventSummary) -> dict[str, list]:
    """Every section's items, most important first: how many sources back them, how central their actor is."""
    actors = sorted(summary.actors, key=lambda a: (-_n_sources(a), -a.mentions, a.name))
    centrality = {}
    for rank, a in enumerate(actors):
        for name in [a.name, *a.aliases]:
            centrality.setdefault(name.casefold(), rank)
    far = len(actors)

    def actor_rank(name: str | None) -> int:
        return centrality.get((name or "").casefold(), far)

    def figure_key(f):
        # a figure someone claims, about a central actor, outranks an unattributed one; a length of time (a
        # '60-day period', 'six weeks of stocks') says less than a count, sum or share backed as widely
        mentioned = min((rank for name, rank in centrality.items() if name and name in f.description.casefold()),
                        default=far)
        return (-_n_sources(f), (f.unit or "").lower() in DURATION_UNITS, f.claimed_by is None,
                min(actor_rank(f.claimed_by), mentioned))

    def question_key(q):
        kind = QUESTION_KINDS.index(q.kind) if q.kind in QUESTION_KINDS else len(QUESTION_KINDS)
        return (kind, -_n_sources(q))

    return {
        "figures": sorted(summary.figures, key=figure_key),
        "actors": actors,
        "treaty_basis": sorted(summary.treaty_basis, key=lambda t: (-_n_sources(t), not t.provision, not t.article)),
        "reactions": stance_spread(sorted(summary.reactions, key=lambda r: (-_n_sources(r), actor_rank(r.actor)))),
        "timeline": sorted(summary.timeline, key=lambda t: -_n_sources(t)),
        "open_questions": sorted(summary.open_questions, key=question_key),
    }


def stance_spread(reactions: list) -> list:
    """Reactions in turns across stances (best-backed stance first, neutral last), so that a short page
    shows who condemns and who denies, not three parties that all support."""
    groups: dict[str, list] = {}
    for r in reactions:
        groups.setdefault(r.stance, []).append(r)
    order = sorted(groups, key=lambda stance: stance == "neutral")
    spread = []
    for turn in range(max((len(g) for g in groups.values()), default=0)):
        spread += [groups[stance][turn] for stance in order if stance != "neutral" and turn < len(groups[stance])]
    return spread + groups.get("neutral", [])


def shown_text(name: str, item) -> str:
    """The sentence an item shows; two items of a section showing the same one would repeat it."""
    text = {"figures": lambda f: " ".join(figure_cells(f)),
            "actors": lambda a: a.name, "treaty_basis": lambda t: t.provision or t.name,
            "reactions": lambda r: r.summary, "timeline": lambda t: t.event,
            "open_questions": lambda q: q.reason}[name](item)
    return one_line(text).casefold()


def candidates(ordered: dict[str, list], limits: dict[str, int]) -> list[tuple[str, Any]]:
    """Items in the order the page takes them: each section's first, then each section's second, ...
    An item that would repeat the text of a more important one of its section is not a candidate."""
    unique = {}
    for name, items in ordered.items():
        seen: set[str] = set()
        unique[name] = [it for it in items if not (shown_text(name, it) in seen or seen.add(shown_text(name, it)))]
    out = []
    for rank in range(max((len(v) for v in unique.values()), default=0)):
        for name in SECTIONS:
            if rank < min(len(unique[name]), limits[name]):
                out.append((name, unique[name][rank]))
    return out


# ---------------------------------------------------------------- height estimate (mirrors briefing.css.j2)

def refs_text(refs: RefList) -> str:
    return "".join(f"[{r.number}]" for r in refs) + (f"+{refs.more}" if refs.more else "")


def item_runs(name: str, item, L: lay.Layout, refs: RefList) -> list[lay.Run]:
    """The text of a list item as the HTML template writes it, in its fonts."""
    body, bold = L.font(L.body), L.font(L.body, "sans-bold")
    ref = [(" " + refs_text(refs), L.font(L.ref, "sans-bold"))]
    if name == "actors":
        return [(one_line(item.name), bold), (" " + actor_role(item), body)] + ref
    if name == "treaty_basis":
        detail = " ".join(x for x in [provision_label(item), item.provision or ""] if x)
        return [(one_line(item.name), bold), (" " + one_line(detail), body)] + ref
    if name == "reactions":
        return [(one_line(item.actor), bold), (f" {stance_label(item.stance)}", L.font(L.small, "sans-bold", upper=True)),
                (": ", body),
                (one_line(item.summary), body)] + ref
    if name == "timeline":
        return [(item.date, bold), (" " + one_line(item.event), body)] + ref
    return [(one_line(item.question), bold), (" " + one_line(item.reason), body)] + ref


# The word a source puts before a provision's number, as the page spells it out.
DESIGNATORS = {"article": "Article", "art": "Article", "section": "Section", "sec": "Section", "s": "Section",
               "clause": "Clause", "paragraph": "Paragraph", "para": "Paragraph", "rule": "Rule",
               "chapter": "Chapter", "part": "Part", "title": "Title", "regulation": "Regulation", "§": "§"}
_DESIGNATOR = re.compile(r"(?i)(§|\b(?:" + "|".join(k for k in DESIGNATORS if k != "§") + r")\b\.?)\s*")


def provision_label(t) -> str:
    """'Section 107' where the cited sentence says "section 107 of the Labour Code", 'Article 4' where it says
    "Article 4"; 'Article' when no sentence puts a designator before the number ("its fourth article")."""
    if not t.article:
        return ""
    number = re.escape(str(t.article).strip())
    for c in t.citations:
        m = re.search(_DESIGNATOR.pattern + number + r"(?![\w])", c.text)
        if m:
            word = m.group(1).rstrip(".").lower()
            return f"{DESIGNATORS.get(word, 'Article')} {one_line(t.article)}"
    return f"Article {one_line(t.article)}"


def item_height(name: str, item, L: lay.Layout, refs: RefList) -> float:
    width = L.column_width - L.bullet_indent * L.scale
    return lay.paragraph_height(item_runs(name, item, L, refs), width, L.font(L.body)) + L.item_gap * L.scale


def stance_label(stance: str) -> str:
    return STANCE_LABELS.get(stance, one_line(stance))


def actor_role(a) -> str:
    """The role an article gives an actor, or else what kind of actor it is, in brackets."""
    return one_line(a.role) if a.role else f"({a.kind})"


UNIT_WORDS = frozenset("cent percent pct per amount sum money value figure".split())


def what_it_counts(f) -> str:
    """The figure's description in the article's words ("containers sitting on the docks"); the unit when
    the description is a single word, a whole sentence or repeats the figure. (``quantity`` is a grouping key,
    not prose.)"""
    description = one_line(f.description)
    unit = one_line(f.unit)
    # one word says enough beside a share or a sum ('inflation' for 6.2%, 'cost' for C$800 million): the unit
    # is in the figure already; never a word of the unit itself ('cent' of 'per cent')
    measured = unit in ("percent", "%") or (unit.isupper() and len(unit) == 3)
    said = " ".join(c.text for c in f.citations[:1]).casefold()
    fewest = 1 if measured and description.isalpha() and description.casefold() not in UNIT_WORDS \
        and re.search(r"\b" + re.escape(description.casefold()) + r"\b", said) else 2  # (the source's own word)
    if fewest <= len(description.split()) <= 12 and description.casefold() not in one_line(f.text).casefold():
        return description
    return "amount" if unit.isupper() and len(unit) == 3 else unit  # a currency code: the figure shows it


def figure_cells(f) -> list[str]:
    return [one_line(f.text), what_it_counts(f), one_line(f.claimed_by or "not stated"), one_line(f.as_of or "–")]


def row_height(cells: list[tuple[str, lay.Font]], L: lay.Layout) -> float:
    s = L.scale
    widths = [frac * L.content_width - 2 * L.cell_pad_h * s for frac in L.figure_cols]
    tallest = max(lay.paragraph_height([cell], w, cell[1]) for cell, w in zip(cells, widths))
    return tallest + 2 * L.cell_pad_v * s + L.cell_rule * s


def figure_height(f, L: lay.Layout, refs: RefList) -> float:
    font = L.font(L.table, line=1.3)
    cells = [(text, font) for text in figure_cells(f)] + [(refs_text(refs), L.font(L.table, "sans-bold", line=1.3))]
    return row_height(cells, L)


def heading_height(L: lay.Layout) -> float:
    s = L.scale
    return L.font(L.h2, line=1.3).line_height + (L.h2_pad + L.h2_rule + L.h2_gap) * s


def none_height(L: lay.Layout) -> float:
    return L.font(L.body).line_height + L.item_gap * L.scale


def table_head_height(L: lay.Layout) -> float:
    font = L.font(L.th, "sans-bold", line=1.3, spacing=0.3, upper=True)
    return row_height([(t, font) for t in ("Figure", "What it counts", "Claimed by", "As of", "Sources")], L)


def header_height(sel: Selection, L: lay.Layout) -> float:
    s, W = L.scale, L.content_width
    ev = sel.summary.event
    h = L.font(L.kicker, line=1.3).line_height + L.kicker_gap * s
    h1 = L.font(L.h1, "serif-bold", line=L.h1_line)
    h += lay.paragraph_height([(one_line(ev.headline), h1)], W, h1) + L.h1_gap * s
    meta = L.font(L.meta, line=1.3)
    h += lay.paragraph_height([(meta_text(sel), meta)], W, meta) + (L.meta_pad + L.rule) * s
    bluf = L.font(L.bluf, line=L.bluf_line)
    width = W - (L.bluf_border + 2 * L.bluf_pad_h) * s
    runs = [("Bottom line ", L.font(L.bluf, "sans-bold", line=L.bluf_line)), (one_line(ev.summary), bluf),
            (" " + refs_text(sel.refs(ev.citations)), L.font(L.ref, "sans-bold"))]
    return h + L.bluf_top * s + lay.paragraph_height(runs, width, bluf) + 2 * L.bluf_pad_v * s


def meta_text(sel: Selection) -> str:
    ev = sel.summary.event
    parts = [p for p in (ev.date, one_line(ev.location) if ev.location else None) if p]
    return " · ".join(parts + [based_on(sel)])


def based_on(sel: Selection) -> str:
    n, total = sel.distinct_sources, len(sel.sources)
    text = f"based on {n} source{'s' if n != 1 else ''}"
    if total != n:
        text += f" ({total} articles, {total - n} near-duplicate{'s' if total - n != 1 else ''} counted once)"
    return text


def source_text(s: SourceEntry, compact: bool = False) -> list[str]:
    """An entry of the sources list: number, file name, and title, outlet, date (and what it repeats)."""
    rest = [one_line(x) for x in ((s.published,) if compact else (s.title, s.outlet, s.published)) if x]
    if s.duplicate_of:
        rest.append(f"near-duplicate of [{s.duplicate_of}]")
    return [f"[{s.number}] ", one_line(s.id), ", ".join(rest)]


def source_height(s: SourceEntry, L: lay.Layout, width: float, compact: bool = False) -> float:
    number, name, rest = source_text(s, compact)
    runs = [(number, L.font(L.sources, "sans-bold", line=1.3)), (name, L.font(L.sources, "mono", line=1.3)),
            ((" — " + rest) if rest else "", L.font(L.sources, line=1.3))]
    hanging = 14 * L.scale  # text-indent: the number hangs, the rest of the lines are indented
    return lay.paragraph_height(runs, width - hanging, runs[0][1]) + L.source_gap * L.scale


def hidden_sources_height(L: lay.Layout) -> float:
    font = L.font(L.small, "sans-italic", line=1.3)
    return 6 * L.scale + font.line_height


def omitted_reserve(L: lay.Layout) -> float:
    """Room for the 'left out' note, at its longest (every section named, three-digit counts)."""
    font = L.font(L.small, "sans-italic", line=1.3)
    worst = "Left out to fit one page: " + ", ".join(f"999 more {t}" for t in SECTION_TITLES.values())
    return 6 * L.scale + lay.paragraph_height([(worst + " — all in the JSON summary.", font)],
                                             L.content_width, font)


class Estimate:
    """Adds up the estimated height of a page as items join it; item heights are measured once."""

    def __init__(self, sel: Selection):
        self.sel, self.L = sel, sel.layout
        self._heights: dict[int, float] = {}
        self._source_heights: dict[int, float] = {}
        self.fixed = header_height(sel, self.L) + omitted_reserve(self.L)

    def item(self, name: str, item) -> float:
        key = id(item)
        if key not in self._heights:
            refs = self.sel.refs(item.citations)
            self._heights[key] = (figure_height(item, self.L, refs) if name == "figures"
                                  else item_height(name, item, self.L, refs))
        return self._heights[key]

    def section(self, name: str) -> float:
        items = self.sel.sections[name]
        body = sum(self.item(name, it) for it in items) if items else none_height(self.L)
        if name == "figures" and items:
            body += table_head_height(self.L)
        return self.L.section_top * self.L.scale + heading_height(self.L) + body

    def source(self, s: SourceEntry) -> float:
        if s.number not in self._source_heights:
            self._source_heights[s.number] = source_height(s, self.L, self.L.column_width, self.sel.compact_sources)
        return self._source_heights[s.number]

    def sources(self) -> float:
        shown = self.sel.shown_sources
        heights = [self.source(s) for s in shown]
        at = lay.balanced_split(heights)
        hidden = 0.0 if self.sel.list_all_sources else hidden_sources_height(self.L)
        return (self.L.section_top * self.L.scale + heading_height(self.L)
                + max(sum(heights[:at]), sum(heights[at:]), 0.0) + hidden)

    def total(self) -> float:
        left = sum(self.section(n) for n in LEFT_COLUMN)
        right = sum(self.section(n) for n in RIGHT_COLUMN)
        return self.fixed + self.section("figures") + max(left, right) + self.sources()


# ---------------------------------------------------------------- selection

def select(summary: EventSummary, paper: str = "A4", limits: dict[str, int] | None = None,
           short_by: float = 0.0) -> Selection:
    """The most important items that the estimate puts on one page, at the largest type that fits.
    ``short_by`` (pt) narrows the budget when a layout showed the estimate to be that much short."""
    limits = {**DEFAULT_LIMITS, **(limits or {})}
    for scale in SCALES:
        selection = _select_at(summary, paper, limits, scale, short_by)
        if selection is not None:
            return selection
    raise RenderError("the briefing's headline, bottom line and sources do not fit on one page")


def _select_at(summary: EventSummary, paper: str, limits: dict[str, int], scale: float,
               short_by: float = 0.0) -> Selection | None:
    sel = Selection(summary=summary, sources=source_entries(summary), sections={n: [] for n in SECTIONS},
                    paper=paper, scale=scale)
    budget = sel.layout.content_height * SAFETY - short_by
    # list every source, with titles if that leaves most of the page for content; else only those cited
    for list_all, compact, share in ((True, False, 0.6), (True, True, 0.6), (False, True, 1.0)):
        sel.list_all_sources, sel.compact_sources = list_all, compact
        one_line_each = sel.layout.font(sel.layout.sources, line=1.3).line_height / 2
        if list_all and len(sel.sources) * one_line_each > budget * share:
            continue  # too many to list, whatever their length: do not measure them all
        estimate = Estimate(sel)
        if estimate.total() <= budget * share:
            break
    else:
        return None
    ordered = importance_order(summary)
    for name, item in candidates(ordered, limits):
        sel.sections[name].append(item)
        height = estimate.total()
        if height > budget:
            sel.sections[name].pop()
    sel.sections["timeline"].sort(key=lambda t: t.date)  # shown in date order, whatever was chosen
    sel.sections["reactions"] = by_party(sel.sections["reactions"])
    sel.omitted = {n: len(ordered[n]) - len(sel.sections[n]) for n in SECTIONS if len(ordered[n]) > len(sel.sections[n])}
    sel.estimated_height = estimate.total()
    return sel


def left_out(omitted: dict[str, int]) -> str:
    """'1 more figure, 12 more actors': what the page leaves to the JSON summary."""
    return ", ".join(f"{n} more {SECTION_TITLE_ONE[k] if n == 1 else SECTION_TITLES[k]}" for k, n in omitted.items())


def by_party(reactions: list) -> list:
    """Reactions of one party together, parties in the order of their most important reaction."""
    first = {}
    for i, r in enumerate(reactions):
        first.setdefault(one_line(r.actor).casefold(), i)
    return sorted(reactions, key=lambda r: first[one_line(r.actor).casefold()])


def drop_least_important(sel: Selection) -> Selection | None:
    """The selection less its least important item (the last taken), or None if nothing is left to drop."""
    taken = candidates(importance_order(sel.summary), DEFAULT_LIMITS)
    for name, item in reversed(taken):
        if any(it is item for it in sel.sections[name]):
            sections = {n: [it for it in v if it is not item] for n, v in sel.sections.items()}
            omitted = dict(sel.omitted)
            omitted[name] = omitted.get(name, 0) + 1
            return replace(sel, sections=sections, omitted=omitted)
    return None


# ---------------------------------------------------------------- Jinja

def environment(template_dir: str | Path | None = None):
    """The Jinja environment for a template folder, made once per folder (Jinja re-reads changed files)."""
    return _environment(str(Path(template_dir).resolve()) if template_dir is not None else None)


@lru_cache(maxsize=16)
def _environment(template_dir: str | None):
    import jinja2

    default = jinja2.FileSystemLoader(str(package_templates_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        if not Path(template_dir).is_dir():
            raise RenderError(f"template folder not found: {template_dir}")
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders += [jinja2.PrefixLoader({"default": default}, delimiter=":"), default]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "css.j2"),
                                            default_for_string=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["one_line"] = one_line
    return env


def _context(selection: Selection, embed_css: bool) -> dict[str, Any]:
    return dict(s=selection, event=selection.summary.event, sections=selection.sections,
                sources=selection.sources, shown_sources=selection.shown_sources,
                source_columns=selection.source_columns, hidden_sources=len(selection.sources)
                - len(selection.shown_sources), omitted=selection.omitted, titles=SECTION_TITLES,
                left_out=left_out(selection.omitted),
                empty_text=NONE_TEXT, refs=selection.refs, paper=selection.paper, L=selection.layout,
                based_on=based_on(selection), figure_cells=figure_cells, provision_label=provision_label, actor_role=actor_role, stance_label=stance_label,
                compact_sources=selection.compact_sources, all_listed=selection.list_all_sources,
                source_detail=selection.source_detail,
                embed_css=embed_css)


def _render_template(name: str, selection: Selection, template_dir: str | Path | None,
                     embed_css: bool = True) -> str:
    import jinja2

    try:
        template = environment(template_dir).get_template(name)
        return template.render(**_context(selection, embed_css))
    except RenderError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template {exc.name or name}, line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template not found: {exc.name}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {name}: {exc}") from None
    except (TypeError, ValueError, AttributeError, KeyError, ZeroDivisionError) as exc:
        raise RenderError(f"template {name}: {type(exc).__name__}: {exc}") from None


def render_markdown(selection: Selection, template_dir: str | Path | None = None) -> str:
    return _render_template("briefing.md.j2", selection, template_dir)


def render_html(selection: Selection, template_dir: str | Path | None = None, embed_css: bool = True) -> str:
    return _render_template("briefing.html.j2", selection, template_dir, embed_css)


def render_css(selection: Selection, template_dir: str | Path | None = None) -> str:
    return _render_template("briefing.css.j2", selection, template_dir)


# ---------------------------------------------------------------- PDF

def assets_dir() -> Path:
    return package_templates_dir() / "assets"


def asset_path(url: str) -> Path:
    """The file of the package's assets folder that ``url`` names; anything else is refused:
    other files, the network, data: URLs. Nothing is followed, so there are no redirects either."""
    parsed = urlparse(url)
    if parsed.scheme == "file" and parsed.netloc in ("", "localhost"):
        path = Path(unquote(parsed.path)).resolve()
        if path.is_relative_to(assets_dir().resolve()) and path.is_file():
            return path
    raise ValueError(f"briefing fetches no URLs outside its own assets (refused {url[:80]!r})")


@lru_cache(maxsize=1)
def url_fetcher():
    """WeasyPrint's URL fetcher for the briefing: it serves ``asset_path`` and nothing else."""
    from weasyprint import urls

    if not hasattr(urls, "URLFetcher"):  # WeasyPrint < 66 takes a function returning a dict
        return lambda url, *args, **kwargs: {"string": asset_path(url).read_bytes(), "redirected_url": url}

    class AssetFetcher(urls.URLFetcher):
        def fetch(self, url, headers=None):
            return urls.URLFetcherResponse(url, asset_path(url).read_bytes())

    return AssetFetcher(allow_redirects=False, allowed_protocols=("file",))


@lru_cache(maxsize=1)
def _font_config():
    import atexit

    from weasyprint.text.fonts import FontConfiguration

    # let it go while the interpreter is whole: freed at shutdown, its __del__ finds its C helpers gone and
    # prints a TypeError
    atexit.register(_font_config.cache_clear)
    return FontConfiguration()


@lru_cache(maxsize=8)
def _stylesheet(css: str):
    from weasyprint import CSS

    return CSS(string=css, url_fetcher=url_fetcher(), font_config=_font_config())


@lru_cache(maxsize=1)
def _font_faces():
    """The bundled faces of the print style (templates/assets/fonts.css): their small subsets make writing the
    PDF about three times as fast as cutting the system's full DejaVu fonts (tools/subset_fonts.py)."""
    from weasyprint import CSS

    path = assets_dir() / "fonts.css"
    return CSS(string=path.read_text("utf-8"), base_url=path.as_uri(), url_fetcher=url_fetcher(),
               font_config=_font_config())


def layout_pdf(html: str, css: str):
    """One WeasyPrint layout of the page (the costly step, counted by the tests)."""
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=url_fetcher(), base_url=str(assets_dir()) + "/").render(
        stylesheets=[_font_faces(), _stylesheet(css)], font_config=_font_config(), presentational_hints=False)


def write_pdf(document, selection: Selection) -> bytes:
    """PDF bytes with fixed metadata: no creation or modification time, no random identifier."""
    meta = document.metadata
    meta.title = one_line(selection.summary.event.headline)
    meta.authors, meta.keywords = [], []
    meta.generator = "briefing"
    meta.created = meta.modified = None
    with fixed_font_timestamps():
        return document.write_pdf(pdf_identifier=False)


@contextmanager
def fixed_font_timestamps():
    """fontTools stamps the embedded font subsets with the time they were made unless SOURCE_DATE_EPOCH
    says otherwise (reproducible-builds.org); keep the caller's value if there is one."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def render_pdf(selection: Selection, template_dir: str | Path | None = None) -> tuple[Selection, bytes]:
    """Lay out the selection. Should the estimate have been short (a second page), select again with the
    budget narrowed by the overflow, or else drop the least important item, and lay out again."""
    css = render_css(selection, template_dir)
    short_by = 0.0
    while True:
        document = layout_pdf(render_html(selection, template_dir, embed_css=False), css)
        if len(document.pages) <= 1:
            return selection, write_pdf(document, selection)
        short_by += overflow(document) * OVERFLOW_MARGIN + 2.0
        smaller = select(selection.summary, selection.paper, short_by=short_by)
        if smaller.sections == selection.sections and smaller.scale == selection.scale:
            smaller = drop_least_important(selection)
        if smaller is None:
            raise RenderError("the briefing does not fit on one page")
        selection = smaller


def overflow(document) -> float:
    """How much (pt) of the laid-out page ran onto further pages."""
    total = 0.0
    for page in document.pages[1:]:
        boxes = page._page_box.children  # the html element's box on that page, in CSS px
        total += sum(box.margin_height() for box in boxes) * 0.75
    return total


def warm_up(template_dir: str | Path | None = None) -> None:
    """Make and write the PDF of an empty briefing: WeasyPrint is then imported, its fonts and C bindings set
    up and the templates compiled, so that the real page costs only its own layout (see briefing.pdfworker)."""
    selection = select(EventSummary(Event(headline="Briefing", summary="")), "A4")
    document = layout_pdf(render_html(selection, template_dir, embed_css=False), render_css(selection, template_dir))
    write_pdf(document, selection)


def fit_one_page(summary: EventSummary, template_dir: str | Path | None = None, paper: str = "A4"):
    """Choose the selection by estimate and verify it with one layout; returns (selection, pdf_bytes)."""
    return render_pdf(select(summary, paper), template_dir)

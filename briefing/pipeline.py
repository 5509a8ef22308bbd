"""The whole path from source paths to an event summary: ingest -> parse -> extract -> consolidate."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from briefing.summary import EventSummary

if TYPE_CHECKING:
    from briefing.pdfworker import PdfWorker


def summarize(paths: list[str | Path], model: str | None = None, n_process: int = 1,
              cache_dir: str | Path | None = None, progress: Callable[[int, int], None] | None = None) -> EventSummary:
    """Ingest, then parse and extract document by document: each document's spaCy docs are dropped as soon as
    its extraction is done, so memory holds the texts and extractions, not every parse at once.

    ``cache_dir`` keeps parsed documents on disk (see briefing.cache); ``progress(done, total)`` is called
    after each document.
    """
    from briefing import sharing
    from briefing.consolidate import consolidate
    from briefing.extract import extract_document
    from briefing.nlp import load_pipeline, parse_documents
    from briefing.prefetch import DocumentStream

    stream = DocumentStream.open(paths)  # read by a helper process while the pipeline loads (briefing.prefetch)
    try:
        nlp = load_pipeline(model)
        cache = None
        if cache_dir is not None:
            from briefing.cache import DocCache

            cache = DocCache(cache_dir, nlp)

        def extract_each(documents):
            """One extraction per document, in order; each document's spaCy docs are dropped once it is done."""
            current = None
            for parsed in parse_documents(documents, nlp, n_process=n_process, cache=cache):
                extraction = extract_document(parsed)
                if parsed.part:  # a later part of a huge document: same source, more items
                    merge_extraction(current, extraction)
                else:
                    current = extraction
                last = parsed.last
                del parsed  # the spaCy docs go now, not when the next document replaces them
                if last:
                    yield current

        report = None if progress is None else (lambda done: progress(done, len(stream.files)))
        if sharing.wanted(len(stream.files), n_process):  # the second CPU takes half
            extractions = sharing.extract_shared(stream, extract_each, report)
        else:
            # spaCy's worker processes want the whole input up front; one process parses documents as they come
            extractions = sharing.collect(extract_each(list(stream) if n_process > 1 else stream), report)
    finally:
        stream.close()
    return consolidate(stream.documents, extractions, stream.warnings)


def merge_extraction(into, more) -> None:
    """Add the items of a later part of a document to the extraction of its first part.

    Lists are joined; the lead (``lead*`` fields: the opening sentences) stays the first part's unless that
    part had none.
    """
    from dataclasses import fields

    lead_missing = not into.lead
    for f in fields(into):
        mine, theirs = getattr(into, f.name), getattr(more, f.name)
        if f.name.startswith("lead"):
            if lead_missing:
                setattr(into, f.name, theirs)
        elif isinstance(mine, list):
            mine.extend(theirs)


def render_outputs(summary: EventSummary, formats: list[str], template_dir: str | Path | None = None,
                   paper: str = "a4", pdf_worker: "PdfWorker | None" = None) -> dict[str, str | bytes]:
    """Every requested format from one page selection, so that Markdown, HTML and PDF agree.

    The selection comes from a height estimate, so Markdown and HTML need no WeasyPrint layout; the PDF
    lays the page out once to verify it (and drops items only in the rare case that the estimate fell short,
    in which case the other formats of this run follow the PDF's selection). With a ``pdf_worker`` (see
    briefing.pdfworker) the PDF is made in that process while this one renders the text formats.
    """
    from briefing import render

    out: dict[str, str | bytes] = {}
    if "json" in formats:
        out["json"] = summary.to_json()
    page_formats = [f for f in formats if f != "json"]
    if not page_formats:
        return {f: out[f] for f in formats if f in out}
    selection = render.select(summary, render.PAPER_SIZES[paper.lower()])
    text_formats = [f for f in page_formats if f != "pdf"]
    text, pdf_answer = None, None
    if "pdf" in page_formats and pdf_worker is not None and pdf_worker.submit(selection, template_dir):
        text = _render_text(selection, text_formats, template_dir)  # while the worker lays the page out
        pdf_answer = pdf_worker.result()
    if "pdf" in page_formats:
        if pdf_answer is None:
            fitted, out["pdf"] = render.render_pdf(selection, template_dir)
            fitted = None if fitted is selection else fitted
        else:
            fitted, out["pdf"] = pdf_answer
        if fitted is not None:  # the page had to shed items: the text formats follow the PDF
            selection, text = fitted, None
    out.update(text if text is not None else _render_text(selection, text_formats, template_dir))
    return {f: out[f] for f in formats if f in out}


def _render_text(selection, formats: list[str], template_dir: str | Path | None) -> dict[str, str]:
    from briefing import render

    out = {}
    if "md" in formats:
        out["md"] = render.render_markdown(selection, template_dir)
    if "html" in formats:
        out["html"] = render.render_html(selection, template_dir)
    return out


def build_outputs(sources: list[str | Path], formats: list[str], template_dir: str | Path | None = None,
                  model: str | None = None, paper: str = "a4", jobs: int = 1, warn=None,
                  cache_dir: str | Path | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  pdf_worker: "PdfWorker | None" = None) -> dict[str, str | bytes]:
    """Every requested format, rendered in memory (nothing is written here)."""
    summary = summarize(sources, model=model, n_process=jobs, cache_dir=cache_dir, progress=progress)
    for w in summary.warnings:
        if warn is not None:
            warn(w)
    return render_outputs(summary, formats, template_dir, paper, pdf_worker)

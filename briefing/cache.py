"""A cache of parsed documents on disk, so that a re-run parses only the articles that are new or changed.

One file per document, named by a hash of what determines the parse: the pipeline (name, version,
active components, spaCy and briefing versions) and the exact texts that are parsed. The file is a spaCy
``DocBin`` (with user data) of the document's parsed pieces, in order. A missing, unreadable or corrupt
entry is a miss, and a cache that cannot be written is skipped: the cache only ever saves time.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CACHE_ENV = "BRIEFING_CACHE_DIR"
SUFFIX = ".spacy"


def default_cache_dir() -> Path:
    """``$BRIEFING_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefing``, else ``~/.cache/briefing``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


def pipeline_id(nlp: "Language") -> str:
    """What makes two parses of the same text differ: the pipeline, its active components, the versions."""
    import spacy

    meta = nlp.meta
    parts = [meta.get("lang", ""), meta.get("name", ""), meta.get("version", ""), ",".join(nlp.pipe_names),
             spacy.__version__, __version__]
    return "|".join(str(p) for p in parts)


class DocCache:
    """Parsed pieces of a document, stored under a key of the pipeline and the texts."""

    def __init__(self, folder: str | Path, nlp: "Language"):
        self.folder = Path(folder)
        self.nlp = nlp
        self._prefix = pipeline_id(nlp).encode("utf-8")
        self.hits = 0
        self.misses = 0

    def key(self, texts: list[str]) -> str:
        h = hashlib.sha256(self._prefix)
        for t in texts:
            # the length first, so that piece boundaries are part of the key
            h.update(b"\0%d\0" % len(t))
            h.update(t.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / (key + SUFFIX)

    def get(self, texts: list[str]) -> list["Doc"] | None:
        """The parsed pieces, or ``None`` when absent or unusable."""
        from spacy.tokens import DocBin

        try:
            data = self.path(self.key(texts)).read_bytes()
            docs = list(DocBin().from_bytes(data).get_docs(self.nlp.vocab))
        except Exception:  # absent, unreadable, truncated or from another spaCy: parse again
            docs = None
        if docs is None or [d.text for d in docs] != texts:
            self.misses += 1
            return None
        self.hits += 1
        return docs

    def put(self, texts: list[str], docs: list["Doc"]) -> None:
        from spacy.tokens import DocBin

        try:
            data = DocBin(docs=docs, store_user_data=True).to_bytes()
            _write_replace(self.path(self.key(texts)), data)
        except Exception:  # a full disk or read-only cache costs time, never the run
            pass


def _write_replace(path: Path, data: bytes) -> None:
    """Temporary file then rename, so a reader never sees half an entry; no fsync: a lost entry is a miss."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

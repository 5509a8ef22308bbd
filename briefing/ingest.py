"""Ingest: find the article files, decode them, keep the article and drop the page chrome.

The output is a :class:`Document` per file whose ``text`` is the decoded original and whose
``blocks`` are the ``(start, end)`` offsets of the article text kept inside it, so that any
sentence found later maps back to the exact characters of the source file.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Document:
    id: str
    path: str
    text: str
    blocks: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def block_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.blocks]


# ---------------------------------------------------------------- finding files

def discover(paths: list[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into the article files to read, in name order, with warnings."""
    files: list[Path] = []
    warnings: list[str] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            raise InputError(f"source not found: {p}")
        if p.is_dir():
            try:
                entries = sorted(p.iterdir(), key=lambda e: e.name)
            except OSError as exc:
                raise InputError(f"cannot read folder {p}: {exc.strerror or exc}") from None
            found = []
            for e in entries:
                if e.name.startswith("."):
                    warnings.append(f"skipped hidden file {e}")
                elif not e.is_file():
                    if e.is_symlink() or not e.is_dir():
                        warnings.append(f"skipped {e}: not a readable file")
                    continue
                elif e.suffix.lower() not in ARTICLE_SUFFIXES:
                    warnings.append(f"skipped {e}: not an article file (.txt, .md, .html)")
                else:
                    found.append(e)
            if not found:
                raise InputError(f"no article files (.txt, .md, .html) in folder {p}")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"source is not a file or folder: {p}")
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, warnings


# ---------------------------------------------------------------- decoding

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
                 b"\x7fELF", b"Rar!")


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (BOM or not), UTF-16 with BOM, else charset-normalizer's best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        raise InputError(f"{name} is a binary file, not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None or b"\x00" in data[:4096] and best.encoding not in ("utf_16", "utf_16_le", "utf_16_be"):
        raise InputError(f"{name} is a binary file or in an unknown encoding")
    return str(best)


def read_document(path: Path) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path} is larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    text = decode(data, str(path))
    if path.suffix.lower() in (".html", ".htm"):
        return _html_document(path, text)
    doc = Document(id=path.name, path=str(path), text=text)
    body_start = _read_front_matter(doc)
    doc.blocks = article_blocks(text, body_start)
    _read_metadata(doc, body_start)
    if not doc.blocks:
        doc.warnings.append(f"{path.name}: no article text found")
    return doc


def _html_document(path: Path, html: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            with_metadata=True)
    body = (extracted.text if extracted is not None else "") or ""
    doc = Document(id=path.name, path=str(path), text=body)
    doc.blocks = [(s, e) for s, e in _line_spans(body) if body[s:e].strip()]
    if extracted is not None:
        doc.title = extracted.title or None
        doc.outlet = extracted.sitename or None
        doc.url = extracted.url or None
        if extracted.date:
            doc.published = _parse_iso(extracted.date)
    if not doc.blocks:
        doc.warnings.append(f"{path.name}: no article text found")
    return doc


# ---------------------------------------------------------------- front matter and metadata

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _read_front_matter(doc: Document) -> int:
    m = _FRONT.match(doc.text)
    if not m:
        return 0
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if not value:
            continue
        if key == "title":
            doc.title = value
        elif key == "outlet":
            doc.outlet = value
        elif key == "url":
            doc.url = value
        elif key in ("published", "date"):
            doc.published = parse_date_line(value) or doc.published
    return m.end()


_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"

_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(" + _MON + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I), ("M", "d", "y")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MON + r"),?\s+(\d{4})\b", re.I), ("d", "M", "y")),
]


def parse_date_line(s: str) -> date | None:
    """A full date written in one of the usual news forms, or None."""
    for rx, order in _DATE_PATTERNS:
        m = rx.search(s)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        try:
            month = _MONTHS[parts["M"].lower().rstrip(".")[:3] if len(parts["M"]) > 3 else parts["M"].lower()] \
                if "M" in parts else int(parts["m"])
            return date(int(parts["y"]), month, int(parts["d"]))
        except (KeyError, ValueError):
            continue
    return None


def _parse_iso(s: str) -> date | None:
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


_DATE_LINE = re.compile(r"^\s*(?:published|updated|posted|date|publication date)?\s*(?:on)?\s*:?\s*", re.I)


def _read_metadata(doc: Document, body_start: int) -> None:
    lines = [(s, e) for s, e in _line_spans(doc.text, body_start) if doc.text[s:e].strip()]
    head = lines[:15]
    if doc.published is None:
        for s, e in head:
            line = doc.text[s:e]
            if len(line.split()) <= 12 and (found := parse_date_line(line)):
                doc.published = found
                break
    if doc.title is None:
        doc.title = _guess_title(doc, lines)
    if doc.outlet is None:
        doc.outlet = _guess_outlet(doc, lines)


def _guess_title(doc: Document, lines: list[tuple[int, int]]) -> str | None:
    kept = set(doc.blocks)
    for s, e in lines[:12]:
        line = re.sub(r"^\s*(?:date\s+)?\d{4}-\d{2}-\d{2}\s*", "", doc.text[s:e]).strip()
        words = line.split()
        if 4 <= len(words) <= 25 and not line.endswith((".", ":")) or ((s, e) in kept and 4 <= len(words) <= 40):
            return line
    return None


_SIGNOFF = re.compile(r"^[\w .'-]{2,40},\s*([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4})\.\s*$")


def _guess_outlet(doc: Document, lines: list[tuple[int, int]]) -> str | None:
    for s, e in reversed(lines[-6:]):
        m = _SIGNOFF.match(doc.text[s:e].strip())
        if m:
            return m.group(1)
    return None


# ---------------------------------------------------------------- chrome removal

def _line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break and surrounding blanks."""
    spans = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = m.start() + start, m.end() + start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


_STOPWORDS = frozenset("""a an the and or but of to in on at for with by from as is are was were be been has have had
that this which who it its their his her they he she we our not no than then also after before over under into
about said says will would could should can may might""".split())
_SENTENCE_END = re.compile(r"[.!?\"'”’»)\]…:]$")


def is_article_line(line: str) -> bool:
    """Judge one line by general features: length, stop-word density, sentence punctuation."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", line)
    if len(words) < 6:
        return False
    stop = sum(w.lower() in _STOPWORDS for w in words) / len(words)
    ends = bool(_SENTENCE_END.search(line.strip()))
    if not ends and len(words) < 18:
        return False
    return stop >= 0.15 or (ends and len(words) >= 10)


def article_blocks(text: str, start: int = 0) -> list[tuple[int, int]]:
    return [(s, e) for s, e in _line_spans(text, start) if is_article_line(text[s:e])]


def load_documents(paths: list[str | Path]) -> tuple[list[Document], list[str]]:
    files, warnings = discover(paths)
    docs = []
    for f in files:
        doc = read_document(f)
        warnings.extend(doc.warnings)
        docs.append(doc)
    return docs, warnings

"""Ingest: find the article files, decode them, keep the article and drop the page chrome.

The output is a :class:`Document` per file whose ``text`` is the decoded original and whose
``blocks`` are the ``(start, end)`` offsets of the article text kept inside it, so that any
sentence found later maps back to the exact characters of the source file.

``text`` is the file decoded with Python's codec for its encoding: for UTF-8 with a byte-order mark
the mark stays as U+FEFF at offset 0 (so that offsets agree with ``open(path, encoding="utf-8")``),
UTF-16/32 lose their mark as their codecs do. For ``.html`` files ``text`` is the article text that
trafilatura extracts. Which lines are article is decided in :mod:`briefing.chrome`; the metadata
written in the page (date lines, sign-offs, front matter) is read with :mod:`briefing.pagemeta`.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing import chrome, pagemeta
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
    # where the headline stands in ``text`` (plain-text sources), for a stage that wants to cite it
    title_span: tuple[int, int] | None = None
    # id of the earlier document this one is a near-copy of (the same wire story at two outlets)
    duplicate_of: str | None = None
    # language of the article by its stop words (jusText lists), e.g. "English"; None if not recognised
    language: str | None = None
    # a transcript's turns (press conference, interview): (start of the turn, end of its speaker label,
    # speaker as labelled: 'Q', 'Ana Ruiz', 'Daily Wire'); empty for any other page
    turns: list[tuple[int, int, str]] = field(default_factory=list)
    # the blocks that are subheads ('## What we don't know', 'Who is paying?' alone between paragraphs): headline
    # grammar, for stages that read sentences to skip or weigh apart
    headings: list[tuple[int, int]] = field(default_factory=list)

    def parse_text(self) -> str:
        """``text`` with its Markdown markup blanked out (see :func:`markup_mask`): the same length, so every
        offset into it is an offset into ``text``; for a parser that should read 'June 1: strike begins', not
        '**June 1**: strike begins'. Citations must still be cut from ``text``."""
        return markup_mask(self.text)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def block_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.blocks]


# ---------------------------------------------------------------- Markdown markup, blanked in place

# Each pattern's groups are the markup characters to blank; the text between them stays.
_MARKUP = re.compile(
    r"(!?\[)(?=[^\]\n]{1,300}\]\()[^\]\n]{1,300}(\]\([^()\s]*\))|"              # [label](url), ![alt](src)
    r"(?<![\w*\\])(\*\*|__)(?=[^\s*_])[^\n]{0,300}?(?<=[^\s*_\\])(\*\*|__)(?![\w*])|"   # **bold**, __bold__
    r"(?<![\w*\\])(\*|_)(?=[^\s*_])[^*_\n]{0,300}?(?<=[^\s*_\\])(\*|_)(?![\w*])|"       # *em*, _em_
    r"(`+)(?=[^`\n]{1,300}?`)[^`\n]{1,300}?(`+)|"                                     # `code`
    r"^([ \t]*(?:>[ \t]*)*(?:[-*+•][ \t]+|\d{1,2}[.)][ \t]+|#{1,6}[ \t]+)?)", re.M)   # line markers


# a live blog's time stamp opening an entry: '09:40 - ', '**9.15am** – ', '14:05 GMT | ' (the entry's own words
# follow; the parser would read the time as part of its subject: '09:15 - Aravia's army')
_TIME_LABEL = re.compile(r"^[ \t]*[*_]{0,2}(\d{1,2}[:.]\d{2}(?:[ \t]?(?:[ap]\.?m\.?|GMT|UTC|BST|CET|CEST|EST|EDT|PST|"
                         r"PDT|local time))?)[*_]{0,2}[ \t]*([-–—|:])[ \t]+(?=\S)", re.M | re.I)


def markup_mask(text: str) -> str:
    """``text`` with Markdown markup replaced by spaces, character for character: emphasis marks around
    words, link brackets and targets, code backticks, and list, quote and heading markers at line starts;
    and a live blog's time stamps at line starts. The words stay where they are, so offsets into the result
    are offsets into ``text``."""
    markdown = any(c in text for c in "*_[`>#-+•") or re.search(r"^\s*\d{1,2}[.)]\s", text, re.M)
    times = list(_TIME_LABEL.finditer(text))
    if not markdown and not times:
        return text
    chars = list(text)
    for m in (_MARKUP.finditer(text) if markdown else []):
        for g in range(1, (m.lastindex or 0) + 1):
            start, end = m.span(g)
            for i in range(start, end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
    for m in times:
        for g in (1, 2):
            for i in range(*m.span(g)):
                chars[i] = " "
    return "".join(chars)


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
            found, skipped = _folder_articles(p)
            warnings.extend(skipped)
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


def _folder_articles(folder: Path) -> tuple[list[Path], list[str]]:
    try:
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"cannot read folder {folder}: {exc.strerror or exc}") from None
    found, warnings = [], []
    for e in entries:
        if e.name.startswith("."):
            warnings.append(f"skipped hidden file {e}")
        elif not e.is_file():
            if e.is_symlink() or not e.is_dir():
                warnings.append(f"skipped {e}: not a readable file")
        elif e.suffix.lower() not in ARTICLE_SUFFIXES:
            warnings.append(f"skipped {e}: not an article file (.txt, .md, .html)")
        else:
            found.append(e)
    return found, warnings


# ---------------------------------------------------------------- decoding

_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"), (b"\x7fELF", "a program"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3\x00", "a database"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"ID3", "an MP3 file"), (b"OggS", "an audio file"), (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a font"), (b"\xca\xfe\xba\xbe", "a program"), (b"\x00asm", "a program"),
)
_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                 (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a media file"
    if data[4:8] == b"ftyp":
        return "a video file"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in mostly-ASCII UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls >= 0.4 and even_nuls <= 0.05:
        return "utf-16-le"
    if even_nuls >= 0.4 and odd_nuls <= 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> str:
    """Bytes to text: a Unicode byte-order mark, BOM-less UTF-16, UTF-8, else charset-normalizer's guess
    for legacy single-byte encodings. Binary files raise :class:`InputError` naming the file."""
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{name} is {kind}, not article text: save the article as .txt, .md or .html")
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), name)
            except UnicodeDecodeError:
                raise InputError(f"{name} starts with a {codec.upper()} mark but is not valid {codec.upper()}") \
                    from None
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), name)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(f"{name} is a binary file (it contains NUL bytes), not article text")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    return _checked(_legacy_decode(data, name), name)


_WESTERN = frozenset("cp1252 windows_1252 latin_1 iso8859_1 iso8859_15 ascii".split())


def _legacy_decode(data: bytes, name: str) -> str:
    """A single-byte legacy encoding. charset-normalizer tells the script (Cyrillic cp1251, Greek cp1253 ...);
    when its guess is one of the many Latin-script code pages, Windows-1252 is taken, as browsers do: on
    short English text it otherwise picks cp775 or cp1250 and turns curly quotes into letters."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name} is a binary file or in an unknown text encoding")
    guess = str(best)
    if best.encoding in _WESTERN:
        return guess
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return guess
    letters = [c for c in guess if ord(c) > 127 and c.isalpha()]
    latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in letters)
    return western if latin >= 0.8 * len(letters) else guess


def _checked(text: str, name: str) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    sample = text[:20_000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    if sample and controls > 0.01 * len(sample):
        raise InputError(f"{name} is a binary file (control characters), not article text")
    return text


# ---------------------------------------------------------------- reading one file

def read_document(path: Path) -> Document:
    """Read, decode and clean one article file."""
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
    if not text.strip(" \t\r\n\ufeff\x0b\x0c"):
        doc = Document(id=path.name, path=str(path), text=text)
        doc.warnings.append(f"{path.name}: the file is empty")
        return doc
    if path.suffix.lower() in (".html", ".htm") and _looks_like_html(text):
        return _html_document(path, text)
    return text_document(path.name, str(path), text)


def text_document(doc_id: str, path: str, text: str) -> Document:
    """A plain-text (or Markdown) article: front matter, chrome removal, metadata from the page."""
    return _analysed_document(doc_id, path, text)[0]


def _analysed_document(doc_id: str, path: str, text: str) -> tuple[Document, chrome.Page]:
    doc = Document(id=doc_id, path=path, text=text)
    values, body_start = pagemeta.front_matter(text)
    page = chrome.analyse(text, body_start)
    doc.blocks = page.blocks()
    doc.language = page.language
    doc.turns = page.turns
    doc.headings = page.headings()
    _page_metadata(doc, page)
    _front_matter_metadata(doc, values)
    _language_warning(doc)
    if not doc.blocks:
        doc.warnings.append(f"{doc.id}: no article text found")
    return doc, page


def _looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:html|head|body|p|div|article|!doctype|br|h1|span|meta|title)\b", text[:50_000], re.I))


def _html_document(path: Path, html: str) -> Document:
    """An HTML page: trafilatura finds the article text and the page metadata; the text is then
    cleaned like plain text (trafilatura keeps some link lists and prompts)."""
    extracted, how = _trafilatura(html)
    body = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not body.strip():
        body, how = _html_to_text(html), "all page text (no article found)"
    else:
        body = _mark_headings(body, getattr(extracted, "body", None))
    doc, page = _analysed_document(path.name, str(path), body)
    _drop_chrome_lines(doc, page)
    doc.warnings = [w for w in doc.warnings if "no article text" not in w]
    if how:
        doc.warnings.append(f"{path.name}: HTML read as {how}")
    if extracted is not None:
        title = _clean(getattr(extracted, "title", None))
        sitename = _clean(getattr(extracted, "sitename", None))
        if sitename == title:        # trafilatura falls back to the title when a page names no site
            sitename = None
        doc.outlet = sitename or _title_suffix(html, title or doc.title) or doc.outlet
        doc.title = _clean(pagemeta.strip_headline_markers(title)) if title else doc.title
        doc.url = _clean(getattr(extracted, "url", None)) or doc.url
        doc.published = _iso_date(getattr(extracted, "date", None)) or doc.published
    if doc.published is None:
        doc.published = _updated_date(html)
    if doc.title_span and doc.text[doc.title_span[0]:doc.title_span[1]] != doc.title:
        doc.title_span = None
    if not doc.blocks:
        doc.warnings.append(f"{path.name}: no article text found")
    return doc


def _mark_headings(text: str, tree) -> str:
    """trafilatura's text with each heading of the page (<h1>-<h6>, in its tree as <head rend="h2">) marked
    as in Markdown ('## What we don't know'): the text keeps a page's subheadings as heading lines, so that a
    list under one is read with its heading, the way a Markdown article's is."""
    if tree is None:
        return text
    headings = []
    for element in tree.iter("head"):
        level = re.fullmatch(r"h([1-6])", element.get("rend") or "")
        words = " ".join(" ".join(element.itertext()).split())
        if level and words and not words.startswith("#"):
            headings.append((words, int(level.group(1))))
    if not headings:
        return text
    lines = text.split("\n")
    at = 0
    for words, level in headings:
        found = next((k for k in range(at, len(lines)) if " ".join(lines[k].split()) == words), None)
        if found is not None:               # a heading trafilatura left out of the text is skipped
            lines[found] = "#" * level + " " + lines[found].strip()
            at = found + 1
    return "\n".join(lines)


def _drop_chrome_lines(doc: Document, page: chrome.Page) -> None:
    """The text of an HTML page is trafilatura's extract, not the file: the lines of it that are page
    furniture (a section label, a paywall prompt, a correction note) are left out of it, so that the text
    kept as the source holds only the article and its metadata. Blocks and title move with their lines."""
    text, units = doc.text, page.units
    kept: list[str] = []
    shifts: list[tuple[int, int]] = []      # (start of a kept line in the old text, how far it moved)
    removed, u = 0, 0
    for line in re.finditer(r"[^\n]*(?:\n|$)", text):
        start, end = line.span()
        if start == end:
            break
        while u < len(units) and units[u].end <= start:
            u += 1
        overlapping = list(itertools.takewhile(lambda x: x.start < end, units[u:u + 8]))
        if overlapping and all(x.kind == chrome.CHROME and x.start >= start and x.end <= end
                               for x in overlapping):
            removed += end - start
            continue
        kept.append(text[start:end])
        shifts.append((start, removed))
    if not removed:
        return
    starts = [s for s, _ in shifts]

    def moved(offset: int) -> int:
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return offset - shifts[i][1]

    doc.text = "".join(kept)
    doc.blocks = [(moved(s), moved(s) + (e - s)) for s, e in doc.blocks]
    if doc.title_span:
        s, e = doc.title_span
        doc.title_span = (moved(s), moved(s) + (e - s))
    doc.turns = [(moved(s), moved(s) + (e - s), who) for s, e, who in doc.turns]
    doc.headings = [(moved(s), moved(s) + (e - s)) for s, e in doc.headings]


def _title_suffix(html: str, title: str | None) -> str | None:
    """The site name a page's <title> adds after its headline: 'Headline | Site', 'Headline - Site'."""
    m = re.search(r"<title[^>]*>(.*?)</title>", html[:100_000], re.I | re.S)
    if not m or not title:
        return None
    import html as html_lib

    full = " ".join(html_lib.unescape(m.group(1)).split())
    if full.startswith(title) and full != title:
        rest = re.match(r"\s*[|\-–—:·•]\s*(.{2,60})$", full[len(title):])
        return rest.group(1).strip() if rest else None
    # the <title> may give a shorter headline than the page's <h1> ('Bridge closed | Courier' over 'Bridge closed
    # after cracks found'): a site name after the last ' | ' when the headline before it opens as the title does
    head, bar, site = full.rpartition(" | ")
    opening = chrome.WORD.findall(title.lower())[:TITLE_OPENING_WORDS]
    same_opening = chrome.WORD.findall(head.lower())[:TITLE_OPENING_WORDS] == opening
    if bar and len(opening) == TITLE_OPENING_WORDS and same_opening and 1 <= len(site.split()) <= 5 and \
            site[:1].isupper():
        return site.strip()
    return None


TITLE_OPENING_WORDS = 3


LATEST_PAGE_DATE = "2099-12-31"


def _trafilatura(html: str):
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            # htmldate drops dates after the machine's today by default; a page's own metadata is trusted as
            # written (a briefing may be made from articles whose clock runs ahead of this machine's)
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": LATEST_PAGE_DATE})
        return result, ""
    except Exception as exc:  # noqa: BLE001 - a third-party parser on hostile input: degrade, never crash
        return None, f"plain text (the HTML parser failed: {type(exc).__name__})"


def _updated_date(html: str) -> date | None:
    """When the page metadata gives no original date: a date line or byline date ("Updated: Mar 10, 2026")
    near the top of the page text, else the page's own last-modified markup (never the file's mtime)."""
    lines = [ln for ln in _html_to_text(html[:200_000]).splitlines() if ln.strip()][:40]
    for line in lines:
        found = pagemeta.read_date_line(line) or pagemeta.read_byline_date(line)
        if found is not None:
            return found.value
    try:
        from htmldate import find_date

        return _iso_date(find_date(html, original_date=False, extensive_search=False))
    except Exception:  # noqa: BLE001 - a third-party parser on hostile input: no date rather than a crash
        return None


def _html_to_text(html: str) -> str:
    try:
        import trafilatura

        return trafilatura.html2txt(html) or ""
    except Exception:  # noqa: BLE001
        return re.sub(r"<[^>]*>", " ", html)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- metadata

# "published" wins over an unlabelled date, which wins over "updated"
_DATE_RANK = {"published": 0, "first published": 0, "posted": 0, "date": 0, "publication date": 0, "dated": 0,
              "released": 1, "release": 1, "": 1, "updated": 2}


def _page_metadata(doc: Document, page: chrome.Page) -> None:
    if page.title:
        s, e = page.title
        cut_start, cut_end = pagemeta.headline_bounds(doc.text[s:e])    # without 'LIVE:' or '- live updates'
        s, e = s + cut_start, s + cut_end
        doc.title, doc.title_span = doc.text[s:e], (s, e)
    doc.published = _published(page)
    doc.outlet = _outlet(page)


def _published(page: chrome.Page) -> date | None:
    """The date of a date line in the header, or among the first article paragraphs (a byline row), else
    the full date of the first paragraph's dateline: never a date inside an article sentence, never one in
    the footer's related links."""
    units = page.units
    article_at = [i for i, u in enumerate(units) if u.kind == chrome.ARTICLE]
    body = [i for i in article_at if units[i].why not in ("standfirst", "dateline")]   # those stand in the header
    first = body[0] if body else len(units)
    limit = article_at[min(2, len(article_at) - 1)] if article_at else len(units)
    # below the first paragraph only a labelled line counts ("Updated: ..."), not an embed's bare date
    lines = [u.date for i, u in enumerate(units[:limit]) if u.date is not None and (i < first or u.date.label)]
    if not lines:
        # a press release often dates itself only in its dateline: 'Port Mirren, 3 March 2031 - ...'
        dated = (pagemeta.dateline_date(units[i].text) for i in article_at[:2])     # after a standfirst too
        return next((d for d in dated if d is not None), None)
    return min(lines, key=lambda d: _DATE_RANK.get(d.label, 1)).value


_OUTLET_ORDER = ("sign-off", "byline", "credit line", "masthead", "copyright", "repeated logo line")
# a name read from the footer is the publisher's ('Harbour Media Group Ltd' -> 'Harbour'): the site's own name
# is the masthead at the top of the page that contains it ('THE HARBOUR DAILY')
_FOOTER_EVIDENCE = ("copyright", "repeated logo line")
MASTHEAD_MAX_WORDS = 5


def _header_name(page: chrome.Page, outlet: str) -> str | None:
    """The first short capitalised line above the headline that holds every word of ``outlet``."""
    wanted = {w.lower() for w in chrome.WORD.findall(outlet)}
    title_start = page.title[0] if page.title else None
    for u in page.units:
        if u.kind == chrome.ARTICLE or title_start is not None and u.start >= title_start:
            return None
        tokens = u.text.split()
        if not u.words or len(tokens) > MASTHEAD_MAX_WORDS or u.sentence_end:
            continue
        if not all(t[:1].isupper() or t.lower() in ("the", "of", "and", "&") for t in tokens):
            continue
        if wanted <= {w.lower() for w in u.words}:
            return pagemeta.display_case(u.text)
    return None


def _outlet(page: chrome.Page) -> str | None:
    """The outlet the page names: a reporter's sign-off, a byline, the copyright line, a site-name line;
    failing those, the agency in the first paragraph's dateline ('LIMA, March 10 (Andes Wire) -'). An
    acronym is spelled out as the page's header spells it ('ANDES WIRE AGENCY (AWA) - ENGLISH SERVICE')."""
    outlet = _named_outlet(page)
    return _spelled_out(page, outlet) or outlet if outlet else outlet


def _spelled_out(page: chrome.Page, acronym: str) -> str | None:
    """The full name that a header line above the headline gives an acronym: 'Andes Wire Agency (AWA)'."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return None
    title_start = page.title[0] if page.title else None
    pattern = re.compile(r"((?:[A-Z][\w&'’.-]*\s+(?:(?:of|and|for|the|de|du|la|&)\s+)?){1,7})\(" + acronym + r"\)")
    for u in page.units:
        if u.kind == chrome.ARTICLE or title_start is not None and u.start >= title_start:
            return None
        m = pattern.search(u.text[:200])
        if m:
            words = m.group(1).split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if initials.upper() == acronym:     # the name's capitals spell the acronym
                return pagemeta.display_case(" ".join(words))
    return None


def _named_outlet(page: chrome.Page) -> str | None:
    named = [(u.outlet_how, u.outlet) for u in page.units if u.outlet and u.kind != chrome.ARTICLE]
    for how in _OUTLET_ORDER:
        for found_how, outlet in named:
            if found_how == how:
                if how in _FOOTER_EVIDENCE:
                    return _header_name(page, outlet) or outlet
                return outlet
    first = next((u for u in page.units if u.kind == chrome.ARTICLE), None)
    agency = pagemeta.dateline_agency(first.text) if first is not None else None
    return agency or _issuer(page)


ISSUER_MAX_WORDS = 8
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Z&.-]{1,9}\)$")      # 'Harbour Energy Group (HEG)'


def _issuer(page: chrome.Page) -> str | None:
    """A press release or statement names no outlet: its header labels what it is ('PRESS RELEASE', 'Media
    statement') under the name of whoever issues it ('HARBOUR ENERGY GROUP (HEG)'), the source to show."""
    title_start = page.title[0] if page.title else None
    header = []
    for u in page.units:
        if u.kind == chrome.ARTICLE or title_start is not None and u.start >= title_start:
            break
        header.append(u)
    if not any(len(u.words) <= 6 and pagemeta.DOCUMENT_LABELS & {w.lower() for w in u.words} for u in header):
        return None
    for u in header:
        name = re.split(r"\s+[/|]\s+", u.text.strip())[0]      # 'Name / Name in another language'
        tokens = _ACRONYM_AFTER.sub("", name).split()
        if not 1 <= len(tokens) <= ISSUER_MAX_WORDS or u.sentence_end or u.date is not None or \
                any(c.isdigit() for c in u.text) or pagemeta.DOCUMENT_LABELS & {w.lower() for w in u.words}:
            continue
        if all(t[:1].isupper() or t.lower() in _NAME_PARTICLES for t in tokens) and tokens[0][:1].isupper():
            name = _HONORIFIC_STYLE.sub("", " ".join(tokens)).strip()
            return pagemeta.display_case(name or " ".join(tokens))
    return None


# a minister's styles around the name on a release ('THE HON JANE DOE MP', 'Rt Hon John Roe KC'): the issuer is the person
_HONORIFIC_STYLE = re.compile(r"^(?:senator\s+)?(?:the\s+)?(?:(?:rt\.?|right)\s+)?(?:hon\.?|honourable|honorable)\s+|"
                              r",?\s+(?:mp|mla|mpp|msp|mna|td|qc|kc|sc|obe|mbe|cbe)$", re.I)
_NAME_PARTICLES = frozenset("the of and & for de del des du la le di da von van y".split())


def _front_matter_metadata(doc: Document, values: dict[str, str]) -> None:
    """A leading --- block overrides what was read from the page."""
    if values.get("title"):
        doc.title = values["title"]
        doc.title_span = None
    outlet = values.get("outlet") or values.get("site") or values.get("source")
    if outlet:
        doc.outlet = outlet
    if values.get("url"):
        doc.url = values["url"]
    when = values.get("published") or values.get("date")
    if when:
        parsed = pagemeta.parse_date_line(when)
        if parsed:
            doc.published = parsed
        else:
            doc.warnings.append(f"{doc.id}: front matter date {when!r} is not a date; ignored")


def _language_warning(doc: Document) -> None:
    if doc.blocks and doc.language not in ("English", None):
        doc.warnings.append(f"{doc.id}: the article looks {doc.language}, not English; "
                            "the English language model will miss much of it")
    elif doc.blocks and doc.language is None:
        doc.warnings.append(f"{doc.id}: the article's language was not recognised; results may be poor")


# ---------------------------------------------------------------- near-duplicate sources

SHINGLE_WORDS = 5            # word 5-grams: shared by copies of one text, rare between two reports
DUPLICATE_CONTAINMENT = 0.5  # share of the shorter text's 5-grams found in the other (see tests)
MIN_SHINGLES = 15            # too little text to call two sources copies of each other
MAX_SHINGLE_WORDS = 50_000   # copies agree from the start; a 5 MB text need not be read whole
COMMON_SHINGLE_DOCS = 50     # a 5-gram in this many sources is boilerplate, not evidence of copying


def shingles(doc: Document) -> frozenset[int]:
    words: list[str] = []
    for s, e in doc.blocks:
        words.extend(w.lower() for w in chrome.WORD.findall(doc.text[s:e]))
        if len(words) >= MAX_SHINGLE_WORDS:
            break
    words = words[:MAX_SHINGLE_WORDS]
    return frozenset(hash(tuple(words[i:i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1))


def find_near_duplicates(documents: list[Document]) -> dict[str, str]:
    """Sources that are copies of an earlier source (the same wire story at two outlets, lightly edited
    or cut): duplicate id -> id of the first copy. Containment of word 5-gram sets, found through an
    inverted index so that 1,000 sources do not need a million comparisons."""
    sets = [shingles(d) for d in documents]
    postings: dict[int, list[int]] = {}
    shared: Counter[tuple[int, int]] = Counter()
    for i, grams in enumerate(sets):
        for g in grams:
            earlier = postings.setdefault(g, [])
            if len(earlier) < COMMON_SHINGLE_DOCS:
                for j in earlier:
                    shared[(j, i)] += 1
            earlier.append(i)
    original: dict[int, int] = {}
    for (j, i), count in sorted(shared.items()):
        smaller = min(len(sets[i]), len(sets[j]))
        if smaller >= MIN_SHINGLES and count / smaller >= DUPLICATE_CONTAINMENT and i not in original:
            original[i] = original.get(j, j)
    return {documents[i].id: documents[j].id for i, j in sorted(original.items())}


def containment(a: Document, b: Document) -> float:
    """Share of the shorter document's 5-grams that the other contains (for tests and reports)."""
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


def mark_near_duplicates(documents: list[Document]) -> list[str]:
    by_id = {d.id: d for d in documents}
    warnings = []
    for dup, first in find_near_duplicates(documents).items():
        by_id[dup].duplicate_of = first
        share = round(100 * containment(by_id[dup], by_id[first]))
        warnings.append(f"{dup} is a near-copy of {first} ({share}% of its text is shared, e.g. the same wire "
                        f"story): counted as one source")
    return warnings


# ---------------------------------------------------------------- all files

def load_documents(paths: list[str | Path]) -> tuple[list[Document], list[str]]:
    """Read every article file. With several files, one that cannot be read (binary, locked) is skipped
    with a warning so the others still make a briefing; a single unreadable file is an error.
    (briefing.prefetch reads them in a helper process, by the same two functions below.)"""
    files, warnings = discover(paths)
    docs = []
    for f in files:
        doc, warning = read_source(f, alone=len(files) == 1)
        if doc is None:
            warnings.append(warning)
            continue
        warnings.extend(doc.warnings)
        docs.append(doc)
    warnings.extend(check_documents(docs, warnings))
    return docs, warnings


def read_source(path: Path, alone: bool) -> tuple[Document | None, str | None]:
    """(document, None), or (None, warning) when the file cannot be read and other files can still make a
    briefing; a file that is the only source raises its InputError."""
    try:
        return read_document(path), None
    except InputError as err:
        if alone:
            raise
        return None, f"skipped a source: {err.message}"


def check_documents(docs: list[Document], warnings: list[str]) -> list[str]:
    """The checks made once every file is read (an error if nothing usable is left); marks near-duplicates
    and returns their warnings."""
    if not docs:
        raise InputError("none of the source files could be read: " + "; ".join(
            w.removeprefix("skipped a source: ") for w in warnings if w.startswith("skipped a source: ")))
    if not any(d.blocks for d in docs):
        names = ", ".join(d.id for d in docs[:5]) + (" ..." if len(docs) > 5 else "")
        raise InputError(f"no article text found in {names}")
    return mark_near_duplicates(docs)

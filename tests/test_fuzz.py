"""Opt-in fuzzing of ingest through files (issue 9): `pytest -m fuzz tests/test_fuzz.py -s`.

Hypothesis generates bytes and pages (scraped-page fragments, hostile HTML, every text encoding) with a large
example budget; each is written to a file and read with `briefing.ingest.read_document`, the function the
pipeline uses. Anything other than a Document with sane blocks or an InputError naming the file is a finding.
Findings are collected rather than stopping at the first, printed with a count, and written to
$BRIEFING_FUZZ_REPORT (default: a temp file). Budget: $BRIEFING_FUZZ_EXAMPLES (default 20000) examples or
$BRIEFING_FUZZ_SECONDS (default 300) seconds, whichever ends first (checked between runs of 2,000). The default `pytest` run excludes this
marker (pyproject addopts `-m "not fuzz"`).
"""
from __future__ import annotations

import json
import os
import tempfile
import time
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "20000"))
SECONDS = float(os.environ.get("BRIEFING_FUZZ_SECONDS", "300"))

FRAGMENTS = [
    "Home | News | Sport", "Select Language", "Published 12 March 2026", "2026-03-12 09:30", "Updated: Mar 12, 2026",
    "By Jane Roe", "Jane Roe, Example Agency.", "Subscribe to our newsletter", "We use cookies. Accept all",
    "---\ntitle: x\npublished: 2026-03-12\n---", "# Heading", "> quote", "- item", "* * *", "|a|b|\n|-|-|",
    "The ministry said on Tuesday that 27 people had been infected.",
    "“We reject this,” the minister said.", "Officials did not say how many had died.",
    "<p>para</p>", "<script>alert(1)</script>", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "<br/>",
    "\ufeff", "\x00", "\r\n", "\r", "\u2028", "\u200b", "\u202e", "\x1b[31m", "\t", " " * 200,
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "koi8-r",
             "shift_jis", "gb18030"]

page_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=120)), max_size=60).map("\n".join)
encoded_page = st.tuples(page_text, st.sampled_from(ENCODINGS)).map(
    lambda t: t[0].encode(t[1], errors="replace"))
html_page = page_text.map(lambda body: ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head>"
                                        f"<body><nav>Home</nav><article>{body}</article></body></html>").encode(
    "utf-8", errors="surrogatepass"))
raw_bytes = st.binary(max_size=4000)
inputs = st.one_of(encoded_page, html_page, raw_bytes,
                   st.tuples(raw_bytes, encoded_page).map(lambda t: t[0][:16] + t[1]))


class Findings:
    def __init__(self) -> None:
        self.items: dict[str, dict] = {}  # one entry per distinct (exception type, location)
        self.examples = 0
        self.started = time.monotonic()

    def out_of_time(self) -> bool:
        return time.monotonic() - self.started > SECONDS

    def add(self, data: bytes, suffix: str, exc: BaseException) -> None:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
        entry = self.items.setdefault(key, {"count": 0, "message": str(exc)[:300], "suffix": suffix,
                                            "example": data[:300].hex()})
        entry["count"] += 1


def check_one(data: bytes, suffix: str) -> None:
    """Raise AssertionError (or anything) when read_document misbehaves on this input."""
    from briefing.errors import InputError
    from briefing.ingest import read_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except InputError as err:
            assert path.name in err.message, err.message
            return
        end = 0
        for start, stop in doc.blocks:
            assert end <= start < stop <= len(doc.text), (start, stop, len(doc.text))
            end = stop
        assert isinstance(doc.text, str)
        assert doc.published is None or 1000 <= doc.published.year <= 9999


CHUNK = 2000  # examples per Hypothesis run; runs repeat (with fresh random seeds) until the budget is spent


def test_fuzz_read_document(tmp_path):
    findings = Findings()

    @settings(max_examples=CHUNK, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data=inputs, suffix=st.sampled_from([".txt", ".md", ".html"]))
    def fuzz(data, suffix):
        if findings.out_of_time() or findings.examples >= EXAMPLES:
            return
        findings.examples += 1
        try:
            check_one(data, suffix)
        except Exception as exc:  # noqa: BLE001 - a finding, recorded and counted, not a stop
            findings.add(data, suffix, exc)

    while not findings.out_of_time() and findings.examples < EXAMPLES:
        fuzz()
    report = Path(os.environ.get("BRIEFING_FUZZ_REPORT", tmp_path / "fuzz-report.json"))
    elapsed = time.monotonic() - findings.started
    report.write_text(json.dumps({"examples": findings.examples, "seconds": round(elapsed, 1),
                                  "findings": findings.items}, indent=2))
    print(f"\nfuzz read_document: {findings.examples} inputs in {elapsed:.0f}s, "
          f"{sum(f['count'] for f in findings.items.values())} failing inputs, "
          f"{len(findings.items)} distinct findings; report: {report}")
    for key, entry in findings.items.items():
        print(f"  {key}: {entry['count']}x {entry['message'][:120]}")
    assert not findings.items, f"{len(findings.items)} distinct findings, see {report}"

"""Reliability and security (issue 9): hostile input, faults, injection; every JSON the tool writes is valid.

Each bad input ends one of two ways: exit 1 with exactly one `Error:` line when the run cannot go on, or
`Warning:` lines and a valid summary. Never a traceback, never a partial output file, never a fetched URL.
"""
from __future__ import annotations

import errno
import json
import os
import re
import signal
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SEEDS, assert_citations_exact

ARTICLE = (
    "The health ministry said on Tuesday that 27 people had been infected in the outbreak in the eastern "
    "province, and officials said the source of the infections had not yet been identified.\n\n"
    "The World Health Organization said it was sending a team of experts to the region on Wednesday, "
    "according to a statement issued by the agency in Geneva.\n\n"
    "Neighbouring countries said they would begin screening travellers at border crossings next week.\n"
)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# ---------------------------------------------------------------- helpers

def validate_summary_json(text: str) -> dict:
    """Parse a JSON event summary and validate it against the published schema (raises on any violation)."""
    from jsonschema import Draft202012Validator, FormatChecker

    from briefing.schema import event_summary_schema

    data = json.loads(text)
    schema = event_summary_schema()
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema, format_checker=FormatChecker()).validate(data)
    return data


def check_summary_file(path: Path) -> dict:
    """Schema-valid and every citation slices its source exactly."""
    from briefing.summary import EventSummary

    data = validate_summary_json(path.read_text(encoding="utf-8"))
    assert_citations_exact(EventSummary.from_dict(data))
    return data


def assert_one_error(result, *fragments: str) -> str:
    """Exit 1, exactly one stderr line, starting `Error:`, naming what went wrong; no traceback."""
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert all(ln.startswith(("Error:", "Warning:")) for ln in lines), result.stderr
    for fragment in fragments:
        assert fragment.lower() in errors[0].lower(), errors[0]
    return errors[0]


def assert_success(result, out: Path) -> dict:
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    assert all(ln.startswith(("Warning:", "Wrote ")) for ln in result.stderr.splitlines() if ln.strip()), result.stderr
    return check_summary_file(out)


def warnings_of(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.startswith("Warning:")]


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted or failed write may have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp"))


@pytest.fixture
def article_dir(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- schema

def test_published_schema_is_a_valid_draft_2020_12_schema():
    from jsonschema import Draft202012Validator

    from briefing.schema import event_summary_schema

    Draft202012Validator.check_schema(event_summary_schema())


def test_schema_rejects_a_citation_without_offsets():
    from jsonschema import ValidationError

    from briefing.summary import Event, EventSummary

    data = EventSummary(event=Event(headline="h", summary="s", date=None, location=None)).to_dict()
    validate_summary_json(json.dumps(data))  # the empty summary itself is valid
    data["actors"] = [{"name": "X", "kind": "person", "aliases": [], "role": None, "mentions": 1,
                       "citations": [{"source": "a.txt", "text": "X"}]}]
    with pytest.raises(ValidationError):
        validate_summary_json(json.dumps(data))


@pytest.mark.slow
def test_seed_summary_validates_against_schema(seed_summary):
    validate_summary_json(seed_summary.to_json())


@pytest.mark.slow
def test_every_json_written_by_the_cli_validates(cli, tmp_path):
    for args in (("extract", SEEDS, "-o", tmp_path / "e.json"), ("build", SEEDS, "-f", "json", "-o", tmp_path / "b.json")):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        check_summary_file(Path(args[-1]))
    assert json.loads((tmp_path / "e.json").read_text()) == json.loads((tmp_path / "b.json").read_text())
    to_stdout = cli("extract", SEEDS)  # -o - (the default of extract)
    assert to_stdout.exit_code == 0
    assert validate_summary_json(to_stdout.stdout) == json.loads((tmp_path / "e.json").read_text())


# ---------------------------------------------------------------- bad input through the CLI

def test_missing_path(cli, tmp_path):
    result = cli("extract", tmp_path / "nope", "-o", tmp_path / "o.json")
    assert_one_error(result, "not found", "nope")
    assert not (tmp_path / "o.json").exists()


def test_empty_folder(cli, tmp_path):
    (tmp_path / "in").mkdir()
    assert_one_error(cli("extract", tmp_path / "in", "-o", tmp_path / "o.json"), "no article files")
    assert not (tmp_path / "o.json").exists()


def test_folder_with_no_article_files(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "data.csv").write_text("a,b\n1,2\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    assert_one_error(cli("extract", folder, "-o", tmp_path / "o.json"), "no article files")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n", b"\xef\xbb\xbf\n\n"], ids=["empty", "whitespace", "bom-only"])
def test_empty_or_whitespace_file_alone(cli, tmp_path, content):
    src = tmp_path / "blank.txt"
    src.write_bytes(content)
    assert_one_error(cli("extract", src, "-o", tmp_path / "o.json"), "blank.txt")
    assert not (tmp_path / "o.json").exists()


@pytest.mark.slow
def test_empty_file_beside_an_article_is_a_warning(cli, article_dir, tmp_path):
    (article_dir / "blank.txt").write_text("  \n")
    result = cli("extract", article_dir, "-o", tmp_path / "o.json")
    data = assert_success(result, tmp_path / "o.json")
    assert any("blank.txt" in w for w in warnings_of(result))
    assert "a.txt" in {s["id"] for s in data["sources"]}


def test_png_renamed_txt(cli, tmp_path):
    src = tmp_path / "photo.txt"
    src.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8)
    assert_one_error(cli("extract", src, "-o", tmp_path / "o.json"), "photo.txt")


def test_random_binary_renamed_txt(cli, tmp_path):
    src = tmp_path / "blob.txt"
    src.write_bytes(bytes((i * 7919) % 256 for i in range(4096)))
    result = cli("extract", src, "-o", tmp_path / "o.json")
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert_one_error(result, "blob.txt")
    else:  # decoded as some legacy charset: then it must still be a valid summary
        assert_success(result, tmp_path / "o.json")


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1252", "utf-8-sig"])
def test_legacy_and_utf16_encodings_work(cli, tmp_path, encoding):
    text = ARTICLE + "\nThe minister’s café said “27 cases” – naïve résumé.\n"
    src = tmp_path / f"art-{encoding}.txt"
    src.write_bytes(text.encode(encoding))
    out = tmp_path / "o.json"
    data = assert_success(cli("extract", src, "-o", out), out)
    from briefing.ingest import read_document

    decoded = read_document(src).text
    assert "The minister’s café said “27 cases” –" in decoded and "\x00" not in decoded
    cited = " ".join(c["text"] for k in ("figures", "actors", "timeline") for it in data[k] for c in it["citations"])
    assert "27 people" in cited


def test_cp1252_letters_outside_the_shared_range_decode_right(tmp_path):
    from briefing.ingest import read_document

    text = ARTICLE + "\nThe minister’s café said “27 cases” – a naïve résumé, déjà vu, Zoë and Noël.\n"
    src = tmp_path / "cp1252.txt"
    src.write_bytes(text.encode("cp1252"))
    assert read_document(src).text == text


def five_megabyte_page(path: Path) -> None:
    """A 5 MB scraped page the way they come: one article buried in megabytes of menus, link lists and
    inline data, plus a run of comment-like lines."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Home | World | Business | Sport | Video\n" + ARTICLE)
        n = 0
        while fh.tell() < 5 * 1024 * 1024:
            fh.write(f"» Related story number {n} about markets | Share | Comments ({n % 97})\n"
                     f'{{"id": {n}, "slot": "ad-{n}", "w": 300, "h": 250}}\n'
                     f"user{n % 50} wrote: great piece, thanks\n")
            n += 1
        fh.write(ARTICLE.replace("27", "31"))


@pytest.mark.slow
def test_five_megabyte_file(cli, tmp_path):
    src = tmp_path / "big.txt"
    five_megabyte_page(src)
    assert src.stat().st_size >= 5 * 1024 * 1024
    out = tmp_path / "o.json"
    data = assert_success(cli("extract", src, "-o", out), out)
    assert data["sources"][0]["id"] == "big.txt"


def test_conflicts_scale_to_many_figures_of_one_quantity():
    import time

    from briefing.consolidate.questions import conflicts
    from briefing.summary import Citation, Figure

    figures = [Figure(value=10 + 3 * i, unit="people", text=f"{10 + 3 * i} people", description="people infected",
                      claimed_by=f"agency {i}", quantity="people infected",
                      citations=[Citation(source=f"s{i}.txt", text="x", start=0, end=1)]) for i in range(1000)]
    started = time.perf_counter()
    questions = conflicts(figures, [], {})
    elapsed = time.perf_counter() - started
    assert questions  # 1,000 rival claims of one count are a conflict
    assert elapsed < 1.0, f"{elapsed:.1f}s for 1,000 figures"


@pytest.mark.slow
def test_one_thousand_small_files(cli, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"{i:04d}.txt").write_text(
            f"Officials in district {i} said on Tuesday that {i + 3} people had been treated at the hospital, "
            f"and that the cause of the illness had not been identified.\n", encoding="utf-8")
    out = tmp_path / "o.json"
    data = assert_success(cli("extract", folder, "-o", out), out)
    assert len(data["sources"]) == 1000


@pytest.mark.slow
def test_article_in_another_language_is_processed_with_a_warning(cli, tmp_path):
    src = tmp_path / "de.txt"
    src.write_text(
        "Das Gesundheitsministerium teilte am Dienstag mit, dass sich 27 Menschen mit dem Virus infiziert hätten. "
        "Die Quelle des Ausbruchs ist noch nicht bekannt, sagten die Behörden am Mittwoch in der Hauptstadt.\n" * 3,
        encoding="utf-8")
    out = tmp_path / "o.json"
    result = cli("extract", src, "-o", out)
    assert_success(result, out)
    assert any("de.txt" in w and "German" in w for w in warnings_of(result)), result.stderr


@pytest.mark.slow
def test_file_names_with_spaces_and_non_ascii(cli, tmp_path):
    folder = tmp_path / "dossier été 2026"
    folder.mkdir()
    name = "WHO report – Kasese ü 日本.txt"
    (folder / name).write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "résumé out" / "o.json"
    data = assert_success(cli("extract", folder, "-o", out), out)
    assert [s["id"] for s in data["sources"]] == [name]
    assert all(c["source"] == name for it in data["actors"] for c in it["citations"])


@pytest.mark.slow
def test_symlink_loop_in_folder_is_skipped_with_a_warning(cli, article_dir, tmp_path):
    os.symlink("loop-b.txt", article_dir / "loop-a.txt")
    os.symlink("loop-a.txt", article_dir / "loop-b.txt")
    out = tmp_path / "o.json"
    result = cli("extract", article_dir, "-o", out)
    data = assert_success(result, out)
    assert [s["id"] for s in data["sources"]] == ["a.txt"]
    assert any("loop-a.txt" in w for w in warnings_of(result))


def test_symlink_loop_given_directly_is_an_error(cli, tmp_path):
    os.symlink("y.txt", tmp_path / "x.txt")
    os.symlink("x.txt", tmp_path / "y.txt")
    assert_one_error(cli("extract", tmp_path / "x.txt", "-o", tmp_path / "o.json"), "x.txt")


def test_folder_of_only_looping_symlinks_is_an_error(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")
    assert_one_error(cli("extract", folder, "-o", tmp_path / "o.json"))


def _assert_unreadable_handled(result, out: Path) -> None:
    """Either the run stops naming the file, or it skips the file with a warning and summarises the rest."""
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert_one_error(result, "locked.txt", "permission denied")
        assert not out.exists()
    else:
        data = assert_success(result, out)
        assert any("locked.txt" in w for w in warnings_of(result))
        assert "locked.txt" not in {s["id"] for s in data["sources"]}


@pytest.mark.slow
@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root from reading; "
                                    "see test_unreadable_file_simulated")
def test_unreadable_file_chmod_000(cli, article_dir, tmp_path):
    locked = article_dir / "locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)
    try:
        _assert_unreadable_handled(cli("extract", article_dir, "-o", tmp_path / "o.json"), tmp_path / "o.json")
    finally:
        locked.chmod(0o644)


@pytest.mark.slow
def test_unreadable_file_simulated(cli, article_dir, tmp_path, monkeypatch):
    """Permission denied as the OS reports it, whoever runs the tests (root ignores chmod)."""
    locked = article_dir / "locked.txt"
    locked.write_text(ARTICLE)
    real_read_bytes, real_open = Path.read_bytes, Path.open

    def denied(path: Path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", lambda p: denied(p) if p.name == "locked.txt" else real_read_bytes(p))
    monkeypatch.setattr(Path, "open", lambda p, *a, **k: denied(p) if p.name == "locked.txt" else real_open(p, *a, **k))
    _assert_unreadable_handled(cli("extract", article_dir, "-o", tmp_path / "o.json"), tmp_path / "o.json")


@pytest.mark.parametrize("case", ["missing", "png", "empty-dir"])
def test_real_cli_process_prints_no_traceback(tmp_path, case):
    """The installed entry point, not CliRunner: stderr is one Error: line, exit status 1."""
    target = tmp_path / "x"
    if case == "png":
        target = tmp_path / "x.txt"
        target.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    elif case == "empty-dir":
        target.mkdir()
    done = subprocess.run([sys.executable, "-m", "briefing", "extract", str(target), "-o", str(tmp_path / "o.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert [ln for ln in done.stderr.splitlines() if ln.strip()][-1].startswith("Error:")
    assert len([ln for ln in done.stderr.splitlines() if ln.startswith("Error:")]) == 1
    assert not (tmp_path / "o.json").exists()


# ---------------------------------------------------------------- faults while writing

@pytest.fixture
def earlier_outputs(tmp_path) -> Path:
    """An output folder holding a previous good run."""
    out = tmp_path / "out"
    out.mkdir()
    for ext in ("md", "json", "pdf"):
        (out / f"briefing.{ext}").write_text(f"earlier {ext}")
    return out


def assert_earlier_intact(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == ["briefing.json", "briefing.md", "briefing.pdf"]
    for ext in ("md", "json", "pdf"):
        assert (out / f"briefing.{ext}").read_text() == f"earlier {ext}"


@pytest.mark.slow
@pytest.mark.skipif(IS_ROOT, reason="running as root: a 0555 folder is still writable; see the simulated test")
def test_read_only_output_folder(cli, article_dir, earlier_outputs):
    earlier_outputs.chmod(0o555)
    try:
        result = cli("build", article_dir, "-f", "md", "-f", "json", "-o", earlier_outputs)
        assert_one_error(result, "cannot write", "permission denied")
        assert_earlier_intact(earlier_outputs)
    finally:
        earlier_outputs.chmod(0o755)


@pytest.mark.slow
def test_read_only_output_folder_simulated(cli, article_dir, earlier_outputs, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = cli("build", article_dir, "-f", "md", "-f", "json", "-o", earlier_outputs)
    assert_one_error(result, "cannot write", "permission denied")
    assert_earlier_intact(earlier_outputs)


class _DiskFull:
    """A file object whose writes fail the way a full disk does, after part of the data went out."""

    def __init__(self, fh):
        self.fh = fh

    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()
        return False


@pytest.mark.slow
def test_disk_full_leaves_no_partial_file_and_keeps_earlier_output(cli, article_dir, earlier_outputs, monkeypatch):
    from briefing import output

    real_fdopen = os.fdopen
    monkeypatch.setattr(output.os, "fdopen", lambda *a, **k: _DiskFull(real_fdopen(*a, **k)))
    result = cli("build", article_dir, "-f", "md", "-f", "json", "-o", earlier_outputs)
    assert_one_error(result, "no space left")
    assert_earlier_intact(earlier_outputs)
    assert leftovers(earlier_outputs) == []


@pytest.mark.slow
def test_disk_full_on_the_second_file_changes_no_output(cli, article_dir, earlier_outputs, monkeypatch):
    """A fault on one output of several: the run fails and every earlier output stays as it was
    (CONTRACT: a failed run never replaces an earlier good file), with no temporary file left."""
    from briefing import output

    real_fdopen, calls = os.fdopen, []

    def second_fails(*a, **k):
        calls.append(a)
        fh = real_fdopen(*a, **k)
        return _DiskFull(fh) if len(calls) == 2 else fh

    monkeypatch.setattr(output.os, "fdopen", second_fails)
    result = cli("build", article_dir, "-f", "json", "-f", "md", "-o", earlier_outputs)
    assert_one_error(result, "no space left")
    assert "Wrote" not in result.stderr
    assert len(calls) == 2
    assert_earlier_intact(earlier_outputs)
    assert leftovers(earlier_outputs) == []


def test_write_all_atomic_stages_every_file_before_replacing_any(tmp_path, monkeypatch):
    from briefing import output
    from briefing.errors import OutputError

    a, b = tmp_path / "a.md", tmp_path / "b.json"
    a.write_text("old a")
    b.write_text("old b")
    replaced: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(output.os, "replace", lambda s, d: (replaced.append(str(d)), real_replace(s, d)))
    output.write_all_atomic({a: "new a", b: b"new b"})
    assert (a.read_text(), b.read_text()) == ("new a", "new b") and len(replaced) == 2
    real_fdopen = os.fdopen
    calls: list[int] = []

    def fail_second(*x, **k):
        calls.append(1)
        fh = real_fdopen(*x, **k)
        return _DiskFull(fh) if len(calls) == 2 else fh

    monkeypatch.setattr(output.os, "fdopen", fail_second)
    with pytest.raises(OutputError, match="No space left"):
        output.write_all_atomic({a: "newer a", b: "newer b"})
    assert (a.read_text(), b.read_text()) == ("new a", "new b")
    assert len(replaced) == 2  # nothing was renamed into place
    assert leftovers(tmp_path) == []


def test_write_atomic_interrupted_mid_write_removes_temp_file(tmp_path, monkeypatch):
    from briefing import output

    target = tmp_path / "briefing.md"
    target.write_text("earlier")
    real_fdopen = os.fdopen

    class Interrupted(_DiskFull):
        def write(self, data):
            self.fh.write(data[:10])
            raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fdopen", lambda *a, **k: Interrupted(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, "new content " * 1000)
    assert target.read_text() == "earlier"
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_keyboard_interrupt_during_pdf_rendering(cli, article_dir, earlier_outputs, monkeypatch):
    from briefing import render

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "write_pdf", interrupted)
    result = cli("build", article_dir, "-f", "md", "-f", "json", "-f", "pdf", "-o", earlier_outputs)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")], result.stderr
    assert_earlier_intact(earlier_outputs)
    assert leftovers(earlier_outputs) == []


_SIGINT_SCRIPT = """
import os, signal, sys
# as in a terminal: a test runner started in the background (CI, nohup) passes SIGINT on ignored
signal.signal(signal.SIGINT, signal.default_int_handler)
from briefing import render
real_layout = render.layout_pdf
def layout_then_sigint(*args, **kwargs):
    document = real_layout(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGINT)   # a real Ctrl-C, delivered while the PDF is being made
    return document
render.layout_pdf = layout_then_sigint
from briefing.cli import main
sys.argv = ["briefing"] + sys.argv[1:]
main()
"""


@pytest.mark.slow
def test_real_sigint_during_pdf_rendering(article_dir, earlier_outputs):
    done = subprocess.run([sys.executable, "-c", _SIGINT_SCRIPT, "build", str(article_dir), "-f", "md", "-f", "pdf",
                           "-f", "json", "-o", str(earlier_outputs)], capture_output=True, text=True, timeout=300)
    assert done.returncode not in (0, 1), done.stderr  # interrupted: 130 (or killed by the signal)
    assert "Traceback" not in done.stderr
    assert_earlier_intact(earlier_outputs)
    assert leftovers(earlier_outputs) == []


# ---------------------------------------------------------------- injection

PAYLOADS = {
    "script": "<script>alert('pwned')</script>",
    "img_file": '<img src="file:///etc/passwd">',
    "md_js_link": "[click here](javascript:alert(1))",
    "md_image": "![tracker](http://x.invalid/y.png)",
    "jinja": "{{ 7*7 }} {% raw %}",
    "css_url": '<style>body{background:url("http://x.invalid/bg.png")}</style> style="background:url(file:///etc/passwd)"',
    "long": "Z" * 6000,
}


def hostile_article() -> str:
    """Normal news sentences, each carrying one payload, so that the payloads land in cited sentences."""
    return (
        f"The health ministry said on Tuesday that 31 people had been infected {PAYLOADS['script']} in the outbreak.\n\n"
        f"The World Health Organization said on Wednesday that 12 people had died {PAYLOADS['img_file']} in the region.\n\n"
        f"Minister Grace Okello said the government would spend 5 million dollars {PAYLOADS['md_js_link']} on clinics.\n\n"
        f"Doctors Without Borders said 20 beds {PAYLOADS['md_image']} were available, and condemned the delays.\n\n"
        f"Officials said the source {PAYLOADS['jinja']} of the outbreak had not been identified.\n\n"
        f"The agency said 400 contacts {PAYLOADS['css_url']} were being traced by health workers.\n\n"
        f"A report said the code {PAYLOADS['long']} was found in 3 samples sent to the laboratory.\n"
    )


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def html_tags(html: str) -> list[tuple[str, dict]]:
    parser = _TagCollector()
    parser.feed(html)
    return parser.tags


DANGEROUS_ATTR = re.compile(r"javascript:|file:|x\.invalid|etc/passwd|url\(", re.I)
# attributes a browser or WeasyPrint follows or interprets; others (title, class...) are inert text
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "style", "xlink:href",
             "content", "ping", "cite", "manifest"}


def assert_inert_html(html: str, clean_html: str) -> None:
    """No tag or attribute in the hostile page that the clean page does not have; no dangerous URL anywhere."""
    hostile_tags = {t for t, _ in html_tags(html)}
    assert hostile_tags <= {t for t, _ in html_tags(clean_html)}, hostile_tags
    for tag, attrs in html_tags(html):
        assert tag not in ("script", "img", "iframe", "object", "embed", "link"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in URL_ATTRS or not DANGEROUS_ATTR.search(value or ""), (tag, name, value)
    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    assert len(styles) == len(re.findall(r"<style[^>]*>", clean_html))
    assert all("x.invalid" not in s and "passwd" not in s for s in styles)


def assert_inert_markdown(md: str) -> None:
    """Rendered by a CommonMark renderer with raw HTML enabled (the most permissive reader), nothing is live."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(md)
    for tag, attrs in html_tags(html):
        assert tag not in ("script", "img", "style", "iframe"), (tag, attrs)
        for name, value in attrs.items():
            assert name not in URL_ATTRS or not DANGEROUS_ATTR.search(value or ""), (tag, name, value)
    assert "49" not in md  # {{ 7*7 }} was never evaluated


@pytest.fixture(scope="module")
def hostile_summary(tmp_path_factory):
    from briefing.pipeline import summarize

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(hostile_article(), encoding="utf-8")
    summary = summarize([folder])
    assert_citations_exact(summary)
    validate_summary_json(summary.to_json())
    return summary


@pytest.fixture(scope="module")
def clean_summary(tmp_path_factory):
    from briefing.pipeline import summarize

    folder = tmp_path_factory.mktemp("clean")
    text = hostile_article()
    for payload in PAYLOADS.values():
        text = text.replace(payload, "")
    (folder / "clean.txt").write_text(text, encoding="utf-8")
    return summarize([folder])


@pytest.fixture
def fetch_log(monkeypatch):
    """Every URL WeasyPrint asks for, through the briefing's fetcher or any default one."""
    import weasyprint.urls as wurls

    from briefing import render

    log: list[str] = []
    real_asset_path = render.asset_path

    def recording_asset_path(url: str):
        try:
            path = real_asset_path(url)
        except ValueError:
            log.append("REFUSED:" + url)
            raise
        log.append(url)
        return path

    def recording_default(url, *args, **kwargs):
        log.append("DEFAULT:" + url)
        raise ValueError("no fetching in tests")

    monkeypatch.setattr(render, "asset_path", recording_asset_path)
    if hasattr(wurls, "default_url_fetcher"):
        monkeypatch.setattr(wurls, "default_url_fetcher", recording_default)
    if hasattr(wurls, "URLFetcher"):
        monkeypatch.setattr(wurls.URLFetcher, "fetch", lambda self, url, *a, **k: recording_default(url))
    return log


@pytest.mark.slow
def test_payloads_reach_the_summary(hostile_summary):
    """The test is only meaningful if hostile text is actually cited and shown."""
    blob = hostile_summary.to_json()
    assert "<script>" in blob or "javascript:" in blob or "{{ 7*7 }}" in blob or "file:///etc/passwd" in blob


@pytest.mark.slow
def test_injection_is_inert_in_markdown_html_and_pdf(hostile_summary, clean_summary, fetch_log):
    import io

    from pypdf import PdfReader

    from briefing.pipeline import render_outputs

    hostile = render_outputs(hostile_summary, ["md", "html", "pdf"])
    clean = render_outputs(clean_summary, ["html"])
    assert_inert_markdown(hostile["md"])
    assert_inert_html(hostile["html"], clean["html"])
    pdf = hostile["pdf"]
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert b"/JavaScript" not in pdf and b"/JS " not in pdf and b"/Launch" not in pdf
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annot in page.get("/Annots") or []:
            uri = str(annot.get_object().get("/A", {}).get("/URI", ""))
            assert not DANGEROUS_ATTR.search(uri), uri
    # the source text asked for nothing at all (not even a refused request), and nothing outside the assets was read
    assert not [u for u in fetch_log if DANGEROUS_ATTR.search(u)], fetch_log
    assert all(_is_own_asset(u) for u in fetch_log), fetch_log


def _is_own_asset(url: str) -> bool:
    from urllib.parse import unquote, urlparse

    from briefing.render import assets_dir

    parsed = urlparse(url)
    return parsed.scheme == "file" and Path(unquote(parsed.path)).resolve().is_relative_to(assets_dir().resolve())


def test_renderer_fetcher_refuses_files_network_and_data_urls():
    from briefing.render import asset_path

    for url in ("file:///etc/passwd", "http://x.invalid/y.png", "https://example.com/a.css",
                "data:text/plain,hello", "ftp://x/y", "file://evil.host/etc/passwd", "../../etc/passwd"):
        with pytest.raises(ValueError):
            asset_path(url)


@pytest.mark.slow
def test_weasyprint_fetches_nothing_even_for_a_hostile_template(tmp_path, fetch_log, seed_summary):
    """A user template that links outside resources still makes no request beyond the package's assets."""
    from briefing.pipeline import render_outputs
    from briefing.render import package_templates_dir

    tdir = tmp_path / "templates"
    tdir.mkdir()
    css = (package_templates_dir() / "briefing.css.j2").read_text()
    (tdir / "briefing.css.j2").write_text(
        css + '\n@import url("http://x.invalid/evil.css");\nbody { background: url("file:///etc/passwd"); }\n'
              '@font-face { font-family: X; src: url("https://x.invalid/f.woff"); }\n')
    pdf = render_outputs(seed_summary, ["pdf"], template_dir=tdir)["pdf"]
    assert pdf.startswith(b"%PDF")
    served = [u for u in fetch_log if not u.startswith(("REFUSED:", "DEFAULT:"))]
    assert all(_is_own_asset(u) for u in served), served  # nothing but the package's own assets was read
    assert not [u for u in fetch_log if u.startswith("DEFAULT:")], fetch_log  # no default (network) fetcher
    assert [u for u in fetch_log if u.startswith("REFUSED:")], "the hostile URLs never reached the fetcher?"


def test_the_package_data_ships_every_template_and_asset():
    """What `pip install .` copies: every file of templates/ matches a package-data pattern (the PDF's
    fonts and their licence included), so an installed briefing renders as a checkout does."""
    import tomllib
    from fnmatch import fnmatch

    from briefing.render import package_templates_dir

    root = package_templates_dir()
    if not (root.parent / "pyproject.toml").is_file():
        pytest.skip("an installed copy: no pyproject.toml to read")
    config = tomllib.loads((root.parent / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["briefing.templates"]
    files = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert any(f.startswith("assets/fonts/") for f in files)
    assert [f for f in files if not any(fnmatch(f, pat) and f.count("/") == pat.count("/") for pat in patterns)] \
        == []

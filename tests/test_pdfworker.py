"""The PDF helper process (briefing.pdfworker): same PDF as in-process, and never worse than none.

Each case runs in a fresh Python process, as the CLI does: the helper is forked at the start of a build,
before spaCy or WeasyPrint are imported, which a test runner that has both loaded cannot show.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.pdfworker import SWITCH

pytestmark = pytest.mark.slow

ARTICLE = """Health Ministry confirms measles outbreak in Harbor City

Harbor City, 4 March 2031 - The Health Ministry said on Monday that 41 children had been infected with measles
in the city's northern district, and that 3 of them were in hospital.

"We are deeply concerned," said Health Minister Lena Ortiz, who urged parents to vaccinate their children.

The World Health Organization said it would send a team of 12 experts to the city next week.
"""

_SCRIPT = """
import json, os, signal, sys
from briefing.pdfworker import PdfWorker
worker = PdfWorker.start()
started = worker is not None
if started and sys.argv[2] == "kill":   # the helper dies before it is asked: the page is made here
    os.kill(worker.process.pid, signal.SIGKILL)
    worker.process.join()
from briefing.pipeline import render_outputs, summarize
summary = summarize([sys.argv[1]])
helped = render_outputs(summary, ["pdf", "md", "html"], pdf_worker=worker)
alone = render_outputs(summary, ["pdf", "md", "html"])
print(json.dumps({"started": started, "same": helped == alone, "pdf": helped["pdf"][:5].decode(),
                  "status": worker.status if worker else None,
                  "exitcode": worker.process.exitcode if worker else None}))
"""


@pytest.fixture
def article_dir(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "outbreak.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def run(args: list[str], helper: bool = True, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, SWITCH: "1" if helper else "0"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300, **kw)


needs_fork = pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"),
                                reason="the helper runs only with fork and more than one CPU")


@needs_fork
def test_the_helper_makes_the_same_pdf_md_and_html_as_this_process(article_dir):
    done = run(["-c", _SCRIPT, str(article_dir), "normal"])
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"started": True, "same": True, "pdf": "%PDF-", "status": "ok", "exitcode": 0}


@needs_fork
def test_a_helper_that_died_costs_nothing_but_time(article_dir):
    done = run(["-c", _SCRIPT, str(article_dir), "kill"])
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["started"] and result["same"] and result["pdf"] == "%PDF-"
    assert result["status"] is None and result["exitcode"] == -9


@needs_fork
def test_cli_output_is_byte_identical_with_and_without_the_helper(article_dir, tmp_path):
    outs = {}
    for helper in (True, False):
        out = tmp_path / f"out-{helper}"
        done = run(["-m", "briefing", "build", str(article_dir), "-f", "pdf", "-f", "md", "-o", str(out)], helper)
        assert done.returncode == 0, done.stderr
        outs[helper] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(outs[True]) == ["briefing.md", "briefing.pdf"]
    assert outs[True] == outs[False]


@needs_fork
def test_a_template_error_in_the_helper_is_the_users_error_line(article_dir, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.html.j2").write_text("{% if %}broken", encoding="utf-8")
    done = run(["-m", "briefing", "build", str(article_dir), "-f", "pdf", "-o", str(tmp_path / "b.pdf"),
                "--template-dir", str(templates)])
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("Error: template briefing.html.j2, line 1")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "b.pdf").exists()


_SIGINT_SCRIPT = """
import os, signal, sys
# as in a terminal: a test runner started in the background (CI, nohup) passes SIGINT on ignored
signal.signal(signal.SIGINT, signal.default_int_handler)
from briefing import render
real_layout = render.layout_pdf
calls = []
def layout_then_sigint(*args, **kwargs):   # forked into the helper: the parent gets Ctrl-C mid-layout
    calls.append(1)
    if len(calls) == 2:                     # the first layout is the helper's warm-up
        os.kill(os.getppid(), signal.SIGINT)
    return real_layout(*args, **kwargs)
render.layout_pdf = layout_then_sigint
from briefing.cli import main
sys.argv = ["briefing"] + sys.argv[1:]
main()
"""


@needs_fork
def test_ctrl_c_while_the_helper_renders_leaves_no_output_and_no_helper(article_dir, tmp_path):
    out = tmp_path / "out"
    done = run(["-c", _SIGINT_SCRIPT, "build", str(article_dir), "-f", "md", "-f", "pdf", "-o", str(out)])
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("Error: interrupted")
    assert not out.exists() or list(out.iterdir()) == []


def test_the_helper_is_off_when_switched_off_or_when_weasyprint_is_warm(monkeypatch):
    from briefing import pdfworker

    monkeypatch.setenv(SWITCH, "0")
    assert pdfworker.PdfWorker.start() is None
    monkeypatch.setenv(SWITCH, "1")
    monkeypatch.setitem(sys.modules, "weasyprint", sys.modules.get("weasyprint") or object())
    assert not pdfworker.wanted()

"""The ingest helper process (briefing.prefetch): the same documents, warnings and errors as
``load_documents``, in the same order, whether the helper reads the files, dies half-way or is off."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import prefetch
from briefing.errors import InputError
from briefing.ingest import load_documents

STORY = ("Harbor City, 4 March 2031 - The Health Ministry said on Monday that 41 children had been infected "
         "with measles in the city's northern district, and that 3 of them were in hospital. Officials said "
         "a team of 12 experts would arrive next week to help vaccinate children in the area.\n\n"
         "\"We are deeply concerned,\" said Health Minister Lena Ortiz, who urged parents to act.\n")


def folder(tmp_path: Path) -> Path:
    """Readable articles in three formats, a near-copy, a binary file and an empty one."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "01_story.txt").write_text("Measles outbreak in Harbor City\n\n" + STORY, encoding="utf-8")
    (d / "02_copy.txt").write_text("Outbreak: children in hospital\n\n" + STORY, encoding="utf-8")
    (d / "03_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "04_page.html").write_text(
        "<html><head><title>Vaccination drive starts</title></head><body><nav>Home | World</nav><article>"
        "<h1>Vaccination drive starts</h1><p>The city council said on Tuesday that 2,000 doses had been "
        "delivered to clinics in the northern district, where the outbreak began last month.</p>"
        "<p>Council leader Omar Haddad said the drive would run until the end of March.</p></article>"
        "</body></html>", encoding="utf-8")
    (d / "05_empty.md").write_text("", encoding="utf-8")
    (d / "06_notes.md").write_text("# Clinic queues\n\nParents queued for hours at the northern clinic on "
                                   "Wednesday, the council said, as 300 more doses arrived.\n", encoding="utf-8")
    return d


def streamed(paths, helper: bool):
    stream = prefetch.DocumentStream.open(paths, helper=helper)
    if helper:
        assert stream.process is not None
    documents = list(stream)
    assert stream.process is None  # reaped once read
    return documents, stream.warnings


@pytest.mark.parametrize("helper", [True, False])
def test_same_documents_and_warnings_as_load_documents(tmp_path, helper):
    d = folder(tmp_path)
    expected = load_documents([d])
    documents, warnings = streamed([d], helper)
    assert documents == expected[0]
    assert warnings == expected[1]
    assert any("near-copy" in w for w in warnings) and any("PNG" in w for w in warnings)


def _die(path):
    os._exit(3)  # the helper is killed while it reads this file


def _fail(path):
    raise MemoryError("pretend")


@pytest.mark.parametrize("trouble, at", [(_die, "04"), (_fail, "02")])
def test_a_helper_that_dies_or_fails_half_way_leaves_the_rest_to_this_process(tmp_path, monkeypatch, trouble, at):
    d = folder(tmp_path)
    expected = load_documents([d])
    parent = os.getpid()
    real = prefetch.read_one

    def troubled(path, alone):
        if os.getpid() != parent and path.name.startswith(at):
            trouble(path)
        return real(path, alone)

    monkeypatch.setattr(prefetch, "read_one", troubled)
    assert streamed([d], helper=True) == expected


@pytest.mark.parametrize("helper", [True, False])
def test_errors_are_load_documents_errors(tmp_path, helper):
    d = folder(tmp_path)
    with pytest.raises(InputError) as direct:
        load_documents([d / "03_image.txt"])
    with pytest.raises(InputError) as via_stream:
        streamed([d / "03_image.txt"], helper)
    assert via_stream.value.message == direct.value.message  # the only source cannot be read

    with pytest.raises(InputError) as direct:
        load_documents([d / "03_image.txt", d / "05_empty.md"])
    with pytest.raises(InputError) as via_stream:
        streamed([d / "03_image.txt", d / "05_empty.md"], helper)
    assert via_stream.value.message == direct.value.message

    with pytest.raises(InputError, match="source not found"):  # a wrong path fails at once, helper or not
        prefetch.DocumentStream.open([d / "missing.txt"], helper=helper)


def test_closing_early_stops_the_helper(tmp_path):
    stream = prefetch.DocumentStream.open([folder(tmp_path)], helper=True)
    process = stream.process
    first = next(iter(stream))
    assert first.id == "01_story.txt"
    stream.close()
    assert stream.process is None and not process.is_alive()


def test_switch_turns_the_helper_off(monkeypatch, tmp_path):
    monkeypatch.setenv(prefetch.SWITCH, "0")
    assert not prefetch.wanted()
    assert prefetch.DocumentStream.open([folder(tmp_path)]).process is None
    monkeypatch.setenv(prefetch.SWITCH, "1")
    assert prefetch.wanted() == ((os.cpu_count() or 1) > 1)


@pytest.mark.slow
def test_cli_output_is_the_same_with_and_without_the_helper(tmp_path):
    """A fresh CLI process, as users run it: the JSON summary does not depend on who read the files."""
    d = folder(tmp_path)
    out = {}
    for helper in ("1", "0"):
        env = {**os.environ, prefetch.SWITCH: helper}
        (tmp_path / helper).mkdir()
        target = tmp_path / helper / "summary.json"
        r = subprocess.run([sys.executable, "-m", "briefing", "extract", str(d), "-o", str(target)],
                           capture_output=True, text=True, env=env, timeout=300)
        assert r.returncode == 0, r.stderr
        out[helper] = (target.read_text(encoding="utf-8"), r.stderr.replace(str(target), "TARGET"))
    assert out["1"] == out["0"]
    assert "near-copy" in out["1"][1]

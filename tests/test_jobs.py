"""`briefing run`: jobs file, schedule, incremental skips, atomic outputs, lock, failures kept per job."""
from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing import jobs as jobs_mod
from briefing.jobs import Job, JobsFileError, LockedError, RunLock, is_due, load_jobs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

ARTICLES = {
    "river.txt": """Flood barrier opens on the Varna river
Published: 2026-03-02

The regional government opened a new flood barrier on the Varna river on Monday, officials said.
The barrier cost 40 million euros and protects about 12,000 homes, according to the water authority.
Environmental groups welcomed the project but warned that upstream wetlands were still shrinking.
""",
    "council.md": """# Council approves barrier budget

Published: 2026-03-01

The city council approved the final budget for the flood barrier on Sunday by 31 votes to 9.
Opposition members said the cost had doubled since the plan was first presented in 2023.
""",
}
NEW_ARTICLE = """Residents return after barrier test
Published: 2026-03-03

Hundreds of residents returned to the riverside district on Tuesday after the first test of the barrier.
The mayor said the test had shown that the barrier worked as designed.
"""


def write_articles(folder: Path, articles: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")


def jobs_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "jobs.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the jobs file (no spaCy)

def test_example_jobs_file_is_valid():
    spec = load_jobs(EXAMPLES / "jobs.toml")
    assert [j.name for j in spec.jobs] == ["kursk", "trade-deal"]
    assert spec.jobs[0].formats == ["md", "pdf", "json"] and spec.jobs[0].schedule == "0 * * * *"
    assert spec.output_dir == (EXAMPLES / "briefings").resolve()


@pytest.mark.parametrize("body, message", [
    ("[[job]]\nname = 'a'\nsources = [", "not valid TOML"),
    ("title = 'no jobs'\n", "no jobs"),
    ("[[job]]\nsources = ['x']\n", "'name'"),
    ("[[job]]\nname = '../evil'\nsources = ['x']\n", "'name'"),
    ("[[job]]\nname = 'a'\n", "'sources'"),
    ("[[job]]\nname = 'a'\nsources = ['x']\nformats = ['docx']\n", "'formats'"),
    ("[[job]]\nname = 'a'\nsources = ['x']\nschedule = 'every hour'\n", "cron"),
    ("[[job]]\nname = 'a'\nsources = ['x']\noutput = '{name}/{when}'\n", "{name}, {date} and {time}"),
    ("[[job]]\nname = 'a'\nsources = ['x']\nlatest = '{name}/{date}'\n", "stable copy"),
    ("[[job]]\nname = 'a'\nsources = ['x']\ncolour = 'red'\n", "unknown key"),
    ("[[job]]\nname = 'a'\nsources = ['x']\n[[job]]\nname = 'a'\nsources = ['y']\n", "unique"),
])
def test_bad_jobs_files_are_one_clear_error(tmp_path, body, message):
    with pytest.raises(JobsFileError, match=None) as err:
        load_jobs(jobs_file(tmp_path, body))
    assert message in err.value.message


def test_missing_jobs_file_is_an_error_line(cli, tmp_path):
    result = cli("run", tmp_path / "nope.toml")
    assert result.exit_code == 1
    assert "Error: jobs file not found" in result.output


def test_schedule_decides_what_is_due():
    now = datetime(2026, 3, 2, 10, 20, tzinfo=timezone.utc)
    hourly = Job(name="a", sources=["x"], schedule="0 * * * *")
    assert is_due(hourly, {}, now)[0]  # never ran
    assert is_due(hourly, {"last_success": "2026-03-02T09:50:00+00:00"}, now)[0]  # 10:00 passed
    due, why = is_due(hourly, {"last_success": "2026-03-02T10:05:00+00:00"}, now)
    assert not due and "11:00" in why
    assert is_due(Job(name="b", sources=["x"]), {"last_success": now.isoformat()}, now)[0]  # no schedule


def test_output_paths_fill_the_pattern(tmp_path):
    job = Job(name="daily", sources=["x"], formats=["md", "pdf"], output="out/{name}-{date}_{time}")
    dated, latest = jobs_mod.output_paths(job, tmp_path, datetime(2026, 3, 2, 7, 5))
    assert dated["md"] == tmp_path / "out/daily-2026-03-02_0705.md"
    assert latest["pdf"] == tmp_path / "daily/latest.pdf"


def test_second_run_is_refused_while_the_lock_is_held(cli, tmp_path):
    write_articles(tmp_path / "in", ARTICLES)
    path = jobs_file(tmp_path, "[[job]]\nname = 'a'\nsources = ['in']\n")
    spec = load_jobs(path)
    with RunLock(spec.lock_path):
        with pytest.raises(LockedError):
            RunLock(spec.lock_path).__enter__()
        result = cli("run", path)
        assert result.exit_code == 1
        assert "another 'briefing run' is still running" in result.output
    assert not (tmp_path / "a").exists()  # the refused run wrote nothing


# ---------------------------------------------------------------- runs (spaCy pipeline)

@pytest.mark.slow
def test_new_article_rebuilds_unchanged_skips_and_only_new_text_is_parsed(cli, tmp_path, count_parses):
    write_articles(tmp_path / "in", ARTICLES)
    path = jobs_file(tmp_path, """\
        output_dir = "out"
        [[job]]
        name = "flood"
        sources = ["in"]
        formats = ["md", "json"]
        """)
    first = cli("run", path)
    assert first.exit_code == 0, first.output
    assert "flood: built" in first.output
    assert "briefing run" not in first.stderr  # no progress bar when stderr is not a terminal
    latest = tmp_path / "out/flood/latest.md"
    assert latest.read_text().startswith("#")
    assert json.loads((tmp_path / "out/flood/latest.json").read_text())["sources"]
    parsed_first = len(count_parses)
    assert parsed_first > 0

    count_parses.clear()
    second = cli("run", path)
    assert second.exit_code == 0
    assert "flood: skipped" in second.output and "unchanged" in second.output
    assert count_parses == []

    (tmp_path / "in" / "residents.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    third = cli("run", path)
    assert "flood: built" in third.output
    assert count_parses and all(t in NEW_ARTICLE for t in count_parses)  # the old articles came from the cache
    summary = json.loads((tmp_path / "out/flood/latest.json").read_text())
    assert [s["id"] for s in summary["sources"]] == ["council.md", "residents.txt", "river.txt"]
    # the JSON a scheduled run writes is an event summary like any other: it meets the published schema
    import jsonschema

    from briefing.schema import event_summary_schema

    jsonschema.validate(summary, event_summary_schema())
    dated = sorted((tmp_path / "out/flood").glob("*.json"))
    for written in dated:
        jsonschema.validate(json.loads(written.read_text()), event_summary_schema())

    count_parses.clear()
    forced = cli("run", path, "--force", "--log-json")
    (line,) = forced.output.strip().splitlines()
    assert json.loads(line)["status"] == "built"
    assert count_parses == []  # forced rebuild, every parse from the cache
    state = json.loads((tmp_path / "out/.briefing-state.json").read_text())
    assert state["jobs"]["flood"]["sources"] == 3


@pytest.mark.slow
def test_a_broken_job_leaves_the_others_built(cli, tmp_path):
    write_articles(tmp_path / "in", ARTICLES)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    path = jobs_file(tmp_path, """\
        [[job]]
        name = "first"
        sources = ["in/*.txt"]
        [[job]]
        name = "broken"
        sources = ["bad"]
        [[job]]
        name = "missing"
        sources = ["nowhere"]
        [[job]]
        name = "last"
        sources = ["in"]
        formats = ["html"]
        """)
    result = cli("run", path, "--log-json")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [(r["job"], r["status"]) for r in lines] == [
        ("first", "built"), ("broken", "failed"), ("missing", "failed"), ("last", "built")]
    assert "photo.txt" in lines[1]["message"] and "not found" in lines[2]["message"]
    assert (tmp_path / "first/latest.md").is_file() and (tmp_path / "last/latest.html").is_file()
    assert not (tmp_path / "broken").exists()


@pytest.mark.slow
def test_a_failing_write_keeps_the_previous_briefing(cli, tmp_path, monkeypatch):
    write_articles(tmp_path / "in", ARTICLES)
    path = jobs_file(tmp_path, "[[job]]\nname = 'flood'\nsources = ['in']\n")
    assert cli("run", path).exit_code == 0
    latest = tmp_path / "flood/latest.md"
    good = latest.read_bytes()

    (tmp_path / "in" / "residents.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefing.output.os.fsync", disk_full)
    result = cli("run", path)
    assert result.exit_code == 1
    assert "flood: failed" in result.output and "No space left" in result.output
    assert latest.read_bytes() == good
    assert not [p for p in tmp_path.rglob("*.tmp")]  # no half-written temporary left behind

    monkeypatch.undo()
    retry = cli("run", path)  # the failed build was not recorded as done: it is built now
    assert "flood: built" in retry.output
    assert latest.read_bytes() != good


KILLED_MID_WRITE = """
import os, signal, sys
import briefing.output as out
real_fdopen = os.fdopen

class HalfFile:
    def __init__(self, fh): self.fh = fh
    def __enter__(self): return self
    def __exit__(self, *exc): return False
    def write(self, data):
        self.fh.write(data[: len(data) // 2]); self.fh.flush()
        os.kill(os.getpid(), signal.SIGKILL)  # dies half-way through writing the new briefing

def fdopen(fd, mode="r", *args, **kw):
    target = os.readlink(f"/proc/self/fd/{fd}")
    fh = real_fdopen(fd, mode, *args, **kw)
    return HalfFile(fh) if target.endswith(".tmp") and ".md." in target else fh  # an output, not a cache entry

out.os.fdopen = fdopen
from briefing.cli import main
main(["run", sys.argv[1], "--force"])
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to tell output files apart")
def test_a_job_killed_mid_write_leaves_the_previous_output(cli, tmp_path):
    write_articles(tmp_path / "in", ARTICLES)
    path = jobs_file(tmp_path, "[[job]]\nname = 'flood'\nsources = ['in']\n")
    assert cli("run", path).exit_code == 0
    latest = tmp_path / "flood/latest.md"
    good = latest.read_bytes()
    state = (tmp_path / ".briefing-state.json").read_bytes()
    (tmp_path / "in" / "residents.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    proc = subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(path)], cwd=tmp_path,
                          capture_output=True, timeout=300)
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    assert latest.read_bytes() == good
    assert (tmp_path / ".briefing-state.json").read_bytes() == state
    dated = [p for p in (tmp_path / "flood").glob("*.md") if p.name != "latest.md"]
    assert all(p.read_bytes() == good for p in dated)  # only the earlier, complete dated file

    # the lock died with the process: the next run is not refused, and finishes the job
    assert list(tmp_path.rglob(".*.md.*.tmp"))  # what SIGKILL left behind...
    retry = cli("run", path)
    assert retry.exit_code == 0 and "flood: built" in retry.output
    assert not list(tmp_path.rglob("*.tmp"))  # ...the next run removes


# ---------------------------------------------------------------- the scheduler examples in the README

@pytest.mark.parametrize("name, fence", [("briefing.cron", "cron"), ("briefing.service", "ini"),
                                         ("briefing.timer", "ini")])
def test_readme_shows_the_example_files_verbatim(name, fence):
    content = (EXAMPLES / name).read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```{fence}\n{content}```\n" in readme


def test_crontab_line_is_valid_and_calls_briefing_run():
    from croniter import croniter

    lines = [ln for ln in (EXAMPLES / "briefing.cron").read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == 1
    fields = lines[0].split(None, 5)
    assert croniter.is_valid(" ".join(fields[:5]))
    assert "briefing run examples/jobs.toml" in fields[5]


def test_systemd_units_are_a_oneshot_service_and_its_timer():
    service = configparser.ConfigParser(strict=True, interpolation=None)
    service.optionxform = str
    service.read_string((EXAMPLES / "briefing.service").read_text())
    assert service["Service"]["Type"] == "oneshot"
    assert " run examples/jobs.toml" in service["Service"]["ExecStart"]
    timer = configparser.ConfigParser(strict=True, interpolation=None)
    timer.optionxform = str
    timer.read_string((EXAMPLES / "briefing.timer").read_text())
    assert timer["Timer"]["OnCalendar"] and timer["Install"]["WantedBy"] == "timers.target"
    # the service runs the example jobs file, which exists and is valid
    assert load_jobs(EXAMPLES / "jobs.toml").jobs

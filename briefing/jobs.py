"""Scheduled briefings: a TOML jobs file that cron or a systemd timer runs with ``briefing run``.

Each job names its sources, formats and output path pattern, and optionally a cron ``schedule``. A run
builds the jobs that are due, skips those whose inputs, templates and settings have not changed since their
last build, writes a dated file and a stable ``latest`` copy per format (every write atomic), records the
state in a small JSON file beside the outputs and holds a lock file so that two runs never both write.
A failing job is reported and does not stop the others.
"""
from __future__ import annotations

import fcntl
import glob
import hashlib
import json
import os
import re
import time
import tomllib
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from briefing import __version__
from briefing.errors import BriefingError, InputError

STATE_FILE = ".briefing-state.json"
LOCK_FILE = ".briefing.lock"
CACHE_FOLDER = ".briefing-cache"
DEFAULT_OUTPUT = "{name}/{date}_{time}"
DEFAULT_LATEST = "{name}/latest"
FORMATS = ("md", "html", "pdf", "json")
JOB_KEYS = {"name", "sources", "formats", "output", "latest", "schedule", "template_dir", "paper", "model"}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class JobsFileError(InputError):
    """The jobs file cannot be read or says something impossible."""


class LockedError(BriefingError):
    """Another run holds the lock."""


@dataclass
class Job:
    name: str
    sources: list[str]
    formats: list[str] = field(default_factory=lambda: ["md"])
    output: str = DEFAULT_OUTPUT
    latest: str = DEFAULT_LATEST
    schedule: str | None = None
    template_dir: str | None = None
    paper: str = "a4"
    model: str | None = None


@dataclass
class JobsFile:
    path: Path
    output_dir: Path  # relative paths of the jobs resolve here; state, lock and cache live here
    jobs: list[Job]
    cache_dir: Path | None = None

    @property
    def state_path(self) -> Path:
        return self.output_dir / STATE_FILE

    @property
    def lock_path(self) -> Path:
        return self.output_dir / LOCK_FILE


@dataclass
class JobResult:
    name: str
    status: str  # built | skipped | not-due | failed
    message: str
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)

    def line(self) -> str:
        took = f" in {self.seconds:.1f}s" if self.status in ("built", "failed") else ""
        return f"{self.name}: {self.status}{took}: {self.message}"

    def json_line(self) -> str:
        return json.dumps({"job": self.name, "status": self.status, "message": self.message,
                           "seconds": round(self.seconds, 3), "outputs": self.outputs}, ensure_ascii=False)


# ---------------------------------------------------------------- reading the jobs file

def load_jobs(path: str | Path) -> JobsFile:
    """Read and check a jobs file; every mistake is one clear error naming the job and the key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise JobsFileError(f"jobs file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise JobsFileError(f"cannot read jobs file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise JobsFileError(f"{path} is not valid TOML: {exc}") from None
    base = path.resolve().parent
    output_dir = base / str(data.get("output_dir", "."))
    cache_dir = data.get("cache_dir")
    tables = data.get("job")
    if not isinstance(tables, list) or not tables:
        raise JobsFileError(f"{path}: no jobs; add one [[job]] table per job")
    jobs = [_job(t, i, path) for i, t in enumerate(tables, 1)]
    names = [j.name for j in jobs]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise JobsFileError(f"{path}: job names must be unique: {', '.join(dupes)}")
    return JobsFile(path=path, output_dir=output_dir, jobs=jobs,
                    cache_dir=output_dir / str(cache_dir) if cache_dir else None)


def _job(table: object, index: int, path: Path) -> Job:
    where = f"{path}: job {index}"
    if not isinstance(table, dict):
        raise JobsFileError(f"{where} is not a table")
    name = table.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise JobsFileError(f"{where}: 'name' must be letters, digits, '.', '_' or '-'")
    where = f"{path}: job '{name}'"
    unknown = sorted(set(table) - JOB_KEYS)
    if unknown:
        raise JobsFileError(f"{where}: unknown key(s) {', '.join(unknown)}")
    sources = table.get("sources")
    if isinstance(sources, str):
        sources = [sources]
    if not sources or not all(isinstance(s, str) and s for s in sources):
        raise JobsFileError(f"{where}: 'sources' must be a list of folders, files or glob patterns")
    formats = table.get("formats", ["md"])
    if isinstance(formats, str):
        formats = [formats]
    if not formats or any(f not in FORMATS for f in formats):
        raise JobsFileError(f"{where}: 'formats' must be a list of {', '.join(FORMATS)}")
    job = Job(name=name, sources=list(sources), formats=list(dict.fromkeys(formats)))
    for key in ("output", "latest", "schedule", "template_dir", "paper", "model"):
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise JobsFileError(f"{where}: '{key}' must be a string")
        if value is not None:
            setattr(job, key, value)
    if job.paper.lower() not in ("a4", "letter"):
        raise JobsFileError(f"{where}: 'paper' must be a4 or letter")
    for key in ("output", "latest"):
        _check_pattern(getattr(job, key), f"{where}: '{key}'")
    if "{date}" in job.latest or "{time}" in job.latest:
        raise JobsFileError(f"{where}: 'latest' is the stable copy; it cannot contain {{date}} or {{time}}")
    if job.schedule is not None:
        from croniter import croniter

        if not croniter.is_valid(job.schedule):
            raise JobsFileError(f"{where}: 'schedule' is not a valid cron expression: {job.schedule!r}")
    return job


def _check_pattern(pattern: str, where: str) -> None:
    try:
        pattern.format(name="n", date="d", time="t")
    except (KeyError, IndexError, ValueError):
        raise JobsFileError(f"{where} may use only {{name}}, {{date}} and {{time}}: {pattern!r}") from None


# ---------------------------------------------------------------- what a job reads and writes

def source_files(job: Job, base: Path) -> list[Path]:
    """The job's article files: folders through ingest's rules, globs expanded in name order."""
    from briefing.ingest import ARTICLE_SUFFIXES, discover

    files: list[Path] = []
    for pattern in job.sources:
        full = str(base / os.path.expanduser(pattern))
        if glob.has_magic(pattern):
            matches = sorted(Path(p) for p in glob.glob(full, recursive=True))
            files.extend(p for p in matches if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                         and not p.name.startswith("."))
        else:
            found, _ = discover([full])
            files.extend(found)
    if not files:
        raise InputError(f"no article files match the sources of job '{job.name}'")
    return list(dict.fromkeys(files))


def output_paths(job: Job, base: Path, now: datetime) -> tuple[dict[str, Path], dict[str, Path]]:
    """The dated output and the stable latest copy of each format."""
    values = {"name": job.name, "date": now.strftime("%Y-%m-%d"), "time": now.strftime("%H%M")}
    dated = base / job.output.format(**values)
    latest = base / job.latest.format(**values)
    return ({f: dated.with_name(f"{dated.name}.{f}") for f in job.formats},
            {f: latest.with_name(f"{latest.name}.{f}") for f in job.formats})


def fingerprint(job: Job, files: list[Path], template_dir: str | None = None) -> str:
    """A hash of everything the briefing depends on: input contents, templates, settings, the code itself."""
    from briefing.nlp import model_name

    h = hashlib.sha256()

    def add(label: str, value: str | bytes) -> None:
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    add("version", __version__)
    add("settings", json.dumps([job.formats, job.paper.lower(), model_name(job.model), template_dir]))
    for f in files:
        add("source", str(f))
        add("content", hashlib.sha256(f.read_bytes()).hexdigest())
    add("code", code_digest())
    if template_dir:
        for f in sorted(Path(template_dir).glob("*")) if Path(template_dir).is_dir() else []:
            if f.is_file():
                add("template", f.name)
                add("template-content", f.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The built-in templates and the package's code and data (once per process): an upgrade rebuilds."""
    from briefing.render import package_templates_dir

    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for folder in (package_templates_dir(), package, package / "extract", package / "consolidate", package / "data"):
        for f in sorted(folder.glob("*")):
            if f.is_file() and f.suffix != ".pyc":
                h.update(f"{folder.name}/{f.name}\0".encode())
                h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


# ---------------------------------------------------------------- state and lock

def read_state(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("jobs"), dict) else {"jobs": {}}
    except (OSError, ValueError):  # no state yet, or unreadable: every job is due
        return {"jobs": {}}


def write_state(path: Path, state: dict) -> None:
    from briefing.output import write_atomic

    write_atomic(path, json.dumps(state, indent=2, sort_keys=True) + "\n")


def is_due(job: Job, job_state: dict, now: datetime) -> tuple[bool, str]:
    """Due when never run OK, when unscheduled, or when a scheduled time passed since the last good run."""
    last = job_state.get("last_success")
    if job.schedule is None or not last:
        return True, ""
    from croniter import croniter

    try:
        last_time = datetime.fromisoformat(last)
    except ValueError:
        return True, ""
    nxt = croniter(job.schedule, last_time).get_next(datetime)
    return nxt <= now, f"next due {nxt.isoformat(timespec='minutes')}"


@dataclass
class RunLock:
    """An exclusive ``flock`` on the lock file, held for the whole run (released by the OS if we die)."""

    path: Path
    wait: bool = False
    fd: int | None = None

    def __enter__(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise LockedError(f"another 'briefing run' is still running (lock {self.path} is held); "
                              "this run did nothing; use --wait to wait for it") from None
        os.ftruncate(self.fd, 0)
        os.write(self.fd, f"{os.getpid()}\n".encode())
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


# ---------------------------------------------------------------- running

@dataclass
class RunOptions:
    selected: list[str] = field(default_factory=list)  # --job NAME (empty: all due jobs)
    run_all: bool = False
    force: bool = False
    wait: bool = False
    cache: bool = True
    cache_dir: Path | None = None
    n_process: int = 1
    debug: bool = False  # print the traceback of a job's internal error


def run_jobs(jobs_file: JobsFile, options: RunOptions, now: datetime | None = None,
             warn: Callable[[str], None] | None = None,
             on_job: Callable[[Job], None] | None = None) -> list[JobResult]:
    """Run the selected or due jobs under the lock; one result per job, failures included."""
    unknown = [n for n in options.selected if n not in {j.name for j in jobs_file.jobs}]
    if unknown:
        raise JobsFileError(f"no job named {', '.join(unknown)} in {jobs_file.path}")
    now = now or datetime.now().astimezone()
    with RunLock(jobs_file.lock_path, wait=options.wait):
        state = read_state(jobs_file.state_path)
        results = []
        for job in jobs_file.jobs:
            if on_job is not None:
                on_job(job)
            if options.selected and job.name not in options.selected:
                continue
            job_state = state["jobs"].setdefault(job.name, {})
            results.append(run_one(job, job_state, jobs_file, options, now, warn))
            try:
                write_state(jobs_file.state_path, state)  # after each job: a later crash loses nothing
            except BriefingError as exc:  # e.g. a full disk: the next run rebuilds, which is safe
                if warn is not None:
                    warn(f"state not saved: {exc.message}")
    return results


def run_one(job: Job, job_state: dict, jobs_file: JobsFile, options: RunOptions, now: datetime,
            warn: Callable[[str], None] | None) -> JobResult:
    if not (options.run_all or options.selected or options.force):
        due, why = is_due(job, job_state, now)
        if not due:
            return JobResult(job.name, "not-due", why)
    started = time.monotonic()
    try:
        return _build_job(job, job_state, jobs_file, options, now, warn, started)
    except BriefingError as exc:
        message = exc.message
    except MemoryError:
        message = "out of memory"
    except Exception as exc:  # a bug in one job must not stop the others
        if options.debug:
            traceback.print_exc()
        message = f"internal error: {type(exc).__name__}: {exc}"
    job_state["last_error"] = message
    job_state["last_attempt"] = now.isoformat(timespec="seconds")
    return JobResult(job.name, "failed", message, time.monotonic() - started)


def _build_job(job: Job, job_state: dict, jobs_file: JobsFile, options: RunOptions, now: datetime,
               warn: Callable[[str], None] | None, started: float) -> JobResult:
    from briefing.output import write_atomic
    from briefing.pipeline import build_outputs

    base = jobs_file.output_dir
    here = jobs_file.path.resolve().parent
    files = source_files(job, here)
    template_dir = str(here / os.path.expanduser(job.template_dir)) if job.template_dir else None
    print_ = fingerprint(job, files, template_dir)
    dated, latest = output_paths(job, base, now)
    stamp = now.isoformat(timespec="seconds")
    if not options.force and job_state.get("fingerprint") == print_ and all(p.exists() for p in latest.values()):
        job_state["last_success"] = stamp
        job_state.pop("last_error", None)
        return JobResult(job.name, "skipped", f"unchanged since {job_state.get('last_built', 'the last run')} "
                                              f"({len(files)} sources; --force rebuilds)")
    cache_dir = None
    if options.cache:
        cache_dir = options.cache_dir or jobs_file.cache_dir or base / CACHE_FOLDER
    rendered = build_outputs([str(f) for f in files], job.formats, template_dir=template_dir, model=job.model,
                             paper=job.paper, jobs=options.n_process, cache_dir=cache_dir,
                             warn=(lambda m: warn(f"{job.name}: {m}")) if warn else None)
    # every format is rendered before anything is written; each file is replaced atomically
    remove_stale_temporaries(list(dated.values()) + list(latest.values()) + [jobs_file.state_path])
    for fmt in job.formats:
        write_atomic(dated[fmt], rendered[fmt])
    for fmt in job.formats:
        write_atomic(latest[fmt], rendered[fmt])
    outputs = [str(dated[f]) for f in job.formats]
    job_state.update(fingerprint=print_, last_success=stamp, last_built=stamp, outputs=outputs,
                     sources=len(files))
    job_state.pop("last_error", None)
    return JobResult(job.name, "built", f"{len(files)} sources -> {', '.join(outputs)}",
                     time.monotonic() - started, outputs)


_OUR_TEMPORARY = re.compile(r"^\..+\.(md|html|pdf|json)\.[A-Za-z0-9_]+\.tmp$")  # write_atomic's names


def remove_stale_temporaries(targets: list[Path]) -> None:
    """Temporary files a killed run left beside our outputs (we hold the lock, so no one is writing them)."""
    for folder in {t.parent for t in targets}:
        for tmp in folder.glob(".*.tmp") if folder.is_dir() else []:
            if _OUR_TEMPORARY.match(tmp.name):
                try:
                    tmp.unlink()
                except OSError:
                    pass


def summary_lines(results: list[JobResult], as_json: bool = False) -> Iterator[str]:
    for r in results:
        yield r.json_line() if as_json else r.line()

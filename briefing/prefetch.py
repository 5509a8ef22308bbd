"""Ingest in a second process while this one loads the language pipeline and parses.

Reading the article files (decoding, HTML extraction, page chrome, title, outlet and date) needs no spaCy,
and loading spaCy is most of a small run. A forked helper therefore reads the files in order and hands each
document over as soon as it is ready, while this process loads the pipeline and then parses the documents as
they arrive: on two CPUs ingest costs next to nothing, for five articles (about 0.07 s of 1.8 s) as for five
thousand (a tenth of the run). The documents, warnings and errors are the same as ``load_documents`` gives,
in the same order (tests compare them).

The helper only ever saves time. It is used where it can help (more than one CPU and the ``fork`` start
method); ``BRIEFING_INGEST_PROCESS=0`` turns it off. Should it die, this process reads the files it did not
hand over itself.
"""
from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from briefing.errors import InputError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from briefing.ingest import Document

SWITCH = "BRIEFING_INGEST_PROCESS"


def wanted() -> bool:
    if os.environ.get(SWITCH, "1").strip().lower() in ("0", "no", "false", "off"):
        return False
    import multiprocessing

    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def read_one(path: Path, alone: bool) -> "tuple[Document | None, str | None]":
    from briefing.ingest import read_source

    return read_source(path, alone)


class DocumentStream:
    """The documents of ``paths`` in file order, read by a helper process when there is one. Iterate once;
    afterwards ``documents`` and ``warnings`` hold what ``load_documents`` would have returned."""

    def __init__(self, files: list[Path], warnings: list[str]) -> None:
        self.files = files
        self.warnings = list(warnings)
        self.documents: "list[Document]" = []
        self.process: "BaseProcess | None" = None
        self.conn: "Connection | None" = None

    @classmethod
    def open(cls, paths: list[str | Path], helper: bool | None = None) -> "DocumentStream":
        """Find the files (errors about the paths themselves come now) and start the helper if wanted."""
        from briefing.ingest import discover

        files, warnings = discover(paths)
        stream = cls(files, warnings)
        if helper if helper is not None else wanted():
            stream._start()
        return stream

    def _start(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        try:
            mine, theirs = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_serve, args=(theirs, mine, self.files), name="briefing-ingest",
                                  daemon=True)
            process.start()
        except OSError:
            return  # no helper: read in this process
        theirs.close()
        self.process, self.conn = process, mine

    def __iter__(self) -> "Iterator[Document]":
        alone = len(self.files) == 1
        done = 0  # files handed over (read or skipped)
        try:
            while self.conn is not None and done < len(self.files):
                try:
                    kind, index, payload = self.conn.recv()
                except Exception:  # noqa: BLE001 - the helper died: read the rest here
                    break
                if kind == "error":
                    if isinstance(payload, InputError):
                        raise payload
                    break  # anything else: read this file (and the rest) here, where it fails or not
                done = index + 1
                if kind == "skip":
                    self.warnings.append(payload)
                else:
                    self.warnings.extend(payload.warnings)
                    self.documents.append(payload)
                    yield payload
        finally:
            self.close()
        for path in self.files[done:]:
            document, warning = read_one(path, alone)
            if document is None:
                self.warnings.append(warning)
                continue
            self.warnings.extend(document.warnings)
            self.documents.append(document)
            yield document
        from briefing.ingest import check_documents

        self.warnings.extend(check_documents(self.documents, self.warnings))

    def close(self) -> None:
        """Stop the helper (it has nothing to write) and reap it."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.process = None


def _serve(conn: "Connection", parents_end: "Connection", files: list[Path]) -> None:
    """The helper: read every file in order and send ("doc", i, document), ("skip", i, warning) or, on the
    first failure, ("error", i, exception) and stop."""
    parents_end.close()  # else the pipe would stay open when the parent dies
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then stops this one
    alone = len(files) == 1
    try:
        for i, path in enumerate(files):
            document, warning = read_one(path, alone)
            conn.send(("doc", i, document) if document is not None else ("skip", i, warning))
    except BaseException as exc:  # noqa: BLE001 - the parent re-reads the file, or raises an InputError
        try:
            conn.send(("error", -1, exc if isinstance(exc, InputError) else None))
        except Exception:  # noqa: BLE001 - the parent is gone, or the error cannot be pickled
            pass
    finally:
        conn.close()

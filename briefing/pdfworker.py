"""The PDF renderer in a second process, started before the language work.

In a fresh process WeasyPrint costs about as much to import and set up (fonts, its C bindings) as to lay the
page out. A one-shot ``briefing build -f pdf`` therefore forks a helper at once: it imports WeasyPrint and
renders an empty briefing on the second CPU while this process parses the articles, then waits for the page to
render. The helper only ever saves time: when it is off, cannot start or fails in any way but a
``BriefingError`` (a template error, say, which the user must see), the PDF is made in this process instead.

It is used only where it can help: more than one CPU, the ``fork`` start method (Linux and most Unixes), and
WeasyPrint not imported yet (a long-lived process such as ``briefing run`` keeps it warm anyway).
``BRIEFING_PDF_PROCESS=0`` turns it off.
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from briefing.render import Selection

SWITCH = "BRIEFING_PDF_PROCESS"


def wanted() -> bool:
    """Whether a helper process would help here."""
    if os.environ.get(SWITCH, "1").strip().lower() in ("0", "no", "false", "off"):
        return False
    import multiprocessing

    return ("weasyprint" not in sys.modules and (os.cpu_count() or 1) > 1
            and "fork" in multiprocessing.get_all_start_methods())


class PdfWorker:
    """A forked helper that renders one PDF: ``submit`` a selection, then take the ``result``."""

    def __init__(self, process: "BaseProcess", conn: "Connection") -> None:
        self.process, self.conn = process, conn
        self.status: str | None = None  # the helper's answer: "ok", "error" or "failed" (None: no answer)

    @classmethod
    def start(cls, template_dir: str | Path | None = None) -> "PdfWorker | None":
        """Fork the helper, or None when it would not help or cannot start."""
        if not wanted():
            return None
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        try:
            mine, theirs = ctx.Pipe()
            process = ctx.Process(target=_serve, args=(theirs, mine, template_dir), name="briefing-pdf", daemon=True)
            process.start()
        except OSError:
            return None
        theirs.close()
        return cls(process, mine)

    def submit(self, selection: "Selection", template_dir: str | Path | None) -> bool:
        """Hand the page over; False when the helper is gone (render in-process then)."""
        try:
            self.conn.send((selection, None if template_dir is None else str(template_dir)))
        except Exception:  # noqa: BLE001 - the helper is gone, or the page cannot be pickled
            self.close()
            return False
        return True

    def result(self) -> "tuple[Selection | None, bytes] | None":
        """The helper's ``(selection, pdf)``, where the selection is None if the page was the one submitted and
        the items that fit otherwise; None when it failed (render in-process then). A BriefingError it raised
        is raised here."""
        try:
            status, payload = self.conn.recv()
        except Exception:  # noqa: BLE001 - the helper died, or its answer cannot be read: render in-process
            return None
        finally:
            self.close(answered=True)
        self.status = status
        if status == "error" and isinstance(payload, BriefingError):
            raise payload
        return payload if status == "ok" else None

    def close(self, answered: bool = False) -> None:
        """Stop the helper and reap it. One that has answered exits by itself; one that has not is still
        working for nothing (the run failed or was interrupted) and is killed: it holds no files."""
        try:
            self.conn.close()
        except OSError:
            pass
        if answered:
            self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _serve(conn: "Connection", parents_end: "Connection", template_dir: str | None) -> None:
    """The helper: warm WeasyPrint up, then render the one page it is sent and answer."""
    parents_end.close()  # else the pipe would stay open when the parent dies, and this process with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then stops this one
    from briefing import render

    try:
        render.warm_up(template_dir)
    except Exception:  # noqa: BLE001 - a real failure shows again on the real page, and is reported then
        pass
    try:
        request = conn.recv()
    except Exception:  # noqa: BLE001 - the parent is gone (or sent what cannot be read): nothing to do
        return
    selection, template_dir = request
    try:
        fitted, pdf = render.render_pdf(selection, template_dir)
        answer = ("ok", (None if fitted is selection else fitted, pdf))
    except BriefingError as exc:
        answer = ("error", exc)
    except BaseException as exc:  # noqa: BLE001 - the parent renders in-process instead
        answer = ("failed", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(answer)
    except Exception:  # noqa: BLE001 - the parent is gone, or the answer cannot be sent: it will render itself
        pass
    finally:
        conn.close()

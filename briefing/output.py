"""Writing output files atomically: a temporary file beside the target, then a rename."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefing.errors import OutputError


def _unlink_quietly(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``path`` (flushed to disk); return its name.
    On any failure, including KeyboardInterrupt, the temporary file is removed before re-raising."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        # mkstemp creates 0600 files; give the output the mode a plain open() would (0666 less the umask)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        _unlink_quietly(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return tmp


def _as_bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a partial one."""
    path = Path(path)
    tmp = _stage(path, _as_bytes(data))
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        _unlink_quietly(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def write_all_atomic(files: dict[Path, bytes | str]) -> None:
    """Write several outputs as one step: every file is staged (fully written) first and only then are they
    renamed into place, so that a fault while writing any of them (disk full, permission, Ctrl-C) leaves
    every earlier output as it was and no temporary file behind."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_stage(Path(path), _as_bytes(data)), Path(path)))
        for tmp, path in staged:  # renames within one folder: cheap, and they do not run out of space
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _ in staged:
            _unlink_quietly(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}") from None
        raise

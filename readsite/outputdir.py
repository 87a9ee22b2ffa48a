"""The output folder: marked as readsite's, written beside its target, swapped in whole.

A build writes into a fresh temporary folder next to the output and swaps it in with one
rename, so readers (and the preview server) only ever see a complete site, and a failed or
killed build leaves the previous one.  Every folder readsite writes carries MARKER, so it only
ever replaces or removes folders it wrote (or empty ones), and the temporary folders of a build
that was killed are recognised by their name and marker and removed by the next one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path

from readsite.errors import BuildError
from readsite.leftovers import stale

MARKER = ".readsite-output"
"""File in every output folder; we only ever replace folders that carry it (or are empty)."""
MARKER_TEXT = b"This folder is written by readsite; each build replaces it.\n"


def check_replaceable(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise BuildError.at(output, None, "the output path exists and is not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise BuildError.at(
            output, None, "the output folder has files readsite did not write; not replacing it",
            "move those files away, or set `output:` in site.yaml to another folder",
        )


def swap_in(staged: Path, output: Path) -> None:
    """Replace `output` with the complete `staged` folder (same parent: renames are atomic).

    Where the OS can (Linux), the two folders are exchanged in one step, so there is no
    moment without a complete `output`, and the old site, now in `staged`, is removed.
    Elsewhere the old site first goes into a marked `.NAME.old-PID-*` folder; either way,
    if this process is killed before the old site is removed, the next build knows what is
    left as its own."""
    if output.exists() and _exchange(staged, output):
        remove_own(staged)
        return
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=temp_prefix(output, "old"), dir=output.parent))
        (old / MARKER).write_bytes(MARKER_TEXT)
        os.rename(output, old / "site")
    os.rename(staged, output)
    if old is not None:
        remove_own(old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`); False where the OS,
    C library or file system cannot, so the caller falls back to two renames."""
    rename = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if rename is None:
        return False
    at_cwd, exchange = -100, 2
    if rename(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(second))


def temp_prefix(output: Path, kind: str) -> str:
    """Name prefix of a build's temporary folder beside `output`: `kind` is "tmp" (the site
    being written) or "old" (the site being replaced); the pid tells whether its builder
    still runs."""
    return f".{output.name}.{kind}-{os.getpid()}-"


def remove_own(folder: Path) -> None:
    """Remove a marked temporary folder, its marker last: interrupted half-way, what is left
    still carries the marker and is still recognised (and removed) as a leftover."""
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    (folder / MARKER).unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # something we did not write is in it: leave it
        folder.rmdir()


def remove_leftovers(output: Path) -> list[Path]:
    """Remove the temporary folders that builds of `output` killed mid-way left beside it
    (`.NAME.tmp-PID-*`, `.NAME.old-PID-*`); only ones whose process is gone and that carry
    the marker (or are empty), so another running build's folder and anything a human put
    there stay.  Returns what was removed."""
    pattern = re.compile(re.escape(f".{output.name}.") + r"(?:tmp|old)-(\d+)-[A-Za-z0-9_]+")
    removed: list[Path] = []
    if not output.parent.is_dir():
        return removed
    for entry in output.parent.iterdir():
        if not entry.is_dir() or not stale(entry, pattern):
            continue
        if (entry / MARKER).is_file() or not any(entry.iterdir()):
            remove_own(entry)
            removed.append(entry)
    return removed

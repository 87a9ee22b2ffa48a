"""Writing an import's results: atomically, only inside the folders it writes to, never over
one of its inputs, and cleaning up what an import killed mid-write left behind.

Every file is written to `.NAME.tmp-PID-XXXX` beside its target and renamed over it, so a
killed import leaves whole articles or none; the pid in the name lets the next import tell a
leftover (its process is gone) from the file of an import still running.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from readsite.errors import Problem
from readsite.importers.links import Assets
from readsite.leftovers import remove_stale_files

LEFTOVER = re.compile(r"\..+\.tmp-(\d+)-[A-Za-z0-9_]+")
"""A temporary file of `write_atomic` (`.NAME.tmp-PID-XXXX`), left if its import was killed."""


def write_atomic(path: Path, content: bytes) -> None:
    """Write `content` to `path` via a temporary file in the same folder and os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=path.parent,
                                        prefix=f".{path.name}.tmp-{os.getpid()}-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes 0600 files; an article should get the mode it had, or a normal one.
        os.chmod(name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files that imports killed mid-write left in `folder`."""
    remove_stale_files(folder, ".*.tmp-*", LEFTOVER)


def contained(target: Path, folder: Path) -> bool:
    """Whether `target` (resolved: `..` and symlinks followed) lies inside `folder`."""
    return target.resolve().is_relative_to(folder.resolve())


def write_assets(assets: Assets, static_dir: Path, dry_run: bool) -> tuple[list[str],
                                                                            list[Problem]]:
    """Copy referenced files into static/, never replacing a different file already there
    and never writing outside it."""
    written: list[str] = []
    problems: list[Problem] = []
    for rel, data in sorted(assets.files.items()):
        target = static_dir / rel
        if not contained(target, static_dir):
            problems.append(Problem(f"`{rel}` would be written outside {static_dir}; not copied",
                                    target, None, "fix the link to point inside the site"))
            continue
        if not dry_run:
            remove_leftovers(target.parent)
        if target.exists():
            if target.read_bytes() != data:
                problems.append(Problem("a different file is already here; the imported "
                                        "one was not copied", target, None,
                                        "rename one of them and fix the links"))
            continue
        written.append(rel)
        if not dry_run:
            write_atomic(target, data)
    return written, problems


def write_articles(writes: Sequence[tuple[Path, str]], into: Path,
                   sources: set[Path]) -> list[Problem]:
    """Write each (article file, text) on its own; returns the ones that could not be
    written, with the reason: a full disk, no permission, a path outside `into`, or one of
    the inputs (an import never changes what it reads, even with --force)."""
    failed: list[Problem] = []
    for target, text in writes:
        if not contained(target, into):
            failed.append(Problem(f"would be written outside {into}; not written",
                                  target, None, "give the article a plain `slug:`"))
            continue
        if target.resolve() in sources:
            failed.append(Problem("this is one of the inputs: an import never changes them",
                                  target, None,
                                  "import it into another folder with --into"))
            continue
        try:
            write_atomic(target, text.encode("utf-8"))
        except OSError as exc:
            failed.append(Problem(f"cannot write this article: {exc.strerror or exc}",
                                  target, None,
                                  "check the folder exists, is writable and has space"))
    return failed

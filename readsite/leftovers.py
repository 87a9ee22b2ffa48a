"""What a killed run leaves behind, and how the next run knows it may remove it.

Temporary files and folders (a build's staged site, an import's half-written article, the
cache's JSON being replaced) carry the writer's process id in their names.  A later run
removes one only when its name matches exactly, it is a plain file or folder (never a
symlink), and that process no longer runs: files of a build still running, look-alike names
and anything a human put there are kept.
"""

from __future__ import annotations

import os
import re
from pathlib import Path


def process_gone(pid: int) -> bool:
    """Whether no process `pid` runs any more (so what it left behind is a leftover);
    False when unsure (not POSIX, or another user's process), which keeps the files."""
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def stale(entry: Path, pattern: re.Pattern[str]) -> bool:
    """Whether `entry` is a leftover: its name fully matches `pattern` (whose first group is
    the writer's pid), it is not a symlink, and its writer is gone."""
    match = pattern.fullmatch(entry.name)
    return (match is not None and not entry.is_symlink()
            and process_gone(int(match.group(1))))


def remove_stale_files(folder: Path, glob: str, pattern: re.Pattern[str]) -> None:
    """Remove the regular files in `folder` matching `glob` that are leftovers by `pattern`."""
    if not folder.is_dir():
        return
    for entry in folder.glob(glob):
        if entry.is_file() and stale(entry, pattern):
            entry.unlink(missing_ok=True)

"""build_site: load → link → render → write, the only place output is written.

Everything is read, linked and rendered in memory first, so a bad article or template fails
the build before a byte is written.  The output is then written into a fresh temporary folder
beside the target and swapped in, so readers (and the dev server) only ever see a complete
site, and a failed build leaves the previous one untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from readsite.config import SiteConfig
from readsite.content import load_articles
from readsite.errors import BuildError, Problem
from readsite.links import build_collection
from readsite.models import Collection
from readsite.render import THEME_DIR, make_environment, page_list, render_page

MARKER = ".readsite-output"
"""File in every output folder; we only ever replace folders that carry it (or are empty)."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced."""

    output: Path
    """The output folder."""
    pages: dict[str, int]
    """Pages written per kind (article, topic, home, ...)."""
    files: int
    """All files written, static files included."""
    seconds: float
    """Wall time of the build."""

    def summary(self) -> str:
        """One line for the terminal."""
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.pages.items()))
        return f"built {self.files} files ({kinds}) into {self.output} in {self.seconds:.2f}s"


class Writer:
    """Collects output files in memory and refuses a second write to the same path."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.owners: dict[str, str] = {}

    def add(self, relpath: str, data: bytes, owner: str) -> None:
        """Queue `data` for `relpath`; `owner` names what made it, for collision errors."""
        key = relpath.replace(os.sep, "/").lstrip("/")
        if key in self.files:
            raise BuildError(Problem(
                f"two things want to write {key}: {self.owners[key]} and {owner}", None, None,
                "rename or remove one of them (an article's `slug:`, a file in static/ or root/)",
            ))
        self.files[key] = data
        self.owners[key] = owner

    def write_into(self, folder: Path) -> None:
        """Write every queued file below `folder`."""
        for relpath, data in self.files.items():
            target = folder / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def _static_files(config: SiteConfig) -> dict[str, Path]:
    """static/ files to copy, site files overriding same-named theme files."""
    found: dict[str, Path] = {}
    for folder in (THEME_DIR / "static", config.static_dir):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                rel = path.relative_to(folder).as_posix()
                if path.is_file() and not path.name.startswith(".") and not is_junk(rel):
                    found[rel] = path
    return found


def is_junk(relpath: str) -> bool:
    """Editor and VCS leftovers that never belong in a published site."""
    parts = relpath.split("/")
    name = parts[-1]
    return (any(p in (".git", ".hg", ".svn", "__pycache__") for p in parts)
            or name in (".DS_Store", "Thumbs.db") or name.endswith(("~", ".swp", ".swx")))


def _root_files(config: SiteConfig) -> dict[str, Path]:
    """root/ files, copied to the site root as they are: dotfiles too (`.well-known/`)."""
    folder = config.root_files_dir
    if not folder.is_dir():
        return {}
    found = {path.relative_to(folder).as_posix(): path
             for path in sorted(folder.rglob("*")) if path.is_file()}
    return {rel: path for rel, path in found.items() if not is_junk(rel)}


def render_site(collection: Collection) -> tuple[Writer, Counter[str]]:
    """Render every page and gather static files into a Writer (nothing touches disk)."""
    config = collection.config
    env = make_environment(config)
    writer = Writer()
    kinds: Counter[str] = Counter()
    for page in page_list(collection):
        html = render_page(env, collection, page)
        writer.add(page.output, html.encode("utf-8"), f"the {page.kind} page `/{page.path}`")
        kinds[page.kind] += 1
    for relpath, path in _static_files(config).items():
        writer.add(f"static/{relpath}", path.read_bytes(), f"static file {path}")
    for relpath, path in _root_files(config).items():
        writer.add(relpath, path.read_bytes(), f"root file {path}")
    writer.add(MARKER, b"This folder is written by readsite; each build replaces it.\n",
               "readsite")
    return writer, kinds


def _check_replaceable(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise BuildError.at(output, None, "the output path exists and is not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise BuildError.at(
            output, None, "the output folder has files readsite did not write; not replacing it",
            "move those files away, or set `output:` in site.yaml to another folder",
        )


def swap_in(staged: Path, output: Path) -> None:
    """Replace `output` with the complete `staged` folder (same parent: renames are atomic)."""
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
        os.rename(output, old / "site")
    os.rename(staged, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_site(
    config: SiteConfig, output: Path | None = None, drafts: bool = False
) -> BuildReport:
    """Build the whole site into `output` (default: the configured folder), atomically;
    `draft: true` articles are left out unless `drafts` (the preview server shows them)."""
    started = time.perf_counter()
    target = (output or config.output_dir).resolve()
    collection = build_collection(config, load_articles(config, drafts))
    writer, kinds = render_site(collection)
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        writer.write_into(staged)
        staged.chmod(0o755)
        swap_in(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return BuildReport(target, dict(kinds), len(writer.files), time.perf_counter() - started)

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
from dataclasses import dataclass, field
from pathlib import Path

from readsite.cache import BuildStamps, RenderCache, inputs_digest
from readsite.config import CONFIG_NAME, WATCHED_FOLDERS, SiteConfig
from readsite.content import load_articles
from readsite.errors import BuildError, Problem
from readsite.links import build_collection
from readsite.models import Collection
from readsite.progress import QUIET, Progress
from readsite.render import THEME_DIR, Page, make_environment, page_list, render_page
from readsite.workers import render_into

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
    stages: dict[str, float] = field(default_factory=dict)
    """Wall time per stage (load, link, render, swap), in order."""
    up_to_date: bool = False
    """Nothing the build reads changed since it last wrote this folder, so it was kept."""

    def summary(self) -> str:
        """One line for the terminal, naming the slowest stage."""
        if self.up_to_date:
            return (f"up to date: {self.output} already holds this site ({self.files} files; "
                    f"nothing changed since the last build) in {self.seconds:.2f}s")
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.pages.items()))
        slowest = max(self.stages.items(), key=lambda kv: kv[1], default=None)
        most = f" (slowest: {slowest[0]} {slowest[1]:.2f}s)" if slowest else ""
        return (f"built {self.files} files ({kinds}) into {self.output} in "
                f"{self.seconds:.2f}s{most}")

    def profile(self) -> str:
        """Per-stage times, for `build --profile`."""
        width = max((len(name) for name in self.stages), default=0)
        return "\n".join(f"  {name:<{width}}  {seconds:7.3f}s  {100 * seconds / self.seconds:5.1f}%"
                         for name, seconds in self.stages.items())


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


def plan_site(collection: Collection) -> tuple[list[Page], dict[str, Path]]:
    """Every page to render and every file to copy (output path → source), with two claims
    on one output path refused before anything is rendered or written."""
    config = collection.config
    owners: dict[str, str] = {}

    def claim(relpath: str, owner: str) -> None:
        key = relpath.replace(os.sep, "/").lstrip("/")
        if key in owners:
            raise BuildError(Problem(
                f"two things want to write {key}: {owners[key]} and {owner}", None, None,
                "rename or remove one of them (an article's `slug:`, a file in static/ or root/)",
            ))
        owners[key] = owner

    pages = page_list(collection)
    for page in pages:
        claim(page.output, f"the {page.kind} page `/{page.path}`")
    copies: dict[str, Path] = {}
    for relpath, path in _static_files(config).items():
        claim(f"static/{relpath}", f"static file {path}")
        copies[f"static/{relpath}"] = path
    for relpath, path in _root_files(config).items():
        claim(relpath, f"root file {path}")
        copies[relpath] = path
    claim(MARKER, "readsite")
    return pages, copies


MARKER_TEXT = b"This folder is written by readsite; each build replaces it.\n"


def render_site(collection: Collection) -> tuple[dict[str, bytes], Counter[str]]:
    """The whole site in memory, output path → bytes (nothing touches disk): what `check`
    inspects; and the pages per kind."""
    pages, copies = plan_site(collection)
    env = make_environment(collection.config)
    files = {page.output: render_page(env, collection, page).encode("utf-8") for page in pages}
    files.update((relpath, path.read_bytes()) for relpath, path in copies.items())
    files[MARKER] = MARKER_TEXT
    return files, Counter(page.kind for page in pages)


def write_site(collection: Collection, plan: tuple[list[Page], dict[str, Path]],
               folder: Path, jobs: int | None = None,
               progress: Progress = QUIET) -> tuple[int, Counter[str]]:
    """Render and copy the planned site into the empty `folder`, pages written as they are
    rendered (across `jobs` processes); (files written, pages per kind)."""
    pages, copies = plan
    render_into(collection, pages, folder, jobs, progress.stage("rendering", len(pages), "pages"))
    for relpath, path in copies.items():
        target = folder / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    (folder / MARKER).write_bytes(MARKER_TEXT)
    return len(pages) + len(copies) + 1, Counter(page.kind for page in pages)


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
    config: SiteConfig, output: Path | None = None, drafts: bool = False,
    jobs: int | None = None, use_cache: bool = True, progress: Progress = QUIET,
) -> BuildReport:
    """Build the whole site into `output` (default: the configured folder), atomically;
    `draft: true` articles are left out unless `drafts` (the preview server shows them).
    `jobs` processes load and render (default: all CPUs for a big site; see `workers`);
    bodies rendered by earlier builds come from `.readsite-cache/` unless not `use_cache`;
    each stage reports how far it is to `progress`."""
    started = time.perf_counter()
    stages: dict[str, float] = {}
    clock = started

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[name], clock = now - clock, now

    target = (output or config.output_dir).resolve()
    if use_cache:
        stamps = BuildStamps.open(config.root)
        digest = inputs_digest(f"{config!r} drafts={drafts}", input_paths(config.root))
        if stamps.up_to_date(target, digest):
            return _unchanged(target, started)
    render_cache = RenderCache.open(config.root) if use_cache else None
    articles = load_articles(config, drafts, jobs, render_cache, progress)
    if render_cache is not None:
        render_cache.save()
    lap("load")
    collection = build_collection(config, articles, jobs, progress)
    plan = plan_site(collection)  # a collision fails the build before anything is written
    lap("link")
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        files, kinds = write_site(collection, plan, staged, jobs, progress)
        lap("render")
        staged.chmod(0o755)
        swap_in(staged, target)
        lap("swap")
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    if use_cache:
        stamps.record(target, digest)
    return BuildReport(target, dict(kinds), files, time.perf_counter() - started, stages)


def input_paths(root: Path) -> list[Path]:
    """What a build of the site at `root` reads: site.yaml, its folders and the theme."""
    return [root / CONFIG_NAME, *(root / name for name in WATCHED_FOLDERS), THEME_DIR]


def _unchanged(target: Path, started: float) -> BuildReport:
    """The report of a build skipped because nothing it reads changed since the last one."""
    files = sum(1 for _ in target.rglob("*") if _.is_file())
    return BuildReport(target, {}, files, time.perf_counter() - started, {}, up_to_date=True)

"""build_site: load → link → render → write, the only place output is written.

Everything is read, linked and rendered in memory first, so a bad article or template fails
the build before a byte is written.  The output is then written into a fresh temporary folder
beside the target and swapped in, so readers (and the dev server) only ever see a complete
site, and a failed build leaves the previous one untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from readsite.cache import CACHE_DIR, BuildStamps, RenderCache, inputs_digest
from readsite.config import CONFIG_NAME, WATCHED_FOLDERS, SiteConfig
from readsite.content import load_articles
from readsite.crosslinks import build_collection
from readsite.crosspages import cross_pages
from readsite.errors import BuildError, Problem
from readsite.heap import build_heap, keep
from readsite.models import Collection
from readsite.outputdir import (
    MARKER,
    MARKER_TEXT,
    check_replaceable,
    remove_leftovers,
    remove_own,
    swap_in,
    temp_prefix,
)
from readsite.progress import QUIET, Progress
from readsite.render import THEME_DIR, Page, make_environment, page_list, render_page
from readsite.search import BUNDLE, index_site, link_index
from readsite.sitecheck import findings_error, missing_articles
from readsite.workers import render_into

_log = logging.getLogger(__name__)
"""Warnings (symlinks left out, links to missing articles); the command line prints them."""


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
    """Wall time per stage (load, link, render, search, swap), in order."""
    up_to_date: bool = False
    """Nothing the build reads changed since it last wrote this folder, so it was kept."""
    warnings: tuple[Problem, ...] = ()
    """What was left out and why (symlinks in static/ or root/ that lead out of the site)."""
    collection: Collection | None = field(default=None, repr=False, compare=False)
    """The linked collection the site was rendered from (None when the build was skipped):
    the preview server re-renders an edited article's page from it at once."""

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


def _static_files(config: SiteConfig, outside: list[Problem]) -> dict[str, Path]:
    """static/ files to copy, site files overriding same-named theme files; a symlink that
    leads out of the site (or the theme) is not followed but noted in `outside`."""
    found: dict[str, Path] = {}
    for folder, home in ((THEME_DIR / "static", THEME_DIR), (config.static_dir, config.root)):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                rel = path.relative_to(folder).as_posix()
                if (not path.name.startswith(".") and not is_junk(rel)
                        and _publishable(path, home, outside)):
                    found[rel] = path
    return found


def _publishable(path: Path, home: Path, outside: list[Problem]) -> bool:
    """Whether `path` is a file to publish: a symlink only if it stays inside `home`, since
    a link to /etc/passwd or ~/.ssh in static/ must never reach a public site."""
    if path.is_symlink():
        resolved = path.resolve()
        if not resolved.is_relative_to(home.resolve()):
            outside.append(Problem(
                f"symlink to {resolved}, outside the site: not published", path, None,
                "copy the file into the site if it is meant to be public, or remove the link"))
            return False
    return path.is_file()


JUNK_FOLDERS = frozenset({".git", ".hg", ".svn", "__pycache__"})
"""Folders of version control and Python's caches: never part of a site."""


def is_junk(relpath: str) -> bool:
    """Editor and VCS leftovers that never belong in a published site."""
    parts = relpath.split("/")
    name = parts[-1]
    return (any(p in JUNK_FOLDERS for p in parts)
            or name in (".DS_Store", "Thumbs.db") or name.endswith(("~", ".swp", ".swx")))


def _root_files(config: SiteConfig, outside: list[Problem]) -> dict[str, Path]:
    """root/ files, copied to the site root as they are: dotfiles too (`.well-known/`);
    symlinks out of the site are noted in `outside`, not followed."""
    folder = config.root_files_dir
    if not folder.is_dir():
        return {}
    found = {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*"))
             if _publishable(path, config.root, outside)}
    return {rel: path for rel, path in found.items() if not is_junk(rel)}


def plan_site(collection: Collection, outside: list[Problem] | None = None
              ) -> tuple[list[Page], dict[str, Path]]:
    """Every page to render and every file to copy (output path → source), with two claims
    on one output path refused before anything is rendered or written; symlinks out of the
    site that were left out are appended to `outside`."""
    skipped = [] if outside is None else outside
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

    pages = page_list(collection, cross_pages(collection))
    for page in pages:
        claim(page.output, f"the {page.kind} page `/{page.path}`")
    copies: dict[str, Path] = {}
    for relpath, path in _static_files(config, skipped).items():
        claim(f"static/{relpath}", f"static file {path}")
        copies[f"static/{relpath}"] = path
    for relpath, path in _root_files(config, skipped).items():
        claim(relpath, f"root file {path}")
        copies[relpath] = path
    claim(MARKER, "readsite")
    return pages, copies


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
        try:
            shutil.copyfile(path, target)
        except OSError as exc:
            raise BuildError.at(path, None, f"cannot copy this file: {exc.strerror or exc}",
                                "check that it exists and can be read, then build again",
                                ) from None
    (folder / MARKER).write_bytes(MARKER_TEXT)
    return len(pages) + len(copies) + 1, Counter(page.kind for page in pages)


def build_site(
    config: SiteConfig, output: Path | None = None, drafts: bool = False,
    jobs: int | None = None, use_cache: bool = True, progress: Progress = QUIET,
    strict: bool = False, render_cache: RenderCache | None = None,
) -> BuildReport:
    """Build the whole site into `output` (default: the configured folder), atomically;
    `draft: true` articles are left out unless `drafts` (the preview server shows them).
    `jobs` processes load and render (default: all CPUs for a big site; see `workers`);
    bodies rendered by earlier builds come from `.readsite-cache/` unless not `use_cache`,
    or from `render_cache` (kept by the caller across builds: the preview server's);
    each stage reports how far it is to `progress`.  Links to missing articles are
    warnings, or with `strict` an error raised before anything is written."""
    return stage_site(config, output, drafts, jobs, use_cache, progress, strict,
                      render_cache).swap()


@dataclass(slots=True)
class Staged:
    """A complete site written beside its target but not yet swapped in.

    The preview server stages in a background thread and swaps in its own loop, so a page
    it re-rendered in the meantime is never overwritten by an older build; a staged build
    that is already stale is discarded instead."""

    target: Path
    """The output folder it will replace."""
    folder: Path | None
    """The staged folder; None when the target is already up to date."""
    report: BuildReport
    """The report, without the swap stage yet."""
    record: Callable[[], None] = lambda: None
    """Notes in the cache that `target` holds this build (done once it is swapped in)."""

    def swap(self) -> BuildReport:
        """Swap the staged site in; the report, with the swap stage timed."""
        if self.folder is None:
            return self.report
        started = time.perf_counter()
        try:
            swap_in(self.folder, self.target)
        except BaseException:
            remove_own(self.folder)
            raise
        self.folder = None
        self.record()
        took = time.perf_counter() - started
        return replace(self.report, seconds=self.report.seconds + took,
                       stages={**self.report.stages, "swap": took})

    def discard(self) -> None:
        """Remove the staged folder, leaving the target as it is."""
        if self.folder is not None:
            remove_own(self.folder)
            self.folder = None


def stage_site(
    config: SiteConfig, output: Path | None = None, drafts: bool = False,
    jobs: int | None = None, use_cache: bool = True, progress: Progress = QUIET,
    strict: bool = False, render_cache: RenderCache | None = None,
    search_from: Path | None = None,
) -> Staged:
    """Everything `build_site` does but the final swap (same arguments); with `search_from`,
    the search index of the site there is kept instead of indexing the pages again (the
    preview of a large site, where the index would take a minute a keystroke)."""
    with build_heap():
        return _stage(config, output, drafts, jobs, use_cache, progress, strict, render_cache,
                      search_from)


def _stage(config: SiteConfig, output: Path | None, drafts: bool, jobs: int | None,
           use_cache: bool, progress: Progress, strict: bool,
           render_cache: RenderCache | None, search_from: Path | None) -> Staged:
    """`stage_site`, with the collector tuned for a build (see `readsite.heap`)."""
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
        digest = inputs_digest(f"{config!r} drafts={drafts} strict={strict}",
                               input_paths(config.root))
        if stamps.up_to_date(target, digest):
            remove_leftovers(target)  # a killed build of since-reverted changes left them
            return Staged(target, None, _unchanged(target, started))
    owned = render_cache is None and use_cache
    if owned:
        render_cache = RenderCache.open(config.root)
    articles = load_articles(config, drafts, jobs, render_cache, progress)
    if owned and render_cache is not None:
        render_cache.save()
        render_cache = None  # its bodies and texts: a third of the memory at the peak
    keep()
    lap("load")
    collection = build_collection(config, articles, jobs, progress)
    del articles  # the collection holds them now, without their word counts
    keep()
    outside: list[Problem] = []
    plan = plan_site(collection, outside)  # a collision fails before anything is written
    for problem in outside:
        _log.warning("warning: %s", problem)
    missing = missing_articles(collection.articles, config.base_path, config.root)
    if strict and missing:
        raise findings_error(missing, "fix the links; nothing was written")
    for finding in missing:
        _log.warning("warning: %s", finding)
    lap("link")
    check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    staged = Path(tempfile.mkdtemp(prefix=temp_prefix(target, "tmp"), dir=target.parent))
    try:
        (staged / MARKER).write_bytes(MARKER_TEXT)  # first: a killed build's folder is known
        files, kinds = write_site(collection, plan, staged, jobs, progress)
        lap("render")
        if config.search and collection.articles:
            if search_from is None or not link_index(search_from / BUNDLE, staged / BUNDLE):
                # over the written pages, so the index matches them
                index_site(staged, (config.root / CACHE_DIR / "search") if use_cache else None)
                lap("search")
            files += sum(1 for path in (staged / BUNDLE).rglob("*") if path.is_file())
        staged.chmod(0o755)
    except BaseException:
        remove_own(staged)
        raise
    report = BuildReport(target, dict(kinds), files, time.perf_counter() - started, stages,
                         warnings=tuple(outside), collection=collection)
    if not use_cache:
        return Staged(target, staged, report)
    return Staged(target, staged, report, lambda: stamps.record(target, digest))


def input_paths(root: Path) -> list[Path]:
    """What a build of the site at `root` reads: site.yaml, its folders and the theme."""
    return [root / CONFIG_NAME, *(root / name for name in WATCHED_FOLDERS), THEME_DIR]


def _unchanged(target: Path, started: float) -> BuildReport:
    """The report of a build skipped because nothing it reads changed since the last one."""
    files = sum(1 for _ in target.rglob("*") if _.is_file())
    return BuildReport(target, {}, files, time.perf_counter() - started, {}, up_to_date=True)

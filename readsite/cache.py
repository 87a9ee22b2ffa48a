"""The render cache: an article body rendered once is not rendered again.

Rendering Markdown (parsing, plugins, sanitising) is most of the cost of loading an article,
and it is a pure function of (body, base path, the renderer's code), so its result is kept
in `.readsite-cache/render.json` beside site.yaml, outside the output and every watched
folder.  Keys hash all three inputs: the renderer's identity is a hash of readsite's version,
the source of the modules that render, and the versions of the libraries they use, so a new
readsite or library never reuses an old result.

The file is JSON, never pickle: it is read as untrusted data.  A file that does not parse, has
another format, or holds an entry of the wrong shape or whose checksum fails (a damaged or
hand-edited entry) is ignored, entry by entry, never trusted; the worst a damaged cache can
do is cost a re-render.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from readsite import __version__
from readsite.leftovers import remove_stale_files
from readsite.models import Heading

CACHE_DIR = ".readsite-cache"
"""Folder (beside site.yaml) holding the cache; safe to delete at any time."""
FORMAT = 2
"""Bumped when the file's layout changes."""

Entry = tuple[str, str, tuple[Heading, ...], str]
"""(html, text, headings, finds) of a rendered body: `finds` is what cross-linking found in
it (`crosslinks.extract.dump`; "" until a build has looked), since looking costs as much as
rendering."""


@lru_cache(maxsize=1)
def renderer_id() -> str:
    """A hash of everything a rendered body depends on besides the body and base path."""
    digest = hashlib.sha256(f"readsite {__version__}".encode())
    here = Path(__file__).parent
    for module in ("markdown.py", "sanitise.py", "models.py", "crosslinks/extract.py",
                   "crosslinks/text.py", "crosslinks/quotes.py", "crosslinks/speech.py",
                   "crosslinks/figures.py", "crosslinks/stories.py", "crosslinks/backlinks.py"):
        digest.update((here / module).read_bytes())
    _add_versions(digest, ("markdown-it-py", "mdit-py-plugins", "nh3"))
    return digest.hexdigest()


def _add_versions(digest: Any, packages: tuple[str, ...]) -> None:
    """Feed the installed version of each package (or its bare name) into `digest`."""
    for package in packages:
        try:
            digest.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())


def key(body: str, base_path: str) -> str:
    """The cache key of one body rendered under one base path."""
    return hashlib.sha256(
        f"{renderer_id()}\0{base_path}\0{body}".encode("utf-8", "surrogatepass")).hexdigest()


def _write_json(path: Path, data: Any) -> None:
    """Replace `path` with `data` as JSON, atomically; a failure (a read-only site, text JSON
    cannot hold) only costs speed, so it is swallowed and the temporary file removed."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
        remove_stale_files(path.parent, f".{path.stem}-*",  # ones killed writers left
                           re.compile(re.escape(f".{path.stem}-") + r"(\d+)-[A-Za-z0-9_]+"))
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-{os.getpid()}-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temp, path)
    except (OSError, ValueError):
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _digest(name: str, html: str, text: str, headings: Any, finds: str) -> str:
    """A checksum over an entry and its key: a damaged or edited entry fails it."""
    blob = json.dumps([name, html, text, headings, finds], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _entry(name: str, raw: Any) -> Entry | None:
    """A cached value, if it has exactly the expected shape and its checksum holds."""
    if not (isinstance(raw, list) and len(raw) == 5 and isinstance(raw[0], str)
            and isinstance(raw[1], str) and isinstance(raw[2], list) and isinstance(raw[3], str)
            and raw[4] == _digest(name, raw[0], raw[1], raw[2], raw[3])):
        return None
    headings = []
    for item in raw[2]:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], int)
                and isinstance(item[1], str) and isinstance(item[2], str)):
            return None
        headings.append(Heading(item[0], item[1], item[2]))
    return raw[0], raw[1], tuple(headings), raw[3]


@dataclass(slots=True)
class RenderCache:
    """Rendered bodies by key; loaded from and saved to one JSON file."""

    path: Path | None
    """The file, or None for a cache that is not kept (a preview, a test)."""
    entries: dict[str, Entry] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    """Keys read or written in this build: only those are saved (no unbounded growth)."""
    changed: bool = False

    @classmethod
    def open(cls, root: Path) -> RenderCache:
        """The cache of the site at `root`; empty if missing, unreadable or of another kind."""
        path = root / CACHE_DIR / "render.json"
        cache = cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            return cache
        if not (isinstance(data, dict) and data.get("format") == FORMAT
                and isinstance(data.get("entries"), dict)):
            return cache
        for name, raw in data["entries"].items():
            entry = _entry(str(name), raw)
            if entry is not None:
                cache.entries[name] = entry
        return cache

    def use(self, name: str, entry: Entry | None) -> None:
        """Note that this build used entry `name`: one it made (`entry`), or, with None, one
        it found here."""
        if entry is not None and self.entries.get(name) != entry:
            self.entries[name] = entry
            self.changed = True
        self.used.add(name)

    def save(self) -> None:
        """Write the entries this build used, atomically; a failure only costs speed."""
        if self.path is None or not (self.changed or self.used != set(self.entries)):
            return
        entries = {}
        for name, (html, text, headings, finds) in sorted(self.entries.items()):
            if name in self.used:
                listed = [[h.level, h.text, h.anchor] for h in headings]
                entries[name] = [html, text, listed, finds,
                                 _digest(name, html, text, listed, finds)]
        data = {"format": FORMAT, "entries": entries}
        _write_json(self.path, data)


# --------------------------------------------------------------------------- build stamps


@lru_cache(maxsize=1)
def code_id() -> str:
    """A hash of readsite's own code (every module) and the libraries that shape output."""
    digest = hashlib.sha256(renderer_id().encode())
    for module in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(module.read_bytes())
    _add_versions(digest, ("jinja2", "pyyaml", "python-slugify"))
    return digest.hexdigest()


def inputs_digest(settings: str, paths: list[Path]) -> str:
    """A hash of everything a build reads: `settings` (the config and options, as text),
    readsite's code, and the bytes of every file under `paths`."""
    digest = hashlib.sha256(f"{code_id()}\0{settings}".encode("utf-8", "surrogatepass"))
    for top in paths:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            digest.update(f"\0{path}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def output_listing(folder: Path) -> dict[str, list[int]]:
    """Every file in a built folder with its size and modification time."""
    listing: dict[str, list[int]] = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = Path(directory, name)
            stat = path.stat()
            listing[path.relative_to(folder).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return listing


@dataclass(slots=True)
class BuildStamps:
    """What the last builds into each output folder were made from (`build.json`)."""

    path: Path
    stamps: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def open(cls, root: Path) -> BuildStamps:
        """The stamps of the site at `root`; none if missing or unreadable."""
        path = root / CACHE_DIR / "build.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            data = None
        ok = isinstance(data, dict) and data.get("format") == FORMAT
        return cls(path, data["builds"] if ok and isinstance(data.get("builds"), dict) else {})

    def up_to_date(self, output: Path, digest: str) -> bool:
        """Whether `output` holds, untouched, what a build from `digest` wrote."""
        stamp = self.stamps.get(str(output))
        if not (isinstance(stamp, dict) and stamp.get("inputs") == digest and output.is_dir()):
            return False
        try:
            return bool(output_listing(output) == stamp.get("files"))
        except OSError:
            return False

    def record(self, output: Path, digest: str) -> None:
        """Remember that `output` was just built from `digest` (kept for 8 folders)."""
        self.stamps.pop(str(output), None)
        self.stamps[str(output)] = {"inputs": digest, "files": output_listing(output)}
        while len(self.stamps) > 8:
            self.stamps.pop(next(iter(self.stamps)))
        _write_json(self.path, {"format": FORMAT, "builds": self.stamps})

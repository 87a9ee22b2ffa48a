"""`readsite import`: turn raw files into `content/<slug>.md` articles without losing human work.

One module per input format exposes `read(raw, path) -> Normalised`; this module picks the
module by suffix and owns the orchestration.  Imports are planned in full before anything is
written: every input is read and every target checked first, and if any input is refused the
whole run is refused (one `ImportRefused` listing every problem) and nothing is written.

An imported file records where it came from (`imported_from`), a hash of the input
(`import_hash`) and a hash of the body it wrote (`body_hash`).  Those are what make a re-import
safe: an unchanged input gives a byte-identical file; a body a human edited (its hash no longer
matches) is never overwritten without `--force`; and front matter values a human changed are
kept and reported.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readsite import frontmatter
from readsite.config import TopicConfig
from readsite.errors import ImportRefused, Problem, ReadsiteError
from readsite.importers import markdown, text
from readsite.markdown import render
from readsite.normalise import Normalised, make_slug
from readsite.topics import classify

Reader = Callable[[str, Path], Normalised]

READERS: dict[str, Reader] = {
    "": text.read,
    ".txt": text.read,
    ".text": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
}
"""Input suffix (lowercase) → the importer that reads it."""

MANAGED_KEYS = ("imported_from", "import_hash", "body_hash")
"""Keys that describe the import itself: always rewritten, never "kept"."""

HASH_LENGTH = 16
"""Hex digits of sha256 kept in `import_hash` / `body_hash`: plenty to detect an edit."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing one input did (or, in a dry run, would do)."""

    source: Path
    """The input file."""
    target: Path
    """The article file written (or that would be written)."""
    action: str
    """"created", "updated" or "unchanged" (the CLI says "would be ..." for a dry run)."""
    kept: tuple[str, ...] = ()
    """Front matter keys whose human-edited values were kept instead of the import's."""


@dataclass(frozen=True, slots=True)
class _Plan:
    """One input's planned write, decided before anything is written."""

    source: Path
    target: Path
    text: str
    action: str
    kept: tuple[str, ...]


def short_hash(data: bytes) -> str:
    """First HASH_LENGTH hex digits of the sha256 of `data`."""
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def body_hash(body: str) -> str:
    """The `body_hash` of an article body: its text without surrounding blank space."""
    return short_hash(body.strip().encode("utf-8"))


def supported_suffixes() -> str:
    """The suffixes `import` reads, for messages."""
    return ", ".join(s for s in READERS if s) + " (or no suffix)"


def reader_for(path: Path) -> Reader:
    """The importer for `path`'s suffix; ImportRefused naming the file if there is none."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportRefused.at(
            path, None, f"cannot import `{path.suffix}` files",
            f"supported: {supported_suffixes()}",
        )
    return reader


def collect_inputs(paths: Sequence[Path], into: Path) -> tuple[list[Path], list[Problem]]:
    """Input files: given files as they are, directories walked (sorted) for supported files."""
    found: list[Path] = []
    problems: list[Problem] = []
    into_resolved = into.resolve()
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                inside_target = child.resolve().is_relative_to(into_resolved)
                if (child.is_file() and not hidden and not inside_target
                        and child.suffix.lower() in READERS and child.suffix):
                    found.append(child)
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem("no such file or folder", path, None,
                                    "check the path you passed to `readsite import`"))
    return found, problems


def read_input(path: Path) -> tuple[bytes, str]:
    """The input's bytes and text; ImportRefused naming the file if unreadable or not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused.at(path, None, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        return data, data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRefused.at(
            path, line, "the file is not UTF-8 text",
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
        ) from None


def article_meta(
    article: Normalised, source: Path, data: bytes, topics: Sequence[TopicConfig]
) -> dict[str, Any]:
    """The front matter a fresh import writes (empty optional values are left out)."""
    meta: dict[str, Any] = {"title": article.title, "slug": make_slug(article.title)}
    for key, value in (("source", article.source), ("author", article.author),
                       ("url", article.url), ("date", article.date),
                       ("summary", article.summary)):
        if value:
            meta[key] = value
    # Classify the rendered plain text, exactly as the build does, so `check --explain`
    # never reports a difference that only Markdown escapes made.
    meta["topics"] = list(classify(article.title, render(article.body).text, topics))
    meta["imported_from"] = source.name
    meta["import_hash"] = short_hash(data)
    meta["body_hash"] = body_hash(article.body)
    return meta


def merge_meta(
    fresh: dict[str, Any], existing: dict[str, Any]
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Fresh front matter, but with every value a human changed or added kept; (meta, kept)."""
    merged = dict(fresh)
    kept: list[str] = []
    for key, value in existing.items():
        if key in MANAGED_KEYS:
            continue
        if key not in fresh or fresh[key] != value:
            merged[key] = value
            kept.append(key)
    order = {key: index for index, key in enumerate(frontmatter.KEY_ORDER)}
    return merged, tuple(sorted(kept, key=lambda k: (order.get(k, len(order)), k)))


def index_imported(into: Path) -> dict[str, list[Path]]:
    """`imported_from` name → existing articles in `into` that were imported from it."""
    found: dict[str, list[Path]] = {}
    if not into.is_dir():
        return found
    for path in sorted(into.glob("*.md")):
        try:
            document = frontmatter.parse(path.read_text(encoding="utf-8"), path)
        except (OSError, UnicodeDecodeError, ReadsiteError):
            continue  # not one of ours; if it is a target, `plan_one` reports why it is unusable
        name = document.meta.get("imported_from")
        if isinstance(name, str) and name:
            found.setdefault(name, []).append(path)
    return found


def plan_one(
    source: Path, into: Path, topics: Sequence[TopicConfig], imported: dict[str, list[Path]],
    force: bool,
) -> _Plan:
    """Decide what importing `source` writes; ImportRefused if that would lose human work."""
    reader = reader_for(source)
    data, raw = read_input(source)
    try:
        article = reader(raw, source)
    except ReadsiteError as exc:
        raise ImportRefused(*exc.problems) from None
    if not article.title and not article.body:
        raise ImportRefused.at(source, None, "the file holds no article text")
    fresh = article_meta(article, source, data, topics)
    text_out = frontmatter.dump(fresh, article.body)
    slug_target = into / f"{fresh['slug']}.md"
    matches = imported.get(source.name, [])
    existing = slug_target if slug_target in matches else (matches[0] if matches else slug_target)
    if not existing.exists():
        return _Plan(source, existing, text_out, "created", ())
    try:
        current = existing.read_bytes()
        text_in = current.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        if force:
            return _Plan(source, existing, text_out, "updated", ())
        raise ImportRefused.at(existing, None, f"cannot read the existing article: {exc}",
                               "fix or move it, or pass --force to overwrite it") from None
    if force:
        return _Plan(source, existing, text_out, _action(current, text_out), ())
    try:
        document = frontmatter.parse(text_in, existing)
    except ReadsiteError as exc:
        raise ImportRefused(*exc.problems, Problem(
            f"{source} would overwrite this article, which cannot be parsed", existing, None,
            "fix it, or pass --force to overwrite it")) from None
    old = document.meta
    if not old.get("import_hash") or old.get("imported_from") != source.name:
        origin = old.get("imported_from")
        what = f"imported from {origin}" if origin else "written by hand"
        raise ImportRefused.at(
            existing, None, f"importing {source} would overwrite this article ({what})",
            "rename the input's title, move the article, or pass --force to overwrite it",
        )
    if old.get("body_hash") != body_hash(document.body):
        raise ImportRefused.at(
            existing, document.body_line,
            f"the body was edited by hand since it was imported from {source.name}",
            "keep your edits by not re-importing, or pass --force to overwrite them",
        )
    merged, kept = merge_meta(fresh, old)
    text_out = frontmatter.dump(merged, article.body)
    return _Plan(source, existing, text_out, _action(current, text_out), kept)


def _action(current: bytes, text_out: str) -> str:
    """"unchanged" if the existing article's bytes are exactly `text_out`, else "updated"."""
    return "unchanged" if current == text_out.encode("utf-8") else "updated"


def collisions(plans: Sequence[_Plan]) -> list[Problem]:
    """Problems for inputs that would write the same article (same slug or same file name)."""
    problems: list[Problem] = []
    by_target: dict[Path, list[_Plan]] = {}
    for plan in plans:
        by_target.setdefault(plan.target, []).append(plan)
    for target, group in by_target.items():
        if len(group) > 1:
            names = " and ".join(str(p.source) for p in group)
            for plan in group:
                problems.append(Problem(
                    f"{names} would all be imported as {target.name}", plan.source, None,
                    "give one of them a different title, or import them separately",
                ))
    return problems


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` via a temporary file in the same folder and os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.tmp-")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes 0600 files; an article should get the mode it had, or a normal one.
        os.chmod(name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def import_paths(
    paths: Sequence[Path], into: Path, topics: Sequence[TopicConfig], *,
    force: bool = False, dry_run: bool = False,
) -> list[ImportResult]:
    """Import files (and folders of them) into `into`; all or nothing, never losing edits."""
    inputs, problems = collect_inputs(paths, into)
    imported = index_imported(into)
    plans: list[_Plan] = []
    for source in inputs:
        try:
            plans.append(plan_one(source, into, topics, imported, force))
        except ImportRefused as exc:
            problems.extend(exc.problems)
    problems.extend(collisions(plans))
    error = ImportRefused.collect(problems)
    if error is not None:
        raise error
    if not dry_run:
        for plan in plans:
            if plan.action != "unchanged":
                write_atomic(plan.target, plan.text)
    return [ImportResult(p.source, p.target, p.action, p.kept) for p in plans]

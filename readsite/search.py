"""Search: the Pagefind index over the written site, and the small index for `file://`.

Pagefind (the `pagefind[bin]` package ships its binary) reads the rendered pages and writes a
chunked, compressed index the browser fetches piece by piece, so a search of 10,000 articles
downloads kilobytes; a hand-written index would be one big file.  It runs over the staged
folder, after every page is written and before the swap, so the index always matches the
pages beside it.  Only what the article template marks `data-pagefind-body` is indexed (the
article and the entities it names); its topic and outlet are `data-pagefind-filter`s.

Pagefind's script cannot load from `file://` (browsers refuse module imports there), so the
search page falls back to `search/index.js`: titles, summaries, outlets and topics as one
script, small enough to load whole (`fallback_entries`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from readsite.errors import BuildError
from readsite.models import Collection

BUNDLE = "pagefind"
"""Folder of the site the index is written to (Pagefind's default, which its script expects)."""
SUMMARY_CHARS = 160
"""Characters of each summary kept in the `file://` index: enough to recognise an article,
while 10,000 of them stay a few megabytes."""
MARKED = b"data-pagefind-body"
"""What marks a page Pagefind indexes (the article template puts it on the article)."""
DIGEST_FILE = "pages.sha256"
"""In the kept copy of the last index: the `pages_digest` it was made from."""
HINT = "set `search: false` in site.yaml to build without search"


def executable() -> Path:
    """The Pagefind binary: the one `pagefind[bin]` installed, else one on PATH."""
    try:
        import pagefind_bin

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError):
        found = shutil.which("pagefind")
        if found:
            return Path(found)
    raise BuildError.at(None, None, "cannot build the search index: Pagefind is not installed",
                        f"install it with `pip install 'pagefind[bin]'`, or {HINT}")


def index_site(folder: Path, kept: Path | None = None) -> bool:
    """Write the Pagefind index of the built site in `folder` to `folder/pagefind/`; True
    when it was taken from `kept` instead (see `reuse`)."""
    binary = executable()
    digest = pages_digest(folder, binary) if kept is not None else ""
    if kept is not None and reuse(kept, digest, folder / BUNDLE):
        return True
    command = [str(binary), "--site", str(folder), "--output-subdir", BUNDLE, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BuildError.at(None, None, f"cannot run Pagefind ({command[0]}): {exc.strerror}",
                            HINT) from None
    if result.returncode != 0 or not (folder / BUNDLE / "pagefind.js").is_file():
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise BuildError.at(None, None, "Pagefind could not build the search index: "
                            + (" ".join(said[-3:]) or f"exit code {result.returncode}"), HINT)
    if kept is not None:
        keep(folder / BUNDLE, kept, digest)
    return False


def pages_digest(folder: Path, binary: Path) -> str:
    """A digest of what Pagefind reads: every page marked for the index, and Pagefind (the
    `binary`)."""
    digest = hashlib.sha256(str(binary.stat().st_size).encode())
    for path in sorted(folder.rglob("*.html")):
        data = path.read_bytes()
        if MARKED in data:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def reuse(kept: Path, digest: str, bundle: Path) -> bool:
    """Link the index kept by the last build into `bundle` when its pages were the same.

    Pagefind writes its filter and metadata files in a different order on every run
    (Pagefind/pagefind#638), so without this, rebuilding an unchanged site would change the
    site, and every `readsite publish` would push a commit; it also saves the index's time
    (a minute at 10,000 articles) when only a list page or the theme changed."""
    stamp = kept / DIGEST_FILE
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != digest:
        return False
    return link_index(kept / BUNDLE, bundle)


def link_index(source: Path, bundle: Path) -> bool:
    """Link the index at `source` (a `pagefind/` folder) into `bundle`; False if it has none."""
    if not (source / "pagefind.js").is_file():
        return False
    shutil.copytree(source, bundle, copy_function=_link)
    return True


def keep(bundle: Path, kept: Path, digest: str) -> None:
    """Keep a link to each file of the index just written, for the next build's `reuse`."""
    shutil.rmtree(kept, ignore_errors=True)
    kept.mkdir(parents=True)
    shutil.copytree(bundle, kept / BUNDLE, copy_function=_link)
    (kept / DIGEST_FILE).write_text(digest, encoding="utf-8")  # last: only a whole copy counts


def _link(source: str, target: str) -> None:
    """A hard link (no bytes copied; Pagefind never rewrites a file), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def sources(collection: Collection) -> list[str]:
    """The outlets articles come from, most articles first: the search page's filter."""
    counts = Counter(a.source for a in collection.articles if a.source)
    return sorted(counts, key=lambda name: (-counts[name], name.casefold()))


def fallback_entries(collection: Collection) -> list[list[str]]:
    """Per article [path, title, summary, outlet, author, date, topics]: what the `file://`
    search matches and shows (a list each, not an object: the keys would double its size)."""
    entries = []
    for article in collection.articles:
        summary = " ".join(article.summary.split())
        if len(summary) > SUMMARY_CHARS:
            summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
        entries.append([f"articles/{article.slug}/", article.title, summary, article.source,
                        article.author, article.date.isoformat() if article.date else "",
                        "\n".join(t.name for t in collection.article_topics[article.slug])])
    return entries

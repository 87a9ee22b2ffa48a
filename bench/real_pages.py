"""How `readsite import` does on real web pages: saved as HTML, and pasted as a reader copies them.

    python bench/real_pages.py make readability GIT_DIR OUT    # mozilla/readability's pages
    python bench/real_pages.py make aeb GIT_DIR OUT    # scrapinghub/article-extraction-benchmark
    python bench/real_pages.py score OUT [--split train|test|all] [--verbose]

The clip fixtures are written by people, and rules tuned on them generalise poorly (see
tests/fixtures/clip/README.md), so this measures on pages nobody wrote for readsite.  GIT_DIR is
a bare clone of the corpus (`fetch github:mozilla/readability` gives one); the pages are never
copied into this repository.

`make` writes, per page, `<name>.html` (the page as saved) and `<name>.txt`: what select-all and
copy gives in Chromium (`document.body.innerText`, JavaScript off, every request but the page
itself refused, `<noscript>` hidden as a reader's browser would), plus `truth.json`: the
article's paragraphs and headings as the corpus extracts them, and its metadata where the
corpus gives it (readability: title, byline, site name, date; the benchmark: only the body, and
a headline where the page's `<h1>` agrees with its `og:title`).

`score` imports each page both ways in-process and prints, per importer: title, author, source
and date right (of the pages whose truth gives one), headings kept as `##`, paragraphs kept
(recall; a paragraph is 40 characters or more) and furniture kept: body lines of 20 characters
or more that are nowhere in the corpus's article.  Pages are split by sorted name, even places
TRAIN and odd places TEST: a tuning round may read TRAIN's misses (`--verbose`), never TEST's,
whose table alone is printed.  Comparisons fold case, quotes, dashes and white space.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from readsite.importers import text as text_importer  # noqa: E402
from readsite.importers.html import read_page  # noqa: E402
from readsite.importers.inputs import decode  # noqa: E402
from readsite.normalise import fold  # noqa: E402

MIN_CHARS = 500
"""A paste shorter than this is no article page (readability's unit-test snippets)."""
NOT_ARTICLE = frozenset({"mathjax"})
"""readability test pages that are markup tests, not articles."""
PAGE_URL = "http://real-pages.invalid/page.html"
if TYPE_CHECKING:
    from playwright.sync_api import Route

FIELDS = ("title", "author", "source", "date", "headings", "recall")


def _git(git_dir: str, path: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"],
                          capture_output=True, check=False).stdout


def _squash(text: str) -> str:
    return " ".join(text.split())


def _readability(git_dir: str) -> dict[str, tuple[bytes, dict[str, Any]]]:
    """Each test page: its source and what readability expects of it."""
    from lxml import html as lh  # type: ignore[import-untyped]

    listing = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", "HEAD", "--name-only",
                              "test/test-pages/"], capture_output=True, text=True, check=True)
    pages: dict[str, tuple[bytes, dict[str, Any]]] = {}
    for folder in listing.stdout.split():
        meta = json.loads(_git(git_dir, f"{folder}/expected-metadata.json") or b"{}")
        shown = _git(git_dir, f"{folder}/expected.html").decode("utf-8", "replace")
        article = lh.fromstring(shown or "<div></div>")
        paragraphs = []
        for element in article.iter("p", "li", "pre", "blockquote", "dd"):
            if element.tag in ("li", "blockquote", "dd") and element.find(".//p") is not None:
                continue
            if element.tag == "li" and element.find(".//li") is not None:
                continue
            if len(text := _squash(element.text_content())) >= 40:
                paragraphs.append(text)
        pages[folder.rsplit("/", 1)[-1]] = (_git(git_dir, f"{folder}/source.html"), {
            "meta": {k: meta.get(k) or "" for k in ("title", "byline", "siteName",
                                                     "publishedTime")},
            "heads": [h for h in (_squash(h.text_content()) for h in article.iter("h2", "h3"))
                      if h],
            "paras": paragraphs, "text": _squash(article.text_content())})
    return pages


def _headline(source: bytes) -> str:
    """The page's `<h1>` that agrees with its og:title (or `<title>`), else ""."""
    from lxml import html as lh

    try:  # as text: lxml reads bytes without a declared charset as Latin-1
        page = lh.fromstring(source.decode("utf-8", "replace"))
    except ValueError:  # a string with an XML encoding declaration
        page = lh.fromstring(source)
    said = fold(_squash(page.xpath('string(//meta[@property="og:title"]/@content)')
                        or page.xpath("string(//title)")))
    for heading in page.iter("h1"):
        text = _squash(heading.text_content())
        if len(text) > 15 and said and (fold(text) == said or said.startswith(fold(text))
                                        or fold(text).startswith(said)):
            return text
    return ""


def _aeb(git_dir: str) -> dict[str, tuple[bytes, dict[str, Any]]]:
    """Each benchmark page: its source, its article body and, where it is sure, its headline."""
    truth = json.loads(_git(git_dir, "ground-truth.json"))
    pages: dict[str, tuple[bytes, dict[str, Any]]] = {}
    for key, expected in sorted(truth.items()):
        source = gzip.decompress(_git(git_dir, f"html/{key}.html.gz"))
        body = expected["articleBody"]
        pages[key] = (source, {
            "meta": {"title": _headline(source), "byline": "", "siteName": "",
                     "publishedTime": ""},
            "heads": [], "paras": [p.strip() for p in body.split("\n") if len(p.strip()) >= 40],
            "text": _squash(body)})
    return pages


def _server(source: bytes) -> Callable[[Route], None]:
    """A route handler serving `source` at PAGE_URL and refusing every other request (one
    argument: Playwright passes the request too to a handler taking two)."""
    try:  # saved pages often declare no charset: say UTF-8 where it is, as a server would
        source.decode("utf-8")
        kind = "text/html; charset=utf-8"
    except UnicodeDecodeError:
        kind = "text/html"

    def serve(route: Route) -> None:
        if route.request.url == PAGE_URL:
            route.fulfill(status=200, content_type=kind, body=source)
        else:
            route.abort()
    return serve


def make(kind: str, git_dir: str, out: Path) -> None:
    """Write every page of the corpus, its select-all text and truth.json into `out`."""
    from playwright.sync_api import sync_playwright

    pages = (_readability if kind == "readability" else _aeb)(git_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox"], headless=True)
        context = browser.new_context(java_script_enabled=False,
                                      viewport={"width": 1280, "height": 900})
        for name, (source, _) in pages.items():
            (out / f"{name}.html").write_bytes(source)
            tab = context.new_page()

            tab.route("**/*", _server(source))
            tab.goto(PAGE_URL, wait_until="domcontentloaded", timeout=20000)
            copied = tab.evaluate("""() => {
                for (const n of document.querySelectorAll('noscript')) n.style.display = 'none';
                return document.body ? document.body.innerText : '';
            }""")
            tab.close()
            (out / f"{name}.txt").write_text(copied.rstrip("\n") + "\n", encoding="utf-8")
        browser.close()
    (out / "truth.json").write_text(json.dumps({n: t for n, (_, t) in pages.items()}))
    print(f"{len(pages)} pages written to {out}")


CITATION_RE = re.compile(r"\[(?:\d{1,3}|citation needed|note \d{1,3})\]", re.I)
"""A wiki's citation marker ("exceptions.[1]"), which readability's expectations keep and a
paste's import drops, as issue 6 asks: left out of the expected text (only: an imported
body that keeps a reference link, "([1](url))", is compared as written)."""


def _chars(text: str) -> str:
    """Letters and digits only, folded: robust to spacing, markup and line breaks."""
    return re.sub(r"[\W_]+", "", fold(text))


def _expected(text: str) -> str:
    """`_chars` of a corpus's expected text, whose citation markers may or may not have been
    imported: a paragraph counts as kept either way."""
    return _chars(CITATION_RE.sub("", text))


LINK_TARGET_RE = re.compile(r"\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
"""A Markdown link's target: `](url)`, `](<url>)`, or an address with parentheses in it
(`](https://en.wikipedia.org/wiki/Rust_(programming_language))`)."""


def _plain(line: str) -> str:
    """A Markdown line without its link targets, inline tags (`<u>`, which the reading site
    allows), list or heading marks and escapes."""
    line = re.sub(r"</?[a-z]+>", "", LINK_TARGET_RE.sub("]", line))
    return re.sub(r"^\s*(#+|[-*+]|\d+[.)]|>)\s+", "", line).replace("\\", "")


EDIT_MARK_RE = re.compile(r"\s*\[edit\]\s*$")
"""The section-edit link readability's expectations keep in a wiki page's headings
("Properties[edit]"); the importer leaves it out, as a reader would."""
BYLINE_WORD_RE = re.compile(r"^\s*(by|par|por|von)\s+", re.I)

Tally = dict[str, list[int]]


STATED = ("title", "author", "source")
"""Fields also scored only where the page's text states the expected value ("title*"): a
paste holds no `<meta>` tags, so a site name given only there cannot be found from it."""


def score_page(body: str, found: dict[str, str], truth: dict[str, Any],
               misses: list[str], shown: str = "") -> tuple[Tally, int, int]:
    """Right/asked per field, furniture lines kept, body lines; each miss appended to `misses`.
    `shown` is what the reader could see (the paste): title*, author* and source* count only
    pages whose expected value it holds."""
    tally: Tally = {k: [0, 0] for k in (*FIELDS, *(f"{f}*" for f in STATED))}
    seen = _chars(shown)

    def check(field: str, ok: bool, want: str, got: str) -> None:
        stated = field in STATED and bool(seen) and _chars(BYLINE_WORD_RE.sub("", want)) in seen
        for key in (field, f"{field}*") if stated else (field,):
            tally[key][1] += 1
            tally[key][0] += ok
        if not ok:
            misses.append(f"  {field}: want {want!r} got {got!r}" + (" [stated]" if stated else ""))

    meta = truth["meta"]
    if meta["title"]:
        want, got = fold(meta["title"]), fold(found["title"])
        check("title", bool(got) and (got == want or want.startswith(got)
                                      or got.startswith(want)), meta["title"], found["title"])
    if meta["byline"]:
        want, got = fold(BYLINE_WORD_RE.sub("", meta["byline"])), fold(found["author"])
        check("author", bool(got) and (got in want or want in got), meta["byline"],
              found["author"])
    if meta["siteName"]:
        check("source", fold(found["source"]) == fold(meta["siteName"]), meta["siteName"],
              found["source"])
    if meta["publishedTime"]:
        check("date", found["date"] == meta["publishedTime"][:10], meta["publishedTime"],
              found["date"])
    headings = {fold(_plain(line).strip().strip("*_")) for line in body.split("\n")
                if line.startswith("#")}
    for heading in truth["heads"]:
        heading = EDIT_MARK_RE.sub("", heading)  # MediaWiki's "[edit]" link is no heading text
        if heading:
            check("headings", fold(heading.strip("*_")) in headings, heading, "")
    kept_text = _chars(_plain(body))
    for paragraph in truth["paras"]:
        check("recall", _chars(paragraph) in kept_text or _expected(paragraph) in kept_text,
              paragraph[:100], "lost")
    article, expected = _chars(truth["text"]), _expected(truth["text"])
    lines = [_plain(line).strip() for line in body.split("\n")]
    lines = [line for line in lines if len(line) >= 20]
    furniture = [line for line in lines
                 if _chars(line) not in article and _chars(line) not in expected]
    misses.extend(f"  furniture: {line[:100]!r}" for line in furniture)
    return tally, len(furniture), len(lines)


def _import(kind: str, folder: Path, name: str) -> tuple[str, dict[str, str]]:
    """The body and front matter `readsite import` makes of page `name`, pasted or saved."""
    if kind == "text":
        path = folder / f"{name}.txt"
        record = text_importer.read(decode(path.read_bytes(), path), Path(f"{name}.txt"))
    else:
        path = folder / f"{name}.html"
        record = read_page(path.read_bytes().decode("utf-8", "replace"), Path(f"{name}.html"))
    return record.body or "", {"title": record.title or "", "author": record.author or "",
                               "source": record.source or "", "date": str(record.date or "")}


def score(folder: Path, split: str, verbose: bool) -> None:
    """Print TRAIN's and TEST's tables for the pasted and the saved page of each page."""
    truth: dict[str, Any] = json.loads((folder / "truth.json").read_text())
    usable = [name for name in sorted(truth) if name not in NOT_ARTICLE
              and len(text := (folder / f"{name}.txt").read_text(encoding="utf-8")) >= MIN_CHARS
              and "lorem ipsum" not in text.lower()]
    halves = {"train": usable[0::2], "test": usable[1::2]}
    print(f"{folder}: {len(usable)} usable pages of {len(truth)}")
    for label in ("train", "test"):
        if split not in ("all", label):
            continue
        for kind in ("text", "html"):
            total: Tally = {k: [0, 0] for k in (*FIELDS, *(f"{f}*" for f in STATED))}
            kept = lines = failed = 0
            for name in halves[label]:
                misses: list[str] = []
                try:
                    body, found = _import(kind, folder, name)
                except Exception as exc:  # a crash is scored, not raised
                    failed += 1
                    misses.append(f"  FAILED: {type(exc).__name__}: {exc}")
                    body, found = "", dict.fromkeys(("title", "author", "source", "date"), "")
                shown = ((folder / f"{name}.txt").read_text(encoding="utf-8")
                         if kind == "text" else "")
                tally, furniture, counted = score_page(body, found, truth[name], misses, shown)
                for field, (right, asked) in tally.items():
                    total[field][0] += right
                    total[field][1] += asked
                kept, lines = kept + furniture, lines + counted
                if verbose and label == "train" and misses:
                    print(f"{kind} {name}:\n" + "\n".join(misses))
            cells = " | ".join(f"{field} {right}/{asked} {100 * right / max(asked, 1):.1f}%"
                               for field, (right, asked) in total.items()
                               if asked and not field.endswith("*"))
            stated = ", ".join(f"{field[:-1]} {right}/{asked}" for field, (right, asked)
                               in total.items() if asked and field.endswith("*"))
            print(f"{label.upper():5} {kind:4} {len(halves[label]):3} pages | {cells} | "
                  f"furniture kept {kept}/{lines} ({100 * kept / max(lines, 1):.1f}%)"
                  + (f" | where the paste states it: {stated}" if stated else "")
                  + (f" | {failed} failed" if failed else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("make", help="write a corpus's pages and truth")
    making.add_argument("kind", choices=("readability", "aeb"))
    making.add_argument("git_dir")
    making.add_argument("out", type=Path)
    scoring = commands.add_parser("score", help="score both importers on a made corpus")
    scoring.add_argument("folder", type=Path)
    scoring.add_argument("--split", choices=("train", "test", "all"), default="all")
    scoring.add_argument("--verbose", action="store_true", help="TRAIN's misses, page by page")
    args = parser.parse_args(argv)
    run: Callable[[], None] = (
        (lambda: make(args.kind, args.git_dir, args.out)) if args.command == "make"
        else (lambda: score(args.folder, args.split, args.verbose)))
    run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

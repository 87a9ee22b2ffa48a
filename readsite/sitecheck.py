"""Check a built site for what breaks readers and publishers, before anyone else finds it.

A build can succeed and still publish a site with links to pages that are not there, anchors
that name no heading, images that are missing, pages nothing links to, two pages that collide
on a case-insensitive host, or a feed that readers reject.  `readsite check --strict` and
`readsite publish` run these checks on the output; a finding names the output file and says
what is wrong in the reader's terms.

The checks take the built output as a mapping (output-relative posix path -> bytes) rather
than a folder, so they run unchanged on the in-memory build (`pipeline.render_site`) and on a
folder on disk (`read_folder`), and tests can describe a whole site as a small dict.  Links are
resolved the way a browser resolves them: against the page's URL, under the site's base path,
and — with `file_urls` — the way a site opened from disk (`file://`) sees them.
"""

from __future__ import annotations

import difflib
import posixpath
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from readsite.crosslinks.backlinks import outgoing
from readsite.errors import CheckError, Problem
from readsite.models import Article
from readsite.sanitise import TolerantParser

ATOM = "{http://www.w3.org/2005/Atom}"
"""Namespace prefix of Atom elements as ElementTree names them."""
SRC_TAGS = ("img", "script", "source", "iframe", "video", "audio")
"""Elements whose `src` the page loads."""
IMAGE_TAGS = ("img", "source")
"""Elements whose missing `src`/`srcset` is a missing image rather than a broken link."""
VERBS = {"a": "links to", "area": "links to", "img": "shows image", "source": "shows image"}
"""How a finding describes each kind of reference; anything else "loads" its target."""
HOME, NOT_FOUND = "index.html", "404.html"
"""The two pages that need no link to them."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the built site."""

    kind: str
    """broken-link, broken-anchor, missing-image, duplicate-url, orphan, bad-feed or
    missing-article."""
    page: str
    """The file at fault: output-relative (`articles/a/index.html`), or for a
    missing-article the article's source file, where the writer fixes it."""
    message: str
    """What is wrong, in the user's terms."""
    line: int | None = None
    """1-based line in `page`, when known (source files)."""

    def __str__(self) -> str:
        where = f"{self.page}:{self.line}" if self.line else self.page
        return f"{where}: {self.message} ({self.kind})"


class _Page(TolerantParser):
    """The ids, outgoing references and canonical address of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []
        """(tag, url) for every href, src and srcset candidate, in page order."""
        self.canonical: str | None = None
        self.noindex = False
        """`<meta name="robots" content="noindex">`: a redirect from an old address, which
        no page needs to link to and which shares its target's canonical address."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record what one start tag names or refers to."""
        a = {name: value for name, value in attrs if value is not None}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag in ("a", "link", "area") and "href" in a:
            self.refs.append((tag, a["href"].strip()))
        if tag in SRC_TAGS and "src" in a:
            self.refs.append((tag, a["src"].strip()))
        if tag in IMAGE_TAGS and "srcset" in a:
            candidates = (c.split() for c in a["srcset"].split(","))
            self.refs.extend((tag, words[0]) for words in candidates if words)
        if tag == "link" and "canonical" in a.get("rel", "").lower().split() and "href" in a:
            self.canonical = a["href"].strip()
        if tag == "meta" and a.get("name") == "robots" and a.get("content") == "noindex":
            self.noindex = True


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, as posix relative path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _page_url(relpath: str, root: str) -> str:
    """The URL path a host serves `relpath` at (`a/index.html` -> `{root}a/`), percent-encoded."""
    served = relpath[: -len(HOME)] if posixpath.basename(relpath) == HOME else relpath
    return quote(root + served)


def _absolute(url: str, page: str, root: str) -> str:
    """The decoded URL path `url` leads to from `page`, as a browser resolves it."""
    # Joined under a placeholder origin: without one, urljoin drops the leading / of "../../x".
    return unquote(urlsplit(urljoin("http://site" + _page_url(page, root), url)).path)


def _resolve(url: str, page: str, root: str, files: Mapping[str, bytes],
             file_urls: bool) -> tuple[str, str, str]:
    """(target file or "", fragment, problem or "") for an internal (scheme-less) `url`."""
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    if not parts.path:  # "#x", "?q" or "": this very document, at whatever URL it has
        return page, fragment, ""
    problem = ""
    if file_urls and parts.path.startswith("/"):
        problem = "a root-relative link, which from file:// leaves the site; make it relative"
    path = _absolute(url, page, root)
    if not path.startswith(root):
        return "", fragment, f"which points outside the site's base path {root}"
    rel = path[len(root):]
    if rel in files:
        return rel, fragment, problem
    folder = rel if rel == "" or rel.endswith("/") else rel + "/"
    if folder + HOME not in files:
        return "", fragment, "which is not in the site"
    if file_urls and not problem:
        problem = "a folder; from file:// it must name index.html"
    return folder + HOME, fragment, problem


def _check_page(page: str, parsed: _Page, pages: Mapping[str, _Page], root: str,
                files: Mapping[str, bytes], file_urls: bool,
                linked: set[str]) -> list[Finding]:
    """Broken links, anchors and images of one page; adds pages it links to to `linked`."""
    found = []
    for tag, url in parsed.refs:
        parts = urlsplit(url)
        relative = parts.path[:1] not in ("", "/")
        if parts.scheme or parts.netloc or (page == NOT_FOUND and relative):
            continue  # external; or 404.html's relative links, which it has at any depth
        # Only a host ever shows 404.html, so it is checked as served over http.
        target, fragment, problem = _resolve(url, page, root, files,
                                             file_urls and page != NOT_FOUND)
        if tag in ("a", "area") and target and target != page:
            linked.add(target)
        verb = VERBS.get(tag, "loads")
        shown = f"{url} (= {_absolute(url, page, root)})" if relative else url
        if problem:
            kind = "missing-image" if tag in IMAGE_TAGS else "broken-link"
            found.append(Finding(kind, page, f"{verb} {shown}, {problem}"))
        elif (fragment and fragment.lower() != "top" and target in pages
              and fragment not in pages[target].ids):
            where = "this page" if target == page else target
            found.append(Finding("broken-anchor", page,
                                 f"{verb} {shown}, but {where} has no id {fragment}"))
    return found


def _duplicates(files: Mapping[str, bytes], pages: Mapping[str, _Page],
                root: str) -> list[Finding]:
    """Files that collide on a case-insensitive host; pages sharing a canonical address."""
    found = []
    by_case: dict[str, list[str]] = defaultdict(list)
    for relpath in files:
        by_case[relpath.lower()].append(relpath)
    by_canonical: dict[str, list[str]] = defaultdict(list)
    for relpath, parsed in pages.items():
        if parsed.canonical is not None and not parsed.noindex:
            by_canonical[urljoin(_page_url(relpath, root), parsed.canonical)].append(relpath)
    for group in by_case.values():
        for relpath in group:
            others = ", ".join(sorted(set(group) - {relpath}))
            if others:
                found.append(Finding("duplicate-url", relpath, f"differs from {others} only by "
                                     "letter case; a case-insensitive host serves just one"))
    for canonical, group in by_canonical.items():
        for relpath in group:
            others = ", ".join(sorted(set(group) - {relpath}))
            if others:
                found.append(Finding("duplicate-url", relpath, f"declares the same canonical "
                                     f"address {canonical} as {others}"))
    return found


def _text(element: ET.Element, name: str) -> str:
    """The stripped text of `element`'s Atom child `name`, or ""."""
    child = element.find(ATOM + name)
    return (child.text or "").strip() if child is not None else ""


def _is_rfc3339(text: str) -> bool:
    """Whether `text` is a date-time with a time zone, as Atom's <updated> must be."""
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return "T" in text and parsed.tzinfo is not None
    except ValueError:
        return False


def _feed_problems(feed: ET.Element) -> list[str]:
    """What makes an Atom feed unreadable to feed readers."""
    if feed.tag != ATOM + "feed":
        return [f"is not an Atom feed: its root element is <{feed.tag.rpartition('}')[2]}>"]
    problems = [f"the feed has no <{name}>" for name in ("id", "title", "updated")
                if not _text(feed, name)]
    if _text(feed, "updated") and not _is_rfc3339(_text(feed, "updated")):
        problems.append(f"the feed's <updated> {_text(feed, 'updated')} is not an RFC 3339 "
                        "date-time (like 2026-01-01T00:00:00Z)")
    first_with_id: dict[str, int] = {}
    for n, entry in enumerate(feed.findall(ATOM + "entry"), 1):
        title = _text(entry, "title")
        label = f'entry {n} "{title}"' if title else f"entry {n}"
        problems += [f"{label} has no <{name}>" for name in ("id", "title", "updated")
                     if not _text(entry, name)]
        updated = _text(entry, "updated")
        if updated and not _is_rfc3339(updated):
            problems.append(f"{label}'s <updated> {updated} is not an RFC 3339 date-time")
        if not any(link.get("href") for link in entry.findall(ATOM + "link")):
            problems.append(f"{label} has no <link href>")
        entry_id = _text(entry, "id")
        if entry_id in first_with_id:
            problems.append(f"{label} has the same id as entry {first_with_id[entry_id]}: "
                            f"{entry_id}")
        elif entry_id:
            first_with_id[entry_id] = n
    return problems


def _check_xml(relpath: str, data: bytes, root: str,
               files: Mapping[str, bytes]) -> list[Finding]:
    """A feed must be a readable Atom feed; a sitemap must parse and list only real pages."""
    name = posixpath.basename(relpath)
    named_feed = name == "feed.xml" or name.endswith(".atom")
    try:
        element = ET.fromstring(data)
    except ET.ParseError as exc:
        if not (named_feed or name == "sitemap.xml"):
            return []
        reason = str(exc).rpartition(": line")[0] or str(exc)
        return [Finding("bad-feed", relpath,
                        f"line {exc.position[0]}: not well-formed XML ({reason})")]
    if named_feed or element.tag == ATOM + "feed":
        return [Finding("bad-feed", relpath, problem) for problem in _feed_problems(element)]
    if name != "sitemap.xml":
        return []
    found = []
    for loc in element.iter():
        address = (loc.text or "").strip()
        if loc.tag.rpartition("}")[2] != "loc" or not address:
            continue
        problem = _resolve(urlsplit(address).path or "/", "", root, files, False)[2]
        if problem:
            found.append(Finding("broken-link", relpath, f"lists {address}, {problem}"))
    return found


def check_files(files: Mapping[str, bytes], base_path: str = "/", *,
                file_urls: bool = False) -> list[Finding]:
    """Every finding in the built site `files` (posix output path -> bytes), served under
    `base_path`; with `file_urls`, as opened from disk, where folders don't serve index.html."""
    root = unquote(base_path if base_path.endswith("/") else base_path + "/")
    pages: dict[str, _Page] = {}
    for relpath, data in files.items():
        if relpath.endswith((".html", ".htm")):
            pages[relpath] = parser = _Page()
            parser.feed(data.decode("utf-8", errors="replace"))
            parser.close()
    found: list[Finding] = []
    linked: set[str] = set()
    for relpath, parsed in pages.items():
        found += _check_page(relpath, parsed, pages, root, files, file_urls, linked)
    found += [Finding("orphan", relpath, "no page links here") for relpath in pages
              if relpath not in linked and relpath not in (HOME, NOT_FOUND)
              and not pages[relpath].noindex]
    found += _duplicates(files, pages, root)
    for relpath, data in files.items():
        if relpath.endswith((".xml", ".atom")):
            found += _check_xml(relpath, data, root, files)
    return sorted(set(found), key=lambda f: (f.page, f.message, f.kind))


def findings_error(findings: Sequence[Finding], what: str) -> CheckError:
    """The one error that `--strict` raises for `findings`, each at its file and line, then
    a count and `what` happened (or did not)."""
    return CheckError(*(Problem(f.message + f" ({f.kind})", Path(f.page), f.line)
                        for f in findings),
                      Problem(f"{len(findings)} problem(s) in the built site; {what}"))


def missing_articles(articles: Sequence[Article], base_path: str = "/",
                     root: Path | None = None) -> list[Finding]:
    """Links in article bodies (`[x](other.md)`, `[[other]]`, `/articles/other/`) to an
    article the site does not have, each at the source file and line where it was written
    (relative to `root`), so the writer fixes it there; a regex over the rendered bodies,
    because this runs on every build."""
    slugs = {article.slug for article in articles}
    guess = _Guesser(slugs)
    found = []
    for article in articles:
        targets = outgoing(article.body_html, base_path)
        for target in (t for t in targets if t not in slugs):
            close = guess(target)
            hint = f"did you mean `{close}`?" if close else "no article has that slug"
            path = article.path
            if root is not None:
                path = path.relative_to(root) if path.is_relative_to(root) else path
            found.append(Finding(
                "missing-article", str(path),
                f"links to the article `{target}`, which does not exist ({hint})",
                _source_line(root / path if root else path, target)))
    return found


class _Guesser:
    """The slug a link to a missing article most likely meant, or "" (difflib's closest
    match, as `get_close_matches` finds it).

    Asking difflib to compare every missing slug with every slug is quadratic: a site copied
    in part, with thousands of links to articles it does not have, took minutes to build.
    So difflib compares only the `SHORTLIST` slugs sharing the most three-letter pieces with
    the missing one (a slug close enough to suggest shares most of them), and each missing
    slug is guessed once.  The pieces are indexed at the first guess: a build whose links all
    resolve (most builds) never pays for it."""

    SHORTLIST = 40

    def __init__(self, slugs: set[str]) -> None:
        self.slugs = slugs
        self.pieces: dict[str, list[str]] = {}
        self.guessed: dict[str, str] = {}

    def _index(self) -> dict[str, list[str]]:
        if not self.pieces:
            pieces: dict[str, list[str]] = defaultdict(list)
            for slug in sorted(self.slugs):
                for piece in self._pieces(slug):
                    pieces[piece].append(slug)
            self.pieces = dict(pieces)
        return self.pieces

    @staticmethod
    def _pieces(slug: str) -> set[str]:
        padded = f" {slug} "
        return {padded[i:i + 3] for i in range(len(padded) - 2)}

    def __call__(self, target: str) -> str:
        if target not in self.guessed:
            shared: Counter[str] = Counter()
            pieces = self._index()
            for piece in self._pieces(target):
                shared.update(pieces.get(piece, ()))
            shortlist = [slug for slug, _ in shared.most_common(self.SHORTLIST)]
            close = difflib.get_close_matches(target, shortlist, n=1)
            self.guessed[target] = close[0] if close else ""
        return self.guessed[target]


def _source_line(path: Path, target: str) -> int | None:
    """The first line of `path` that seems to link to the article `target`."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    spellings = (f"[[{target}", f"{target}.md", f"{target}.markdown", f"articles/{target}/")
    return next((n for n, line in enumerate(lines, 1)
                 if any(spelling in line for spelling in spellings)), None)

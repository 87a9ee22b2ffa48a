"""Links between migrated articles, and the files they show, mapped to their new places.

A blog's posts link to each other by old permalinks (`/2019/03/04/second-post/`), by source
path (`{filename}other.md`, `{% link _posts/x.md %}`, `{{< ref "x.md" >}}`, `../x.md`) and
show files (`/assets/img/a.png`, a page bundle's `diagram.png`, a base64 `data:` image).
`LinkMap` knows every imported article's keys and old URLs, so each of those becomes the new
`/articles/<slug>/` or `/static/...` address; what cannot be resolved is left as written and
reported with its line.  Code blocks and inline code are never touched.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from readsite.errors import Problem

STATIC_URL = "/static/"
"""Where the site's `static/` folder is published."""
DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g|gif|webp|svg\+xml);base64,([A-Za-z0-9+/=\s]+)$")
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")
TARGETS = re.compile(
    r"(?P<md>\]\(\s*(?:<(?!/))?)(?P<mdurl>[^)\s<>\[]+)"             # [text](url "title")
    r"|(?P<ref>^\s{0,3}\[[^\]^][^\]]*\]:\s*<?)(?P<refurl>\S+?)(?=>?(?:\s|$))"  # [id]: url
    r"|(?P<attr>\s(?:href|src)\s*=\s*[\"'])(?P<attrurl>[^\"']+)",   # <a href="url">
    re.MULTILINE,
)


def with_fragment(url: str, fragment: str) -> str:
    """`url#fragment` (the build points `/articles/x/#id` at the article's prefixed id)."""
    return f"{url}#{fragment}" if fragment else url


def normal_path(path: str) -> str:
    """An old site path in one form: no `index.html`, no trailing slash, decoded."""
    path = unquote(path.split("#", 1)[0].split("?", 1)[0])
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return "/" + path.strip("/")


@dataclass(slots=True)
class LinkMap:
    """Every way a migrated article or file can be referred to, and its new address."""

    by_key: dict[str, str] = field(default_factory=dict)
    """Source path relative to its import root ("_posts/2019-03-04-x.md") → new URL."""
    by_old_url: dict[str, str] = field(default_factory=dict)
    """Normalised old site path ("/2019/03/04/x") → new URL."""
    by_name: dict[str, str] = field(default_factory=dict)
    """File stem / post name / bundle folder ("2019-03-04-x", "x") → new URL."""
    old_hosts: set[str] = field(default_factory=set)
    """Hosts the old site answered on: absolute links to them are internal."""

    def add(self, key: str, names: Iterable[str], old_urls: Iterable[str], url: str) -> None:
        """Register one article under all its names."""
        self.by_key.setdefault(key, url)
        for name in names:
            self.by_name.setdefault(name, url)
        for old in old_urls:
            self.by_old_url.setdefault(normal_path(old), url)


@dataclass(slots=True)
class Assets:
    """Files to copy into the site's `static/` folder: destination (relative) → bytes."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add_file(self, source: Path, dest: str) -> str | None:
        """Queue a file; its new URL, or None if it cannot be read."""
        try:
            self.files[dest] = source.read_bytes()
        except OSError:
            return None
        return STATIC_URL + dest

    def add_data(self, url: str, stem: str) -> str | None:
        """Queue a base64 `data:` image as a file named by its hash; its new URL."""
        match = DATA_IMAGE.match(url)
        if match is None:
            return None
        try:
            data = base64.b64decode("".join(match[2].split()), validate=True)
        except (binascii.Error, ValueError):
            return None
        ext = {"jpeg": "jpg", "svg+xml": "svg"}.get(match[1], match[1])
        dest = f"media/{stem}-{hashlib.sha256(data).hexdigest()[:10]}.{ext}"
        self.files[dest] = data
        return STATIC_URL + dest


def static_dest(relpath: str) -> str:
    """Where an asset lands under `static/`: its path, minus a leading static/ or content/."""
    parts = relpath.split("/")
    return "/".join(parts[1:] if parts[0] in ("static", "content") and len(parts) > 1
                    else parts)


def outside_code(body: str, rewrite: Callable[[str, int], str]) -> str:
    """Apply `rewrite(text, first_line)` to the parts of a Markdown body outside code."""
    out: list[str] = []
    chunk: list[str] = []
    fence = ""
    start = 1

    def flush(line_no: int) -> None:
        if chunk:
            text = "".join(chunk)
            pieces = INLINE_CODE.split(text)
            codes = [m.group(0) for m in INLINE_CODE.finditer(text)]
            # INLINE_CODE has one group, so split() interleaves the captured backticks
            plain = pieces[::2]
            merged: list[str] = []
            line = line_no
            for index, part in enumerate(plain):
                merged.append(rewrite(part, line))
                line += part.count("\n")
                if index < len(codes):
                    merged.append(codes[index])
                    line += codes[index].count("\n")
            out.append("".join(merged))
            chunk.clear()

    for number, line in enumerate(body.splitlines(keepends=True), start=1):
        match = FENCE.match(line)
        if fence:
            out.append(line)
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = ""
            continue
        if match:
            flush(start)
            fence = match.group(2)
            out.append(line)
            start = number + 1
            continue
        if line.startswith(("    ", "\t")) and (not chunk or chunk[-1].strip() == ""):
            flush(start)
            out.append(line)
            start = number + 1
            continue
        if not chunk:
            start = number
        chunk.append(line)
    flush(start)
    return "".join(out)


@dataclass(slots=True)
class Rewriter:
    """Rewrites one article's links with a LinkMap; collects notes and assets."""

    links: LinkMap
    assets: Assets
    path: Path
    """The article's source file (relative links resolve against its folder)."""
    root: Path
    """The folder the import was asked for (asset paths are relative to it)."""
    site_root: Path | None
    """The old generator's root (root-relative asset paths resolve against it)."""
    slug: str
    old_url: str = "/"
    """Where the article was published before (relative old links resolve against it)."""
    line_offset: int = 0
    notes: list[Problem] = field(default_factory=list)

    def resolve(self, target: str) -> str | None:
        """The new address for a link target as written, or None if it is not internal."""
        parts = urlsplit(target)
        fragment = parts.fragment
        post = re.search(r"(?:^|&)(?:p|page_id)=(\d+)", parts.query)
        if post and parts.path in ("", "/") and (not parts.netloc
                                                 or parts.hostname in self.links.old_hosts):
            found = self.links.by_name.get(f"wp:{post.group(1)}")  # WordPress `?p=12`
            return with_fragment(found, fragment) if found else None
        if parts.scheme in ("http", "https"):
            if parts.hostname not in self.links.old_hosts:
                return None
            found = self.links.by_old_url.get(normal_path(parts.path))
            return with_fragment(found, fragment) if found else None
        if parts.scheme == "data":
            return self.assets.add_data(target, self.slug)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = unquote(parts.path)
        if path.startswith("/articles/") or path.startswith(STATIC_URL):
            return None  # already a readsite address
        if path.startswith("/"):
            found = self.links.by_old_url.get(normal_path(path))
            if found:
                return with_fragment(found, fragment)
            return self._asset(path.lstrip("/"), root_relative=True)
        local = (self.path.parent / path).resolve()
        if local.is_relative_to(self.root.resolve()):
            key = local.relative_to(self.root.resolve()).as_posix()
            if key in self.links.by_key:
                return with_fragment(self.links.by_key[key], fragment)
        old_dir = self.old_url if self.old_url.endswith("/") else posixpath.dirname(self.old_url)
        found = self.links.by_old_url.get(normal_path(posixpath.normpath(
            posixpath.join(old_dir or "/", path))))
        if found:
            return with_fragment(found, fragment)
        return self._asset(path, root_relative=False)

    def _asset(self, path: str, root_relative: bool) -> str | None:
        """Copy a referenced file into static/ and return its address: only a file inside
        the imported folder or the old site, so a post (or a symlink) naming
        `../../../etc/passwd` cannot bring a private file into a public site."""
        site = ([self.site_root / "static", self.site_root, self.site_root / "content"]
                if self.site_root else [])
        # a relative path not next to the post: Hugo sites often mean their static root
        bases = site if root_relative else [self.path.parent, *site]
        allowed = [folder.resolve() for folder in (self.root, self.site_root) if folder]
        for base in bases:
            candidate = (base / path).resolve()
            if not any(candidate.is_relative_to(folder) for folder in allowed):
                continue
            if candidate.is_file() and candidate.suffix.lower() not in (".md", ".markdown"):
                top = self.root.resolve()
                rel = (candidate.relative_to(top).as_posix() if candidate.is_relative_to(top)
                       else candidate.name)
                return self.assets.add_file(candidate, static_dest(rel))
        return None

    def note(self, line: int, message: str, hint: str = "") -> None:
        """Record a warning at a body line."""
        self.notes.append(Problem(message, self.path, line + self.line_offset, hint))

    def rewrite(self, body: str) -> str:
        """The body with every internal link it can resolve pointing at its new place."""

        def in_text(text: str, first_line: int) -> str:
            def replace(match: re.Match[str]) -> str:
                for group in ("md", "ref", "attr"):
                    if match.group(group) is not None:
                        target = match.group(group + "url")
                        new = self.resolve(target)
                        if new is None and self._looks_internal(target):
                            line = first_line + text.count("\n", 0, match.start())
                            self.note(line, f"link `{target}` points at nothing that was "
                                      "imported; kept as written",
                                      "import the page it names too, or fix the link by hand")
                        return match.group(group) + (new or target)
                return match.group(0)

            return TARGETS.sub(replace, text)

        return outside_code(body, in_text)

    def _looks_internal(self, target: str) -> bool:
        if target.startswith(("{", "%7B")):
            return False  # template syntax the templating step already reported
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            return False
        return not target.startswith(("/articles/", STATIC_URL, "#"))

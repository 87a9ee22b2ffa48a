"""Which generator a file comes from, and the URL it had there.

A migrated article must keep answering at its old address, and links between posts are
written with those addresses, so each generator's permalink rules are reproduced here from
its own configuration: Jekyll's `permalink` (site `_config.yml` or the post's front matter),
Hugo's `[permalinks]` and `url`, Pelican's `ARTICLE_URL` / `PAGE_URL`.  Only the common
tokens are supported; a site with exotic rules still gets `aliases:` from front matter.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
"""Jekyll's named permalink styles (jekyllrb.com/docs/permalinks)."""
FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
"""A Jekyll (or Hugo) post file name: `2019-03-04-second-post.md`."""


@dataclass(frozen=True, slots=True)
class Site:
    """The generator a file belongs to and the settings its URLs depend on."""

    kind: str
    """"jekyll", "hugo", "pelican" or "" (unknown)."""
    root: Path | None = None
    """The folder holding the generator's configuration."""
    settings: dict[str, Any] = field(default_factory=dict)
    """The parts of the configuration that shape URLs."""


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _pelican_settings(path: Path) -> dict[str, Any]:
    """ARTICLE_URL / PAGE_URL string settings from pelicanconf.py, read as text (never run)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found = re.findall(r"^(ARTICLE_URL|PAGE_URL|ARTICLE_SAVE_AS|PAGE_SAVE_AS)\s*=\s*['\"]([^'\"]*)",
                       text, re.MULTILINE)
    return dict(found)


@lru_cache(maxsize=512)
def site_of(folder: Path) -> Site:
    """The generator whose configuration sits in `folder` or the nearest folder above it."""
    for candidate in (folder, *folder.parents):
        if (candidate / "_config.yml").is_file():
            return Site("jekyll", candidate, _read_yaml(candidate / "_config.yml"))
        for name in ("hugo.toml", "config.toml"):
            if (candidate / name).is_file():
                return Site("hugo", candidate, _read_toml(candidate / name))
        for name in ("hugo.yaml", "config.yaml"):
            if (candidate / name).is_file() and (candidate / "content").is_dir():
                return Site("hugo", candidate, _read_yaml(candidate / name))
        if (candidate / "pelicanconf.py").is_file():
            return Site("pelican", candidate, _pelican_settings(candidate / "pelicanconf.py"))
    return Site("")


def file_date(path: Path) -> tuple[dt.date | None, str]:
    """(date, rest of the name) from `2019-03-04-second-post.md`; (None, stem) otherwise."""
    match = FILE_DATE.match(path.stem)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), match[4]
        except ValueError:
            pass
    return None, path.stem


def _fill(pattern: str, tokens: dict[str, str]) -> str:
    """Replace `:token`s (longest first) and clean up doubled slashes."""
    for name in sorted(tokens, key=len, reverse=True):
        pattern = pattern.replace(f":{name}", tokens[name])
    path = re.sub(r"/{2,}", "/", "/" + pattern.lstrip("/"))
    return path


def _date_tokens(date: dt.date | None) -> dict[str, str]:
    if date is None:
        return {}
    return {"year": f"{date:%Y}", "month": f"{date:%m}", "day": f"{date:%d}",
            "i_month": str(date.month), "i_day": str(date.day), "short_year": f"{date:%y}",
            "y_day": f"{date.timetuple().tm_yday:03d}"}


def jekyll_url(site: Site, path: Path, meta: dict[str, Any], date: dt.date | None,
               categories: list[str]) -> str:
    """The URL Jekyll gave a post (`_posts/`) or page."""
    if isinstance(meta.get("permalink"), str):
        return str(meta["permalink"])
    root = site.root or path.parent
    rel = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    in_posts = "_posts" in rel.parts or "_drafts" in rel.parts
    if not in_posts:
        stem = rel.with_suffix("").as_posix()
        return "/" + (stem[: -len("index")] if stem.endswith("index") else stem + ".html")
    style = str(site.settings.get("permalink") or "date")
    pattern = JEKYLL_STYLES.get(style, style)
    _, title = file_date(path)
    tokens = {**_date_tokens(date), "title": title, "slug": slugify(title),
              "categories": "/".join(slugify(c) for c in categories), "output_ext": ".html"}
    return _fill(pattern, tokens)


def hugo_url(site: Site, path: Path, meta: dict[str, Any], date: dt.date | None,
             slug: str, title: str) -> str:
    """The URL Hugo gave a page: `url:`, else `[permalinks]` for its section, else the path.
    In a permalink pattern `:slug` falls back to the URL-ised title, as Hugo documents."""
    if isinstance(meta.get("url"), str):
        url = str(meta["url"])
        return url if url.startswith("/") else "/" + url
    root = (site.root or path.parent) / "content"
    rel = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    bundle = path.name in ("index.md", "index.markdown")
    stem = path.parent.name if bundle else path.stem
    section = rel.parts[0] if len(rel.parts) > 1 else ""
    permalinks = site.settings.get("permalinks") or {}
    pattern = permalinks.get(section) if isinstance(permalinks, dict) else None
    if not isinstance(pattern, str):
        folder = rel.parent.parent if bundle else rel.parent
        return "/" + "/".join([*folder.parts, slug or slugify(stem)]) + "/"
    tokens = {**_date_tokens(date), "slug": slug or slugify(title or stem),
              "title": slugify(title or stem),
              "filename": stem, "contentbasename": stem, "section": section}
    url = _fill(pattern, tokens)
    return url if url.endswith(("/", ".html")) else url + "/"


def pelican_url(site: Site, meta: dict[str, Any], date: dt.date | None, slug: str,
                category: str, page: bool) -> str:
    """The URL Pelican gave an article or page: `url`/`save_as`, else the *_URL setting."""
    for key in ("url", "save_as"):
        if isinstance(meta.get(key), str) and meta[key]:
            return "/" + str(meta[key]).lstrip("/")
    default = "pages/{slug}.html" if page else "{slug}.html"
    pattern = site.settings.get("PAGE_URL" if page else "ARTICLE_URL") or default
    values = {"slug": slug, "category": slugify(category), "lang": "en"}
    try:
        filled = re.sub(r"\{date:([^}]*)\}",
                        lambda m: date.strftime(m.group(1)) if date else "", str(pattern))
        return "/" + filled.format(**values).lstrip("/")
    except (KeyError, IndexError, ValueError):
        return "/" + default.format(**values)

"""site.yaml → a frozen `SiteConfig`, validated against a schema.

Like MkDocs' `config/defaults.py`, the schema is one declared field per key, each with a
docstring.  Validation collects *every* problem (with its line) before failing once, and
unknown keys are rejected with a "did you mean" hint (Zola's `deny_unknown_fields`): a typo
in a config key must never be silently ignored.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from readsite.config_crosslinks import EntityConfig, StoriesConfig, parse_entities, parse_stories
from readsite.configcheck import Checker, fields_of
from readsite.errors import ConfigError
from readsite.typography import smart_quotes
from readsite.yamlutil import YamlSyntaxError, load_yaml

CONFIG_NAME = "site.yaml"
WATCHED_FOLDERS = ("content", "templates", "static", "root")
"""Folders of a site that readsite reads (and `serve` watches); the output may not be inside."""
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 100
"""Longest slug accepted: it is a folder name in the output (file systems stop at 255 bytes)."""
RESERVED_SLUGS = frozenset(
    ["con", "prn", "aux", "nul", *(f"{kind}{n}" for kind in ("com", "lpt") for n in range(10))])
"""Names Windows will not give a folder: a site using one could not be checked out there."""


def slug_problem(slug: str) -> tuple[str, str] | None:
    """Why `slug` cannot name an output folder, with a hint; None when it can."""
    if len(slug) > MAX_SLUG:
        return f"is {len(slug)} characters long (at most {MAX_SLUG})", "choose a shorter `slug:`"
    if not SLUG_RE.match(slug):
        return ("must be lowercase letters, digits and single hyphens",
                "set `slug: some-words` in the front matter, or rename the file")
    if slug in RESERVED_SLUGS:
        return "is a device name Windows reserves", f"e.g. `slug: {slug}-article`"
    return None



@dataclass(frozen=True, slots=True)
class TopicConfig:
    """One topic declared in site.yaml."""

    slug: str
    """URL-safe identifier: `/topics/<slug>/`, and what front matter `topics:` lists."""
    name: str
    """Display name ("IPO")."""
    description: str = ""
    """One or two sentences shown on the topic page."""
    keywords: tuple[str, ...] = ()
    """Terms whose occurrences classify an article into this topic (case-insensitive)."""
    min_score: int = 2
    """Score an article needs to be classified here (title hits count 3, body hits 1)."""
    tags: tuple[str, ...] = ()
    """Front matter tags (case-insensitive) that put an article in this topic whatever its
    text scores: `tags: [rust, rustlang]` takes in every article tagged `Rust`, in addition to
    the ones its keywords classify.  Like keywords, they give way to an article's own
    `topics:` list."""


@dataclass(frozen=True, slots=True)
class PublishConfig:
    """The `publish:` section of site.yaml."""

    target: str = ""
    """Default deploy target: `git:REMOTE[#BRANCH]`, `dir:PATH` or `rsync:DEST`."""


@dataclass(frozen=True, slots=True)
class SourceImportConfig:
    """Import rules for one outlet: `import.sources.<name>:` in site.yaml."""

    name: str
    """The outlet's name as the normaliser finds it ("The Deep View"), compared ignoring case;
    naming it here also teaches the normaliser to recognise the name on a line of its own."""
    boilerplate: tuple[str, ...] = ()
    """Lines this outlet repeats in every article (its newsletter plug, its sign-off): each a
    plain line, matched whole ignoring case and spacing, or a `/regex/` searched in the line."""


@dataclass(frozen=True, slots=True)
class ImportConfig:
    """The `import:` section of site.yaml: the site's own rules for `readsite import`."""

    boilerplate: tuple[str, ...] = ()
    """Lines to drop from every imported clipping: plain lines (matched whole, ignoring case
    and spacing) or `/regex/` patterns (searched in the line, ignoring case)."""
    sources: tuple[SourceImportConfig, ...] = ()
    """Per-outlet rules: `sources: {"The Deep View": {boilerplate: [...]}}`."""


def line_pattern(text: str) -> re.Pattern[str]:
    """A site boilerplate entry as a pattern: `/regex/` as written (ignoring case), a plain
    line matched whole ignoring case and spacing.  Raises `re.error` for a bad regex."""
    stripped = text.strip()
    if len(stripped) > 2 and stripped.startswith("/") and stripped.endswith("/"):
        return re.compile(stripped[1:-1], re.IGNORECASE)
    escaped = r"\s+".join(re.escape(part) for part in stripped.split())
    return re.compile(rf"^\s*{escaped}\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The whole site configuration; built once, never mutated."""

    root: Path
    """Folder holding site.yaml; every other path is relative to it."""
    title: str
    """The site's name, shown in every page header and in feeds."""
    description: str = ""
    """One line about the site: meta description and the home page's intro."""
    intro: str = ""
    """Optional longer Markdown intro for the home page (defaults to `description`)."""
    base_url: str = "/"
    """Where the site is published, e.g. `https://example.org/reading/`; its path prefixes links."""
    language: str = "en"
    """BCP 47 language tag for `<html lang>`."""
    author: str = ""
    """Default author for feeds and the footer."""
    output: str = "_site"
    """Output folder, relative to `root`; replaced atomically on each build."""
    latest: int = 10
    """How many articles the home page lists."""
    related: int = 5
    """At most this many related articles per article page."""
    paginate: int = 50
    """Articles per topic and archive page; the rest go on `page/2/`, `page/3/`, ... so a
    list page stays small at 10,000 articles.  At least 5 (fewer makes readers page through
    a list for nothing), or 0 for one page listing everything."""
    topics: tuple[TopicConfig, ...] = ()
    """Declared topics, in display order."""
    relative_urls: bool = False
    """Write every internal link relative to its page (and naming `index.html`), so the site
    works opened from disk (`file://`) or moved under any path; `404.html` keeps root-relative
    links because a host serves it at every depth."""
    publish: PublishConfig = PublishConfig()
    """Where `readsite publish` deploys to."""
    imports: ImportConfig = ImportConfig()
    """`import:` in site.yaml: boilerplate lines and per-outlet rules for `readsite import`."""
    entities: tuple[EntityConfig, ...] = ()
    """Declared people, organisations, places and products: each gets a page, and its first
    mention in an article links to it."""
    stories: StoriesConfig = field(default_factory=StoriesConfig)
    """How alike articles must be to be clustered into one story."""
    search: bool = True
    """Build the Pagefind search index and the `/search/` page (and the search box in every
    header); `false` leaves search out of the site entirely."""

    @property
    def content_dir(self) -> Path:
        """Where articles live."""
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        """User templates that override the built-in theme."""
        return self.root / "templates"

    @property
    def static_dir(self) -> Path:
        """User static files, copied over the theme's."""
        return self.root / "static"

    @property
    def root_files_dir(self) -> Path:
        """User files copied to the site root as they are (CNAME, .well-known/, favicon.ico)."""
        return self.root / "root"

    @property
    def output_dir(self) -> Path:
        """Absolute output folder."""
        return (self.root / self.output).resolve()

    @property
    def base_path(self) -> str:
        """Path part of base_url, always starting and ending with `/`."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def topic(self, slug: str) -> TopicConfig | None:
        """The declared topic with this slug, if any."""
        return next((t for t in self.topics if t.slug == slug), None)

    def with_base_url(self, base_url: str) -> SiteConfig:
        """A copy publishing at another address (the dev server uses its own)."""
        return dataclasses.replace(self, base_url=base_url)


DISPLAY_TEXT = ("title", "description", "intro")
"""Keys whose text is shown to readers as typed, so gets typographic quotes (`typography`)."""


def _topic(check: Checker, raw: Any, index: int) -> TopicConfig | None:
    where: tuple[str | int, ...] = ("topics", index)
    if not isinstance(raw, dict):
        check.fail(where, "each topic must be a mapping with `slug`, `name`, ...")
        return None
    allowed = list(fields_of(TopicConfig))
    check.unknown_keys(raw, allowed, where)
    slug = check.text(raw, "slug", where, required=True)
    name = check.text(raw, "name", where)
    description = smart_quotes(check.text(raw, "description", where) or "")
    min_score = check.integer(raw, "min_score", where, minimum=1)
    keywords = check.terms(raw, "keywords", where)
    tags = check.terms(raw, "tags", where)
    if slug is None:
        return None
    if not SLUG_RE.match(slug):
        check.fail((*where, "slug"), f"topic slug `{slug}` must be lowercase letters, digits "
                   "and single hyphens", "e.g. `slug: neocloud`")
        return None
    return TopicConfig(
        slug=slug, name=name or slug.replace("-", " ").title(), description=description,
        keywords=tuple(keywords or [slug.replace("-", " ")]),
        min_score=min_score if min_score is not None else 2, tags=tuple(tags),
    )


def _publish(check: Checker, raw: Any) -> PublishConfig:
    where: tuple[str | int, ...] = ("publish",)
    if raw is None:
        return PublishConfig()
    if not isinstance(raw, dict):
        check.fail(where, "`publish` must be a mapping, e.g. `publish: {target: dir:../public}`")
        return PublishConfig()
    check.unknown_keys(raw, list(fields_of(PublishConfig)), where)
    return PublishConfig(target=check.text(raw, "target", where) or "")


def _patterns(check: Checker, data: dict[str, Any], where: tuple[str | int, ...]) -> list[str]:
    """A `boilerplate:` list: each entry a plain line or a `/regex/` that compiles."""
    raw = data.get("boilerplate")
    if raw is None:
        return []
    if not isinstance(raw, list):
        check.fail((*where, "boilerplate"), "`boilerplate` must be a list of lines or /regex/",
                   'e.g. `boilerplate: ["Sign up for our newsletter", "/^Sponsored by /"]`')
        return []
    patterns: list[str] = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, str) or not entry.strip():
            check.fail((*where, "boilerplate", index), "each boilerplate entry must be a "
                       "non-empty line of text")
            continue
        try:
            line_pattern(entry)
        except re.error as exc:
            check.fail((*where, "boilerplate", index), f"bad regex {entry.strip()}: {exc}",
                       "fix the pattern, or drop the surrounding slashes to match the plain line")
            continue
        patterns.append(entry.strip())
    return patterns


def _imports(check: Checker, raw: Any) -> ImportConfig:
    where: tuple[str | int, ...] = ("import",)
    if raw is None:
        return ImportConfig()
    if not isinstance(raw, dict):
        check.fail(where, "`import` must be a mapping, e.g. `import: {boilerplate: [...]}`")
        return ImportConfig()
    check.unknown_keys(raw, list(fields_of(ImportConfig)), where)
    sources: list[SourceImportConfig] = []
    raw_sources = raw.get("sources") or {}
    if not isinstance(raw_sources, dict):
        check.fail((*where, "sources"), "`import.sources` must map outlet names to rules",
                   'e.g. `sources: {"The Deep View": {boilerplate: [...]}}`')
        raw_sources = {}
    for name, rules in raw_sources.items():
        at: tuple[str | int, ...] = (*where, "sources", name)
        if not isinstance(rules, dict):
            check.fail(at, f"`import.sources.{name}` must be a mapping with `boilerplate`")
            continue
        check.unknown_keys(rules, list(fields_of(SourceImportConfig, skip=("name",))), at)
        sources.append(SourceImportConfig(str(name).strip(), tuple(_patterns(check, rules, at))))
    return ImportConfig(tuple(_patterns(check, raw, where)), tuple(sources))


def parse_config(text: str, path: Path) -> SiteConfig:
    """Validate site.yaml's text; raise ConfigError listing every problem found."""
    try:
        loaded = load_yaml(text, path)
    except YamlSyntaxError as exc:
        raise ConfigError(exc.problem) from None
    data = loaded.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError.at(path, 1, "site.yaml must be a mapping of `key: value` lines")
    check = Checker(path, loaded)
    allowed = [*fields_of(SiteConfig, skip=("root", "imports")), "import"]
    check.unknown_keys(data, allowed, ())
    values: dict[str, Any] = {}
    for key in ("title", "description", "intro", "base_url", "language", "author", "output"):
        value = check.text(data, key, (), required=key == "title")
        if value is not None:
            values[key] = smart_quotes(value) if key in DISPLAY_TEXT else value
    for key, minimum, zero in (("latest", 1, ""), ("related", 0, ""),
                               ("paginate", 5, "one page listing every article")):
        number = check.integer(data, key, (), minimum=minimum, zero=zero)
        if number is not None:
            values[key] = number
    for key in ("relative_urls", "search"):
        flag = check.boolean(data, key, ())
        if flag is not None:
            values[key] = flag
    if "publish" in data:
        values["publish"] = _publish(check, data["publish"])
    if "import" in data:
        values["imports"] = _imports(check, data["import"])
    if "entities" in data:
        values["entities"] = parse_entities(check, data["entities"])
    if "stories" in data:
        values["stories"] = parse_stories(check, data["stories"])
    base_url = values.get("base_url")
    if base_url is not None:
        parts = urlsplit(base_url)
        if not (parts.path.startswith("/") or (parts.scheme in ("http", "https") and parts.netloc)):
            check.fail(("base_url",), f"`base_url` {base_url!r} must be an http(s) URL or a path "
                       "starting with `/`", "e.g. `base_url: https://example.org/`")
    output = values.get("output")
    if output is not None:
        _check_output(check, path.parent, output)
    raw_topics = data.get("topics", [])
    topics: list[TopicConfig] = []
    if not isinstance(raw_topics, list):
        check.fail(("topics",), "`topics` must be a list of `- slug: ...` entries")
    else:
        for index, raw in enumerate(raw_topics):
            topic = _topic(check, raw, index)
            if topic is None:
                continue
            if any(t.slug == topic.slug for t in topics):
                check.fail(("topics", index, "slug"), f"topic `{topic.slug}` is declared twice")
                continue
            topics.append(topic)
    error = ConfigError.collect(sorted(check.problems, key=lambda p: p.line or 0))
    if error is not None:
        raise error
    return SiteConfig(root=path.parent.resolve(), topics=tuple(topics), **values)


def _check_output(check: Checker, root: Path, output: str) -> None:
    resolved = (root / output).resolve()
    root = root.resolve()
    if resolved == root or root.is_relative_to(resolved):
        check.fail(("output",), f"`output: {output}` would replace the site folder itself")
        return
    for watched in WATCHED_FOLDERS:
        if resolved.is_relative_to(root / watched):
            check.fail(("output",), f"`output: {output}` lies inside `{watched}/`",
                       "the output must not be inside a folder readsite reads from")


def load_config(root: Path) -> SiteConfig:
    """Read and validate `<root>/site.yaml`."""
    path = root / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError.at(path, None, "no site.yaml here",
                             "run readsite in the site's folder, or pass --site DIR") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError.at(path, None, f"cannot read site.yaml: {exc}") from None
    return parse_config(text, path)

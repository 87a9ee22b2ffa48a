"""Templates → pages: the Jinja environment, the list of pages, and rendering one page.

Template lookup follows Pelican: the site's `templates/` first, then the built-in theme, and
`!theme/NAME` always reaches the theme's own file so an override can extend what it replaces.
Undefined variables are errors (StrictUndefined) and every template is autoescaped, because
article text is untrusted.  `render_page` is a pure function of (environment, collection,
page), which is what lets a later build render pages in parallel or only the changed ones;
so a paginated list (a topic, the archive) is cut into pages here, each page carrying its
articles, number and neighbours in its context.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import posixpath
import re
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar
from urllib.parse import unquote, urljoin

import jinja2
from markupsafe import Markup

from readsite import search
from readsite.config import SiteConfig
from readsite.crosslinks.entities import link_first_mentions, matcher_for
from readsite.errors import BuildError, Problem, ReadsiteError, TemplateError
from readsite.markdown import render_inline
from readsite.models import Article, Collection, Entity
from readsite.sandbox import Sandbox
from readsite.sanitise import replace_surrogates

THEME_DIR = Path(__file__).parent / "theme"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page:
    """One output file and how to make it."""

    kind: str
    """home, topics, topic, article, archive, 404, feed, sitemap, robots, redirect, search or
    search-index (and the cross-link pages' kinds, `crosspages`)."""
    path: str
    """Site-relative URL path ("articles/x/"; "" for home)."""
    output: str
    """File to write, relative to the output folder."""
    template: str
    """Template name."""
    title: str
    """Page title for `<title>` and headings."""
    context: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    """Page-specific template variables."""


def page_list(collection: Collection, more: Sequence[Page] = ()) -> list[Page]:
    """Every page of the site, in a stable order; `more` are the cross-link pages
    (`crosspages.cross_pages`: stories, entities, quotes, timeline), listed in the sitemap
    with the rest."""
    config = collection.config
    archive = archive_pages(collection)
    topic_pages = {topic.slug: list_pages(
        "topic", f"topics/{topic.slug}/", "topic.html", topic.name, topic.articles,
        config.paginate, {"topic": topic}) for topic in collection.topics}
    listed = ([p.path for p in archive] + [p.path for ps in topic_pages.values() for p in ps]
              + [p.path for p in more])
    pages = [
        Page("home", "", "index.html", "home.html", config.title),
        Page("topics", "topics/", "topics/index.html", "topics.html", "Topics"),
        *archive,
        Page("404", "404.html", "404.html", "404.html", "Page not found"),
        Page("feed", "feed.xml", "feed.xml", "feed.xml", config.title,
             MappingProxyType({"entries": collection.articles})),
        Page("sitemap", "sitemap.xml", "sitemap.xml", "sitemap.xml", "Sitemap",
             MappingProxyType({"list_paths": tuple(listed)})),
    ]
    if not (config.root_files_dir / "robots.txt").is_file():
        pages.append(Page("robots", "robots.txt", "robots.txt", "robots.txt", "robots.txt"))
    for topic in collection.topics:
        home = f"topics/{topic.slug}/"
        pages += topic_pages[topic.slug]
        pages.append(Page("feed", f"{home}feed.xml", f"{home}feed.xml", "feed.xml",
                          f"{topic.name} · {config.title}",
                          MappingProxyType({"entries": topic.articles, "home": home,
                                            "subtitle": topic.description})))
    if config.search:
        pages += [
            Page("search", "search/", "search/index.html", "search.html", "Search",
                 MappingProxyType({"sources": search.sources(collection)})),
            Page("search-index", "search/index.js", "search/index.js", "search-index.js",
                 "Search index",
                 MappingProxyType({"entries": search.fallback_entries(collection)})),
        ]
    pages += more
    pages += (article_page(collection, article) for article in collection.articles)
    return pages + redirect_pages(collection, pages)


def article_page(collection: Collection, article: Article) -> Page:
    """The page of one article, with its topics, related reading and neighbours (the preview
    server renders it on its own when only that article changed)."""
    return Page(
        "article", f"articles/{article.slug}/", f"articles/{article.slug}/index.html",
        "article.html", article.title, MappingProxyType({
            "article": article,
            "topics": collection.article_topics[article.slug],
            "related": collection.related[article.slug],
            "neighbours": collection.neighbours[article.slug],
            "story": collection.story_of.get(article.slug),
            "entities": collection.article_entities.get(article.slug, ()),
            "linked_from": collection.backlinks.get(article.slug, ()),
        }))


def list_path(home: str, number: int) -> str:
    """The address of page `number` of a list whose first page is `home`: page 1 keeps the
    list's own address, so links made before pagination still land on its start."""
    return home if number == 1 else f"{home}page/{number}/"


def paginate(items: Sequence[T], per_page: int) -> list[tuple[T, ...]]:
    """`items` cut into pages of `per_page` (0: all on one page); no items is one empty page,
    so an empty topic still has its page."""
    if per_page <= 0 or len(items) <= per_page:
        return [tuple(items)]
    return [tuple(items[i:i + per_page]) for i in range(0, len(items), per_page)]


def list_pages(kind: str, home: str, template: str, title: str, items: Sequence[Article],
               per_page: int, context: Mapping[str, Any]) -> list[Page]:
    """The pages of one article list (a topic, the archive), newest first, each knowing its
    number, the page count and its neighbours' addresses for the pager and `rel` links."""
    chunks = paginate(items, per_page)
    count = len(chunks)
    pages = []
    for number, chunk in enumerate(chunks, 1):
        path = list_path(home, number)
        pages.append(Page(
            kind, path, f"{path}index.html", template,
            title if number == 1 else f"{title} · page {number}",
            MappingProxyType({
                **context,
                "items": chunk,
                "page_number": number,
                "page_count": count,
                "prev_path": list_path(home, number - 1) if number > 1 else "",
                "next_path": list_path(home, number + 1) if number < count else "",
            })))
    return pages


@dataclass(frozen=True, slots=True)
class ArchiveMonth:
    """One month's articles on one archive page: an h3 under its year."""

    name: str
    """"March"; "" for undated articles, which have no month heading."""
    continued: bool
    """The month began on an earlier page, so its heading says "(continued)"."""
    articles: tuple[Article, ...]
    """Its articles on this page, newest first."""


@dataclass(frozen=True, slots=True)
class ArchiveYear:
    """One year's articles on one archive page (an h2), or the undated ones, last."""

    name: str
    """"2026", "Undated", or "" when no article of the site has a date (nothing to set the
    undated ones apart from)."""
    continued: bool
    """The year began on an earlier page."""
    months: tuple[ArchiveMonth, ...]
    """Its months on this page, newest first (one unnamed group for undated articles)."""


def _year(article: Article) -> int | None:
    return article.date.year if article.date else None


def _month(article: Article) -> tuple[int, int] | None:
    return (article.date.year, article.date.month) if article.date else None


def archive_groups(articles: Sequence[Article], before: Article | None,
                   undated_name: str = "Undated") -> tuple[ArchiveYear, ...]:
    """One archive page's articles (newest first, undated last) under year and month
    headings; `before` is the last article of the previous page, to tell a year or month
    that started there."""
    years: list[ArchiveYear] = []
    for year, group in itertools.groupby(articles, key=_year):
        in_year = tuple(group)
        year_continued = before is not None and _year(before) == year
        months: tuple[ArchiveMonth, ...]
        if year is None:
            months = (ArchiveMonth("", year_continued, in_year),)
        else:
            months = tuple(
                ArchiveMonth(dt.date(year, month[1], 1).strftime("%B"),
                             before is not None and _month(before) == month, tuple(in_month))
                for month, in_month in itertools.groupby(in_year, key=_month) if month)
        years.append(ArchiveYear(str(year) if year else undated_name, year_continued, months))
    return tuple(years)


def archive_pages(collection: Collection) -> list[Page]:
    """The archive: every article, newest first, paginated, grouped by year and month."""
    articles = collection.articles
    undated_name = "Undated" if any(a.date for a in articles) else ""
    pages = list_pages("archive", "archive/", "archive.html", "Archive", articles,
                       collection.config.paginate, {})
    done = 0
    for index, page in enumerate(pages):
        items = page.context["items"]
        before = articles[done - 1] if done else None
        groups = archive_groups(items, before, undated_name)
        pages[index] = replace(page, context=MappingProxyType({**page.context, "groups": groups}))
        done += len(items)
    return pages


def alias_output(alias: str) -> str:
    """The file an alias is served from: `/old/` and `/old` → `old/index.html`, `/old.html`
    as it is; percent-escapes decoded, as a host decodes them before looking for the file."""
    path = unquote(alias).strip("/")
    if path.endswith((".html", ".htm")):
        return path
    return f"{path}/index.html" if path else "index.html"


def _file_owner(config: SiteConfig, output: str) -> str:
    """The static/ or root/ file that is also written to `output`, named; "" if none."""
    candidates = [config.root_files_dir / output]
    if output.startswith("static/"):
        rest = output.removeprefix("static/")
        candidates += [config.static_dir / rest, THEME_DIR / "static" / rest]
    return next((f"the file {path}" for path in candidates if path.is_file()), "")


def redirect_pages(collection: Collection, pages: list[Page]) -> list[Page]:
    """A small redirect page per article alias; BuildError naming the alias and the article
    file when an alias would replace a page, a file, or another alias."""
    config = collection.config
    owners = {p.output: f"the {p.kind} page `/{p.path}`" for p in pages}
    for article in collection.articles:
        owners[f"articles/{article.slug}/index.html"] += f" ({article.path})"
    redirects: list[Page] = []
    problems: list[Problem] = []
    for article in collection.articles:
        target = f"articles/{article.slug}/"
        for alias in article.aliases:
            output = alias_output(alias)
            owner = owners.get(output) or _file_owner(config, output)
            if owner:
                problems.append(Problem(
                    f"alias `{alias}` collides with {owner}", article.path, None,
                    "remove the alias, or the other page's claim to that address"))
                continue
            owners[output] = f"the alias `{alias}` of {article.path}"
            redirects.append(Page(
                "redirect", output.removesuffix("index.html"), output, "redirect.html",
                article.title, MappingProxyType({"article": article, "target": target})))
    error = BuildError.collect(problems)
    if error is not None:
        raise error
    return redirects


def _format_date(value: dt.date | None) -> str:
    """"5 May 2026": unambiguous in every English locale."""
    return f"{value.day} {value:%B %Y}" if value else ""


class SiteTemplateLoader(jinja2.FileSystemLoader):
    """The site's `templates/`, where a symlink leading outside the site is refused: a site
    downloaded from someone else must not read (and publish) `~/.ssh/id_rsa` as a template."""

    def __init__(self, folder: Path, site_root: Path) -> None:
        super().__init__(folder, followlinks=False)
        self.site_root = site_root.resolve()

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Any]:
        """The template's source, after checking where its file really is."""
        for folder in self.searchpath:
            path = Path(folder, *jinja2.loaders.split_template_path(template))
            if (path.is_file() or path.is_symlink()) and not path.resolve().is_relative_to(
                    self.site_root):
                raise TemplateError(Problem(
                    f"template `{template}` is a link to {path.resolve()}, outside the site; "
                    "it is not followed", path, None,
                    "copy the file into templates/ instead of linking to it"))
        return super().get_source(environment, template)


def make_environment(config: SiteConfig) -> jinja2.Environment:
    """The Jinja environment: user templates over the theme, strict, autoescaped whatever
    the file's extension (feeds and robots.txt too), and sandboxed, because a site's
    templates may come from a theme someone else wrote."""
    theme = jinja2.FileSystemLoader(THEME_DIR / "templates")
    env = Sandbox(
        loader=jinja2.ChoiceLoader([
            SiteTemplateLoader(config.templates_dir, config.root),
            theme,
            jinja2.PrefixLoader({"!theme": theme}, delimiter="/"),
        ]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    base_path = config.base_path

    def url(path: str = "") -> str:
        """Site-relative link with the base path: works for / and /sub/ deployments."""
        return base_path + path.lstrip("/")

    def absolute_url(path: str = "") -> str:
        """Full address for feeds, sitemaps and canonical links."""
        return urljoin(config.base_url, url(path))

    @jinja2.pass_context
    def asset(context: jinja2.runtime.Context, path: str) -> str:
        """A theme file (stylesheet, script, icon) relative to the page, so even a site
        built with absolute links is styled when opened from disk; the 404 page, served at
        any depth, keeps the root-relative one."""
        page = context.get("page")
        if not isinstance(page, Page) or page.kind == "404":
            return url(path)
        return posixpath.relpath(path, posixpath.dirname(page.output) or ".")

    env.globals.update(site=config, url=url, absolute_url=absolute_url, asset=asset)
    env.filters["date"] = _format_date
    env.filters["markdown"] = lambda text: Markup(render_inline(str(text), base_path))
    matcher = matcher_for(config.entities)

    def link_entities(html: str, entities: Sequence[Entity]) -> str:
        """An article body with the first mention of each entity it names linked to the
        entity's page (done per page, since the body's HTML is cached without them)."""
        if not entities:
            return html
        return link_first_mentions(
            html, {e.slug: url(f"entities/{e.slug}/") for e in entities}, matcher)

    env.filters["link_entities"] = link_entities
    env.filters["heading_anchors"] = heading_anchors
    return env


HEADING_RE = re.compile(r'(<h[2-4] id="([^"<>]+)"[^>]*>)(.*?)(</h[2-4]>)', re.DOTALL)
"""A section heading of a rendered body, with the id `markdown` gave it."""


def heading_anchors(html: str) -> str:
    """A body whose section headings link to themselves, so a reader can copy a link to one
    (the id is already unique and safe: `markdown` made it).  The heading's text is the link,
    so a screen reader hears the heading as written, not "… Link to this section"; a heading
    that holds a link of its own is left alone (links cannot nest)."""
    return HEADING_RE.sub(
        lambda m: m[0] if "<a " in m[3] else
        f'{m[1]}<a class="heading-anchor" href="#{m[2]}">{m[3]}</a>{m[4]}', html)


def _location(exc: BaseException) -> tuple[Path | None, int | None]:
    """The template file and line an exception was raised at (Jinja keeps them in the tb)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return (Path(exc.filename) if exc.filename else None), exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if not frame.filename.endswith(".py") and os.path.isfile(frame.filename):
            return Path(frame.filename), frame.lineno  # Jinja names template code by its file
    return None, None


XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 forbids even escaped (a pasted backspace would make a feed unreadable)."""
LINK_ATTR_RE = re.compile(
    r'(?<!rel="canonical")(\s(?:href|src|action)="|<meta http-equiv="refresh" content="\d+; url=)'
    r'([^"]*)(")')
"""An href/src/action attribute or a meta refresh target; a canonical link stays as it is (it names
the page's one address)."""


def relativize(html: str, page_output: str, base_path: str) -> str:
    """Rewrite the site's own links in `html` relative to the page, naming `index.html`,
    so the page works opened from disk (`file://`), where folders don't serve index.html."""
    folder = posixpath.dirname(page_output) or "."

    def rewrite(match: re.Match[str]) -> str:
        url = match.group(2)
        if not url.startswith(base_path) or url.startswith("//"):
            return match.group(0)
        path, sep, rest = url[len(base_path):].partition("#")
        path, qsep, query = path.partition("?")
        if path == "" or path.endswith("/"):
            path += "index.html"
        relative = posixpath.relpath(path, folder)
        return f"{match.group(1)}{relative}{qsep}{query}{sep}{rest}{match.group(3)}"

    return LINK_ATTR_RE.sub(rewrite, html)


def render_page(env: jinja2.Environment, collection: Collection, page: Page) -> str:
    """Render one page to text; template problems become TemplateError with file:line.

    With `relative_urls`, HTML pages get relative links; the 404 page keeps root-relative
    ones, because a host serves it at whatever depth the missing address had."""
    config = collection.config
    try:
        template = env.get_template(page.template)
        text = template.render(collection=collection, page=page, **page.context)
        if config.relative_urls and page.output.endswith(".html") and page.kind != "404":
            text = relativize(text, page.output, config.base_path)
        if page.output.endswith(".xml"):
            text = XML_INVALID_RE.sub("", text)
        return replace_surrogates(text)  # no UTF-8 page can hold them
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(Problem(
            f"template `{exc.name}` not found (needed for {page.output})", None, None,
            f"add templates/{exc.name}, or remove the override that asks for it",
        )) from None
    except ReadsiteError:
        raise
    except jinja2.TemplateError as exc:
        raise _template_error(exc, page, exc.message or str(exc)) from exc
    except Exception as exc:  # raised by template code ({{ 1/0 }}), so the template's fault
        raise _template_error(exc, page, f"{type(exc).__name__}: {exc}") from exc


def _template_error(exc: BaseException, page: Page, message: str) -> TemplateError:
    """The TemplateError for `exc`, raised while rendering `page`, at its template line."""
    path, line = _location(exc)
    return TemplateError(Problem(
        f"template error while rendering {page.output}: {message}", path, line,
        "fix the template at that line"))

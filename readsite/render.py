"""Templates → pages: the Jinja environment, the list of pages, and rendering one page.

Template lookup follows Pelican: the site's `templates/` first, then the built-in theme, and
`!theme/NAME` always reaches the theme's own file so an override can extend what it replaces.
Undefined variables are errors (StrictUndefined) and every template is autoescaped, because
article text is untrusted.  `render_page` is a pure function of (environment, collection,
page), which is what lets a later build render pages in parallel or only the changed ones.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup

from readsite.config import SiteConfig
from readsite.errors import Problem, TemplateError
from readsite.markdown import render_inline
from readsite.models import Collection

THEME_DIR = Path(__file__).parent / "theme"


@dataclass(frozen=True, slots=True)
class Page:
    """One output file and how to make it."""

    kind: str
    """home, topics, topic, article, archive, 404, feed or sitemap."""
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


def page_list(collection: Collection) -> list[Page]:
    """Every page of the site, in a stable order."""
    config = collection.config
    pages = [
        Page("home", "", "index.html", "home.html", config.title),
        Page("topics", "topics/", "topics/index.html", "topics.html", "Topics"),
        Page("archive", "archive/", "archive/index.html", "archive.html", "Archive"),
        Page("404", "404.html", "404.html", "404.html", "Page not found"),
        Page("feed", "feed.xml", "feed.xml", "feed.xml", config.title),
        Page("sitemap", "sitemap.xml", "sitemap.xml", "sitemap.xml", "Sitemap"),
    ]
    for topic in collection.topics:
        pages.append(Page("topic", f"topics/{topic.slug}/", f"topics/{topic.slug}/index.html",
                          "topic.html", topic.name, MappingProxyType({"topic": topic})))
    for article in collection.articles:
        pages.append(Page(
            "article", f"articles/{article.slug}/", f"articles/{article.slug}/index.html",
            "article.html", article.title, MappingProxyType({
                "article": article,
                "topics": collection.article_topics[article.slug],
                "related": collection.related[article.slug],
                "neighbours": collection.neighbours[article.slug],
            })))
    return pages


def _format_date(value: dt.date | None) -> str:
    """"5 May 2026": unambiguous in every English locale."""
    return f"{value.day} {value:%B %Y}" if value else ""


def make_environment(config: SiteConfig) -> jinja2.Environment:
    """The Jinja environment: user templates over the theme, strict and autoescaped."""
    theme = jinja2.FileSystemLoader(THEME_DIR / "templates")
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(config.templates_dir),
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

    env.globals.update(site=config, url=url, absolute_url=absolute_url)
    env.filters["date"] = _format_date
    env.filters["markdown"] = lambda text: Markup(render_inline(str(text)))
    return env


def _location(exc: BaseException) -> tuple[Path | None, int | None]:
    """The template file and line an exception was raised at (Jinja keeps them in the tb)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return (Path(exc.filename) if exc.filename else None), exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml")) and os.path.exists(frame.filename):
            return Path(frame.filename), frame.lineno
    return None, None


def render_page(env: jinja2.Environment, collection: Collection, page: Page) -> str:
    """Render one page to text; template problems become TemplateError with file:line."""
    try:
        template = env.get_template(page.template)
        return template.render(collection=collection, page=page, **page.context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(Problem(
            f"template `{exc.name}` not found (needed for {page.output})", None, None,
            f"add templates/{exc.name}, or remove the override that asks for it",
        )) from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        path, line = _location(exc)
        message = getattr(exc, "message", None) or str(exc)
        raise TemplateError(Problem(
            f"template error while rendering {page.output}: {message}", path, line,
        )) from exc

"""`Imported`: what every importer produces for one article, before it is written.

Format readers (Markdown with front matter, Pelican headers, WordPress WXR, plain text) each
turn their input into one or more `Imported` records; the orchestration in
`readsite.importers` then resolves slugs, rewrites links between the imported articles,
copies their files and writes `content/<slug>.md`.  Keeping every reader's output in one
shape is what lets one migration mix formats and still link everything up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readsite.errors import Problem
from readsite.normalise.trace import Trace


@dataclass(frozen=True, slots=True)
class Imported:
    """One article read from another generator's file (or a clipping), not yet written."""

    title: str
    """Display title."""
    body: str
    """Markdown body as the author wrote it (raw HTML allowed: it is sanitised at build)."""
    source_path: Path
    """The input file it came from (a WXR file holds many articles)."""
    date: dt.date | None = None
    """Publication date: front matter, else the date in a Jekyll/Hugo file name."""
    updated: dt.date | None = None
    """Last-modified date, when the source states one."""
    author: str = ""
    """Author(s), comma-separated."""
    source: str = ""
    """The outlet, for clippings."""
    url: str = ""
    """The original absolute http(s) address, when known."""
    summary: str = ""
    """Summary / description / excerpt: plain text, entities decoded, never cut mid-word."""
    tags: tuple[str, ...] = ()
    """Tags and categories, in the source's order, without duplicates."""
    draft: bool = False
    """Unpublished in the source (Jekyll `published: false`, Hugo/Pelican draft, WP status)."""
    aliases: tuple[str, ...] = ()
    """Site paths the article was reachable at before ("/2019/01/02/post/"): redirects."""
    slug: str = ""
    """Preferred slug (front matter `slug`, the WordPress post name or the file name)."""
    key: str = ""
    """How other inputs refer to it: its path relative to the imported folder ("_posts/x.md")
    or, for a WXR item, its WordPress post id ("wp:123")."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Front matter keys readsite does not map, kept under `extra:`."""
    notes: tuple[Problem, ...] = ()
    """Warnings for the user (unknown shortcode at file:line, unresolved link, ...)."""
    trace: tuple[Trace, ...] = ()
    """What a clipping's normaliser found and dropped, each with its rule (`--explain`)."""

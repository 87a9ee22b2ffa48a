"""Saved web pages (.html, .htm, or any file that starts like HTML): the article and its metadata.

The main text is found by trafilatura (a maintained extractor, not hand-written rules) and
comes out as Markdown; it then goes through the normaliser like pasted text, for the
boilerplate an extractor keeps.  Metadata comes from what the page states, each value with
the rule that found it: `<meta>` tags (og:title, og:site_name, author,
article:published_time, description), JSON-LD (Article/NewsArticle/BlogPosting: headline,
author, publisher, datePublished, description), then htmldate, and only then the
normaliser's guesses (the page is parsed in `page`, its metadata chosen in `pagemeta`; layouts
the extractor misreads are rewritten first by `prepare`, the furniture it keeps removed by
`tidy`).  Every text block of the page the extractor left out is recorded as a
dropped line (`extractor: not main text`), so `--explain` shows what did not make it.

trafilatura is imported only when a page is read: it takes a while to load, and most
commands never need it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from readsite.errors import ImportRefused
from readsite.importers.indents import plain_indents
from readsite.importers.page import Page, read_page_info
from readsite.importers.pagemeta import Found, http_url, iso_date, page_fields
from readsite.importers.pagesite import byline_author, read_shown, weak_source
from readsite.importers.prepare import prepare
from readsite.importers.record import Imported
from readsite.importers.standfirst import drop_standfirst
from readsite.importers.teasertail import cut_teaser_grid
from readsite.importers.tidy import tidy
from readsite.normalise import (
    Normalised,
    SiteRules,
    escape_paragraph,
    finish_title,
    first_sentences,
    fold,
    normalise_markdown,
    parse_byline,
    parse_date,
    same_line,
)
from readsite.normalise.trace import Trace

MIN_WORDS = 3
"""Fewest words of the page's visible text the extracted article must have (a `<noscript>`
"enable JavaScript" notice alone is not an article)."""


def extract_markdown(html: str, url: str, *, fragment: bool = False) -> str:
    """The main text as Markdown (headings, lists, emphasis, links, images), or ""."""
    import trafilatura

    if fragment:
        html = f"<html><body><article>{html}</article></body></html>"
    text = trafilatura.extract(
        html, url=url or None, output_format="markdown", include_formatting=True,
        include_links=True, include_images=True, include_tables=True, include_comments=False,
        favor_recall=fragment, deduplicate=False)
    return plain_indents(text).strip() if text else ""


def words(text: str) -> str:
    """`text` as lower-case words joined by single spaces (Markdown link targets left out),
    to tell whether a block of the page made it into the extracted text."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return " ".join(re.findall(r"\w+", text.lower()))


def left_out(page: Page, markdown: str, values: list[str]) -> list[str]:
    """The page's visible blocks that are not in the extracted text nor a metadata value."""
    kept = f" {words(markdown)} "
    dropped: list[str] = []
    for block in page.blocks:
        said = words(block)
        if not said or f" {said} " in kept or any(same_line(block, v) for v in values if v):
            continue
        dropped.append(block)
    return dropped


def with_title(markdown: str, title: str) -> str:
    """The Markdown with `# title` first (so the normaliser never takes a paragraph for it)."""
    first = markdown.split("\n\n", 1)[0].lstrip("# ").strip()
    if not title or same_line(first, title):
        return markdown
    return f"# {title}\n\n{markdown}"


def rules_for(rules: SiteRules | None, source: str) -> SiteRules | None:
    """The site's rules for an article whose outlet the page (or feed) states: that outlet's
    own boilerplate applies to every line, since the normaliser may not find the outlet in
    the text."""
    if rules is None or not rules.for_source(source):
        return rules
    return SiteRules(rules.boilerplate + rules.for_source(source), rules.sources)


def clean(markdown: str, title: str, rules: SiteRules | None = None,
          source: str = "") -> Normalised:
    """The normaliser's pass over extracted Markdown, with the page's title stated first
    (`rules`: site.yaml's `import:`; `source`: the outlet the page states)."""
    return normalise_markdown(with_title(markdown, title), rules_for(rules, source))


def restore_dek(found: Normalised) -> Normalised:
    """The normaliser's dek put back as the story's first paragraph (the summary still
    repeats it): for text that is the whole article, such as a feed entry's content."""
    dek = next((t for t in found.trace if t.action == "found" and t.rule == "dek"), None)
    if dek is None:
        return found
    body = f"{escape_paragraph(dek.text)}\n\n{found.body}".strip()
    trace = tuple(t for t in found.trace if t is not dek)
    return replace(found, body=body, summary=first_sentences(dek.text), trace=trace)


DEK_BYLINE_BLOCKS = 3
"""How many lines under a dek on the page are searched for the byline that proves it one."""


def keep_lede(found: Normalised, blocks: list[str], author: str) -> Normalised:
    """The normaliser's dek put back as the story's first paragraph unless, on the page, a
    byline or date line stands right under it (a standfirst stands above the byline; a
    paragraph below the byline, or with none under it, is the story's opening the extractor
    kept without its byline, so the normaliser could not tell)."""
    dek = next((t for t in found.trace if t.action == "found" and t.rule == "dek"), None)
    if dek is None:
        return found
    at = next((i for i, b in enumerate(blocks) if same_line(b, dek.text)), -1)
    under = blocks[at + 1:at + 1 + DEK_BYLINE_BLOCKS] if at >= 0 else []
    if any((author and fold(author) in fold(b)) or parse_byline(b) is not None
           or parse_date(b) is not None for b in under):
        return found
    return restore_dek(found)


HEADER_BLOCKS = 8
"""How many lines under the headline are searched for a byline the extractor left out."""
AUTHOR_JOIN_RE = re.compile(r"\s+(?:and|&|und|et|y|e)\s+")


def page_byline(page: Page, markdown: str, title: str) -> tuple[str, str] | None:
    """(authors, ISO date or "") from a "By NAME" line under the headline that the extractor
    left out (a byline in its own `<div>`), searched up to the story's first kept line."""
    kept = f" {words(markdown)} "
    start = next((i + 1 for i, b in enumerate(page.blocks) if title and same_line(b, title)), 0)
    for block in page.blocks[start:start + HEADER_BLOCKS]:
        said = words(block)
        if said and f" {said} " in kept:
            return None
        found = parse_byline(block)
        if found is not None and found[0]:
            authors = ", ".join(a.strip() for a in AUTHOR_JOIN_RE.split(found[0]) if a.strip())
            return authors, found[1].isoformat() if found[1] else ""
    return None


FIELDS = ("title", "author", "source", "date", "updated", "url", "summary")


def normaliser_trace(found: Normalised, stated: set[str]) -> list[Trace]:
    """The normaliser's trace over extracted text, its rules marked `normalise: `: values for
    fields the page does not state, and every line it dropped or rewrote (line numbers are
    of the extracted text, not of the page, so they are left out)."""
    return [replace(t, rule=f"normalise: {t.rule}", line=0) for t in found.trace
            if t.action != "found" or t.field not in stated]


def merge(path: Path, stated: dict[str, Found], found: Normalised, trace: list[Trace]) -> Imported:
    """The record: what the page states wins over the normaliser's guesses (both traced)."""
    guessed: dict[str, str] = {
        "title": found.title, "author": found.author, "source": found.source,
        "date": found.date.isoformat() if found.date else "",
        "updated": found.updated.isoformat() if found.updated else "",
        "url": found.url, "summary": found.summary}
    values: dict[str, str] = {}
    traced = {t.field for t in found.trace if t.action == "found"}
    for key in FIELDS:
        if key in stated:
            values[key] = stated[key].value
            trace.append(Trace("found", stated[key].rule, stated[key].value, key))
        elif guessed[key]:
            values[key] = guessed[key]
            if key not in traced:
                trace.append(Trace("found", "normalise", guessed[key], key))
    trace.extend(normaliser_trace(found, set(stated)))
    summary = values.get("summary", "")
    extra: dict[str, Any] = dict(found.extra)
    if found.title_generated and "title" not in stated:
        extra["title_generated"] = True
    return Imported(
        finish_title(values.get("title", "")), found.body, path,
        date=iso_date(values.get("date", "")), updated=iso_date(values.get("updated", "")),
        author=values.get("author", ""), source=values.get("source", ""),
        url=http_url(values.get("url", "")),
        summary=first_sentences(summary) if summary else "", extra=extra, trace=tuple(trace))


HEADLINE_MIN_WORDS = 5
"""Fewest words of an `<h1>` that lengthens the `<title>` for it to be taken as the headline
(a masthead, "Lakeside Gazette Online", is shorter)."""
TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|\-\u2013\u2014:\u00b7]|::)\s+")


def set_headline(title: Found | None, h1: list[str]) -> Found | None:
    """An old page's headline, set in large bold type (a heading only once `prepare` made it
    one), when its `<title>` is a shortened form of it ("Gazette - Mill pond restored" for
    "Mill pond restored after forty years"); else None."""
    if title is None or title.rule != "html: <title>" or not h1:
        return None
    parts = [fold(p) for p in TITLE_SEPARATORS_RE.split(title.value) if len(p.split()) >= 2]
    for heading in h1:
        folded = fold(heading)
        if len(folded.split()) >= HEADLINE_MIN_WORDS and any(
                folded.startswith(f"{p} ") and len(folded.split()) >= len(p.split()) + 2
                for p in parts):
            return Found(heading, "html: <h1>")
    return None


def read_page(html: str, path: Path, url: str = "", rules: SiteRules | None = None) -> Imported:
    """A saved or fetched page as an Imported record; ImportRefused if it has no article
    (`rules`: site.yaml's `import:` boilerplate)."""
    page = read_page_info(html)
    stated = page_fields(page, html, url)
    base = url or (stated["url"].value if "url" in stated else "")
    prepared = prepare(html)
    markdown = extract_markdown(prepared, base)
    shown = read_page_info(prepared) if prepared != html else page
    headings = shown.headings
    headline = set_headline(stated.get("title"), shown.h1)
    if headline is not None:
        stated["title"] = headline
    visible = set(words(" ".join(page.blocks)).split())
    if len(set(words(markdown).split()) & visible) < MIN_WORDS:
        raise ImportRefused.at(
            path, None, "found no article text in this page",
            "if the page is built by JavaScript, save it after it has loaded, or copy the "
            "article's text into a .txt file and import that")
    if "author" not in stated:
        named = byline_author(read_shown(html))
        if named:
            stated["author"] = Found(named, "html: byline element")
    title = stated["title"].value if "title" in stated else ""
    source = stated["source"].value if "source" in stated else ""
    tidied = tidy(markdown, title, page.blocks,
                  [source, stated["author"].value if "author" in stated else ""],
                  headings, page.quotes,
                  stated["summary"].value if "summary" in stated else "", shown.signups)
    kept, cut = cut_teaser_grid(re.split(r"\n\s*\n", tidied.markdown), base)
    found = clean("\n\n".join(kept), title, rules, source)
    found = keep_lede(found, page.blocks,
                      stated["author"].value if "author" in stated else found.author)
    found, dropped = drop_standfirst(
        found, stated["summary"].value if "summary" in stated else "", page.blocks,
        stated["author"].value if "author" in stated else found.author)
    byline = None if "author" in stated or found.author else page_byline(page, markdown, title)
    if byline is not None:
        stated["author"] = Found(byline[0], "html: byline line")
        if byline[1] and "date" not in stated and not found.date:
            stated["date"] = Found(byline[1], "html: byline line")
    weak = None if "source" in stated or found.source else weak_source(page)
    if weak is not None:
        stated["source"] = Found(*weak)
    values = [v.value for v in stated.values()] + [found.title, found.author, found.source]
    trace = [Trace("dropped", "extractor: not main text", block)
             for block in left_out(page, f"{markdown}\n\n{tidied.markdown}", values)]
    trace.extend([*tidied.trace, *cut, *dropped])
    return merge(path, stated, found, trace)

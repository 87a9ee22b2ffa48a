"""Raw article text → a clean title, metadata and a Markdown body.

Articles arrive as text copied out of web pages, newsletters and report generators: a title
that is repeated, headings in ALL CAPS, the outlet and author buried at the bottom, and share
buttons, comment forms and "related articles" lists mixed in.  Every step here is a small pure
function with one concern, so each heuristic can be read, tested and changed on its own; the
entry points (`normalise`, `normalise_markdown`) only chain them.

The pipeline works on `Block`s (one paragraph or heading each) holding *plain* text; Markdown
is produced only at the very end, where plain text is escaped so that untrusted input can never
turn into markup.  Nothing is invented: metadata is filled in only when the text states it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType

from readsite.normalise import (
    blocks as _blocks,
)
from readsite.normalise import (
    boilerplate as _boilerplate,
)
from readsite.normalise import (
    byline as _byline,
)
from readsite.normalise import (
    chrome as _chrome,
)
from readsite.normalise import (
    dates as _dates,
)
from readsite.normalise import (
    furniture as _furniture,
)
from readsite.normalise import (
    header as _header,
)
from readsite.normalise import (
    lists as _lists,
)
from readsite.normalise import (
    masthead as _masthead,
)
from readsite.normalise import (
    metadata as _metadata,
)
from readsite.normalise import (
    newsletter as _newsletter,
)
from readsite.normalise import (
    outlets as _outlets,
)
from readsite.normalise import (
    repairs as _repairs,
)
from readsite.normalise import (
    sitemenu as _sitemenu,
)
from readsite.normalise import (
    summary as _summary,
)
from readsite.normalise import (
    title as _title,
)
from readsite.normalise.blocks import (
    Block,
    markdown_block,
    plain_markdown,
    split_blocks,
    split_markdown,
    split_numbered,
    to_blocks,
    unmark_plain,
)
from readsite.normalise.boilerplate import (
    BOILERPLATE_LINES,
    SOURCE_BOILERPLATE,
    TAIL_MARKERS,
    drop_matching,
    is_boilerplate,
    is_tail_marker,
    line_rule,
    strip_boilerplate,
)
from readsite.normalise.byline import (
    extract_author_box,
    is_bio,
    is_name,
    list_authors,
    mentions,
    parse_byline,
    parse_name_outlet,
    parse_signature,
    strip_bios,
)
from readsite.normalise.dates import MONTHS, parse_date, storage_date
from readsite.normalise.escape import escape_heading, escape_inline, escape_paragraph, to_markdown
from readsite.normalise.furniture import PRESS_TAIL
from readsite.normalise.headings import (
    casing_map,
    is_all_caps,
    is_heading_like,
    is_section_heading,
    mark_headings,
    recase_headings,
    title_case,
)
from readsite.normalise.lists import restore_lists
from readsite.normalise.metadata import (
    Metadata,
    as_url,
    extract_metadata,
    extract_storage_dates,
    header_end,
    is_prose,
    parse_header_fields,
    parse_label_line,
    parse_source_line,
    parse_url_line,
)
from readsite.normalise.newsletter import issue_title, menu_items
from readsite.normalise.outlets import (
    KNOWN_OUTLETS,
    find_dateline,
    name_outlet_line,
    outlet_below,
    parse_outlet_timestamp,
)
from readsite.normalise.repairs import (
    cut_off_tail,
    drop_cut_off,
    repair_citations,
    strip_citation_markers,
)
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import strip_site_menu
from readsite.normalise.siterules import SiteRules, propose_boilerplate
from readsite.normalise.summary import (
    DEK_LIMIT,
    SUMMARY_LIMIT,
    first_sentences,
    is_dek,
    take_summary,
)
from readsite.normalise.text import clean_lines, clean_text, fold, fold_line, split_sentences, words
from readsite.normalise.title import (
    balance_quotes,
    derive_title,
    finish_title,
    is_title_like,
    make_slug,
    same_line,
    take_title,
)
from readsite.normalise.trace import Trace

__all__ = [
    "BOILERPLATE_LINES",
    "DEK_LIMIT",
    "KNOWN_OUTLETS",
    "MONTHS",
    "RULES",
    "SUMMARY_LIMIT",
    "TAIL_MARKERS",
    "Block",
    "Metadata",
    "Normalised",
    "Rule",
    "SiteRules",
    "Trace",
    "as_url",
    "balance_quotes",
    "casing_map",
    "clean_text",
    "cut_off_tail",
    "derive_title",
    "drop_cut_off",
    "drop_matching",
    "escape_heading",
    "escape_inline",
    "escape_paragraph",
    "extract_author_box",
    "extract_metadata",
    "extract_storage_dates",
    "find_dateline",
    "finish_title",
    "first_sentences",
    "fold",
    "fold_line",
    "header_end",
    "is_all_caps",
    "is_bio",
    "is_boilerplate",
    "is_dek",
    "is_heading_like",
    "is_name",
    "is_prose",
    "is_section_heading",
    "is_tail_marker",
    "is_title_like",
    "issue_title",
    "line_rule",
    "list_authors",
    "make_slug",
    "mark_headings",
    "markdown_block",
    "mentions",
    "menu_items",
    "name_outlet_line",
    "normalise",
    "normalise_blocks",
    "normalise_markdown",
    "outlet_below",
    "parse_byline",
    "parse_date",
    "parse_header_fields",
    "parse_label_line",
    "parse_name_outlet",
    "parse_outlet_timestamp",
    "parse_signature",
    "parse_source_line",
    "parse_url_line",
    "plain_markdown",
    "propose_boilerplate",
    "recase_headings",
    "repair_citations",
    "restore_lists",
    "same_line",
    "split_blocks",
    "split_markdown",
    "split_sentences",
    "storage_date",
    "strip_bios",
    "strip_boilerplate",
    "strip_citation_markers",
    "strip_site_menu",
    "take_summary",
    "take_title",
    "title_case",
    "to_blocks",
    "to_markdown",
    "unmark_plain",
    "words",
]

# --------------------------------------------------------------------------- the result


@dataclass(frozen=True, slots=True)
class Normalised:
    """One article after normalisation: what the importer writes as front matter + body."""

    title: str
    """Headline, plain text, never ending in a period."""
    source: str
    """The outlet the article came from ("TechCrunch"); "" if the text does not say."""
    author: str
    """Who wrote it; "" if the text does not say."""
    url: str
    """Where it was originally published; "" unless the text states it."""
    date: dt.date | None
    """Publication date, only when the text states one; never guessed."""
    summary: str
    """One or two sentences of plain text: the dek if there is one, else the opening."""
    body: str
    """The article as Markdown: `## ` headings and paragraphs separated by one blank line."""
    trace: tuple[Trace, ...] = ()
    """Every value found (with its rule and input line) and every line dropped or rewritten."""
    title_generated: bool = False
    """The text states no headline: `title` was derived from its opening."""
    extra: dict[str, str] = field(default_factory=dict)
    """Label lines' values: `podcast`, `host`, `guest`, `topic`."""
    updated: dt.date | None = None
    """Date an "Updated ..." line states, if any."""


def _collect_rules(modules: Sequence[ModuleType]) -> dict[str, Rule]:
    """Every `Rule` the concern modules declare, by name."""
    found: dict[str, Rule] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Rule):
                found[value.name] = value
    return dict(sorted(found.items()))


RULES = _collect_rules((_blocks, _boilerplate, _byline, _chrome, _dates, _furniture, _header,
                        _lists, _masthead, _metadata, _newsletter, _outlets, _repairs, _sitemenu,
                        _summary, _title))
"""Every normaliser rule by name: what a `Trace.rule` refers to (`import --explain`)."""


def normalise_blocks(blocks: Sequence[Block], rules: SiteRules | None = None) -> Normalised:
    """The shared pipeline over parsed blocks: chrome, metadata, title, headings, dek, body."""
    site = rules or SiteRules()
    traces: list[Trace] = []
    stored, cleaned, found = extract_storage_dates(blocks)
    traces += found
    cleaned, found = repair_citations(cleaned)
    traces += found
    cleaned, found = _chrome.strip_chrome_blocks(cleaned)
    traces += found
    cleaned, found = strip_boilerplate(cleaned, site.boilerplate)
    traces += found
    cleaned, site_name, found = strip_site_menu(cleaned)
    traces += found
    framed = any(t.rule in ("email-footer", "media-chrome") and t.action == "dropped"
                 and _newsletter.is_email_frame(t.text) for t in traces)
    cleaned, found = _newsletter.drop_preheader(cleaned, framed)
    traces += found
    dropped = [(t.line, t.text) for t in traces if t.action == "dropped"]
    head = _header.strip_header(cleaned, [text for _, text in dropped])
    cleaned, site_name = head.blocks, site_name or head.source
    traces += head.traces
    meta, cleaned, found_meta = extract_metadata(cleaned, site.outlets)
    traces += found_meta
    box_author, cleaned, found = extract_author_box(cleaned)
    traces += found
    author, source = meta.author or box_author or head.author, meta.source or site_name
    cleaned, found = strip_bios(cleaned, author, header_end(cleaned), 3)
    traces += found
    cleaned, issue_source, found = issue_title(cleaned, menu_items(traces), source)
    traces += found
    source = source or issue_source
    end = header_end(cleaned)
    opening = cleaned[end].line if end < len(cleaned) else None
    header = any(opening is None or 0 < t.line < opening for t in found_meta)
    cleaned = _header.headline_first(cleaned, head.headline)
    choice = take_title(cleaned, header, forced=bool(head.headline) and bool(cleaned)
                        and cleaned[0].line == head.headline)
    traces += choice.traces
    rest = choice.rest
    source = source or choice.source
    beside = name_outlet_line(rest[0]) if rest and not author else None
    if beside is not None:
        author, source = beside[0], source or beside[1]
        traces += beside[2]
        rest = rest[1:]
    lone = _byline.lone_name(rest) if not author and choice.stated else None
    if lone is not None and not _byline.looks_like_outlet(lone[0]):
        author = lone[0]
        found_block = rest[lone[1]]
        traces.append(_byline.LONE_NAME.found("author", author, found_block.line))
        rest = [b for b in rest if b is not found_block]
    header_lines = {t.line for t in traces if t.field in ("author", "date")}
    below = outlet_below(rest, header_lines) if header and not source else None
    if below is not None:
        source = below[0]
        traces.append(below[1])
        rest = rest[1:]
    company = None if source else _masthead.wire_company(
        [(t.line, t.text) for t in traces if t.action == "dropped"]
        + [(b.line, b.text) for b in rest if not b.markup])
    if company is not None:
        source = company[0]
        traces.append(company[1])
    dateline = None if source else find_dateline(rest)
    if dateline is not None:
        source = dateline[0]
        traces.append(dateline[1])
    issuer = next((t for t in traces if t.rule == PRESS_TAIL.name and t.field == "source"), None)
    source = source or (issuer.text if issuer else "")
    named = None if source else _newsletter.newsletter_name(
        [(t.line, t.text) for t in traces if t.action == "dropped"])
    if named is not None:
        source = named[0]
        traces.append(named[1])
    footer = None if source else _masthead.footer_outlet(
        [(t.line, t.text) for t in traces if t.action == "dropped"]
        + [(b.line, b.text) for b in rest[-3:] if not b.markup])
    if footer is not None and fold(footer[0]) not in fold(author):  # not the writer's own ©
        source = footer[0]
        traces.append(footer[1])
    tail = None if source else _masthead.named_tail(
        [(t.line, t.text) for t in traces if t.action == "dropped"]
        + [(b.line, b.text) for b in rest[-6:] if not b.markup])
    if tail is not None and fold(tail[0]) not in fold(author):
        source = tail[0]
        traces.append(tail[1])
    if source and _title.is_department(source):  # a unit's name: the institution instead
        owner = (issuer.text, issuer) if issuer else _masthead.footer_outlet(
            [(t.line, t.text) for t in traces if t.action == "dropped"]
            + [(b.line, b.text) for b in rest[-3:] if not b.markup])
        if owner is not None and not _title.is_department(owner[0]):
            source = owner[0]
            traces.append(_title.INSTITUTION.found("source", source, owner[1].line))
    if is_all_caps(source):  # an ALL-CAPS masthead: as the page writes it elsewhere, if it does
        source = _header.mixed_case(source, [b.text for b in blocks])
    rest, found = drop_matching(rest, site.for_source(source), SOURCE_BOILERPLATE)
    traces += found
    rest, found = drop_cut_off(rest)
    traces += found
    rest, found = restore_lists(rest)
    traces += found
    rest = mark_headings(rest)
    casing = casing_map(b.text for b in rest if not b.heading)
    rest = recase_headings(rest, casing)
    title = choice.title
    if choice.stated and is_all_caps(title):
        title = title_case(title, casing)
    byline = min((t.line for t in traces if t.action == "found" and t.field in ("author", "date")
                  and t.line and (not head.headline or t.line > head.headline)), default=0)
    headline = next((t.line for t in choice.traces if t.field == "title"), 0)
    summary, rest, found = take_summary(title, choice.stated, rest, byline, headline)
    traces += found
    return Normalised(
        title=finish_title(plain_markdown(title) if choice.markup else title),
        source=source, author=list_authors(author), url=meta.url,
        date=meta.date or stored or meta.updated,
        summary=summary, body=to_markdown(rest), trace=tuple(traces),
        title_generated=not choice.stated and bool(title), extra=dict(meta.extra),
        updated=meta.updated if meta.date or stored else None,
    )


def normalise(raw: str, rules: SiteRules | None = None) -> Normalised:
    """Plain article text (as copied from a page or report) → a clean Normalised article."""
    text, first = clean_lines(raw)
    return normalise_blocks(to_blocks(split_numbered(text, first)), rules)


def normalise_markdown(raw: str, rules: SiteRules | None = None) -> Normalised:
    """A Markdown file without front matter: same rules, but its Markdown is kept as written."""
    text, first = clean_lines(raw)
    return normalise_blocks(unmark_plain(split_markdown(text, first)), rules)

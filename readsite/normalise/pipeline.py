"""The normaliser's pipeline: raw article text → a clean title, metadata and Markdown body.

Each concern (chrome, header, metadata, title, byline, outlet, headings, summary, escaping) is
its own module of small, named rules; this module only chains them in the order that lets each
one see what it needs (chrome goes before the header is modelled; the title is taken before
headings are marked; Markdown is produced only at the very end, from plain text, so untrusted
input can never turn into markup) and carries every `Trace` along for `import --explain`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from readsite.normalise import byline as _byline
from readsite.normalise import chrome as _chrome
from readsite.normalise import header as _header
from readsite.normalise import newsletter as _newsletter
from readsite.normalise.blocks import (
    Block,
    plain_markdown,
    split_markdown,
    split_numbered,
    to_blocks,
    unmark_plain,
)
from readsite.normalise.boilerplate import SOURCE_BOILERPLATE, drop_matching, strip_boilerplate
from readsite.normalise.byline import bio_author, extract_author_box, list_authors, strip_bios
from readsite.normalise.capsmast import caps_masthead
from readsite.normalise.contacts import contact_blocks
from readsite.normalise.escape import to_markdown
from readsite.normalise.footer import strip_footer
from readsite.normalise.gallery import strip_gallery
from readsite.normalise.headings import (
    casing_map,
    is_all_caps,
    mark_headings,
    recase_headings,
    title_case,
)
from readsite.normalise.leadchrome import strip_long_lead
from readsite.normalise.lists import restore_lists
from readsite.normalise.longtail import strip_long_tail
from readsite.normalise.masthead import named_tail
from readsite.normalise.metadata import extract_metadata, extract_storage_dates, header_end
from readsite.normalise.names import name_case
from readsite.normalise.newsletter import issue_title, menu_items
from readsite.normalise.outletname import BYLINE_RULES, OUTLET_FORM, outlet_form
from readsite.normalise.outlets import dateline_date, name_outlet_line, outlet_under_byline
from readsite.normalise.pagesource import confirm_source
from readsite.normalise.repairs import drop_cut_off, repair_citations
from readsite.normalise.selfnames import named_in, strip_self_named
from readsite.normalise.sitemenu import (
    HOME_WORDS,
    is_nav_item,
    strip_leading_sections,
    strip_site_menu,
)
from readsite.normalise.sitenames import (
    DOMAIN_MASTHEAD,
    domain_masthead,
    footer_name,
    outlet_without_place,
    source_line,
)
from readsite.normalise.siterules import SiteRules
from readsite.normalise.sourcing import fallback_source
from readsite.normalise.storylabel import drop_story_label
from readsite.normalise.subheads import mark_subheads
from readsite.normalise.summary import take_summary
from readsite.normalise.tagline import site_tagline
from readsite.normalise.text import clean_lines
from readsite.normalise.title import finish_title, take_title
from readsite.normalise.titlebar import strip_title_bar
from readsite.normalise.tocheads import contents_headings
from readsite.normalise.trace import Trace


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



def chrome_named(traces: Sequence[Trace]) -> list[str]:
    """The outlet that the page's dropped chrome names ("Read The Kansai Dispatch in the app",
    "Subscribe to X"), if any: a stated name, stronger than a guess from the menu's layout."""
    named = named_tail([(t.line, t.text) for t in traces if t.action == "dropped"])
    return [named[0]] if named else []


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
    cleaned, found = contact_blocks(cleaned)
    traces += found
    framed = any(t.rule in ("email-footer", "media-chrome") and t.action == "dropped"
                 and _newsletter.is_email_frame(t.text) for t in traces)
    cleaned, found = _newsletter.drop_preheader(cleaned, framed)  # before the masthead
    traces += found
    cleaned, domain, footer_domain, found = domain_masthead(cleaned)
    traces += found
    cleaned, found = strip_leading_sections(
        cleaned, frozenset(t.line for t in traces if t.action == "dropped"))
    traces += found
    cleaned, bar_source, found = strip_title_bar(cleaned)
    traces += found
    cleaned, tagged, found = site_tagline(cleaned)  # before the menu run can swallow the name
    traces += found
    if not tagged:
        cleaned, tagged, found = caps_masthead(cleaned)
        traces += found
    cleaned, site_name, found = strip_site_menu(
        cleaned, frozenset(t.line for t in traces if t.action == "dropped"),
        frozenset(t.line for t in traces if t.action == "dropped"
                  and t.text.strip().casefold() in HOME_WORDS))
    traces += found
    site_name = tagged or site_name
    lead = next((i for i, b in enumerate(cleaned) if not is_nav_item(b)), len(cleaned))
    if framed and not any(t.rule == "preheader" for t in traces):  # an e-mail under a menu
        under, found = _newsletter.drop_preheader(cleaned[lead:], framed)
        cleaned, traces = [*cleaned[:lead], *under], traces + found
    framing = any(t.rule in ("site-menu", "preheader") for t in traces)
    if not site_name and (framing or lead):
        under, site_name, found = caps_masthead(cleaned[lead:], not framing)  # under the menu
        cleaned, traces = [*cleaned[:lead], *under], traces + found
    dropped = [(t.line, t.text) for t in traces if t.action == "dropped"]
    head = _header.strip_header(cleaned, [text for _, text in dropped],
                                frozenset(line for line, _ in dropped))
    lead_source = ""
    if not head.headline or head.blocks[0].line != head.headline:  # a whole page's header,
        cut, lead_source, found = strip_long_lead(cleaned)  # which the model could not clear
        if found:
            outlet = next((t for t in head.traces if t.field == "source"), None)
            if not lead_source and outlet is not None:  # the masthead the model did read
                lead_source = outlet.text
                found.append(outlet)
            cleaned, traces = cut, traces + found
            dropped += [(t.line, t.text) for t in found if t.action == "dropped"]
            head = _header.strip_header(cleaned, [text for _, text in dropped],
                                        frozenset(line for line, _ in dropped))
            if not head.headline and head.blocks and head.blocks[0].line == cut[0].line:
                head = replace(head, headline=cut[0].line)  # the long lead's headline stands
    cleaned, site_name = head.blocks, site_name or head.source or lead_source
    traces += head.traces
    meta, cleaned, found_meta = extract_metadata(cleaned, site.outlets)
    traces += found_meta
    box_author, cleaned, found = extract_author_box(cleaned)
    traces += found
    host = next((t.text for t in traces if t.field == "author" and t.rule == "caps-masthead-host"),
                "")
    author = meta.author or box_author or head.author or host
    source = meta.source or site_name or bar_source or domain
    source, found = confirm_source(source, traces, [b.text for b in blocks])
    traces += found  # a whole page's menu label is no outlet: later rules may find the real one
    cleaned, found = strip_bios(cleaned, author, header_end(cleaned), 3)
    traces += found
    bio = None if author else bio_author(found)
    if bio is not None:
        author = bio[0]
        traces.append(bio[1])
    cleaned, found = strip_footer(cleaned, author)
    traces += found
    cleaned, found = strip_bios(cleaned, author, 0, 3)  # a bio the footer stood under
    traces += found
    cleaned, _, found = strip_self_named(cleaned, min(3, len(cleaned)))
    traces += found
    cleaned, issue_source, found = issue_title(cleaned, menu_items(traces), source)
    traces += found
    source = source or issue_source
    end = header_end(cleaned)
    opening = cleaned[end].line if end < len(cleaned) else None
    header = any(opening is None or 0 < t.line < opening for t in found_meta)
    cleaned = _header.headline_first(cleaned, head.headline)
    choice = take_title(cleaned, header, forced=bool(head.headline) and bool(cleaned)
                        and cleaned[0].line == head.headline,
                        chrome=[t.text for t in traces if t.action == "dropped"])
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
    below = outlet_under_byline(rest, header_lines) if header and not source else None
    if below is not None:
        source = below[0]
        traces.append(below[1])
        rest = [*rest[:below[2]], *rest[below[2] + 1:]]
    source = fallback_source(source, author, rest, traces, blocks)
    given = None if source else named_in([(t.line, t.text) for t in traces
                                          if t.action == "dropped"])
    if given is not None:
        source = given[0]
        traces.append(given[1])
    named = None if source else footer_name(rest)
    if named is not None:
        source, rest = named[0], named[1]
        traces += named[2]
    if not source and footer_domain[0]:
        source = footer_domain[0]
        traces.append(DOMAIN_MASTHEAD.found("source", source, footer_domain[1]))
    source = outlet_without_place(source, traces, source_line(traces, source))
    formed = outlet_form(source, next((t.rule for t in traces if t.field == "source"
                                       and t.text == source), ""),
                         [line for b in blocks for line in b.text.splitlines()],
                         [*(t.text for t in traces if t.field == "source"
                            and t.rule in BYLINE_RULES), *chrome_named(traces)])
    if formed != source:
        source = formed
        traces.append(OUTLET_FORM.found("source", source))
    rest, found = drop_matching(rest, site.for_source(source), SOURCE_BOILERPLATE)
    traces += found
    rest, found = strip_long_tail(rest)  # after the outlet and author are read
    traces += found
    rest, found = strip_gallery(rest)
    traces += found
    rest, found = drop_cut_off(rest)
    traces += found
    rest, found = restore_lists(rest)
    traces += found
    rest, found = mark_subheads(mark_headings(rest))
    traces += found
    rest, found = contents_headings(rest, [t.text for t in traces if t.action == "dropped"
                                           and t.rule == "table-of-contents"])
    traces += found  # after `mark_headings`, which never takes a name-shaped line on its own
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
    rest, found = drop_story_label(rest, bool(byline) or any(t.rule == "dek" for t in found),
                                   [t.text for t in traces if t.action == "dropped"])
    traces += found
    dated = None if meta.date or stored or meta.updated else dateline_date(rest)
    if dated is not None:
        traces.append(dated[1])
    return Normalised(
        title=finish_title(plain_markdown(title) if choice.markup else title),
        source=source, author=list_authors(name_case(author)), url=meta.url,
        date=meta.date or stored or meta.updated or (dated[0] if dated else None),
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

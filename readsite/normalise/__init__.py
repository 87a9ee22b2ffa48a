"""Raw article text → a clean title, metadata and a Markdown body.

Articles arrive as text copied out of web pages, newsletters and report generators: a title
that is repeated, headings in ALL CAPS, the outlet and author buried at the bottom, and share
buttons, comment forms and "related articles" lists mixed in.  Every step here is a small pure
function with one concern, so each heuristic can be read, tested and changed on its own; the
entry points (`normalise`, `normalise_markdown`) only chain them.

The pipeline works on `Block`s (one paragraph or heading each) holding *plain* text; Markdown
is produced only at the very end, where plain text is escaped so that untrusted input can never
turn into markup.  Nothing is invented: metadata is filled in only when the text states it.
The pipeline itself is in `pipeline`; this module re-exports the public names of every concern
module (what importers and tests use) and lists every rule by name (`RULES`).
"""

from __future__ import annotations

from collections.abc import Sequence
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
    capsmast as _capsmast,
)
from readsite.normalise import (
    captions as _captions,
)
from readsite.normalise import (
    chrome as _chrome,
)
from readsite.normalise import (
    clipchrome as _clipchrome,
)
from readsite.normalise import (
    comments as _comments,
)
from readsite.normalise import (
    contacts as _contacts,
)
from readsite.normalise import (
    controls as _controls,
)
from readsite.normalise import (
    copyrightforms as _copyrightforms,
)
from readsite.normalise import (
    dates as _dates,
)
from readsite.normalise import (
    factrow as _factrow,
)
from readsite.normalise import (
    footer as _footer,
)
from readsite.normalise import (
    furniture as _furniture,
)
from readsite.normalise import (
    gallery as _gallery,
)
from readsite.normalise import (
    header as _header,
)
from readsite.normalise import (
    headerdates as _headerdates,
)
from readsite.normalise import (
    headerfields as _headerfields,
)
from readsite.normalise import (
    headerlines as _headerlines,
)
from readsite.normalise import (
    headline as _headline,
)
from readsite.normalise import (
    homelinks as _homelinks,
)
from readsite.normalise import (
    leadchrome as _leadchrome,
)
from readsite.normalise import (
    linerules as _linerules,
)
from readsite.normalise import (
    lists as _lists,
)
from readsite.normalise import (
    longtail as _longtail,
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
    numbering as _numbering,
)
from readsite.normalise import (
    outletname as _outletname,
)
from readsite.normalise import (
    outlets as _outlets,
)
from readsite.normalise import (
    pagesource as _pagesource,
)
from readsite.normalise import (
    pitches as _pitches,
)
from readsite.normalise import (
    postmeta as _postmeta,
)
from readsite.normalise import (
    promos as _promos,
)
from readsite.normalise import (
    publishedline as _publishedline,
)
from readsite.normalise import (
    release as _release,
)
from readsite.normalise import (
    repairs as _repairs,
)
from readsite.normalise import (
    rolelines as _rolelines,
)
from readsite.normalise import (
    runon as _runon,
)
from readsite.normalise import (
    selfnames as _selfnames,
)
from readsite.normalise import (
    sitemenu as _sitemenu,
)
from readsite.normalise import (
    sitenames as _sitenames,
)
from readsite.normalise import (
    storylabel as _storylabel,
)
from readsite.normalise import (
    subheads as _subheads,
)
from readsite.normalise import (
    summary as _summary,
)
from readsite.normalise import (
    tagline as _tagline,
)
from readsite.normalise import (
    tails as _tails,
)
from readsite.normalise import (
    teaserbox as _teaserbox,
)
from readsite.normalise import (
    title as _title,
)
from readsite.normalise import (
    titlebar as _titlebar,
)
from readsite.normalise import (
    tocheads as _tocheads,
)
from readsite.normalise import (
    widgets as _widgets,
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
from readsite.normalise.linerules import READ_ALSO_LABELS
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
from readsite.normalise.names import is_name
from readsite.normalise.newsletter import issue_title, menu_items
from readsite.normalise.outlets import (
    KNOWN_OUTLETS,
    find_dateline,
    name_outlet_line,
    outlet_below,
    parse_outlet_timestamp,
)
from readsite.normalise.pipeline import Normalised, normalise, normalise_blocks, normalise_markdown
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
    "PRESS_TAIL",
    "READ_ALSO_LABELS",
    "RULES",
    "SOURCE_BOILERPLATE",
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
    "clean_lines",
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
    "split_numbered",
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


def _collect_rules(modules: Sequence[ModuleType]) -> dict[str, Rule]:
    """Every `Rule` the concern modules declare, by name."""
    found: dict[str, Rule] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Rule):
                found[value.name] = value
    return dict(sorted(found.items()))


RULES = _collect_rules((_blocks, _boilerplate, _byline, _capsmast, _captions, _chrome,
                        _clipchrome, _comments, _contacts, _controls, _copyrightforms, _dates,
                        _factrow, _footer, _furniture, _gallery, _header, _headerdates,
                        _headerfields, _headerlines, _headline, _homelinks, _leadchrome,
                        _linerules, _longtail, _lists, _masthead, _metadata, _newsletter,
                        _numbering, _outletname, _outlets, _pagesource, _pitches, _postmeta,
                        _promos, _publishedline, _release,
                        _repairs, _rolelines, _runon, _selfnames, _sitemenu, _sitenames,
                        _storylabel, _subheads, _summary, _tagline, _tails, _teaserbox, _title,
                        _titlebar, _tocheads, _widgets))
"""Every normaliser rule by name: what a `Trace.rule` refers to (`import --explain`)."""


"""The outlet when neither the header nor a metadata line names it: fallbacks, most trusted first.

Many clipped pages never state their outlet near the headline.  It may still stand elsewhere: a
wire company in a press release, a dateline ("NEW YORK (Reuters) —"), an "About X" press tail, a
newsletter's frame, a "© 2026 Outlet" footer or a tail naming the site.  Each fallback is tried
only when the ones before it found nothing; a unit's name ("Department of Physics") yields to
its institution, and an ALL-CAPS masthead takes the case the page writes it in elsewhere.
Every value found is traced with the rule that found it.  One statement outranks even the
header: a newswire's "News provided by" label names the company that issued the release, while
the masthead above the headline is only the wire that carried it.
"""

from __future__ import annotations

from collections.abc import Sequence

from readsite.normalise import masthead as _masthead
from readsite.normalise import newsletter as _newsletter
from readsite.normalise import title as _title
from readsite.normalise.blocks import Block
from readsite.normalise.copyrightforms import copyright_form
from readsite.normalise.furniture import PRESS_TAIL
from readsite.normalise.headings import is_all_caps
from readsite.normalise.homelinks import home_link
from readsite.normalise.outlets import find_dateline
from readsite.normalise.publishedline import published_stamp
from readsite.normalise.text import fold
from readsite.normalise.trace import Trace


def fallback_source(source: str, author: str, rest: Sequence[Block], traces: list[Trace],
                    blocks: Sequence[Block]) -> str:
    """The article's outlet: `source` if already found, else the first fallback that names
    one.  `rest`: the body blocks; `traces`: every decision so far (the dropped lines are
    searched too), to which each value found here is appended; `blocks`: the whole page."""
    issued = _masthead.provided_by(
        [(t.line, t.text) for t in traces if t.action == "dropped"]
        + [(b.line, b.text) for b in rest if not b.markup])
    if issued is not None and source and fold(issued[0]) != fold(source):
        source = issued[0]  # a newswire's page: its masthead is the wire, not the issuer
        traces.append(issued[1])
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
    stamp = None if source else published_stamp(rest)
    if stamp is not None:  # "Northbank News (Lisbon) First published ..."
        source = stamp[0]
        traces.append(stamp[1])
    issuer = next((t for t in traces if t.rule == PRESS_TAIL.name and t.field == "source"), None)
    source = source or (issuer.text if issuer else "")
    named = None if source else _newsletter.newsletter_name(
        [(t.line, t.text) for t in traces if t.action == "dropped"])
    if named is not None:
        source = named[0]
        traces.append(named[1])
    home = None if source else home_link(
        [(t.line, t.text) for t in traces if t.action == "dropped"]
        + [(b.line, b.text) for b in rest if not b.markup])
    if home is not None:  # the site naming itself, before a footer's owning company
        source = home[0]
        traces.append(home[1])
    footer = None if source else _masthead.footer_outlet(
        [(t.line, t.text) for t in traces if t.action == "dropped"]
        + [(b.line, b.text) for b in rest[-3:] if not b.markup])
    if footer is not None and fold(footer[0]) not in fold(author):  # not the writer's own ©
        source = footer[0]
        traces.append(footer[1])
    form = None if source else copyright_form(
        [(t.line, t.text) for t in traces if t.action == "dropped"]
        + [(b.line, b.text) for b in rest[-3:] if not b.markup], [b.text for b in blocks])
    if form is not None and fold(form[0]) not in fold(author):  # "Northbank® © 2026"
        source = form[0]
        traces.append(form[1])
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
        source = _masthead.mixed_case(source, [b.text for b in blocks])
    return source

"""Furniture of old hand-made pages that an extractor keeps as text: a hit counter ("Visitors
since 2003: 1,204,337", "You are visitor number 48,112") and a row of page tools
("Printer-friendly version | Email this story").

Each line is matched whole, so a sentence of the story that mentions visitors or printing
stays.
"""

from __future__ import annotations

import re

from readsite.importers.footers import plain_line
from readsite.normalise import fold

COUNTER_RE = re.compile(
    r"^(?:(?:total |unique )?(?:visitors|visits|hits|page ?views|views)(?: (?:since|from) "
    r"[\w ,.]{1,30})?\s*:?\s*[\d][\d,. ]*|you are (?:visitor|guest|reader)(?: number| no\.?| #)?"
    r"\s*:?\s*#?\d[\d,. ]*|(?:this (?:page|site|story|article) has been (?:viewed|visited|read)|"
    r"viewed|visited|read)\s+\d[\d,. ]*\s+times(?: since [\w ,.]{1,30})?|\d[\d,. ]*\s+"
    r"(?:visitors|visits|hits|page ?views)(?: since [\w ,.]{1,30})?|(?:hit|visitor) counter"
    r"\s*:?\s*\d[\d,. ]*)[.!]?$")
"""A hit counter line (folded)."""
TOOL_RE = re.compile(
    r"^(?:printer[- ]friendly(?: (?:version|page|format))?|print(?:able)?(?: (?:this|the))?"
    r"(?: (?:story|article|page|version))?|e-?mail(?: this| the)?(?: (?:story|article|page|"
    r"link))?(?: to a friend)?|send (?:this|it)?(?: (?:story|article|page))?(?: to a friend)?|"
    r"(?:e-?mail|send) to a friend|bookmark(?: this(?: page)?)?|share(?: this)?(?: (?:story|"
    r"article|page))?|text size|font size|(?:larger|smaller) text|[a+-]{1,3}|comments?"
    r"(?: \(\d+\))?|reprints?|save(?: this)?(?: (?:story|article))?|back to top|top of page|"
    r"back)$")
"""One tool of a page-tools row (folded)."""
PARTS_RE = re.compile(r"\s*[|·•]\s*|\s{2,}|\s+-\s+")


def is_old_page_furniture(paragraph: str) -> bool:
    """Whether a paragraph is a hit counter or a row of page tools (two tools or more)."""
    folded = fold(plain_line(paragraph)).strip(" []")
    if not folded or len(folded.split()) > 16:
        return False
    if COUNTER_RE.match(folded):
        return True
    parts = [p.strip(" []") for p in PARTS_RE.split(folded) if p.strip(" []")]
    return len(parts) >= 2 and all(TOOL_RE.match(p) for p in parts)

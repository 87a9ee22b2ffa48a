"""A feed item's footer: the lines a newsletter or blog platform adds under every entry.

"Forward this to a friend", a row of "Share on Bluesky · Share on Facebook", "Originally
published at <site>.", "Read on our website · 2 comments", "The post X appeared first on Y.",
Medium's "X was originally published in Y on Medium, where people are continuing the
conversation ...".
Only a run of such lines at the very end of an entry goes (the story's own last paragraph,
which may mention a friend or a website, stops the run), each with a Trace (`feed: item
footer`) for `--explain`.
"""

from __future__ import annotations

import re

from readsite.normalise import fold
from readsite.normalise.trace import Trace

FOOTER_MAX_WORDS = 40
"""Most words of one footer line (a footer is a line of furniture, not a paragraph)."""
LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
PART_SPLIT_RE = re.compile(r"\s*(?:[·•|]|\s-\s|\s–\s)\s*")
WHOLE_LINE = tuple(re.compile(p) for p in (
    r"^(?:please )?(?:forward|share|send) (?:this|it)(?: (?:e-?mail|newsletter|issue|post|"
    r"edition|story|article))? (?:on |along )?(?:to|with) (?:a friend|friends|someone|a colleague"
    r"|anyone)\b.{0,80}$",
    r"^this entry was posted in\b.{1,200}$",
    r"^related(?: (?:posts?|stor(?:y|ies)|articles?|reading))?\s*:\s*\S.{2,150}$",
    r"^.{1,200} was originally published in .{1,120} on medium, where people are continuing "
    r"the conversation by highlighting and responding to this story$",
))
"""Footer lines a whole paragraph may be (matched on its folded plain text)."""
PLACED = tuple(re.compile(p) for p in (
    r"^(?:this (?:post|article|essay|story|entry|piece) (?:was )?)?(?:originally|first) "
    r"(?:published|posted|appeared) (?:at|on|in) (?P<place>.{1,80})$",
    r"^(?:the |this )?(?:post|article|entry|story)\b.{1,200}\b(?:appeared first|first appeared|"
    r"was first published|was originally published|originally appeared|was first posted) "
    r"(?:on|at|in) (?P<place>.{1,80})$",
    r"^.{1,200}\b(?:appeared first|first appeared) on (?P<place>.{1,80})$",
    r"^(?:continue|keep) reading (?:at|on|in) (?P<place>.{1,80})$",
))
"""Footer lines that end by naming where the entry was published: only when that is a link
or a site's name ("Originally published in 1911, the map ..." is the story)."""
SITE_WORD_RE = re.compile(r"^(?:[A-Z0-9][\w'’&.-]*|of|the|and|on|for|[\w-]+\.[a-z]{2,}\S*)$")


def names_a_site(place: str, paragraph: str) -> bool:
    """Whether the end of a footer line is a site: a link in the paragraph, or a few
    capitalised words or an address ("Harbour Lab", "harbourlab.example")."""
    if LINK_RE.search(paragraph):
        return True
    said = place.strip(" .!").split()
    return 0 < len(said) <= 6 and all(SITE_WORD_RE.match(w) for w in said)


PART = re.compile(
    r"^(?:share(?: (?:this|it))?(?: (?:on|to|via|with) [\w .]{1,20})?|tweet(?: this)?|"
    r"(?:read|view|open|continue reading)(?: (?:it|this|the (?:full )?(?:post|story|article)))?"
    r"(?: (?:on|at|in) (?:our |the )?(?:website|web|site|blog|browser|app|substack|ghost|"
    r"[\w-]+\.[a-z]{2,}))?|read (?:more|online|the rest)|keep reading|"
    r"view online|\d[\d,.]*k? (?:comments?|likes?|replies|"
    r"restacks?|shares?)|(?:leave a |add a |no )?comments?|reply|like|restack|subscribe(?: now)?|"
    r"upgrade to paid)$")
"""One part of a footer row ("Share on Bluesky", "Read on our website", "2 comments")."""


def plain_line(paragraph: str) -> str:
    """A Markdown paragraph's text on one line: links as their label, marks left out."""
    text = LINK_RE.sub(lambda m: m.group(1), paragraph)
    return " ".join(text.replace("**", "").replace("__", "").split()).strip("*_ ")


def is_footer(paragraph: str) -> bool:
    """Whether a paragraph is a feed item's footer line."""
    text = plain_line(paragraph)
    folded = fold(text).strip(" .!")
    if not folded or len(folded.split()) > FOOTER_MAX_WORDS:
        return False
    if any(p.match(folded) for p in WHOLE_LINE):
        return True
    for pattern in PLACED:
        match = pattern.match(folded)
        if match:
            size = len(match.group("place").split())
            return names_a_site(" ".join(text.strip(" .!").split()[-size:]), paragraph)
    parts = [p.strip(" .!") for line in paragraph.split("\n")
             for p in PART_SPLIT_RE.split(fold(plain_line(line))) if p.strip(" .!")]
    return bool(parts) and all(PART.match(p) for p in parts) and (
        len(parts) >= 2 or "[" in paragraph)


def drop_feed_footers(markdown: str) -> tuple[str, list[Trace]]:
    """An entry's Markdown without the run of footer lines at its end."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", markdown) if p.strip()]
    end = len(paragraphs)
    while end > 1 and is_footer(paragraphs[end - 1]):
        end -= 1
    traces = [Trace("dropped", "feed: item footer", plain_line(p)) for p in paragraphs[end:]]
    return "\n\n".join(paragraphs[:end]), traces

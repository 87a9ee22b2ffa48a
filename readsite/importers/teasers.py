"""Boxes an extractor keeps inside the story: a teaser for another page whose headline is cut
short ("Friday's Best Deals: Children's Books, Lamps...") with its "Read more" link, and a
newsletter sign-up box.

A shopping or "more stories" inset set in the middle of an article is marked only by
generated class names, so the extractor keeps it, and its headline becomes a `##` heading of
the story.  What gives it away is the headline itself: it is cut short with an ellipsis, and
nothing of the story follows it, only a link (or the next heading, or the end), or the page
shows its whole headline elsewhere, on a card of the same box.  A section heading of the
story is not cut short, and the rule drops only the heading and a link, never a paragraph.

A sign-up box is known by its markup: a small element (`page.SIGNUP_MAX_WORDS`) holding a
heading and an e-mail field.  Its lines are dropped wherever the extractor kept them; the
story is never in so small an element with an e-mail field.  One whose form is only a link
("Our best stories, every Friday. [Sign up](/newsletters)") is known by its words: a heading
that asks the reader to sign up or names a newsletter, over one short paragraph holding a
link and then nothing of the story (the next heading or the end).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.trace import Trace

HEADING_RE = re.compile(r"^#{1,6}\s+(?P<text>.+)$")
LINK_ONLY_RE = re.compile(r"^\[(?P<text>[^\]\n]+)\]\([^)\n]*\)$")
CUT_SHORT = ("...", "…")
"""How a teaser's headline cut to fit its box ends."""
TEASER_MIN_WORDS = 3
"""Fewest words of a cut-short heading read as a teaser (a heading "Wait..." is a story's)."""
SIGNUP_HEADING_RE = re.compile(r"^(?:sign up|subscribe)\b|\bnewsletters?\b", re.I)
"""A heading asking the reader to sign up ("Sign up to the Island Post")."""
PITCH_MAX_WORDS = 30
"""Most words of the pitch under a sign-up heading."""
LINK_RE = re.compile(r"\[[^\]\n]+\]\([^)\n]+\)")
BUTTON_MAX_WORDS = 4
"""Most words of the link after a teaser's headline read as its button ("Read more")."""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _button(paragraph: str, heading: str) -> bool:
    """Whether a paragraph is only a link: a short button, or the teaser's headline whole."""
    match = LINK_ONLY_RE.match(paragraph.strip())
    if match is None:
        return False
    said = _words(match.group("text"))
    shown = _words(heading)
    return len(said) <= BUTTON_MAX_WORDS or said[:len(shown)] == shown


def _shown_whole(heading: str, blocks: Sequence[str]) -> bool:
    """Whether the page shows the whole of a cut-short heading elsewhere: a longer line that
    starts with its words (the other page's headline, in full, on a card of the same box)."""
    shown = _words(heading)
    return any(len(said := _words(block)) > len(shown) and said[:len(shown)] == shown
               for block in blocks)


def drop_cut_teasers(paragraphs: Sequence[str], blocks: Sequence[str] = ()
                     ) -> tuple[list[str], list[Trace]]:
    """The paragraphs without a heading cut short with an ellipsis that no text of the story
    follows (only a link to the other page, the next heading or the end), nor that link; or
    one whose whole the page shows elsewhere (`blocks`: the page's lines), where the story
    goes on after the box."""
    kept: list[str] = []
    traces: list[Trace] = []
    skip = False
    for index, paragraph in enumerate(paragraphs):
        if skip:
            skip = False
            traces.append(Trace("dropped", "extractor: teaser box", paragraph.strip()))
            continue
        match = HEADING_RE.match(paragraph.strip())
        text = match.group("text").strip() if match else ""
        if not text.endswith(CUT_SHORT) or len(_words(text)) < TEASER_MIN_WORDS:
            kept.append(paragraph)
            continue
        after = paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else ""
        button = bool(after) and _button(after, text.rstrip(".…"))
        if (after and not HEADING_RE.match(after) and not button
                and not _shown_whole(text.rstrip(".…"), blocks)):
            kept.append(paragraph)
            continue
        traces.append(Trace("dropped", "extractor: teaser box", text))
        skip = button
    return kept, traces


def drop_signups(paragraphs: Sequence[str], signups: Sequence[str]
                 ) -> tuple[list[str], list[Trace]]:
    """The paragraphs without the lines of the page's newsletter sign-up boxes (`signups`,
    from `page.Page.signups`), heading or text, compared word for word."""
    boxed = {" ".join(_words(line)) for line in signups if _words(line)}
    kept: list[str] = []
    traces: list[Trace] = []
    for paragraph in paragraphs:
        text = paragraph.strip()
        match = HEADING_RE.match(text) or LINK_ONLY_RE.match(text)
        said = " ".join(_words(match.group("text") if match else text))
        if said and said in boxed:
            traces.append(Trace("dropped", "extractor: sign-up box", text))
            continue
        kept.append(paragraph)
    return kept, traces


def drop_signup_pitches(paragraphs: Sequence[str]) -> tuple[list[str], list[Trace]]:
    """The paragraphs without a sign-up heading and the short pitch with a link under it,
    where nothing of the story follows them (only the next heading or the end)."""
    out = list(paragraphs)
    traces: list[Trace] = []
    index = 0
    while index < len(out):
        match = HEADING_RE.match(out[index].strip())
        pitch = out[index + 1].strip() if index + 1 < len(out) else ""
        after = out[index + 2].strip() if index + 2 < len(out) else ""
        if (match and SIGNUP_HEADING_RE.search(match.group("text")) and pitch
                and not HEADING_RE.match(pitch) and LINK_RE.search(pitch)
                and len(_words(pitch)) <= PITCH_MAX_WORDS
                and (not after or HEADING_RE.match(after))):
            traces += [Trace("dropped", "extractor: sign-up box", out[index].strip()),
                       Trace("dropped", "extractor: sign-up box", pitch)]
            del out[index:index + 2]
            continue
        index += 1
    return out, traces

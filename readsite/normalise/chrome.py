"""Blocks of page furniture that span more than one line: a sponsored block (its label and
the ad's paragraph), a table of contents repeating the headings below it, pull quotes (a
short paragraph repeating a sentence of the story), readers' comments and a numbered
"Most read" list after the story.

Each is recognised by structure, not by a site's wording, and each drops only text that is
furniture by construction (an ad under its label) or said again elsewhere (a table of
contents, a pull quote), so no sentence of the story is lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.comments import COMMENT_THREAD, comment_threads
from readsite.normalise.furniture import CTA_BUTTON, furniture_rule, is_cta_button
from readsite.normalise.headerlines import is_story_line, story_start
from readsite.normalise.headings import is_heading_like
from readsite.normalise.promos import is_sponsor_label
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold, fold_line, split_sentences, words
from readsite.normalise.trace import Trace

SPONSORED = Rule("sponsored-block", "A \"Sponsored\" / \"Partner content\" / \"Paid post\" label "
                 "inside the page and the ad's paragraph under it (at most 60 words): dropped.")
TABLE_OF_CONTENTS = Rule("table-of-contents", "A \"Table of contents\" / \"In this article\" "
                         "line and the short lines under it that repeat the headings below: "
                         "dropped (the headings stay where they are).")
STATS_WIDGET = Rule("stats-widget", "A match or poll stats box: label lines (\"Possession\", "
                    "\"Shots\") each over two or more bare figures (\"54%\" / \"46%\"), with its "
                    "title (\"Match stats\") above; a sentence quoting the figures stays.")
NUMBERED_TAIL = Rule("numbered-tail", "After the story, a short label (\"Most read\", "
                     "\"Popular\") over 3+ numbered headlines (\"1 Council tax to rise\"): "
                     "dropped.")
PULL_QUOTE = Rule("pull-quote", "A short paragraph inside the story that repeats words of "
                  "another, longer paragraph (a pull quote): dropped.")

SPONSOR_LABELS = frozenset({
    "sponsored", "sponsored content", "sponsored post", "sponsored by", "partner content",
    "paid content", "paid post", "paid partnership", "promoted", "promoted content",
    "advertisement feature", "advertiser content", "brand content", "from our partners",
    "in partnership with", "contenuto sponsorizzato", "contenuto offerto da", "publireportage",
    "contenu sponsorisé", "contenido patrocinado", "gesponsert", "anzeige - sponsored",
})
"""Labels (after `fold_line`) that put an advertisement under them."""

AD_WORDS = 60
"""Longest ad paragraph dropped with its label."""

TOC_MARKERS = frozenset({
    "table of contents", "contents", "in this article", "on this page", "jump to",
    "in this story", "in this guide", "jump to section", "skip to section", "indice",
    "inhalt", "inhaltsverzeichnis", "sommaire", "índice", "contenido",
})
"""Lines that open a table of contents."""

TOC_ITEM_WORDS = 14
"""Longest item of a table of contents."""

PULL_WORDS = (6, 40)
"""Word range of a pull quote."""


def _bare(text: str) -> str:
    """A text folded and stripped of punctuation, for "says the same words" tests."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def sponsored_blocks(blocks: Sequence[Block]) -> set[int]:
    """Indexes of sponsor labels and of the ad paragraph directly under each."""
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if block.markup or not (fold_line(block.text) in SPONSOR_LABELS
                                or is_sponsor_label(block.text)):
            continue
        found.add(index)
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        if (nxt is not None and not nxt.markup and not nxt.heading
                and 4 <= len(words(nxt.text)) <= AD_WORDS and not is_heading_like(nxt.text)):
            found.add(index + 1)
    return found


def table_of_contents(blocks: Sequence[Block]) -> set[int]:
    """Indexes of a table of contents: its marker and the items under it that each repeat a
    later line; nothing unless at least one item does."""
    for index, block in enumerate(blocks[:40]):
        if block.markup or fold_line(block.text) not in TOC_MARKERS:
            continue
        later = {_bare(b.text) for b in blocks[index + 1:]}
        items: list[int] = []
        for number in range(index + 1, len(blocks)):
            item = blocks[number]
            if item.markup or len(words(item.text)) > TOC_ITEM_WORDS:
                break
            rest = {_bare(b.text) for b in blocks[number + 1:]}
            if _bare(item.text) not in rest:
                break
            items.append(number)
        if items and all(_bare(blocks[i].text) in later for i in items):
            return {index, *items}
    return set()


def pull_quotes(blocks: Sequence[Block]) -> set[int]:
    """Indexes of short paragraphs after the story's start whose words are all said again,
    in order, inside another (longer) paragraph."""
    start = story_start(blocks)
    if start >= len(blocks):
        return set()
    texts = [_bare(b.text) if not b.markup else "" for b in blocks]
    joined = " " + "  ".join(texts) + " "
    same = Counter(texts)
    found: set[int] = set()
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        text = _bare(_ATTRIBUTION.sub("", block.text)) if not block.markup else ""
        if block.markup or block.heading or not PULL_WORDS[0] <= len(text.split()) <= PULL_WORDS[1]:
            continue
        if joined.count(f" {text} ") > same[text]:  # said again inside a longer paragraph
            found.add(index)
        elif _repeats_earlier(blocks, texts, index, text, start):
            found.add(index)  # the standfirst (or a quoted sentence) said again further down
    return found


def _repeats_earlier(blocks: Sequence[Block], texts: Sequence[str], index: int, text: str,
                     start: int) -> bool:
    """Whether a sentence repeats, word for word, the standfirst above the story (a block
    before `start`) or, in quotation marks, an earlier paragraph: a pull quote."""
    raw = blocks[index].text.strip()
    if not re.search(r"[.!?\"\u201d\u2019]$", raw) or texts[index - 1] == text:
        return False
    if text in texts[:start]:
        return True
    quoted = raw[:1] in "\"\u201c\u2018" and len(split_sentences(raw)) <= 2
    return quoted and text in texts[:index - 1]


_ATTRIBUTION = re.compile(r"(?:\s+[\u2014\u2013-]{1,2}|(?<=[.!?\"\u201d\u2019])[\u2014\u2013]{1,2})"
                          r"\s*(?:[A-Z][\w.'\u2019-]+\s?){1,4}$")
"""A pull quote's attribution ("— Jane Doe") after its quoted words: a dash after a space or
closing the quote, never the hyphen inside a name ("Simone Brander-Keller.")."""


PITCH_WORDS = 25
"""Longest one-line pitch dropped with the call-to-action button beside it."""

_PITCH = re.compile(r"\b(?:you|your|yours|you['’]re|you['’]ll)\b|[?!]$", re.I)
_SALES = re.compile(r"\b(?:helps? (?:you|teams?|companies|businesses|organi[sz]ations)|free|trial|"
                    r"demo|sign up|get started|in minutes|platform|customers|pricing|discover|"
                    r"see how|find out how|ready to)\b", re.I)


def _is_pitch(block: Block, button: str) -> bool:
    """A one-line sales pitch beside a button: one or two short sentences addressed to the
    reader (you, your; or a question) with a sales word or a word of the button ("See
    Northwind in action" under "Northwind plans your maintenance"); never Markdown."""
    text = block.text.strip()
    if block.markup or block.heading or not 3 <= len(words(text)) <= PITCH_WORDS:
        return False
    if len(split_sentences(text)) > 2 or not _PITCH.search(text):
        return False
    named = {w for w in re.findall(r"\b[A-Z]\w{3,}", button)} & set(re.findall(r"\w+", text))
    return bool(_SALES.search(text) or named)


def cta_blocks(blocks: Sequence[Block]) -> set[int]:
    """Indexes of call-to-action buttons after the story's start and the one-line pitch right
    above each (with a "Ready to ...?" question above the pitch)."""
    start = story_start(blocks)
    found: set[int] = set()
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        if block.markup or not is_cta_button(block.text):
            continue
        found.add(index)
        if index - 1 > start and index - 1 not in found and _is_pitch(blocks[index - 1],
                                                                      block.text):
            found.add(index - 1)
            if (index - 2 > start and _is_pitch(blocks[index - 2], block.text)
                    and blocks[index - 2].text.rstrip().endswith("?")):
                found.add(index - 2)  # "Ready to ...?" over the pitch
    return found


_NUMBERED = re.compile(r"^(?:\d{1,2})[.)]?\s+\S")


_FIGURE = re.compile(r"^[-+]?\d{1,4}(?:[.,]\d{1,2})?\s*(?:%|km|m|kg|s)?$")
_STAT_LABEL = re.compile(r"^[^\W\d][\w'’ ()/-]{0,40}$")


def stats_widget(blocks: Sequence[Block]) -> set[int]:
    """Indices of a stats box: a short label line over 2-3 bare figures, twice or more in a
    row (one label over figures alone could be a list the story gives)."""
    found: set[int] = set()
    index, run, group = 0, 0, set()
    while index < len(blocks):
        block = blocks[index]
        figures = 0
        while (index + 1 + figures < len(blocks) and not blocks[index + 1 + figures].markup
               and _FIGURE.match(blocks[index + 1 + figures].text.strip())):
            figures += 1
        if (not block.markup and _STAT_LABEL.match(block.text.strip())
                and len(words(block.text)) <= 4 and 2 <= figures <= 3):
            group |= set(range(index, index + 1 + figures))
            run += 1
            index += 1 + figures
            continue
        if run >= 2:
            found |= group
        run, group = 0, set()
        index += 1
    if run >= 2:
        found |= group
    return found | {i - 1 for i in found if i and i - 1 not in found
                    and _STATS_TITLE.match(fold_line(blocks[i - 1].text))}


_STATS_TITLE = re.compile(r"^(?:(?:match|game|key|team|player|race|head-to-head|season) )?"
                          r"(?:stats|statistics|facts and figures)\s*:?$")
"""The panel's own title ("Match stats") just above a stats box: it goes with the box."""


_HEADLINE_LABEL = re.compile(
    r"^(?:most (?:read|viewed|popular|shared|commented|emailed|watched)|trending(?: now| stories|"
    r" today| news)?|popular(?: now| today| stories| this week| on [\w&'’ -]{1,30})?|"
    r"top (?:stories|news|headlines|\d{1,2})|latest(?: news| stories| headlines)?|"
    r"(?:les )?plus (?:lus|lues)|les plus (?:lus|lues|partagés|populaires)|à la une|"
    r"lo más (?:leído|visto)|más (?:leídas|leídos|vistas|vistos)|meistgelesen|"
    r"am meisten gelesen|i più (?:letti|popolari)|più letti|what['’]s hot|hot right now|"
    r"editor['’]s picks|don['’]t miss|more (?:news|stories|headlines))"
    r"(?: (?:in|on|from) [\w&'’ -]{1,30})?$")
"""A label over a numbered list of other articles' headlines (never a label of the story's
own list: "Tracklist", "Steps", "Ingredients", "Contents of the box")."""


def numbered_tail(blocks: Sequence[Block]) -> set[int]:
    """Indexes of a label and the 3+ numbered headlines under it, after the story (no
    paragraph of the story follows them)."""
    start = story_start(blocks)
    for index in range(start + 1, len(blocks) - 3):
        label = blocks[index]
        text = label.text.strip()
        if label.markup or not 1 <= len(words(text)) <= 5 or re.search(r"[.:!?]$", text):
            continue
        if not _HEADLINE_LABEL.match(fold_line(text)):
            continue  # "Tracklist", "Steps", "Ingredients": a list of the story's own
        run = index + 1
        while (run < len(blocks) and not blocks[run].markup
               and _NUMBERED.match(blocks[run].text)
               and blocks[run].text.strip().split()[0].rstrip(".)") == str(run - index)
               and len(words(blocks[run].text)) <= 20):
            run += 1
        if run - index - 1 >= 3 and not any(is_story_line(b) for b in blocks[run:]):
            return set(range(index, run))
    return set()


PARTNER_BIO = Rule("partner-bio", "A firm's closing bio of its authors after the story (\"Jane "
                   "Doe is a partner in the firm's Employment practice ... John Roe is an "
                   "associate\"), with what follows it when that is only short lines (a "
                   "\"Contact us\" line, an e-mail) or small print (a disclaimer, \"Attorney "
                   "Advertising\").")
_PARTNER = re.compile(r"^(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+,?(?: \([^()]{3,60}\))?,? is "
                      r"(?:a|an|the) (?:senior |managing |founding |equity |junior |salaried )?"
                      r"(?:partner|associate|counsel|of counsel|shareholder|principal|member|"
                      r"trainee solicitor|paralegal)\b(?: (?:in|at|of|with|and) (?:the firm|our|"
                      r"[A-Z]|head|co-chair|chair|leader))")
PARTNER_WORDS = 80
"""Longest closing bio paragraph, in words."""

SHORT_LINE_WORDS = 20
"""Longest line after a closing bio that is not small print (a contact or an address)."""


def partner_bio(blocks: Sequence[Block]) -> set[int]:
    """Indexes of a firm author's bio paragraph after the story, and everything after it when
    that is only short lines (a "Contact our X team" pitch, an e-mail address) or small print
    (a disclaimer): nothing of the story follows a closing bio."""
    start = story_start(blocks)
    for index in range(start + 2, len(blocks)):
        block = blocks[index]
        if (block.markup or len(words(block.text)) > PARTNER_WORDS
                or not _PARTNER.match(block.text.strip())):
            continue
        if all(not b.markup and (len(words(b.text)) <= SHORT_LINE_WORDS
                                 or furniture_rule(b.text) is not None)
               for b in blocks[index + 1:]):
            return set(range(index, len(blocks)))
    return set()


def strip_chrome_blocks(blocks: Sequence[Block]) -> tuple[list[Block], list[Trace]]:
    """Drop sponsored blocks, a table of contents, pull quotes, comments and a numbered
    tail list, tracing each line."""
    rules: dict[int, Rule] = {}
    for finder, rule in ((pull_quotes, PULL_QUOTE), (table_of_contents, TABLE_OF_CONTENTS),
                         (sponsored_blocks, SPONSORED), (comment_threads, COMMENT_THREAD),
                         (numbered_tail, NUMBERED_TAIL), (cta_blocks, CTA_BUTTON),
                         (stats_widget, STATS_WIDGET), (partner_bio, PARTNER_BIO)):
        for index in finder(blocks):
            rules[index] = rule
    kept = [b for i, b in enumerate(blocks) if i not in rules]
    traces = [rules[i].dropped(blocks[i].text, blocks[i].line) for i in sorted(rules)]
    return kept, traces

"""The headline: taken from the first line, or derived honestly from an untitled text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from slugify import slugify

from readsite.config import RESERVED_SLUGS
from readsite.normalise.blocks import Block, plain_markdown
from readsite.normalise.byline import OUTLET_WORDS, is_outlet_name, looks_like_outlet
from readsite.normalise.masthead import copyright_name
from readsite.normalise.names import is_name
from readsite.normalise.outlets import KNOWN_OUTLETS
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import _WORD, cut_words, fold, split_sentences, words
from readsite.normalise.trace import Trace

FIRST_LINE = Rule("title-first-line", "The first line, when it reads as a headline (short, one "
                  "phrase, no final period; or two short sentences above a byline or date): the "
                  "title.")
GENERATED = Rule("title-generated", "No headline in the text: a short title from the opening "
                 "clause (or its first words), marked `title_generated: true`.")
REPEATED_TITLE = Rule("repeated-title", "The headline repeated just below itself (pages often "
                      "show it twice): the repeat leaves the body.")
SECTION_LABEL = Rule("section-label", "A one- or two-word section label above the headline "
                     "(\"Memphis\", \"Tech Policy\") of a page with a header (byline, date, "
                     "outlet), or above a stray headline.")
OUTLET_LINE = Rule("outlet-line", "The first line of a page with a header, when it names an "
                   "outlet (1-5 capitalised words; not a lone \"News\") above a section label or "
                   "the headline, or a show above an \"Episode 58: ...\" headline: the outlet.  "
                   "Not a person-shaped name (\"Morag Lindsay\", \"Ferry Crisis\") unless it has "
                   "an outlet word or opens with \"The\", and not a lone word (\"Scotland\") "
                   "unless it is a known outlet or the page repeats it as a name (\"© 2026 "
                   "Northbank\", \"Subscribe to Northbank\").")
STRAY_HEADLINE = Rule("stray-headline", "Another article's headline above this one (the real "
                      "headline is the line repeated just below itself).")


def is_title_like(line: str) -> bool:
    """Whether a first line reads as a headline: short, one phrase, no final period."""
    text = line.strip()
    if not text or len(text) > 200 or len(words(text)) > 25:
        return False
    if text[-1] in ".,;" or len(split_sentences(text)) > 1:
        return False
    return bool(_WORD.search(text))


SCORELINE = Rule("scoreline", "A scoreboard (\"Harbour 2 Rovers 1\") or a scorers' line "
                 "(\"Obi 34', Lee 88'\") above a match report's headline: not the headline; it "
                 "leaves the header.")
_TEAM = r"[^\W\d][\w.'’&-]*(?: [^\W\d][\w.'’&-]*){0,3}"
_SCOREBOARD = re.compile(rf"^{_TEAM}\s+\d{{1,3}}\s*[-–:,]?\s+{_TEAM}\s+\d{{1,3}}$")
_SCORER = re.compile(r"^[^\W\d][\w.'’ -]{0,40}?\s*\(?\d{1,3}(?:\+\d{1,2})?['’′]"
                     r"(?:\s*(?:\(?(?:pen|p|og)\.?\)?))?(?:,\s*\d{1,3}['’′])*\)?$", re.I)


def is_scoreline(line: str) -> bool:
    """A scoreboard ("Harbour City 2 Kingsport Rovers 1") or a scorers' line with minute marks
    ("Obi 34', Marchetti 88'"): a list of names and numbers, not a headline's prose."""
    text = line.strip()
    if _SCOREBOARD.match(text):
        return True
    parts = [p.strip() for p in re.split(r"[;,]\s*(?=[^\W\d])", text) if p.strip()]
    return bool(parts) and all(_SCORER.match(p) for p in parts)


SPLIT_HEADLINE_WORDS = 20
"""Most words of a two-sentence headline ("Rates rise again. Markets shrug")."""


def is_split_headline(line: str) -> bool:
    """Whether a first line is a headline of two short sentences (taken as one only on a page
    with a header: without one it reads like an opening paragraph)."""
    text = line.strip()
    sentences = split_sentences(text)
    if len(sentences) != 2 or len(words(text)) > SPLIT_HEADLINE_WORDS or len(text) > 150:
        return False
    return text[-1] not in ",;:" and all(s[:1].isupper() or s[:1].isdigit() for s in sentences)


def same_line(a: str, b: str) -> bool:
    """Whether two lines say the same thing up to quotes, case and spacing (a repeated title)."""
    return bool(fold(a)) and fold(a) == fold(b)



def derive_title(text: str) -> str:
    """An honest short title from an untitled text: its first clause, else its first words."""
    sentences = split_sentences(text)
    first = sentences[0] if sentences else text
    clause = re.split(r"[,;:]\s|\s[\u2013\u2014-]\s|[\u2013\u2014]", first, maxsplit=1)[0].strip()
    clause = clause.rstrip(".!?…").strip()
    if 4 <= len(words(clause)) <= 12:
        return clause
    sentence = first.rstrip(".").strip()
    if 1 <= len(words(sentence)) <= 12:
        return sentence
    return cut_words(first, 10)


def balance_quotes(title: str) -> str:
    """Close a quote a title leaves open (a cut-off headline), before any final ?/!."""
    missing = ""
    if title.count("\u201c") > title.count("\u201d"):
        missing += "\u201d"
    opens = len(re.findall(r"(?:^|(?<=[\s(\[\u2014\u2013-]))\u2018", title))
    closes = len(re.findall(r"\u2019(?!\w)", title))
    if opens > closes:
        missing = "\u2019" + missing
    if title.count('"') % 2:
        missing += '"'
    if not missing:
        return title
    match = re.search(r"[?!…]+$", title)
    cut = match.start() if match else len(title)
    return title[:cut] + missing + title[cut:]


def finish_title(title: str) -> str:
    """A title as written to front matter: single-spaced, balanced quotes, no final period
    (unless it is two sentences: "Rates rise. Markets shrug.")."""
    text = " ".join(title.split())
    if len(split_sentences(text)) < 2:  # "X. Y." keeps its period; "X." does not
        text = text.rstrip(" .")
    return balance_quotes(text)



def make_slug(title: str) -> str:
    """The article's file name and URL part: lowercase ASCII words, at most 80 characters,
    never a name Windows reserves (`con` → `con-article`), so the content folder can be
    checked out anywhere."""
    slug = slugify(title, max_length=80, word_boundary=True) or "article"
    return f"{slug}-article" if slug in RESERVED_SLUGS else slug



@dataclass(frozen=True, slots=True)
class TitleChoice:
    """The headline `take_title` chose, and what it did to the blocks above and below it."""

    title: str
    """The headline as found (or derived), before `finish_title`."""
    stated: bool
    """Whether the text states it (False: derived from the opening, `title_generated`)."""
    rest: list[Block]
    """The blocks after the headline (all blocks when it was derived)."""
    traces: list[Trace]
    """The title found, and the section labels, stray headlines and repeats dropped."""
    markup: bool = False
    """Whether the headline came from a Markdown block (so it needs `plain_markdown`)."""
    source: str = ""
    """The outlet named on a line above the headline, if any."""


KICKER_WORDS = 2
"""Longest section label above a headline ("Memphis", "Tech Policy"), in words."""


def is_kicker(block: Block, following: Block) -> bool:
    """Whether a block is a section label above the headline that follows it."""
    text = block.text.strip()
    if block.markup or block.heading or following.markup or following.heading:
        return False
    if text[-1:] in ".?!,;:":
        return False
    short = 1 <= len(words(text)) <= KICKER_WORDS and len(text) <= 30
    if not short and not (is_department(text) and len(text) <= 50):
        return False
    return is_title_like(following.text) and len(words(following.text)) >= 4


MAX_LABELS = 6
"""Most section labels stacked above a headline ("News" / "Sport" / "Business" left of a
menu whose other items were dropped as navigation)."""


def labels_above(blocks: Sequence[Block], start: int) -> int:
    """How many section labels (at most `MAX_LABELS`) stand at `start`, each a kicker of the
    headline right under them, with more of the page below it; 0 if none."""
    for count in range(1, MAX_LABELS + 1):
        if len(blocks) - start <= count + 1:
            break
        headline = blocks[start + count]
        if all(is_kicker(blocks[start + i], headline) for i in range(count)):
            return count
    return 0


INSTITUTION = Rule("institution-source", "A source that names an institution's unit (\"Office of "
                   "Public Affairs\", \"Research Communications\") when the page names the "
                   "institution itself (\"About Northmoor University\", \"© 2026 Northmoor "
                   "University\"): the institution.")
_DEPARTMENT = re.compile(r"^(?:(?:the )?(?:office|department|division|bureau|directorate|"
                         r"ministry|school|faculty|college|centre|center|institute) (?:of|for) "
                         r"[A-Z]|(?:[A-Z][\w&'’-]* ){0,3}(?:communications|public affairs|"
                         r"media relations|public relations|news office|press office|"
                         r"media office|newsroom|"
                         r"news and events|news & events)$)", re.I)


def is_department(text: str) -> bool:
    """Whether a short line names an institution's unit, not the institution ("Office of
    Public Affairs", "Research Communications", "University Newsroom")."""
    return len(words(text)) <= 6 and bool(_DEPARTMENT.match(text.strip()))


_EPISODE = re.compile(r"^(?:episode|ep\.?|folge|épisode|episodio)\s*\d{1,4}\b", re.I)
"""A podcast episode's headline ("Episode 58: ..."): the short line above it names the show."""


_ARTICLES = frozenset({"the", "der", "die", "das", "le", "la", "les", "el", "il", "lo"})
"""Articles an outlet's name may open with ("The Islander"); a person's name never does."""
_NAMING = r"(?:subscribe to|sign up (?:for|to)|follow|support|about|contact|join|donate to|" \
          r"more from|listen to|get)"
"""Chrome that names the site ("Subscribe to Northbank", "About Northbank")."""


def named_elsewhere(name: str, lines: Sequence[str]) -> bool:
    """Whether the page repeats `name` as a name: a "© 2026 Northbank" footer (its owner
    opening with the name) or a line naming the site ("Subscribe to Northbank", "Follow the
    Northbank newsletter").  A word merely used in the story ("in Scotland") does not count."""
    key = fold(name)
    if not key:
        return False
    naming = re.compile(rf"^{_NAMING}\s+(?:the\s+)?{re.escape(name.strip())}(?![\w'’-])", re.I)
    for line in lines:
        owner = fold(copyright_name(line))
        if owner == key or owner.startswith(key + " "):
            return True
        match = naming.match(line.strip())
        if match and name.strip() in line:  # the name as written, capitalised
            return True
    return False


def plain_outlet(text: str, lines: Sequence[str]) -> bool:
    """Whether a first line may be an outlet's name by its shape: not a person's name or a
    topic ("Morag Lindsay", "Ferry Crisis") unless it has an outlet word or opens with "The",
    and not one place or topic word ("Scotland") unless it is a known outlet, written like a
    brand ("GridLines"), or repeated by the page as a name."""
    parts = words(text)
    if fold(text) in KNOWN_OUTLETS or looks_like_outlet(text) or _AGENCY.search(text):
        return True
    if len(parts) >= 2 and fold(parts[0]) in _ARTICLES:
        return True
    if len(parts) == 1:
        brand = re.search(r"[a-z][A-Z]", text) is not None
        return brand or named_elsewhere(text, lines)
    return not is_name(text) or named_elsewhere(text, lines)


def is_outlet_line(block: Block, following: Sequence[Block], chrome: Sequence[str] = (),
                   header: bool = False) -> bool:
    """Whether the first block names the outlet: a short name above a section label and the
    headline, or above a headline at least twice its length.  `chrome`: lines dropped from the
    page (its footer), where a plain name is repeated.  `header`: the page states a byline or
    date in its header, so a name with an outlet word ("Le Courrier de la Vallée") over a
    headline is the masthead whatever the headline's length."""
    if block.markup or block.heading or len(following) < 2 or not is_outlet_name(block.text):
        return False
    if len(words(block.text)) > 5 or not is_title_like(block.text):
        return False
    if len(words(block.text)) == 1 and fold(block.text) in OUTLET_WORDS:
        return False  # "News" above "Research": a section label, not an outlet
    if fold(block.text) in SECTION_WORDS:
        return False  # "Culture" above "Interviews": two section labels, no outlet
    headline = following[0]
    if _EPISODE.match(headline.text) is None and not plain_outlet(
            block.text.strip(), [*(b.text for b in following[1:]), *chrome]):
        return False  # "Scotland", "Morag Lindsay" above a section label: no outlet
    if is_kicker(following[0], following[1]):
        return True
    named = (looks_like_outlet(block.text) or _EPISODE.match(headline.text) is not None
             or (block.text.startswith("The ") and len(words(block.text)) >= 2))
    agency = _AGENCY.search(block.text) is not None and not _AGENCY.search(headline.text)
    if not (named or agency) or headline.markup or not is_title_like(headline.text):
        return False
    if header and looks_like_outlet(block.text) and len(words(headline.text)) >= 4:
        return True  # "Le Courrier de la Vallée" over a headline and its byline
    return len(words(headline.text)) >= max(6, (1 if agency else 2) * len(words(block.text))
                                            + (1 if agency else 0))


def _is_label(block: Block) -> bool:
    """Whether a block is short enough, and unpunctuated, to be a menu item or section label."""
    text = block.text.strip()
    return (not block.markup and not block.heading and text[-1:] not in ".?!,;:"
            and 1 <= len(words(text)) <= KICKER_WORDS and len(text) <= 30)


def labels_over_outlet(blocks: Sequence[Block], chrome: Sequence[str] = (),
                       header: bool = False) -> int:
    """Where the outlet's line stands when only labels are above it (what a menu leaves
    once its navigation is dropped: "News" / "Sport" / "Le Courrier des Monts" / headline):
    its index, 0 when it opens the text, -1 when there is none."""
    for at in range(min(MAX_LABELS, len(blocks) - 3) + 1):
        if is_outlet_line(blocks[at], blocks[at + 1:], chrome, header):
            return at
        if not _is_label(blocks[at]):
            break
    return -1


_AGENCY = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,4}(?:Department|Ministry|Agency|Office|Authority|"
                     r"Commission|Bureau|Administration|Secretariat|Directorate)\b(?: (?:of|for) "
                     r"(?:the )?[A-Z][\w'’-]*(?: (?:and |& )?[A-Z][\w'’-]*){0,4})?$")
"""A government body's name ("Lakeland Department of Water Resources") as a whole line."""


def is_agency(text: str) -> bool:
    """Whether a whole line is a government body's name (a press release's issuer)."""
    return len(words(text)) <= 9 and _AGENCY.search(text.strip()) is not None


def repeated_headline(blocks: Sequence[Block]) -> int:
    """1 when the second line is a headline (3+ words) repeated on the third and the first is
    title-like too (another article's headline, or a section label, above it); else 0."""
    if len(blocks) < 3 or any(b.markup for b in blocks[:3]):
        return 0
    first, second, third = blocks[0].text, blocks[1].text, blocks[2].text
    if not (is_title_like(first) and is_title_like(second)) or len(words(second)) < 3:
        return 0
    return 1 if same_line(second, third) and not same_line(first, second) else 0


def take_title(blocks: Sequence[Block], header: bool = False, forced: bool = False,
               chrome: Sequence[str] = ()) -> TitleChoice:
    """The headline: the first line if it reads as one (after section labels and a stray
    headline above it), its repeat dropped; else one derived from the opening.  Section labels
    and stray headlines are looked for only when `header` (the text had a byline, date or
    outlet line above its first paragraph): without one, "Label / Headline" reads just like
    "Title / Heading", and re-normalising an article would eat its title.  `forced`: the
    header model (`header.strip_header`) chose the first block as the headline.  `chrome`:
    lines dropped from the page, where a plain outlet name is repeated ("© 2026 Northbank")."""
    if not blocks:
        return TitleChoice("", False, [], [])
    traces: list[Trace] = []
    if forced:
        header = False
    start = repeated_headline(blocks) if header else 0
    for block in blocks[:start]:
        rule = STRAY_HEADLINE if len(words(block.text)) > KICKER_WORDS else SECTION_LABEL
        traces.append(rule.dropped(block.text, block.line))
    source = ""
    over = labels_over_outlet(blocks, chrome, header) if header and not start else -1
    if over >= 0:
        for block in blocks[:over]:
            traces.append(SECTION_LABEL.dropped(block.text, block.line))
        source = blocks[over].text.strip()
        traces.append(OUTLET_LINE.found("source", source, blocks[over].line))
        start = over + 1
    while header and labels_above(blocks, start):  # "News" / "Research" / headline
        traces.append(SECTION_LABEL.dropped(blocks[start].text, blocks[start].line))
        start += 1
    if (header and not source and len(blocks) - start > 2 and not blocks[start].markup
            and is_agency(blocks[start].text)
            and is_outlet_line(blocks[start], blocks[start + 1:], chrome)):
        source = blocks[start].text.strip()  # the issuing agency, under a section label
        traces.append(OUTLET_LINE.found("source", source, blocks[start].line))
        start += 1
    while (len(blocks) - start > 2 and is_scoreline(blocks[start].text)
           and not blocks[start].markup and is_title_like(blocks[start + 1].text)):
        traces.append(SCORELINE.dropped(blocks[start].text, blocks[start].line))
        start += 1
    first = blocks[start]
    second = blocks[start + 1] if start + 1 < len(blocks) else None
    doubled = (second is not None and not first.markup and not second.markup
               and same_line(first.text, second.text) and len(words(first.text)) <= 25
               and first.text.rstrip()[-1:] not in ".,;")
    stated = forced or (not first.markup and (is_title_like(first.text)
                                   or (header and is_split_headline(first.text))))
    if first.heading or doubled or stated:
        rest = list(blocks[start + 1 :])
        traces.append(FIRST_LINE.found("title", first.text, first.line))
        if rest and not rest[0].markup and same_line(first.text, rest[0].text):
            traces.append(REPEATED_TITLE.dropped(rest[0].text, rest[0].line))
            del rest[0]
        return TitleChoice(first.text, True, rest, traces, first.markup, source)
    text = first.text if not first.markup else plain_markdown(first.text)
    title = derive_title(text)
    traces.append(GENERATED.found("title", title, first.line))
    return TitleChoice(title, False, list(blocks[start:]), traces, source=source)

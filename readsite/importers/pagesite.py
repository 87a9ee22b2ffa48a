"""The publication and the author a page shows without stating them in its metadata.

For the source, after `<meta>`, JSON-LD and microdata (in `pagemeta`): the `<title>` suffix
("Headline | Outlet"), the site logo's `alt`/`title` or the site-title link in the header,
`application-name`, then (weakest, used only when nothing better is known) a footer
"© 2025 Outlet Name" line and the `twitter:site` handle.  For the author, when the metadata
names none: the text of a byline element (`class="byline"`, `class="author"`,
`rel="author"`, `<address>`).  Each value is found with a name-like test, so a "Home" link, a
"Part Two" title tail or a postal address is never taken for a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from readsite.importers.page import Page
from readsite.normalise import fold, parse_date, same_line

SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "&", "de", "la", "le", "du", "des",
                         "der", "die", "das", "y", "el", "del", "di", "in", "at", "a", "an",
                         "van", "von", "da", "dos"})
"""Words a name may hold in lower case ("Voice of the Valley", "Ana de la Cruz")."""
GENERIC = frozenset({"home", "blog", "news", "articles", "article", "posts", "post", "archive",
                     "archives", "index", "main", "menu", "search", "about", "contact",
                     "welcome", "untitled", "page", "logo", "site", "website", "homepage",
                     "latest", "opinion", "review", "reviews", "analysis", "interview",
                     "watch", "live", "explainer", "breaking", "update", "updated", "feature",
                     "features", "video", "podcast", "photos", "gallery", "sport", "sports",
                     "staff", "editor", "editors", "admin", "team", "author", "authors"})
"""Words that alone (or with only "the"/"my") are a section or a page, not an outlet."""
SERIAL_RE = re.compile(r"^(?:part|chapter|episode|ep|vol|volume|book|section|day|week|"
                       r"issue|no)\b\.?", re.I)
"""The start of a title tail that numbers a series ("Part Two"), not an outlet."""
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " : ", " // ", " » ", " / ",
                    " « ", " › ")
NAME_WORD_RE = re.compile(r"^[\"'“(]?[A-Z0-9À-ÖØ-Þ][\w'’&.+!-]*[)\"'”]?$|^&$")


def name_like(text: str, most: int = 6) -> bool:
    """Whether `text` reads as a proper name: 1..`most` words, the first capitalised, the
    others capitalised or small words, no digits-only words, not a generic page word."""
    said = text.split()
    if not 1 <= len(said) <= most or len(text) > 60 or any(c in text for c in "@/?!|:;"):
        return False
    if not said[0][:1].isupper() and not said[0].startswith(("'", '"', "“")):
        return False
    if not all(NAME_WORD_RE.match(w) or w.lower() in SMALL_WORDS for w in said):
        return False
    if any(w.isdigit() for w in said) or SERIAL_RE.match(text):
        return False
    meaningful = [w for w in fold(text).split() if w not in ("the", "my", "our", "a")]
    return bool(meaningful) and not all(w.strip(".") in GENERIC for w in meaningful)


TAGLINE_SEPARATORS = (" - ", " – ", " — ", " | ", ": ", " · ")
"""What stands between a site's name and its tagline ("Outlet - News for the coast")."""
TAGLINE_MIN_WORDS = 3
"""Fewest words of a tagline after a site's name."""


def untagged(name: str) -> str:
    """A site name without the tagline after it ("Outlet - News for the coast" is "Outlet"),
    in a stated site name or a `<title>`'s tail ("Headline | Outlet - News for the coast"):
    cut at the first separator when what comes before reads as a name and what follows does
    not; else the name as given."""
    for separator in TAGLINE_SEPARATORS:
        head, sep, tail = (part.strip() for part in name.partition(separator))
        if sep and head and name_like(head) and _tagline(tail):
            return head
    return name


def _tagline(text: str) -> bool:
    """Whether `text` reads as a tagline, a phrase in running text ("news for the whole
    coast"), not a name or a list of names."""
    said = text.split()
    return (len(said) >= TAGLINE_MIN_WORDS and not name_like(text)
            and any(w[:1].islower() and w not in SMALL_WORDS for w in said))


def _headlines(page: Page, extra: tuple[str, ...], mastheads: tuple[str, ...]) -> list[str]:
    """The page's `<h1>`s and `extra` headlines, but not an `<h1>` that is the site's logo."""
    return [h for h in (*page.h1, *extra)
            if h and not any(same_line(h, m) for m in mastheads)]


def title_suffix(page: Page, headlines: tuple[str, ...] = (),
                 mastheads: tuple[str, ...] = ()) -> str:
    """The outlet named with the headline in `<title>`: "Headline | Outlet" (the tail, when it
    is name-like and not itself the headline, and either the head is the headline or the page
    shows the name elsewhere), or "Outlet: Headline" (the head, when the rest is the headline
    and the page shows the name elsewhere); else ""."""
    title = " ".join(page.title.split())
    heads = _headlines(page, headlines, mastheads)
    title = _without_tagline_part(title)
    for separator in TITLE_SEPARATORS:
        head, sep, tail = title.rpartition(separator)
        head, tail = head.strip(), untagged(tail.strip())
        if not sep or not head or not tail:
            continue
        if any(same_line(tail, h) for h in heads):  # "Outlet | Headline"
            first = head.split(separator)[0].strip()
            return first if name_like(first) and _shown(page, first, tail) else ""
        if not name_like(tail):
            return ""
        is_headline = any(same_line(head, h) or fold(h).startswith(fold(head))
                          or fold(head).startswith(fold(h)) for h in heads)
        return tail if is_headline or _shown(page, tail, head) else ""
    head, sep, tail = title.partition(": ")  # "Outlet: Headline"
    if sep and any(same_line(tail, h) for h in heads) and name_like(head.strip(), 4):
        return head.strip() if _shown(page, head.strip(), tail) else ""
    return ""


def _without_tagline_part(title: str) -> str:
    """A `<title>` without the site's tagline as its own last part ("Headline - Outlet -
    News for the coast" is "Headline - Outlet"): a phrase after a name that itself follows
    the headline (with two parts, "Outlet » Headline", the phrase is the headline); else as
    is."""
    for separator in TITLE_SEPARATORS:
        head, sep, tail = title.rpartition(separator)
        if (sep and separator in head and _tagline(tail.strip())
                and not any(other in tail for other in TITLE_SEPARATORS)
                and name_like(head.rsplit(separator, 1)[-1].strip())):
            return head.strip()
    return title


def _shown(page: Page, name: str, headline: str) -> bool:
    """Whether the page shows `name` in a line of its own text that is not the headline."""
    return any(fold(name) in fold(block) and not same_line(block, headline)
               and fold(headline) not in fold(block) for block in page.blocks)


LOGO_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:logo|site-title|site-name|sitename|brand|"
                           r"masthead|navbar-brand|site-logo|custom-logo)(?:$|[\s_-])", re.I)
BYLINE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:byline|author|author-name|by-author|"
                             r"contributor)(?:$|[\s_-])", re.I)
SPACED_TAGS = frozenset({"div", "p", "li", "time", "h1", "h2", "h3", "h4", "h5", "h6",
                        "section", "header", "footer", "address", "abbr", "dd", "dt", "td"})
"""Elements whose text is never run into the text before them (a byline's name and the job
title or date in the next `<div>` or `<time>`)."""
LOGO_TAIL_RE = re.compile(r"\s*(?:[-–|:]\s*)?\b(?:logo|home(?:\s?page)?|masthead)\s*$", re.I)


@dataclass(slots=True)
class Shown:
    """What the page shows of its publication and author outside its metadata."""

    logos: list[str] = field(default_factory=list)
    """Logo `alt`/`title` texts and site-title link texts, in page order."""
    bylines: list[str] = field(default_factory=list)
    """The text of each byline element, in page order."""


@dataclass(slots=True)
class _El:
    tag: str
    logo: bool
    byline: bool
    text: list[str] | None
    aside: bool = False
    """A footer, aside, nav or comment: no `<address>` in it is a byline."""


def _root(href: str) -> bool:
    """Whether a link goes to a site's front page ("/", "https://example.com/")."""
    parts = urlsplit(href.strip())
    return not parts.query and parts.path in ("", "/", "./", "/index.html") and (
        bool(parts.netloc) or href.strip() in ("/", "./", "/index.html"))


class _ShownParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shown = Shown()
        self.open: list[_El] = []
        self.skip = 0

    def inside(self, what: str) -> bool:
        return any(getattr(e, what) for e in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag in ("script", "style", "noscript", "template", "svg"):
            self.skip += 1
            return
        if self.skip:
            return
        classes = f"{values.get('class', '')} {values.get('id', '')}"
        rels = values.get("rel", "").lower().split()
        in_header = any(e.tag == "header" for e in self.open)
        if tag == "img":
            src = values.get("src", "").lower()
            if self.inside("logo") or LOGO_CLASS_RE.search(classes) or (
                    in_header and "logo" in src):
                for key in ("alt", "title"):
                    text = LOGO_TAIL_RE.sub("", " ".join(values.get(key, "").split()))
                    if text:
                        self.shown.logos.append(text)
            return
        if tag in ("br", "hr", "meta", "link", "input", "wbr"):
            if tag == "br":
                self.handle_data(" ")
            return
        logo = bool(LOGO_CLASS_RE.search(classes)) or (tag == "a" and "home" in rels) or (
            tag == "a" and in_header and _root(values.get("href", "")))
        aside = (tag in ("footer", "aside", "nav") or "comment" in classes.lower()
                 or "reply" in classes.lower())
        byline = (tag == "address" and not self.inside("aside")) or (
            tag == "a" and "author" in rels) or bool(BYLINE_CLASS_RE.search(
                values.get("class", "")))
        if byline and ("comment" in classes.lower()
                       or any(e.aside and e.tag != "footer" for e in self.open)):
            byline = False  # a comment's author
        if tag in SPACED_TAGS:  # "<div>Ben Silverman</div><div>Games Editor</div>"
            self.handle_data(" ")
        collect = (logo and not self.inside("logo")) or byline
        self.open.append(_El(tag, logo, byline, [] if collect else None, aside))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template", "svg"):
            self.skip = max(0, self.skip - 1)
            return
        if self.skip or not any(e.tag == tag for e in self.open):
            return
        while self.open:
            element = self.open.pop()
            text = " ".join("".join(element.text or ()).split())
            if text and element.logo:
                self.shown.logos.append(LOGO_TAIL_RE.sub("", text))
            elif text and element.byline:
                self.shown.bylines.append(text)
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        for element in self.open:
            if element.text is not None:
                element.text.append(data)


def read_shown(html: str) -> Shown:
    """The logo texts and byline elements of a page (never raises on broken markup)."""
    parser = _ShownParser()
    parser.feed(html)
    parser.close()
    parser.handle_endtag(parser.open[0].tag if parser.open else "html")
    return parser.shown


def logo_name(shown: Shown, headlines: list[str]) -> str:
    """The first logo or site-title text that reads as a name and is not the headline."""
    for text in shown.logos:
        text = text.strip(" -–|·")
        if name_like(text) and not any(same_line(text, h) for h in headlines):
            return text
    return ""


COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|&copy;|\bcopyright\b)\s*(?:©|\(c\))?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*"
    r"(?:(?:19|20)\d\d|present))?\s*,?\s*)?(?:by\s+)?(?P<name>[^|·•©\n]{2,80})", re.I)
RESERVED_RE = re.compile(r"[.,;]?\s*(?:all rights reserved|some rights reserved|"
                         r"tous droits réservés|alle rechte vorbehalten)\b.*$", re.I)
COMPANY_RE = re.compile(r"[,.]?\s+(?:inc|ltd|llc|limited|plc|gmbh|co)\.?$", re.I)
YEARS_RE = re.compile(r"\s*[,.]?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d|present))?)"
                      r"\s*[.,]?\s*$", re.I)


def footer_name(page: Page) -> str:
    """The name in the page's last copyright line ("© 2025 Outlet Name. All rights
    reserved."), years, "All rights reserved" and a company suffix left out; else ""."""
    for block in reversed(page.blocks):
        match = COPYRIGHT_RE.search(block)
        if match is None or len(block.split()) > 30:
            continue
        name = RESERVED_RE.sub("", match.group("name")).strip()
        name = re.split(r"\s+[-–—]\s+|\.\s|\s{2,}", name)[0].strip()
        name = YEARS_RE.sub("", name).strip(" .,")
        shorter = COMPANY_RE.sub("", name).strip(" .,")
        name = shorter if name_like(shorter) else name
        return name if name_like(name) else ""
    return ""


def twitter_name(page: Page) -> str:
    """The `twitter:site` handle without its "@" (a last resort: a handle, not a name)."""
    handle = page.meta.get("twitter:site", "").strip()
    if not re.fullmatch(r"@?\w{2,30}", handle):
        return ""
    return handle.lstrip("@")


def weak_source(page: Page) -> tuple[str, str] | None:
    """(name, rule) of the weakest signs of the outlet: a footer copyright line, then the
    `twitter:site` handle; for a page whose metadata, title, logo and text name none."""
    name = footer_name(page)
    if name:
        return name, "html: footer copyright"
    handle = twitter_name(page)
    return (handle, "html: twitter:site") if handle else None


BY_RE = re.compile(r"^(?:written\s+|posted\s+|words\s+)?by:?\s+", re.I)
AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*")
ROLE_WORDS = frozenset({"reporter", "editor", "correspondent", "writer", "columnist",
                        "contributor", "critic", "photographer", "producer", "journalist",
                        "presenter", "intern", "staff", "chief", "senior", "deputy",
                        "associate", "contributing", "freelance", "reviewer", "analyst"})
"""Words of a job title set after a name in a byline ("Jane Doe, Chief Reporter")."""


BY_WORDS = frozenset({"by", "von", "par", "por", "di", "door", "av", "af"})
"""The label before a byline's name, in the languages the normaliser knows."""
ROLE_MAX_WORDS = 3
"""Most words of a job title set after a name without a comma ("Senior Games Editor")."""


def is_role(text: str) -> bool:
    """Whether a part of a byline is a job title ("Chief Reporter", "Staff Writer")."""
    return any(w.strip(".").lower() in ROLE_WORDS for w in text.split())


def without_date_or_role(text: str) -> str:
    """A byline's text without the date or job title set after the name with no comma
    ("Jane Doe May 20, 2019", "Jane Doe Games Editor"): cut where the rest is a date or a
    job title of a few words; else the text as given."""
    said = text.split()
    for start in range(2, len(said)):
        rest = " ".join(said[start:])
        if parse_date(rest) is not None or (len(said) - start <= ROLE_MAX_WORDS
                                            and is_role(rest)):
            return " ".join(said[:start])
    return text


def byline_author(shown: Shown) -> str:
    """The author named by the page's first byline element that holds only names ("By Jane
    Doe", "Jane Doe and Tom Hale"), joined with ", ", a job title or a date after a name left
    out ("Jane Doe, Chief Reporter", "Jane Doe May 20, 2019"); else ""."""
    for text in shown.bylines:
        text = BY_RE.sub("", text.strip()).strip(" .")
        text = re.split(r"\s*[|·•]\s*|\s+[-–—]\s+", text)[0].strip(" .,")
        text = without_date_or_role(text)
        if text.casefold() in BY_WORDS:
            continue  # the "By" label's own element (`<em class="byline__by">`)
        names = [n for n in AUTHOR_SPLIT_RE.split(text) if n]
        names = names[:1] + [n for n in names[1:] if not is_role(n)]  # a name, then its role
        if names and all(name_like(n, 4) and (len(n.split()) >= 2 or len(names) == 1)
                         and not any(w.rstrip(".").lower() in GENERIC for w in n.split())
                         for n in names):
            return ", ".join(dict.fromkeys(names))
    return ""

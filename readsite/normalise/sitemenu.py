"""A site's navigation menu, pasted along with the page ("select all, copy").

Copying a whole page brings the site's header with it: the site's name, then its sections one
per line ("News", "Sport", "What's On", "E-Edition"), then the section label, the headline and
its byline.  Such a run is recognised only at the very top and only when a byline or a date
line follows the headline below it, so a short list inside an article is never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import is_outlet_name, looks_like_outlet, parse_byline
from readsite.normalise.dates import parse_date
from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import words
from readsite.normalise.trace import Trace

SITE_MENU = Rule("site-menu", "A site's navigation menu pasted with the page: a run of 4+ short "
                 "capitalised lines (\"News\", \"Sport\", \"What's On\") at the top, above a "
                 "headline with a byline or date; dropped.  The short line above the run (or its "
                 "first line, at the very top) names the site: the outlet.")

MASTHEAD_BELOW = Rule("masthead-below-menu", "The last short line of a site's menu run, set off "
                      "from the menu by lines dropped as chrome (a cookie bar) and standing right "
                      "above the headline, when it is not a section word: the site's name, the "
                      "outlet.")

MIN_ITEMS = 4
"""Fewest lines in a navigation run."""

ITEM_WORDS = 3
"""Most words of one navigation item."""

TOP = 3
"""The run must start within this many blocks of the top (after page chrome is dropped)."""

HEADER_WINDOW = 6
"""How many blocks after the run may hold the headline's byline or date."""

SECTION_WORDS = frozenset({
    "news", "home", "menu", "archive", "archives", "archiv", "startseite", "accueil",
    "inicio", "início", "sport", "sports", "business", "opinion", "world", "politics",
    "culture", "tech", "technology", "science", "health", "lifestyle", "entertainment",
    "search", "latest", "video", "videos", "podcasts", "podcast", "local", "money", "travel",
    "arts", "weather", "obituaries", "e-edition", "events", "jobs", "classifieds", "puzzles",
    "games", "crosswords", "food", "style", "books", "music", "film", "tv", "autos",
    "real estate", "education", "environment", "climate", "economy", "markets", "uk", "us",
    "europe", "asia", "africa", "americas", "middle east", "australia", "football", "cricket",
    "rugby", "tennis", "golf", "f1", "features", "analysis", "reviews", "interviews", "about",
    "contact", "about us", "contact us", "shop", "deals", "more", "latest news", "top stories",
    "investigations", "photos", "audio", "live", "watch", "listen", "newsletters", "sign in",
    "log in", "account", "my account", "subscribe", "donate", "explainer", "exclusive",
    "breaking", "comment", "columns", "letters", "editorials", "nation", "national", "metro",
    "state", "region", "city", "us news", "world news", "uk news", "global", "ideas", "life",
    "wellness", "family", "property", "motoring", "cars", "gaming", "security", "ai", "cloud",
    "startups", "policy", "research", "media", "fashion", "beauty", "home & garden", "local news",
    "cronaca", "politica", "economia", "esteri", "sport e motori", "spettacoli", "cultura",
    "nachrichten", "wirtschaft", "kultur", "politik", "actualités", "économie", "deportes",
    "noticias", "internacional", "opinión",
    "iniciar sesión", "iniciar sesion", "connexion", "se connecter", "anmelden", "einloggen",
    "login", "registrarse", "s'inscrire", "press releases", "news releases", "newsroom",
    "what's on", "what’s on", "whats on", "things to do", "going out", "sections",
    "all sections", "sustainability", "living", "opinião", "esportes", "política", "nyheter",
    "wiadomości", "biznes", "kultura", "pogoda", "nacional", "economía", "nieuws", "binnenland",
    "buitenland", "economie", "exclusivo", "exclusiva", "exklusiv", "exclusif", "esclusiva",
    "análisis", "análise", "analyse", "opinie", "premium", "feature", "interview", "kommentar",
    "reportage", "entrevista", "entretien", "intervista", "wywiad", "komentarz", "ledare",
})
"""Section words a menu run opens with: never the site's name, even as the first line."""

_CONNECTORS = frozenset({"&", "and", "of", "the", "in", "on", "to", "for", "+"})


def is_nav_item(block: Block) -> bool:
    """Whether a block could be one navigation item ("Sport", "What's On", "F1", "E-Edition")."""
    text = block.text.strip()
    parts = words(text)
    if block.markup or block.heading or not 1 <= len(parts) <= ITEM_WORDS or len(text) > 30:
        return False
    if re.search(r"[.,;:!?\"“”]", text) or parse_date(text) is not None or parse_byline(text):
        return False
    return all(p[:1].isupper() or p[:1].isdigit() or p.casefold() in _CONNECTORS for p in parts)


def _is_header_line(text: str) -> bool:
    """A byline, a date line or a bare name line: the headline's header is there."""
    return parse_byline(text) is not None or parse_date(text) is not None or is_name(text)


def is_run_outlet(text: str) -> bool:
    """Whether an item of a menu run is the site's name rather than a section: 2+ words
    ending in an outlet word, not a "Local News" section."""
    parts = words(text.strip())
    if len(parts) < 2 or not looks_like_outlet(text):
        return False
    return parts[-1].casefold() != "news" or parts[0] == "The"


def set_off(blocks: Sequence[Block], start: int, end: int, chrome: Collection[int]) -> bool:
    """Whether the run's last item stands apart from the menu: the input lines between it and
    the item before it were dropped as chrome (a cookie bar), so it is the masthead under
    the menu, not one more section."""
    if end - start < MIN_ITEMS + 1:
        return False
    last, before = blocks[end - 1], blocks[end - 2]
    text = last.text.strip()
    if not last.line or not before.line or last.line - before.line <= 2:
        return False
    if text.casefold() in SECTION_WORDS or not is_outlet_name(text) or text.isupper():
        return False
    return last.line - 1 in chrome or last.line - 2 in chrome


def strip_site_menu(blocks: Sequence[Block], chrome: Collection[int] = (),
                    menu: Collection[int] = ()) -> tuple[list[Block], str, list[Trace]]:
    """(blocks without the site's menu, the site's name if the line above the menu gives it,
    traces); the blocks unchanged when there is no menu at the top.  `chrome`: input lines
    already dropped as page chrome; `menu`: those dropped as a menu's first item ("Home"), so
    a run right under one is the rest of that menu and its first line no site's name (a
    site's name may stand under the "Menu" and "Search" buttons, never under "Home")."""
    for start in range(min(TOP, len(blocks))):
        end = start
        while end < len(blocks) and is_nav_item(blocks[end]):
            end += 1
        if (end - start < MIN_ITEMS + (start == 0) or end >= len(blocks)
                or len(words(blocks[end].text)) < 5):
            continue
        if not any(_is_header_line(b.text) for b in blocks[end + 1:end + 1 + HEADER_WINDOW]):
            continue
        if set_off(blocks, start, end, chrome):  # the masthead below the menu and chrome
            last = blocks[end - 1]
            traces = [SITE_MENU.dropped(b.text, b.line) for b in blocks[start:end - 1]]
            traces.insert(0, MASTHEAD_BELOW.found("source", last.text.strip(), last.line))
            return [*blocks[:start], *blocks[end:]], last.text.strip(), traces
        if (start == 0 and blocks[0].text.strip().casefold() not in SECTION_WORDS
                and blocks[0].line - 1 not in menu):
            start = 1  # the run opens the page: its first line is the site's name
        traces = [SITE_MENU.dropped(b.text, b.line) for b in blocks[start:end]]
        name = blocks[start - 1] if start else None
        if (name is not None and not name.markup and is_outlet_name(name.text)
                and len(words(name.text)) <= 4
                and name.text.strip().casefold() not in SECTION_WORDS):
            traces.insert(0, SITE_MENU.found("source", name.text.strip(), name.line))
            return [*blocks[:start - 1], *blocks[end:]], name.text.strip(), traces
        outlet = next((b for b in blocks[start:end] if is_run_outlet(b.text)), None)
        if outlet is not None:  # the site's name inside the run ("The Tidewater Journal")
            traces = [SITE_MENU.found("source", outlet.text.strip(), outlet.line) if b is outlet
                      else SITE_MENU.dropped(b.text, b.line) for b in blocks[start:end]]
        return [*blocks[:start], *blocks[end:]], outlet.text.strip() if outlet else "", traces
    return list(blocks), "", []


LEADING_SECTIONS = 3
"""Most lines of a top menu run left for the other menu rules (a short bar they read well)."""


def strip_leading_sections(blocks: Sequence[Block], chrome: Collection[int] = (),
                           ) -> tuple[list[Block], list[Trace]]:
    """The blocks without a run of 4+ menu items on the very top made of section words
    ("Menu", "Search", "News", "Sport"; after a "Home" item, other items too while section
    words follow): a menu bar, or two stacked.  Such lines are never the site's name nor the
    headline, and the rules that find the masthead by its place look only a few lines down
    from the top, so a second bar on top would push it out of their sight.  The cut lines
    count as dropped chrome, so "the line under the menu" still reads as such (`under_menu`).
    `chrome`: input lines already dropped as page chrome; those above or inside the run
    ("Menu" over "News", "Search", "Sport") are part of the same bar, so a run of 2-3 section
    words among them is one too."""
    end, home = 0, False
    while end < len(blocks) and (_section(blocks[end]) or (
            home and is_nav_item(blocks[end]) and any(map(_section, blocks[end + 1:end + 3])))):
        home = home or blocks[end].text.strip().casefold() in HOME_WORDS
        end += 1  # section words; after "Home", the menu's other items while sections go on
    above = _bar_chrome(blocks, end, chrome)
    if end + above <= LEADING_SECTIONS or end >= len(blocks):
        return list(blocks), []
    return list(blocks[end:]), [SITE_MENU.dropped(b.text, b.line) for b in blocks[:end]]


def _bar_chrome(blocks: Sequence[Block], end: int, chrome: Collection[int]) -> int:
    """How many dropped chrome lines belong to the bar of the `end` section words on top: those
    above or among them and those right under the last; 0 for a lone section word unless
    chrome stands on both sides of it ("Search" / "News" / "Sign in")."""
    if not end or not blocks[end - 1].line:
        return 0
    last = blocks[end - 1].line
    under = 0
    while last + under + 1 in chrome:
        under += 1
    if end == 1 and not (last - 1 in chrome and under):
        return 0
    return sum(1 for line in chrome if 0 < line < last) + under


HOME_WORDS = frozenset({"home", "startseite", "accueil", "inicio", "início", "home page"})
"""A menu's first item: the items after it are the menu's (the site's name stands before it)."""


def _section(block: Block) -> bool:
    """A bare section word on its own line ("News", "Sport", "Startseite")."""
    return not block.markup and block.text.strip().casefold() in SECTION_WORDS

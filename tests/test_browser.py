"""The reading site in a real browser: what a reader sees, clicks and can reach.

One small site (five articles, two topics) is built once for the module and served on
127.0.0.1 by readsite's own server; each test opens a fresh browser context on it.  No
sleeps: Playwright's `expect` waits for what a reader would see.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pytest

from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import static_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import expect
except ImportError:  # like conftest's `browser`: skip, but fail under REQUIRE_BROWSER=1
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise
    pytest.skip("playwright is not installed", allow_module_level=True)

SITE_YAML = """\
title: Browser Test Site
description: A site read by a real browser.
base_url: /
topics:
  - slug: neocloud
    name: Neocloud
    description: Renting out GPUs.
    keywords: [neocloud, GPU, compute capacity]
  - slug: ipo
    name: IPO
    description: Going public.
    keywords: [IPO, initial public offering]
entities:
  - {name: Nvidia, kind: organisation, description: Maker of the GPUs.}
  - {name: Lambda, kind: organisation}
  - {name: Nebius, kind: organisation}
"""

FILLER = (
    "The offering was priced above the range after a week of meetings with investors in "
    "New York and London, and the shares opened sharply higher on the first morning of "
    "trading. Bankers said demand came from long-only funds as much as from hedge funds, "
    "which they read as a sign that the market for GPU capacity is no longer a niche bet. "
    "Analysts cautioned that the company still depends on a handful of large customers, "
    "and that its debt grows with every new data centre it fills with Nvidia hardware."
)

ARTICLES = {
    "content/coreweave-ipo.md": f"""\
---
title: CoreWeave prices its IPO
date: 2026-05-05
source: Reuters
summary: The GPU cloud raised $1.5bn in its initial public offering.
topics: [neocloud, ipo]
---

CoreWeave, the neocloud that rents Nvidia GPU clusters, priced its IPO on Thursday.

## The offering

{FILLER}

{FILLER}

## The customers

{FILLER}

{FILLER}

## What comes next

{FILLER}

{FILLER}

{FILLER}
""",
    "content/lambda-funding.md": """\
---
title: Lambda raises money to rent out more GPUs
date: 2026-05-04
source: TechCrunch
summary: Another neocloud lines up capital for Nvidia H100 clusters.
topics: [neocloud]
---

Lambda raised new money to build H100 clusters in Finnish data centres, competing with
Nebius for Nvidia allocations and hyperscaler overflow contracts.

## Why now

Demand for H100 clusters still outstrips supply, Lambda says, and Nebius agrees.
""",
    "content/nebius-capacity.md": """\
---
title: Nebius adds GPU capacity in Finland
date: 2026-05-03
source: Bloomberg
summary: Nebius expands its Finnish data centres with more H100 clusters.
topics: [neocloud]
---

Nebius is adding H100 clusters to its Finnish data centres, as Lambda and other neoclouds
chase Nvidia allocations and hyperscaler overflow contracts.
""",
    "content/cerebras-ipo.md": """\
---
title: Cerebras revives its IPO plan
date: 2026-05-02
source: CNBC
summary: The chipmaker refiles for an initial public offering.
topics: [ipo]
---

Cerebras refiled its IPO paperwork, hoping the CoreWeave offering reopened the window.
""",
    "content/hostile.md": """\
---
title: "A hostile article <img src=x onerror=\\"pwned = 4\\">"
summary: "<script>pwned=5</script> in the summary"
source: "<b onmouseover=\\"pwned=6\\">Evil Wire</b>"
topics: [ipo]
---

Plain text first. <script>window.pwned = 1</script>

It is about the CoreWeave offering priced on Thursday.

<img src=x onerror="window.pwned=2">

Try to [click](javascript:window.pwned=3) this, or [click](JaVaScRiPt:window.pwned=7),
or <a href="javascript:window.pwned=8">click</a>, or <javascript:window.pwned=9>.
""",
}

TITLES = {
    "coreweave-ipo": "CoreWeave prices its IPO",
    "lambda-funding": "Lambda raises money to rent out more GPUs",
    "nebius-capacity": "Nebius adds GPU capacity in Finland",
    "cerebras-ipo": "Cerebras revives its IPO plan",
    "hostile": 'A hostile article <img src=x onerror="pwned = 4">',
}
TOPICS = {"neocloud": ("Neocloud", 3), "ipo": ("IPO", 3)}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the module's site once (clock pinned) and serve it; yields the base URL."""
    root = tmp_path_factory.mktemp("browser-site")
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for relpath, text in ARTICLES.items():
        target = root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        mp.setenv("TZ", "UTC")
        build_site(load_config(root).with_base_url("/"), root / "_site")
    server = static_server(root / "_site")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh light-mode page at a desktop size."""
    context = browser.new_context(viewport={"width": 1280, "height": 720},
                                  color_scheme="light")
    yield context.new_page()
    context.close()


def _exact(url: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(url) + "$")


def test_reader_walks_the_site_by_clicking(page: Page, site_url: str) -> None:
    """Home → topic → article → story → sibling → previous/next → entity → article →
    related → home, all by clicking links."""
    page.goto(site_url)
    expect(page.locator("h1")).to_have_text("Browser Test Site")

    page.locator(".topic-grid a", has_text="Neocloud").click()
    expect(page).to_have_url(_exact(site_url + "topics/neocloud/"))
    expect(page.locator(".page-header h1")).to_have_text("Neocloud")
    items = page.locator(".article-list > li")
    expect(items.locator(".article-list-title")).to_have_text(
        [TITLES["coreweave-ipo"], TITLES["lambda-funding"], TITLES["nebius-capacity"]])
    expect(items.locator(".source")).to_have_text(["Reuters", "TechCrunch", "Bloomberg"])
    expect(items.locator(".reading-time")).to_have_text([re.compile(r"^\d+ min read$")] * 3)

    page.get_by_role("link", name=TITLES["lambda-funding"]).click()
    expect(page).to_have_url(_exact(site_url + "articles/lambda-funding/"))
    expect(page).to_have_title(f"{TITLES['lambda-funding']} · Browser Test Site")
    expect(page.locator(".page-header h1")).to_have_text(TITLES["lambda-funding"])
    expect(page.locator(".page-header .dek")).to_have_text(
        "Another neocloud lines up capital for Nvidia H100 clusters.")
    meta = page.locator(".page-header .byline")
    expect(meta).to_contain_text("TechCrunch")
    expect(meta.locator("time")).to_have_text("4 May 2026")
    expect(meta).to_contain_text("min read")
    expect(page.locator(".prose")).to_contain_text("Lambda raised new money")
    expect(page.locator(".prose h2")).to_have_text("Why now")
    topic_link = page.locator(".topic-links a")
    expect(topic_link).to_have_text(["Neocloud"])
    expect(topic_link).to_have_attribute("href", "/topics/neocloud/")

    # Lambda's and Nebius's pieces tell one story: the article offers its story and sibling.
    story_box = page.locator(".story-box")
    expect(story_box.locator("li a")).to_have_text([TITLES["nebius-capacity"]])
    story_box.locator("h2 a").click()
    expect(page).to_have_url(re.compile(re.escape(site_url + "stories/") + r"[a-z0-9-]+/$"))
    expect(page.locator(".page-header .meta")).to_contain_text("2 articles")
    expect(page.locator(".page-header .meta")).to_contain_text("Bloomberg")
    page.locator(".story-members .article-list-title a", has_text=TITLES["nebius-capacity"]
                 ).click()
    expect(page).to_have_url(_exact(site_url + "articles/nebius-capacity/"))
    expect(page.locator(".page-header h1")).to_have_text(TITLES["nebius-capacity"])

    # Nebius is the oldest Neocloud article: only "← Newer" (the Lambda piece).
    expect(page.locator(".neighbours a[rel=next]")).to_have_count(0)
    page.locator(".neighbours a[rel=prev]").click()
    expect(page).to_have_url(_exact(site_url + "articles/lambda-funding/"))
    page.locator(".neighbours a[rel=next]", has_text="Older →").click()
    expect(page).to_have_url(_exact(site_url + "articles/nebius-capacity/"))

    # The first mention of a declared entity links to its page, which lists its articles.
    page.locator(".prose a.entity", has_text="Nvidia").click()
    expect(page).to_have_url(_exact(site_url + "entities/nvidia/"))
    expect(page.locator(".page-header h1")).to_have_text("Nvidia")
    timeline = page.locator(".timeline > li")
    expect(timeline.locator("time")).to_have_text(["5 May 2026", "4 May 2026", "3 May 2026"])
    expect(timeline.locator("> a")).to_have_text(
        [TITLES["coreweave-ipo"], TITLES["lambda-funding"], TITLES["nebius-capacity"]])
    expect(page.locator(".timeline-month")).to_have_text(["May 2026"])
    expect(page.locator(".co-mentions a")).to_have_text(["Lambda", "Nebius"])
    page.get_by_role("link", name=TITLES["coreweave-ipo"]).click()
    expect(page).to_have_url(_exact(site_url + "articles/coreweave-ipo/"))

    # Related reading offers what the story and previous/next do not, with its reason.
    related = page.locator(".related li")
    expect(related.locator(".reason")).to_have_text(
        ["Also about Nvidia; also in Neocloud", "Also in IPO"])
    related.nth(1).get_by_role("link").click()
    expect(page).to_have_url(_exact(site_url + "articles/hostile/"))

    page.locator(".site-title").click()
    expect(page).to_have_url(_exact(site_url))
    expect(page.locator("h1")).to_have_text("Browser Test Site")


def test_nav_archive_and_topics_index_reach_everything(page: Page, site_url: str) -> None:
    """Every page's nav links the topics, stories, people, timeline and archive indexes (a
    site with no quotes has no Quotes link); the indexes list everything."""
    paths = ["", "topics/", "archive/", "404.html", "topics/neocloud/", "topics/ipo/",
             "stories/", "entities/", "timeline/", *(f"articles/{slug}/" for slug in TITLES)]
    expected_nav = ["Topics", "Stories", "People", "Timeline", "Archive"]
    expected_hrefs = ["/topics/", "/stories/", "/entities/", "/timeline/", "/archive/"]
    for path in paths:
        page.goto(site_url + path)
        links = page.locator(".site-nav a")
        expect(links).to_have_text(expected_nav)
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] \
            == expected_hrefs, path
        expect(page.locator(".site-title")).to_have_attribute("href", "/")

    page.goto(site_url)
    page.locator(".site-nav a", has_text="Archive").click()
    expect(page).to_have_url(_exact(site_url + "archive/"))
    expect(page.locator(".site-nav a[aria-current=page]")).to_have_text("Archive")
    expect(page.locator(".page-header .meta")).to_contain_text("5 articles")
    archive_titles = page.locator(".article-list-title a")
    expect(archive_titles).to_have_count(len(TITLES))
    for slug, title in TITLES.items():
        expect(page.locator(f'.article-list-title a[href="/articles/{slug}/"]')).to_have_text(
            title)

    page.goto(site_url + "topics/")
    cards = page.locator(".topic-grid li")
    expect(cards).to_have_count(len(TOPICS))
    for slug, (name, count) in TOPICS.items():
        card = page.locator(f'.topic-grid a[href="/topics/{slug}/"]')
        expect(card.locator("strong")).to_have_text(name)
        expect(card.locator(".count")).to_have_text(f"{count} articles")


def test_unknown_url_shows_the_sites_not_found_page(page: Page, site_url: str) -> None:
    """A miss answers 404 with the site's own page, whose links work from any depth."""
    response = page.goto(site_url + "no/such/page/")
    assert response is not None and response.status == 404
    expect(page.locator(".page-header h1")).to_have_text("Page not found")
    expect(page.locator(".site-nav a")).to_have_count(5)
    # The stylesheet loaded too (links are root-relative, not relative to /no/such/page/):
    # only the theme's CSS moves the skip link off-screen.
    expect(page.locator(".skip-link")).not_to_be_in_viewport()
    page.get_by_role("link", name="Go to the home page").click()
    expect(page).to_have_url(_exact(site_url))
    expect(page.locator("h1")).to_have_text("Browser Test Site")


def test_untrusted_article_text_never_runs(page: Page, site_url: str) -> None:
    """Raw HTML in a body is sanitised (kept without scripts or handlers); in front matter it
    is shown as text; javascript: links are dropped.  Nothing ever runs."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.dismiss())
    for path in ("articles/hostile/", "", "archive/", "topics/ipo/"):
        page.goto(site_url + path)
        assert page.evaluate("typeof window.pwned") == "undefined", path
        expect(page.locator('a[href^="javascript:" i]')).to_have_count(0)
        expect(page.locator("body img[onerror], body [onmouseover]")).to_have_count(0)
        expect(page.locator("body b")).to_have_count(0)
        expect(page.locator("body script")).to_have_count(0)

    page.goto(site_url + "articles/hostile/")
    prose = page.locator(".prose")
    expect(prose.locator("script")).to_have_count(0)
    expect(prose).to_contain_text("Plain text first.")
    expect(prose).not_to_contain_text("window.pwned = 1")
    expect(prose.locator("img")).to_have_count(1)
    expect(page.locator(".page-header h1")).to_have_text(TITLES["hostile"])
    expect(page.locator(".page-header .dek")).to_contain_text("<script>pwned=5</script>")
    expect(page.locator(".page-header .source")).to_contain_text("<b onmouseover=")
    clickable = page.get_by_role("link", name="click", exact=True)
    for i in range(clickable.count()):
        clickable.nth(i).click()
    page.locator(".page-header .source").hover()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert errors == []


def _luminance(css_color: str) -> float:
    """Relative luminance (WCAG) of an `rgb(...)`/`rgba(...)` computed colour."""
    channels = [int(v) / 255 for v in re.findall(r"\d+", css_color)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_colour_scheme_follows_the_reader(
    browser: Browser, site_url: str, scheme: Literal["dark", "light"],
) -> None:
    """Dark readers get a dark page with light text; light readers the reverse."""
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + "articles/coreweave-ipo/")
        expect(page.locator(".prose")).to_be_visible()
        colours: dict[str, Any] = page.evaluate("""() => {
            const body = getComputedStyle(document.body);
            const prose = getComputedStyle(document.querySelector('.prose p'));
            return {bg: body.backgroundColor, fg: body.color, prose: prose.color};
        }""")
        bg, fg, prose = (_luminance(colours[k]) for k in ("bg", "fg", "prose"))
        if scheme == "dark":
            assert bg < 0.2 and fg > 0.5 and prose > 0.5, colours
        else:
            assert bg > 0.8 and fg < 0.2 and prose < 0.2, colours
        assert (max(bg, fg) + 0.05) / (min(bg, fg) + 0.05) >= 7, colours  # WCAG AAA
    finally:
        context.close()


def test_skip_link_is_first_visible_on_focus_and_reaches_main(page: Page, site_url: str) -> None:
    """Tab first lands on a visible, outlined skip link; following it skips the header."""
    page.goto(site_url + "articles/lambda-funding/")
    skip = page.locator(".skip-link")
    expect(skip).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    expect(skip).to_have_text("Skip to content")
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main")).to_be_in_viewport()
    # Sequential focus now starts at <main>: the next Tab lands on its first link (the
    # article's topic), not on the site title or the nav in the header.
    page.keyboard.press("Tab")
    expect(page.locator(".topic-links a").first).to_be_focused()
    assert page.evaluate("document.activeElement.closest('main') !== null")


def _horizontal_overflow(browser: Browser, base_url: str, paths: list[str]) -> dict[str, Any]:
    """Pages (of `paths`) that scroll sideways at 375px, with what sticks out of them."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    overflowing: dict[str, Any] = {}
    try:
        page = context.new_page()
        for path in paths:
            page.goto(base_url + path)
            expect(page.locator("main")).to_be_visible()
            found = page.evaluate("""() => {
                const width = document.documentElement.scrollWidth;
                if (width <= window.innerWidth) return null;
                const sticksOut = el => el.getBoundingClientRect().right > window.innerWidth
                    || (el.clientWidth > 0 && el.scrollWidth > el.clientWidth);
                const culprits = [...document.querySelectorAll('main *')]
                    .filter(el => sticksOut(el) && ![...el.querySelectorAll('*')].some(sticksOut))
                    .map(el => (el.tagName + '.' + el.className).toLowerCase());
                return {scrollWidth: width, innerWidth: window.innerWidth, culprits};
            }""")
            if found is not None:
                overflowing[path] = found
    finally:
        context.close()
    return overflowing


def test_phone_width_never_scrolls_sideways(browser: Browser, site_url: str) -> None:
    """At 375px no page of the site is wider than the screen."""
    paths = ["", "topics/", "archive/", "topics/neocloud/", "topics/ipo/", "404.html",
             *(f"articles/{slug}/" for slug in TITLES)]
    assert _horizontal_overflow(browser, site_url, paths) == {}


LONG_WORD = "Rechenzentrumsinfrastrukturfinanzierungsgesellschaften"
LONG_URL = "https://www.bundesanzeiger.de/pub/de/suchergebnis?fulltext=Rechenzentrumsinfrastruktur"


def test_long_words_in_titles_and_summaries_do_not_scroll_sideways(
    browser: Browser, make_site: Callable[..., Path], serve_folder: Callable[[Path], str],
) -> None:
    """A German compound in a title and a URL in a summary still fit a 375px screen."""
    root = make_site(site_yaml=SITE_YAML, files={
        "content/long-words.md": f"""\
            ---
            title: {LONG_WORD} want GPUs
            date: 2026-05-01
            source: Frankfurter Allgemeine Zeitung
            summary: "The filing: {LONG_URL}"
            topics: [neocloud]
            ---

            The filing is at {LONG_URL} and names the {LONG_WORD} buying Nvidia GPUs.
            """,
        "content/short.md": f"""\
            ---
            title: A short neocloud note
            date: 2026-05-02
            topics: [neocloud]
            ---

            More {LONG_WORD} buying Nvidia GPUs.
            """,
    })
    build_site(load_config(root).with_base_url("/"), root / "_site")
    base_url = serve_folder(root / "_site")
    paths = ["", "archive/", "topics/neocloud/", "articles/long-words/", "articles/short/"]
    assert _horizontal_overflow(browser, base_url, paths) == {}


def test_prose_measure_stays_readable_on_a_wide_screen(browser: Browser, site_url: str) -> None:
    """At 1280px a prose paragraph is at most as wide as 70 characters of its own font."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + "articles/coreweave-ipo/")
        expect(page.locator(".prose p").first).to_be_visible()
        measured: list[list[float]] = page.evaluate("""() => {
            const rows = [];
            for (const p of document.querySelectorAll('.prose p')) {
                const span = document.createElement('span');
                span.textContent = '0'.repeat(70);
                span.style.whiteSpace = 'nowrap';
                p.appendChild(span);
                const seventy = span.getBoundingClientRect().width;
                span.remove();
                rows.push([p.getBoundingClientRect().width, seventy]);
            }
            return rows;
        }""")
        assert len(measured) == 8
        for width, seventy in measured:
            assert width <= seventy + 1, measured
            assert width >= seventy * 45 / 70, measured  # a column, not a sliver
    finally:
        context.close()


def test_table_of_contents_jumps_to_its_heading(page: Page, site_url: str) -> None:
    """Clicking a ToC entry updates the URL hash and brings that heading into view."""
    page.goto(site_url + "articles/coreweave-ipo/")
    toc = page.locator(".toc a")
    expect(toc).to_have_text(["The offering", "The customers", "What comes next"])
    last = toc.last
    href = last.get_attribute("href")
    assert href is not None and href.startswith("#")
    heading = page.locator(f"[id='{href[1:]}']")
    expect(heading).to_have_text("What comes next")
    expect(heading).not_to_be_in_viewport()
    last.click()
    expect(page).to_have_url(_exact(site_url + "articles/coreweave-ipo/" + href))
    expect(heading).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0

"""The demo site as a reader uses it, in a real Chromium: walking it by clicking, searching it
(Pagefind served, the small index from disk), the keyboard, a phone, dark mode, and the
promise that nothing is fetched from another host.

The repository's demo site (site.yaml, content/) is built once for the module and served on
127.0.0.1; a second build with relative links is opened from disk (`file://`).  No sleeps:
Playwright's `expect` waits for what a reader would see.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import copy_demo, static_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import expect
except ImportError:  # like conftest's `browser`: skip, but fail under REQUIRE_BROWSER=1
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise
    pytest.skip("playwright is not installed", allow_module_level=True)

SEED_TITLES = [
    "A significant partnership has been announced between Anthropic and xAI",
    "Is xAI a neocloud now?",
    "We’re feeling cynical about xAI’s big deal with Anthropic",
    "Why xAI Selling Compute Signals a Shift to ‘Neocloud’",
    "xAI and the Neocloud Paradigm: A System-Level Shift",
]
LIGHT_BG, DARK_BG = "rgb(251, 250, 247)", "rgb(22, 24, 28)"
"""The theme's page background in each scheme (style.css `--bg`)."""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo site, built and served on 127.0.0.1."""
    root = copy_demo(tmp_path_factory.mktemp("reader"))
    build_site(load_config(root).with_base_url("/"), root / "_site")
    server = static_server(root / "_site")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def disk_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built with relative links, to be opened from disk."""
    root = copy_demo(tmp_path_factory.mktemp("disk"))
    config = dataclasses.replace(load_config(root), relative_urls=True)
    build_site(config, root / "_site")
    return root / "_site"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop page; every request it makes is checked to stay on 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    yield tab
    context.close()
    outside = [url for url in requests
               if urlsplit(url).scheme not in ("data", "blob", "file")
               and urlsplit(url).hostname != "127.0.0.1"]
    assert outside == [], "requests left 127.0.0.1"


def results(page: Page) -> list[str]:
    """The titles the search page lists, once it has said how many it found."""
    expect(page.locator("#search-status")).to_contain_text("article")
    return page.locator(".search-result-title").all_inner_texts()


def test_reader_walks_home_topic_article_related_entity_story(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".topic-grid").get_by_role("link", name="Neocloud").click()
    expect(page.locator("h1")).to_have_text("Neocloud")
    page.locator(".article-list-title a", has_text="Is xAI a neocloud now?").click()
    expect(page.locator("h1")).to_have_text("Is xAI a neocloud now?")
    # The five seed articles are one story, so each one's related reading is the story's
    # other articles (the box lists them instead of a "Related" list that would repeat them).
    related = page.locator(".story-box li a").first
    title = related.inner_text()
    related.click()
    expect(page.locator("h1")).to_have_text(title)
    page.locator(".in-article a", has_text="Anthropic").click()
    expect(page.locator("h1")).to_have_text("Anthropic")
    page.locator("main a[href*='/articles/']").first.click()
    expect(page.locator(".story-box")).to_be_visible()
    page.locator(".story-box h2 a").click()
    expect(page).to_have_url(f"{site_url}stories/{page.url.split('/stories/')[1]}")
    expect(page.locator(".page-header .eyebrow")).to_contain_text("Story")


def test_search_from_the_header_lists_the_seed_articles_and_opens_one(
        page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.keyboard.press("/")  # the shortcut focuses the header's box
    expect(page.locator("#site-search-q")).to_be_focused()
    page.keyboard.type("Colossus")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}search/?q=Colossus")
    assert sorted(results(page)) == sorted(SEED_TITLES)
    expect(page.locator(".search-excerpt mark").first).to_have_text("Colossus", ignore_case=True)
    first = page.locator(".search-result-title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)


def test_topic_filter_narrows_the_results_and_is_part_of_the_link(
        page: Page, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=Colossus")
    everything = results(page)
    page.select_option("#search-topic", "IPO")
    expect(page.locator("#search-status")).to_contain_text("in IPO")
    narrowed = results(page)
    assert 0 < len(narrowed) < len(everything)
    assert set(narrowed) <= set(everything)
    assert "topic=IPO" in page.url
    page.reload()  # the address keeps the search and its filter
    expect(page.locator("#search-topic")).to_have_value("IPO")
    assert results(page) == narrowed


def test_q_in_the_address_fills_the_box_and_runs_the_search(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=SpaceX%20IPO")
    expect(page.locator("#search-q")).to_have_value("SpaceX IPO")
    assert results(page)
    expect(page.locator("#search-status")).to_contain_text("for “SpaceX IPO”")
    page.goto(f"{site_url}search/?q=zzzyqxw")
    expect(page.locator("#search-status")).to_have_text("No articles for “zzzyqxw”.")


def test_keyboard_reaches_search_and_every_link_in_order_with_a_visible_focus(
        page: Page, site_url: str) -> None:
    page.goto(site_url)
    expected = page.evaluate("""() => [...document.querySelectorAll(
        'a[href], input:not([type=hidden]), button, select')]
        .filter(e => e.getClientRects().length)
        .map(e => e.outerHTML)""")
    reached, shown = [], []
    for _ in expected:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.outerHTML"))
        shown.append(page.evaluate("""() => {
            const s = getComputedStyle(document.activeElement);
            return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""))
    assert reached == expected
    assert all(shown), [e for e, ok in zip(reached, shown, strict=True) if not ok]
    assert 'id="site-search-q"' in reached[2]  # skip link, site name, then search


def test_phone_shows_an_article_on_the_first_screen_and_never_scrolls_sideways(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        for path in ("", "articles/is-xai-a-neocloud-now/", "search/?q=Colossus", "archive/",
                     "entities/anthropic/", "timeline/"):
            page.goto(site_url + path)
            if path.startswith("search/"):
                results(page)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 390, f"/{path} is {width}px wide"
        page.goto(site_url)
        first = page.locator(".article-list-title").first.bounding_box()
        assert first is not None and first["y"] + first["height"] <= 844
    finally:
        context.close()


def background(page: Page) -> str:
    """The page's background colour as the browser paints it."""
    return str(page.evaluate("() => getComputedStyle(document.body).backgroundColor"))


def test_dark_mode_follows_the_system_and_the_toggle_which_is_remembered(
        browser: Browser, site_url: str) -> None:
    dark = browser.new_context(color_scheme="dark")
    page = dark.new_page()
    page.goto(site_url)
    assert background(page) == DARK_BG
    expect(page.locator(".theme-toggle")).to_have_attribute("aria-pressed", "true")
    dark.close()

    light = browser.new_context(color_scheme="light")
    page = light.new_page()
    page.goto(site_url)
    assert background(page) == LIGHT_BG
    toggle = page.locator(".theme-toggle")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert background(page) == DARK_BG
    page.goto(site_url + "archive/")  # another page, same choice, before its first paint
    assert background(page) == DARK_BG
    page.locator(".theme-toggle").click()
    page.reload()
    assert background(page) == LIGHT_BG
    light.close()


def test_the_site_opened_from_disk_is_styled_navigates_and_searches(
        page: Page, disk_site: Path) -> None:
    page.goto((disk_site / "index.html").as_uri())
    assert background(page) == LIGHT_BG  # the stylesheet loaded
    page.locator(".site-nav").get_by_role("link", name="Archive").click()
    expect(page.locator("h1")).to_have_text("Archive")
    assert page.url.endswith("/archive/index.html")
    page.locator("#site-search-q").fill("Colossus")
    page.keyboard.press("Enter")
    assert sorted(results(page)) == sorted(SEED_TITLES)
    page.locator(".search-result-title a", has_text="Is xAI a neocloud now?").click()
    expect(page.locator("h1")).to_have_text("Is xAI a neocloud now?")
    assert page.url.endswith("/articles/is-xai-a-neocloud-now/index.html")


def test_with_javascript_off_every_page_reads_and_search_says_why_it_cannot(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "articles/is-xai-a-neocloud-now/")
        expect(page.locator("h1")).to_have_text("Is xAI a neocloud now?")
        expect(page.locator(".theme-toggle")).to_be_hidden()  # nothing that cannot work
        page.locator("#site-search-q").fill("Colossus")
        page.keyboard.press("Enter")  # a plain form: the search page, with the query
        expect(page).to_have_url(f"{site_url}search/?q=Colossus")
        expect(page.locator("noscript").first).to_be_attached()
        page.get_by_role("link", name="the archive").click()
        expect(page.locator("h1")).to_have_text("Archive")
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "articles/is-xai-a-neocloud-now/", "search/?q=Colossus"])
def test_pages_load_without_layout_shift(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path, wait_until="load")
    if path.startswith("search/"):
        results(page)
    shift = page.evaluate("""() => new Promise(done => {
        let total = 0;
        new PerformanceObserver(list => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
        }).observe({type: "layout-shift", buffered: true});
        requestAnimationFrame(() => requestAnimationFrame(() => done(total)));
    })""")
    assert shift < 0.01, f"/{path}: cumulative layout shift {shift:.3f}"


def test_a_default_build_opened_from_disk_is_still_styled(
        page: Page, tmp_path: Path) -> None:
    root = copy_demo(tmp_path)
    build_site(load_config(root), root / "_site")  # absolute links, as built by default
    page.goto((root / "_site/articles/is-xai-a-neocloud-now/index.html").as_uri())
    assert background(page) == LIGHT_BG  # the theme's files are linked relative to the page
    expect(page.locator(".theme-toggle")).to_be_visible()  # and its script ran

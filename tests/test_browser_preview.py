"""What a writer sees in a real browser: the preview reloads itself, and a site opened from disk.

Chromium (Debian's, headless) opens a page served by `readsite serve`; the test edits the
article's file and waits for the open page to show the new text with no action, as a writer
with the page beside the editor would.  A `relative_urls` build is opened over `file://`.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import ARTICLE, Served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import expect
except ImportError:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise
    pytest.skip("playwright is not installed", allow_module_level=True)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    yield context.new_page()
    context.close()


def test_open_page_reloads_itself_after_an_edit(
        site: Path, serve_site: Callable[[Path], Served], page: Page) -> None:
    served = serve_site(site)
    page.goto(served.url + "articles/first/")
    expect(page.locator("h1")).to_have_text("First light")
    page.wait_for_function("() => window.LiveReload !== undefined")  # the client connected
    page.evaluate("window.__notReloaded = true")
    (site / "content/first.md").write_text(
        ARTICLE.format(title="First light, as the writer saw it", day=1, body="One."),
        encoding="utf-8")
    expect(page.locator("h1")).to_have_text("First light, as the writer saw it", timeout=5000)
    assert page.evaluate("window.__notReloaded === undefined"), "the page itself reloaded"


def test_broken_file_shows_overlay_in_the_open_page_and_fix_clears_it(
        site: Path, serve_site: Callable[[Path], Served], page: Page) -> None:
    served = serve_site(site)
    page.goto(served.url + "articles/second/")
    page.wait_for_function("() => window.LiveReload !== undefined")
    good = (site / "content/first.md").read_text(encoding="utf-8")
    (site / "content/first.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    overlay = page.locator("#readsite-error")
    expect(overlay).to_be_visible(timeout=5000)
    expect(overlay).to_contain_text("content/first.md:2")
    expect(page.locator("h1")).to_have_text("Second wind")  # the last good page is still there
    page.wait_for_function("() => window.LiveReload !== undefined")
    (site / "content/first.md").write_text(good, encoding="utf-8")
    expect(overlay).to_have_count(0, timeout=5000)


def test_site_opened_from_disk_is_styled_and_links_work(
        demo_site: Path, tmp_path: Path, page: Page) -> None:
    out = tmp_path / "out"
    build_site(dataclasses.replace(load_config(demo_site), relative_urls=True), out)
    page.goto((out / "index.html").as_uri())
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "serif" in font.lower() or "georgia" in font.lower(), "the stylesheet loaded"
    page.locator(".article-list a").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*/articles/[^/]+/index\.html$"))
    expect(page.locator("article h1")).to_be_visible()
    page.locator(".topic-links a").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert "/topics/" in page.url and page.url.endswith("index.html")
    page.locator(".site-title").click()
    assert page.url == (out / "index.html").as_uri()

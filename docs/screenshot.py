"""Regenerate the README's screenshots: build the demo site, serve it on 127.0.0.1 and
photograph the home page, an article and a search, on a desktop (1280 wide) and a phone (390),
light and dark, into docs/screenshots/; and the article for the README's top (docs/article.png).

    .venv/bin/python docs/screenshot.py     # needs Chromium at /usr/bin/chromium and playwright
"""

from __future__ import annotations

import functools
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from readsite.config import load_config
from readsite.pipeline import build_site

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
ARTICLE = "articles/why-xai-selling-compute-signals-a-shift-to-neocloud/"
PAGES = {"home": "", "article": ARTICLE, "search": "search/?q=Colossus"}
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


class Quiet(SimpleHTTPRequestHandler):
    """A static file server that does not log each request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(load_config(REPO).with_base_url("/"), site, use_cache=False)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            for size, (width, height) in SIZES.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  color_scheme=scheme)
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(base + path)
                        if name == "search":
                            page.locator(".search-result").first.wait_for()
                        page.screenshot(path=str(OUT / f"{name}-{size}-{scheme}.png"))
                    context.close()
            page = browser.new_page(viewport={"width": 1000, "height": 1100})
            page.goto(base + ARTICLE)
            page.screenshot(path=str(REPO / "docs" / "article.png"))
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()

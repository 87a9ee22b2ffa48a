"""Regenerate the README's screenshot: build the demo site and photograph an article page.

    .venv/bin/python docs/screenshot.py     # needs Chromium at /usr/bin/chromium and playwright

The site is built with relative links and opened from disk (file://), as a reader may.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from readsite.config import load_config
from readsite.pipeline import build_site

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "articles/why-xai-selling-compute-signals-a-shift-to-neocloud/index.html"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(dataclasses.replace(load_config(REPO), relative_urls=True), site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1000, "height": 1100})
            page.goto((site / ARTICLE).as_uri())
            page.screenshot(path=str(REPO / "docs" / "article.png"))
            browser.close()


if __name__ == "__main__":
    main()

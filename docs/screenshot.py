"""Regenerate the README's screenshot: build the demo site and photograph an article page.

    python docs/screenshot.py          # needs Chromium at /usr/bin/chromium and playwright
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from readsite.config import load_config
from readsite.pipeline import build_site
from readsite.server import make_server

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "articles/why-xai-selling-compute-signals-a-shift-to-neocloud/"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(load_config(REPO).with_base_url("/"), site)
        server = make_server(site, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                            args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1000, "height": 1100})
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{ARTICLE}")
                page.screenshot(path=str(REPO / "docs" / "article.png"))
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()

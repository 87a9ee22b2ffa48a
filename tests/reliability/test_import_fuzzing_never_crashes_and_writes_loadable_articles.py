"""Guarantee 21 (import): arbitrary bytes saved as a pasted-text, HTML, Markdown or feed file
(or with no suffix, read by content) and imported never raise anything but a ReadsiteError,
and every article the import writes loads (valid front matter, a title, a safe slug).

Fuzz targets set no `max_examples`: the profile in conftest.py decides how hard they look."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readsite.config import load_config
from readsite.content import load_article
from readsite.errors import ReadsiteError
from readsite.importers import import_paths
from tests.conftest import DEFAULT_SITE_YAML

PIECES = st.sampled_from([
    "Title line\n", "# Heading\n", "By Jane Doe\n", "March 3, 2025\n", "---\n", "title: x\n",
    "<p>para</p>", "<script>alert(1)</script>", "<h1>H</h1>", "[link](javascript:alert(1))",
    "Share on Facebook\n", "Sign up for our newsletter\n", "\n\n", "\r\n", "\x00", "\ufeff",
    "é", "日本語", "<!-- c -->", "```\ncode\n```\n", "> quote\n", "- item\n", "..", "CON\n",
    "<!doctype html><html><head>", '<meta property="og:title" content="T">', "<body><article>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@id": "#a"}}',
    "</script>", '<div itemscope itemtype="https://schema.org/Article">', "<table><tr><td>",
    '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>I',
    "</title><description>&lt;p&gt;x</description></item></channel></rss>",
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div>',
    '{"version": "https://jsonfeed.org/version/1.1", "items": [{"content_html": "<p>x</p>"',
])
DOCUMENTS = st.one_of(
    st.binary(max_size=400),
    st.lists(PIECES, max_size=25).map(lambda parts: "".join(parts).encode("utf-8")),
)


@pytest.mark.fuzz
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DOCUMENTS, st.sampled_from(["txt", "html", "htm", "md", "xml", "rss", "atom", "json", ""]))
def test_importing_any_file_never_crashes_and_writes_loadable_articles(
        data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "site.yaml").write_text(DEFAULT_SITE_YAML, encoding="utf-8")
        source = root / "inbox" / (f"pasted.{suffix}" if suffix else "pasted")
        source.parent.mkdir()
        source.write_bytes(data)
        try:
            import_paths([source], root / "content", static_dir=root / "static")
        except ReadsiteError:
            return
        config = load_config(root)
        for written in sorted((root / "content").glob("*.md")):
            load_article(written.read_text(encoding="utf-8"), written, config)

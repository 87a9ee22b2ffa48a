"""Guarantee 21 (import): arbitrary bytes saved as a pasted-text, HTML or Markdown file and
imported never raise anything but a ReadsiteError, and every article the import writes loads
(valid front matter, a title, a safe slug).

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
])
DOCUMENTS = st.one_of(
    st.binary(max_size=400),
    st.lists(PIECES, max_size=25).map(lambda parts: "".join(parts).encode("utf-8")),
)


@pytest.mark.fuzz
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DOCUMENTS, st.sampled_from(["txt", "html", "md"]))
def test_importing_any_file_never_crashes_and_writes_loadable_articles(
        data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "site.yaml").write_text(DEFAULT_SITE_YAML, encoding="utf-8")
        source = root / "inbox" / f"pasted.{suffix}"
        source.parent.mkdir()
        source.write_bytes(data)
        try:
            import_paths([source], root / "content", static_dir=root / "static")
        except ReadsiteError:
            return
        config = load_config(root)
        for written in sorted((root / "content").glob("*.md")):
            load_article(written.read_text(encoding="utf-8"), written, config)

"""Guarantee 3: every id an article body carries starts with `s-`, so a heading called
"location" or "top" can never clobber the page's own ids or `window.location`-style DOM
named access; equal headings get `-2`, `-3`... in time linear in their number."""

from __future__ import annotations

import pytest

from readsite.config import load_config
from readsite.markdown import render
from readsite.pipeline import build_site
from tests.conftest import MakeSite, start_tags
from tests.reliability.active_html import body_of

CLOBBERING = ["location", "top", "document", "cookie", "forms", "main", "content", "search"]


def test_every_body_id_is_prefixed(make_site: MakeSite) -> None:
    body = "\n\n".join(
        [f"## {name}" for name in CLOBBERING]
        + ["## Custom {#location}", '<div id="document">x</div>', '<a id="top" name="x">a</a>',
           '<img id="forms" src="a.png">', "Note[^1].", "[^1]: The note.",
           "Term\n: definition {#cookie}"])
    root = make_site(files={"content/a.md": f"---\ntitle: A\n---\n\n{body}\n"})
    build_site(load_config(root))
    page = (root / "_site" / "articles" / "a" / "index.html").read_text()
    ids = [attrs["id"] for _, attrs in start_tags(body_of(page)) if "id" in attrs]
    assert ids and all(i.startswith("s-") for i in ids), ids
    assert all("name" not in attrs for _, attrs in start_tags(body_of(page)))
    assert "s-location" in ids and "s-location-2" in ids


@pytest.mark.timeout(20)  # the old count-up-from-2 loop took 50 s here
def test_twenty_thousand_equal_headings_get_unique_ids_quickly() -> None:
    count = 20_000
    rendered = render("## same\n\n" * count)
    anchors = [h.anchor for h in rendered.headings]
    assert len(set(anchors)) == count
    assert anchors[:3] == ["s-same", "s-same-2", "s-same-3"]
    assert anchors[-1] == f"s-same-{count}"


def test_an_author_id_and_a_numbered_slug_do_not_collide() -> None:
    rendered = render("## a {#a-2}\n\n## a\n\n## a\n\n## a-2\n")
    anchors = [h.anchor for h in rendered.headings]
    assert len(set(anchors)) == len(anchors)
    assert anchors[0] == "s-a-2"

"""Guarantee 19: pathological Markdown renders in time linear in its size and keeps its
text, and one such article does not stop the rest of the site from building.

Sizes are kept so each case renders well under a second; the pytest timeout is the only
clock (no timing asserts).  Figures for the full sizes of issue 9 (100k nested `>`, 1 MB of
`*a`, a 1 MB line, 10k links, 100k `![`, 20k equal headings) are in the issue's report."""

from __future__ import annotations

import pytest

from readsite.config import load_config
from readsite.markdown import render
from readsite.pipeline import build_site
from tests.conftest import MakeSite

CASES = {
    "100k nested quotes": (">" * 100_000 + " deep text\n\nafter", ["deep text", "after"]),
    "spaced nested quotes": ("> " * 50_000 + "deep text", ["deep text"]),
    "emphasis runs": ("*a" * 50_000 + " tail", ["tail"]),
    "unclosed emphasis": ("*" * 30_000 + "a" + "_" * 30_000 + " tail", ["tail"]),
    "a 1 MB line": ("word " * 200_000 + "tail", ["tail"]),
    "10k links": ("\n".join(f"[l{i}](https://example.org/{i})" for i in range(10_000)),
                  ["l9999"]),
    "image openers": ("![" * 20_000 + " tail", ["tail"]),
    "link openers": ("[](" * 20_000 + " tail", ["tail"]),
    "wiki openers": ("[[" * 20_000 + " tail", ["tail"]),
    "brackets": ("[" * 20_000 + "a" + "]" * 20_000 + " tail", ["tail"]),
    "deep lists": ("".join("  " * i + f"- x{i}\n" for i in range(30)) + "\n\nafter",
                   ["x0", "after"]),
    "backtick runs": (" ".join("`" * i for i in range(1, 400)) + " tail", ["tail"]),
    "reference definitions": ("".join(f"[r{i}]: /u{i}\n" for i in range(5_000))
                              + " ".join(f"[r{i}]" for i in range(5_000)), ["r4999"]),
    "angle brackets": ("<" * 50_000 + " tail", ["tail"]),
    "attribute braces": ("{" * 20_000 + " tail\n\n## h {" + "#a " * 5_000 + "}", ["tail"]),
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", CASES)
def test_pathological_markdown_renders_and_keeps_its_text(name: str) -> None:
    source, kept = CASES[name]
    rendered = render(source)
    for text in kept:
        assert text in rendered.html and text in rendered.text, name


@pytest.mark.timeout(60)
def test_a_pathological_article_does_not_stop_the_site(make_site: MakeSite) -> None:
    nasty = "\n\n".join(CASES[name][0] for name in (
        "100k nested quotes", "a 1 MB line", "deep lists", "attribute braces"))
    root = make_site(files={"content/nasty.md": f"---\ntitle: Nasty\n---\n\n{nasty}\n",
                            "content/fine.md": "---\ntitle: Fine\n---\n\nA fine article.\n"})
    build_site(load_config(root))
    assert "A fine article." in (root / "_site" / "articles" / "fine" / "index.html").read_text()
    assert "deep text" in (root / "_site" / "articles" / "nasty" / "index.html").read_text()

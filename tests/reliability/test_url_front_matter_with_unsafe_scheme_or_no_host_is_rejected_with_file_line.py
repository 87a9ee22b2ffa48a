"""Guarantee 5: an address in front matter (`url:`, an `image:`-like key, any script address
in a value templates can see) that a browser would run, open locally, or send to another
host is refused at its file:line, and nothing is built."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MakeSite
from tests.reliability.front_matter_site import build, refused

HOSTILE = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "\x01javascript:alert(1)",
    "javascript&#58;alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
    "VBScript:msgbox(1)", "file:///etc/passwd", "FILE://c:/windows/win.ini",
    "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
    "//evil.example/x", "///evil.example/x", "/\\evil.example/x", "http:///x", "https:evil",
    "https://", "http://[::1", "mailto:someone@example.org",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_url_key_refuses_unsafe_addresses(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], value: str) -> None:
    front = f"title: A\nurl: {json.dumps(value)}\n"
    refused(build(make_site, capsys, front), 3, "`url`")


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("key", ["image", "cover", "canonical_url", "extra:\n  thumbnail"])
def test_address_like_keys_for_templates_refuse_unsafe_addresses(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], key: str, value: str) -> None:
    front = f"title: A\n{key}: {json.dumps(value)}\n"
    line = 3 + key.count("\n")
    refused(build(make_site, capsys, front), line, key.rsplit(" ", 1)[-1])


@pytest.mark.parametrize("value", [v for v in HOSTILE if v.lstrip("\x01 ").lower().startswith(
    ("javascript", "vbscript", "file", "data"))])
def test_any_template_value_refuses_script_addresses(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], value: str) -> None:
    front = f"title: A\nextra:\n  links:\n    - {json.dumps(value)}\n"
    refused(build(make_site, capsys, front), 5, "extra.links.0")


@pytest.mark.parametrize("front", [
    "url: https://example.org/a?b=c#d\n", "url: HTTP://Example.org\n",
    "image: /images/cover.jpg\n", "image: https://cdn.example.org/a.png\n",
    "note: 'Data: from the census'\n", "extra:\n  quote: 'File: under miscellany'\n",
])
def test_safe_addresses_and_prose_still_build(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], front: str) -> None:
    outcome = build(make_site, capsys, "title: A\n" + front)
    assert outcome.code == 0, outcome.err
    assert (outcome.root / "_site/articles/a/index.html").is_file()

"""Typographic quotes for the text a site's owner types into site.yaml.

Articles get curly quotes when they are imported (`readsite.normalise`); the title, intro and
descriptions in site.yaml are typed by hand, usually with straight ones, and would sit beside
the articles' curly ones.  This turns `"` and `'` into “ ” ‘ ’ by what is around them, leaving
code spans, HTML tags and link addresses as typed.
"""

from __future__ import annotations

import re

_KEEP_RE = re.compile(r"(`+).+?\1|<[A-Za-z/!][^<>]*>|\]\([^()]*\)", re.DOTALL)
"""What keeps its straight quotes: a Markdown code span, an HTML tag, a link's address."""
_OPENS_BEFORE = frozenset(" \t\n([{<—–-/“‘")
"""A quote after one of these (or at the start) opens; anywhere else it closes."""


def smart_quotes(text: str) -> str:
    """`text` with straight quotes made typographic: "a" → “a”, 'a' → ‘a’, it's → it’s."""
    out: list[str] = []
    end = 0
    for match in _KEEP_RE.finditer(text):
        out.append(_curl(text[end:match.start()], out[-1][-1:] if out else ""))
        out.append(match.group(0))
        end = match.end()
    out.append(_curl(text[end:], out[-1][-1:] if out else ""))
    return "".join(out)


def _curl(text: str, before: str) -> str:
    """`smart_quotes` of a stretch with no code, `before` being the character preceding it."""
    chars = list(text)
    for index, char in enumerate(chars):
        if char not in "\"'":
            continue
        previous = chars[index - 1] if index else before
        opens = previous == "" or previous in _OPENS_BEFORE
        if char == '"':
            chars[index] = "“" if opens else "”"
        else:
            chars[index] = "‘" if opens else "’"
    return "".join(chars)

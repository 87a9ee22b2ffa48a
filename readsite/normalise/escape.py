"""Markdown output: plain text escaped so untrusted input can never turn into markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(?:([#>+\-=])|(\d{1,9})([.)]))")


def escape_inline(text: str) -> str:
    """Backslash-escape characters that would become inline markup (emphasis, links, HTML)."""
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_paragraph(text: str) -> str:
    """Plain text as a Markdown paragraph that renders as exactly that text."""
    escaped = escape_inline(text)
    return _BLOCK_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), escaped
    )


def escape_heading(text: str) -> str:
    """Plain text as the content of a `## ` heading (no `#` may close or nest it)."""
    return escape_inline(text).replace("#", "\\#")


def to_markdown(blocks: Sequence[Block]) -> str:
    """The body: `## ` headings and paragraphs, one blank line apart."""
    parts: list[str] = []
    for block in blocks:
        if block.heading:
            text = block.text if block.markup else escape_heading(block.text)
            parts.append("#" * max(2, block.level) + " " + text)
        else:
            parts.append(block.text if block.markup else escape_paragraph(block.text))
    return "\n\n".join(parts)

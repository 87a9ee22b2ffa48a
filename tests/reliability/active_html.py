"""What makes HTML *active* (able to run code or restyle the page), as a browser reads it.

Shared by the reliability tests of raw HTML, link schemes, titles and the Markdown fuzzer:
each asserts that `active_parts(page)` is empty for what a user sees.
"""

from __future__ import annotations

import html
import re

from readsite.render import THEME_DIR
from readsite.sanitise import VIDEO_HOSTS
from tests.conftest import start_tags

ACTIVE_TAGS = frozenset({"script", "style", "object", "embed", "applet", "base", "form",
                         "frame", "frameset", "link", "meta", "svg", "math", "template"})
"""Elements that never come from an article body (the theme's own `<link>`/`<meta>`, scripts
and search forms are allowed by `active_parts(..., theme_head=True)`)."""
THEME_INLINE_SCRIPT = re.search(r'<script data-readsite="theme">.*?</script>',
                                (THEME_DIR / "templates/base.html").read_text(encoding="utf-8"))
"""The one inline script of the theme (the remembered light/dark choice), exactly as written."""
THEME_FORMS = frozenset({"site-search", "search-form"})
"""Classes of the theme's search forms (the header's and the search page's)."""
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster",
                            "background", "cite", "srcset", "data"})
SAFE_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]")
BAD_SCHEMES = ("javascript:", "vbscript:", "file:", "data:", "livescript:", "mocha:")


def _squeezed(url: str) -> str:
    """`url` as a browser reads its scheme: entities decoded, controls and spaces dropped."""
    return re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).lower()


def active_parts(page: str, theme_head: bool = False) -> list[str]:
    """Every script, style, handler, foreign iframe or script-capable URL in `page`."""
    found = []
    if theme_head and THEME_INLINE_SCRIPT:
        page = page.replace(THEME_INLINE_SCRIPT.group(0), "")
    for tag, attrs in start_tags(page):
        theme_own = theme_head and (
            tag in ("link", "meta")
            or (tag == "script" and attrs.get("src", "").endswith("static/site.js"))
            or (tag == "form" and attrs.get("class") in THEME_FORMS))
        if tag in ACTIVE_TAGS and not theme_own:
            found.append(f"<{tag}>")
        if tag == "iframe" and not attrs.get("src", "").startswith(VIDEO_HOSTS):
            found.append(f"<iframe src={attrs.get('src')!r}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                found.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES:
                url = _squeezed(value)
                image = tag == "img" and name == "src" and SAFE_DATA_IMAGE.match(url)
                if url.startswith(BAD_SCHEMES) and not image:
                    found.append(f"<{tag} {name}={value!r}>")
                if tag == "meta" and "url=" in url and "javascript" in url:
                    found.append(f"<{tag} {name}={value!r}>")
    return found


def body_of(page: str) -> str:
    """The article body of a built article page (between the theme's body markers)."""
    start = page.index('<div class="prose"')
    return page[start:page.index("</article>", start)]

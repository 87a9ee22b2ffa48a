"""`http(s)://` addresses: fetch the page or feed, within a time and a size limit.

A fetch follows redirects (to http and https only), gives up after `timeout` seconds in all,
stops reading at `max_bytes`, and turns every failure (refused connection, 404, timeout, a
response too big or not a page) into one clear `ImportRefused` naming the address: an
import of many addresses reports each that failed and imports the rest.  What came back is
read as a web page or a feed by its Content-Type and, when that is vague, by its content.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from readsite import __version__
from readsite.errors import ImportRefused, Problem
from readsite.importers.feed import looks_like_feed
from readsite.importers.page import charset_of, looks_like_html

DEFAULT_TIMEOUT = 20.0
"""Seconds a fetch may take in all (`readsite import --timeout`)."""
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Largest response read, in bytes (`readsite import --max-size`, in MB): pages are far
smaller; anything bigger is not an article."""
CHUNK = 64 * 1024
USER_AGENT = f"readsite/{__version__} (article import)"
NOT_PAGES = ("image/", "audio/", "video/", "font/", "application/octet-stream",
             "application/pdf", "application/zip", "application/gzip")
"""Content-Types that are never a page or a feed, whatever the bytes look like."""
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/rdf+xml")


def is_url(text: str) -> bool:
    """Whether a command-line input is an http(s) address rather than a path."""
    return text.strip().lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: where it ended up, what it says it is, and its bytes."""

    url: str
    """The address the content came from (after redirects)."""
    content_type: str
    """The media type, lower-cased, without parameters ("text/html")."""
    charset: str
    """The charset the server declared ("" if none)."""
    data: bytes
    """The body, at most the size limit."""

    @property
    def kind(self) -> str:
        """"html", "feed", or "" when it is neither."""
        if self.content_type.startswith(NOT_PAGES):
            return ""
        if self.content_type in FEED_TYPES or looks_like_feed(self.data):
            return "feed"
        if self.content_type in HTML_TYPES or looks_like_html(self.data):
            return "html"
        return ""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only (never file:, ftp: or data:)."""

    def redirect_request(self, req: urllib.request.Request, fp: object, code: int, msg: str,
                         headers: http.client.HTTPMessage,
                         newurl: str) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise ImportRefused(Problem(f"{req.full_url}: redirects to `{newurl}`, which is "
                                        "not a web address"))
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def refused(url: str, why: str, hint: str = "") -> ImportRefused:
    """The error for an address that could not be imported."""
    return ImportRefused(Problem(f"{url}: {why}", None, None, hint))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT,
          max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched:
    """GET `url`; ImportRefused (naming it) on any failure, timeout or oversized body."""
    if not urlsplit(url).hostname:
        raise refused(url, "not a web address", "write it as https://host/path")
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, "
        "application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5"})
    slow = f"no complete answer within {timeout:g} seconds"
    try:
        with opener.open(request, timeout=timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise refused(url, slow, "try again later, or allow longer with --timeout")
                chunk = response.read(min(CHUNK, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise refused(url, f"the response is larger than {max_bytes:,} bytes; "
                                  "stopped reading", "an article page is far smaller: check "
                                  "the address, or allow more with --max-size")
            headers = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise refused(url, f"the server answered HTTP {exc.code} {exc.reason}",
                      "check the address in a browser") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise refused(url, slow, "try again later, or allow longer with --timeout") from None
        if isinstance(reason, ConnectionRefusedError):
            raise refused(url, "the connection was refused",
                          "check the address and port, and that the site is up") from None
        if isinstance(reason, socket.gaierror):
            raise refused(url, "no such host", "check the address for a typo") from None
        raise refused(url, f"cannot connect: {reason}") from None
    except TimeoutError:
        raise refused(url, slow, "try again later, or allow longer with --timeout") from None
    except http.client.HTTPException as exc:
        raise refused(url, f"the server sent a broken response ({type(exc).__name__})",
                      "try again later") from None
    except (OSError, ValueError) as exc:
        raise refused(url, f"cannot fetch it: {exc}") from None
    content_type = headers.get("Content-Type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    return Fetched(final, media, charset_of(content_type), b"".join(chunks))


def fetch_article(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """`fetch`, refusing a response that is neither a web page nor a feed."""
    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if not fetched.kind:
        shown = fetched.content_type or "no Content-Type"
        raise refused(url, f"this is not a web page or a feed ({shown})",
                      "import the address of the article's page, or of the site's feed")
    return fetched

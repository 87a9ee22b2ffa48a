"""Guarantee 6: every template is autoescaped whatever its extension; a template that fails
(bad syntax, or an exception while rendering such as `{{ 1/0 }}`) is an error naming the
template file and line, never a traceback; site templates run sandboxed; and a symlink in
templates/ that leads outside the site is not followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.cli import main
from tests.conftest import MakeSite

ARTICLE = "---\ntitle: \"<script>alert('t')</script>\"\n---\n\nBody.\n"


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit code and stderr of `readsite build` on `root`."""
    code = main(["--site", str(root), "build"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", ["robots.txt", "feed.xml", "extra.txt", "extra.json",
                                  "extra.js", "extra"])
def test_every_template_is_autoescaped_whatever_its_extension(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], name: str) -> None:
    files = {"content/a.md": ARTICLE,
             f"templates/{name}": "T={% for a in collection.articles %}{{ a.title }}{% endfor %}"}
    if name not in ("robots.txt", "feed.xml"):
        files["templates/article.html"] = (
            '{% extends "!theme/article.html" %}'
            f'{{% block description %}}{{% include "{name}" %}}{{% endblock %}}')
    root = make_site(files=files)
    code, err = build(root, capsys)
    assert code == 0, err
    out = {"robots.txt": "robots.txt", "feed.xml": "feed.xml"}.get(name,
                                                                   "articles/a/index.html")
    text = (root / "_site" / out).read_text()
    assert "T=&lt;script&gt;" in text and "<script>" not in text


@pytest.mark.parametrize(("template", "line", "words"), [
    ("<p>\n{{ 1/0 }}\n</p>", 2, "ZeroDivisionError"),
    ("<p>\n\n{{ article.no_such_field }}</p>", 3, "no_such_field"),
    ("<p>\n{% if %}\n</p>", 2, "Expected an expression"),
    ("<p>\n{{ article.title | no_such_filter }}\n</p>", 2, "no_such_filter"),
    ("{{ {}['x'] }}", 1, "x"),
    ("{{ [][3] }}", 1, "no element 3"),
    ("<p>\n\n\n{{ '%d' % 'x' }}", 4, "TypeError"),
    ("{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}", 1, "Recursion"),
])
def test_a_failing_template_is_an_error_at_its_file_and_line(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], template: str, line: int,
        words: str) -> None:
    root = make_site(files={"content/a.md": ARTICLE, "templates/article.html": template})
    code, err = build(root, capsys)
    assert code == 1
    assert "Traceback" not in err
    assert f"templates/article.html:{line}:" in err or (
        template.startswith("{% macro") and "templates/article.html:" in err), err
    assert words in err


@pytest.mark.parametrize("expression", [
    "''.__class__.__mro__[1].__subclasses__()",
    "site.__class__.__init__.__globals__",
    "url.__globals__['__builtins__']",
    "collection.__class__",
    "cycler.__init__.__globals__.os.popen('id').read()",
])
def test_site_templates_are_sandboxed(make_site: MakeSite, capsys: pytest.CaptureFixture[str],
                                      expression: str) -> None:
    root = make_site(files={"content/a.md": ARTICLE,
                            "templates/robots.txt": f"{{{{ {expression} }}}}"})
    code, err = build(root, capsys)
    assert code == 1, err
    assert "templates/robots.txt:1:" in err and "unsafe" in err
    assert "Traceback" not in err and "uid=" not in err


def test_a_template_symlink_out_of_the_site_is_not_followed(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.html"
    secret.parent.mkdir()
    secret.write_text("SECRET-KEY-MATERIAL")
    root = make_site(files={"content/a.md": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "article.html").symlink_to(secret)
    code, err = build(root, capsys)
    assert code == 1
    assert "templates/article.html" in err and "outside the site" in err
    assert "Traceback" not in err
    output = root / "_site"
    assert not output.exists() or all(
        "SECRET" not in p.read_text() for p in output.rglob("*.html"))


def test_a_template_symlink_within_the_site_is_followed(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/a.md": ARTICLE,
                            "partials/robots.txt": "User-agent: *\nInside: yes\n"})
    (root / "templates").mkdir()
    (root / "templates" / "robots.txt").symlink_to(root / "partials" / "robots.txt")
    code, err = build(root, capsys)
    assert code == 0, err
    assert "Inside: yes" in (root / "_site" / "robots.txt").read_text()

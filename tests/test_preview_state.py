"""Never stale: after any sequence of edits, the preview equals a clean build, byte for byte.

A Hypothesis state machine adds, edits, renames and deletes articles, template overrides,
static files, root files and site.yaml, sometimes breaking an article or site.yaml, and
polls the preview the way the server's loop does (sometimes mid-burst).  Whenever it settles:
if a clean build of the same files succeeds, the preview's folder holds exactly that build;
if it fails, the preview reports the same error and still holds the last good site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from readsite import preview as preview_module
from readsite.config import load_config
from readsite.errors import ReadsiteError
from readsite.pipeline import build_site
from readsite.preview import Preview
from tests.conftest import DEFAULT_SITE_YAML, snapshot

SLUGS = st.sampled_from(["alpha", "beta", "gamma", "delta"])
WORDS = st.sampled_from(["GPU", "neocloud", "IPO", "investors", "Memphis", "lunch", "rain"])
TITLE = st.text(alphabet="abcdefg xyz", min_size=1, max_size=12).filter(str.strip)


def article(title: str, words: list[str], draft: bool) -> str:
    """A valid article file."""
    flag = "draft: true\n" if draft else ""
    return f"---\ntitle: {title.strip()!r}\n{flag}---\n\n" + " ".join(words) + ".\n"


class PreviewMachine(RuleBasedStateMachine):
    """A site folder, its preview, and a writer changing files under it."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="readsite-state-"))
        self.root = self.tmp / "site"
        self.last_good: dict[str, bytes] | None = None

    @initialize()
    def start(self) -> None:
        (self.root / "content").mkdir(parents=True)
        (self.root / "site.yaml").write_text(DEFAULT_SITE_YAML, encoding="utf-8")
        (self.root / "content/alpha.md").write_text(article("Alpha", ["GPU"], False),
                                                   encoding="utf-8")
        self.preview = Preview(self.root, self.tmp / "preview", "http://127.0.0.1:9/")
        self.preview.build()
        self.last_good = snapshot(self.preview.output)

    def write(self, relpath: str, text: str) -> None:
        target = self.root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def remove(self, relpath: str) -> None:
        (self.root / relpath).unlink(missing_ok=True)

    @rule(slug=SLUGS, title=TITLE, words=st.lists(WORDS, min_size=1, max_size=6),
          draft=st.booleans())
    def write_article(self, slug: str, title: str, words: list[str], draft: bool) -> None:
        self.write(f"content/{slug}.md", article(title, words, draft))

    @rule(slug=SLUGS)
    def delete_article(self, slug: str) -> None:
        self.remove(f"content/{slug}.md")

    @rule(old=SLUGS, new=SLUGS)
    def rename_article(self, old: str, new: str) -> None:
        source = self.root / f"content/{old}.md"
        if source.exists():
            source.rename(self.root / f"content/{new}.md")

    @rule(slug=SLUGS)
    def break_article(self, slug: str) -> None:
        self.write(f"content/{slug}.md", "---\ntitle: [unclosed\n---\nText.\n")

    @rule(text=st.sampled_from(["Reader's copy", "Second edition", "<b>bold</b>"]))
    def override_template(self, text: str) -> None:
        self.write("templates/base.html", '{% extends "!theme/base.html" %}'
                   "{% block colophon %}<p>" + text + "</p>{% endblock %}")

    @rule()
    def drop_template(self) -> None:
        self.remove("templates/base.html")

    @rule(name=st.sampled_from(["style.css", "extra.css", "img/logo.svg"]),
          body=st.sampled_from(["a{}", "b{}", "<svg/>"]))
    def write_static(self, name: str, body: str) -> None:
        self.write(f"static/{name}", body)

    @rule(name=st.sampled_from(["style.css", "extra.css", "img/logo.svg"]))
    def delete_static(self, name: str) -> None:
        self.remove(f"static/{name}")

    @rule(name=st.sampled_from(["CNAME", ".well-known/security.txt", "robots.txt"]),
          body=st.sampled_from(["reading.example.org\n", "Contact: mailto:a@b.c\n"]))
    def write_root_file(self, name: str, body: str) -> None:
        self.write(f"root/{name}", body)

    @rule(name=st.sampled_from(["CNAME", ".well-known/security.txt", "robots.txt"]))
    def delete_root_file(self, name: str) -> None:
        self.remove(f"root/{name}")

    @rule(title=st.sampled_from(["Test Site", "Renamed Site"]), extra_topic=st.booleans(),
          broken=st.booleans())
    def edit_site_yaml(self, title: str, extra_topic: bool, broken: bool) -> None:
        text = DEFAULT_SITE_YAML.replace("title: Test Site", f"title: {title}")
        if extra_topic:
            text += "  - slug: weather\n    name: Weather\n    keywords: [rain, Memphis]\n"
        if broken:
            text += "colour: blue\n"
        self.write("site.yaml", text)

    @rule()
    def poll_once(self) -> None:
        """One poll in the middle of a burst: it must not build a half-written state."""
        change = self.preview.poll()
        if change is not None and not change.building and self.preview.error is None:
            self.last_good = snapshot(self.preview.output)  # a quiet burst, rebuilt here

    @rule()
    def settle(self) -> None:
        """What the server loop does when files go quiet: poll twice; then compare."""
        self.preview.poll()
        self.preview.poll()
        self.preview.wait()
        clean = self.tmp / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        try:
            config = load_config(self.root).with_base_url(self.preview.base_url)
            build_site(config, clean, drafts=True)
        except ReadsiteError as exc:
            assert self.preview.error is not None, "the preview hides a failing build"
            assert str(self.preview.error) == str(exc)
            assert snapshot(self.preview.output) == self.last_good, "the last good site stays"
            return
        assert self.preview.error is None, str(self.preview.error)
        served = snapshot(self.preview.output)
        assert sorted(served) == sorted(snapshot(clean)), "a page is missing or left over"
        assert served == snapshot(clean), "a page is stale"
        self.last_good = served

    def teardown(self) -> None:
        self.preview.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


class FastPreviewMachine(PreviewMachine):
    """The same, as for a large site: every edit first re-renders the edited page into the
    served folder at once, then the full build runs in the background and is swapped in."""

    def __init__(self) -> None:
        super().__init__()
        self.saved = preview_module.FAST_RENDER_AFTER
        preview_module.FAST_RENDER_AFTER = 0.0

    @rule(slug=SLUGS, words=st.lists(WORDS, min_size=1, max_size=5))
    def edit_and_poll_at_once(self, slug: str, words: list[str]) -> None:
        """Edit an article and poll twice at once, as the loop does once the file is quiet:
        the page is re-rendered before the background build is swapped in."""
        path = self.root / "content" / f"{slug}.md"
        if not path.is_file():
            return
        self.preview.poll()  # let earlier changes settle first
        self.preview.poll()
        self.preview.wait()
        if self.preview.error is None:  # that build is now the last good site
            self.last_good = snapshot(self.preview.output)
        known = (self.preview.error is None and self.preview.snapshot is not None
                 and slug in self.preview.snapshot.collection.by_slug)
        title = f"{slug.title()} edited {len(words)}"
        path.write_text(article(title, words, False), encoding="utf-8")
        self.preview.poll()
        change = self.preview.poll()
        assert change is not None and change.building
        page = self.preview.output / "articles" / slug / "index.html"
        if known:
            assert change.fast is not None, "a plain edit is re-rendered at once"
            assert title in page.read_text(encoding="utf-8"), "the page shows the edit at once"

    def teardown(self) -> None:
        preview_module.FAST_RENDER_AFTER = self.saved
        super().teardown()


PreviewMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_preview_never_stale = PreviewMachine.TestCase
FastPreviewMachine.TestCase.settings = PreviewMachine.TestCase.settings
test_preview_never_stale_with_fast_renders = FastPreviewMachine.TestCase


def test_two_edits_within_one_timestamp_tick_are_both_seen(tmp_path: Path) -> None:
    """File clocks tick every few ms: a same-size edit with the same mtime still counts."""
    from readsite.watch import differs, signature

    path = tmp_path / "a.md"
    path.write_text("title A", encoding="utf-8")
    before = signature([tmp_path])
    stat = path.stat()
    path.write_text("title B", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_mtime_ns == stat.st_mtime_ns and path.stat().st_size == stat.st_size
    assert differs(before, signature([tmp_path])) == [str(path)]


def test_a_fast_rendered_page_is_put_back_when_the_full_build_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit that renders on its own page but breaks another page's template: the page
    shows the edit at once, then the failed full build puts the last good site back whole."""
    monkeypatch.setattr(preview_module, "FAST_RENDER_AFTER", 0.0)
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "site.yaml").write_text(DEFAULT_SITE_YAML, encoding="utf-8")
    (root / "templates/home.html").write_text(
        '{% extends "!theme/home.html" %}{% block content %}{% for a in collection.articles %}'
        '{% if a.extra.get("explode") %}{{ 1 / 0 }}{% endif %}{% endfor %}{{ super() }}'
        '{% endblock %}', encoding="utf-8")
    alpha = root / "content/alpha.md"
    alpha.write_text(article("Alpha", ["GPU"], False), encoding="utf-8")
    preview = Preview(root, tmp_path / "preview", "http://127.0.0.1:9/")
    try:
        assert preview.build() is not None
        good = snapshot(preview.output)
        alpha.write_text("---\ntitle: Alpha edited\nexplode: true\n---\n\nGPU.\n",
                         encoding="utf-8")
        preview.poll()
        change = preview.poll()
        assert change is not None and change.fast is not None
        page = preview.output / "articles/alpha/index.html"
        assert "Alpha edited" in page.read_text(encoding="utf-8")
        outcome = preview.wait()
        assert isinstance(outcome, ReadsiteError) and "home.html" in str(outcome)
        assert preview.error is outcome
        assert snapshot(preview.output) == good, "the last good site, whole"
    finally:
        preview.close()

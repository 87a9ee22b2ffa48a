"""Loading and rendering across processes give exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.config import load_config
from readsite.content import load_articles
from readsite.errors import ContentError, TemplateError
from readsite.pipeline import build_site
from tests.conftest import MakeSite, snapshot

TOPIC_WORDS = ["neocloud", "GPU", "IPO", "investors", "compute capacity", "rain"]


def many_articles(count: int) -> dict[str, str]:
    files = {}
    for i in range(count):
        words = " ".join(TOPIC_WORDS[(i + k) % len(TOPIC_WORDS)] for k in range(4))
        files[f"content/a-{i:03d}.md"] = (
            f"---\ntitle: Article {i}\ndate: 2025-0{1 + i % 9}-1{i % 9}\ntags: [t{i % 3}]\n"
            f"extra: {{n: {i}}}\n---\n\n## Part {i}\n\nAbout {words}. See [next](/articles/"
            f"a-{(i + 1) % count:03d}/).\n\n| a | b |\n|---|---|\n| {i} | x |\n")
    return files


def test_output_is_byte_identical_with_one_or_several_workers(make_site: MakeSite,
                                                               tmp_path: Path) -> None:
    config = load_config(make_site(many_articles(40)))
    one = build_site(config, tmp_path / "one", jobs=1)
    two = build_site(config, tmp_path / "two", jobs=2)
    three = build_site(config, tmp_path / "three", jobs=3)
    assert one.files == two.files == three.files
    assert snapshot(one.output) == snapshot(two.output) == snapshot(three.output)


def test_loading_in_workers_keeps_every_field(make_site: MakeSite) -> None:
    config = load_config(make_site(many_articles(20)))
    assert load_articles(config, jobs=1) == load_articles(config, jobs=2)


def test_errors_in_workers_are_reported_like_in_one_process(make_site: MakeSite) -> None:
    files = {**many_articles(12), "content/bad.md": "---\ntitle: [x\n---\n",
             "content/worse.md": "---\ntitle: Fine\ndate: 2024-13-45\n---\n"}
    config = load_config(make_site(files))
    messages = []
    for jobs in (1, 2):
        with pytest.raises(ContentError) as caught:
            load_articles(config, jobs=jobs)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "content/bad.md:2:" in messages[0] and "content/worse.md:3:" in messages[0]


def test_a_template_error_in_a_worker_names_the_template(make_site: MakeSite,
                                                         tmp_path: Path) -> None:
    files = {**many_articles(12),
             "templates/article.html": '{% extends "!theme/article.html" %}'
                                       "{% block content %}{{ nope.missing }}{% endblock %}"}
    config = load_config(make_site(files))
    with pytest.raises(TemplateError, match=r"article\.html"):
        build_site(config, tmp_path / "out", jobs=2)
    assert not (tmp_path / "out").exists()

"""site.yaml validation: every problem at once, with file:line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.cli import main
from readsite.config import load_config, parse_config
from readsite.errors import ConfigError


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, Path("site.yaml"))
    return [str(p) for p in caught.value.problems]


def test_demo_config_is_valid() -> None:
    config = load_config(Path(__file__).resolve().parents[1])
    assert [t.slug for t in config.topics] == ["neocloud", "ipo", "colossus"]
    assert config.topic("ipo") is not None and config.topic("ipo").name == "IPO"  # type: ignore[union-attr]


def test_defaults_and_base_path() -> None:
    config = parse_config("title: T\nbase_url: https://x.org/reading\n", Path("/s/site.yaml"))
    assert config.output == "_site"
    assert config.base_path == "/reading/"
    assert config.language == "en"


def test_unknown_key_has_line_and_did_you_mean() -> None:
    assert problems("title: T\ndescripton: x\n") == [
        "site.yaml:2: unknown key `descripton`\n  hint: did you mean `description`?"
    ]


def test_all_problems_reported_at_once_in_line_order() -> None:
    found = problems(
        "titel: T\n"
        "latest: 0\n"
        "topics:\n"
        "  - slug: Bad Slug\n"
        "    nmae: Bad\n"
        "  - slug: ok\n"
        "  - slug: ok\n"
    )
    assert [p.split(":")[1] for p in found] == ["1", "1", "2", "4", "5", "7"]
    text = "\n".join(found)
    assert "did you mean `title`?" in text
    assert "`title` is required" in text
    assert "`latest` must be a whole number" in text
    assert "topic slug `Bad Slug`" in text
    assert "unknown key `topics.0.nmae`" in text and "did you mean `name`?" in text
    assert "topic `ok` is declared twice" in text


def test_yaml_syntax_error_names_line() -> None:
    assert problems("title: T\ntopics: [a\n")[0].startswith("site.yaml:3: invalid YAML")


def test_wrong_types() -> None:
    found = "\n".join(problems("title: [a, b]\nbase_url: ftp:x\ntopics: {a: 1}\n"))
    assert "site.yaml:1: `title` must be text" in found
    assert "site.yaml:2: `base_url`" in found
    assert "site.yaml:3: `topics` must be a list" in found


def test_output_inside_content_rejected() -> None:
    assert "lies inside `content/`" in problems("title: T\noutput: content/out\n")[0]


def test_aliases_refused() -> None:
    assert "aliases" in problems("title: &t T\ndescription: *t\n")[0]


def test_topic_defaults() -> None:
    config = parse_config("title: T\ntopics:\n  - slug: big-data\n", Path("site.yaml"))
    topic = config.topics[0]
    assert (topic.name, topic.keywords, topic.min_score) == ("Big Data", ("big data",), 2)


def test_cli_broken_config_exits_1_and_keeps_site(
    make_site: object, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files={"content/a.md": "---\ntitle: A\n---\n\nText.\n"})  # type: ignore[operator]
    assert main(["--site", str(root)]) == 0
    before = (root / "_site" / "index.html").read_bytes()
    (root / "site.yaml").write_text("title: T\nlanguage: en\nlangauge: de\n", encoding="utf-8")
    assert main(["--site", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"{root / 'site.yaml'}:3: unknown key `langauge`" in err
    assert "did you mean `language`?" in err
    assert (root / "_site" / "index.html").read_bytes() == before


def test_missing_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--site", str(tmp_path)]) == 1
    assert "no site.yaml here" in capsys.readouterr().err


def test_topic_tags() -> None:
    config = parse_config("title: T\ntopics:\n  - slug: rust\n    tags: [Rust, ' rustlang ']\n",
                          Path("site.yaml"))
    assert config.topics[0].tags == ("Rust", "rustlang")
    assert problems("title: T\ntopics:\n  - slug: rust\n    tags: rust\n") == [
        "site.yaml:4: `tags` must be a list of non-empty terms\n  hint: e.g. `tags: [rust, async]`"]


def test_import_section_boilerplate_and_sources() -> None:
    config = parse_config(
        "title: T\nimport:\n  boilerplate: [Sponsored, '/^Ad: /']\n"
        "  sources:\n    The Deep View:\n      boilerplate: [Sign up]\n", Path("site.yaml"))
    assert config.imports.boilerplate == ("Sponsored", "/^Ad: /")
    [source] = config.imports.sources
    assert (source.name, source.boilerplate) == ("The Deep View", ("Sign up",))


def test_import_section_bad_regex_has_line() -> None:
    found = problems("title: T\nimport:\n  boilerplate:\n    - ok\n    - '/[unclosed/'\n")
    assert found[0].startswith("site.yaml:5: bad regex /[unclosed/")

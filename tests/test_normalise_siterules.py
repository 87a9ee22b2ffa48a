"""Site rules from site.yaml's `import:` section, and boilerplate proposals."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite import normalise as n
from readsite.config import parse_config
from readsite.importers import text
from readsite.normalise.siterules import SiteRules, propose_boilerplate

BODY = ("The company announced a new data center in Tennessee on Monday, its third this year, "
        "and said it would rent all of its capacity to a single customer for five years.")
PLUG = "Want to reach 500,000 AI professionals? Advertise with The Deep View today."


def test_site_boilerplate_plain_line_and_regex() -> None:
    rules = SiteRules.from_lists(["Brought to you by Acme", "/^Sponsored by /"])
    raw = (f"A Proper Headline Here\n\nBrought  to you by ACME\n\n{BODY}\n\n"
           f"Sponsored by Initech, the AI company.\n\n{BODY}")
    result = n.normalise(raw, rules=rules)
    assert "Acme" not in result.body.casefold() and "Initech" not in result.body
    assert [t.rule for t in result.trace if t.action == "dropped"] == ["site-boilerplate"] * 2
    assert "Initech" in n.normalise(raw).body  # not without the rules


def test_source_boilerplate_applies_to_that_source_only() -> None:
    rules = SiteRules.from_lists(sources={"The Deep View": [PLUG]})
    deep = f"A Proper Headline Here\n\n{BODY}\n\n{PLUG}\n\n{BODY}\n\nSource: The Deep View"
    other = f"A Proper Headline Here\n\n{BODY}\n\n{PLUG}\n\n{BODY}\n\nSource: TechCrunch"
    result = n.normalise(deep, rules=rules)
    assert PLUG not in result.body
    assert any(t.rule == "source-boilerplate" for t in result.trace)
    assert PLUG in n.normalise(other, rules=rules).body


def test_site_sources_are_recognised_outlets() -> None:
    rules = SiteRules.from_lists(sources={"Compute Weekly": []})
    raw = f"Compute Weekly\n\nA Proper Headline Here\n\n{BODY}"
    assert n.normalise(raw, rules=rules).source == "Compute Weekly"


def test_rules_from_config() -> None:
    config = parse_config(
        "title: T\nimport:\n  boilerplate:\n    - Brought to you by Acme\n"
        "  sources:\n    The Deep View:\n      boilerplate: ['/^Want to reach /']\n",
        Path("site.yaml"))
    assert config.imports.boilerplate == ("Brought to you by Acme",)
    rules = SiteRules.from_config(config)
    assert len(rules.boilerplate) == 1 and rules.for_source("the deep view")
    raw = f"A Proper Headline Here\n\n{BODY}\n\n{PLUG}\n\n{BODY}\n\nSource: The Deep View"
    assert PLUG not in n.normalise(raw, rules=rules).body


def test_text_importer_passes_rules_trace_and_extra(tmp_path: Path) -> None:
    record = text.read(f"{BODY}\n\nHost: Jane Doe\n\n{BODY}", tmp_path / "a.txt")
    assert record.extra == {"host": "Jane Doe", "title_generated": True}
    assert record.trace and record.trace[0].rule
    raw = "A Proper Headline Here\n\nPodcast: Equity\n\nHost: Jane Doe\n\n" + BODY
    record = text.read(raw, tmp_path / "b.txt", SiteRules.from_lists(["/Equity/"]))
    assert record.extra == {"host": "Jane Doe"}


def test_propose_boilerplate_counts_lines_per_source() -> None:
    bodies = {
        "The Deep View": [f"Story {i}.\n\n{PLUG}\n\nUnique {i}." for i in range(4)],
        "TechCrunch": ["One.\n\nShared.", "Two.\n\nShared."],
    }
    assert propose_boilerplate(bodies) == [("The Deep View", PLUG, 4)]
    assert ("TechCrunch", "Shared.", 2) in propose_boilerplate(bodies, min_count=2)


@pytest.mark.parametrize(("yaml", "message"), [
    ("title: T\nimport:\n  boilerplate:\n    - '/(unclosed/'\n", "site.yaml:4: bad regex"),
    ("title: T\nimport:\n  boilerplat: []\n", "site.yaml:3: unknown key `import.boilerplat`"),
    ("title: T\nimport:\n  sources:\n    X:\n      tail: []\n", "site.yaml:5: unknown key"),
    ("title: T\nimport: [a]\n", "site.yaml:2: `import` must be a mapping"),
    ("title: T\nimport:\n  boilerplate: line\n", "site.yaml:3: `boilerplate` must be a list"),
])
def test_bad_import_config_names_file_and_line(yaml: str, message: str) -> None:
    from readsite.errors import ConfigError
    with pytest.raises(ConfigError) as caught:
        parse_config(yaml, Path("site.yaml"))
    assert str(caught.value.problems[0]).startswith(message)

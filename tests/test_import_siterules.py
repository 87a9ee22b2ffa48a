"""site.yaml's `import:` rules reach every clipping reader; repeated lines are proposed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from readsite import frontmatter
from readsite.cli import main
from readsite.importers import import_paths
from readsite.importers.inputs import Options
from readsite.importers.proposals import boilerplate_proposals
from readsite.importers.record import Imported
from readsite.normalise import SiteRules

SITE_YAML = """\
title: Test Site
description: A site for tests.
base_url: https://example.org/
import:
  boilerplate:
    - "Tip jar: buy the desk a coffee"
  sources:
    "The Harrow Courier":
      boilerplate:
        - "/^Courier readers get 10% off/"
"""

TEXT = """\
Night buses return to the ring road

The council restores four night routes from March, after a year in which shift workers said
they walked home along the ring road.

Tip jar: buy the desk a coffee

Drivers will be hired from the depot's existing relief pool, the operator said.
"""

PAGE = """\
<!doctype html>
<html><head><meta charset="utf-8">
<title>Harbour crane deal signed</title>
<meta property="og:title" content="Harbour crane deal signed">
<meta property="og:site_name" content="The Harrow Courier">
<meta name="author" content="Ines Halloran">
<meta property="article:published_time" content="2025-02-03T09:00:00Z">
</head><body><article>
<h1>Harbour crane deal signed</h1>
<p>The port authority and the dockers' union signed a six-year agreement on Monday that caps
the number of automated cranes at the two largest terminals.</p>
<p>Courier readers get 10% off the harbour boat tour this month.</p>
<p>Tip jar: buy the desk a coffee</p>
<p>Union members approved the deal by a wide margin in a vote held over the weekend, the
union's regional secretary told reporters outside the terminal gates.</p>
<p>Courier readers said the tour was worth it, in letters to the editor this week.</p>
</article></body></html>
"""


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def body_of(path: Path) -> str:
    return frontmatter.parse(path.read_text(encoding="utf-8"), path).body


def test_site_rule_drops_a_line_from_pasted_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = site(tmp_path, {"bus.txt": TEXT})
    code = main(["--site", str(root), "import", str(root / "bus.txt"), "--into",
                 str(root / "content"), "--explain"])
    assert code == 0
    body = body_of(root / "content" / "night-buses-return-to-the-ring-road.md")
    assert "Tip jar" not in body
    assert "relief pool" in body
    assert '"Tip jar: buy the desk a coffee"  (site-boilerplate)' in capsys.readouterr().out


def test_site_and_source_rules_drop_lines_from_a_saved_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = site(tmp_path, {"crane.html": PAGE})
    code = main(["--site", str(root), "import", str(root / "crane.html"), "--into",
                 str(root / "content"), "--explain"])
    assert code == 0
    body = body_of(root / "content" / "harbour-crane-deal-signed.md")
    assert "Tip jar" not in body
    assert "10% off" not in body  # the page's outlet's own rule
    assert "letters to the editor" in body  # near miss: starts alike, not the rule's line
    assert "regional secretary" in body
    out = capsys.readouterr().out
    assert '"Tip jar: buy the desk a coffee"  (normalise: site-boilerplate)' in out


def test_without_site_rules_nothing_extra_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "crane.html").write_text(PAGE, encoding="utf-8")
    report = import_paths([tmp_path / "crane.html"], tmp_path / "content")
    body = body_of(report.results[0].target)
    assert "Tip jar: buy the desk a coffee" in body
    assert "10% off" in body


def test_rules_passed_to_import_paths_apply_to_feed_entries(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(textwrap.dedent("""\
        <?xml version="1.0"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Allotment Weekly</title><link>https://allot.example/</link>
        <item><title>Leeks in February</title><link>https://allot.example/leeks</link>
        <guid>https://allot.example/leeks</guid>
        <content:encoded><![CDATA[<p>Leeks left in the ground through February fatten
        slowly, and a mild week is the moment to lift the biggest of them.</p>
        <p>Weekly seed swap at the gate, Saturdays at ten.</p>
        <p>Heel the rest into a trench by the shed so the frost cannot lift them.</p>]]>
        </content:encoded></item></channel></rss>
        """), encoding="utf-8")
    rules = SiteRules.from_lists(sources={"Allotment Weekly": ["/^Weekly seed swap/"]})
    report = import_paths([feed], tmp_path / "content", options=Options(rules=rules))
    body = body_of(report.results[0].target)
    assert "seed swap" not in body
    assert "trench by the shed" in body


def record(source: str, body: str, n: int) -> Imported:
    return Imported(f"Story {n}", body, Path(f"s{n}.txt"), source=source)


def test_lines_repeated_across_one_outlets_clippings_are_proposed() -> None:
    plug = "Support independent reporting: become a member today"
    records = [record("The Ledger", f"Story number {n} about the budget.\n\n{plug}", n)
               for n in range(4)]
    records.append(record("Other Gazette", f"A different story.\n\n{plug}", 9))
    [note] = boilerplate_proposals(records)
    assert note == (f'"{plug}" appears in 4 articles from The Ledger; add it to '
                    'import.sources."The Ledger".boilerplate in site.yaml to drop it')


def test_a_line_in_too_few_clippings_is_not_proposed() -> None:
    plug = "Support independent reporting: become a member today"
    records = [record("The Ledger", f"Story {n}.\n\n{plug}", n) for n in range(2)]
    records += [record("", f"Story {n}.\n\n{plug}", n) for n in range(3, 6)]  # no outlet
    assert boilerplate_proposals(records) == []


def test_import_prints_the_proposals_as_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plug = "The Dispatch is printed on recycled paper by Vale Press."
    files = {}
    for n, topic in enumerate(("zoning", "library hours", "the bridge levy")):
        files[f"d{n}.txt"] = (f"Council notes on {topic}\n\nSource: The Brookfield Dispatch\n\n"
                              f"The council discussed {topic} at length on Tuesday night, "
                              f"and a vote is due next month.\n\n{plug}\n")
    root = site(tmp_path, files)
    code = main(["--site", str(root), "import", *(str(root / f) for f in files), "--into",
                 str(root / "content")])
    assert code == 0
    err = capsys.readouterr().err
    assert f'note: "{plug}" appears in 3 articles from The Brookfield Dispatch' in err


TITLELESS = """\
the pantry on elm street opened again on saturday, after a month in which the volunteers
rebuilt its shelves and its freezer, and the line stretched to the corner by nine.

organisers said they would open on wednesdays as well from next month.
"""


def test_generated_title_is_flagged_at_the_top_level(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    root = site(tmp_path, {"pantry.txt": TITLELESS, "titled.txt": TEXT})
    assert main(["--site", str(root), "import", str(root / "pantry.txt"),
                 str(root / "titled.txt"), "--into", str(root / "content")]) == 0
    metas = {p.stem: frontmatter.parse(p.read_text(encoding="utf-8"), p).meta
             for p in (root / "content").glob("*.md")}
    generated = [m for m in metas.values() if m.get("title_generated") is True]
    assert len(generated) == 1
    assert "title_generated" not in (generated[0].get("extra") or {})
    titled = metas["night-buses-return-to-the-ring-road"]
    assert "title_generated" not in titled and "title_generated" not in (
        titled.get("extra") or {})
    with caplog.at_level("WARNING"):
        assert main(["--site", str(root), "build"]) == 0
    assert "title_generated" not in caplog.text

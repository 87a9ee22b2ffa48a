"""Cross-links on small hand-made sites: backlinks, the timeline, previous/next shown once,
entity and story settings in site.yaml, and the `entities` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.cli import main
from readsite.config import load_config
from readsite.content import load_articles
from readsite.crosslinks import build_collection
from readsite.pipeline import build_site
from tests.conftest import MakeSite

SITE = """\
title: Cross
base_url: https://x.example/
topics:
  - {slug: ports, name: Ports, keywords: [port, dock]}
  - {slug: labour, name: Labour, keywords: [strike, union, port]}
entities:
  - {name: Maria Lopez, kind: person, aliases: [Lopez]}
  - {name: Harbour Union, kind: organisation}
"""


def article(title: str, body: str, date: str = "") -> str:
    dated = f"date: {date}\n" if date else ""
    return f"---\ntitle: {title}\n{dated}---\n\n{body}\n"


def test_links_between_articles_resolve_and_show_linked_from(make_site: MakeSite,
                                                               tmp_path: Path) -> None:
    root = make_site({
        "content/a.md": article("Alpha", "See [the beta piece](b.md) and [[c]]."),
        "content/b.md": article("Beta", "Beta links to [[c|gamma]] as well."),
        "content/c.md": article("Gamma", "Gamma links nowhere."),
    }, SITE)
    out = build_site(load_config(root), tmp_path / "out", use_cache=False).output
    alpha = (out / "articles/a/index.html").read_text()
    assert 'href="/articles/b/"' in alpha and 'href="/articles/c/"' in alpha
    gamma = (out / "articles/c/index.html").read_text()
    section = gamma[gamma.index('class="linked-from"'):]
    section = section[:section.index("</section>")]
    assert 'href="/articles/a/">Alpha</a>' in section
    assert 'href="/articles/b/">Beta</a>' in section
    assert "Linked from" not in (out / "articles/a/index.html").read_text()


def test_timeline_runs_oldest_first_with_undated_apart(make_site: MakeSite,
                                                       tmp_path: Path) -> None:
    root = make_site({
        "content/new.md": article("Newest dock news", "A dock opened.", "2026-03-02"),
        "content/old.md": article("Oldest dock news", "A port closed.", "2025-11-20"),
        "content/undated.md": article("Undated port note", "Ports are busy."),
    }, SITE)
    out = build_site(load_config(root), tmp_path / "out", use_cache=False).output
    html = (out / "timeline/index.html").read_text()
    assert html.index("November 2025") < html.index("March 2026") < html.index("Undated</h2>")
    assert html.index("Oldest dock news") < html.index("Newest dock news") \
        < html.index("Undated port note")
    assert '<time datetime="2025-11-20">20 November 2025</time>' in html
    assert "2 dated entries" in html and "1 undated" in html
    topic = (out / "topics/ports/timeline/index.html").read_text()
    assert "Timeline of Ports" in topic and "Oldest dock news" in topic


def test_previous_and_next_are_offered_once_across_topics(make_site: MakeSite) -> None:
    # a, b, c are in both topics; d only in Labour: b's neighbours are the same in Ports
    # (a, c), and in Labour (a, c) too, so one row; c's differ (b/None vs b/d): b once.
    root = make_site({
        "content/a.md": article("A port strike", "port strike", "2026-01-04"),
        "content/b.md": article("B port strike", "port strike", "2026-01-03"),
        "content/c.md": article("C port strike", "port strike", "2026-01-02"),
        "content/d.md": article("D union strike", "union strike", "2026-01-01"),
    }, SITE)
    config = load_config(root)
    collection = build_collection(config, load_articles(config))
    b = collection.neighbours["b"]
    assert len(b) == 1 and {t.slug for t in b[0].topics} == {"ports", "labour"}
    c = collection.neighbours["c"]
    offered = [x.slug for n in c for x in (n.previous, n.next) if x]
    assert sorted(offered) == ["b", "d"]


def test_bad_entities_print_file_line_and_hint(make_site: MakeSite,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site({}, """\
        title: Bad
        entities:
          - {name: Maria Lopez, kind: persn}
          - {name: Harbour Union, aliases: [Maria Lopez]}
        stories:
          threshold: 2
          versoins: 0.2
        """)
    assert main(["--site", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert "site.yaml:3: entity kind `persn` is not one of person, organisation" in err
    assert "site.yaml:4: `Maria Lopez` names both `Maria Lopez` and `Harbour Union`" in err
    assert "site.yaml:6: `threshold` must be a number above 0 and at most 1" in err
    assert "site.yaml:7: unknown key `stories.versoins`" in err
    assert "did you mean `versions`?" in err
    assert "Traceback" not in err


def test_entities_command_lists_declared_and_suggests_new(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site({
        "content/a.md": article("Strike", "Maria Lopez said the Harbour Union would strike. "
                                "Officials at Dockside Logistics disagreed. "
                                "Dockside Logistics said nothing more."),
        "content/b.md": article("Talks", "Talks with Dockside Logistics failed, Lopez said. "
                                "The Harbour Union met Dockside Logistics again."),
    }, SITE)
    assert main(["--site", str(root), "entities"]) == 0
    out = capsys.readouterr().out
    assert "Maria Lopez" in out and "2 articles" in out and "/entities/maria-lopez/" in out
    assert main(["--site", str(root), "entities", "--suggest"]) == 0
    suggested = capsys.readouterr().out
    assert "Dockside Logistics" in suggested
    assert "Maria Lopez" not in suggested.split("#")[0]
    assert suggested.lstrip().startswith(("entities:", "#"))


def test_related_reading_never_crosses_into_an_unrelated_story(make_site: MakeSite) -> None:
    """The stories fixture: a port strike told by four outlets and a syndicated copy, a
    football transfer by three, and two unrelated notes.  Each story is whole, and no
    article of one is offered as related reading on the other's pages."""
    folder = Path(__file__).parent / "fixtures" / "stories"
    root = make_site({f"content/{p.name}": p.read_text(encoding="utf-8")
                      for p in folder.glob("*.md")}, "title: Stories\n")
    config = load_config(root)
    collection = build_collection(config, load_articles(config))
    groups = sorted(sorted(m.article.slug for m in s.members) for s in collection.stories)
    port = sorted(p.stem for p in folder.glob("port-strike-*.md"))
    transfer = sorted(p.stem for p in folder.glob("transfer-*.md"))
    assert groups == sorted([port, transfer])
    for mine, theirs in ((port, transfer), (transfer, port)):
        for slug in mine:
            offered = {r.article.slug for r in collection.related[slug]}
            assert not offered & set(theirs), slug
            assert not offered & set(mine), slug  # siblings are offered by the story box


def test_an_entity_in_many_articles_gets_a_paginated_timeline(make_site: MakeSite,
                                                             tmp_path: Path) -> None:
    files = {f"content/n{i}.md": article(f"Note {i} on the harbour",
                                         f"Maria Lopez spoke on day {i}.", f"2026-01-{i + 1:02d}")
             for i in range(7)}
    files["content/undated.md"] = article("Undated harbour note", "Maria Lopez again.")
    root = make_site(files, SITE + "paginate: 5\n")
    out = build_site(load_config(root), tmp_path / "out", use_cache=False).output
    first = (out / "entities/maria-lopez/index.html").read_text()
    second = (out / "entities/maria-lopez/page/2/index.html").read_text()
    assert "page 1 of 2" in first and "page 2 of 2" in second
    assert first.index("Note 6 on") < first.index("Note 2 on")  # newest first
    assert "Note 1 on" in second and "Undated harbour note" in second
    assert second.index("Note 0 on") < second.index(">Undated</h3>")  # undated last
    assert "Maria Lopez" in first and "Mentioned 8 times in 8 articles" in first

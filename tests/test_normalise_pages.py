"""Shapes seen on pasted pages outside the scored set: post navigation, call-to-action blocks,
author bios and role lines, wire captions, paywall prices, podcast and magazine notices,
show-notes section titles, ALL-CAPS mastheads, "Published in" lines and department lines.
Each is dropped (or read) with its rule; the near misses next to them stay."""

from __future__ import annotations

import re

import pytest

from readsite import normalise as n

P = ("The canal runs through the valley and the keepers still work the locks by hand every "
     "morning, as their parents did before them.")
STORY = f"{P} {P}\n\n{P} {P}"
HEAD = "The Last Lock-Keepers of the Northern Canals\n\nBy Jane Doe\n\nMarch 3, 2026"


def dropped(result: n.Normalised) -> dict[str, str]:
    """Dropped line → the rule that dropped it."""
    return {t.text: t.rule for t in result.trace if t.action == "dropped"}


def headings(result: n.Normalised) -> list[str]:
    return re.findall(r"^## (.*)$", result.body, re.M)


@pytest.mark.parametrize(("line", "rule"), [
    ("← Previous: How the ferry was saved", "navigation"),
    ("Next: Why old bridges rust →", "navigation"),
    ("Previous episode", "navigation"),
    ("Next episode: The ferryman's daughter", "navigation"),
    ("Item 1 of 2 A keeper opens a lock gate near Leeds. REUTERS/Jane Roe", "wire-caption"),
    ("[1/2] A keeper opens a lock gate near Leeds, March 3, 2026. REUTERS/Jane Roe",
     "wire-caption"),
    ("(Foto Ansa)", "image-credit"),
    ("Ti è piaciuto questo articolo? Abbonati a Canali per leggere tutto.", "notice"),
    ("Read the full transcript", "notice"),
    ("Subscribe wherever you get your podcasts.", "notice"),
    ("This article appears in the April 2026 issue of The Canal Letter. Subscribe here.",
     "notice"),
    ("£1 for your first month, then £9.99 a month. Cancel anytime.", "notice"),
    ("Email address", "notice"),
    ("Learn more", "cta-button"),
    ("Book a demo", "cta-button"),
    ("See Northwind in action", "cta-button"),
    ("Writer for The Canal Letter", "author-role-line"),
    ("Il sindaco alla chiusa di Dunmore durante la visita. (Foto Ansa)", "caption-credit"),
    ("First name", "page-chrome"),
    ("Sign me up", "page-chrome"),
])
def test_page_furniture_goes_with_its_rule(line: str, rule: str) -> None:
    result = n.normalise(f"{HEAD}\n\n{STORY}\n\n{line}\n\n{STORY}")
    assert dropped(result).get(line) == rule
    assert line not in result.body


@pytest.mark.parametrize("line", [
    "Next year, the council will vote on whether to close the lock for good.",
    "Learn more about the project at the library.",
    "About 40 people attended",
    "Previously, the trust had said the canal would stay open until 2030.",
    "Item by item, the keepers listed what they would need for the winter.",
    "$5 a month is what most boat owners pay for a mooring, the trust said.",
    "Subscribers to the trust's newsletter were told about the closure first.",
    "« Nous restons ici », dit-elle.",
    "Editor at large",
    "Next episode, the keepers will explain how a lock is drained.",
    "The keepers met in 2019 (photo opportunities were rare).",
])
def test_near_misses_stay(line: str) -> None:
    result = n.normalise(f"{HEAD}\n\n{STORY}\n\n{line}\n\n{STORY}")
    assert line in result.body


def test_cta_block_with_its_pitch_goes_after_the_story() -> None:
    tail = ("Ready to see what Northwind can do for your team?\n\nNorthwind helps you plan "
            "maintenance in minutes.\n\nBook a demo")
    result = n.normalise(f"{HEAD}\n\n{STORY}\n\n{tail}")
    assert set(dropped(result).values()) == {"cta-button"} and len(dropped(result)) == 3
    assert result.body.endswith(P)


def test_a_closing_line_that_is_no_pitch_stays_above_a_button() -> None:
    last = "We hope the keepers will still be there when the canal reopens next spring."
    result = n.normalise(f"{HEAD}\n\n{STORY}\n\n{last}\n\nLearn more")
    assert result.body.endswith(last) and dropped(result) == {"Learn more": "cta-button"}


@pytest.mark.parametrize("bio", [
    "Jane Doe covers transport and infrastructure. She previously worked at the Harbor Courier.",
    "Doe covers transport for the Review. She previously worked at the Harbor Courier.",
])
def test_author_bio_after_the_story_goes(bio: str) -> None:
    result = n.normalise(f"{HEAD}\n\n{STORY}\n\n{bio}")
    assert dropped(result).get(bio) == "author-bio" and bio not in result.body


def test_a_closing_sentence_about_someone_else_stays() -> None:
    last = "Roe covers the night shift now, and says she previously worked at a bakery."
    result = n.normalise(f"{HEAD}\n\n{STORY}\n\n{last}")
    assert last in result.body


def test_sentence_case_question_and_show_notes_titles_become_headings() -> None:
    answer = ("Not much, say the keepers: the trust has frozen hiring, and the two apprentices "
              "it trained last year have both left for jobs on the railways.")
    raw = (f"{HEAD}\n\n{STORY}\n\nIs there any help?\n\n{answer}\n\nIn this episode\n\n"
           "• The lock at Dunmore\n\n• The keepers' union\n\nLinks mentioned\n\n"
           "• The canal trust\n\n• The lock museum")
    assert headings(n.normalise(raw)) == ["Is there any help?", "In this episode",
                                          "Links mentioned"]


def test_a_role_line_under_a_name_is_no_heading() -> None:
    raw = f"{HEAD}\n\n{STORY}\n\nMary Major\n\nHead of Product\n\n{P} {P}"
    result = n.normalise(raw)
    assert "Head of Product" not in headings(result) and "Head of Product" in result.body


def test_pull_quote_repeating_the_standfirst_goes() -> None:
    dek = "On England's canals, a handful of keepers still open the gates by hand."
    raw = (f"The last lock-keepers\n\n{dek}\n\nBy Jane Doe\n\nMarch 3, 2026\n\n{STORY}\n\n"
           f"“{dek}”\n\n{STORY}")
    result = n.normalise(raw)
    assert result.summary == dek and dropped(result).get(f"“{dek}”") == "pull-quote"
    assert dek not in result.body


def test_repeated_paragraphs_of_the_story_stay() -> None:
    raw = f"{HEAD}\n\n{P}\n\nWhat the inspector found\n\n{P}"
    assert n.normalise(raw).body.count(P) == 2


def test_masthead_above_a_short_headline_and_its_dek() -> None:
    dek = ("On England's canals, a handful of keepers still open the gates by hand, and they "
           "worry nobody will follow them into the job.")
    raw = (f"THE OUTWARD REVIEW\n\nThe last lock-keepers\n\n{dek}\n\nBy Jane Doe\n\n"
           f"March 3, 2026\n\n{STORY}\n\n© 2026 The Outward Review")
    result = n.normalise(raw)
    assert (result.title, result.summary) == ("The last lock-keepers", dek)
    assert result.source == "The Outward Review"  # the page writes it so in its footer


def test_all_caps_masthead_kept_when_the_page_never_writes_it_otherwise() -> None:
    raw = (f"THE OUTWARD REVIEW\n\nThe last lock-keepers of the north\n\nBy Jane Doe\n\n"
           f"March 3, 2026\n\n{STORY}")
    assert n.normalise(raw).source in ("THE OUTWARD REVIEW", "")


@pytest.mark.parametrize("head", [
    "Published in The Canal Letter\n\nThe Last Lock-Keepers\n\nJane Doe\n\nFollow\n\n"
    "5 min read\n\nMar 3, 2026\n\n1.2K\n\n23",
    "The Last Lock-Keepers\n\nJane Doe\n\nFollow\n\nPublished in\n\nThe Canal Letter\n\n"
    "5 min read\n\n·\n\nMar 3, 2026\n\n1.2K\n\n23",
])
def test_published_in_names_the_source_not_the_title(head: str) -> None:
    result = n.normalise(f"{head}\n\n{STORY}")
    assert (result.title, result.author, result.source) == (
        "The Last Lock-Keepers", "Jane Doe", "The Canal Letter")
    assert "1.2K" not in result.body and "Published" not in result.body


@pytest.mark.parametrize("unit", ["Office of Public Affairs", "Research Communications"])
def test_a_department_line_gives_way_to_the_institution(unit: str) -> None:
    raw = (f"{unit}\n\nNorthmoor study finds canal locks older than thought\n\nMarch 3, 2026\n\n"
           f"{STORY}\n\n© 2026 Northmoor University")
    result = n.normalise(raw)
    assert result.title == "Northmoor study finds canal locks older than thought"
    assert result.source == "Northmoor University"
    raw = f"Source: {unit}\n\n{raw.split(chr(10) * 2, 1)[1]}"
    assert n.normalise(raw).source == "Northmoor University"


def test_qa_subheading_is_a_heading_but_a_speaker_is_not() -> None:
    answer = ("Not much, say the keepers: the trust has frozen hiring, and the two apprentices "
              "it trained last year have both left for jobs on the railways.")
    raw = (f"{HEAD}\n\n{STORY}\n\nMary Major\n\nWhy did you stay so long in the job, after all "
           f"of it?\n\n{answer}\n\nLife on the towpath\n\nQ: Would you do it again, knowing what "
           f"you know now?\n\n{answer}")
    result = n.normalise(raw)
    assert headings(result) == ["Life on the towpath"] and "Mary Major" in result.body


def test_a_heading_after_a_list() -> None:
    answer = ("Not much, say the keepers: the trust has frozen hiring, and the two apprentices "
              "it trained last year have both left for jobs on the railways this spring.")
    raw = (f"{HEAD}\n\n{STORY}\n\nThe keepers asked for three things:\n\n• More staff\n\n"
           f"• Better pay\n\n• New gates\n\nWhat happens next\n\n{answer}")
    assert headings(n.normalise(raw)) == ["What happens next"]

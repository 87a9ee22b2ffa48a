"""The header-region model (`readsite.normalise.header`, `masthead`, `chrome`): the headline,
outlet, navigation and furniture of a pasted page found by general features, not by layout.

Every page here is invented for these tests; the perturbation tests at the end take the scored
fixtures' pasted inputs and wrap them in chrome a browser's "select all" would add.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readsite import normalise as n
from readsite.normalise import chrome, header, masthead
from readsite.normalise.blocks import Block
from readsite.tools.clip_fixtures import Case, load_cases
from readsite.tools.score_import import _compare

STORY = (
    "The Brackwater River Trust has won permission to remove the Mill Lane weir, a stone "
    "barrier that has blocked migrating salmon for more than a century, after an inspector "
    "overturned the council's refusal.\n"
    "The inspector ruled that the weir, built to power a flour mill that closed in 1938, had "
    "no remaining heritage value that outweighed the benefit of removing it for the salmon.\n"
    "Work is expected to begin in September, when river levels are low, and will take about "
    "six weeks to finish, the trust said in a statement on Tuesday morning."
)
HEADLINE = "River trust wins fight to remove century-old weir"
NAV = "Skip to main content\nMenu\nSearch\nNews\nSport\nBusiness\nOpinion\nCulture\n"
COOKIE = ("We value your privacy\nWe and our partners use cookies to store and access "
          "information on your device to personalise content and ads.\nAccept all\nReject all\n")


def blocks(text: str) -> list[Block]:
    """One block per line, numbered like the pipeline numbers them."""
    return [Block(line, line=i) for i, line in enumerate(text.split("\n"), 1) if line.strip()]


def rules(result: n.Normalised) -> dict[str, str]:
    """Input text → the rule that dropped or found it."""
    return {t.text: t.rule for t in result.trace}


# --------------------------------------------------------------------------- pieces


def test_story_start_is_the_first_run_of_long_sentences() -> None:
    page = blocks(f"Home\nNews\n{HEADLINE}\nBy Dana Whitfield\n{STORY}")
    assert header.story_start(page) == 4
    assert header.story_start(blocks("Short\nlines\nonly")) == 3


def test_nav_lines_are_runs_of_short_lines_but_not_a_name_above_a_date() -> None:
    page = blocks("News\nSport\nBusiness\nDana Whitfield\nMarch 3, 2025\nOne long line here.")
    assert header.nav_lines(page) == {0, 1, 2}
    assert header.nav_lines(blocks("Tent\nStove\nA sentence that goes on.")) == set()


def test_headline_scores_above_chrome_and_dek() -> None:
    page = blocks(f"Open in app\nNews\nSport\nWorld\n{HEADLINE}\nCampaigners say the ruling "
                  "lets salmon reach upstream spawning grounds for the first time.\n"
                  "By Dana Whitfield\n" + STORY)
    start = header.story_start(page)
    head = page[:start]
    story = " ".join(b.text for b in page[start:])
    assert head[header.headline_index(head, header.nav_lines(head), story) or 0].text == HEADLINE


@pytest.mark.parametrize("line", ["We value your privacy", "Dana Whitfield", "March 3, 2025",
                                  "Guest: Dr. Amara Osei", "Episode 41 · 47 min", "News"])
def test_chrome_dates_names_labels_and_fields_are_never_headlines(line: str) -> None:
    page = blocks(f"{line}\nBy Dana Whitfield\n{STORY}")
    assert header.headline_score(page, 0, STORY) is None


@pytest.mark.parametrize(("line", "want"), [
    ("The Brackwater Gazette", True), ("Logistics Review", True),
    ("Research Communications", False), ("47 min", False),
    ("Dana Whitfield, The Courier", False), ("News", False),
])
def test_publication_names(line: str, want: bool) -> None:
    assert masthead.is_publication(line) is want


def test_publication_confirmed_by_a_copyright_footer() -> None:
    assert masthead.is_publication("Circuitry", ["© 2025 Circuitry. All rights reserved."])
    assert masthead.copyright_name("Copyright 2025 Logistics Review. All rights reserved.") == (
        "Logistics Review")
    assert masthead.copyright_name("© 2025 All rights reserved.") == ""


def test_sponsored_block_and_table_of_contents_and_pull_quote() -> None:
    page = blocks("Table of contents\nChoosing a pot\nWatering\n" + STORY + "\nChoosing a pot\n"
                  "Use a big pot with good drainage holes and a saucer under it.\nWatering\n"
                  "Water deeply.\nSponsored\nBook a cottage by the river from just £89 a night "
                  "with our partner.\nhad no remaining heritage value that outweighed the "
                  "benefit")
    assert chrome.table_of_contents(page) == {0, 1, 2}
    assert chrome.sponsored_blocks(page) == {10, 11}
    assert chrome.pull_quotes(page) == {12}


def test_comments_without_a_marker_and_a_numbered_tail_list() -> None:
    page = blocks(STORY + "\nEllen Pryce\nMar 3, 2025\nGreat news, at last.\nReply\nTom Birch\n"
                  "5h ago\nShops will close.\nReply\nTrending\n1 Council tax to rise by 4.9%\n"
                  "2 Man arrested after break-in\n3 New café opens on the old bus station site")
    assert chrome.comment_threads(page) == set(range(3, 11))
    assert chrome.numbered_tail(page) == set(range(11, 15))
    kept, traces = chrome.strip_chrome_blocks(page)
    assert [b.text for b in kept] == STORY.split("\n") and len(traces) == 12


def test_a_numbered_list_inside_the_story_is_not_a_tail() -> None:
    page = blocks(STORY + "\nWhat to do\n1 Check the gauge\n2 Close the valve\n3 Call us\n"
                  + STORY)
    assert chrome.numbered_tail(page) == set()


# --------------------------------------------------------------------------- whole pages


def test_select_all_page_with_nav_kicker_dek_comments_and_footer() -> None:
    raw = (f"{NAV}The Brackwater Gazette\nEnvironment\n{HEADLINE}\nCampaigners say the "
           "decision will let salmon reach upstream spawning grounds for the first time.\n"
           f"Dana Whitfield\nEnvironment reporter\nTue 4 Mar 2025 07.00 GMT\n{STORY}\n"
           "12 Comments\nRowan Pike\n2 hours ago\nAbout time, it was an eyesore.\nReply\n"
           "© 2025 The Brackwater Gazette. All rights reserved.")
    result = n.normalise(raw)
    assert result.title == HEADLINE
    assert result.source == "The Brackwater Gazette"
    assert result.author == "Dana Whitfield" and str(result.date) == "2025-03-04"
    assert result.summary.startswith("Campaigners say")
    assert "##" not in result.body and "Environment" not in result.body
    assert "eyesore" not in result.body and "Reply" not in result.body
    assert rules(result)["Environment"] in ("kicker", "site-menu")


def test_author_box_before_the_headline() -> None:
    raw = (f"Logistics Review\nFreight\nWarehousing\nTechnology\nMarcus Oyelaran\nSenior Editor\n"
           f"March 11, 2025\n{HEADLINE}\n{STORY}")
    result = n.normalise(raw)
    assert (result.title, result.author, result.source) == (
        HEADLINE, "Marcus Oyelaran", "Logistics Review")
    assert "Senior Editor" not in result.body


def test_dek_then_posted_by_line_with_category() -> None:
    raw = (f"{HEADLINE}\nCampaigners say the decision will let salmon reach upstream spawning "
           "grounds.\nPosted by Helen Marsh on June 2, 2025 in Environment\n" + STORY)
    result = n.normalise(raw)
    assert result.title == HEADLINE and result.author == "Helen Marsh"
    assert result.summary.startswith("Campaigners") and "Campaigners" not in result.body


def test_medium_like_app_bar_and_counters() -> None:
    raw = (f"Open in app\nSign up\nSign in\nWrite\n{HEADLINE}\nPriya Natarajan\nFollow\n"
           f"7 min read\n·\nFeb 18, 2025\n--\n14\nListen\nShare\n{STORY}\n--\n14")
    result = n.normalise(raw)
    assert result.title == HEADLINE and result.author == "Priya Natarajan"
    assert "14" not in result.body.split("\n") and "--" not in result.body


def test_kicker_with_a_section_word_and_no_byline() -> None:
    result = n.normalise(f"Analysis\n{HEADLINE}\n{STORY}")
    assert result.title == HEADLINE and "Analysis" not in result.body


def test_a_list_on_top_without_a_header_is_kept() -> None:
    result = n.normalise(f"Packing List\nTent\nStove\nRope\nWater Filter\n{STORY}")
    assert "Water Filter" in result.body


def test_real_subheadings_between_paragraphs_but_not_a_menu_in_the_tail() -> None:
    raw = (f"{HEADLINE}\nBy Dana Whitfield\n{STORY}\nWhat the inspector found\n{STORY}\n"
           "Newsletters\nPodcasts\nEvents\nJobs")
    result = n.normalise(raw)
    assert re.findall(r"^## (.*)$", result.body, re.M) == ["What the inspector found"]


def test_ticker_above_the_page_and_caption_above_the_story() -> None:
    raw = (f"BREAKING: Storm warning issued for the east coast\nThe Harbour Herald\n{HEADLINE}\n"
           "Campaigners say the ruling lets salmon reach the upper river for the first time\n"
           "By Dana Whitfield\n14 October 2025\nAnglers on the bank below the old weir\n"
           + STORY)
    result = n.normalise(raw)
    assert result.title == HEADLINE and result.source == "The Harbour Herald"
    assert "Storm warning" not in result.body and "Anglers on the bank" not in result.body
    assert rules(result)["Anglers on the bank below the old weir"] == "header-caption"


def test_podcast_player_and_listen_on_links() -> None:
    raw = ("The Field Notes Podcast\nEpisode 41 · 47 min\n" + HEADLINE + "\nListen on Apple "
           "Podcasts\nSpotify · YouTube · RSS\n0:00 / 47:12\n" + STORY)
    result = n.normalise(raw)
    assert result.title == HEADLINE and result.source == "The Field Notes Podcast"
    assert "Spotify" not in result.body and "47:12" not in result.body


def test_question_subheading_but_not_an_interview_question() -> None:
    raw = f"{HEADLINE}\nBy Dana Whitfield\n{STORY}\nWhat happens next?\n{STORY}"
    assert re.findall(r"^## (.*)$", n.normalise(raw).body, re.M) == ["What happens next?"]
    raw = f"{HEADLINE}\nBy Dana Whitfield\n{STORY}\nQ: What happens next?\n{STORY}"
    assert re.findall(r"^## (.*)$", n.normalise(raw).body, re.M) == []


def test_single_newline_list_then_a_one_word_heading() -> None:
    raw = (f"{HEADLINE}\nBy Dana Whitfield\n{STORY}\nEmployers should:\n"
           "Review every template agreement they use today\nReplace noncompetes with narrower "
           "confidentiality terms\nTrain managers not to promise enforcement\nRemedies\n"
           + STORY)
    body = n.normalise(raw).body
    assert "\n\nRemedies\n\n" in body and "- Train managers" in body and "- Remedies" not in body


# --------------------------------------------------------------------------- perturbations

CASES = [c for c in load_cases(Path(__file__).parent / "fixtures" / "clip") if c.kind == "text"]


def _fields(result: n.Normalised) -> dict[str, str]:
    return {"title": result.title, "author": result.author, "source": result.source,
            "date": result.date.isoformat() if result.date else ""}


def _same_fields(raw: str, perturbed: str, expected: dict[str, object]) -> list[str]:
    """Fields the perturbation broke (only those the unperturbed import gets right)."""
    base, got = _fields(n.normalise(raw)), _fields(n.normalise(perturbed))
    return [k for k in base if k in expected and _compare(k, expected[k], base[k])
            and not _compare(k, expected[k], got[k])]


@pytest.mark.parametrize("case", CASES, ids=[c.name[:3] for c in CASES])
def test_chrome_on_top_and_comments_below_keep_the_front_matter(case: Case) -> None:
    raw = case.input_text
    for perturbed in (COOKIE + "\n" + raw, "Open in app\nSign up\nSign in\n" + raw,
                      re.sub(r"\n\s*\n", "\n", raw),
                      raw.rstrip("\n") + "\n12 Comments\nRowan Pike\n2 hours ago\nAgreed.\nReply"):
        assert _same_fields(raw, perturbed, case.expected[0]) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name[:3] for c in CASES])
def test_a_menu_on_top_keeps_the_front_matter(case: Case) -> None:
    assert _same_fields(case.input_text, NAV + case.input_text, case.expected[0]) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), st.lists(st.sampled_from(
    ["Menu", "Search", "News", "Sport", "Business", "Opinion", "Culture", "World", "Sign in",
     "Subscribe"]), min_size=4, max_size=9, unique=True), st.booleans())
def test_any_menu_and_cookie_banner_on_top_keep_the_title(
        case: Case, menu: list[str], cookie: bool) -> None:
    raw = case.input_text
    perturbed = (COOKIE if cookie else "") + "\n".join(menu) + "\n" + raw
    assert "title" not in _same_fields(raw, perturbed, case.expected[0])

"""Third-round rules for pasted pages (cases 073-080): comment threads told by their shape, a
press release's label and end marks, ad slots and sponsor reads, share prompts and alt text,
closing bios of several firm authors, name and foreign date lines that are not headings, an
ALL-CAPS masthead, and a second menu bar on top; each with the lines it must leave alone."""

from __future__ import annotations

import pytest

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block
from readsite.normalise.capsmast import caps_masthead
from readsite.normalise.chrome import partner_bio, sponsored_blocks
from readsite.normalise.comments import comment_threads, is_commenter
from readsite.normalise.dates import is_date_phrase
from readsite.normalise.headings import mark_headings
from readsite.normalise.names import is_name_line, lower_words
from readsite.normalise.promos import promo_rule
from readsite.normalise.release import is_release_mark
from readsite.normalise.sitemenu import strip_leading_sections
from readsite.normalise.tails import is_comment_chrome

LONG = ("The council approved the plan on Tuesday after a long debate, and work on the new "
        "bridge will start in the spring once the last contracts are signed.")
STORY = f"{LONG}\n{LONG}\n{LONG}"


def _blocks(*texts: str) -> list[Block]:
    return [Block(text=t, line=n) for n, t in enumerate(texts, 1)]


def _headings(*texts: str) -> list[str]:
    return [b.text for b in mark_headings(_blocks(*texts)) if b.heading]


def test_new_rules_are_listed_for_explain() -> None:
    for name in ("release-mark", "comment-chrome", "ad-slot", "sponsor-label", "offer-read",
                 "share-prompt", "alt-text", "caps-masthead", "postal-footer"):
        assert name in RULES and RULES[name].doc


@pytest.mark.parametrize("line", ["ENDS", "-ENDS-", "- Ends -", "# # #", "PRESS RELEASE",
                                  "For immediate release", "News Releases", "Pressemitteilung"])
def test_release_marks(line: str) -> None:
    assert is_release_mark(line)


@pytest.mark.parametrize("line", ["End", "The ceasefire ends", "Ends of the earth",
                                  "Press release issued on 3 May", "It ends."])
def test_release_mark_prose_is_kept(line: str) -> None:
    assert not is_release_mark(line)


def test_press_release_label_is_never_the_outlet() -> None:
    raw = ("PRESS RELEASE\nRiver charity finds swimmers fall ill after swims\n9 April 2026\n"
           f"{STORY}\nENDS\nAbout Clearwater Rivers Trust\nClearwater Rivers Trust is a "
           "registered charity founded in 1998.\n")
    result = normalise(raw)
    assert result.source == "Clearwater Rivers Trust"
    assert "ENDS" not in result.body and "PRESS RELEASE" not in result.body


@pytest.mark.parametrize("line", ["Load more comments", "View 3 replies", "Sort by: Newest",
                                  "Log in to comment", "Be the first to comment",
                                  "Comments are closed."])
def test_comment_chrome(line: str) -> None:
    assert is_comment_chrome(line)


@pytest.mark.parametrize("line", ["She left a comment under the post.", "Sort by size first",
                                  "Load the dishwasher"])
def test_comment_chrome_prose_is_kept(line: str) -> None:
    assert not is_comment_chrome(line)


def test_comment_thread_with_handles_counts_and_controls() -> None:
    page = _blocks(*STORY.split("\n"), "Sort by: Newest", "Patricia Hollis", "3 hours ago",
                   "I have taken that boat for years and I am glad it stays.", "Reply", "14",
                   "gerry_mcb", "5h ago", "Cheaper than the taxi vouchers, in the end.", "Reply",
                   "6", "Load more comments")
    assert comment_threads(page) == set(range(3, 15))
    assert is_commenter("gerry_mcb") and is_commenter("Gerry M") and not is_commenter("Reply")


def test_a_reply_line_without_a_commenter_keeps_the_story() -> None:
    page = _blocks(*STORY.split("\n"), "The minister said she would reply", "3 hours ago",
                   LONG, "Reply")
    assert comment_threads(page) == set()


@pytest.mark.parametrize("line,rule", [
    ("— Advertisement —", "ad-slot"), ("ADVERTISEMENT · Scroll to continue", "ad-slot"),
    ("A word from our sponsor", "sponsor-label"), ("Together with Holtmark", "sponsor-label"),
    ("Tired of rusty tools? Holtmark tools last. Get 20% off with code BENCH20.", "offer-read"),
    ("Enjoying The Cold Frame? Forward this email to a friend.", "share-prompt"),
    ("Liked this issue? Share it with a friend who fixes things.", "share-prompt"),
    ("Support this newsletter: become a paid subscriber for £4 a month", "share-prompt"),
    ("Portrait of Hanne Solvik", "alt-text"), ("Photo of the harbour at dusk", "alt-text"),
])
def test_promo_lines(line: str, rule: str) -> None:
    found = promo_rule(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize("line", [
    "Shoppers could get 20% off with code SALE20, the retailer said.",
    "Together with her brother she ran the mill.", "Ad hoc", "Our partners",
    "Portrait of a city in decline", "Image of the week",
    "Did you like the film? Tell us in the comments below and share your views.",
    "Advertising revenue fell by a third last year.",
])
def test_promo_prose_is_kept(line: str) -> None:
    assert promo_rule(line) is None


def test_sponsor_label_takes_the_read_under_it() -> None:
    page = _blocks(*STORY.split("\n"), "A word from our sponsor",
                   "Plan your crossing with Farrow Ferries: daily sailings, cabins from 49 euros.",
                   LONG)
    assert sponsored_blocks(page) == {3, 4}


def test_closing_bio_of_two_firm_authors_with_small_print_after() -> None:
    bio = ("Priya Natarajan (pn@firm.example) is a partner in the firm's employment group. "
           "Callum Rees is an associate in the employment group.")
    small = ("This alert is provided for general information purposes only and does not "
             "constitute legal advice. You should take advice on your own circumstances.")
    page = _blocks(*STORY.split("\n"), LONG, bio, "Contact us at law@firm.example", small,
                   "Attorney Advertising")
    assert partner_bio(page) == {4, 5, 6, 7}
    assert partner_bio(_blocks(*STORY.split("\n"), LONG, bio, LONG)) == set()


def test_name_lines_and_foreign_dates_are_not_headings() -> None:
    assert _headings(LONG, "Jane Doe", LONG, "Le 12 mars 2026", LONG) == []
    assert _headings(LONG, "New Bridge Timeline", LONG) == ["New Bridge Timeline"]
    assert _headings(LONG, "Bridge Work", LONG) == ["Bridge Work"]  # "bridge" is a story word


def test_name_line_vocabulary() -> None:
    lower = lower_words(["The climate policy of the state was set by Jane Doe."])
    assert is_name_line("Jane Doe", lower)
    assert not is_name_line("Climate Policy", lower)
    assert not is_name_line("JANE DOE", lower)


@pytest.mark.parametrize("line,expected", [
    ("Le 12 mars 2026", True), ("Am 5. März 2026", True), ("El 3 de mayo de 2026", True),
    ("On 4 May 2026", True), ("Le Monde", False), ("The 12 apostles", False),
])
def test_date_phrases(line: str, expected: bool) -> None:
    assert is_date_phrase(line) is expected


def test_caps_masthead_over_a_mixed_case_headline() -> None:
    page = _blocks("THE COLD FRAME", "Issue #41 · October 8, 2026",
                   "Why your autumn seedlings keep collapsing", "Marguerite Oduya", LONG, LONG,
                   "The Cold Frame, 2210 Alder Avenue, Suite 4, Portland, OR 97201")
    kept, name, traces = caps_masthead(page)
    assert name == "The Cold Frame"
    assert kept[0].text.startswith("Issue") and "Alder" not in kept[-1].text
    assert [t.rule for t in traces] == ["caps-masthead", "postal-footer"]


@pytest.mark.parametrize("top", [
    ("COUNCIL VOTES TO KEEP NIGHT FERRY", "The subsidy will run until 2028", "By Ann Lee"),
    ("BREAKING NEWS", "Floods close the main road to the coast", "By Ann Lee"),
    ("THE COLD FRAME", LONG, LONG),
])
def test_caps_lines_that_are_not_a_masthead(top: tuple[str, str, str]) -> None:
    page = _blocks(*top, LONG, LONG)
    assert caps_masthead(page)[1] == ""


def test_a_postal_footer_naming_someone_else_stays() -> None:
    page = _blocks("THE COLD FRAME", "Why your autumn seedlings keep collapsing", LONG, LONG,
                   "The Crown Inn, 4 High Street, Lewes")
    kept, _, _ = caps_masthead(page)
    assert kept[-1].text == "The Crown Inn, 4 High Street, Lewes"


def test_a_second_menu_bar_on_top_is_cut() -> None:
    page = _blocks("Menu", "Search", "News", "Sport", "Circuitry", "A flaw in home routers",
                   "By Nadia Brennan", LONG)
    kept, traces = strip_leading_sections(page)
    assert kept[0].text == "Circuitry" and len(traces) == 4
    short = _blocks("Football", "Rugby", "Cricket", "Coastline Sport", "Harbourside win", LONG)
    assert strip_leading_sections(short) == (short, [])


def test_menu_items_after_home_go_with_the_menu_but_not_the_site_name() -> None:
    page = _blocks("Menu", "Search", "Startseite", "Lokales", "Sport", "Kultur", "Weserblick",
                   "Die Fähre fährt wieder", "Von Malte Ehrhorn", LONG)
    kept, _ = strip_leading_sections(page)
    assert kept[0].text == "Weserblick"
    named = _blocks("Menu", "Search", "News", "Sport", "Circuitry", "Reviews", "Opinion",
                    "Headline here", LONG)
    assert strip_leading_sections(named)[0][0].text == "Circuitry"

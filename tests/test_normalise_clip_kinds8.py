"""Eighth-round kinds (cases 096-115): reader controls (gift, follow, audio, save, page-widget
and accessibility buttons), an outlet written as a bare domain or as "Outlet, Place" / "Outlet |
Section", an ALL-CAPS masthead that names its writer, a dateline that states the day, an
"About" paragraph's fuller company name, a dek under the byline, a section label over the story,
a "Key takeaways" label set off like a section, a media-contact block above "Notes to editors",
and a "More from the council" subheading that is not a teaser marker.  Each rule has must-fire
and must-not-fire checks: precision first, so every shape is also shown on a real sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block
from readsite.normalise.contacts import contact_blocks
from readsite.normalise.controls import control_rule
from readsite.normalise.furniture import about_name
from readsite.normalise.sitenames import bare_domain, domain_masthead, outlet_without_place
from readsite.normalise.storylabel import drop_story_label
from readsite.normalise.tails import is_tail_marker
from readsite.normalise.trace import Trace

STORY = ("The county council approved the new cycle lanes on Tuesday after a long debate, and "
         "work on the first stretch along the river will start in the spring.\n\n"
         "Shopkeepers on the high street said they feared losing parking spaces outside their "
         "doors, but the council said a new car park would open behind the market.\n\n"
         "The scheme will cost £4.2 million, most of it paid by a national transport grant.\n")
HEADLINE = "Council approves cycle lanes along the river"


def page(top: str, below: str = "By Ann Reid\n\n12 March 2026", tail: str = "") -> str:
    return f"{top}\n\n{HEADLINE}\n\n{below}\n\n{STORY}{tail}"


def dropped_by(text: str, rule: str) -> list[str]:
    return [t.text for t in normalise(text).trace if t.rule == rule and t.action == "dropped"]


def blocks(*texts: str) -> list[Block]:
    return [Block(text, line=2 * i + 1) for i, text in enumerate(texts)]


def test_new_rules_are_listed() -> None:
    for name in ("gift-button", "follow-button", "audio-player", "save-button",
                 "accessibility-link", "page-widget", "domain-masthead", "outlet-place",
                 "caps-masthead-host", "dateline-date", "story-label", "contact-block"):
        assert name in RULES and RULES[name].doc


# ------------------------------------------------------------------ reader controls


@pytest.mark.parametrize(("line", "rule"), [
    ("Gift this article", "gift-button"), ("Give this story", "gift-button"),
    ("Artikel verschenken", "gift-button"), ("Offrir cet article", "gift-button"),
    ("Follow Imran Kassab", "follow-button"), ("+ Follow", "follow-button"),
    ("Follow this author", "follow-button"),
    ("Listen to this story · 7 min", "audio-player"), ("Narrated by Ellis Varga", "audio-player"),
    ("1.25x", "audio-player"), ("Artikel anhören", "audio-player"),
    ("Écouter cet article", "audio-player"), ("Voiced by AI", "audio-player"),
    ("Save for later", "save-button"), ("Add to reading list", "save-button"),
    ("Accessibility help", "accessibility-link"), ("Skip to footer", "accessibility-link"),
    ("Show caption", "page-widget"), ("Enlarge this image", "page-widget"),
    ("Advertisement - scroll to continue", "page-widget"), ("A+", "page-widget"),
    ("View this post on Instagram", "page-widget"),
    ("A post shared by Nordic Rail Crews (@nordicrailcrews)", "page-widget"),
    ("Click to share on Facebook (Opens in new window)", "page-widget"),
    ("This article is more than 2 years old", "page-widget"), ("Report an error", "page-widget"),
])
def test_reader_control_lines_are_dropped(line: str, rule: str) -> None:
    found = control_rule(line)
    assert found is not None and found.name == rule
    assert line not in normalise(page("The Harbour Gazette", f"By Ann Reid\n\n{line}\n\n"
                                      "12 March 2026")).body


@pytest.mark.parametrize("line", [
    "Follow the money, the auditor said.",
    "Follow the river path for two miles.",
    "Listen to the people who live here, she said.",
    "Save the Children said it would send more staff.",
    "Read more about the plan on the council's website.",
    "Gift aid added £3,000 to the appeal.",
    "Narrated by the town's oldest resident, the film runs for an hour.",
    "Accessibility was the main complaint from wheelchair users.",
    "A post shared by the mayor (@mayor) angered residents.",
    "Show the caption to the judge, the lawyer said.",
    "This article is more than a summary of the report.",
    "A",
])
def test_reader_control_shapes_leave_prose_alone(line: str) -> None:
    assert control_rule(line) is None
    assert line in normalise(page("The Harbour Gazette", tail=f"\n{line}\n")).body


# ------------------------------------------------------------------ outlet shapes


@pytest.mark.parametrize(("line", "domain"), [
    ("fenwickpost.co.uk", "fenwickpost.co.uk"), ("www.ashbrookvoice.org", "ashbrookvoice.org"),
    ("https://valleyvoice.news/", "valleyvoice.news"),
])
def test_bare_domain(line: str, domain: str) -> None:
    assert bare_domain(line) == domain


@pytest.mark.parametrize("line", ["report.pdf", "index.html", "3.5", "news@ashbrookvoice.org",
                                  "Visit fenwickpost.co.uk for more.", "St.Ives"])
def test_not_a_bare_domain(line: str) -> None:
    assert bare_domain(line) == ""


def test_domain_on_top_is_the_outlet() -> None:
    result = normalise(page("fenwickpost.co.uk"))
    assert result.source == "fenwickpost.co.uk"
    assert result.title == HEADLINE
    assert "fenwickpost" not in result.body


def test_domain_under_a_menu_is_the_outlet() -> None:
    text = "Skip to main content\nMenu\nSearch\nNews\nSport\nBusiness\n" + page("fenwickpost.co.uk")
    assert normalise(text).source == "fenwickpost.co.uk"


def test_footer_domain_only_when_nothing_else_names_the_outlet() -> None:
    assert normalise(page("", tail="\nwww.ashbrookvoice.org\n")).source == "ashbrookvoice.org"
    named = normalise(page("The Ashbrook Voice", tail="\nwww.ashbrookvoice.org\n"))
    assert named.source == "The Ashbrook Voice"
    assert "ashbrookvoice" not in named.body


def test_domain_in_a_story_sentence_or_a_short_note_stays() -> None:
    text = page("The Harbour Gazette", tail="\nTimetables are at buses.example.org, it said.\n")
    assert "buses.example.org" in normalise(text).body
    kept, top, footer, traces = domain_masthead(blocks("example.org", "A note."))
    assert (top, footer, traces) == ("", ("", 0), []) and len(kept) == 2


@pytest.mark.parametrize(("source", "outlet"), [
    ("The Marsh Chronicle, Lydbrook", "The Marsh Chronicle"),
    ("Calder Valley Courier | Business", "Calder Valley Courier"),
    ("Harbour Gazette, Newcastle upon Tyne", "Harbour Gazette"),
    ("Northbank – Politics", "Northbank"),
])
def test_outlet_without_place_or_section(source: str, outlet: str) -> None:
    traces: list[Trace] = []
    assert outlet_without_place(source, traces) == outlet
    assert [t.rule for t in traces] == ["outlet-place"]


@pytest.mark.parametrize("source", ["Smith, Jones & Co", "Reuters, Lisbon bureau",
                                    "Ann Reid, Harbour Gazette", "Marsh, Hale and Partners",
                                    "The Marsh Chronicle"])
def test_outlet_kept_whole(source: str) -> None:
    traces: list[Trace] = []
    assert outlet_without_place(source, traces) == source
    assert traces == []


def test_outlet_comma_place_line_on_a_page() -> None:
    assert normalise(page("The Marsh Chronicle, Lydbrook")).source == "The Marsh Chronicle"


# ------------------------------------------------------------------ mastheads naming a writer


@pytest.mark.parametrize(("top", "source", "author"), [
    ("THE LEDGER LINE WITH DANA OKAFOR", "THE LEDGER LINE", "Dana Okafor"),
    ("NOTES FROM THE NORTH BY IONA MACRAE", "NOTES FROM THE NORTH", "Iona Macrae"),
])
def test_caps_masthead_naming_its_writer(top: str, source: str, author: str) -> None:
    result = normalise(f"{top}\n\n{HEADLINE}\n\nJune 2, 2026\n\n{STORY}")
    assert (result.source, result.author, result.title) == (source, author, HEADLINE)


@pytest.mark.parametrize("top", ["NOTES FROM THE FIELD", "LIFE BY THE SEA",
                                 "DINNER WITH THE NEIGHBOURS"])
def test_caps_masthead_without_a_person_names_no_author(top: str) -> None:
    result = normalise(f"{top}\n\n{HEADLINE}\n\nJune 2, 2026\n\n{STORY}")
    assert result.author == ""
    assert not any(t.rule == "caps-masthead-host" for t in result.trace)


def test_caps_masthead_under_preheader_and_menu() -> None:
    issue = ("View in browser\n\nToday: a reader's question about tides.\n\nTHE TIDEWATCH "
             f"LETTER\n\nIssue #41 · September 8, 2026\n\n{HEADLINE}\n\nBy Lowri Emberton\n\n"
             f"{STORY}\nUnsubscribe\n")
    for text in (issue, "Menu\nSearch\nNews\nSport\nBusiness\n" + issue):
        result = normalise(text)
        assert (result.source, result.author) == ("THE TIDEWATCH LETTER", "Lowri Emberton")
        assert result.title == HEADLINE


# ------------------------------------------------------------------ dates and names in the header


def test_dateline_states_the_date() -> None:
    text = (f"{HEADLINE}\n\nLEDBURY, England, April 7, 2026 -- Orchardline Drinks today opened "
            f"a new plant.\n\n{STORY}")
    result = normalise(text)
    assert result.date == dt.date(2026, 4, 7)
    assert "LEDBURY, England, April 7, 2026" in result.body


@pytest.mark.parametrize("opening", [
    "LONDON — Orchardline Drinks today opened a new plant.",           # no day stated
    "LEDBURY, England -- Orchardline Drinks opened a plant on April 7, 2026.",
])
def test_dateline_without_its_own_date_gives_none(opening: str) -> None:
    assert normalise(f"{HEADLINE}\n\n{opening}\n\n{STORY}").date is None


def test_a_date_line_outranks_the_dateline() -> None:
    text = (f"{HEADLINE}\n\n12 March 2026\n\nLEDBURY, England, April 7, 2026 -- Orchardline "
            f"Drinks today opened a new plant.\n\n{STORY}")
    assert normalise(text).date == dt.date(2026, 3, 12)


def test_name_in_place_over_a_date_is_the_author() -> None:
    assert normalise(page("The Harbour Gazette", "Anja Korsgaard in Copenhagen\n\n"
                          "Tue 3 Mar 2026 14.05 GMT")).author == "Anja Korsgaard"


def test_a_place_phrase_is_not_an_author() -> None:
    result = normalise(page("The Harbour Gazette", "Flooding in Copenhagen\n\n3 March 2026"))
    assert result.author == ""


@pytest.mark.parametrize("line", ["Reviewed by Dr. Kalinda Moss", "Reviewed by Prof. Ian Bell"])
def test_reviewed_by_doctor_is_a_credit(line: str) -> None:
    result = normalise(page("The Harbour Gazette", f"By Ann Reid\n\n{line}\n\n12 March 2026"))
    assert result.author == "Ann Reid" and line not in result.body


def test_reviewed_by_in_prose_stays() -> None:
    line = "Reviewed by the committee in May, the plan was approved without changes."
    assert line in normalise(page("The Harbour Gazette", tail=f"\n{line}\n")).body


# ------------------------------------------------------------------ press releases


def test_about_name_takes_the_fuller_form() -> None:
    about = Block("About Orchardline", line=1)
    assert about_name(about, Block("Orchardline Drinks is an independent cider maker.", 3)) == (
        "Orchardline Drinks")
    assert about_name(about, Block("Founded in 1998, it makes cider.", 3)) == "Orchardline"
    assert about_name(about, Block("Orchard growers are the company's suppliers.", 3)) == (
        "Orchardline")


CONTACTS = ("Media contacts", "Rebecca Thorne", "Head of Communications",
            "press@orchardline.example", "+44 1531 000 000")


def test_contact_block_goes_and_notes_to_editors_stay() -> None:
    story = [STORY.split("\n\n")[0], STORY.split("\n\n")[1]]
    notes = ("Notes to editors", "The plant is funded by a £2.1 million grant from the county.")
    kept, traces = contact_blocks(blocks(*story, *CONTACTS, *notes))
    assert [b.text for b in kept] == [*story, *notes]
    assert [t.text for t in traces] == list(CONTACTS)


def test_a_contact_label_without_an_address_or_number_stays() -> None:
    story = [STORY.split("\n\n")[0], STORY.split("\n\n")[1]]
    texts = (*story, "Media enquiries", "Rebecca Thorne", "The council said it would reply.")
    kept, traces = contact_blocks(blocks(*texts))
    assert traces == [] and len(kept) == len(texts)


def test_a_contact_label_at_the_top_stays() -> None:
    texts = ("Media contacts", "press@orchardline.example", STORY.split("\n\n")[0])
    assert contact_blocks(blocks(*texts))[1] == []


# ------------------------------------------------------------------ dek, labels, headings, tails


DEK = "Volunteers are blocking old drains to keep water, and carbon, in the peat"


def test_dek_under_the_byline_leaves_the_body() -> None:
    result = normalise(page("The Upland Review", f"By Ann Reid\n\n12 March 2026\n\n{DEK}"))
    assert result.summary == DEK
    assert DEK not in result.body


def test_a_lede_under_the_byline_is_not_a_dek() -> None:
    lede = "Volunteers are blocking old drains to keep water in the peat."
    result = normalise(page("The Upland Review", f"By Ann Reid\n\n12 March 2026\n\n{lede}"))
    assert lede in result.body


def test_section_label_over_the_story_goes() -> None:
    result = normalise(page("The Upland Review",
                            f"By Ann Reid\n\n12 March 2026\n\n{DEK}\n\nEnvironment"))
    assert "Environment" not in result.body.split("\n")


@pytest.mark.parametrize("label", ["Background", "Introduction", "What happened"])
def test_a_first_heading_that_is_no_section_word_stays(label: str) -> None:
    kept, traces = drop_story_label(blocks(label, STORY.split("\n\n")[0]), True)
    assert traces == [] and kept[0].text == label


def test_a_label_the_page_menu_lists_goes() -> None:
    texts = ("Peatlands", STORY.split("\n\n")[0])
    traces = drop_story_label(blocks(*texts), True, ["Home › Peatlands › Uplands"])[1]
    assert [t.text for t in traces] == ["Peatlands"]
    assert drop_story_label(blocks(*texts), True, [])[1] == []
    assert drop_story_label(blocks(*texts), False, ["Home › Peatlands › Uplands"])[1] == []


TAKEAWAYS = ("Most healthy adults get enough water by drinking when they feel thirsty.",
             "Food provides about a fifth of the water we take in each day.")


def test_key_takeaways_set_off_is_a_heading() -> None:
    items = "\n\n".join(TAKEAWAYS)
    body = normalise(page("The Harbour Gazette",
                          f"By Ann Reid\n\n12 March 2026\n\nKey takeaways\n\n{items}")).body
    assert "## Key takeaways" in body


def test_key_takeaways_box_of_lines_is_no_heading() -> None:
    items = "\n".join(TAKEAWAYS)
    body = normalise(page("The Harbour Gazette",
                          f"By Ann Reid\n\n12 March 2026\n\nKey takeaways\n{items}")).body
    assert "## Key takeaways" not in body
    assert TAKEAWAYS[0] in body


@pytest.mark.parametrize("line", ["More from the council", "More on the budget",
                                  "More about electric cars"])
def test_more_from_a_common_noun_is_a_subheading(line: str) -> None:
    assert not is_tail_marker(line)
    after = "The council will publish the pool's new timetable next week, with early sessions."
    body = normalise(page("The Harbour Gazette", tail=f"\n{line}\n\n{after}\n")).body
    assert after in body


@pytest.mark.parametrize("line", ["More from The Verge", "More from the December issue",
                                  "More from our partners", "More in Politics",
                                  "More from Rahel Dessie", "Mehr aus Berlin"])
def test_more_from_a_name_is_still_a_tail_marker(line: str) -> None:
    assert is_tail_marker(line)


# ------------------------------------------------------------------ review titles, sole deks

REVIEW = ("Harrow Bell spent a decade as the loudest band in any room. On Quiet Orchard, "
          "recorded in a chapel over one winter, they turned the volume down.\n\n"
          "The opener begins with nothing but an organ and a voice close to the microphone, "
          "and the drums arrive two minutes in like a door slamming downstairs.\n\n"
          "Not every experiment works, but the closing pair are the best songs the band has "
          "written, patient and bruised and quietly enormous.\n")
REVIEW_DEK = "The band's third album trades its old fury for something stranger and slower."


def test_a_review_titled_subject_colon_work_keeps_its_title() -> None:
    text = (f"Static Bloom\n\nReviews\n\nFeatures\n\nLists\n\nROCK\n\nHarrow Bell: Quiet Orchard"
            f"\n\n{REVIEW_DEK}\n\nBy Dmitri Vashti\n\nMarch 20, 2026\n\n{REVIEW}")
    result = normalise(text)
    assert result.title == "Harrow Bell: Quiet Orchard"
    assert result.summary == REVIEW_DEK


def test_subject_title_needs_the_story_to_name_the_subject() -> None:
    from readsite.normalise.headline import subject_title
    assert subject_title("Harrow Bell: Quiet Orchard", REVIEW)
    assert not subject_title("Executive Producer: Jane Doe", REVIEW)
    assert not subject_title("Guest: Dr. Amara Osei", REVIEW)
    assert not subject_title("Harrow: Quiet Orchard", REVIEW)  # one word: a label's shape


BOX = ("Key takeaways\nProtected reefs recovered in six years.\n"
       "Parrotfish kept seaweed off young corals.")


def test_the_only_paragraph_above_the_byline_is_the_dek_whatever_follows() -> None:
    dek = "Reefs in no-fishing zones regained their coral cover in half the time of fished ones."
    text = (f"{HEADLINE}\n\n{dek}\n\nBy Ann Reid\n\n12 March 2026\n\n{BOX}\n\n{STORY}")
    result = normalise(text)
    assert result.summary == dek
    assert dek not in result.body


def test_with_an_end_byline_the_opening_paragraph_stays() -> None:
    opening = ("Reefs in no-fishing zones regained their coral cover in half the time of nearby "
               "fished sites, a decade-long study of more than eighty reefs in three ocean basins "
               "has found.")
    text = f"{HEADLINE}\n\n{opening}\n\n{STORY}\nBy Ann Reid\n"
    assert opening in normalise(text).body


@pytest.mark.parametrize(("line", "author", "source"), [
    ("By Ann Reid for The Harbour Gazette", "Ann Reid", "The Harbour Gazette"),
    ("By Ann Reid for Coastline Weekly", "Ann Reid", "Coastline Weekly"),
    ("By Harbour Gazette Staff", "Harbour Gazette Staff", "Harbour Gazette"),
])
def test_byline_naming_its_outlet(line: str, author: str, source: str) -> None:
    result = normalise(f"{HEADLINE}\n\n{line}\n\n12 March 2026\n\n{STORY}")
    assert (result.author, result.source) == (author, source)


@pytest.mark.parametrize("line", ["By Ann Reid for 12 years", "By Ann Reid"])
def test_byline_without_an_outlet_names_none(line: str) -> None:
    result = normalise(f"{HEADLINE}\n\n{line}\n\n12 March 2026\n\n{STORY}")
    assert result.source == ""


def test_outlet_name_alone_under_the_story_is_the_source() -> None:
    result = normalise(f"{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{STORY}\n"
                       "The Harbour Gazette\n")
    assert result.source == "The Harbour Gazette"
    assert "The Harbour Gazette" not in result.body


@pytest.mark.parametrize("tail", [
    "\nThe Glass Chronicle\n\nby Jane Doe\n\nFaber, £16.99\n",   # a book's details box
    "\nSee you next week\n\nThe Glass Chronicle\n",                 # under a short line
    "\nAnn Reid\n",                                                # a name, no outlet word
])
def test_a_name_at_the_end_that_is_no_footer_masthead(tail: str) -> None:
    result = normalise(f"{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{STORY}{tail}")
    assert result.source == ""
    assert not any(t.rule == "footer-name" for t in result.trace)


@pytest.mark.parametrize(("line", "source"), [
    ("By Ann Reid | Harbour Gazette | March 12, 2026", "Harbour Gazette"),
    ("By Ann Reid | Transport | March 12, 2026", ""),            # a section, not an outlet
])
def test_byline_fields_naming_the_outlet(line: str, source: str) -> None:
    result = normalise(f"{HEADLINE}\n\n{line}\n\n{STORY}")
    assert (result.author, result.source) == ("Ann Reid", source)
    assert result.date == dt.date(2026, 3, 12)


def test_byline_with_a_time_before_the_date() -> None:
    result = normalise(f"{HEADLINE}\n\nBy Ann Reid at 7:30am on 12 March 2026\n\n{STORY}")
    assert (result.title, result.author, result.date) == (HEADLINE, "Ann Reid",
                                                          dt.date(2026, 3, 12))


# ------------------------------------------------------------------ the footer under the story

BYLINED = f"The Harbour Gazette\n\n{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{STORY}"


@pytest.mark.parametrize("tail", [
    "\nAbout us\n\nContact us\n\nCareers\n\nAdvertise with us\n\nPrivacy notice\n\nSitemap\n",
    "\nInstagram\n\nYouTube\n\nTikTok\n\nFacebook\n",
])
def test_footer_link_run_goes(tail: str) -> None:
    body = normalise(BYLINED + tail).body
    assert not any(line.strip() in body.split("\n") for line in tail.split("\n") if line.strip())


@pytest.mark.parametrize("tail", [
    "\nThose who voted against:\n\nTom Barker\n\nJudith Lane\n\nSam Okoro\n",
    "\nYou will need:\n\n2 onions\n\n1 squash\n\n1 litre of stock\n",
    "\nEvents\n\nTom Barker\n\nJudith Lane\n\nSam Okoro\n",    # one footer word among names
])
def test_a_list_of_short_items_ending_a_story_stays(tail: str) -> None:
    body = normalise(BYLINED + tail).body
    assert "Judith Lane" in body or "1 squash" in body
    assert not any(t.rule == "footer-links" for t in normalise(BYLINED + tail).trace)


@pytest.mark.parametrize("line", [
    "The Harbour Gazette is a member of the Independent Press Standards Organisation.",
    "Published by Harbour Media Ltd, 12 Quay Street, Harbourtown HT1 2AB.",
    "Got a story? Email news@harbourgazette.example or call 01632 960 123.",
])
def test_small_print_goes(line: str) -> None:
    result = normalise(BYLINED + f"\n{line}\n")
    assert line not in result.body
    assert any(t.rule == "small-print" for t in result.trace)


@pytest.mark.parametrize("line", [
    "The council is a member of the regional transport board, which meets monthly.",
    "Published by the council on Monday, the report runs to 80 pages.",
    "Got a story about the lanes? We would like to hear from riders.",
])
def test_small_print_shapes_leave_story_sentences(line: str) -> None:
    assert line in normalise(BYLINED + f"\n{line}\n").body


def test_closing_author_card_goes() -> None:
    result = normalise(BYLINED + "\nAnn Reid\n\nTransport reporter\n")
    assert result.author == "Ann Reid"
    assert "Transport reporter" not in result.body
    assert not any(line == "Ann Reid" for line in result.body.split("\n"))


def test_a_name_that_is_not_the_byline_stays() -> None:
    body = normalise(BYLINED + "\nTom Barker\n\nCycling campaign editor\n").body
    assert "Tom Barker" in body and "Cycling campaign editor" in body


def test_related_over_a_story_paragraph_is_a_subheading() -> None:
    para = ("The council also approved a new bus lane on Mill Road, which will open next year "
            "and cost £1.1 million.")
    body = normalise(BYLINED + f"\nRelated\n\n{para}\n").body
    assert para in body
    teaser = normalise(BYLINED + "\nRelated\n\nBus lane plan approved\n\nFerry fares to rise\n")
    assert "Bus lane plan approved" not in teaser.body


# ------------------------------------------------------------------ a newsletter naming itself

NOTE = f"{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{STORY}\n"


@pytest.mark.parametrize("line", [
    "Thanks for reading Quayside Notes! Subscribe for free to receive new posts.",
    "Quayside Notes is a reader-supported publication.",
    "You're receiving this email because you subscribed to Quayside Notes.",
    "— The Quayside Notes team",
    "Quayside Notes © 2026",
    "Copyright © Quayside Notes",
])
def test_a_line_naming_the_newsletter_gives_the_source(line: str) -> None:
    result = normalise(NOTE + line + "\n")
    assert result.source == "Quayside Notes"
    assert line not in result.body


@pytest.mark.parametrize("line", [
    "Thanks for reading, everyone.",
    "Thanks for reading this far, it means a lot.",
    "The team will publish its findings in May.",
    "Share Prices",
])
def test_lines_that_name_no_newsletter_stay(line: str) -> None:
    result = normalise(NOTE + line + "\n")
    assert result.source == ""
    assert line in result.body


def test_the_header_outranks_a_self_naming_footer() -> None:
    result = normalise("The Harbour Gazette\n\n" + NOTE + "Thanks for reading Quayside Notes!\n")
    assert result.source == "The Harbour Gazette"

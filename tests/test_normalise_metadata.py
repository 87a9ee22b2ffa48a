"""Metadata rules: bylines, outlets, dates and label lines, each found with its rule and line."""

from __future__ import annotations

import datetime as dt

import pytest

from readsite import normalise as n

BODY = ("The company announced a new data center in Tennessee on Monday, its third this year, "
        "and said it would rent all of its capacity to a single customer for five years.")
MORE = "Analysts said the deal changes how investors see the company ahead of its IPO."


def found(result: n.Normalised, key: str) -> tuple[str, str, int]:
    """(value, rule, line) of the first trace that found `key`."""
    trace = next(t for t in result.trace if t.action == "found" and t.field == key)
    return trace.text, trace.rule, trace.line


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(("line", "expected"), [
    ("\u2014 Ian Krietzberg, Editor-in-Chief, The Deep View", ("Ian Krietzberg", "The Deep View")),
    ("- Jane Doe, Senior Reporter", ("Jane Doe", "")),
    ("— Jane Doe, Reuters", ("Jane Doe", "Reuters")),
    ("— the end, of the story", None),
    ("Jane Doe, Reporter", None),
])
def test_parse_signature(line: str, expected: tuple[str, str] | None) -> None:
    assert n.parse_signature(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Jane Doe, Reuters", ("Jane Doe", "Reuters")),
    ("Kristine Vior, HubNextera News", ("Kristine Vior", "HubNextera News")),
    ("New York, NY", None),
    ("Jane Doe, Senior Reporter", None),
    ("Prices rose, analysts said", None),
])
def test_parse_name_outlet(line: str, expected: tuple[str, str] | None) -> None:
    assert n.parse_name_outlet(line) == expected


def test_signature_at_the_end_gives_author_and_outlet() -> None:
    raw = (f"A Proper Headline Here\n\n{BODY}\n\n{MORE}\n\n"
           "\u2014 Ian Krietzberg, Editor-in-Chief, The Deep View")
    result = n.normalise(raw)
    assert (result.author, result.source) == ("Ian Krietzberg", "The Deep View")
    assert "Krietzberg" not in result.body
    assert found(result, "author") == ("Ian Krietzberg", "signature", 7)


def test_byline_split_over_a_label_line() -> None:
    raw = f"A Proper Headline Here\n\nAuthor\n\nJane Doe\n\n{BODY}\n\n{MORE}"
    result = n.normalise(raw)
    assert result.author == "Jane Doe"
    assert "Jane Doe" not in result.body and "Author" not in result.body
    assert found(result, "author")[1] == "split-label"


def test_name_outlet_line_under_the_headline() -> None:
    result = n.normalise(f"A Proper Headline Here\n\nJane Doe, Reuters\n\n{BODY}\n\n{MORE}")
    assert (result.author, result.source) == ("Jane Doe", "Reuters")
    assert "Jane Doe" not in result.body


def test_author_bio_before_and_after_the_body_is_dropped() -> None:
    bio = ("Jane Doe is a senior reporter at Example News who covers AI infrastructure. "
           "Reach her at jane@example.com.")
    raw = f"A Proper Headline Here\n\nBy Jane Doe\n\n{BODY}\n\n{MORE}\n\n{bio}"
    result = n.normalise(raw)
    assert result.author == "Jane Doe"
    assert "senior reporter" not in result.body
    assert any(t.rule == "author-bio" and t.text == bio for t in result.trace)


def test_a_sentence_about_someone_else_is_not_a_bio() -> None:
    line = "Elon Musk is the chief executive of SpaceX, which owns xAI."
    result = n.normalise(f"A Proper Headline Here\n\nBy Jane Doe\n\n{BODY}\n\n{MORE}\n\n{line}")
    assert line in result.body


# --------------------------------------------------------------------------- outlets


def test_source_line_gives_the_outlet() -> None:
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{MORE}\n\nSource: TechCrunch – AI")
    assert result.source == "TechCrunch"
    assert found(result, "source") == ("TechCrunch", "source-line", 7)


@pytest.mark.parametrize("credit", ["Source: Unsplash", "Photo: Getty Images",
                                    "Image credit: Anthropic"])
def test_photo_credits_are_not_the_outlet(credit: str) -> None:
    result = n.normalise(f"A Proper Headline Here\n\n{credit}\n\n{BODY}\n\n{MORE}")
    assert result.source == ""
    assert credit not in result.body


def test_dateline_names_the_outlet_and_stays_in_the_body() -> None:
    lede = "NEW YORK (Reuters) \u2014 " + BODY
    result = n.normalise(f"A Proper Headline Here\n\n{lede}\n\n{MORE}")
    assert result.source == "Reuters"
    assert lede in result.body
    assert found(result, "source")[1] == "dateline"


def test_outlet_stuck_to_a_timestamp() -> None:
    assert n.parse_outlet_timestamp("The Verge3:45 PM EST") == ("The Verge", None)
    assert n.parse_outlet_timestamp("The score was 3:45") is None
    result = n.normalise(f"A Proper Headline Here\n\nThe Verge3:45 PM EST\n\n{BODY}\n\n{MORE}")
    assert result.source == "The Verge"
    assert "3:45" not in result.body


def test_known_outlet_above_the_headline() -> None:
    result = n.normalise(f"TechCrunch\n\nA Proper Headline Here\n\n{BODY}\n\n{MORE}")
    assert result.source == "TechCrunch"
    assert result.title == "A Proper Headline Here"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("text", "expected"), [
    ("March 3, 2025", dt.date(2025, 3, 3)),
    ("3 March 2025", dt.date(2025, 3, 3)),
    ("2025-03-03", dt.date(2025, 3, 3)),
    ("Mar. 3, 2025 at 9:00 a.m. ET", dt.date(2025, 3, 3)),
    ("Updated March 3, 2025, 10:42 AM EST", dt.date(2025, 3, 3)),
    ("Published 3 March 2025 · 10:00", dt.date(2025, 3, 3)),
    ("3. März 2025", dt.date(2025, 3, 3)),
    ("5 de marzo de 2025", dt.date(2025, 3, 5)),
    ("8 hours ago", None),
    ("In March 2025 the deal closed.", None),
])
def test_parse_date_common_formats(text: str, expected: dt.date | None) -> None:
    assert n.parse_date(text) == expected


def test_date_anywhere_in_the_header_region() -> None:
    raw = (f"A Proper Headline Here\n\nTech\n\nBy Jane Doe\n\nPhoto: Getty Images\n\n"
           f"Listen to this article\n\nMar. 3, 2025 at 9:00 a.m. ET\n\n{BODY}\n\n{MORE}")
    result = n.normalise(raw)
    assert result.date == dt.date(2025, 3, 3)
    assert "2025" not in result.body


def test_header_fields_line() -> None:
    result = n.normalise(f"A Proper Headline Here\n\nJane Doe | March 3, 2025 | 5 min read\n\n"
                         f"{BODY}\n\n{MORE}")
    assert (result.author, result.date) == ("Jane Doe", dt.date(2025, 3, 3))
    assert "min read" not in result.body


def test_updated_line_is_the_date_only_when_no_other_is_stated() -> None:
    result = n.normalise(f"A Proper Headline Here\n\nUpdated March 4, 2025\n\n{BODY}\n\n{MORE}")
    assert (result.date, result.updated) == (dt.date(2025, 3, 4), None)  # the only date stated


def test_storage_token_is_the_date_and_leaves_the_body() -> None:
    assert n.storage_date("A Proper Headline date 2026-02-23") == (
        "A Proper Headline", dt.date(2026, 2, 23))
    result = n.normalise(f"A Proper Headline Here date 2026-02-23\n\n{BODY}\n\n{MORE}")
    assert result.date == dt.date(2026, 2, 23)
    assert result.title == "A Proper Headline Here"
    assert found(result, "date") == ("2026-02-23", "storage-date", 1)


def test_relative_date_is_never_a_date() -> None:
    result = n.normalise(f"A Proper Headline Here\n\n8 hours ago\n\n{BODY}\n\n{MORE}")
    assert result.date is None
    assert "hours ago" not in result.body


def test_date_inside_the_story_is_not_metadata() -> None:
    story = [f"Paragraph {i} of the story is right here." for i in range(8)]
    story.insert(4, "March 3, 2025")
    result = n.normalise("A Proper Headline Here\n\n" + "\n\n".join(story))
    assert result.date is None


# --------------------------------------------------------------------------- label lines


def test_label_lines_go_to_front_matter() -> None:
    raw = ("Episode 12: Renting Out Colossus\n\nPodcast: Equity\n\nHost: Kirsten Korosec\n\n"
           "Guest: Sean O'Kane\n\nDate: March 3, 2025\n\nTopic: xAI and Anthropic\n\n"
           f"{BODY}\n\nBig picture: the neocloud market is growing fast.\n\n{MORE}")
    result = n.normalise(raw)
    assert result.extra == {"podcast": "Equity", "host": "Kirsten Korosec",
                            "guest": "Sean O'Kane", "topic": "xAI and Anthropic"}
    assert result.date == dt.date(2025, 3, 3)
    assert "Podcast" not in result.body and "Host" not in result.body
    assert "Big picture: the neocloud market is growing fast." in result.body
    assert found(result, "host") == ("Kirsten Korosec", "label-line", 5)


@pytest.mark.parametrize("line", ["Topic: what the deal means for xAI. It is a big one.",
                                  "Date: sometime next year"])
def test_label_with_prose_is_not_a_label_line(line: str) -> None:
    assert n.parse_label_line(line) is None


def test_updated_line_beside_a_publication_date() -> None:
    raw = f"A Proper Headline Here\n\nMarch 3, 2025\n\nUpdated March 4, 2025\n\n{BODY}\n\n{MORE}"
    result = n.normalise(raw)
    assert (result.date, result.updated) == (dt.date(2025, 3, 3), dt.date(2025, 3, 4))


@pytest.mark.parametrize(("line", "author"), [
    ("Von Katrin Albers", "Katrin Albers"), ("Par Julien Moreau", "Julien Moreau"),
    ("Por María Gil Serrano", "María Gil Serrano"), ("Words by Elin Dahl", "Elin Dahl"),
    ("Posted by Margaret Ellison-Shaw on May 2, 2025 in Employment Law", "Margaret Ellison-Shaw"),
])
def test_bylines_in_several_forms_and_languages(line: str, author: str) -> None:
    parsed = n.parse_byline(line)
    assert parsed is not None and parsed[0] == author


def test_byline_naming_the_outlet() -> None:
    raw = f"A Proper Headline Here\n\nBy Darnell Tucker, The Bluff City Post\n\n{BODY}\n\n{MORE}"
    result = n.normalise(raw)
    assert (result.author, result.source) == ("Darnell Tucker", "The Bluff City Post")
    raw = "A Proper Headline Here\n\nWritten by Bea Oko | Senior Energy Reporter | GridLines"
    assert n.normalise(f"{raw}\n\n{BODY}").source == "GridLines"


def test_outlet_line_and_section_label_above_the_headline() -> None:
    raw = ("The Harbor City Ledger\nTransportation\nHarbor City's tram extension opens two years "
           f"late\nBy Priya Raman\nMarch 3, 2025\n\n{BODY}\n\n{MORE}")
    result = n.normalise(raw)
    assert result.source == "The Harbor City Ledger"
    assert result.title == "Harbor City's tram extension opens two years late"
    assert found(result, "source") == ("The Harbor City Ledger", "header-outlet", 1)


def test_name_line_above_a_role_or_a_date() -> None:
    raw = (f"A Proper Headline Here\nNoor Haddad\nScience correspondent\nPublished Sep 18, 2025"
           f"\n\n{BODY}\n\n{MORE}")
    result = n.normalise(raw)
    assert result.author == "Noor Haddad" and "correspondent" not in result.body
    raw = f"A Proper Headline Here\nOksana Brill\nMar 11, 2025\n\n{BODY}\n\n{MORE}"
    assert n.normalise(raw).author == "Oksana Brill"


def test_header_fields_with_an_unknown_outlet_beside_a_date() -> None:
    result = n.normalise(f"A Proper Headline Here\nHana Sato · Islands Gazette · 2025-05-30\n\n"
                         f"{BODY}\n\n{MORE}")
    assert (result.author, result.source, result.date) == (
        "Hana Sato", "Islands Gazette", dt.date(2025, 5, 30))


def test_podcast_and_host_stand_in_for_source_and_author() -> None:
    raw = f"Episode 112: Night Shifts\nPodcast: The Long Shift\nHost: Renée Castillo\n\n{BODY}"
    result = n.normalise(raw)
    assert (result.source, result.author) == ("The Long Shift", "Renée Castillo")
    assert result.extra == {"podcast": "The Long Shift", "host": "Renée Castillo"}


@pytest.mark.parametrize(("name", "expected"), [
    ("Lucia Ferreira and Tom Bradshaw", "Lucia Ferreira, Tom Bradshaw"),
    ("Ana Gil, Rui Costa & Mia Wong", "Ana Gil, Rui Costa, Mia Wong"),
    ("Jane Doe", "Jane Doe"),
    ("Procter & Gamble", "Procter & Gamble"),
    ("Jane Doe and Reuters", "Jane Doe and Reuters"),
])
def test_several_authors_are_comma_separated(name: str, expected: str) -> None:
    assert n.list_authors(name) == expected


def test_byline_with_two_authors() -> None:
    result = n.normalise(f"Headline About Soybeans\nBy Ana Gil and Rui Costa\n\n{BODY}\n\n{MORE}")
    assert result.author == "Ana Gil, Rui Costa"


def test_press_release_dateline_names_the_wire() -> None:
    lede = ("FRESNO, Calif., Sept. 9, 2025 /Business Wire/ -- Orchard Robotics today announced "
            "a funding round.")
    result = n.normalise(f"Orchard Robotics Raises $62 Million\n\n{lede}\n\n{BODY}\n\n{MORE}")
    assert found(result, "source")[:2] == ("Business Wire", "dateline")
    assert lede in result.body  # a dateline lede is never taken for a dek


def test_outlet_or_firm_line_under_the_byline() -> None:
    raw = (f"What the New Law Means for Employers\nPosted by Jane Doe on May 2, 2025\n"
           f"Hartwell & Dunmore LLP\n\n{BODY}\n\n{MORE}")
    result = n.normalise(raw)
    assert found(result, "source")[:2] == ("Hartwell & Dunmore LLP", "outlet-below-byline")
    assert "Dunmore" not in result.body


@pytest.mark.parametrize("line", ["New Rules Daily", "What the Report Found"])
def test_capitalised_line_not_right_under_a_byline_is_not_an_outlet(line: str) -> None:
    result = n.normalise(f"What the New Law Means for Employers\n\n{line}\n\n{BODY}")
    assert result.source == ""
    raw = f"What the New Law Means\nBy Jane Doe\n\nWhat the Report Found\n\n{BODY}\n\n{MORE}"
    assert n.normalise(raw).source == ""


def test_wire_credits_line_names_the_author_when_no_byline_does() -> None:
    credits = ("Reporting by Inês Carvalho; Additional reporting by Daniel Moss; "
               "Editing by Helen Ward")
    assert n.normalise(f"Headline About Rents\n\n{BODY}\n\n{MORE}\n\n{credits}").author == (
        "Inês Carvalho")
    raw = f"Headline About Rents\nBy Jane Doe\n\n{BODY}\n\n{MORE}\n\n{credits}"
    assert n.normalise(raw).author == "Jane Doe"


@pytest.mark.parametrize(("line", "author"), [
    ("Hosted by Dev Malhotra", "Dev Malhotra"),
    ("di Chiara Bellandi", "Chiara Bellandi"),
])
def test_more_byline_forms(line: str, author: str) -> None:
    assert n.parse_byline(line) == (author, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Published 09:14, Tuesday 4 March 2025", dt.date(2025, 3, 4)),
    ("12 marzo 2025, ore 18:40", dt.date(2025, 3, 12)),
    ("12:30, 2025", None),
])
def test_time_first_and_italian_dates(text: str, expected: dt.date | None) -> None:
    assert n.parse_date(text) == expected


def test_show_name_above_an_episode_headline_is_the_outlet() -> None:
    raw = (f"Common Ground\nEpisode 58: The town that built its own broadband\n"
           f"Hosted by Dev Malhotra\nJune 3, 2025\n\n{BODY}\n\n{MORE}")
    result = n.normalise(raw)
    assert (result.source, result.author) == ("Common Ground", "Dev Malhotra")


def test_a_lone_news_label_is_not_the_outlet() -> None:
    raw = f"News\nResearch\nBees learn to avoid treated flowers\nApril 7, 2025\n\n{BODY}\n\n{MORE}"
    result = n.normalise(raw)
    assert result.source == "" and result.title == "Bees learn to avoid treated flowers"

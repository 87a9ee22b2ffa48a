"""Furniture rules: press-release tails, e-mail footers, sponsors, captions, counters, legal
small print.  Each is dropped and traced with its rule; a near-miss sentence of the story stays."""

from __future__ import annotations

import pytest

from readsite import normalise as n
from readsite.normalise.furniture import furniture_rule

BODY = " ".join(["The company announced a new data center in Tennessee on Monday."] * 6)
LEDE = ("Harbor Freight Lines said on Tuesday it would buy twelve electric trucks for its "
        "port routes, the first such order in the region.")


def dropped(result: n.Normalised) -> dict[str, str]:
    """Dropped line → the rule that dropped it."""
    return {t.text: t.rule for t in result.trace if t.action == "dropped"}


@pytest.mark.parametrize(("line", "rule"), [
    ("Forwarded this email? Sign up here for the next one.", "email-footer"),
    ("You are receiving this because you signed up for Metro Minutes. Unsubscribe",
     "email-footer"),
    ("Update your preferences | Unsubscribe", "email-footer"),
    ("View this email in your browser", "email-footer"),
    ("Presented by Lakeside Savings Bank", "sponsor-line"),
    ("This episode is sponsored by Brewline coffee. Use code BREW for 20% off.", "sponsor-line"),
    ("Ferries wait at the pier before dawn. Photo: Ana Ruiz for the Courier", "caption-credit"),
    ("A farmer checks the vines in July.Credit: Leo Marsh/Delta Times", "caption-credit"),
    ("Ducks on the frozen pond at sunrise. (Petra Holm)", "caption-credit"),
    ("1.2K likes · 48 comments", "counter"),
    ("Tens of thousands of paid subscribers", "counter"),
    ("Share: Facebook | X | Email", "share-bar"),
    ("Tags: zoning, housing, city council", "post-labels"),
    ("Filed under: Transport", "post-labels"),
    ("Got questions about the new rule? Contact our tax team.", "call-to-action"),
    ("Our Standards: The Harbor Wire Editorial Principles.", "standards-link"),
    ("SOURCE Acme Widgets Corp.", "wire-source-line"),
    ("This client alert is provided for informational purposes only and does not constitute "
     "legal advice.", "legal-notice"),
    ("ATTORNEY ADVERTISING. Prior results do not guarantee a similar outcome.", "legal-notice"),
    ("When you buy through links on our site, we may earn an affiliate commission.",
     "legal-notice"),
    ("This press release contains forward-looking statements within the meaning of the "
     "Securities Act, which involve risks and uncertainties.", "forward-looking"),
])
def test_furniture_line_is_dropped_with_its_rule(line: str, rule: str) -> None:
    found = furniture_rule(line)
    assert found is not None and found.name == rule
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{line}\n\n{BODY}")
    assert line not in result.body
    assert dropped(result)[line] == rule


@pytest.mark.parametrize("line", [
    "Sponsored by the state's two senators, the bill would cap rents at 5 percent a year.",
    "Presented by the mayor on Monday, the plan was approved within the hour.",
    "Unsubscribing from the plan costs members a fee of $40, the union said.",
    "Thousands of paid subscribers left the service after the price rise in March.",
    "The county said the data is for informational purposes only, and planners will use it.",
    "Share prices fell 4 percent after the announcement.",
    "If you buy a heat pump this year, you may earn a tax credit of up to $2,000.",
    "Unsubscribe rates rose 4 percent after the redesign, the company said.",
    "Forwarded this week to the council, the report recommends closing two branches.",
    "SOURCE OF THE LEAK FOUND",
    "\"We will not back down.\" (Jane Smith)",
    "The information was used for planning purposes, the county said.",
    "The update does not create a new relationship between the two agencies, officials said.",
    "Photographs taken by the crew show the damage to the hull.",
    "Have you seen the new bridge yet? Most commuters have not.",
    "The source of the leak, officials said, was a cracked valve.",
    "Our standards for water quality are among the strictest in the country, the mayor said.",
])
def test_near_misses_stay(line: str) -> None:
    assert furniture_rule(line) is None
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{line}\n\n{BODY}")
    assert line.casefold() in result.body.casefold()  # an ALL-CAPS line may become a heading


PRESS = ("Acme Widgets to Build a Plant in Dayton\n\n"
         "DAYTON, Ohio, March 3, 2025 /PR Newswire/ -- Acme Widgets, Inc. today announced a "
         "new plant that will employ 300 people by 2027.\n\n" + BODY + "\n\n")


def test_press_release_about_tail_runs_to_the_end() -> None:
    tail = ("About Acme Widgets\n\nAcme Widgets, Inc. makes fasteners for the aerospace "
            "industry. Founded in 1988, it is headquartered in Dayton.\n\nMedia Contact:\n\n"
            "Jane Roe\n\npress@acme.example\n\n937-555-0100\n\nSOURCE Acme Widgets, Inc.")
    result = n.normalise(PRESS + tail)
    assert "About Acme" not in result.body and "fasteners" not in result.body
    assert "937-555-0100" not in result.body
    assert dropped(result)["Jane Roe"] == "press-release-tail"
    assert result.source == "PR Newswire"
    assert "today announced a new plant" in result.body


def test_contact_block_alone_is_a_tail() -> None:
    result = n.normalise(PRESS + "Media contacts\n\nJane Roe, press@acme.example\n\n937-555-0100")
    assert "Jane Roe" not in result.body
    assert dropped(result)["Media contacts"] == "press-release-tail"


@pytest.mark.parametrize("line", ["About 40 people attended.", "About the Budget"])
def test_about_line_that_opens_no_boilerplate_stays(line: str) -> None:
    after = "The council spent the evening on the budget, which grows by 3 percent this year."
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{line}\n\n{after}")
    assert line in result.body and after in result.body


def test_about_section_longer_than_the_story_stays() -> None:
    about = "Acme Widgets was founded in 1988. " + BODY
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\nAbout Acme\n\n{about}\n\n{BODY}")
    assert "About Acme" in result.body


def test_news_provided_by_and_its_company_line_go() -> None:
    raw = f"A Proper Headline Here\n\nNews provided by\n\nAcme Widgets, Inc.\n\n{BODY}"
    result = n.normalise(raw)
    assert "Acme Widgets" not in result.body
    assert dropped(result)["Acme Widgets, Inc."] == "wire-source-line"


def test_bare_counters_go_only_beside_chrome() -> None:
    raw = f"A Proper Headline Here\n\nShare\n\n38\n\n6\n\n{BODY}\n\n{LEDE}\n\n1998\n\n{BODY}"
    result = n.normalise(raw)
    assert dropped(result)["38"] == "counter" and dropped(result)["6"] == "counter"
    assert "\n1998\n" in f"\n{result.body}\n"


def test_feed_footer_with_links_goes() -> None:
    raw = (f"{BODY}\n\nThe post [Sourdough basics](https://a.example/p) appeared first on "
           "[Crumb Notes](https://a.example).\n")
    result = n.normalise_markdown(raw)
    assert "appeared first" not in result.body
    assert any(t.rule == "feed-footer" for t in result.trace)


@pytest.mark.parametrize("teaser", [
    "**SEE MORE**: [Ferry crews walk out over winter rota](https://a.example/ferry)",
    "**Read more:** [Ferry crews walk out over winter rota](/ferry) (video)",
    "*Related*: [Ferry crews walk out](https://a.example/ferry)",
])
def test_read_also_teaser_written_in_markdown_goes(teaser: str) -> None:
    """A saved page's "Read more: <headline>" teaser comes out of the extractor as Markdown
    (a bold label, a link), which only the plain-text rule knew; it stayed in the story."""
    result = n.normalise_markdown(f"{BODY}\n\n{teaser}\n\n{BODY}")
    assert "Ferry crews" not in result.body
    assert any(t.rule == "read-more-link" for t in result.trace)


def test_read_more_sentence_with_a_link_in_markdown_stays() -> None:
    line = ("**Read more:** [the council's report](https://a.example/r) explains why the ferry "
            "lost money every winter for ten years.")
    assert "the council's report" in n.normalise_markdown(f"{BODY}\n\n{line}\n\n{BODY}").body


def test_newsletter_issue_title_is_its_first_section() -> None:
    raw = ("Metro Minutes\nGood morning. Two stories today, and both are about buses.\n"
           "In today's newsletter:\n🚌 The night bus pilot\n💶 Fares go up in May\n"
           "March 4, 2025\nThe night bus pilot\n" + BODY + "\nFares go up in May\n" + BODY)
    result = n.normalise(raw)
    assert result.title == "The night bus pilot"
    assert result.source == "Metro Minutes"
    assert result.date is not None and result.date.isoformat() == "2025-03-04"
    assert result.body.startswith("Good morning. Two stories today")
    assert "## Fares go up in May" in result.body


def test_caption_with_a_bracketed_source() -> None:
    line = "A row of server racks in a data center. (Source: Unsplash)"
    assert n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{line}\n\n{BODY}").body.count(
        "Unsplash") == 0


SELECT_ALL = ("Skip to main content\nMenu\nSearch\nSign in\nThe Harbor Courier\nNews\nSport\n"
              "Business\nWhat's On\nJobs\nLocal News\n"
              "Residents fight plan to close the last public toilets on the seafront\n"
              "By Jane Doe\nLocal Democracy Reporter\nPublished 09:14, Tuesday 4 March 2025\n"
              "Share\nFacebook\nX\nEmail\n"
              "The Quay Street toilet block has been open since 1962 (Photo: Ana Ruiz)\n" + BODY)


def test_site_menu_is_dropped_and_names_the_outlet() -> None:
    result = n.normalise(SELECT_ALL)
    assert result.source == "The Harbor Courier"
    assert result.title.startswith("Residents fight plan")
    assert result.author == "Jane Doe" and str(result.date) == "2025-03-04"
    assert dropped(result)["What's On"] == "site-menu"
    assert dropped(result)["Local Democracy Reporter"] == "byline"
    assert "Quay Street" not in result.body and "Sport" not in result.body


def test_short_lines_without_a_header_below_are_not_a_menu() -> None:
    raw = f"Packing List\nTent\nStove\nRope\nWater Filter\n{BODY}\n\n{LEDE}"
    result = n.normalise(raw)
    assert "Water Filter" in result.body and "site-menu" not in dropped(result).values()


def test_cookie_consent_banner_on_top() -> None:
    raw = ("We value your privacy\nWe and our 143 partners store and access information on your "
           "device, such as cookies, and process personal data to personalise ads.\nAccept all\n"
           "Reject all\nManage preferences\n\nFenmoor Evening Post\nLibraries to open on Sundays "
           f"for the first time\nBy Gwen Alcott\nThursday 15 May 2025\n\n{BODY}\n\n{LEDE}")
    result = n.normalise(raw)
    assert result.title == "Libraries to open on Sundays for the first time"
    assert result.source == "Fenmoor Evening Post" and result.author == "Gwen Alcott"
    assert "partners" not in result.body and "Accept" not in result.body


def test_author_box_under_a_closing_written_by_line() -> None:
    raw = (f"A Proper Headline Here\n\n{BODY}\n\n{LEDE}\n\nWritten by Rahel Dessie\n"
           "1.9K Followers\nOperations lead. Writing about tools that keep teams running.\n"
           "Follow\nMore from Rahel Dessie\nAnother post title")
    result = n.normalise(raw)
    assert "Operations lead" not in result.body and "Another post" not in result.body
    assert dropped(result)["Operations lead. Writing about tools that keep teams running."] == (
        "author-box-bio")


def test_a_paragraph_after_a_written_by_line_is_no_author_box() -> None:
    after = ("The team behind the spreadsheet has since moved on, and the database is now "
             "maintained by the finance office, which added reporting for the annual audit.")
    raw = f"A Proper Headline Here\n\n{BODY}\n\n{LEDE}\n\nWritten by Rahel Dessie\n\n{after}"
    assert after in n.normalise(raw).body


def test_release_contact_line_and_about_section_name_the_source() -> None:
    raw = ("Bees learn to avoid treated flowers, study finds\nApril 7, 2025\n"
           "Media contact: Joanna Reyes, jreyes@calder.example, +1 555 0142 7788\n\n"
           f"{BODY}\n\n{LEDE}\n\nAbout Calder University\nCalder University is a public "
           "research university founded in 1891.")
    result = n.normalise(raw)
    assert "jreyes" not in result.body and "founded in 1891" not in result.body
    assert result.source == "Calder University"


def test_counters_under_the_date_in_a_post_header() -> None:
    raw = f"A Proper Headline Here\nJane Doe\nFeb 18, 2025\n1.2K\n14\n\n{BODY}\n\n{LEDE}"
    result = n.normalise(raw)
    assert dropped(result)["1.2K"] == "counter" and dropped(result)["14"] == "counter"

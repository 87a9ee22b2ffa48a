"""Body structure rules: headings, flattened lists, the dek, citation markers, a cut-off end."""

from __future__ import annotations

from readsite import normalise as n

BODY = ("The company announced a new data center in Tennessee on Monday, its third this year, "
        "and said it would rent all of its capacity to a single customer for five years.")
MORE = "Analysts said the deal changes how investors see the company ahead of its IPO."


def headings(body: str) -> list[str]:
    """The `## ` headings of a body."""
    return [line[3:] for line in body.split("\n") if line.startswith("## ")]


def test_all_caps_line_becomes_a_title_cased_heading() -> None:
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\nWHAT THE DEAL MEANS\n\n{MORE}")
    assert headings(result.body) == ["What the Deal Means"]


def test_dates_icon_labels_and_one_word_labels_are_never_headings() -> None:
    raw = (f"A Proper Headline Here\n\n{BODY}\n\nMarch 3, 2025\n\n{MORE}\n\nMemphis\n\n{MORE}"
           f"\n\nAI Assisted Icon\n\n{MORE}")
    assert headings(n.normalise(raw).body) == []


def test_is_section_heading() -> None:
    assert n.is_section_heading("The Broader Implications for AI")
    assert not n.is_section_heading("Memphis")
    assert not n.is_section_heading("March 3, 2025")
    assert not n.is_section_heading("Share Icon")


def test_flattened_list_under_a_colon_is_restored() -> None:
    raw = (f"A Proper Headline Here\n\n{BODY}\n\nThe deal includes three parts:\n\n"
           "All of Colossus 1\n\nA five-year term\n\nAn option on Colossus 2\n\n" + MORE)
    body = n.normalise(raw).body
    assert "- All of Colossus 1\n- A five-year term\n- An option on Colossus 2" in body
    assert headings(body) == []


def test_bullet_glyph_lines_are_restored() -> None:
    raw = f"A Proper Headline Here\n\n{BODY}\n\n\u2022 One point\n\u2022 *Two* points\n\n{MORE}"
    assert "- One point\n- \\*Two\\* points" in n.normalise(raw).body


def test_short_lines_without_a_colon_stay_paragraphs() -> None:
    raw = (f"A Proper Headline Here\n\n{BODY}\n\nHe said no.\n\nShe said yes.\n\n"
           f"They left.\n\n{MORE}")
    assert "- " not in n.normalise(raw).body


def test_dek_is_the_summary_and_not_repeated_in_the_body() -> None:
    dek = "xAI is renting out its biggest data center."
    raw = f"A Proper Headline Here\n\n{dek}\n\n{dek}\n\n{BODY}\n\n{MORE}"
    result = n.normalise(raw)
    assert result.summary == dek
    assert dek not in result.body
    assert any(t.rule == "repeated-dek" for t in result.trace)


def test_citation_markers_are_removed_from_sentence_ends() -> None:
    assert n.strip_citation_markers("for deployment.463 The next") == "for deployment. The next"
    assert n.strip_citation_markers("ended.[12]") == "ended."
    assert n.strip_citation_markers("version 2.0.1 ships") == "version 2.0.1 ships"
    assert n.strip_citation_markers("It ranked No.1 Apple said") == "It ranked No.1 Apple said"
    result = n.normalise(f"A Proper Headline Here\n\nReady for deployment.463 {BODY}")
    assert "deployment. The company" in result.body
    assert any(t.rule == "citation-marker" and t.action == "changed" for t in result.trace)


def test_cut_off_half_sentence_is_dropped_and_traced() -> None:
    cut = "Furthermore, he noted the environmental lawsuit the company is currently facing"
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{MORE} {cut}")
    assert result.body.endswith("ahead of its IPO.")
    assert any(t.rule == "cut-off" and t.text == cut for t in result.trace)


def test_finished_or_short_endings_are_kept() -> None:
    for ending in ("Thanks for reading", "See https://example.org/a-long-report-on-this",
                   "What happens next is anyone's guess."):
        assert n.cut_off_tail(ending) == ""


def test_sentence_case_heading_between_paragraphs() -> None:
    raw = f"A Proper Headline Here\n\n{BODY}\n\nWhat went wrong\n\n{BODY}\n\n{MORE}"
    assert headings(n.normalise(raw).body) == ["What went wrong"]


def test_short_line_before_a_short_paragraph_is_not_a_heading() -> None:
    raw = f"A Proper Headline Here\n\n{BODY}\n\nHe did not answer\n\n{MORE}"
    assert headings(n.normalise(raw).body) == []


def test_dek_without_a_full_stop_above_the_byline() -> None:
    dek = "Five years on, the rebate worked better than anyone expected"
    raw = f"The Town That Paid People to Rip Out Lawns\n{dek}\nBy Jane Doe\n\n{BODY}"
    result = n.normalise(raw)
    assert result.summary == dek and dek not in result.body


def test_short_title_case_line_without_full_stop_is_not_a_dek() -> None:
    result = n.normalise(f"The Town That Paid People\nWhat The Rebate Did Next\n\n{BODY}\n\n{MORE}")
    assert result.summary != "What The Rebate Did Next"


def test_opening_paragraph_below_the_byline_is_not_a_dek() -> None:
    lede = "The Faroes have a reputation for fog. Plan for the clouds to come and go."
    result = n.normalise(f"Five Short Hikes in the Faroes\nBy Jane Doe\n\n{lede}\n\n{BODY}")
    assert lede in result.body


def test_list_ends_where_the_spacing_grows() -> None:
    raw = (f"A Proper Headline Here\n\n{BODY}\n\nWe recommend four steps:\nReview the templates\n"
           f"Replace the clauses\nUpdate the offer letters\n\nRemedies\n\n{BODY}")
    result = n.normalise(raw)
    assert "- Update the offer letters" in result.body and "- Remedies" not in result.body


def test_one_word_heading_in_a_body_with_headings() -> None:
    raw = f"A Proper Headline Here\n\n{BODY}\n\nWho Is Covered\n\n{BODY}\n\nRemedies\n\n{BODY}"
    assert "## Remedies" in n.normalise(raw).body
    alone = f"A Proper Headline Here\n\n{BODY}\n\nRemedies\n\n{BODY}"
    assert "## Remedies" not in n.normalise(alone).body


def test_wire_credits_line_is_not_joined_to_the_next() -> None:
    raw = (f"A Proper Headline Here\n\n{BODY}\n\nReporting by Ana Gil in Lisbon and Rui Costa in "
           "Porto; Editing by Mia Wong\nOur Standards: The Harbor Wire Principles.")
    result = n.normalise(raw)
    assert "Our Standards" not in result.body
    assert result.author == "Ana Gil, Rui Costa"  # the credits line, on its own, names them


def test_a_scoreline_opening_the_body_is_not_a_heading() -> None:
    raw = (f"Ten-man Brackley snatch derby win\nBy Jane Doe\n\n"
           f"Brackley Town 2 Ashmoor United 1\n\n{BODY}")
    result = n.normalise(raw)
    assert "## Brackley" not in result.body and "Brackley Town 2 Ashmoor United 1" in result.body
    assert result.summary != "Brackley Town 2 Ashmoor United 1"  # a label is never the summary


def test_two_sentence_headline_above_a_byline() -> None:
    raw = f"Rates rise again. Markets shrug.\nBy Jane Doe\n\n{BODY}\n\n{MORE}"
    assert n.normalise(raw).title == "Rates rise again. Markets shrug."
    assert n.normalise(f"Rates rise again. Markets shrug.\n\n{BODY}").title_generated


def test_bracketed_reference_marks_are_removed() -> None:
    assert n.strip_citation_markers("Rates rose.[12] Markets fell [3][4] sharply.[5]") == (
        "Rates rose. Markets fell sharply.")
    assert n.strip_citation_markers("He said [laughs] no.") == "He said [laughs] no."

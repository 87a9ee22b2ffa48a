"""Unit tests for the rules added for the held-out sets' kinds of misses (tagline outlets,
masthead bars, weekday-led dates, comment counters, credit bylines, reader appeals)."""

from __future__ import annotations

import datetime as dt

from readsite.normalise import is_tail_marker, line_rule, normalise, parse_byline, parse_date
from readsite.normalise.blocks import Block
from readsite.normalise.header import in_masthead_bar
from readsite.normalise.linerules import is_menu_row
from readsite.normalise.metadata import parse_header_fields
from readsite.normalise.tagline import is_tagline, site_tagline


def test_weekday_led_dates_in_other_languages() -> None:
    assert parse_date("Miércoles, 11 de marzo de 2026") == dt.date(2026, 3, 11)
    assert parse_date("Donnerstag, 5. März 2026") == dt.date(2026, 3, 5)
    assert parse_date("mardi 3 mars 2026") == dt.date(2026, 3, 3)
    assert parse_date("Giovedì 12 marzo 2026") == dt.date(2026, 3, 12)


def test_comment_counters_in_other_languages_are_tail_markers() -> None:
    for line in ("Comentarios (8)", "Kommentare (3)", "Commentaires (12)", "12 comentarios"):
        assert is_tail_marker(line), line
    assert not is_tail_marker("Comentarios de los vecinos sobre el mercado")


def test_a_comment_count_field_is_never_the_outlet() -> None:
    fields = parse_header_fields("March 2, 2026 · Ansel Whitcombe · 4 Comments", frozenset())
    assert fields == [("date", dt.date(2026, 3, 2)), ("author", "Ansel Whitcombe")]


def test_credit_bylines_and_review_credits() -> None:
    assert parse_byline("Words and photos by Rosalind Achterberg") == ("Rosalind Achterberg", None)
    assert parse_byline("Text & pictures by Ana Gil") == ("Ana Gil", None)
    rule = line_rule("Medically reviewed by Dr. Lena Ortiz, MD")
    assert rule is not None and rule.name == "review-credit"
    assert line_rule("Reviewed by Jane Doe") is None  # a review's own byline
    assert line_rule("Checked by the council in 2020, the bridge was found safe.") is None


def test_reader_appeals_and_app_promotions_are_notices() -> None:
    for line in ("Get the Courier app for breaking news alerts. Download now",
                 "Descarga nuestra app",
                 "Support independent journalism. If our work matters to you, donate today.",
                 "Sign up for the Harbour weekly",
                 "You've read 3 of your 5 free articles this month.",
                 "Ledgerly does your invoices for you. Try it free for 30 days."):
        rule = line_rule(line)
        assert rule is not None and rule.name == "notice", line
    for line in ("The council will get the app running by June, the mayor said.",
                 "Support for the plan has grown among local news editors."):
        assert line_rule(line) is None, line


def test_a_menu_pasted_as_one_row() -> None:
    assert is_menu_row("Home   About   Projects   Contact")
    assert not is_menu_row("Name   Age   City")
    assert not is_menu_row("Home and away: the season so far")


def test_site_name_over_tagline_is_the_outlet_and_the_tagline_goes() -> None:
    assert is_tagline("a blog about hand tools, sawdust and patience")
    assert is_tagline("Independent news for the Osier Valley")
    assert not is_tagline("Local news for the valley is dying. Here is why.")
    blocks = [Block("quiet workbench", line=1), Block("a blog about hand tools", line=2),
              Block("What a hundred bad dovetails taught me", line=4),
              Block("By Ansel Whitcombe", line=5)]
    kept, name, traces = site_tagline(blocks)
    assert name == "quiet workbench"
    assert [b.text for b in kept] == ["What a hundred bad dovetails taught me",
                                      "By Ansel Whitcombe"]
    assert [t.rule for t in traces] == ["tagline-name", "site-tagline"]


def test_a_tagline_shaped_headline_is_kept_when_no_other_headline_stands_below() -> None:
    blocks = [Block("Media", line=1), Block("Local news for small towns is shrinking", line=2),
              Block("By Ana Gil", line=3)]
    assert site_tagline(blocks) == (blocks, "", [])


def test_masthead_bar_needs_chrome_beside_it_and_a_name() -> None:
    assert in_masthead_bar(Block("Mirador Norte", line=3), {4})
    assert not in_masthead_bar(Block("Mirador Norte", line=3), {7})
    assert not in_masthead_bar(Block("OPINIÓN", line=3), {4})
    assert not in_masthead_bar(Block("Politics", line=3), {2})


def test_pasted_spanish_column_end_to_end() -> None:
    result = normalise("Descarga nuestra app\nMirador Norte\nSuscríbete\nOPINIÓN\n"
                       "Los mercados vuelven a llenarse los sábados\nTomás Irigoyen\n"
                       "Economista y columnista invitado\nMiércoles, 11 de marzo de 2026\n"
                       + "Hace diez años parecía que los mercados de abastos iban a desaparecer "
                       "de los barrios, uno tras otro, sin que nadie lo lamentara demasiado.\n"
                       * 2 + "Comentarios (8)\n")
    assert result.title == "Los mercados vuelven a llenarse los sábados"
    assert result.source == "Mirador Norte"
    assert result.date == dt.date(2026, 3, 11)
    assert "Comentarios" not in result.body

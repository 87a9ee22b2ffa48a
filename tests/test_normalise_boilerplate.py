"""Boilerplate rules: each kind of page chrome is dropped, traced, and real sentences stay."""

from __future__ import annotations

import pytest

from readsite import normalise as n

BODY = " ".join(["The company announced a new data center in Tennessee on Monday."] * 6)


def dropped(result: n.Normalised) -> dict[str, str]:
    """Dropped line → the rule that dropped it."""
    return {t.text: t.rule for t in result.trace if t.action == "dropped"}


@pytest.mark.parametrize(("line", "rule"), [
    ("Share on Facebook", "page-chrome"),
    ("Copy link", "page-chrome"),
    ("Sign up for our daily newsletter", "notice"),
    ("Subscribe now to get unlimited access", "notice"),
    ("We use cookies to improve your experience.", "notice"),
    ("This article is for subscribers only", "notice"),
    ("Jetzt abonnieren", "notice"),
    ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", "notice"),
    ("Newsletter abonnieren", "notice"),
    ("Abonnez-vous à notre newsletter", "notice"),
    ("Nous utilisons des cookies pour améliorer votre expérience.", "notice"),
    ("Cet article est réservé aux abonnés", "notice"),
    ("Suscríbete a nuestro boletín", "notice"),
    ("Utilizamos cookies propias y de terceros.", "notice"),
    ("Also read: How xAI built Colossus in 122 days", "read-more-link"),
    ("Read more: The neocloud boom, explained", "read-more-link"),
    ("Lesen Sie auch: Die KI-Blase", "read-more-link"),
    ("À lire aussi : la bulle de l'IA", "read-more-link"),
    ("Photo: Getty Images", "image-credit"),
    ("Image credit: Anthropic", "image-credit"),
    ("Source: Unsplash", "image-credit"),
    ("Elon Musk at an event in 2024. (Photo by Jane Doe/Getty Images)", "image-credit"),
    ("3 / 12", "navigation"),
    ("Home > Tech > AI", "navigation"),
    ("Next article", "navigation"),
    ("AI Assisted Icon", "icon-label"),
    ("Disclaimer: This is not investment advice.", "disclaimer"),
    ("This article was generated with the help of AI and reviewed by an editor.", "disclaimer"),
    ("© 2026 Example Media. All rights reserved.", "disclaimer"),
    ("8 hours ago", "relative-date"),
    ("vor 2 Stunden", "relative-date"),
    ("Scroll to Top", "page-chrome"),
])
def test_chrome_line_is_dropped_with_its_rule(line: str, rule: str) -> None:
    assert n.line_rule(line) is not None and n.line_rule(line).name == rule  # type: ignore[union-attr]
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{line}\n\n{BODY}")
    assert line not in result.body
    assert dropped(result)[line] == rule


@pytest.mark.parametrize("line", [
    "Sharing compute is the new business.",
    "The company said it would subscribe to the new standard next year.",
    "Cookies are a small part of the problem, the researchers said.",
    "Big picture: the neocloud market is growing fast.",
    "Photographers were not allowed into the data center.",
    "The next article in the series looks at the deal from Anthropic's side, in detail.",
    "Read the full filing, which runs to 400 pages, before drawing conclusions.",
])
def test_real_sentences_are_never_chrome(line: str) -> None:
    assert n.line_rule(line) is None
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{line}\n\n{BODY}")
    assert line in result.body


@pytest.mark.parametrize("marker", [
    "Related articles", "More from The Verge", "Recommended", "Mehr zum Thema",
    "Sur le même sujet", "Noticias relacionadas",
])
def test_related_tail_is_dropped_even_when_it_is_paragraphs(marker: str) -> None:
    teaser = "Fika Jobs, a Stockholm-based startup, secured $4 million in pre-seed funding."
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{marker}\n\nOther Story\n\n{teaser}")
    assert teaser not in result.body and "Other Story" not in result.body
    assert dropped(result)[teaser] == "related-tail"


def test_newsletter_menu_is_dropped() -> None:
    raw = ("A Proper Headline Here\n\nIn today's newsletter:\n\nxAI sells compute\n\n"
           "Anthropic's new model\n\nThe IPO calendar\n\n" + BODY)
    result = n.normalise(raw)
    assert "IPO calendar" not in result.body
    assert dropped(result)["The IPO calendar"] == "newsletter-menu"
    assert result.body.startswith("The company announced")


@pytest.mark.parametrize(("line", "rule"), [
    ("Get unlimited digital access for $2 a week.", "notice"),
    ("Continue reading on The Harbor Post", "notice"),
    ("Story continues below advertisement", "notice"),
    ("Article réservé aux abonnés", "notice"),
    ("Newsletter abonnieren: Das Wichtigste aus der Stadt jeden Abend.", "notice"),
    ("Jetzt kommentieren", "notice"),
    ("Read time", "read-time"),
    ("Lesezeit", "read-time"),
])
def test_paywall_ad_and_label_notices(line: str, rule: str) -> None:
    found = n.line_rule(line)
    assert found is not None and found.name == rule
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{line}\n\n{BODY}")
    assert dropped(result)[line] == rule


@pytest.mark.parametrize("line", [
    "Get the kids to school early on Monday, the district said, because of the roadworks.",
    "Continue reading the report and you find a different story.",
    "The story continues to unfold in the courts, where three cases are pending.",
    "Read time is scarce for commuters, the survey found, and podcasts fill the gap.",
])
def test_near_miss_notices_stay(line: str) -> None:
    assert n.line_rule(line) is None


def test_more_episodes_ends_a_podcast_page() -> None:
    raw = f"A Proper Headline Here\n\n{BODY}\n\nMore episodes\n\nEp. 12 — Night buses"
    result = n.normalise(raw)
    assert "Night buses" not in result.body
    assert dropped(result)["Ep. 12 — Night buses"] == "related-tail"


@pytest.mark.parametrize(("line", "rule"), [
    ("Read time 9 min", "read-time"),
    ("Like this:", "page-chrome"),
    ("Open in app", "page-chrome"),
    ("We and our 143 partners store and access information on your device, such as cookies.",
     "notice"),
    ("Accept all", "page-chrome"),
    ("Questo sito utilizza cookie tecnici e di profilazione.", "notice"),
    ("Leggi anche: Il nuovo parcheggio apre a giugno", "read-more-link"),
])
def test_more_chrome_lines(line: str, rule: str) -> None:
    found = n.line_rule(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize("line", [
    "We and our neighbours spent the winter fixing the roof.",
    "Accept all the blame, the coach told his players after the match.",
    "Write to your councillor before the vote on Tuesday, campaigners urged.",
    "Get full access to the park through the east gate, rangers advise.",
])
def test_more_near_misses(line: str) -> None:
    assert n.line_rule(line) is None

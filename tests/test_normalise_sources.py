"""The outlet (source) of pasted pages: skip links, wire companies, repeated names; dates."""

from __future__ import annotations

import datetime as dt

import pytest

from readsite.normalise import normalise
from readsite.normalise.dates import parse_date
from readsite.normalise.masthead import is_publication, named_tail, wire_company

HEAD = "Harbour authority approves new ferry terminal after two years of public hearings"
P1 = ("The port board voted six to one on Tuesday to approve the terminal, which will replace "
      "the ageing pier on the east side of the harbour by the end of next year.")
P2 = ("Residents who opposed the plan said they would keep pressing for limits on night "
      "crossings, while the operator promised quieter engines and a smaller car deck.")


@pytest.mark.parametrize("skip", ["Skip to content", "Zum Inhalt springen", "Aller au contenu",
                                  "Ir al contenido", "Vai al contenuto"])
def test_skip_link_is_never_the_outlet(skip: str) -> None:
    page = normalise(f"{skip}\nThe Harbour Courier\nHome\nNews\nSport\n{HEAD}\n"
                     f"March 3, 2026\n{P1}\n{P2}\n")
    assert page.source == "The Harbour Courier"
    assert skip not in page.body and P1 in page.body and P2 in page.body
    assert any(t.rule == "navigation" and t.text == skip for t in page.trace)


@pytest.mark.parametrize("word", ["Archive", "Archives", "Menu", "Home", "Startseite",
                                  "Accueil", "Inicio"])
def test_nav_word_is_not_a_publication(word: str) -> None:
    assert not is_publication(word, [word, f"© 2026 {word}"])


@pytest.mark.parametrize("text,date", [
    ("Stand: 18.02.2026", dt.date(2026, 2, 18)),
    ("18.02.2026, 14:05 Uhr", dt.date(2026, 2, 18)),
    ("12 de marzo de 2026", dt.date(2026, 3, 12)),
    ("12 de março de 2026", dt.date(2026, 3, 12)),
    ("3 de maio de 2026", dt.date(2026, 5, 3)),
])
def test_more_date_forms(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["31.02.2026", "Version 18.02.2026 released", "1.2.3",
                                  "18.02.26", "Am 18.02.2026 stieg der Kurs."])
def test_date_near_misses(text: str) -> None:
    assert parse_date(text) is None


def test_wire_company_is_the_source() -> None:
    page = normalise(f"{HEAD}\nNEWS PROVIDED BY\nBrightline Marine Ltd\nMar 3, 2026, 09:00 ET\n"
                     f"{P1}\n{P2}\nSOURCE Brightline Marine Ltd\n")
    assert page.source == "Brightline Marine Ltd"
    assert any(t.rule == "wire-company" for t in page.trace)
    assert P1 in page.body and P2 in page.body


def test_wire_company_near_misses() -> None:
    assert wire_company([(1, "Source: our own reporting.")]) is None
    assert wire_company([(1, "SOURCE")]) is None
    assert wire_company([(1, "News provided by"), (2, "the city, which said more.")]) is None
    assert wire_company([(1, "News provided by Acme Corp")]) is not None


@pytest.mark.parametrize("line,name", [
    ("Ruhrkurier ist ein Angebot von Funkhaus Medien GmbH", "Ruhrkurier"),
    ("Subscribe to The Quiet Ledger", "The Quiet Ledger"),
    ("The Quiet Ledger newsletter", "The Quiet Ledger"),
])
def test_named_tail(line: str, name: str) -> None:
    found = named_tail([(9, line)])
    assert found is not None and found[0] == name and found[1].rule == "named-tail"


@pytest.mark.parametrize("lines", [
    ["More from Jane Doe"],  # an author's page, once: not an outlet
    ["Subscribe to our newsletter"],
    ["Our newsletter"],
    ["Subscribe to News"],
    ["Subscribe to updates. We never share your address."],
])
def test_named_tail_near_misses(lines: list[str]) -> None:
    assert named_tail(list(enumerate(lines, 1))) is None


def test_more_from_twice_names_the_outlet() -> None:
    found = named_tail([(8, "More from Jornal Atlântico"), (9, "Jornal Atlântico newsletter")])
    assert found is not None and found[0] == "Jornal Atlântico"


def test_medically_reviewed_is_not_the_author() -> None:
    page = normalise(f"{HEAD}\nMedically reviewed by Dr. Jan Vos\nWritten by Mia Lind\n"
                     f"March 3, 2026\n{P1}\n{P2}\n")
    assert "Jan Vos" not in " ".join(page.author)

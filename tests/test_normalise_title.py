"""Title rules: section labels, stray headlines, repeats, and an honest generated title."""

from __future__ import annotations

from readsite import normalise as n

BODY = ("The company announced a new data center in Tennessee on Monday, its third this year, "
        "and said it would rent all of its capacity to a single customer for five years.")
MORE = "Analysts said the deal changes how investors see the company ahead of its IPO."


def rules(result: n.Normalised) -> dict[str, str]:
    """Trace text → rule."""
    return {t.text: t.rule for t in result.trace}


def test_section_label_above_the_headline_is_dropped() -> None:
    raw = f"Memphis\n\nxAI Sells Colossus Capacity to Anthropic\n\nBy Jane Doe\n\n{BODY}"
    result = n.normalise(raw)
    assert result.title == "xAI Sells Colossus Capacity to Anthropic"
    assert "Memphis" not in result.body
    assert rules(result)["Memphis"] == "section-label"
    assert not result.title_generated


def test_a_short_real_title_is_not_a_section_label() -> None:
    result = n.normalise("Is xAI a neocloud now?\nIS XAI TRANSFORMING INTO A NEOCLOUD?\n" + BODY)
    assert result.title == "Is xAI a neocloud now?"
    result = n.normalise(f"Neocloud\n\nWhy xAI Rents Out Its Compute\n\n{BODY}")
    assert result.title == "Neocloud"  # no header: title, then a heading


def test_byline_above_the_headline() -> None:
    result = n.normalise(f"By Jane Doe\n\nA Proper Headline Here\n\n{BODY}\n\n{MORE}")
    assert (result.title, result.author) == ("A Proper Headline Here", "Jane Doe")


def test_repeated_title_is_dropped_and_traced() -> None:
    result = n.normalise(f"A Proper Headline Here\n\nA proper headline here\n\n{BODY}")
    assert "headline" not in result.body.casefold()
    assert rules(result)["A proper headline here"] == "repeated-title"


def test_another_articles_headline_above_the_real_one() -> None:
    raw = (f"Nvidia Posts Record Quarter on AI Demand\n\nxAI Sells Colossus Capacity\n\n"
           f"xAI Sells Colossus Capacity\n\nMarch 3, 2025\n\n{BODY}\n\n{MORE}")
    result = n.normalise(raw)
    assert result.title == "xAI Sells Colossus Capacity"
    assert "Nvidia" not in result.body and "Colossus Capacity" not in result.body
    assert rules(result)["Nvidia Posts Record Quarter on AI Demand"] == "stray-headline"


def test_no_title_gives_a_short_honest_one_marked_generated() -> None:
    result = n.normalise(f"{BODY}\n\n{MORE}")
    assert result.title_generated
    assert len(result.title.split()) <= 12
    assert rules(result)[result.title] == "title-generated"
    assert result.body.startswith("The company announced")


def test_stated_title_is_not_generated() -> None:
    assert not n.normalise(f"A Proper Headline Here\n\n{BODY}").title_generated


def test_summary_is_never_the_title_again() -> None:
    result = n.normalise(f"A Proper Headline Here\n\n{BODY}\n\n{MORE}")
    assert result.summary != result.title
    assert result.summary.startswith("The company announced")


def test_four_labels_left_of_a_menu_stand_above_the_headline() -> None:
    """'Menu' and 'Search' go as navigation; the menu's last three items and the section
    label ("News" / "Sport" / "Business" / "Lokales") are four labels over the headline, and
    none of them is the title (a Hypothesis example on clip case 107)."""
    text = ("Menu\nSearch\nNews\nSport\nBusiness\nLokales\n\n"
            "Neue Elektrofähre soll ab Sommer über den See fahren\n\nVon Katrin Wendeler\n\n"
            "Dienstag, 3. März 2026, 14:05 Uhr\n\n"
            "Die Gemeinde hat am Montag den Vertrag für eine neue Elektrofähre unterschrieben, "
            "die ab Juli zwischen den beiden Ufern des Sees pendeln soll.\n\n"
            "Die alte Dieselfähre ist mehr als vierzig Jahre alt und fällt im Winter immer "
            "häufiger aus.\n")
    found = n.normalise(text)
    assert found.title == "Neue Elektrofähre soll ab Sommer über den See fahren"
    assert "Lokales" not in found.body and "Business" not in found.body


def test_labels_a_menu_leaves_above_the_outlet_line() -> None:
    """"News" / "Sport" left of a menu, then the outlet's line, then the headline: the
    outlet is still the outlet, and the labels are not the title (a Hypothesis example on
    clip case 108)."""
    text = ("Menu\nSearch\nNews\nSport\nLe Courrier des Monts\n\n"
            "Le vélo électrique séduit les villages de montagne\n\nPar Mathilde Arnoux\n\n"
            "Publié le 4 mars 2026 à 09h15\n\n"
            "Dans les villages de la vallée, les ventes de vélos à assistance électrique ont "
            "doublé en deux ans, selon les magasins de la région.\n\n"
            "La communauté de communes propose désormais une aide de 300 euros à l'achat.\n")
    found = n.normalise(text)
    assert found.title == "Le vélo électrique séduit les villages de montagne"
    assert found.source == "Le Courrier des Monts"
    assert "Sport" not in found.body

"""Ninth-round kinds (cases 140-159, and the shapes clip-train8 showed): a byline with the
writer's role beside the name, co-authors and "A y B" bylines, a photographer's credit on the
byline line, dates that read one way only ("03/03/2026", "14/05/2026"), dates and relative
times in Portuguese, Swedish, Polish and Dutch, numbered and mutually-vouching subheadings, a
teaser box between the story's paragraphs, newsletter and paywall pitches, a writer's e-mail
or handle line, captions credited in several languages, a menu under "Home", an app banner,
a consent notice, and the outlet's name as the page writes it.  Each rule has must-fire and
must-not-fire checks: precision first, so every shape is also shown on a real sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block
from readsite.normalise.byline import parse_byline
from readsite.normalise.captions import is_caption
from readsite.normalise.contacts import handle_rule
from readsite.normalise.dates import parse_date
from readsite.normalise.headings import mark_headings
from readsite.normalise.linerules import line_rule
from readsite.normalise.names import capitalises_nouns
from readsite.normalise.outletname import fuller_name, outlet_form, with_article, without_company
from readsite.normalise.pitches import pitch_rule
from readsite.normalise.rolelines import name_with_role
from readsite.normalise.sitemenu import strip_leading_sections
from readsite.normalise.subheads import mark_subheads
from readsite.normalise.tails import is_tail_marker
from readsite.normalise.teaserbox import box_end
from tests.test_normalise_clip_kinds8 import HEADLINE, STORY, blocks, page

PARAGRAPH = ("Engineers found last winter that storms had washed out the core of the wall along "
             "a 200-metre stretch of the seafront.")


def never(_: str) -> bool:
    return False


def test_new_rules_are_listed() -> None:
    for name in ("name-role", "numbered-subhead", "section-run", "teaser-box", "inbox-pitch",
                 "paywall-meter", "partner-note", "follow-us", "contact-handle", "outlet-form"):
        assert name in RULES and RULES[name].doc


# ------------------------------------------------------------------ bylines


@pytest.mark.parametrize(("line", "name"), [
    ("Marisol Quenby | Retail Correspondent", "Marisol Quenby"),
    ("Ana Ruiz, Senior Editor", "Ana Ruiz"),
    ("Sanne de Groot-Vermeulen | Reporter", "Sanne de Groot-Vermeulen"),
    ("Katrin Weber – Redakteurin Politik", "Katrin Weber"),
])
def test_name_with_role(line: str, name: str) -> None:
    assert name_with_role(line) == name
    assert normalise(page("The Harbour Gazette", f"{line}\n\n12 March 2026")).author == name


@pytest.mark.parametrize("line", ["Staff Writer", "Ana Ruiz, Reuters", "Jane Doe, Port Elgin",
                                  "Senior Editor | Markets", "The editor, Ana Ruiz, said no."])
def test_not_a_name_with_role(line: str) -> None:
    assert name_with_role(line) is None


@pytest.mark.parametrize(("line", "author"), [
    ("Por Mariana Celis y Óscar Ibarrola", "Mariana Celis y Óscar Ibarrola"),
    ("Text: Ana Gil, Rui Costa, Mia Wong", "Ana Gil, Rui Costa, Mia Wong"),
    ("Text: Elin Dahlgren Foto: Johan Wikström", "Elin Dahlgren"),
    ("Par Gwenaëlle Fournier | Le 3 mars 2026 à 14h05", "Gwenaëlle Fournier"),
])
def test_byline_shapes(line: str, author: str) -> None:
    found = parse_byline(line)
    assert found is not None and found[0] == author


def test_two_comma_names_are_neither_co_author_nor_outlet() -> None:
    result = normalise(page("", "By Jane Doe, Port Elgin\n\n12 March 2026"))
    assert result.author == "Jane Doe" and result.source != "Port Elgin"
    assert normalise(page("", "By Jane Doe, Harbour Gazette\n\n12 March 2026")).source == (
        "Harbour Gazette")


def test_name_over_a_role_in_another_language() -> None:
    result = normalise(page("", "Bartosz Wierzbicki\n\ndziennikarz"))
    assert result.author == "Bartosz Wierzbicki" and "dziennikarz" not in result.body
    assert normalise(page("", "Bartosz Wierzbicki\n\nspacer")).author != "Bartosz Wierzbicki"


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(("text", "date"), [
    ("03/03/2026 - 10:42", dt.date(2026, 3, 3)), ("14/05/2026", dt.date(2026, 5, 14)),
    ("03/14/2026", dt.date(2026, 3, 14)),
    ("Publicado em 12/02/2026 às 08h30", dt.date(2026, 2, 12)),
    ("Publicerad 2026-03-03 07.15", dt.date(2026, 3, 3)),
    ("3 marca 2026, 10:15", dt.date(2026, 3, 3)),
    ("Publiziert: 03.03.2026, 06:00 Uhr", dt.date(2026, 3, 3)),
    ("Gepubliceerd op 3 maart 2026 om 14:05", dt.date(2026, 3, 3)),
    ("tisdag 3 mars 2026 kl. 07.15", dt.date(2026, 3, 3)),
])
def test_dates_read(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["03/04/2026", "31/02/2026", "12 minut temu", "2 timmar sedan",
                                  "The 3 marca tram was late"])
def test_dates_not_read(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize("line", ["Atualizado há 2 horas", "Actualizado hace 3 horas",
                                  "2 timmar sedan", "12 minut temu", "1 godzinę temu",
                                  "2 uur geleden"])
def test_relative_times_are_dropped(line: str) -> None:
    assert line_rule(line) is not None
    assert line not in normalise(page("The Harbour Gazette", f"By Ann Reid\n\n{line}")).body


# ------------------------------------------------------------------ headings


def test_numbered_subheads_keep_their_numbers() -> None:
    text = (f"{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{PARAGRAPH}\n\n1. Start small\n\n"
            f"{PARAGRAPH}\n\n2. Automate it\n\n{PARAGRAPH}\n\nIt works.\n\n3. Tell someone\n\n"
            f"{PARAGRAPH}\n")
    body = normalise(text).body
    assert "## 1. Start small" in body and "## 3. Tell someone" in body
    assert "It works." in body.split("\n")


@pytest.mark.parametrize("items", [
    ("1. Preheat the oven.", "2. Mix the flour."),  # steps that end in a stop
    ("1. Start small", "3. Tell someone"),  # not counting up by one
    ("1. Start small",),  # one line is not a set
])
def test_numbered_lines_that_are_not_subheads(items: tuple[str, ...]) -> None:
    texts = [PARAGRAPH]
    for item in items:
        texts += [item, PARAGRAPH]
    marked, traces = mark_subheads(mark_headings(blocks(*texts)))
    assert not any(b.heading for b in marked) and traces == []


def test_short_sections_vouch_for_each_other() -> None:
    short = "I wrote down three features on Friday night and refused to add a fourth."
    marked, traces = mark_subheads(blocks(PARAGRAPH, "Scope is everything", short,
                                          "Boring tools win", short))
    assert [b.text for b in marked if b.heading] == ["Scope is everything", "Boring tools win"]
    assert {t.rule for t in traces} == {"section-run"}
    alone, _ = mark_subheads(blocks(PARAGRAPH, "Scope is everything", short))
    assert not any(b.heading for b in alone)


@pytest.mark.parametrize("line", ["Photography by Liesl Tarrant", "Illustrations by Ana Gil",
                                  "Fotos von Anna Weber"])
def test_credit_lines_are_never_headings(line: str) -> None:
    marked = mark_headings(blocks(PARAGRAPH, line, PARAGRAPH + " " + PARAGRAPH))
    assert not marked[1].heading


def test_a_title_with_by_stays_a_heading() -> None:
    marked = mark_headings(blocks(PARAGRAPH, "Killed by Friendly Fire", PARAGRAPH + " "
                                  + PARAGRAPH))
    assert marked[1].heading


def test_caps_section_label_over_a_question_is_a_heading() -> None:
    answer = "November 1998. I could not see the bow from the bridge, so we crossed slowly."
    marked = mark_headings(blocks(PARAGRAPH, "ON THE FOG",
                                  "What is the worst fog you have seen today?", answer))
    assert marked[1].heading
    speaker = mark_headings(blocks(PARAGRAPH, "MARIA LOPEZ",
                                   "What is the worst fog you have seen today?", answer))
    assert not speaker[1].heading


def test_german_nouns_do_not_make_a_heading_a_name() -> None:
    german = ("Für Wohnungssuchende ändert sich vorerst wenig, und die grössten Genossenschaften "
              "führen Wartelisten mit mehreren tausend Namen, die auch nicht kürzer werden.")
    assert capitalises_nouns([german, german])
    assert not capitalises_nouns([STORY])
    marked = mark_headings(blocks(german, "Lange Wartelisten", german))
    assert marked[1].heading


# ------------------------------------------------------------------ teaser box


def test_teaser_box_between_paragraphs_is_dropped_and_the_story_kept() -> None:
    parts = [PARAGRAPH, PARAGRAPH, "Related", "Council sets aside £2m for coastal defences",
             "Storm damage bill passes £5m", PARAGRAPH, PARAGRAPH]
    assert box_end(blocks(*parts), 2, never) == 5
    text = (f"{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{STORY}\nRelated\n\n"
            "Council sets aside £2m for coastal defences\n\nBuses will be diverted through the "
            "town centre, adding about ten minutes to every journey.\n\nTraders said they were "
            "worried about losing their summer visitors to the works.\n")
    result = normalise(text)
    assert "Buses will be diverted" in result.body and "Traders said" in result.body
    assert "Council sets aside" not in result.body


@pytest.mark.parametrize("parts", [
    # teasers with deks at the end: headline, sentence, headline, sentence
    ["Related", "Council sets aside £2m", PARAGRAPH, "Storm bill passes £5m", PARAGRAPH],
    # a lone paragraph after the box may be a footer's blurb
    ["Related", "Council sets aside £2m", PARAGRAPH],
    # comments are never a box
    ["Comments", "jane123", PARAGRAPH, PARAGRAPH],
])
def test_a_tail_is_not_a_box(parts: list[str]) -> None:
    assert box_end(blocks(PARAGRAPH, *parts), 1, never) is None


# ------------------------------------------------------------------ pitches and contacts


@pytest.mark.parametrize(("line", "rule"), [
    ("The best local stories, straight to your inbox every morning.", "inbox-pitch"),
    ("Få dagens viktigaste nyheter från Gotland direkt i din inkorg.", "inbox-pitch"),
    ("Recibe las noticias más importantes de León en tu correo.", "inbox-pitch"),
    ("Our weekly newsletter, every Friday. No spam, unsubscribe any time.", "inbox-pitch"),
    ("Din e-postadress", "inbox-pitch"), ("Prenumerera på nyhetsbrevet", "inbox-pitch"),
    ("You've reached your limit of free articles. Subscribe to keep reading.", "paywall-meter"),
    ("This content was produced in partnership with Ubuntu Mutual.", "partner-note"),
    ("Follow Us", "follow-us"), ("Síguenos en redes", "follow-us"),
])
def test_pitch_lines(line: str, rule: str) -> None:
    found = pitch_rule(line)
    assert found is not None and found.name == rule
    assert line not in normalise(page("The Harbour Gazette", tail=f"\n{line}\n")).body


@pytest.mark.parametrize("line", [
    "Scammers send fake parcel notices to your inbox, and the police say the number of "
    "complaints has doubled since the spring, with older people most often targeted.",
    "\"It lands straight in your inbox,\" she said.",
    "The bakery was produced in partnership with the council, the mayor said at the opening.",
    "Follow the river path for two miles.",
])
def test_story_sentences_are_not_pitches(line: str) -> None:
    assert pitch_rule(line) is None


@pytest.mark.parametrize("line", ["rosalind.achterberg@northernledger.example", "@rachterberg",
                                  "Email: ana@example.org", "Follow on X: @anaruiz"])
def test_contact_handles(line: str) -> None:
    assert handle_rule(line) is not None
    assert line not in normalise(page("", f"By Ann Reid\n\n{line}\n\n12 March 2026")).body


@pytest.mark.parametrize("line", ["Write to ana@example.org for tickets.", "@ the harbour",
                                  "Tickets: £5"])
def test_not_contact_handles(line: str) -> None:
    assert handle_rule(line) is None


# ------------------------------------------------------------------ captions, chrome


@pytest.mark.parametrize("line", [
    "Plac budowy przy ulicy Jasnogórskiej stoi pusty od stycznia. Fot. Anna Kłosek",
    "Oyster boats return to Bluff harbour on opening day last year. Photo / Ryan Kennedy",
    "Farmers in Jodhpur have begun leasing field margins for solar arrays. (Representative image)",
    "Estação ferroviária abandonada em Montenegro. Foto: Paulo Sirangelo/Agência Pampa",
])
def test_captions_with_credits(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize("line", ["He took the photo. It was late.",
                                  "The image of the town has changed. (Nobody disputes it.)"])
def test_not_captions(line: str) -> None:
    assert not is_caption(line)


@pytest.mark.parametrize("line", ["Read The Kansai Dispatch in the app",
                                  "Baixe o app e leia sem anúncios", "Open", "Abrir",
                                  "Compartilhe", "Kopiera länk", "Publicidade", "Assine",
                                  "Przejdź do serwisu", "Lyssna på artikeln 3 min",
                                  "4 min czytania"])
def test_chrome_in_more_languages(line: str) -> None:
    assert line not in normalise(page("The Harbour Gazette", f"By Ann Reid\n\n{line}")).body


@pytest.mark.parametrize("line", ["Mest läst", "Leia mais", "Czytaj także", "Categories",
                                  "About me", "Join the conversation: 12 comments"])
def test_tail_markers_in_more_languages(line: str) -> None:
    assert is_tail_marker(line)


def test_consent_notice_above_the_headline_goes() -> None:
    notice = ("Szanowny Użytkowniku, zanim przejdziesz do serwisu, zapoznaj się z informacjami "
              "dotyczącymi przetwarzania danych osobowych (RODO).")
    result = normalise(f"{notice}\nPrzejdź do serwisu\n" + page("Gazeta Podwawelska"))
    assert result.title == HEADLINE and notice not in result.body


# ------------------------------------------------------------------ menus and outlets


def test_section_words_under_a_dropped_menu_item_are_the_menu() -> None:
    menu = [Block(text, line=2 + n) for n, text in enumerate(("News", "Sport", "Business",
                                                               HEADLINE))]
    kept, traces = strip_leading_sections(menu, {1})  # "Menu" on line 1 was dropped
    assert [b.text for b in kept] == [HEADLINE] and len(traces) == 3
    alone, none = strip_leading_sections(menu)
    assert len(alone) == 4 and none == []
    lone = [Block("News", line=3), Block(HEADLINE, line=5)]  # "Menu", "Search" / "Sign in"
    assert [b.text for b in strip_leading_sections(lone, {1, 2, 4})[0]] == [HEADLINE]
    assert len(strip_leading_sections(lone, {1, 2})[0]) == 2  # nothing under it: a label


def test_first_item_under_home_is_not_the_site_name() -> None:
    text = "Home\nLiving\nFood\nTravel\nStyle\nShop\n" + page("", tail="")
    assert normalise(text).source != "Living"
    assert normalise("Touchline\nFootball\nCricket\nRugby\nTennis\nGolf\n"
                     + page("", tail="")).source == "Touchline"


def test_outlet_form() -> None:
    lines = ["About DutchDesk", "© 2026 DutchDesk Media B.V."]
    assert without_company("DutchDesk Media B.V", lines) == "DutchDesk"
    assert without_company("Kelbrook Foods plc", []) == "Kelbrook Foods"
    assert with_article("Wessex Chronicle", ["More from The Wessex Chronicle"]) == (
        "The Wessex Chronicle")
    assert with_article("Wessex Chronicle", ["The Wessex Chronicle said on Monday ..."]) == (
        "Wessex Chronicle")
    assert fuller_name("Southland", ["The Southland Courier"]) == "The Southland Courier"
    assert fuller_name("Japan", ["The Kansai Dispatch"]) == "The Kansai Dispatch"
    assert fuller_name("Gadgetry", []) == "Gadgetry"
    # only a copyright footer's name loses its legal form; a release's company keeps it
    assert outlet_form("Kelbrook Foods plc", "wire-company", lines, []) == "Kelbrook Foods plc"
    assert outlet_form("Meridian Wire", "byline", ["from The Meridian Wire"], []) == (
        "Meridian Wire")


def test_outlet_line_with_an_outlet_word_over_a_long_headline() -> None:
    result = normalise(page("Le Courrier de la Vallée", "Par Ann Reid\n\n12 March 2026"))
    assert result.source == "Le Courrier de la Vallée" and result.title == HEADLINE


def test_outlet_under_the_byline_after_a_dek() -> None:
    dek = "A short dek that says what the story is about in a few words."
    text = (f"{HEADLINE}\n\n{dek}\n\nPor Ann Reid\n\nJornal do Pampa\n\n12 March 2026\n\n"
            f"{STORY}")
    assert normalise(text).source == "Jornal do Pampa"


def test_ownership_footer_with_company_number() -> None:
    tail = "\nHearth & Vine is published by Larkspur Media Pty Ltd, ABN 12 345 678 901.\n"
    result = normalise(page("", tail=tail))
    assert result.source == "Hearth & Vine" and "Larkspur" not in result.body


def test_pull_quote_attribution_is_not_a_hyphenated_name() -> None:
    quote = ("Der Stadtrat sieht sich bestätigt. Das Ziel sei damit in Reichweite, sagte "
             "Stadträtin Simone Brander-Keller.")
    text = page("The Harbour Gazette", tail=f"\n{quote}\n\n{PARAGRAPH}\n")
    assert quote in normalise(text).body


# ------------------------------------------------------------------ later additions


def test_short_paragraph_story_under_a_menu_gets_its_header_cleared() -> None:
    story = ("Firefighters were working on Tuesday evening to contain a brush fire that had "
             "burned about 300 acres near Route 9, fire officials said.\n\n"
             "No homes have been evacuated, but residents were told to be ready.\n")
    text = f"KTVX 4 News\nWeather\nTraffic\nWatch Live\n{HEADLINE}\nBy Dana Whitcombe\n{story}"
    result = normalise(text)
    assert result.title == HEADLINE and "Watch Live" not in result.body
    # without a menu above it the same story keeps the lines `title` reads
    assert normalise(f"{HEADLINE}\nBy Dana Whitcombe\n{story}").title == HEADLINE


def test_list_titles_are_headings() -> None:
    text = (f"{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{PARAGRAPH}\n\nThe essentials\n"
            "- A tent you have pitched at home\n- A sleeping mat\n\nThings people forget\n"
            f"- A trowel\n- Spare socks\n\n{PARAGRAPH}\n")
    body = normalise(text).body
    assert "## The essentials" in body and "## Things people forget" in body
    assert "- A trowel" in body.split("\n")


def test_one_line_over_one_list_is_not_a_heading() -> None:
    text = (f"{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{PARAGRAPH}\n\nThe essentials\n"
            f"- A tent you have pitched at home\n- A sleeping mat\n\n{PARAGRAPH}\n")
    assert "## The essentials" not in normalise(text).body


def test_a_dash_inside_prose_is_not_a_list() -> None:
    text = page("", tail="\n- Vi förstår att rederiet vill spara, säger hon.\n")
    assert "\\- Vi förstår" in normalise(text).body


@pytest.mark.parametrize(("text", "date"), [
    ("2026/03/03", dt.date(2026, 3, 3)), ("03-03-2026", dt.date(2026, 3, 3)),
    ("14-03-2026", dt.date(2026, 3, 14)),
])
def test_more_numeric_dates(text: str, date: dt.date) -> None:
    assert parse_date(text) == date
    assert parse_date("12-10-2026") is None


def test_byline_in_capitals_is_written_as_a_name() -> None:
    assert normalise(page("", "BY JANE O'NEIL\n\n12 March 2026")).author == "Jane O'Neil"
    assert normalise(page("", "By AP\n\n12 March 2026")).author == "AP"


@pytest.mark.parametrize("line", ["Ad Feedback", "About sharing", "Image caption,",
                                  "AP Photo/Jane Doe", "Credit...Jane Doe for The Times",
                                  "Why you can trust us", "See also:"])
def test_site_furniture_lines(line: str) -> None:
    assert line not in normalise(page("The Harbour Gazette", tail=f"\n{line}\n")).body


@pytest.mark.parametrize("line", ["Register your bike with the council, the police said.",
                                  "AP Photo of the year went to a Harbour photographer."])
def test_site_furniture_shapes_leave_prose(line: str) -> None:
    assert line in normalise(page("The Harbour Gazette", tail=f"\n{line}\n")).body


def test_headline_over_its_first_paragraph_is_not_one_wrapped_paragraph() -> None:
    text = (f"{HEADLINE}\nThe county council approved the new cycle lanes on Tuesday after a long "
            "debate lasting most of the evening.\n\nWork starts in the spring.\n")
    assert normalise(text).title == HEADLINE
    wrapped = ("The county council approved the new cycle lanes on Tuesday after a\n"
               "long debate, and work on the first stretch along the river will\nstart soon.\n\n"
               "Second paragraph here.\n")
    assert normalise(wrapped).body.startswith("The county council approved the new cycle lanes "
                                              "on Tuesday after a long debate")


def test_closing_note_and_sign_off() -> None:
    tail = "\n— Bartholomew Quaye\n\nThis article was originally published on March 3, 2026.\n"
    result = normalise(f"{HEADLINE}\n\n{STORY}{tail}")
    assert result.author == "Bartholomew Quaye" and result.date == dt.date(2026, 3, 3)
    pull = "“We will build it, whatever it costs.”"
    quoted = normalise(f"{HEADLINE}\n\n{STORY}\n{pull}\n\n— Ann Reid\n")
    assert quoted.author == ""


def test_the_one_writer_a_bio_names_is_the_author() -> None:
    bio = "\nTilly Markham is a freelance writer based in Staffordshire.\n"
    result = normalise(f"{HEADLINE}\n\n12 March 2026\n\n{STORY}{bio}")
    assert result.author == "Tilly Markham" and "Tilly Markham" not in result.body
    two = bio + "\nOwen Price is a photographer and writer based in Cardiff.\n"
    assert normalise(f"{HEADLINE}\n\n12 March 2026\n\n{STORY}{two}").author == ""
    named = normalise(page("", "By Ann Reid\n\n12 March 2026", bio))
    assert named.author == "Ann Reid"


def test_updated_note_in_brackets_after_the_date() -> None:
    assert parse_date("3 March 2026 (updated 4 March 2026)") == dt.date(2026, 3, 3)
    assert parse_date("3 March 2026 (see below)") is None


@pytest.mark.parametrize(("line", "author"), [
    ("Door Femke van der Linden", "Femke van der Linden"),
    ("Av Ingrid Haugland-Brekke", "Ingrid Haugland-Brekke"), ("Tekst: Ole Brun", "Ole Brun"),
])
def test_bylines_in_dutch_and_scandinavian(line: str, author: str) -> None:
    found = parse_byline(line)
    assert found is not None and found[0] == author
    assert parse_byline("Door to door, the campaign went on.") is None


@pytest.mark.parametrize(("text", "date"), [
    ("Publisert 3. mars 2026 kl. 14:05", dt.date(2026, 3, 3)),
    ("Oppdatert 4. desember 2026", dt.date(2026, 12, 4)),
])
def test_norwegian_dates(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


def test_compound_outlet_word() -> None:
    result = normalise(page("Fjordposten", "Av Ann Reid\n\n12 March 2026"))
    assert result.source == "Fjordposten" and result.title == HEADLINE
    assert normalise(page("Scotland", "Av Ann Reid\n\n12 March 2026")).source != "Scotland"


def test_french_masthead_and_cookie_button() -> None:
    text = ("Accepter et fermer\nLe Républicain du Morvan\nActualité\nRégion\nSports\n"
            "Se connecter\nS'abonner\nAvallon\n" + page("", "Par Ann Reid\n\n12 March 2026"))
    result = normalise(text)
    assert result.source == "Le Républicain du Morvan" and result.title == HEADLINE
    assert "Accepter et fermer" not in result.body


@pytest.mark.parametrize("line", ["Shop the story", "Self-watering planter, 40cm, $34.95 at "
                                  "Greenleaf Supply"])
def test_shop_box_lines(line: str) -> None:
    found = pitch_rule(line)
    assert found is not None and found.name == "shop-box"
    assert pitch_rule("The planter, which cost $34.95 at a market, lasted ten years.") is None


def test_bio_over_a_footer_goes() -> None:
    tail = ("\nAnn Reid is a senior editor at The Harbour Gazette. Reach her at ann@example.org.\n"
            "\nAbout\n\nMasthead\n\nPrivacy\n")
    result = normalise(page("The Harbour Gazette", tail=tail))
    assert "Ann Reid is a senior editor" not in result.body and result.author == "Ann Reid"


def test_mexican_copyright_line() -> None:
    assert line_rule("D.R. © 2026 Editorial Heraldo del Bajío S.A. de C.V.") is not None

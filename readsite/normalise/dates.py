"""Dates stated in the text ("May 5, 2026", "5 May 2026", "2026-05-05"); never guessed.

A date counts only when a whole line (or one field of a header line such as "Jane Doe | May 5,
2026") is a date, optionally labelled ("Published", "Updated") and followed by a time.  A date
inside a sentence of the story, and a relative one ("8 hours ago"), are never used.
"""

from __future__ import annotations

import datetime as dt
import re

from readsite.normalise.rules import Rule

DATE_LINE = Rule("date-line", "A line (or a header field) that is a whole date, optionally "
                 "labelled \"Published\"/\"Updated\" and followed by a time: the date.")
STORAGE_DATE = Rule("storage-date", "A storage token \" date 2026-02-23\" that a clipping tool "
                    "appended to a line: the date; the token leaves the body.")

MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "jän",
         "janeiro", "januari", "stycznia", "styczeń", "sty"),
        ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "febrero",
         "febbraio", "fevereiro", "februari", "lutego", "luty", "lut"),
        ("march", "mar", "märz", "mär", "mrz", "mars", "marzo", "março", "maart", "marca",
         "marzec"),
        ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień",
         "kwi"),
        ("may", "mai", "mayo", "may", "maggio", "mag", "maio", "maj", "mei", "maja"),
        ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca",
         "czerwiec", "cze"),
        ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca",
         "lipiec", "lip"),
        ("august", "aug", "août", "aout", "agosto", "ago", "augusti", "augustus", "sierpnia",
         "sierpień", "sie"),
        ("september", "sep", "sept", "septembre", "septiembre", "settembre", "sett", "set",
         "setembro", "września", "wrzesień", "wrz"),
        ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
         "out", "października", "październik", "paź"),
        ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad",
         "lis"),
        ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
         "dicembre", "dezembro", "grudnia", "grudzień", "gru", "desember", "des"),
    ), start=1)
    for name in names
}
"""Month names and abbreviations (English, German, French, Spanish, Italian, Portuguese,
Swedish, Dutch, Polish, whose dates name the month in the genitive: "3 marca 2026") → month
number."""

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = (r"(?:\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[a-z]{1,4}t|utc|gmt)?,?\s+)?"
            r"(?:(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|montag|dienstag|"
            r"mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|"
            r"vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|"
            r"domingo|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|sabato|domenica|"
            r"(?:segunda|ter[çc]a|quarta|quinta|sexta)-feira|m[åa]ndag|tisdag|onsdag|torsdag|"
            r"fredag|l[öo]rdag|s[öo]ndag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
            r"zondag|poniedzia[łl]ek|wtorek|[śs]roda|czwartek|pi[ąa]tek|sobota|niedziela)"
            r"\.?,?\s+)?")
"""An optional time of day ("09:14,", UK pages put it first) and weekday before a date, in
English, German, French, Spanish, Italian or Portuguese ("Sábado, 7 de marzo de 2026",
"Donnerstag, 5. März 2026")."""
_TIME = (r"(?:,?\s*(?:at\s+|um\s+|à\s+|às\s+|a las\s+|ore\s+|alle\s+|kl\.?\s*|om\s+|"
         r"o\s+|godz\.\s*|//?\s*|[-–—·|•]\s*)?"
         r"\d{1,2}(?:[:.h]\d{2})?\s*"
         r"(?:a\.?\s?m\.?|p\.?\s?m\.?|uhr)?\s*(?:[a-z]{1,4}t|utc|gmt|z)?(?:\s*[+-]\d{1,2}:?\d{0,2})?)?"
         r"(?:,?\s*[(\[]?\s*(?:last\s+)?(?:updated|modified|modifié|mis à jour|actualizado|"
         r"aktualisiert|atualizado|uppdaterad|bijgewerkt|aktualizacja)\b.{0,40})?")
_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[t ][\d:.]+z?(?:[+-][\d:]+)?)?$"),
    re.compile(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})" + _TIME + "$"),
    re.compile(_WEEKDAY + rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"(?P<y>\d{{4}}){_TIME}$"),
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + _TIME + "$"),
    re.compile(_WEEKDAY + rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\.?\s+(?:de\s+|of\s+)?|\.)"
               rf"(?P<mon>{_MONTH_RE})"
               rf"(?:\.?,?\s+(?:de\s+)?|\.)(?P<y>\d{{4}}){_TIME}$"),
)
_DATE_LABEL = re.compile(
    r"^(?:published|posted|date|first published|updated|last updated|last modified|"
    r"veröffentlicht|aktualisiert|stand|publiziert|erschienen|publié|mis à jour|publicado|"
    r"publicada|actualizado|atualizado|pubblicato|aggiornato|publicerad|publicerat|uppdaterad|"
    r"uppdaterat|gepubliceerd|bijgewerkt|geplaatst|opublikowano|aktualizacja|zaktualizowano|"
    r"data publikacji|publisert|oppdatert|publiceret|opdateret|udgivet)"
    r"(?:\s+(?:on|am|le|el|il|at|em|op|den|o))?\s*:?\s*", re.I)
_DAY_FIRST = re.compile(r"^(?:veröffentlicht|aktualisiert|stand|publiziert|erschienen|publié|"
                        r"mis à jour|publicado|publicada|actualizado|atualizado|pubblicato|"
                        r"aggiornato|publicerad|publicerat|uppdaterad|uppdaterat|gepubliceerd|"
                        r"bijgewerkt|geplaatst|opublikowano|aktualizacja|zaktualizowano|"
                        r"data publikacji|publisert|oppdatert|publiceret|opdateret|udgivet)",
                        re.I)
"""Labels in languages that write numeric dates day first ("Publié le 12/03/2026")."""
_SLASHED = re.compile(r"^(?P<d>\d{1,2})([/-])(?P<m>\d{1,2})\2(?P<y>\d{4})" + _TIME + "$")
"""A numeric date with slashes: read (day first) only after a `_DAY_FIRST` label, since
"03/12/2026" alone could be either order."""
_UPDATED = re.compile(r"^(?:updated|last updated|last modified|aktualisiert|stand|mis à jour|"
                      r"actualizado|atualizado|aggiornato|uppdaterad|uppdaterat|bijgewerkt|"
                      r"aktualizacja|zaktualizowano|oppdatert|opdateret)\b", re.I)
_PREFIX = re.compile(r"^(?:(?:issue|no\.?|number|nr\.?|edition|vol\.?|volume|n[º°o]\.?)\s*#?\s*"
                     r"\d{1,5}|[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þ][\w'’.-]*){0,3})\s*(?:[-–—·|•,]\s*)",
                     re.I)
"""A place ("Lyon - ", "Madrid, ") or a newsletter's issue number ("Issue #87 · ") before a
date: dropped only when what follows it is a whole date."""
_STORAGE = re.compile(r"(?:^|\s)date\s+(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\s*$")


def parse_date(text: str) -> dt.date | None:
    """A date written as a whole phrase ("May 5, 2026", "5 May 2026", "2026-05-05"); also after
    an issue number ("Issue #87 · May 5, 2026") or, when a time follows, a place ("Lyon - 12 mar
    2025 - 07:30"; without the time, "Jane Doe - May 5, 2026" is a byline, not a date)."""
    found = _parse_date(text)
    if found is None:
        prefix = _PREFIX.match(text.strip())
        issue = any(c.isdigit() for c in prefix.group()) if prefix else False
        if prefix and (issue or re.search(r"\d{4}\s*[-–—·|•,]\s*\d{1,2}[:.h]\d{2}\b", text)):
            found = _parse_date(text.strip()[prefix.end():])
    return found


_AGO = (r"(?:(?:updated|posted|published|edited)\s*:?\s*)?(?:\d{1,3}|an?|one)\s*(?:seconds?|"
        r"minutes?|mins?|hours?|hrs?|h|days?|d)\s+ago")
_BESIDE_AGO = re.compile(rf"^{_AGO}\s*[,·•|/-]*\s*(?=\S)|\s*[,·•|/(-]*\s*{_AGO}\)?\.?$", re.I)
"""A relative time beside the real date ("18 November 2026 · 3 hours ago", "Updated 1 hour
ago, Published 14:20, 18 November 2026"): the page shows both; only the date is kept."""


def _parse_date(text: str) -> dt.date | None:
    """A date written as a whole phrase; else None."""
    text = _BESIDE_AGO.sub("", text.strip()) if not is_relative(text) else text
    label = _DATE_LABEL.match(text.strip())
    value = _DATE_LABEL.sub("", text.strip()).strip().rstrip(".").casefold()
    value = value.replace("\u202f", " ")
    day_first = label is not None and _DAY_FIRST.match(label.group()) is not None
    for form in (*_DATE_FORMS, _SLASHED) if day_first else _DATE_FORMS:
        match = form.match(value)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else MONTHS[parts["mon"]]
        try:
            return dt.date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            return None
    return None if day_first else _unambiguous_slashed(value)


def _unambiguous_slashed(value: str) -> dt.date | None:
    """A numeric date with slashes that reads only one way: the same day and month
    ("03/03/2026"), or one part above 12 ("14/03/2026" day first, "03/14/2026" month first).
    "03/04/2026" could be either, so it stays unread without a label that says the order."""
    match = _SLASHED.match(value)
    if not match:
        return None
    first, second, year = int(match["d"]), int(match["m"]), int(match["y"])
    if first != second and first <= 12 and second <= 12:
        return None
    day, month = (second, first) if second > 12 else (first, second)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_RELATIVE = re.compile(r"^(?:(?:updated|posted|published|last updated|edited)\s*:?\s*)?"
                       r"(?:\d{1,3}|an?|one)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w)\s+"
                       r"ago\.?$", re.I)


def is_relative(text: str) -> bool:
    """Whether a header field is a relative time ("Updated 2 hours ago"): never a date, and
    never a name either, so a byline's fields read past it."""
    return bool(_RELATIVE.match(text.strip()))


_AGED = re.compile(r"^(?P<rest>.+?)\s*[,·•|-]?\s+(?:\d{1,3}|an?|one)\s*(?:minutes?|mins?|hours?|"
                   r"hrs?|days?|weeks?)\s+ago\.?$", re.I)


def without_age(text: str) -> str:
    """A header line without the relative time after it ("Alex Perry 1 day ago" → "Alex
    Perry"); the line itself when none ends it."""
    match = _AGED.match(text.strip())
    return match.group("rest").strip() if match else text.strip()


def is_updated(text: str) -> bool:
    """Whether a date line states when the article was updated rather than published."""
    return bool(_UPDATED.match(text.strip()))


def storage_date(line: str) -> tuple[str, dt.date] | None:
    """(line without the token, date) for a line ending in " date 2026-02-23"; else None."""
    match = _STORAGE.search(line)
    if not match:
        return None
    try:
        date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return line[: match.start()].rstrip(), date


_LEAD_WORD = re.compile(r"^[^\W\d_]{1,4}\.?\s+(?=\d)")
"""A short word before a date in some languages ("Le 12 mars 2026", "Am 5. März 2026", "El 3
de mayo de 2026", "On 4 May 2026")."""


def is_date_phrase(text: str) -> bool:
    """Whether a whole line is a date, also after a short leading article or preposition (a
    dateline that is never a heading, though `parse_date` does not read it as the date)."""
    line = text.strip()
    if parse_date(line) is not None:
        return True
    lead = _LEAD_WORD.match(line)
    return lead is not None and parse_date(line[lead.end():]) is not None

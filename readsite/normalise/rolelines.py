"""A writer's role beside their name: "Ana Ruiz | Reporter", "Ana Ruiz, Senior Editor",
"Ana Ruiz — Redakteurin".

Pages print the byline in many shapes; one common shape is the name and the writer's job
title on one line, split by a bar, a comma, a dash or a dot.  Such a line is the byline: the
name is the author, the role is not part of it.  It must not be mistaken for a bare role line
("Staff Writer", which the header drops) nor for a "Name, Outlet" line (the outlet is a name,
not a job).  The role words live here, in a low module, so the header, metadata and heading
rules all read the same list.
"""

from __future__ import annotations

import re

from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import words

ROLE = re.compile(r"\b(?:(?:correspondent|reporter|editor|writer|columnist|contributor|"
                  r"analyst|producer|host)s?|(?:periodista|columnista|corresponsal|"
                  r"redactor(?:a|es)?|reporter[oa]s?|journalistes?|chroniqueu(?:r|se)s?|"
                  r"r[ée]dact(?:eur|rice)s?|correspondant(?:e|es|s)?|redakteur(?:in|innen|e)?|"
                  r"korrespondent(?:in|innen|en)?|reporterin|kolumnist(?:in|innen|en)?|"
                  r"giornalist[ai]|corrispondent[ei]|redatt(?:ore|rice|ori)|"
                  r"editorialista|colunista|jornalista|dziennikar(?:z|ka)|reporter(?:ka)|"
                  r"redaktor(?:ka)?|korespondent(?:ka)?|publicyst(?:a|ka)|journalist|redaktör|"
                  r"korrespondent|krönikör|reporter|verslaggever|redacteur|correspondent))\b",
                  re.I)
"""A writer's role word ("Correspondent", "Staff Writer", "Editor"), also in German, French,
Spanish, Italian, Portuguese, Polish, Swedish and Dutch ("columnista", "Redakteurin",
"dziennikarz", "reporter")."""

NAME_ROLE = Rule("name-role", "A header line holding a person's name and their job title, split "
                 "by a bar, comma, dash or dot (\"Ana Ruiz | Retail Correspondent\", \"Ana Ruiz, "
                 "Senior Editor\"): the author; the role is not part of the name.")

ROLE_WORDS = 6
"""Most words of the role beside a name ("Senior Correspondent, Europe and Markets")."""

_SPLIT = re.compile(r"\s*[|·•]\s*|\s+[\u2013\u2014-]\s+|\s*,\s*")


def is_role(text: str) -> bool:
    """Whether a field is only a writer's job title: a role word, a few words, no figures or
    sentence stop ("Retail Correspondent", "Redakteurin Politik")."""
    text = text.strip()
    return (bool(ROLE.search(text)) and 1 <= len(words(text)) <= ROLE_WORDS
            and not re.search(r"\d|[.!?]$", text))


def name_with_role(line: str) -> str | None:
    """The name of a "Name | Role" / "Name, Role" / "Name — Role" line, whose first field is a
    person's name and every other field a role; None for any other line."""
    text = line.strip()
    if len(text) > 100:
        return None
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) < 2 or not is_name(parts[0]) or ROLE.search(parts[0]):
        return None
    return parts[0] if all(is_role(p) for p in parts[1:]) else None

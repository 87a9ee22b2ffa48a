"""The patterns of reported speech that `quotes.find_quotes` reads: names, speech verbs,
attributions before and after a quote, and the words that are never a speaker.

They are regexes and word lists only, kept apart from the logic that uses them so that both
stay readable; each is compiled once, at import, because quotes are looked for in every
article on every build.
"""

from __future__ import annotations

import re

CAP = "A-ZÀ-ÖØ-Þ"
WORD = rf"(?:[{CAP}]\.|[{CAP}](?:[’'][{CAP}])?[\w-]*)"
PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|ter|ten)"
NAME = rf"{WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{WORD}){{0,3}}(?![\w’'])"
PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
WHO = rf"(?P<who>{NAME}|{PRON}\b)"
SAY = (r"(?:said|says|say|stated|states|asked|asks|added|adds|explained|explains|noted|notes"
        r"|told|tells|wrote|writes|argued|argues|remarked|replied|responded|recalled|continued"
        r"|insisted|acknowledged|admitted|warned|cautioned|concluded|declared|observed"
        r"|suggested|asserted|claimed|commented|quipped|joked|predicted|conceded|countered"
        r"|answered|tweeted|posted|reiterated|emphasi[sz]ed|stressed)")
REPORT = (rf"(?:{SAY}|described|called|characteri[sz]ed|likened|concurred|elaborated"
           r"|mentioned|highlighted|pointed\s+out)")
PART = (r"(?:saying|stating|asking|questioning|adding|explaining|noting|writing|arguing"
         r"|remarking|replying|responding|insisting|warning|cautioning|declaring|observing"
         r"|suggesting|asserting|claiming|commenting|quipping|joking|concluding|recalling"
         r"|acknowledging|admitting|continuing|telling\s+\w+)")
ADV = r"(?:\w+ly|also|later|then|once|again|further|simply|previously|still)"
ROLE = rf"(?:,\s+(?:an?\s|the\s|who\s|[{CAP}]|\w+[’']s\s)[^,\"“”‘]{{0,70}},)"
CLAUSE = (r"(?:^|(?<=[,;:(—–])|(?<=[,;:(—–.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\band\s)"
           r"|(?<=\bbut\s)|(?<=\bthat\s)|(?<=\bas\s)|(?<=\bwhile\s)|(?<=\bwhen\s)"
           r"|(?<=[’']s\s))")
"""Where a clause may start, so "A spokesperson for Tesla said" does not make Tesla speak."""
OBJECT = rf"(?:(?:to\s+)?(?:{NAME}|reporters|journalists|us|me|him|her|them|the\s+\w+|an?\s+\w+))"

QUOTE_RE = re.compile(
    r"(?=[\"“‘])(?:\"([^\"\n]+)\"|“([^“”\n]+)”|(?<![\w’'])‘((?:[^‘’\n]|’(?=\w))+)’(?!\w))")
"""A quoted passage: straight or curly double quotes, or curly single quotes (not apostrophes)."""
CURLY_RE = re.compile(r"(?=[“‘])(?:“([^“”\n]+)”|(?<![\w’'])‘((?:[^‘’\n]|’(?=\w))+)’(?!\w))")
"""The same without straight quotes, for a line whose straight quotes do not pair up."""
HINT_RE = re.compile(rf" (?:{SAY}|according)\b|:|According\b")
"""Speech just before a quote: a speech verb, "according" or a colon (the last one counts)."""
REST_RE = re.compile(rf"(?:\s+{OBJECT})?(?:\s+that)?\s*[,:]?\s*")
"""Between a speech verb and its quote: `told Reuters that, "`."""
ACCORDING_RE = re.compile(rf" ?[Aa]ccording\s+to\s+(?P<who>{NAME}){ROLE}?\s*[,:]?\s*$")
COLON_RE = re.compile(rf"(?=[{CAP}]){CLAUSE}(?P<who>{NAME})\s*$")
"""The name before `X: "`."""
WHO_END_RE = re.compile(rf"(?=[{CAP}HhSsTt]){CLAUSE}{WHO}{ROLE}?\s+(?:{ADV}\s+)?$")
"""The subject right before a speech or reporting verb."""
PARTICIPLE_RE = re.compile(rf",\s*(?:{ADV}\s+)?{PART}(?:\s+that)?\s*[,:]?\s*$")
"""`..., asking, "`: the sentence's subject said it."""
AFTER_RE = re.compile(
    rf"\s*[,.]?\s*(?:{WHO}{ROLE}?\s+(?:{ADV}\s+)?{SAY}\b|{SAY}\s+(?P<inv>{NAME}|{PRON}\b)"
    rf"|according\s+to\s+(?P<acc>{NAME}))")
"""Speech right after a quote: `", X said`, `", said X`, `", he told Reuters`."""
VERB_RE = re.compile(rf" (?:{REPORT})\b")
"""A reporting verb: `X argued that it is "...` attributes a quote later in the sentence."""
PART_WORD_RE = re.compile(rf"\b{PART}\b")
SUBJECT_RE = re.compile(
    rf"\W*(?:[{CAP}]\w*,\s+)?{WHO}{ROLE}?\s+(?:{ADV}\s+)?(?=[a-z])")
"""The subject a sentence opens with ("However, Sean O’Kane, a reporter, doubled down")."""
PLAIN_SUBJECT_RE = re.compile(rf"\W*(?:[\w’'-]+\s+){{1,3}}?(?:{ADV}\s+)?(?:{SAY}|argue)\b")
"""A sentence opening with someone speaking ("Critics argue", "The company said")."""
FULL_RE = re.compile(
    rf"(?=[{CAP}])(?<![\w’']){WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{WORD}){{1,3}}(?![\w’'])")
"""A name of two words or more, as the full form of a later "O’Kane" or "Sean"."""
BREAK_RE = re.compile(rf"[.!?][\"”’)]*\s+(?=[\"“‘(]*[{CAP}0-9])")
"""Between two sentences, roughly (`sentences` is exact, and used for what is shown)."""
QUOTE_MARK_RE = re.compile("[\"“‘]")
PRONOUNS = frozenset(("he", "she", "they"))
PERSON_WORD_RE = re.compile(rf"(?:[{CAP}]\.|[{CAP}][’']?[{CAP}]?[a-zà-ÿ]+|{PARTICLE})")
GAP_RE = re.compile(r"\s*[.,;:]?\s*")
KEY_DROP_RE = re.compile(r"[’'`\[\]]")
KEY_SPACE_RE = re.compile(r"[\W_]+")

def words(text: str) -> frozenset[str]:
    """The set of white-space separated words in `text` (word lists read better as text than
    as quoted literals)."""
    return frozenset(text.split())


STOP = words("""
the a an this that these those it its he she they we i you his her their our my your in on at
for with but and or if when while after before as since despite however meanwhile according
critics officials analysts experts sources some many most others everyone someone nobody both
also still yet then now later earlier today yesterday indeed furthermore moreover ultimately
instead company spokesperson spokesman spokeswoman reports report monday tuesday wednesday
thursday friday saturday sunday january february october november december outside inside
from by of to not no yes why what who how where there here so thus though although because
during over under about ai
""")
"""Capitalised words that are never (part of) a speaker's name."""
TITLES = words("""
mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame ceo cto cfo coo president chairman chairwoman
chair founder co-founder cofounder director chief head editor reporter senator sen. rep. gov.
governor minister secretary professor analyst host correspondent
""")
"""Words before a name that are not part of it ("Anthropic CEO Dario Amodei")."""

"""Reader controls: the buttons and labels a news page puts around an article for its reader.

Pages now surround the story with controls that are not navigation and not a notice: a gift
button ("Gift this article"), an author's follow button ("Follow Jane Doe"), an audio player
("Listen to this article", "Narrated by ...", "1.5x"), a save button ("Save for later"), the
labels of image, caption, embed and ad widgets, and accessibility links ("Accessibility
help", "Skip to footer").  A select-all paste keeps their labels as lines of their own.  Each
shape is anchored at both ends of a short line, so a sentence that merely starts with "Follow"
or "Listen" is prose and stays; a follow button names a person only when the rest of the line
is shaped like a name.
"""

from __future__ import annotations

import re

from readsite.normalise.names import is_name
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words

GIFT_BUTTON = Rule("gift-button", "A button offering to give the article away (\"Gift this "
                   "article\", \"Give this story\", \"Share full article\", \"Unlock this "
                   "article for a friend\"): the button's label, never article text.")
FOLLOW_BUTTON = Rule("follow-button", "An author or topic follow button as a line of its own: "
                     "\"Follow Jane Doe\", \"+ Follow\", \"Follow this author\", \"Follow "
                     "topic\"; a line whose rest is not name-shaped (\"Follow the money.\") "
                     "stays.")
AUDIO_PLAYER = Rule("audio-player", "An article audio player's labels: \"Listen to this story\", "
                    "\"Listen (6 min)\", \"Narrated by ...\", \"Voiced by AI\", \"Playback "
                    "speed\", \"1.5x\", \"Artikel anhören\", \"Écouter cet article\".")
SAVE_BUTTON = Rule("save-button", "A save or bookmark button's label: \"Save for later\", \"Add to "
                   "reading list\", \"Bookmark this article\", \"Saved\", \"Später lesen\", "
                   "\"Lire plus tard\".")
PAGE_WIDGET = Rule("page-widget", "A page widget's label as a whole line: image and caption "
                   "toggles (\"Show caption\", \"Enlarge this image\"), text-size buttons, ad "
                   "separators (\"Advertisement - scroll to continue\", \"Continue reading the "
                   "main story\"), an embed's frame (\"View this post on Instagram\", \"A post "
                   "shared by X (@x)\"), share links (\"Click to share on Facebook (Opens in "
                   "new window)\"), \"Report an error\", an archive banner (\"This article is "
                   "more than 2 years old\").")
ACCESSIBILITY = Rule("accessibility-link", "An accessibility or skip link at the top of a pasted "
                     "page: \"Accessibility help\", \"Accessibility statement\", \"Skip to "
                     "footer\", \"Skip to search\", \"Jump to content\", \"Main content\", a row "
                     "of them (\"Skip to main content Skip to navigation\"), or a link's "
                     "screen-reader label (\"External link, opens the X page on Facebook\", "
                     "\"Link externo, abre página ...\").")

_SHORT = 12
"""Most words a control's label has; a longer line is prose."""

GIFT_PATTERNS = tuple(re.compile(p) for p in (
    r"^(?:gift|give|send|share)(?: (?:this|the))? (?:full )?(?:article|story)(?: to (?:a|your) "
    r"friend)?$",
    r"^(?:gift|give) (?:an? )?(?:article|story|subscription)$",
    r"^unlock (?:this|the) (?:article|story) for (?:a|your) friend$",
    r"^(?:you have )?\d{1,2} (?:gift )?articles? (?:left )?to gift(?: this month)?$",
    r"^(?:artikel|beitrag) verschenken$", r"^offrir (?:cet|l['’]) ?article$",
    r"^regalar (?:este |el )?art[ií]culo$",
))
"""A gift button's label, on the folded line."""

FOLLOW_PATTERNS = tuple(re.compile(p) for p in (
    r"^\+\s*follow$", r"^follow(?:ing)? (?:this |the )?(?:author|writer|topic|columnist|"
    r"reporter|journalist|podcast|series)s?$", r"^(?:\+\s*)?follow\s*\+$",
    r"^(?:autor|autorin) folgen$", r"^suivre (?:cet auteur|l['’]auteur)$",
    r"^seguir (?:al )?autor$",
))
"""A follow button that names no one, on the folded line."""

AUDIO_PATTERNS = tuple(re.compile(p) for p in (
    r"^(?:listen to|hear|play|listen to an audio version of) (?:this|the) (?:article|story|"
    r"piece|report)(?:\s*[·|•(:-]?\s*\d{1,3}(?::\d{2})?\s*(?:min(?:ute)?s?|m)?\)?)?$",
    r"^listen(?: now)?\s*[(·|•:-]?\s*\d{1,3}(?::\d{2})?\s*(?:min(?:ute)?s?|m)?\)?$",
    r"^(?:play|pause|stop) (?:audio|article|story)$", r"^audio(?: version)?\s*:?\s*\d{1,3}\s*"
    r"(?:min(?:ute)?s?|m)$", r"^(?:narrated|read|voiced) by (?:ai|an ai voice|"
    r"automated voice|text-to-speech)\.?$", r"^(?:this|the) audio (?:is|was) (?:auto-?"
    r"generated|generated|created) (?:by|with|using)\b.{0,60}$",
    r"^(?:playback )?speed$", r"^\d(?:\.\d{1,2})?\s?[x×]$",
    r"^(?:artikel|beitrag) (?:anhören|vorlesen lassen)$", r"^(?:écouter|ecouter) (?:cet|l['’]) ?"
    r"article$", r"^escuchar (?:este |el )?art[ií]culo$",
    r"^(?:lyssna på artikeln|posłuchaj artykułu|ouça (?:a matéria|este artigo|a reportagem)|"
    r"ouvir (?:a matéria|este artigo)|luister naar (?:dit|het) artikel)(?:\s*[·|•(:-]?\s*"
    r"\d{1,3}\s*(?:min(?:uter|ut|utos)?\.?)?\)?)?$",
))
"""An article audio player's label, on the folded line."""

SAVE_PATTERNS = tuple(re.compile(p) for p in (
    r"^(?:save|read|bookmark)(?: (?:this|the) (?:article|story))?(?: for later| to (?:your )?"
    r"(?:reading list|library|saved(?: articles| stories)?)| later)?$",
    r"^(?:add to|remove from) (?:your )?(?:reading list|saved(?: articles| stories)?|"
    r"favou?rites|library)$", r"^(?:bookmark|save) (?:this )?(?:article|story|page)$",
    r"^saved(?: articles| stories)?$", r"^(?:später lesen|merken|artikel merken|lire plus tard|"
    r"sauvegarder|guardar(?: para (?:después|más tarde))?|leer más tarde)$",
))
"""A save or bookmark button's label, on the folded line."""

WIDGET_PATTERNS = tuple(re.compile(p) for p in (
    r"^(?:show|hide|toggle|view|expand) (?:the )?caption$", r"^enlarge (?:this )?image$",
    r"^(?:previous|next|view|open|close) (?:image|photo|picture)(?: in gallery)?$",
    r"^(?:expand|collapse|close|image|photo|zoom|fullscreen|full screen)$",
    r"^(?:text|font) size$", r"^a\s?[+-]$", r"^aa$",
    r"^(?:advertisement|ad|anzeige|publicité|publicidad)\s*[-–—:|]\s*(?:scroll|continue|"
    r"weiterlesen|la suite)\b.{0,30}$", r"^skip (?:this )?(?:advertisement|ad)$",
    r"^continue reading the main story$", r"^(?:sponsored|promoted|recommended) (?:links|stories|"
    r"content)$", r"^paid (?:partner|post|content)(?: content)?$",
    r"^view (?:this|the full) post on (?:instagram|x|twitter|tiktok|facebook|threads|bluesky)$",
    r"^a post shared by .{1,60}\(@[\w.]{1,40}\)$",
    r"^click to (?:share on|email|print)\b.{0,40}\(opens in new window\)$",
    r"^(?:copy|email|print|share) (?:article|story|the)? ?link$", r"^(?:print|email) "
    r"(?:this )?(?:article|story)$", r"^loading comments(?:\.{3}|…)?$",
    r"^(?:report|submit) (?:an error|a correction|a typo)$", r"^corrections? policy$",
    r"^(?:contact|email|e-mail) the (?:author|reporter|writer)$", r"^back to top\s*[↑^]?$",
    r"^this (?:article|story|piece) is more than \d{1,2} (?:years?|months?) old$",
    r"^(?:read (?:the )?(?:full|whole) (?:article|story)|continue reading|read more)\s*[→»>]?$",
    r"^(?:flipboard|messenger|telegram|bluesky|threads|mastodon|sms|instagram|tiktok|youtube|"
    r"snapchat|vimeo|twitch)$",
))
"""A page widget's label, on the folded line."""

ACCESSIBILITY_PATTERNS = tuple(re.compile(p) for p in (
    r"^accessibility(?: help| statement| settings| options| tools| links)?$",
    r"^skip to (?:the )?(?:footer|search|navigation menu|site navigation|article|story|"
    r"sections?)$", r"^(?:barrierefreiheit|accessibilité|accesibilidad)$",
    r"^(?:(?:skip|jump) (?:to )?(?:the )?(?:main )?(?:content|navigation|menu|search|footer)"
    r"\s*){2,}$", r"^(?:jump to (?:the )?(?:main )?(?:content|navigation)|skip navigation|"
    r"main (?:content|navigation|menu))$",
    r"^(?:external link|link externo|lien externe|enlace externo|externer link)\s*[,:(–—-]\s*"
    r"\S.{0,80}$",
))
"""An accessibility or skip link, on the folded line."""

_NARRATED = re.compile(r"^(?:narrated|read aloud|audio narration) by\s+(?P<name>.{3,60})$",
                       re.IGNORECASE)
"""A human narrator's credit in an audio player ("Narrated by Jane Doe")."""


def _follow_name(line: str) -> bool:
    """Whether the line is "Follow <a person's name>" (an author's follow button): written as a
    button is ("Follow" capitalised, or "+ Follow"), so "follow Jane Doe" inside a sentence
    fragment is not one."""
    match = re.fullmatch(r"\+?\s*follow\s+(?P<name>.+?)\s*\+?", line.strip(), re.IGNORECASE)
    return match is not None and match.group(0)[0] in "+F" and is_name(match.group("name"))


def control_rule(line: str) -> Rule | None:
    """The reader-control rule a whole line breaks, or None when it may be article text."""
    folded = fold_line(line)
    if not folded or len(words(folded)) > _SHORT:
        return None
    if any(p.search(folded) for p in GIFT_PATTERNS):
        return GIFT_BUTTON
    if any(p.search(folded) for p in FOLLOW_PATTERNS) or _follow_name(line):
        return FOLLOW_BUTTON
    if any(p.search(folded) for p in AUDIO_PATTERNS):
        return AUDIO_PLAYER
    narrated = _NARRATED.match(line.strip())
    if narrated is not None and is_name(narrated.group("name").rstrip(".")):
        return AUDIO_PLAYER
    if any(p.search(folded) for p in SAVE_PATTERNS):
        return SAVE_BUTTON
    if any(p.search(folded) for p in WIDGET_PATTERNS):
        return PAGE_WIDGET
    if any(p.search(folded) for p in ACCESSIBILITY_PATTERNS):
        return ACCESSIBILITY
    return None

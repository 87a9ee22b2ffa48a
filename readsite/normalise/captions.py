"""Image captions pasted with the story, told by the credit they end in.

A select-all copy keeps each photo's caption as a line between the story's paragraphs: a
sentence about the picture and then its credit ("A ridge above the sea. Photo: Jane Doe",
"... last year. Photo / Jane Doe", "... od stycznia. Fot. Jane Doe", "(Representative
image)").  The sentence alone could be the story's; the credit at its end is what makes the
line a caption, so the credit shapes (in several languages) live here, apart from the other
furniture rules.
"""

from __future__ import annotations

import re

from readsite.normalise.rules import Rule
from readsite.normalise.text import words

CAPTION = Rule("caption-credit", "An image caption ending in its credit (\"A ridge above the sea. "
               "Photo: Jane Doe\", \"Sheep near Saksun. (Jane Doe)\").")
_CAPTION_CREDIT = re.compile(r"^(?P<caption>.{10,300}?)\s*(?:\b(?:(?:photo(?:graph)?s?|image|"
                             r"picture|credit|illustration|foto(?:s|graf[íi]a|grafie)?|bild|"
                             r"zdj[ęe]cie)"
                             r"\s*(?::|\s/)|fot\.)\s*(?P<credit>[^.:;!?()]{2,80}"
                             r"(?:\s*\([^().:;!?]{2,30}\))?)|"
                             r"\((?:(?:photo(?:graph)?s?|image|picture|credit|illustration|foto|"
                             r"bild|source)\s*:|(?:foto|photo)\b|ph\.)\s*(?P<source>[^.:;!?()]{2,80})"
                             r"\)|\((?P<note>(?:representative|file|stock|archive|symbolic|"
                             r"illustrative) (?:image|photo|picture)|(?:image|photo|picture) for "
                             r"(?:representation|illustration)(?: only)?|symbolbild|"
                             r"archivbild)\))$",
                             re.I)
"""A caption ending in its credit: "Photo: Jane Doe", "Photo / Jane Doe" (New Zealand), "Fot.
Jane Doe" (Polish), "Fotografía: ...", "(Photo: ...)", or a note that the image only
illustrates the story ("(Representative image)", "(File photo)").  "(photography)" after a
name is a byline's role, not a credit ("by A (reporting) and B (photography)")."""
_CAPTION_NAME = re.compile(r"^[^()\"“‘'][^()]{9,199}[.!?]\s*"
                           r"\((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+(?:/[\w .'’-]{1,30})?\)$")

def is_caption(text: str) -> bool:
    """Whether a block is an image caption ending in its credit (a short line, one credit)."""
    line = " ".join(text.split())
    if len(words(line)) > 40:
        return False
    match = _CAPTION_CREDIT.match(line)
    if match and match.group("note"):
        return match.group("caption").rstrip()[-1:] in ".!?)"
    if match and len(words(match.group("credit") or match.group("source"))) <= 8:
        return bool(match.group("source")) or match.group("caption").rstrip()[-1:] in ".!?)"
    return len(words(line)) <= 25 and bool(_CAPTION_NAME.match(line))

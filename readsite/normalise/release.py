"""A press release's own marks: the document-type label on top ("PRESS RELEASE", "For
immediate release") and the end mark under the story ("ENDS", "-ends-", "# # #").

They say what kind of document the page is and where its story stops; neither is a sentence
of the story, and a label on top must never be read as the outlet ("PRESS RELEASE" over a
headline looks like a masthead).  Both are matched as whole short lines only.
"""

from __future__ import annotations

import re

from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line

RELEASE_MARK = Rule("release-mark", "A press release's label or end mark as a line of its own: "
                    "\"PRESS RELEASE\", \"News release\", \"For immediate release\", \"ENDS\", "
                    "\"-ends-\", \"# # #\": dropped (never the outlet).")

_MARK = re.compile(r"^(?:(?:press|news|media) releases?|(?:for )?immediate release|"
                   r"for (?:immediate )?publication|communiqué de presse|comunicado de prensa|"
                   r"pressemitteilung|comunicato stampa|"
                   r"[-–—*#\s]*ends[-–—*#\s]*|-\s*end\s*-|(?:#\s*){3}|-30-|\*\s*\*\s*\*\s*ends)"
                   r"\s*:?$")


def is_release_mark(line: str) -> bool:
    """Whether a whole line is a press release's label or end mark (not "Ends of the earth",
    not "The ceasefire ends")."""
    folded = fold_line(line)
    return len(folded) <= 40 and bool(_MARK.match(folded))

"""A review page's rating widget, which a select-all paste keeps as a line of its own.

A review page puts its verdict in stars ("★★★★½") or a score ("Rating: 8/10") between the
headline and the byline.  It is not article text: left in place it becomes the summary, and it
hides the byline from the header model.  It is recognised by its shape, never by a site's words.
"""

from __future__ import annotations

import re

from readsite.normalise.rules import Rule
from readsite.normalise.text import words

RATING_LINE = Rule("rating-line", "A review's rating on its own line: stars (\"★★★★½\", "
                   "\"4.5 out of 5 stars\") or a score (\"Rating: 8/10\", \"Score 4/5\").")

_STARS = re.compile(r"^[\u2605\u2606\u2b50\u00bd\s*]{3,}(?:\(?\s*\d(?:\.\d)?\s*(?:/\s*5)?\s*\)?)?$")
_SCORE = re.compile(r"^(?:(?:our |the )?(?:rating|score|verdict|grade)\s*:?\s*)?"
                    r"\d{1,3}(?:[.,]\d)?\s*(?:/|out of)\s*(?:5|10|100)(?: stars?)?$", re.I)
_SCORE_LABEL = re.compile(r"^(?:(?:our |the )?(?:rating|score|grade)\s*:?\s*)\S", re.I)


def is_rating_line(text: str) -> bool:
    """Whether a line is only a review's rating: a run of star characters (with an optional
    figure), or a score out of 5, 10 or 100, bare or after "Rating:"; prose about a rating
    ("It earns 4 out of 5 from me.") has other words and stays."""
    line = text.strip()
    if _STARS.match(line) and any(c in line for c in "\u2605\u2606\u2b50"):
        return True
    return bool(_SCORE.match(line)) and (bool(_SCORE_LABEL.match(line)) or len(words(line)) <= 5)

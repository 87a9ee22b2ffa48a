"""A numbered story that goes on past a tail marker ("4. ...", "Read more", "5. ...").

A listicle ("Seven secrets hotel owners don't want you to know") numbers its sections, and
news sites set a "Read more" box of links, or a photo gallery, between two of them.  The
marker's box is cut as the page's related-stories tail with everything below it, so sections
5 to 7 were lost from a real saved page (readability's TRAIN half).  The numbering says the
story goes on: when the last numbered section above the marker is N and section N + 1 stands
soon below it, the marker is a box inside the story, and only the marker leaves (the box's
teasers, if any, are left to the other rules: a teaser kept is better than a section lost).
A related list numbered on its own ("1. ...", "2. ...") starts again at 1, so it never
continues a story's numbering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.rules import Rule
from readsite.normalise.text import words

NUMBERED_GOES_ON = Rule("numbered-story-goes-on", "A tail marker (\"Read more\", \"Related\") "
                        "between a story's numbered sections: the last section above it is N "
                        "and section N + 1 stands in the 12 blocks below it, so the story goes "
                        "on; only the marker leaves.")

NUMBER_RE = re.compile(r"^\s*(?P<n>\d{1,2})\\?[.)]\s+\S")
"""A numbered section's first line ("5. Beware the hairdryer", "7\\. Always check", "3) ...")."""
LOOK_ABOVE = 30
"""How many blocks above the marker its last numbered section is looked for."""
LOOK_BELOW = 12
"""How many blocks below the marker the next section is looked for (a gallery's captions or
a box's links may stand between)."""
SECTION_WORDS = 16
"""Most words of a numbered section's title: a longer numbered line is a list item of prose."""


def _number(block: Block) -> int | None:
    """The number a block opens with, if it reads as a numbered section's title."""
    match = NUMBER_RE.match(block.text)
    if match is None or len(words(block.text)) > SECTION_WORDS:
        return None
    return int(match.group("n"))


def numbered_story_goes_on(blocks: Sequence[Block], index: int) -> bool:
    """Whether the story's numbering continues past the marker at `index` (see
    `NUMBERED_GOES_ON`)."""
    last = next((n for b in reversed(blocks[max(0, index - LOOK_ABOVE):index])
                 if (n := _number(b)) is not None), None)
    if last is None:
        return False
    return any(_number(b) == last + 1 for b in blocks[index + 1:index + 1 + LOOK_BELOW])

"""`Trace`: one decision the normaliser made, so `import --explain` can cite the rule.

A clipping's metadata is guessed and its furniture dropped by heuristics; a user can only trust
(or correct) them if every guess and every dropped line names the rule behind it.  Importers
collect these on the `Imported` record; `--explain` prints them and `--keep-dropped` writes the
dropped lines to a side file, so nothing is ever lost silently.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trace:
    """A metadata value found, or a line dropped from the body, and the rule that did it."""

    action: str
    """"found" (a front matter value) or "dropped" (a line removed from the body)."""
    rule: str
    """The rule's name, e.g. "byline-by", "newsletter-notice", "related-tail"."""
    text: str
    """The value found, or the dropped line as it was in the input."""
    field: str = ""
    """For "found": the front matter key (title, author, source, date, url, summary ...)."""
    line: int = 0
    """1-based line of the input it came from; 0 when not known."""

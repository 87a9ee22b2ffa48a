"""`Rule`: a named, documented heuristic, so every guess and every dropped line can cite one.

Each concern module declares its rules as module constants (`SHARE_WIDGET = Rule(...)`) and
uses them to make `Trace`s; `readsite.normalise.RULES` lists them all by name for `--explain`.
"""

from __future__ import annotations

from dataclasses import dataclass

from readsite.normalise.trace import Trace


@dataclass(frozen=True, slots=True)
class Rule:
    """One normaliser heuristic: a stable name and what it does, in one or two sentences."""

    name: str
    """Stable kebab-case name ("share-widget"): what traces and `--explain` cite."""
    doc: str
    """What the rule recognises and what it does with it."""

    def found(self, field: str, value: object, line: int = 0) -> Trace:
        """A trace for a front matter value this rule found on input line `line`."""
        return Trace("found", self.name, str(value), field, line)

    def dropped(self, text: str, line: int = 0) -> Trace:
        """A trace for an input line this rule removed from the body."""
        return Trace("dropped", self.name, text, "", line)

    def changed(self, text: str, line: int = 0) -> Trace:
        """A trace for a line this rule rewrote (the line as it was in the input)."""
        return Trace("changed", self.name, text, "", line)

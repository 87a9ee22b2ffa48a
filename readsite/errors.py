"""Errors users see: each names the file (and line) at fault and, where we can, the fix.

Every module raises a subclass of `ReadsiteError`; only `cli` turns one into a message and an
exit code.  An error carries one or more `Problem`s so that a whole config file, or a whole
content folder, can be reported in one go instead of one fix-and-rerun cycle per mistake.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the user's input."""

    message: str
    """What is wrong, in the user's terms."""
    path: Path | None = None
    """The file at fault, if there is one."""
    line: int | None = None
    """1-based line in `path`, if known."""
    hint: str = ""
    """How to fix it ("Did you forget the closing `---`?"), if we can tell."""

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = where + self.message
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class ReadsiteError(Exception):
    """Base of every error readsite reports to the user; holds one or more problems."""

    def __init__(self, *problems: Problem) -> None:
        if not problems:
            raise ValueError("a ReadsiteError needs at least one problem")
        self.problems: tuple[Problem, ...] = problems
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[ReadsiteError], tuple[Problem, ...]]:
        """Pickle as the problems it holds (errors travel back from worker processes)."""
        return (type(self), self.problems)

    @classmethod
    def at(
        cls, path: Path | None, line: int | None, message: str, hint: str = ""
    ) -> ReadsiteError:
        """Build an error with a single problem located at path:line."""
        return cls(Problem(message, path, line, hint))

    @classmethod
    def collect(cls, problems: Iterable[Problem]) -> ReadsiteError | None:
        """Return an error holding all `problems`, or None if there are none."""
        found = tuple(problems)
        return cls(*found) if found else None

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class ConfigError(ReadsiteError):
    """site.yaml is missing, malformed, or has invalid or unknown keys."""


class ContentError(ReadsiteError):
    """An article (or the content folder as a whole) is invalid."""


class ImportRefused(ReadsiteError):
    """`readsite import` will not write a file because that would lose a human's work."""


class TemplateError(ReadsiteError):
    """A template is missing or fails to render."""


class BuildError(ReadsiteError):
    """Output could not be produced (e.g. two pages claim the same output path)."""


class CheckError(ReadsiteError):
    """`check --strict` (or `publish`, which runs it) found problems in the built site."""


class PublishError(ReadsiteError):
    """A deploy failed or was refused; the target is left as it was."""

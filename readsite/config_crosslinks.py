"""The cross-link sections of site.yaml: `entities:` (the people, organisations, places and
products a collection is about) and `stories:` (how alike articles must be to be one story).

Entities are declared, not guessed: a name found by a pattern is right often enough to
suggest (`readsite entities --suggest`) but not to publish a page about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slugify import slugify

from readsite.configcheck import Checker, fields_of
from readsite.typography import smart_quotes

ENTITY_KINDS = ("person", "organisation", "place", "product", "other")
"""What an entity may be; the entities index groups them in this order."""
KIND_ALIASES = {"organization": "organisation", "org": "organisation", "company": "organisation",
                "people": "person", "thing": "other"}
"""Spellings of a kind taken as the kind itself."""


@dataclass(frozen=True, slots=True)
class EntityConfig:
    """One entity declared in site.yaml."""

    name: str
    """How it is shown and found in text ("Elon Musk")."""
    kind: str = "other"
    """One of `ENTITY_KINDS`."""
    aliases: tuple[str, ...] = ()
    """Other names it is found by ("Musk", "xAI Corp"), matched as whole words and with the
    case written, as the name is ("Grok" the model, not "grok" the verb)."""
    description: str = ""
    """One line shown on its page."""
    slug: str = ""
    """`/entities/<slug>/`; made from the name when not given."""

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases, longest first (so "Colossus 2" wins over "Colossus")."""
        return tuple(sorted({self.name, *self.aliases}, key=lambda n: (-len(n), n)))


@dataclass(frozen=True, slots=True)
class StoriesConfig:
    """`stories:` in site.yaml: when articles count as one story, or as versions of one text."""

    threshold: float = 0.2
    """How alike two articles' distinctive words must be (cosine, 0–1) to be one story;
    raise it if unrelated articles end up together, lower it if a story is split."""
    versions: float = 0.12
    """How much of the shorter article's word pairs must recur in the other (0–1) for the two
    to be shown as versions of the same text (a rewrite, a syndicated copy)."""
    days: int = 30
    """Dated articles further apart than this are never one story (0: no limit)."""


def parse_stories(check: Checker, raw: Any) -> StoriesConfig:
    """The `stories:` mapping; defaults when absent."""
    where: tuple[str | int, ...] = ("stories",)
    if raw is None:
        return StoriesConfig()
    if not isinstance(raw, dict):
        check.fail(where, "`stories` must be a mapping, e.g. `stories: {threshold: 0.3}`")
        return StoriesConfig()
    check.unknown_keys(raw, list(fields_of(StoriesConfig)), where)
    values: dict[str, Any] = {}
    for key in ("threshold", "versions"):
        number = check.fraction(raw, key, where)
        if number is not None:
            values[key] = number
    days = check.integer(raw, "days", where, minimum=1, zero="no limit")
    if days is not None:
        values["days"] = days
    return StoriesConfig(**values)


def _entity(check: Checker, raw: Any, index: int) -> EntityConfig | None:
    where: tuple[str | int, ...] = ("entities", index)
    if isinstance(raw, str) and raw.strip():
        raw = {"name": raw}
    if not isinstance(raw, dict):
        check.fail(where, "each entity must be a name or a mapping with `name`, `kind`, ...",
                   "e.g. `- {name: Elon Musk, kind: person, aliases: [Musk]}`")
        return None
    check.unknown_keys(raw, list(fields_of(EntityConfig)), where)
    name = check.text(raw, "name", where, required=True)
    kind = (check.text(raw, "kind", where) or "other").lower()
    kind = KIND_ALIASES.get(kind, kind)
    if kind not in ENTITY_KINDS:
        check.fail((*where, "kind"), f"entity kind `{kind}` is not one of "
                   + ", ".join(ENTITY_KINDS))
        kind = "other"
    aliases = check.terms(raw, "aliases", where)
    description = smart_quotes(check.text(raw, "description", where) or "")
    slug = check.text(raw, "slug", where) or ""
    if not name:
        return None
    made = slug or slugify(name, max_length=80, word_boundary=True)
    if not made or made != slugify(made):
        check.fail((*where, "slug" if slug else "name"),
                   f"entity `{name}` needs a slug of lowercase letters, digits and hyphens",
                   "add e.g. `slug: my-entity`")
        return None
    return EntityConfig(name, kind, tuple(a for a in aliases if a != name), description, made)


def parse_entities(check: Checker, raw: Any) -> tuple[EntityConfig, ...]:
    """The `entities:` list; a slug or a name declared twice is an error."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        check.fail(("entities",), "`entities` must be a list of `- name: ...` entries")
        return ()
    found: list[EntityConfig] = []
    owners: dict[str, str] = {}
    for index, item in enumerate(raw):
        entity = _entity(check, item, index)
        if entity is None:
            continue
        if any(e.slug == entity.slug for e in found):
            check.fail(("entities", index), f"entity `{entity.slug}` is declared twice")
            continue
        for name in entity.names:
            if name in owners:
                check.fail(("entities", index),
                           f"`{name}` names both `{owners[name]}` and `{entity.name}`",
                           "give each name or alias to one entity only")
            owners.setdefault(name, entity.name)
        found.append(entity)
    return tuple(found)

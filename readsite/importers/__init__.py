"""`readsite import`: bring articles in — a clipping, or a whole blog — without losing anything.

The run has three steps.  `inputs` finds and reads every input into `Imported` records (each
format its own module, chosen by content).  Then, with every record known, each gets a slug
(collisions get `-2`, `-3` in date order, never an overwrite) and its links, template syntax
and files are mapped to their new places (`links`, `templating`).  Finally each article is
planned and written on its own: a file that cannot be imported is reported with its reason
and the others still are — one bad post never blocks a migration.

An imported file records where it came from (`imported_from`), a hash of what the import
wrote (`import_hash`) and of its body (`body_hash`).  Those make a re-import safe: the same
input gives a byte-identical file; a body a human edited is never overwritten without
`--force`; front matter a human changed is kept (even with `--force`, unless
`--overwrite-meta`).  Topics are never written: they are classified at build time.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from readsite import frontmatter
from readsite.errors import ImportRefused, Problem, ReadsiteError
from readsite.importers import templating
from readsite.importers.inputs import DEFAULT_OPTIONS, Input, Options, read_inputs
from readsite.importers.links import Assets, LinkMap, Rewriter, normal_path, with_fragment
from readsite.importers.markdown import derived_summary
from readsite.importers.proposals import boilerplate_proposals
from readsite.importers.record import Imported
from readsite.importers.sites import site_of
from readsite.importers.writing import (
    remove_leftovers,
    write_articles,
    write_assets,
    write_atomic,
)
from readsite.normalise import make_slug
from readsite.normalise.trace import Trace

MANAGED_KEYS = ("imported_from", "import_hash", "body_hash")
"""Keys that describe the import itself: always rewritten, never "kept"."""
HASH_LENGTH = 16
"""Hex digits of sha256 kept in `import_hash` / `body_hash`: plenty to detect an edit."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing one article did (or, in a dry run, would do)."""

    source: str
    """Where it came from ("_posts/2019-03-04-x.md", "export.xml#wp:12")."""
    target: Path
    """The article file written (or that would be written)."""
    action: str
    """"created", "updated" or "unchanged" (the CLI says "would be ..." for a dry run)."""
    kept: tuple[str, ...] = ()
    """Front matter keys whose human-edited values were kept instead of the import's."""
    note: str = ""
    """Why the slug differs from the obvious one, when it does."""
    trace: tuple[Trace, ...] = ()
    """What was found and dropped on the way, each with its rule (`import --explain`)."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Everything a run did: written articles, skipped and refused inputs, warnings."""

    results: tuple[ImportResult, ...]
    skipped: tuple[Problem, ...]
    """Inputs that are not articles (section files, layouts, READMEs), with the reason."""
    refused: tuple[Problem, ...]
    """Inputs that could not be imported, with file, line and reason."""
    notes: tuple[Problem, ...]
    """Warnings: template syntax kept as text, links that point at nothing imported."""
    assets: tuple[str, ...] = ()
    """Files copied into static/."""
    proposals: tuple[str, ...] = ()
    """Lines that repeat across several clippings from one outlet, each a suggestion to add
    it to that outlet's boilerplate in site.yaml."""


def short_hash(data: bytes) -> str:
    """First HASH_LENGTH hex digits of the sha256 of `data`."""
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def body_hash(body: str) -> str:
    """The `body_hash` of an article body: its text without surrounding blank space."""
    return short_hash(body.strip().encode("utf-8"))


def merge_meta(
    fresh: dict[str, Any], existing: dict[str, Any]
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Fresh front matter, but with every value a human changed or added kept; (meta, kept)."""
    merged = dict(fresh)
    kept: list[str] = []
    for key, value in existing.items():
        if key in MANAGED_KEYS:
            continue
        if key not in fresh or fresh[key] != value:
            merged[key] = value
            kept.append(key)
    order = {key: index for index, key in enumerate(frontmatter.KEY_ORDER)}
    return merged, tuple(sorted(kept, key=lambda k: (order.get(k, len(order)), k)))


def index_imported(into: Path) -> tuple[dict[str, Path], set[str]]:
    """(`imported_from` → existing article, every slug already taken) in `into`."""
    found: dict[str, Path] = {}
    taken: set[str] = set()
    if not into.is_dir():
        return found, taken
    for path in sorted(into.glob("*.md")):
        taken.add(path.stem)
        try:
            document = frontmatter.parse(path.read_text(encoding="utf-8"), path)
        except (OSError, UnicodeDecodeError, ReadsiteError):
            continue
        origin = document.meta.get("imported_from")
        slug = document.meta.get("slug")
        if isinstance(slug, str):
            taken.add(slug)
        if isinstance(origin, str) and origin:
            found.setdefault(origin, path)
    return found, taken


def assign_slugs(items: Sequence[Input], existing: dict[str, Path],
                 taken: set[str]) -> dict[int, tuple[str, str]]:
    """Input index → (slug, note): earlier posts keep the plain slug, later ones get -2, -3."""
    order = sorted(range(len(items)), key=lambda i: (
        items[i].record.date is None, items[i].record.date or 0, items[i].origin))
    used = set(taken)
    chosen: dict[int, tuple[str, str]] = {}
    for i in order:  # re-imports keep the file they wrote before
        previous = existing.get(items[i].origin)
        if previous is not None:
            chosen[i] = (previous.stem, "")
    for i in order:
        if i in chosen:
            continue
        base = make_slug(items[i].record.slug or items[i].record.title)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        chosen[i] = (slug, f"slug `{base}` was taken, so this is `{slug}`" if slug != base else "")
    return chosen


def link_map(items: Sequence[Input], slugs: dict[int, tuple[str, str]]) -> LinkMap:
    """Every name and old URL of every imported article → its new address."""
    links = LinkMap()
    for i, item in enumerate(items):
        url = f"/articles/{slugs[i][0]}/"
        path = item.record.source_path
        names = {path.stem, path.parent.name if path.stem in ("index", "_index") else path.stem,
                 item.record.slug, item.record.key}
        links.add(item.record.key, [n for n in names if n], item.record.aliases, url)
        site = site_of(path.parent)
        for key in ("url", "baseURL", "baseurl", "SITEURL"):
            value = site.settings.get(key)
            if isinstance(value, str) and "//" in value:
                links.old_hosts.add(value.split("//", 1)[1].split("/", 1)[0].split(":")[0])
        links.old_hosts.update(item.hosts)
    return links


def convert(item: Input, slug: str, links: LinkMap, assets: Assets) -> Imported:
    """The record with template syntax converted and every resolvable link and file mapped."""
    record = item.record
    if item.templated:
        converted = templating.convert(record.body, record.source_path, item.body_line - 1)
    else:
        converted = templating.Converted(record.body, (), (), None)
    site = site_of(record.source_path.parent)
    rewriter = Rewriter(links, assets, record.source_path, item.root, site.root, slug,
                        old_url=record.aliases[0] if record.aliases else "/",
                        line_offset=item.body_line - 1)
    body = converted.body
    for ref in converted.links:
        new = resolve_ref(ref, rewriter, links)
        if new is None:
            rewriter.notes.append(Problem(
                f"`{ref.kind}` link to `{ref.target}` points at nothing that was imported; "
                "kept as written", record.source_path, None,
                "import the page it names too, or fix the link by hand"))
        body = fill_placeholder(body, ref.placeholder, new or ref.target)
    summary = record.summary
    if converted.more_at is not None and not summary:
        summary = derived_summary(converted.body[: converted.more_at])
    body = rewriter.rewrite(body)
    return replace(record, body=body.strip("\n"), summary=summary,
                   notes=(*record.notes, *converted.notes, *rewriter.notes))


def fill_placeholder(body: str, placeholder: str, url: str) -> str:
    """Put `url` where templating left `placeholder` (keeping a `#fragment` written after it)."""
    pattern = re.escape(placeholder) + r"(?:#([\w.:-]+))?"
    return re.sub(pattern, lambda m: with_fragment(url, m.group(1) or ""), body)


def resolve_ref(ref: templating.LinkRef, rewriter: Rewriter, links: LinkMap) -> str | None:
    """The new address for a `{% post_url %}`, `{{< ref >}}`, `{filename}`... reference."""
    target = ref.target.strip().strip("\"'")
    path, _, fragment = target.partition("#")
    if ref.kind == "post_url":
        found = links.by_name.get(path.rsplit("/", 1)[-1])
        return with_fragment(found, fragment) if found else None
    if ref.kind in ("link", "ref", "relref", "filename"):
        stem = Path(path).stem if Path(path).stem not in ("index", "_index") else Path(
            path).parent.name
        for candidate in (path.lstrip("/"), f"content/{path.lstrip('/')}"):
            if candidate in links.by_key:
                return with_fragment(links.by_key[candidate], fragment)
        found = rewriter.resolve(path) if not path.startswith("/") else None
        found = found or links.by_name.get(stem)
        return with_fragment(found, fragment) if found and "#" not in found else found
    # {static}, {attach}, figure src: a file, relative to the post or to the site's root
    return rewriter.resolve(path) or rewriter.resolve("/" + path.lstrip("/"))


def redirectable(alias: str) -> bool:
    """Whether a static host can answer an old URL with a redirect page (no `?query`, no
    `..`, no scheme): others (`/?p=12`, `/post.php?id=3`) still map links, but get no page."""
    if "?" in alias or "#" in alias or "\\" in alias or not alias.startswith("/"):
        return False
    segments = unquote(alias).split("/")[1:-1]
    return not any(s in ("", ".", "..") for s in segments) and not alias.startswith("//")


def fallback_title(record: Imported) -> str:
    """A title for a record whose own came out empty (`..`, blanks): its file's name, since
    an article without a title would fail every build after the import."""
    name = " ".join(re.split(r"[-_\s]+", record.source_path.stem)).strip()
    return name[:1].upper() + name[1:] if name else "Untitled"


def article_meta(record: Imported, slug: str, origin: str) -> dict[str, Any]:
    """The front matter a fresh import writes (empty values left out)."""
    meta: dict[str, Any] = {"title": record.title or fallback_title(record), "slug": slug}
    extra = dict(record.extra)
    if extra.pop("title_generated", False) is True:
        meta["title_generated"] = True  # top level: the title is the import's, not the text's
    for key, value in (("source", record.source), ("author", record.author),
                       ("url", record.url), ("date", record.date),
                       ("updated", record.updated), ("summary", record.summary),
                       ("tags", list(record.tags)), ("draft", record.draft),
                       ("aliases", [a for a in record.aliases if redirectable(a)
                                    and normal_path(a) != f"/articles/{slug}"]),
                       ("extra", extra)):
        if value:
            meta[key] = value
    meta["imported_from"] = origin
    # What the import produced, hashed without a second YAML dump (the costliest step).
    produced = json.dumps(meta, sort_keys=True, default=str, ensure_ascii=False) + record.body
    meta["import_hash"] = short_hash(produced.encode("utf-8"))
    meta["body_hash"] = body_hash(record.body)
    return meta


@dataclass(frozen=True, slots=True)
class _Plan:
    """One article's planned write, decided before it is written."""

    target: Path
    text: str
    action: str
    kept: tuple[str, ...]


def plan(fresh: dict[str, Any], body: str, target: Path, origin: str, force: bool,
         overwrite_meta: bool) -> _Plan:
    """What writing one article does; ImportRefused if that would lose human work."""
    text_out = frontmatter.dump(fresh, body)
    if not target.exists():
        return _Plan(target, text_out, "created", ())
    try:
        current = target.read_bytes()
        document = frontmatter.parse(current.decode("utf-8").replace("\r\n", "\n"), target)
    except (OSError, UnicodeDecodeError, ReadsiteError) as exc:
        if force:
            return _Plan(target, text_out, "updated", ())
        raise ImportRefused.at(target, None, f"cannot read the existing article: {exc}",
                               "fix or move it, or pass --force to overwrite it") from None
    old = document.meta
    if old.get("imported_from") != origin and not force:
        raise ImportRefused.at(target, None, f"importing {origin} would overwrite this article",
                               "move the article, or pass --force to overwrite it")
    if old.get("body_hash") != body_hash(document.body) and not force:
        raise ImportRefused.at(
            target, document.body_line,
            f"the body was edited by hand since it was imported from {origin}",
            "keep your edits by not re-importing, or pass --force to overwrite them")
    if overwrite_meta:
        return _Plan(target, text_out, _action(current, text_out), ())
    merged, kept = merge_meta(fresh, old)
    text_out = frontmatter.dump(merged, body)
    return _Plan(target, text_out, _action(current, text_out), kept)


def _action(current: bytes, text_out: str) -> str:
    """"unchanged" if the existing article's bytes are exactly `text_out`, else "updated"."""
    return "unchanged" if current == text_out.encode("utf-8") else "updated"


def dropped_text(trace: Sequence[Trace]) -> str:
    """The lines an import dropped, each after the rule that dropped it ("" if none)."""
    return "".join(f"[{t.rule}] {t.text}\n" for t in trace if t.action == "dropped")


def import_paths(
    paths: Sequence[Path | str], into: Path, *, static_dir: Path | None = None,
    force: bool = False, overwrite_meta: bool = False, dry_run: bool = False,
    options: Options = DEFAULT_OPTIONS, dropped_dir: Path | None = None,
) -> ImportReport:
    """Import files, folders and http(s) addresses (`str`s) into `into`, each article on its
    own, never losing edits; with `dropped_dir`, the lines dropped from each article are
    written to `dropped_dir/<slug>.dropped.txt`; `options` says how addresses are fetched and
    holds site.yaml's `import:` rules, which add the site's boilerplate to the normaliser's."""
    if into.exists() and not into.is_dir():
        raise ImportRefused.at(into, None, "this is a file, not a folder to import into",
                               "pass a folder with --into (it is made if it does not exist)")
    if not dry_run:
        remove_leftovers(into)
    items, skipped, refused, notes = read_inputs(paths, into, options)
    existing, taken = index_imported(into)
    slugs = assign_slugs(items, existing, taken)
    links = link_map(items, slugs)
    assets = Assets()
    results: list[ImportResult] = []
    writes: list[_Plan] = []
    clippings: list[Imported] = []
    for i, item in enumerate(items):
        slug, note = slugs[i]
        try:
            record = convert(item, slug, links, assets)
            fresh = article_meta(record, slug, item.origin)
            target = existing.get(item.origin, into / f"{slug}.md")
            planned = plan(fresh, record.body, target, item.origin, force, overwrite_meta)
        except ReadsiteError as exc:
            refused.extend(exc.problems)
            continue
        except UnicodeEncodeError as exc:  # "\ud83d" escapes: YAML reads lone surrogates
            refused.append(not_unicode(exc, item.record.source_path))
            continue
        notes.extend(record.notes)
        if not item.templated:
            clippings.append(record)
        writes.append(planned)
        results.append(ImportResult(item.origin, planned.target, planned.action, planned.kept,
                                    note, record.trace))
    copied, clashes = write_assets(assets, static_dir or into.parent / "static", dry_run)
    notes.extend(clashes)
    if not dry_run:
        sources = {item.record.source_path.resolve() for item in items}
        failed = write_articles([(w.target, w.text) for w in writes if w.action != "unchanged"],
                                into, sources)
        refused.extend(failed)
        results = [r for r in results if all(p.path != r.target for p in failed)]
        if dropped_dir is not None:
            refused.extend(write_dropped(results, dropped_dir))
    return ImportReport(tuple(results), tuple(skipped), tuple(refused), tuple(notes),
                        tuple(copied), tuple(boilerplate_proposals(clippings)))


def write_dropped(results: Sequence[ImportResult], folder: Path) -> list[Problem]:
    """Write each article's dropped lines to `folder/<slug>.dropped.txt` (nothing for an
    article that dropped nothing); the files that could not be written."""
    failed: list[Problem] = []
    for result in results:
        text = dropped_text(result.trace)
        if not text:
            continue
        target = folder / f"{result.target.stem}.dropped.txt"
        try:
            write_atomic(target, f"# dropped from {result.source}\n{text}".encode())
        except OSError as exc:
            failed.append(Problem(f"cannot write the dropped lines: {exc.strerror or exc}",
                                  target))
    return failed


def not_unicode(exc: UnicodeEncodeError, path: Path) -> Problem:
    """Why an input whose text holds lone surrogates (which no file can store) is refused."""
    bad = exc.object[exc.start:exc.end].encode("unicode_escape").decode("ascii")
    return Problem(f"the text holds `{bad}`, half of a character, which cannot be saved", path,
                   None, "write the character itself (or one \\U0001F600-style escape) "
                   "instead of a \\ud83d\\ude00-style pair")

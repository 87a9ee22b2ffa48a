"""Command line: `readsite build | serve | import | check | publish | new`.

The only module that prints or chooses an exit code.  Exit codes:
  0  success
  1  bad input (site.yaml, an article, a template), a refused import, a problem found by
     `check --strict` or `build --strict`, or a failed publish; the message names the file
     and line
  2  bad command-line usage (argparse)
  130 interrupted (Ctrl-C) during a build or an import; `serve` stopped by Ctrl-C or
      SIGTERM is a normal end and exits 0
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import json
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from readsite import __version__
from readsite.config import SiteConfig, load_config
from readsite.content import article_files, load_article, load_articles, read_article
from readsite.crosslinks import build_collection
from readsite.errors import (
    ConfigError,
    ContentError,
    ImportRefused,
    ReadsiteError,
)
from readsite.frontmatter import dump
from readsite.pipeline import build_site, render_site
from readsite.progress import Reporter
from readsite.sitecheck import (
    Finding,
    check_files,
    findings_error,
    missing_articles,
    read_folder,
)
from readsite.topics import explain

if TYPE_CHECKING:
    from readsite.importers import ImportResult

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readsite", description="Build a calm, cross-linked reading site from articles.",
    )
    parser.add_argument("--version", action="version", version=f"readsite {__version__}")
    parser.add_argument("--site", type=Path, default=Path("."),
                        help="folder holding site.yaml (default: current folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", help="build the site into its output folder (default)")
    build.add_argument("--output", type=Path, help="build here instead of site.yaml's `output`")
    build.add_argument("--drafts", action="store_true", help="include `draft: true` articles")
    build.add_argument("--relative", action="store_true",
                       help="relative links, for opening from disk (`relative_urls: true`)")
    build.add_argument("--jobs", "-j", type=int, metavar="N",
                       help="processes for loading and rendering (default: all CPUs for a big "
                       "site, 1 for a small one)")
    build.add_argument("--profile", action="store_true", help="print the time of each stage")
    build.add_argument("--no-cache", action="store_true",
                       help="a clean build: ignore and do not write .readsite-cache/")
    build.add_argument("--strict", action="store_true",
                       help="exit 1, writing nothing, if an article links to a missing "
                       "article; then check the built site as `check --strict` does")

    serve = sub.add_parser(
        "serve", help="build, serve on http://127.0.0.1:8000, rebuild and reload on change")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 = any)")
    serve.add_argument("--open", action="store_true", help="open the site in a web browser")

    imp = sub.add_parser("import", help="turn raw articles into content/<slug>.md")
    imp.add_argument("paths", nargs="+", metavar="PATH_OR_URL",
                     help="files (text, Markdown, saved .html pages, feeds), folders, or "
                     "http(s):// addresses of pages and feeds")
    imp.add_argument("--into", type=Path, help="folder to write into (default: content/)")
    imp.add_argument("--force", action="store_true",
                     help="overwrite article bodies even where a human has edited them")
    imp.add_argument("--overwrite-meta", action="store_true",
                     help="with --force: also replace front matter a human changed")
    imp.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    imp.add_argument("--explain", action="store_true",
                     help="show each article's metadata and every dropped line, with the "
                     "rule that found or dropped it")
    imp.add_argument("--keep-dropped", action="store_true",
                     help="write the lines dropped from each article to "
                     ".readsite-import/<slug>.dropped.txt in the site folder")
    imp.add_argument("--fetch", action="store_true",
                     help="for feeds: fetch each entry's page and import it instead of the "
                     "feed's text")
    # Defaults (importers.url.DEFAULT_*) are filled in by _import: importing the importers
    # here would slow every command down.
    imp.add_argument("--timeout", type=float, metavar="SECONDS",
                     help="give up on an address after this long (default 20)")
    imp.add_argument("--max-size", type=float, metavar="MB",
                     help="stop reading a response bigger than this (default 10)")

    check = sub.add_parser("check", help="validate everything and check links; write nothing")
    check.add_argument("--explain", metavar="SLUG",
                       help="show how the article SLUG was classified into topics")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 on broken links, anchors, images, orphans, bad feeds")

    publish = sub.add_parser("publish", help="build, check --strict, and deploy the site")
    publish.add_argument("--target", help="git:REMOTE[#BRANCH], dir:PATH or rsync:DEST "
                         "(default: site.yaml's `publish.target`)")
    publish.add_argument("--dry-run", action="store_true", help="list what would change; deploy "
                         "nothing")
    publish.add_argument("--message", "-m", help="commit message for git targets")

    entities = sub.add_parser(
        "entities", help="list the declared people, organisations, places and products")
    entities.add_argument("--suggest", action="store_true",
                          help="propose names found in the articles that are not declared yet, "
                          "as site.yaml lines to paste")
    entities.add_argument("--limit", type=int, default=40, metavar="N",
                          help="propose at most N names (default 40)")

    new = sub.add_parser("new", help="start a new article in content/")
    new.add_argument("title", help="the article's title")
    return parser


def _build(config: SiteConfig, args: argparse.Namespace) -> int:
    if args.relative:
        config = dataclasses.replace(config, relative_urls=True)
    if args.jobs is not None and args.jobs < 1:
        raise ConfigError.at(None, None, "--jobs must be 1 or more")
    report = build_site(config, args.output.resolve() if args.output else None, args.drafts,
                        args.jobs, use_cache=not args.no_cache, progress=Reporter(sys.stderr),
                        strict=args.strict)
    print(report.summary())
    if args.profile:
        print(report.profile())
    if args.strict:
        _warn_or_fail(check_files(read_folder(report.output), config.base_path,
                                  file_urls=config.relative_urls), True,
                      "the site was written; fix them, or build without --strict")
    return EXIT_OK


def _serve(site: Path, args: argparse.Namespace) -> int:
    from readsite.server import serve

    serve(site, args.host, args.port, args.open, functools.partial(print, flush=True))
    return EXIT_OK


def _warn_or_fail(findings: list[Finding], strict: bool, what: str) -> None:
    """Print check findings as warnings, or (strict) raise them as one error."""
    if strict and findings:
        raise findings_error(findings, what)
    for finding in findings:
        print(f"warning: {finding}", file=sys.stderr)


def _publish(config: SiteConfig, args: argparse.Namespace) -> int:
    from readsite.publish import publish

    target = args.target or config.publish.target
    if not target:
        raise ConfigError.at(config.root / "site.yaml", None, "no publish target",
                             "add `publish: {target: git:git@github.com:me/site.git}` to "
                             "site.yaml, or pass --target dir:PATH")
    with tempfile.TemporaryDirectory(prefix="readsite-publish-") as folder:
        report = build_site(config, Path(folder) / "site", progress=Reporter(sys.stderr))
        print(report.summary())
        _warn_or_fail(check_files(read_folder(report.output), config.base_path,
                                  file_urls=config.relative_urls), True, "nothing was published")
        result = publish(report.output, target, dry_run=args.dry_run, message=args.message)
    for change in result.changes:
        print(f"  {change}")
    print(("dry run: " if args.dry_run else "") + result.summary)
    return EXIT_OK


def _explain(results: Sequence[ImportResult]) -> None:
    """Print, per article, the metadata found and the lines dropped, each with its rule."""
    for result in results:
        print(f"\n{result.source}  → {result.target.name}")
        found = [t for t in result.trace if t.action == "found"]
        changed = [t for t in result.trace if t.action != "found"]
        for t in found:
            print(f"  {t.field:<8} {json.dumps(t.text, ensure_ascii=False)}  ({t.rule})")
        if not found:
            print("  (no metadata traced)")
        for t in changed:  # "dropped" lines, and any the normaliser rewrote
            line = f"line {t.line}: " if t.line else ""
            print(f"  {t.action:<8} {line}{json.dumps(t.text, ensure_ascii=False)}  ({t.rule})")
        if not any(t.action == "dropped" for t in changed):
            print("  dropped  nothing")


def _import(site: Path, args: argparse.Namespace) -> int:
    from readsite.importers import import_paths, url
    from readsite.importers.inputs import Options
    from readsite.normalise import SiteRules

    timeout = url.DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    max_bytes = url.DEFAULT_MAX_BYTES if args.max_size is None else int(args.max_size * 2**20)
    if timeout <= 0 or max_bytes <= 0:
        raise ImportRefused.at(None, None, "--timeout and --max-size must be more than 0")
    config = load_config(site) if (site / "site.yaml").exists() else None
    into = args.into or (config.content_dir if config else site / "content")
    static = config.static_dir if config else site / "static"
    inputs: list[Path | str] = [p if url.is_url(p) else Path(p) for p in args.paths]
    rules = SiteRules.from_config(config) if config else None
    options = Options(timeout, max_bytes, args.fetch, rules)
    dropped = site / ".readsite-import" if args.keep_dropped and not args.dry_run else None
    report = import_paths(inputs, into, static_dir=static, force=args.force,
                          overwrite_meta=args.overwrite_meta, dry_run=args.dry_run,
                          options=options, dropped_dir=dropped)
    prefix = "would be " if args.dry_run else ""
    for result in report.results:
        kept = f" (kept your edits to: {', '.join(result.kept)})" if result.kept else ""
        note = f" ({result.note})" if result.note else ""
        print(f"{prefix}{result.action}: {result.target}  ← {result.source}{kept}{note}")
    if args.explain:
        _explain(report.results)
    for rel in report.assets:
        print(f"{prefix}copied: {static / rel}")
    for problem in report.skipped:
        print(str(problem), file=sys.stderr)
    for problem in report.notes:
        print(f"warning: {problem}", file=sys.stderr)
    for proposal in report.proposals:
        print(f"note: {proposal}", file=sys.stderr)
    counts = (f"{len(report.results)} article(s), {len(report.assets)} file(s) copied, "
              f"{len(report.skipped)} skipped, {len(report.notes)} warning(s)")
    if dropped is not None and any(t.action == "dropped" for r in report.results
                                   for t in r.trace):
        print(f"dropped lines written to {dropped}/")
    if report.refused:
        error = ImportRefused(*report.refused)
        print(f"readsite: {len(report.refused)} input(s) not imported:\n{error}", file=sys.stderr)
        print(f"{prefix}imported {counts}; {len(report.refused)} refused", file=sys.stderr)
        return EXIT_ERROR
    print(f"{prefix}imported {counts}")
    return EXIT_OK


def _check(config: SiteConfig, args: argparse.Namespace) -> int:
    collection = build_collection(config, load_articles(config))
    if args.explain:
        article = collection.by_slug.get(args.explain)
        if article is None:
            raise ContentError.at(None, None, f"no article with slug `{args.explain}`",
                                  "see the file names in content/")
        print(f"{article.title}  ({article.path})")
        path = config.root / article.path  # the build keeps only the text's opening: read it
        text = load_article(read_article(path, article.path), article.path, config)[0].text
        scores = explain(article.title, text, config.topics, tags=article.tags)
        for s in scores:
            terms = ", ".join(f"{term} ×{n}" for term, n in s.matches) or "no keyword matched"
            mark = "✓" if s.selected else " "
            print(f"  {mark} {s.topic.slug:<16} score {s.score:>3} (needs {s.topic.min_score}): "
                  f"{terms}")
        chosen = tuple(t.slug for t in collection.article_topics[article.slug])
        classified = tuple(s.topic.slug for s in scores if s.selected)
        how = "classified"
        if article.topics_set is not None:
            how = "from front matter `topics:`, which wins over classification"
            if classified != chosen:
                how += f"; classification alone would give: {', '.join(classified) or 'none'}"
        print(f"  topics: {', '.join(chosen) or 'none'} ({how})")
        return EXIT_OK
    files, kinds = render_site(collection)
    findings = missing_articles(collection.articles, config.base_path, config.root)
    findings += check_files(files, config.base_path, file_urls=config.relative_urls)
    _warn_or_fail(findings, args.strict, "fix them, or run without --strict to only warn")
    problems = f"{len(findings)} warning(s)" if findings else "no problems"
    print(f"ok: {len(collection.articles)} articles, {sum(kinds.values())} pages, {problems}")
    return EXIT_OK


def _entities(config: SiteConfig, args: argparse.Namespace) -> int:
    from readsite.crosslinks.suggest import suggest, suggestions_yaml

    if args.suggest:
        texts = []
        for path in article_files(config.content_dir, config.root):
            shown = path.relative_to(config.root)
            article = load_article(read_article(path, shown), shown, config)[0]
            if not article.draft:
                texts.append((article.slug, article.text))
        candidates = suggest(texts, config.entities, limit=max(1, args.limit))
        if not candidates:
            print("no names to suggest: every name found in two or more articles is declared")
            return EXIT_OK
        print(suggestions_yaml(candidates), end="")
        return EXIT_OK
    collection = build_collection(config, load_articles(config))
    if not collection.entities:
        print("no entities declared: add `entities:` to site.yaml, or run "
              "`readsite entities --suggest` for names found in the articles")
        return EXIT_OK
    width = max(len(e.name) for e in collection.entities)
    for entity in collection.entities:
        quotes = f", {len(entity.quotes)} quotes" if entity.quotes else ""
        print(f"{entity.name:<{width}}  {entity.kind:<12}  {len(entity.articles):>4} articles, "
              f"{entity.mentions} mentions{quotes}  /entities/{entity.slug}/")
    return EXIT_OK


def _new(config: SiteConfig, args: argparse.Namespace) -> int:
    from readsite.normalise import make_slug

    slug = make_slug(args.title)
    target = config.content_dir / f"{slug}.md"
    if target.exists():
        raise ContentError.at(target, None, "an article with this slug already exists",
                              "choose another title, or edit that file")
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {"title": args.title, "date": dt.date.today(), "summary": ""}
    with target.open("x", encoding="utf-8") as handle:
        handle.write(dump(meta, "Write the article here."))
    print(f"created: {target}")
    return EXIT_OK


class _StderrHandler(logging.Handler):
    """Prints the warnings readsite's modules log (`readsite.*` loggers) to the current
    stderr, looked up when printing (tests swap it), message only."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr, flush=True)


def _print_warnings() -> None:
    """Make this process (and the workers it forks) print logged warnings on stderr."""
    logger = logging.getLogger("readsite")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler(logging.WARNING))
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run readsite with `argv` (default: sys.argv[1:]); return the exit code."""
    _print_warnings()
    args = _parser().parse_args(argv)
    command = args.command or "build"
    if command == "build" and not hasattr(args, "output"):
        args.output, args.drafts, args.relative, args.jobs, args.profile, args.no_cache = (
            None, False, False, None, False, False)
        args.strict = False
    site: Path = args.site.resolve()
    try:
        if command == "import":
            return _import(site, args)
        if command == "serve":
            return _serve(site, args)
        config = load_config(site)
        handlers = {"build": _build, "check": _check, "publish": _publish, "new": _new,
                    "entities": _entities}
        return handlers[command](config, args)
    except ReadsiteError as exc:
        count = len(exc.problems)
        label = "error" if count == 1 else f"{count} errors"
        print(f"readsite: {label}:\n{exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED

"""Command line: `readsite build | serve | import | check | new`.

The only module that prints or chooses an exit code.  Exit codes:
  0  success
  1  bad input (site.yaml, an article, a template) or a refused import; the message names
     the file and line
  2  bad command-line usage (argparse)
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from readsite import __version__
from readsite.config import SiteConfig, load_config
from readsite.content import load_articles
from readsite.errors import ContentError, ReadsiteError
from readsite.frontmatter import dump
from readsite.links import build_collection
from readsite.pipeline import build_site, render_site
from readsite.topics import explain

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

    serve = sub.add_parser("serve", help="build and serve the site on http://127.0.0.1:8000")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 = any)")

    imp = sub.add_parser("import", help="turn raw articles into content/<slug>.md")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    imp.add_argument("--into", type=Path, help="folder to write into (default: content/)")
    imp.add_argument("--force", action="store_true",
                     help="overwrite articles even where a human has edited them")
    imp.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")

    check = sub.add_parser("check", help="validate config, content and templates; write nothing")
    check.add_argument("--explain", metavar="SLUG",
                       help="show how the article SLUG was classified into topics")

    new = sub.add_parser("new", help="start a new article in content/")
    new.add_argument("title", help="the article's title")
    return parser


def _build(config: SiteConfig, args: argparse.Namespace) -> int:
    report = build_site(config, args.output.resolve() if args.output else None)
    print(report.summary())
    return EXIT_OK


def _serve(config: SiteConfig, args: argparse.Namespace) -> int:
    from readsite.server import serve

    serve(config, args.host, args.port, print)
    return EXIT_OK


def _import(site: Path, args: argparse.Namespace) -> int:
    from readsite.importers import import_paths

    config = load_config(site) if (site / "site.yaml").exists() else None
    into = args.into or (config.content_dir if config else site / "content")
    topics = config.topics if config else ()
    results = import_paths(args.paths, into, topics, force=args.force, dry_run=args.dry_run)
    prefix = "would be " if args.dry_run else ""
    for result in results:
        kept = f" (kept your edits to: {', '.join(result.kept)})" if result.kept else ""
        print(f"{prefix}{result.action}: {result.target}  ← {result.source}{kept}")
    if config is None:
        print("note: no site.yaml here, so no topics were assigned", file=sys.stderr)
    return EXIT_OK


def _check(config: SiteConfig, args: argparse.Namespace) -> int:
    collection = build_collection(config, load_articles(config))
    if args.explain:
        article = collection.by_slug.get(args.explain)
        if article is None:
            raise ContentError.at(None, None, f"no article with slug `{args.explain}`",
                                  "see the file names in content/")
        print(f"{article.title}  ({article.path})")
        scores = explain(article.title, article.text, config.topics)
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
    _, kinds = render_site(collection)
    print(f"ok: {len(collection.articles)} articles, {sum(kinds.values())} pages, no problems")
    return EXIT_OK


def _new(config: SiteConfig, args: argparse.Namespace) -> int:
    from readsite.normalise import make_slug

    slug = make_slug(args.title)
    target = config.content_dir / f"{slug}.md"
    if target.exists():
        raise ContentError.at(target, None, "an article with this slug already exists",
                              "choose another title, or edit that file")
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {"title": args.title, "date": dt.date.today(), "summary": "", "topics": []}
    with target.open("x", encoding="utf-8") as handle:
        handle.write(dump(meta, "Write the article here."))
    print(f"created: {target}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run readsite with `argv` (default: sys.argv[1:]); return the exit code."""
    args = _parser().parse_args(argv)
    command = args.command or "build"
    if command == "build" and not hasattr(args, "output"):
        args.output = None
    site: Path = args.site.resolve()
    try:
        if command == "import":
            return _import(site, args)
        config = load_config(site)
        handlers = {"build": _build, "serve": _serve, "check": _check, "new": _new}
        return handlers[command](config, args)
    except ReadsiteError as exc:
        count = len(exc.problems)
        label = "error" if count == 1 else f"{count} errors"
        print(f"readsite: {label}:\n{exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED

"""Deploy a built site folder to a target named by scheme: `git:`, `dir:` or `rsync:`.

Like Lektor's publishers, the target is one string (`git:git@github.com:me/site.git#gh-pages`,
`dir:../public`, `rsync:me@host:/var/www/site`) and each scheme is one small class that knows
how to put a folder there and how to say what would change. Every publisher:

* publishes exactly the site's files, never the `.readsite-output` marker;
* does nothing (`changed=False`) when the target already holds this site;
* on a dry run lists the changes (`+ added`, `~ changed`, `- deleted`) and writes nothing;
* turns every failure into a `PublishError` naming the target, never a traceback.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import ghp_import

from readsite.errors import Problem, PublishError
from readsite.outputdir import MARKER

DEFAULT_BRANCH = "gh-pages"
SCHEMES = ("use git:REMOTE[#BRANCH], dir:PATH or rsync:DEST, e.g. "
           "git:git@github.com:me/site.git#gh-pages, dir:../public, rsync:me@host:/var/www/site")


@dataclass(frozen=True, slots=True)
class PublishResult:
    """What a publish did (or, on a dry run, would do)."""

    target: str
    """The target as given."""
    changed: bool
    """False when the target already held exactly this site (nothing was done)."""
    summary: str
    """One line for the terminal."""
    changes: tuple[str, ...] = ()
    """One line per file: `+ path` added, `~ path` changed, `- path` deleted."""


class Publisher(Protocol):
    """Puts a built site folder at one target."""

    @property
    def target(self) -> str:
        """The target as given."""
        ...

    def publish(self, site: Path, *, dry_run: bool, message: str | None) -> PublishResult:
        """Publish `site`; on a dry run only say what would change."""
        ...


def publish(site: Path, target: str, *, dry_run: bool = False,
            message: str | None = None) -> PublishResult:
    """Publish the built folder `site` to `target` (a scheme `parse_target` knows)."""
    if not site.is_dir():
        raise _error(f"the site folder {site} does not exist", "build the site first")
    return parse_target(target).publish(site.resolve(), dry_run=dry_run, message=message)


def parse_target(target: str) -> Publisher:
    """Pick the publisher for `target` by its scheme."""
    scheme, _, rest = target.partition(":")
    if rest and not rest.startswith("-"):
        if scheme == "git":
            remote, sep, branch = rest.rpartition("#")
            return GitPublisher(target, remote, branch) if sep else GitPublisher(
                target, rest, DEFAULT_BRANCH)
        if scheme == "dir":
            return DirPublisher(target, Path(rest))
        if scheme == "rsync":
            return RsyncPublisher(target, rest)
    raise _error(f"unknown publish target `{target}`", SCHEMES)


@dataclass(frozen=True, slots=True)
class GitPublisher:
    """Commit the site to BRANCH of REMOTE with ghp-import, then push.

    All the work happens in a private temporary repository, so the user's checkout, index and
    branches are never touched, even when REMOTE is that checkout. ghp-import writes one commit
    on top of the branch's history with `git fast-import` straight from the folder, replacing
    the whole tree and adding `.nojekyll` (so GitHub Pages serves it as is). A commit whose tree
    equals its parent's is dropped instead of pushed, so publishing the same site twice is a
    no-op. A CNAME already on the branch is carried over so a custom domain survives.
    """

    target: str
    remote: str
    branch: str

    def publish(self, site: Path, *, dry_run: bool, message: str | None) -> PublishResult:
        """Commit the site in a private repository and push it (unless unchanged or dry run)."""
        count = len(_files(site)[0])
        with tempfile.TemporaryDirectory(prefix="readsite-publish-") as tmp:
            repo, stage = Path(tmp) / "repo", Path(tmp) / "site"
            shutil.copytree(site, stage, ignore=shutil.ignore_patterns(MARKER))
            _git(None, "init", "-q", str(repo))
            _git(repo, "check-ref-format", "--branch", self.branch, what=self.target)
            _give_identity(repo)
            _git(repo, "config", "remote.origin.url", _absolute_if_local(self.remote))
            where = f"{self.branch} at {self.remote}"
            old = None
            if _git(repo, "ls-remote", "--heads", "origin", f"refs/heads/{self.branch}",
                    what=f"cannot read {self.remote}"):
                _git(repo, "fetch", "-q", "--depth=1", "origin",
                     f"+refs/heads/{self.branch}:refs/remotes/origin/{self.branch}",
                     what=f"cannot fetch {where}")
                old = _git(repo, "rev-parse", f"refs/remotes/origin/{self.branch}").strip()
            cname = None
            if old and not (stage / "CNAME").exists() and _git(repo, "ls-tree", old, "CNAME"):
                cname = _git(repo, "show", f"{old}:CNAME")
            try:
                with contextlib.chdir(repo):  # ghp-import works on the current directory
                    ghp_import.ghp_import(str(stage), mesg=message or f"readsite: publish "
                                          f"{count} files", branch=self.branch, remote="origin",
                                          nojekyll=True, cname=cname, push=False)
            except ghp_import.GhpError as exc:
                raise _error(f"ghp-import could not commit the site: {exc.message}") from None
            new = _git(repo, "rev-parse", "--verify", f"refs/heads/{self.branch}",
                       what="ghp-import made no commit").strip()
            if new == old:
                raise _error(f"ghp-import made no commit for {where}")
            if old and _tree(repo, old) == _tree(repo, new):
                return PublishResult(self.target, False,
                                     f"no changes: {where} already holds this site")
            if old:
                diff = _git(repo, "diff", "--name-status", "--no-renames", old, new)
                changes = tuple(f"{_SIGNS[line[0]]} {line[2:]}" for line in diff.splitlines())
            else:
                listing = _git(repo, "ls-tree", "-r", "--name-only", new)
                changes = tuple(f"+ {name}" for name in listing.splitlines())
            if dry_run:
                return PublishResult(self.target, True, f"would push 1 commit to {where} "
                                     f"({count} files, {_counts(changes)})", changes)
            _git(repo, "push", "-q", "origin", f"refs/heads/{self.branch}:refs/heads/"
                 f"{self.branch}", what=f"could not push to {where}")
        return PublishResult(self.target, True, f"pushed 1 commit to {where} ({count} files, "
                             f"{_counts(changes)})", changes)


_SIGNS = {"A": "+", "M": "~", "T": "~", "D": "-"}


@dataclass(frozen=True, slots=True)
class DirPublisher:
    """Mirror the site into a local folder: copy what differs, delete what the site lacks.

    Files are compared by bytes, not times, so an unchanged site writes nothing. A top-level
    `.git` is never touched, so the folder may be a checkout the user commits from. A folder
    inside the site (or holding it) is refused: mirroring would copy or delete the site itself.
    """

    target: str
    path: Path

    def publish(self, site: Path, *, dry_run: bool, message: str | None) -> PublishResult:
        """Copy new and changed files into the folder, then delete stale files and folders."""
        dest = self.path.resolve()
        _refuse_overlap(site, dest, self.target)
        want, want_dirs = _files(site)
        have, have_dirs = _files(dest, keep={".git"}) if dest.exists() else (set(), set())
        added = want - have
        changed = {p for p in want & have if not filecmp.cmp(site / p, dest / p, shallow=False)}
        stale_dirs = have_dirs - want_dirs
        changes = tuple(sorted(
            [f"+ {p}" for p in added] + [f"~ {p}" for p in changed]
            + [f"- {p}" for p in have - want] + [f"- {p}/" for p in stale_dirs],
            key=lambda line: line[2:]))
        if not changes:
            return PublishResult(self.target, False,
                                 f"no changes: {self.path} already holds this site")
        summary = f"{self.path}: {_counts(changes)} ({len(want)} files)"
        if dry_run:
            return PublishResult(self.target, True, f"would mirror into {summary}", changes)
        try:
            for rel in have - want:
                (dest / rel).unlink()
            for rel in sorted(stale_dirs, key=lambda p: p.count("/"), reverse=True):
                if not any((dest / rel).iterdir()):
                    (dest / rel).rmdir()
            for rel in sorted(added | changed):
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                (dest / rel).unlink(missing_ok=True)  # never write through a symlink
                shutil.copy2(site / rel, dest / rel)
        except OSError as exc:
            raise _error(f"could not mirror into {self.path}: {exc}", path=self.path) from None
        return PublishResult(self.target, True, f"mirrored into {summary}", changes)


@dataclass(frozen=True, slots=True)
class RsyncPublisher:
    """Mirror the site with rsync, to a local folder or `host:path` over ssh.

    rsync already does what a remote mirror needs: it compares by checksum (a rebuilt but
    identical file is not sent), deletes what the site no longer has, and itemizes each
    change, which is the dry-run report. Writing that again by hand would be worse.
    """

    target: str
    dest: str

    def publish(self, site: Path, *, dry_run: bool, message: str | None) -> PublishResult:
        """Run rsync (with --dry-run on a dry run) and report what it changed."""
        if _is_local(self.dest):
            _refuse_overlap(site, Path(self.dest).resolve(), self.target)
        if shutil.which("rsync") is None:
            raise _error("rsync is not installed", "install rsync (apt-get install rsync)")
        out = _run(["rsync", "-a", "--delete", "--checksum", "--itemize-changes",
                    f"--exclude={MARKER}", *(["--dry-run"] if dry_run else []),
                    f"{site}/", self.dest], None, f"rsync to {self.dest} failed")
        changes = _rsync_changes(out)
        if not changes:
            return PublishResult(self.target, False,
                                 f"no changes: {self.dest} already holds this site")
        verb = "would mirror" if dry_run else "mirrored"
        return PublishResult(self.target, True, f"{verb} into {self.dest} with rsync: "
                             f"{_counts(changes)} ({len(_files(site)[0])} files)", changes)


def _rsync_changes(itemized: str) -> tuple[str, ...]:
    """Turn rsync's --itemize-changes lines into `+ path` / `~ path` / `- path` (files only)."""
    changes = []
    for line in itemized.splitlines():
        code, path = line[:11], line[12:]
        if code.startswith("*deleting"):
            changes.append(f"- {path}")
        elif len(code) == 11 and code[0] in "<>c" and code[1] in "fL":
            changes.append(f"{'+' if code[2:].startswith('+++') else '~'} {path}")
    return tuple(changes)


def _files(root: Path, keep: Iterable[str] = ()) -> tuple[set[str], set[str]]:
    """Files and folders below `root` (relative), minus the marker and the top-level `keep`."""
    files: set[str] = set()
    dirs: set[str] = set()
    for folder, dirnames, filenames in os.walk(root):
        rel = Path(folder).relative_to(root)
        if rel == Path("."):
            dirnames[:] = [d for d in dirnames if d not in keep]
            filenames = [f for f in filenames if f not in keep]
        links = [d for d in dirnames if os.path.islink(os.path.join(folder, d))]
        dirnames[:] = [d for d in dirnames if d not in links]
        dirs.update((rel / d).as_posix() for d in dirnames)
        files.update((rel / f).as_posix() for f in [*filenames, *links] if f != MARKER)
    return files, dirs


def _refuse_overlap(site: Path, dest: Path, target: str) -> None:
    """Refuse a destination that is a file, or inside the site folder, or holds it."""
    if dest.exists() and not dest.is_dir():
        raise _error(f"{target}: {dest} is a file, not a folder", "name a folder to mirror into",
                     path=dest)
    if dest.is_relative_to(site) or site.is_relative_to(dest):
        raise _error(f"{target}: {dest} overlaps the site folder {site}; mirroring would copy "
                     "or delete the site itself",
                     "publish to a folder outside the site, e.g. dir:../public", path=dest)


def _is_local(dest: str) -> bool:
    """Whether an rsync/git destination is a local path (no `host:` before the first slash)."""
    return "://" not in dest and ":" not in dest.split("/")[0]


def _absolute_if_local(remote: str) -> str:
    """A local remote path made absolute (git runs in a temporary folder); URLs as they are."""
    return os.path.abspath(remote) if _is_local(remote) else remote


def _give_identity(repo: Path) -> None:
    """Give the private repository a committer if the user's git config has none."""
    for key, env, fallback in (("user.name", "GIT_COMMITTER_NAME", "readsite"),
                               ("user.email", "GIT_COMMITTER_EMAIL", "readsite@localhost")):
        unset = subprocess.run(["git", "config", key], cwd=repo, capture_output=True).returncode
        if not os.environ.get(env) and unset:
            _git(repo, "config", key, fallback)  # the throwaway repository's own config only


def _tree(repo: Path, commit: str) -> str:
    """The tree id of `commit`."""
    return _git(repo, "rev-parse", f"{commit}^{{tree}}").strip()


def _git(repo: Path | None, *args: str, what: str = "git failed") -> str:
    """Run git in `repo` and return its output; a failure becomes a PublishError."""
    return _run(["git", "-c", "core.quotepath=off", *args], repo, what)


def _run(command: list[str], cwd: Path | None, what: str) -> str:
    """Run `command` and return its stdout; a failure becomes a PublishError saying `what`."""
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", check=True)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or exc.stdout).strip() or f"exit status {exc.returncode}"
        raise _error(f"{what}: {detail}") from None
    except OSError as exc:
        raise _error(f"{what}: {exc}", f"is {command[0]} installed?") from None
    return done.stdout


def _counts(changes: Iterable[str]) -> str:
    """'2 added, 1 changed, 1 deleted' for a list of change lines."""
    signs = [line[0] for line in changes]
    return ", ".join(f"{signs.count(s)} {word}" for s, word in
                     (("+", "added"), ("~", "changed"), ("-", "deleted")) if s in signs)


def _error(message: str, hint: str = "", path: Path | None = None) -> PublishError:
    """A PublishError with one problem."""
    return PublishError(Problem(message, path, None, hint))

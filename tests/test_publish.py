"""Publishing a built site: what lands on the target, and what is left alone.

Git tests use real local repositories (a bare "remote" and the user's own checkout) and an
empty git config, so they do not depend on this machine's settings and exercise the fallback
committer identity.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from readsite.errors import PublishError
from readsite.publish import DirPublisher, GitPublisher, RsyncPublisher, parse_target, publish

SITE_FILES = {"index.html", "articles/a/index.html", "static/style.css"}


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` with a fixed identity (for the test's own commits) and return stdout."""
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
                          cwd=cwd, capture_output=True, text=True, check=True).stdout


def on_branch(repo: Path, branch: str = "gh-pages") -> set[str]:
    """The files on `branch` of `repo`."""
    return set(git(repo, "ls-tree", "-r", "--name-only", branch).split())


def commits(repo: Path, branch: str = "gh-pages") -> int:
    """How many commits `branch` of `repo` has."""
    return int(git(repo, "rev-list", "--count", branch))


def tree_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def _no_git_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_AUTHOR_NAME",
                 "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "_site"
    for rel in SITE_FILES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"<p>{rel}</p>\n", encoding="utf-8")
    (root / ".readsite-output").write_text("", encoding="utf-8")
    return root


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "--bare", "pages.git")
    return tmp_path / "pages.git"


@pytest.fixture
def user_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's checkout: a commit on main, an uncommitted edit and an untracked file."""
    repo = tmp_path / "work"
    git(tmp_path, "init", "-q", "-b", "main", "work")
    (repo / "README.md").write_text("hello\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "first")
    (repo / "README.md").write_text("edited\n", encoding="utf-8")
    (repo / "notes.txt").write_text("untracked\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


def repo_state(repo: Path) -> tuple[str, str, str, dict[str, bytes]]:
    """HEAD, main, status and working files (without .git) of the user's repository."""
    files = {k: v for k, v in tree_of(repo).items() if not k.startswith(".git/")}
    return (git(repo, "symbolic-ref", "HEAD"), git(repo, "rev-parse", "main"),
            git(repo, "status", "--porcelain"), files)


def test_git_branch_holds_exactly_the_site_plus_nojekyll(site: Path, bare: Path) -> None:
    result = publish(site, f"git:{bare}")
    assert on_branch(bare) == SITE_FILES | {".nojekyll"}
    assert result.changed and commits(bare) == 1
    assert result.summary == f"pushed 1 commit to gh-pages at {bare} (3 files, 4 added)"
    assert "+ index.html" in result.changes and "+ .readsite-output" not in result.changes


def test_git_custom_branch(site: Path, bare: Path) -> None:
    publish(site, f"git:{bare}#pages")
    assert on_branch(bare, "pages") == SITE_FILES | {".nojekyll"}
    assert git(bare, "branch", "--list", "gh-pages") == ""


def test_git_relative_remote_and_fallback_identity(site: Path, bare: Path) -> None:
    publish(site, "git:pages.git")  # relative to the current folder (tmp_path)
    assert git(bare, "log", "-1", "--format=%cn <%ce>", "gh-pages").strip() == \
        "readsite <readsite@localhost>"


def test_git_committer_from_environment_wins(site: Path, bare: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Ada")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "ada@example.org")
    publish(site, f"git:{bare}")
    assert git(bare, "log", "-1", "--format=%cn <%ce>", "gh-pages").strip() == \
        "Ada <ada@example.org>"


def test_git_cname_from_the_site_lands_on_the_branch(site: Path, bare: Path) -> None:
    (site / "CNAME").write_text("reading.example.org\n", encoding="utf-8")
    publish(site, f"git:{bare}")
    assert git(bare, "show", "gh-pages:CNAME") == "reading.example.org\n"


def test_git_cname_already_on_the_branch_is_kept(site: Path, bare: Path) -> None:
    (site / "CNAME").write_text("reading.example.org\n", encoding="utf-8")
    publish(site, f"git:{bare}")
    (site / "CNAME").unlink()
    (site / "index.html").write_text("<p>new</p>\n", encoding="utf-8")
    assert publish(site, f"git:{bare}").changed
    assert git(bare, "show", "gh-pages:CNAME") == "reading.example.org\n"
    assert git(bare, "show", "gh-pages:index.html") == "<p>new</p>\n"
    # and carrying it over is not itself a change
    assert not publish(site, f"git:{bare}").changed


def test_git_unchanged_site_adds_no_commit_and_a_change_adds_one(site: Path, bare: Path) -> None:
    publish(site, f"git:{bare}")
    again = publish(site, f"git:{bare}")
    assert not again.changed and commits(bare) == 1
    assert again.summary == f"no changes: gh-pages at {bare} already holds this site"
    (site / "index.html").write_text("<p>changed</p>\n", encoding="utf-8")
    result = publish(site, f"git:{bare}", message="Update the home page")
    assert result.changed and result.changes == ("~ index.html",)
    assert commits(bare) == 2
    assert git(bare, "log", "-1", "--format=%s", "gh-pages").strip() == "Update the home page"
    assert git(bare, "log", "-1", "--format=%s", "gh-pages~1").strip() == \
        "readsite: publish 3 files"


def test_git_leaves_the_users_repository_alone(site: Path, bare: Path, user_repo: Path) -> None:
    before = repo_state(user_repo)
    publish(site, f"git:{bare}")
    assert repo_state(user_repo) == before
    assert git(user_repo, "branch", "--format=%(refname:short)").split() == ["main"]


def test_git_into_the_users_own_repository(site: Path, user_repo: Path) -> None:
    before = repo_state(user_repo)
    publish(site, "git:.")
    assert on_branch(user_repo) == SITE_FILES | {".nojekyll"}
    assert repo_state(user_repo) == before
    assert sorted(git(user_repo, "branch", "--format=%(refname:short)").split()) == \
        ["gh-pages", "main"]


def test_git_missing_remote_names_it(site: Path, tmp_path: Path) -> None:
    with pytest.raises(PublishError) as caught:
        publish(site, f"git:{tmp_path / 'missing.git'}")
    assert f"cannot read {tmp_path / 'missing.git'}" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_git_rejected_push_names_the_remote_and_shows_gits_reason(
        site: Path, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pages are frozen' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    with pytest.raises(PublishError) as caught:
        publish(site, f"git:{bare}")
    assert f"could not push to gh-pages at {bare}" in str(caught.value)
    assert "pages are frozen" in str(caught.value)
    assert git(bare, "branch", "--list") == ""
    assert list((tmp_path / "tmp").iterdir()) == []  # the private repository is gone


def test_git_dry_run_pushes_nothing_and_lists_changes(site: Path, bare: Path) -> None:
    first = publish(site, f"git:{bare}", dry_run=True)
    assert first.changed and sorted(first.changes) == sorted(
        f"+ {p}" for p in SITE_FILES | {".nojekyll"})
    assert git(bare, "branch", "--list") == ""
    publish(site, f"git:{bare}")
    (site / "index.html").write_text("<p>changed</p>\n", encoding="utf-8")
    (site / "static" / "style.css").unlink()
    (site / "about.html").write_text("<p>about</p>\n", encoding="utf-8")
    dry = publish(site, f"git:{bare}", dry_run=True)
    assert dry.changes == ("+ about.html", "~ index.html", "- static/style.css")
    assert dry.summary.startswith("would push 1 commit to gh-pages")
    assert commits(bare) == 1 and "about.html" not in on_branch(bare)


def test_dir_mirrors_deletes_stale_files_and_keeps_git(site: Path, tmp_path: Path) -> None:
    dest = tmp_path / "public"
    (dest / ".git").mkdir(parents=True)
    (dest / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (dest / "old" / "deep").mkdir(parents=True)
    (dest / "old" / "deep" / "page.html").write_text("stale", encoding="utf-8")
    (dest / "index.html").write_text("stale", encoding="utf-8")
    result = publish(site, "dir:public")
    assert result.changes == ("+ articles/a/index.html", "~ index.html", "- old/",
                              "- old/deep/", "- old/deep/page.html", "+ static/style.css")
    assert set(tree_of(dest)) == SITE_FILES | {".git/HEAD"}
    assert all((dest / p).read_bytes() == (site / p).read_bytes() for p in SITE_FILES)
    assert not (dest / "old").exists()
    again = publish(site, f"dir:{dest}")
    assert not again.changed and again.changes == ()


def test_dir_dry_run_lists_and_writes_nothing(site: Path, tmp_path: Path) -> None:
    dest = tmp_path / "public"
    dest.mkdir()
    (dest / "stale.html").write_text("x", encoding="utf-8")
    result = publish(site, f"dir:{dest}", dry_run=True)
    assert result.changed and "- stale.html" in result.changes
    assert "+ index.html" in result.changes
    assert tree_of(dest) == {"stale.html": b"x"}
    assert publish(site, f"dir:{tmp_path / 'new'}", dry_run=True).changed
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("where", ["_site/public", "."])
def test_dir_refuses_a_target_overlapping_the_site(site: Path, where: str) -> None:
    before = tree_of(site)
    with pytest.raises(PublishError, match="overlaps the site folder") as caught:
        publish(site, f"dir:{where}")
    assert "dir:../public" in str(caught.value)
    assert tree_of(site) == before


def test_dir_refuses_a_file(site: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(PublishError, match="is a file"):
        publish(site, "dir:file")


@pytest.fixture
def rsync() -> None:
    if shutil.which("rsync") is None and os.environ.get("REQUIRE_BROWSER") != "1":
        pytest.skip("rsync is not installed")


@pytest.mark.usefixtures("rsync")
def test_rsync_mirrors_and_deletes(site: Path, tmp_path: Path) -> None:
    dest = tmp_path / "www"
    dest.mkdir()
    (dest / "stale.html").write_text("x", encoding="utf-8")
    dry = publish(site, f"rsync:{dest}", dry_run=True)
    assert set(dry.changes) == {"- stale.html"} | {f"+ {p}" for p in SITE_FILES}
    assert tree_of(dest) == {"stale.html": b"x"}
    result = publish(site, f"rsync:{dest}")
    assert result.changed and set(tree_of(dest)) == SITE_FILES
    assert not publish(site, f"rsync:{dest}").changed
    (site / "index.html").write_text("<p>changed</p>\n", encoding="utf-8")
    assert publish(site, f"rsync:{dest}").changes == ("~ index.html",)


def test_unknown_scheme_lists_the_known_ones(site: Path) -> None:
    with pytest.raises(PublishError) as caught:
        publish(site, "ftp://example.org/site")
    text = str(caught.value)
    assert "unknown publish target `ftp://example.org/site`" in text
    for example in ("git:git@github.com:me/site.git#gh-pages", "dir:../public",
                    "rsync:me@host:/var/www/site"):
        assert example in text


def test_parse_target() -> None:
    assert parse_target("git:git@github.com:me/site.git") == GitPublisher(
        "git:git@github.com:me/site.git", "git@github.com:me/site.git", "gh-pages")
    assert parse_target("git:https://host/x.git#main") == GitPublisher(
        "git:https://host/x.git#main", "https://host/x.git", "main")
    assert parse_target("dir:../public") == DirPublisher("dir:../public", Path("../public"))
    assert parse_target("rsync:me@host:/srv") == RsyncPublisher("rsync:me@host:/srv",
                                                               "me@host:/srv")


# `readsite publish` end to end: build, check --strict, deploy.

def _cli(*args: str) -> int:
    from readsite.cli import main

    return main(list(args))


def test_cli_publishes_the_demo_to_git_with_drafts_left_out(
        demo_site: Path, bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (demo_site / "content" / "unfinished.md").write_text(
        "---\ntitle: Not yet\ndraft: true\n---\n\nHalf a thought.\n", encoding="utf-8")
    (demo_site / "root").mkdir()
    (demo_site / "root" / "CNAME").write_text("reading.example.org\n", encoding="utf-8")
    assert _cli("--site", str(demo_site), "publish", "--target", f"git:{bare}",
                "-m", "First issue") == 0
    files = on_branch(bare)
    assert {"index.html", "feed.xml", "sitemap.xml", "robots.txt", ".nojekyll", "CNAME",
            "static/favicon.svg"} <= files
    assert not any("not-yet" in name or "unfinished" in name for name in files)
    assert ".readsite-output" not in files
    assert git(bare, "log", "-1", "--format=%s", "gh-pages").strip() == "First issue"
    home = git(bare, "show", "gh-pages:index.html")
    assert 'href="https://readsite.example/"' in home, "the configured base_url, not a preview's"
    out = capsys.readouterr().out
    assert "pushed 1 commit to gh-pages" in out
    assert _cli("--site", str(demo_site), "publish", "--target", f"git:{bare}") == 0
    assert commits(bare) == 1
    assert "no changes" in capsys.readouterr().out


def test_cli_failing_check_publishes_nothing(
        demo_site: Path, bare: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    (demo_site / "content" / "dangling.md").write_text(
        "---\ntitle: Dangling\n---\n\nSee [the missing one](/articles/missing/).\n",
        encoding="utf-8")
    public = tmp_path / "public"
    public.mkdir()
    (public / "index.html").write_text("old site\n", encoding="utf-8")
    for target in (f"git:{bare}", f"dir:{public}"):
        assert _cli("--site", str(demo_site), "publish", "--target", target) == 1
        err = capsys.readouterr().err
        assert "articles/dangling/index.html" in err and "broken-link" in err
        assert "nothing was published" in err and "Traceback" not in err
    assert git(bare, "branch", "--list").strip() == "", "no branch was pushed"
    assert tree_of(public) == {"index.html": b"old site\n"}


def test_cli_publish_without_a_target_says_how_to_set_one(
        demo_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("--site", str(demo_site), "publish") == 1
    err = capsys.readouterr().err
    assert "no publish target" in err and "publish: {target:" in err


def test_cli_publish_uses_site_yaml_target_and_dry_run_writes_nothing(
        demo_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    public = tmp_path / "public"
    with (demo_site / "site.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"publish:\n  target: dir:{public}\n")
    assert _cli("--site", str(demo_site), "publish", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "+ index.html" in out and "dry run: would mirror" in out
    assert not public.exists()
    assert _cli("--site", str(demo_site), "publish") == 0
    assert (public / "index.html").is_file() and (public / "feed.xml").is_file()

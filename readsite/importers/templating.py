"""Jekyll (Liquid, kramdown) and Hugo (shortcode) syntax left in Markdown, made readable.

A migrated post must show what its author meant, not `{% ... %}` text.  `convert` is a pure
function: one left-to-right scan over the *original* body in which, at each position, the
leftmost match of any rule in `RULES` wins (ties go to the earlier rule).  Because the scan
reads the original text, every note carries the line the author will find in their file.
Code is kept by rules of its own, listed first: a fence that starts before a Liquid tag
swallows it, and a `{% highlight %}` that starts before a fence swallows that.

Links to other posts or files cannot be resolved here, so each becomes a placeholder
`readsite-link:N:` (N counts from 0 in order of appearance; the trailing colon keeps
`readsite-link:1:` from being a prefix of `readsite-link:10:`, so a plain `str.replace` per
placeholder is safe).  It is valid as a Markdown link destination and as bare text.  A
`#fragment` written after a target stays in the body after the placeholder.  If the body
already contains `readsite-link`, a number is added (`readsite-link2:N:`) to stay unique.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from readsite.errors import Problem

HAND_HINT = "write it as Markdown by hand, or remove it"
"""What to do about a construct that was kept as text."""


@dataclass(frozen=True, slots=True)
class LinkRef:
    """A reference to another post or file, for the caller to resolve to a new URL."""

    kind: str
    """post_url | link | ref | relref | filename | static | attach."""
    target: str
    """As written (less any `#fragment`), e.g. `2019-01-02-hello` or `/images/a.png`."""
    placeholder: str
    """The exact text in `Converted.body` to replace with the resolved URL."""


@dataclass(frozen=True, slots=True)
class Converted:
    """A body with template syntax converted, and what the caller still has to do."""

    body: str
    """Markdown after conversion."""
    links: tuple[LinkRef, ...]
    """References found, in order; each placeholder occurs in `body`."""
    notes: tuple[Problem, ...]
    """Warnings about constructs kept as text or dropped, located in the original file."""
    more_at: int | None
    """Index in `body` where the first `<!-- more -->` marker was (the marker is removed)."""


@dataclass(slots=True)
class _Run:
    """The state of one `convert` call; rules read and extend it."""

    text: str
    path: Path
    line_offset: int
    prefix: str
    out: list[str] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    more_at: int | None = None

    def tail(self, lines: int = 1) -> str:
        """The output's last chunk, merged so it holds the last `lines` line breaks (or all the
        output); look-back rules read and replace `out[-1]`, which keeps the scan linear."""
        i, seen = len(self.out), 0
        while i > 0 and seen < lines:
            i -= 1
            seen += self.out[i].count("\n")
        self.out[i:] = ["".join(self.out[i:])]
        return self.out[-1]

    def note(self, m: re.Match[str], message: str, hint: str = HAND_HINT) -> None:
        """Record a warning at the original line of `m`."""
        line = self.text.count("\n", 0, m.start()) + 1 + self.line_offset
        self.notes.append(Problem(message, self.path, line, hint))

    def link(self, kind: str, target: str, split_fragment: bool = False) -> str:
        """A new placeholder for `target`, followed by its `#fragment` as written."""
        target, hash_, fragment = target.partition("#") if split_fragment else (target, "", "")
        if not target:
            return hash_ + fragment
        self.links.append(LinkRef(kind, target, f"{self.prefix}:{len(self.links)}:"))
        return self.links[-1].placeholder + hash_ + fragment

    def removed(self, m: re.Match[str]) -> str:
        """Nothing for `m`; alone on its line, it leaves that line blank (as Liquid does), so
        the blocks around it never merge into one."""
        eol = m.groupdict().get("eol")
        body = self.tail()
        start = body.rfind("\n") + 1
        if eol is not None and not body[start:].strip(" \t"):
            self.out[-1] = body[:start]
            return eol.lstrip(" \t")
        return eol or ""


Apply = Callable[[re.Match[str], _Run], str | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One conversion: where it applies, and what it puts there (None: "not mine after all")."""

    name: str
    pattern: re.Pattern[str]
    apply: Apply

    @property
    def doc(self) -> str:
        """What the rule does and why (its function's docstring), for `--explain`."""
        return self.apply.__doc__ or ""


def _rule(pattern: str, flags: int = 0) -> Callable[[Apply], Rule]:
    """Make the decorated function a `Rule` named after it."""
    return lambda fn: Rule(fn.__name__.replace("_", "-"), re.compile(pattern, flags), fn)


_EOL = r"(?P<eol>[ \t]*\n|[ \t]*\Z)?"
_LINE_END = r"(?P<eol>[ \t]*\n|[ \t]*\Z)"
_TAG_REST = r"(?:[^%\n]|%(?!\})|\n(?![ \t]*\n)){0,500}?-?%\}"  # rest of a tag: short, no blank line
_RAW_LINE = re.compile(r"^[ \t]*\{%-?\s*(?:end)?raw\s*-?%\}[ \t]*\n", re.M)
_RAW_TAG = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
_HUGO_ESCAPE = r"\{\{([<%])/\*(.*?)\*/([>%])\}\}"
_ARG = re.compile(r'(?:([\w-]+)=)?(?:"((?:\\.|[^"\\])*)"|`([^`]*)`|([^\s"`]+))')
_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t].*)?")
_LIST_ITEM = re.compile(r"[ \t]*(?:[*+-]|\d+[.)])[ \t]+\S.*")


def _unescape(code: str) -> str:
    """Code as it showed on the old site: Jekyll's `{% raw %}` and Hugo's `{{</* */>}}` are
    escapes whose whole purpose is to show the literal text, even inside code."""
    code = _RAW_TAG.sub("", _RAW_LINE.sub("", code))
    return re.sub(_HUGO_ESCAPE, r"{{\1\2\3}}", code, flags=re.S)


def _fence(m: re.Match[str], run: _Run, lang: str, code: str) -> str:
    """`code` as a fenced block on lines of its own, longer than any backtick run inside."""
    code = re.sub(r"(?:\n[ \t]*)+\Z", "", re.sub(r"\A(?:[ \t]*\n)+", "", _unescape(code)))
    ticks = "`" * max([3, *(len(t) + 1 for t in re.findall(r"`{3,}", code))])
    body = run.tail()
    line = body[body.rfind("\n") + 1 :]
    indent, before = (line, "") if not line.strip() else ("", "\n")
    after = "" if m.end() == len(m.string) or m.string[m.end()] == "\n" else "\n"
    return f"{before}{ticks}{lang}\n{code}\n{indent}{ticks}{after}"


def _args(text: str) -> tuple[list[str], dict[str, str]]:
    """Positional and named arguments of a Hugo shortcode (quoted with " or `, or bare)."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for key, dq, bq, bare in _ARG.findall(text):
        value = re.sub(r"\\(.)", r"\1", dq) if dq else bq or bare
        if key:
            named[key] = value
        else:
            positional.append(value)
    return positional, named


def _shortcode(names: str) -> str:
    """Pattern for a Hugo shortcode tag `{{< name args >}}` / `{{% name args %}}` (or `/>}}`)."""
    return (r"\{\{(?:(?P<angle><)|%)\s*(?P<close>/\s*)?(?P<name>" + names + r")(?![\w./-])"
            r'(?P<args>(?:"(?:\\.|[^"\\])*"|`[^`]*`|[^"`\n]|\n(?![ \t]*\n)){0,2000}?)'
            r"\s*/?\s*(?(angle)>|%)\}\}")


def _gist(user: str | None, gist: str, file: str | None) -> str:
    """A Markdown link to a GitHub gist (and one file of it)."""
    where = f"{user}/{gist}" if user else gist
    anchor = "#file-" + re.sub(r"[^\w-]", "-", file.lower()) if file else ""
    return f"[Gist {where}{': ' + file if file else ''}](https://gist.github.com/{where}{anchor})"


def _url(run: _Run, kind: str, target: str) -> str:
    """`target` as a link destination: a placeholder if it is on the old site."""
    if re.match(r"[a-z][a-z0-9+.-]*:|//", target, re.I):
        return f"<{target}>" if re.search(r"[\s()]", target) else target
    return run.link(kind, target, split_fragment=True)


@_rule(r"^[ \t]*(?P<fence>`{3,}(?=[^`\n]*$)|~{3,})[^\n]*"
       r"(?:\n(?:.*\n)*?(?:(?P<closed>[ \t]*(?P=fence)[`~]*[ \t]*(?:\n|\Z))|.*\Z)|\Z)", re.M)
def fenced_code(m: re.Match[str], run: _Run) -> str | None:
    """Fenced code stays as written: authors quote template syntax there on purpose.  (An
    unclosed fence runs to the end, unless indented: then it is likelier quoted code.)"""
    indented = len(m[0]) - len(m[0].lstrip(" \t")) >= 4
    return None if indented and m["closed"] is None else _unescape(m[0])


@_rule(r"^(?: {4}|\t)[^\n]*(?:\n(?:[ \t]*\n)*(?: {4}|\t)[^\n]*)*", re.M)
def indented_code(m: re.Match[str], run: _Run) -> str | None:
    """An indented code block (after a blank line, not inside a list) stays as written; one
    that opens with CodeHilite's `:::lang` (Pelican, Python-Markdown) becomes a fence with
    that language, its lines (tabs and all) otherwise untouched."""
    text, end = m.string, m.start() - 1
    if end >= 0 and text[text.rfind("\n", 0, end) + 1 : end].strip():
        return None  # no blank line before: a paragraph's lazy continuation
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    previous = text[text.rfind("\n", 0, max(end, 0)) + 1 : max(end, 0)]
    if previous[:1] in (" ", "\t") or _LIST_ITEM.fullmatch(previous):
        return None
    header = _CODEHILITE.match(m[0])
    if header:  # Python-Markdown's CodeHilite `:::python` first line: a fence with a language
        lines = [_INDENT.sub("", line, count=1) for line in m[0][header.end():].split("\n")]
        return f"```{header['lang']}\n" + "\n".join(lines) + "\n```"
    return _unescape(m[0])


_CODEHILITE = re.compile(r"(?: {4}|\t)(?::::|#!)(?P<lang>[\w+#.-]+)[ \t]*\n")
_INDENT = re.compile(r"^(?: {4}|\t)")


@_rule(r"\{%-?\s*highlight(?:\s+(?P<lang>[\w+#.]+(?:-[\w+#.]+)*))?" + _TAG_REST
       + r"(?P<code>.*?)\{%-?\s*endhighlight\s*-?%\}", re.S)
def liquid_highlight(m: re.Match[str], run: _Run) -> str | None:
    """`{% highlight ruby linenos %}…{% endhighlight %}` becomes a ```ruby fence."""
    return _fence(m, run, m["lang"] or "", m["code"])


@_rule(_shortcode("highlight") + r"(?P<code>.*?)\{\{[<%]\s*/\s*highlight\s*[>%]\}\}", re.S)
def hugo_highlight(m: re.Match[str], run: _Run) -> str | None:
    """`{{< highlight go "linenos=table" >}}…{{< /highlight >}}` becomes a ```go fence."""
    positional, _ = _args(m["args"])
    return None if m["close"] else _fence(m, run, positional[0] if positional else "", m["code"])


@_rule(r"\{%-?\s*raw\s*-?%\}(?P<inner>.*?)\{%-?\s*endraw\s*-?%\}", re.S)
def liquid_raw(m: re.Match[str], run: _Run) -> str | None:
    """`{% raw %}…{% endraw %}`: the text inside, verbatim (its `{{ }}` included)."""
    return m["inner"]


@_rule(r"\{%-?\s*(?:assign\b" + _TAG_REST + r"|(?P<block>comment|capture)(?:\s+(?P<var>\w+))?"
       + _TAG_REST + r".*?\{%-?\s*end(?P=block)\s*-?%\})" + _EOL, re.S)
def liquid_silent(m: re.Match[str], run: _Run) -> str | None:
    """`{% assign %}`, `{% comment %}…` and `{% capture x %}…` render nothing: removed, content
    too.  Only capture is noted: its text showed wherever `{{ x }}` was used."""
    if m["block"] == "capture":
        run.note(m, f"Liquid capture `{m['var']}` removed", "copy its text to where it was used")
    return run.removed(m)


@_rule(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?>[^`\n]+|\n(?![ \t]*(?:\n|\Z))|`+))*?(?<!`)(?P=ticks)(?!`)")
def inline_code(m: re.Match[str], run: _Run) -> str | None:
    """Inline code stays as written (escapes aside), like code blocks."""
    return _unescape(m[0])


@_rule(_HUGO_ESCAPE, re.S)
def hugo_escape(m: re.Match[str], run: _Run) -> str | None:
    """`{{</* x */>}}` is how Hugo authors show a shortcode literally: it becomes `{{< x >}}`."""
    return "{{" + m[1] + m[2] + m[3] + "}}"


@_rule(r"<!--\s*(?i:more)\s*-->" + _EOL)
def more_marker(m: re.Match[str], run: _Run) -> str | None:
    """`<!--more-->` / `<!-- more -->` ends the summary: removed, its position kept."""
    kept = run.removed(m)
    if run.more_at is None:
        run.more_at = sum(map(len, run.out))
    return kept


@_rule(r"\{%-?\s*(?P<kind>post_url|link)\s+(?P<target>[^\s%{}]+)\s*-?%\}")
def liquid_link(m: re.Match[str], run: _Run) -> str | None:
    """`{% post_url 2019-01-02-x %}` / `{% link _posts/x.md %}`: a link for the caller."""
    return run.link(m["kind"], m["target"])


@_rule(r"\{%-?\s*gist\s+(?:(?P<user>[\w-]+)/)?(?P<id>\w+)(?:\s+(?P<file>[^\s%]+))?\s*-?%\}")
def liquid_gist(m: re.Match[str], run: _Run) -> str | None:
    """`{% gist user/id [file] %}` (jekyll-gist) becomes a link to the gist."""
    return _gist(m["user"], m["id"], m["file"])


@_rule(r"\{%-?\s*include(?:_relative|_cached)?\s+(?P<name>[^\s%]+)" + _TAG_REST)
def liquid_include(m: re.Match[str], run: _Run) -> str | None:
    """`{% include youtube.html id="x" %}`: the include is gone with the old theme, so the tag
    is kept as visible text and noted."""
    run.note(m, f"Liquid include `{m['name']}` kept as text")
    return m[0]


@_rule(r"\{%-?\s*(?P<name>\w*)" + _TAG_REST)
def liquid_tag(m: re.Match[str], run: _Run) -> str | None:
    """Any other Liquid tag (`if`, `for`, …) is kept as text; the opening one is noted."""
    name = m["name"]
    if not re.fullmatch(r"end\w*|else|elsif|when", name):
        hint = f"did you forget `{{% end{name} %}}`?" if name in (
            "highlight", "raw", "comment", "capture") else HAND_HINT
        run.note(m, f"Liquid logic cannot be converted: `{{% {name} %}}` kept as text", hint)
    return m[0]


@_rule(r"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}")
def site_url(m: re.Match[str], run: _Run) -> str | None:
    """`{{ site.url }}{{ site.baseurl }}/2019/x/` → `/2019/x/`: a root-relative old URL the
    caller maps; alone as a link target it means `/`."""
    after, before = m.string[m.end() : m.end() + 1], m.string[max(m.start() - 1, 0) : m.start()]
    if after in ("/", "{", "#", "?"):
        return ""
    return "/" if m.start() and before in "(<\"'=" else None


@_rule(r"""\{\{-?\s*(?P<q>["'])(?P<path>[^"'\n]*)(?P=q)(?:\s*\|\s*"""
       r"""(?:relative_url|absolute_url|prepend:\s*site\.(?:base)?url))+\s*-?\}\}""")
def liquid_url_filter(m: re.Match[str], run: _Run) -> str | None:
    """`{{ "/assets/a.png" | relative_url }}` → `/assets/a.png`."""
    return m["path"]


@_rule(r"\{\{(?![<%])-?(?P<expr>(?:[^}\n]|\}(?!\})|\n(?![ \t]*\n)){0,500}?)-?\}\}")
def liquid_output(m: re.Match[str], run: _Run) -> str | None:
    """Other `{{ page.title }}` output has no value here: kept as text and noted."""
    expr = " ".join(m["expr"].split())[:60]
    run.note(m, f"Liquid output `{{{{ {expr} }}}}` kept as text",
             "replace it with the text it stood for")
    return m[0]


@_rule(r"^[ ]{0,3}\{:(?P<attrs>[^}\n]*)\}" + _LINE_END, re.M)
def kramdown_block_ial(m: re.Match[str], run: _Run) -> str | None:
    """A kramdown IAL line: `{: #id}` after a heading becomes markdown-it-attrs ` {#id}` on it;
    `{:toc}` goes with the `* TOC` list above it (readsite makes its own table of contents);
    anything else (classes, ALDs, options) is dropped."""
    kept = run.removed(m)
    ident = re.search(r"#([\w:.-]+)", m["attrs"])
    is_toc = m["attrs"].strip() == "toc"
    lines = run.tail(len(run.out) + 1 if is_toc else 2).split("\n")
    while is_toc and len(lines) > 1 and _LIST_ITEM.fullmatch(lines[-2]):
        del lines[-2]
    if ident and len(lines) > 1 and _ATX.fullmatch(lines[-2]):
        heading = re.sub(r"[ \t]+#+[ \t]*\Z", "", lines[-2]).rstrip()
        lines[-2] = f"{heading} {{#{ident[1]}}}"
    run.out[-1] = "\n".join(lines)
    return kept


@_rule(r"(?<=[)\]`*_])\{:(?!:)[^}\n]*\}")
def kramdown_span_ial(m: re.Match[str], run: _Run) -> str | None:
    """`[x](y){:target="_blank"}`: span attributes after a link or emphasis are dropped."""
    return ""


@_rule(_shortcode("youtube|vimeo"))
def hugo_video(m: re.Match[str], run: _Run) -> str | None:
    """`{{< youtube ID >}}` / `{{< vimeo ID >}}` → a link to the video (embeds need scripts)."""
    positional, named = _args(m["args"])
    video = named.get("id") or (positional[0] if positional else "")
    if m["close"] or not re.fullmatch(r"[\w-]+", video):
        return None
    if m["name"] == "vimeo":
        return f"[▶ Watch on Vimeo](https://vimeo.com/{video})"
    title = f": {named['title']}" if named.get("title") else ""
    return f"[▶ Watch on YouTube{title}](https://www.youtube.com/watch?v={video})"


@_rule(_shortcode("figure"))
def hugo_figure(m: re.Match[str], run: _Run) -> str | None:
    """`{{< figure src alt caption link >}}` → `![alt](src "caption")`, linked if `link`
    is given, then the caption in italics."""
    _, named = _args(m["args"])
    if m["close"] or not named.get("src"):
        return None
    caption = " ".join((named.get("caption") or named.get("title") or "").split())
    alt = (named.get("alt") or caption).replace("]", "\\]")
    title = ' "' + caption.replace('"', '\\"') + '"' if caption else ""
    image = f"![{alt}]({_url(run, 'static', named['src'])}{title})"
    if named.get("link"):
        image = f"[{image}]({_url(run, 'static', named['link'])})"
    return image + (f"\n\n*{caption}*" if caption else "")


@_rule(_shortcode("gist"))
def hugo_gist(m: re.Match[str], run: _Run) -> str | None:
    """`{{< gist user id [file] >}}` → a link to the gist."""
    positional, _ = _args(m["args"])
    if m["close"] or len(positional) < 2:
        return None
    return _gist(positional[0], positional[1], positional[2] if len(positional) > 2 else None)


@_rule(_shortcode("tweet|twitter|twitter_simple|x"))
def hugo_tweet(m: re.Match[str], run: _Run) -> str | None:
    """`{{< tweet user="x" id="n" >}}` (or the old `{{< tweet n >}}`) → a link to the tweet."""
    positional, named = _args(m["args"])
    tweet = named.get("id") or (positional[-1] if positional else "")
    user = named.get("user") or (positional[0] if len(positional) > 1 else "")
    if m["close"] or not tweet.isdigit() or not re.fullmatch(r"\w*", user):
        return None
    by = f" by @{user}" if user else ""
    return f"[Tweet{by}](https://twitter.com/{user or 'i'}/status/{tweet})"


@_rule(_shortcode("ref|relref"))
def hugo_ref(m: re.Match[str], run: _Run) -> str | None:
    """`{{< ref "post.md#part" >}}` / `relref`: a link for the caller (`#part` kept)."""
    positional, named = _args(m["args"])
    target = named.get("path") or (positional[0] if positional else "")
    return None if m["close"] or not target else run.link(m["name"], target, split_fragment=True)


@_rule(_shortcode(r"[\w.-][\w./-]*"))
def hugo_unknown(m: re.Match[str], run: _Run) -> str | None:
    """Any other shortcode is kept as visible text (the opening tag noted): its output depended
    on the old theme."""
    if not m["close"]:
        run.note(m, f"unknown Hugo shortcode `{m['name']}` kept as text")
    return m[0]


@_rule(r"(?:(?<=\]\()|(?<=\]\(<)|(?<=\]:[ \t])|(?<==[\"'])|(?<==))"
       r"(?:\{(?P<kind>filename|static|attach)\}|\|(?P<legacy>filename)\|)(?P<target>[^\s)\"'<>]+)")
def pelican_link(m: re.Match[str], run: _Run) -> str | None:
    """Pelican's `{filename}x.md`, `{static}`, `{attach}` (and old `|filename|`) link targets."""
    return run.link(m["kind"] or m["legacy"], m["target"], split_fragment=True)


RULES: tuple[Rule, ...] = (
    fenced_code, indented_code, liquid_highlight, hugo_highlight, liquid_raw, liquid_silent,
    inline_code, hugo_escape, more_marker, liquid_link, liquid_gist, liquid_include, liquid_tag,
    site_url, liquid_url_filter, liquid_output, kramdown_block_ial, kramdown_span_ial,
    hugo_video, hugo_figure, hugo_gist, hugo_tweet, hugo_ref, hugo_unknown, pelican_link,
)
"""Every conversion; at one position the earlier rule wins (code first, specific before
generic)."""


def convert(body: str, path: Path, line_offset: int = 0) -> Converted:
    """`body` with template syntax converted; notes located at `line_offset` + 1-based line."""
    prefix, n = "readsite-link", 1
    while prefix in body:
        n += 1
        prefix = f"readsite-link{n}"
    run = _Run(body, path, line_offset, prefix)
    found = [rule.pattern.search(body) for rule in RULES]
    pos = 0
    while True:
        best: re.Match[str] | None = None
        index = 0
        for i, rule in enumerate(RULES):
            m = found[i]
            if m is not None and m.start() < pos:
                m = found[i] = rule.pattern.search(body, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best, index = m, i
        if best is None:
            break
        run.out.append(body[pos : best.start()])
        pos = best.start()
        result = RULES[index].apply(best, run) if best.end() > best.start() else None
        if result is None:
            found[index] = RULES[index].pattern.search(body, best.start() + 1)
            continue
        run.out.append(result)
        pos = best.end()
    out = "".join(run.out) + body[pos:]
    more_at = None if run.more_at is None else min(run.more_at, len(out))
    return Converted(out, tuple(run.links), tuple(run.notes), more_at)

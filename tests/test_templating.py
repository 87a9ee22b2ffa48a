"""Jekyll/Hugo template syntax in migrated posts: what the reader ends up seeing."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from readsite.importers.templating import RULES, Converted, LinkRef, convert

POST = Path("content/hello.md")
HINT = "write it as Markdown by hand, or remove it"


def conv(body: str, line_offset: int = 0) -> Converted:
    """Convert `body` as if it came from content/hello.md."""
    return convert(body, POST, line_offset)


def messages(result: Converted) -> list[tuple[int | None, str]]:
    """(line, message) of every note."""
    return [(n.line, n.message) for n in result.notes]


# --- rules as data ----------------------------------------------------------------------

def test_every_rule_is_named_and_says_why() -> None:
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names)
    assert all(rule.doc.strip() for rule in RULES)
    assert names.index("fenced-code") < names.index("liquid-highlight")
    assert names.index("hugo-figure") < names.index("hugo-unknown")


# --- Liquid -------------------------------------------------------------------------------

def test_highlight_block_becomes_a_fence_with_content_exact() -> None:
    body = (
        "Here is the method:\n\n"
        "{% highlight ruby linenos %}\n"
        "# Say hello\n"
        "def foo\n"
        "\tputs 'foo'\n"
        "\n"
        "end\n"
        "{% endhighlight %}\n\n"
        "That's all.\n"
    )
    result = conv(body)
    assert result.body == (
        "Here is the method:\n\n```ruby\n# Say hello\ndef foo\n\tputs 'foo'\n\nend\n```\n\n"
        "That's all.\n"
    )
    assert result.notes == ()


def test_highlight_with_whitespace_control_and_no_language() -> None:
    body = "{%- highlight -%}\nplain text\n{%- endhighlight -%}\n"
    assert conv(body).body == "```\nplain text\n```\n"
    body = "{%- highlight shell-session -%}\n$ ls\n{%- endhighlight -%}"
    assert conv(body).body == "```shell-session\n$ ls\n```"


def test_highlight_containing_a_fence_gets_a_longer_fence() -> None:
    body = "{% highlight markdown %}\n```python\nprint(1)\n```\n{% endhighlight %}\n"
    assert conv(body).body == "````markdown\n```python\nprint(1)\n```\n````\n"


def test_highlight_inside_a_list_item_keeps_its_indent() -> None:
    body = "1. Install:\n\n   {% highlight bash %}\n   gem install jekyll\n   {% endhighlight %}\n"
    assert conv(body).body == "1. Install:\n\n   ```bash\n   gem install jekyll\n   ```\n"


def test_highlight_mid_line_is_put_on_lines_of_its_own() -> None:
    body = "Run {% highlight sh %}make{% endhighlight %} now."
    assert conv(body).body == "Run \n```sh\nmake\n```\n now."


def test_hugo_highlight_shortcode_becomes_a_fence() -> None:
    body = '{{< highlight go "linenos=table,hl_lines=2" >}}\nfunc main() {\n}\n{{< /highlight >}}\n'
    assert conv(body).body == "```go\nfunc main() {\n}\n```\n"


def test_raw_keeps_its_inner_text_verbatim() -> None:
    body = "Write {% raw %}{{ site.title }}{% endraw %} in the layout.\n"
    result = conv(body)
    assert result.body == "Write {{ site.title }} in the layout.\n"
    assert result.notes == ()


def test_raw_around_a_fence_and_inside_a_fence_both_disappear() -> None:
    inside = "```yaml\n{% raw %}\ntoken: ${{ secrets.GITHUB_TOKEN }}\n{% endraw %}\n```\n"
    assert conv(inside).body == "```yaml\ntoken: ${{ secrets.GITHUB_TOKEN }}\n```\n"
    around = "{% raw %}\n```html\n<h1>{{ page.title }}</h1>\n```\n{% endraw %}"
    assert conv(around).body == "\n```html\n<h1>{{ page.title }}</h1>\n```\n"
    assert conv(around).notes == ()


def test_post_url_and_link_become_placeholders() -> None:
    body = (
        "See [my first post]({% post_url 2010-07-21-name-of-post %}) and "
        "[the follow-up]({% link _posts/2016-07-26-name-of-post.md %}).\n"
    )
    result = conv(body)
    assert result.links == (
        LinkRef("post_url", "2010-07-21-name-of-post", "readsite-link:0:"),
        LinkRef("link", "_posts/2016-07-26-name-of-post.md", "readsite-link:1:"),
    )
    assert result.body == (
        "See [my first post](readsite-link:0:) and [the follow-up](readsite-link:1:).\n"
    )


def test_placeholders_are_unique_and_none_is_a_prefix_of_another() -> None:
    body = "\n".join(f"- [p{i}]({{% post_url 2019-01-{i:02}-x %}})" for i in range(1, 13))
    result = conv(body)
    placeholders = [link.placeholder for link in result.links]
    assert len(set(placeholders)) == 12
    for p in placeholders:
        assert result.body.count(p) == 1
        assert not any(q != p and q.startswith(p) for q in placeholders)
    filled = result.body
    for link in result.links:  # what the caller does
        filled = filled.replace(link.placeholder, "/new/" + link.target + "/")
    assert "- [p10](/new/2019-01-10-x/)" in filled


def test_a_body_that_already_mentions_the_placeholder_gets_another_prefix() -> None:
    result = conv("Text about readsite-link:0: itself. [x]({% post_url 2019-01-02-x %})")
    (link,) = result.links
    assert link.placeholder != "readsite-link:0:"
    assert result.body.count(link.placeholder) == 1


def test_site_url_prefixes_are_dropped_from_links() -> None:
    body = (
        "[Old post]({{ site.url }}{{ site.baseurl }}/2019/01/02/hello.html)\n"
        "![Chart]({{site.baseurl}}/assets/chart.png)\n"
        "[Home]({{ site.baseurl }})\n"
        "[Prev]({{ site.baseurl }}{% post_url 2019-01-02-hello %})\n"
        '![Logo]({{ "/assets/logo.png" | relative_url }})\n'
    )
    result = conv(body)
    assert result.body == (
        "[Old post](/2019/01/02/hello.html)\n![Chart](/assets/chart.png)\n[Home](/)\n"
        "[Prev](readsite-link:0:)\n![Logo](/assets/logo.png)\n"
    )
    assert result.notes == ()


def test_unknown_include_is_kept_and_noted() -> None:
    body = 'Watch this:\n\n{% include youtube.html id="dQw4w9WgXcQ" %}\n'
    result = conv(body)
    assert result.body == body
    (note,) = result.notes
    assert (note.path, note.line, note.message) == (
        POST, 3, "Liquid include `youtube.html` kept as text")
    assert note.hint == HINT


def test_assign_and_comment_vanish_without_notes() -> None:
    body = (
        "{% assign author = site.data.people.jane %}\n"
        "First paragraph.\n"
        "{% comment %}\nTODO: add the chart here\n{% endcomment %}\n"
        "Second paragraph.\n"
    )
    result = conv(body)
    assert result.body == "\nFirst paragraph.\n\nSecond paragraph.\n"
    assert "TODO" not in result.body
    assert result.notes == ()


def test_capture_is_removed_with_a_note() -> None:
    result = conv("{% capture intro %}Hello **there**{% endcapture %}\n\n{{ intro }}\n")
    assert result.body == "\n\n{{ intro }}\n"
    assert messages(result) == [
        (1, "Liquid capture `intro` removed"),
        (3, "Liquid output `{{ intro }}` kept as text"),
    ]


def test_liquid_logic_is_kept_with_one_note_per_opening_tag() -> None:
    body = "{% if page.comments %}\nLeave a comment!\n{% else %}\nNo.\n{% endif %}\n"
    result = conv(body)
    assert result.body == body
    assert messages(result) == [(1, "Liquid logic cannot be converted: `{% if %}` kept as text")]


def test_output_tags_are_noted_outside_code_only() -> None:
    body = "# {{ page.title }}\n\nUse `{{ page.title }}` in layouts.\n"
    result = conv(body)
    assert result.body == body
    assert messages(result) == [(1, "Liquid output `{{ page.title }}` kept as text")]


def test_unclosed_block_tag_suggests_the_closing_tag() -> None:
    (note,) = conv("{% highlight ruby %}\nputs 1\n").notes
    assert note.hint == "did you forget `{% endhighlight %}`?"


def test_jekyll_gist_becomes_a_link() -> None:
    assert conv("{% gist parkr/931c1c8d465a04042403 %}").body == (
        "[Gist parkr/931c1c8d465a04042403](https://gist.github.com/parkr/931c1c8d465a04042403)")


# --- kramdown -----------------------------------------------------------------------------

def test_heading_ial_becomes_a_heading_attribute() -> None:
    body = "## Getting started ##\n{: #start .section}\n\nText.\n"
    assert conv(body).body == "## Getting started {#start}\n\n\nText.\n"


def test_ial_after_other_blocks_is_dropped() -> None:
    body = "![Sunset](/img/sunset.jpg)\n{: .center-image}\nA caption line.\n{:.no_toc}\n"
    assert conv(body).body == "![Sunset](/img/sunset.jpg)\n\nA caption line.\n\n"


def test_kramdown_toc_list_is_removed() -> None:
    body = "## Contents\n\n* TOC\n{:toc}\n\nFirst section.\n"
    assert conv(body).body == "## Contents\n\n\n\nFirst section.\n"
    body = "1. this will be replaced by the TOC\n{: toc}\n"
    assert conv(body).body == "\n"


def test_span_ial_after_links_is_dropped() -> None:
    body = 'Read [the docs](https://jekyllrb.com/docs/){:target="_blank"} and **this**{: .red}.'
    assert conv(body).body == "Read [the docs](https://jekyllrb.com/docs/) and **this**."


def test_a_styled_jekyll_post_reads_cleanly() -> None:
    body = (
        "- Code highlight:\n"
        '![Highlight](/blog/assets/hl.png){: width="300"}\n'
        "  Result:\n"
        "    {% highlight ruby %}\n"
        "    def print_hi(name)\n"
        '      puts "Hi, #{name}"\n'
        "    end\n"
        "    {% endhighlight %}\n\n"
        '*[here](https://github.com/x/y){:target="_blank"}*{:.ul} *&nbsp;*{:.fas .small}\n\n'
        "Group | Artifact\n--- | ---\nio.ktor | ktor-server-core\n{: .table .table-striped}\n\n"
        "##### Center\n{: .center}\n"
    )
    result = conv(body)
    assert result.body == (
        "- Code highlight:\n![Highlight](/blog/assets/hl.png)\n  Result:\n"
        '    ```ruby\n    def print_hi(name)\n      puts "Hi, #{name}"\n    end\n    ```\n\n'
        "*[here](https://github.com/x/y)* *&nbsp;*\n\n"
        "Group | Artifact\n--- | ---\nio.ktor | ktor-server-core\n\n\n##### Center\n\n"
    )
    assert result.notes == ()


# --- Hugo ---------------------------------------------------------------------------------

def test_youtube_and_vimeo_become_links() -> None:
    body = (
        "{{< youtube w7Ft2ymGmfc >}}\n\n"
        '{{< youtube id="w7Ft2ymGmfc" autoplay="true" title="Hugo in 5 minutes" >}}\n\n'
        "{{< vimeo 146022717 >}}\n"
    )
    assert conv(body).body == (
        "[▶ Watch on YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)\n\n"
        "[▶ Watch on YouTube: Hugo in 5 minutes](https://www.youtube.com/watch?v=w7Ft2ymGmfc)\n\n"
        "[▶ Watch on Vimeo](https://vimeo.com/146022717)\n"
    )


def test_figure_becomes_an_image_with_a_caption() -> None:
    body = '{{< figure src="/images/elephant.jpg" alt="An elephant" caption="At sunset" >}}\n'
    result = conv(body)
    assert result.body == '![An elephant](readsite-link:0: "At sunset")\n\n*At sunset*\n'
    assert result.links == (LinkRef("static", "/images/elephant.jpg", "readsite-link:0:"),)


def test_figure_with_link_and_remote_src() -> None:
    body = '{{< figure src="https://example.com/a.png" link="full.png" title="Big \\"A\\"" />}}'
    result = conv(body)
    assert result.body == (
        '[![Big "A"](https://example.com/a.png "Big \\"A\\"")](readsite-link:0:)\n\n*Big "A"*')
    assert [link.target for link in result.links] == ["full.png"]


def test_figure_src_with_spaces_and_code_in_the_caption() -> None:
    body = '{{< figure src="Capture One 5757.jpg" class="portrait" caption="Nails. `1/100s`" >}}'
    result = conv(body)
    assert result.body == (
        '![Nails. `1/100s`](readsite-link:0: "Nails. `1/100s`")\n\n*Nails. `1/100s`*')
    assert result.links == (LinkRef("static", "Capture One 5757.jpg", "readsite-link:0:"),)


def test_gist_and_tweet_become_links() -> None:
    body = (
        '{{< gist spf13 7896402 "img.html" >}}\n'
        '{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}\n'
        "{{< tweet 877500564405444608 >}}\n"
    )
    assert conv(body).body == (
        "[Gist spf13/7896402: img.html](https://gist.github.com/spf13/7896402#file-img-html)\n"
        "[Tweet by @SanDiegoZoo](https://twitter.com/SanDiegoZoo/status/1453110110599868418)\n"
        "[Tweet](https://twitter.com/i/status/877500564405444608)\n"
    )


def test_ref_and_relref_become_placeholders_keeping_the_fragment() -> None:
    body = (
        '[Setup]({{< ref "blog/setup.md" >}}), [part 2]({{% relref "part-2.md#install" %}}) '
        'and [above]({{< ref "#intro" >}}).'
    )
    result = conv(body)
    assert result.body == (
        "[Setup](readsite-link:0:), [part 2](readsite-link:1:#install) and [above](#intro).")
    assert [(link.kind, link.target) for link in result.links] == [
        ("ref", "blog/setup.md"), ("relref", "part-2.md")]


def test_more_marker_is_removed_and_its_position_kept() -> None:
    result = conv("The summary.\n\n<!--more-->\n\nThe rest.\n")
    assert result.body == "The summary.\n\n\n\nThe rest.\n"
    assert result.more_at is not None
    assert result.body[: result.more_at].strip() == "The summary."
    jekyll = conv("Intro. <!-- more --> Rest, and <!-- more --> again.")
    assert jekyll.body == "Intro.  Rest, and  again."
    assert jekyll.more_at == len("Intro. ")
    assert conv("No marker.").more_at is None


def test_unknown_shortcode_is_kept_and_noted_once_per_pair() -> None:
    body = (
        "Intro.\n\n{{% notice warning %}}\nBack up first.\n{{% /notice %}}\n"
        "{{< instagram BWNjjyYFxVx >}}"
    )
    result = conv(body, line_offset=4)
    assert result.body == body
    assert [(n.line, n.message, n.hint) for n in result.notes] == [
        (7, "unknown Hugo shortcode `notice` kept as text", HINT),
        (10, "unknown Hugo shortcode `instagram` kept as text", HINT),
    ]


def test_shortcodes_nested_in_an_unknown_pair_are_still_converted() -> None:
    body = "{{< tabs >}}\n{{< youtube abc123 >}}{{< vimeo 42 >}}\n{{< /tabs >}}"
    result = conv(body)
    assert result.body == (
        "{{< tabs >}}\n[▶ Watch on YouTube](https://www.youtube.com/watch?v=abc123)"
        "[▶ Watch on Vimeo](https://vimeo.com/42)\n{{< /tabs >}}"
    )
    assert messages(result) == [(1, "unknown Hugo shortcode `tabs` kept as text")]


def test_escaped_shortcodes_show_literally() -> None:
    body = "Embed it with:\n\n```go-html-template\n{{</* youtube w7Ft2ymGmfc */>}}\n```\n"
    assert conv(body).body == body.replace("{{</*", "{{<").replace("*/>}}", ">}}")
    assert "{{< youtube w7Ft2ymGmfc >}}" in conv(body).body
    assert conv("Type `{{%/* notice */%}}`.").body == "Type `{{% notice %}}`."


# --- Pelican ------------------------------------------------------------------------------

def test_pelican_link_syntax_becomes_placeholders() -> None:
    body = (
        "[Earlier]({filename}/2019/earlier.md#results), ![Plot]({static}/images/plot.png), "
        "[data]({attach}data.csv) and [old](|filename|legacy.rst).\n"
        "[ref]: {filename}other.md\n"
    )
    result = conv(body)
    assert result.body == (
        "[Earlier](readsite-link:0:#results), ![Plot](readsite-link:1:), "
        "[data](readsite-link:2:) and [old](readsite-link:3:).\n[ref]: readsite-link:4:\n"
    )
    assert [(link.kind, link.target) for link in result.links] == [
        ("filename", "/2019/earlier.md"), ("static", "/images/plot.png"),
        ("attach", "data.csv"), ("filename", "legacy.rst"), ("filename", "other.md")]


# --- code is left alone -------------------------------------------------------------------

TEMPLATED = (
    "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{{ page.title }} {% post_url a %}\n"
    "{{< youtube abc >}} <!--more--> [x]({filename}a.md)\n{: #id}\n"
)


def test_fenced_code_is_left_untouched() -> None:
    for fence in ("```", "~~~", "````"):
        body = f"How to write it:\n\n{fence}liquid\n{TEMPLATED}{fence}\n\nDone.\n"
        result = conv(body)
        assert result == Converted(body, (), (), None)


def test_an_unclosed_fence_runs_to_the_end_unless_it_is_indented_code() -> None:
    body = "Text.\n\n```\n{{< youtube abc >}}\n"
    assert conv(body) == Converted(body, (), (), None)
    quoted = "Markdown:\n\n    ```\n    code\n\n{{< youtube abc >}}\n"
    assert conv(quoted).body.endswith("\n[▶ Watch on YouTube](https://www.youtube.com/watch?v=abc)\n")


def test_indented_code_is_left_untouched() -> None:
    code = "".join("    " + line + "\n" for line in TEMPLATED.splitlines())
    body = f"Example:\n\n{code}\nDone.\n"
    assert conv(body) == Converted(body, (), (), None)


def test_inline_code_is_left_untouched() -> None:
    body = "Use `{% post_url 2019-01-02-x %}` or ``{{< ref \"a.md\" >}}`` or `<!--more-->`."
    assert conv(body) == Converted(body, (), (), None)


def test_indented_text_in_a_list_is_not_code() -> None:
    body = "- Watch:\n\n    {{< youtube abc >}}\n"
    assert conv(body).body == "- Watch:\n\n    [▶ Watch on YouTube](https://www.youtube.com/watch?v=abc)\n"


# --- where the notes point ----------------------------------------------------------------

def test_note_lines_follow_the_original_body_plus_offset() -> None:
    body = (
        "{% highlight python %}\n"      # 1: becomes a fence (same lines)
        "x = 1\n"
        "{% endhighlight %}\n"
        "{% comment %}\ngone\ngone\n{% endcomment %}\n"  # 4-7: removed
        "{{ page.date }}\n"             # 8
        "{% for p in site.posts %}\n"   # 9
        "{{< param name >}}\n"          # 10
    )
    result = conv(body, line_offset=3)
    assert [n.line for n in result.notes] == [11, 12, 13]
    assert all(n.path == POST for n in result.notes)


# --- properties ---------------------------------------------------------------------------

TRIGGERS = ("{%", "{{", "{:", "<!--", "{filename}", "{static}", "{attach}", "|filename|")
PIECES = st.sampled_from([
    "\n", "\n\n", "    ", "\t", "```", "~~~", "`", "#", "- ", "1. ", "[a](", ")", "](", "]: ",
    "{", "}", "%", "<", ">", "|", "/", "*", "_", ":", "=", '"', "'", "-", "\\",
    "{% raw %}", "{% endraw %}", "{% highlight ruby %}", "{% endhighlight %}", "{% if x %}",
    "{{ site.url }}", "{{< youtube a >}}", "{{< x", "{{% y %}}", "{{< /y >}}", "{: #a}",
    "{:toc}", "<!--more-->", "{filename}", "|filename|", "{% post_url a %}", "{{</* z */>}}",
    '{{< figure src="a.png" caption="c" >}}', "{% comment %}", "{% endcomment %}",
])


@given(st.text())
@settings(max_examples=300)
def test_text_without_template_syntax_is_unchanged(text: str) -> None:
    assume(not any(t in text for t in TRIGGERS))
    assert conv(text) == Converted(text, (), (), None)


@given(st.lists(PIECES.filter(lambda p: not any(t in p for t in TRIGGERS)) | st.text(max_size=5)))
@settings(max_examples=300)
def test_markdown_shaped_text_without_template_syntax_is_unchanged(parts: list[str]) -> None:
    text = "".join(parts)
    assume(not any(t in text for t in TRIGGERS))
    assert conv(text) == Converted(text, (), (), None)


@given(st.lists(PIECES | st.text(max_size=8)), st.integers(0, 50))
@settings(max_examples=400)
def test_convert_never_raises_and_keeps_its_promises(parts: list[str], offset: int) -> None:
    text = "".join(parts)
    result = conv(text, offset)
    for link in result.links:
        assert link.placeholder in result.body
        assert re.fullmatch(r"readsite-link\d*:\d+:", link.placeholder)
    lines = text.count("\n") + 1
    assert all(offset < (n.line or 0) <= offset + lines for n in result.notes)
    assert result.more_at is None or 0 <= result.more_at <= len(result.body)

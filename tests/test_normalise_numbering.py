"""A numbered story goes on past a "Read more" box set between two of its sections, and a
gallery of other stories kept as a list of slides leaves (`numbering`, `tidy`)."""

from __future__ import annotations

from readsite import normalise as n
from readsite.importers.tidy import drop_slide_lists

SECTION = ("The rooms are cleaned every day, but some things are cleaned far less often than "
           "guests would think, and the staff know which ones.")
TIPS = ["the kettle", "the remote", "the curtains", "the carpet", "the hairdryer", "the minibar",
        "the towels"]


def tip(k: int) -> str:
    return (f"Housekeepers say {TIPS[k - 1]} is the thing guests ask about most, and that it is "
            f"checked less often than the bed linen in most of the hotels they work for ({k}).")


def other(k: int) -> str:
    return (f"A night manager of twenty years explains why {TIPS[k - 1]} costs the hotel more "
            f"than the room service menu ever brings back in a busy season ({k}).")


def listicle(first_after: int) -> str:
    """A saved listicle as the extractor gives it: sections 1-4 as numbered lines, a "Read
    more" box whose links it dropped (only its title is left), then sections from
    `first_after` on as headings."""
    above = "\n\n".join(f"{k}\\. Tip number {k}\n\n{tip(k)}" for k in range(1, 5))
    below = "\n\n".join(f"### {k}. Tip number {k}\n\n{other(k)}"
                        for k in range(first_after, first_after + 3))
    return f"# Seven secrets of hotels\n\n{above}\n\n# Read more\n\n{below}"


def test_a_read_more_box_between_numbered_sections_does_not_end_the_story() -> None:
    """A real saved page lost its sections 5 to 7 to the box between 4 and 5."""
    result = n.normalise_markdown(listicle(5))
    for k in (5, 6, 7):
        assert other(k) in result.body
    assert any(t.rule == "numbered-story-goes-on" and t.text == "Read more" for t in result.trace)


def test_a_related_list_numbered_on_its_own_is_still_the_tail() -> None:
    result = n.normalise_markdown(listicle(1))
    assert "night manager" not in result.body


def test_gallery_slides_and_their_title_leave_the_story() -> None:
    slides = "\n".join(f"- ## {k}/50 Headline {k} A caption about another story." for k in
                       range(1, 6))
    kept, traces = drop_slide_lists([SECTION, "### Business news in pictures",
                                     "### Business news in pictures", slides, SECTION])
    assert kept == [SECTION, SECTION]
    assert {t.rule for t in traces} == {"extractor: gallery slides"} and len(traces) == 7


def test_a_list_that_only_looks_like_slides_stays() -> None:
    for listed in ("- 1/2 cup of flour\n- 2/3 cup of milk\n- 3/4 cup of sugar",  # no shared total
                   "- ## 1/50 One\n- ## 3/50 Three\n- ## 4/50 Four",  # not in order
                   "- ## 1/50 One\n- A plain item\n- ## 2/50 Two"):  # not every item
        assert drop_slide_lists([SECTION, listed])[0] == [SECTION, listed]

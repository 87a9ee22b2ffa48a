"""Furniture around the story that is not a page control: press-release tails, e-mail footers,
sponsor reads, captions fused with their credits, counters and legal small print.

`furniture_rule` names the rule a whole block breaks (on its original text, since some shapes
depend on case: "SOURCE Acme Corp"); `press_tail` says whether a block opens a press release's
closing furniture ("About Acme", "Media Contact:"), which then runs to the end.  Like the page
chrome rules, every shape is anchored and length-capped, so a sentence of the story that only
mentions a sponsor, a credit or a contact is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block, plain_markdown
from readsite.normalise.captions import CAPTION, is_caption
from readsite.normalise.linerules import READ_ALSO_ALTERNATION, READ_MORE
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words

PRESS_TAIL = Rule("press-release-tail", "A press release's closing furniture after the story: "
                  "an \"About <Company>\" boilerplate, \"Forward-Looking Statements\", a "
                  "\"Media Contact:\" block; dropped from that line to the end.  The name an "
                  "\"About\" line gives is the source when nothing else names one.")
WIRE_SOURCE = Rule("wire-source-line", "A press release's \"SOURCE Company\" line, or its "
                   "\"News provided by\" label and the company line under it.")
FORWARD_LOOKING = Rule("forward-looking", "A forward-looking-statements (safe harbour) "
                       "paragraph of a press release.")
EMAIL_FOOTER = Rule("email-footer", "An e-mail newsletter's furniture: \"View in browser\", "
                    "\"Forwarded this email?\", \"You are receiving this because ...\", "
                    "\"Unsubscribe\", \"Update your preferences\".")
SPONSOR = Rule("sponsor-line", "A sponsor line: \"Presented by X\", \"This episode is brought to "
               "you by X. Use code Y\" (a short label, or a read with an offer code).")
COUNTER = Rule("counter", "Like/comment/share counters (\"12 likes · 3 comments\", \"Thousands "
               "of paid subscribers\"), and a bare number or \"X\" beside other page chrome.")
SHARE_BAR = Rule("share-bar", "A row of share targets (\"Share: LinkedIn | Email | Print\").")
POST_LABELS = Rule("post-labels", "A tag or category line (\"Tags: a, b, c\", \"Filed under: X\").")
CALL_TO_ACTION = Rule("call-to-action", "A closing prompt to contact the publisher (\"Have a "
                      "question about this topic? Contact our team.\").")
STANDARDS = Rule("standards-link", "A link to the outlet's editorial standards (\"Our Standards: "
                 "The Trust Principles.\").")
LEGAL = Rule("legal-notice", "Legal small print: \"for informational purposes only\", \"does not "
             "constitute legal advice\", \"Attorney Advertising\", affiliate-link disclosures.")

AUTHOR_BOX = Rule("author-box-bio", "The author box under a post: after a closing \"Written by "
                  "NAME\" line, its short lines (a follower count, a one-line bio, \"Follow\"; "
                  "one of them a button or count) up to the end or to a \"More from\" tail.")
CONTACT_LINE = Rule("contact-line", "A release's press contact on one line (\"Media contact: "
                    "Jane Roe, jroe@example.org, +1 555 0100\").")
FEED_FOOTER = Rule("feed-footer", "A feed item's footer: \"The post X appeared first on Y.\" "
                   "(also when its links are Markdown).")

WIRE_CAPTION = Rule("wire-caption", "A wire photo caption under a gallery counter: "
                    "\"Item 1 of 2 ...\", \"[1/2] ...\", \"Photo 3 of 5 ...\".")
CTA_BUTTON = Rule("cta-button", "A call-to-action button line (\"Learn more\", \"Book a demo\","
                  " \"See Acme in action\", \"Get started\"): 1-5 words, an imperative and "
                  "no sentence; and the one-line pitch directly above it after the story.")
AUTHOR_ROLE = Rule("author-role-line", "An author box's role line on its own: \"Writer for "
                   "<Publication>\", \"Staff reporter at X\" (a role + for/at + a name).")

MARKET_WIDGET = Rule("market-widget", "A market ticker line (\"ABC 52.18 \u25b2 3.4%\": a "
                     "name, a price and a signed change) or its credit (\"Market data provided "
                     "by X\", \"Quotes delayed 15 minutes\").")
AFFILIATE_BUTTON = Rule("affiliate-button", "A shop button under a product: \"$89 at Shopname\","
                        " \"Check price at Shopname\", \"Buy now\", \"See deal\".")
SUPPORT_PITCH = Rule("support-pitch", "A donation or membership pitch line: \"Support local "
                     "news\", \"Become a member\", \"Give $5 a month\", \"Donate\" (short, "
                     "anchored; \"Support for the measure grew\" is a sentence).")
SITE_PROMPT = Rule("site-prompt", "A page's prompt about itself: an app banner (\"Open in the "
                   "app\"), a paywall counter (\"You have 2 free articles left\"), consent "
                   "text (\"Your privacy is important to us\"), \"Ready for more?\", "
                   "\"Write to NAME at EMAIL\", \"Contact our X team\", \"Listen on X\", "
                   "\"Share by email\".")

_TICKER = re.compile(r"^[A-Za-z&^.][\w&^.'’/-]*(?: [\w&^.'’/-]+){0,3}\s+[$£€]?\d[\d,]*(?:\.\d+)?"
                     r"\s*(?:[\u25b2\u25bc\u25b3\u25bd\u2191\u2193\u2b06\u2b07]\s*[+\-\u2212]?|"
                     r"[+\-\u2212\u2013])\s*\d[\d,]*(?:\.\d+)?\s*%?"
                     r"(?:\s*\(\s*[+\-\u2212]?\d[\d.,]*\s*%?\s*\))?$")
_MARKET = re.compile(r"^(?:market data (?:provided|powered|supplied) by\b.{0,60}|(?:stock )?"
                     r"quotes (?:are )?delayed\b.{0,60}|(?:market|stock) data (?:as of|delayed)"
                     r"\b.{0,60})$")
_AFFILIATE = re.compile(r"^(?:(?:[£$€]|us\$|a\$|c\$)\s?\d[\d.,]*\s+(?:at|from|on|@)\s+\S.{0,30}|"
                        r"(?:check|see|compare|view) (?:the )?(?:latest )?(?:price|prices|deal|"
                        r"deals|offer|offers)(?: (?:at|on) \S.{0,30})?|buy (?:it )?now(?: (?:at|on|"
                        r"from) \S.{0,30})?|shop now(?: (?:at|on) \S.{0,30})?|"
                        r"(?:buy|shop) (?:at|on|from) \S.{0,30}|see (?:it )?at \S.{0,30})\s*"
                        r"(?:[→›>]|->)?$")
_SUPPORT = re.compile(r"^(?:support (?:(?:local|independent|nonprofit|non-profit|public|quality|"
                      r"our|free|community) )*(?:news|journalism|reporting|newsroom|work|media)|"
                      r"become an? (?:\w+ )?(?:member|supporter|patron|sustaining member|"
                      r"subscriber)(?: today| now)?|give (?:[£$€]\d[\d.,]*|once|monthly)"
                      r"(?: (?:a|per|every) (?:month|year|week))?|donate(?: now| today| monthly|"
                      r" once)?|make (?:a|your) (?:donation|gift|contribution)(?: today| now)?|"
                      r"(?:chip in|contribute) (?:[£$€]\d[\d.,]*|today|now)|"
                      r"(?:join|become) (?:us|a member) today)\s*[.!→›>]?$")
_PROMPT = re.compile(r"^(?:(?:open|read|continue|view) (?:this )?(?:article |story )?in (?:the )?"
                     r"(?:\w+ )?app|get the (?:\w+ )?app|download (?:the|our) (?:\w+ )?app|"
                     r"your privacy is important to us\b.{0,300}|"
                     r"you(?: have|['’]ve| have read| read)? (?:\d{1,2}|one|two|three|four|five|"
                     r"no) (?:(?:of|out of) (?:\d{1,2}|your) )?(?:free |remaining )?(?:articles?|"
                     r"stories|story|reads?|gift articles?)\b.{0,40}(?:left|remaining|this month|"
                     r"this week)\b.{0,40}|ready for more\?|want more\?|"
                     r"write to (?:[\w.'’-]+ ){1,4}at \S+@\S+(?: and (?:[\w.'’-]+ ){1,4}at "
                     r"\S+@\S+)*|contact (?:our|the) (?:[\w&,'’-]+ ){0,5}team\b.{0,60}|"
                     r"(?:listen|stream|watch) (?:on|with|in) (?:[\w+&.'’-]+ ?){1,3}|"
                     r"share (?:by|via) (?:e-?mail|text|sms|link)|type your e-?mail(?: address)?"
                     r"\s*(?:\.{3}|\u2026)?|(?:enter|your) e-?mail(?: address)? (?:here)?\s*"
                     r"(?:\.{3}|\u2026)|sign up|subscribe now)\s*[.!]?$")


def page_prompt_rule(text: str) -> Rule | None:
    """The rule a short page prompt, shop button, support pitch or ticker line breaks."""
    line = " ".join(text.split())
    folded = fold_line(line)
    count = len(words(folded))
    if count > 60:
        return None
    if count <= 8 and _TICKER.match(line) and not re.match(r"^(?:in|on|at|by|the|a)\b", folded):
        return MARKET_WIDGET
    if _MARKET.match(folded):
        return MARKET_WIDGET
    if count <= 8 and _AFFILIATE.match(folded):
        return AFFILIATE_BUTTON
    if count <= 8 and _SUPPORT.match(folded):
        return SUPPORT_PITCH
    if _PROMPT.match(folded) and (count <= 16 or folded.startswith("your privacy")):
        return SITE_PROMPT
    return None


_DOC = (r"(?:information|content|materials?|blog post|post|article|alert|client alert|"
        r"publication|newsletter|communication|website|site|page|update|summary|material)")

_LEGAL = tuple(re.compile(p) for p in (
    rf"^(?:this|the|these|all|any) {_DOC}s?\b(?: (?:on|in|of|provided|contained)\b.{{0,60}})?"
    r" (?:is|are|has been|have been)\b.{0,60}\b(?:informational|educational|information) "
    r"purposes only\b",
    rf"^(?:this|the) {_DOC}\b.{{0,80}}\bdoes not (?:constitute (?:\w+ ){{0,3}}advice|"
    r"create an? (?:attorney|lawyer)[- ]client relationship)\b",
    r"^attorney advertising\b", r"^prior results do not guarantee\b",
    r"^(?:when|if) you (?:buy|purchase|shop|click|sign up)\b.{0,80}\bwe (?:may |might |will )?"
    r"(?:earn|receive|get)\b.{0,40}\b(?:commission|compensation|share of (?:the )?sales?)\b",
    r"^(?:this (?:post|article|page|story|newsletter) (?:contains|may contain|includes) "
    r"affiliate links|we may earn (?:a |an )?(?:small )?(?:affiliate )?commission)\b",
))
_FORWARD = re.compile(r"^(?:this (?:press )?(?:release|announcement|document|communication) "
                      r"(?:contains|includes|may contain)|certain statements in this (?:press )?"
                      r"(?:release|announcement))\b.{0,80}\bforward-looking statements\b")
_EMAIL = tuple(re.compile(p) for p in (
    r"^(?:was this (?:e-?mail|newsletter) )?forwarded (?:this (?:e-?mail|newsletter|message)|"
    r"to you)\b",
    r"^(?:you(?:'re|’re| are) )?receiving this (?:e-?mail|newsletter|message)?\s*because\b",
    r"^you received this (?:e-?mail|newsletter|message)\b",
    r"^(?:to )?unsubscribe(?:\s*[|.,:]|\s+(?:here|now|instantly|at any time|from (?:this|these|"
    r"our|all)\b)|$)",
    r"^(?:update|manage) (?:your )?(?:e-?mail |subscription )?(?:preferences|subscription|"
    r"settings)(?:\s*[|.]|\s+or\s+unsubscribe\b|$)",
    r"^view (?:this (?:e-?mail|newsletter|issue) )?(?:in|on) (?:your |a |the )?(?:browser|web)\b",
    r"^forward this (?:e-?mail|newsletter|issue|post) to a (?:friend|colleague)\b.{0,40}$",
    r"^(?:was this|is this|were you) forwarded(?: to you)?\s*\?.{0,60}$",
))
_SPONSOR = re.compile(r"^(?:this (?:episode|issue|edition|newsletter|post|podcast|show|segment|"
                      r"story) (?:is|was) )?(?:presented|sponsored|brought to you|supported|"
                      r"underwritten) by\b")
_OFFER = re.compile(r"\b(?:promo code|use code|code [A-Z0-9]{3,}|\d+ ?% off|free trial)\b", re.I)
_COUNTS = ("(?:likes?|comments?|shares?|restacks?|replies|reply|views|reposts?|claps|reactions|"
           "followers|following)")
_COUNTER = tuple(re.compile(p) for p in (
    rf"^\d[\d.,]*[km]?\s*{_COUNTS}(?:\s*[·•|,]\s*\d[\d.,]*[km]?\s*{_COUNTS})*$",
    r"^(?:thousands|hundreds|tens of thousands|millions|over [\d,.]+k?|[\d,.]+k?\+?) (?:of )?"
    r"(?:paid |free )?(?:subscribers|readers|members)$",
))
_BARE = re.compile(r"^(?:\d{1,3}(?:[.,]\d{1,3})*[km]?|x)$")
_SHARE_WORDS = frozenset({
    "share", "facebook", "twitter", "x", "linkedin", "email", "e-mail", "mail", "print",
    "whatsapp", "reddit", "pinterest", "copy link", "telegram", "bluesky", "threads",
    "mastodon", "flipboard", "messenger", "sms", "teilen", "partager", "compartir",
})
_LABELS = re.compile(r"^(?:tags?|tagged(?: with| in)?|filed under|categories|category|posted in|"
                     r"schlagwörter|schlagworte|étiquettes|mots-clés|etiquetas)\s*:\s*\S")
_CONTACT_PROMPT = re.compile(r"^(?:have|got) (?:a |any )?questions?\b[^?]{0,80}\?\s*(?:please )?"
                             r"(?:contact|reach out|get in touch|email|call|talk to)\b")
_STANDARDS = re.compile(r"^our (?:standards|editorial (?:standards|guidelines|policy)|"
                        r"principles|ethics policy)\s*:")
_SOURCE_LINE = re.compile(r"^SOURCE (?=[^a-z]*[a-z])[A-Z][\w&.,'’ -]{1,60}$")
PROVIDED_BY = re.compile(r"^(?:news|release|content|press release) provided by$")
"""A wire's label above the company that issued a release (its next line is the company)."""

_ABOUT = re.compile(r"^About (?:the )?(?P<name>[A-Z0-9][\w&.,'’-]*(?: (?:[A-Z0-9&][\w&.,'’-]*|"
                    r"of|and|the|for|de|du|la))*):?$")
_BOILER_CUES = re.compile(r"\b(?:founded in|headquartered|is a leading|is an? \w+ company|"
                          r"for more information|visit w|www\.|based in|®|™|nyse|nasdaq)\b",
                          re.I)
_CONTACT = re.compile(r"^(?:(?:media|press|investor|news|editorial|public)(?: relations)? )?"
                      r"(?:contacts?|inquiries|enquiries)\s*:?$")
_FORWARD_HEAD = re.compile(r"^(?:forward[- ]looking statements|safe harbou?r statement|"
                           r"cautionary (?:note|statement)s? (?:regarding|about|on) "
                           r"forward[- ]looking statements)\s*:?$")
_CONTACT_INLINE = re.compile(r"^(?:media|press|investor|news|editorial|public)(?: relations)? "
                             r"(?:contacts?|inquiries|enquiries)\s*:\s*\S")
CONTACT_LINE_WORDS = 25
"""Longest line of a contact block (names, e-mail addresses, phone numbers)."""


_WIRE_CAPTION = re.compile(r"^(?:(?:item|image|photo|picture|slide|foto) \d{1,3} (?:of|von|de|"
                           r"sur|di) \d{1,3}\b|\[\d{1,3}\s*/\s*\d{1,3}\]\s*\S)")
_CTA = re.compile(r"^(?:learn more|find out more|discover more|book (?:a|your) "
                  r"(?:free )?(?:demo|call|consultation)|(?:request|get|schedule|watch) "
                  r"(?:a |the )?(?:free )?"
                  r"(?:demo|quote|trial)|get started(?: (?:free|today|now))?|start (?:your |a )?"
                  r"(?:free )?trial|start (?:for )?free|try (?:it |\w+ )?(?:for )?free|"
                  r"(?:contact|talk to) (?:sales|us|an expert|our team)|sign up(?: for)? free|"
                  r"see (?:\S+ ){1,3}in action|see (?:how it works|pricing|plans)|"
                  r"view (?:pricing|plans)|download (?:the|our|a) (?:\S+ ){0,2}(?:report|guide|"
                  r"e-?book|whitepaper|white paper|app))\s*(?:[→›>]|->)?$")
_ROLE_LINE = re.compile(r"^(?i:(?:(?:senior|staff|contributing|freelance|guest|chief|deputy|"
                        r"managing|associate|features|news|science|tech|technology|business|"
                        r"political|foreign|top) )?(?:writer|editor|reporter|correspondent|"
                        r"columnist|contributor|journalist|author|producer|writer and editor) "
                        r"(?:for|at|with) (?:the )?)[A-Z][\w&'’.-]*(?: [A-Z&][\w&'’.-]*){0,4}$")


def is_cta_button(text: str) -> bool:
    """A call-to-action button line ("Learn more", "Book a demo", "See Acme in action")."""
    return len(words(text)) <= 6 and bool(_CTA.match(fold_line(text)))


def furniture_rule(text: str) -> Rule | None:
    """The furniture rule a whole block breaks, or None when it may be article text."""
    folded = fold_line(text)
    count = len(words(folded))
    if count <= 120 and _WIRE_CAPTION.match(folded):
        return WIRE_CAPTION
    if count > 80:
        return None
    if is_cta_button(text):
        return CTA_BUTTON
    prompt = page_prompt_rule(text)
    if prompt is not None:
        return prompt
    if _ROLE_LINE.match(text.strip()):
        return AUTHOR_ROLE
    if _FORWARD.search(folded):
        return FORWARD_LOOKING
    if any(p.search(folded) for p in _LEGAL):
        return LEGAL
    if count > 40:
        return None
    checks: tuple[tuple[Rule, bool], ...] = (
        (EMAIL_FOOTER, any(p.search(folded) for p in _EMAIL)),
        (SPONSOR, bool(_SPONSOR.search(folded)) and (is_label(text) or bool(_OFFER.search(text)))),
        (COUNTER, any(p.search(folded) for p in _COUNTER)),
        (SHARE_BAR, is_share_bar(folded)),
        (POST_LABELS, count <= 25 and bool(_LABELS.search(folded))),
        (CALL_TO_ACTION, count <= 30 and bool(_CONTACT_PROMPT.search(folded))),
        (STANDARDS, count <= 15 and bool(_STANDARDS.search(folded))),
        (WIRE_SOURCE, count <= 8 and bool(_SOURCE_LINE.match(text.strip()))),
        (CONTACT_LINE, count <= CONTACT_LINE_WORDS and bool(_CONTACT_INLINE.match(folded))),
        (CAPTION, is_caption(text)),
    )
    return next((rule for rule, hit in checks if hit), None)


_FEED_FOOTER = re.compile(r"^(?:the post|this (?:post|article|entry)) .{1,200} (?:appeared first|"
                          r"was first published|first appeared) on .{1,80}$")


def markup_rule(block: Block) -> Rule | None:
    """The rule a Markdown paragraph breaks: only shapes that carry links ("The post [X](..)
    appeared first on [Y](..).", "**Read more**: [Headline](..)"); other Markdown is kept as
    written."""
    text = fold_line(plain_markdown(block.text))
    if len(words(text)) <= 60 and _FEED_FOOTER.match(text):
        return FEED_FOOTER
    if _read_also(block.text, text):
        return READ_MORE
    return None


_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_READ_ALSO = re.compile(rf"^(?:{READ_ALSO_ALTERNATION})\s*:\s*(?P<rest>\S.*)$")
_LABEL_SLACK = 2
"""Words besides the link's own that may follow a teaser's label ("[Headline] (video)")."""


def _read_also(markdown: str, folded: str) -> bool:
    """Whether a Markdown paragraph is a teaser for another article: a read-also label
    (`linerules.READ_ALSO_LABELS`), bold or not, then one link that is all the rest of the
    line ("**SEE MORE**: [Hong Kong protests: 800 students under siege](..)").  Written
    plainly the label line is `read-more-link`'s; as Markdown it was kept whole."""
    label = _READ_ALSO.match(folded)
    links = _LINK.findall(markdown)
    if label is None or len(links) != 1:
        return False
    rest, link = words(label.group("rest")), words(fold_line(links[0]))
    return bool(link) and len(rest) - len(link) <= _LABEL_SLACK


def is_label(text: str) -> bool:
    """A short line with no sentence punctuation ("Presented by Acme Credit Union")."""
    return len(words(text)) <= 8 and not re.search(r"[,;.!?]\s*$|,\s", text.strip())


def is_share_bar(folded: str) -> bool:
    """Whether a folded line is only share targets ("share: linkedin | email | print")."""
    parts = [p.strip() for p in re.split(r"\s*[|·•/,:]\s*", folded) if p.strip()]
    return len(parts) >= 2 and all(p in _SHARE_WORDS for p in parts)


def is_bare_count(text: str) -> bool:
    """A bare counter ("38", "1.2K") or a lone "X" (a share target): chrome only beside chrome."""
    return bool(_BARE.match(fold_line(text)))


def press_tail(blocks: Sequence[Block], index: int, seen: int) -> bool:
    """Whether blocks[index] opens a press release's closing furniture: an "About <Name>" line
    over a company boilerplate, a forward-looking-statements heading, or a contact block of
    short lines; each only after the story (`seen` characters) and shorter than it."""
    text = _plain(blocks[index])
    rest = [_plain(b) for b in blocks[index + 1:]]
    if not rest or sum(map(len, rest)) > seen:
        return False
    folded = fold_line(text)
    if _FORWARD_HEAD.match(folded):
        return True
    if _CONTACT.match(folded):
        return all(len(words(b)) <= CONTACT_LINE_WORDS or furniture_rule(b) for b in rest)
    about = _ABOUT.match(text)
    if about is None or len(words(text)) > 8:
        return False
    first = rest[0]
    name = words(about.group("name"))[0].strip(",.")
    return first.startswith(name) or bool(_BOILER_CUES.search(first))


def about_name(block: Block, following: Block | None = None) -> str:
    """The company or institution an "About <Name>" line names ("" for another line); when
    the paragraph under it opens with a fuller form of that name ("About Orchardline" over
    "Orchardline Drinks is an independent ..."), the fuller form, which is how the company
    names itself."""
    match = _ABOUT.match(_plain(block))
    if not match:
        return ""
    name = match.group("name").strip()
    fuller = _FULL_NAME.match(_plain(following)) if following is not None else None
    if fuller and fuller.group("name").startswith(name + " "):
        return fuller.group("name")
    return name


_FULL_NAME = re.compile(r"^(?P<name>[A-Z0-9][\w&.'’-]*(?: (?:[A-Z0-9&][\w&.'’-]*|of|and|for)){0,5})"
                        r"(?:,| \((?:[A-Z]{2,6}: ?)?[A-Z]{1,6}\)| (?:is|was|has|are)\b)")
"""The name an "About" paragraph opens with, up to its verb or comma ("Orchardline Drinks
is ...", "Acme Robotics (NASDAQ: ACME), the ...")."""


def _plain(block: Block) -> str:
    """A block's text without Markdown (a press release's "**About Acme**" from HTML)."""
    return (plain_markdown(block.text) if block.markup else block.text).strip()


_SIGNOFF = re.compile(r"^(?i:written|posted|words|published) by\s+[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)"
                      r"{0,3}$")
BOX_LINES = 4
"""Most lines of an author box under its "Written by" line."""

BOX_LINE_WORDS = 20
"""Most words of one line of an author box (a one-line bio)."""


def author_box(blocks: Sequence[Block], index: int) -> int:
    """How many blocks from `index` form the author box under a closing "Written by NAME"
    line just above it: 1-4 short lines, one of them a "Follow" button or a follower count,
    running to the end of the page or to a tail marker
    (`is_tail` is checked by the caller's tail rule first); 0 when there is none."""
    if not index or not _SIGNOFF.match(blocks[index - 1].text.strip()):
        return 0
    rest = blocks[index:]
    end = next((i for i, b in enumerate(rest) if _TAIL_START.match(fold_line(b.text))), len(rest))
    box = rest[:end]
    if not 1 <= len(box) <= BOX_LINES or any(b.markup or len(words(b.text)) > BOX_LINE_WORDS
                                             for b in box):
        return 0
    platform = any(fold_line(b.text) in _BOX_CHROME or furniture_rule(b.text) for b in box)
    return len(box) if platform else 0


_BOX_CHROME = frozenset({"follow", "following", "subscribe", "message", "about the author"})
"""Buttons that mark a platform's author box (with a follower count, see `COUNTER`)."""


_TAIL_START = re.compile(r"^(?:more (?:from|by)\b|recommended\b|related\b|read next\b|"
                         r"you (?:may|might) also like\b|comments?$)")

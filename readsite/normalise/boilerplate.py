"""Page chrome: share buttons, comment forms, notices, credits, menus and the "related" tail.

Each kind of chrome is a `Rule`; `line_rule` names the rule a whole line breaks, and
`strip_boilerplate` drops those lines (and a page's trailing chrome), tracing every one.  The
patterns are anchored and length-capped: a real sentence that merely mentions "share" or
"cookies" is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.dates import parse_date
from readsite.normalise.furniture import (
    AUTHOR_BOX,
    COUNTER,
    PRESS_TAIL,
    PROVIDED_BY,
    WIRE_SOURCE,
    about_name,
    author_box,
    furniture_rule,
    is_bare_count,
    markup_rule,
    press_tail,
)
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words
from readsite.normalise.trace import Trace

PAGE_CHROME = Rule("page-chrome", "A whole line that is a page control: share buttons, comment "
                   "form labels, \"Scroll to Top\", \"Advertisement\".")
REPORT_LABEL = Rule("report-label", "A report generator's label line (\"[CORE01 REPORT]\", "
                    "\"Signal ID: ...\", \"Observation recorded\") with no content of its own.")
NOTICE = Rule("notice", "A subscribe, newsletter, cookie-consent, paywall or follow-us notice "
              "(English, German, French, Spanish, Italian), as a short line of its own.")
READ_MORE = Rule("read-more-link", "A teaser for another article: \"Also read: ...\", "
                 "\"Read more: ...\", \"Lesen Sie auch: ...\", \"À lire aussi : ...\".")
IMAGE_CREDIT = Rule("image-credit", "An image caption or credit: \"Photo: Getty Images\", "
                    "\"Image credit: ...\", \"Source: Unsplash\", \"(Photo by X/AFP)\".")
NAVIGATION = Rule("navigation", "Gallery counters (\"3 / 12\"), breadcrumbs (\"Home > Tech > AI\") "
                  "and navigation links (\"Next article\", \"Skip to content\").")
READ_TIME = Rule("read-time", "A reading-time label (\"4 min read\", \"Lesezeit: 3 Minuten\", "
                 "\"Temps de lecture 3 min.\").")
ICON_LABEL = Rule("icon-label", "The text label of an icon (\"AI Assisted Icon\").")
DISCLAIMER = Rule("disclaimer", "An AI-generated-content or legal disclaimer (\"Disclaimer: ...\", "
                  "\"This article was generated with AI\", \"All rights reserved\").")
RELATIVE_DATE = Rule("relative-date", "A relative timestamp (\"8 hours ago\", \"vor 2 Tagen\"): "
                     "never a date, since it is relative to when the page was copied.")
RELATED_TAIL = Rule("related-tail", "A \"Related articles\" / \"More from\" / \"Recommended\" / "
                    "comments marker after the article, and everything after it.")
NEWSLETTER_MENU = Rule("newsletter-menu", "An \"In today's newsletter:\" menu and the short "
                       "lines listing its items.")
MEDIA_CHROME = Rule("media-chrome", "A short line of a video player, share row, recipe card's "
                    "buttons or newsletter frame (\"Video player is loading.\", \"Copy link\", "
                    "\"Jump to recipe\", \"Forward this email to a friend\", \"###\").")
SITE_BOILERPLATE = Rule("site-boilerplate", "A line matching site.yaml's `import.boilerplate`.")
SOURCE_BOILERPLATE = Rule("source-boilerplate", "A line matching the article's source's "
                          "`import.sources.<name>.boilerplate` in site.yaml.")

BOILERPLATE_LINES = frozenset({
    "more posts - website", "more posts", "leave a comment", "leave a reply",
    "your email address will not be published. required fields are marked *",
    "your email address will not be published", "required fields are marked *",
    "scroll to top", "back to top", "share this", "share this article", "share this story",
    "share this post", "share", "share on facebook", "share on twitter", "share on x",
    "share on linkedin", "share on whatsapp", "share on reddit", "tweet", "print", "email",
    "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "copy link",
    "post comment", "submit comment", "comment", "name *", "email *", "website",
    "save my name, email, and website in this browser for the next time i comment.",
    "save my name, email, and website in this browser for the next time i comment",
    "cancel reply", "subscribe", "advertisement", "comment *", "name*", "email*",
    "notify me of follow-up comments by email.", "notify me of new posts by email.",
    "teilen", "artikel teilen", "anzeige", "werbung", "partager", "publicité", "compartir",
    "publicidad", "kommentieren", "commenter", "comentar", "zurück nach oben", "haut de page",
    "volver arriba", "listen to this article", "listen", "save", "save article", "gift article",
    "add to bookmarks", "sponsored", "sponsored content", "play episode", "play", "transcript",
    "show notes", "show notes and links", "listen now", "∙ paid", "paid",
    "discussion about this post", "type your email...", "type your email",
    "accept all", "reject all", "accept all cookies", "reject all cookies", "accept cookies",
    "manage preferences", "manage cookies", "manage options", "view our partners",
    "cookie settings", "privacy settings", "your privacy choices", "we value your privacy",
    "alle akzeptieren", "alle ablehnen", "tout accepter", "tout refuser", "aceptar todo",
    "rechazar todo", "accetta", "accetta tutti", "accetta tutti i cookie", "rifiuta",
    "rifiuta tutti", "personalizza", "abbonati", "accedi", "condividi", "pubblicità",
    "open in app", "sign up", "write", "follow", "following", "·", "•", "∙", "|",
    "like this", "-", "--", "share episode", "download", "embed", "pause", "1x",
    "follow the show", "continue reading below", "reply", "report", "rispondi", "antworten",
    "répondre", "responder",
    "loading...", "loading…", "print this page", "print this article",
    "first name", "last name", "your name", "sign me up", "join now", "submit",
    "email address *", "e-mail address", "indirizzo email", "e-mail-adresse", "adresse e-mail",
})
"""Whole lines (compared after `fold_line`) that are page chrome, never article text."""

REPORT_PATTERNS = (
    re.compile(r"^\[[^\]]*\breport\]$"),
    re.compile(r"^signal id\s*:"),
    re.compile(r"^pattern detected\s*:"),
    re.compile(r"^observation recorded\b"),
)
"""Report-generator chrome, on the folded line."""

REPORT_LINES = frozenset({"signal summary", "parsed", "content type", "system report", "scope",
                          "signals"})
"""Label lines of the report generator behind one of the seeds."""

BOILERPLATE_PATTERNS = (
    *REPORT_PATTERNS,
    re.compile(r"^share (?:this|on)\b.{0,40}$"),
)
"""Line shapes (on the folded line) that are chrome: report headers, IDs, share widgets."""

_SHORT = 40
"""Most words a notice, credit or navigation line may have (a longer line is prose)."""

RULE_PATTERNS: tuple[tuple[Rule, tuple[re.Pattern[str], ...]], ...] = (
    (PAGE_CHROME, (re.compile(r"^share (?:this|on)\b.{0,40}$"),
                   re.compile(r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$"))),
    (NOTICE, tuple(re.compile(p) for p in (
        r"^(?:(?:listen|available|subscribe|follow|watch)(?: now)?(?: on| to)?\s*:?\s*)?"
        r"(?:(?:apple podcasts|spotify|youtube(?: music)?|google podcasts|overcast|pocket casts|"
        r"rss|amazon music|castbox|stitcher|podcast addict|deezer)\s*(?:[·|•,/:]|and)?\s*)+$",
        r"^(?:listen|subscribe) on\s*:?$", r"^comments are closed\.?$",
        r"^(?:per continuare a leggere|pour (?:lire|continuer à lire) la suite|para seguir "
        r"leyendo|um weiterzulesen)\b.{0,100}$", r"^comment(?:a|ez|e|ar) (?:la notizia|l['’]"
        r"articolo|l['’]article|la noticia)$",
        r"^(?:sei già abbonato|già abbonato)\?.{0,30}$", r"^informativa (?:sulla )?privacy$",
        r"^(?:sign up|subscribe|get|join|register)\b.{0,80}\b(?:newsletters?|mailing list|"
        r"inbox|daily digest|briefing)\b",
        r"^subscribe (?:now|today|for|to)\b", r"^(?:we|this (?:site|website)) uses? cookies",
        r"^by (?:using|continuing to use) this (?:site|website)", r"^accept (?:all )?cookies",
        r"^(?:manage )?cookie (?:policy|settings|preferences)$",
        r"^already (?:a subscriber|have an account)", r"^(?:to continue reading|continue reading"
        r" with|subscribe to (?:continue|read|unlock))", r"^this (?:article|story|content) is "
        r"(?:for|only available to|exclusive to|reserved for) (?:paid )?(?:subscribers|members)",
        r"^(?:log|sign) in(?: to (?:continue|read|comment))?\.?$", r"^(?:follow|like) us on\b",
        r"^enjoyed this (?:article|story|post)\b", r"^(?:support|become a member|donate)\b.{0,40}"
        r"(?:journalism|member)", r"^get the (?:latest|best)\b.{0,60}\b(?:inbox|newsletter)",
        r"^(?:jetzt )?(?:abonnieren|abonnier(?:en|t))\b", r"\bnewsletter (?:abonnieren|bestellen)$",
        r"^(?:zum|für den|jetzt zum) newsletter anmelden", r"^wir (?:verwenden|nutzen) cookies",
        r"^diese (?:website|seite) (?:verwendet|nutzt) cookies",
        r"^dieser (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) (?:abonnenten|"
        r"abonnentinnen|plus-)", r"^(?:jetzt )?weiterlesen mit\b",
        r"^(?:abonnez|inscrivez)[- ]vous\b", r"^s['’]abonner\b", r"^nous utilisons des cookies",
        r"^ce site utilise des cookies", r"^cet article est réservé aux abonnés",
        r"^partager (?:sur|cet article|l['’]article)\b.{0,30}$",
        r"^(?:suscr[ií]bete|suscr[ií]base|reg[ií]strate)\b", r"^(?:utilizamos|usamos) cookies",
        r"^este sitio(?: web)? utiliza cookies", r"^este (?:art[ií]culo|contenido) es "
        r"(?:exclusivo )?para (?:suscriptores|socios)", r"^compartir en \w+$",
        r"^recibe (?:nuestro|el) bolet[ií]n",
        r"^we and our (?:\d+ )?(?:trusted )?(?:partners|vendors)\b.{0,300}\b(?:cookies|"
        r"personal data)\b", r"^questo sito (?:web )?(?:utilizza|usa) (?:i )?cookie",
        r"^(?:utilizziamo|usiamo) (?:i )?cookie", r"^(?:abbonati|iscriviti)\b.{0,60}$",
        r"^get (?:\w+ ){0,2}(?:unlimited|digital)\b.{0,40}\baccess\b",
        r"^continue reading (?:on|at|in)\b", r"^(?:article|contenu) réservé aux abonnés",
        r"^(?:the )?(?:story|article|text) continues (?:below|after)\b",
        r"^weiterlesen nach der (?:anzeige|werbung)", r"^la suite après (?:cette |la )?publicité",
        r"^(?:sigue|continúa) leyendo (?:tras|después de) la publicidad",
        r"^newsletter (?:abonnieren|bestellen)\b", r"^(?:jetzt )?(?:kommentieren|mitdiskutieren)$",
        r"^this (?:article|story|piece|essay|review|feature) (?:appears|appeared|was published|"
        r"is published|will appear) in (?:the )?.{1,80}\b(?:issue|edition)\b.{0,120}$",
        r"^subscribe here\.?$", r"^(?:did you |have you )?(?:enjoy|enjoyed|like|liked) "
        r"(?:reading )?this (?:article|story|post|piece|episode|newsletter)\s*\?",
        r"^(?:ti è piaciuto|vi è piaciuto) (?:questo articolo|l['’]articolo)\b",
        r"^(?:hat ihnen (?:dieser|der) (?:artikel|beitrag) gefallen|vous avez aimé cet article|"
        r"¿?te (?:ha )?gustado este art[ií]culo)\b",
        r"^(?:read|view|see|download|get) (?:the )?(?:full |complete |episode )?transcript\b"
        r".{0,40}$", r"^(?:(?:subscribe|listen|follow)\b.{0,60} )?wherever you (?:get|listen to"
        r"|find) (?:your )?podcasts\b.{0,40}$",
        r"^(?:[£$€]|us\$|a\$)\s?\d[\d.,]*\b.{0,80}\b(?:a|per|/|every) ?(?:month|week|year|mo|"
        r"yr)\b.{0,80}\bcancel\b.{0,40}$", r"^.{0,80}\bthen (?:[£$€]|us\$)\s?\d[\d.,]*\b.{0,40}"
        r"(?:month|week|year|mo|yr)\b.{0,60}$", r"^cancel (?:any ?time|at any time)\b.{0,40}$",
        r"^(?:your )?e-?mail(?: address)?\s*\*?:?$", r"^enter your e-?mail(?: address)?\.*$",
        r"^(?:subscribe|listen|follow)(?: to (?:us|the show|the podcast))? on (?:apple podcasts|"
        r"spotify|youtube|google podcasts|overcast|pocket casts)\b",
    ))),
    (MEDIA_CHROME, tuple(re.compile(p) for p in (
        r"^(?:the )?video player is loading\.?$", r"^(?:play|watch|replay|mute|unmute) "
        r"(?:the )?video$", r"^(?:watch|video|play|vidéo|vídeo)\s*:?$",
        r"^(?:sms|text|copy|copy link|copy url|link copied|copiar enlace|copiar link|"
        r"copier le lien|link kopieren|copia link|copia il link|e-?mail this|mail)$",
        r"^(?:jump to|skip to) (?:the )?recipe$", r"^(?:print|save|pin|rate|review|share|"
        r"email|cook mode|print this|save this) (?:the |this )?recipe$", r"^(?:pin|rate|yum)"
        r"(?: it| this)?$", r"^did you make this (?:recipe|dish)\?.{0,100}$",
        r"^(?:tag|mention) @\w+ on (?:instagram|pinterest|tiktok)\b.{0,60}$",
        r"^(?:get|enjoy|try) (?:your first|\d+ (?:months?|weeks?)|a free)\b.{0,60}"
        r"\b(?:with|using) (?:the )?(?:code|coupon)\b.{0,30}$",
        r"^#{3}$", r"^-\s*(?:30|end)\s*-$",
        r"^an official (?:website|site|web site) of (?:the )?.{2,80}$",
        r"^here['’]s how you know\.?$",
        r"^(?:enjoying|liking|you['’]re reading|you are reading) [^.!?]{2,60}\?$",
    ))),
    (READ_MORE, (re.compile(r"^(?:watch|listen)\s*:\s*[^.!?]{1,100}$"), re.compile(
        r"^(?:also read|read also|read more|see also|related|more|recommended|"
        r"related (?:story|article|coverage|reading)|read next|lire aussi|à lire aussi|"
        r"a lire aussi|lesen sie auch|auch interessant|mehr dazu|mehr zum thema|lee también|"
        r"lea también|te puede interesar|ver también|leer más|leggi anche|leggi pure|"
        r"potrebbe interessarti)\s*:\s*\S"),)),
    (IMAGE_CREDIT, tuple(re.compile(p) for p in (
        r"^(?:photo|image|picture|illustration|graphic|photograph|foto|bild|crédit photo|"
        r"credit|credits|image credit|photo credit|image source|photo source|image via|"
        r"photo via|header image|featured image|cover image|fotos?|bildquelle|crédits?|"
        r"fuente de la imagen|imagen)\s*:",
        r"^source\s*:\s*(?:unsplash|pexels|pixabay|getty|shutterstock|istock|adobe stock|"
        r"wikimedia|flickr|depositphotos|alamy|dreamstime|canva|midjourney|dall-?e)\b",
        r"^\(?(?:photo|image|illustration|picture|foto|bild)s?\s+(?:by|courtesy of|von|de|"
        r"par)\b.{0,80}\)?$",
        r"[/|(]\s*(?:getty images|afp|reuters|ap photo|shutterstock|unsplash|dpa|epa|"
        r"picture alliance|imago)(?:\s+via\s+getty images)?\)?$",
        r"^(?:©|\(c\))\s*(?!\d{4}|copyright)\S.{0,60}$",
        r"^\((?:foto|photo|ph\.?|credit|crédit|bild|imagen|image)\s*:?\s+[^()]{1,50}\)\.?$",
    ))),
    (NAVIGATION, tuple(re.compile(p) for p in (
        r"^\d{1,3}\s*(?:/|of|von|de|sur)\s*\d{1,3}$", r"^\d{1,2}:\d{2}(?::\d{2})?$",
        r"^-?\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$",
        r"^(?:image|photo|slide|picture|bild|foto)\s+\d+\s+(?:of|von|de|sur)\s+\d+\b.{0,60}$",
        r"^(?:previous|next|prev|back|home|menu|search|close|skip to (?:main )?content|"
        r"open menu|toggle navigation|view (?:the )?gallery|view all|see all|load more|"
        r"show more|zurück|weiter|suivant|précédent|siguiente|anterior)$",
        r"^(?:skip to (?:the )?(?:main )?(?:content|navigation|main)|skip navigation|"
        r"zum (?:haupt)?inhalt (?:springen|wechseln)|direkt zum inhalt|"
        r"aller au contenu(?: principal)?|passer au contenu(?: principal)?|"
        r"(?:ir|saltar) al contenido(?: principal)?|vai al contenuto(?: principale)?|"
        r"salta al contenuto(?: principale)?|(?:ir|pular|saltar) para o conteúdo(?: principal)?)$",
        r"^(?:previous|next) (?:article|post|story|page)\b.{0,100}$",
        r"^(?:previous|next) (?:episode|chapter)(?:\s*[:|\u2013\u2014-]\s*\S.{0,100})?$",
        r"^(?:[←‹]|<-)\s*(?:(?:previous|prev|older|newer|next)(?: (?:post|article|story|"
        r"episode|page|chapter))?\s*[:|]?\s*)?\S.{0,100}$",
        r"^(?:(?:previous|prev|older|newer|next)(?: (?:post|article|story|episode|page|"
        r"chapter))?\s*[:|]\s*)?\S.{0,100}\s*(?:[→›]|->)$",
        r"^(?:previous|prev|older|newer)(?: (?:post|article|story|episode|page|chapter))?"
        r"\s*:\s*\S.{0,100}$",
        r"^[\w&'’ .-]{1,30}(?:\s*[>›»]\s*[\w&'’ .-]{1,30}){2,}$",
        r"^[^\W\d][^\W\d&'’-]*(?:[ &'’-]+[^\W\d][^\W\d'’-]*){0,2}(?:\s+\|\s+[^\W\d][^\W\d'’-]*"
        r"(?:[ &'’-]+[^\W\d][^\W\d'’-]*){0,2}){2,}$",
    ))),
    (READ_TIME, tuple(re.compile(p) for p in (
        r"^(?:\d{1,3}\s*(?:-|\s)?(?:min|mins|minutes?|minuten|minutos)\.?(?:\s+(?:read|de "
        r"lectura|lesezeit))?|(?:lesezeit|temps de lecture|tiempo de lectura|read(?:ing)? time)"
        r"\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?|minuten|minutos)\.?)$",
        r"^(?:read(?:ing)? time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)$",
    ))),
    (ICON_LABEL, (re.compile(r"^(?!(?:the|an?|my|our|your) )(?:[\w'’-]+\s){1,4}icon$"),)),
    (DISCLAIMER, tuple(re.compile(p) for p in (
        r"^(?:disclaimer|haftungsausschluss|avertissement|aviso legal|descargo de "
        r"responsabilidad)\s*:",
        r"^this (?:article|story|content|post|summary|text|report) (?:was|is|has been) "
        r"(?:\w+ ){0,3}(?:generated|written|created|produced|drafted|summari[sz]ed|assisted)\b"
        r".{0,80}\b(?:ai|artificial intelligence|language model|chatgpt)\b",
        r"^(?:ai|ki|ia)[- ](?:assisted|generated|generiert|g[ée]n[ée]r[ée])(?: content| article"
        r"| summary)?\.?$",
        r"^the views (?:and opinions )?expressed\b.{0,120}\b(?:author|authors|writer)",
        r"^(?:this|nothing in this article) is not (?:intended as )?(?:financial|investment|legal|"
        r"tax|medical) advice", r"\ball rights reserved\.?$",
        r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b.{0,80}$",
    ))),
    (RELATIVE_DATE, tuple(re.compile(p) for p in (
        r"^(?:updated |posted |published |last updated )?(?:\d{1,3}|an?|one)\s*(?:seconds?|"
        r"minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w|months?|years?)\s+ago\.?$",
        r"^(?:aktualisiert )?vor \d{1,3} (?:sekunden|minuten|stunden|tagen|wochen|monaten)$",
        r"^il y a \d{1,3} (?:secondes?|minutes?|heures?|jours?|semaines?|mois)$",
        r"^hace \d{1,3} (?:segundos?|minutos?|horas?|d[ií]as?|semanas?|meses?)$",
        r"^(?:just now|gerade eben|à l['’]instant|justo ahora)$",
    ))),
)
"""Each line rule with the shapes (searched on the folded line) of the lines it drops."""

TAIL_MARKERS = frozenset({
    "related articles", "related posts", "related stories", "related reading", "related",
    "you may also like", "you might also like", "read more", "read next", "more stories",
    "recommended", "recommended for you", "more from this author", "system assessment",
    "leave a comment", "leave a reply", "comments", "more posts - website",
    "recommended stories", "recommended reading", "most read", "most popular", "trending",
    "trending now", "you may have missed", "more news", "latest news", "more to read",
    "mehr zum thema", "das könnte sie auch interessieren", "weitere artikel", "auch interessant",
    "lesen sie auch", "kommentare", "à lire aussi", "lire aussi", "sur le même sujet",
    "dans la même rubrique", "articles similaires", "commentaires", "te puede interesar",
    "noticias relacionadas", "artículos relacionados", "también te puede interesar",
    "comentarios", "más noticias",
    "more episodes", "all episodes", "recent episodes", "previous episodes", "latest episodes",
})
"""Lines after which a page holds only chrome (teasers, comment forms, footers)."""

_TAIL_PATTERN = re.compile(r"^(?:more (?:from|in|on|about) |more stories (?:from|like) |"
                           r"mehr (?:von|aus) |plus de |más (?:de|sobre) ).{1,40}$|"
                           r"^(?:\d{1,5} (?:comments?|responses?|replies|commenti|kommentare)|"
                           r"(?:comments?|responses?|commenti)\s*\(\d{1,5}\)|"
                           r"join the (?:conversation|discussion)|show comments|view comments|"
                           r"add a comment|most (?:viewed|shared|commented|read|popular)"
                           r"(?: (?:in|on|from) [\w&'’ -]{1,30})?|popular now|"
                           r"top stories|editor['’]s picks|recommended from .{1,30}|"
                           r"more (?:interviews|episodes|essays|reviews|columns|features|"
                           r"podcasts|stories|articles|posts|videos)|(?:suggested|related|"
                           r"explore|popular) topics\s*:?|"
                           r"i più letti|più letti|ti potrebbe interessare|leggi anche|"
                           r"les plus (?:lus|lues|partagés|populaires|commentés)|"
                           r"(?:à|a) (?:lire|voir) aussi|lo más (?:leído|visto)|"
                           r"más (?:leídas|leídos|vistas)|meistgelesen|am meisten gelesen|"
                           r"best new (?:albums|tracks|music|songs|reissues|books|films|movies|"
                           r"shows|games|podcasts)|latest (?:reviews|albums|tracks)|"
                           r"more (?:album|track|music|book|film|movie|game) reviews)$")
"""Tail markers that name a section or an outlet ("More from The Verge")."""

TAIL_MIN_BODY = 300
"""A tail marker cuts the rest only after this many characters of article text (so a
"Leave a comment" link under the headline does not swallow the article)."""

MENU_MARKER = re.compile(r"^(?:in (?:today['’]s|this) (?:newsletter|issue|edition|email)|"
                         r"today['’]s (?:agenda|menu|issue)|in this (?:newsletter|issue)|"
                         r"heute im newsletter|dans cette (?:édition|newsletter)|"
                         r"en este (?:número|boletín))\s*:?$")
"""The line that opens a newsletter's table of contents."""

MENU_ITEM_WORDS = 15
"""Longest menu item, in words; a longer line is where the newsletter's text begins."""


def line_rule(line: str) -> Rule | None:
    """The chrome rule a whole line breaks, or None when it may be article text."""
    folded = fold_line(line)
    if folded in BOILERPLATE_LINES:
        return PAGE_CHROME
    if folded in REPORT_LINES or any(p.search(folded) for p in REPORT_PATTERNS):
        return REPORT_LABEL
    if len(words(folded)) > _SHORT:
        return None
    for rule, patterns in RULE_PATTERNS:
        if any(p.search(folded) for p in patterns):
            return rule
    return None


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page chrome (share buttons, comment forms, report labels)."""
    return line_rule(line) is not None


def is_tail_marker(line: str) -> bool:
    """Whether a line starts the page's trailing chrome ("Related articles", comments...)."""
    folded = fold_line(line)
    return folded in TAIL_MARKERS or bool(_TAIL_PATTERN.match(folded))


def site_rule(line: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether a line matches one of a site's boilerplate patterns."""
    text = " ".join(line.split())
    return any(p.search(text) for p in patterns)


def strip_boilerplate(
    blocks: Sequence[Block], site: Sequence[re.Pattern[str]] = (),
) -> tuple[list[Block], list[Trace]]:
    """Drop chrome lines, and everything from a tail marker on once the article has begun."""
    kept: list[Block] = []
    traces: list[Trace] = []
    seen = 0
    menu = provided = dropped = False
    items: list[str] = []
    box = 0
    for index, block in enumerate(blocks):
        if block.markup and not block.heading:
            if seen >= TAIL_MIN_BODY and press_tail(blocks, index, seen):
                traces.extend(PRESS_TAIL.dropped(b.text, b.line) for b in blocks[index:])
                break
            footer = markup_rule(block)
            if footer is not None:
                traces.append(footer.dropped(block.text, block.line))
                continue
            kept.append(block)
            seen += len(block.text)
            menu = provided = dropped = False
            continue
        if is_tail_marker(block.text) and seen >= TAIL_MIN_BODY:
            traces.extend(RELATED_TAIL.dropped(b.text, b.line) for b in blocks[index:])
            break
        if seen >= TAIL_MIN_BODY and press_tail(blocks, index, seen):
            traces.extend(PRESS_TAIL.dropped(b.text, b.line) for b in blocks[index:])
            if about_name(block):
                traces.append(PRESS_TAIL.found("source", about_name(block), block.line))
            break
        rule = _block_rule(block.text, site, menu)
        if rule is NEWSLETTER_MENU and not _menu_goes_on(block.text, items):
            rule = line_rule(block.text) or furniture_rule(block.text)
        if rule is None and is_tail_marker(block.text):
            rule = RELATED_TAIL
        if rule is None and provided and len(words(block.text)) <= 6:
            rule = WIRE_SOURCE
        if rule is None and is_bare_count(block.text) and (
                dropped or _beside_chrome(blocks, index, site)
                or (index and parse_date(blocks[index - 1].text) is not None)):
            rule = COUNTER
        if seen >= TAIL_MIN_BODY and index:
            box = max(box - 1, author_box(blocks, index))
            rule = rule or (AUTHOR_BOX if box else None)
        menu = rule is NEWSLETTER_MENU
        items = [*items, menu_item(block.text)] if menu else []
        provided = bool(PROVIDED_BY.match(fold_line(block.text)))
        dropped = rule is not None
        if rule is not None:
            traces.append(rule.dropped(block.text, block.line))
            continue
        kept.append(block)
        seen += len(block.text)
    return kept, traces


def _beside_chrome(blocks: Sequence[Block], index: int, site: Sequence[re.Pattern[str]]) -> bool:
    """Whether the next block that is not a bare count is chrome (counters sit in a bar)."""
    for block in blocks[index + 1:index + 4]:
        if not is_bare_count(block.text):
            return not block.markup and _block_rule(block.text, site, False) is not None
    return False


def menu_item(text: str) -> str:
    """A menu line as the title it lists: folded, without a leading emoji or bullet."""
    return fold_line(re.sub(r"^[^\w\"'“‘]+", "", text))


def _menu_goes_on(text: str, items: Sequence[str]) -> bool:
    """Whether a short line after a newsletter menu is one more item: not a date, not a line
    repeating an item (the first section's title: the issue begins), not other chrome."""
    if MENU_MARKER.match(fold_line(text)):
        return True
    if parse_date(text) is not None or menu_item(text) in items:
        return False
    return line_rule(text) is None and furniture_rule(text) is None


def _block_rule(text: str, site: Sequence[re.Pattern[str]], menu: bool) -> Rule | None:
    """The rule that drops one block (`menu`: the blocks before it open a newsletter menu)."""
    if site and site_rule(text, site):
        return SITE_BOILERPLATE
    if MENU_MARKER.match(fold_line(text)):
        return NEWSLETTER_MENU
    if menu and len(words(text)) <= MENU_ITEM_WORDS:
        return NEWSLETTER_MENU
    if PROVIDED_BY.match(fold_line(text)):
        return WIRE_SOURCE
    return line_rule(text) or furniture_rule(text)


def drop_matching(blocks: Sequence[Block], patterns: Sequence[re.Pattern[str]],
                  rule: Rule) -> tuple[list[Block], list[Trace]]:
    """Blocks not matching any of `patterns` (a source's own boilerplate), and traces."""
    kept: list[Block] = []
    traces: list[Trace] = []
    for block in blocks:
        if not block.markup and patterns and site_rule(block.text, patterns):
            traces.append(rule.dropped(block.text, block.line))
        else:
            kept.append(block)
    return kept, traces

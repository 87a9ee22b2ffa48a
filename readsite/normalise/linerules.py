"""Line rules: which single line, on its own, is page chrome rather than article text.

A clipped page mixes its text with share buttons, cookie notices, credits, gallery counters and
teasers.  Whether one line is such chrome can be told from the line alone, so those judgements
live here, each kind as a named `Rule` with the line shapes it drops; `boilerplate` runs them
over a page (with the context they cannot see: the tail, menus, runs of counters).  The
patterns are anchored and length-capped: a real sentence that merely mentions "share" or
"cookies" is never dropped.
"""

from __future__ import annotations

import re

from readsite.normalise.controls import control_rule
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold_line, words

PAGE_CHROME = Rule("page-chrome", "A whole line that is a page control: share buttons, comment "
                   "form labels, \"Scroll to Top\", \"Advertisement\".")
REPORT_LABEL = Rule("report-label", "A report generator's label line (\"[CORE01 REPORT]\", "
                    "\"Signal ID: ...\", \"Observation recorded\") with no content of its own.")
NOTICE = Rule("notice", "A subscribe, newsletter, cookie-consent, paywall, follow-us, app or "
              "donation notice (English, German, French, Spanish, Italian), as a short line of "
              "its own.")
READ_MORE = Rule("read-more-link", "A teaser for another article: \"Also read: ...\", "
                 "\"Read more: ...\", \"Lesen Sie auch: ...\", \"À lire aussi : ...\".")
IMAGE_CREDIT = Rule("image-credit", "An image caption or credit: \"Photo: Getty Images\", "
                    "\"Image credit: ...\", \"Source: Unsplash\", \"(Photo by X/AFP)\".")
NAVIGATION = Rule("navigation", "Gallery counters (\"3 / 12\"), breadcrumbs (\"Home > Tech > "
                  "AI\"), navigation links (\"Next article\", \"Skip to content\") and a menu "
                  "pasted as one row (\"Home   About   Contact\").")
READ_TIME = Rule("read-time", "A reading-time label (\"4 min read\", \"Lesezeit: 3 Minuten\", "
                 "\"Temps de lecture 3 min.\").")
REVIEW_CREDIT = Rule("review-credit", "A reviewer's credit under the byline (\"Medically "
                     "reviewed by Dr. X, MD\", \"Fact-checked by ...\"): not the author, the "
                     "title or a heading; dropped.")
ICON_LABEL = Rule("icon-label", "The text label of an icon (\"AI Assisted Icon\").")
DISCLAIMER = Rule("disclaimer", "An AI-generated-content or legal disclaimer (\"Disclaimer: ...\", "
                  "\"This article was generated with AI\", \"All rights reserved\").")
RELATIVE_DATE = Rule("relative-date", "A relative timestamp (\"8 hours ago\", \"vor 2 Tagen\"): "
                     "never a date, since it is relative to when the page was copied.")
MEDIA_CHROME = Rule("media-chrome", "A short line of a video player, share row, recipe card's "
                    "buttons or newsletter frame (\"Video player is loading.\", \"Copy link\", "
                    "\"Jump to recipe\", \"Forward this email to a friend\", \"###\").")

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
    "open in app", "sign up", "write", "follow", "following", "·", "•", "∙", "|", "open",
    "abrir", "öffnen", "ouvrir", "apri", "öppna", "otwórz", "openen", "open app", "assine",
    "entrar", "logga in", "prenumerera", "zaloguj", "zaloguj się", "prenumeruj", "inloggen",
    "abonneren", "abonnieren", "abo", "e-tidning", "compartilhe", "compartilhar", "dela",
    "kopiera länk", "udostępnij", "kopiuj link", "publicidade", "reklama", "annons",
    "advertentie", "delen", "link kopiëren", "anúncio", "annonse", "del", "del artikkelen",
    "del artiklen", "kopier lenke", "accepter et fermer", "continuer sans accepter",
    "aceptar y cerrar", "aceitar e fechar",
    "like this", "-", "--", "share episode", "download", "embed", "pause", "1x",
    "follow the show", "continue reading below", "reply", "report", "rispondi", "antworten",
    "répondre", "responder",
    "loading...", "loading…", "like loading...", "like loading…", "print this page",
    "print this article",
    "first name", "last name", "your name", "sign me up", "join now", "submit",
    "email address *", "e-mail address", "indirizzo email", "e-mail-adresse", "adresse e-mail",
    "like", "restack", "impressum", "datenschutz", "datenschutzerklärung", "mentions légales",
    "politique de confidentialité", "política de privacidad", "aviso de privacidad",
    "privacy policy", "terms of use", "terms of service", "terms and conditions",
    "einstellungen", "cookie-einstellungen", "paramètres", "configuración", "impostazioni",
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

READ_ALSO_LABELS = (
    "also read", "read also", "read more", "see also", "see more", "related", "more", "recommended",
    "related story", "related article", "related coverage", "related reading", "read next",
    "more on this", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi",
    "lesen sie auch", "auch interessant", "mehr dazu", "mehr zum thema", "lee también",
    "lea también", "te puede interesar", "ver también", "leer más", "leggi anche",
    "leggi pure", "potrebbe interessarti", "leia também", "leia mais", "veja também",
    "läs också", "läs mer", "czytaj także", "czytaj też", "zobacz też", "lees ook", "lees meer",
    "les også", "les mer", "læs også", "læs mere",
)
"""Labels of a teaser for another article ("Also read: <headline>"), in the languages the
normaliser knows, lower case.  The normaliser drops a label line with its colon; the HTML
tidier (`readsite.importers.tidy`) also matches them without one."""

READ_ALSO_ALTERNATION = "|".join(
    re.escape(label) for label in sorted(READ_ALSO_LABELS, key=len, reverse=True))
"""`READ_ALSO_LABELS` as a regex alternation, the longest label first."""

APP_PROMOTION = (
    r"^(?:get|download|install|try) (?:the |our )?(?:free )?(?:[\w'’&.-]+ ){0,3}app\b.{0,80}$",
    r"^(?:get|turn on|enable|sign up for) (?:the |our )?(?:[\w'’&.-]+ ){0,3}(?:news |breaking |"
    r"push |score )?(?:alerts|notifications) (?:on|to|for) (?:your|the) (?:phone|app|device|"
    r"mobile|inbox)\.?$",
    r"^(?:descarga|descargue|baja) (?:nuestra|la) app\b.{0,60}$",
    r"^(?:laden sie|hol dir|holen sie sich) (?:unsere|die) (?:[\w-]+ )?app\b.{0,60}$",
    r"^t[ée]l[ée]chargez (?:notre |l['’] ?)app(?:lication)?\b.{0,60}$",
    r"^scarica (?:la nostra |l['’] ?)app\b.{0,60}$",
    r"^(?:baixe|descarregue|ladda ner|hämta|pobierz|download) (?:o |a |nossa |vår |naszą )?"
    r"(?:[\w'’&.-]+ ){0,3}(?:app|aplikacj[ęa])\b.{0,60}$",
    r"^(?:read|open|continue|listen|leia|lê|läs|czytaj)\b.{0,50}\b(?:in|on|no|i|w) (?:the |our "
    r"|o |appen|aplikacji)?(?:app|appen|aplikacji)\.?$",
    r"^(?:lee|lea|read|lesen sie|lisez|leggi|leia|läs|czytaj)\b.{0,40}\b(?:sin anuncios|"
    r"without ads|ad-free|ohne werbung|sans publicit[ée]|senza pubblicit[àa]|sem anúncios|"
    r"utan reklam|bez reklam)\b.{0,40}$",
)
"""An app promotion ("Get the Beacon app for alerts", "Descarga nuestra app") and its
"read without ads" subtitle: anchored at the line's start, so prose about an app stays."""

READER_APPEAL = (
    r"^support (?:local|independent|nonprofit|non-profit|quality|community|our|public-interest)"
    r"\b.{0,40}\b(?:news|journalism|reporting|newsroom)\b.{0,300}\b(?:donat\w*|chip in|"
    r"contribut\w*|become a (?:member|supporter|subscriber)|give today)\b",
    r"^[\w'’&. -]{1,60} is a reader-(?:supported|funded)\b.{0,200}\b(?:subscri\w*|support)\b",
    r"^(?:sign up|subscribe|register) (?:for|to) (?:the |our )?[\w'’&. -]{1,40} "
    r"(?:weekly|daily|digest|newsletter|bulletin|briefing)\.?$",
    r"^you(?:['’]ve| have) read \d{1,3} of (?:your )?\d{1,3} free (?:articles|stories|"
    r"pieces)\b.{0,80}$",
    r"^you have \d{1,3} free (?:articles|stories) (?:left|remaining)\b.{0,80}$",
    r"^.{0,120}\btry (?:it )?(?:free|for free) for \d{1,3} (?:days|weeks|months)\.?$",
    r"^(?:questions|have (?:a )?questions?)\b[^.!?]{0,100}\?\s*(?:contact|call|e-?mail|reach "
    r"out to|get in touch with)\b.{0,80}$",
)
"""A reader appeal: a donation plea ("Support local news ... please donate today"), a
"reader-supported publication" line, a sign-up for the outlet's weekly, a metered-paywall
counter, a sponsor's "Try it free for 30 days", a firm's "Questions about ...? Contact us"."""

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
        r"^(?:szanown\w+ u[żz]ytkowni\w+|dear (?:user|reader)|liebe[r]? (?:nutzer|leser)\w*)\b"
        r".{0,200}\b(?:dan\w* osobow\w*|personal data|rodo|gdpr|dsgvo|privacy|datenschutz|"
        r"cookies?)\b", r"^(?:vi använder|wij gebruiken|używamy|utilizamos|nós usamos) cookies",
        r"^(?:przejd[źz] do (?:serwisu|strony)|go to (?:the )?site|continue to (?:the )?site|"
        r"weiter zur (?:seite|website)|ir al sitio|continuar para o site|fortsätt till "
        r"(?:sajten|webbplatsen))$",
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
        *APP_PROMOTION, *READER_APPEAL,
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
        rf"^(?:{READ_ALSO_ALTERNATION})\s*:\s*\S"),)),
    (IMAGE_CREDIT, tuple(re.compile(p) for p in (
        r"^(?:photo|image|picture|illustration|graphic|photograph|foto|bild|crédit photo|"
        r"credit|credits|image credit|photo credit|image source|photo source|image via|"
        r"photo via|header image|featured image|cover image|fotos?|bildquelle|crédits?|"
        r"fuente de la imagen|imagen|fotograf[íi]a|fotografie|fotografias?|photography|"
        r"photographs|illustrations?|zdj[ęe]cie|zdj[ęe]cia)\s*:",
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
        r"show more|zurück|weiter|suivant|précédent|siguiente|anterior|buscar|pesquisar|sök|"
        r"szukaj|zoeken|suche|suchen|recherche|rechercher|cerca|wyszukaj|meny|menü)$",
        r"^(?:(?:back|return) to (?:the )?(?:overview|list|listing|all (?:posts|articles|news)|"
        r"articles|posts|news|blog|homepage|home page)|zurück zu(?:r|m) (?:übersicht|liste|"
        r"startseite|blog|newsroom)|retour (?:à la liste|aux articles|à l'accueil)|volver al "
        r"(?:listado|inicio)|search for:?"
        r"(?:\s*(?:search|suchen))?)$",
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
        r"lectura|lesezeit|czytania|läsning|lästid|leestijd|de leitura|to read))?|"
        r"(?:(?:estimated |est\. )?read(?:ing)? time|lesezeit|temps de "
        r"lecture|tiempo de lectura)"
        r"\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?|minuten|minutos)\.?)$",
        r"^(?:read(?:ing)? time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)$",
        r"^(?:leestijd|lesetid|læsetid|lästid|tempo de leitura|czas czytania)\s*:?\s*\d{1,3}\s*"
        r"(?:min(?:uten|utter|uter|utos|\.)?|m)?$",
    ))),
    (REVIEW_CREDIT, (re.compile(
        r"^(?:(?:medically|clinically|expert|legally|scientifically)[- ](?:reviewed|"
        r"fact[- ]?checked|verified)|fact[- ]?checked) by\s+[^\W\d][^;]{1,70}$"),
        re.compile(r"^(?:reviewed|verified) by\s+(?:dr|prof|professor)\.?\s+[^\W\d][^;]{1,60}$"))),
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
        r"^(?:d\.\s?r\.\s*)?(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b.{0,80}$",
    ))),
    (RELATIVE_DATE, tuple(re.compile(p) for p in (
        r"^(?:updated |posted |published |last updated )?(?:\d{1,3}|an?|one)\s*(?:seconds?|"
        r"minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w|months?|years?)\s+ago\.?$",
        r"^(?:aktualisiert )?vor \d{1,3} (?:sekunden|minuten|stunden|tagen|wochen|monaten)$",
        r"^il y a \d{1,3} (?:secondes?|minutes?|heures?|jours?|semaines?|mois)$",
        r"^(?:actualizado |atualizado |publicado )?(?:hace|há) \d{1,3} (?:segundos?|minutos?|"
        r"horas?|d[ií]as?|semanas?|meses?)$",
        r"^(?:uppdaterad )?\d{1,3} (?:sekunder|minuter|minut|timmar|timme|dagar|dag|veckor|"
        r"vecka) sedan$",
        r"^\d{1,3} (?:sekund[ay]?|minut[ay]?|minutę|godzin[ęy]?|dni|dzień|tygodni(?:e)?) temu$",
        r"^\d{1,3} (?:seconden|minuten|minuut|uur|dagen|dag|weken|week) geleden$",
        r"^\d{1,3} (?:secondi|minuti|minuto|ore|ora|giorni|giorno) fa$",
        r"^(?:just now|gerade eben|à l['’]instant|justo ahora)$",
    ))),
)
"""Each line rule with the shapes (searched on the folded line) of the lines it drops."""


MENU_ROW_GAP = re.compile(r"\s{3,}|\t+|\s+[|/]\s+")
"""What separates the items of a menu pasted as one line ("Home   About   Contact")."""


def is_menu_row(line: str) -> bool:
    """Whether a line is a site's menu pasted as one row: 3-10 items of 1-3 words, split by
    wide gaps, tabs or bars, at least half of them section or menu words ("Home", "About")."""
    items = [i for i in MENU_ROW_GAP.split(line.strip()) if i]
    if not 3 <= len(items) <= 10 or any(len(words(i)) > 3 for i in items):
        return False
    return 2 * sum(fold_line(i) in SECTION_WORDS for i in items) >= len(items)


def line_rule(line: str) -> Rule | None:
    """The chrome rule a whole line breaks, or None when it may be article text."""
    if is_menu_row(line):
        return NAVIGATION
    folded = fold_line(line)
    if folded in BOILERPLATE_LINES:
        return PAGE_CHROME
    if folded in REPORT_LINES or any(p.search(folded) for p in REPORT_PATTERNS):
        return REPORT_LABEL
    if len(words(folded)) > _SHORT:
        return None
    control = control_rule(line)
    if control is not None:
        return control
    for rule, patterns in RULE_PATTERNS:
        if any(p.search(folded) for p in patterns):
            return rule
    return None


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page chrome (share buttons, comment forms, report labels)."""
    return line_rule(line) is not None


"""The function words of an article written in another language than English.

Related reading and stories compare articles by the distinctive words they share, after
English function words are dropped (`related.STOPWORDS`).  An article in German, Portuguese
or Spanish keeps all of its own ("und", "der", "que", "para", "com"), and any two articles in
one language share dozens of them: on the real pages of bench/real_pages.py, a Portuguese
football story was "related" to a children's music page and to motor racing standings, and
a German health-records essay made one "story" with a marketing fair report.  So each
article's language is told from its words, and that language's function words leave its
counts too.

The lists are the `stop-words` package's (maintained lists for some thirty languages)
rather than ours.  The language is the one whose function words cover most of the article's
words, if they cover at least `SHARE` of them; a text whose English function words already
do is English, and is looked at no further.  Chinese, Japanese and Korean are not written
with spaces between words, and Vietnamese's function words are more than one syllable, so
their lists would match nothing and are left out.
"""

from __future__ import annotations

from collections.abc import Mapping

from stop_words import get_stop_words

LANGUAGES = ("german", "french", "spanish", "portuguese", "italian", "dutch", "swedish",
             "danish", "norwegian", "finnish", "polish", "czech", "slovak", "romanian",
             "hungarian", "turkish", "indonesian", "malaysian", "catalan", "russian",
             "ukrainian", "bulgarian", "greek", "arabic", "hebrew", "persian", "hindi")
SHARE = 0.15
"""Least share of an article's words (tokens) that a language's function words must make up
for the article to be in that language: in running text they make up a third or more, while
an English text holds a few by chance ("die", "son", "war" are German or French function
words, and English ones)."""
MIN_LETTERS = 3
"""Shorter words are never counted (`related._fold`), so they are left out of the lists."""

_STOPWORDS = tuple(frozenset(w.lower() for w in get_stop_words(language)
                             if len(w) >= MIN_LETTERS and " " not in w)
                   for language in LANGUAGES)
_MASKS: dict[str, int] = {}
for _index, _words in enumerate(_STOPWORDS):
    for _word in _words:
        _MASKS[_word] = _MASKS.get(_word, 0) | 1 << _index
del _index, _words, _word


def foreign_stopwords(counts: Mapping[str, int], tokens: int, english: int) -> frozenset[str]:
    """The function words to drop from `counts` (an article's words, lower-cased, three
    letters or more): those of its language when that is not English, else none.  `tokens`
    is how many words the article has in all, `english` how many are English function words.
    One set intersection and a few lookups: this runs on every article of every build."""
    if tokens <= 0 or english >= SHARE * tokens:
        return frozenset()
    covered = [0] * len(LANGUAGES)
    for word in counts.keys() & _MASKS.keys():  # in C: most words are no function word
        n, mask = counts[word], _MASKS[word]
        while mask:
            low = mask & -mask
            covered[low.bit_length() - 1] += n
            mask ^= low
    best = max(range(len(covered)), key=covered.__getitem__)
    return _STOPWORDS[best] if covered[best] >= SHARE * tokens else frozenset()


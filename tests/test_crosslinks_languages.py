"""Articles in another language than English are compared by what they are about, not by
their function words (`crosslinks.languages`, used by `related.analyse`)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from readsite.crosslinks import related
from readsite.crosslinks.languages import foreign_stopwords

GERMAN = ("Die Stadt hat am Dienstag beschlossen, dass die Fähre auch im Winter fährt. Der Rat "
          "sagte, dass die Kosten nicht zu hoch sind und dass viele Menschen die Fähre für den "
          "Weg zur Arbeit brauchen. Eine Petition mit mehr als viertausend Unterschriften hatte "
          "den Rat darum gebeten.")
PORTUGUESE_FERRY = ("A prefeitura decidiu na terça que a balsa vai funcionar também no inverno. "
                    "O conselho disse que os custos não são altos e que muitas pessoas usam a "
                    "balsa para ir ao trabalho, com uma petição de quatro mil assinaturas.")
PORTUGUESE_GARDEN = ("O jardim botânico abriu uma nova estufa para as orquídeas, que precisam de "
                     "calor e de muita água. Os visitantes podem ver as flores com um guia, e a "
                     "entrada é gratuita para as crianças da escola do bairro.")
ENGLISH = ("The council agreed on Tuesday to keep the ferry running through the winter, after "
           "a petition signed by more than four thousand residents asked it to think again; "
           "Die Hard fans and the war museum's friends were among them.")


def terms(text: str) -> set[str]:
    analysis = related.analyse("", text, (), ())
    return set(analysis.terms.split("\n")) if analysis.terms else set()


def test_function_words_of_another_language_are_not_terms() -> None:
    german = terms(GERMAN)
    assert {"fähre", "petition", "unterschriften", "winter"} <= german
    assert not german & {"die", "der", "und", "dass", "den", "eine", "nicht", "für"}
    portuguese = terms(PORTUGUESE_FERRY)
    assert {"balsa", "inverno", "petição", "assinaturas"} <= portuguese
    assert not portuguese & {"que", "para", "com", "uma", "não", "são"}


def test_two_articles_in_one_language_share_only_what_they_are_about() -> None:
    """Before, a Portuguese football story was related to a children's music page by "que",
    "para", "com" and "uma"."""
    assert not terms(PORTUGUESE_FERRY) & terms(PORTUGUESE_GARDEN)


def test_an_english_article_keeps_words_other_languages_use() -> None:
    english = terms(ENGLISH)
    assert {"die", "hard", "war", "ferry", "council"} <= english


def test_text_in_no_language_loses_nothing() -> None:
    made_up = "trosk vailun gravek plimo " * 30 + "stopuzeth skeawe tratund bedojyth"
    counts = Counter(made_up.split())
    assert foreign_stopwords(counts, sum(counts.values()), 0) == frozenset()


@given(st.lists(st.sampled_from(["und", "der", "que", "para", "the", "and", "ferry", "balsa",
                                 "winter", "les", "des", "war"]), max_size=60))
def test_only_function_words_of_one_language_ever_leave(words: list[str]) -> None:
    counts = Counter(w for w in words if w not in related.STOPWORDS)
    english = sum(1 for w in words if w in related.STOPWORDS)
    dropped = foreign_stopwords(counts, len(words), english)
    assert dropped.isdisjoint({"ferry", "balsa", "winter"})
    if english * 100 >= 15 * len(words):
        assert dropped == frozenset()

"""Quotes in several languages, split quotations, speakers without glued words, and the
`cleannews.lang` layout. Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

import cleannews
from cleannews import lang
from cleannews.lang.base import QuoteWords, merge, words
from cleannews.pipeline import run
from cleannews.quotes import find_quotes


def _quotes(body: str) -> list[tuple[str, str | None, str | None, int | None]]:
    qs = find_quotes(body)
    for q in qs:
        assert body[q.start : q.end] == q.text
    return [(q.text, q.speaker, q.speaker_role, q.continues) for q in qs]


# --- split quotations: every piece, each with its speaker --------------------
@pytest.mark.parametrize(
    "body, first, second",
    [
        ("“We will rebuild the bridge,” said Mayor Ann Holt. “It will take two years.”", "We will rebuild", "It will take"),
        ("“We will rebuild the bridge,” Ann Holt said, “and it will take two years.”", "We will rebuild", "and it will"),
        ("„Wir bauen die Brücke neu“, sagte Bürgermeisterin Anna Holt. „Das dauert zwei Jahre.“", "Wir bauen", "Das dauert"),
        ("«Nous reconstruirons le pont», a déclaré Anne Holt. «Cela prendra deux ans.»", "Nous reconstruirons", "Cela prendra"),
    ],
)
def test_continuation_has_the_speaker_and_links_back(body: str, first: str, second: str) -> None:
    got = _quotes(body)
    assert [t[:len(first)] for t, *_ in got[:1]] == [first]
    assert got[1][0].startswith(second)
    assert got[0][1] is not None and got[1][1] == got[0][1]
    assert (got[0][3], got[1][3]) == (None, 0)


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_continuation_in_text_and_markdown_pages(kind: str) -> None:
    page = (
        "Ferry service to resume\n\n"
        "The council voted on Thursday to fund a two-year trial of the harbour ferry.\n\n"
        "“This is the most requested thing in my inbox,” said councillor Bryn Adair. “People have waited long enough.”\n\n"
        "The first boats sail in June.\n"
    )
    article = cleannews.extract(page, kind=kind)
    assert [(q.speaker, q.continues) for q in article.quotes] == [("Bryn Adair", None), ("Bryn Adair", 0)]


def test_a_fragment_in_the_reporters_sentence_is_no_continuation() -> None:
    body = (
        "“The port will double its cargo within a year,” said Olga Brandt. "
        "Figures published on Friday showed otherwise, announcing that the forecast was “simply not true.”"
    )
    assert all(s != "Olga Brandt" for t, s, _, _ in _quotes(body) if t.startswith("simply"))


# --- speakers are names; roles go to speaker_role ----------------------------
@pytest.mark.parametrize(
    "body, speaker, role",
    [
        ("„Wir schließen das Werk nicht“, sagte Vorstandsvorsitzender Thomas Brenneke der Rundschau.", "Thomas Brenneke", "Vorstandsvorsitzender"),
        ("„Die Lage ist ernst“, sagte Innenministerin Petra Lang am Montag.", "Petra Lang", "Innenministerin"),
        ("«Las obras terminarán en marzo», advirtió el alcalde de Sevilla, Juan Pérez.", "Juan Pérez", "alcalde de Sevilla"),
        ("«Nous rouvrirons la ligne», a déclaré la ministre des Transports, Claire Dubois.", "Claire Dubois", "ministre des Transports"),
        ("«I lavori finiranno a marzo», ha detto il sindaco Marco Rossi.", "Marco Rossi", "sindaco"),
        ("“As obras terminam em março”, afirmou o prefeito João Silva.", "João Silva", "prefeito"),
        ("„De brug gaat in juni open”, zei wethouder Pieter de Vries.", "Pieter de Vries", "wethouder"),
        ("“The budget is simply not there,” said board member Alice Grant.", "Alice Grant", "board member"),
        ("“The plan is sound,” said Ana de la Cruz, the council leader.", "Ana de la Cruz", "council leader"),
        ("“We will not give up the search,” said a police spokesman.", "a police spokesman", None),
        # where a person is from is no part of the name
        ("“The port needs the money now,” said Edda Vrain Holt of Cornwall.", "Edda Vrain Holt", None),
        ("Rival Ann Holt disagreed: “The port does not need the money.”", "Ann Holt", "Rival"),
    ],
)
def test_speaker_and_role(body: str, speaker: str, role: str | None) -> None:
    (_, got_speaker, got_role, _), = _quotes(body)
    assert (got_speaker, got_role) == (speaker, role)


@pytest.mark.parametrize(
    "body, speaker, role, cue",
    [
        # a pronoun glued to the inverted verb; "il" is the last man named ("Marc")
        ("Selon le maire, Marc Girard, la ville paiera. «C’est une victoire pour tous», a-t-il ajouté.",
         "Marc Girard", "maire", "ajouté"),
        ("Claire Dubois a visité le chantier. «Les travaux sont presque finis», explique-t-elle.",
         "Claire Dubois", None, "explique"),
        # German "so X" after the quote
        ("„Wir schauen genau hin“, so Gewerkschaftschef Jan Wolf.", "Jan Wolf", "Gewerkschaftschef", "so"),
        # a month that is a given name before a surname
        ("“We are watching the harbour closely,” said May Chen.", "May Chen", None, "said"),
    ],
)
def test_inverted_forms(body: str, speaker: str, role: str | None, cue: str) -> None:
    q = find_quotes(body)[-1]
    assert (q.speaker, q.speaker_role, q.cue) == (speaker, role, cue)


def test_german_so_is_no_cue_in_english() -> None:
    assert find_quotes("“I was very tired that night,” so I left the party early.")[0].speaker is None


def test_attribution_given_once_after_the_speakers_words() -> None:
    body = (
        "The hearing ran late. “You blamed the harbour crews for every delay this winter.”\n\n"
        "“It is weak leadership,” Ann Holt said."
    )
    assert [q.speaker for q in find_quotes(body)] == ["Ann Holt", "Ann Holt"]


def test_the_verb_and_its_object_are_no_part_of_the_speaker() -> None:
    body = (
        "In August, several harbour groups granted Ms. Vrain an extension on the order, "
        "saying her “start-up money was smaller than expected.”"
    )
    assert find_quotes(body)[0].speaker == "harbour groups"


def test_a_relative_clause_after_the_name_is_no_role() -> None:
    body = "„Ik kwam elke dag te laat op mijn werk”, vertelde Sanne Jansen, die dagelijks naar het centrum fietst."
    assert _quotes(body)[0][1:3] == ("Sanne Jansen", None)


# --- "she said" after two named women: the rule in resolve._recent_subject ---
@pytest.mark.parametrize(
    "body, speaker",
    [
        # the subject of the sentence before, though the last quote was another woman's
        (("“The plan is sound,” said Maria Lopez. Susan Ward, who chairs the finance committee, disagreed. "
          "“We cannot afford it,” she said."), "Susan Ward"),
        (("“The plan is sound,” said Maria Lopez. Her deputy, Susan Ward, was not convinced. "
          "“We cannot afford it,” she said."), "Susan Ward"),
        # the subject, not the object, of the sentence before
        ("Maria Lopez met Susan Ward on Monday. “We can afford it this year,” she said.", "Maria Lopez"),
        # with no new subject in between, the last woman quoted goes on
        ("“The plan is sound,” Maria Lopez said. “We cannot wait,” Susan Ward said. “It must pass,” she added.", "Susan Ward"),
    ],
)
def test_she_after_two_named_women(body: str, speaker: str) -> None:
    assert _quotes(body)[-1][1] == speaker


def test_transcript_label_is_the_speaker() -> None:
    body = (
        "Partial transcript:\n\n"
        "\"HOLT: Will the ferry run in winter?\n\n"
        "\"ADAIR: Only on weekdays, and only when the harbour is clear of ice.\n\n"
        "Bryn Adair chairs the transport committee."
    )
    got = _quotes(body)
    assert [(s, c) for _, s, _, c in got] == [("HOLT", None), ("Bryn Adair", None)]


# --- the quote stage in the pipeline ----------------------------------------
def test_trace_holds_the_quote_stage() -> None:
    page = "<html><body><article><p>“This bridge will open in June, as promised,” said Mayor Ann Holt.</p></article></body></html>"
    trace = run(page, kind="html")
    assert trace.quotes == trace.article.quotes
    assert trace.quotes and trace.quotes[0].speaker == "Ann Holt"
    assert trace.article.body[trace.quotes[0].start : trace.quotes[0].end] == trace.quotes[0].text


# --- the lang package ---------------------------------------------------------
def test_every_language_module_has_its_quote_words() -> None:
    assert set(lang.QUOTES) >= {"en", "de", "fr", "es", "it", "pt", "nl"}
    assert lang.LANGUAGES[0] == "en"
    for code, q in lang.QUOTES.items():
        assert isinstance(q, QuoteWords)
        assert q.speech_verbs, code
        assert q.role_words, code
        assert all(w == w.lower() for w in q.speech_verbs | q.role_words), code


def test_merged_vocabulary_is_the_union() -> None:
    m = lang.merged_quotes()
    assert {"said", "sagte", "advirtió", "zei", "afirmou", "déclaré", "detto"} <= m.speech_verbs
    assert {"vorstandsvorsitzender", "alcalde", "wethouder"} <= m.role_words


def test_merge_unions_each_field() -> None:
    a = QuoteWords(speech_verbs=words("x y"), agent_suffixes=("er",))
    b = QuoteWords(speech_verbs=words("z"), agent_suffixes=("er", "or"))
    m = merge([a, b])
    assert m.speech_verbs == frozenset("xyz") and m.agent_suffixes == ("er", "or")
    assert m.role_words == frozenset()


# --- the one word counter (cleannews.text.word_count) --------------------------
def test_the_quote_finder_counts_words_with_the_shared_counter() -> None:
    from cleannews.quotes.find import _word_count
    from cleannews.text import word_count

    # Chinese and Japanese by characters, two a word, rounded down
    assert _word_count("英雄的城市") == word_count("英雄的城市") == 2
    assert _word_count("我们今天一起去山上看风景") == 6
    # Korean by its spaces: a two-word name stays two words (the scorer's count is five)
    assert _word_count("대중문화컨텐츠 전문가그룹") == 2
    assert word_count("대중문화컨텐츠 전문가그룹") == 6
    assert _word_count("plain English words") == 3


def test_a_short_cjk_name_in_quotation_marks_is_no_quote() -> None:
    body = "这座城市被称为「英雄的城市」。市长王明说：「我们将在两年内重建这座桥梁，所有居民都会受益。」"
    texts = [q.text for q in find_quotes(body)]
    assert "英雄的城市" not in texts
    assert any(t.startswith("我们将在两年内") for t in texts)

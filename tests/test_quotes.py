"""Tests for cleannews.quotes: quotation spans, speakers, offsets, speed.

All example sentences are invented for these tests.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from cleannews.quotes import find_quotes

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


def _check_offsets(body, quotes):
    for q in quotes:
        assert body[q.start : q.end] == q.text


def _one(body, text_start):
    qs = find_quotes(body)
    _check_offsets(body, qs)
    hits = [q for q in qs if q.text.startswith(text_start)]
    assert hits, f"no quote starting {text_start!r} in {[q.text for q in qs]}"
    return hits[0]


@pytest.mark.parametrize(
    "opening, closing",
    [("“", "”"), ('"', '"'), ("«", "»"), ("»", "«"), ("„", "“"), ("‹", "›"), ("「", "」"), ("‘", "’")],
)
def test_each_mark_style(opening, closing):
    body = f"{opening}The harbour will reopen next spring after the repairs,{closing} Maria Lindqvist said."
    q = _one(body, "The harbour")
    assert q.text == "The harbour will reopen next spring after the repairs,"
    assert q.speaker == "Maria Lindqvist"
    assert q.cue == "said"


def test_speaker_before_with_role_and_colon():
    body = (
        "Harbour Authority chairman Tomas Berg said: “We expect the first ferries to sail again in April.”\n\n"
        "“Nobody wants another winter like this one,” said city treasurer Anna Kowalczyk, who oversees the budget."
    )
    qs = find_quotes(body)
    _check_offsets(body, qs)
    assert qs[0].speaker == "Tomas Berg"
    assert qs[0].speaker_role == "Harbour Authority chairman"
    assert qs[1].speaker == "Anna Kowalczyk"
    assert qs[1].speaker_role == "city treasurer"


def test_according_to_and_told():
    body = (
        "According to Dr. Helen Marsh, “the dredging will take at least six weeks.”\n\n"
        "Peter Olsen told reporters, “The contract was signed on Monday morning.”"
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Helen Marsh", "Peter Olsen"]
    assert qs[0].cue == "according to"
    assert qs[1].cue == "told"


def test_surname_becomes_full_name_and_pronoun_resolves():
    body = (
        "Mayor Gregory Lindahl opened the new bridge on Friday.\n\n"
        "“It took eleven years to get here,” Lindahl said.\n\n"
        "“Every delay taught us something about patience,” he added."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Gregory Lindahl", "Gregory Lindahl"]
    assert qs[1].cue == "added"


def test_she_skips_a_man_and_they_finds_the_group():
    body = (
        "“The numbers are better than last year,” said Susan Brookfield, the school's principal.\n\n"
        "“We are not done yet,” said Michael Trent, the district superintendent.\n\n"
        "“Our teachers deserve the credit for this,” she said.\n\n"
        "The parents of the pupils signed a letter to the board last week.\n\n"
        "They said they were “deeply worried about the size of the classes next year.”"
    )
    qs = find_quotes(body)
    by_text = {q.text.split()[0]: q.speaker for q in qs}
    assert by_text["Our"] == "Susan Brookfield"
    assert "parents" in (qs[-1].speaker or "")


def test_statement_resolves_to_issuer():
    body = (
        "The Ministry of Transport, in a written statement, said, “Repairs will start in May.”\n\n"
        "“All crossings will stay open during the works,” the statement added."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Ministry of Transport", "Ministry of Transport"]


def test_partial_quote():
    body = 'The storm "caused more damage than any since records began," Olaf Nyberg said on Sunday.'
    q = _one(body, "caused")
    assert q.partial is True
    assert q.speaker == "Olaf Nyberg"
    full = _one('"The storm was worse than expected," Olaf Nyberg said.', "The storm")
    assert full.partial is False


def test_multi_paragraph_quote():
    body = (
        "The coach spoke after the final whistle.\n\n"
        "“We played the first half badly and we knew it at the break.\n\n"
        "“In the second half the young players showed what they can do,” said coach Ingrid Dahl."
    )
    qs = find_quotes(body)
    _check_offsets(body, qs)
    assert len(qs) == 2
    assert qs[0].text.startswith("We played")
    assert qs[1].text.startswith("In the second half")
    assert {q.speaker for q in qs} == {"Ingrid Dahl"}


def test_nested_quotes_stay_inside():
    body = "“He told me, ‘Keep the lights on until the boats are back,’ and I did,” the keeper said."
    qs = find_quotes(body)
    _check_offsets(body, qs)
    assert len(qs) == 1
    assert "‘Keep the lights on" in qs[0].text


def test_apostrophes_are_not_quotes():
    body = (
        "The town's mayor doesn't like the '90s plan. Korea's and Japan's envoys didn't agree. "
        "It's the teachers' union that won't move."
    )
    assert find_quotes(body) == ()


def test_scare_quotes_and_titles_rejected():
    body = (
        "The so-called “reform” was described by critics as a “gift” to landlords.\n\n"
        "She reviewed the film “Winter Light” for the local paper."
    )
    qs = [q for q in find_quotes(body) if len(q.text.split()) <= 2]
    assert qs == []


def test_short_quote_with_cue_is_kept():
    body = "“Absolutely not,” Lena Vogt said when asked about a delay."
    q = _one(body, "Absolutely")
    assert q.speaker == "Lena Vogt"


def test_pull_quote_dash():
    body = "“The river gave us everything and took it back in one night.” ― Arvid Holm"
    q = _one(body, "The river")
    assert q.speaker == "Arvid Holm"


@pytest.mark.perf
def test_pathological_input_is_fast():
    bodies = [
        "“" * 100_000,
        '"' * 100_000,
        "'" * 100_000,
        "‘a " * 50_000,
        "“a ” " * 30_000,
        ("word " * 200_000) + "“" + ("x" * 100_000),
        "Mr. " * 50_000 + '"said" he said.',
        ("said Mr. X, " * 20_000) + "“quote here please now.”",
        "\n".join(['"A b c," he said. "D e f."'] * 20_000),
    ]
    for body in bodies:
        t0 = time.process_time()
        qs = find_quotes(body)
        elapsed = time.process_time() - t0
        _check_offsets(body, qs)
        # A hang guard, not a speed test (the benchmark measures speed): catastrophic
        # backtracking would take minutes; linear work takes ~1-3 s of CPU. CPU time,
        # not wall time: on a loaded 2-core box wall time reached 26 s for 2.8 s of CPU.
        assert elapsed < 15.0, (body[:30], elapsed)


@pytest.mark.perf
def test_speed_typical_article():
    para = (
        "“The council will vote on the plan next week, and we expect it to pass,” said councillor Rosa Lind, "
        "who chairs the planning committee. The proposal would add 400 homes near the station. "
        "Critics called it “a rushed job that ignores the traffic problems.” Lind said the concerns were heard.\n\n"
    )
    body = para * 14  # about 1,000 words
    find_quotes(body)
    t0 = time.process_time()
    for _ in range(20):
        find_quotes(body)
    per = (time.process_time() - t0) / 20
    # a linearity guard on CPU time (wall time on a loaded box is no measure); the
    # stage's real speed is the benchmark's (`benchmarks/quotes_eval.py --share`)
    assert per < 0.02  # typically ~2 ms


def test_attribution_closing_the_sentence():
    body = (
        "A clerk who “takes a handful of coins from the till” is punished at once, Rosa Ortega said.\n\n"
        "The rule asks for a “steady record of lawful income,” as a county memo put it."
    )
    qs = find_quotes(body)
    _check_offsets(body, qs)
    assert [q.speaker for q in qs] == ["Rosa Ortega", "a county memo"]  # a described speaker keeps "a"
    assert qs[1].cue == "put it"


def test_number_modifier_and_party_state_appositive():
    body = (
        "“The delays have gone on far too long for the families,” said 9/11 widow Mara Quist.\n\n"
        "“We have the votes to finish this by Friday,” Senate Leader Tom Vargas, R-Ky., said Tuesday."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Mara Quist", "Tom Vargas"]
    assert qs[0].speaker_role == "9/11 widow"


def test_two_appositives_and_name_in_apposition():
    body = (
        "“It is an overreach by the agency, plain and simple,” Dana Holt, the attorney general of the state, "
        "one of the plaintiffs, said in a statement.\n\n"
        "Another critic, Lena M. Frost, likened the rules to “burning the town library down” at the hearing."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Dana Holt", "Lena M. Frost"]
    assert qs[1].speaker_role == "critic"


def test_she_is_the_subject_of_her_own_sentence():
    body = (
        "“We will not comment on the letter,” spokeswoman Ines Berg said.\n\n"
        "Clara Voss says she admired the council's patience through what she calls “a long season of ugly words.”"
    )
    qs = find_quotes(body)
    assert qs[-1].speaker == "Clara Voss"


def test_he_after_a_new_speaker_in_indirect_speech():
    body = (
        "“The budget is balanced for the first time in years,” Mayor Alan Price said.\n\n"
        "Economist Yusuf Demir, who studies city finances at the state university, said the numbers were optimistic.\n\n"
        "“I do not see where the new revenue comes from,” he said."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Alan Price", "Yusuf Demir"]


def test_object_of_says_is_not_the_speaker():
    body = "The senator pardoned a man in 2009.\n\nThe clip says Varga “has a soft spot for the wrong people.”"
    q = _one(body, "has a soft spot")
    assert q.speaker != "Varga"


def test_headline_word_is_not_a_name():
    body = "Debate nerves;\nTalk compared to ‘gaming the referees’ before the game.\n\nThe rest of the story follows here."
    q = _one(body, "gaming the referees")
    assert q.speaker is None


def test_decomposed_and_mojibake_letters_stay_in_the_name():
    for name in ("Fran\u00c3\x83\u00c2\u00a7ois Holm", "Ma\u0301ria Holm"):
        body = f"“Let everyone know that we will defend ourselves,” Minister {name} said Friday."
        q = _one(body, "Let everyone")
        assert q.speaker == name


def test_according_to_after_the_quote():
    body = "The depot closed early. “Every bus on the north line will run late tonight,” according to Ines Vahl, the depot manager."
    q = _one(body, "Every bus")
    assert q.speaker == "Ines Vahl"


def test_quote_opening_a_sentence_takes_the_speaker_of_the_sentence_before():
    body = "Ines Vahl said the depot would close early. “Every bus on the north line will run late tonight.”"
    q = _one(body, "Every bus")
    assert q.speaker == "Ines Vahl"


def test_he_skips_a_place_name():
    body = (
        "Oskar Lind walked through Birchwood Memorial Park on Sunday.\n\n"
        "“This lawn is usually full of families on a warm day,” he said."
    )
    q = _one(body, "This lawn")
    assert q.speaker == "Oskar Lind"


def test_it_and_they_without_an_earlier_speaker_take_the_subject():
    body = "The Fjord Rowing Club sued the harbour board. “The permit ignores every safety rule,” it said."
    assert _one(body, "The permit").speaker == "Fjord Rowing Club"
    body = "Harbour Democrats blocked the levy on Monday. “This levy is a gift to the shipyards,” they wrote."
    assert _one(body, "This levy").speaker == "Harbour Democrats"


def test_quoted_title_without_a_cue_is_no_quote():
    body = (
        "Nora Ekdahl appeared on “Morning in the Valley” to talk about her book, “Salt and the Long Winter.”\n\n"
        "“Salt Is Not the Enemy,” Ekdahl said, laughing."
    )
    qs = find_quotes(body)
    assert [q.text.rstrip(",.") for q in qs] == ["Salt Is Not the Enemy"]
    assert qs[0].speaker == "Nora Ekdahl"


def _load_scorer():
    from conftest import load_scorer

    return load_scorer()


def _polnear():
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.quotes_eval import evaluate
    finally:
        sys.path.remove(str(ROOT))
    return evaluate(SHARED, "all")


_shared_present = pytest.mark.skipif(
    not (SHARED / "corpus" / "polnear-dev" / "truth.jsonl").exists(), reason="shared corpus absent"
)


def needs_shared(test):  # reads ../shared: marked `corpus`, skipped without it
    return pytest.mark.corpus(_shared_present(test))

# The brief's targets; speaker accuracy has a floor at what is measured now.
# On the repaired truth (every piece of a split quotation, 660 quotes): issue #17's
# F1 target is met (measured 0.960); its speaker target of 0.90 is not (measured
# 0.883: tune half 0.898, held-out half 0.861), so the floor is what is measured.
QUOTE_F1_TARGET = 0.93
SPEAKER_TARGET = 0.85
SPEAKER_FLOOR = 0.88


@needs_shared
def test_polnear_dev_quotes():
    res = _polnear()
    assert res["quote_f1"] >= QUOTE_F1_TARGET
    assert res["speaker_accuracy"] >= SPEAKER_FLOOR


@needs_shared
def test_polnear_dev_speaker_target():
    assert _polnear()["speaker_accuracy"] >= SPEAKER_TARGET


@needs_shared
def test_seed_quotes_all_found_with_speakers():
    scorer = _load_scorer()
    rows = [json.loads(line) for line in open(SHARED / "corpus" / "seeds" / "truth.jsonl", encoding="utf8")]
    total = 0
    for row in rows:
        body = row["body"]
        qs = find_quotes(body)
        _check_offsets(body, qs)
        for g in row.get("quotes") or []:
            total += 1
            match = [q for q in qs if scorer.tok_f1(g["text"], q.text) >= 0.5]
            assert match, g["text"]
            assert scorer.name_keys(g["speaker"]) & scorer.name_keys(match[0].speaker or ""), (
                g["speaker"],
                match[0].speaker,
            )
    assert total == 8


def test_lowercase_office_before_the_name_is_a_role():
    body = "“We will not close the library this year,” said councillor Edda Vrain, who leads the arts committee."
    q = _one(body, "We will not close")
    assert (q.speaker, q.speaker_role, q.cue) == ("Edda Vrain", "councillor", "said")


def test_initials_stay_in_the_name():
    # a one-letter initial is no article: "A." in a name, "I." before a surname
    body = (
        "The ferry was late again.\n"
        "“The river will flood again next spring, mark my words.” ― Julie A. Okonkwo-Baines.\n"
        "“We are ready for whatever the winter brings,” said I. M. Castellan."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Julie A. Okonkwo-Baines", "I. M. Castellan"]


def test_surname_after_a_long_title_gets_the_full_name():
    # the full name sits after a title of several words; later the surname alone
    body = (
        "Regional Transport Board Chairwoman Ilse Marrow spoke first.\n\n"
        "In recent weeks, Marrow has dismissed the tunnel plan as “a hole we cannot afford to dig.”"
    )
    q = _one(body, "a hole we")
    assert q.speaker == "Ilse Marrow"


def test_weak_cue_with_a_document_or_an_auxiliary():
    # "reads" and "calling" are nouns as often as verbs; a document subject or
    # an auxiliary makes them cues
    body = (
        "Parents of the Elmwood pupils sent a letter to the school board.\n\n"
        "“We were never asked what our children need from the new timetable,” the letter reads.\n\n"
        "The district's own physician is calling the pupils “healthier than any class before them.”"
    )
    qs = find_quotes(body)
    assert qs[0].speaker == "letter" and qs[0].cue == "reads"
    assert "physician" in (qs[1].speaker or "") and qs[1].cue == "calling"


def test_speaker_phrase_stops_before_its_verb():
    # after "the", lower-case words run on into the verb: the name is the speaker
    body = (
        "At a late meeting, the Harbour Council issued a statement calling the closure "
        "“a grave mistake that the town will regret for years.”"
    )
    q = _one(body, "a grave mistake")
    assert q.speaker == "Harbour Council"


def test_first_person_possessive_speaker():
    # a columnist's relative: "my grandmother said", and "she" after it
    body = (
        "“Bread tastes better when you bake it yourself,” my grandmother often said.\n\n"
        "She also told the neighbours that “a kitchen without flour is no kitchen at all.”"
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["grandmother", "grandmother"]


def test_verbs_of_judgement_are_cues():
    body = (
        "Foreign Minister Livia Santoro condemned the launch as “reckless and deeply provocative.”\n\n"
        "During the hearing, a neighbour commented: “Nobody here was ever told about the plan.”"
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Livia Santoro", "a neighbour"]
    assert [q.cue for q in qs] == ["condemned", "commented"]


def test_passive_subject_is_no_speaker():
    # "X was ridiculed for ..." : X is who was spoken of, not who spoke
    body = "Mayor Ines Dahl was widely praised as “the best thing to happen to this harbour in decades.”"
    q = _one(body, "the best thing")
    assert q.speaker != "Ines Dahl"


def test_name_before_two_appositives():
    body = (
        "Jean-Luc Marceau, the trade minister of Belgium, a founding member of the pact, said the tariff "
        "“cannot stand for another season.”"
    )
    q = _one(body, "cannot stand")
    assert q.speaker == "Jean-Luc Marceau"
    assert q.speaker_role == "trade minister of Belgium, a founding member of the pact"


def test_any_cue_verb_may_invert_right_after_the_quote():
    body = (
        "The ferry line lost money for the third year. "
        "That is “the worst result since the line opened,” reported the Coastal Ledger.\n\n"
        "“We cannot keep the winter route,” warned Hedda Lund, the line's director."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Coastal Ledger", "Hedda Lund"]
    assert [q.cue for q in qs] == ["reported", "warned"]


def test_owner_of_a_speech_noun_with_its_content_clause():
    body = (
        "The fact-checkers looked at Mayor Olga Brandt’s claim that the port had “doubled its cargo in a year.”\n\n"
        "Critics mocked Brandt’s remarks as “a sailor's tall tale about the harbour.”"
    )
    qs = find_quotes(body)
    assert qs[0].speaker == "Olga Brandt"
    assert qs[1].speaker != "Olga Brandt"


def test_participle_far_from_the_quote_does_not_continue_the_speaker():
    body = (
        "“The port will double its cargo within a year,” said Olga Brandt. "
        "Figures published on Friday showed otherwise, announcing that the forecast was “simply not true.”"
    )
    qs = find_quotes(body)
    assert all(q.speaker != "Olga Brandt" for q in qs if q.text.startswith("simply"))


def test_lone_capitalised_word_before_a_cue():
    # "Norway" opens every sentence it is in and is never written in lower
    # case: a name. "Talk" is in lower case elsewhere: a headline's word.
    body = (
        "Talk compared to 'a storm in a teacup' at the summit.\n\n"
        "The summit ended late. Norway insisted that the fleet “stay out of the fishing grounds for good.”\n\n"
        "Delegates said the talk went on for hours."
    )
    qs = find_quotes(body)
    speakers = {q.text.split()[0]: q.speaker for q in qs}
    assert speakers["stay"] == "Norway"
    assert speakers.get("a") is None


def test_relative_clause_speaker_is_its_antecedent():
    body = (
        "The reporters turned to the Harbour Police Department, which reported “forty-one break-ins since May.”\n\n"
        "Ola Brenn, the port director, told a visitor who suggested that the port should close that "
        "“closing is not a plan anyone here supports.”"
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Harbour Police Department", "Ola Brenn"]


def test_organisation_keeps_its_title_words():
    # "Security", "State" are role words in a person's title but part of an
    # organisation's name
    body = (
        "The Maritime Security Council issued a statement calling the spill “a disaster that was years in the making.”\n\n"
        "“We will publish every inspection report,” the Department of State said."
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Maritime Security Council", "Department of State"]


def test_it_prefers_the_organisation_of_the_sentence_before():
    body = (
        "“The figures are final,” the Statistics Bureau said in March.\n\n"
        "The Harbour Workers Union is contesting the figures. It is denouncing what it calls "
        "“a count that leaves out every night shift.”"
    )
    qs = find_quotes(body)
    assert qs[1].speaker == "Harbour Workers Union"


def test_described_speaker_keeps_the_owner_name_not_its_title():
    body = (
        "Green Party mayoral candidate Nils Dahl's doctor is calling him “as fit as any man of thirty.”\n\n"
        "Proxies may not vote when the board fills a vacancy, “not even in an emergency session,” per the club's rules."
    )
    qs = find_quotes(body)
    assert qs[0].speaker == "Nils Dahl's doctor"
    assert qs[1].speaker == "club"


@pytest.mark.parametrize(
    "body, speaker, role, cue",
    [
        ("«Le port rouvrira au printemps prochain», a déclaré Claire Moreau, la ministre.", "Claire Moreau", "ministre", "déclaré"),
        ("„Der Hafen öffnet erst im Frühjahr wieder“, sagte Jonas Keller.", "Jonas Keller", None, "sagte"),
        ("«El puerto abrirá en primavera», dijo el alcalde Tomás Ibarra.", "Tomás Ibarra", "alcalde", "dijo"),
        ("«Il porto riaprirà in primavera», ha detto Lucia Ferri.", "Lucia Ferri", None, "detto"),
    ],
)
def test_inverted_cues_of_other_languages(body, speaker, role, cue):
    # news style in French, German, Spanish, Italian puts the verb before the
    # speaker after the quote, with a compound past's auxiliary ("a", "ha")
    q = _one(body, body[1:8])
    assert (q.speaker, q.speaker_role, q.cue) == (speaker, role, cue)


def test_english_article_is_no_foreign_auxiliary():
    q = _one("“The ferry will not run this winter,” a harbour official said.", "The ferry")
    assert q.speaker == "a harbour official"


def test_role_given_once_goes_with_later_quotes_of_the_speaker():
    body = (
        "Ingrid Solheim, the Minister of Fisheries, said: “The quota stays where it is.”\n\n"
        "“We will look at it again next year,” Solheim added. “Nobody should expect a cut,” she said."
    )
    qs = find_quotes(body)
    assert [(q.speaker, q.speaker_role) for q in qs] == [("Ingrid Solheim", "Minister of Fisheries")] * 3


def test_quotes_in_scripts_without_spaces_count_their_characters():
    # a Chinese or Japanese quotation is found (its speaker needs word
    # segmentation, which cleannews does not do: None, not a guess); a short
    # bracketed term stays a term
    q = _one("港务局局长说：「渡轮明年春天恢复运营，票价不变」。", "渡轮")
    assert q.text == "渡轮明年春天恢复运营，票价不变"
    assert find_quotes("市议会把这个项目称为「海港计划」。") == ()


def test_role_given_where_the_speaker_is_first_named_outside_a_quote():
    body = (
        "Harbour Authority chairman Olaf Berg opened the meeting on Monday.\n\n"
        "“We will reopen the quay in spring,” Berg said.\n\n"
        "Ines Dahl, the head of the pilots' union, was not convinced. “Spring is too late,” Dahl said.\n\n"
        "Thousands of people supporting Nils Aro marched on the quay. “We want it open now,” Aro said."
    )
    qs = find_quotes(body)
    assert [(q.speaker, q.speaker_role) for q in qs] == [
        ("Olaf Berg", "Harbour Authority chairman"),
        ("Ines Dahl", "head of the pilots' union"),
        ("Nils Aro", None),  # the words before the name are the sentence, not a title
    ]


def test_a_carried_pronoun_stands_for_whom_it_did_where_it_was_written():
    # the quote paragraph has no cue: it carries on the "she" of the paragraph
    # before, whose sentence before names Ann Holt (not the last speaker quoted)
    body = (
        "“We will vote against it,” Maria Lopez said.\n\n"
        "In a statement on Tuesday, the chairwoman Ann Holt was more cautious than her colleagues. "
        "Though she called the plan “reckless” in a letter to members and wants bonuses “clawed back” "
        "from its authors, the board spoke only of what might come next.\n\n"
        "“If the bank cannot be run well, it should be broken up.”"
    )
    qs = find_quotes(body)
    assert [q.speaker for q in qs] == ["Maria Lopez", "Ann Holt"]


def test_a_quote_after_a_sentence_with_a_named_subject_and_no_speech_verb():
    body = (
        "On “Morning Report,” Senator Nils Aro, who lost the primary, named rising rents as the main worry. "
        "“The young people are tired of paying half their wages for a room.”"
    )
    assert [(q.speaker, q.speaker_role) for q in find_quotes(body)] == [("Nils Aro", "Senator")]


def test_role_phrases_with_modifiers_numbers_and_ages():
    q = _one("“There is no evidence of fraud in this election,” said the county clerk, Maria Lopez.", "There is")
    assert (q.speaker, q.speaker_role) == ("Maria Lopez", "county clerk")
    q = _one("“We are not leaving this square tonight,” Ana Ruiz, 31, said.", "We are")
    assert (q.speaker, q.speaker_role) == ("Ana Ruiz", None)  # an age is no role
    q = _one(
        "According to a 40-page report by the state auditor, the agency wasted “millions of dollars on consultants who did nothing.”",
        "millions",
    )
    assert q.speaker is not None and "report" in q.speaker and q.speaker_role is None
    body = "Officials said the fire that Mayor Ann Holt called “a deliberate attack on the whole town” was out by noon."
    assert [(q.speaker, q.speaker_role) for q in find_quotes(body)] == [("Ann Holt", "Mayor")]


def test_described_speakers_without_a_determiner():
    for body, speaker in (
        ("“The driver was taken into custody without a struggle,” police said.", "police"),
        ("“He will be charged with arson on Monday,” federal prosecutors said.", "federal prosecutors"),
        ("“The road stays closed until the weekend,” officials said.", "officials"),
    ):
        assert [q.speaker for q in find_quotes(body)] == [speaker], body


def test_two_speakers_before_one_cue():
    body = (
        "“We will fight this ruling in every court we can,” Ann Holt and Mark Doyle said in a joint statement.\n\n"
        "“And we will win,” they added."
    )
    assert [q.speaker for q in find_quotes(body)] == ["Ann Holt and Mark Doyle"] * 2


def test_a_clause_subject_in_coordination_or_with_its_name_in_apposition():
    body = (
        "Ann Holt and her aides have had choice words for the press, "
        "telling reporters that “the coverage has been grossly unfair to us.”"
    )
    assert [q.speaker for q in find_quotes(body)] == ["Ann Holt and her aides"]
    body = "The spokesman, Tom Reed, declined to comment but said that “the company will issue a statement soon.”"
    assert [(q.speaker, q.speaker_role) for q in find_quotes(body)] == [("Tom Reed", "spokesman")]


@pytest.mark.parametrize("body", ["“a b c” ―", '"b" ―', '"b""b" ―', "“We will win this,” ――"])
def test_quote_ending_in_dashes_has_no_speaker_and_no_crash(body):
    # atheris found these: the epigraph branch skipped the dashes to the end of the
    # tokens and the next check indexed past it (IndexError in _right_attribution)
    for q in find_quotes(body):
        assert q.speaker is None

"""The `cleannews.lang` package: one data file a language, concerns of fixed types,
and a new file picked up by its name alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleannews import lang
from cleannews.lang.base import (
    EndWords,
    MetadataWords,
    QuoteWords,
    RelatedWords,
    StopWords,
    alternatives,
)

#: Every concern a data file may hold (its table name), with its type.
CONCERNS: dict[str, type] = dict(lang.CONCERNS)


def test_every_file_holds_its_concerns_in_their_types() -> None:
    assert lang.LANGUAGES[0] == "en"
    assert set(CONCERNS) == {"quotes", "stopwords", "related", "dumps", "furniture", "metadata", "ends"}
    assert (CONCERNS["quotes"], CONCERNS["metadata"], CONCERNS["ends"]) == (QuoteWords, MetadataWords, EndWords)
    data = lang._discover()
    assert set(data) == set(lang.LANGUAGES)
    for code in lang.LANGUAGES:
        assert data[code], f"lang/data/{code}.toml holds no concern"
        for name, value in data[code].items():
            assert isinstance(value, CONCERNS[name]), (code, name)


def test_the_mappings_hold_every_file_with_the_concern() -> None:
    data = lang._discover()
    for name in CONCERNS:
        got = getattr(lang, name.upper())
        assert list(got) == [c for c in lang.LANGUAGES if name in data[c]], name
        assert all(got[c] == data[c][name] for c in got), name


def test_the_data_files_are_package_data() -> None:
    """Every file is read through importlib.resources, so it must ship in the wheel: the
    package-data globs of pyproject.toml take ``*.toml`` under the package."""
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"**/*.toml"' in pyproject


def test_words_are_lower_case_and_headings_compile() -> None:
    for code, stop in lang.STOPWORDS.items():
        assert stop.frequent or stop.distinctive, code
        assert all(w == w.lower() for w in stop.frequent | stop.distinctive), code
    for code, related in lang.RELATED.items():
        assert related.headings, code
        for h in related.headings:
            assert h == h.lower(), (code, h)
            re.compile(h)
    for concern in (lang.DUMPS, lang.FURNITURE):
        for code, labels in concern.items():
            for field, fragments in labels._asdict().items():
                for f in fragments:
                    assert f == f.lower(), (code, field, f)
                    re.compile(f)


def test_metadata_words_are_lower_case_and_compile() -> None:
    for code, words in lang.METADATA.items():
        assert len(words.months) in (0, 12), code
        for field, value in words._asdict().items():
            for f in value:
                assert f == f.lower(), (code, field, f)
                if isinstance(value, tuple):
                    re.compile(f)
    for ends in lang.ENDS.values():
        for fragments in ends:
            for f in fragments:
                re.compile(f)


def test_month_names_read_from_every_language() -> None:
    from cleannews.metadata.dates import MONTHS, parse_date_text

    assert MONTHS["märz"] == MONTHS["mars"] == MONTHS["marca"] == MONTHS["maaliskuuta"] == 3
    assert str(parse_date_text("3. März 2024")) == "2024-03-03"
    merged = lang.merged_metadata()
    assert {"redaktion", "rédaction", "staff"} <= merged.junk_names


def test_alternatives_join_every_language_in_order() -> None:
    assert alternatives([("a", "b"), (), ("c",)]) == "(?:a|b|c)"
    joined = alternatives(w.published for w in lang.DUMPS.values())
    assert re.fullmatch(joined, "veröffentlicht") and re.fullmatch(joined, "published")


def test_a_new_file_is_found_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "xq.toml").write_text(
        "# a made-up language\n[stopwords]\ndistinctive = 'zyx wvu'\n[related]\nheadings = ['zyx wvu']\n",
        encoding="utf-8",
    )
    (tmp_path / "_private.toml").write_text("[related]\nheadings = 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a language", encoding="utf-8")
    found = lang._discover(tmp_path)
    assert set(found) == {"xq"}
    assert found["xq"]["stopwords"] == StopWords(distinctive=frozenset({"zyx", "wvu"}))
    assert found["xq"]["related"] == RelatedWords(headings=("zyx wvu",))


def test_value_forms() -> None:
    got = lang.load(
        "[quotes]\n"
        "speech_verbs = ['say says', 'tell']\n"
        "role_words.words = 'chef'\n"
        "role_words.prefixes = 'innen außen'\n"
        "role_words.heads = 'minister ministerin'\n"
        "prefix_cues = { according = ['to'], per = [] }\n"
        "glued_pronouns = { il = 'he' }\n"
        "elisions = [\"l'\"]\n",
        "xq",
    )["quotes"]
    assert isinstance(got, QuoteWords)
    assert got.speech_verbs == frozenset({"say", "says", "tell"})
    assert got.role_words == frozenset({"chef", "innenminister", "innenministerin", "außenminister", "außenministerin"})
    assert dict(got.prefix_cues) == {"according": ("to",), "per": ()}
    assert dict(got.glued_pronouns) == {"il": "he"} and got.elisions == ("l'",)


@pytest.mark.parametrize(
    "text, message",
    [
        ("[quote]\nspeech_verbs = 'x'\n", r"\[quote\] is no concern"),
        ("[quotes]\nspeech_verb = 'x'\n", "has no field 'speech_verb'"),
        ("[quotes]\nspeech_verbs = 3\n", "xq.quotes.speech_verbs"),
        ("[related]\nheadings = 'a b'\n", "expected a list of strings"),
        ("[related\n", "xq.toml"),
    ],
)
def test_a_wrong_file_is_an_error_naming_the_place(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        lang.load(text, "xq")

"""The `cleannews.lang` package: one module a language, concerns of fixed types,
and a new module picked up by its file name alone."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from cleannews import lang
from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, alternatives

#: Every concern a language module may hold, with its type.
CONCERNS: dict[str, type] = {"QUOTES": QuoteWords, "STOPWORDS": StopWords, "RELATED": RelatedWords, "DUMPS": DumpWords, "FURNITURE": FurnitureWords}


def test_every_module_holds_its_concerns_in_their_types() -> None:
    assert lang.LANGUAGES[0] == "en"
    for code in lang.LANGUAGES:
        mod = lang.module(code)
        held = [name for name in CONCERNS if hasattr(mod, name)]
        assert held, f"lang.{code} holds no concern"
        for name in held:
            assert isinstance(getattr(mod, name), CONCERNS[name]), (code, name)
        # a concern's tuple under another name would be read by no stage
        for attr, value in vars(mod).items():
            for name, kind in CONCERNS.items():
                if isinstance(value, kind) and not attr.startswith("_"):
                    assert attr == name, (code, attr)


def test_the_mappings_hold_every_module_with_the_concern() -> None:
    for name in CONCERNS:
        got = getattr(lang, name)
        assert set(got) == {c for c in lang.LANGUAGES if hasattr(lang.module(c), name)}, name
        assert list(got) == [c for c in lang.LANGUAGES if c in got], name


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


def test_alternatives_join_every_language_in_order() -> None:
    assert alternatives([("a", "b"), (), ("c",)]) == "(?:a|b|c)"
    joined = alternatives(w.published for w in lang.DUMPS.values())
    assert re.fullmatch(joined, "veröffentlicht") and re.fullmatch(joined, "published")


def test_a_new_module_is_found_by_its_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "xq.py").write_text(
        "from cleannews.lang.base import RelatedWords, StopWords, words\n"
        "STOPWORDS = StopWords(distinctive=words('zyx wvu'))\n"
        "RELATED = RelatedWords(headings=('zyx wvu',))\n",
        encoding="utf-8",
    )
    (tmp_path / "_private.py").write_text("RELATED = None\n", encoding="utf-8")
    monkeypatch.setattr(lang, "__path__", [*lang.__path__, str(tmp_path)])
    try:
        found = lang._discover()
        assert "xq" in found and "_private" not in found and "base" not in found
        assert set(found) >= set(lang.LANGUAGES)
        assert found["xq"].STOPWORDS.distinctive == frozenset({"zyx", "wvu"})
    finally:
        sys.modules.pop("cleannews.lang.xq", None)


def test_a_concern_of_the_wrong_type_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lang.module("en"), "RELATED", ("related",))
    with pytest.raises(TypeError, match="RELATED"):
        lang._concern("RELATED", RelatedWords)

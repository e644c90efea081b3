"""The quote stage is total: any body gives quotes (maybe none), never an exception.

Three layers: the regressions found so far (each a class of input, not one page),
a property test over generated text made of the pieces attribution reads (quote
marks of every family, names, roles, commas, dashes, cues of several languages,
sentence ends, paragraph breaks), and every page of ../shared/corpus (the page's
own text, and its truth body where the dataset gives one). All example sentences
are invented here.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleannews
from cleannews.models import Quote
from cleannews.quotes import find_quotes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _check(body: str, quotes: tuple[Quote, ...]) -> None:
    """What every answer must satisfy: exact offsets, and links that point back."""
    for i, q in enumerate(quotes):
        assert body[q.start : q.end] == q.text
        assert q.speaker is None or (isinstance(q.speaker, str) and q.speaker.strip())
        if q.continues is not None:
            assert 0 <= q.continues < i
            assert quotes[q.continues].speaker == q.speaker


# --- the class of input behind issue #17/#18's IndexError -----------------------
# An attribution after the closing mark whose window ends on the comma that closes
# an appositive: '"...," Name, appositive,' and then nothing (the paragraph, the
# window or the sentence stops there). The appositive loop looked one token past
# that comma for a cue.
@pytest.mark.parametrize(
    "body",
    [
        '"a b c d," Al, a,',
        "“This is a long quote of many words,” John Smith, the mayor,",
        "“This is a long quote of many words,” John Smith, the mayor, a lawyer,",
        "«Это очень длинная цитата из многих слов», Иван Петров, мэр,",
        "“Words of a quote here,” she said, the mayor,\n“And more words after that,” Jo Ann, the aide,",
        '"one two three four," X, y, z,',
    ],
)
def test_appositive_closing_the_window_is_no_crash(body: str) -> None:
    _check(body, find_quotes(body))


@pytest.mark.parametrize(
    "html",
    ['"a b c d," Al, a,', "<p>“This is a long quote of many words,” John Smith, the mayor,</p>"],
)
def test_extract_survives_the_issue_repros(html: str) -> None:
    article = cleannews.extract(html, kind="html")
    assert article.quotes and article.quotes[0].text.startswith(("a b c d", "This is a long"))


# --- generated text ---------------------------------------------------------
_MARKS = list('"“”„«»‹›「」‘’\'‚')
_NAMES = [
    "John Smith", "Al", "Maria", "Jo Ann Vale", "Mr. Brandt", "Dr.", "O'Neill", "Ana de la Cruz", "X",
    "Thomas Brenneke der Rundschau", "von der", "L’assessore", "l'", "Le maire, Marc Girard,",
]
_ROLES = ["the mayor", "a police spokesman", "board member", "Vorstandsvorsitzender", "la ministre", "an aide"]
_CUES = [
    "said", "says", "told reporters", "according to", "added", "asked", "pointed out", "saying",
    "sagte", "a déclaré", "dijo", "advirtió", "ha detto", "afirmou", "zei", "per", "selon", "who said",
    "a-t-il ajouté", "explique-t-elle", "-t-il", "so", "aldus", "PENCE:", "WALLACE :", "Jan", "May",
]
_GLUE = [",", ", ", ".", ". ", ":", ";", " — ", "—", "-", "(", ")", "?", "!", "…", " ", "  ", "\n", "\n\n", "'s"]
_WORDS = ["he", "she", "they", "it", "the", "statement", "that", "a", "an", "and", "but", "on Monday", "of", "in"]
_PIECE = st.one_of(
    st.sampled_from(_MARKS), st.sampled_from(_NAMES), st.sampled_from(_ROLES), st.sampled_from(_CUES),
    st.sampled_from(_GLUE), st.sampled_from(_WORDS), st.text(max_size=6),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECE, max_size=60).map(" ".join))
def test_any_text_of_quote_pieces(body: str) -> None:
    _check(body, find_quotes(body))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECE, max_size=40).map("".join))
def test_any_text_of_quote_pieces_unspaced(body: str) -> None:
    _check(body, find_quotes(body))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_MARKS), st.text(min_size=1, max_size=30), st.sampled_from(_MARKS),
                  st.sampled_from(_GLUE), st.sampled_from(_NAMES), st.sampled_from(_GLUE),
                  st.sampled_from(_CUES), st.sampled_from(_GLUE)),
        max_size=8,
    ).map(lambda parts: "".join("".join(p) for p in parts))
)
def test_quote_then_attribution_shapes(body: str) -> None:
    _check(body, find_quotes(body))


# --- every page of the corpus -------------------------------------------------
def _corpus_rows():
    for ds in sorted(p for p in CORPUS.iterdir() if (p / "truth.jsonl").is_file()):
        for line in (ds / "truth.jsonl").open(encoding="utf8"):
            yield ds, json.loads(line)


@pytest.mark.slow
@pytest.mark.corpus
def test_every_corpus_page() -> None:
    """The quote stage on every page's real body (each page through `extract`, whose
    quotes are the stage's answer on the assembled body) and on every truth body the
    datasets give; failures are collected, not just the first. About 3 minutes."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    failed = []
    n = 0
    for ds, row in _corpus_rows():
        key = f"{ds.name}/{row['id']}"
        data = gzip.decompress((ds / row["file"]).read_bytes())
        n += 1
        try:
            article = cleannews.extract(data, url=row.get("url"), kind=row["kind"])
            _check(article.body, article.quotes)
            if row.get("body"):
                _check(row["body"], find_quotes(row["body"]))
        except Exception as e:  # noqa: BLE001 -- any failure is collected, then all reported below
            failed.append(f"{key}: {type(e).__name__}: {e}")
    assert n > 1000
    assert not failed, "\n".join(failed[:20])

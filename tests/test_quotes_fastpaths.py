"""The quote stage's C-loop fast paths answer exactly as the plain Python loops they
replaced (issue #18's fuzz rate: fewer Python steps a token or a mark, same output).

Each test checks a fast path against a plain reference over generated text that puts
the special cases (abbreviations, clitics, glued pronouns, doubled and inner
apostrophes, marks at a paragraph's edges) everywhere, window edges included."""

from __future__ import annotations

import random

from cleannews.quotes import words as W
from cleannews.quotes.marks import _MARK_RE, _all_flanks, _find_spans, _flanks, _next, _paragraph_spans
from cleannews.quotes.tokens import _PARTY_STATE_RE, _TOKEN_RE, _bare, _Tok, _tokens

_PIECES = [
    "Mr.", "Smith", "said", "he's", "they’re", "l’assessore", "a-t-il", "explique-t-elle", "U.S.", "R-Ky.",
    "D-N.Y.", "A.", "..", ".", "(D-Md.)", "well-known", "9/11", "Korea's", "don't", "''", "’’", "'em",
    "«", "»", "“", "”", "„", '"', "'", "‘", "’", "「", "」", ",", ":", "—", "e.g.", "Dr..", "x", "S", "its",
]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rnd.choice(_PIECES) for _ in range(rnd.randrange(1, 14))]
        out.append("".join(p + rnd.choice(["", " ", " ", "\n", "  "]) for p in parts))
    return out


def _reference_tokens(body: str, lo: int, hi: int) -> list[_Tok]:
    """The tokeniser as one Python step a token (the loop `_tokens` replaced)."""
    out: list[_Tok] = []
    for m in _TOKEN_RE.finditer(body, lo, hi):
        t = m.group()
        s, e = m.span()
        if t == "." and out and out[-1].end == s:
            prev = out[-1]
            pl = prev.low
            if pl in W.ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper()) or "." in pl or _PARTY_STATE_RE.fullmatch(prev.text):
                out[-1] = _Tok(prev.text + ".", pl + ".", prev.start, e, _bare(pl + "."))
                continue
        low = t.lower()
        if "-" in low:
            verb, _, pron = low.rpartition("-")
            v = verb.removesuffix("-t")
            if pron in W.GLUED_PRONOUNS and verb and (v in W.FOREIGN_AUX or v in W.CUE_WORDS):
                out.append(_Tok(t[: len(v)], v, s, s + len(v), _bare(v)))
                out.append(_Tok(t[len(verb) + 1 :], W.GLUED_PRONOUNS[pron], s + len(verb) + 1, e, W.GLUED_PRONOUNS[pron]))
                continue
        if ("'" in low or "’" in low) and low.endswith(W.CLITICS):
            cut = low.rfind("'") if "'" in low else low.rfind("’")
            if low[:cut] in W.PRONOUNS:
                out.append(_Tok(t[:cut], low[:cut], s, s + cut, _bare(low[:cut])))
                out.append(_Tok(t[cut:], low[cut:], s + cut, e, _bare(low[cut:])))
                continue
        out.append(_Tok(t, low, s, e, _bare(low)))
    return out


def test_tokens_match_the_per_token_loop_in_any_window() -> None:
    rnd = random.Random(5)
    for body in _texts(1500, 1):
        for _ in range(4):
            lo = rnd.randrange(len(body))
            hi = rnd.randrange(lo, len(body) + 1)
            assert _tokens(body, lo, hi) == _reference_tokens(body, lo, hi), (body, lo, hi)


def test_tokens_keep_abbreviations_clitics_and_glued_pronouns() -> None:
    toks = [t.text for t in _tokens("Mr. Smith's U.S. visit, he's sure, a-t-il dit.", 0, 47)]
    assert toks == ["Mr.", "Smith's", "U.S.", "visit", ",", "he", "'s", "sure", ",", "a", "il", "dit", "."]


def test_all_flanks_match_flanks_per_mark() -> None:
    for body in _texts(3000, 2):
        for line in _lines(body):
            ps, pe = line
            marks = [m.start() for m in _MARK_RE.finditer(body, ps, pe)]
            if marks:
                assert _all_flanks(body, marks, ps, pe) == [_flanks(body, i, ps, pe) for i in marks], body


def _lines(body: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in body.split("\n"):
        end = start + len(part.rstrip())
        if end > start:
            out.append((start, end))
        start += len(part) + 1
    return out


def test_next_is_the_next_flagged_index() -> None:
    rnd = random.Random(3)
    for _ in range(500):
        n = rnd.randrange(1, 30)
        idx = sorted(rnd.sample(range(n), rnd.randrange(0, n + 1)))
        for k in range(n):
            assert _next(idx, k, n) == next((i for i in idx if i > k), n)


def test_spans_found_in_marked_paragraphs_only() -> None:
    body = 'Intro line.\n\n"One quote," she said.\nNo marks here\n“Two” and it\'s fine.\n'
    spans = _find_spans(body)
    assert [body[s.start : s.end] for s in spans] == ["One quote,", "Two"]
    assert [s.para for s in spans] == [1, 3]
    ps = body.index("“")
    assert _paragraph_spans(body, ps, body.index("fine.") + 5) == [(ps, ps + 4)]

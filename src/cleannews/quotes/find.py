"""The driver: `find_quotes` and the passes it chains.

Spans (`marks`) -> attribution of each span from the context windows this
module chooses (the sentence before the opening mark, the text after the
closing mark up to the sentence end or the next quote, a "X said:" closing the
previous paragraph) -> propagation of speakers along multi-paragraph chains
and to neighbouring quotes -> dropping short quoted phrases without a cue
(scare quotes, titles) -> resolution (`resolve`) -> `Quote` objects. Every
window is bounded by `CONTEXT_CHARS`, so the whole stays linear in the body.
"""

from __future__ import annotations

import regex

from cleannews.models import Quote
from cleannews.quotes import words as W
from cleannews.quotes.attribution import (
    _Attr, _cue_at, _docs_in, _left_attribution, _right_attribution, _subject, _tail_attribution,
)
from cleannews.quotes.marks import _Span, _find_spans
from cleannews.quotes.names import _Names
from cleannews.quotes.resolve import _resolve
from cleannews.quotes.tokens import _first_char, _is_word, _sentence_end, _sentence_start, _tokens
from cleannews.text import title_case

__all__ = ["find_quotes"]


def _attribute(body: str, spans: list[_Span], names: _Names) -> None:
    for idx, sp in enumerate(spans):
        prev = spans[idx - 1] if idx > 0 and spans[idx - 1].para == sp.para else None
        nxt = spans[idx + 1] if idx + 1 < len(spans) and spans[idx + 1].para == sp.para else None
        # left: the sentence before the opening mark, after any earlier quote
        lo = max(sp.para_start, sp.open - W.CONTEXT_CHARS)
        if prev is not None:
            lo = max(lo, (prev.close if prev.close >= 0 else prev.end) + 1)
        ls = _sentence_start(body, lo, sp.open)
        left = _tokens(body, ls, sp.open)
        # right: from the closing mark to the sentence end or the next quote
        attr = None
        direct = False
        if sp.close >= 0:
            hi = min(sp.para_end, sp.close + 1 + W.CONTEXT_CHARS)
            if nxt is not None:
                hi = min(hi, nxt.open)
            re_ = _sentence_end(body, sp.close + 1, hi)
            right = _tokens(body, sp.close + 1, re_)
            after_sentence = body[sp.close - 1] in ".!?…" or body[sp.end - 1] in ".!?…"
            attr = _right_attribution(right, after_sentence)
            direct = attr is not None
        if attr is None:
            prev_np = prev.np if prev is not None else ()
            attr, direct = _left_attribution(left, prev_np, names)
        if attr is None and prev is not None and prev.np and ls == lo and prev.close >= 0 and lo == prev.close + 1:
            # a later quote of the same sentence: the same speaker
            attr = _Attr(prev.np, prev.role, prev.cue, prev.docs)
            sp.extra["same_sentence"] = True
        if attr is None and not left and sp.open == _first_char(body, sp.para_start):
            # a paragraph opening with the quote after "X said:" closing the last one
            attr = _colon_intro(body, sp, spans, idx, names)
            direct = attr is not None
        if attr is None and sp.close >= 0:
            # 'A clerk who "..." is held to account, Warren said.'
            attr = _tail_attribution(right)
        if attr is None and left:
            subj = _subject(left, names)
            if subj:
                attr = _Attr(subj, None, None, _docs_in(left))
        if attr is None and not any(_is_word(t) for t in left) and ls > lo:
            # 'Warren said the bank failed. "..."': the quote opens its sentence
            # with no cue of its own; the speaker of the sentence before goes
            # on, unless propagation finds it a speaker first (`_propagate`)
            sp.extra["prev_sentence"] = _previous_sentence(body, lo, ls, names)
        if attr is not None:
            sp.np, sp.cue, sp.docs = attr.np, attr.cue, attr.docs
            sp.role = attr.role
        sp.direct = direct
        sp.extra["para_first"] = _first_char(body, sp.para_start)
        # partial: reporter's words before the quote in its sentence
        text0 = body[sp.start]
        if left:
            lastt = left[-1]
            intro = lastt.text in ",:—–" or _cue_at(left, len(left) - 1) is not None
            sp.partial = not intro or text0.islower()
        else:
            sp.partial = False


def _previous_sentence(body: str, lo: int, ls: int, names: _Names) -> _Attr | None:
    """The attribution of the sentence just before position ls (not before lo):
    a speech cue with its speaker ("Warren said the bank failed.")."""
    ps = _sentence_start(body, lo, ls - 1)
    toks = _tokens(body, ps, ls)
    if not toks or any(t.text in W.ALL_MARKS for t in toks):
        return None
    attr, _ = _left_attribution(toks, (), names)
    return attr


def _colon_intro(body: str, sp: _Span, spans: list[_Span], idx: int, names: _Names) -> _Attr | None:
    """'X said:' at the end of the previous paragraph introduces this quote."""
    ps = sp.para_start
    j = ps - 1
    while j >= 0 and body[j].isspace():
        j -= 1
    if j < 0 or body[j] != ":":
        return None
    lo = max(0, j - W.CONTEXT_CHARS)
    k = body.rfind("\n", lo, j)
    lo = max(lo, k + 1)
    if idx > 0 and spans[idx - 1].close >= lo:
        lo = spans[idx - 1].close + 1
    ls = _sentence_start(body, lo, j)
    toks = _tokens(body, ls, j + 1)
    attr, _ = _left_attribution(toks, (), names)
    return attr


def _propagate(spans: list[_Span]) -> None:
    """Quotes without a speaker take one from their multi-paragraph chain or
    from the neighbouring quote of the same paragraph ("…," he said. "…")."""
    chains: dict[int, list[_Span]] = {}
    for sp in spans:
        if sp.chain >= 0:
            chains.setdefault(sp.chain, []).append(sp)
    # chain pieces: the first piece's opening is only "open" in mark terms;
    # the attribution usually sits after the last piece or before the first
    for pieces in chains.values():
        src = next((p for p in reversed(pieces) if p.np and p.direct), None) or next((p for p in pieces if p.np), None)
        if src is None:
            continue
        for p in pieces:
            if not p.np:
                p.np, p.cue, p.role, p.docs, p.direct = src.np, src.cue, src.role, src.docs, True
    n = len(spans)
    last: _Span | None = None
    for sp in spans:
        # a quote paragraph with no cue of its own continues the last speaker
        if not sp.np and last is not None and sp.para - last.para <= W.CARRY_PARAGRAPHS and sp.open == sp.extra.get("para_first", -1):
            sp.np, sp.cue, sp.role, sp.docs = last.np, None, last.role, last.docs
            sp.extra["carried"] = True
        if sp.np and not sp.extra.get("carried"):
            last = sp
    for i, sp in enumerate(spans):
        if sp.np:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < n and spans[j].para == sp.para and spans[j].np and spans[j].direct:
                sp.np, sp.cue, sp.role, sp.docs = spans[j].np, spans[j].cue, spans[j].role, spans[j].docs
                sp.extra["borrowed"] = True
                break
    for sp in spans:
        ps = sp.extra.get("prev_sentence")
        if not sp.np and ps is not None:
            sp.np, sp.cue, sp.role, sp.docs = ps.np, ps.cue, ps.role, ps.docs


# Han ideographs and kana: scripts written without spaces between words.
_CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# Characters a word of those scripts takes on average (Chinese words are one to
# two characters long, most often two; Japanese runs slightly longer).
CJK_CHARS_PER_WORD = 2


def _word_count(text: str) -> int:
    """Words of a quotation; text without spaces (Chinese, Japanese) counts by
    its characters, so that 「...」 quotes are not all one "word" long."""
    cjk = len(_CJK_RE.findall(text))
    if not cjk:
        return len(text.split())
    rest = _CJK_RE.sub(" ", text)
    return len(rest.split()) + -(-cjk // CJK_CHARS_PER_WORD)


def _title_case(text: str) -> bool:
    """A quoted title ("Face the Nation," "Reeks of Fear."): a few words, each
    capitalised but for the short function words titles keep in lower case."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return 2 <= len(words) <= W.TITLE_MAX_WORDS and title_case(words, min_capitals=2)


def _role_text(role: str | None) -> str | None:
    """A role as a title: without its leading definite article ("the US
    Secretary of State" -> "US Secretary of State", "la ministre" -> "ministre");
    an indefinite one stays ("a former aide"), it says what kind of role."""
    if not role:
        return None
    first, _, rest = role.partition(" ")
    if rest and (first.lower() == "the" or first.lower() in W.FOREIGN_DETERMINERS):
        return rest
    return role


def find_quotes(body: str) -> tuple[Quote, ...]:
    """Direct quotations in `body`, with speaker, role, cue and exact offsets."""
    if not body:
        return ()
    spans = _find_spans(body)
    if not spans:
        return ()
    names = _Names(body)
    _attribute(body, spans, names)
    _propagate(spans)
    kept = [
        sp for sp in spans
        if (_word_count(body[sp.start : sp.end]) > W.SHORT_QUOTE_WORDS or (sp.direct and sp.np))
        and (W.EMIT_CONTINUATIONS or not sp.extra.get("borrowed"))
    ]
    _resolve(kept, names, body)
    # quoted titles go after resolution: their speaker phrase still counts
    # as the last one named for a "he said" that follows
    kept = [sp for sp in kept if sp.direct or not _title_case(body[sp.start : sp.end])]
    return tuple(
        Quote(
            text=body[sp.start : sp.end],
            speaker=sp.speaker,
            speaker_role=_role_text(sp.role) if sp.speaker else None,
            cue=sp.cue if sp.speaker else None,
            partial=sp.partial,
            start=sp.start,
            end=sp.end,
        )
        for sp in kept
    )

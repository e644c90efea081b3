"""Quotation-mark spans: where each direct quotation starts and ends.

This is the first pass of `find_quotes` and knows nothing about speakers: each
paragraph (a line of the body) is scanned once for quotation marks with a small
state machine. Curly and straight double marks are one family, since dumps mix
them; German „…“, guillemets both ways and CJK corner brackets pair with their
own closers; single marks count at the top level only when they open and close
like quotes (an apostrophe sits between letters or before a year). The next
mark of each kind comes from precomputed tables, so a paragraph of 100k marks
stays linear. A quotation left open at a paragraph end whose next paragraph
opens with a mark becomes a chain of pieces (`_Span.chain`) that later share a
speaker. `_Span` also carries the attribution and speaker the later passes fill in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import re

from cleannews.quotes import words as W
from cleannews.quotes.tokens import _LINE_RE, _Tok

# Any quotation mark. A plain character class: the standard `re` scans for one
# about three times as fast as `regex` (this runs over every character of the body).
_MARK_RE = re.compile("[" + re.escape("".join(sorted(W.ALL_MARKS))) + "]")


@dataclass
class _Span:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, -1 when it runs to the paragraph end
    start: int  # text offsets (marks and outer whitespace excluded)
    end: int
    para: int  # paragraph index
    para_start: int
    para_end: int
    chain: int = -1  # id of a multi-paragraph quotation, -1 for none
    # filled by attribution
    np: tuple[_Tok, ...] = ()
    role: str | None = None
    cue: str | None = None
    direct: bool = False  # a cue right next to the quote
    partial: bool = False
    docs: tuple[str, ...] = ()  # document nouns in the attribution clause
    speaker: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _flanks(body: str, i: int, ps: int, pe: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at i, from the characters around it."""
    prev = body[i - 1] if i > ps else " "
    nxt = body[i + 1] if i + 1 < pe else " "
    left = (prev.isspace() or prev in W.OPEN_CONTEXT or prev in W.ALL_MARKS) and not nxt.isspace()
    right = (not prev.isspace()) and (nxt.isspace() or nxt in W.CLOSE_CONTEXT or nxt in W.ALL_MARKS)
    return left, right


def _single_opens(body: str, i: int, ps: int, pe: int) -> bool:
    left, _ = _flanks(body, i, ps, pe)
    if not left or body[i] == "’":
        return False
    nxt = body[i + 1] if i + 1 < pe else " "
    if nxt.isdigit():  # '90s
        return False
    # 'em, 'til, 'cause, 'n' ...
    j = i + 1
    while j < pe and j - i < 8 and body[j].isalpha():
        j += 1
    if body[i + 1 : j].lower() in ("em", "til", "cause", "n", "tis", "twas", "bout", "round"):
        return False
    return True


def _single_closes(body: str, i: int, ps: int, pe: int) -> bool:
    if body[i] == "‘":
        return False
    prev = body[i - 1] if i > ps else " "
    nxt = body[i + 1] if i + 1 < pe else " "
    if prev.isalnum() and nxt.isalnum():  # don't, Korea's
        return False
    _, right = _flanks(body, i, ps, pe)
    return right


def _next_table(n: int, flags: list[bool]) -> list[int]:
    """nxt[k] = the smallest index > k whose flag is set, or n."""
    nxt = [n] * (n + 1)
    nearest = n
    for k in range(n - 1, -1, -1):
        nxt[k] = nearest
        if flags[k]:
            nearest = k
    return nxt


def _paragraph_spans(body: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """(open, close) mark pairs of one paragraph.

    close is the closing mark's index; -1 for a quotation left open at the
    paragraph end; -2 - x for one left open and cut off at offset x by the next
    opening mark. Linear: the next mark of each kind is looked up in tables.
    """
    marks = [
        i for i in (m.start() for m in _MARK_RE.finditer(body, ps, pe))
        if not (body[i] in "'’" and ((i + 1 < pe and body[i + 1] in "'’") or (i > ps and body[i - 1] in "'’")))
        # an apostrophe between letters (don't, Korea's) can neither open nor
        # close (`_single_opens`, `_single_closes`): most single marks in
        # running text, left out before the tables are built
        and not (body[i] in W.SINGLE_MARKS and i > ps and i + 1 < pe and body[i - 1].isalnum() and body[i + 1].isalnum())
    ]
    n = len(marks)
    if not n:
        return []
    chars = [body[i] for i in marks]
    flanks = [_flanks(body, i, ps, pe) for i in marks]
    is_double = [c in W.DOUBLE_MARKS for c in chars]
    # the tables of a kind of mark the paragraph lacks are never read (each
    # branch below starts from a mark of its own kind): they stay all-n
    none = [n] * (n + 1)
    if any(is_double):
        nxt_straight = _next_table(n, [c == '"' for c in chars])
        nxt_curly_close = _next_table(n, [c in W.DOUBLE_CLOSERS for c in chars])
        nxt_low_close = _next_table(n, [c in "“”" for c in chars])  # closers of „
        nxt_curly_open = _next_table(n, [c in W.DOUBLE_OPENERS for c in chars])
        nxt_cut = _next_table(n, [c in W.DOUBLE_OPENERS and f[0] and not f[1] for c, f in zip(chars, flanks)])
        nxt_closable = _next_table(n, [d and (f[1] or not f[0]) for d, f in zip(is_double, flanks)])
        nxt_double = _next_table(n, is_double)
    else:
        nxt_straight = nxt_curly_close = nxt_low_close = nxt_curly_open = nxt_cut = nxt_closable = nxt_double = none
    if any(c in W.SINGLE_MARKS for c in chars):
        nxt_single_close = _next_table(
            n, [c in W.SINGLE_MARKS and _single_closes(body, i, ps, pe) for c, i in zip(chars, marks)]
        )
    else:
        nxt_single_close = none
    out: list[tuple[int, int]] = []
    k = 0
    while k < n:
        i = marks[k]
        ch = chars[k]
        left, right = flanks[k]
        if ch in W.DOUBLE_MARKS:
            if (ch in W.DOUBLE_CLOSERS or ch == '"') and not left and (right or ch != '"'):
                k += 1  # a stray closer
                continue
            if ch == '"':
                # straight: the next straight mark, unless a curly closer comes
                # first with no curly opener before it ("...” in mixed dumps)
                c, s_ = nxt_curly_close[k], nxt_straight[k]
                close = c if c < n and c < s_ and nxt_curly_open[k] > c else s_
                cut = n
            else:
                close = nxt_low_close[k] if ch == "„" else nxt_curly_close[k]
                cut = nxt_cut[k]
            if close >= n or close > cut:
                fb = nxt_closable[k]
                close = fb if fb < n and fb < cut else n
            if close < n:
                out.append((i, marks[close]))
                k = close + 1
            elif cut < n:
                out.append((i, -2 - marks[cut]))
                k = cut
            else:
                out.append((i, -1))
                k = n
            continue
        if ch in W.PAIRS:
            if ch in "»›" and not left:  # a French closer without its opener
                k += 1
                continue
            closer = W.PAIRS[ch]
            kk = k + 1
            while kk < n and chars[kk] != closer:
                kk += 1
            if kk < n:
                out.append((i, marks[kk]))
                k = kk + 1
            else:
                out.append((i, -1))
                k = n
            continue
        # single marks: a quotation only when a closing single mark follows
        # before any double mark
        if _single_opens(body, i, ps, pe):
            close = nxt_single_close[k]
            if close < n and close < nxt_double[k]:
                out.append((i, marks[close]))
                k = close + 1
                continue
        k += 1
    return out


def _find_spans(body: str) -> list[_Span]:
    spans: list[_Span] = []
    chain_id = 0
    open_tail: _Span | None = None  # last piece of a quotation left open
    # The marks that may open or close, in one scan of the body: all but a single
    # mark between two letters or digits (don't, Korea's), which
    # `_paragraph_spans` leaves out first. A line without one (most lines, and a
    # third of those with a mark on news pages: apostrophes only) has no span and
    # skips the paragraph scan; the few this keeps and the scan drops (doubled
    # marks) only cost that scan.
    n_body = len(body)
    cands = [
        i for i in (m.start() for m in _MARK_RE.finditer(body))
        if body[i] not in W.SINGLE_MARKS or not (0 < i < n_body - 1 and body[i - 1].isalnum() and body[i + 1].isalnum())
    ]
    ci, nc = 0, len(cands)
    for p, m in enumerate(_LINE_RE.finditer(body)):
        if ci >= nc:
            break  # no mark left: no more spans, and no open quotation goes on
        ps, pe = m.span()
        while ci < nc and cands[ci] < ps:
            ci += 1
        if ci >= nc or cands[ci] >= pe:
            # no mark at all: no spans, and a quotation left open before it
            # does not go on past it (unless the line is blank)
            if not body[ps:pe].isspace():
                open_tail = None
            continue
        while pe > ps and body[pe - 1].isspace():
            pe -= 1
        lead = ps
        while lead < pe and body[lead].isspace():
            lead += 1
        if lead >= pe:
            continue
        pairs = _paragraph_spans(body, ps, pe)
        continues = open_tail is not None and bool(pairs) and pairs[0][0] == lead
        if open_tail is not None and not continues:
            open_tail = None
        for n_pair, (o, c) in enumerate(pairs):
            if c >= 0:
                s, e, close = o + 1, c, c
            elif c == -1:
                s, e, close = o + 1, pe, -1
            else:
                s, e, close = o + 1, -2 - c, -1
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            sp = _Span(o, close, s, e, p, ps, pe)
            if n_pair == 0 and continues and open_tail is not None:
                if open_tail.chain < 0:
                    open_tail.chain = chain_id
                    chain_id += 1
                sp.chain = open_tail.chain
            spans.append(sp)
        last = spans[-1] if spans else None
        if last is not None and last.para == p and pairs and pairs[-1][1] == -1:
            open_tail = last
        else:
            open_tail = None
    return spans

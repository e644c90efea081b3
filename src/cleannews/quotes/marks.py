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

import bisect
import itertools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cleannews.quotes import words as W
from cleannews.quotes.tokens import _LINE_RE, _Tok

# Any quotation mark. A plain character class: the standard `re` scans for one
# about three times as fast as `regex` (this runs over every character of the body).
_MARKS = "[" + re.escape("".join(sorted(W.ALL_MARKS))) + "]"
_MARK_RE = re.compile(_MARKS)
# After a single mark: it stands between two letters or digits (`[^\W_]` is exactly
# `str.isalnum`), an apostrophe (don't, Korea's), which can neither open nor close.
_INNER_SINGLE = "(?<=[^\\W_][" + re.escape("".join(sorted(W.SINGLE_MARKS))) + "])(?=[^\\W_])"
#: The marks that may open or close, found by the regex engine, not a Python step a
#: mark: all but an apostrophe between letters. (The mark class comes first, so the
#: engine skips to the next mark as fast as `_MARK_RE` does.)
_CANDIDATE_RE = re.compile(f"{_MARKS}(?!{_INNER_SINGLE})")
#: The marks a paragraph's scan reads (`_paragraph_spans`): the candidates but for a
#: straight or right single mark next to another ('' or ’’, typed for a double mark).
_SCAN_RE = re.compile(f"{_MARKS}(?!{_INNER_SINGLE}|(?<=['’]['’])|(?<=['’])(?=['’]))")
_START = re.Match.start
_SPAN = re.Match.span


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


def _flagged(flags: Iterable[object]) -> list[int]:
    """The indices whose flag is true, in order (a C loop: `compress`)."""
    return list(itertools.compress(itertools.count(), flags))


def _next(idx: list[int], k: int, n: int) -> int:
    """The smallest index > k in the sorted `idx`, or n: the next mark of a kind.

    A binary search per lookup, where a table per kind cost a Python step per
    mark and kind; lookups are few (one or two a quotation)."""
    j = bisect.bisect_right(idx, k)
    return idx[j] if j < len(idx) else n


def _all_flanks(body: str, marks: list[int], ps: int, pe: int) -> list[tuple[bool, bool]]:
    """`_flanks` of every mark of a paragraph, in C loops (`map` over the characters
    around the marks) but for a mark at either end of the paragraph, which
    `_flanks` takes itself (it sees a space beyond the paragraph)."""
    a = 1 if marks[0] == ps else 0
    z = max(a, len(marks) - 1 if marks[-1] + 1 >= pe else len(marks))  # one mark may be both ends
    inner = marks[a:z]
    prevs = list(map(body.__getitem__, map((-1).__add__, inner)))
    nxts = list(map(body.__getitem__, map((1).__add__, inner)))
    prev_space = list(map(str.isspace, prevs))
    next_space = list(map(str.isspace, nxts))
    left = map(
        operator.and_,
        map(operator.or_, map(operator.or_, prev_space, map(W.OPEN_CONTEXT.__contains__, prevs)), map(W.ALL_MARKS.__contains__, prevs)),
        map(operator.not_, next_space),
    )
    right = map(
        operator.and_,
        map(operator.not_, prev_space),
        map(operator.or_, map(operator.or_, next_space, map(W.CLOSE_CONTEXT.__contains__, nxts)), map(W.ALL_MARKS.__contains__, nxts)),
    )
    out = list(zip(left, right))
    if a:
        out.insert(0, _flanks(body, marks[0], ps, pe))
    if z < len(marks):
        out.append(_flanks(body, marks[-1], ps, pe))
    return out


#: (can open, can close) of a mark that opens and cannot close: it cuts off a quotation
#: left open before it.
_OPENS_ONLY = (True, False)


def _paragraph_spans(body: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """(open, close) mark pairs of one paragraph.

    close is the closing mark's index; -1 for a quotation left open at the
    paragraph end; -2 - x for one left open and cut off at offset x by the next
    opening mark. Linear: the next mark of each kind is looked up in tables.
    """
    # an apostrophe between letters (don't, Korea's), or a straight or right single
    # mark next to another, can neither open nor close (`_single_opens`,
    # `_single_closes`): most single marks in running text, left out by the regex
    # (ps is a line start: the lookbehinds see a line break or nothing before it)
    marks = list(map(_START, _SCAN_RE.finditer(body, ps, pe)))
    n = len(marks)
    if not n:
        return []
    chars = list(map(body.__getitem__, marks))
    flanks = _all_flanks(body, marks, ps, pe)
    is_double = list(map(W.DOUBLE_MARKS.__contains__, chars))
    # the marks of each kind, for `_next`; a kind the paragraph lacks is never looked
    # up (each branch below starts from a mark of its own kind): it stays empty
    none: list[int] = []
    if any(is_double):
        straight = _flagged(map('"'.__eq__, chars))
        curly_close = _flagged(map(W.DOUBLE_CLOSERS.__contains__, chars))
        low_close = _flagged(map("“”".__contains__, chars))  # closers of „
        curly_open = _flagged(map(W.DOUBLE_OPENERS.__contains__, chars))
        opens_only = list(map(_OPENS_ONLY.__eq__, flanks))
        cut_at = _flagged(map(operator.and_, map(W.DOUBLE_OPENERS.__contains__, chars), opens_only))
        # a double mark that can close, or cannot open: (d and (right or not left))
        closable = _flagged(map(operator.and_, is_double, map(operator.not_, opens_only)))
        double = _flagged(is_double)
    else:
        straight = curly_close = low_close = curly_open = cut_at = closable = double = none
    if any(c in W.SINGLE_MARKS for c in chars):
        single_close = [k for k, (c, i) in enumerate(zip(chars, marks)) if c in W.SINGLE_MARKS and _single_closes(body, i, ps, pe)]
    else:
        single_close = none
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
                c, s_ = _next(curly_close, k, n), _next(straight, k, n)
                close = c if c < n and c < s_ and _next(curly_open, k, n) > c else s_
                cut = n
            else:
                close = _next(low_close, k, n) if ch == "„" else _next(curly_close, k, n)
                cut = _next(cut_at, k, n)
            if close >= n or close > cut:
                fb = _next(closable, k, n)
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
            close = _next(single_close, k, n)
            if close < n and close < _next(double, k, n):
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
    cands = list(map(_START, _CANDIDATE_RE.finditer(body)))
    if not cands:
        return spans
    # the lines holding a mark are found by binary search; the lines between two of
    # them only matter when one is not blank (a quotation left open stops there)
    lines = list(map(_SPAN, _LINE_RE.finditer(body)))
    line_starts = list(map(operator.itemgetter(0), lines))
    ci, nc = 0, len(cands)
    last_p = -1
    while ci < nc:
        p = bisect.bisect_right(line_starts, cands[ci]) - 1
        ps, pe = lines[p]
        ci = bisect.bisect_left(cands, pe, ci)
        if p > last_p + 1 and not body[lines[last_p][1] if last_p >= 0 else 0 : ps].isspace():
            open_tail = None  # a line between without a mark, not blank
        last_p = p
        line = body[ps:pe].rstrip()  # str.rstrip strips what str.isspace calls space
        pe = ps + len(line)
        lead = pe - len(line.lstrip())
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
            text = body[s:e]
            s += len(text) - len(text.lstrip())
            e = s + len(text.strip())
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

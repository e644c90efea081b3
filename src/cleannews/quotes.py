"""Direct quotations in the body and who said them.

`find_quotes(body)` works in three passes, all linear in the body's length:

1. **Spans.** Each paragraph (a line of the body) is scanned once for quotation
   marks with a small state machine: curly and straight double marks (one
   family, since dumps mix them), German „…“, guillemets both ways, CJK corner
   brackets, and single marks at the top level only when they open and close
   like quotes (an apostrophe sits between letters or before a year: don't,
   Korea's, '90s). Marks inside a quotation are nested quotes and stay in its
   text. A quotation left open at the end of a paragraph whose next paragraph
   opens with a mark is a multi-paragraph quotation: one Quote per paragraph
   piece, all with the same speaker.
2. **Attribution.** Around each span, within its sentence (bounded to
   `CONTEXT_CHARS`), the finder looks for a speech cue and the speaker phrase
   next to it: after the quote ("…," Blinken said / "…," said X / "…," the
   statement added), before it (X said: "…" / X told reporters, "…" /
   according to X, "…" / X said the plan "…"), with appositives
   ("Flynn, a top surrogate, said") giving the role.
3. **Resolution.** In reading order: pronouns become the last speaker of the
   same kind (he/she a person, they a group, it an organisation or document),
   a document ("the statement added") its issuer, a surname the full name the
   article gives elsewhere; a role in front of the name ("US Secretary of State
   Antony Blinken") goes to `speaker_role`.

Short quoted phrases (`SHORT_QUOTE_WORDS` words or fewer) count only with a cue
right next to them; otherwise they are scare quotes or titles. Everything is
bounded: no regex here can backtrack, and each quote looks at a window of fixed
size, so hostile input (100k marks, megabyte lines) stays linear.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from cleannews import quotes_words as W
from cleannews.models import Quote

__all__ = ["find_quotes"]

_MARK_RE = regex.compile("[" + regex.escape("".join(sorted(W.ALL_MARKS))) + "]")
_LINE_RE = regex.compile(r"[^\n]+")
# A word (with inner apostrophes, hyphens, dots, ampersands: O'Neill, Tae-yul,
# U.S, AT&T), a short parenthetical "(D-Md.)", or one other character.
# Inner "/" keeps "9/11" and "24/7" whole; combining marks stay in their word
# (decomposed "Å" is A + U+030A); a run of C1 controls and Latin-1
# symbols between letters is mojibake inside a name ("FranÃ\x83Â§ois", from
# UTF-8 read twice as Latin-1), never the guillemets « » or a no-break space.
_MOJIBAKE = "\x80-\x9f\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf"
_TOKEN_RE = regex.compile(
    r"\([^()\n]{1,40}\)|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[’'\-.&/]|[" + _MOJIBAKE + r"]{1,4})[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|[^\s\p{L}\p{N}]"
)
# Party and state after a US politician's name: "R-Ky", "D-N.Y"; its dot is an
# abbreviation's, not a sentence end.
_PARTY_STATE_RE = regex.compile(r"[RDI]-\p{Lu}[\p{L}.]{0,4}")
# A possible sentence end: terminal punctuation, closing marks, then space.
_SENT_END_RE = regex.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\p{Lu}\p{N}\"“‘'«„(\[]|$)")
# A capitalised word after a lower-case word or a comma: not a sentence opener.
_MID_CAP_RE = regex.compile(r"(?<=[\p{Ll},;][ \u00a0])\p{Lu}[\p{L}\p{M}’'\-]*")
# A run of capitalised words: candidate full names for surname look-up.
_NAME_RUN_RE = regex.compile(
    r"\p{Lu}[\p{L}’'\-]*(?:[ \u00a0]+(?:\p{Lu}\.|\p{Lu}[\p{L}’'\-]*|(?:de|van|von|der|bin|al|la|le|du|da)(?=[ \u00a0]+\p{Lu}))){1,5}"
)


# --------------------------------------------------------------------------
# tokens
class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int


def _tokens(body: str, lo: int, hi: int) -> list[_Tok]:
    """Tokens of body[lo:hi]; abbreviations and initials keep their dot."""
    out: list[_Tok] = []
    for m in _TOKEN_RE.finditer(body, lo, hi):
        t, s, e = m.group(), m.start(), m.end()
        if t == "." and out and out[-1].end == s:
            prev = out[-1]
            pl = prev.low
            if (
                pl in W.ABBREVIATIONS
                or (len(prev.text) == 1 and prev.text.isupper())
                or "." in pl
                or _PARTY_STATE_RE.fullmatch(prev.text)  # "R-Ky." after a name
            ):
                out[-1] = _Tok(prev.text + ".", pl + ".", prev.start, e)
                continue
        low = t.lower()
        if low.endswith(W.CLITICS):
            cut = low.rfind("'") if "'" in low else low.rfind("’")
            if low[:cut] in W.PRONOUNS:
                out.append(_Tok(t[:cut], low[:cut], s, s + cut))
                out.append(_Tok(t[cut:], low[cut:], s + cut, e))
                continue
        out.append(_Tok(t, low, s, e))
    return out


def _bare(low: str) -> str:
    """A token without its final dot or possessive: "mr." -> "mr", "trump's" -> "trump"."""
    if low.endswith("."):
        low = low[:-1]
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return low


def _is_cap(t: _Tok) -> bool:
    c = t.text[0]
    return c.isupper() or (c.isdigit() and False)


def _is_word(t: _Tok) -> bool:
    return t.text[0].isalnum()


def _is_namey(t: _Tok) -> bool:
    """Can stand in a speaker phrase: capitalised word, initial, parenthetical, role word."""
    if t.text[0] == "(":
        return True
    if not _is_word(t):
        return False
    if _is_cap(t):
        return _bare(t.low) not in W.FUNCTION_CAPS and _bare(t.low) not in W.TIME_WORDS
    return _bare(t.low) in W.ROLE_WORDS


# --------------------------------------------------------------------------
# sentences
def _is_sentence_end(body: str, m: regex.Match) -> bool:
    """A match of _SENT_END_RE that really ends a sentence (not "Mr." or "E.")."""
    if body[m.start()] != ".":
        return True
    j = m.start()
    i = j
    while i > 0 and (body[i - 1].isalnum() or body[i - 1] in ".'’-"):
        i -= 1
        if j - i > 20:
            break
    word = body[i:j].lower()
    if word in W.ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():  # an initial
        return False
    return True


def _sentence_start(body: str, lo: int, hi: int) -> int:
    """Start of the sentence holding position hi, not before lo."""
    start = lo
    for m in _SENT_END_RE.finditer(body, lo, hi):
        if _is_sentence_end(body, m):
            start = m.end()
    return start


def _sentence_end(body: str, lo: int, hi: int) -> int:
    """End of the sentence starting at lo (the first real end), not after hi."""
    for m in _SENT_END_RE.finditer(body, lo, hi):
        if m.start() > lo and _is_sentence_end(body, m):
            return m.start() + 1
    return hi


# --------------------------------------------------------------------------
# spans
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
    extra: dict = field(default_factory=dict)


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
    ]
    n = len(marks)
    if not n:
        return []
    chars = [body[i] for i in marks]
    flanks = [_flanks(body, i, ps, pe) for i in marks]
    is_double = [c in W.DOUBLE_MARKS for c in chars]
    nxt_straight = _next_table(n, [c == '"' for c in chars])
    nxt_curly_close = _next_table(n, [c in W.DOUBLE_CLOSERS for c in chars])
    nxt_low_close = _next_table(n, [c in "“”" for c in chars])  # closers of „
    nxt_curly_open = _next_table(n, [c in W.DOUBLE_OPENERS for c in chars])
    nxt_cut = _next_table(n, [c in W.DOUBLE_OPENERS and f[0] and not f[1] for c, f in zip(chars, flanks)])
    nxt_closable = _next_table(n, [d and (f[1] or not f[0]) for d, f in zip(is_double, flanks)])
    nxt_double = _next_table(n, is_double)
    nxt_single_close = _next_table(
        n, [c in W.SINGLE_MARKS and _single_closes(body, i, ps, pe) for c, i in zip(chars, marks)]
    )
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
    for p, m in enumerate(_LINE_RE.finditer(body)):
        ps, pe = m.start(), m.end()
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


# --------------------------------------------------------------------------
# attribution
class _Attr(NamedTuple):
    np: tuple[_Tok, ...]
    role: str | None
    cue: str | None
    docs: tuple[str, ...]


def _skip_time(toks: list[_Tok], j: int) -> int:
    """Skip "Thursday", "Thursday morning", "on Monday" after a cue."""
    n = len(toks)
    while j < n:
        b = _bare(toks[j].low)
        if b in W.TIME_WORDS or b in W.TIME_TAIL or b in ("today", "yesterday", "tonight", "last", "this"):
            j += 1
            continue
        if b == "on" and j + 1 < n and _bare(toks[j + 1].low) in W.TIME_WORDS:
            j += 2
            continue
        break
    return j


def _speaker_like(np_: list[_Tok] | tuple[_Tok, ...]) -> bool:
    """Can this phrase be a speaker? A name, a pronoun, or a noun phrase headed by
    a role, an agent noun ("the announcer"), a document, an organisation or a group."""
    words = [t for t in np_ if _is_word(t) or t.text[0] == "("]
    if not words:
        return False
    if len(words) == 1 and words[0].low in W.PRONOUNS:
        return True
    content = [t for t in words if _bare(t.low) not in W.DETERMINERS and _bare(t.low) not in W.FUNCTION_CAPS]
    if not content:
        return False
    head = content[-1]
    if head.text[0] == "(" and len(content) > 1:
        head = content[-2]
    if _is_cap(head) or head.text[0] == "(":
        return True
    b = _bare(head.low)
    if b in W.ROLE_WORDS or b in W.DOCUMENT_NOUNS or b in W.ORG_WORDS:
        return True
    if b.endswith(W.AGENT_SUFFIXES):
        return True
    if b.endswith("s"):  # "officials", "ministers", "groups"
        sing = b[:-1]
        return sing in W.ROLE_WORDS or sing in W.ORG_WORDS or sing.endswith(W.AGENT_SUFFIXES)
    return False


def _np_forward(toks: list[_Tok], k: int) -> int:
    """End index (exclusive) of a speaker phrase starting at k; k when there is none."""
    n = len(toks)
    if k >= n:
        return k
    t = toks[k]
    if t.low in W.PRONOUNS:
        return k + 1
    j = k
    det = False
    if t.low in W.FORWARD_DETERMINERS:
        det, j = True, k + 1
    elif t.low.endswith(("'s", "’s")) and _is_cap(t):
        det = True  # "Scott's niece"
    elif t.text[0].isdigit() and k + 1 < n and toks[k + 1].text[0].islower():
        det, j = True, k + 1  # a number as modifier: "9/11 widow Terry Strada"
    lower = 0
    while j < n and j - k < W.MAX_NP_TOKENS:
        t = toks[j]
        b = _bare(t.low)
        if _is_namey(t):
            if _is_cap(t) and b in W.FUNCTION_CAPS:
                break
            j += 1
            if t.low.endswith(("'s", "’s")):
                det = True
            continue
        if b in W.NAME_PARTICLES and j > k and j + 1 < n and _is_cap(toks[j + 1]) and _is_cap(toks[j - 1]):
            j += 1
            continue
        if (
            _is_word(t)
            and t.text[0].islower()
            and lower < 4
            and (det or (j + 1 < n and _bare(toks[j + 1].low) in W.ROLE_WORDS))
            and b not in W.NP_STOPS
            and b not in W.SKIP_BEFORE_CUE
            and (b not in W.CUE_WORDS or b in W.WEAK_CUES)
            and b not in W.NAME_PARTICLES
            and not b.endswith("ly")
        ):
            lower += 1
            j += 1
            continue
        break
    if not det:
        # without a determiner, lower-case words only inside a name phrase
        # ("Tulsa police Chief Chuck Jordan"), never at its end
        while j > k and toks[j - 1].text[0].islower() and _bare(toks[j - 1].low) not in W.ROLE_WORDS:
            j -= 1
        if j > k and toks[k].text[0].islower() and _bare(toks[k].low) not in W.ROLE_WORDS and toks[k].low not in W.PRONOUNS:
            if not any(_is_cap(t) for t in toks[k:j]):
                return k
    if det and j == k + 1 and toks[k].low in W.DETERMINERS:
        return k
    if j > k and not _speaker_like(toks[k:j]):
        return k
    return j


def _np_backward(toks: list[_Tok], c: int, lo: int) -> tuple[int, int]:
    """(start, end) of the speaker phrase ending just before index c (exclusive end)."""
    end = c
    start = c
    j = c - 1
    lower_ok = True
    while j >= lo and j >= c - W.MAX_NP_TOKENS:
        t = toks[j]
        b = _bare(t.low)
        if t.low in W.PRONOUNS and j == c - 1:
            return j, c
        if _is_namey(t):
            j -= 1
            continue
        if b in W.NAME_PARTICLES and j - 1 >= lo and _is_cap(toks[j - 1]) and j + 1 < c and _is_cap(toks[j + 1]):
            j -= 1
            continue
        if b in W.DETERMINERS:
            if j + 1 < end and _speaker_like(toks[j:end]):
                return j, end  # "the band leader", "the statement"
            return end, end
        if (
            lower_ok
            and _is_word(t)
            and t.text[0].islower()
            and b not in W.NP_STOPS
            and b not in W.SKIP_BEFORE_CUE
            and (b not in W.CUE_WORDS or b in W.WEAK_CUES)
            and b not in W.PRONOUNS
        ):
            j -= 1
            continue
        break
    start = j + 1
    # lower-case words count only after a determiner: keep the part after the
    # last lower-case non-role word ("beamed", "asked" are not speakers)
    for i in range(end - 1, start - 1, -1):
        t = toks[i]
        if _is_word(t) and t.text[0].islower() and _bare(t.low) not in W.ROLE_WORDS and _bare(t.low) not in W.NAME_PARTICLES:
            start = i + 1
            break
    # possessive documents: "Ivana Trump's brief"
    if start > lo and start == end and end - 1 >= lo:
        pass
    while start < end and (_bare(toks[start].low) in W.FUNCTION_CAPS or not _is_word(toks[start])) and toks[start].text[0] != "(":
        start += 1
    if start < end and not _speaker_like(toks[start:end]):
        return end, end
    return start, end


def _appositive_backward(toks: list[_Tok], j: int, lo: int) -> tuple[int, str | None]:
    """toks[j] is ','; if an appositive ", a top aide," ends here, return (index before it, role)."""
    k = j - 1
    while k >= lo and j - k <= 24:
        t = toks[k]
        if t.text == ",":
            break
        if t.text in ".;:!?":
            return -1, None
        k -= 1
    if k < lo or toks[k].text != ",":
        return -1, None
    inner = toks[k + 1 : j]
    if not inner:
        return -1, None
    first = _bare(inner[0].low)
    role = None
    if first in ("a", "an", "the") or first in W.ROLE_WORDS or inner[0].low.endswith(("'s", "’s")):
        role = " ".join(t.text for t in inner)
    elif first in ("in", "who", "speaking", "writing", "which", "according", "at", "on", "during", "after"):
        role = None
    elif _is_cap(inner[0]) or first in W.FORWARD_DETERMINERS:
        role = " ".join(t.text for t in inner)
    return k, role


def _clean_role(toks: tuple[_Tok, ...] | list[_Tok]) -> str | None:
    words = [t.text for t in toks if not (t.low in W.DETERMINERS and t is toks[0])]
    words = [w for w in words if _bare(w.lower()) not in ("mr", "mrs", "ms", "miss", "dr")]
    s = " ".join(words).strip(" ,")
    return s or None


def _speaker_before(toks: list[_Tok], c: int, lo: int) -> tuple[tuple[_Tok, ...], str | None]:
    """Speaker phrase and role in front of the cue at index c ("Flynn, a top aide, said")."""
    j = c
    while j - 1 >= lo and (
        _bare(toks[j - 1].low) in W.SKIP_BEFORE_CUE
        or toks[j - 1].low in W.SKIP_BEFORE_CUE
        or (toks[j - 1].low.endswith("ly") and toks[j - 1].text[0].islower())
    ):
        j -= 1
    role = None
    if j - 1 >= lo and toks[j - 1].text == ",":
        k, role = _appositive_backward(toks, j - 1, lo)
        if k < 0:
            return (), None
        j = k
    s, e = _np_backward(toks, j, lo)
    if role is not None and j < c:
        # "Another critic, Laurence H. Tribe, likened": the name is in apposition
        inner = tuple(t for t in toks[j + 1 : c] if t.text != ",")
        while inner and _bare(inner[-1].low) in W.SKIP_BEFORE_CUE:
            inner = inner[:-1]
        if _is_name_phrase(inner) and not any(_is_cap(t) and _bare(t.low) not in W.FUNCTION_CAPS and t.low not in W.FORWARD_DETERMINERS for t in toks[s:e]):
            outer = _clean_role(toks[s:e]) if e > s else None
            return inner, outer
    if e <= s or toks[e - 1].low.endswith(("'s", "’s")):
        return (), None  # nothing, or "Obama's remarks": a possessive, not a speaker
    return tuple(toks[s:e]), role


def _is_name_phrase(np_: tuple[_Tok, ...]) -> bool:
    """Two to five capitalised words or initials, nothing else: "Laurence H. Tribe"."""
    return 2 <= len(np_) <= 5 and all(
        _is_cap(t) and _bare(t.low) not in W.FUNCTION_CAPS and _bare(t.low) not in W.ROLE_WORDS for t in np_
    )


def _speaker_after(toks: list[_Tok], k: int) -> tuple[tuple[_Tok, ...], str | None, tuple[str, ...]]:
    """Speaker phrase after a cue at k ("said Fallon, a former aide"), its role, document nouns."""
    n = len(toks)
    k = _skip_time(toks, k)
    e = _np_forward(toks, k)
    if e <= k:
        return (), None, ()
    np_ = tuple(toks[k:e])
    docs: tuple[str, ...] = ()
    head = _bare(np_[-1].low)
    if head in W.DOCUMENT_NOUNS and e < n and toks[e].low in ("by", "from", "of", "in"):
        e2 = _np_forward(toks, e + 1)
        if e2 > e + 1:
            docs = (head,)
            np_ = tuple(toks[e + 1 : e2])
            e = e2
    role = None
    if e + 1 < n and toks[e].text == ",":
        j = e + 1
        first = _bare(toks[j].low)
        if first in ("a", "an", "the") or first in W.ROLE_WORDS or _is_cap(toks[j]) or toks[j].low.endswith(("'s", "’s")):
            q = j
            while q < n and q - j < 24 and toks[q].text not in (",", ".", ";", ":", "!", "?") and toks[q].low not in ("who", "which"):
                q += 1
            if q > j:
                role = " ".join(t.text for t in toks[j:q])
    return np_, role, docs


def _cue_at(toks: list[_Tok], i: int) -> str | None:
    """The cue starting at token i ("said", "according to", "pointed out"), or None."""
    b = toks[i].low
    if b in W.PREFIX_CUES:
        follow = W.PREFIX_CUES[b]
        if follow and not (i + 1 < len(toks) and toks[i + 1].low == follow[0]):
            return None
        return b + (" " + follow[0] if follow else "")
    if b in W.CUE_WORDS or b in W.PARTICIPLE_CUES:
        if b in ("pointed", "pointing", "points", "point"):
            if i + 1 < len(toks) and toks[i + 1].low == "out":
                return b + " out"
            return None
        return b
    return None


def _docs_in(toks: list[_Tok] | tuple[_Tok, ...]) -> tuple[str, ...]:
    return tuple(sorted({_bare(t.low) for t in toks if _bare(t.low) in W.DOCUMENT_NOUNS}))


def _clause_ends(toks: list[_Tok], j: int) -> bool:
    """After a cue at j-1: does the attribution clause end here, rather than a
    new statement start ("He said that ...", "Trump said Putin ...")?"""
    if j >= len(toks):
        return True
    t = toks[j]
    b = _bare(t.low)
    if not _is_word(t):
        return True
    if b == "that" or b in W.PRONOUNS or b in W.DETERMINERS:
        return False
    if _is_cap(t) and b not in W.TIME_WORDS:
        return False
    return True


def _right_attribution(toks: list[_Tok], after_sentence: bool) -> _Attr | None:
    """Attribution at the start of the text after a quote: '," Blinken said' or '," said X'.

    after_sentence: the quote ended its sentence ('...improving." Blinken said.'),
    so what follows is a new sentence and counts only as a bare attribution."""
    n = len(toks)
    k = 0
    while k < n and toks[k].text in ",—–-" :
        k += 1
    if k >= n:
        return None
    if k > 0 and toks[k - 1].text in "—–" or (k < n and toks[k].text == "―"):
        # an epigraph or pull quote: "..." — Jane Doe
        while k < n and toks[k].text in "―—–":
            k += 1
        e = _np_forward(toks, k)
        if e > k and _named(toks[k:e]) and all(not _is_word(t) for t in toks[e:]):
            return _Attr(tuple(toks[k:e]), None, None, ())
    cue = _cue_at(toks, k)
    if cue is not None and toks[k].low in W.INVERTED_CUES:
        skip = 2 if " " in cue else 1
        np_, role, docs = _speaker_after(toks, k + skip)
        if np_:
            return _Attr(np_, role, cue, docs or _docs_in(toks))
        return None
    e = _np_forward(toks, k)
    if e <= k:
        return None
    np_ = tuple(toks[k:e])
    role = None
    j = e
    pps = 0
    while j + 1 < n and toks[j].low in W.NP_PREPOSITIONS and pps < 2:
        # "Mr. Morgan of the Sierra Club said", "a narrator in the ad asks"
        e2 = _np_forward(toks, j + 1)
        if e2 <= j + 1:
            break
        j, pps = e2, pps + 1
    if pps:
        role = " ".join(t.text for t in toks[e:j])
    apps = 0
    while j < n and toks[j].text == "," and apps < W.MAX_APPOSITIVES:
        # appositive: ", a top Trump surrogate, said"; a second one may follow
        # (", the attorney general of Oklahoma, one of the states suing, said")
        if apps and _cue_at(toks, j + 1) is not None:
            break
        q = j + 1
        while q < n and q - j <= 24 and toks[q].text not in (",", ".", ";", ":"):
            q += 1
        if not (q < n and toks[q].text == ",") or q == j + 1:
            break
        inner = " ".join(t.text for t in toks[j + 1 : q])
        role = inner if not apps else f"{role}, {inner}"
        j = q
        apps += 1
    if apps and j < n and toks[j].text == ",":
        j += 1
    while j < n and _bare(toks[j].low) in W.SKIP_BEFORE_CUE:
        j += 1
    if j < n:
        cue = _cue_at(toks, j)
        if cue is None or toks[j].low in W.PARTICIPLE_CUES:
            return None
        if toks[j].low in W.WEAK_CUES and not _named(np_):
            return None
        if after_sentence and toks[j].low not in ("told", "tells", "asked", "asks") and not _clause_ends(toks, j + 1):
            return None
        return _Attr(np_, role, cue, _docs_in(toks[: j + 4]) + _docs_in(np_))
    return None


def _tail_attribution(toks: list[_Tok]) -> _Attr | None:
    """Attribution closing the quote's sentence after other words: '..., Warren
    said.', '..., said Warren.', '... as a memo put it.' The clause must run to
    the sentence end (time words and a short place phrase aside)."""
    n = len(toks)
    while n > 0 and not _is_word(toks[n - 1]) and toks[n - 1].text[0] != "(":
        n -= 1
    if n == 0:
        return None
    starts = []
    last_comma = max((i for i in range(n) if toks[i].text in ",—–"), default=-1)
    if last_comma >= 0:
        starts.append(last_comma + 1)
    as_at = max((i for i in range(n) if toks[i].low == "as"), default=-1)
    if as_at > last_comma:
        starts.append(as_at)
    for k in starts:
        tail = toks[k:n]
        if not tail:
            continue
        if tail[0].low == "as":
            # "as X put it", "as X said"
            lows = [t.low for t in tail]
            e = len(tail) - 2 if lows[-2:] == ["put", "it"] else len(tail) - 1
            if e <= 1 or (e == len(tail) - 1 and lows[-1] not in W.CUE_WORDS):
                continue
            np_ = tuple(tail[1:e])
            if _np_forward(tail[:e], 1) == e:
                return _Attr(np_, None, " ".join(lows[e:]), _docs_in(tail))
            continue
        cue = _cue_at(tail, 0)
        if cue is not None and tail[0].low in W.INVERTED_CUES:
            np_, role, docs = _speaker_after(tail, 1)
            if np_ and _tail_ends(tail, 1 + len(np_)) or (np_ and role):
                return _Attr(np_, role, cue, docs)
            continue
        e = _np_forward(tail, 0)
        if e <= 0:
            continue
        np_ = tuple(tail[:e])
        j = e
        while j < len(tail) and _bare(tail[j].low) in W.SKIP_BEFORE_CUE:
            j += 1
        if j >= len(tail):
            continue
        cue = _cue_at(tail, j)
        if cue is None or tail[j].low in W.PARTICIPLE_CUES or tail[j].low not in W.INVERTED_CUES:
            continue
        if _tail_ends(tail, j + (2 if " " in cue else 1)):
            return _Attr(np_, None, cue, _docs_in(tail))
    return None


def _tail_ends(tail: list[_Tok], j: int) -> bool:
    """Only time words, and at most one short place phrase ("in an interview"),
    from j to the end of `tail`."""
    j = _skip_time(tail, j)
    if j < len(tail) and tail[j].low in W.TAIL_PREPOSITIONS and len(tail) - j <= W.TAIL_PHRASE_TOKENS:
        j = _skip_time(tail, len(tail))
    return j >= len(tail)


def _named(np_: tuple[_Tok, ...] | list[_Tok]) -> bool:
    """A pronoun or a phrase ending in a capitalised word."""
    if not np_:
        return False
    last = np_[-1]
    if last.text[0] == "(" and len(np_) > 1:
        last = np_[-2]
    return last.low in W.PRONOUNS or (_is_cap(last) and _bare(last.low) not in W.FUNCTION_CAPS)


def _left_attribution(
    toks: list[_Tok], prev_speaker: tuple[_Tok, ...], names: "_Names | None" = None
) -> tuple[_Attr | None, bool]:
    """Attribution in the sentence before a quote. Returns (attribution, cue is adjacent)."""
    n = len(toks)
    participle = -1
    for c in range(n - 1, -1, -1):
        cue = _cue_at(toks, c)
        if cue is None:
            continue
        width = 2 if " " in cue else 1
        adjacent = all(t.text in ",:—–-" for t in toks[c + width :])
        b = toks[c].low
        if b in W.PREFIX_CUES:
            np_, role, docs = _speaker_after(toks, c + width)
            if np_:
                after = c + width + len(np_)
                adjacent = adjacent or all(t.text in ",:—–-" for t in toks[after:])
                return _Attr(np_, role, cue, docs or _docs_in(toks)), adjacent
            continue
        if b in W.PARTICIPLE_CUES and not (c > 0 and toks[c - 1].low in W.PROGRESSIVE_AUX):
            # "footage of Trump saying, ..." names its own subject
            if c > 0 and _named(toks[c - 1 : c]) and toks[c - 1].low not in W.PRONOUNS:
                s_, e_ = _np_backward(toks, c, 0)
                if e_ > s_:
                    return _Attr(tuple(toks[s_:e_]), None, cue, _docs_in(toks)), adjacent
            if participle < 0:
                participle = c
            continue
        np_, role = _speaker_before(toks, c, 0)
        if np_:
            if b in W.WEAK_CUES and not (_named(np_) and _plausible(np_, names)):
                continue
            return _Attr(np_, role, cue, _docs_in(toks)), adjacent or participle >= 0
        if b in W.WEAK_CUES:
            continue
        if c > 0 and toks[c - 1].low in ("and", "but", "then", "also"):
            # "Clinton ... attended the forum and said ...": the clause's subject
            subj, role = _clause_subject(toks, c, names)
            if subj:
                return _Attr(subj, role, cue, _docs_in(toks)), adjacent
        if b not in W.INVERTED_CUES:
            continue
        # "said X:" inverted, the cue opening its clause ("The clip says
        # Kaine "..."" has "Kaine" as the object, not the speaker)
        if c > 0 and toks[c - 1].text not in ",;:—–(" and toks[c - 1].low not in ("and", "but"):
            continue
        np_, role, docs = _speaker_after(toks, c + 1)
        if np_ and all(t.text in ",:—–-" for t in toks[c + 1 + len(np_) :]):
            return _Attr(np_, role, cue, docs or _docs_in(toks)), True
    if participle >= 0:
        # "..., saying, "...": the subject of the sentence, else the previous speaker
        subj, role = _clause_subject(toks, participle, names)
        if subj:
            return _Attr(subj, role, toks[participle].low, _docs_in(toks)), True
        if prev_speaker:
            return _Attr(prev_speaker, None, toks[participle].low, ()), True
    return None, False


def _clause_subject(toks: list[_Tok], upto: int, names: "_Names | None") -> tuple[tuple[_Tok, ...], str | None]:
    """The subject of the clause before index `upto`: a speaker phrase at the
    sentence start or after a comma, followed by a lower-case word (its verb)
    or by an appositive and then its verb ("Clinton, the former secretary, said")."""
    starts = [0] + [i + 1 for i in range(min(upto, len(toks))) if toks[i].text in ",;—–"]
    for st in starts:
        k = st
        intro = False
        while k < upto and _bare(toks[k].low) in W.FUNCTION_CAPS and toks[k].low not in W.PRONOUNS:
            if toks[k].low in W.FORWARD_DETERMINERS:
                break
            intro = intro or _bare(toks[k].low) in W.INTRO_WORDS
            k += 1
        if intro:
            continue  # "During a speech ...,": the subject follows the comma
        e = _np_forward(toks, k)
        if e <= k or e >= upto:
            continue
        np_ = tuple(toks[k:e])
        if not ((_named(np_) and _plausible(np_, names)) or (toks[k].low in W.FORWARD_DETERMINERS and _speaker_like(np_))):
            continue
        nxt = toks[e]
        role = None
        if nxt.text == ",":
            q = e + 1
            while q < upto and q - e <= 24 and toks[q].text not in (",", ".", ";", ":"):
                q += 1
            if q + 1 < upto and toks[q].text == "," and toks[q + 1].text[0].islower():
                role = " ".join(t.text for t in toks[e + 1 : q])
                return np_, role
            continue
        if _is_word(nxt) and nxt.text[0].islower() and nxt.low not in W.NP_STOPS:
            return np_, None
    return (), None


def _plausible(np_: tuple[_Tok, ...], names: "_Names | None") -> bool:
    """Without a cue word to vouch for it, is this phrase a speaker? A personal
    pronoun, a name of two capitalised words, or a surname the body gives in full."""
    last = np_[-1]
    if last.low in W.PRONOUNS:
        return last.low in W.PRONOUNS_PERSON or last.low in W.PRONOUNS_GROUP
    caps = [t for t in np_ if _is_cap(t) and _bare(t.low) not in W.FUNCTION_CAPS and _bare(t.low) not in W.ROLE_WORDS]
    return len(caps) >= 2 or bool(caps and names is not None and names.known(caps[-1].text))


def _subject(toks: list[_Tok], names: "_Names | None" = None) -> tuple[_Tok, ...]:
    """A named clause subject with a verb ("Reid has gone after ..."), else ()."""
    np_, _ = _clause_subject(toks, len(toks), names)
    if np_ and _plausible(np_, names):
        return np_
    return ()


# --------------------------------------------------------------------------
# names
class _Names:
    """Full names the body gives, by surname, for "Blinken" -> "Antony Blinken"."""

    def __init__(self, body: str) -> None:
        by_last: dict[str, dict[str, int]] = {}
        first_pos: dict[str, int] = {}
        runs: list[tuple[int, str]] = []  # (end, words) of person-like runs
        for m in _NAME_RUN_RE.finditer(body):
            words = m.group().replace("\u00a0", " ").split()
            while words and _bare(words[0].lower()) in W.NAME_LEAD_WORDS:
                words.pop(0)
            if len(words) >= 2 and not any(_bare(w.lower()) in W.ORG_WORDS for w in words):
                runs.append((m.end(), " ".join(words)))
            if len(words) < 2 or len(words) > 4:
                continue
            low = [_bare(w.lower()) for w in words]
            if any(w in W.ORG_WORDS or w in W.ROLE_WORDS or w in W.TIME_WORDS for w in low):
                continue
            last = words[-1]
            if last.endswith(("'s", "’s")):
                last = last[:-2]
                words[-1] = last
            if last.endswith(".") or len(last) < 2:
                continue
            full = " ".join(words)
            d = by_last.setdefault(last.lower(), {})
            d[full] = d.get(full, 0) + 1
            first_pos.setdefault(full, m.start())
        self._by_last = by_last
        self._first = first_pos
        self._runs = runs
        # capitalised words inside sentences (not first): names, not headline words
        self._mid_caps = frozenset(m.group().lower() for m in _MID_CAP_RE.finditer(body))
        self._run_ends = [e for e, _ in runs]
        self._body = body
        self._starts: list[int] | None = None  # sentence starts, built on first use

    def sentence_starts(self, lo: int, hi: int) -> list[int]:
        """lo and the sentence and paragraph starts in (lo, hi], in order; the
        whole body is split once, so each look-up costs a bisection."""
        if self._starts is None:
            body = self._body
            st = {m.end() for m in _SENT_END_RE.finditer(body) if _is_sentence_end(body, m)}
            st.update(m.start() for m in _LINE_RE.finditer(body))
            self._starts = sorted(st)
        a = bisect.bisect_right(self._starts, lo)
        b = bisect.bisect_right(self._starts, hi)
        return [lo] + self._starts[a:b]

    def last_person_before(self, pos: int, want: str) -> _Who | None:
        """The last run of two or more capitalised words ending before pos
        (within RESOLVE_CHARS) whose given name is not of the other gender."""
        lo = pos - W.RESOLVE_CHARS
        i = bisect.bisect_right(self._run_ends, pos) - 1
        while i >= 0 and self._runs[i][0] > lo:
            name = self._runs[i][1]
            g = _first_name_gender(name)
            if g is None or g == want:
                return _Who(name, "person", None)
            i -= 1
        return None

    def one_word_name(self, word: str) -> bool:
        """Can a lone capitalised word be a person's name? A surname the body
        gives in full, a given name, or a word capitalised mid-sentence
        somewhere ("Talk compared ..." in a headline is none of these)."""
        b = _bare(word.lower())
        if "." in b or b in W.ROLE_WORDS or b.rstrip("s").endswith(W.AGENT_SUFFIXES):
            return True  # initials ("G.K."), roles and agent nouns ("Demonstrators")
        return b in self._by_last or b in self._mid_caps or b in W.FEMALE_NAMES or b in W.MALE_NAMES

    def known(self, word: str) -> bool:
        """Is `word` the surname of a full name in the body?"""
        return _bare(word.lower()) in self._by_last

    def full(self, name: str) -> str:
        words = name.split()
        if len(words) != 1:
            return name
        d = self._by_last.get(words[0].lower())
        if not d:
            return name
        return max(d, key=lambda f: (d[f], -self._first[f]))


# --------------------------------------------------------------------------
# resolution
class _Who(NamedTuple):
    name: str
    kind: str  # "person", "group", "org", "doc"
    gender: str | None


def _kind(np_: tuple[_Tok, ...]) -> str:
    if any(_is_cap(t) for t in np_):
        # the kind of the name, not of its role ("Party Chairman David Pepper")
        name, _ = _split_name(np_)
        lows = [_bare(w.lower()) for w in name.split()]
        if any(w in W.ORG_WORDS for w in lows):
            return "org"
        if lows and lows[-1] in W.DOCUMENT_NOUNS:
            return "doc"
        return "person"
    lows = [_bare(t.low) for t in np_]
    if any(w in W.ORG_WORDS for w in lows):
        return "org"
    if lows and lows[-1] in W.DOCUMENT_NOUNS:
        return "doc"
    head = np_[-1]
    if head.text[0].islower() and lows[-1].endswith("s") and not lows[-1].endswith(("ss", "us", "is")):
        return "group"
    if not any(_is_cap(t) for t in np_):
        return "group" if lows[-1].endswith("s") else "person"
    return "person"


def _gender(np_: tuple[_Tok, ...]) -> str | None:
    for t in np_:
        b = _bare(t.low)
        if b in ("mrs", "ms", "miss", "madam"):
            return "f"
        if b in ("mr", "sir"):
            return "m"
    return None


def _first_name_gender(name: str) -> str | None:
    first = name.split()[0].lower() if len(name.split()) > 1 else ""
    if first in W.FEMALE_NAMES:
        return "f"
    if first in W.MALE_NAMES:
        return "m"
    return None


def _split_name(np_: tuple[_Tok, ...]) -> tuple[str, str | None]:
    """("US Secretary of State Antony Blinken") -> ("Antony Blinken", "US Secretary of State")."""
    toks = [t for t in np_ if t.text[0] != "("]
    if not toks:
        return " ".join(t.text for t in np_), None
    # the name: the trailing run of capitalised non-role words (and initials)
    i = len(toks)
    while i > 0:
        t = toks[i - 1]
        b = _bare(t.low)
        if _is_cap(t) and b not in W.ROLE_WORDS and b not in W.HONORIFICS and b not in W.FUNCTION_CAPS:
            i -= 1
            continue
        if b in W.NAME_PARTICLES and i - 2 >= 0 and _is_cap(toks[i - 2]) and i < len(toks) and _bare(toks[i - 2].low) not in W.ROLE_WORDS:
            i -= 1
            continue
        break
    name_toks = toks[i:]
    role_toks = toks[:i]
    if not name_toks or any(_bare(t.low) in W.ORG_WORDS for t in name_toks) and len(role_toks) > 0 and not _is_cap(role_toks[-1]):
        pass
    if not name_toks:
        text = " ".join(t.text for t in toks)
        if toks[0].low in W.DETERMINERS and len(toks) > 1:
            text = " ".join(t.text for t in toks[1:])
        return text, None
    name = " ".join(t.text for t in name_toks)
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    # honorific glued in front ("Mr. Obama") stays out of the name, joins no role
    role_toks = [t for t in role_toks if _bare(t.low) not in ("mr", "mrs", "ms", "miss", "dr", "the")]
    role = " ".join(t.text for t in role_toks).strip(" ,") or None
    return name, role


def _resolve(spans: list[_Span], names: _Names, body: str) -> None:
    """Turn each span's speaker phrase into a speaker name, in reading order."""
    history: list[_Who] = []
    ends: list[int] = []  # where each history entry's quote ends
    gender_of: dict[str, str] = {}
    issuers: dict[str, str] = {}
    for sp in spans:
        here = sp.close if sp.close >= 0 else sp.end
        np_ = sp.np
        if not np_:
            continue
        lows = [_bare(t.low) for t in np_]
        who: _Who | None = None
        if len(np_) == 1 and lows[0] in W.PRONOUNS:
            p = lows[0]
            who = _resolve_pronoun(p, history, ends, gender_of, body, sp, names)
            if who is not None and p in W.PRONOUNS_PERSON:
                g = "f" if p == "she" else "m"
                gender_of.setdefault(who.name, g)
            if who is None:
                sp.speaker = None
                continue
            sp.speaker = who.name
            history.append(who)
            ends.append(here)
            continue
        kind = _kind(np_)
        head = lows[-1]
        if kind == "doc" and head in W.DOCUMENT_NOUNS:
            # "the statement added" -> who issued it; "Ivana Trump's brief" -> Ivana Trump
            poss = [i for i, t in enumerate(np_) if t.low.endswith(("'s", "’s")) and _is_cap(t)]
            if poss:
                name, _ = _split_name(np_[: poss[-1] + 1])
                name = names.full(name)
                sp.speaker = name
                history.append(_Who(name, "person", gender_of.get(name)))
                ends.append(here)
                continue
            issuer = issuers.get(head)
            if issuer is None:
                for h in reversed(history):
                    if h.kind == "org":
                        issuer = h.name
                        break
            if issuer is not None:
                sp.speaker = issuer
                continue
        name, role = _split_name(np_)
        if kind == "person":
            name = names.full(name)
            if " " not in name and name[:1].isupper() and not names.one_word_name(name):
                sp.speaker = None
                continue
        sp.speaker = name
        if role and not sp.role:
            sp.role = role
        g = _gender(np_) or _first_name_gender(name)
        if g:
            gender_of.setdefault(name, g)
        who = _Who(name, kind, g)
        history.append(who)
        ends.append(here)
        for d in sp.docs:
            issuers[d] = name


def _resolve_pronoun(
    p: str, history: list[_Who], ends: list[int], gender_of: dict[str, str], body: str, sp: _Span, names: _Names
) -> _Who | None:
    if p in W.PRONOUNS_PERSON:
        want = "f" if p == "she" else "m"
        found: _Who | None = None
        lo = max(0, sp.open - W.RESOLVE_CHARS)
        for i in range(len(history) - 1, -1, -1):
            h = history[i]
            if h.kind == "person" and gender_of.get(h.name, want) == want:
                found = h
                lo = max(lo, ends[i] if i < len(ends) else sp.open)
                break
        # a named person who is the subject of a sentence after that speaker's
        # quote (or of this quote's own sentence) is nearer: news introduces a
        # new speaker that way and goes on with "he said"
        subj = _recent_subject(body, lo, sp.open, want, gender_of, names)
        if subj is not None:
            return subj
        if found is not None:
            return found
        return names.last_person_before(sp.open, want)
    if p in W.PRONOUNS_GROUP:
        grp = _last_group_before(body, sp, names)
        for h in reversed(history):
            if h.kind in ("group", "org"):
                return h if grp is None or grp[1] < 0 else _Who(grp[0], "group", None)
        if grp is not None:
            return _Who(grp[0], "group", None)
        return history[-1] if history else None
    if p in W.PRONOUNS_THING:
        for h in reversed(history):
            if h.kind in ("org", "doc"):
                return h
        return None
    return None


def _recent_subject(
    body: str, lo: int, pos: int, want: str, gender_of: dict[str, str], names: _Names
) -> _Who | None:
    """A named person nearer than the last speaker who "he"/"she" stands for:
    the subject of the quote's own sentence ("Clinton says she ... what she
    calls "...""), else the subject of a speech verb in the sentence just
    before the quote ("Aparna Mathur, an economist, said the plan ... / "...,"
    she said"). Only those two: the annotation convention (and most news
    copy) otherwise goes on with the last quoted speaker."""
    if pos <= lo:
        return None
    starts = names.sentence_starts(max(lo, pos - 2 * W.SUBJECT_CHARS), pos)
    # the quote's own sentence, then the one before it
    back = 0
    for i in range(len(starts) - 1, -1, -1):
        s = _first_char(body, starts[i])
        if back and s < pos and body[s] in W.ALL_MARKS:
            return None  # the sentence before opens with a quotation: no new subject
        e = min(pos, starts[i + 1] if i + 1 < len(starts) else pos, s + W.SUBJECT_CHARS)
        toks = _tokens(body, s, e)
        if i == len(starts) - 1 and not any(_is_word(t) for t in toks):
            back = 1  # the quote opens its sentence
            continue
        if not toks:
            continue
        if back > 1:
            return None
        back += 1
        np_, verb = _sentence_subject(toks)
        if not np_:
            continue
        if np_[-1].low in W.PRONOUNS:
            return None  # "He said ..." continues whoever it is
        if back == 2 and (verb is None or _cue_at(toks, verb) is None or toks[verb].low in W.WEAK_CUES):
            return None
        if not _plausible(np_, names) or _kind(np_) != "person":
            return None
        name, _ = _split_name(np_)
        name = names.full(name)
        g = gender_of.get(name) or _gender(np_) or _first_name_gender(name)
        if g is not None and g != want:
            return None
        return _Who(name, "person", g)
    return None


def _sentence_subject(toks: list[_Tok]) -> tuple[tuple[_Tok, ...], int | None]:
    """The subject phrase opening a sentence and the index of its verb:
    "But Clinton says ..." / "Mathur, who studies ..., said ..." /
    "On Monday, Trump told ...". ((), None) when the sentence opens otherwise."""
    n = len(toks)
    k = 0
    intro = False
    while k < n and _bare(toks[k].low) in W.FUNCTION_CAPS and toks[k].low not in W.PRONOUNS:
        if toks[k].low in W.FORWARD_DETERMINERS:
            break
        if _bare(toks[k].low) in W.INTRO_WORDS:
            intro = True
        k += 1
    if intro:
        # "During a speech in Ohio, Trump said": the subject follows the comma
        c = next((i for i in range(k, min(n, k + W.MAX_INTRO_TOKENS)) if toks[i].text == ","), -1)
        if c < 0:
            return (), None
        k = c + 1
    if k < n and toks[k].low in W.PRONOUNS:
        return (toks[k],), (k + 1 if k + 1 < n else None)
    e = _np_forward(toks, k)
    if e <= k or e >= n:
        return (), None
    v = e
    if toks[e].text == ",":
        q = e + 1
        while q < n and q - e <= 24 and toks[q].text not in (",", ".", ";", ":"):
            q += 1
        if q + 1 >= n or toks[q].text != ",":
            return (), None
        v = q + 1
    while v < n and _bare(toks[v].low) in W.SKIP_BEFORE_CUE:
        v += 1
    if v >= n or not _is_word(toks[v]) or not toks[v].text[0].islower() or toks[v].low in W.NP_PREPOSITIONS:
        return (), None
    return tuple(toks[k:e]), v


def _last_group_before(body: str, sp: _Span, names: _Names) -> tuple[str, int] | None:
    """The subject of the nearest earlier sentence that is a plural noun phrase
    ("The foreign ministers of ... signed"), as (text without determiner, position)."""
    lo = max(0, sp.open - W.RESOLVE_CHARS)
    starts = names.sentence_starts(lo, sp.open)
    for s in reversed(starts[-1 - W.GROUP_SENTENCES : -1] if len(starts) > 1 else starts):
        toks = _tokens(body, s, min(sp.open, s + 200))
        k = 0
        while k < len(toks) and _bare(toks[k].low) in W.FUNCTION_CAPS and toks[k].low not in W.DETERMINERS:
            k += 1
        if k < len(toks) and toks[k].low in ("the", "these", "those", "both", "many", "some", "all"):
            j = k + 1
            while j < len(toks) and j - k <= 5 and _is_word(toks[j]) and _bare(toks[j].low) not in W.NP_STOPS:
                b = _bare(toks[j].low)
                if toks[j].text[0].islower() and b.endswith("s") and not b.endswith(("ss", "us", "is")) and b not in W.SKIP_BEFORE_CUE:
                    return " ".join(t.text for t in toks[k + 1 : j + 1]), s
                j += 1
    return None


# --------------------------------------------------------------------------
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


def _first_char(body: str, ps: int) -> int:
    while ps < len(body) and body[ps].isspace():
        ps += 1
    return ps


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


def _word_count(text: str) -> int:
    return len(text.split())


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
    return tuple(
        Quote(
            text=body[sp.start : sp.end],
            speaker=sp.speaker,
            speaker_role=sp.role if sp.speaker else None,
            cue=sp.cue if sp.speaker else None,
            partial=sp.partial,
            start=sp.start,
            end=sp.end,
        )
        for sp in kept
    )

"""Tokens, sentences and paragraphs of the body: the units every other stage counts in.

Marks, attribution and resolution all look at the body through the same
tokens (`_Tok`, with offsets back into the body) and the same sentence and
paragraph bounds, so those live here, below everything else, and depend on
nothing but the word lists. The tokeniser keeps abbreviations, initials and
party/state tags ("R-Ky.") whole so that a dot in a name never ends a
sentence, and splits clitics off pronouns ("he's") so that pronouns are found.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

import regex

from cleannews.quotes import words as W

# A paragraph: one line of the body (the standard `re`: a plain class scans
# several times faster there than in `regex`).
_LINE_RE = re.compile(r"[^\n]+")
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


_WORD_BEFORE_RE = re.compile(r"(?:[^\W_]|[.'’-])+\Z")


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    #: `_bare(low)`, computed once: the finder looks words up by it many times a token
    bare: str = ""


#: Tokens the common case cannot take as they are: a lone dot (it may join the word
#: before it: "Mr.", "U.S."), a hyphen ("a-t-il") or an apostrophe ("he's", "l’État").
_SPECIAL_RE = re.compile("[-'’]|\\A\\.\\Z")
_GROUP = regex.Match.group
_START = regex.Match.start
_END = regex.Match.end
_NEW_TOK = functools.partial(tuple.__new__, _Tok)


def _tokens(body: str, lo: int, hi: int) -> list[_Tok]:
    """Tokens of body[lo:hi]; abbreviations and initials keep their dot.

    The hottest loop of the quote stage (every attribution window goes through
    it). Most tokens are plain: their lower case is their `_bare` form, and they
    are built all at once with `map` (C loops, no Python step per token, which
    matters most under a fuzzer's coverage tracing: 2.5x the throughput there).
    Only the special tokens (`_SPECIAL_RE`) go through `_special`, in order, so
    a dot still joins whatever token came before it."""
    ms = list(_TOKEN_RE.finditer(body, lo, hi))
    texts = list(map(_GROUP, ms))
    lows = list(map(str.lower, texts))
    plain = list(map(_NEW_TOK, zip(texts, lows, map(_START, ms), map(_END, ms), lows)))
    special = list(itertools.compress(itertools.count(), map(_SPECIAL_RE.search, lows)))
    if not special:
        return plain
    out: list[_Tok] = []
    done = 0
    for i in special:
        out += plain[done:i]
        done = i + 1
        _special(out, plain[i])
    out += plain[done:]
    return out


def _special(out: list[_Tok], tok: _Tok) -> None:
    """Append a special token to `out`: a dot joined to the abbreviation or initial
    before it, a verb and its glued pronoun, a pronoun and its clitic, or the token
    with its `_bare` form."""
    t, low, s, e = tok.text, tok.low, tok.start, tok.end
    if t == "." and out and out[-1].end == s:
        prev = out[-1]
        pl = prev.low
        if (
            pl in W.ABBREVIATIONS
            or (len(prev.text) == 1 and prev.text.isupper())
            or "." in pl
            or _PARTY_STATE_RE.fullmatch(prev.text)  # "R-Ky." after a name
        ):
            out[-1] = _Tok(prev.text + ".", pl + ".", prev.start, e, _bare(pl + "."))
            return
    if t == ".":
        out.append(_Tok(t, low, s, e, ""))  # a full stop: `_bare(".")` is empty
        return
    if "-" in low:
        verb, _, pron = low.rpartition("-")
        if pron in W.GLUED_PRONOUNS and verb:
            # 'a-t-il', 'explique-t-elle': the verb, then the pronoun under the
            # key of the English one that stands for the same kind of speaker
            v = verb.removesuffix("-t")
            if v in W.FOREIGN_AUX or v in W.CUE_WORDS:
                out.append(_Tok(t[: len(v)], v, s, s + len(v), _bare(v)))
                out.append(_Tok(t[len(verb) + 1 :], W.GLUED_PRONOUNS[pron], s + len(verb) + 1, e, W.GLUED_PRONOUNS[pron]))
                return
    if "'" in low or "’" in low:
        if low.endswith(W.CLITICS):
            cut = low.rfind("'") if "'" in low else low.rfind("’")
            if low[:cut] in W.PRONOUNS:
                out.append(_Tok(t[:cut], low[:cut], s, s + cut, _bare(low[:cut])))
                out.append(_Tok(t[cut:], low[cut:], s + cut, e, _bare(low[cut:])))
                return
    out.append(_Tok(t, low, s, e, _bare(low)))


#: Distinct words `_bare` remembers: a page's vocabulary, many times over (a pure
#: function of its argument; a hit costs no Python step, which is most calls).
BARE_CACHE_WORDS = 8192


@functools.lru_cache(maxsize=BARE_CACHE_WORDS)
def _bare(low: str) -> str:
    """A token without its final dot or possessive: "mr." -> "mr", "trump's" -> "trump";
    without an elided article: "l’assessore" -> "assessore"."""
    last = low[-1:]
    if last != "." and last != "s" and "'" not in low and "’" not in low:
        return low  # most words: nothing to strip (one test instead of four)
    if low.startswith(W.ELISIONS):
        cut = max(len(e) for e in W.ELISIONS if low.startswith(e))
        if cut < len(low):
            low = low[cut:]
    low = low.removesuffix(".")
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return low


def _is_cap(t: _Tok) -> bool:
    return t.text[0].isupper()


def _is_word(t: _Tok) -> bool:
    return t.text[0].isalnum()


def _is_initial(t: _Tok) -> bool:
    """A capital letter and its dot ("A." in "Julie A. Diaz"): part of a name,
    even when the letter is also a word ("A", "I")."""
    return len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."


def _is_namey(t: _Tok) -> bool:
    """Can stand in a speaker phrase: capitalised word, initial, parenthetical, role word."""
    if t.text[0] == "(" or _is_initial(t):
        return True
    if not _is_word(t):
        return False
    if _is_cap(t):
        return t.bare not in W.FUNCTION_CAPS and t.bare not in W.TIME_WORDS
    return t.bare in W.ROLE_WORDS


def _is_sentence_end(body: str, m: regex.Match[str]) -> bool:
    """A match of _SENT_END_RE that really ends a sentence (not "Mr." or "E.")."""
    if body[m.start()] != ".":
        return True
    j = m.start()
    # the word before the dot: letters, digits and .'’- back from it, at most 21
    # (`[^\W_]` is exactly `str.isalnum`; one regex search, not a Python step a character)
    w = _WORD_BEFORE_RE.search(body, max(0, j - 21), j)
    word = body[w.start() if w else j : j].lower()
    if word in W.ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():  # an initial
        return False
    return True


def _sentence_start(body: str, lo: int, hi: int) -> int:
    """Start of the sentence holding position hi, not before lo."""
    # the last real end wins: candidates are tested from the last one back, so
    # most windows test one (an abbreviation's dot is the rare miss)
    for m in reversed(list(_SENT_END_RE.finditer(body, lo, hi))):
        if _is_sentence_end(body, m):
            return m.end()
    return lo


def _sentence_end(body: str, lo: int, hi: int) -> int:
    """End of the sentence starting at lo (the first real end), not after hi."""
    for m in _SENT_END_RE.finditer(body, lo, hi):
        start: int = m.start()
        if start > lo and _is_sentence_end(body, m):
            return start + 1
    return hi


def _first_char(body: str, ps: int) -> int:
    while ps < len(body) and body[ps].isspace():
        ps += 1
    return ps


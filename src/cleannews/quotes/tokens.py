"""Tokens, sentences and paragraphs of the body: the units every other stage counts in.

Marks, attribution and resolution all look at the body through the same
tokens (`_Tok`, with offsets back into the body) and the same sentence and
paragraph bounds, so those live here, below everything else, and depend on
nothing but the word lists. The tokeniser keeps abbreviations, initials and
party/state tags ("R-Ky.") whole so that a dot in a name never ends a
sentence, and splits clitics off pronouns ("he's") so that pronouns are found.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from cleannews.quotes import words as W


# A paragraph: one line of the body.
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
        return _bare(t.low) not in W.FUNCTION_CAPS and _bare(t.low) not in W.TIME_WORDS
    return _bare(t.low) in W.ROLE_WORDS


def _is_sentence_end(body: str, m: regex.Match[str]) -> bool:
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


def _first_char(body: str, ps: int) -> int:
    while ps < len(body) and body[ps].isspace():
        ps += 1
    return ps

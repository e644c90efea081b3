"""Attribution: the speech cue around a quotation and the speaker phrase it points to.

Given the tokens of the quote's sentence on either side, this finds the
attribution after the quote ('," Blinken said' / '," said X' / '..., Warren
said.'), before it ('X said: "..."' / 'according to X, "..."' / '..., saying,
"..."'), or failing those a plain clause subject. It returns the unresolved
phrase (`_Attr`); turning "he" or "Blinken" into a name is `resolve`'s job, and
choosing which window to look in is the driver's (`find`).
"""

from __future__ import annotations

import itertools
import operator
from typing import NamedTuple

from cleannews.quotes import words as W
from cleannews.quotes.names import _Names
from cleannews.quotes.phrases import (
    _is_name_phrase,
    _named,
    _np_backward,
    _np_forward,
    _skip_time,
    _speaker_after,
    _speaker_before,
    _speaker_like,
)
from cleannews.quotes.tokens import _is_cap, _is_word, _Tok


class _Attr(NamedTuple):
    np: tuple[_Tok, ...]
    role: str | None
    cue: str | None
    docs: tuple[str, ...]


#: The words a cue can start with (`_cue_at` answers None for any other): windows
#: without one skip the search for a cue token by token.
_CUE_STARTS = frozenset(W.PREFIX_CUES) | W.CUE_WORDS | W.PARTICIPLE_CUES
_LOW = operator.attrgetter("low")
_TEXT = operator.attrgetter("text")
_BARE = operator.attrgetter("bare")


def _cue_at(toks: list[_Tok], i: int) -> str | None:
    """The cue starting at token i ("said", "according to", "pointed out"), or None
    (also for an i past either end: callers look one token ahead of a comma that may
    close the window, '"...," John Smith, the mayor,' with nothing after it)."""
    if not 0 <= i < len(toks):
        return None
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


def _weak_cue_ok(toks: list[_Tok], c: int, np_: tuple[_Tok, ...]) -> bool:
    """A weak cue (a word that is also a noun: "reads", "calling", "notes")
    counts after an auxiliary, which makes it a verb ("is calling", "has
    charged"), or with a document for subject ("the letter reads", "the
    report notes"), which cannot be its noun's determiner phrase."""
    if c > 0 and toks[c - 1].low in W.VERBAL_AUX:
        return True
    return bool(np_) and np_[-1].bare in W.DOCUMENT_NOUNS and np_[0].low in W.FORWARD_DETERMINERS


def _docs_in(toks: list[_Tok] | tuple[_Tok, ...]) -> tuple[str, ...]:
    return tuple(sorted({t.bare for t in toks if t.bare in W.DOCUMENT_NOUNS}))


def _clause_ends(toks: list[_Tok], j: int) -> bool:
    """After a cue at j-1: does the attribution clause end here, rather than a
    new statement start ("He said that ...", "Trump said Putin ...")?"""
    if j >= len(toks):
        return True
    t = toks[j]
    b = t.bare
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
        if k >= n:  # nothing but dashes after the quote ('"..." ―'): no speaker
            return None
    if k + 1 < n and toks[k + 1].low in W.PRONOUNS and 0 < toks[k + 1].start - toks[k].end <= 3:
        # a pronoun glued to the verb: '«...», explique-t-elle', '«...», a-t-il ajouté'
        if toks[k].low in W.FOREIGN_CUES:
            return _Attr((toks[k + 1],), None, toks[k].low, ())
        if toks[k].low in W.FOREIGN_AUX and k + 2 < n and toks[k + 2].low in W.FOREIGN_CUES:
            return _Attr((toks[k + 1],), None, toks[k + 2].low, ())
    if toks[k].low in W.AFTER_QUOTE_PREFIXES and k + 1 < n:
        # '„...“, so Lang.': the speaker, and nothing after it but the sentence end
        e = _np_forward(toks, k + 1)
        if e > k + 1 and _named(toks[k + 1 : e]) and all(not _is_word(t) for t in toks[e:]):
            return _Attr(tuple(toks[k + 1 : e]), None, toks[k].low, ())
    if k + 1 < n and toks[k].low in W.FOREIGN_AUX and toks[k + 1].low in W.FOREIGN_CUES:
        k += 1  # '«...», a déclaré X'
    cue = _cue_at(toks, k)
    if cue is not None and toks[k].low in W.PREFIX_CUES:
        # '"...," according to X.' / '"..." per the party's rules'
        np_, role, docs = _speaker_after(toks, k + (2 if " " in cue else 1))
        if np_:
            return _Attr(np_, role, cue, docs or _docs_in(toks))
        return None
    if cue is not None and toks[k].low in W.INVERTED_AFTER_QUOTE:
        skip = 2 if " " in cue else 1
        np_, role, docs = _speaker_after(toks, k + skip)
        if np_:
            return _Attr(np_, role, cue, docs or _docs_in(toks))
        return None
    e = _np_forward(toks, k)
    if e <= k:
        return None
    if e + 1 < n and toks[e].low in W.COORDINATORS and _named(toks[k:e]) and toks[k].low not in W.PRONOUNS:
        # two speakers, one cue: '"...," Ann Holt and Mark Doyle said' (a cue
        # must follow the second, as it must the first)
        e2 = _np_forward(toks, e + 1)
        if e2 > e + 1 and _named(toks[e + 1 : e2]) and toks[e + 1].low not in W.PRONOUNS:
            e = e2
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
        if apps and j + 1 < n and _cue_at(toks, j + 1) is not None:
            break
        q = j + 1
        while q < n and q - j <= 24 and toks[q].text not in (",", ".", ";", ":"):
            q += 1
        if not (q < n and toks[q].text == ",") or q == j + 1:
            break
        inner = " ".join(t.text for t in toks[j + 1 : q])
        if not inner.isdigit():  # ', Quina Jones, 25, said': an age, no role
            role = inner if not apps or role is None else f"{role}, {inner}"
        j = q
        apps += 1
    if apps and j < n and toks[j].text == ",":
        j += 1
    while j < n and toks[j].bare in W.SKIP_BEFORE_CUE:
        j += 1
    if j < n:
        cue = _cue_at(toks, j)
        if cue is None or toks[j].low in W.PARTICIPLE_CUES:
            return None
        if toks[j].low in W.WEAK_CUES and not (_named(np_) or _weak_cue_ok(toks, j, np_)):
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
        while j < len(tail) and tail[j].bare in W.SKIP_BEFORE_CUE:
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


def _left_attribution(
    toks: list[_Tok], prev_speaker: tuple[_Tok, ...], names: _Names | None = None
) -> tuple[_Attr | None, bool]:
    """Attribution in the sentence before a quote. Returns (attribution, cue is adjacent)."""
    n = len(toks)
    participle = -1
    lows = list(map(_LOW, toks))
    if _CUE_STARTS.isdisjoint(lows):
        # no token can start a cue (most windows): the loop below finds nothing
        return _possessive_speech(toks), False
    for c in range(n - 1, -1, -1):
        if lows[c] not in _CUE_STARTS:
            continue
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
            if b in W.WEAK_CUES and not ((_named(np_) and _plausible(np_, names)) or _weak_cue_ok(toks, c, np_)):
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
        if prev_speaker and all(t.text in ",:—–-" or t.low == "that" for t in toks[participle + 1 :]):
            # only right before the quote: "announcing that X's statement was "..."" has its own subject
            return _Attr(prev_speaker, None, toks[participle].low, ()), True
    return _possessive_speech(toks), False


def _possessive_speech(toks: list[_Tok]) -> _Attr | None:
    """"Trump's claim that there were "..."": a speech noun owned by a name and
    followed by its content clause makes the owner the speaker. The last such
    phrase before the quote; without "that" ("mocked Obama's remarks as
    "..."") the owner is only spoken of."""
    if W.SPEECH_NOUNS.isdisjoint(map(_BARE, toks)):
        return None  # no speech noun: nothing to own (a C loop, for most windows)
    for i in range(len(toks) - 3, 0, -1):
        t = toks[i]
        if t.bare not in W.SPEECH_NOUNS or toks[i + 1].low != "that":
            continue
        owner = toks[i - 1]
        if not (owner.low.endswith(("'s", "’s")) and _is_cap(owner)):
            continue
        s, e = _np_backward(toks, i, 0)
        if e > s and _named(toks[s:e]):
            return _Attr(tuple(toks[s:e]), None, t.low, ())
    return None


def _clause_subject(toks: list[_Tok], upto: int, names: _Names | None) -> tuple[tuple[_Tok, ...], str | None]:
    """The subject of the clause before index `upto`: a speaker phrase at the
    sentence start or after a comma, followed by a lower-case word (its verb)
    or by an appositive and then its verb ("Clinton, the former secretary, said")."""
    # after each comma, semicolon or dash (found in a C loop over the token texts)
    starts = [0, *itertools.compress(itertools.count(1), map(",;—–".__contains__, map(_TEXT, toks[:upto])))]
    for st in starts:
        k = st
        intro = False
        while k < upto and toks[k].bare in W.FUNCTION_CAPS and toks[k].low not in W.PRONOUNS:
            if toks[k].low in W.FORWARD_DETERMINERS:
                break
            intro = intro or toks[k].bare in W.INTRO_WORDS
            k += 1
        if intro:
            continue  # "During a speech ...,": the subject follows the comma
        e = _np_forward(toks, k)
        if e <= k or e >= upto:
            continue
        np_ = tuple(toks[k:e])
        if not ((_named(np_) and _plausible(np_, names)) or (toks[k].low in W.FORWARD_DETERMINERS and _speaker_like(np_))):
            continue
        if e + 2 < upto and toks[e].low in W.COORDINATORS and toks[e + 1].low in W.DETERMINERS:
            # "Holt and her aides have ..., telling reporters that": both speak
            # (the second with its determiner in lower case: capitalised nouns
            # in German would read as names, "Gesetzgebung und Bundes ...")
            e2 = _np_forward(toks, e + 1)
            if e + 1 < e2 < upto and toks[e + 1].low not in W.PRONOUNS and _speaker_like(toks[e + 1 : e2]):
                e = e2
                np_ = tuple(toks[k:e])
        nxt = toks[e]
        role = None
        if nxt.text == ",":
            q = e + 1
            while q < upto and q - e <= 24 and toks[q].text not in (",", ".", ";", ":"):
                q += 1
            if q + 1 < upto and toks[q].text == "," and toks[q + 1].text[0].islower():
                inner = tuple(toks[e + 1 : q])
                if _is_name_phrase(inner) and not any(_is_cap(t) and t.bare not in W.FUNCTION_CAPS for t in np_):
                    # "The spokesman, Tom Reed, declined ... but said": the name in
                    # apposition is the speaker, the role phrase before it the role
                    return inner, " ".join(t.text for t in np_ if t.low not in W.DETERMINERS) or None
                role = " ".join(t.text for t in inner)
                return np_, role
            continue
        if _is_word(nxt) and nxt.text[0].islower() and nxt.low not in W.NP_STOPS:
            return np_, None
    return (), None


def _plausible(np_: tuple[_Tok, ...], names: _Names | None) -> bool:
    """Without a cue word to vouch for it, is this phrase a speaker? A personal
    pronoun, a name of two capitalised words, or a surname the body gives in full."""
    last = np_[-1]
    if last.low in W.PRONOUNS:
        return last.low in W.PRONOUNS_PERSON or last.low in W.PRONOUNS_GROUP
    caps = [t for t in np_ if _is_cap(t) and t.bare not in W.FUNCTION_CAPS and t.bare not in W.ROLE_WORDS]
    return len(caps) >= 2 or bool(caps and names is not None and names.known(caps[-1].text))


def _subject(toks: list[_Tok], names: _Names | None = None) -> tuple[_Tok, ...]:
    """A named clause subject with a verb ("Reid has gone after ..."), else ()."""
    np_, _ = _clause_subject(toks, len(toks), names)
    if np_ and _plausible(np_, names) and not _passive_cue_after(toks, np_):
        return np_
    return ()


def _passive_cue_after(toks: list[_Tok], np_: tuple[_Tok, ...]) -> bool:
    """Is the subject's verb a passive cue ("Dahl was widely praised as ...")?
    Then the subject is who was spoken of, not who spoke."""
    j = next((i for i, t in enumerate(toks) if t is np_[-1]), len(toks)) + 1
    passive = False
    while j < len(toks) and (toks[j].low in W.PASSIVE_AUX or toks[j].low in W.SKIP_BEFORE_CUE or toks[j].low.endswith("ly")):
        passive = passive or toks[j].low in W.PASSIVE_AUX
        j += 1
    return passive and j < len(toks) and toks[j].low in W.CUE_WORDS

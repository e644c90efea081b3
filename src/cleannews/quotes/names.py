"""The people an article names, for resolving a surname or a pronoun.

`_Names` indexes the body once: full names by surname ("Blinken" -> "Antony
Blinken"), runs of capitalised words as candidate people, words capitalised
mid-sentence (names, not headline words) and the sentence starts, so that each
look-up during attribution and resolution is a dictionary hit or a bisection
rather than a new scan of the body. `_Who` (a resolved speaker) and the
given-name gender test live here because the index answers with them.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import regex

from cleannews.quotes import words as W
from cleannews.quotes.tokens import _LINE_RE, _SENT_END_RE, _bare, _is_sentence_end

_START = re.Match.start

# A capitalised word after a lower-case word or a comma: not a sentence opener.
_MID_CAP_RE = regex.compile(r"(?<=[\p{Ll},;][ \u00a0])\p{Lu}[\p{L}\p{M}’'\-]*")
# A word written in lower case (not the tail of a longer word).
_LOWER_WORD_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}’'\-.])\p{Ll}[\p{L}\p{M}\p{N}]*")
# A run of capitalised words: candidate full names for surname look-up. It starts
# only at a word's start and its letter runs are possessive (`*+`): tried at every
# capital inside a long run of letters (minified script, base64 in a page), the
# plain form rescanned the rest of the run each time, quadratic in its length
# (a 1 MB page took 14 s here).
_NAME_RUN_RE = regex.compile(
    r"(?<![\p{L}’'\-])\p{Lu}[\p{L}’'\-]*+(?:[ \u00a0]++(?:\p{Lu}\.|\p{Lu}[\p{L}’'\-]*+|(?:de|van|von|der|bin|al|la|le|du|da)(?=[ \u00a0]+\p{Lu}))){1,5}"
)


# Words after which a run of capitals can still end in a person's name.
_TITLE_STOPS = W.ROLE_WORDS | W.ORG_WORDS | W.HONORIFICS


class _Who(NamedTuple):
    name: str
    kind: str  # "person", "group", "org", "doc", "place"
    gender: str | None


def _first_name_gender(name: str) -> str | None:
    first = name.split()[0].lower() if len(name.split()) > 1 else ""
    if first in W.FEMALE_NAMES:
        return "f"
    if first in W.MALE_NAMES:
        return "m"
    return None


def _is_place(words: list[str]) -> bool:
    """A run of capitalised words that names a place ("Lincoln Memorial Park"):
    its last word is a place head and its first no given name ("Sandra Park")."""
    if len(words) < 2 or _bare(words[-1].lower()) not in W.PLACE_WORDS:
        return False
    first = words[0].lower()
    return first not in W.FEMALE_NAMES and first not in W.MALE_NAMES


class _Names:
    """Full names the body gives, by surname, for "Blinken" -> "Antony Blinken"."""

    def __init__(self, body: str) -> None:
        self._body = body
        # the index of full names, built on first use: a page whose quotes are
        # all scare quotes, or whose speakers are all named in full, never asks
        # (a third of the pages with a quotation mark), and it costs a scan of
        # the whole body
        self._by_last: dict[str, dict[str, int]] | None = None
        self._first: dict[str, int] = {}
        self._runs: list[tuple[int, str]] = []
        self._run_ends: list[int] = []
        # capitalised words inside sentences (not first): names, not headline
        # words; built on first use (most pages never ask)
        self._mid_caps: frozenset[str] | None = None
        self._starts: list[int] | None = None  # sentence starts, built on first use
        self._lower: frozenset[str] | None = None  # lower-case words, built on first use

    def _index(self) -> dict[str, dict[str, int]]:
        """Full names by surname (and the person-like runs of capitals), from one
        scan of the body on first use."""
        if self._by_last is not None:
            return self._by_last
        body = self._body
        by_last: dict[str, dict[str, int]] = {}
        first_pos: dict[str, int] = {}
        runs: list[tuple[int, str]] = []  # (end, words) of person-like runs
        for m in _NAME_RUN_RE.finditer(body):
            words = m.group().replace("\u00a0", " ").split()
            lows = list(map(_bare, map(str.lower, words)))  # once a word: this loop runs on every run of capitals
            k = 0
            while k < len(words) and lows[k] in W.NAME_LEAD_WORDS:
                k += 1
            words, lows = words[k:], lows[k:]
            # a title of several words before the name ("Senate Minority Leader
            # Harry Reid"): the name is what follows its last title word
            if len(words) >= 3:
                cut = len(words) - 1
                while cut >= 0 and lows[cut] not in _TITLE_STOPS:
                    cut -= 1
                if cut >= 0 and len(words) - cut - 1 >= 2:
                    words, lows = words[cut + 1 :], lows[cut + 1 :]
            org = not W.ORG_WORDS.isdisjoint(lows)
            if len(words) >= 2 and not org and not _is_place(words):
                runs.append((m.end(), " ".join(words)))
            if len(words) < 2 or len(words) > 4:
                continue
            if org or not (W.ROLE_WORDS.isdisjoint(lows) and W.TIME_WORDS.isdisjoint(lows)):
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
        self._run_ends = [e for e, _ in runs]
        return by_last

    def sentence_starts(self, lo: int, hi: int) -> list[int]:
        """lo and the sentence and paragraph starts in (lo, hi], in order; the
        whole body is split once, so each look-up costs a bisection."""
        if self._starts is None:
            body = self._body
            st = {m.end() for m in _SENT_END_RE.finditer(body) if _is_sentence_end(body, m)}
            st.update(map(_START, _LINE_RE.finditer(body)))
            self._starts = sorted(st)
        a = bisect.bisect_right(self._starts, lo)
        b = bisect.bisect_right(self._starts, hi)
        return [lo] + self._starts[a:b]

    def last_person_before(self, pos: int, want: str) -> _Who | None:
        """The last run of two or more capitalised words ending before pos
        (within RESOLVE_CHARS) whose given name is not of the other gender."""
        lo = pos - W.RESOLVE_CHARS
        self._index()
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
        if b in W.FEMALE_NAMES or b in W.MALE_NAMES or b in self._index():
            return True
        if self._mid_caps is None:
            self._mid_caps = frozenset(w.lower() for w in _MID_CAP_RE.findall(self._body))
        return b in self._mid_caps

    def never_lower(self, word: str) -> bool:
        """Does the body never write `word` in lower case? Then a capital at a
        sentence start is no reason to doubt it is a name ("Russia insisted
        ..."); a headline's "Talk compared ..." meets "talk" elsewhere."""
        w = _bare(word.lower())
        if not w or not w[0].islower():
            return False
        if self._lower is None:
            # built on first use: most pages never ask, and one pass over the
            # body keeps the cost linear however many words are asked about
            self._lower = frozenset(_LOWER_WORD_RE.findall(self._body))  # no groups: whole matches
        return w not in self._lower

    def known(self, word: str) -> bool:
        """Is `word` the surname of a full name in the body?"""
        return _bare(word.lower()) in self._index()

    def full(self, name: str) -> str:
        words = name.split()
        if len(words) != 1:
            return name
        d = self._index().get(words[0].lower())
        if not d:
            return name
        return max(d, key=lambda f: (d[f], -self._first[f]))

"""Language: declared (`<html lang>`, content-language, og:locale, JSON-LD) or guessed.

The guess counts frequent function words of a dozen languages over the first few
thousand characters of text; scripts without spaces (CJK, Thai) and non-Latin
alphabets are recognised by their code points. A guess needs a clear margin.
"""

from __future__ import annotations

import re
from collections import Counter

from cleannews.lang import STOPWORDS as _LANG_STOPWORDS

#: The most frequent function words of each language, chosen not to overlap: each
#: language's `StopWords.distinctive` in `cleannews.lang`.
STOPWORDS: dict[str, frozenset[str]] = {c: w.distinctive for c, w in _LANG_STOPWORDS.items() if w.distinctive}
_ANY_STOPWORD: frozenset[str] = frozenset().union(*STOPWORDS.values())
#: Share of all words that must be the winner's function words (running text has
#: 15-30% in its own language; a stray name or label list far less), and the lead
#: the winner needs over the runner-up.
MIN_SHARE = 0.08
MIN_LEAD = 1.3
#: How much text the guess reads; a few paragraphs decide it.
SAMPLE_CHARS = 3000
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
#: A non-Latin script decides when this share of letters is in it.
SCRIPT_SHARE = 0.3


def normalize_language(value: str | None) -> str | None:
    """'en-US' -> 'en', 'de_DE' -> 'de', 'English' -> None (not a code)."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip().split(",")[0].strip().replace("_", "-").lower()
    code = v.split("-", 1)[0]
    if 2 <= len(code) <= 3 and code.isalpha():
        return code
    return None


def guess_language(text: str) -> str | None:
    """Guess a language code from text by function-word counts; None when unsure."""
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # no letter of the _SCRIPTS: only whether there is a letter matters
        if _LETTER.search(sample) is None:
            return None
    else:
        letters = sum(map(len, _WORD.findall(sample)))  # word characters but digits and "_", counted in C
        if not letters:
            return None
        wide = "".join(_NON_ASCII.findall(sample))  # every script below is outside ASCII
        for code, rx in _SCRIPTS:
            if len(rx.findall(wide)) / letters >= SCRIPT_SHARE:
                if code == "zh" and _SCRIPTS[0][1].search(wide):
                    return "ja"
                return code
    words = _WORD.findall(sample.lower())
    total = len(words)
    if total < 5:  # too few words to guess from (the test below): skip the counts
        return None
    seen = Counter(words)  # each language's hits summed over the distinct words, in C
    # the page's function words of any language, found once (one C intersection): each
    # language's count is then over these few words, and a page with fewer than the
    # 3 hits a guess needs (below) is answered without counting at all
    hits = seen.keys() & _ANY_STOPWORD
    if sum(map(seen.__getitem__, hits)) < 3:
        return None
    counts = {lang: sum(seen[w] for w in hits & stop) for lang, stop in STOPWORDS.items()}
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    best, n = ranked[0]
    second = ranked[1][1]
    if total < 5 or n < 3 or n / total < MIN_SHARE or n < second * MIN_LEAD:
        return None
    return best

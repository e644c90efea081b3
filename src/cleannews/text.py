"""Facts about a piece of text that several stages ask, answered in one place.

Scripts written without spaces between words (Chinese, Japanese; Korean is counted
with them, as the scorer always has), word counts that work for them, where a
sentence ends, and title case. The scorer, the dump scorer, the metadata readers and
the quote finder all ask these; before this module each had its own version, and the
versions disagreed at the edges.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleannews.lang import QUOTES as _QUOTES

#: Characters of scripts written without spaces between words: kana, CJK ideographs
#: (extension A, the unified block, compatibility ideographs) and Hangul syllables.
WIDE_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WIDE = re.compile(f"[{WIDE_CHARS}]")

#: Such scripts carry about three times as much text per character as Latin script
#: (a CJK character is roughly a word), so a 20-character Chinese sentence weighs like
#: a 60-character English one.
WIDE_CHAR_WEIGHT = 3
#: A Chinese or Japanese word is one to two characters long (a character is about
#: half a word), so a run of N wide characters counts as N / WIDE_CHARS_PER_WORD words.
WIDE_CHARS_PER_WORD = 2


def has_wide(text: str) -> bool:
    """The text holds a character of a script written without spaces."""
    return not text.isascii() and _WIDE.search(text) is not None


def text_length(text: str) -> int:
    """Length in Latin-equivalent characters."""
    if text.isascii():
        return len(text)
    return len(text) + (WIDE_CHAR_WEIGHT - 1) * len(_WIDE.findall(text))


#: The wide characters of scripts written with no spaces between words at all: kana and
#: CJK ideographs (`WIDE_CHARS` without Hangul: Korean puts spaces between its words).
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str, *, hangul: bool = True) -> int:
    """Words, in scripts with and without spaces: "Advertisement" is one, a Chinese
    sentence of 24 characters (no spaces between its words) is twelve, not one: a run of
    N wide characters counts N // `WIDE_CHARS_PER_WORD` words.

    `hangul` counts Hangul syllables as wide characters too. The scorer's thresholds and
    the page-type model were fit with that count, so it stays their default; the quote
    finder passes False and counts Korean by its spaces, as it is written (counting its
    syllables made one- and two-word Korean names in quotation marks long enough to be
    quotes: docs/design.md, "One word counter")."""
    if text.isascii():
        return len(text.split())
    pattern = _WIDE if hangul else _UNSPACED
    wide = len(pattern.findall(text))
    if not wide:
        return len(text.split())
    return len(pattern.sub(" ", text).split()) + wide // WIDE_CHARS_PER_WORD


# --- where a sentence ends ------------------------------------------------------------
#: Sentence marks inside a text (., !, ?, ; and their CJK forms before a space, the end
#: or a closing quote; commas of every script).
_SENTENCE_MARKS = re.compile(r"[.!?;。！？](?:\s|$|[\"'”’»)])|[,，、]")
#: Ends like a sentence: a full stop, question or exclamation mark, ellipsis, colon or
#: a closing quote or bracket.
_ENDS_SENTENCE = re.compile(r"[.!?。！？…:\"'”’»)]\s*$")
#: Ends with a full stop, question or exclamation mark (closing quotes allowed): a
#: sentence, not a dateline "... | By X (with Y)" or a label "Photos:".
_FULL_STOP = re.compile(r"[.!?。！？…][\"'”’»)\]]*\s*$")


def sentence_punctuation(text: str) -> int:
    """How many sentence marks the text holds."""
    return len(_SENTENCE_MARKS.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE.search(text))


#: The dump scorer's test of a line: also a semicolon or a closing square bracket (a
#: dump prints a list item or a link's text that way), but not a closing single quote.
#: (Measured: ending lines the way `ends_sentence` does changes the body of 11 of the
#: 446 dump pages, so the two stay apart until someone sweeps it.)
_ENDS_LINE = re.compile(r"[.!?。！？…:;»”\"')\]]\s*$")


def line_ends_sentence(text: str) -> bool:
    return bool(_ENDS_LINE.search(text))


def ends_with_full_stop(text: str) -> bool:
    return bool(_FULL_STOP.search(text))


# --- title case -----------------------------------------------------------------------
#: Words title case keeps in lower case (AP and Chicago style): the English list in lang/data/en.toml.
TITLE_LOWER_WORDS = _QUOTES["en"].title_lower_words


def function_word(word: str) -> bool:
    """A word title case keeps in lower case ("of", "the"), whatever its case here."""
    return word.lower().strip(".,;:!?") in TITLE_LOWER_WORDS


def title_case(words: Sequence[str], *, share: float = 1.0, min_capitals: int = 0) -> bool:
    """Words set in title case: of those that are not function words, at least `share`
    begin with a capital letter, and at least `min_capitals` of all of them do.
    Opening quotes and brackets are not part of a word here."""
    bare = [w.lstrip("\"'‘“(") for w in words]
    content = [w for w in bare if not function_word(w)]
    if sum(w[:1].isupper() for w in content) < share * len(content):
        return False
    return sum(w[:1].isupper() for w in bare) >= min_capitals

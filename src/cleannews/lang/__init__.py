"""Each language's words in one place: one module a language, adding one is one file.

Layout
------
``cleannews/lang/<code>.py`` (ISO 639-1 code: ``en``, ``de``, ``fr``, ``es``, ``it``,
``pt``, ``nl``, ``sv``, ``da``, ``pl``, ``cs``, ``tr``, ``ru``, ``zh``, ``ja``, ``ko``) holds that language's vocabulary as plain immutable data, one
module-level constant per **concern**, each of a type from `cleannews.lang.base`:

=================  ======================  ==========================================
constant           type                    read by
=================  ======================  ==========================================
``QUOTES``         `base.QuoteWords`       `cleannews.quotes` (speech verbs, speaker
                                           heads, roles, inverted cues, pronouns ...)
``STOPWORDS``      `base.StopWords`        `cleannews.scoring.stopwords` (``frequent``),
                                           `cleannews.metadata.language`
                                           (``distinctive``, the language guess)
``RELATED``        `base.RelatedWords`     `cleannews.vocabulary.RELATED_HEADING`
                                           (teaser-section headings)
``DUMPS``          `base.DumpWords`        `cleannews.cleaners.generic.dumps`
                                           (published / updated / byline / credit
                                           labels and month prefixes of dump lines)
``FURNITURE``      `base.FurnitureWords`   `cleannews.cleaners.generic.furniture`
                                           (ad, share, credit, read-more labels ...)
=================  ======================  ==========================================

A module holds only the concerns it has words for (Swedish has stop words and no
quote vocabulary); a stage reading one concern sees the languages that have it.

Other stages move their word lists in the same way: add a named tuple for the
concern to `base` (every field defaulting to empty, so languages without the words
leave it out), give each language module a constant of that type (``STOPWORDS =
frozenset(...)`` for a plain list, ``DATES = DateWords(...)``, ``BYLINE =
BylineWords(...)``), and add a row to the table above. A stage reads them through
`module(code)` / `by_language(NAME)` (one language, when it knows the page's) or
`merged_quotes()`-style unions (when it reads text of any language at once); it
never keeps a copy of its own. Concerns read by a regular expression (``RELATED``,
``DUMPS``, ``FURNITURE``) hold regex fragments, joined over the languages by
`base.alternatives` in `LANGUAGES` order; their patterns are read whole
(``fullmatch``) or anchored so that no two languages' fragments compete for the
same text, so that order changes nothing they match.

Adding a language: copy the module of a related language, rename it to the new
code, replace the words. It is found by its file name (every module here whose
name does not start with ``_`` and is not ``base``), so nothing else is edited.
Rules for the words: lower case; a word that is also a common word of another
language in a part where it would mislead (German "die" is an English verb, Dutch
"de" a name particle) is left out, and the module says so.

Everything here is built once at import and never changed (no global mutable
state), so the lists are safe to share between threads.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from types import MappingProxyType, ModuleType

from typing import TypeVar

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, merge

__all__ = [
    "DUMPS",
    "FURNITURE",
    "LANGUAGES",
    "QUOTES",
    "RELATED",
    "STOPWORDS",
    "DumpWords",
    "FurnitureWords",
    "QuoteWords",
    "RelatedWords",
    "StopWords",
    "by_language",
    "merged_quotes",
    "module",
]

_T = TypeVar("_T")

#: Modules of this package that are no language.
_NOT_LANGUAGES = frozenset({"base"})


def _discover() -> dict[str, ModuleType]:
    found = sorted(
        m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_") and m.name not in _NOT_LANGUAGES
    )
    return {code: importlib.import_module(f"{__name__}.{code}") for code in found}


_MODULES = MappingProxyType(_discover())

#: The language codes with a module, English first (the attribution grammar's), then by code.
LANGUAGES: tuple[str, ...] = tuple(sorted(_MODULES, key=lambda c: (c != "en", c)))


def module(code: str) -> ModuleType:
    """The module of one language; KeyError for a code without one."""
    return _MODULES[code]


def by_language(name: str) -> Mapping[str, object]:
    """One concern over every language that has it: code -> that module's `name` constant."""
    return MappingProxyType({c: getattr(_MODULES[c], name) for c in LANGUAGES if hasattr(_MODULES[c], name)})


def _concern(name: str, kind: type[_T]) -> Mapping[str, _T]:
    """`by_language(name)`, checked: every module's constant is of the concern's type."""
    out: dict[str, _T] = {}
    for code, value in by_language(name).items():
        if not isinstance(value, kind):
            raise TypeError(f"cleannews.lang.{code}.{name} is a {type(value).__name__}, not a {kind.__name__}")
        out[code] = value
    return MappingProxyType(out)


#: Each language's quote vocabulary, by code.
QUOTES: Mapping[str, QuoteWords] = _concern("QUOTES", QuoteWords)
#: Each language's function words, by code.
STOPWORDS: Mapping[str, StopWords] = _concern("STOPWORDS", StopWords)
#: Each language's teaser-section headings, by code.
RELATED: Mapping[str, RelatedWords] = _concern("RELATED", RelatedWords)
#: Each language's labels of dump metadata lines, by code.
DUMPS: Mapping[str, DumpWords] = _concern("DUMPS", DumpWords)
#: Each language's furniture labels, by code.
FURNITURE: Mapping[str, FurnitureWords] = _concern("FURNITURE", FurnitureWords)

_MERGED = merge(QUOTES.values())


def merged_quotes() -> QuoteWords:
    """The quote vocabulary of every language at once (the finder reads bodies in any)."""
    return _MERGED

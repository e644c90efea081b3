"""Each language's words in one place: one data file a language, adding one is one file.

Layout
------
``cleannews/lang/data/<code>.toml`` (ISO 639-1 code: ``en``, ``de``, ``fr``, ``es``,
``it``, ``pt``, ``nl``, ``sv``, ``da``, ``nb``, ``fi``, ``pl``, ``cs``, ``hu``, ``tr``, ``ru``, ``zh``, ``ja``,
``ko``) holds that language's vocabulary as plain data, one table per **concern**;
each table is read, once at import, into the immutable named tuple of
`cleannews.lang.base` named here:

=================  ======================  ==========================================
table              type                    read by
=================  ======================  ==========================================
``[quotes]``       `base.QuoteWords`       `cleannews.quotes` (speech verbs, speaker
                                           heads, roles, inverted cues, pronouns ...)
``[stopwords]``    `base.StopWords`        `cleannews.scoring.stopwords` (``frequent``),
                                           `cleannews.metadata.language`
                                           (``distinctive``, the language guess)
``[related]``      `base.RelatedWords`     `cleannews.vocabulary.RELATED_HEADING`
                                           (teaser-section headings)
``[dumps]``        `base.DumpWords`        `cleannews.cleaners.generic.dumps`
                                           (published / updated / byline / credit
                                           labels and month prefixes of dump lines)
``[furniture]``    `base.FurnitureWords`   `cleannews.cleaners.generic.furniture`
                                           (ad, share, credit, read-more labels ...)
``[metadata]``     `base.MetadataWords`    `cleannews.metadata` (month names, date
                                           labels, byline prefixes and junk, site
                                           words of titles, image-credit labels)
``[ends]``         `base.EndWords`         `cleannews.scoring.ends` (comment-section
                                           openers, cookie notices)
=================  ======================  ==========================================

A file holds only the concerns it has words for (Swedish has stop words and no
quote vocabulary); a stage reading one concern sees the languages that have it.
Each list's "why" (where the words came from, what was left out) is a comment
beside it in the file.

Values: words are one whitespace-separated string (a TOML multi-line string for a
long list), regex fragments a list of strings (TOML literal strings, ``'...'``,
need no escaping), mappings a table; `base.read` says the forms and rejects a field
the concern's tuple does not have.

Adding a concern: add a named tuple for it to `base` (every field defaulting to
empty, so languages without the words leave it out), add it to `CONCERNS` and to
the table above, and give the languages that have words a table of that name. A
stage reads a concern through its mapping here (code -> tuple; one language, when
it knows the page's, or the union over all, `merged_quotes()`-style, when it reads
text of any language at once); it never keeps a copy of its own. Concerns read by
a regular expression (``related``, ``dumps``, ``furniture``) hold regex fragments,
joined over the languages by `base.alternatives` in `LANGUAGES` order; their
patterns are read whole (``fullmatch``) or anchored so that no two languages'
fragments compete for the same text, so that order changes nothing they match.

Adding a language: copy the file of a related language to ``data/<code>.toml`` and
replace the words. It is found by its file name (every ``*.toml`` in ``data/``
whose name does not start with ``_``), so nothing else is edited, and it ships in
the wheel with the package data. Rules for the words: lower case; a word that is
also a common word of another language in a part where it would mislead (German
"die" is an English verb, Dutch "de" a name particle) is left out, and the file
says so.

Everything here is built once at import and never changed (no global mutable
state), so the lists are safe to share between threads.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from cleannews.lang.base import (
    DumpWords,
    EndWords,
    FurnitureWords,
    MetadataWords,
    QuoteWords,
    RelatedWords,
    StopWords,
    merge,
    read,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = [
    "CONCERNS",
    "DUMPS",
    "ENDS",
    "FURNITURE",
    "LANGUAGES",
    "METADATA",
    "QUOTES",
    "RELATED",
    "STOPWORDS",
    "DumpWords",
    "EndWords",
    "FurnitureWords",
    "MetadataWords",
    "QuoteWords",
    "RelatedWords",
    "StopWords",
    "merged_metadata",
    "merged_quotes",
]

#: Each concern's table name in a data file -> the named tuple it is read into.
CONCERNS: Mapping[str, type[NamedTuple]] = MappingProxyType(
    {
        "quotes": QuoteWords,
        "stopwords": StopWords,
        "related": RelatedWords,
        "dumps": DumpWords,
        "furniture": FurnitureWords,
        "metadata": MetadataWords,
        "ends": EndWords,
    }
)


def load(text: str, code: str) -> dict[str, NamedTuple]:
    """One language's data file: table name -> its concern's tuple (ValueError on a
    table or field that no concern has, or a value of the wrong form)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"cleannews/lang/data/{code}.toml: {exc}") from exc
    out: dict[str, NamedTuple] = {}
    for name, table in data.items():
        if name not in CONCERNS or not isinstance(table, dict):
            raise ValueError(f"cleannews/lang/data/{code}.toml: [{name}] is no concern (one of {', '.join(CONCERNS)})")
        out[name] = read(CONCERNS[name], table, f"{code}.{name}")
    return out


def _discover(directory: Traversable | None = None) -> dict[str, dict[str, NamedTuple]]:
    """Every language's data, by code: the ``*.toml`` files of `directory` (the
    package's ``data/``), names starting with ``_`` left out."""
    root = directory if directory is not None else resources.files(__name__).joinpath("data")
    found = sorted(
        (f.name.removesuffix(".toml"), f) for f in root.iterdir() if f.name.endswith(".toml") and not f.name.startswith("_")
    )
    return {code: load(f.read_text(encoding="utf-8"), code) for code, f in found}


_DATA = _discover()

#: The language codes with a data file, English first (the attribution grammar's), then by code.
LANGUAGES: tuple[str, ...] = tuple(sorted(_DATA, key=lambda c: (c != "en", c)))


def _concern(name: str) -> Mapping[str, NamedTuple]:
    """One concern over every language that has it, in `LANGUAGES` order."""
    return MappingProxyType({c: _DATA[c][name] for c in LANGUAGES if name in _DATA[c]})


#: Each language's quote vocabulary, by code.
QUOTES: Mapping[str, QuoteWords] = _concern("quotes")  # type: ignore[assignment]
#: Each language's function words, by code.
STOPWORDS: Mapping[str, StopWords] = _concern("stopwords")  # type: ignore[assignment]
#: Each language's teaser-section headings, by code.
RELATED: Mapping[str, RelatedWords] = _concern("related")  # type: ignore[assignment]
#: Each language's labels of dump metadata lines, by code.
DUMPS: Mapping[str, DumpWords] = _concern("dumps")  # type: ignore[assignment]
#: Each language's furniture labels, by code.
FURNITURE: Mapping[str, FurnitureWords] = _concern("furniture")  # type: ignore[assignment]

#: Each language's words of the metadata stage, by code.
METADATA: Mapping[str, MetadataWords] = _concern("metadata")  # type: ignore[assignment]
#: Each language's words of a dump's article end, by code.
ENDS: Mapping[str, EndWords] = _concern("ends")  # type: ignore[assignment]

_MERGED = merge(QUOTES.values())
_MERGED_METADATA = merge(METADATA.values(), MetadataWords)


def merged_quotes() -> QuoteWords:
    """The quote vocabulary of every language at once (the finder reads bodies in any)."""
    return _MERGED


def merged_metadata() -> MetadataWords:
    """The metadata words of every language at once (a page's language is guessed from
    its text only after its byline and dates are read). Fragment lists keep
    `LANGUAGES` order, a fragment two languages share once; ``months`` is per
    language, read from `METADATA`."""
    return _MERGED_METADATA

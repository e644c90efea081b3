"""The most frequent function words of the languages the dump scorer knows.

Prose is dense in these words (jusText's observation: 30-45% of the tokens of running
text in a European language are stop words; menus, headline lists and labels hold
far fewer). The lists are each language's `StopWords.frequent` in `cleannews.lang`
(the 60-90 most frequent words of the language); add a language there.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from cleannews.lang import STOPWORDS as _BY_LANGUAGE

#: Code -> stop list, for the languages that have one, in `cleannews.lang.LANGUAGES`
#: order (on a tie the earlier language's list is picked).
STOPWORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {code: w.frequent for code, w in _BY_LANGUAGE.items() if w.frequent}
)

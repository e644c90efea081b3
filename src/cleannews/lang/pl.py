"""Polish: function words for the language guess; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import StopWords, words

STOPWORDS = StopWords(
    distinctive=words("i w na nie się z że do to jest jak po od o"),
)

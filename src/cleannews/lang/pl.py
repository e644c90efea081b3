"""Polish: function words for the language guess and teaser-section headings; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import RelatedWords, StopWords, words

STOPWORDS = StopWords(
    distinctive=words("i w na nie się z że do to jest jak po od o"),
)

RELATED = RelatedWords(
    headings=(
        r"czytaj (?:też|także)",
        r"zobacz też",
        r"podobne artykuły",
    ),
)

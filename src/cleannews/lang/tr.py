"""Turkish: function words for the language guess and teaser-section headings; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import RelatedWords, StopWords, words

STOPWORDS = StopWords(
    distinctive=words("ve bir bu da de için ile çok daha olarak gibi ne"),
)

RELATED = RelatedWords(
    headings=(
        r"ilgili haberler",
        r"benzer haberler",
    ),
)

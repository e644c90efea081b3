"""Turkish: function words for the language guess; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import StopWords, words

STOPWORDS = StopWords(
    distinctive=words("ve bir bu da de için ile çok daha olarak gibi ne"),
)

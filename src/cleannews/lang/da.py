"""Danish: function words for the language guess; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import StopWords, words

STOPWORDS = StopWords(
    distinctive=words("og at det som en er på for med af ikke til den har de"),
)

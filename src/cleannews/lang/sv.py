"""Swedish: function words for the language guess; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import StopWords, words

STOPWORDS = StopWords(
    distinctive=words("och att det som en är på för med av inte till den har"),
)

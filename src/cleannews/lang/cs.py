"""Czech: function words for the language guess; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import StopWords, words

STOPWORDS = StopWords(
    distinctive=words("a se na je že v to s do jsou by z jako ve"),
)

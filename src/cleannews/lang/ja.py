"""Japanese: teaser-section headings; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import RelatedWords

RELATED = RelatedWords(
    headings=(
        r"関連記事",
        r"おすすめ記事",
    ),
)

"""Korean: teaser-section headings; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import RelatedWords

RELATED = RelatedWords(
    headings=(
        r"관련 ?기사",
    ),
)

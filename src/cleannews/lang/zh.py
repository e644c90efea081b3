"""Chinese: teaser-section headings; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import RelatedWords

RELATED = RelatedWords(
    headings=(
        r"相关(?:文章|新闻|阅读)",
        r"推荐阅读",
    ),
)

"""Russian: teaser-section headings and the image-credit label; no quote vocabulary yet."""

from __future__ import annotations

from cleannews.lang.base import FurnitureWords, RelatedWords

RELATED = RelatedWords(
    headings=(
        r"читайте (?:также|еще)",
        r"смотрите также",
        r"похожие (?:статьи|новости|записи)",
        r"самые популярные.{0,30}",
        r"популярное",
    ),
)


FURNITURE = FurnitureWords(
    credit_words=("фото",),
)

"""The generic main-text scorer: picks which blocks are the article."""

from cleannews.scoring.scorer import Selection, select_blocks

__all__ = ["Selection", "select_blocks"]

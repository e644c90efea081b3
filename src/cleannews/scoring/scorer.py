"""Pick the article blocks. (Being written.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cleannews.models import Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document
    from cleannews.scoring.rules import ScoringRules


@dataclass(frozen=True)
class Selection:
    """The scorer's answer: which blocks are the article, and why the others are not."""

    kept: tuple[int, ...]
    dropped: Mapping[int, str] = field(default_factory=dict)
    is_article: bool = True
    reason: str | None = None


def select_blocks(doc: Document, removed: Mapping[int, Removal], rules: ScoringRules | None = None) -> Selection:
    """The article's blocks; `rules` are the HTML scorer's thresholds (None: the defaults)."""
    if doc.page.kind != "html":
        from cleannews.scoring.lines import select_dump_blocks

        return select_dump_blocks(doc, removed)
    from cleannews.scoring.dom import select_html_blocks
    from cleannews.scoring.rules import DEFAULT_RULES

    return select_html_blocks(doc, removed, rules or DEFAULT_RULES)

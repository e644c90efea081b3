"""Pick the article blocks: the dispatch between the rules scorers and the learned one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from cleannews.models import Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document
    from cleannews.scoring.rules import ScoringRules

#: "learned": the trained block model on HTML (the rules scorer where its model file
#: is missing); "rules": the hand-set container scorer (`scoring.dom`).
ScorerName = Literal["learned", "rules"]
#: The learned scorer is the default since 2026-12-02 (session 4), because pages no
#: one here has seen are what an extractor is for. Out-of-fold (5 folds grouped by
#: registered domain, the per-type step after either scorer, page types out-of-fold too,
#: `training.pipeline_oof --gate page_type`, on main after that day's merges) it beats
#: the rules on wcxb-dev word F1 0.8764 vs 0.8608, fundus-dev 0.9344 vs 0.9247 and
#: scrapinghub body F1 0.9758 vs 0.9752 (exact 0.519 vs 0.497); it loses readability
#: body F1 0.9576 vs 0.9586 (exact 0.377 vs 0.338: one site, two Yahoo pages keep a run
#: of teasers). It costs ~5-6 ms CPU a page more (speed protocol, scrapinghub: ~0.8x
#: trafilatura against ~0.5x): `scorer="rules"` is the faster path and the fallback
#: when the model file is missing. Metadata and the page type read the rules'
#: selection whichever scorer runs (`Selection.basis`). See docs/design.md ("Which
#: scorer by default").
DEFAULT_SCORER: ScorerName = "learned"


@dataclass(frozen=True)
class Selection:
    """The scorer's answer: which blocks are the article, and why the others are not.

    `probability` holds the learned scorer's main-text probability of each block
    (empty from the rules scorer); the explain view adds the features that weighed
    most on each (`learned.explain_blocks`). `basis` is the rules scorer's selection
    the learned one was made from (None from the rules scorer: it is its own basis)
    and `page_types` the page-type probabilities the learned scorer's gate computed on
    it (empty when none were): the metadata and page-type stages read the basis, as
    they were trained and measured on it, and reuse those probabilities.
    """

    kept: tuple[int, ...]
    dropped: Mapping[int, str] = field(default_factory=dict)
    is_article: bool = True
    reason: str | None = None
    probability: Mapping[int, float] = field(default_factory=dict)
    basis: Selection | None = None
    page_types: tuple[float, ...] = ()
    #: The HTML rules scorer's own weight of each block (`dom.block_weight` with no cue
    #: penalty under the default thresholds; 0.0 for a block the cleaners removed), when
    #: it ran with those thresholds (else empty): the learned scorer's block features
    #: read them instead of computing them again.
    weights: tuple[float, ...] = field(default=(), compare=False, repr=False)
    #: Groups of kept blocks (indices, in order) that are one item of a collection's or
    #: listing's grid (a card's title, teaser, price): the body gives each group as one
    #: list block (`assemble.body_blocks`). Set by the per-type step; empty elsewhere.
    items: tuple[tuple[int, ...], ...] = ()

    @property
    def rules_basis(self) -> Selection:
        """The rules scorer's selection on the page (this one when the rules decided)."""
        return self.basis if self.basis is not None else self


def select_rules(doc: Document, removed: Mapping[int, Removal], rules: ScoringRules | None = None) -> Selection:
    """The hand-set scorers: the container scorer on HTML (`rules` its thresholds, None:
    the defaults), the line scorer on dumps."""
    if doc.page.kind != "html":
        from cleannews.scoring.lines import select_dump_blocks

        return select_dump_blocks(doc, removed)
    from cleannews.scoring.dom import select_html_blocks
    from cleannews.scoring.rules import DEFAULT_RULES

    return select_html_blocks(doc, removed, rules or DEFAULT_RULES)


def select_blocks(
    doc: Document,
    removed: Mapping[int, Removal],
    scorer: ScorerName = DEFAULT_SCORER,
    rules: ScoringRules | None = None,
) -> Selection:
    """Dumps keep their line scorer (the model was trained on HTML blocks only)."""
    if scorer not in ("learned", "rules"):
        raise ValueError(f"unknown scorer {scorer!r}: 'learned' or 'rules'")
    rules_sel = select_rules(doc, removed, rules)
    if scorer == "rules" or doc.page.kind != "html":
        return rules_sel
    from cleannews.scoring.learned import select_learned

    return select_learned(doc, removed, rules_sel)

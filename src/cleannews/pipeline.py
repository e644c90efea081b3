"""The stages as a short list of calls; data flows one way.

    load -> Page -> document -> Document -> cleaners -> removals
         -> scoring -> Selection -> metadata -> Metadata -> page type -> PageType
         -> per-type selection -> Selection -> assemble -> Article
         -> quotes (in Article.body) -> Article with its quotes

`run()` returns the Article together with the intermediate results (a `Trace`) so
the explain view can show every decision without a second code path.

The time budget is cooperative: a `Deadline` is checked between stages, and the
input-size caps in `load.Limits` bound how long any one stage can take. Inside a
stage, `extract(hard_budget=True)` raises at the deadline from a timer thread
(`cleannews.watchdog`); a limit that holds whatever a page does (a C call that never
returns) needs a process: `cleannews.batch` provides it.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleannews.assemble import assemble
from cleannews.cleaners.base import Cleaner
from cleannews.cleaners.registry import resolve, run_cleaners
from cleannews.config import DEFAULT_CONFIG, Config
from cleannews.document import Document, build_document
from cleannews.errors import TimeBudgetExceeded
from cleannews.load import Limits, load
from cleannews.metadata import adjust_for_page_type, read_metadata
from cleannews.models import Article, Metadata, PageKind, Quote, Removal
from cleannews.pagetype import PageType, classify
from cleannews.quotes import find_quotes
from cleannews.scoring import Selection, select_blocks
from cleannews.scoring.pagetypes import adjust, strategy
from cleannews.scoring.scorer import DEFAULT_SCORER, ScorerName

#: The default time budget for one page, in seconds: generous (a typical page takes
#: 20-50 ms; the largest real pages, 1-2 MB, well under a second).
DEFAULT_BUDGET = 10.0


@dataclass(frozen=True)
class Deadline:
    """A point in (monotonic) time after which the pipeline stops at the next stage."""

    budget: float | None
    start: float = field(default_factory=time.monotonic)

    def check(self, stage: str) -> None:
        if self.budget is None:
            return
        elapsed = time.monotonic() - self.start
        if elapsed > self.budget:
            raise TimeBudgetExceeded(f"{elapsed:.2f} s spent by the end of stage {stage!r}, over the budget of {self.budget:g} s")


@dataclass(frozen=True)
class Trace:
    """Everything the pipeline decided for one page. `selection` is the final one
    (after the per-type step); `scored` is the block scorer's own."""

    document: Document
    cleaners: tuple[Cleaner, ...]
    removed: dict[int, Removal]
    selection: Selection
    metadata: Metadata
    article: Article
    #: What a stage caught and worked around on this page, one line each, prefixed
    #: with the stage ("metadata: jsonld: ValueError: ..."); the explain view lists them.
    errors: tuple[str, ...] = ()
    #: the quote stage's answer (also `article.quotes`), offsets into `article.body`
    quotes: tuple[Quote, ...] = ()
    #: what the page is (`Article.page_type`, with the classifier's probabilities)
    page_type: PageType | None = None
    #: the block scorer's own selection, before the per-type step (`selection` is after it)
    scored: Selection | None = None


def run(
    data: bytes | str,
    *,
    url: str | None = None,
    kind: PageKind | None = None,
    cleaners: Iterable[Cleaner | type[Cleaner] | str] | None = None,
    budget: float | None = DEFAULT_BUDGET,
    limits: Limits | None = None,
    config: Config = DEFAULT_CONFIG,
    scorer: ScorerName = DEFAULT_SCORER,
) -> Trace:
    """Run every stage; `TimeBudgetExceeded` when a stage ends past `budget` seconds
    (None: no budget), `PageTooLarge` when the page is over one of `limits` (None:
    `config.limits`). `config` carries the stages' thresholds (`cleannews.Config`);
    `scorer` picks the main-text scorer ("learned" or "rules", see `scoring.scorer`)."""
    deadline = Deadline(budget)
    page = load(data, url=url, kind=kind, limits=limits if limits is not None else config.limits)
    deadline.check("load")
    doc = build_document(page)
    deadline.check("document")
    active = resolve(cleaners)
    removed = run_cleaners(doc, active)
    deadline.check("cleaners")
    selection = select_blocks(doc, removed, scorer, config.scoring)
    deadline.check("scoring")
    # Metadata and the page type read the rules scorer's selection whichever scorer
    # chose the body: both were tuned and trained on it (the date vote over the learned
    # selection: readability date accuracy 0.939 vs 0.970), and the learned scorer's
    # gate has computed the page-type probabilities on it already (`Selection.basis`).
    basis = selection.rules_basis
    meta = read_metadata(doc, removed, basis)
    deadline.check("metadata")
    ptype = classify(doc, basis, meta.title, probabilities=selection.page_types)
    meta = adjust_for_page_type(meta, doc, ptype.page_type)
    fields = {i for i, name in meta.read_blocks if name in ("title", "byline")} if ptype.is_article else set()
    final = adjust(doc, selection, strategy(ptype), removed, fields)
    deadline.check("page type")
    article = assemble(doc, final, meta, ptype)
    deadline.check("assemble")
    quotes = find_quotes(article.body)
    deadline.check("quotes")
    article = dataclasses.replace(article, quotes=quotes)
    errors = tuple(f"metadata: {e}" for e in meta.errors)
    return Trace(doc, active, removed, final, meta, article, errors=errors, quotes=quotes, page_type=ptype, scored=selection)

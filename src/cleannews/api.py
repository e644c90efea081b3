"""The public entry points: thin wrappers over the pipeline."""

from __future__ import annotations

from collections.abc import Iterable

from cleannews.batch import Result, Source, extract_many
from cleannews.cleaners.base import Cleaner
from cleannews.load import DEFAULT_LIMITS, Limits
from cleannews.models import Article, PageKind
from cleannews.pipeline import DEFAULT_BUDGET, run
from cleannews.watchdog import hard_deadline

__all__ = ["Limits", "Result", "Source", "extract", "extract_many"]


def extract(
    page: bytes | str,
    *,
    url: str | None = None,
    kind: PageKind | None = None,
    cleaners: Iterable[Cleaner | type[Cleaner] | str] | None = None,
    budget: float | None = DEFAULT_BUDGET,
    limits: Limits = DEFAULT_LIMITS,
    hard_budget: bool = False,
) -> Article:
    """Extract the article from one page.

    `page` is HTML (bytes in any encoding, or str) or a plain-text or Markdown dump;
    `kind` ("html", "text", "markdown") is detected when None. `url` helps pick site
    cleaners and resolve relative links. `cleaners` adds Cleaner classes or instances
    for this call, or disables registered ones by "-name".

    `budget` is the time budget in seconds (None: unlimited), checked between stages;
    with `hard_budget=True` it is also enforced inside a stage, by a timer thread that
    raises `TimeBudgetExceeded` in this thread at the deadline (`cleannews.watchdog`;
    a single C call finishes first). `limits` caps the input's size
    (`cleannews.Limits`). For a limit that holds whatever a page does, use
    `extract_many`, which runs pages in worker processes it can kill.

    Raises `cleannews.errors.InputError` for input that is not a page (wrong type,
    undecodable; `PageTooLarge` over a cap), `EmptyInputError` for an empty page and
    `TimeBudgetExceeded` past the budget: all `CleannewsError`. A page with no article
    gives an Article with `is_article=False` and a `reason`.
    """
    if hard_budget and budget is not None:
        with hard_deadline(budget):
            return run(page, url=url, kind=kind, cleaners=cleaners, budget=budget, limits=limits).article
    return run(page, url=url, kind=kind, cleaners=cleaners, budget=budget, limits=limits).article

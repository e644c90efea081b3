"""The public entry points: thin wrappers over the pipeline."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cleannews.batch import Result, Source, extract_many
from cleannews.cleaners.base import Cleaner
from cleannews.config import DEFAULT_CONFIG, Config
from cleannews.load import Limits
from cleannews.models import Article, PageKind
from cleannews.pipeline import DEFAULT_BUDGET, run
from cleannews.scoring.scorer import DEFAULT_SCORER, ScorerName
from cleannews.watchdog import hard_deadline

__all__ = ["Config", "Limits", "Result", "Source", "extract", "extract_many"]


def extract(
    page: bytes | str | Any,
    *,
    url: str | None = None,
    kind: PageKind | None = None,
    cleaners: Iterable[Cleaner | type[Cleaner] | str] | None = None,
    budget: float | None = DEFAULT_BUDGET,
    limits: Limits | None = None,
    config: Config = DEFAULT_CONFIG,
    scorer: ScorerName = DEFAULT_SCORER,
    hard_budget: bool = False,
) -> Article:
    """Extract the article from one page.

    `page` is HTML (bytes in any encoding, or str) or a plain-text or Markdown dump;
    `kind` ("html", "text", "markdown") is detected when None. A page the caller has
    already parsed is accepted too: an lxml element or ElementTree, a BeautifulSoup or a
    bs4 Tag (typed `Any`: neither library's types are imported here). It is serialised
    once to a str and read as HTML (see `cleannews.parsed`); the tree is not modified. `url` helps pick site
    cleaners and resolve relative links. `cleaners` adds Cleaner classes or instances
    for this call, or disables registered ones by "-name".

    `budget` is the time budget in seconds (None: unlimited), checked between stages;
    `limits` caps the input's size (`cleannews.Limits`; None: `config.limits`).
    `config` (`cleannews.Config`) sets the stages' thresholds, each defaulting to
    today's value: sweeps and tests pass a changed copy instead of patching. `scorer` picks the main-text
    scorer: "learned" (the trained block model, the default; the rules where its file is
    missing) or "rules" (the hand-set container scorer: ~5 ms a page faster). `budget` is checked between stages;
    with `hard_budget=True` it is also enforced inside a stage, by a timer thread that
    raises `TimeBudgetExceeded` in this thread at the deadline (`cleannews.watchdog`;
    a single C call finishes first). For a limit that holds whatever a page does, use
    `extract_many`, which runs pages in worker processes it can kill.

    Raises `cleannews.errors.InputError` for input that is not a page (wrong type,
    undecodable; `PageTooLarge` over a cap), `EmptyInputError` for an empty page and
    `TimeBudgetExceeded` past the budget: all `CleannewsError`. A page with no article
    gives an Article with `is_article=False` and a `reason`.
    """
    if isinstance(page, (bytearray, memoryview)):
        page = bytes(page)
    if not isinstance(page, (bytes, str)):
        from cleannews.errors import InputError
        from cleannews.parsed import is_parsed, markup_of

        if not is_parsed(page):
            raise InputError(f"a page is bytes, str or a parsed tree (lxml, bs4), not {type(page).__name__}")
        if kind not in (None, "html"):
            raise InputError(f"a parsed tree is HTML, not {kind!r}")
        page, tree_url = markup_of(page)
        kind = "html"
        if url is None and tree_url and tree_url.startswith(("http://", "https://")):
            url = tree_url
    if hard_budget and budget is not None:
        with hard_deadline(budget):
            return run(page, url=url, kind=kind, cleaners=cleaners, budget=budget, limits=limits, config=config, scorer=scorer).article
    return run(page, url=url, kind=kind, cleaners=cleaners, budget=budget, limits=limits, config=config, scorer=scorer).article

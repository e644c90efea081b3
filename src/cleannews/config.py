"""One frozen value for the thresholds a caller may set: `extract(page, config=...)`.

Each stage's rules are a frozen dataclass whose fields default to that stage's named
constants (documented, with where each value came from, next to the code that uses
them). A sweep, a training run or a test builds a changed copy and passes it down;
nothing is patched, so two calls with two configs can run at once in one process.

    from dataclasses import replace
    from cleannews import Config, extract
    from cleannews.scoring.rules import DEFAULT_RULES

    strict = Config(scoring=replace(DEFAULT_RULES, min_article_chars=400))
    article = extract(html, config=strict)

So far: the input-size caps (`load.Limits`) and the HTML scorer's thresholds
(`scoring.rules.ScoringRules`). The dump scorer, metadata and quote thresholds are
still module constants only.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleannews.load import DEFAULT_LIMITS, Limits
from cleannews.scoring.rules import DEFAULT_RULES, ScoringRules

__all__ = ["DEFAULT_CONFIG", "Config"]


@dataclass(frozen=True)
class Config:
    """Per-stage rules; every default is today's value."""

    #: Input-size caps, checked by `load` before the expensive stages.
    limits: Limits = DEFAULT_LIMITS
    #: The HTML scorer's thresholds.
    scoring: ScoringRules = DEFAULT_RULES


DEFAULT_CONFIG = Config()

"""The publication day as a learned choice among the days the date sources give.

The weighted vote (`datevote.pick_date`) adds fixed weights per source. Whether the
day a page shows is its first publication or its update, and whether a lone JSON-LD
date or the url's day is right, depends on how the sources relate on that page: which
of them give the day, whether it is the machine-readable modification day, how it
stands against the other days. So the days are rated by a small model over those
relations (`FEATURE_NAMES`), the vote's own answer (after htmldate's fallback) among
them with its own feature; `cleannews.training.dates` trains it and reports it out of
fold, 5 folds grouped by registered domain over htmldate, wcxb-dev, fundus-dev and
readability (docs/design.md, "The publication day as a learned choice").

The day chosen keeps the most precise value the sources give for it (a time with a
zone beats one without beats a bare day), the vote's own value when it is that day.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from cleannews.learn.forest import Forest
from cleannews.metadata.dates import DateValue, day_of
from cleannews.metadata.datevote import DATE_WEIGHTS, _more_precise

#: The candidate sources (`datevote.date_candidates`), then "rules": the vote's answer.
SOURCES = (
    "jsonld", "meta", "time", "visible", "line", "url", "time_first", "wide",
    "jsonld_modified", "meta_modified", "time_modified", "visible_modified", "rules",
)
FEATURE_NAMES: tuple[str, ...] = (
    *(f"src_{s}" for s in SOURCES),
    "vote_weight", "is_earliest", "is_latest", "n_days", "log_days_after_earliest", "log_days_before_latest",
    "before_machine_modified", "is_machine_modified", "page_has_machine_published", "is_earliest_machine_published",
)
#: The shipped model (a LightGBM binary forest: is this day the publication day?),
#: written by `python -m cleannews.training.dates --write-model`.
MODEL_FILE = Path(__file__).resolve().parent.parent / "learn" / "datechoice-v1.npz"


def candidate_days(cands: Mapping[str, DateValue | None], rules: DateValue | None) -> dict[_dt.date, set[str]]:
    """Every day a source gives, with the sources that give it."""
    by: dict[_dt.date, set[str]] = {}
    for src in SOURCES[:-1]:
        d = day_of(cands.get(src))
        if d is not None:
            by.setdefault(d, set()).add(src)
    d = day_of(rules)
    if d is not None:
        by.setdefault(d, set()).add("rules")
    return by


def features(by: Mapping[_dt.date, set[str]]) -> tuple[list[_dt.date], np.ndarray]:
    """The days in order and one row of `FEATURE_NAMES` a day."""
    days = sorted(by)
    mods = [d for d, s in by.items() if s & {"jsonld_modified", "meta_modified"}]
    pubs = [d for d, s in by.items() if s & {"jsonld", "meta"}]
    rows = []
    for d in days:
        s = by[d]
        rows.append((
            *(float(k in s) for k in SOURCES),
            sum(DATE_WEIGHTS.get(k, 0.0) for k in s), float(d == days[0]), float(d == days[-1]), float(len(days)),
            math.log1p((d - days[0]).days), math.log1p((days[-1] - d).days),
            float(bool(mods) and d < min(mods)), float(bool(mods) and d == max(mods)), float(bool(pubs)),
            float(bool(pubs) and d == min(pubs)),
        ))
    return days, np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURE_NAMES))


@lru_cache(maxsize=1)  # the shipped model is read once; a Forest is immutable
def load_model(path: Path = MODEL_FILE) -> Forest | None:
    return Forest.load(path) if path.exists() else None


def choose_date(cands: Mapping[str, DateValue | None], rules: DateValue | None,
                model: Forest | None = None) -> DateValue | None:
    """The publication date: the day the model rates highest, as its most precise value;
    the vote's answer without a model or when the sources give one day or none."""
    forest = model if model is not None else load_model()
    by = candidate_days(cands, rules)
    if forest is None or len(by) < 2:
        return rules
    days, X = features(by)
    day = days[int(np.argmax(forest.raw(X)[:, 0]))]
    if day_of(rules) == day:
        return rules
    best: DateValue | None = None
    for src in SOURCES[:-1]:
        v = cands.get(src)
        if v is not None and day_of(v) == day:
            best = v if best is None else _more_precise(v, best)
    return best

"""The learned choice of the publication day (`metadata.datechoice`): candidate days,
their features, and how the chosen day's value is made. Hand-made candidates only."""

from __future__ import annotations

import datetime as dt

import numpy as np

from cleannews.learn.forest import Forest
from cleannews.metadata.datechoice import FEATURE_NAMES, candidate_days, choose_date, features, load_model

UTC = dt.timezone.utc
CANDS = {
    "jsonld": dt.datetime(2024, 3, 2, 8, 0, tzinfo=UTC),
    "meta": dt.date(2024, 3, 2),
    "visible": dt.datetime(2025, 1, 10, 9, 30),
    "meta_modified": dt.datetime(2025, 1, 10, 9, 30, tzinfo=UTC),
}


def _stump(feature: str) -> Forest:
    """One tree: score 1 when `feature` is over 0.5, else 0."""
    f = FEATURE_NAMES.index(feature)
    return Forest(feature=np.array([f, -1, -1], dtype=np.int32), threshold=np.array([0.5, 0.0, 0.0]),
                  left=np.array([1, 1, 2], dtype=np.int32), right=np.array([2, 1, 2], dtype=np.int32),
                  value=np.array([0.0, 0.0, 1.0]), roots=np.array([0], dtype=np.int32),
                  tree_class=np.array([0], dtype=np.int32), n_classes=1, n_features=len(FEATURE_NAMES), depth=1)


def test_days_carry_every_source_that_gives_them():
    by = candidate_days(CANDS, CANDS["visible"])
    assert by[dt.date(2024, 3, 2)] == {"jsonld", "meta"}
    assert by[dt.date(2025, 1, 10)] == {"visible", "meta_modified", "rules"}
    days, X = features(by)
    assert days == [dt.date(2024, 3, 2), dt.date(2025, 1, 10)]
    assert X.shape == (2, len(FEATURE_NAMES)) and np.isfinite(X).all()
    assert X[1, FEATURE_NAMES.index("is_machine_modified")] == 1
    assert X[0, FEATURE_NAMES.index("before_machine_modified")] == 1


def test_the_chosen_day_keeps_its_most_precise_value():
    # the model prefers the earliest day: the JSON-LD value (time and zone), not meta's bare day
    assert choose_date(CANDS, CANDS["visible"], _stump("is_earliest")) == CANDS["jsonld"]
    # it prefers the vote's day: the vote's own value
    assert choose_date(CANDS, CANDS["visible"], _stump("src_rules")) == CANDS["visible"]


def test_one_day_or_none_is_the_votes_answer():
    one = {"meta": dt.date(2024, 3, 2)}
    assert choose_date(one, dt.date(2024, 3, 2), _stump("is_latest")) == dt.date(2024, 3, 2)
    assert choose_date({}, None, _stump("is_latest")) is None


def test_the_shipped_model_reads_these_features():
    model = load_model()
    assert model is not None and model.n_features == len(FEATURE_NAMES)

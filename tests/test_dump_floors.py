"""Body F1 floors on the scrapinghub text and Markdown dumps (read from ../shared, never copied).

The floors sit slightly under the measured values so that a change that loses
ground on the dump scorer fails here; raise them when the scorer improves.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_scorer

import cleannews

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score.py"

#: Measured body F1 minus about 0.005 (see the dumps commits for the measured values).
FLOORS = {
    "scrapinghub-text": 0.922,
    "scrapinghub-markdown": 0.923,
}


def _scorer() -> ModuleType:
    return load_scorer()


@pytest.mark.corpus
@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the checkout")
@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_dump_body_f1_floor(dataset: str) -> None:
    folder = CORPUS / dataset
    if not (folder / "truth.jsonl").exists():
        pytest.skip(f"../shared/corpus/{dataset} is not beside the checkout")
    score = _scorer()
    pairs = []
    for line in (folder / "truth.jsonl").open(encoding="utf8"):
        row = json.loads(line)
        text = gzip.decompress((folder / row["file"]).read_bytes()).decode("utf8")
        body = cleannews.extract(text, url=row.get("url"), kind=row["kind"]).body or ""
        pairs.append((row.get("body", ""), body))
    f1 = score.body_metrics(pairs)["body_f1"]
    assert f1 >= FLOORS[dataset], f"{dataset}: body F1 {f1:.4f} under the floor {FLOORS[dataset]}"

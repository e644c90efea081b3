"""Corpus pages -> documents, through the same stages as `pipeline.run`."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleannews.cleaners.registry import resolve, run_cleaners
from cleannews.document import Document, build_document
from cleannews.load import load
from cleannews.models import Removal
from cleannews.scoring.scorer import Selection, select_rules

#: The LightGBM settings every shipped model trains with: row and feature bagging with
#: L2 shrinkage, and deterministic (one thread, missing values off: features are always
#: finite), so that a retrain on the same data gives the same file.
LGBM_SHARED: dict[str, Any] = {
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "use_missing": False,
    "num_threads": 1,
    "deterministic": True,
}


#: The candidate choosers' LightGBM settings (binary: is this candidate the answer?),
#: shared by the title chooser (`training.title`) and the publication-day choice
#: (`training.dates`); chosen on the title chooser's OOF folds, and 100 rounds did no
#: better for the dates on theirs (docs/design.md).
CHOOSER_SEED = 7
CHOOSER_PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "max_depth": 5,
    "min_data_in_leaf": 10,
    "seed": CHOOSER_SEED,
    "verbose": -1,
    **LGBM_SHARED,
}
CHOOSER_ROUNDS = 200

#: The training sets, with their licences (credited in docs/design.md).
DATASETS = ("wcxb-dev", "scrapinghub", "readability", "fundus-dev")
#: Second-level labels under which registries sell names ("bbc.co.uk", "abc.net.au"):
#: the site is then the last three labels of the host, not two.
_SECOND_LEVEL = frozenset(("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob", "nic"))


def default_corpus() -> Path:
    """../shared/corpus from the working directory (the worktree), else /work/shared/corpus."""
    here = Path.cwd().parent / "shared" / "corpus"
    return here if here.is_dir() else Path("/work/shared/corpus")


def site_of(url: str | None, dataset: str, page_id: str) -> str:
    """The registered domain of a url (folds are grouped by it); dataset+id without one."""
    host = (urlsplit(url).hostname or "") if url else ""
    if not host:
        return f"{dataset}:{page_id}"
    labels = host.lower().removeprefix("www.").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


@dataclass(frozen=True)
class Example:
    dataset: str
    id: str
    site: str
    truth: dict[str, Any]
    doc: Document
    removed: dict[int, Removal]
    rules: Selection


def truth_rows(corpus: Path, dataset: str) -> list[dict[str, Any]]:
    with open(corpus / dataset / "truth.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build(corpus: Path, dataset: str, row: dict[str, Any]) -> Example:
    data = gzip.decompress((corpus / dataset / row["file"]).read_bytes())
    page = load(data, url=row.get("url"), kind=row.get("kind"))
    doc = build_document(page)
    removed = run_cleaners(doc, resolve(None))
    return Example(dataset, row["id"], site_of(row.get("url"), dataset, row["id"]), row, doc, removed,
                   select_rules(doc, removed))


def examples(corpus: Path, dataset: str, only: str | None = None) -> Iterator[Example]:
    """Every HTML page of a dataset with a truth body (or just page `only`)."""
    for row in truth_rows(corpus, dataset):
        if row.get("kind") != "html" or "body" not in row:
            continue
        if only is not None and row["id"] != only:
            continue
        yield build(corpus, dataset, row)

"""cleannews on Dask: a `dask.bag` of result dicts over paths or WARC files.

    import cleannews.integrations.dask as cnd
    bag = cnd.extract_bag(["crawl-00.warc.gz", "crawl-01.warc.gz", "pages/"])
    bag.to_textfiles("out/*.jsonl")           # or .compute(), .filter(...), ...

Each element of `paths` (a page file, folder, JSON-lines or WARC file, as
`cleannews.batch.iter_sources` reads them) is expanded and extracted inside one Dask
task, so give one element per file and let Dask spread the files over its workers.
Inside a task pages run in that worker's process with the cooperative `budget`;
Dask's own worker lifetime settings are what replace a stuck worker. Needs the
`dask` extra (`pip install 'cleannews[dask]'`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from cleannews.batch import extract_many
from cleannews.load import DEFAULT_LIMITS, Limits
from cleannews.pipeline import DEFAULT_BUDGET


def extract_partition(
    paths: Iterable[str | os.PathLike[str]], *, budget: float | None = DEFAULT_BUDGET, limits: Limits = DEFAULT_LIMITS
) -> list[dict[str, Any]]:
    """Extract every page of `paths` in this process: one JSON-ready dict per page,
    an error record (`{"source", "error": {...}}`) for a page that fails. Usable as a
    `map_partitions` function in Dask, Spark (`mapPartitions`) or anything else."""
    return [r.to_dict() for r in extract_many(paths, workers=0, budget=budget, limits=limits)]


def extract_bag(
    paths: Sequence[str | os.PathLike[str]],
    *,
    npartitions: int | None = None,
    budget: float | None = DEFAULT_BUDGET,
    limits: Limits = DEFAULT_LIMITS,
) -> Any:
    """A lazy `dask.bag.Bag` of result dicts (see `extract_partition`), one per page.

    `npartitions` defaults to one partition per path (a WARC file is the natural
    unit of work); results keep the order of `paths`.
    """
    import dask.bag as db

    items = [os.fspath(p) for p in paths]
    n = npartitions or max(1, len(items))
    bag = db.from_sequence(items, npartitions=min(n, max(1, len(items))))  # type: ignore[no-untyped-call]  # dask is untyped
    return bag.map_partitions(extract_partition, budget=budget, limits=limits)

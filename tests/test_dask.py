"""The Dask integration: a bag of result dicts, computed on local schedulers."""

from __future__ import annotations

import gzip
import json

import pytest

pytest.importorskip("dask.bag")

from cleannews.integrations.dask import extract_bag, extract_partition

SENTENCE = "The council said on Tuesday that the ferry would run every hour, starting next spring. "


def _page(n: int) -> str:
    return f"<html><body><article><p>Story {n}. {SENTENCE * 3}</p><p>{SENTENCE * 2}</p></article></body></html>"


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "a.html").write_text(_page(1))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(_page(2).encode()))
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "r1", "html": _page(3)}) + "\n" + json.dumps({"id": "r2", "html": ""}) + "\n")
    return [tmp_path / "a.html", tmp_path / "b.html.gz", rows, tmp_path / "missing.html"]


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
@pytest.mark.process
def test_extract_bag(inputs, scheduler):
    rows = extract_bag(inputs).compute(scheduler=scheduler)
    assert len(rows) == 5
    assert [r["body"].split(".")[0] for r in rows[:3]] == ["Story 1", "Story 2", "Story 3"]
    assert rows[2]["id"] == "r1"
    assert rows[3]["error"]["type"] == "EmptyInputError"
    assert rows[4]["error"]["type"] == "FileNotFoundError"
    json.dumps(rows)  # JSON-ready


def test_bag_matches_partition_function(inputs):
    assert extract_bag(inputs, npartitions=2).compute(scheduler="synchronous") == extract_partition(inputs)

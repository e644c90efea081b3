from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = ROOT / "fixtures"


def load_scorer() -> ModuleType:
    """The reference scorer, imported by path (never copied into the project)."""
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not beside the checkout")
    spec = importlib.util.spec_from_file_location("cleannews_reference_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def corpus_rows(dataset: str) -> list[dict]:
    d = CORPUS / dataset
    if not (d / "truth.jsonl").exists():
        pytest.skip(f"../shared/corpus/{dataset} is not beside the checkout")
    return [json.loads(line) for line in (d / "truth.jsonl").open(encoding="utf8")]


def corpus_page(dataset: str, row: dict) -> bytes:
    return gzip.decompress((CORPUS / dataset / row["file"]).read_bytes())

"""The fuzzers' corpus as regression cases: every input in tests/fuzz_corpus/ gives an
Article or a typed error, quickly, as bytes and as str, with each kind forced.

The inputs are small and generated (atheris grew them from generated seeds and the
project's own fixture pages; none holds corpus text). `benchmarks/fuzz_atheris.py`
reads the same folder as its seed corpus.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import cleannews
from cleannews.errors import CleannewsError

CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
INPUTS = sorted(CORPUS.glob("*.input"))
#: Loose on purpose (a shared machine); the fuzzers' own bar is 2 s of CPU.
CPU_CEILING = 5.0


@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_fuzz_corpus_input(path):
    data = path.read_bytes()
    text = data.decode("utf-8", "surrogateescape")
    for page, kind in ((data, None), (text, None), (text, "html"), (text, "text"), (text, "markdown")):
        t = time.process_time()
        try:
            article = cleannews.extract(page, kind=kind, budget=None)
            article.to_json().encode("utf-8")
        except CleannewsError:
            pass
        assert time.process_time() - t < CPU_CEILING, (kind, type(page).__name__)

"""Floors on the shared corpora: a change that lowers one fails here, not silently."""

from __future__ import annotations

import cleannews

from conftest import corpus_page, corpus_rows, load_scorer

#: Measured 0.975 / 0.497 (body F1 / exact) when these floors were set; the scorer
#: issue asks for >= 0.970 / >= 0.40. Just under the measured values, so that a change
#: that loses a page or two fails here rather than silently.
SCRAPINGHUB_BODY_F1_FLOOR = 0.970
SCRAPINGHUB_BODY_EXACT_FLOOR = 0.48
#: Readability.js's test pages: measured 0.826 after the body work of issue #3 (0.823
#: before it). About 70 of their truth bodies are UTF-8 read as Latin-1, so a perfect,
#: correctly decoding extractor scores about 0.86 there (see docs/design.md).
READABILITY_BODY_F1_FLOOR = 0.82


def test_scrapinghub_body_f1_floor():
    score = load_scorer()
    rows = corpus_rows("scrapinghub")
    preds = {}
    for row in rows:
        a = cleannews.extract(corpus_page("scrapinghub", row), url=row.get("url"), kind=row["kind"])
        preds[row["id"]] = {"id": row["id"], "body": a.body}
    from pathlib import Path

    from conftest import CORPUS

    res = score.score(Path(CORPUS / "scrapinghub"), preds)
    assert res["body_f1"] >= SCRAPINGHUB_BODY_F1_FLOOR, res
    assert res["body_exact"] >= SCRAPINGHUB_BODY_EXACT_FLOOR, res


def test_readability_body_f1_floor():
    from pathlib import Path

    from conftest import CORPUS

    score = load_scorer()
    rows = corpus_rows("readability")
    preds = {}
    for row in rows:
        a = cleannews.extract(corpus_page("readability", row), url=row.get("url"), kind=row["kind"])
        preds[row["id"]] = {"id": row["id"], "body": a.body}
    res = score.score(Path(CORPUS / "readability"), preds)
    assert res["body_f1"] >= READABILITY_BODY_F1_FLOOR, res

"""extract_many and `cleannews extract` over many inputs: order, errors, timeouts, resume, WARC."""

from __future__ import annotations

import gzip
import io
import json
import os
import time
from pathlib import Path

import pytest

import cleannews
from cleannews import Cleaner, Source
from cleannews.batch import ErrorInfo, done_sources, iter_sources
from cleannews.cli import main

SENTENCE = "The council said on Tuesday that the ferry would run every hour, starting next spring. "


def page(n: int, marker: str = "") -> str:
    return (
        f"<html><head><title>Page {n}</title></head><body><article>"
        f"<p>Page {n}. {marker}{SENTENCE * 3}</p><p>{SENTENCE * 2}</p></article></body></html>"
    )


class Trap(Cleaner):
    """Hangs or kills its worker on marked pages (importable, so spawned workers load it)."""

    name = "test-trap"

    def clean(self, doc, removed):
        text = " ".join(b.text for b in doc.blocks)
        if "HANG" in text:
            time.sleep(600)
        if "DIE" in text:
            os._exit(7)
        if "BUG" in text:
            raise KeyError("a bug in a cleaner")
        return []


def test_inline_results_in_order_with_errors_recorded():
    inputs = [Source("a", page(1)), b"", Source("c", "<p>\x00</p>"), Source("d", error=ErrorInfo("OSError", "gone")), Source("e", page(5, "BUG "))]
    rs = list(cleannews.extract_many(inputs, workers=0, cleaners=[Trap]))
    assert [r.index for r in rs] == [0, 1, 2, 3, 4]
    assert [r.source for r in rs] == ["a", "<input 1>", "c", "d", "e"]
    assert rs[0].ok and rs[0].article.is_article and "Page 1." in rs[0].article.body
    assert rs[1].error.type == "EmptyInputError"
    assert rs[3].to_dict() == {"source": "d", "url": None, "error": {"type": "OSError", "message": "gone"}}
    assert rs[4].error.type == "KeyError"  # an unexpected bug is recorded, not raised


@pytest.mark.process
def test_pool_kills_a_hung_page_replaces_dead_workers_and_keeps_order():
    inputs = [Source(f"p{i}", page(i, {3: "HANG ", 5: "DIE "}.get(i, ""))) for i in range(9)]
    # No wall-clock limit here (flaky on a busy machine): the hung page's recorded
    # TimeBudgetExceeded is what shows it was killed rather than waited for.
    rs = list(cleannews.extract_many(inputs, workers=2, timeout=4, cleaners=[Trap]))
    assert [r.source for r in rs] == [f"p{i}" for i in range(9)]
    assert rs[3].error.type == "TimeBudgetExceeded"
    assert rs[5].error.type == "WorkerCrashed"
    ok = [r for i, r in enumerate(rs) if i not in (3, 5)]
    assert all(r.ok and f"Page {r.index}." in r.article.body for r in ok)


@pytest.mark.process
def test_pool_and_inline_agree():
    inputs = [Source(f"p{i}", page(i)) for i in range(6)] + [Source("x", "junk \x00 \ufffd")]
    inline = [r.to_dict() for r in cleannews.extract_many(inputs, workers=0)]
    pooled = [r.to_dict() for r in cleannews.extract_many(inputs, workers=2)]
    assert inline == pooled


def _write_warc(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, ctype, body in records:
            hh = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=hh))
        w.write_record(w.create_warc_record("http://x/req", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("reader", ["fastwarc", "warcio"])
def test_warc_records(tmp_path, monkeypatch, reader):
    if reader == "fastwarc":
        pytest.importorskip("fastwarc")
    else:
        import sys

        monkeypatch.setitem(sys.modules, "fastwarc", None)  # force the fallback
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc, [
        ("http://example.com/a", "text/html; charset=iso-8859-1", page(1, "Café ").encode("latin-1")),
        ("http://example.com/img", "image/png", b"\x89PNG...."),
        ("http://example.com/b", "text/html", page(2).encode()),
    ])
    srcs = list(iter_sources([warc]))
    assert [s.url for s in srcs] == ["http://example.com/a", "http://example.com/b"]
    assert all(s.source.startswith(f"{warc}@") and s.id.startswith("<urn:uuid:") for s in srcs)
    rs = list(cleannews.extract_many([warc], workers=0))
    assert "Café" in rs[0].article.body  # decoded with the HTTP charset
    assert rs[0].article.url == "http://example.com/a"


def test_folders_and_jsonl(tmp_path):
    (tmp_path / "site" / "deep").mkdir(parents=True)
    (tmp_path / "site" / "b.html").write_text(page(2))
    (tmp_path / "site" / "deep" / "a.html.gz").write_bytes(gzip.compress(page(1).encode()))
    (tmp_path / "site" / "notes.pdf").write_bytes(b"%PDF")
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join([
        json.dumps({"url": "http://e.com/1", "html": page(3)}),
        json.dumps({"id": "r2", "text": "Title\n\n" + SENTENCE * 4, "kind": "text"}),
        "not json",
        json.dumps({"id": "r4"}),
        "",
        json.dumps([1, 2]),
    ]) + "\n")
    rs = list(cleannews.extract_many([tmp_path / "site", rows], workers=0))
    names = [r.source.replace(str(tmp_path), "") for r in rs]
    assert names == ["/site/b.html", "/site/deep/a.html.gz", "/rows.jsonl:1", "/rows.jsonl:2", "/rows.jsonl:3",
                     "/rows.jsonl:4", "/rows.jsonl:6"]
    assert rs[2].article.url == "http://e.com/1" and rs[3].id == "r2" and rs[3].ok
    assert [r.error.type for r in rs[4:]] == ["InputError"] * 3


@pytest.mark.process
def test_cli_workers_output_resume(tmp_path, capsys):
    d = tmp_path / "pages"
    d.mkdir()
    for i in range(4):
        (d / f"{i}.html").write_text(page(i))
    (d / "4.html").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--workers", "2", "-o", str(out), str(d)]) == 1  # one page is empty
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [Path(r["source"]).name for r in rows] == ["0.html", "1.html", "2.html", "3.html", "4.html"]
    assert rows[4]["error"]["type"] == "EmptyInputError"
    assert "4.html" in capsys.readouterr().err
    # A run killed mid-write leaves a torn line; resume cuts it and skips what is done.
    kept = out.read_text().splitlines()[:2]
    out.write_text("\n".join(kept) + "\n" + '{"source": "torn')
    (d / "5.html").write_text(page(5))
    assert main(["extract", "--resume", "-o", str(out), str(d)]) == 1
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert sorted(Path(r["source"]).name for r in rows) == [f"{i}.html" for i in range(6)]
    assert len(done_sources(out)) == 6
    assert main(["extract", "--resume", "-o", str(out), str(d)]) == 0  # nothing left to do
    assert len(out.read_text().splitlines()) == 6


def test_cli_resume_needs_output(capsys):
    assert main(["extract", "--resume", "x.html"]) == 2

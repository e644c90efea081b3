"""The datatrove step, for real: WarcReader -> CleannewsExtractor -> JsonlWriter on a WARC written here."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("warcio")
pytest.importorskip("orjson", reason="datatrove's JsonlWriter needs orjson")
pytest.importorskip("cchardet", reason="datatrove's WarcReader needs faust-cchardet")
pytest.importorskip("magic", reason="datatrove's WarcReader needs python-magic (and libmagic)")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import cleannews
from cleannews.integrations.datatrove import CleannewsExtractor

PARAS = [
    "The harbour authority confirmed on Monday that the dredging of the northern channel will begin in May and last six weeks.",
    "Fishing boats will use the southern channel while the work goes on, the authority said in a statement to its members.",
    "“We expect little disruption,” said Mara Quill, who chairs the traders' association, adding that two sailings would move.",
]
ARTICLE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Dredging to start in May | Harbour Post</title>"
    "<meta property='og:site_name' content='Harbour Post'>"
    "<meta name='author' content='Jon Reed'><meta property='article:published_time' content='2025-03-14T08:30:00+01:00'>"
    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Dredging to start in May</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article><footer>© Harbour Post</footer></body></html>"
)
EMPTY = "<html><head><title>x</title></head><body><div></div></body></html>"
CRAWL_DATE = "2025-03-15T10:00:00Z"


def write_warc(path: Path) -> None:
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, body, ctype in (
            ("https://harbour.example/news/dredging", ARTICLE.encode("utf8"), "text/html; charset=utf-8"),
            ("https://harbour.example/empty", EMPTY.encode("utf8"), "text/html"),
            ("https://harbour.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
        ):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": CRAWL_DATE})
            w.write_record(rec)


def test_warc_reader_extractor_jsonl_writer(tmp_path):
    crawl, out = tmp_path / "crawl", tmp_path / "out"
    crawl.mkdir()
    write_warc(crawl / "part-00000.warc.gz")
    LocalPipelineExecutor(
        pipeline=[WarcReader(str(crawl)), CleannewsExtractor(), JsonlWriter(str(out))],
        tasks=1, workers=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    rows = [json.loads(line) for f in sorted(out.glob("*.jsonl.gz")) for line in gzip.open(f, "rt", encoding="utf8")]
    assert len(rows) == 1, rows  # the empty page has no body and is dropped; the png is not read
    row = rows[0]
    direct = cleannews.extract(ARTICLE.encode("utf8"), url="https://harbour.example/news/dredging")
    assert row["text"] == direct.body and row["text"].startswith(PARAS[0])
    meta = row["metadata"]
    assert meta["url"] == "https://harbour.example/news/dredging"
    assert meta["date"].startswith("2025-03-15")  # the crawl date the reader stored is kept
    assert meta["article_title"] == direct.title == "Dredging to start in May"
    assert meta["article_authors"] == ["Jon Reed"]
    assert meta["article_date"] == direct.to_dict()["date"] and meta["article_date"].startswith("2025-03-14")
    assert meta["article_language"] == "en" and meta["article_is_article"] is True
    assert meta["article_quotes"] == [q.to_dict() for q in direct.quotes] and meta["article_quotes"]
    assert "article_body" not in meta and "article_blocks" not in meta
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf8"))
    mine = next(s for s in stats if "cleannews" in s["name"])
    assert mine["stats"]["total"] == 2 and mine["stats"]["dropped"] == 1 and mine["stats"]["forwarded"] == 1


def test_fields_prefix_and_refused_pages(tmp_path):
    from datatrove.data import Document

    step = CleannewsExtractor(fields=("title", "blocks"), prefix="", keep_non_articles=False)
    docs = [
        Document(text=ARTICLE, id="a", metadata={"url": "https://harbour.example/news/dredging"}),
        Document(text="\x00\x01\x02" * 400, id="binary", metadata={}),
        Document(text="   ", id="blank", metadata={}),
    ]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["a"]
    assert set(out[0].metadata) == {"url", "title", "blocks"} and out[0].metadata["title"] == "Dredging to start in May"
    assert step.stats["BinaryInputError"].total == 1 and step.stats["EmptyInputError"].total == 1
    with pytest.raises(ValueError, match="not Article fields"):
        CleannewsExtractor(fields=("title", "nonsense"))

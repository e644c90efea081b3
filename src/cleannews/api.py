"""The public entry points: thin wrappers over the pipeline."""

from __future__ import annotations

from collections.abc import Iterable

from cleannews.cleaners.base import Cleaner
from cleannews.models import Article, PageKind
from cleannews.pipeline import run


def extract(
    page: bytes | str,
    *,
    url: str | None = None,
    kind: PageKind | None = None,
    cleaners: Iterable[Cleaner | type[Cleaner] | str] | None = None,
) -> Article:
    """Extract the article from one page.

    `page` is HTML (bytes in any encoding, or str) or a plain-text or Markdown dump;
    `kind` ("html", "text", "markdown") is detected when None. `url` helps pick site
    cleaners and resolve relative links. `cleaners` adds Cleaner classes or instances
    for this call, or disables registered ones by "-name".

    Raises `cleannews.errors.InputError` for input that is not a page (wrong type,
    undecodable); an empty or non-article page gives an Article with
    `is_article=False` and a `reason`.
    """
    return run(page, url=url, kind=kind, cleaners=cleaners).article

"""The Cleaner base class: how site and generic knowledge plug into the pipeline.

A cleaner never deletes anything: it returns `Removal`s (block index, its name, a
reason, optionally the role of a metadata block), so the explain view can show why a
paragraph is missing. Most cleaners are pure data (`remove` CSS selectors for HTML,
`drop_lines` regexes for any kind); the hook `extra()` is there for the hard cases.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlsplit

from cleannews.models import Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

#: Site cleaners run before generic ones; within a tier, lower priority runs first.
SITE_PRIORITY = 10
GENERIC_PRIORITY = 100
#: How much of a page a site marker is searched in: markers (a logo alt text, a
#: footer tagline) sit in the first or last part of a page, and scanning all of a
#: 50 MB page per registered site would be waste.
MARKER_SCAN_CHARS = 20_000


#: Furniture lines are short; a long block is never a "line" to drop, and skipping long
#: blocks keeps the patterns' cost bounded on hostile input.
MAX_DROP_LINE_CHARS = 400


@lru_cache(maxsize=1024)
def _line_patterns(lines: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """One alternation to test every block once; the parts to name the one that matched."""
    parts = tuple(re.compile(p, re.I) for p in lines)
    return re.compile("|".join(f"(?:{p})" for p in lines), re.I), parts


class Cleaner:
    """Base class for cleaners. Subclass, set the class attributes, `register` it.

    - `name`: unique.
    - `domains`: hosts this cleaner is for ("republicworld.com" matches subdomains too);
      empty means generic (applies to every page).
    - `url_patterns`: regexes on the url, an alternative to domains.
    - `markers`: regexes that identify the site from its own page furniture when no url
      is given (searched in the first and last MARKER_SCAN_CHARS characters).
    - `kinds`: page kinds it applies to.
    - `remove`: CSS selectors; every block inside a matching element is removed (HTML).
    - `drop_lines`: regexes; a block whose whole text matches is removed (every kind).
    - `priority`: order within its tier.
    """

    name: ClassVar[str] = ""
    domains: ClassVar[tuple[str, ...]] = ()
    url_patterns: ClassVar[tuple[str, ...]] = ()
    markers: ClassVar[tuple[str, ...]] = ()
    kinds: ClassVar[tuple[str, ...]] = ("html", "text", "markdown")
    remove: ClassVar[tuple[str, ...]] = ()
    drop_lines: ClassVar[tuple[str, ...]] = ()
    priority: ClassVar[int] = GENERIC_PRIORITY

    @property
    def is_site(self) -> bool:
        return bool(self.domains or self.url_patterns or self.markers)

    def sort_key(self) -> tuple[int, int, str]:
        return (0 if self.is_site else 1, self.priority, self.name)

    def applies(self, doc: Document) -> bool:
        """Whether this cleaner should run on `doc`: kind, then site identity."""
        if doc.page.kind not in self.kinds:
            return False
        if not self.is_site:
            return True
        url = doc.page.url
        if url:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
            if any(host == d or host.endswith("." + d) for d in self.domains):
                return True
            if any(re.search(p, url) for p in self.url_patterns):
                return True
            if self.domains or self.url_patterns:
                return False  # a url that is another site's: markers must not override it
        text = doc.page.text
        scan = text if len(text) <= 2 * MARKER_SCAN_CHARS else text[:MARKER_SCAN_CHARS] + text[-MARKER_SCAN_CHARS:]
        return any(re.search(m, scan, re.M) for m in self.markers)

    def clean(self, doc: Document, removed: Mapping[int, Removal]) -> list[Removal]:
        """Apply the declarative rules, then `extra()`. `removed` holds earlier decisions."""
        out: list[Removal] = []
        if self.remove and doc.tree is not None:
            from cleannews.cleaners.select import blocks_under_selectors

            for index, selector in blocks_under_selectors(doc, self.remove):
                if index not in removed:
                    out.append(Removal(index, self.name, f"inside {selector}"))
        if self.drop_lines:
            combined, patterns = _line_patterns(self.drop_lines)
            for block in doc.blocks:
                if block.index in removed or len(block.text) > MAX_DROP_LINE_CHARS:
                    continue
                text = block.text.strip()
                if combined.fullmatch(text):
                    which = next((p.pattern for p in patterns if p.fullmatch(text)), combined.pattern)
                    out.append(Removal(block.index, self.name, f"line matches {which!r}"))
        seen = {r.index for r in out}
        for r in self.extra(doc, removed):
            if r.index not in removed and r.index not in seen:
                out.append(r)
                seen.add(r.index)
        return out

    def extra(self, doc: Document, removed: Mapping[int, Removal]) -> Iterable[Removal]:
        """Hook for rules that are not a selector or a line pattern. Default: none."""
        return ()

    def __repr__(self) -> str:
        return f"<Cleaner {self.name}>"

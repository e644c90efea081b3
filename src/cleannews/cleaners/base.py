"""The Cleaner base class: how site and generic knowledge plug into the pipeline.

A cleaner never deletes anything: it returns `Removal`s (block index, its name, a
reason, optionally the role of a metadata block), so the explain view can show why a
paragraph is missing. Most cleaners are pure data (`remove` CSS selectors for HTML,
`drop_lines` regexes for any kind); the hook `extra()` is there for the hard cases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Union
from urllib.parse import urlsplit

from cleannews.errors import CleanerError
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
    - `site`: the folder of its fixtures (`fixtures/<site>/`); defaults to the last part
      of the module that defines it (`cleaners/sites/republicworld.py` -> "republicworld").

    A plain function can be a cleaner too: see `Cleaner.from_function` and `cleaner()`.
    """

    name: ClassVar[str] = ""
    domains: ClassVar[tuple[str, ...]] = ()
    url_patterns: ClassVar[tuple[str, ...]] = ()
    markers: ClassVar[tuple[str, ...]] = ()
    kinds: ClassVar[tuple[str, ...]] = ("html", "text", "markdown")
    remove: ClassVar[tuple[str, ...]] = ()
    drop_lines: ClassVar[tuple[str, ...]] = ()
    priority: ClassVar[int] = GENERIC_PRIORITY
    site: ClassVar[str] = ""

    @property
    def fixture_site(self) -> str:
        """The fixtures folder name for this cleaner (`site`, else its module's last part)."""
        return self.site or type(self).__module__.rsplit(".", 1)[-1]

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
            # The pattern each text matched (None: none), for this page: a fifth of a
            # page's short blocks repeat an earlier one (menus, share rows; scrapinghub).
            matched: dict[str, str | None] = {}
            for block in doc.blocks:
                if block.index in removed or len(block.text) > MAX_DROP_LINE_CHARS:
                    continue
                text = block.text.strip()
                if text in matched:
                    which = matched[text]
                else:
                    which = None
                    if combined.fullmatch(text):
                        which = next((p.pattern for p in patterns if p.fullmatch(text)), combined.pattern)
                    matched[text] = which
                if which is not None:
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

    @classmethod
    def from_function(
        cls,
        name: str,
        fn: CleanerFunction,
        *,
        domains: Iterable[str] = (),
        url_patterns: Iterable[str] = (),
        markers: Iterable[str] = (),
        kinds: Iterable[str] = ("html", "text", "markdown"),
        remove: Iterable[str] = (),
        drop_lines: Iterable[str] = (),
        priority: int | None = None,
        site: str = "",
    ) -> Cleaner:
        """Wrap a plain function as a cleaner instance (not registered: pass it to `register`).

        `fn(doc, removed)` returns or yields, for each block it removes, a `Removal`, a
        `(index, reason)` pair or a bare block index (reason: the function's name); a
        Removal's `cleaner` is set to `name`. The keyword arguments are the class
        attributes of the same names.
        """
        if not name:
            raise CleanerError("a function cleaner needs a name")
        if not callable(fn):
            raise CleanerError(f"not callable: {fn!r}")
        label = getattr(fn, "__name__", "function")
        attrs: dict[str, Any] = {
            "name": name,
            "domains": tuple(domains),
            "url_patterns": tuple(url_patterns),
            "markers": tuple(markers),
            "kinds": tuple(kinds),
            "remove": tuple(remove),
            "drop_lines": tuple(drop_lines),
            "site": site,
            "function": staticmethod(fn),
            "__module__": getattr(fn, "__module__", None) or __name__,
            "__qualname__": getattr(fn, "__qualname__", label),
            "__doc__": getattr(fn, "__doc__", None),
        }
        if priority is not None:
            attrs["priority"] = priority
        elif attrs["domains"] or attrs["url_patterns"] or attrs["markers"]:
            attrs["priority"] = SITE_PRIORITY
        new: type[Cleaner] = type(f"FunctionCleaner[{name}]", (_FunctionCleaner,), attrs)
        return new()


#: What a function cleaner may return for each block it removes.
RemovalLike = Union[Removal, "tuple[int, str]", int]
CleanerFunction = Callable[["Document", Mapping[int, Removal]], Iterable[RemovalLike]]


class _FunctionCleaner(Cleaner):
    """A cleaner whose `extra()` is a plain function (built by `Cleaner.from_function`)."""

    function: ClassVar[Callable[..., Iterable[RemovalLike]]]

    def extra(self, doc: Document, removed: Mapping[int, Removal]) -> Iterable[Removal]:
        label = getattr(self.function, "__name__", "function")
        for item in self.function(doc, removed) or ():
            if isinstance(item, Removal):
                yield item if item.cleaner == self.name else Removal(item.index, self.name, item.reason, item.role)
            elif isinstance(item, tuple):
                index, reason = item
                yield Removal(int(index), self.name, str(reason))
            elif isinstance(item, int):
                yield Removal(item, self.name, f"removed by {label}()")
            else:
                raise CleanerError(f"cleaner {self.name!r} returned {item!r}: expected a Removal, (index, reason) or index")

    def __repr__(self) -> str:
        return f"<Cleaner {self.name} (function {getattr(self.function, '__qualname__', '?')})>"


def cleaner(name: str, **options: Any) -> Callable[[CleanerFunction], Cleaner]:
    """Decorator form of `Cleaner.from_function`: `@register` above `@cleaner(...)` registers it.

        @register
        @cleaner("example.promo", domains=("example.org",))
        def promo(doc, removed):
            return [(b.index, "promo box") for b in doc.blocks if b.text.startswith("PROMO")]
    """

    def wrap(fn: CleanerFunction) -> Cleaner:
        return Cleaner.from_function(name, fn, **options)

    return wrap

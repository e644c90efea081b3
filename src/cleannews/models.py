"""The plain typed objects that flow one way through the pipeline.

Every stage takes some of these and returns new ones; nothing here is mutated
after it is built (all dataclasses are frozen), which is what keeps output
deterministic and the library safe to call from many threads at once.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from dataclasses import dataclass, field
from typing import Any, Literal
from collections.abc import Mapping

PageKind = Literal["html", "text", "markdown"]
#: The kind of page a file holds, by its suffix (after a ".gz"): the one map the CLI,
#: the batch reader, the fixture plugin and the site scaffold read. The first suffix
#: of each kind is the one written.
PAGE_SUFFIXES: Mapping[str, PageKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}


class BlockKind(str, enum.Enum):
    """What a block is. Body blocks keep their kind so renderers can restore structure."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    BLOCKQUOTE = "blockquote"
    TABLE = "table"
    CODE = "code"
    IMAGE = "image"  # an image placeholder (Markdown ![alt](src), <img> standing alone)
    CAPTION = "caption"  # figcaption and the like: goes to Article.images, never the body


@dataclass(frozen=True)
class Page:
    """A decoded page: the output of `load`."""

    text: str
    kind: PageKind
    url: str | None = None
    encoding: str | None = None  # the charset the bytes were decoded with, if they were bytes


@dataclass(frozen=True)
class Block:
    """One unit of text, the same type for HTML, plain text and Markdown.

    For HTML, `node` is the id of the element that produced the block and `ancestors`
    the ids of the elements above it (root first), so selector-based cleaners and the
    container scorer can reason about the tree without holding the tree. For dumps,
    `line` is the first source line and `ancestors` is empty.
    """

    index: int
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0  # heading level (1-6), list nesting depth, else 0
    tag: str = ""  # HTML tag or a dump's pseudo tag ("line", "md-heading", ...)
    path: str = ""  # a readable DOM path: "body/div.article/p"
    cues: str = ""  # lower-cased class and id tokens of the element and its ancestors
    link_chars: int = 0  # characters of text that sit inside links
    node: int = -1
    ancestors: tuple[int, ...] = ()
    line: int = -1
    attrs: Mapping[str, str] = field(default_factory=dict)  # a few raw attributes (src, alt, href)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


class Role(str, enum.Enum):
    """What a block a cleaner took out of the body is, when it is metadata in the
    wrong place rather than noise: the cleaners mark it, the metadata readers (HTML
    and dumps alike) and the scorers read it. str-valued, so `Role.DATE == "date"`."""

    TITLE = "title"
    DESCRIPTION = "description"
    SECTION = "section"
    SITE_NAME = "site_name"
    BYLINE = "byline"
    DATE = "date"
    MODIFIED = "modified"
    CAPTION = "caption"
    CREDIT = "credit"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


@dataclass(frozen=True)
class Removal:
    """A cleaner's decision: block `index` is not article text, and why.

    `role` says what the block is when it is not noise but metadata in the wrong
    place (a dump's "Published ..." line is role DATE, "By X |" is BYLINE, an image
    credit line is CAPTION), so the metadata stage can read it. A role given as its
    string ("date") is turned into the `Role`; an unknown one is a ValueError.
    """

    index: int
    cleaner: str
    reason: str
    role: Role | None = None

    def __post_init__(self) -> None:
        if self.role is not None and not isinstance(self.role, Role):
            object.__setattr__(self, "role", Role(self.role))


@dataclass(frozen=True)
class Image:
    src: str | None = None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"src": self.src, "caption": self.caption, "credit": self.credit, "alt": self.alt}


@dataclass(frozen=True)
class Quote:
    """A direct quotation found in the body.

    `start`/`end` are character offsets of `text` in `Article.body`
    (so `body[start:end] == text`). A quotation the reporter splits ('"A," she
    said. "B."', or one running over paragraphs) is one Quote per piece, each with
    its own offsets and the same speaker; `continues` is the index in
    `Article.quotes` of the piece just before (None for a first or only piece),
    so the pieces link into one quotation without losing exact offsets.
    """

    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    partial: bool = False
    start: int = -1
    end: int = -1
    continues: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "cue": self.cue,
            "partial": self.partial,
            "start": self.start,
            "end": self.end,
            "continues": self.continues,
        }


@dataclass(frozen=True)
class BodyBlock:
    """A block of the extracted body, as it appears in `Article.blocks`."""

    kind: BlockKind
    text: str
    level: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "text": self.text, "level": self.level}


@dataclass(frozen=True)
class ArticleHead:
    """The fields an article's head gives, in this order at the front of both the
    metadata stage's `Metadata` and the `Article` (declared once for the two)."""

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    byline: str | None = None
    date: _dt.datetime | _dt.date | None = None
    modified: _dt.datetime | _dt.date | None = None


@dataclass(frozen=True)
class Metadata(ArticleHead):
    """What the metadata stage reads; the assembler folds it into the Article."""

    site_name: str | None = None
    language: str | None = None
    section: str | None = None
    url: str | None = None
    images: tuple[Image, ...] = ()
    #: What a source failed on, one line each ("jsonld: ValueError: ...", "htmldate:
    #: ..."): the page's faults the stage caught and worked around, for the Trace and
    #: the explain view. Never copied into the Article.
    errors: tuple[str, ...] = ()
    #: Each date source's answer, (source, ISO value), in the vote's order ("jsonld",
    #: "meta", "time", "visible", "line", "url", ...): for the explain view.
    date_candidates: tuple[tuple[str, str], ...] = ()
    #: Blocks the stage read a field from, (block index, field): the headline, the
    #: byline line, image captions. For the explain view; not copied into the Article.
    read_blocks: tuple[tuple[int, str], ...] = ()


def _iso(v: _dt.datetime | _dt.date | None) -> str | None:
    return v.isoformat() if v is not None else None


@dataclass(frozen=True)
class Article(ArticleHead):
    """The result of `extract`: a clean, structured article.

    `date` is a timezone-aware `datetime` where the page gives a time with its zone,
    a naive `datetime` where it gives a time without one, a `date` where it gives only
    the day, and None where it gives nothing. `page_type` says what the page is
    (`article`, `forum`, `product`, `collection`, `listing`, `documentation`,
    `service`: WCXB's taxonomy; or `error` for error and empty pages); `is_article`
    is `page_type == "article"`, and `reason` says why when it is not. The body holds
    the page's main content whatever its type.
    The head's fields (title ... modified) come first, from `ArticleHead`.
    """

    body: str = ""
    blocks: tuple[BodyBlock, ...] = ()
    quotes: tuple[Quote, ...] = ()
    images: tuple[Image, ...] = ()
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    section: str | None = None
    is_article: bool = True
    reason: str | None = None
    page_type: str = "article"

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form documented in docs/article.md."""
        return {
            "title": self.title,
            "description": self.description,
            "authors": list(self.authors),
            "byline": self.byline,
            "date": _iso(self.date),
            "modified": _iso(self.modified),
            "body": self.body,
            "blocks": [b.to_dict() for b in self.blocks],
            "quotes": [q.to_dict() for q in self.quotes],
            "images": [i.to_dict() for i in self.images],
            "site_name": self.site_name,
            "url": self.url,
            "language": self.language,
            "section": self.section,
            "page_type": self.page_type,
            "is_article": self.is_article,
            "reason": self.reason,
        }

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def to_markdown(self) -> str:
        """Render title, byline line and the structured body as Markdown."""
        from cleannews.render import article_markdown

        return article_markdown(self)

"""HTML -> blocks.

One pass over the parsed tree (lxml's C-level `iterwalk`) that cuts the text into
blocks at block-level element boundaries, like a browser's layout would, and records
for each block the features the cleaners and the scorer need: its kind, DOM path,
class/id cues, characters inside links, and the ids of its ancestor elements.
Text that a reader never sees is not text: scripts, styles, templates, `<noscript>`,
form controls, and elements hidden by `hidden`, `aria-hidden` or inline
`display:none` / `visibility:hidden` are skipped whole.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

import numpy as np
from lxml import etree

from cleannews.document import Document
from cleannews.models import Block, BlockKind, Image, Page

#: Subtrees that are never visible text. MathML (<math>) is text: its tokens are the
#: formula a sentence reads through ("the expression 3x−1 is ..."); only its TeX or
#: XML source annotations are skipped.
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe object embed head input select option "
    "textarea button canvas audio video source track map area dialog annotation annotation-xml".split()
)
#: Skipped tags that sometimes hold the page's text after all: a `<noscript>` with the
#: whole thread for browsers without JavaScript (Discourse forums put every post there),
#: and a `<button>` left open by bad markup, which the parser then makes the parent of
#: the rest of the page (seen on wcxb-dev: four articles of one CMS came back empty).
_HOLDERS = frozenset(("noscript", "button"))
#: A holder with at least this many characters of text in block elements is walked:
#: a real button label or a "please enable JavaScript" notice is a sentence or two.
HOLDER_TEXT_CHARS = 1000
_HOLDER_TEXT = etree.XPath("string-length(normalize-space(string(.)))")


def _holds_page_text(el: Any) -> bool:
    """A `<noscript>` or `<button>` that holds page text in paragraphs (see _HOLDERS)."""
    # One C-level search for any of the three (the element itself is a <noscript> or a
    # <button>, never one of them), not three ElementPath look-ups run in Python.
    if next(el.iter("p", "div", "li"), None) is None:
        return False
    return bool(_HOLDER_TEXT(el) >= HOLDER_TEXT_CHARS)


#: Table cells are not blocks of their own: a row is one block (cells separated by a
#: space), so a data table reads as rows, not as a shower of one-word blocks.
CELL_TAGS = frozenset(("td", "th"))
#: Elements that start a new block (a line break in rendered text).
BLOCK_TAGS = frozenset(
    "p div section article main header footer aside nav ul ol dl li dt dd blockquote pre "
    "table thead tbody tfoot tr caption figure figcaption form fieldset legend address "
    "h1 h2 h3 h4 h5 h6 hr center details summary body html menu noframes".split()
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: <br> is written into the text buffer as this marker (load() strips NULs from input,
#: so it cannot occur in text); two of them with only space between end a paragraph.
BR = "\x00"
#: A table cell starts with this marker; a row's block keeps its cells apart with a tab.
CELL = "\x01"
_PARA_BREAK = re.compile(r"\x00\s*\x00")
#: Lazy-loading attributes, in the order sites use them; the first that holds a
#: real url wins over a placeholder `src` (data: URIs, 1x1 gifs).
LAZY_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-srcset", "srcset", "src")
#: An id with this many hyphens is a slug made from a heading ("sharing-mutable-history"
#: in Sphinx and wiki pages), whose words say nothing about the element's role.
SLUG_ID_HYPHENS = 2
#: How many characters of an attribute value we keep: huge attributes (inline data
#: URIs, serialized state) are not features, and copying them costs memory.
MAX_ATTR_CHARS = 2048
#: How many characters of a block's inherited cues and DOM path we keep, nearest
#: element last. Both grow with depth, and every block-level element holds its own
#: copy, so uncapped they make memory depth x elements (a 0.6 MB page of 250 nested
#: divs with long classes took 1.8 GB). Real pages stay under 4,000 and 600.
MAX_CUES_CHARS = 4096
MAX_PATH_CHARS = 1024

#: `collect_ids=False`: no stage looks elements up by id (XPath id(), getelementbyid), so
#: libxml2 need not hash every id attribute.
_PARSER_OPTIONS: dict[str, Any] = dict(remove_comments=True, remove_pis=True, no_network=True, recover=True, collect_ids=False)


def _parser() -> etree.HTMLParser:
    # A parser per call: lxml parsers are not safe to share between threads. Plain
    # etree elements, not lxml.html's: its per-element class lookup doubles walk time.
    return etree.HTMLParser(**_PARSER_OPTIONS)


#: Nesting kept when a page is deeper than libxml2's limit (256 levels without
#: XML_PARSE_HUGE, at which it stops reading the page and drops the rest). Tags deeper
#: than this are taken out, so their content joins the element at this depth: text is
#: kept, and the walk's per-element ancestor chains stay as short as they are on any
#: page lxml accepts (`huge_tree` would lift the limit to thousands of levels, where
#: those chains cost depth x elements memory). Counted on the tag stream, with room
#: for the elements libxml2 adds (html, body) and the ones it closes itself.
MAX_NESTING = 200
#: A tag, split into (the whole tag, "/" of an end tag, its name): `re.split` with these
#: groups hands every tag to the depth count at C speed.
_TAG_SPLIT = re.compile(r"(<(/?)([A-Za-z][^\s/>]*)[^>]*>)")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def flatten_nesting(text: str, max_depth: int = MAX_NESTING) -> str:
    """`text` without the start and end tags nested deeper than `max_depth` (a tag
    count, not a parse: enough to bring a page under the parser's depth limit).

    Void and self-closed tags do not count; a start tag opens a level, an end tag
    closes one (none below the top). The level after each tag is the running sum of
    those steps less its lowest point so far (the walk floored at zero), so the count
    is a few array scans: a start tag met at `max_depth` or deeper is taken out, and so
    is an end tag met deeper than `max_depth` (it closes such a tag)."""
    pieces = _TAG_SPLIT.split(text)  # text, (tag, slash, name), text, ...
    tags = pieces[1::4]
    if not tags:
        return text
    void = _VOID_TAGS
    steps = np.fromiter(
        (0 if tag[-2] == "/" or name.lower() in void else -1 if slash else 1
         for tag, slash, name in zip(tags, pieces[2::4], pieces[3::4])),
        dtype=np.int64, count=len(tags),
    )
    level = np.cumsum(steps)
    level -= np.minimum.accumulate(np.minimum(level, 0))
    before = np.concatenate(([0], level[:-1]))  # the level each tag meets
    cut = ((steps > 0) & (before >= max_depth)) | ((steps < 0) & (before > max_depth))
    if not cut.any():
        return text
    for k in np.flatnonzero(cut).tolist():
        tags[k] = ""
    tags.append("")
    return "".join(chain.from_iterable(zip(pieces[0::4], tags)))


def _too_deep(parser: etree.HTMLParser) -> bool:
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log)


def parse_html(text: str) -> Any:
    """Parse to an lxml root; None when there is nothing to parse. A page nested deeper
    than libxml2 reads is parsed again with its deepest tags taken out
    (`flatten_nesting`), rather than cut off where the limit was hit."""
    parser = _parser()
    try:
        root = etree.fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        # ValueError: a str with an XML encoding declaration; parse its bytes instead.
        parser = etree.HTMLParser(encoding="utf-8", **_PARSER_OPTIONS)
        try:
            root = etree.fromstring(text.encode("utf-8"), parser=parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return None
    if _too_deep(parser):
        flat = flatten_nesting(text)
        if flat != text:
            return parse_html(flat)
    return root


#: Inline-style words without which a style cannot hide (a cheap test before the regex).
_STYLE_WORDS = ("none", "hidden", "NONE", "HIDDEN")
#: A hidden element with at least this many characters, holding at least
#: HIDDEN_PAGE_SHARE of the page's text, is the page itself waiting for a script to
#: show it (an anti-flicker `visibility:hidden` wrapper, a server-rendered React
#: stream in `<div hidden>`), not text a reader never sees: on wcxb-dev two pages
#: (an article, a docs page) had their whole text in one.
HIDDEN_PAGE_CHARS = 2000
HIDDEN_PAGE_SHARE = 0.5
_TEXT_LENGTH = etree.XPath("string-length(string(.))")
_VISIBLE_TEXT = etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::template)]")


def _is_page_itself(el: Any, root: Any, page_chars: list[float]) -> bool:
    """A hidden element that is the page waiting for a script (HIDDEN_PAGE_CHARS,
    HIDDEN_PAGE_SHARE). `page_chars` memoises the page's visible text length for the
    walk (empty until a large hidden element asks for it)."""
    n = _TEXT_LENGTH(el)
    if n < HIDDEN_PAGE_CHARS:
        return False
    if not page_chars:
        page_chars.append(float(sum(len(t) for t in _VISIBLE_TEXT(root))))
    return bool(n >= HIDDEN_PAGE_SHARE * page_chars[0])


#: A hidden element whose class names it the paywalled part of the text: metered
#: paywalls (Vocento's sites among them) serve the rest of the article in
#: `<div class="paywall" hidden>` and show it to subscribers; it is the article's
#: text (fundus-dev's truth holds it, as trafilatura's output does).
_PAYWALL_CLASS = re.compile(r"(?:^|[\s_-])paywall(?:ed)?(?:$|[\s_-])", re.I)


def _is_paywalled(el: Any) -> bool:
    cls = el.get("class")
    return cls is not None and _PAYWALL_CLASS.search(cls) is not None


#: Schemes that run code instead of naming a resource: never an image's url.
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def is_script_url(url: str) -> bool:
    """A `javascript:` (or `vbscript:`) url, as a browser reads it: case-insensitive,
    ignoring the spaces, tabs, newlines and control characters it ignores inside one."""
    return _URL_NOISE.sub("", url[:64]).lower().startswith(SCRIPT_SCHEMES)


def _largest_candidate(srcset: str) -> str:
    """The largest image a srcset offers ("a.jpg 800w, b.jpg 1600w" -> "b.jpg"): by its
    width or density descriptor; the first candidate when none has one."""
    best, best_size = "", -1.0
    for cand in srcset.split(", "):
        parts = cand.strip().split()
        if not parts:
            continue
        size = 0.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit() and parts[1][-1:] in ("w", "x"):
            size = float(parts[1][:-1])
        if size > best_size:
            best, best_size = parts[0], size
    return best


def _image_src(el: Any) -> str | None:
    """The image's address: the known lazy-loading attributes first, then any other
    attribute named like one ("data-flickity-lazyload-srcset"); from a srcset, its
    largest candidate."""
    names = [n for n in LAZY_SRC_ATTRS if el.get(n)]
    names += [n for n in el.attrib if n not in LAZY_SRC_ATTRS and n.startswith("data-") and "src" in n]
    for name in names:
        v = el.get(name).strip()[:MAX_ATTR_CHARS]
        if "srcset" in name:
            v = _largest_candidate(v)
        if v and not v.startswith("data:") and not is_script_url(v):
            return str(v)
    return None


#: What the walk keeps for each open block element: (node id, ancestor ids, DOM path,
#: inherited cues, tag, kind, level), the arguments of the blocks its text becomes.
_Frame = tuple[int, tuple[int, ...], str, str, str, BlockKind, int]
#: Block's fields in order, for `_new_block` (tests/test_html_document.py checks them
#: against `dataclasses.fields(Block)`).
BLOCK_FIELDS = ("index", "text", "kind", "level", "tag", "path", "cues", "link_chars", "node", "ancestors", "line", "attrs")
_new_object = object.__new__


def _new_block(
    index: int, text: str, kind: BlockKind, level: int, tag: str, path: str, cues: str, link_chars: int, node: int, ancestors: tuple[int, ...]
) -> Block:
    """`Block(index, text, kind, level, tag, path, cues, link_chars, node, ancestors)`,
    equal to it field for field, at a third of the cost: a frozen dataclass's
    `__init__` sets each of its 12 fields through `object.__setattr__`, which made
    block creation ~4% of a page's time (scrapinghub, 28k blocks a round)."""
    block: Block = _new_object(Block)
    block.__dict__.update(
        index=index, text=text, kind=kind, level=level, tag=tag, path=path, cues=cues,
        link_chars=link_chars, node=node, ancestors=ancestors, line=-1, attrs={},
    )
    return block


class _Builder:
    """Accumulates inline text and emits blocks; lives for one page only."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.images: list[tuple[int, Image]] = []
        self.buf: list[str] = []
        self.link_chars = 0
        self.node_cues: dict[int, str] = {}
        self.node_tags: dict[int, str] = {}
        self.node_parent: dict[int, int] = {}

    def flush(self, frame: _Frame) -> None:
        """Emit the buffered text as the blocks of `frame`'s element (the walk calls it
        only with a non-empty buffer)."""
        owner, ancestors, path, cues, tag, kind, level = frame
        raw = "".join(self.buf)
        link_chars = self.link_chars
        self.buf.clear()  # in place: the walk holds a reference to this list
        self.link_chars = 0
        blocks = self.blocks
        if kind is not BlockKind.CODE and BR not in raw and CELL not in raw:
            # The common case (most blocks): one line of text, no markers. An all-space
            # buffer gives no words, so no block.
            text = " ".join(raw.split())
            if text:
                n = len(text)
                block: Block = _new_object(Block)
                block.__dict__.update(
                    index=len(blocks), text=text, kind=kind, level=level, tag=tag, path=path, cues=cues,
                    link_chars=link_chars if link_chars < n else n, node=owner, ancestors=ancestors, line=-1, attrs={},
                )
                blocks.append(block)
            return
        if raw.isspace():
            return
        if kind is BlockKind.CODE:
            # Code keeps its lines and indentation; only the ends are trimmed.
            lines = [ln.rstrip() for ln in raw.replace(BR, "\n").split("\n")]
            code = "\n".join(lines).strip("\n")
            if code.strip():
                lc = min(link_chars, len(code))
                blocks.append(_new_block(len(blocks), code, kind, level, tag, path, cues, lc, owner, ancestors))
            return
        if CELL in raw:
            if kind is BlockKind.TABLE:
                cells = (" ".join(c.replace(BR, " ").split()) for c in raw.split(CELL))
                row = "\t".join(c for c in cells if c)
                if row:
                    blocks.append(_new_block(len(blocks), row, kind, level, tag, path, cues, min(link_chars, len(row)), owner, ancestors))
                return
            raw = raw.replace(CELL, " ")
        if BR not in raw:
            text = " ".join(raw.split())
            if text:
                blocks.append(_new_block(len(blocks), text, kind, level, tag, path, cues, min(link_chars, len(text)), owner, ancestors))
            return
        for part in _PARA_BREAK.split(raw):
            text = " ".join(part.replace(BR, " ").split())
            if not text:
                continue
            lc = min(link_chars, len(text))
            link_chars -= lc
            blocks.append(_new_block(len(blocks), text, kind, level, tag, path, cues, lc, owner, ancestors))




def _kind_of(tag: str, in_pre: bool) -> tuple[BlockKind, int]:
    if tag in HEADINGS:
        return BlockKind.HEADING, HEADINGS[tag]
    if tag in ("li", "dd", "dt"):
        return BlockKind.LIST_ITEM, 0
    if tag == "blockquote":
        return BlockKind.BLOCKQUOTE, 0
    if tag in ("tr", "caption"):
        return BlockKind.TABLE, 0
    if tag == "figcaption":
        return BlockKind.CAPTION, 0
    if in_pre or tag == "pre":
        return BlockKind.CODE, 0
    return BlockKind.PARAGRAPH, 0


_ROOT_FRAME: _Frame = (-1, (), "", "", "", BlockKind.PARAGRAPH, 0)
#: `_kind_of(tag, False)` for every block tag, read once (inside <pre> it is called).
_KINDS = {tag: _kind_of(tag, False) for tag in BLOCK_TAGS}


#: A page whose visible text is under this many characters while its hidden parts
#: hold more is read again with those parts shown: forum software serves the whole
#: thread inside <noscript> for clients without JavaScript (Discourse), streaming
#: React pages put the content in `<div hidden>` until a script moves it, and broken
#: markup can leave a page inside one <button>. Seen on WCXB's development pages: 40
#: of 1,497 came out with no block at all (25 of them forums).
MIN_VISIBLE_CHARS = 200
#: ...and the second reading is used only when it adds at least this many characters:
#: a real post or article, not a "please enable JavaScript" notice.
MIN_SHOWN_GAIN = 500
#: What the second reading still skips: never text a reader sees, on any page.
ALWAYS_SKIP = frozenset("script style template svg head iframe object embed canvas audio video source track map area".split())


def build_html(page: Page) -> Document:
    """Segment a page into blocks (read again with hidden parts shown when nearly
    nothing is visible, see MIN_VISIBLE_CHARS).

    Node ids are preorder positions of the tree's nodes as `root.iter()` yields them
    (skipped subtrees are counted, not visited), so `cleaners.select` can map elements
    to ids later. The walk keeps that preorder sequence (`Document.elements`, which the
    later stages read on every page) instead of a second pass building it.

    The second reading is made only when the first skipped something it would show
    (a hidden element, or a tag outside ALWAYS_SKIP): otherwise it would make the same
    decisions at every element and give the same blocks (most small pages).
    """
    root = parse_html(page.text)
    if root is None:
        return Document(page=page, blocks=(), tree=None)
    doc, showable = _walk(page, root, SKIP_TAGS, True)
    if not showable or sum(len(b.text) for b in doc.blocks) >= MIN_VISIBLE_CHARS:
        return doc
    shown, _ = _walk(page, root, ALWAYS_SKIP, False)
    if sum(len(b.text) for b in shown.blocks) >= sum(len(b.text) for b in doc.blocks) + MIN_SHOWN_GAIN:
        return shown
    return doc


#: What the walk does with an element, by tag (`_tag_codes`): inline elements (the
#: default) only add their text; one dict look-up an element replaces a chain of
#: set and string tests.
_INLINE, _BLOCK, _LINK, _IMG, _BR, _CELL, _SKIP = range(7)


def _tag_codes(skip_tags: frozenset[str]) -> dict[str, int]:
    codes = dict.fromkeys(BLOCK_TAGS, _BLOCK)
    codes.update({"a": _LINK, "img": _IMG, "br": _BR})
    codes.update(dict.fromkeys(CELL_TAGS, _CELL))
    codes.update(dict.fromkeys(skip_tags, _SKIP))
    return codes


#: The two tables the two readings use (read-only after import).
_CODES = {SKIP_TAGS: _tag_codes(SKIP_TAGS), ALWAYS_SKIP: _tag_codes(ALWAYS_SKIP)}


def _walk(page: Page, root: Any, skip_tags: frozenset[str], skip_hidden: bool) -> tuple[Document, bool]:
    """The blocks of the tree, and whether a subtree was skipped that a reading with
    ALWAYS_SKIP and nothing hidden would show. `skip_hidden`: skip the elements
    hidden by attribute or inline style (unless `_is_page_itself`).

    Whitespace met while the buffer is empty is not buffered outside <pre>: a block's
    text is its buffer's words joined by single spaces, so leading whitespace never
    shows, and most buffers between block tags hold nothing else."""
    b = _Builder()
    showable = False
    buf = b.buf
    flush = b.flush
    frames: list[_Frame] = [_ROOT_FRAME]
    elements: list[Any] = []  # every node in preorder, skipped subtrees included
    add_element = elements.append
    links: list[bool] = []  # for each open <a>: whether it counts as a link
    link_depth = 0
    pre_depth = 0
    quote_depth = 0  # inside <blockquote>: descendants' blocks stay block quotes
    page_chars: list[float] = []
    skipping = False  # the next event is the end of a subtree just skipped
    node_tags = b.node_tags
    node_parent = b.node_parent
    node_cues = b.node_cues
    codes = _CODES.get(skip_tags) or _tag_codes(skip_tags)
    code_of = codes.get
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            node = len(elements)
            add_element(el)
            code = code_of(tag, _INLINE)
            if code == _INLINE and tag.__class__ is not str:  # comments, PIs, entities
                continue
            if (code == _SKIP and not (tag in _HOLDERS and _holds_page_text(el))) or (
                # Hidden: `hidden`, `aria-hidden="true"`, or an inline style that hides (the
                # cheap _STYLE_WORDS test, then the regex); tested inline, as a call per
                # element cost more than the test (and an XPath for the candidates, run
                # by libxml2 over the whole tree, more than both).
                skip_hidden
                and (
                    el.get("hidden") is not None
                    or el.get("aria-hidden") == "true"
                    or ((style := el.get("style")) is not None and any(w in style for w in _STYLE_WORDS) and _HIDDEN_STYLE.search(style) is not None)
                )
                and not _is_page_itself(el, root, page_chars)
                and not _is_paywalled(el)
            ):
                if len(el):
                    elements.extend(el.iterdescendants())
                walker.skip_subtree()
                skipping = True
                showable = showable or tag not in ALWAYS_SKIP
                continue
            if code == _BLOCK:
                o = frames[-1]
                if buf:
                    flush(o)
                cls = el.get("class")
                eid = el.get("id")
                node_tags[node] = tag
                onode = o[0]
                if onode >= 0:
                    node_parent[node] = onode
                    parent_anc = (*o[1], onode)
                else:
                    parent_anc = ()
                if eid and eid.count("-") >= SLUG_ID_HYPHENS:
                    eid = None  # "sharing-mutable-history": a heading's slug, not a role
                if cls:
                    own_cues = f"{cls} {eid or ''}".strip().lower()[:MAX_ATTR_CHARS]
                    first = cls.split(None, 1)
                    label = f"{tag}.{first[0][:40]}" if first else tag
                elif eid:
                    own_cues = eid.strip().lower()[:MAX_ATTR_CHARS]
                    label = tag
                else:
                    own_cues = ""
                    label = tag
                if own_cues:
                    node_cues[node] = own_cues
                    cues = f"{o[3]} {own_cues}"
                    if len(cues) > MAX_CUES_CHARS:
                        cues = cues[-MAX_CUES_CHARS:]  # the nearest ancestors' cues matter most
                else:
                    cues = o[3]
                path = f"{o[2]}/{label}" if o[2] else label
                if len(path) > MAX_PATH_CHARS:
                    path = "..." + path[-MAX_PATH_CHARS:]
                if tag == "blockquote":
                    quote_depth += 1
                elif tag == "pre":
                    pre_depth += 1
                kind, level = _kind_of(tag, True) if pre_depth else _KINDS[tag]
                if quote_depth and kind in (BlockKind.PARAGRAPH, BlockKind.BLOCKQUOTE):
                    kind = BlockKind.BLOCKQUOTE
                elif kind is BlockKind.PARAGRAPH and o[5] in _INHERITED_KINDS:
                    kind, level = o[5], o[6]  # a <p> inside <li> or <figcaption> keeps the outer kind
                frames.append((node, parent_anc, path, cues, tag, kind, level))
            elif code == _LINK:
                # An anchor with an href is a link; a `javascript:` one is a text wrapper.
                href = el.get("href")
                # (an href that starts with neither a space nor a "j" is a link: the
                # full test only for the rest)
                is_link = href is not None and (
                    ((c := href[:1]) != "" and c not in "jJ" and not c.isspace())
                    or not href.lstrip()[:11].lower().startswith("javascript:")
                )
                links.append(is_link)
                if is_link:
                    link_depth += 1
            elif code == _IMG:
                src = _image_src(el)
                if src:
                    b.images.append((len(b.blocks), Image(src=src, alt=(el.get("alt") or "").strip() or None)))
                continue
            elif code == _BR:
                buf.append(BR)
                continue
            elif code == _CELL:
                buf.append(CELL)
            text = el.text
            if text and (buf or pre_depth or not text.isspace()):
                buf.append(text)
                if link_depth:
                    b.link_chars += len(text.strip())
        else:  # end
            if skipping:
                skipping = False
            else:
                code = code_of(tag, _INLINE)
                if code == _BLOCK:
                    if buf:
                        flush(frames[-1])
                    frames.pop()
                    if tag == "blockquote":
                        quote_depth -= 1
                    elif tag == "pre":
                        pre_depth -= 1
                elif code == _LINK:
                    if links.pop():
                        link_depth -= 1
            tail = el.tail
            if tail and (buf or pre_depth or not tail.isspace()):
                buf.append(tail)
                if link_depth:
                    b.link_chars += len(tail.strip())
    if buf:
        flush(frames[-1])
    # the first <title> in preorder, skipped subtrees included (found in C)
    title = next(root.iter("title"), None)
    return Document(
        page=page,
        blocks=tuple(b.blocks),
        tree=root,
        images=tuple(b.images),
        node_cues=node_cues,
        node_tags=node_tags,
        node_parent=node_parent,
        title="".join(title.itertext()) if title is not None else None,
        preorder=tuple(elements),
    ), showable


_INHERITED_KINDS = (BlockKind.LIST_ITEM, BlockKind.CAPTION, BlockKind.TABLE, BlockKind.CODE)

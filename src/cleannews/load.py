"""Stage 1: bytes or str in, a decoded `Page` with its kind out.

Decoding order for bytes: a byte-order mark, then the charset the page declares
(`<meta charset>`, `http-equiv`, an XML declaration; but non-ASCII bytes that are
valid UTF-8 are read as UTF-8 whatever is declared), then strict UTF-8, then
charset-normalizer's detection. A declared charset that fails to decode is not
trusted (pages lie about their charset often); the next source is tried.
"""

from __future__ import annotations

import codecs
import os
import re
import zlib
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from cleannews.errors import BinaryInputError, EmptyInputError, InputError, PageTooLarge
from cleannews.models import Page, PageKind

#: Where a charset declaration must sit: the HTML spec's prescan reads 1024 bytes;
#: real pages put long <head> scripts first, so we look a little further.
CHARSET_SCAN_BYTES = 4096
#: How much text kind detection reads: enough to pass a doctype and a comment banner.
KIND_SCAN_CHARS = 4096
#: charset-normalizer's cost grows with input; the first 64 KB decide the charset.
DETECT_BYTES = 65536

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.I,
)
#: The first tag of a page that starts like HTML, after leading white space and comments
#: (those are skipped by `_starts_like_html` with str.find: a regex group of lazy
#: `<!--.*?-->` repeated backtracked exponentially over a head of many comments whose
#: text hides no tag, 10 s CPU on a 9 KB fuzzed page).
_HTML_OPEN = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|table|link|script|style|span|h[1-6]|\?xml)\b",
    re.I,
)
_LEADING_SPACE = re.compile(r"\s*")


def _skip_space(text: str, i: int) -> int:
    m = _LEADING_SPACE.match(text, i)
    return m.end() if m else i


def _starts_like_html(head: str) -> bool:
    """True when `head` opens, after white space and complete comments, with an HTML tag."""
    i = _skip_space(head, 0)
    while head.startswith("<!--", i):
        j = head.find("-->", i + 4)
        if j < 0:
            return False
        i = _skip_space(head, j + 3)
    return _HTML_OPEN.match(head, i) is not None
#: Tags that mark a head as HTML when three stand in it: block and structural tags, not
#: the inline ones (<b>, <em>, <code>, <img>) that Markdown and text dumps carry. The
#: structural half (main .. title) was added when fuzzed pages of 3,000 <nav> or <main>
#: tags read as text (a 5 MB text body, 1-3 s of CPU, where the tag cap refuses them at
#: once), and three corpus pages whose head is all <meta>/<link>/<script> after a
#: preamble were read as text; no dump of the corpus changes kind.
_HTML_TAG = re.compile(
    r"<(?:p|div|br|span|a\s|article|body|html|table|li|h[1-6]|main|nav|section|header|footer|aside|ul|ol|figure|"
    r"form|script|style|meta|link|iframe|svg|td|tr|noscript|head|title)\b[^>]*>",
    re.I,
)
_MD_SIGNAL = re.compile(
    r"^(?:#{1,6}\s|!\[|\s*[-*+]\s|\s*\d+\.\s|>\s|```|\|.*\|\s*$)|\]\([^)]+\)|\*\*[^*\n]+\*\*|^[=-]{3,}\s*$",
    re.M,
)
#: A dump is Markdown when Markdown syntax appears on at least this share of its
#: non-empty lines (measured on html2text and inscriptis renderings of the public
#: benchmark: Markdown dumps sit well above 5%, text dumps well below 1%).
MD_LINE_SHARE = 0.03
MD_MIN_SIGNALS = 2
#: Declared charsets never trusted: not text encodings a browser would use, or ones
#: that turn markup into something else (the WHATWG Encoding Standard has none of them).
_UNTRUSTED_CODECS = frozenset(
    "utf-16 utf-16-le utf-16-be utf-32 utf-32-le utf-32-be utf-7 undefined "
    "unicode_escape raw_unicode_escape idna punycode".split()
)


@dataclass(frozen=True)
class Limits:
    """Input-size caps, checked before the expensive stages run.

    The work per page is linear in these, but with large constants (an lxml element
    and a block cost hundreds of bytes), so a cap is what bounds time and memory. The
    defaults sit far above real pages: the largest of 1,550 benchmark pages is 1.6 MB
    with 19,000 tags. Over a cap, `load` raises `PageTooLarge`.
    """

    #: Bytes (for bytes input, after gunzip) or characters (for str input).
    max_size: int = 10_000_000
    #: Tags (counted as '<') in an HTML page.
    max_tags: int = 150_000
    #: Lines in a text or Markdown dump, as `str.splitlines` counts them (the dump
    #: stages cost ~25 us a line, so 30,000 lines take ~0.8 s CPU; the longest of 362
    #: benchmark dumps has 742 lines).
    max_lines: int = 30_000


DEFAULT_LIMITS = Limits()


#: The declared charsets that are UTF-8 already (no second reading needed).
_UTF8_CODECS = frozenset(("utf-8", "utf-8-sig"))


def _normalise_codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Browsers treat these labels as windows-1252 (WHATWG Encoding Standard).
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes: BOM, declared charset, UTF-8, detection; never raises on content."""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec, errors="replace"), bom_codec
    m = _DECLARED.search(data[:CHARSET_SCAN_BYTES])
    if m:
        enc = _normalise_codec((m.group(1) or m.group(2)).decode("ascii", "ignore"))
        if enc and enc not in _UNTRUSTED_CODECS:
            if enc not in _UTF8_CODECS and not data.isascii():
                # Bytes that are valid UTF-8 and not ASCII are UTF-8 whatever the page
                # declares: a single-byte text almost never pairs its accented
                # letters into UTF-8 sequences, while pages re-saved as UTF-8 keep
                # their old `charset=iso-8859-15` (seen on a fundus-dev page; of the
                # 2,737 corpus pages, the 5 this changes all read right as UTF-8).
                try:
                    return data.decode("utf-8"), "utf-8"
                except UnicodeDecodeError:
                    pass
            try:
                return data.decode(enc), enc
            except (UnicodeError, LookupError):  # UnicodeError: codecs like "undefined"
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_BYTES]).best()
    enc = _normalise_codec(best.encoding) if best is not None else None
    enc = enc or "cp1252"
    return data.decode(enc, errors="replace"), enc


#: gzip members read one after another before the input is refused: real files have
#: one (a few tools append several); 200,000 empty members (4 MB) took 31 s to walk
#: when each member's leftover bytes were copied.
MAX_GZIP_MEMBERS = 1000
#: Compressed bytes handed to zlib at a time: the leftover (`unused_data`) zlib copies
#: at a member's end is at most this long, so walking members stays linear.
_GZIP_CHUNK = 65536


def gunzip(data: bytes, max_size: int) -> bytes:
    """Decompress gzip (every member, as `gzip.decompress` does), refusing past
    `max_size` bytes of output (a small gzip bomb can hold gigabytes) or past
    `MAX_GZIP_MEMBERS` members; `InputError` when it is truncated or corrupt."""
    out = bytearray()
    view = memoryview(data)
    pos, members = 0, 0
    while pos < len(data) and bytes(view[pos : pos + _GZIP_CHUNK]).strip(b"\x00"):
        members += 1
        if members > MAX_GZIP_MEMBERS:
            raise InputError(f"the input has over {MAX_GZIP_MEMBERS:,} gzip members")
        d = zlib.decompressobj(wbits=31)
        while not d.eof:
            chunk = view[pos : pos + _GZIP_CHUNK]
            if not chunk:
                raise InputError("input looks gzip-compressed but is truncated")
            try:
                out += d.decompress(chunk, max_size + 1 - len(out))
                while d.unconsumed_tail and len(out) <= max_size:
                    out += d.decompress(d.unconsumed_tail, max_size + 1 - len(out))
            except zlib.error as exc:
                raise InputError(f"input looks gzip-compressed but is not readable: {exc}") from exc
            if len(out) > max_size:
                raise PageTooLarge(f"the page is over {max_size:,} bytes once decompressed")
            pos += len(chunk) - len(d.unused_data)
    return bytes(out)


_gunzip = gunzip  # the old private name


def read_page_file(path: str | os.PathLike[str] | BinaryIO, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A page file's bytes (a path, or a binary stream such as standard input), gunzipped
    when it is gzip, under the same caps as `load`: at most `max_size` bytes are read
    and at most `max_size` decompressed. `PageTooLarge` over a cap; `OSError` as `open`."""
    if isinstance(path, (str, os.PathLike)):
        with open(path, "rb") as f:
            data = f.read(limits.max_size + 1)
    else:
        data = path.read(limits.max_size + 1)
    if len(data) > limits.max_size:
        raise PageTooLarge(f"the file is over the cap of {limits.max_size:,} bytes")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, limits.max_size)
    return data


#: Line boundaries as `str.splitlines` sees them, besides "\n" and "\r" (counted apart so
#: that "\r\n" is one): a dump of "word\r" * 1,000,000 has a million lines, not none.
_OTHER_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def count_lines(text: str) -> int:
    """Line breaks in `text` with `str.splitlines` semantics, without splitting it."""
    n = text.count("\n") + text.count("\r") - text.count("\r\n")
    return n + sum(text.count(c) for c in _OTHER_BREAKS)


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_surrogates(text: str) -> str:
    """Surrogate code points in a str (from JSON "\\ud800" escapes, or a str built by
    hand) cannot be encoded as UTF-8 and make lxml stop reading. A well-formed pair
    becomes the character it encodes; a lone surrogate becomes U+FFFD. An ASCII text
    holds none (`str.isascii` reads a flag the str carries; the search scans it all)."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def check_limits(text: str, kind: PageKind, limits: Limits) -> None:
    """Raise `PageTooLarge` when a decoded page is over a cap for its kind."""
    if kind == "html":
        tags = text.count("<")
        if tags > limits.max_tags:
            raise PageTooLarge(f"the page has {tags:,} tags, over the cap of {limits.max_tags:,}")
    else:
        lines = count_lines(text)
        if lines > limits.max_lines:
            raise PageTooLarge(f"the page has {lines:,} lines, over the cap of {limits.max_lines:,}")


def detect_kind(text: str) -> PageKind:
    """HTML when it starts like HTML or is dense with tags; Markdown when its syntax is common."""
    head = text[:KIND_SCAN_CHARS]
    if _starts_like_html(head) or len(_HTML_TAG.findall(head)) >= 3:
        return "html"
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if lines:
        signals = len(_MD_SIGNAL.findall(head))
        if signals >= MD_MIN_SIGNALS and signals / len(lines) >= MD_LINE_SHARE:
            return "markdown"
    return "text"


#: Share of control or undecodable characters over which input is binary, not text:
#: random bytes decode (as windows-1252) with about 13% of them; real pages, including
#: ones with a wrong charset, stay under 1%.
BINARY_SHARE = 0.05
BINARY_SAMPLE_CHARS = 65536
_BINARY_CHARS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


#: `_BINARY_CHARS`'s ASCII members, as a `str.translate` table that deletes them.
_DELETE_ASCII_BINARY: dict[int, None] = dict.fromkeys([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _looks_binary(text: str) -> bool:
    sample = text[:BINARY_SAMPLE_CHARS]
    if not sample:
        return False
    if sample.isascii():
        # The same count on an ASCII sample (most pages), where `_BINARY_CHARS` can only
        # match its ASCII members: deleting them is one C pass (CPython's ASCII fast
        # path of `str.translate`), not a regex scan building a list of the matches.
        found = len(sample) - len(sample.translate(_DELETE_ASCII_BINARY))
    else:
        found = len(_BINARY_CHARS.findall(sample))
    return found > BINARY_SHARE * len(sample)


def load(
    data: bytes | str,
    *,
    url: str | None = None,
    kind: PageKind | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Page:
    """Decode and classify one page; `PageTooLarge` when it is over one of `limits`."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if kind is not None and kind not in ("html", "text", "markdown"):
        raise InputError(f"unknown page kind {kind!r}: use 'html', 'text' or 'markdown'")
    if url is not None and not isinstance(url, str):
        raise InputError(f"url is a str, not {type(url).__name__}")
    if url is not None:
        url = clean_surrogates(url)
        try:
            urlsplit(url if "//" in url else "//" + url)  # as the cleaners read a bare "host/path"
        except ValueError:  # an unclosed IPv6 bracket: an address that names no site, not used
            url = None
    encoding: str | None = None
    if isinstance(data, bytes):
        if len(data) > limits.max_size:  # compressed too: gzip never shrinks a page below its cap
            raise PageTooLarge(f"the page is {len(data):,} bytes, over the cap of {limits.max_size:,}")
        if data[:2] == b"\x1f\x8b":
            data = gunzip(data, limits.max_size)
        text, encoding = decode(data)
    elif isinstance(data, str):
        if len(data) > limits.max_size:
            raise PageTooLarge(f"the page is {len(data):,} characters, over the cap of {limits.max_size:,}")
        text = clean_surrogates(data)
    else:
        raise InputError(f"a page is bytes or str, not {type(data).__name__}")
    if _looks_binary(text):
        raise BinaryInputError("the input looks like binary data, not a page")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise EmptyInputError("the page is empty")
    kind = kind or detect_kind(text)
    check_limits(text, kind, limits)
    return Page(text=text, kind=kind, url=url, encoding=encoding)

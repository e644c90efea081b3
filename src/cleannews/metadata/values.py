"""One cleaning for every metadata value a page writes (meta content, JSON-LD strings,
`<title>`, microdata text): entities left escaped, UTF-8 read as Latin-1, spaces.

Pages often escape twice: a CMS stores "Budget Traveler&#8217;s Guide" already
escaped and the template escapes it again, so the parser hands over the literal
"&#8217;". And a JSON-LD block built from UTF-8 bytes decoded as Latin-1 says
"sanciÃ³n" for "sanción". Both are repaired here, once, for all sources.
"""

from __future__ import annotations

import html
import re

#: An entity that survived parsing: named ("&amp;", "&ouml;"), decimal or hex.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: How many rounds of unescaping a value gets ("&amp;#8217;" is escaped twice).
MAX_UNESCAPE_ROUNDS = 2
#: Lead bytes of UTF-8 multi-byte sequences as Latin-1/cp1252 shows them ("Ã³" for
#: "ó", "â€™" for "’"): a value holding one is tried as mis-decoded UTF-8.
_MOJIBAKE = re.compile(r"[ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîï][\x80-\xbf\u0152\u0153\u0160\u0161"
                       r"\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                       r"\u2039\u203a\u20ac\u2122]")


def _unmojibake(s: str) -> str:
    """ "sanciÃ³n" -> "sanción": the value re-encoded as cp1252 (else Latin-1) is valid
    UTF-8 and shorter; otherwise the value is returned as it was."""
    if not _MOJIBAKE.search(s):
        return s
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = s.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if len(fixed) < len(s):
            return fixed
    return s


def clean_value(value: str | None) -> str | None:
    """The value with leftover entities unescaped, mojibake repaired and whitespace
    collapsed; None for an empty value."""
    if not value:
        return None
    s = value
    for _ in range(MAX_UNESCAPE_ROUNDS):
        if "&" not in s or not _ENTITY.search(s):
            break
        s = html.unescape(s)
    s = " ".join(_unmojibake(s).split())
    return s or None

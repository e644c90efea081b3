"""Global Watch as a Markdown dump.

The layout: the section label, the title, the standfirst, the lead image whose alt
text is the caption with the photographer's credit in brackets
("... [Name/AFP]"), then "By Global Watch and AFP |", the body (with plain-line
sub-headings). The site is recognised by its byline and its image paths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from cleannews.cleaners.base import SITE_PRIORITY, Cleaner
from cleannews.cleaners.registry import register
from cleannews.models import BlockKind, Removal, Role

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

_BYLINE = re.compile(r"by global watch\b.{0,80}", re.I)
#: "caption [Photographer/Agency]": the credit the site puts in the image's alt text.
CREDIT_IN_ALT = re.compile(r"(?P<caption>.+?)\s*\[(?P<credit>[^\[\]]{2,80})\]\s*$")
#: The head (section, title, standfirst, image) sits within this many blocks above the byline.
HEAD_WINDOW = 5


@register
class GlobalWatch(Cleaner):
    name = "site.globalwatch"
    markers = (r"^By Global Watch\b", r"\]\(/gc\d+/images/")
    kinds = ("markdown", "text")
    priority = SITE_PRIORITY

    def extra(self, doc: Document, removed: Mapping[int, Removal]) -> Iterable[Removal]:
        blocks = doc.blocks
        byline = next((b for b in blocks if _BYLINE.fullmatch(b.text.strip())), None)
        for b in blocks:
            if b.kind is BlockKind.IMAGE and CREDIT_IN_ALT.match(b.text):
                yield Removal(b.index, self.name, "image alt: caption with [credit]", Role.CAPTION)
        if byline is None:
            return
        yield Removal(byline.index, self.name, "byline", Role.BYLINE)
        head = [b for b in blocks[max(0, byline.index - HEAD_WINDOW) : byline.index]
                if b.kind is not BlockKind.IMAGE and b.index not in removed]
        roles = [Role.DESCRIPTION, Role.TITLE, Role.SECTION]
        for b, role in zip(reversed(head), roles):
            yield Removal(b.index, self.name, f"{role} above the byline", role)

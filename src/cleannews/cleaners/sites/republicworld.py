"""Republic World (republicworld.com) as a browser's text copy.

The layout: a menu of section names, the "Download the all-new Republic app:"
prompt, "Published HH:MM IST, <date>", the title, the standfirst, "Reported by: X",
the image line "<caption> | Image: <credit>", the body, "Updated ...", then a
"Recommended" list of headline / category pairs (a video teaser adds "play-icon" and
its duration), "LIVE TV", the channel's tagline, and the menu again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from cleannews.cleaners.base import SITE_PRIORITY, Cleaner
from cleannews.cleaners.registry import register
from cleannews.models import Removal, Role

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

_APP = re.compile(r"download the all-new republic app\W*", re.I)
_PUBLISHED = re.compile(r"published \d{1,2}:\d{2} [A-Z]{2,4}, .{6,30}", re.I)
_UPDATED = re.compile(r"updated \d{1,2}:\d{2} [A-Z]{2,4}, .{6,30}", re.I)
_REPORTED = re.compile(r"reported by\s*:?\s*.{2,80}", re.I)
_IMAGE_LINE = re.compile(r".{0,300}\|\s*image\s*:\s*.{1,60}", re.I)
#: Where the "Recommended" list ends: the live-TV label or the channel's tagline.
_LIST_END = re.compile(r"live tv|republic (?:tv|world|bharat) is .{0,80}", re.I)
#: The head of the article must follow the date within this many blocks.
HEAD_WINDOW = 6


@register
class RepublicWorld(Cleaner):
    name = "site.republicworld"
    domains = ("republicworld.com",)
    markers = (r"^Download the all-new Republic app", r"^Republic (?:TV|World) is India's no\.?\s?1\b")
    kinds = ("text", "markdown")
    priority = SITE_PRIORITY
    drop_lines = (
        r"search icon",
        r"play-icon",
        r"\d{1,2}:\d{2}",
        r"live tv",
        r"download the all-new republic app\W*",
        r"republic (?:tv|world|bharat) is india's no\.?\s?1\b.{0,120}",
    )

    def extra(self, doc: Document, removed: Mapping[int, Removal]) -> Iterable[Removal]:
        blocks = doc.blocks
        n = len(blocks)
        # The menu above the first app prompt.
        app = next((b.index for b in blocks if _APP.fullmatch(b.text)), None)
        if app is not None and app < n // 2:
            for b in blocks[:app]:
                yield Removal(b.index, self.name, "site menu above the app prompt")
        start = 0
        for b in blocks:
            if _PUBLISHED.fullmatch(b.text):
                yield Removal(b.index, self.name, "published line", Role.DATE)
                start = b.index + 1
                break
        head = [b for b in blocks[start : start + HEAD_WINDOW] if b.index not in removed]
        if start and head:
            yield Removal(head[0].index, self.name, "title under the published line", Role.TITLE)
            for b in head[1:]:
                if _REPORTED.fullmatch(b.text):
                    yield Removal(b.index, self.name, "reporting credit", Role.BYLINE)
                elif _IMAGE_LINE.fullmatch(b.text):
                    yield Removal(b.index, self.name, "image caption and credit", Role.CAPTION)
                elif b is head[1]:
                    yield Removal(b.index, self.name, "standfirst under the title", Role.DESCRIPTION)
        for k, b in enumerate(blocks):
            if _UPDATED.fullmatch(b.text):
                yield Removal(b.index, self.name, "updated line", Role.MODIFIED)
            elif b.text.strip().lower() == "recommended":
                yield Removal(b.index, self.name, "recommended header")
                for nxt in blocks[k + 1 :]:
                    if _LIST_END.fullmatch(nxt.text):
                        break
                    yield Removal(nxt.index, self.name, "recommended headline or its category")

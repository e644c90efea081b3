"""Generic furniture of text and Markdown dumps, and the metadata lines in them.

Dumps keep what HTML would have told us by markup only as line shapes, so this
cleaner works on lines: app and newsletter prompts, share rows, "LIVE"-style labels,
teaser sections after a "Recommended" / "Related" / "Most read" header, image
captions and credits (role caption / credit), published / updated lines (role date /
modified), bylines (role byline), and the head of the article: title, standfirst
and section label (roles title / description / section), found from the url's slug,
a Markdown H1, or the line just before the standfirst / byline block.
The metadata stage parses the role blocks; this module only marks them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import regex

from cleannews.cleaners.base import Cleaner
from cleannews.cleaners.registry import register
from cleannews.lang import DUMPS
from cleannews.lang.base import alternatives
from cleannews.models import Block, BlockKind, Removal, Role
from cleannews.vocabulary import RELATED_HEADING

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

#: Runs before the other generic cleaners so that metadata lines get their role.
DUMPS_PRIORITY = 50
#: A title is short (headlines run 40-120 characters; 200 allows a long one).
TITLE_MAX_CHARS = 200
#: A standfirst is one or two sentences, under this length.
STANDFIRST_MAX_CHARS = 400
#: An unpunctuated line under a title is its standfirst when it is this much longer
#: and has this many words (headlines run 8-12 words, standfirsts 15-30).
STANDFIRST_RATIO = 1.3
STANDFIRST_MIN_WORDS = 12
#: Meta lines (byline, date, credit) are short.
META_MAX_CHARS = 120
#: The url slug names the title when its words cover this share of the slug's words
#: (slugs drop stop words and punctuation; 0.6 was checked on the benchmark's urls).
SLUG_MIN_COVER = 0.6
SLUG_MIN_WORDS = 3
#: Prose after a candidate title is measured over this many following blocks.
PROSE_LOOKAHEAD = 12
PROSE_MIN_CHARS = 80
#: How far before the byline / date block the head of the article may sit (blocks).
HEAD_WINDOW = 5
#: A teaser list after a "Recommended" header ends at the first prose block of this
#: length, or after this many blocks.
TEASER_MAX_BLOCKS = 60
#: ...and before a block followed within TEASER_STOP_LOOKAHEAD blocks by a sentence of
#: TEASER_STOP_PROSE characters: the article (or its head) resumes there.
TEASER_STOP_LOOKAHEAD = 3
TEASER_STOP_PROSE = 150

_PUBLISHED = alternatives(w.published for w in DUMPS.values())
_UPDATED = alternatives(w.updated for w in DUMPS.values())
_MONTHS = alternatives(w.month_prefixes for w in DUMPS.values())
_RELATIVE_DAYS = alternatives(w.relative_days for w in DUMPS.values())
_DATE_WORDS = re.compile(rf"\d{{1,2}}[:.]\d{{2}}|\d{{4}}|\b{_MONTHS}[a-zäéû]*\.?\b|\b{_RELATIVE_DAYS}\b", re.I)
_DATED_LINE = re.compile(rf"^(?:{_PUBLISHED}|(?P<upd>{_UPDATED}))(?:\s+on|\s+at)?\s*:?\s*(?P<rest>.{{4,80}})$", re.I)
#: A line that is a date and nothing else ("19 November 2019", "Nov. 20, 2019 5:03 PM ET").
_BARE_DATE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+[A-Za-zäéû]{3,10}\.?,?\s+\d{4}|"
    r"[A-Za-zäéû]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?\W*$",
    re.I,
)
_BYLINE = re.compile(
    rf"^{alternatives(w.byline_intros for w in DUMPS.values())}\s*:?\s+(?P<names>[^\W\d_][^.!?]{{1,100}}?)\s*[|•·,]?\s*$",
    re.I,
)
_CREDIT_WORDS = alternatives(w.credit_words for w in DUMPS.values())
#: The whitespace runs around the optional bracket are possessive (`regex`): with
#: plain `\s*\s*` a line of 380 form feeds before "photo:" backtracked cubically
#: (30 such lines took 75 s); possessive runs cannot change a match here, the
#: keyword that follows never starts with a space.
_CREDIT_TAIL = regex.compile(
    rf"^(?P<caption>.{{0,300}}?)\s*+[|(\[]?\s*+{_CREDIT_WORDS}s?(?: credit| source| courtesy)?\s*+:\s*"
    r"(?P<credit>[^|()\[\]]{1,80})[)\]]?\s*$",
    regex.I,
)
#: A credit sits in the last characters of its line; the cheap hint guards the costly patterns.
CREDIT_TAIL_CHARS = 100
_CREDIT_HINT = re.compile(
    rf"{_CREDIT_WORDS}s?(?: credit| source| courtesy)?\s*(?::|\.\.\.|…)", re.I)
_CAPTION_PREFIX = re.compile(r"^(?:image|photo|video) (?:caption|copyright|source)\b", re.I)
_CREDIT_MID = regex.compile(r"^(?P<caption>.{10,300}?)\s*+(?:Credit|Photo|Image)\s*+(?:\.\.\.|…|:)\s*(?P<credit>.{2,80})$")
_APP_PROMPT = (
    r"(?:download|get|install|try) (?:the |our )?(?:all[- ]new |free |official )?.{0,40}\bapps?\b.{0,60}",
    r"(?:sign up|subscribe|register) (?:for|to) .{0,60}\b(?:newsletters?|alerts?|updates|emails?)\b.{0,80}",
    r"(?:subscribe|subscribe now|sign in|log in|login|sign up|register|my account|menu|search|close|back)\W*",
    r"(?:share|tweet|email|print|copy link)(?: this| the)?(?: (?:article|story|page|link))?(?: (?:on|with|via) .{1,30})?\W*",
    r"live(?: tv| now| updates| stream| blog)?\W*",
    r"(?:play|pause|mute|unmute|play-icon|video|watch|listen)(?:[ -]?icon)?\W*",
    r"\d{1,2}:\d{2}(?::\d{2})?",
)


_OWN_LINES = re.compile("|".join(f"(?:{p})" for p in _APP_PROMPT), re.I)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = unquote(urlsplit(url if "//" in url else "//" + url).path)
    best: list[str] = []
    for seg in path.split("/"):
        seg = re.sub(r"\.(?:s?html?|php|aspx?|cms)$", "", seg)
        words = [w for w in re.split(r"[-_+.,\s]+", seg.lower()) if len(w) > 1 and not w.isdigit()]
        if len(words) > len(best):
            best = words
    return set(best) if len(best) >= SLUG_MIN_WORDS else set()


def _prose(b: Block) -> bool:
    return len(b.text) >= PROSE_MIN_CHARS and b.link_density < 0.3 and bool(re.search(r"[.!?。]", b.text))


def _sentence(b: Block) -> bool:
    return len(b.text) >= 30 and b.text.rstrip()[-1:] in ".!?…\"”»)" and b.link_density < 0.3


def _title_like(b: Block) -> bool:
    return (
        b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)
        and 10 <= len(b.text) <= TITLE_MAX_CHARS
        and len(b.text.split()) >= 2
        and not b.text.rstrip().endswith((",", ":", ";"))
        and b.link_density < 0.5
    )


def meta_role(b: Block) -> tuple[Role, str] | None:
    """(role, reason) when a block is a date, byline, caption or credit line."""
    t = b.text.strip()
    if len(t) > STANDFIRST_MAX_CHARS or b.kind in (BlockKind.CODE, BlockKind.TABLE):
        return None
    if len(t) <= META_MAX_CHARS:
        m = _DATED_LINE.match(t)
        if m and _DATE_WORDS.search(m.group("rest")):
            return (Role.MODIFIED if m.group("upd") else Role.DATE), "dated line"
        if _BARE_DATE.match(t):
            return Role.DATE, "a date alone"
        m = _BYLINE.match(t)
        if m and len(m.group("names").split()) <= 12 and not _DATE_WORDS.search(m.group("names")[:1]):
            names = m.group("names")
            if names[:1].isupper() or t.lower().startswith(("reported", "written")):
                return Role.BYLINE, "byline"
    if _CAPTION_PREFIX.match(t):
        return Role.CAPTION, "image caption label"
    if not _CREDIT_HINT.search(t[-CREDIT_TAIL_CHARS:]):
        return None
    tail = _CREDIT_TAIL.match(t)
    if tail:
        return (Role.CAPTION if tail.group("caption").strip(" |") else Role.CREDIT), "image credit"
    mid = _CREDIT_MID.match(t)
    if mid and not _prose_tail(mid.group("credit")):
        return Role.CAPTION, "caption with credit"
    return None


def _prose_tail(text: str) -> bool:
    return len(text.split()) > 8


@register
class DumpFurniture(Cleaner):
    name = "generic.dumps"
    kinds = ("text", "markdown")
    priority = DUMPS_PRIORITY
    drop_lines = _APP_PROMPT

    def extra(self, doc: Document, removed: Mapping[int, Removal]) -> Iterable[Removal]:
        own = _OWN_LINES
        blocks = [
            b for b in doc.blocks
            if b.index not in removed and b.kind is not BlockKind.IMAGE
            and not (len(b.text) <= META_MAX_CHARS and own.fullmatch(b.text.strip()))
        ]
        out: dict[int, Removal] = {}
        for b in blocks:
            role = meta_role(b)
            if role:
                out[b.index] = Removal(b.index, self.name, role[1], role[0])
        for r in head_of_article(doc, blocks, {**removed, **out}, self.name):
            out[r.index] = r
        for index, r in _teasers(blocks, out, self.name).items():
            out.setdefault(index, r)
        return sorted(out.values(), key=lambda r: r.index)


def _teasers(blocks: Sequence[Block], marked: Mapping[int, Removal], name: str) -> dict[int, Removal]:
    """A teaser header and the run of short lines (headline, category, time) after it."""
    out: dict[int, Removal] = {}
    for k, b in enumerate(blocks):
        if len(b.text) > 60 or not RELATED_HEADING.fullmatch(b.text.strip()) or b.index in out:
            continue
        out[b.index] = Removal(b.index, name, f"teaser header {b.text!r}")
        for j in range(k + 1, min(len(blocks), k + 1 + TEASER_MAX_BLOCKS)):
            nxt = blocks[j]
            if len(nxt.text) > TITLE_MAX_CHARS or (_sentence(nxt) and len(nxt.text) >= PROSE_MIN_CHARS):
                break
            if nxt.index in marked and marked[nxt.index].role in (Role.TITLE, Role.DESCRIPTION):
                break  # a menu item "Trending" above the article's head is no teaser list
            if any(_sentence(a) and len(a.text) >= TEASER_STOP_PROSE for a in blocks[j + 1 : j + 1 + TEASER_STOP_LOOKAHEAD]):
                break
            if nxt.index not in marked:
                out[nxt.index] = Removal(nxt.index, name, f"in the teaser list under {b.text!r}")
    return out


def head_of_article(
    doc: Document, blocks: Sequence[Block], marked: Mapping[int, Removal], name: str
) -> list[Removal]:
    """Title, standfirst and section label: from the slug, a Markdown H1, or the byline block."""
    free = [b for b in blocks if b.index not in marked]
    pos = {b.index: k for k, b in enumerate(blocks)}
    title = _title_from_slug(free, blocks, pos, doc.page.url) or _title_from_meta(blocks, marked, pos)
    if title is None:
        h1 = [b for b in free if b.kind is BlockKind.HEADING and b.level == 1 and _title_like(b)]
        if h1:
            title = max(h1, key=lambda b: _prose_after(blocks, pos[b.index]))
    if title is None:
        return []
    out = [Removal(title.index, name, "title of the article", Role.TITLE)]
    k = pos[title.index]
    # Standfirst: a sentence right after the title, followed by the meta block.
    if k + 1 < len(blocks):
        nxt = blocks[k + 1]
        after = blocks[k + 2 : k + 2 + 3]
        if (
            nxt.index not in marked
            and (_sentence(nxt) or (
                len(nxt.text) >= STANDFIRST_RATIO * len(title.text) and len(nxt.text.split()) >= STANDFIRST_MIN_WORDS))
            and len(nxt.text) <= STANDFIRST_MAX_CHARS
            and any(a.index in marked and marked[a.index].role for a in after)
        ):
            out.append(Removal(nxt.index, name, "standfirst under the title", Role.DESCRIPTION))
    # Section label: a short label that opens the dump right before the title.
    if k == 1:
        prev = blocks[0]
        if prev.index not in marked and len(prev.text.split()) <= 4 and not re.search(r"[.!?,:]$", prev.text):
            out.append(Removal(prev.index, name, "section label above the title", Role.SECTION))
    return out


def _prose_after(blocks: Sequence[Block], k: int) -> int:
    return sum(len(b.text) for b in blocks[k + 1 : k + 1 + PROSE_LOOKAHEAD] if _prose(b))


def _title_from_slug(free: Sequence[Block], blocks: Sequence[Block], pos: Mapping[int, int], url: str | None) -> Block | None:
    slug = _slug_words(url)
    if not slug:
        return None
    hits = []
    for b in free:
        if not _title_like(b):
            continue
        cover = len(slug & set(_words(b.text))) / len(slug)
        if cover >= SLUG_MIN_COVER:
            hits.append((cover, _prose_after(blocks, pos[b.index]), -pos[b.index], b))
    if not hits:
        return None
    best_cover = max(h[0] for h in hits)
    near = [h for h in hits if h[0] >= best_cover - 0.15]
    return max(near, key=lambda h: (h[1], h[2]))[3]


def _title_from_meta(blocks: Sequence[Block], marked: Mapping[int, Removal], pos: Mapping[int, int]) -> Block | None:
    """The line just before the standfirst / byline block at the head of the article."""
    for k, b in enumerate(blocks):
        r = marked.get(b.index)
        if r is None or r.role not in (Role.BYLINE, Role.DATE) or _prose_after(blocks, k) < PROSE_MIN_CHARS:
            continue
        cands: list[Block] = []
        j = k - 1
        while j >= 0 and k - j <= HEAD_WINDOW and len(cands) < 2:
            c = blocks[j]
            j -= 1
            if c.index in marked or c.kind is BlockKind.IMAGE:
                continue
            cands.append(c)
        if not cands:
            continue
        standfirst = _sentence(cands[0]) or (
            len(cands[0].text) >= STANDFIRST_RATIO * len(cands[1].text) and len(cands[0].text.split()) >= STANDFIRST_MIN_WORDS
        ) if len(cands) == 2 else False
        if standfirst and _title_like(cands[1]) and len(cands[1].text) < len(cands[0].text):
            return cands[1]
        if _title_like(cands[0]):
            return cands[0]
    return None

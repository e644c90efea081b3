"""The scorer for dumps (plain text, Markdown): line features instead of DOM features.

jusText's shape: each candidate block is classified from its own features (length,
link density, stop-word density, sentence punctuation, repetition in the page) as
good / near-good / short / bad; short and near-good blocks are then revised from
their neighbours; the article is the densest contiguous region of good blocks (a
maximum-sum segment where good text weighs by its length and anything else costs);
inside it, good blocks and the headings that sit inside or open it are kept.

Thresholds are named below with where they came from; they were tuned on the even
half of the scrapinghub text/Markdown benchmark ids and checked on the odd half.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleannews.models import Block, BlockKind, Removal
from cleannews.scoring.scorer import Selection
from cleannews.scoring.stopwords import STOPWORDS

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

# --- classification (jusText's defaults, which it tuned on CleanEval) --------------
#: Under this many characters a block is "short": its neighbours decide.
LENGTH_LOW = 70
#: Over this many characters a stop-word-dense block is good on its own.
LENGTH_HIGH = 200
#: Stop-word density at or over which a block reads as prose (near-good / good).
STOP_LOW = 0.30
STOP_HIGH = 0.32
#: Link density over which a block is a link (menus, teasers); jusText uses 0.2.
MAX_LINK_DENSITY = 0.2
#: How far (characters) a short heading looks ahead for good text to be kept.
MAX_HEADING_DISTANCE = 200
#: A page whose prose-like blocks hold fewer stop words than this on average is in a
#: language we have no list for: classify by length and punctuation instead. (English,
#: German... prose sits at 0.35-0.50; unknown languages score under 0.05.)
MIN_LANGUAGE_DENSITY = 0.12
#: Repetition: a line seen this many times on the page is furniture (menus and
#: footers print their labels twice, once at the top and once at the bottom).
REPEAT_MIN = 2
#: A repeated block longer than this is kept out of the repetition rule: dumps repeat a
#: standfirst or a pull quote, and the one occurrence in the body is article text.
REPEAT_MAX_CHARS = 120

# --- region -------------------------------------------------------------------------
#: Fixed cost of a bad block inside the region, plus its length times BAD_WEIGHT: a
#: menu of twenty items outweighs a short paragraph, an "Advertisement" line between
#: two paragraphs does not split the article.
BAD_COST = 10.0
BAD_WEIGHT = 1.0
#: Near-good text that stays unrevised counts for this share of its length.
NEARGOOD_WEIGHT = 0.5

_WORD = re.compile(r"\w+(?:['’]\w+)?")
_SENTENCE_END = re.compile(r"[.!?。！？…:;»”\"')\]]\s*$")
_PUNCT = re.compile(r"[.,;:!?。，、！？]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"


@dataclass(frozen=True)
class LineFeatures:
    chars: int
    words: int
    stop_density: float
    link_density: float
    sentence: bool  # ends like a sentence
    punct: int  # sentence punctuation marks
    repeated: bool


def _norm_key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def pick_language(blocks: Sequence[Block]) -> frozenset[str] | None:
    """The stop list that covers the page's long blocks best, or None if none fits."""
    tokens: list[str] = []
    for b in blocks:
        if len(b.text) >= LENGTH_LOW:
            tokens.extend(w.lower() for w in _WORD.findall(b.text))
    if not tokens:
        return None
    best, best_hits = None, 0
    for words in STOPWORDS.values():
        hits = sum(1 for t in tokens if t in words)
        if hits > best_hits:
            best, best_hits = words, hits
    if best is None or best_hits / len(tokens) < MIN_LANGUAGE_DENSITY:
        return None
    return best


def features(blocks: Sequence[Block], stop: frozenset[str] | None) -> list[LineFeatures]:
    counts = Counter(_norm_key(b.text) for b in blocks if len(b.text) <= REPEAT_MAX_CHARS)
    out = []
    for b in blocks:
        words = _WORD.findall(b.text)
        n = len(words)
        if stop is not None and n:
            density = sum(1 for w in words if w.lower() in stop) / n
        else:
            density = 0.0
        key = _norm_key(b.text)
        out.append(LineFeatures(
            chars=len(b.text) * (2 if _CJK.search(b.text[:40]) else 1),
            words=n,
            stop_density=density,
            link_density=b.link_density,
            sentence=bool(_SENTENCE_END.search(b.text)),
            punct=len(_PUNCT.findall(b.text)),
            repeated=len(b.text) <= REPEAT_MAX_CHARS and bool(key) and counts[key] >= REPEAT_MIN,
        ))
    return out


def classify(f: LineFeatures, block: Block, known_language: bool) -> str:
    """jusText's context-free class of one block."""
    if f.repeated or f.link_density > MAX_LINK_DENSITY or f.words == 0:
        return BAD
    if block.kind is BlockKind.CODE or block.kind is BlockKind.TABLE:
        return NEARGOOD if f.chars >= LENGTH_LOW else SHORT
    if f.chars < LENGTH_LOW:
        return BAD if block.link_chars else SHORT
    if known_language:
        if f.stop_density >= STOP_HIGH:
            return GOOD if f.chars > LENGTH_HIGH else NEARGOOD
        return NEARGOOD if f.stop_density >= STOP_LOW else BAD
    # No stop list: prose is punctuated and runs in sentences.
    if f.punct >= 2 and f.sentence:
        return GOOD if f.chars > LENGTH_HIGH else NEARGOOD
    return NEARGOOD if f.punct >= 1 else BAD


def _neighbour(classes: Sequence[str], i: int, step: int, ignore_neargood: bool) -> str:
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if c in (GOOD, BAD) or (c == NEARGOOD and not ignore_neargood):
            return c
        j += step
    return BAD


def revise(classes: list[str], cands: Sequence[Block], feats: Sequence[LineFeatures]) -> list[str]:
    """jusText's context revision: headings, then short blocks, then near-good ones."""
    cls = list(classes)
    n = len(cls)
    for i, b in enumerate(cands):  # a short heading followed closely by good text
        if b.kind is BlockKind.HEADING and cls[i] == SHORT:
            dist, j = 0, i + 1
            while j < n and dist <= MAX_HEADING_DISTANCE:
                if cls[j] == GOOD:
                    cls[i] = NEARGOOD
                    break
                dist += feats[j].chars
                j += 1
    new = list(cls)
    for i in range(n):
        if cls[i] != SHORT:
            continue
        prev, nxt = _neighbour(cls, i, -1, True), _neighbour(cls, i, 1, True)
        if prev == GOOD and nxt == GOOD:
            new[i] = GOOD
        elif prev == BAD and nxt == BAD:
            new[i] = BAD
        elif (prev == BAD and _neighbour(cls, i, -1, False) == NEARGOOD) or (
            nxt == BAD and _neighbour(cls, i, 1, False) == NEARGOOD
        ):
            new[i] = GOOD
        else:
            new[i] = BAD
    cls = new
    new = list(cls)
    for i in range(n):
        if cls[i] != NEARGOOD:
            continue
        prev, nxt = _neighbour(cls, i, -1, True), _neighbour(cls, i, 1, True)
        new[i] = BAD if prev == BAD and nxt == BAD else GOOD
    cls = new
    for i, b in enumerate(cands):  # headings demoted only by context come back near good text
        if b.kind is BlockKind.HEADING and cls[i] == BAD and classes[i] != BAD:
            dist, j = 0, i + 1
            while j < n and dist <= MAX_HEADING_DISTANCE:
                if cls[j] == GOOD:
                    cls[i] = GOOD
                    break
                dist += feats[j].chars
                j += 1
    return cls


def densest_region(weights: Sequence[float]) -> tuple[int, int] | None:
    """The maximum-sum contiguous segment [start, end) (Kadane), None if nothing is positive."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def select_dump_blocks(doc: Document, removed: Mapping[int, Removal]) -> Selection:
    cands = [b for b in doc.blocks if b.index not in removed and b.kind not in (BlockKind.IMAGE, BlockKind.CAPTION)]
    if not cands:
        return Selection(kept=(), is_article=False, reason="no text left after cleaning")
    stop = pick_language(cands)
    feats = features(cands, stop)
    first = [classify(f, b, stop is not None) for f, b in zip(feats, cands)]
    cls = revise(first, cands, feats)
    weights = []
    for k, (c, f, b) in enumerate(zip(cls, feats, cands)):
        if c == GOOD:
            weights.append(float(f.chars))
        elif c == NEARGOOD:
            weights.append(NEARGOOD_WEIGHT * f.chars)
        elif b.kind is BlockKind.HEADING and first[k] != BAD:
            weights.append(0.0)
        else:
            weights.append(-(BAD_COST + BAD_WEIGHT * f.chars))
    span = densest_region(weights)
    if span is None:
        return Selection(kept=(), dropped={b.index: "no article text" for b in cands}, is_article=False,
                         reason="no block reads as article text")
    lo, hi = span
    kept: list[int] = []
    dropped: dict[int, str] = {}
    for k, (b, c) in enumerate(zip(cands, cls)):
        if not lo <= k < hi:
            dropped[b.index] = f"{c}, outside the article region"
        elif c in (GOOD, NEARGOOD):
            kept.append(b.index)
        else:
            dropped[b.index] = f"{first[k]} -> {c}"
    return Selection(kept=tuple(kept), dropped=dropped)

"""The scorer for dumps (plain text, Markdown): line features instead of DOM features.

jusText's shape: each candidate block is classified from its own features (length,
link density, stop-word density, sentence punctuation, repetition in the page) as
good / near-good / short / bad; short and near-good blocks are then revised from
their neighbours; the article is the densest contiguous region of good blocks (a
maximum-sum segment where good text weighs by its length and anything else costs);
inside it, good blocks and the headings that sit inside or open it are kept. Where the
article ends before the page does (comments, teaser headers and cards, cookie notices)
is `ends`' business; this module cuts the region there.

Thresholds are named below with where they came from; they were tuned on the even
half of the scrapinghub text/Markdown benchmark ids and checked on the odd half.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from cleannews.models import Block, BlockKind, Removal, Role
from cleannews.scoring.ends import article_end, cards_start
from cleannews.scoring.scorer import Selection
from cleannews.scoring.stopwords import STOPWORDS
from cleannews.text import has_wide, line_ends_sentence

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
#: A long paragraph (over LENGTH_HIGH) is a link only over this density: news prose
#: links names and sources inline (on the Markdown benchmark's even half, paragraphs
#: over 200 characters with 0.2-0.5 of their text in links are article text 4 in 5).
MAX_LINK_DENSITY_LONG = 0.5
#: A sentence between prose may hold this much link text and still be kept by context
#: (middle-length paragraphs with 0.2-0.5 link text are article text one time in two).
MAX_LINK_DENSITY_WEAK = 0.5
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

# --- region ---
#: A cleaner that found the title (a slug match, an H1, the line above the byline)
#: anchors the article: the best region starting within ANCHOR_WINDOW blocks after
#: it wins when it weighs at least ANCHOR_SHARE of the page's densest region.
#: (0.3 before; 0.15-0.2 is better on both halves of the benchmark: a slug-matched
#: title above a short article beats a long run of teasers elsewhere on the page.)
ANCHOR_WINDOW = 8
ANCHOR_SHARE = 0.2
# -------------------------------------------------------------------------
#: Fixed cost of a bad block inside the region, plus its length times BAD_WEIGHT: a
#: menu of twenty items outweighs a short paragraph, an "Advertisement" line between
#: two paragraphs does not split the article.
BAD_COST = 10.0
BAD_WEIGHT = 1.0
#: Cost of a block a cleaner marked as metadata (byline, date, caption): small, so an
#: image credit inside the article does not split it.
ROLE_COST = 15.0
#: Near-good text counts for this share of its length (BBC-style pages are all
#: short paragraphs, none "good" on its own, and must still make a region).
NEARGOOD_WEIGHT = 0.75
#: Cost of a short block: twenty menu labels outweigh a paragraph, a sub-heading
#: between two paragraphs costs nearly nothing.
SHORT_COST = 8.0
#: A sentence of at least this many words between prose is kept whatever its stop
#: words (names-heavy sentences: "Senator X and congresswoman Y criticised Z.").
WEAK_MIN_WORDS = 5
#: A short line of at most this many words with no final stop may be a sub-heading.
HEADING_MAX_WORDS = 12
#: A sentence that is bad only for its stop words (names, numbers: sports results,
#: business news) weighs this share of its length in the region instead of costing it:
#: such runs are article text two times in three on the benchmark's even half when
#: their stop-word density is at least WEAK_MIN_STOP (0.15-0.30: 50-64 % article).
WEAK_WEIGHT = 0.3
WEAK_MIN_STOP = 0.15

#: Rows of a table a dump printed as lines (tour dates, race calendars, results): a run
#: of at least TABLE_MIN_ROWS consecutive unbulleted lines, each with a digit past its
#: first word and at least TABLE_MIN_CHARS characters, whose first TABLE_SHAPE_TOKENS tokens have the same
#: shape (number / capitalised / lower-case word / the punctuation itself:
#: "June 9 – West", "July 2 – Uncasville"). Such rows hold few stop words and no final
#: stop, so they read as bad or short; they are near-good text instead. (Menus print
#: bullets or no digits; on the text benchmark's even half, the runs this finds are
#: calendars and results tables of the article.)
TABLE_MIN_ROWS = 5
TABLE_MIN_CHARS = 20
TABLE_SHAPE_TOKENS = 4

#: A list the article introduces (a paragraph ending in ":") or encloses (prose on both
#: sides) is the article's: ingredients, steps, product picks. Runs of up to this many
#: items; one short non-item line between items (a link a text dump put on its own
#: line) does not end the run.
LIST_MAX_ITEMS = 80

_WORD = re.compile(r"\w+(?:['’]\w+)?")
_PUNCT = re.compile(r"[.,;:!?。，、！？]")
#: A digit past a line's first word: a row's value ("June 9", "DL Name 63"), where a
#: numbered headline ("5 Things to Do in June") has its number only in front.
_VALUE = re.compile(r"^\S+\s.*\d", re.S)
_TOKEN = re.compile(r"\w+|[^\w\s]")

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


#: The language is guessed from this many tokens of the page's long blocks (enough for
#: a stable vote; counting a whole 50,000-word page seven times was the scorer's cost).
LANGUAGE_SAMPLE_TOKENS = 3000


def words_of(blocks: Sequence[Block]) -> list[list[str]]:
    """Each block's lower-cased words: what `pick_language` and `features` both read
    (made once per page; on a 4 MB dump, lower-casing and splitting it twice was a
    third of the scorer's time)."""
    return [_WORD.findall(b.text.lower()) for b in blocks]


def pick_language(blocks: Sequence[Block], words: Sequence[list[str]] | None = None) -> frozenset[str] | None:
    """The stop list that covers the page's long blocks best, or None if none fits
    (`words`: `words_of(blocks)`, when the caller has it)."""
    tokens: list[str] = []
    for k, b in enumerate(blocks):
        if len(b.text) >= LENGTH_LOW:
            tokens.extend(words[k] if words is not None else _WORD.findall(b.text.lower()))
            if len(tokens) >= LANGUAGE_SAMPLE_TOKENS:
                break
    if not tokens:
        return None
    counts = Counter(tokens)
    best, best_hits = None, 0
    for stop in STOPWORDS.values():
        hits = sum(counts[t] for t in counts.keys() & stop)
        if hits > best_hits:
            best, best_hits = stop, hits
    if best is None or best_hits / len(tokens) < MIN_LANGUAGE_DENSITY:
        return None
    return best


def features(blocks: Sequence[Block], stop: frozenset[str] | None,
             words: Sequence[list[str]] | None = None) -> list[LineFeatures]:
    """Each block's line features (`words`: `words_of(blocks)`, when the caller has it)."""
    words_of_blocks = words if words is not None else words_of(blocks)
    keys = [" ".join(w) if len(b.text) <= REPEAT_MAX_CHARS else "" for b, w in zip(blocks, words_of_blocks)]
    counts = Counter(k for k in keys if k)
    is_stop = stop.__contains__ if stop is not None else None
    out = []
    for b, ws, key in zip(blocks, words_of_blocks, keys):
        n = len(ws)
        density = sum(map(is_stop, ws)) / n if is_stop is not None and n else 0.0
        out.append(LineFeatures(
            chars=len(b.text) * (2 if has_wide(b.text[:40]) else 1),
            words=n,
            stop_density=density,
            link_density=b.link_density,
            sentence=line_ends_sentence(b.text),
            punct=len(_PUNCT.findall(b.text)),
            repeated=bool(key) and counts[key] >= REPEAT_MIN,
        ))
    return out


def classify(f: LineFeatures, block: Block, known_language: bool) -> str:
    """jusText's context-free class of one block."""
    if f.repeated or f.words == 0:
        return BAD
    if f.link_density > (MAX_LINK_DENSITY_LONG if f.chars > LENGTH_HIGH else MAX_LINK_DENSITY):
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


def _shape(text: str) -> str:
    """The shape of a line's first tokens: 0 a number, A a capitalised word, a a word, punctuation as is."""
    out = []
    for m in islice(_TOKEN.finditer(text), TABLE_SHAPE_TOKENS):
        tok = m.group()
        if tok.isalpha():  # most tokens: all letters, so no digit (one C call, not a scan)
            out.append("A" if tok[0].isupper() else "a")
        elif any(ch.isdigit() for ch in tok):
            out.append("0")
        elif tok[0].isalpha() or tok[0] == "_":
            out.append("A" if tok[0].isupper() else "a")
        else:
            out.append(tok)
    return " ".join(out)


def table_rows(seq: Sequence[Block], feats: Sequence[LineFeatures], removed: Mapping[int, Removal]) -> set[int]:
    """Positions of the lines in runs of same-shaped rows (a table printed line by line)."""
    rows: set[int] = set()
    run: list[int] = []
    shape = None
    for k, b in enumerate(seq):
        f = feats[k]
        row = (b.kind is BlockKind.PARAGRAPH and b.index not in removed and not f.repeated and not b.link_chars
               and f.chars >= TABLE_MIN_CHARS and _VALUE.search(b.text) is not None)
        sh = _shape(b.text) if row else None
        if sh is None or sh != shape:
            if len(run) >= TABLE_MIN_ROWS:
                rows.update(run)
            run = []
        if sh is not None:
            run.append(k)
        shape = sh
    if len(run) >= TABLE_MIN_ROWS:
        rows.update(run)
    return rows


def _prose(c: str) -> bool:
    return c in (GOOD, NEARGOOD)


def _neighbour(classes: Sequence[str], i: int, step: int, lo: int, hi: int) -> str:
    """The class of the nearest non-short block in direction `step` inside [lo, hi); BAD past the edge."""
    j = i + step
    while lo <= j < hi:
        if classes[j] != SHORT:
            return classes[j]
        j += step
    return BAD


def revise(first: Sequence[str], cands: Sequence[Block], feats: Sequence[LineFeatures], lo: int, hi: int) -> list[str]:
    """Context revision inside the region [lo, hi), after jusText.

    Short blocks (and weak sentences: bad only for a low stop-word density) between
    prose on both sides are prose; a short heading closely followed by prose opens it;
    near-good blocks stay; everything else is out.
    """
    cls = list(first)
    for i in range(lo, hi):
        b, f = cands[i], feats[i]
        if first[i] == SHORT or (first[i] == BAD and _weak_sentence(f)):
            prev, nxt = _neighbour(first, i, -1, lo, hi), _neighbour(first, i, 1, lo, hi)
            weak = first[i] == BAD and f.stop_density >= WEAK_MIN_STOP
            if _prose(prev) and _prose(nxt) or weak and (_prose(prev) or _prose(nxt)):
                cls[i] = GOOD
                continue
        if b.kind is BlockKind.HEADING and first[i] in (SHORT, NEARGOOD, GOOD) or first[i] == SHORT and _heading_like(b, f):
            dist, j = 0, i + 1
            while j < hi and dist <= MAX_HEADING_DISTANCE:
                if _prose(first[j]) and cands[j].kind is not BlockKind.HEADING:
                    cls[i] = GOOD
                    break
                dist += feats[j].chars
                j += 1
            else:
                cls[i] = BAD
            continue
        if cls[i] == SHORT:
            cls[i] = BAD
    return cls


def _list_run(seq: Sequence[Block], first: Sequence[str], i: int, limit: int) -> int:
    """End (exclusive) of the list run that starts at item i."""
    j = i
    while j < limit and j - i < LIST_MAX_ITEMS:
        if seq[j].kind is BlockKind.LIST_ITEM:
            j += 1
        elif first[j] == SHORT and j + 1 < limit and seq[j + 1].kind is BlockKind.LIST_ITEM:
            j += 1
        else:
            break
    return j


def article_lists(cls: list[str], seq: Sequence[Block], first: Sequence[str], feats: Sequence[LineFeatures],
                  lo: int, hi: int, limit: int) -> int:
    """Keep the lists the article introduces or encloses (in place); the region's new end."""
    i, end = lo, hi
    while i < min(end + 1, limit):
        if seq[i].kind is not BlockKind.LIST_ITEM or i == lo or not _prose(cls[i - 1]):
            i += 1
            continue
        j = _list_run(seq, first, i, limit)
        intro = seq[i - 1].text.rstrip().endswith(":")
        enclosed = j < end and _prose(cls[j]) and seq[j].kind is not BlockKind.LIST_ITEM
        if intro or enclosed:
            for k in range(i, j):
                f = feats[k]
                if first[k] != BAD or not f.repeated and f.words and f.link_density <= MAX_LINK_DENSITY_WEAK:
                    cls[k] = GOOD
            end = max(end, j)
        i = j
    return end


def _weak_sentence(f: LineFeatures) -> bool:
    """Bad only for its stop words: a named-entity-heavy sentence, not a link or a repeat."""
    return not f.repeated and f.link_density <= MAX_LINK_DENSITY_WEAK and f.sentence and f.words >= WEAK_MIN_WORDS


def _heading_like(b: Block, f: LineFeatures) -> bool:
    """A short line that could be a sub-heading in a text dump: a few words, no final stop."""
    return 1 <= f.words <= HEADING_MAX_WORDS and not b.text.rstrip().endswith((".", ",", ";")) and not f.link_density


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


def region_weight(weights: Sequence[float]) -> float:
    """The sum of the densest region of `weights`, 0.0 if nothing is positive."""
    span = densest_region(weights)
    return 0.0 if span is None else sum(weights[span[0]:span[1]])


class _RegionWeights:
    """`region_weight(weights[a:b])` for a scan whose end `b` only grows for each start
    `a` (as `article_end` asks): Kadane's state is kept per start, so the scan is
    linear; slicing and re-running it for every opener line was quadratic
    ("1 comment" * 20,000 took 25 s). Same sums, added in the same order."""

    def __init__(self, weights: Sequence[float]) -> None:
        self._weights = weights
        self._state: dict[int, tuple[int, float, float]] = {}  # start -> (end, run, best)

    def __call__(self, a: int, b: int) -> float:
        end, run, best = self._state.get(a, (a, 0.0, 0.0))
        if b < end:
            end, run, best = a, 0.0, 0.0
        for w in self._weights[end:b]:
            if run <= 0:
                run = 0.0
            run += w
            if run > best:
                best = run
        self._state[a] = (max(end, b), run, best)
        return best


def best_region_from(weights: Sequence[float], lo: int, hi: int) -> tuple[int, int, float] | None:
    """The best segment that starts in [lo, hi): (start, end, sum), None if none is positive."""
    best: tuple[int, int, float] | None = None
    for s in range(lo, min(hi, len(weights))):
        run = 0.0
        for e in range(s, len(weights)):
            run += weights[e]
            if run > 0 and (best is None or run > best[2]):
                best = (s, e + 1, run)
    return best


def _anchor(cands: Sequence[Block], removed: Mapping[int, Removal]) -> int | None:
    """Position in `cands` of the first block after the block a cleaner marked as the title."""
    title = next((r.index for r in sorted(removed.values(), key=lambda r: r.index) if r.role is Role.TITLE), None)
    if title is None:
        return None
    return next((k for k, b in enumerate(cands) if b.index > title), None)


def select_dump_blocks(doc: Document, removed: Mapping[int, Removal]) -> Selection:
    """Classify, find the article region, revise inside it; kept = prose blocks in order.

    Blocks the cleaners removed stay in the sequence as bad ones: a teaser list whose
    bylines and dates were marked must not look like one run of headlines.
    """
    seq = [b for b in doc.blocks if b.kind not in (BlockKind.IMAGE, BlockKind.CAPTION)]
    live = [b for b in seq if b.index not in removed]
    if not live:
        return Selection(kept=(), is_article=False, reason="no text left after cleaning")
    words = words_of(seq)
    stop = pick_language(live, [w for b, w in zip(seq, words) if b.index not in removed])
    feats = features(seq, stop, words)
    first = [BAD if b.index in removed else classify(f, b, stop is not None) for f, b in zip(feats, seq)]
    for k in table_rows(seq, feats, removed):
        first[k] = NEARGOOD
    weights = []
    for c, f, b in zip(first, feats, seq):
        r = removed.get(b.index)
        if r is not None:
            weights.append(-(ROLE_COST if r.role else BAD_COST + BAD_WEIGHT * f.chars))
        elif c == GOOD:
            weights.append(float(f.chars))
        elif c == NEARGOOD:
            weights.append(NEARGOOD_WEIGHT * f.chars)
        elif c == SHORT:
            weights.append(-SHORT_COST)
        elif _weak_sentence(f) and f.stop_density >= WEAK_MIN_STOP:
            weights.append(WEAK_WEIGHT * f.chars)
        else:
            weights.append(-(BAD_COST + BAD_WEIGHT * f.chars))
    anchor = _anchor(seq, removed)
    end = article_end(seq, _RegionWeights(weights), anchor)
    if end is not None:
        weights = weights[:end]
    span = densest_region(weights)
    if anchor is not None and span is not None:
        anchored = best_region_from(weights, anchor, anchor + ANCHOR_WINDOW)
        if anchored is not None and anchored[2] >= ANCHOR_SHARE * sum(weights[span[0]:span[1]]):
            span = anchored[:2]
    if span is None:
        return Selection(kept=(), dropped={b.index: "no article text" for b in live}, is_article=False,
                         reason="no block reads as article text")
    lo, hi = span
    cut = cards_start(seq, [_prose(c) for c in first], feats, weights, removed, lo, hi)
    if cut is not None:
        hi = cut
    cls = revise(first, seq, feats, lo, hi)
    hi = article_lists(cls, seq, first, feats, lo, hi, len(weights))
    kept: list[int] = []
    dropped: dict[int, str] = {}
    for k, b in enumerate(seq):
        if b.index in removed:
            continue
        if end is not None and k >= end:
            dropped[b.index] = "after the article (comments or teasers)"
        elif not lo <= k < hi:
            dropped[b.index] = f"{first[k]}, outside the article region"
        elif _prose(cls[k]):
            kept.append(b.index)
        else:
            dropped[b.index] = f"{first[k]} -> {cls[k]}"
    return Selection(kept=tuple(kept), dropped=dropped)

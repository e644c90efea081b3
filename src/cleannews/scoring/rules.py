"""The scorer's knowledge as data: cue words and named thresholds.

Values were chosen by sweeps on the public article-extraction benchmark (all 181
pages; the sweeps are coarse, a few values per constant) and checked on Readability's
test pages; each says where it came from. Cue words are
class/id tokens that CMSs use across languages (they are English even on German or
Japanese sites), so they are not an English-only text rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# --- block weights ------------------------------------------------------------------
#: A block of at least this many characters with few links is article-like text
#: (a typical article sentence is 80-150 characters; menus and labels sit under 40).
GOOD_MIN_CHARS = 60
#: Blocks between SHORT_MAX_CHARS and GOOD_MIN_CHARS that contain sentence punctuation
#: count for a fraction of their length (short paragraphs, one-line answers).
SHORT_MAX_CHARS = 25
MEDIUM_FACTOR = 0.5
#: Link density at or under which a block can be text ("see the report" links inside
#: paragraphs stay well under 0.3; teaser lists are near 1.0).
LINK_DENSITY_GOOD = 0.35
#: Link density over which a block weighs as a link list.
LINK_DENSITY_BAD = 0.5
#: Link density over which a block inside the container is still dropped.
LINK_DENSITY_DROP = 0.8
#: Fixed cost of a block that is not text: ten menu items outweigh a short paragraph.
SHORT_PENALTY = 20.0
#: Each sentence mark (., !, ?, ;, and their CJK forms) adds this share of the weight,
#: up to PUNCT_BONUS_CAP marks: prose is punctuated, teasers and labels are not.
PUNCT_BONUS = 0.1
PUNCT_BONUS_CAP = 5
#: Container search: weight decays by this factor per level up the tree when choosing
#: the nucleus, and the container grows to a parent while it keeps at least
#: CLIMB_SHARE of the parent's positive weight (DECAY swept over 0.5-0.95 on the
#: benchmark; CLIMB_SHARE from 0.25 to 0.7 made no difference).
DECAY = 0.85
CLIMB_SHARE = 0.5
#: How many levels above the container twin parts of a split body are looked for.
TWIN_LEVELS = 5
#: Fewer good characters than this: the page is not an article (an index, an error page)
#: unless the whole page holds fewer than TINY_PAGE_CHARS characters outside links.
MIN_ARTICLE_CHARS = 200
TINY_PAGE_CHARS = 400

# --- class and id cues ----------------------------------------------------------------
#: How many ancestors' class/id a block's cues are read from (own element included):
#: noise widgets wrap their text in 2-4 levels; further up, classes describe layout.
CUE_DEPTH = 5
#: An element whose subtree holds more than this share of the page's text weight is
#: layout, and its class/id is not read as a cue (seen on the benchmark: <body
#: class="one-sidebar">, wrappers named "...--adrail" around the article).
LAYOUT_SHARE = 0.6
#: Penalty at or over which a block inside the container is dropped.
CUE_DROP = 0.9

_NEGATIVE_STRONG = re.compile(
    r"comment|related|recommend|share|sharing|social|newsletter|subscri|signup|sign-up|"
    r"cookie|consent|gdpr|popup|modal|breadcrumb|outbrain|taboola|promo|sponsor|advert|"
    r"(?:^|[\s_-])ads?(?:$|[\s_-])|banner|(?:^|[\s_-])nav|menu|footer|sidebar|"
    r"most-?(?:popular|read|viewed)|trending|more-?(?:stories|news|from)|read-?more|"
    r"author-?(?:bio|info|box)|(?:^|[\s_-])bio(?:$|[\s_-])|(?:^|[\s_-])tags?(?:$|[\s_-])|"
    r"byline|dateline|timestamp|caption|credit|toolbar|pagination|paging|disclaimer|"
    r"login|print-?only|screen-?reader|sr-only|visually-?hidden|skip|widget|(?:side|right|left)-?rail|teaser",
    re.I,
)
#: Public name for the per-type step (`scoring.pagetypes`), which reads the same words.
NEGATIVE_STRONG = _NEGATIVE_STRONG
_NEGATIVE_WEAK = re.compile(r"meta|aside|extra|hidden|overlay|masthead|header|(?:^|[\s_-])top(?:$|[\s_-])", re.I)
_BODY_MARK = (
    r"article-?(?:body|content|text)|story-?(?:body|content|text)|entry-?content|post-?(?:body|content)|"
    r"main-?content|rich-?text"
)
_POSITIVE = re.compile(_BODY_MARK + r"|(?:^|[\s_-])(?:body|content|text|prose)(?:$|[\s_-])", re.I)
#: The names CMSs give the article's own text box ("article-text", "entry-content"),
#: without the bare "content" or "text" that layout boxes carry too.
_BODY_MARK_RE = re.compile(_BODY_MARK, re.I)
#: Public for a page-wide pre-test (`parts`): a name of letters and hyphens, so a match
#: never spans the newlines between class strings joined into one text.
BODY_MARK_RE = _BODY_MARK_RE
#: The same names for lower-case ASCII text (class strings are lower-cased by the
#: document builder): the same matches without IGNORECASE, and a look-ahead on the
#: names' first letters, so most positions fail at one character test. On the class
#: strings of a scrapinghub page it runs 3.5x faster than `BODY_MARK_RE` (60 -> 17 ms
#: over the set), which was 3% of a page's time in `parts`.
BODY_MARK_LOWER_ASCII_RE = re.compile("(?=[asepmr])(?:" + _BODY_MARK + ")")


#: Class tokens that name a post's taxonomy, not its role (WordPress puts
#: "tag-politics category-news format-standard" on the article element itself).
_TAXONOMY_TOKEN = re.compile(
    r"^(?:tag|category|categories|post|postid|type|status|format|has|page-id|parent-pageid|topic|term"
    # ...and tokens that say what an element lacks ("no_caption", "no-sidebar",
    # "without-comments": seen on list items of the Readability test pages).
    r"|no|not|without)[-_]"
)


#: Class strings up to this long are memoised (real ones are far shorter); longer ones,
#: which only fuzzed or hostile markup has, are scored afresh, so the memos below can
#: never hold more than about 16,384 x 256 characters each, whatever pages came before.
MEMO_MAX_CHARS = 256


def cue_value(cues: str) -> float | None:
    """One element's class/id verdict: -1.0 positive (article text), 1.0 strong noise,
    0.5 weak noise, None when it says nothing. A positive cue wins over a weak one on
    the same element ("entry-content meta-wrap" is the article)."""
    return _cue_value_memo(cues) if len(cues) <= MEMO_MAX_CHARS else _cue_value(cues)


@lru_cache(maxsize=16384)  # class strings repeat within and across pages; a pure function
def _cue_value_memo(cues: str) -> float | None:
    return _cue_value(cues)


#: The three cue patterns without IGNORECASE, for ASCII class strings in lower case:
#: the same matches there (the patterns are lower-case ASCII, and on ASCII text
#: IGNORECASE folds only A-Z), in well under half the time (the distinct class strings
#: of scrapinghub's pages: 144 -> ~65 ms; each is scored once, then memoised).
_POSITIVE_LOWER_ASCII = re.compile(_POSITIVE.pattern)
_NEGATIVE_STRONG_LOWER_ASCII = re.compile(_NEGATIVE_STRONG.pattern)
_NEGATIVE_WEAK_LOWER_ASCII = re.compile(_NEGATIVE_WEAK.pattern)


def _cue_value(cues: str) -> float | None:
    if "-" in cues or "_" in cues:
        cues = " ".join(t for t in cues.split() if not _TAXONOMY_TOKEN.match(t))
    if cues.isascii():
        cues = cues.lower()
        positive, strong, weak = _POSITIVE_LOWER_ASCII, _NEGATIVE_STRONG_LOWER_ASCII, _NEGATIVE_WEAK_LOWER_ASCII
    else:
        positive, strong, weak = _POSITIVE, _NEGATIVE_STRONG, _NEGATIVE_WEAK
    if positive.search(cues):
        return -1.0 if not strong.search(cues) else 1.0
    if strong.search(cues):
        return 1.0
    if weak.search(cues):
        return 0.5
    return None


def is_body_mark(cues: str) -> bool:
    """The class/id names the article's own text box, specifically."""
    return _is_body_mark_memo(cues) if len(cues) <= MEMO_MAX_CHARS else _is_body_mark(cues)


@lru_cache(maxsize=16384)  # like cue_value: class strings repeat; a pure function
def _is_body_mark_memo(cues: str) -> bool:
    return _is_body_mark(cues)


def _is_body_mark(cues: str) -> bool:
    mark = BODY_MARK_LOWER_ASCII_RE.search(cues.lower()) if cues.isascii() else _BODY_MARK_RE.search(cues)
    return bool(mark) and cue_value(cues) == -1.0


# --- the edges of the article ---------------------------------------------------------
#: The article starts at its first real paragraph: weight > 0, at least this long, and
#: ending like a sentence. Titles, datelines, bylines and kickers above it are metadata.
ANCHOR_MIN_CHARS = 60
#: A heading above the first paragraph whose words are at least this share of the
#: page title's is the headline again (metadata), not body text.
TITLE_OVERLAP = 0.8
#: A block of this many words is a sentence even without a final full stop.
PROSE_MIN_WORDS = 15
#: A teaser card embedded in the body (a linked heading over an excerpt) holds at most
#: this many blocks and this many characters besides its heading: teasers run one or
#: two sentences (the same bound as the dump scorer's cards), sections run longer.
CARD_MAX_BLOCKS = 3
CARD_MAX_CHARS = 400
#: Inside the container, a paragraph of at most this many words with no punctuation
#: is a label ("Advertisement", "Video", "DON'T MISS"), not text.
LABEL_MAX_WORDS = 3


@dataclass(frozen=True)
class ScoringRules:
    """The HTML scorer's thresholds as one value, each defaulting to the constant of
    the same name above (where its value and its source are documented).

    `select_blocks` takes one (`cleannews.Config(scoring=...)` from `extract`), so a
    sweep, a training run or a test sets a threshold by building a changed copy,
    `dataclasses.replace(DEFAULT_RULES, good_min_chars=80)`, never by patching this
    module. The cue word lists stay module data: they are vocabulary, not thresholds.
    """

    good_min_chars: int = GOOD_MIN_CHARS
    short_max_chars: int = SHORT_MAX_CHARS
    medium_factor: float = MEDIUM_FACTOR
    link_density_good: float = LINK_DENSITY_GOOD
    link_density_bad: float = LINK_DENSITY_BAD
    link_density_drop: float = LINK_DENSITY_DROP
    short_penalty: float = SHORT_PENALTY
    punct_bonus: float = PUNCT_BONUS
    punct_bonus_cap: int = PUNCT_BONUS_CAP
    decay: float = DECAY
    climb_share: float = CLIMB_SHARE
    twin_levels: int = TWIN_LEVELS
    min_article_chars: int = MIN_ARTICLE_CHARS
    tiny_page_chars: int = TINY_PAGE_CHARS
    cue_depth: int = CUE_DEPTH
    layout_share: float = LAYOUT_SHARE
    cue_drop: float = CUE_DROP
    anchor_min_chars: int = ANCHOR_MIN_CHARS
    title_overlap: float = TITLE_OVERLAP
    prose_min_words: int = PROSE_MIN_WORDS
    card_max_blocks: int = CARD_MAX_BLOCKS
    card_max_chars: int = CARD_MAX_CHARS
    label_max_words: int = LABEL_MAX_WORDS


DEFAULT_RULES = ScoringRules()

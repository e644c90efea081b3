"""Where a dump's article ends: comment sections, teaser headers, cookie notices, card runs.

A text or Markdown dump carries the whole page, and what follows the article (the
comment thread, a "Related" / "Most read" list, a cookie banner, a run of teaser cards)
is often prose-like enough to extend the densest region past the article's last
paragraph. These rules find that end from the lines' shape. They live apart from
`lines` (which classifies blocks and searches the region) because they change for a
different reason: new kinds of page furniture, not new kinds of article text.

The region search hands in what these rules need from it: the weight of the best
region inside a span of blocks (so they can ask "is there an article before this?"),
and for each block whether it was classed as prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from cleannews.lang import ENDS
from cleannews.lang.base import alternatives
from cleannews.models import Block, Removal
from cleannews.vocabulary import MAX_HEADING_CHARS as RELATED_MAX_CHARS
from cleannews.vocabulary import RELATED_HEADING

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.scoring.lines import LineFeatures

#: The weight of the densest region of blocks [lo, hi) (0.0 when nothing is positive).
RegionWeight = Callable[[int, int], float]

#: Teaser cards: a short description under two or more label lines (kicker, headline,
#: source, author: no final stop; a line ending like a sentence breaks the run unless it
#: is the card's short description, and questions count as neither). CARD_MIN_RUN cards in a row after the article's text end it; a
#: description is prose of at most CARD_MAX_CHARS (teasers run one or two sentences).
CARD_MIN_RUN = 3
CARD_MIN_LABELS = 2
CARD_MAX_CHARS = 400
#: A question of this many words or more is a headline label ("What made X so popular?").
CARD_QUESTION_WORDS = 5
#: ...and only when the article before the cards outweighs what follows them: a run of
#: results or deals that makes up most of the region is the article itself.
CARD_ARTICLE_RATIO = 1.0
#: Lines that open a comment section. After the article's text they end it: on the
#: benchmark's pages no article text follows one of these once prose has been seen
#: (a bare "Comments" is left out: share rows print it above and inside articles).
COMMENT_OPENER = re.compile(alternatives(w.comment_openers for w in ENDS.values()), re.I)
#: A commenter's line ("jane says:", "Jane on May 2, 2019 at 4:47 pm said:") opens the
#: thread when another one follows within COMMENT_AUTHOR_WINDOW blocks.
COMMENT_AUTHOR = re.compile(r".{1,100}\s" + alternatives(w.commenter_verbs for w in ENDS.values()) + r"\s*:", re.I)
COMMENT_AUTHOR_WINDOW = 12
#: ...and only when the region before it weighs this much (about two paragraphs of
#: good text): a comment counter next to the headline must not end an empty article.
MIN_WEIGHT_BEFORE_COMMENTS = 200.0
#: Openers are short lines.
OPENER_MAX_CHARS = 200
#: A cookie-consent notice after the article's text is the page's end too (banners print
#: a paragraph or two; counted after the title anchor, like teaser headers).
CONSENT = re.compile(alternatives(w.cookie_notices for w in ENDS.values()), re.I | re.S)
#: A "Related" / "More from" / "Most read" header ends the article too, but only after
#: this much region weight: inline "Related" boxes sit inside articles, after their
#: first paragraphs (on the benchmark's even half, all that had article text after
#: them came after less than 1,300 characters of it).
MIN_WEIGHT_BEFORE_RELATED = 1500.0
#: "More <Name>": a section or site name after "More" ("More Washington Examiner", "More
#: Politics", "More From The Web"), every word capitalised. Counted like a "Related"
#: header. (On the scrapinghub text/Markdown pages such lines occur 70 times, and never
#: in a truth body; an article's sub-heading runs in sentence case: "More than a game".)
MORE_NAME_HEADING = re.compile(r"\W{0,3}" + alternatives(w.more_words for w in ENDS.values()) + r"(?: [A-Z][\w'’.&-]*){1,4}\W{0,3}")


def article_end(seq: Sequence[Block], region_weight: RegionWeight, anchor: int | None) -> int | None:
    """Position of the line opening the comment section (or the teasers) after the article, if any.

    Teaser headers count only after the title anchor (pages list headlines above the
    article too); comment threads never come first, so their openers count anywhere.
    """
    for k, b in enumerate(seq):
        t = b.text.strip()
        if k > (anchor or 0) and CONSENT.fullmatch(t):
            if region_weight(anchor or 0, k) >= MIN_WEIGHT_BEFORE_COMMENTS:
                return k
        if len(t) > OPENER_MAX_CHARS:
            continue
        need, start = MIN_WEIGHT_BEFORE_COMMENTS, 0
        opener = bool(COMMENT_OPENER.fullmatch(t))
        if not opener and k > (anchor or 0) and len(t) <= RELATED_MAX_CHARS and (
                RELATED_HEADING.fullmatch(t) or MORE_NAME_HEADING.fullmatch(t)):
            opener, need, start = True, MIN_WEIGHT_BEFORE_RELATED, anchor or 0
        if not opener and COMMENT_AUTHOR.fullmatch(t):
            nxt = seq[k + 1 : k + 1 + COMMENT_AUTHOR_WINDOW]
            opener = any(len(a.text) <= OPENER_MAX_CHARS and COMMENT_AUTHOR.fullmatch(a.text.strip()) for a in nxt)
        if not opener:
            continue
        if region_weight(start, k) >= need:
            return k
    return None


def cards_start(seq: Sequence[Block], prose: Sequence[bool], feats: Sequence[LineFeatures], weights: Sequence[float],
                removed: Mapping[int, Removal], lo: int, hi: int) -> int | None:
    """Where a run of teaser cards starts inside the region [lo, hi), after some article text.

    Lines a cleaner removed (captions, credits, "Image 2 of 5") are no labels: a gallery
    of captioned pictures inside the article is no teaser list.
    """
    cards: list[int] = []  # start of each card in the current run
    labels, label_start = 0, lo
    for k in range(lo, hi):
        if seq[k].index in removed:
            continue
        last = seq[k].text.rstrip()[-1:]
        if not prose[k] and last in "?!" and feats[k].words < CARD_QUESTION_WORDS:
            continue  # a short question (an interview's line) is neither label nor text
        if not prose[k] and (last not in ".:;," or labels < CARD_MIN_LABELS):
            if last in ".:;,":
                cards, labels = [], 0  # a sentence (a result line) is no label
                continue
            if labels == 0:
                label_start = k
            labels += 1
            continue
        if labels >= CARD_MIN_LABELS and feats[k].chars <= CARD_MAX_CHARS:
            cards.append(label_start)
            before = sum(weights[lo:cards[0]])
            if (len(cards) >= CARD_MIN_RUN and before >= MIN_WEIGHT_BEFORE_COMMENTS
                    and before >= CARD_ARTICLE_RATIO * sum(weights[cards[0]:hi])):
                return cards[0]
        else:
            cards = []
        labels = 0
    return None

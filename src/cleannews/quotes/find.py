"""The driver: `find_quotes` and the passes it chains.

Spans (`marks`) -> attribution of each span from the context windows this
module chooses (the sentence before the opening mark, the text after the
closing mark up to the sentence end or the next quote, a "X said:" closing the
previous paragraph) -> propagation of speakers along multi-paragraph chains
and to neighbouring quotes -> dropping short quoted phrases without a cue
(scare quotes, titles) -> resolution (`resolve`) -> `Quote` objects. Every
window is bounded by `CONTEXT_CHARS`, so the whole stays linear in the body.
"""

from __future__ import annotations

import itertools

from cleannews.models import Quote
from cleannews.quotes import words as W
from cleannews.quotes.attribution import (
    _Attr,
    _cue_at,
    _docs_in,
    _left_attribution,
    _right_attribution,
    _subject,
    _tail_attribution,
)
from cleannews.quotes.marks import _find_spans, _Span
from cleannews.quotes.names import _Names
from cleannews.quotes.resolve import _resolve
from cleannews.quotes.tokens import (
    _bare,
    _first_char,
    _is_cap,
    _is_word,
    _sentence_end,
    _sentence_start,
    _Tok,
    _tokens,
)
from cleannews.text import word_count

__all__ = ["find_quotes"]


def _attribute(body: str, spans: list[_Span], names: _Names) -> None:
    # The text between two quotes of one sentence is both the window after the
    # first and the window before the second: tokenized once (same range, same
    # tokens; the memo lives for this call only).
    memo: dict[tuple[int, int], list[_Tok]] = {}

    def window(lo: int, hi: int) -> list[_Tok]:
        got = memo.get((lo, hi))
        if got is None:
            got = memo[(lo, hi)] = _tokens(body, lo, hi)
        return got

    for idx, sp in enumerate(spans):
        prev = spans[idx - 1] if idx > 0 and spans[idx - 1].para == sp.para else None
        nxt = spans[idx + 1] if idx + 1 < len(spans) and spans[idx + 1].para == sp.para else None
        # A short span (scare quotes, a title, a key in quoted code) is kept only
        # with a cue right next to it (`find_quotes`): its windows are narrower,
        # and the looks below that give no such cue are spared for it.
        short = _word_count(body[sp.start : sp.end]) <= W.SHORT_QUOTE_WORDS
        sp.extra["short"] = short  # read again when short quotes without a cue are dropped
        reach = W.SHORT_CONTEXT_CHARS if short else W.CONTEXT_CHARS
        # left: the sentence before the opening mark, after any earlier quote
        lo = max(sp.para_start, sp.open - reach)
        if prev is not None:
            lo = max(lo, (prev.close if prev.close >= 0 else prev.end) + 1)
        ls = _sentence_start(body, lo, sp.open)
        left = window(ls, sp.open)
        # right: from the closing mark to the sentence end or the next quote
        attr = _transcript_label(body, sp)
        direct = attr is not None
        if direct:
            sp.extra["label"] = True
        if attr is None and sp.close >= 0:
            hi = min(sp.para_end, sp.close + 1 + reach)
            if nxt is not None:
                hi = min(hi, nxt.open)
            re_ = _sentence_end(body, sp.close + 1, hi)
            right = window(sp.close + 1, re_)
            after_sentence = body[sp.close - 1] in ".!?…" or body[sp.end - 1] in ".!?…"
            attr = _right_attribution(right, after_sentence)
            direct = attr is not None
        if attr is None:
            prev_np = prev.np if prev is not None else ()
            attr, direct = _left_attribution(left, prev_np, names)
        if attr is None and prev is not None and prev.np and ls == lo and prev.close >= 0 and lo == prev.close + 1:
            # a later quote of the same sentence: the same speaker
            attr = _Attr(prev.np, prev.role, prev.cue, prev.docs)
            sp.extra["same_sentence"] = True
            sp.extra["continues"] = prev  # '"A," he said, "B."': one quotation, split
            sp.extra["resumes"] = True
        if attr is None and not left and sp.open == _first_char(body, sp.para_start):
            # a paragraph opening with the quote after "X said:" closing the last one
            attr = _colon_intro(body, sp, spans, idx, names)
            direct = attr is not None
        if attr is None and sp.close >= 0 and not short:
            # 'A clerk who "..." is held to account, Warren said.'
            attr = _tail_attribution(right)
        if attr is None and left and not short:
            subj = _subject(left, names)
            if subj:
                attr = _Attr(subj, None, None, _docs_in(left))
        if attr is None and not short and not any(_is_word(t) for t in left) and ls > lo:
            # 'Warren said the bank failed. "..."': the quote opens its sentence
            # with no cue of its own; the speaker of the sentence before goes
            # on, unless propagation finds it a speaker first (`_propagate`)
            sp.extra["prev_sentence"] = _previous_sentence(body, lo, ls, names)
        if attr is not None:
            sp.np, sp.cue, sp.docs = attr.np, attr.cue, attr.docs
            sp.role = attr.role
            if (
                prev is not None and prev.np and attr.np and prev.np[0].start == attr.np[0].start
                and prev.close >= 0 and ls == lo == prev.close + 1
            ):
                # '"A," Ann Holt said, "and B."': the attribution between the two
                # pieces speaks for both; the second resumes the first's sentence
                sp.extra.setdefault("continues", prev)
                sp.extra["resumes"] = True
        sp.direct = direct
        sp.extra["para_first"] = _first_char(body, sp.para_start)
        # partial: reporter's words before the quote in its sentence
        text0 = body[sp.start]
        if left:
            lastt = left[-1]
            intro = lastt.text in ",:—–" or _cue_at(left, len(left) - 1) is not None
            sp.partial = not intro or text0.islower()
        else:
            sp.partial = False


#: Words a transcript's speaker label may have ("PENCE:", "SEN. KAINE:", "MR. TRUMP:").
MAX_LABEL_TOKENS = 3
#: Characters such a label and its colon fit in.
LABEL_CHARS = 60


def _transcript_label(body: str, sp: _Span) -> _Attr | None:
    """A quoted transcript turn names its speaker in capitals inside the quote
    ('"PENCE: Well, look, ..."'): that label is the speaker, whatever the words
    around the quote say."""
    if not body[sp.start : sp.start + 2].isupper() or ":" not in body[sp.start : sp.start + LABEL_CHARS]:
        return None  # no capitals then a colon: no label (most quotes; skips the tokens)
    toks = _tokens(body, sp.start, min(sp.end, sp.start + LABEL_CHARS))
    k = 0
    while k < len(toks) and k < MAX_LABEL_TOKENS and _is_word(toks[k]) and toks[k].text.isupper() and len(toks[k].text.rstrip(".")) >= 2:
        k += 1
    if k == 0 or k >= len(toks) or toks[k].text != ":" or k + 1 >= len(toks):
        return None
    return _Attr(tuple(toks[:k]), None, None, ())


def _previous_sentence(body: str, lo: int, ls: int, names: _Names) -> _Attr | None:
    """The attribution of the sentence just before position ls (not before lo):
    a speech cue with its speaker ("Warren said the bank failed.")."""
    ps = _sentence_start(body, lo, ls - 1)
    toks = _tokens(body, ps, ls)
    if not toks:
        return None
    quoted = any(t.text in W.ALL_MARKS for t in toks)
    attr = None if quoted else _left_attribution(toks, (), names)[0]
    if attr is None:
        # no speech verb, but a named subject: 'Sanders identified young
        # voters' exhaustion as a reason. "The younger people are ..."': the
        # quote that follows, with no cue of its own, gives that person's words
        subj = _subject(toks, names)
        if subj and _given_name_first(subj):
            attr = _Attr(subj, None, None, _docs_in(toks))
    return attr


def _given_name_first(np_: tuple[_Tok, ...]) -> bool:
    """Does the phrase name a person: a title before two or more capitalised
    words ("Sen. Bernie Sanders (Vt.)"), or a given name the word lists know
    first? Without a speech verb a subject needs that much: in German every
    noun is capitalised ("Das Bild der Innenstädte wird ...", "Zwei Wachen
    blieben ...")."""
    toks = [t for t in np_ if t.text[0] != "("]
    k = 0
    while k < len(toks) and (toks[k].bare in W.ROLE_WORDS or toks[k].bare in W.HONORIFICS):
        k += 1
    words = toks[k:]
    if len(words) < 2 or not all(_is_cap(t) for t in words):
        return False
    return k > 0 or words[0].low in W.FEMALE_NAMES or words[0].low in W.MALE_NAMES


def _colon_intro(body: str, sp: _Span, spans: list[_Span], idx: int, names: _Names) -> _Attr | None:
    """'X said:' at the end of the previous paragraph introduces this quote."""
    ps = sp.para_start
    j = ps - 1
    while j >= 0 and body[j].isspace():
        j -= 1
    if j < 0 or body[j] != ":":
        return None
    lo = max(0, j - W.CONTEXT_CHARS)
    k = body.rfind("\n", lo, j)
    lo = max(lo, k + 1)
    if idx > 0 and spans[idx - 1].close >= lo:
        lo = spans[idx - 1].close + 1
    ls = _sentence_start(body, lo, j)
    toks = _tokens(body, ls, j + 1)
    attr, _ = _left_attribution(toks, (), names)
    return attr


def _last_in_paragraph(spans: list[_Span], i: int) -> _Span | None:
    """spans[i] when it is the last span of its paragraph, else None."""
    if i + 1 < len(spans) and spans[i + 1].para == spans[i].para:
        return None
    return spans[i]


def _propagate(spans: list[_Span]) -> None:
    """Quotes without a speaker take one from their multi-paragraph chain or
    from the neighbouring quote of the same paragraph ("…," he said. "…")."""
    chains: dict[int, list[_Span]] = {}
    for sp in spans:
        if sp.chain >= 0:
            chains.setdefault(sp.chain, []).append(sp)
    # chain pieces: the first piece's opening is only "open" in mark terms;
    # the attribution usually sits after the last piece or before the first
    for pieces in chains.values():
        src = next((p for p in reversed(pieces) if p.np and p.direct), None) or next((p for p in pieces if p.np), None)
        if src is None:
            continue
        for p in pieces:
            if not p.np:
                p.np, p.cue, p.role, p.docs, p.direct = src.np, src.cue, src.role, src.docs, True
        for before, p in itertools.pairwise(pieces):
            if not p.extra.get("label"):  # a transcript's next turn ("WALLACE: ...") is a new quotation
                p.extra["continues"] = before  # a quotation over paragraphs: its pieces in order
    n = len(spans)
    last: _Span | None = None
    for sp in spans:
        # a quote paragraph with no cue of its own continues the last speaker
        if not sp.np and last is not None and sp.para - last.para <= W.CARRY_PARAGRAPHS and sp.open == sp.extra.get("para_first", -1):
            sp.np, sp.cue, sp.role, sp.docs = last.np, None, last.role, last.docs
            sp.extra["carried"] = True
            sp.extra["carried_from"] = last
        if sp.np and not sp.extra.get("carried"):
            last = sp
    for i, sp in enumerate(spans):
        if sp.np or sp.partial:
            # a fragment inside the reporter's own sentence ('... announcing that
            # the forecast was "simply not true."') is no piece of a neighbour's quotation
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < n and spans[j].para == sp.para and spans[j].np and spans[j].direct:
                sp.np, sp.cue, sp.role, sp.docs = spans[j].np, spans[j].cue, spans[j].role, spans[j].docs
                sp.extra["borrowed"] = True
                # '"A," he said. "B."' (B after its attributed piece) or '"A." "B,"
                # he said.' (A before it): the later piece continues the earlier
                later, earlier = (sp, spans[j]) if j < i else (spans[j], sp)
                later.extra.setdefault("continues", earlier)
                break
    for sp in spans:
        ps = sp.extra.get("prev_sentence")
        if not sp.np and ps is not None:
            sp.np, sp.cue, sp.role, sp.docs = ps.np, ps.cue, ps.role, ps.docs
    for i, sp in enumerate(spans[:-1]):
        # a quote with no speaker anywhere, right before a paragraph that opens
        # with an attributed quote: news gives the attribution once, after
        # the speaker's words ('"...you blamed the workers." / "It's gutless
        # leadership," Warren said.')
        nx = spans[i + 1]
        if (
            not sp.np and not sp.partial and nx.np and nx.direct and nx.para == sp.para + 1
            and nx.open == nx.extra.get("para_first", -1) and sp is _last_in_paragraph(spans, i)
        ):
            sp.np, sp.cue, sp.role, sp.docs = nx.np, nx.cue, nx.role, nx.docs
            sp.extra["borrowed_back"] = True


def _word_count(text: str) -> int:
    """Words of a quotation: text without spaces (Chinese, Japanese) counts by its
    characters, so that 「...」 quotes are not all one "word" long; Korean by its
    spaces (`cleannews.text.word_count`, the one counter)."""
    return word_count(text, hangul=False)


def _title_case(text: str) -> bool:
    """A quoted title ("Face the Nation," "Reeks of Fear."): a few words, each
    capitalised but for the short function words titles keep in lower case."""
    # one pass that stops at the first word a title cannot have (most quotes are
    # sentences: their first lower-case word that is no function word ends it)
    words = caps = 0
    for w in text.split():
        if not any(map(str.isalpha, w)):
            continue
        words += 1
        if words > W.TITLE_MAX_WORDS:
            return False  # too long for a title: no need to read the rest
        w0 = w.lstrip("\"'‘“(")
        if w0[:1].isupper():
            caps += 1
        elif w0.lower().strip(".,;:!?") not in W.TITLE_LOWER_WORDS:
            return False
    return caps >= 2


def _role_text(role: str | None) -> str | None:
    """A role as a title: without its leading definite article ("the US
    Secretary of State" -> "US Secretary of State", "la ministre" -> "ministre");
    an indefinite one stays ("a former aide"), it says what kind of role."""
    if not role:
        return None
    elided = next((e for e in W.ELISIONS if role.lower().startswith(e) and len(role) > len(e)), None)
    if elided:
        role = role[len(elided) :]  # "L’assessore ai trasporti" -> "assessore ai trasporti"
    first, _, rest = role.partition(" ")
    if rest and (first.lower() == "the" or first.lower() in W.FOREIGN_DETERMINERS):
        return rest
    head = _bare(rest.split(" ", 1)[0].lower()) if rest else ""
    if any(first.lower() in arts and head in roles for arts, roles in W.ROLE_ARTICLES):
        return rest
    return role


def find_quotes(body: str) -> tuple[Quote, ...]:
    """Direct quotations in `body`, with speaker, role, cue and exact offsets."""
    if not body:
        return ()
    spans = _find_spans(body)
    if not spans:
        return ()
    names = _Names(body)
    _attribute(body, spans, names)
    _propagate(spans)
    kept = [
        sp for sp in spans
        # continuations ('"A," he said. "B."' -> B) stay: a split quotation is
        # emitted whole, one linked Quote a piece (the repaired polnear-dev truth
        # annotates every piece: recall 0.81 -> 0.99 with them)
        if not sp.extra["short"] or (sp.direct and sp.np)
    ]
    _resolve(kept, names, body)
    # quoted titles go after resolution: their speaker phrase still counts
    # as the last one named for a "he said" that follows
    kept = [sp for sp in kept if sp.direct or not _title_case(body[sp.start : sp.end])]
    index = {id(sp): i for i, sp in enumerate(kept)}
    out: list[Quote] = []
    for i, sp in enumerate(kept):
        before = sp.extra.get("continues")
        link = index.get(id(before)) if before is not None else None
        if link is not None and link < i and (out[link].speaker is not None or sp.speaker is None):
            # a piece of a split quotation speaks with its quotation's voice, even
            # where its own phrase ("he") resolved on its own
            first = out[link]
            # a piece resuming its sentence after the attribution ('"A," she
            # said, "and B."') is as partial as the piece it resumes
            partial = first.partial if sp.extra.get("resumes") else sp.partial
            out.append(Quote(body[sp.start : sp.end], first.speaker, first.speaker_role, first.cue,
                             partial, sp.start, sp.end, continues=link))
            continue
        out.append(
            Quote(
                text=body[sp.start : sp.end],
                speaker=sp.speaker,
                speaker_role=_role_text(sp.role) if sp.speaker else None,
                cue=sp.cue if sp.speaker else None,
                partial=sp.partial,
                start=sp.start,
                end=sp.end,
            )
        )
    return tuple(out)

"""Speaker phrases: the noun phrase next to a speech cue that names who spoke.

Reading forward after a cue ("said Fallon, a former aide") or backward before
one ("US Secretary of State Antony Blinken said"), with appositives giving the
role and time words skipped. Kept apart from the cue logic in `attribution`
because it is the grammar of a noun phrase (names, roles, determiners,
agent nouns), used there and again by `resolve` to find a sentence's subject.
Every walk is capped at `MAX_NP_TOKENS` or a fixed window, never unbounded.
"""

from __future__ import annotations

from cleannews.quotes import words as W
from cleannews.quotes.tokens import (
    _bare,
    _is_cap,
    _is_initial,
    _is_namey,
    _is_word,
    _Tok,
)


def _skip_time(toks: list[_Tok], j: int) -> int:
    """Skip "Thursday", "Thursday morning", "on Monday" after a cue."""
    n = len(toks)
    while j < n:
        b = toks[j].bare
        if (b in W.TIME_WORDS and not _given_name_like_a_date(toks, j)) or b in W.TIME_TAIL or b in ("today", "yesterday", "tonight", "last", "this"):
            j += 1
            continue
        if b == "on" and j + 1 < n and toks[j + 1].bare in W.TIME_WORDS:
            j += 2
            continue
        break
    return j


def _speaker_like(np_: list[_Tok] | tuple[_Tok, ...]) -> bool:
    """Can this phrase be a speaker? A name, a pronoun, or a noun phrase headed by
    a role, an agent noun ("the announcer"), a document, an organisation or a group."""
    words = [t for t in np_ if _is_word(t) or t.text[0] == "("]
    if not words:
        return False
    if len(words) == 1 and words[0].low in W.PRONOUNS:
        return True
    content = [t for t in words if t.bare not in W.DETERMINERS and t.bare not in W.FUNCTION_CAPS]
    if not content:
        return False
    head = content[-1]
    if head.text[0] == "(" and len(content) > 1:
        head = content[-2]
    if _is_cap(head) or head.text[0] == "(":
        return True
    b = head.bare
    if b in W.ROLE_WORDS or b in W.DOCUMENT_NOUNS or b in W.ORG_WORDS:
        return True
    if b.endswith(W.AGENT_SUFFIXES):
        return True
    if b.endswith("s"):  # "officials", "ministers", "groups"
        sing = b[:-1]
        return sing in W.ROLE_WORDS or sing in W.ORG_WORDS or sing.endswith(W.AGENT_SUFFIXES)
    return False


#: Name particles in a row inside a name: "de la" (Ana de la Cruz), "van der" (Rogier van der Weyden).
MAX_PARTICLES = 3


def _particles_end(toks: list[_Tok], j: int, n: int) -> int:
    """toks[j] is a name particle after a capitalised word: the index of the
    capitalised word after the run of particles starting at j, or j when the run
    is no part of a name (nothing capitalised after it, or a lone particle that
    is also an article: "sagte Thomas Brenneke der Rundschau", told the Rundschau)."""
    q = j
    while q < n and q - j < MAX_PARTICLES and toks[q].bare in W.NAME_PARTICLES:
        q += 1
    if q >= n or not _is_cap(toks[q]):
        return j
    if q == j + 1 and toks[j].bare in W.ARTICLE_PARTICLES:
        return j
    return q


def _given_name_like_a_date(toks: list[_Tok], j: int) -> bool:
    """A capitalised time word right before a capitalised name word is a given name:
    "so Jan Wolf", "said May Chen" (but "said Jan. 5", "on Monday")."""
    t = toks[j]
    if not (_is_cap(t) and t.low in W.TIME_NAMES) or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return _is_namey(nxt) and _is_cap(nxt) and nxt.bare not in W.ROLE_WORDS


def _verb_with_object(toks: list[_Tok], j: int, lower: int) -> bool:
    """Is the past form at toks[j] the verb of the phrase before it? It follows the
    phrase's own lower-case noun (`lower` of them so far) and an object follows it:
    a name or a determiner ("groups granted Mr. Clarke", "officials issued a")."""
    if lower < 1 or j + 1 >= len(toks) or not toks[j - 1].text[0].islower():
        return False
    nxt = toks[j + 1]
    return (_is_cap(nxt) and nxt.bare not in W.FUNCTION_CAPS) or nxt.low in W.DETERMINERS


def _number_modifier(t: _Tok) -> bool:
    """A number joined to a noun by a hyphen, modifying the head after it like an
    adjective: "a 52-count complaint", "a 40-page report", "the 34-year-old"."""
    return t.text[0].isdigit() and "-" in t.text and t.text[-1].isalpha()


def _np_forward(toks: list[_Tok], k: int) -> int:
    """End index (exclusive) of a speaker phrase starting at k; k when there is none."""
    n = len(toks)
    if k >= n:
        return k
    t = toks[k]
    if t.low in W.PRONOUNS:
        return k + 1
    j = k
    det = False
    if t.low in W.FORWARD_DETERMINERS:
        det, j = True, k + 1
    elif t.low.endswith(("'s", "’s")) and _is_cap(t):
        det = True  # "Scott's niece"
    elif t.text[0].isdigit() and k + 1 < n and toks[k + 1].text[0].islower():
        det, j = True, k + 1  # a number as modifier: "9/11 widow Terry Strada"
    lower = 0
    while j < n and j - k < W.MAX_NP_TOKENS:
        t = toks[j]
        b = t.bare
        if _is_namey(t) or _given_name_like_a_date(toks, j):
            if _is_cap(t) and b in W.FUNCTION_CAPS and not _is_initial(t):
                break
            j += 1
            if t.low.endswith(("'s", "’s")):
                det = True
            continue
        if b in W.NAME_PARTICLES and j > k and _is_cap(toks[j - 1]):
            q = _particles_end(toks, j, n)
            if q > j:
                j = q
                continue
        if (
            _is_word(t)
            and (t.text[0].islower() or (det and _number_modifier(t)))
            and lower < 4
            and (det or _role_noun(b) or (j + 1 < n and _role_noun(toks[j + 1].bare)))
            and b not in W.NP_STOPS
            and b not in W.SKIP_BEFORE_CUE
            and (b not in W.CUE_WORDS or b in W.WEAK_CUES)
            and b not in W.NAME_PARTICLES
            and not b.endswith("ly")
            # a past form right after a name is its verb ("the Council issued"),
            # and so is one after the phrase's noun with an object after it
            # ("several environmental groups granted Mr. Clarke an extension")
            and not (b.endswith("ed") and b not in W.ROLE_WORDS and (_is_cap(toks[j - 1]) or _verb_with_object(toks, j, lower)))
        ):
            lower += 1
            j += 1
            continue
        break
    if not det:
        # without a determiner, lower-case words only inside a name phrase
        # ("Tulsa police Chief Chuck Jordan"), never at its end
        # ("Tulsa police Chief Chuck Jordan"), never at its end; a phrase of
        # lower-case words only when a role noun heads it ("federal prosecutors")
        while j > k and toks[j - 1].text[0].islower() and not _role_noun(toks[j - 1].bare):
            j -= 1
        if j > k and toks[k].text[0].islower() and not _role_noun(toks[j - 1].bare) and toks[k].low not in W.PRONOUNS:
            if not any(_is_cap(t) for t in toks[k:j]):
                return k
    if j > k and not _speaker_like(toks[k:j]):
        # lower-case words after a determiner run on into the verb ("the
        # letter reads", "the Council issued a statement"): the longest part
        # that is a speaker phrase
        while j > k + 1 and toks[j - 1].text[0].islower() and not _speaker_like(toks[k:j]):
            j -= 1
        # ending on an owner ("the party's bylaws" -> "the party's"): the
        # owner of a document or a rule is its issuer, as "Ivana Trump's brief"
    if det and j == k + 1 and toks[k].low in W.DETERMINERS:
        return k
    if j > k and not _speaker_like(toks[k:j]):
        return k
    return j


def _role_noun(b: str) -> bool:
    """A noun that can head a speaker phrase without a determiner ("police said",
    "prosecutors said", "officials said"): a role word, its plural, or an
    organisation word."""
    return b in W.ROLE_WORDS or b in W.ORG_WORDS or (b.endswith("s") and b[:-1] in W.ROLE_WORDS)


def _np_backward(toks: list[_Tok], c: int, lo: int) -> tuple[int, int]:
    """(start, end) of the speaker phrase ending just before index c (exclusive end)."""
    end = c
    start = c
    j = c - 1
    lower_ok = True
    while j >= lo and j >= c - W.MAX_NP_TOKENS:
        t = toks[j]
        b = t.bare
        if t.low in W.PRONOUNS and j == c - 1:
            return j, c
        if _is_namey(t):
            j -= 1
            continue
        if b in W.NAME_PARTICLES and j + 1 < c and _is_cap(toks[j + 1]):
            # a run of particles between capitals: "de la" in "Ana de la Cruz"
            q = j
            while q - 1 >= lo and j - q < MAX_PARTICLES and toks[q - 1].bare in W.NAME_PARTICLES:
                q -= 1
            if q - 1 >= lo and _is_cap(toks[q - 1]) and not (q == j and b in W.ARTICLE_PARTICLES):
                j = q - 1
                continue
        if b in W.DETERMINERS:
            if j + 1 < end and _speaker_like(toks[j:end]):
                return j, end  # "the band leader", "the statement"
            return end, end
        if (
            lower_ok
            and _is_word(t)
            and t.text[0].islower()
            and b not in W.NP_STOPS
            and b not in W.SKIP_BEFORE_CUE
            and (b not in W.CUE_WORDS or b in W.WEAK_CUES)
            and b not in W.PRONOUNS
        ):
            j -= 1
            continue
        break
    start = j + 1
    # lower-case words count only after a determiner: keep the part after the
    # last lower-case non-role word ("beamed", "asked" are not speakers)
    for i in range(end - 1, start - 1, -1):
        t = toks[i]
        if _is_word(t) and t.text[0].islower() and not _role_noun(t.bare) and t.bare not in W.NAME_PARTICLES:
            start = i + 1
            break
    # possessive documents: "Ivana Trump's brief"
    if start > lo and start == end and end - 1 >= lo:
        pass
    while start < end and (toks[start].bare in W.FUNCTION_CAPS or not _is_word(toks[start])) and toks[start].text[0] != "(":
        start += 1
    if start < end and not _speaker_like(toks[start:end]):
        return end, end
    return start, end


def _appositive_backward(toks: list[_Tok], j: int, lo: int) -> tuple[int, str | None]:
    """toks[j] is ','; if an appositive ", a top aide," ends here, return (index before it, role)."""
    k = j - 1
    while k >= lo and j - k <= 24:
        t = toks[k]
        if t.text == ",":
            break
        if t.text in ".;:!?":
            return -1, None
        k -= 1
    if k < lo or toks[k].text != ",":
        return -1, None
    inner = toks[k + 1 : j]
    if not inner:
        return -1, None
    first = inner[0].bare
    role = None
    if first in ("a", "an", "the") or first in W.ROLE_WORDS or inner[0].low.endswith(("'s", "’s")):
        role = " ".join(t.text for t in inner)
    elif first in ("in", "who", "speaking", "writing", "which", "according", "at", "on", "during", "after"):
        role = None
    elif _is_cap(inner[0]) or first in W.FORWARD_DETERMINERS:
        role = " ".join(t.text for t in inner)
    return k, role


def _clean_role(toks: tuple[_Tok, ...] | list[_Tok]) -> str | None:
    words = [t.text for t in toks if not (t.low in W.DETERMINERS and t is toks[0])]
    words = [w for w in words if _bare(w.lower()) not in ("mr", "mrs", "ms", "miss", "dr")]
    s = " ".join(words).strip(" ,")
    return s or None


def _speaker_before(toks: list[_Tok], c: int, lo: int) -> tuple[tuple[_Tok, ...], str | None]:
    """Speaker phrase and role in front of the cue at index c ("Flynn, a top aide, said")."""
    j = c
    while j - 1 >= lo and (
        toks[j - 1].bare in W.SKIP_BEFORE_CUE
        or toks[j - 1].low in W.SKIP_BEFORE_CUE
        or (toks[j - 1].low.endswith("ly") and toks[j - 1].text[0].islower())
    ):
        j -= 1
    if toks[c].low not in W.PARTICIPLE_CUES and any(toks[i].low in W.PASSIVE_AUX for i in range(j, c)):
        return (), None  # passive: "X was widely ridiculed", "X is called": X did not speak
    if j - 1 > lo and toks[j - 1].low in W.RELATIVE_PRONOUNS:
        # a relative clause: "the police department, which reported "..."":
        # its antecedent, when the quote follows the cue (further off, the
        # clause may be a description: "told a woman who suggested ... that")
        if not all(not _is_word(t) or t.low == "that" for t in toks[c + 1 :]):
            return (), None
        j -= 1
        if j - 1 > lo and toks[j - 1].text == ",":
            j -= 1
        s, e = _np_backward(toks, j, lo)
        if e > s and not toks[e - 1].low.endswith(("'s", "’s")):
            return tuple(toks[s:e]), None
        return (), None
    role = None
    if j - 1 >= lo and toks[j - 1].text == ",":
        k, role = _appositive_backward(toks, j - 1, lo)
        if k < 0:
            return (), None
        j = k
    s, e = _np_backward(toks, j, lo)
    if role is not None and j < c:
        # "Another critic, Laurence H. Tribe, likened": the name is in apposition
        inner = tuple(t for t in toks[j + 1 : c] if t.text != ",")
        while inner and inner[-1].bare in W.SKIP_BEFORE_CUE:
            inner = inner[:-1]
        if _is_name_phrase(inner) and not any(_is_cap(t) and t.bare not in W.FUNCTION_CAPS and t.low not in W.FORWARD_DETERMINERS for t in toks[s:e]):
            outer = _clean_role(toks[s:e]) if e > s else None
            return inner, outer
    if e <= s or toks[e - 1].low.endswith(("'s", "’s")):
        return (), None  # nothing, or "Obama's remarks": a possessive, not a speaker
    if role is not None and toks[s].low in W.DETERMINERS and s - 1 > lo and toks[s - 1].text == ",":
        # two appositives: "Jean Roux, the foreign minister of France, a
        # member of the council, said": the name before the first one
        s2, e2 = _np_backward(toks, s - 1, lo)
        name = toks[s2:e2]
        if e2 > s2 and all(_is_cap(t) and t.bare not in W.FUNCTION_CAPS and t.bare not in W.ROLE_WORDS for t in name):
            first_role = _clean_role(toks[s:e])
            return tuple(name), f"{first_role}, {role}" if first_role else role
    return tuple(toks[s:e]), role


def _is_name_phrase(np_: tuple[_Tok, ...]) -> bool:
    """Two to five capitalised words or initials, nothing else: "Laurence H. Tribe"."""
    return 2 <= len(np_) <= 5 and all(
        _is_cap(t) and t.bare not in W.FUNCTION_CAPS and t.bare not in W.ROLE_WORDS for t in np_
    )


def _speaker_after(toks: list[_Tok], k: int) -> tuple[tuple[_Tok, ...], str | None, tuple[str, ...]]:
    """Speaker phrase after a cue at k ("said Fallon, a former aide"), its role, document nouns."""
    n = len(toks)
    k = _skip_time(toks, k)
    e = _np_forward(toks, k)
    if e <= k:
        return (), None, ()
    np_ = tuple(toks[k:e])
    docs: tuple[str, ...] = ()
    head = np_[-1].bare
    if head in W.DOCUMENT_NOUNS and e < n and toks[e].low in ("by", "from", "of", "in"):
        e2 = _np_forward(toks, e + 1)
        if e2 > e + 1:
            docs = (head,)
            np_ = tuple(toks[e + 1 : e2])
            e = e2
    named = _role_then_name(toks, k, e)
    if named is not None:
        return named[0], named[1], docs
    role = None
    if e + 1 < n and toks[e].text == ",":
        j = e + 1
        first = toks[j].bare
        if first not in W.RELATIVE_AFTER_NAME and (
            first in ("a", "an", "the") or first in W.FOREIGN_DETERMINERS or first in W.ROLE_WORDS
            or _is_cap(toks[j]) or toks[j].low.endswith(("'s", "’s"))
        ):
            q = j
            while q < n and q - j < 24 and toks[q].text not in (",", ".", ";", ":", "!", "?") and toks[q].low not in W.RELATIVE_AFTER_NAME:
                q += 1
            # an appositive is closed (by punctuation or a relative clause); one
            # running into the window's end is the next clause ('according to
            # Holt, the agency wasted "..."')
            if q > j and q < n:
                role = " ".join(t.text for t in toks[j:q])
    return np_, role, docs


#: Lower-case words before a role word in a role phrase ("the county clerk", "the chief
#: financial officer"): news titles seldom stack more than two.
MAX_ROLE_MODIFIERS = 2
#: Capitalised words a role's domain may run to ("de Sevilla", "of the Port of Leith Authority").
MAX_DOMAIN_TOKENS = 6


def _role_then_name(toks: list[_Tok], k: int, e: int) -> tuple[tuple[_Tok, ...], str] | None:
    """A role phrase after a cue with the name in apposition after it: "dijo el
    alcalde de Sevilla, Juan Pérez", "a déclaré la ministre des Transports, Claire
    Dubois", "said the mayor of Leeds, Ann Holt". The speaker is the name, the role
    the phrase (with its domain); None when toks[k:e] is no bare role or no name follows."""
    n = len(toks)
    i = k
    while i < e and toks[i].low in W.FORWARD_DETERMINERS:
        i += 1
    # lower-case modifiers before the role word: "said the county clerk, Maria Lopez"
    m = i
    while m < e and m - i < MAX_ROLE_MODIFIERS and _is_word(toks[m]) and toks[m].text[0].islower() and toks[m].bare not in W.ROLE_WORDS:
        m += 1
    if m >= e or toks[m].bare not in W.ROLE_WORDS:
        return None
    # before any link word, the phrase holds role words only (no name of its own)
    j = i
    while j < e and toks[j].low not in W.ROLE_LINKS:
        if _is_cap(toks[j]) and toks[j].bare not in W.ROLE_WORDS:
            return None
        j += 1
    end = e
    if end + 1 < n and toks[end].low in W.ROLE_LINKS:
        q = end + 1
        while q < n and q - end <= MAX_DOMAIN_TOKENS and (
            _is_cap(toks[q]) or toks[q].low in W.ROLE_LINKS or toks[q].low in W.FORWARD_DETERMINERS
        ):
            q += 1
        if q == end + 1 or not _is_cap(toks[q - 1]):
            return None
        end = q
    if not (end + 1 < n and toks[end].text == ","):
        return None
    q = end + 1
    while q < n and q - end <= 5 and (_is_cap(toks[q]) or _is_initial(toks[q]) or toks[q].bare in W.NAME_PARTICLES):
        q += 1
    name = tuple(toks[end + 1 : q])
    if not _is_name_phrase(tuple(t for t in name if t.bare not in W.NAME_PARTICLES)):
        return None
    if q < n and _is_word(toks[q]):
        return None  # the name runs on into a clause: no apposition
    return name, " ".join(t.text for t in toks[k:end])


def _named(np_: tuple[_Tok, ...] | list[_Tok]) -> bool:
    """A pronoun or a phrase ending in a capitalised word."""
    if not np_:
        return False
    last = np_[-1]
    if last.text[0] == "(" and len(np_) > 1:
        last = np_[-2]
    return last.low in W.PRONOUNS or (_is_cap(last) and last.bare not in W.FUNCTION_CAPS)

"""Resolution: from each quote's speaker phrase to a speaker name, in reading order.

Pronouns become the last speaker of the same kind (he/she a person, they a
group, it an organisation or document), unless a named person is the subject
of the quote's sentence or of the one just before; a document ("the statement
added") becomes its issuer; a surname becomes the full name the article gives
elsewhere (`_Names`); a role in front of the name ("US Secretary of State
Antony Blinken") is split off into `speaker_role`. This runs after all
attribution, over the kept quotes only, because it needs the history of
earlier speakers.
"""

from __future__ import annotations

from cleannews.quotes import words as W
from cleannews.quotes.attribution import _cue_at, _plausible
from cleannews.quotes.marks import _Span
from cleannews.quotes.names import _first_name_gender, _is_place, _Names, _Who
from cleannews.quotes.phrases import (
    MAX_DOMAIN_TOKENS,
    MAX_PARTICLES,
    _is_name_phrase,
    _np_backward,
    _np_forward,
)
from cleannews.quotes.tokens import (
    _bare,
    _first_char,
    _is_cap,
    _is_initial,
    _is_word,
    _Tok,
    _tokens,
)


def _conjuncts(np_: tuple[_Tok, ...], names: _Names) -> tuple[tuple[_Tok, ...], str, tuple[_Tok, ...]] | None:
    """(first, coordinator, second) of two people joined by a coordinator
    ("Ann Holt and Mark Doyle"), else None. Each part is a full name or a
    surname the body gives in full: capitalised nouns (German) are no names."""
    for i in range(1, len(np_) - 1):
        if np_[i].low in W.COORDINATORS:
            a, b = np_[:i], np_[i + 1 :]
            if all(_is_name_phrase(c) or (len(c) == 1 and _is_cap(c[0]) and names.known(c[0].text)) for c in (a, b)):
                return a, np_[i].text, b
            return None
    return None


def _kind(np_: tuple[_Tok, ...]) -> str:
    if any(_is_cap(t) for t in np_):
        # the kind of the name, not of its role ("Party Chairman David Pepper")
        name, _ = _split_name(np_)
        words = name.split()
        lows = [_bare(w.lower()) for w in words]
        if any(w in W.ORG_WORDS for w in lows):
            return "org"
        if _is_place(words):
            return "place"
        if lows and lows[-1] in W.DOCUMENT_NOUNS:
            return "doc"
        return "person"
    lows = [t.bare for t in np_]
    if any(w in W.ORG_WORDS for w in lows):
        return "org"
    if lows and lows[-1] in W.DOCUMENT_NOUNS:
        return "doc"
    head = np_[-1]
    if head.text[0].islower() and lows[-1].endswith("s") and not lows[-1].endswith(("ss", "us", "is")):
        return "group"
    if not any(_is_cap(t) for t in np_):
        return "group" if lows[-1].endswith("s") else "person"
    return "person"


def _gender(np_: tuple[_Tok, ...]) -> str | None:
    for t in np_:
        b = t.bare
        if b in ("mrs", "ms", "miss", "madam"):
            return "f"
        if b in ("mr", "sir"):
            return "m"
    return None


def _split_name(np_: tuple[_Tok, ...]) -> tuple[str, str | None]:
    """("US Secretary of State Antony Blinken") -> ("Antony Blinken", "US Secretary of State")."""
    toks = [t for t in np_ if t.text[0] != "("]
    if not toks:
        return " ".join(t.text for t in np_), None
    # the name: the trailing run of capitalised non-role words (and initials)
    i = len(toks)
    while i > 0:
        t = toks[i - 1]
        b = t.bare
        if _is_initial(t) or (_is_cap(t) and b not in W.ROLE_WORDS and b not in W.HONORIFICS and b not in W.FUNCTION_CAPS):
            i -= 1
            continue
        if b in W.NAME_PARTICLES and i < len(toks):
            # "de la" in "Ana de la Cruz": the run of particles, then the given name
            q = i - 1
            while q - 1 >= 0 and i - q < MAX_PARTICLES and toks[q - 1].bare in W.NAME_PARTICLES:
                q -= 1
            if q - 1 >= 0 and _is_cap(toks[q - 1]) and toks[q - 1].bare not in W.ROLE_WORDS and not (
                q == i - 1 and b in W.ARTICLE_PARTICLES
            ):
                i = q
                continue
        break
    name_toks = toks[i:]
    role_toks = toks[:i]
    # "Charles B. Rangel of New York": a full name, then where it is from; the
    # place is no part of the name ("Prince of Wales" has no full name before "of")
    cut = next((q for q, t in enumerate(name_toks) if t.low == "of" and q >= 2), -1)
    if cut > 0 and all(_is_cap(t) or _is_initial(t) for t in name_toks[:cut]):
        name_toks = name_toks[:cut]
    if not name_toks or any(t.bare in W.ORG_WORDS for t in name_toks) and len(role_toks) > 0 and not _is_cap(role_toks[-1]):
        pass
    if not name_toks:
        poss = [j for j, t in enumerate(toks) if _is_cap(t) and t.low.endswith(("'s", "’s"))]
        if poss:
            # "presidential candidate Gary Johnson's doctor": the owner's name
            # on, the title before it is the owner's, not the speaker's
            a = poss[-1]
            while a > 0 and (_is_initial(toks[a - 1]) or (_is_cap(toks[a - 1]) and toks[a - 1].bare not in _NOT_NAME)):
                a -= 1
            return " ".join(t.text for t in toks[a:]), None
        text = " ".join(t.text for t in toks)
        # a described speaker keeps an indefinite article ("a police spokesman":
        # which kind of speaker), loses a definite one ("the spokesman" -> "spokesman")
        if toks[0].low in W.FORWARD_DETERMINERS and toks[0].low not in W.INDEFINITE_ARTICLES and len(toks) > 1:
            text = " ".join(t.text for t in toks[1:])
        if text.endswith(("'s", "’s")):
            text = text[:-2]  # "the party's" (bylaws): the party
        return text, None
    name = " ".join(t.text for t in name_toks)
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    # honorific glued in front ("Mr. Obama") stays out of the name, joins no role
    role_toks = [t for t in role_toks if t.bare not in ("mr", "mrs", "ms", "miss", "dr", "the")]
    while role_toks and role_toks[0].low in W.DETERMINERS and role_toks[0].low not in W.INDEFINITE_ARTICLES:
        # "an explosion that Mayor Bill de Blasio described": a demonstrative or
        # a relative "that" before the title is no part of it (an indefinite
        # article is: "a former aide" says which kind of role)
        role_toks = role_toks[1:]
    role = " ".join(t.text for t in role_toks).strip(" ,") or None
    return name, role


# Capitalised words that are no part of a name: titles and sentence words.
_NOT_NAME = W.ROLE_WORDS | W.HONORIFICS | W.FUNCTION_CAPS


def _split_org(np_: tuple[_Tok, ...]) -> tuple[str, str | None]:
    """An organisation keeps its title words ("the Security Council", "the
    State Department", "the Department of Justice"): its name is the trailing
    run of capitalised words, with "of"/"for" between them; what comes before
    ("Russia's") is no role."""
    toks = [t for t in np_ if t.text[0] != "("]
    i = len(toks)
    while i > 0:
        t = toks[i - 1]
        if _is_cap(t) and t.bare not in W.FUNCTION_CAPS:
            i -= 1
            continue
        if t.low in ("of", "for", "on", "and") and i - 2 >= 0 and i < len(toks) and _is_cap(toks[i - 2]):
            i -= 1
            continue
        break
    if i >= len(toks) or not _is_cap(toks[i]):
        return _split_name(np_)
    return " ".join(t.text for t in toks[i:]), None


def _resolve(spans: list[_Span], names: _Names, body: str) -> None:
    """Turn each span's speaker phrase into a speaker name, in reading order."""
    history: list[_Who] = []
    ends: list[int] = []  # where each history entry's quote ends
    gender_of: dict[str, str] = {}
    issuers: dict[str, str] = {}
    # the first role the article gives each speaker, for later quotes of the
    # same person that name no role ("Blinken said", "he added")
    role_of: dict[str, str | None] = {}
    for sp in spans:
        here = sp.close if sp.close >= 0 else sp.end
        np_ = sp.np
        if not np_:
            continue
        lows = [t.bare for t in np_]
        who: _Who | None = None
        if len(np_) == 1 and lows[0] in W.PRONOUNS:
            p = lows[0]
            who = _resolve_pronoun(p, history, ends, gender_of, body, sp, names)
            if who is not None and p in W.PRONOUNS_PERSON:
                gender_of.setdefault(who.name, "f" if p in W.PRONOUNS_FEMALE else "m")
            if who is None:
                sp.speaker = None
                continue
            sp.speaker = who.name
            sp.role = sp.role or _known_role(role_of, who.name, body)
            history.append(who)
            ends.append(here)
            continue
        parts = _conjuncts(np_, names)
        if parts:
            # "Ann Holt and Mark Doyle": each name resolved, the pair a group
            # (for a "they" after it), no role for either
            joined = f" {parts[1]} ".join(names.full(_split_name(c)[0]) for c in (parts[0], parts[2]))
            sp.speaker = joined
            history.append(_Who(joined, "group", None))
            ends.append(here)
            continue
        kind = _kind(np_)
        head = lows[-1]
        if kind == "doc" and head in W.DOCUMENT_NOUNS:
            # "the statement added" -> who issued it; "Ivana Trump's brief" -> Ivana Trump
            poss = [i for i, t in enumerate(np_) if t.low.endswith(("'s", "’s")) and _is_cap(t)]
            if poss:
                name, _ = _split_name(np_[: poss[-1] + 1])
                name = names.full(name)
                sp.speaker = name
                history.append(_Who(name, "person", gender_of.get(name)))
                ends.append(here)
                continue
            issuer = issuers.get(head)
            if issuer is None:
                for h in reversed(history):
                    if h.kind == "org":
                        issuer = h.name
                        break
            if issuer is not None:
                sp.speaker = issuer
                continue
        name, role = _split_name(np_) if kind != "org" else _split_org(np_)
        if kind == "person":
            name = names.full(name)
            # a lone word the body never writes in lower case, before a strong
            # cue, inside running text (a paragraph's first word may be a
            # headline's: "Talk compared to ..."): a name ("Russia insisted")
            strong = (
                sp.cue is not None and sp.cue in W.CUE_WORDS and sp.cue not in W.WEAK_CUES
                and not _opens_paragraph(body, np_[0].start)
            )
            labelled = bool(sp.extra.get("label"))  # "PENCE: ..." names its speaker outright
            if (
                " " not in name and name[:1].isupper() and not labelled
                and not names.one_word_name(name) and not (strong and names.never_lower(name))
            ):
                sp.speaker = None
                continue
        sp.speaker = name
        if role and not sp.role:
            sp.role = role
        if sp.role:
            if not role_of.get(name):
                role_of[name] = sp.role
        else:
            sp.role = _known_role(role_of, name, body)
        gender = _gender(np_) or _first_name_gender(name)
        if gender:
            gender_of.setdefault(name, gender)
        who = _Who(name, kind, gender)
        history.append(who)
        ends.append(here)
        for d in sp.docs:
            issuers[d] = name


#: Marks a quotation opens with, where an appositive ends (the apostrophe of
#: "the pilots' union" is none).
_QUOTE_MARKS = W.DOUBLE_MARKS | frozenset(W.PAIRS)
#: How far around a speaker's first full mention a role is looked for: a title in
#: front ("US Secretary of State Antony Blinken") or an appositive after it (",
#: the head of the port authority,"); AP-style titles run up to about 60 characters.
ROLE_CONTEXT_CHARS = 80
#: Tokens an appositive role may run to before its closing comma.
ROLE_APPOSITIVE_TOKENS = 12


def _role_in_text(body: str, name: str) -> str | None:
    """The role the body gives a speaker where it first names them in full, in any
    sentence ("US Secretary of State Antony Blinken arrived ...", "Antony Blinken, the
    US Secretary of State, ..."), for quotes that name no role of their own."""
    if " " not in name or not name[:1].isupper():
        return None  # a lone surname, or a described speaker ("a police spokesman"): no full name to look for
    p = body.find(name)
    if p < 0:
        return None
    lo = max(body.rfind("\n", 0, p) + 1, p - ROLE_CONTEXT_CHARS)
    if lo > 0 and not body[lo - 1].isspace():
        lo = body.find(" ", lo, p) + 1 or p  # start on a whole word
    end = p + len(name)
    nl = body.find("\n", end)
    toks = _tokens(body, lo, min(end + ROLE_CONTEXT_CHARS, nl if nl >= 0 else len(body)))
    j = next((i for i, t in enumerate(toks) if t.start >= end), len(toks))
    s, e = _np_backward(toks, j, 0)
    if e > s and toks[e - 1].end == end:
        found, role = _split_name(tuple(toks[s:e]))
        if role and found == name and _is_title(role):
            return role
        if not role and found == name:
            role = _domain_role_before(toks, s) or _role_before_apposition(toks, s, j)
            if role:
                return role
    if j < len(toks) and toks[j].text == ",":
        q = j + 1
        while (
            q < len(toks) and q - j <= ROLE_APPOSITIVE_TOKENS
            and toks[q].text not in (",", ".", ";", ":") and toks[q].text not in _QUOTE_MARKS
            and toks[q].low not in W.RELATIVE_PRONOUNS
        ):
            q += 1
        if q < len(toks) and (toks[q].text == "," or toks[q].low in W.RELATIVE_PRONOUNS) and q > j + 1:
            first = toks[j + 1].bare
            if first in ("the", "a", "an") or first in W.FOREIGN_DETERMINERS or first in W.ROLE_WORDS:
                return " ".join(body[toks[j + 1].start : toks[q - 1].end].split())
    return None


def _role_before_apposition(toks: list[_Tok], s: int, j: int) -> str | None:
    """The name in apposition to a role before it: "the mayor, Marc Girard, said",
    "Selon le maire, Marc Girard, ...": the role phrase is the determiner and role
    words before the comma, and a comma closes the apposition after the name."""
    if s < 2 or toks[s - 1].text != "," or not (j < len(toks) and toks[j].text == ","):
        return None
    a = s - 1
    while a > 0 and s - 1 - a < MAX_DOMAIN_TOKENS and toks[a - 1].bare in W.ROLE_WORDS:
        a -= 1
    if a == s - 1 or a == 0 or toks[a - 1].low not in W.FORWARD_DETERMINERS:
        return None
    return " ".join(t.text for t in toks[a - 1 : s - 1])


def _domain_role_before(toks: list[_Tok], s: int) -> str | None:
    """A role with its domain right before the name at toks[s]: "L’assessore ai
    trasporti Giulia Bianchi", "the minister for housing Ann Holt"; the backward
    speaker phrase stops at the domain's lower-case words, so it is read here."""
    for r in range(s - 2, max(-1, s - 2 - MAX_DOMAIN_TOKENS), -1):
        if not _is_word(toks[r]):
            return None
        if toks[r].bare in W.ROLE_WORDS and toks[r + 1].low in W.ROLE_LINKS:
            a = r
            while a > 0 and toks[a - 1].bare in W.ROLE_WORDS:
                a -= 1
            if a > 0 and _is_word(toks[a - 1]) and toks[a - 1].low not in W.FORWARD_DETERMINERS:
                return None  # the role is inside the sentence ("met the head of ..."), not a title
            role = " ".join(t.text for t in toks[a:s])
            return role if _is_title(role) else None
    return None


# Lower-case words a title in front of a name may hold besides role words
# ("Secretary of State", "director of communications").
_TITLE_LINKS = frozenset(["of", "for", "the", "and"])


def _is_title(role: str) -> bool:
    """A role in front of a name is a title: it ends in a role word or title
    abbreviation ("Senate Minority Leader", "Vermont Sen.") and its other
    lower-case words are role words too; "millions of Americans supporting"
    or "a trip by Senate leader" are the sentence, not a title."""
    words = [_bare(w.lower()) for w in role.split()]
    origs = role.split()
    if words and words[-1] not in W.ROLE_WORDS:
        # a role and its domain: "assessore ai trasporti", "ministre des Transports"
        last = max((i for i, w in enumerate(words) if w in W.ROLE_WORDS), default=-1)
        if last < 0 or words[last + 1] not in W.ROLE_LINKS or len(words) - last - 1 > MAX_DOMAIN_TOKENS:
            return False
        words, origs = words[: last + 1], origs[: last + 1]
    if not words:
        return False
    return all(w in W.ROLE_WORDS or w in _TITLE_LINKS or orig[:1].isupper() for w, orig in zip(words, origs))


def _known_role(role_of: dict[str, str | None], name: str, body: str) -> str | None:
    """The role an earlier quote gave this speaker, else the one the body gives
    where it first names them in full (looked up once a name)."""
    if name not in role_of:
        role_of[name] = _role_in_text(body, name)
    return role_of[name]


def _opens_paragraph(body: str, pos: int) -> bool:
    """Is pos the first non-space character of its line?"""
    i = pos - 1
    while i >= 0 and body[i] in " \t\u00a0":
        i -= 1
    return i < 0 or body[i] == "\n"


def _resolve_pronoun(
    p: str, history: list[_Who], ends: list[int], gender_of: dict[str, str], body: str, sp: _Span, names: _Names
) -> _Who | None:
    if p in W.PRONOUNS_PERSON:
        want = "f" if p in W.PRONOUNS_FEMALE else "m"
        # a quote paragraph that carries on the last speaker (`_propagate`) has
        # that speaker's pronoun, which stands for whom it did where it was
        # written: resolved from there ("Though she called it "outrageous" ... /
        # "...": the "she" of the sentence before)
        src = sp.extra.get("carried_from")
        at = src.open if isinstance(src, _Span) else sp.open
        found: _Who | None = None
        lo = max(0, at - W.RESOLVE_CHARS)
        for i in range(len(history) - 1, -1, -1):
            h = history[i]
            if h.kind == "person" and gender_of.get(h.name, want) == want:
                found = h
                lo = max(lo, ends[i] if i < len(ends) else at)
                break
        # a named person who is the subject of a sentence after that speaker's
        # quote (or of this quote's own sentence) is nearer: news introduces a
        # new speaker that way and goes on with "he said"
        subj = _recent_subject(body, lo, at, want, gender_of, names)
        if subj is not None:
            return subj
        if found is not None:
            return found
        return names.last_person_before(at, want)
    if p in W.PRONOUNS_GROUP:
        grp = _last_group_before(body, sp, names)
        for h in reversed(history):
            if h.kind in ("group", "org"):
                return h if grp is None or grp[1] < 0 else _Who(grp[0], "group", None)
        if grp is not None:
            return _Who(grp[0], "group", None)
        subj = _recent_collective(body, sp, names, ("group", "org"))
        if subj is not None:
            return subj
        return history[-1] if history else None
    if p in W.PRONOUNS_THING:
        # an organisation that is the subject of this sentence or the one
        # before is nearer than the last one quoted ("Trump's campaign is
        # defending ... It is denouncing what it calls "...""), as for he/she
        near = _recent_collective(body, sp, names, ("org",))
        if near is not None:
            return near
        for h in reversed(history):
            if h.kind in ("org", "doc"):
                return h
        return None
    return None


def _recent_collective(body: str, sp: _Span, names: _Names, kinds: tuple[str, ...]) -> _Who | None:
    """With no earlier speaker for "it"/"they": the subject of the quote's own
    sentence or of the one before it, when that is an organisation or a group
    ("The Sierra Club sued the state. "...," it said")."""
    starts = names.sentence_starts(max(0, sp.open - 2 * W.SUBJECT_CHARS), sp.open)
    seen = 0
    for i in range(len(starts) - 1, -1, -1):
        s = _first_char(body, starts[i])
        e = min(sp.open, starts[i + 1] if i + 1 < len(starts) else sp.open, s + W.SUBJECT_CHARS)
        toks = _tokens(body, s, e)
        if not any(_is_word(t) for t in toks):
            continue  # the quote opens its sentence
        seen += 1
        if seen > 2:
            return None
        np_, _ = _sentence_subject(toks)
        if not np_:
            np_ = _name_subject(toks)
        if not np_ or np_[-1].low in W.PRONOUNS:
            continue
        kind = _kind(np_)
        if kind == "person" and _is_cap(np_[-1]) and np_[-1].bare in W.ROLE_WORDS and np_[-1].bare.endswith("s"):
            kind = "group"  # "Senate Democrats", "House Republicans"
        if kind in kinds:
            name, _ = _split_org(np_) if kind == "org" else _split_name(np_)
            if kind == "group" and not _is_cap(np_[-1]):
                name = " ".join(t.text for t in np_ if t.low not in W.DETERMINERS)
            return _Who(name, kind, None)
    return None


def _recent_subject(
    body: str, lo: int, pos: int, want: str, gender_of: dict[str, str], names: _Names
) -> _Who | None:
    """A named person nearer than the last speaker who "he"/"she" stands for:
    the subject of the quote's own sentence ("Clinton says she ... what she
    calls "...""), else the subject of a speech verb in the sentence just
    before the quote ("Aparna Mathur, an economist, said the plan ... / "...,"
    she said"), or of any verb there when the subject's given name is of the
    pronoun's gender ("Susan Ward, who chairs the committee, disagreed. "...,"
    she said" after Maria Lopez's quote; "Her deputy, Susan Ward, was not
    convinced": the name in apposition). The subject, never an object: "Maria
    Lopez met Susan Ward. "...," she said" is Maria Lopez (the subject is the
    likelier antecedent, by centering). Only those two sentences: the
    annotation convention (and most news copy) otherwise goes on with the last
    quoted speaker of that gender."""
    if pos <= lo:
        return None
    starts = names.sentence_starts(max(lo, pos - 2 * W.SUBJECT_CHARS), pos)
    # the quote's own sentence, then the one before it
    back = 0
    for i in range(len(starts) - 1, -1, -1):
        s = _first_char(body, starts[i])
        if back and s < pos and body[s] in W.ALL_MARKS:
            return None  # the sentence before opens with a quotation: no new subject
        e = min(pos, starts[i + 1] if i + 1 < len(starts) else pos, s + W.SUBJECT_CHARS)
        toks = _tokens(body, s, e)
        if i == len(starts) - 1 and not any(_is_word(t) for t in toks):
            back = 1  # the quote opens its sentence
            continue
        if not toks:
            continue
        if back > 1:
            return None
        back += 1
        np_, verb = _sentence_subject(toks)
        if not np_:
            continue
        if np_[-1].low in W.PRONOUNS:
            same = W.PRONOUNS_FEMALE if want == "f" else W.PRONOUNS_MALE
            if back == 1 and np_[-1].low in same:
                # the quote's own sentence opens with the same pronoun ("Though
                # she called it "outrageous""): it stands for the subject of the
                # sentence before, when that one names the person
                continue
            return None  # "He said ..." continues whoever it is
        if back == 2 and (verb is None or _cue_at(toks, verb) is None or toks[verb].low in W.WEAK_CUES):
            # the sentence before has no speech verb: its subject still takes
            # over when the given name says it is the person the pronoun asks
            # for ("Susan Ward, who chairs the committee, disagreed. "...," she
            # said" after Maria Lopez's quote: the nearest subject, by centering)
            said_by = _gender(np_) or _first_name_gender(_split_name(np_)[0])
            if verb is None or said_by != want:
                return None
        if not _plausible(np_, names) or _kind(np_) != "person":
            return None
        name, _ = _split_name(np_)
        name = names.full(name)
        g = gender_of.get(name) or _gender(np_) or _first_name_gender(name)
        if g is not None and g != want:
            return None
        return _Who(name, "person", g)
    return None


def _sentence_subject(toks: list[_Tok]) -> tuple[tuple[_Tok, ...], int | None]:
    """The subject phrase opening a sentence and the index of its verb:
    "But Clinton says ..." / "Mathur, who studies ..., said ..." /
    "On Monday, Trump told ...". ((), None) when the sentence opens otherwise."""
    n = len(toks)
    k = 0
    intro = False
    while k < n and toks[k].bare in W.FUNCTION_CAPS and toks[k].low not in W.PRONOUNS:
        if toks[k].low in W.FORWARD_DETERMINERS:
            break
        if toks[k].bare in W.INTRO_WORDS:
            intro = True
        k += 1
    if intro:
        # "During a speech in Ohio, Trump said": the subject follows the comma
        c = next((i for i in range(k, min(n, k + W.MAX_INTRO_TOKENS)) if toks[i].text == ","), -1)
        if c < 0:
            return (), None
        k = c + 1
    if k < n and toks[k].low in W.PRONOUNS:
        return (toks[k],), (k + 1 if k + 1 < n else None)
    e = _np_forward(toks, k)
    if e <= k or e >= n:
        return (), None
    v = e
    if toks[e].text == ",":
        q = e + 1
        while q < n and q - e <= 24 and toks[q].text not in (",", ".", ";", ":"):
            q += 1
        if q + 1 >= n or toks[q].text != ",":
            return (), None
        v = q + 1
        inner = tuple(toks[e + 1 : q])
        if not any(_is_cap(t) and t.bare not in W.FUNCTION_CAPS for t in toks[k:e]) and _is_name_phrase(inner):
            # "Her deputy, Susan Ward, was ...": the name in apposition is the subject
            k, e = e + 1, q
    while v < n and toks[v].bare in W.SKIP_BEFORE_CUE:
        v += 1
    if v >= n or not _is_word(toks[v]) or not toks[v].text[0].islower() or toks[v].low in W.NP_PREPOSITIONS:
        return (), None
    return tuple(toks[k:e]), v


def _last_group_before(body: str, sp: _Span, names: _Names) -> tuple[str, int] | None:
    """The subject of the nearest earlier sentence that is a plural noun phrase
    ("The foreign ministers of ... signed"), as (text without determiner, position)."""
    lo = max(0, sp.open - W.RESOLVE_CHARS)
    starts = names.sentence_starts(lo, sp.open)
    for s in reversed(starts[-1 - W.GROUP_SENTENCES : -1] if len(starts) > 1 else starts):
        toks = _tokens(body, s, min(sp.open, s + 200))
        k = 0
        while k < len(toks) and toks[k].bare in W.FUNCTION_CAPS and toks[k].low not in W.DETERMINERS:
            k += 1
        if k < len(toks) and toks[k].low in ("the", "these", "those", "both", "many", "some", "all"):
            j = k + 1
            while j < len(toks) and j - k <= 5 and _is_word(toks[j]) and toks[j].bare not in W.NP_STOPS:
                b = toks[j].bare
                if toks[j].text[0].islower() and b.endswith("s") and not b.endswith(("ss", "us", "is")) and b not in W.SKIP_BEFORE_CUE:
                    return " ".join(t.text for t in toks[k + 1 : j + 1]), s
                j += 1
    return None


def _name_subject(toks: list[_Tok]) -> tuple[_Tok, ...]:
    """A capitalised name opening the sentence, after "The" and before a
    lower-case verb: "The Sierra Club sued ..." -> (Sierra, Club)."""
    k = 1 if toks and toks[0].low == "the" else 0
    j = k
    while j < len(toks) and j - k < W.MAX_NP_TOKENS and _is_cap(toks[j]) and toks[j].bare not in W.FUNCTION_CAPS:
        j += 1
    if j == k or j >= len(toks) or not _is_word(toks[j]) or not toks[j].text[0].islower():
        return ()
    return tuple(toks[k:j])

"""The shapes of a language's data: one named tuple per concern, and how a data file fills them.

A language's file (`cleannews/lang/data/de.toml`, ...) has one table per concern it
has words for and leaves the rest out; every field defaults to empty, so a new field
never forces an edit of every language. `read` turns one table into its tuple (the
value's form is set by the field's type, see `read`); `merge` unions one concern over
languages, for stages that read text whose language they do not know (the quote
finder runs on bodies in any language at once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple, TypeVar, cast

_T = TypeVar("_T")

_EMPTY: frozenset[str] = frozenset()
_NO_PREFIXES: Mapping[str, tuple[str, ...]] = MappingProxyType({})
_NO_MAP: Mapping[str, str] = MappingProxyType({})


def words(text: str) -> frozenset[str]:
    """A word list written as one string, whitespace-separated (lower case by convention)."""
    return frozenset(text.split())


class QuoteWords(NamedTuple):
    """The vocabulary of quote attribution in one language (all lower case).

    The grammar fields (`function_caps` .. `abbreviations`) are the English
    attribution grammar's; another language fills them only with words that play
    the same part and collide with no English word.
    """

    #: finite verbs of saying that follow or precede their speaker ("said", "sagte", "advirtió")
    speech_verbs: frozenset[str] = _EMPTY
    #: participles / gerunds that take the subject of their clause ("saying", "diciendo")
    participles: frozenset[str] = _EMPTY
    #: cues that may stand before their speaker in front of a quote ("said X: ...")
    inverted_cues: frozenset[str] = _EMPTY
    #: cues that may stand before their speaker right after a closing mark ('"...," warned X')
    inverted_after_quote: frozenset[str] = _EMPTY
    #: cue words that are as often nouns ("report", "state"): need a speaker right next to them
    weak_cues: frozenset[str] = _EMPTY
    #: nouns of saying whose owner speaks ("Trump's claim that ...")
    speech_nouns: frozenset[str] = _EMPTY
    #: words introducing the speaker after them -> the words that must follow ("according" -> ("to",))
    prefix_cues: Mapping[str, tuple[str, ...]] = _NO_PREFIXES
    #: pronouns glued to an inverted verb by a hyphen ('«…», a-t-il ajouté', 'explique-t-elle'),
    #: by the English pronoun that stands for the same kind of speaker (he, she, they)
    glued_pronouns: Mapping[str, str] = _NO_MAP
    #: words that introduce the speaker right after a closing mark, and only there
    #: ('„…“, so Lang.': German "so" is an ordinary word anywhere else)
    after_quote_prefixes: frozenset[str] = _EMPTY
    #: auxiliaries of a compound past before an inverted cue ('«...», a déclaré X')
    compound_aux: frozenset[str] = _EMPTY
    #: articles opening a speaker phrase after a cue ('dijo el ministro ...')
    articles: frozenset[str] = _EMPTY
    #: every definite article, also those left out of `articles` for colliding with
    #: English (Portuguese "a", "as"): dropped from the front of a role of this language
    definite_articles: frozenset[str] = _EMPTY
    #: indefinite articles: a described speaker keeps one ("a police spokesman" says what kind)
    indefinite_articles: frozenset[str] = _EMPTY
    #: relative pronouns opening a clause after a name ("X, who ...", "X, die ...", "X, qui ...")
    relative_pronouns_after_name: frozenset[str] = _EMPTY
    #: elided articles glued to their noun ("l’assessore", "d'Orléans"), stripped before a look-up
    elisions: tuple[str, ...] = ()
    #: role and title words, and nouns heading a described speaker ("spokesman", "Bürgermeister")
    role_words: frozenset[str] = _EMPTY
    #: honorifics and ranks before a name, kept out of it ("mr", "frau", "mme")
    honorifics: frozenset[str] = _EMPTY
    #: lower-case particles inside names ("van", "de", "von")
    name_particles: frozenset[str] = _EMPTY
    #: weekdays and months: capitalised words that are no name ("said Thursday")
    time_words: frozenset[str] = _EMPTY
    #: time words that are given names too, read as names before a capitalised name ("Jan Wolf", "May Chen")
    time_words_as_names: frozenset[str] = _EMPTY
    #: personal pronouns by the gender they refer to (for "she said" after two names)
    pronouns_female: frozenset[str] = _EMPTY
    pronouns_male: frozenset[str] = _EMPTY
    #: given names of clear gender
    female_names: frozenset[str] = _EMPTY
    male_names: frozenset[str] = _EMPTY
    #: heads of organisation names ("ministerium", "police")
    org_words: frozenset[str] = _EMPTY
    #: prepositions linking a role to its domain before an appositive name
    #: ("el alcalde de Sevilla, Juan Pérez", "the mayor of Leeds, Ann Holt")
    role_links: frozenset[str] = _EMPTY
    #: conjunctions joining two speakers before one cue ('"...," Ann Holt and Mark Doyle said')
    coordinators: frozenset[str] = _EMPTY
    # --- the English attribution grammar (see the class docstring) ---------
    function_caps: frozenset[str] = _EMPTY
    determiners: frozenset[str] = _EMPTY
    forward_determiners: frozenset[str] = _EMPTY
    np_prepositions: frozenset[str] = _EMPTY
    np_stops: frozenset[str] = _EMPTY
    skip_before_cue: frozenset[str] = _EMPTY
    relative_pronouns: frozenset[str] = _EMPTY
    pronouns_group: frozenset[str] = _EMPTY
    pronouns_thing: frozenset[str] = _EMPTY
    pronouns_other: frozenset[str] = _EMPTY
    document_nouns: frozenset[str] = _EMPTY
    place_words: frozenset[str] = _EMPTY
    intro_words: frozenset[str] = _EMPTY
    tail_prepositions: frozenset[str] = _EMPTY
    progressive_aux: frozenset[str] = _EMPTY
    passive_aux: frozenset[str] = _EMPTY
    verbal_aux: frozenset[str] = _EMPTY
    time_tail: frozenset[str] = _EMPTY
    title_lower_words: frozenset[str] = _EMPTY
    abbreviations: frozenset[str] = _EMPTY
    agent_suffixes: tuple[str, ...] = ()
    clitics: tuple[str, ...] = ()


class StopWords(NamedTuple):
    """A language's function words, as two stages use them (lower case)."""

    #: the 60-90 most frequent words (frequency heads of common word lists; the same
    #: words as the first rows of jusText's and NLTK's stop lists): the dump scorer
    #: measures how dense a line is in them (prose is, menus and labels are not)
    frequent: frozenset[str] = _EMPTY
    #: 13-16 of the most frequent (Leipzig corpora / Wiktionary frequency lists), chosen
    #: not to overlap other languages' so that counting them tells languages apart
    #: (`cleannews.metadata.language.guess_language`)
    distinctive: frozenset[str] = _EMPTY


class RelatedWords(NamedTuple):
    """Headings that open a "Related" / "Recommended" / "Read next" teaser section,
    as CMSs print them: regular-expression fragments, lower case, matched whole
    and ignoring case (`cleannews.vocabulary.RELATED_HEADING` joins them)."""

    headings: tuple[str, ...] = ()


class DumpWords(NamedTuple):
    """The labels of a text / Markdown dump's metadata lines (`cleannews.cleaners.generic.dumps`):
    regular-expression fragments, lower case, matched ignoring case, joined over every
    language by `alternatives`."""

    #: what opens a published line ("published", "veröffentlicht", "publié le")
    published: tuple[str, ...] = ()
    #: what opens an updated line ("last updated", "mis à jour")
    updated: tuple[str, ...] = ()
    #: how month names begin ("jan", "mär", "févr"): a dated line's rest must hold one
    #: (or a time, a year, or a relative day)
    month_prefixes: tuple[str, ...] = ()
    #: relative days that date a line ("yesterday", "today", "ago")
    relative_days: tuple[str, ...] = ()
    #: what stands before the names of a byline ("by", "von", "texto", "autor(?:in)?")
    byline_intros: tuple[str, ...] = ()
    #: words that label an image credit at the end of a caption ("photo", "bild", "crédit")
    credit_words: tuple[str, ...] = ()


class FurnitureWords(NamedTuple):
    """The labels of page furniture lines (`cleannews.cleaners.generic.furniture`):
    regular-expression fragments, lower case, matched whole and ignoring case,
    joined over every language by `alternatives`. (The English sentences of
    furniture, "sign up for our newsletter", stay patterns of the cleaner.)"""

    #: an ad label standing alone ("advertisement", "anzeige", "publicit[ée]")
    ad_labels: tuple[str, ...] = ()
    #: the verb of a share row ("share", "teilen", "partager")
    share_verbs: tuple[str, ...] = ()
    #: the words after it ("this", "article", "l'article", "op")
    share_words: tuple[str, ...] = ()
    #: what labels an image credit ("photo", "bild", "quelle", "фото")
    credit_words: tuple[str, ...] = ()
    #: a "read more" link standing alone, in the languages besides English ("weiterlesen")
    read_more: tuple[str, ...] = ()
    #: the label of a published / updated line ("published", "aktualisiert", "mis à jour")
    dated_labels: tuple[str, ...] = ()
    #: a preposition between that label and its date, with its leading space (" on", " am")
    date_prepositions: tuple[str, ...] = ()
    #: a "back to top" / "skip to content" link ("nach oben", "retour en haut")
    back_to_top: tuple[str, ...] = ()
    #: what an error page's title says (`pagetype._ERROR_TITLE`: "page not found",
    #: "seite nicht gefunden"), besides the status codes
    error_titles: tuple[str, ...] = ()
    #: whole furniture sentences a CMS prints inside the article's box: newsletter
    #: sign-ups and their privacy notices, tip lines, donation prompts, the
    #: placeholders of embeds blocked until consent, closed-comments notices
    #: ("ein klick für den datenschutz", "got a story\\?.{0,300}")
    prompts: tuple[str, ...] = ()


class MetadataWords(NamedTuple):
    """The words the metadata stage reads (`cleannews.metadata`): word sets (lower
    case), and regular-expression fragments (lower case, matched ignoring case) that
    the stage joins over every language by `alternatives`, in `LANGUAGES` order,
    inside its own patterns. Each fragment list says the module and pattern it fills;
    where two languages' fragments could compete for the same text (the pattern's
    match is used, not only whether it matches), each stays whole in one language."""

    # --- dates (`metadata.dates`, `metadata.datevote`) ---
    #: month names and abbreviations, one whitespace-separated string a month, January
    #: first (12 strings, or none): `dates.MONTHS`, matched as whole words
    months: tuple[str, ...] = ()
    #: words marking a date as the modification date (`dates.MODIFIED_WORDS`: "updated?")
    modified_words: tuple[str, ...] = ()
    #: words marking a date as the publication date (`dates.PUBLISHED_WORDS`: "posted")
    published_words: tuple[str, ...] = ()
    #: labels in front of a visible date, stripped before parsing (`dates._LABEL`:
    #: "posted(?:\s+on)?", "publié\s+le")
    date_labels: tuple[str, ...] = ()
    #: what opens a date line of a page's head (`datevote._DATE_LABEL`: "published", "datum")
    date_line_labels: tuple[str, ...] = ()
    #: what opens a dump's date line (`dump._DATE_LINE`: "published", "last updated")
    dump_date_labels: tuple[str, ...] = ()
    # --- bylines (`metadata.byline`) ---
    #: what introduces the names of a byline, stripped (`_BY_PREFIX`: "by", "von", "texte")
    byline_prefixes: tuple[str, ...] = ()
    #: labels whose colon makes the prefix certain (`_LABELLED`: "author", "auteur")
    byline_labels: tuple[str, ...] = ()
    #: what a line that is a byline starts with (`_BYLINE_START`: "written by", "por")
    byline_starts: tuple[str, ...] = ()
    #: what opens WordPress's entry meta before its date ("Posted on <date> by X":
    #: `_DATED_BYLINE`: "posted(?:\s+on)?") and the word after the date that opens the byline ("by")
    dated_byline_openers: tuple[str, ...] = ()
    dated_byline_joiners: tuple[str, ...] = ()
    #: furniture trailing a name, cut with all after it (`_TAIL`: "\\bupdated\\b", "\\bfollow\\b")
    byline_tail_words: tuple[str, ...] = ()
    #: phrases that make a whole byline candidate junk (`_JUNK_PHRASE`: "view all posts")
    byline_junk_phrases: tuple[str, ...] = ()
    #: byline prefixes taken only before a capital, with their case as written (Italian
    #: "di Mario Rossi"; "di" is a word of running text): `_DI_PREFIX`
    capital_byline_prefixes: tuple[str, ...] = ()
    #: the path segment of an author-archive url ("/author/jane-roe/", "/autoren/x"): `meta._AUTHOR_HREF`
    author_url_segments: tuple[str, ...] = ()
    #: "with" before co-authors in parentheses (`_WITH_PARENS`: "with", "avec", "mit")
    coauthor_words: tuple[str, ...] = ()
    #: "and" between two names (`_SPLIT`: "and", "und", "och")
    name_joiners: tuple[str, ...] = ()
    #: date labels a byline line runs on into, cut off (`_DATE_LABEL_TAIL`: "updated")
    byline_date_labels: tuple[str, ...] = ()
    #: the label of a reading-time card's author (`meta._WRITTEN_BY`: "written by", "verfasst von")
    written_by_labels: tuple[str, ...] = ()
    #: roles written after the name in scripts that do so (`_CJK_ROLE_SUFFIX`: "기자", "記者")
    role_suffixes: tuple[str, ...] = ()
    #: what is never an author's name (`JUNK_NAMES`: "staff", "redaktion")
    junk_names: frozenset[str] = _EMPTY
    #: academic and professional degrees after a name (`DEGREES`: "phd")
    degrees: frozenset[str] = _EMPTY
    #: words that make a comma part of a byline a job title (`TITLE_WORDS`: "senior")
    title_words: frozenset[str] = _EMPTY
    #: newsroom roles set under a name (`ROLE_NOUNS`: "correspondent", "envoyé")
    role_nouns: frozenset[str] = _EMPTY
    #: lower-case particles inside a person's name (`_PARTICLES`: "van", "dos")
    name_particles: frozenset[str] = _EMPTY
    # --- titles (`metadata.title`) ---
    #: words naming a site in a title's end segment (`SITE_WORDS`: "blog", "webseite")
    site_words: frozenset[str] = _EMPTY
    #: prepositions after such a word ("le blog de Marie": `_SITE_WORD_PREPOSITIONS`)
    site_word_prepositions: frozenset[str] = _EMPTY
    # --- image credits (`metadata.images`) ---
    #: labels of a credit after a colon (`_LABELLED_CREDIT`: "photo", "bildrechte")
    credit_labels: tuple[str, ...] = ()
    #: nouns of a "<noun> by X" credit (`_BY_CREDIT`: "photo(?:graph)?", "foto")
    credit_nouns: tuple[str, ...] = ()
    #: the "by" of that credit (`_BY_CREDIT`: "by", "courtesy\s+of", "von")
    credit_by: tuple[str, ...] = ()


class EndWords(NamedTuple):
    """What ends an article in a dump (`cleannews.scoring.ends`): regular-expression
    fragments, matched whole (``fullmatch``) and ignoring case, joined over every
    language by `alternatives`."""

    #: a comment section's opener ("12 comments", "leave a reply"): `COMMENT_OPENER`
    comment_openers: tuple[str, ...] = ()
    #: the verb of a commenter's line ("jane says:"): `COMMENT_AUTHOR`
    commenter_verbs: tuple[str, ...] = ()
    #: a cookie-consent notice ("this site uses cookies ..."): `CONSENT`
    cookie_notices: tuple[str, ...] = ()
    #: the word of a "More <Name>" teaser heading, matched with its case as written
    #: ("More Sports", "More From Jane Roe"): `MORE_NAME_HEADING`
    more_words: tuple[str, ...] = ()


def alternatives(parts: Iterable[tuple[str, ...]]) -> str:
    """The fragments of several languages as one regex alternation: ``(?:a|b|c)``."""
    return "(?:" + "|".join(f for part in parts for f in part) + ")"


def merge(parts: Iterable[_T], kind: type[_T] = QuoteWords) -> _T:  # type: ignore[assignment]
    """The union of several languages' tuples of one concern (`kind`), field by field:
    sets are united, tuples keep their first-seen order, mappings the first
    language's entry for a key."""
    parts = list(parts)
    make = cast(Callable[..., _T], kind)
    empty: tuple[object, ...] = make()  # type: ignore[assignment]
    values: dict[str, object] = {}
    for i, name in enumerate(empty._fields):  # type: ignore[attr-defined]
        got = [p[i] for p in parts]  # type: ignore[index]
        first = empty[i]
        if isinstance(first, frozenset):
            values[name] = frozenset().union(*got)
        elif isinstance(first, tuple):
            seen: dict[str, None] = {}
            for g in got:
                seen.update(dict.fromkeys(g))
            values[name] = tuple(seen)
        else:
            merged: dict[str, object] = {}
            for g in got:
                for k, v in g.items():
                    merged.setdefault(k, v)
            values[name] = MappingProxyType(merged)
    return make(**values)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: expected a list of strings, got {value!r:.60}")


def _word_set(value: object, where: str) -> frozenset[str]:
    """A set field: one whitespace-separated string, a list of them, or a table of
    ``words`` and the compounds of every ``prefixes`` word with every ``heads`` word
    (German titles: "innen" + "ministerin")."""
    if isinstance(value, str):
        return words(value)
    if isinstance(value, list):
        return frozenset(w for part in _strings(value, where) for w in part.split())
    if isinstance(value, dict) and set(value) <= {"words", "prefixes", "heads"}:
        prefixes = sorted(_word_set(value.get("prefixes", ""), where))
        heads = sorted(_word_set(value.get("heads", ""), where))
        return _word_set(value.get("words", ""), where) | frozenset(p + h for p in prefixes for h in heads)
    raise ValueError(f"{where}: expected words (a string, a list, or words/prefixes/heads), got {value!r:.60}")


def read(kind: type[_T], table: Mapping[str, object], where: str) -> _T:
    """One concern's table of a data file as its named tuple.

    The field's type says the form: a ``frozenset`` field takes words (`_word_set`),
    a ``tuple`` field a list of strings (regex fragments keep their order: they are
    joined in it), a mapping field a table whose values are strings or lists of
    strings. A field the tuple does not have is a ValueError naming it (a typo would
    otherwise leave the words unread)."""
    make = cast(Callable[..., _T], kind)
    defaults: dict[str, object] = make()._asdict()  # type: ignore[attr-defined]
    values: dict[str, object] = {}
    for name, raw in table.items():
        at = f"{where}.{name}"
        if name not in defaults:
            raise ValueError(f"{at}: {kind.__name__} has no field {name!r}")
        default = defaults[name]
        if isinstance(default, frozenset):
            values[name] = _word_set(raw, at)
        elif isinstance(default, tuple):
            values[name] = _strings(raw, at)
        elif isinstance(raw, dict):
            values[name] = MappingProxyType({k: v if isinstance(v, str) else _strings(v, f"{at}.{k}") for k, v in raw.items()})
        else:
            raise ValueError(f"{at}: expected a table, got {raw!r:.60}")
    return make(**values)

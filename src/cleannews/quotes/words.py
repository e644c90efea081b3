"""Quotation marks, limits, and the quote vocabulary of every language, as the finder reads it.

The words themselves live in `cleannews.lang` (one data file a language, where each
list says where it came from); this module only names their union under the
names the finder's modules use, and keeps what is no language's: the quotation
marks and the limits (each with where its value came from). Plain immutable
data, built once at import.
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang import QUOTES, merged_quotes

# --- quotation marks -------------------------------------------------------
# Opening mark -> the marks that may close it. Curly and straight double marks
# are one family because dumps often mix them ("..." closed by ”); the German
# low mark „ closes with “ (German) or ” (Polish/Hungarian). Guillemets go both
# ways (« » French, » « German/Danish), so each opens and the other closes.
DOUBLE_MARKS = frozenset('"“”„‟″')
DOUBLE_OPENERS = frozenset("“„‟")
DOUBLE_CLOSERS = frozenset("”")
SINGLE_MARKS = frozenset("'‘’‚‛")
PAIRS = MappingProxyType(
    {
        "«": "»",
        "»": "«",
        "‹": "›",
        "›": "‹",
        "「": "」",
        "『": "』",
    }
)
ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS | frozenset(PAIRS) | frozenset(PAIRS.values())

# Characters before an opening straight mark / after a closing one (besides
# whitespace and the text's edges): brackets, dashes and punctuation.
OPEN_CONTEXT = frozenset("([{—–-/:;,")
CLOSE_CONTEXT = frozenset(")]}—–-/.,;:!?…")

# --- vocabulary (cleannews.lang) --------------------------------------------
_M = merged_quotes()
_FOREIGN = [q for c, q in QUOTES.items() if c != "en"]

CUE_WORDS = _M.speech_verbs
PARTICIPLE_CUES = _M.participles
# Speech verbs of the languages beside English: an auxiliary in front of one is
# a compound past ('«...», a déclaré X'), never the English article "a".
FOREIGN_CUES = frozenset().union(*(q.speech_verbs for q in _FOREIGN))
WEAK_CUES = _M.weak_cues
SPEECH_NOUNS = _M.speech_nouns
PREFIX_CUES = _M.prefix_cues
SKIP_BEFORE_CUE = _M.skip_before_cue
RELATIVE_PRONOUNS = _M.relative_pronouns
# Opening a clause after a name and its comma: no appositive role ('zei Sanne
# Jansen, die dagelijks ... fietst'); the English ones are also RELATIVE_PRONOUNS.
RELATIVE_AFTER_NAME = _M.relative_pronouns_after_name
ELISIONS = _M.elisions
INVERTED_CUES = _M.inverted_cues
INVERTED_AFTER_QUOTE = _M.inverted_after_quote
FOREIGN_AUX = _M.compound_aux
GLUED_PRONOUNS = _M.glued_pronouns
AFTER_QUOTE_PREFIXES = _M.after_quote_prefixes

FUNCTION_CAPS = _M.function_caps
DETERMINERS = _M.determiners
INDEFINITE_ARTICLES = _M.indefinite_articles
# (definite articles, role words) of each language: a role loses its article only
# when both are of one language ("a vendedora" is Portuguese "the saleswoman",
# "a former aide" English and keeps its "a").
ROLE_ARTICLES = tuple((q.definite_articles, q.role_words) for q in QUOTES.values())
# Articles of the other languages open a speaker phrase or a role the way "the"
# does ('dijo el ministro Juan Pérez', '..., la ministre'); never one that is an
# English function word ("a", "as").
FOREIGN_DETERMINERS = frozenset().union(*(q.articles for q in _FOREIGN)) - FUNCTION_CAPS
FORWARD_DETERMINERS = _M.forward_determiners | FOREIGN_DETERMINERS

PRONOUNS_FEMALE = _M.pronouns_female - FORWARD_DETERMINERS
PRONOUNS_MALE = _M.pronouns_male - FORWARD_DETERMINERS
PRONOUNS_PERSON = PRONOUNS_FEMALE | PRONOUNS_MALE
PRONOUNS_GROUP = _M.pronouns_group
PRONOUNS_THING = _M.pronouns_thing
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_THING | _M.pronouns_other

HONORIFICS = _M.honorifics
ROLE_WORDS = _M.role_words
DOCUMENT_NOUNS = _M.document_nouns
ORG_WORDS = _M.org_words
PLACE_WORDS = _M.place_words
NP_PREPOSITIONS = _M.np_prepositions
ROLE_LINKS = _M.role_links
COORDINATORS = _M.coordinators
CLITICS = _M.clitics
TIME_WORDS = _M.time_words
TIME_NAMES = _M.time_words_as_names
TIME_TAIL = _M.time_tail
NAME_PARTICLES = _M.name_particles
# Name particles that are also articles ("der", "la"): inside a name only after
# another particle ("von der Leyen", "de la Cruz"); alone after a name they open
# the next phrase ("sagte Thomas Brenneke der Rundschau": told the Rundschau).
ARTICLE_PARTICLES = NAME_PARTICLES & FORWARD_DETERMINERS
ABBREVIATIONS = _M.abbreviations
NP_STOPS = _M.np_stops
TITLE_LOWER_WORDS = _M.title_lower_words
INTRO_WORDS = _M.intro_words
TAIL_PREPOSITIONS = _M.tail_prepositions
PROGRESSIVE_AUX = _M.progressive_aux
PASSIVE_AUX = _M.passive_aux
VERBAL_AUX = _M.verbal_aux
AGENT_SUFFIXES = _M.agent_suffixes
# A given name one language gives women and another men (English "Jean", French
# "Jean") says no gender: such names are in neither list.
FEMALE_NAMES = _M.female_names - _M.male_names
MALE_NAMES = _M.male_names - _M.female_names

# Words stripped from the front of a capitalised run before it is read as a
# person's name ("President", "But", "Mr.").
NAME_LEAD_WORDS = FUNCTION_CAPS | ROLE_WORDS | HONORIFICS | TIME_WORDS


# --- limits -------------------------------------------------------------------
# Quotes of this many words or fewer need a speech cue right next to them to
# count as quotations; otherwise they are scare quotes, titles or coinages.
# (The brief: "short quoted phrases of 1-2 words with no speech cue nearby are
# not quotes"; PolNeAR annotates quotes of 3 words or more.)
SHORT_QUOTE_WORDS = 2

# Quoted titles of shows, books, articles ("Face the Nation," "Reeks of
# Fear."): every word capitalised but the function words title case keeps
# lower (TITLE_LOWER_WORDS); at most TITLE_MAX_WORDS words. Without a cue right next
# to them such quotes are names of works, not speech.
TITLE_MAX_WORDS = 8

# How far (characters) attribution context is looked for on each side of a
# quote. News attributions sit within a sentence of the quote; 400 characters
# covers the longest appositive in the PolNeAR dev split and bounds the work
# on very long lines.
CONTEXT_CHARS = 400
# The same for a short quoted phrase, which counts only with its cue right next
# to it: the cue, the speaker and one appositive fit in this.
SHORT_CONTEXT_CHARS = 160

# How far back (characters) a pronoun or a group ("they") is resolved.
RESOLVE_CHARS = 3000

# How many sentences back a "they" looks for a plural subject ("The ministers
# signed ..."); bounds the work per quote. On polnear-dev the subject found is
# never further back than this.
GROUP_SENTENCES = 8

# How much of a sentence's start (characters) is read for its subject when a
# he/she is resolved; the subject and its verb sit well inside this.
SUBJECT_CHARS = 200

MAX_INTRO_TOKENS = 16

# Appositives after a speaker before its cue ("Pruitt, the attorney general of
# Oklahoma, one of the states suing, said"); two covers every attribution of
# the polnear-dev tune half.
MAX_APPOSITIVES = 2

# Speaker phrases longer than this many tokens are not speaker phrases.
MAX_NP_TOKENS = 9

TAIL_PHRASE_TOKENS = 6

# A quote with no cue of its own takes the speaker of the quote before it when
# that one is at most this many paragraphs back (news continues a speaker's
# words in the next paragraph without repeating the attribution).
CARRY_PARAGRAPHS = 1

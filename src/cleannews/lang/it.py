"""Italian: quote attribution vocabulary ('«…», ha detto il sindaco Marco Rossi').

The compound past ("ha detto", "ha spiegato") inverts behind its auxiliary
(`compound_aux`); the present ("spiega", "aggiunge") is the commonest live form.

Besides `QUOTES`, the module holds the language's other concerns (`STOPWORDS`,
`RELATED`, `DUMPS`, `FURNITURE`; the table in `cleannews.lang`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, words

SPEECH_VERBS = words(
    """
    disse detto dichiarato affermato aggiunto spiegato sottolineato osservato precisato ribadito
    commentato annunciato avvertito concluso risposto dice dichiara afferma aggiunge spiega
    sottolinea osserva precisa ribadisce commenta annuncia avverte conclude risponde
    """
)

QUOTES = QuoteWords(
    speech_verbs=SPEECH_VERBS,
    participles=words("dicendo spiegando sottolineando"),
    inverted_after_quote=SPEECH_VERBS,
    prefix_cues=MappingProxyType({"secondo": ()}),
    compound_aux=words("ha hanno aveva avevano"),
    articles=words("il lo la gli"),
    definite_articles=words("il lo la i gli le"),
    indefinite_articles=words("un uno una"),
    relative_pronouns_after_name=words("che"),
    elisions=("l'", "l’", "dell'", "dell’", "all'", "all’", "nell'", "nell’", "un'", "un’"),
    role_words=words(
        """
        sindaco sindaca ministro ministra presidente portavoce direttore direttrice segretario
        segretaria deputato deputata senatore senatrice assessore assessora consigliere
        consigliera avvocato avvocata procuratore procuratrice giudice responsabile esperto
        esperta professore professoressa amministratore amministratrice
        """
    ),
    honorifics=words("sig sig.ra dott dott.ssa avv prof"),
    name_particles=words("di da della"),
    time_words=words(
        "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile "
        "maggio giugno luglio agosto settembre ottobre novembre dicembre"
    ),
    pronouns_female=words("lei"),
    pronouns_male=words("lui"),
    # common given names of clear gender (for "ha detto lei" after two names)
    female_names=words("giulia francesca chiara sara anna paola elena valentina alessandra federica silvia laura"),
    male_names=words("marco luca giuseppe giovanni francesco alessandro paolo matteo lorenzo stefano roberto davide"),
    org_words=words("ministero governo comune procura tribunale sindacato"),
    role_links=words("di del della ai al alla agli per"),
    coordinators=words("e ed"),
)

STOPWORDS = StopWords(
    frequent=words(
        """
        di e il la che in a per un è del non una le i si da con sono al lo della ha dei gli alla
        come più anche ma nel delle se o ci questo essere ne suo sua nella ad cui tra stato loro
        dal fra quando già hanno mi dopo molto degli sul era tutti solo sulla così questa prima
        aveva fatto due anni poi ancora dalla agli ai nei nelle sui quello cosa io
        """
    ),
    distinctive=words("il di che la per non una sono del della gli con anche è nel"),
)

RELATED = RelatedWords(
    headings=(
        r"leggi anche",
        r"articoli correlati",
        r"potrebbe interessarti",
    ),
)


DUMPS = DumpWords(
    published=("pubblicato",),
    updated=("aggiornato",),
    month_prefixes=("gen", "mag", "giu", "lug", "set", "ott"),
    byline_intros=("di", "testo"),
    credit_words=("immagine",),
)


FURNITURE = FurnitureWords(
    ad_labels=(r"pubblicit[àa]",),
    share_verbs=("condividi",),
    share_words=("su",),
    credit_words=("immagine",),
    read_more=(r"leggi (?:anche|tutto)",),
    dated_labels=("pubblicato", "aggiornato"),
    date_prepositions=(" il",),
)

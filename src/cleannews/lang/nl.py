"""Dutch: quote attribution vocabulary ('„…”, zei wethouder Pieter de Vries').

"aldus X" after a quote is the Dutch "according to X". The article "de" is left
out of the articles: it is also the name particle ("Pieter de Vries") and a
Spanish/French preposition.

Besides `QUOTES`, the module holds the language's other concerns (`STOPWORDS`,
`RELATED`, `DUMPS`, `FURNITURE`; the table in `cleannews.lang`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, words

SPEECH_VERBS = words(
    """
    zei zegt zeggen verklaarde voegde schreef stelde stelt benadrukte waarschuwde vertelde
    vertelt meldde reageerde antwoordde vond vindt legde liet
    """
)

QUOTES = QuoteWords(
    speech_verbs=SPEECH_VERBS,
    inverted_after_quote=SPEECH_VERBS,
    prefix_cues=MappingProxyType({"volgens": (), "aldus": ()}),
    articles=words("het een"),
    definite_articles=words("de het"),
    indefinite_articles=words("een"),
    relative_pronouns_after_name=words("die dat wie"),
    role_words=words(
        """
        burgemeester wethouder minister woordvoerder woordvoerster directeur directrice voorzitter
        premier president hoogleraar advocaat rechter deskundige topman topvrouw
        politiewoordvoerder gedeputeerde raadslid kamerlid staatssecretaris
        """
    ),
    honorifics=words("dhr mevr"),
    name_particles=words("van der den de ter"),
    time_words=words(
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei "
        "juni juli augustus september oktober november december"
    ),
    pronouns_female=words("zij"),
    pronouns_male=words("hij"),
    # common given names of clear gender (for "zei zij" after two names)
    female_names=words("sanne anne emma lisa femke eva fleur iris lotte marieke"),
    male_names=words("pieter jan daan sem bram lars thijs willem henk kees joost"),
    org_words=words("ministerie gemeente politie rechtbank provincie"),
    role_links=words("van"),
    coordinators=words("en"),
)

STOPWORDS = StopWords(
    frequent=words(
        """
        de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
        om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar
        haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden
        toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier
        wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand
        geweest andere
        """
    ),
    distinctive=words("de het een en van is dat op niet met zijn voor ook aan er"),
)

RELATED = RelatedWords(
    headings=(
        r"lees ook",
        r"meer nieuws",
        r"gerelateerde artikelen",
    ),
)


DUMPS = DumpWords(
    published=("gepubliceerd", "geplaatst"),
    updated=("bijgewerkt",),
    month_prefixes=("mrt", "mei", "okt"),
    byline_intros=("door",),
)


FURNITURE = FurnitureWords(
    ad_labels=("advertentie",),
    share_verbs=("delen",),
    share_words=("op",),
    read_more=("lees meer",),
)

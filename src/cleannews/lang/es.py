"""Spanish: quote attribution vocabulary ('«…», advirtió el alcalde de Sevilla, Juan Pérez').

Speech verbs in the preterite of news copy (and the present of live reports);
"advirtió" (warned) and its kin are as common as "dijo". Gerunds hang on the
clause subject like English "saying".

Besides `QUOTES`, the module holds the language's other concerns (`STOPWORDS`,
`RELATED`, `DUMPS`, `FURNITURE`; the table in `cleannews.lang`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, words

SPEECH_VERBS = words(
    """
    dijo afirmó añadió declaró señaló explicó aseguró agregó indicó advirtió subrayó insistió
    destacó apuntó manifestó sostuvo comentó reconoció admitió lamentó denunció criticó expresó
    precisó recalcó puntualizó respondió preguntó anunció alertó aclaró concluyó
    dice afirma añade declara señala explica asegura agrega indica advierte subraya insiste
    """
)

QUOTES = QuoteWords(
    speech_verbs=SPEECH_VERBS,
    participles=words("diciendo asegurando afirmando señalando explicando advirtiendo"),
    inverted_after_quote=SPEECH_VERBS,
    prefix_cues=MappingProxyType({"según": ()}),
    articles=words("el los las una"),
    definite_articles=words("el la los las"),
    indefinite_articles=words("un una"),
    relative_pronouns_after_name=words("que quien quienes"),
    role_words=words(
        """
        alcalde alcaldesa ministro ministra presidente presidenta portavoz director directora
        secretario secretaria diputado diputada senador senadora gobernador gobernadora jefe jefa
        concejal concejala consejero consejera abogado abogada fiscal juez jueza experto experta
        profesor profesora responsable delegado delegada vocero vocera
        """
    ),
    honorifics=words("sr sra srta doña dña"),
    name_particles=words("de del la y"),
    time_words=words(
        "lunes martes miércoles jueves viernes sábado enero febrero marzo abril mayo junio "
        "julio agosto septiembre octubre noviembre diciembre"
    ),
    pronouns_female=words("ella"),
    pronouns_male=words("él"),
    # common given names of clear gender (for "dijo ella" after two names)
    female_names=words("carmen lucía maría isabel ana laura marta elena pilar rosa cristina raquel"),
    male_names=words("juan josé antonio manuel francisco javier carlos pablo miguel luis jorge alejandro"),
    org_words=words("ministerio gobierno ayuntamiento policía tribunal sindicato"),
    role_links=words("de del"),
    coordinators=words("y e"),
)

STOPWORDS = StopWords(
    frequent=words(
        """
        de la que el en y a los del se las por un para con no una su al lo como más pero sus le
        ya o fue este ha sí porque esta son entre está cuando muy sin sobre ser también me hasta
        hay donde han quien desde todo nos durante todos uno les ni contra otros fueron ese eso
        había ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos
        mucho cual poco ella estar haber según dijo
        """
    ),
    distinctive=words("el la los las y que del en por para una con es se no como"),
)

RELATED = RelatedWords(
    headings=(
        r"te puede interesar",
        r"noticias relacionadas",
        r"m[áa]s noticias",
    ),
)


DUMPS = DumpWords(
    published=("publicado", "publicada"),
    updated=("actualizado", "actualizada"),
    month_prefixes=("ene", "abr", "ago", "dic"),
    byline_intros=("por", "texto"),
    credit_words=("imagen",),
)


FURNITURE = FurnitureWords(
    ad_labels=("publicidad",),
    share_verbs=("compartir",),
    share_words=("en",),
    credit_words=("imagen",),
    read_more=(r"leer m[áa]s",),
    dated_labels=("publicado", "actualizado"),
    date_prepositions=(" el",),
)

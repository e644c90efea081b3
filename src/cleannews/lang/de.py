"""German: quote attribution vocabulary ('„…“, sagte Innenministerin Petra Lang').

Speech verbs are the finite forms of news copy (Präteritum and Präsens; the
participle of "hat … gesagt" closes its clause, so it is not an inverted cue);
roles are written capitalised like every German noun, so they must be listed for
a title in front of a name ("Vorstandsvorsitzender Thomas Brenneke") to be split
off as the role. Compound titles are built from a head and the prefixes German
news puts before it ("Innen" + "ministerin").

Besides `QUOTES`, the module holds the language's other concerns (`STOPWORDS`,
`RELATED`, `DUMPS`, `FURNITURE`; the table in `cleannews.lang`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, words

SPEECH_VERBS = words(
    """
    sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten meinte meint
    fügte warnte warnt schrieb schreibt kritisierte kritisiert forderte fordert bestätigte
    bestätigt berichtete berichtet ergänzte ergänzt erläuterte unterstrich versicherte
    räumte kündigte teilte antwortete antwortet fragte fragt mahnte mahnt rief
    """
)

_ROLE_HEADS = words(
    "minister ministerin sprecher sprecherin präsident präsidentin chef chefin vorsitzender vorsitzende "
    "leiter leiterin direktor direktorin kanzler kanzlerin bürgermeister bürgermeisterin "
    "geschäftsführer geschäftsführerin senator senatorin"
)
_ROLE_PREFIXES = words(
    "innen außen finanz justiz gesundheit gesundheits wirtschafts umwelt verkehrs bildungs "
    "verteidigungs landwirtschafts arbeits familien kultur bundes landes regierungs polizei presse "
    "unternehmens konzern vorstands aufsichtsrats partei fraktions stadt ober ministerpräsident "
    "betriebsrats gewerkschafts landrats verbands klinik schul"
)
ROLE_WORDS = words(
    """
    sprecher sprecherin minister ministerin ministerpräsident ministerpräsidentin bürgermeister
    bürgermeisterin oberbürgermeister oberbürgermeisterin vorsitzender vorsitzende präsident
    präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin direktor direktorin chef chefin
    leiter leiterin geschäftsführer geschäftsführerin abgeordneter abgeordnete professor
    professorin experte expertin anwalt anwältin richter richterin staatsanwalt staatsanwältin
    landrat landrätin stadtrat stadträtin senator senatorin trainer trainerin gründer gründerin
    vorstand vorstandsmitglied polizeisprecher polizeisprecherin ermittler ermittlerin
    """
) | frozenset(p + h for p in sorted(_ROLE_PREFIXES) for h in sorted(_ROLE_HEADS))

QUOTES = QuoteWords(
    speech_verbs=SPEECH_VERBS,
    inverted_after_quote=SPEECH_VERBS,
    prefix_cues=MappingProxyType({"laut": ()}),
    after_quote_prefixes=words("so"),
    # "die" is an English verb too, but never right after a German cue's comma
    # in English copy; "des" is left out (French "des" opens no speaker)
    articles=words("der die das den dem"),
    definite_articles=words("der die das den dem des"),
    indefinite_articles=words("ein eine einer"),
    relative_pronouns_after_name=words("der die das"),
    role_words=ROLE_WORDS,
    honorifics=words("herr frau dr prof"),
    name_particles=words("von zu"),
    time_words=words(
        "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai "
        "juni juli august september oktober november dezember"
    ),
    pronouns_female=words("sie"),
    pronouns_male=words("er"),
    # common given names of clear gender (for "sagte sie" after two names)
    female_names=words("anna maria petra sabine claudia susanne birgit katrin julia laura lena lea hannah sophie nicole stefanie monika ursula ute heike karin angelika anja"),
    male_names=words("thomas michael andreas stefan jan jonas lukas felix markus klaus jürgen wolfgang peter frank uwe dieter hans matthias tobias florian sebastian"),
    org_words=words("ministerium polizei regierung partei gericht verband konzern stadt bundesamt"),
    role_links=words("des der von"),
    coordinators=words("und"),
)

STOPWORDS = StopWords(
    frequent=words(
        """
        der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es
        an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen
        so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihr kann ich
        gegen vom schon wenn habe seine ihre dann unter wir soll ihm diese seiner uns da sagte
        hatte sowie keine worden wieder will zwischen immer was ob weil
        """
    ),
    distinctive=words("der die und das ist nicht mit sich auf den dem ein eine wird von zu"),
)

RELATED = RelatedWords(
    headings=(
        r"weitere (?:artikel|nachrichten|themen)",
        r"mehr zum thema",
        r"das könnte sie (?:auch )?interessieren",
        r"lesen sie auch",
    ),
)


DUMPS = DumpWords(
    published=("veröffentlicht", "erschienen"),
    updated=("aktualisiert", "zuletzt aktualisiert"),
    month_prefixes=("mär", "mai", "okt", "dez"),
    byline_intros=("von", r"autor(?:in)?",),
    credit_words=("foto", "bild"),
)


FURNITURE = FurnitureWords(
    ad_labels=("anzeige", "werbung"),
    share_verbs=("teilen",),
    share_words=("artikel",),
    credit_words=("foto", "bild", "quelle"),
    read_more=("weiterlesen", "mehr lesen"),
    dated_labels=("aktualisiert", "veröffentlicht"),
    date_prepositions=(" am",),
    back_to_top=("nach oben",),
)

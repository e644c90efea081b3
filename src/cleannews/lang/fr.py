"""French: quote attribution vocabulary ('«…», a déclaré la ministre, Claire Dubois').

The compound past puts its auxiliary before the inverted participle ("a
déclaré", "ont affirmé"), so the participles are the speech verbs and the
auxiliaries are `compound_aux`; the present ("explique", "estime") inverts the
same way. "il" is left out of the pronouns (it is the Italian article); glued to
its verb ("a-t-il ajouté", "explique-t-il") it is read as the pronoun it is.

Besides `QUOTES`, the module holds the language's other concerns (`STOPWORDS`,
`RELATED`, `DUMPS`, `FURNITURE`; the table in `cleannews.lang`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, words

SPEECH_VERBS = words(
    """
    dit déclaré affirmé ajouté expliqué souligné estimé indiqué précisé assuré lance lancé
    confié martelé insisté réagi prévenu averti rappelé poursuivi annoncé admis reconnu regretté
    dénoncé déclare affirme ajoute explique souligne estime indique précise assure confie
    rappelle poursuit annonce reconnaît regrette dénonce conclut répond répondu
    """
)

QUOTES = QuoteWords(
    speech_verbs=SPEECH_VERBS,
    inverted_after_quote=SPEECH_VERBS,
    prefix_cues=MappingProxyType({"selon": ()}),
    compound_aux=words("a ont avait avaient"),
    glued_pronouns=MappingProxyType({"il": "he", "elle": "she", "ils": "they", "elles": "they"}),
    articles=words("le la les une"),
    definite_articles=words("le la les"),
    indefinite_articles=words("un une"),
    relative_pronouns_after_name=words("qui"),
    elisions=("l'", "l’", "d'", "d’", "qu'", "qu’"),
    role_words=words(
        """
        ministre maire président présidente porte-parole directeur directrice secrétaire député
        députée sénateur sénatrice préfet préfète adjoint adjointe conseiller conseillère avocat
        avocate procureur procureure juge patron patronne responsable délégué déléguée
        professeur professeure chercheur chercheuse expert experte syndicaliste élu élue
        """
    ),
    honorifics=words("m mme mlle pr"),
    name_particles=words("de du la le"),
    time_words=words(
        "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin "
        "juillet août septembre octobre novembre décembre"
    ),
    pronouns_female=words("elle"),
    # common given names of clear gender (for "a-t-elle" after two names)
    female_names=words("marie sophie claire camille léa chloé manon julie isabelle nathalie sylvie catherine céline aurélie émilie élodie anne hélène"),
    male_names=words("pierre marc michel philippe nicolas julien thomas antoine françois olivier laurent éric christophe alain"),
    org_words=words("ministère gouvernement mairie préfecture syndicat tribunal"),
    role_links=words("de des du d'"),
    coordinators=words("et"),
)

STOPWORDS = StopWords(
    frequent=words(
        """
        de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il
        sont avec ou son sa ses aux mais elle nous vous ils été leur comme on tout fait cette
        aussi bien peut ont entre deux sans y lui dont même ces après était avait très être
        avoir encore depuis où si je sous contre selon ans leurs autres non tous fait donc alors
        c'est qu'il d'un d'une l'on
        """
    ),
    distinctive=words("le la les et des est une dans pour qui pas sur que du au avec"),
)

RELATED = RelatedWords(
    headings=(
        r"(?:à|a) lire (?:aussi|également)",
        r"lire aussi",
        r"sur le même sujet",
    ),
)


DUMPS = DumpWords(
    published=("publié", "publié le"),
    updated=("mis à jour", "mise à jour"),
    month_prefixes=("janv", "févr", "avr", "juil", "août", "déc"),
    byline_intros=("par", "auteur"),
    credit_words=("crédit",),
)


FURNITURE = FurnitureWords(
    ad_labels=(r"publicit[ée]",),
    share_verbs=("partager",),
    share_words=("l'article",),
    credit_words=("crédit",),
    read_more=("lire la suite",),
    dated_labels=("publié", "mis à jour"),
    date_prepositions=(" le",),
    back_to_top=("retour en haut",),
)

"""Portuguese: quote attribution vocabulary ('“…”, afirmou o prefeito João Silva').

Speech verbs in the preterite of news copy, Brazilian and European usage
("afirmou", "salientou", "frisou"). The article "o" opens the speaker phrase;
"as" is left out of the articles (it is an English word).

Besides `QUOTES`, the module holds the language's other concerns (`STOPWORDS`,
`RELATED`, `DUMPS`, `FURNITURE`; the table in `cleannews.lang`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, words

SPEECH_VERBS = words(
    """
    disse afirmou acrescentou declarou explicou salientou sublinhou garantiu referiu adiantou
    frisou assegurou destacou ressaltou comentou alertou advertiu admitiu reconheceu lamentou
    anunciou respondeu questionou defendeu avaliou diz afirma explica garante
    """
)

QUOTES = QuoteWords(
    speech_verbs=SPEECH_VERBS,
    participles=words("dizendo afirmando explicando"),
    inverted_after_quote=SPEECH_VERBS,
    prefix_cues=MappingProxyType({"segundo": ()}),
    articles=words("o os"),
    definite_articles=words("o a os as"),
    indefinite_articles=words("um uma"),
    relative_pronouns_after_name=words("que quem"),
    role_words=words(
        """
        prefeito prefeita ministro ministra presidente porta-voz diretor diretora secretário
        secretária deputado deputada senador senadora governador governadora chefe vereador
        vereadora advogado advogada juiz juíza especialista professor professora responsável
        delegado delegada autarca vendedor vendedora comerciante morador moradora
        """
    ),
    honorifics=words("sr sra dr dra"),
    name_particles=words("da das dos"),
    time_words=words(
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado janeiro "
        "fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"
    ),
    pronouns_female=words("ela"),
    pronouns_male=words("ele"),
    # common given names of clear gender (for "disse ela" after two names)
    female_names=words("maria ana beatriz juliana fernanda camila luana patrícia joana rita"),
    male_names=words("joão josé pedro paulo carlos lucas rafael tiago miguel luiz"),
    org_words=words("ministério governo prefeitura câmara polícia tribunal sindicato"),
    role_links=words("de da do"),
    coordinators=words("e"),
)

STOPWORDS = StopWords(
    frequent=words(
        """
        de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao
        ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso
        ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram
        essa num nem suas meu às minha têm numa pelos elas havia seja qual será nós lhe deles
        essas esses pelas este fosse dele disse ainda
        """
    ),
    distinctive=words("o a os que do da em para com uma não é dos das no"),
)

RELATED = RelatedWords(
    headings=(
        r"leia (?:também|mais)",
        r"not[íi]cias relacionadas",
        r"veja também",
    ),
)


DUMPS = DumpWords(
    updated=("atualizado",),
)


FURNITURE = FurnitureWords(
    share_verbs=("partilhar",),
    share_words=("no",),
    read_more=("leia mais",),
)

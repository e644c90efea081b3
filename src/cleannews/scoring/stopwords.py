"""The most frequent function words of the languages the dump scorer knows.

Prose is dense in these words (jusText's observation: 30-45% of the tokens of running
text in a European language are stop words; menus, headline lists and labels hold
far fewer). Each list is the 60-90 most frequent words of its language, lower-cased,
taken from the frequency heads of common word lists (the same words as the first
rows of jusText's and NLTK's stop lists), so they are plain data: add a language by
adding a tuple.
"""

from __future__ import annotations

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to a in is it that was for on are as with he be at by this had not but from or have an they "
        "which one you were her all she there would their we him been has when who will more no if out so said "
        "what up its about into than them can only other new some could time these two may then do first any my "
        "now such like our over man me even most made after also did many before must through back years where "
        "much your way well down should because each just those people how too little state good very make world "
        "still own see men work long get here between both life being under never day same another know while "
        "last might us great old year off come since against go came right used take three says i his".split()
    ),
    "de": frozenset(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er "
        "hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor "
        "zur bis mehr durch man sein wurde sei ihr kann ich gegen vom schon wenn habe seine ihre dann unter wir "
        "soll ihm diese seiner uns da sagte hatte sowie keine worden wieder will zwischen immer was ob weil".split()
    ),
    "fr": frozenset(
        "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont avec ou "
        "son sa ses aux mais elle nous vous ils été leur comme on tout fait cette aussi bien peut ont entre deux "
        "sans y lui dont même ces après était avait très être avoir encore depuis où si je sous contre selon ans "
        "leurs autres non tous fait donc alors c'est qu'il d'un d'une l'on".split()
    ),
    "es": frozenset(
        "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o fue este ha "
        "sí porque esta son entre está cuando muy sin sobre ser también me hasta hay donde han quien desde todo "
        "nos durante todos uno les ni contra otros fueron ese eso había ante ellos e esto mí antes algunos qué "
        "unos yo otro otras otra él tanto esa estos mucho cual poco ella estar haber según dijo".split()
    ),
    "it": frozenset(
        "di e il la che in a per un è del non una le i si da con sono al lo della ha dei gli alla come più anche "
        "ma nel delle se o ci questo essere ne suo sua nella ad cui tra stato loro dal fra quando già hanno mi "
        "dopo molto degli sul era tutti solo sulla così questa prima aveva fatto due anni poi ancora dalla "
        "agli ai nei nelle sui quello cosa io".split()
    ),
    "pt": frozenset(
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à "
        "seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem "
        "mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu às minha têm "
        "numa pelos elas havia seja qual será nós lhe deles essas esses pelas este fosse dele disse ainda".split()
    ),
    "nl": frozenset(
        "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou "
        "of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben "
        "deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben "
        "zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen "
        "na reeds wil kon niets uw iemand geweest andere".split()
    ),
}

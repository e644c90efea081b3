"""Words several stages read, kept where no stage owns them.

The generic "Related" cleaner and the scorers' end-of-article rules both know what a
teaser section's heading says; the scorer importing it from a cleaner tied the two
stages together, so it lives here. (When the `cleannews.lang` package holds each
language's vocabulary, these headings belong there, split by language.)
"""

from __future__ import annotations

import re

#: Headings that open a "Related" / "Recommended" / "Read next" teaser section, as
#: CMSs print them, in the benchmark's languages.
RELATED_HEADING = re.compile(
    r"(?:related(?: (?:articles?|stories|posts|news|content|coverage|reading|links))?|"
    r"recommended(?: (?:articles?|stories|for you|reading|videos?))?|"
    r"(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in))|"
    r"more (?:from|in|on|about|stories|news|articles|headlines|to read|coverage)(?: .{1,40})?|"
    r"more|(?:read|watch) next|also (?:read|see|on)|see also|trending(?: now| stories| news| topics)?|"
    r"most (?:read|popular|viewed|shared|commented)|top stories|popular (?:stories|now|posts)|"
    r"editor'?s picks?|latest (?:news|stories|articles|videos)|"
    r"weitere (?:artikel|nachrichten|themen)|mehr zum thema|das könnte sie (?:auch )?interessieren|lesen sie auch|"
    r"(?:à|a) lire (?:aussi|également)|lire aussi|sur le même sujet|"
    r"te puede interesar|noticias relacionadas|m[áa]s noticias|"
    r"leggi anche|articoli correlati|potrebbe interessarti|"
    r"leia (?:também|mais)|not[íi]cias relacionadas|veja também|"
    r"lees ook|meer nieuws|gerelateerde artikelen|"
    r"читайте (?:также|еще)|смотрите также|похожие (?:статьи|новости|записи)|самые популярные.{0,30}|популярное|"
    r"czytaj (?:też|także)|zobacz też|podobne artykuły|"
    r"ilgili haberler|benzer haberler|"
    r"相关(?:文章|新闻|阅读)|推荐阅读|関連記事|おすすめ記事|관련 ?기사)\W*",
    re.IGNORECASE,
)
#: A teaser heading is short; a real sub-heading that starts with "More" is longer.
MAX_HEADING_CHARS = 60

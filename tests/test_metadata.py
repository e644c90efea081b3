"""The metadata stage: small hand-written snippets, plus corpus floors when ../shared is there."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from pathlib import Path

import pytest

from cleannews.document import Document, build_document
from cleannews.metadata import parse_byline, parse_caption, parse_date_text, read_metadata
from cleannews.metadata.dates import date_from_url, parse_iso
from cleannews.metadata.language import guess_language
from cleannews.metadata.title import strip_site_name
from cleannews.models import Block, BlockKind, Page, Removal
from cleannews.scoring import Selection

SHARED = Path(__file__).resolve().parents[2] / "shared"
NO_SELECTION = Selection(kept=())
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def meta_of(html: str, url: str | None = "https://example.org/news/a-story"):
    doc = build_document(Page(html, "html", url))
    return read_metadata(doc, {}, NO_SELECTION)


def page(head: str = "", body: str = "", lang: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<html{lang_attr}><head>{head}</head><body>{body}</body></html>"


# --- JSON-LD ---------------------------------------------------------------------
def test_jsonld_graph_with_nested_authors():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "The Daily Example"},
            {
                "@type": "NewsArticle",
                "headline": "Bridge reopens after repairs",
                "datePublished": "2021-03-04T09:15:00+01:00",
                "dateModified": "2021-03-05T10:00:00+01:00",
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bob Ray"}],
                "articleSection": "Local",
            },
        ],
    }
    m = meta_of(page(f'<script type="application/ld+json">{json.dumps(ld)}</script><title>x</title>'))
    assert m.title == "Bridge reopens after repairs"
    assert m.authors == ("Ann Lee", "Bob Ray")
    assert m.date == dt.datetime(2021, 3, 4, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert m.modified == dt.datetime(2021, 3, 5, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert m.site_name == "The Daily Example"
    assert m.section == "Local"


def test_jsonld_array_and_broken_json_never_raise():
    good = [{"@type": "BlogPosting", "headline": "Notes on gardening", "author": "Cy Twombly"}]
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        f'<script type="application/ld+json">{json.dumps(good)}</script>'
        '<script type="application/ld+json">{"@type": "Thing", "name": "x",}</script>'
    )
    m = meta_of(page(head))
    assert m.title == "Notes on gardening"
    assert m.authors == ("Cy Twombly",)


def test_bad_markup_never_raises():
    for html in ("", "<html>", "<<<>>>", "<meta property='og:title'>", "\x00\x01<p>x</p>"):
        doc = Document(page=Page(html, "html", None), blocks=(), tree=None)
        read_metadata(doc, {}, NO_SELECTION)
        meta_of(html or "<p></p>")


# --- meta tags ---------------------------------------------------------------------
def test_opengraph_and_article_meta():
    head = (
        '<meta property="og:title" content="Rain returns to the valley | Valley Post">'
        '<meta property="og:site_name" content="Valley Post">'
        '<meta property="og:description" content="Farmers welcome the first rain in months.">'
        '<meta property="article:published_time" content="2022-07-01T06:00:00Z">'
        '<meta property="article:modified_time" content="2022-07-02T08:00:00Z">'
        '<meta property="article:section" content="Weather">'
        '<meta name="author" content="Dee Walsh">'
        '<link rel="canonical" href="/weather/rain-returns">'
    )
    m = meta_of(page(head, lang="en-GB"), url="https://valley.example/weather/rain-returns?utm=x")
    assert m.title == "Rain returns to the valley"
    assert m.description == "Farmers welcome the first rain in months."
    assert m.authors == ("Dee Walsh",)
    assert m.date == dt.datetime(2022, 7, 1, 6, 0, tzinfo=dt.timezone.utc)
    assert m.modified == dt.datetime(2022, 7, 2, 8, 0, tzinfo=dt.timezone.utc)
    assert m.section == "Weather"
    assert m.language == "en"
    assert m.url == "https://valley.example/weather/rain-returns"


def test_microdata_author_and_time_element():
    body = (
        '<article><h1>Council votes on new park</h1>'
        '<span itemprop="author" itemscope><span itemprop="name">Eve Moss</span></span>'
        '<time class="published" datetime="2020-11-12">12 Nov</time>'
        "<p>" + "The council met on Thursday to discuss the plans. " * 8 + "</p></article>"
    )
    m = meta_of(page("<title>Council votes on new park - Town Crier</title>", body), "https://towncrier.example/a")
    assert m.authors == ("Eve Moss",)
    assert m.date == dt.date(2020, 11, 12)
    assert m.title == "Council votes on new park"


def test_original_date_not_modified():
    body = (
        "<h1>Storm damage assessed</h1><p class='dateline'>Updated March 9, 2023 4:10 pm EST</p>"
        "<p class='dateline'>Published March 8, 2023 1:25 pm EST</p>"
        "<p>" + "Crews worked through the night to clear roads. " * 8 + "</p>"
    )
    m = meta_of(page("", body))
    est = dt.timezone(dt.timedelta(hours=-5))
    assert m.date == dt.datetime(2023, 3, 8, 13, 25, tzinfo=est)
    assert m.modified == dt.datetime(2023, 3, 9, 16, 10, tzinfo=est)


# --- bylines -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Global Watch and AFP |", ("Global Watch", "AFP")),
        ("Reported by: Asian News International", ("Asian News International",)),
        ("By Ann Lee, Bob Ray & Cy Twombly", ("Ann Lee", "Bob Ray", "Cy Twombly")),
        ("Von Anna Muster und Max Beispiel", ("Anna Muster", "Max Beispiel")),
        ("par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie")),
        ("por Ana Gómez y Luis Pérez", ("Ana Gómez", "Luis Pérez")),
        ("di Mario Rossi e Carla Bianchi", ("Mario Rossi", "Carla Bianchi")),
        ("door Piet de Vries", ("Piet de Vries",)),
        ("av Kari Nordmann", ("Kari Nordmann",)),
        ("Written by Jo Park", ("Jo Park",)),
        ("By Jane Doe, Senior Reporter", ("Jane Doe",)),
        ("By Jane Doe | Updated 13:25 IST, Jan 6 2025", ("Jane Doe",)),
        ("By JOHN SMITH and MARY JONES", ("John Smith", "Mary Jones")),
        # a date after the name with no separator is not part of the name
        ("By Jo Park January 6, 2025", ("Jo Park",)),
        ("Von Anna Muster 6. Januar 2025", ("Anna Muster",)),
        ("By Jo Park 01/06/2025 10:00", ("Jo Park",)),
        ("By May Lopez", ("May Lopez",)),
        ("by Ola Berg22 Dec 2016", ("Ola Berg",)),  # name and date adjacent inline elements, no space
        ("Jean Dupont (avec Marie Curie et Paul Roux)", ("Jean Dupont", "Marie Curie", "Paul Roux")),
        ("By Ann Lee (with Bob Ray)", ("Ann Lee", "Bob Ray")),
        # an ampersand next to a single letter is part of the name, not a separator
        ("Mac & i", ("Mac & i",)),
        ("By AT&T Newsroom and Jo Park", ("AT&T Newsroom", "Jo Park")),
        ("By John Smith & A. Jones", ("John Smith", "A. Jones")),  # "A." is an initial
    ],
)
def test_parse_byline(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "junk", ["Staff", "admin", "View all posts by admin", "https://twitter.com/someone", "By 12 March 2020", "", None]
)
def test_parse_byline_rejects_junk(junk):
    assert parse_byline(junk) == ()


def test_visible_byline_in_html():
    body = (
        "<h1>Harbour expansion approved</h1><div class='byline'>By Ola Berg and Sam Hill</div>"
        "<p>" + "The harbour authority approved the plan on Monday. " * 8 + "</p>"
    )
    m = meta_of(page("", body))
    assert m.authors == ("Ola Berg", "Sam Hill")
    assert m.byline == "By Ola Berg and Sam Hill"


# --- dates and time zones ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 13:25 IST, January 6th 2025", dt.datetime(2025, 1, 6, 13, 25, tzinfo=IST)),
        ("Updated 13:25 IST, January 6th 2025", dt.datetime(2025, 1, 6, 13, 25, tzinfo=IST)),
        ("Jan. 6, 2025 1:25 p.m. EST", dt.datetime(2025, 1, 6, 13, 25, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
        ("July 4, 2024 10:00 PDT", dt.datetime(2024, 7, 4, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=-7)))),
        ("24 July 2015 10.30 BST", dt.datetime(2015, 7, 24, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        ("3. März 2021, 14:05 CET", dt.datetime(2021, 3, 3, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        ("2021-03-03 09:00 JST", dt.datetime(2021, 3, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))),
        ("Posted on 6 de enero de 2025", dt.date(2025, 1, 6)),
        ("le 3 mars 2019 à 14h05", dt.datetime(2019, 3, 3, 14, 5)),
        ("03.12.2019", dt.date(2019, 12, 3)),
        ("12/03/2019", dt.date(2019, 12, 3)),
        ("no date here", None),
        ("3 hours ago", None),
    ],
)
def test_parse_date_text(text, expected):
    assert parse_date_text(text) == expected


def test_parse_iso_and_url_dates():
    assert parse_iso("2019-01-03T10:00:00+0100") == dt.datetime(
        2019, 1, 3, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert parse_iso("2019-01-03") == dt.date(2019, 1, 3)
    assert parse_iso("20190103") == dt.date(2019, 1, 3)
    assert parse_iso("1970-01-01") is None  # before the web's news archives
    assert date_from_url("https://x.example/2019/01/03/slug") == dt.date(2019, 1, 3)
    assert date_from_url("https://x.example/news/20190103-slug.html") == dt.date(2019, 1, 3)
    assert date_from_url("https://x.example/2019/01/slug") is None


# --- titles ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "sites", "url", "expected"),
    [
        ("Rates rise again | Money Times", ["Money Times"], None, "Rates rise again"),
        ("Money Times - Rates rise again today", ["Money Times"], None, "Rates rise again today"),
        ("Rates rise again - Markets - Money Times", ["Money Times"], None, "Rates rise again - Markets"),
        ("Rates rise again this week | moneytimes.com", [], "https://www.moneytimes.com/a", "Rates rise again this week"),
        ("How we built Moneytimes search - a story", [], "https://moneytimes.com/a", "How we built Moneytimes search - a story"),
        ("Mozilla - Wikipedia", ["Wikipedia"], None, "Mozilla - Wikipedia"),  # too short once stripped
        # a segment that names itself a site, with no site name known (en dash as separator)
        ("Rates rise again this week – My website", [], None, "Rates rise again this week"),
        ("Les taux montent encore | Le blog de Marie", [], None, "Les taux montent encore"),
        ("Web design tutorial - How to build your own website", [], None,
         "Web design tutorial - How to build your own website"),  # a long segment is the headline's
        ("Google - Site Reliability Engineering", [], None, "Google - Site Reliability Engineering"),
    ],
)
def test_strip_site_name(title, sites, url, expected):
    assert strip_site_name(title, sites, url) == expected


def test_title_from_html_title_and_h1():
    body = "<h1>Library opens late on Fridays</h1><p>" + "The library will stay open until ten. " * 8 + "</p>"
    site = '<meta property="og:site_name" content="Town Crier">'
    m = meta_of(page(f"<title>Library opens late on Fridays | News | Town Crier</title>{site}", body))
    assert m.title == "Library opens late on Fridays"  # site stripped, then the h1 drops the section
    # the domain names the site too
    m = meta_of(page("<title>Library opens late on Fridays | Town Crier</title>", body), "https://www.towncrier.org/a")
    assert m.title == "Library opens late on Fridays"
    # an unknown trailing segment may belong to the headline: kept
    m = meta_of(page("<title>Evolve: Shared Mutable History — evolve extension for Hg</title>", "<h1>Evolve</h1>"))
    assert m.title == "Evolve: Shared Mutable History — evolve extension for Hg"


def test_site_level_og_title_is_not_the_headline():
    head = ('<title>Rocket breaks up over the steppe</title><meta property="og:title" content="Daily Wire - Latest News">'
            '<meta name="application-name" content="Daily Wire - Latest News">')
    assert meta_of(page(head, "<h1>Rocket breaks up over the steppe</h1>")).title == "Rocket breaks up over the steppe"
    # an application-name that repeats the page's own title is not a site name
    head = ('<title>Rocket breaks up over the steppe</title><meta property="og:title" content="Rocket breaks up over the steppe">'
            '<meta name="application-name" content="Rocket breaks up over the steppe">')
    assert meta_of(page(head)).title == "Rocket breaks up over the steppe"


# --- language ---------------------------------------------------------------------------
def test_language_declared_and_guessed():
    assert meta_of(page('<meta http-equiv="content-language" content="de-DE">')).language == "de"
    assert meta_of(page('<meta property="og:locale" content="fr_FR">')).language == "fr"
    assert guess_language("Der Hund und die Katze sind nicht mit dem Auto auf der Straße gefahren.") == "de"
    assert guess_language("Le chat et le chien sont dans la maison pour une nuit avec les enfants.") == "fr"
    assert guess_language("The cat and the dog are in the house for the night with the children.") == "en"
    assert guess_language("") is None


def test_language_needs_five_words():
    # four German function words and nothing else: too few words to guess from,
    # however clear the vote (the early return skips the counts for them)
    assert guess_language("und die der nicht") is None
    assert guess_language("und die der nicht mit") == "de"


# --- captions and dumps -------------------------------------------------------------
def test_parse_caption():
    assert parse_caption("Minister speaks in Seoul | Image: AP") == ("Minister speaks in Seoul", "AP")
    cap, credit = parse_caption("Crowds gather at the station. [Jane Roe/AFP]")
    assert cap == "Crowds gather at the station. [Jane Roe/AFP]" and credit == "Jane Roe/AFP"
    assert parse_caption("Photo: Sam Hill") == (None, "Sam Hill")


def test_dump_roles():
    lines = [
        "Harbour Tales",
        "Ferry service resumes after winter break",
        "Operators say the first crossing sold out within hours.",
        "Published 13:25 IST, January 6th 2025",
        "Updated 15:00 IST, January 6th 2025",
        "By Harbour Desk and AFP |",
        "The ferry left the harbour at dawn on Monday. " * 6,
    ]
    blocks = tuple(Block(index=i, text=t, tag="line", line=i) for i, t in enumerate(lines))
    doc = Document(page=Page("\n".join(lines), "text", None), blocks=blocks, tree=None)
    removed = {
        0: Removal(0, "dump", "section", role="section"),
        3: Removal(3, "dump", "date", role="date"),
        4: Removal(4, "dump", "date", role="modified"),
        5: Removal(5, "dump", "byline", role="byline"),
    }
    m = read_metadata(doc, removed, Selection(kept=(6,)))
    assert m.title == "Ferry service resumes after winter break"  # no title role: first headline-like line
    assert m.description == "Operators say the first crossing sold out within hours."
    assert m.section == "Harbour Tales"
    assert m.authors == ("Harbour Desk", "AFP")
    assert m.byline == "By Harbour Desk and AFP |"
    assert m.date == dt.datetime(2025, 1, 6, 13, 25, tzinfo=IST)
    assert m.modified == dt.datetime(2025, 1, 6, 15, 0, tzinfo=IST)
    assert m.language == "en"


def test_dump_image_blocks():
    blocks = (
        Block(index=0, text="A headline about boats and the sea", kind=BlockKind.HEADING, level=1),
        Block(index=1, text="", kind=BlockKind.IMAGE, attrs={"src": "/img/boat.jpg", "alt": "A boat at dawn | Photo: AP"}),
        Block(index=2, text="The boat left. " * 20),
    )
    doc = Document(page=Page("", "markdown", None), blocks=blocks, tree=None)
    m = read_metadata(doc, {}, Selection(kept=(2,)))
    assert m.images and m.images[0].src == "/img/boat.jpg"
    assert m.images[0].caption == "A boat at dawn" and m.images[0].credit == "AP"


# --- corpus floors -----------------------------------------------------------------
def _scorer():
    from conftest import load_scorer

    return load_scorer()


def _score_dataset(name: str) -> tuple[dict, float]:
    scorer = _scorer()
    d = SHARED / "corpus" / name
    if not (d / "truth.jsonl").exists():
        pytest.skip(f"../shared/corpus/{name} is not beside the checkout")
    from cleannews.cleaners.registry import resolve, run_cleaners
    from cleannews.load import load
    from cleannews.scoring import select_blocks

    preds = {}
    spent = 0.0
    rows = [json.loads(line) for line in (d / "truth.jsonl").open(encoding="utf8")]
    for row in rows:
        doc = build_document(load(gzip.decompress((d / row["file"]).read_bytes()), url=row.get("url")))
        removed = run_cleaners(doc, resolve(None))
        # the rules scorer's selection, which the pipeline gives the metadata stage
        # whichever scorer chose the body (`Selection.rules_basis`)
        selection = select_blocks(doc, removed).rules_basis
        t0 = time.perf_counter()
        m = read_metadata(doc, removed, selection)
        spent += time.perf_counter() - t0
        preds[row["id"]] = {"id": row["id"], "title": m.title, "authors": list(m.authors),
                            "date": m.date.isoformat() if m.date else None}
    return scorer.score(d, preds), spent / len(rows)


@pytest.mark.corpus
def test_readability_floors():
    res, _ = _score_dataset("readability")
    # Measured 0.906 / 0.789 / 0.970 (title 115/127 and date 32/33 meet the 0.90 /
    # 0.95; byline 60/76 misses 0.80: the byline misses left are truth quirks (dates, URLs,
    # "Follow Author" kept in the byline, a teaser's author taken for the article's). The date
    # miss left gives the UTC day of a local-midnight timestamp.
    # Title 0.898 (114/127) since the cut at a pipe (`title.without_pipe_tail`): it loses
    # one page here whose truth keeps "| Code" and gains 31 on wcxb-dev.
    assert res["title_accuracy"] >= 0.89
    assert res["byline_accuracy"] >= 0.78
    assert res["date_accuracy"] >= 0.96


@pytest.mark.corpus
def test_htmldate_floor():
    res, _ = _score_dataset("htmldate")
    # Measured 0.9325 (746/800) with the body selection (the target is 0.93).
    assert res["date_accuracy"] >= 0.93


def test_htmldate_runs_only_where_a_date_is_written(monkeypatch):
    from cleannews.metadata import datevote

    assert datevote.has_date_string('<span data-x="2023-04-09T10:00">x</span>')
    assert datevote.has_date_string("<p>Montag (30. Oktober 2023)</p>")
    assert datevote.has_date_string('<abbr title="Dec 17, 2025">Wed</abbr>')
    assert datevote.has_date_string("<p>5 de marzo de 2024</p>")
    assert datevote.has_date_string("<p>2024年3月5日</p>")
    assert not datevote.has_date_string("<p>Since 2019 we serve 2024 customers. (c) 2025</p>")
    assert not datevote.has_date_string(".a{width:2020px}.b{top:1999px}")
    calls: list[str] = []

    def fake_find_date(text: str, **kw: object) -> str:
        calls.append(text)
        return "2023-04-09"

    import htmldate

    monkeypatch.setattr(htmldate, "find_date", fake_find_date)
    undated = page("<title>Opening hours</title>", "<h1>Opening hours</h1><p>Open since 2019, every day.</p>")
    assert meta_of(undated, None).date is None and not calls
    dated = page("<title>Opening hours</title>", '<h1>Opening hours</h1><p data-d="2023-04-09">Open every day.</p>')
    assert meta_of(dated, None).date == dt.date(2023, 4, 9) and len(calls) == 1


# --- dates near the headline, bare date lines, URL days ------------------------------
def _article(before: str, after: str = "") -> str:
    para = "<p>" + "The committee met on Thursday to talk about the budget for next year. " * 6 + "</p>"
    return page("<title>Budget talks resume</title>", f"{before}<h1>Budget talks resume</h1>{after}{para * 3}")


def test_bare_date_line_under_the_headline():
    m = meta_of(_article("", "<p>14. Februar 2012</p>"), None)
    assert m.date == dt.date(2012, 2, 14)
    m = meta_of(_article("", "<div>Pressemitteilung vom 20.01.2022</div>"), None)
    assert m.date == dt.date(2022, 1, 20)
    m = meta_of(_article("", "<p>02.12.19</p>"), None)  # a two-digit year only in a line that is nothing else
    assert m.date == dt.date(2019, 12, 2)


def test_navigation_date_is_not_the_article_date():
    nav = '<div class="nav"><span class="current-date">Sa, 19. Okt 2019</span></div>'
    m = meta_of(_article(nav, '<p class="entry-date">Fr, 18. Oktober 2019</p>'), None)
    assert m.date == dt.date(2019, 10, 18)


def test_multilingual_date_labels():
    m = meta_of(_article("", "<p>Veröffentlicht am 16.08.2019 Dauer: 1 Stunde</p>"), None)
    assert m.date is not None and m.date.isoformat()[:10] == "2019-08-16"


def test_url_day_must_be_a_day():
    assert date_from_url("https://blog.example.de/2023/10/3-fragen-an-tina/") is None
    assert date_from_url("https://example.de/2023/10/03/fragen/") == dt.date(2023, 10, 3)
    assert date_from_url("https://example.de/meldungen/29-10-2021") == dt.date(2021, 10, 29)


# --- bylines: which source wins ---------------------------------------------------------
def test_visible_by_line_beats_rel_author_link():
    body = ('<h1>Quake toll rises in the valley</h1><p>Par Sébastien Farcis</p>'
            + "<p>" + "Rescue teams reached the villages on Sunday after the roads were cleared. " * 6 + "</p>"
            + '<aside><a rel="author" href="/auteur/afp">AFP</a></aside>')
    m = meta_of(page("<title>Quake toll rises in the valley</title>", body))
    assert m.authors == ("Sébastien Farcis",)


def test_class_only_byline_must_look_like_a_name():
    body = ('<h1>Quake toll rises in the valley</h1><div class="author-box"><p>Movies</p></div>'
            + "<p>" + "Rescue teams reached the villages on Sunday after the roads were cleared. " * 6 + "</p>")
    assert meta_of(page("<title>Quake toll rises</title>", body)).authors == ()


def test_structured_author_values():
    from cleannews.metadata.byline import clean_authors

    assert clean_authors(["Kooman, F.", "Jong, Michiel de"]) == ("F. Kooman", "Michiel de Jong")
    assert clean_authors(["Reuters, AP"]) == ("Reuters", "AP")
    assert clean_authors(["Bradley M. Kuhn (http://example.org/bkuhn/)"]) == ("Bradley M. Kuhn",)
    # parentheses between the words of a name hold middle names or a nickname: kept
    assert clean_authors(["Ana (Maria Luisa) Souza"]) == ("Ana (Maria Luisa) Souza",)
    assert clean_authors(["William (Bill) Smith"]) == ("William (Bill) Smith",)
    assert clean_authors(["Jane Doe (AFP)", "(dpa) Max Beispiel"]) == ("Jane Doe", "Max Beispiel")
    assert clean_authors(["Jane (2) Doe"]) == ("Jane Doe",)
    assert parse_byline("Written by Rob Ewaschuk Edited by Betsy Beyer") == ("Rob Ewaschuk",)


# --- meta tags: property= beats name= ----------------------------------------------------
def test_meta_property_beats_meta_name_for_the_same_key():
    head = ('<title>Page title</title>'
            '<meta name="DC.title" content="Title from a name attribute">'
            '<meta property="dc:title" content="Title from a property attribute">'
            '<meta name="DC.creator" content="Name Author">'
            '<meta property="dc:creator" content="Property Author">')
    m = meta_of(page(head), None)
    assert m.title == "Title from a property attribute"
    assert m.authors == ("Property Author",)
    # either form alone is still read
    m = meta_of(page('<meta name="dc.creator" content="Only Named">'
                     '<meta property="og:title" content="An open graph title">'), None)
    assert m.authors == ("Only Named",)
    assert m.title == "An open graph title"


def test_author_segment_is_the_site_of_a_page_that_names_no_site():
    body = ('<div class="post"><h2>Testing the frontend</h2>'
            '<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>'
            "<p>" + "Code coverage tells which lines the tests ran and which they never reached. " * 6 + "</p></div>")
    bare = body.replace("<h2>Testing the frontend</h2>", "")
    m = meta_of(page("<title>Testing the frontend | Code | Jane Doe</title>", bare), None)
    assert m.authors == ("Jane Doe",)
    # once the owner's name is cut off, the rest is the personal site's own title: its
    # other segments stay ("| Code"; `title.without_pipe_tail`'s `owner_stripped`)
    assert m.title == "Testing the frontend | Code"
    # as with any site segment, a heading that starts what is left makes the rest a section
    assert meta_of(page("<title>Testing the frontend | Code | Jane Doe</title>", body), None).title == (
        "Testing the frontend")
    # a site that names itself keeps its columnist's name in the headline
    head = '<title>Whales strand on the coast | Jane Doe</title><meta property="og:site_name" content="Daily Tide">'
    assert meta_of(page(head, body), None).title == "Whales strand on the coast | Jane Doe"
    # only a segment that is exactly the name: "Jane Doe (jd)" is kept
    assert meta_of(page("<title>Testing the frontend - Jane Doe (jd)</title>", body), None).title == (
        "Testing the frontend - Jane Doe (jd)")


def test_og_article_author_is_read():
    head = ('<title>Gun laws stall again</title><meta property="og:site_name" content="Example News">'
            '<meta property="og:article:author" content="Example News">')
    assert meta_of(page(head), None).authors == ("Example News",)  # an organisation as author, the page's only one


def test_byline_set_in_a_heading_with_a_byline_class():
    para = "<p>" + "The harbour authority approved the plan on Monday after a long debate. " * 6 + "</p>"
    body = "<h1>Harbour expansion approved</h1><h6 class='byline'>By Ola Berg</h6>" + para * 3
    assert meta_of(page("<title>Harbour expansion approved</title>", body)).authors == ("Ola Berg",)
    # a heading without a byline class is a section title, even when it starts with "By"
    body = "<h1>Harbour expansion approved</h1><h2>By Night Ferry</h2>" + para * 3
    assert meta_of(page("<title>Harbour expansion approved</title>", body)).authors == ()


def test_job_title_under_an_author_box_is_not_a_name():
    from cleannews.metadata.byline import looks_like_person

    assert not looks_like_person("Contributing Correspondent")
    assert not looks_like_person("Envoyé spécial")
    assert looks_like_person("Joshua Sokol")
    body = ('<h1>Quake toll rises in the valley</h1><div class="author-box"><p>Senior Correspondent</p></div>'
            + "<p>" + "Rescue teams reached the villages on Sunday after the roads were cleared. " * 6 + "</p>")
    assert meta_of(page("<title>Quake toll rises</title>", body)).authors == ()


def test_byline_under_the_headline_far_above_the_body():
    share = "".join(f"<div class='share'><a href='#'>Share on network {i}</a></div>" for i in range(14))
    gallery = "".join(f"<div class='gallery'><span>Photo {i} of 15</span></div>" for i in range(15))
    para = "<p>" + "Gunmen opened fire on visitors at the museum on Wednesday, officials said. " * 6 + "</p>"
    byline = "<p>By Erin Miller March 18 at 3:57 PM</p>"
    body = f"<h1>Attack stokes fears in the region</h1>{share}{byline}{gallery}{para * 3}"
    html = page("<title>Attack stokes fears in the region - Daily Example</title>", body)
    doc = build_document(Page(html, "html", None))
    kept = Selection(kept=tuple(b.index for b in doc.blocks if b.text.startswith("Gunmen")))
    by = next(b.index for b in doc.blocks if b.text.startswith("By "))
    assert min(kept.kept) - by > 12  # further above the body than the window around the body start
    assert read_metadata(doc, {}, kept).authors == ("Erin Miller",)


# --- dates: lines giving both dates, times inside dates ----------------------------
@pytest.mark.parametrize(
    "text, published, modified",
    [
        ("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC",
         dt.datetime(2024, 12, 6, 22, 0, tzinfo=dt.timezone.utc), dt.datetime(2024, 12, 7, 12, 43, tzinfo=dt.timezone.utc)),
        ("March 2, 2020 / 9:05 AM / Updated 3 hours ago", dt.datetime(2020, 3, 2, 9, 5), None),
        ("Written: 2021-05-04 10:00:12 / Updated: 2021-05-04 11:30:00",
         dt.datetime(2021, 5, 4, 10, 0, 12), dt.datetime(2021, 5, 4, 11, 30)),
        ("Veröffentlicht am 3. März 2021, aktualisiert am 4. März 2021", dt.date(2021, 3, 3), dt.date(2021, 3, 4)),
        ("Updated March 9, 2023", None, dt.date(2023, 3, 9)),
    ],
)
def test_split_labelled_dates(text, published, modified):
    from cleannews.metadata.dates import split_labelled_dates

    assert split_labelled_dates(text) == (published, modified)


def test_visible_line_with_publication_and_update():
    line = '<p class="timestamp">Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC</p>'
    m = meta_of(_article("", line), None)
    assert m.date == dt.datetime(2024, 12, 6, 22, 0, tzinfo=dt.timezone.utc)
    assert m.modified == dt.datetime(2024, 12, 7, 12, 43, tzinfo=dt.timezone.utc)


def test_numbers_inside_dates_are_not_times():
    assert parse_date_text("Stand 12.11.2021 (gültig seit 05.11.2021)") == dt.date(2021, 11, 12)
    assert parse_date_text("Veröffentlicht am 06.10.2023 (Letztes Update: 06.10.2023)") == dt.date(2023, 10, 6)
    assert parse_date_text("16.08.2019 Downloads: 22.273") == dt.date(2019, 8, 16)
    assert parse_date_text("06.01.2025 14.30 Uhr") == dt.datetime(2025, 1, 6, 14, 30)


def _titled(title: str, after: str = "", before: str = "") -> str:
    para = "<p>" + "The committee met on Thursday to talk about the budget for next year. " * 6 + "</p>"
    return page(f"<title>{title}</title>", f"{before}<h1>{title}</h1>{after}{para * 3}")


def test_headline_day_is_an_event_unless_it_opens_the_headline():
    m = meta_of(_titled("Minutes of the board meeting of 10 October 2019", '<p class="entry-meta">26/12/2019 by Webteam</p>'), None)
    assert m.date == dt.date(2019, 12, 26)
    m = meta_of(_titled("23.01.2022 - Local team wins the final"), None)
    assert m.date == dt.date(2022, 1, 23)


def test_dateline_opening_a_long_intro():
    intro = "<p>31. Oktober 2023. " + "Die Kolumne handelt vom Theater und seinen Figuren. " * 6 + "</p>"
    m = meta_of(_titled("Eine Kolumne über das Theater", intro), None)
    assert m.date == dt.date(2023, 10, 31)


def test_day_glued_to_a_label():
    assert parse_date_text("Original Research7 April 2020") == dt.date(2020, 4, 7)


def test_dates_in_a_navigation_menu_are_furniture():
    nav = '<ul class="currentnav level1"><li>Report 31. Dezember 2021</li></ul>'
    m = meta_of(_titled("Weekly report on the snow", "", nav), None)
    assert m.date is None or m.date != dt.date(2021, 12, 31)


def test_numeric_day_with_spaces_after_the_dots():
    assert parse_date_text("Von Deutscher Tennis Bund 4. 2. 2022.") == dt.date(2022, 2, 4)
    assert parse_date_text("am 1.2.2020.") == dt.date(2020, 2, 1)


def test_comment_dates_are_not_the_article_date():
    comment = '<div class="sect_commentlinks"><div class="member"><p>14. 01. 2020, 13:47</p></div></div>'
    html = page("<title>Budget talks resume</title><meta property='article:published_time' content='2020-01-13T18:54:00+01:00'>",
                "<h1>Budget talks resume</h1>" + "<p>" + "The committee met on Thursday to talk about the budget. " * 8
                + "</p>" + comment)
    m = meta_of(html, None)
    assert m.date == dt.datetime(2020, 1, 13, 18, 54, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.mark.parametrize(
    "lang, expected",
    [("en-US", False), ("en_us", False), ("en-GB", True), ("en-IE", True), ("fr", True), ("fr-FR", True),
     ("en", None), ("", None), (None, None)],
)
def test_dayfirst_for_language(lang, expected):
    from cleannews.metadata.dates import dayfirst_for_language

    assert dayfirst_for_language(lang) is expected


def test_numeric_dates_follow_the_page_language():
    m = meta_of(page("<title>Budget talks resume</title>",
                     "<h1>Budget talks resume</h1><p class='date'>04/12/2020</p>" + "<p>" + "Talks went on. " * 30 + "</p>",
                     lang="en-GB"), None)
    assert m.date == dt.date(2020, 12, 4)
    m = meta_of(page("<title>Budget talks resume</title>",
                     "<h1>Budget talks resume</h1><p class='date'>04/12/2020</p>" + "<p>" + "Talks went on. " * 30 + "</p>",
                     lang="en-US"), None)
    assert m.date == dt.date(2020, 4, 12)


def test_ambiguous_numeric_date_takes_the_reading_structured_data_agrees_with():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-08T20:26:28+00:00"}</script>'
    m = meta_of(page("<title>Budget talks resume</title>" + ld,
                     "<h1>Budget talks resume</h1><p>08/11/2023 20:26</p>" + "<p>" + "Talks went on. " * 30 + "</p>",
                     lang="en"), None)
    assert m.date is not None and m.date.date() == dt.date(2023, 11, 8)


def test_time_element_with_microdata_is_one_source():
    from lxml import html as lxml_html

    from cleannews.metadata.meta import read_meta

    tree = lxml_html.fromstring('<html><body><time itemprop="datePublished" datetime="2021-10-27T20:35:36+01:00">'
                                '</time><meta itemprop="dateModified" content="2021-10-28"></body></html>')
    mt = read_meta(tree)
    assert [raw for raw, _ in mt.times] == ["2021-10-27T20:35:36+01:00"]
    assert "datepublished" in mt.times[0][1]
    assert "itemprop:datepublished" not in mt.values
    assert mt.values["itemprop:datemodified"] == ("2021-10-28",)


def test_visible_local_time_gets_the_zone_of_the_same_instant():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-09T04:15:30Z"}</script>'
    m = meta_of(page("<title>Budget talks resume</title>" + ld,
                     "<h1>Budget talks resume</h1><p class='date'>November 8, 2023, 11:15 PM</p>"
                     + "<p>" + "Talks went on. " * 30 + "</p>"), None)
    assert m.date == dt.datetime(2023, 11, 8, 23, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def test_pipe_tail_and_permalink_mark():
    from cleannews.metadata.title import heading_text, without_pipe_tail

    assert without_pipe_tail("Auth | Acme Docs") == "Auth"
    assert without_pipe_tail("Dog beds | Shop | Acme Pets") == "Dog beds"
    assert without_pipe_tail("Whales strand on the coast | Jane Doe", ["Jane Doe"]) == (
        "Whales strand on the coast | Jane Doe")
    assert without_pipe_tail("No pipe - here") == "No pipe - here"
    assert heading_text("Quickstart¶") == "Quickstart"
    assert heading_text("  C#  basics ") == "C# basics"
    doc = page("<title>Quickstart - Acme 2.0 documentation</title>",
               "<h1>Quickstart¶</h1>" + "<p>" + "Install the package and run the first command to begin. " * 6 + "</p>")
    from cleannews.metadata import adjust_for_page_type

    built = build_document(Page(doc, "html", None))
    meta = read_metadata(built, {}, NO_SELECTION)
    assert meta.title == "Quickstart - Acme 2.0 documentation"
    # a page that is not an article goes by its heading, without the permalink mark
    assert adjust_for_page_type(meta, built, "service").title == "Quickstart"


def test_kicker_left_off_when_another_title_lacks_it():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            '"Harbour vote: Council backs the new ferry line"}</script>'
            '<meta property="og:title" content="Council backs the new ferry line">')
    assert meta_of(page(head, "<p>x</p>")).title == "Council backs the new ferry line"
    # a colon with no shorter twin stays part of the headline
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            '"Harbour vote: Council backs the new ferry line"}</script>')
    assert meta_of(page(head, "<p>x</p>")).title == "Harbour vote: Council backs the new ferry line"


def test_agency_and_desk_authors_in_json_ld():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm closes the pass",'
            ' "author": [{"@type": "Organization", "name": "dpa"}]}</script>')
    assert meta_of(page(head, "<h1>Storm closes the pass</h1><p>x</p>")).authors == ("dpa",)
    # the site named beside a person is dropped
    head = ('<meta property="og:site_name" content="Valley Times">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm closes the pass",'
            ' "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Organization", "name": "Valley Times"}]}'
            '</script>')
    assert meta_of(page(head, "<h1>Storm closes the pass</h1><p>x</p>")).authors == ("Jane Roe",)
    # a visible line's lower-case word is no name
    body = '<h1>Storm closes the pass</h1><p class="byline">kicker</p>' + "<p>" + "Snow fell all night. " * 20 + "</p>"
    assert meta_of(page("<title>Storm closes the pass</title>", body)).authors == ()
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm closes the pass",'
            ' "author": {"@type": "Person", "name": "jane.roe"}}</script>')
    assert meta_of(page(head, "<h1>Storm closes the pass</h1><p>x</p>")).authors == ()


def test_pipe_segment_that_is_the_heading():
    from cleannews.metadata.title import without_pipe_tail

    assert without_pipe_tail("Fiercely Strong | Dark Roast Coffee", (), ["Dark Roast Coffee"]) == "Dark Roast Coffee"
    assert without_pipe_tail("Whales strand | Jane Doe", ["Jane Doe"], ["Whales strand"]) == "Whales strand | Jane Doe"


def test_dash_tail_of_several_segments_is_the_site():
    from cleannews.metadata.title import headline_without_tail

    heads = ["Ten tips to finish an online course"]
    assert headline_without_tail("Ten tips to finish an online course – Road To College – Realize your potential.",
                                 heads) == "Ten tips to finish an online course"
    # one phrase after a dash is a subtitle or a serial's name: kept
    assert headline_without_tail("Ten tips to finish an online course - Part One", heads) is None


def test_blog_post_goes_by_its_visible_headline():
    ld = ('<script type="application/ld+json">{"@type": "BlogPosting", '
          '"headline": "Sourdough Starter Guide 2025"}</script>')
    head = ld + "<title>Sourdough Starter Guide 2025 | Crumb Notes</title>"
    body = "<h1>How I keep a sourdough starter alive on a busy week</h1>" + "<p>" + "Feed it flour and water. " * 20 + "</p>"
    assert meta_of(page(head, body)).title == "How I keep a sourdough starter alive on a busy week"
    # an h1 with a pipe tail is cut at the pipe
    body = "<h1>Keeping a starter alive | Seven tips</h1>" + "<p>" + "Feed it flour and water. " * 20 + "</p>"
    assert meta_of(page(head, body)).title == "Keeping a starter alive"
    # a news article keeps its headline metadata; a one-word h1 is a label
    news = ld.replace("BlogPosting", "NewsArticle") + "<title>Sourdough Starter Guide 2025 | Crumb Notes</title>"
    body = "<h1>How I keep a sourdough starter alive on a busy week</h1>" + "<p>" + "Feed it flour. " * 20 + "</p>"
    assert meta_of(page(news, body)).title == "Sourdough Starter Guide 2025"
    assert meta_of(page(head, "<h1>Blog</h1><p>x</p>")).title == "Sourdough Starter Guide 2025"


def test_markdown_heading_marks_and_owner_titles():
    head = '<meta property="og:title" content="## Tidal power in small harbours">'
    assert meta_of(page(head, "<p>x</p>")).title == "Tidal power in small harbours"
    assert meta_of(page('<meta property="og:title" content="#1 tidal power harbour">',
                        "<p>x</p>")).title == "#1 tidal power harbour"
    # a personal site's title keeps its own segments once its owner's name is cut off
    head = ('<title>Testing the frontend | Notes | Jane Doe</title>'
            '<meta name="author" content="Jane Doe">')
    assert meta_of(page(head, "<h1>Hello, I am Jane</h1><p>x</p>"), None).title == "Testing the frontend | Notes"
    # without an owner the pipe tail goes
    head = '<title>Testing the frontend | Notes | Acme Docs</title>'
    assert meta_of(page(head, "<h1>Hello</h1><p>x</p>"), None).title == "Testing the frontend"


def test_a_structured_title_cut_short_gives_way_to_the_whole_one():
    whole = "Ten harbour walks for a windy weekend (including one for rainy days)"
    for short in ("Ten harbour walks for a windy weekend (including", "Ten harbour walks for a windy...",
                  "Ten harbour walks for a windy week"):
        head = f'<meta property="og:title" content="{short}"><title>{whole}</title>'
        assert meta_of(page(head, "<p>x</p>")).title == whole, short
    # a shorter og:title that ends on a whole word is the publisher's own choice: kept
    head = f'<meta property="og:title" content="Ten harbour walks for a windy weekend"><title>{whole}</title>'
    assert meta_of(page(head, "<p>x</p>")).title == "Ten harbour walks for a windy weekend"

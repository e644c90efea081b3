"""Fields that depend on the page type (`metadata.adjust_for_page_type`), and the
metadata element walk that must find what the XPath finds: hand-written pages only."""

from __future__ import annotations

from cleannews.document import build_document
from cleannews.metadata import adjust_for_page_type, read_metadata
from cleannews.metadata.meta import _XPATH, first_poster, metadata_elements, read_meta
from cleannews.metadata.title import first_segment_title, headline_inside, title_for_page_type
from cleannews.models import Page
from cleannews.scoring import Selection

SERVICE = """<html><head><title>Personal Training - Riverside Recreation Centre</title></head>
<body><nav><a href="/">Home</a></nav><h1>Personal Training</h1>
<p>Our trainers meet you at the gym twice a week and plan every session with you.</p></body></html>"""

FORUM = """<html><head><title>Printer will not wake up from sleep | Help Forums</title></head><body>
<h1>Printer will not wake up from sleep</h1>
<article class="message" data-author="inkjet_fan42"><a class="username" href="/members/inkjet_fan42.7/">inkjet_fan42</a>
<p>Since the last update my printer stays asleep until I unplug it. Any ideas what to try?</p></article>
<article class="message" data-author="helper99"><a class="username" href="/members/helper99.8/">helper99</a>
<p>Try turning the deep sleep option off in the settings menu.</p></article></body></html>"""


def _meta(html: str):
    doc = build_document(Page(html, "html", "https://example.org/page"))
    return doc, read_metadata(doc, {}, Selection(kept=()))


def test_headline_inside_takes_whole_words_only():
    assert headline_inside("News | National Tutoring Network", "News")
    assert not headline_inside("Newsletter | National Tutoring Network", "News")
    assert not headline_inside("News", "News")  # the same title: nothing to strip
    assert not headline_inside("Other words entirely", "News")


def test_title_for_page_type_keeps_an_articles_title():
    title = "Storm closes the coast road | The Daily Example"
    assert title_for_page_type(title, ["Storm closes the coast road"], True) == title
    assert title_for_page_type(title, ["Storm closes the coast road"], False) == "Storm closes the coast road"
    # the h1 is not inside the title: the title stays
    assert title_for_page_type("Gym Equipment Rental", ["Events and studios"], False) == "Gym Equipment Rental"


def test_a_page_that_is_no_article_goes_by_its_titles_first_segment():
    page_title = "Harbour Kayak Tours | Paddle the bay at sunrise | Bayside Outfitters"
    # the rules cut a leading brand or kept the slogan: the page's name comes first
    assert title_for_page_type("Paddle the bay at sunrise", [], False, page_title) == "Harbour Kayak Tours"
    assert first_segment_title("Harbour Kayak Tours - Guided Trips", "Harbour Kayak Tours - Guided Trips - Bayside",
                               []) == "Harbour Kayak Tours"
    # an article, a title that is a heading, a one-word brand, a title from elsewhere: unchanged
    assert title_for_page_type("Paddle the bay at sunrise", [], True, page_title) == "Paddle the bay at sunrise"
    assert first_segment_title("Paddle the bay at sunrise", page_title,
                               ["Paddle the bay at sunrise"]) == "Paddle the bay at sunrise"
    assert first_segment_title("The kayak rental app", "Paddlr | The kayak rental app", []) == "The kayak rental app"
    assert first_segment_title("Winter opening hours", page_title, []) == "Winter opening hours"
    assert first_segment_title("Harbour Kayak Tours", page_title, []) == "Harbour Kayak Tours"


def test_a_service_page_goes_by_its_heading():
    doc, meta = _meta(SERVICE)
    assert meta.title is not None and meta.title != "Personal Training"
    adjusted = adjust_for_page_type(meta, doc, "service")
    assert adjusted.title == "Personal Training"
    assert any(f == "title" for _, f in adjusted.read_blocks)
    assert adjust_for_page_type(meta, doc, "article") is meta


def test_a_forum_page_names_its_first_poster():
    doc, meta = _meta(FORUM)
    assert "inkjet_fan42" not in meta.authors  # a handle is no person's name to the byline rules
    adjusted = adjust_for_page_type(meta, doc, "forum")
    assert adjusted.authors == ("inkjet_fan42",)
    assert adjust_for_page_type(meta, doc, "service").authors == meta.authors


def test_first_poster_reads_microdata_meta_names():
    html = """<html><body><div itemprop="author" itemscope><meta itemprop="name" content="river_otter">
    </div><p>First post.</p></body></html>"""
    doc = build_document(Page(html, "html", None))
    assert first_poster(doc.elements) == "river_otter"
    assert read_meta(doc.tree, doc.elements).author_links == ("river_otter",)


def test_metadata_elements_match_the_xpath():
    html = """<html><head><meta name="a" content="1"><link rel="canonical" href="/x"><!-- c --></head>
    <body><time datetime="2024-01-02">2 Jan</time><span itemprop="author">Ann Lee</span>
    <div property="dc:title">T</div><a rel="author" href="/ann">Ann</a><a href="/b">b</a>
    <p class="x">text</p><?pi x?></body></html>"""
    doc = build_document(Page(html, "html", None))
    assert metadata_elements(doc.elements) == list(_XPATH(doc.tree))
    assert read_meta(doc.tree, doc.elements) == read_meta(doc.tree)

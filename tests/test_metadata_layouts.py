"""Metadata on common layouts: hand-written pages, one per layout the metadata stage
reads (entities left in meta values, a headline with a site tail, WordPress captions
and "Photo by" credits, srcset, the byline avatar, Markdown captions, errors named in
the Trace)."""

from __future__ import annotations

from types import SimpleNamespace

from cleannews.document import Document
from cleannews.metadata import read_metadata
from cleannews.metadata.values import clean_value
from cleannews.models import Block, BlockKind, Page, Removal
from cleannews.pipeline import run

PARA = "<p>" + "The council met on Tuesday evening to discuss the new harbour plan at length. " * 5 + "</p>"


def article(head: str, top: str, body: str = PARA * 3) -> str:
    return f"<html><head>{head}</head><body><main><article>{top}{body}</article></main></body></html>"


def test_entities_and_mojibake_left_in_values_are_repaired():
    assert clean_value("Budget Traveler&#8217;s Guide") == "Budget Traveler’s Guide"
    assert clean_value("Rock &amp;amp; Roll") == "Rock & Roll"
    assert clean_value("sanciÃ³n") == "sanción"
    assert clean_value("AT&T and Ärger") == "AT&T and Ärger"  # nothing to repair


def test_og_title_with_escaped_entities():
    head = '<meta property="og:title" content="Harbour plan &amp;#8211; what changes">'
    t = run(article(head, "<h2>Other</h2>"), url="https://example.org/a")
    assert t.article.title == "Harbour plan – what changes"


def test_visible_headline_wins_over_a_title_with_a_section_tail():
    head = "<title>Harbour plan splits the council | Local</title>"
    t = run(article(head, "<h1>Harbour plan splits the council</h1>"), url="https://example.org/a")
    assert t.article.title == "Harbour plan splits the council"


def test_a_dash_tail_that_is_not_the_site_stays():
    head = "<title>Chapter Nine: The Long Night - Tides of Glass</title>"
    t = run(article(head, "<h1>Chapter Nine: The Long Night</h1>"), url="https://fiction.example.org/c9")
    assert t.article.title == "Chapter Nine: The Long Night - Tides of Glass"


def test_wordpress_caption_text_and_photo_by_credit():
    fig = ('<div class="wp-caption"><img src="/up/harbour.jpg" alt="">'
           '<p class="wp-caption-text">Boats at the old harbour wall. Photo by Jane Roe</p></div>')
    t = run(article("<title>Harbour plan</title>", "<h1>Harbour plan splits the council</h1>", PARA + fig + PARA * 2),
            url="https://example.org/a")
    imgs = [i for i in t.article.images if i.caption]
    assert imgs and imgs[0].caption == "Boats at the old harbour wall."
    assert imgs[0].credit == "Jane Roe"


def test_largest_srcset_candidate_is_the_image():
    fig = ('<figure><img srcset="/a-800.jpg 800w, /a-1600.jpg 1600w, /a-400.jpg 400w">'
           "<figcaption>The harbour at dusk, seen from the pier.</figcaption></figure>")
    t = run(article("", "<h1>Harbour plan splits the council</h1>", PARA + fig + PARA * 2), url="https://example.org/a")
    assert [i.src for i in t.article.images if i.caption] == ["https://example.org/a-1600.jpg"]


def test_byline_avatar_is_not_an_article_image():
    top = ('<h1>Harbour plan splits the council</h1><div class="author-box"><img src="/people/jr.jpg" alt="Jane Roe">'
           '<span class="author-name">Jane Roe</span></div>')
    t = run(article("", top), url="https://example.org/a")
    assert all("people/jr" not in (i.src or "") for i in t.article.images)


def test_caption_whose_image_has_no_readable_src_is_kept():
    fig = '<figure><picture><source srcset=""></picture><figcaption>Crowds on the quay at noon.</figcaption></figure>'
    t = run(article("", "<h1>Harbour plan splits the council</h1>", PARA + fig + PARA * 2), url="https://example.org/a")
    assert [(i.src, i.caption) for i in t.article.images] == [(None, "Crowds on the quay at noon.")]


def test_markdown_caption_line_is_the_image_caption_not_a_second_image():
    blocks = (
        Block(index=0, text="A headline about boats", kind=BlockKind.HEADING, level=1),
        Block(index=1, text="", kind=BlockKind.IMAGE, attrs={"src": "/img/boat.jpg", "alt": "boat"}),
        Block(index=2, text="A boat leaves the harbour at dawn. Photo: AP"),
        Block(index=3, text="The boat left. " * 20),
    )
    doc = Document(page=Page("", "markdown", None), blocks=blocks, tree=None)
    removed = {2: Removal(2, "dump", "caption", role="caption")}
    m = read_metadata(doc, removed, SimpleNamespace(kept=(3,)))
    assert [(i.src, i.caption, i.credit) for i in m.images] == [
        ("/img/boat.jpg", "A boat leaves the harbour at dawn.", "AP")]


def test_a_sources_failure_is_named_in_the_trace():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    t = run(article(head, "<h1>Harbour plan splits the council</h1>"), url="https://example.org/a")
    assert t.article.title == "Harbour plan splits the council"
    assert len(t.errors) == 1 and t.errors[0].startswith("metadata: jsonld: JSONDecodeError")


def test_author_name_classes_are_bylines():
    for top in ('<div class="meta"><span class="author-name">Jane Roe</span> <span>3 May 2024</span></div>',
                '<div class="firma"><span class="autor">Lucía Gómez Prieto</span></div>'):
        t = run(article("", "<h1>Harbour plan splits the council</h1>" + top), url="https://example.org/a")
        assert t.article.authors in (("Jane Roe",), ("Lucía Gómez Prieto",)), top


def test_wordpress_byline_does_not_swallow_its_dates():
    top = '<p class="byline">By Jane Roe PUBLISHED: May 3, 2024 at 6:00 a.m. | UPDATED: May 4, 2024</p>'
    t = run(article("", "<h1>Harbour plan splits the council</h1>" + top), url="https://example.org/a")
    assert t.article.authors == ("Jane Roe",)
    assert t.article.byline == "By Jane Roe"


def test_spanish_update_line_is_the_modification_time():
    top = '<div class="info"><span>Madrid</span> <time>Actualizado: 12/03/2024 14:35</time></div>'
    t = run(article("", "<h1>El plan del puerto divide al consejo</h1>" + top).replace("<html>", '<html lang="es">'),
            url="https://example.es/a")
    assert t.article.modified is not None and (t.article.modified.day, t.article.modified.hour) == (12, 14)
    assert t.article.date is not None and t.article.date.day == 12


def test_a_cleaners_byline_and_date_roles_are_read_on_html():
    from cleannews.cleaners.base import Cleaner
    from cleannews.models import Removal as R

    class Roles(Cleaner):
        name = "test.roles"

        def extra(self, doc, removed):  # type: ignore[no-untyped-def]
            for b in doc.blocks:
                if b.text.startswith("Text:"):
                    yield R(b.index, self.name, "byline", role="byline")
                if b.text.startswith("Filed"):
                    yield R(b.index, self.name, "date", role="date")

    top = "<p>Text: Jane Roe</p><p>Filed 3 May 2024</p>"
    html = article('<meta name="author" content="Desk Account">', "<h1>Harbour plan splits the council</h1>" + top)
    t = run(html, url="https://example.org/a", cleaners=[Roles])
    assert t.article.authors == ("Jane Roe",)
    assert t.article.date is not None and (t.article.date.month, t.article.date.day) == (5, 3)


def test_text_dump_title_skips_the_skip_link_and_takes_dates_from_the_page_or_url():
    body = "The council met on Tuesday evening to discuss the new harbour plan at length. " * 6
    dump = "Skip to main content\n\nNews Sport Weather\n\nHarbour plan splits the council\n\n3 May 2024\n\n" + body + "\n\n" + body
    t = run(dump.encode(), url="https://example.org/news/harbour-plan-splits-the-council", kind="text")
    assert t.article.title == "Harbour plan splits the council"
    assert t.article.date is not None and (t.article.date.year, t.article.date.month, t.article.date.day) == (2024, 5, 3)
    t = run(dump.replace("3 May 2024\n\n", "").encode(), url="https://example.org/2024/05/02/harbour-plan", kind="text")
    assert t.article.date is not None and (t.article.date.month, t.article.date.day) == (5, 2)


def test_gmt_offset_and_machine_zone_beat_a_visible_abbreviation():
    from cleannews.metadata import parse_date_text

    d = parse_date_text("22/10/2025, 19:25 (GMT+7)", dayfirst=True)
    assert d is not None and d.utcoffset() is not None and d.utcoffset().total_seconds() == 7 * 3600
    head = '<meta property="article:published_time" content="2025-06-23T15:50:00+00:00">'
    t = run(article(head, "<h1>Harbour plan splits the council</h1><p class='date'>June 23, 2025 5:50 pm CET</p>"),
            url="https://example.org/a")
    assert t.article.date is not None and t.article.date.isoformat() == "2025-06-23T15:50:00+00:00"


def test_byline_tails_and_consent_lines():
    from cleannews.metadata import parse_byline

    assert parse_byline("By Matthew Richardson ⋅ Review Editor ⋅ Updated November 18, 2025") == ("Matthew Richardson",)
    assert parse_byline("Posted by Sam Hill on Friday December 19, 2025 @08:00PM") == ("Sam Hill",)
    assert parse_byline("by Meaghan Weeden ● December 23, 2025 ● 6 min read") == ("Meaghan Weeden",)
    assert parse_byline("By submitting, you acknowledge the Privacy Policy") == ()


def test_headline_tails_of_several_segments_and_a_spaced_colon():
    from cleannews.metadata.title import headline_without_tail as h

    assert h("Harbour plan splits the council | Local | The Daily Example", ["Harbour plan splits the council"]) == (
        "Harbour plan splits the council")
    assert h("Garden furniture sets : Shopmart", ["Garden furniture sets"], (), "https://www.shopmart.com/c/1") == (
        "Garden furniture sets")
    assert h("Garden furniture sets : Summer", ["Garden furniture sets"], (), "https://www.shopmart.com/c/1") is None
    assert h("Harbour plan splits the council | Jane Roe", ["Harbour plan splits the council"], ("Jane Roe",)) is None


def test_a_byline_label_and_the_name_in_two_elements():
    top = "<h1>Harbour plan splits the council</h1><div><p>Written by</p><p>Maren Okafor</p></div>"
    t = run(article("<title>Harbour plan splits the council</title>", top), url="https://example.org/a")
    assert t.article.authors == ("Maren Okafor",)


def test_a_posted_on_date_before_the_byline():
    top = "<div class='entry-meta'><span>Posted on May 3, 2024</span> <span>by Tomas Lindqvist</span></div>"
    t = run(article("", "<h1>Harbour plan splits the council</h1>" + top), url="https://example.org/a")
    assert t.article.authors == ("Tomas Lindqvist",)


def test_a_bare_label_before_a_sentence_gives_no_author():
    top = "<h1>Harbour plan splits the council</h1><p>By</p><p>signing up you agree to the terms of use.</p>"
    t = run(article("", top), url="https://example.org/a")
    assert t.article.authors == ()


def test_utc_label_on_a_local_time_gives_way_to_the_real_offset():
    head = ('<meta property="article:published_time" content="2024-05-29T20:00:27Z">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour plan",'
            ' "datePublished": "2024-05-29T20:00:27+0200"}</script>')
    t = run(article(head, "<h1>Harbour plan</h1>"), url="https://example.org/a")
    assert t.article.date is not None and t.article.date.isoformat() == "2024-05-29T20:00:27+02:00"


def test_a_meta_published_tag_gives_the_date():
    t = run(article('<meta name="published" content="March 4, 2024">', "<h1>Harbour plan</h1>"),
            url="https://example.org/a")
    assert t.article.date is not None and t.article.date.isoformat()[:10] == "2024-03-04"


def test_microdata_dates_of_a_card_rail_are_not_the_page_date():
    cards = "".join(f'<div itemscope><span itemprop="datePublished" content="2025-06-{d:02d}"></span></div>'
                    for d in range(10, 16))
    t = run(article('<meta name="date" content="March 4, 2024">', "<h1>Harbour plan</h1>", PARA * 3 + cards),
            url="https://example.org/a")
    assert t.article.date is not None and t.article.date.isoformat()[:10] == "2024-03-04"
    # with no other date, the first of them stands (a forum thread's posts each carry one)
    t = run(article("", "<h1>Harbour plan</h1>", PARA * 3 + cards), url="https://example.org/a")
    assert t.article.date is not None and t.article.date.isoformat()[:10] == "2025-06-10"


def test_a_forum_postings_json_ld_gives_date_and_poster_but_not_its_avatar():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "DiscussionForumPosting",'
          ' "headline": "Harbour ferry timetable", "author": {"@type": "Person", "name": "Jane Roe"},'
          ' "datePublished": "2024-02-21 13:00:00", "image": "https://example.org/data/avatars/l/0/8.jpg"}</script>')
    t = run(article(ld, "<h1>Harbour ferry timetable</h1>"), url="https://forum.example.org/threads/ferry.12/")
    assert t.article.date is not None and t.article.date.isoformat()[:10] == "2024-02-21"
    assert t.article.authors == ("Jane Roe",)
    assert not any("avatars" in (i.src or "") for i in t.article.images)


def test_a_genesis_entry_time_is_the_publication_time():
    from cleannews.metadata.datevote import _time_dates

    pub, mod, _first = _time_dates([("2024-10-28T09:00:00+00:00", "entry-modified-time"),
                                    ("2024-04-26T08:00:00+00:00", "entry-time")])
    assert pub is not None and pub.isoformat()[:10] == "2024-04-26"
    assert mod is not None and mod.isoformat()[:10] == "2024-10-28"

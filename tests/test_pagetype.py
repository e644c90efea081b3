"""Page types and per-type extraction, on small hand-written pages."""

from __future__ import annotations

import json

import numpy as np
import pytest

import cleannews
from cleannews.cleaners.registry import resolve, run_cleaners
from cleannews.document import build_document
from cleannews.load import load
from cleannews.pagetype import (
    FEATURE_NAMES,
    MODEL_TYPES,
    PAGE_TYPES,
    classify,
    document_probabilities,
    error_reason,
    load_model,
    page_features,
    type_probabilities,
)
from cleannews.scoring import select_blocks
from cleannews.scoring.pagetypes import adjust

PARA = (
    "The committee met on Tuesday to discuss the new harbour timetable, and members agreed "
    "that the ferry would run every twenty minutes during the summer months."
)
NAV = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8)) + "</ul></nav>"
FOOTER = "<footer><p><a href='/about'>About us</a> <a href='/privacy'>Privacy</a></p></footer>"


def _page(body: str, title: str = "A test page", head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{NAV}{body}{FOOTER}</body></html>"


def _stages(html: str, url: str | None = None):  # type: ignore[no-untyped-def]
    doc = build_document(load(html, url=url, kind="html"))
    removed = run_cleaners(doc, resolve(None))
    return doc, removed, select_blocks(doc, removed)


def _body(doc, sel) -> str:  # type: ignore[no-untyped-def]
    return "\n\n".join(doc.blocks[i].text for i in sel.kept)


# --- error pages ----------------------------------------------------------------------
def test_a_404_page_is_an_error_page_with_its_text():
    html = _page("<main><h1>404 - Page not found</h1><p>Sorry, the page you asked for is not here.</p></main>",
                 title="Page not found | Harbour News")
    a = cleannews.extract(html, url="https://news.example/missing")
    assert a.page_type == "error"
    assert a.is_article is False
    assert a.reason and "error" in a.reason
    assert "Sorry, the page you asked for" in a.body  # the text stays


def test_an_article_about_404_errors_is_not_an_error_page():
    body = "<article><h1>Why you see 404 errors</h1>" + "".join(f"<p>{PARA} {i}</p>" for i in range(8)) + "</article>"
    a = cleannews.extract(_page(body, title="Why you see 404 errors"))
    assert a.page_type != "error"


def test_a_model_number_in_the_title_is_not_a_status_code():
    html = _page("<main><h1>Ford P-500 delivery truck</h1><p>A sales brochure from 1958, in good condition.</p></main>",
                 title="Ford P-500 delivery truck brochure")
    doc, _removed, sel = _stages(html)
    assert error_reason(doc, sel, "Ford P-500 delivery truck brochure") is None
    assert error_reason(doc, sel, "Error 500 | Harbour News") is not None


def test_a_page_without_text_is_an_error_page():
    a = cleannews.extract("<html><head><title>x</title></head><body><div></div></body></html>")
    assert a.page_type == "error" and not a.is_article and a.body == ""


# --- the article stays an article ------------------------------------------------------
def test_a_plain_article_is_an_article():
    body = "<article><h1>Ferry timetable</h1>" + "".join(f"<p>{PARA} {i}</p>" for i in range(6)) + "</article>"
    a = cleannews.extract(_page(body), url="https://news.example/2025/06/04/ferry-timetable-agreed")
    assert a.page_type == "article" and a.is_article and a.reason is None
    d = a.to_dict()
    assert d["page_type"] == "article" and d["is_article"] is True


# --- forum: every post --------------------------------------------------------------------
POSTS = [
    "My sourdough starter stopped rising after I moved it to the fridge. What should I change?",
    "Feed it twice a day at room temperature for a week before you bake with it again.",
    "Try rye flour for a few feedings; it wakes a sleepy starter faster than white flour does.",
    "Thanks both, it doubled this morning after three days of warm feedings.",
]


def _forum() -> str:
    posts = "".join(
        f"<div class='comment post' id='post-{i}'><div class='comment-meta byline'>user{i} - 3 days ago</div>"
        f"<div class='comment-body'><p>{t}</p></div><div class='reply'><a href='#r{i}'>Reply</a></div></div>"
        for i, t in enumerate(POSTS)
    )
    ld = json.dumps({"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Starter"})
    return _page(f"<main><h1>Sleepy sourdough starter</h1><div class='post-stream'>{posts}</div></main>",
                 title="Sleepy sourdough starter - Baking - Community",
                 head=f"<script type='application/ld+json'>{ld}</script>")


def test_forum_thread_keeps_every_post():
    doc, removed, sel = _stages(_forum(), url="https://community.example/t/sleepy-sourdough-starter/1234")
    body = _body(doc, adjust(doc, sel, "forum", removed))
    for t in POSTS:
        assert t in body
    assert "Section 3" not in body  # the nav stays out


# --- product: description and specifications ----------------------------------------------
def _product() -> str:
    specs = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in
                    (("Weight", "1.2 kg"), ("Material", "Cast iron"), ("Diameter", "26 cm")))
    related = "<div class='related-products'>" + "".join(
        f"<div class='card'><a href='/p/{i}'>Other pan {i}</a><span class='price'>$19</span></div>" for i in range(6)
    ) + "</div>"
    return _page(
        "<main><div class='product'><h1>Cast iron skillet</h1><span class='price'>$39.00</span>"
        "<button class='add-to-cart'>Add to cart</button>"
        "<div class='description'><p>A heavy pan that holds its heat, pre-seasoned and ready for the stove, "
        "the oven or a campfire.</p></div>"
        f"<h2>Specifications</h2><table class='specs'>{specs}</table></div>{related}</main>",
        title="Cast iron skillet | Kitchen Shop",
    )


def test_product_page_keeps_description_and_specifications():
    doc, removed, sel = _stages(_product(), url="https://shop.example/products/cast-iron-skillet")
    body = _body(doc, adjust(doc, sel, "product", removed))
    assert "holds its heat" in body
    assert "Cast iron" in body and "26 cm" in body
    assert "Other pan 3" not in body  # recommendations are not the product


# --- collection: the items -----------------------------------------------------------------
HEADLINES = [f"Council approves harbour plan number {i} after a long debate" for i in range(20)]


def _section_front() -> str:
    items = "".join(
        f"<div class='teaser'><h3><a href='/2025/06/0{i % 9 + 1}/story-{i}'>{h}</a></h3>"
        f"<p>A short summary of story {i} for readers in a hurry.</p></div>"
        for i, h in enumerate(HEADLINES)
    )
    return _page(f"<main><h1>Politics</h1><div class='teaser-list'>{items}</div></main>", title="Politics - Harbour News")


def test_section_front_gives_its_items():
    doc, removed, sel = _stages(_section_front(), url="https://news.example/section/politics/")
    body = _body(doc, adjust(doc, sel, "collection", removed))
    assert all(h in body for h in HEADLINES)
    assert body.count("A short summary of story") == 20


def test_section_front_gives_each_item_as_one_list_block():
    """A collection's items (headline and teaser) come out as list blocks, one an item,
    its lines joined by newlines; the page's own heading stays a heading, and the body's
    words are the same as block by block."""
    from cleannews.assemble import body_blocks
    from cleannews.models import BlockKind

    doc, removed, sel = _stages(_section_front(), url="https://news.example/section/politics/")
    final = adjust(doc, sel, "collection", removed)
    blocks = body_blocks(doc, final)
    items = [b for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(items) == len(HEADLINES)
    assert all(b.text.split("\n")[0] == h for b, h in zip(items, HEADLINES))
    assert all(b.text.endswith("for readers in a hurry.") for b in items)
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].text == "Politics"
    assert "\n\n".join(b.text for b in blocks).split() == _body(doc, final).split()


def test_no_list_blocks_without_a_grid_or_on_other_types():
    """Fewer than ITEM_MIN_SIBLINGS like elements are no grid, and a service page's
    repeated sections keep their own kinds."""
    from cleannews.scoring.pagetypes import ITEM_MIN_SIBLINGS

    cards = "".join(f"<div class='card'><h3><a href='/p/{i}'>Harbour boat number {i}</a></h3><p>{PARA}</p></div>"
                    for i in range(ITEM_MIN_SIBLINGS - 1))
    doc, removed, sel = _stages(_page(f"<main><h1>Boats</h1>{cards}</main>"), url="https://shop.example/c/boats/")
    assert adjust(doc, sel, "collection", removed).items == ()
    doc, removed, sel = _stages(_section_front(), url="https://news.example/section/politics/")
    assert adjust(doc, sel, "service", removed).items == ()
    assert adjust(doc, sel, "listing", removed).items != ()


def test_section_front_is_not_an_article():
    if load_model() is None:
        pytest.skip("no page-type model file")
    a = cleannews.extract(_section_front(), url="https://news.example/section/politics/")
    assert a.page_type in ("collection", "listing") and not a.is_article
    assert all(h in a.body for h in HEADLINES)


def test_region_blocks_the_learned_scorer_gives_up_on_stay_out():
    """With block probabilities (the learned scorer's), a region block the scorer did not
    keep needs REGION_PROB_MIN; the scorer's own blocks stay whatever their probability."""
    import dataclasses

    from cleannews.scoring.pagetypes import REGION_PROB_MIN

    doc, removed, sel = _stages(_section_front(), url="https://news.example/section/politics/")
    items = [b.index for b in doc.blocks if b.text.startswith("A short summary of story")]
    chosen = tuple(items[:5])
    low = {b.index: (0.9 if b.index in chosen else REGION_PROB_MIN / 2) for b in doc.blocks}
    body = _body(doc, adjust(doc, dataclasses.replace(sel, kept=chosen, probability=low), "collection", removed))
    assert body.count("A short summary of story") == 5
    high = {i: max(p, REGION_PROB_MIN) for i, p in low.items()}
    body = _body(doc, adjust(doc, dataclasses.replace(sel, kept=chosen, probability=high), "collection", removed))
    assert body.count("A short summary of story") == 20


def test_a_shop_grid_says_each_item_title_once():
    """Item cards that print their title twice (an image label and a link) and a
    "Quick view" label under every item give each text once on a non-article page."""
    names = ["Harbour mug", "Ferry poster", "Lighthouse scarf", "Tide clock", "Anchor lamp", "Gull notebook"]
    cards = "".join(
        f"<li class='item'><p class='label'>{n}</p><h3><a href='/p/{k}'>{n}</a></h3>"
        f"<p>A hand-made {n.lower()} from the harbour workshop, shipped in a week.</p>"
        "<p>Quick view</p></li>"
        for k, n in enumerate(names)
    )
    doc, removed, sel = _stages(_page(f"<main><h1>Gifts</h1><ul class='grid'>{cards}</ul></main>"),
                                url="https://shop.example/c/gifts/")
    body = _body(doc, adjust(doc, sel, "collection", removed))
    assert all(body.count(f"A hand-made {n.lower()}") == 1 for n in names)
    assert all(body.split("\n\n").count(n) == 1 for n in names), body
    assert body.count("Quick view") == 1


# --- documentation: no sidebar ----------------------------------------------------------------
def _docs() -> str:
    sidebar = "<div class='sidebar'><ul>" + "".join(
        f"<li><a href='/docs/{i}'>Chapter {i} of the guide</a></li>" for i in range(12)) + "</ul></div>"
    toc = "<div class='toc'><p>On this page</p><ul><li><a href='#install'>Install</a></li>" \
          "<li><a href='#use'>Use</a></li></ul></div>"
    version = "<div class='version-picker'><p>Version 2.1 (latest)</p></div>"
    content = (
        "<div class='content'><h1>Installing the harbour client</h1>"
        "<p>The client runs on any system with Python 3.9 or later, and it installs from the package index.</p>"
        "<pre><code>pip install harbour-client</code></pre>"
        "<h2 id='use'>Use</h2><p>Call connect() with the address of your server, then list the ferries.</p></div>"
    )
    return _page(f"<div class='layout'>{sidebar}{version}<main>{toc}{content}</main></div>",
                 title="Installing - Harbour client documentation")


def test_docs_page_drops_sidebar_toc_and_version_picker():
    doc, removed, sel = _stages(_docs(), url="https://docs.example/en/latest/install/")
    body = _body(doc, adjust(doc, sel, "documentation", removed))
    assert "pip install harbour-client" in body and "Call connect()" in body
    assert "Chapter 5 of the guide" not in body
    assert "On this page" not in body and "Version 2.1" not in body


# --- the classifier's interface ----------------------------------------------------------
def test_probabilities_are_a_distribution_over_the_model_types():
    doc, _removed, scored = _stages(_forum(), url="https://community.example/t/sleepy-sourdough-starter/1234")
    sel = scored.rules_basis  # the page type reads the rules scorer's selection (pipeline.run)
    p = type_probabilities(doc, sel)
    assert p.shape == (len(MODEL_TYPES),) and abs(float(p.sum()) - 1.0) < 1e-9
    assert page_features(doc, sel).shape == (len(FEATURE_NAMES),)
    assert np.isfinite(page_features(doc, sel)).all()
    t = classify(doc, sel, "Sleepy sourdough starter")
    assert t.page_type in PAGE_TYPES
    q = document_probabilities(doc, _removed)
    assert np.allclose(p, q)  # the same vector from the Document alone


def test_forum_thread_is_classified_forum():
    if load_model() is None:
        pytest.skip("no page-type model file")
    a = cleannews.extract(_forum(), url="https://community.example/t/sleepy-sourdough-starter/1234")
    assert a.page_type == "forum" and not a.is_article
    assert all(t in a.body for t in POSTS)


def test_dumps_are_articles_or_errors():
    a = cleannews.extract(PARA + "\n\n" + PARA, kind="text")
    assert a.page_type == "article" and a.is_article


# --- v2 features: what they read ------------------------------------------------------------
def _feature(doc, sel, name: str) -> float:  # type: ignore[no-untyped-def]
    return float(page_features(doc, sel)[FEATURE_NAMES.index(name)])


def test_head_features_read_metas_jsonld_anywhere_and_the_canonical_address():
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2024-05-01", "author": {"name": "A. Writer"}})
    head = ("<meta property='og:type' content='article'><meta property='article:published_time' content='2024-05-01'>"
            "<link rel='canonical' href='https://news.example/2024/05/01/harbour-timetable-changes'>")
    body = "<article>" + "".join(f"<p>{PARA}</p>" for _ in range(4)) + f"<script type='application/ld+json'>{ld}</script></article>"
    doc, _removed, sel = _stages(_page(body, head=head))
    for name in ("og_article", "m_dated", "ld_article", "ld_date", "ld_author", "u_date"):
        assert _feature(doc, sel, name) == 1.0, name
    bare, _r, bare_sel = _stages(_page("<article>" + "".join(f"<p>{PARA}</p>" for _ in range(4)) + "</article>"))
    for name in ("og_article", "m_dated", "ld_article", "ld_date", "ld_author", "u_date"):
        assert _feature(bare, bare_sel, name) == 0.0, name


def test_repeated_item_paths_and_prose_runs_tell_a_listing_from_an_article():
    cards = "".join(
        f"<div class='card'><h3><a href='/item/{i}'>Harbour item number {i} for sale today</a></h3>"
        f"<p>Short teaser {i}.</p></div>" for i in range(12)
    )
    listing, _r, lsel = _stages(_page(f"<main><div class='grid'>{cards}</div></main>"))
    article, _r2, asel = _stages(_page("<article><h1>Ferries</h1>" + "".join(f"<p>{PARA}</p>" for _ in range(6)) + "</article>"))
    assert _feature(listing, lsel, "rep_heads") >= 12 and _feature(article, asel, "rep_heads") <= 1
    assert _feature(listing, lsel, "head_pairs") > 0.5 > _feature(article, asel, "head_pairs")
    assert _feature(article, asel, "run_share") > 0.8 > _feature(listing, lsel, "run_share")
    assert _feature(listing, lsel, "x_a") > _feature(article, asel, "x_a")


# --- v3 features ----------------------------------------------------------------------------
def test_headline_shape_tells_an_article_from_a_service_page():
    """An article's <h1> is a sentence its <title> repeats; a service page's a short name."""
    headline = "Harbour ferries will run every twenty minutes from June, council says"
    article, _r, asel = _stages(_page(f"<article><h1>{headline}</h1>" + "".join(f"<p>{PARA} {PARA}</p>" for _ in range(4)) + "</article>",
                                      title=f"{headline} | Harbour News"))
    service, _r2, ssel = _stages(_page("<main><h1>Our services</h1><p>We fix boats.</p><h2>Repairs</h2><p>Hulls and engines.</p></main>",
                                       title="Boat repair and maintenance in the harbour - Example Marine"))
    assert _feature(article, asel, "h1_words") == len(headline.split())
    assert _feature(service, ssel, "h1_words") == 2.0
    assert _feature(article, asel, "title_h1") == 1.0
    assert _feature(service, ssel, "title_h1") < 0.5
    assert _feature(article, asel, "long_paras") == 4.0  # paragraphs of 40 words and more
    assert _feature(service, ssel, "long_paras") == 0.0


def test_pagination_marks_and_the_text_after_the_prose_run():
    cards = "".join(f"<li class='teaser'><a href='/e/{i}'>Harbour event number {i}</a></li>" for i in range(15))
    pager = "<div class='pagination'><a href='?page=2'>2</a><a href='?page=3'>3</a></div>"
    intro = "<p>" + PARA + " " + PARA + " " + PARA + "</p>"
    head = "<link rel='next' href='https://news.example/events?page=2'>"
    listing, _r, lsel = _stages(_page(f"<main><h1>Events</h1>{intro}<ul>{cards}</ul>{pager}</main>", head=head))
    article, _r2, asel = _stages(_page("<article><h1>Ferries</h1>" + "".join(f"<p>{PARA}</p>" for _ in range(6)) + "</article>"))
    assert _feature(listing, lsel, "m_paged") == 1.0 and _feature(article, asel, "m_paged") == 0.0
    assert _feature(listing, lsel, "after_run") > _feature(article, asel, "after_run")


def test_quotes_and_digits_are_counted():
    quoted = "<p>\u201cWe are delighted,\u201d said the harbour master, " + PARA + "</p>"
    doc, _r, sel = _stages(_page("<article>" + quoted * 3 + "<p>Fares rise from 2024 to 2025.</p></article>"))
    plain, _r2, psel = _stages(_page("<article>" + f"<p>{PARA}</p>" * 3 + "</article>"))
    assert _feature(doc, sel, "quote_marks") > 0.0
    assert _feature(plain, psel, "quote_marks") == 0.0
    assert _feature(doc, sel, "digit_share") > _feature(plain, psel, "digit_share")  # the nav's "Section 1" too


# --- v4 features ----------------------------------------------------------------------------
def test_link_targets_under_beside_and_slugs():
    """A section page links to items under its own path; phone, mail and member-profile
    links are counted apart; an in-page anchor is a fragment."""
    items = "".join(f"<li><a href='/news/harbour-ferry-item-number-{i}'>Harbour item {i}</a></li>" for i in range(6))
    extra = ("<p><a href='tel:+15550100'>Call</a> <a href='mailto:desk@news.example'>Mail</a> "
             "<a href='#top'>Top</a> <a href='https://other.example/x'>Elsewhere</a> "
             "<a href='/members/ann'>Ann</a> <a href='https://www.news.example/cart'>Cart</a></p>")
    doc, _r, sel = _stages(_page(f"<main><ul>{items}</ul>{extra}</main>"), url="https://www.news.example/news/")
    assert _feature(doc, sel, "l_child") == 6.0
    assert _feature(doc, sel, "l_slug") == 6.0
    assert _feature(doc, sel, "l_tel") == 1.0 and _feature(doc, sel, "l_mail") == 1.0
    assert _feature(doc, sel, "l_frag") == 1.0
    assert _feature(doc, sel, "l_user") == 1.0 and _feature(doc, sel, "l_shop") == 1.0
    assert 0.0 < _feature(doc, sel, "l_ext_share") < 0.2
    leaf, _r2, lsel = _stages(_page(f"<main><ul>{items}</ul></main>"), url="https://www.news.example/news/harbour-ferry-item-number-0")
    assert _feature(leaf, lsel, "l_child") == 0.0 and _feature(leaf, lsel, "l_sib") == 5.0  # itself left out


def test_profile_and_cart_paths_are_counted_once_a_target():
    """`_lines_matching` (one scan of the joined targets) counts what a search of each
    target would: a target with two matches once, a target holding a newline too."""
    from cleannews.pagetype import _USER_LINES, _USER_PATH, _lines_matching

    targets = {"/members/ann/users/ann", "/news/harbour", "/u/bob", "/about/\n/profile.php", "/people"}
    assert _lines_matching(_USER_LINES, _USER_PATH, targets) == sum(1 for t in targets if _USER_PATH.search(t)) == 3
    plain = {"/members/ann", "/news/harbour", "/memberlist"}
    assert _lines_matching(_USER_LINES, _USER_PATH, plain) == 2
    assert _lines_matching(_USER_LINES, _USER_PATH, set()) == 0


def test_text_words_are_marked_by_where_they_stand():
    from cleannews.pagetype import TEXT_BUCKETS, text_buckets, text_words

    doc, _r, _sel = _stages(_page("<main><h1>Our boat services</h1><p>We fix boats.</p></main>", title="Boat repair"),
                            url="https://marine.example/services/boat-repair")
    words = text_words(doc)
    assert {"u_services", "u_boat", "u_repair", "t_boat", "t_repair", "h_services"} <= set(words)
    b = text_buckets(doc)
    assert b.size and (np.diff(b) > 0).all() and b.min() >= 0 and b.max() < TEXT_BUCKETS


def test_text_model_probabilities_are_a_distribution():
    from cleannews.pagetype import MODEL_TYPES as TYPES, TEXT_BUCKETS, TextModel, load_text_model

    w = np.zeros((TEXT_BUCKETS, len(TYPES)), np.float32)
    w[3, 2] = 5.0
    tm = TextModel(w, np.zeros(len(TYPES)))
    p = tm.proba(np.array([3], np.int64))
    assert abs(float(p.sum()) - 1.0) < 1e-9 and int(p.argmax()) == 2
    assert np.allclose(tm.proba(np.zeros(0, np.int64)), 1.0 / len(TYPES))
    shipped = load_text_model()
    if shipped is not None:
        assert shipped.weights.shape == (TEXT_BUCKETS, len(TYPES))

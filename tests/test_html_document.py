from cleannews.document.html import build_html
from cleannews.models import BlockKind, Page


def blocks(html: str):
    return build_html(Page(text=html, kind="html")).blocks


def test_hidden_and_non_text_elements_are_not_text():
    html = """<html><body>
    <p>visible paragraph</p>
    <div hidden><p>hidden attr</p></div>
    <div aria-hidden="true">aria hidden</div>
    <p style="display: none">display none</p>
    <noscript>enable javascript</noscript>
    <script type="application/ld+json">{"a": 1}</script>
    <template><p>template text</p></template>
    </body></html>"""
    texts = [b.text for b in blocks(html)]
    assert texts == ["visible paragraph"]


def test_kinds_and_structure():
    html = """<html><body><article>
    <h2>Sub head</h2><p>Para <a href="#">with link</a> text.</p>
    <ul><li>one</li><li>two</li></ul>
    <blockquote><p>quoted words</p></blockquote>
    <table><tr><td>cell a</td><td>cell b</td></tr></table>
    <figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
    </article></body></html>"""
    bs = blocks(html)
    kinds = [(b.kind, b.text) for b in bs]
    assert kinds == [
        (BlockKind.HEADING, "Sub head"),
        (BlockKind.PARAGRAPH, "Para with link text."),
        (BlockKind.LIST_ITEM, "one"),
        (BlockKind.LIST_ITEM, "two"),
        (BlockKind.BLOCKQUOTE, "quoted words"),
        (BlockKind.TABLE, "cell a\tcell b"),
        (BlockKind.CAPTION, "A caption"),
    ]
    assert bs[0].level == 2
    assert bs[1].link_chars == len("with link")


def test_lazy_images_resolve_to_their_real_src():
    html = '<html><body><img src="data:image/gif;base64,R0l" data-src="/real.jpg" alt="a"><p>t</p></body></html>'
    doc = build_html(Page(text=html, kind="html"))
    assert [img.src for _, img in doc.images] == ["/real.jpg"]


def test_double_br_splits_paragraphs():
    bs = blocks("<html><body><div>first part<br><br>second part<br>same para</div></body></html>")
    assert [b.text for b in bs] == ["first part", "second part same para"]


def test_the_callers_input_is_not_mutated():
    html = "<html><body><p>one</p></body></html>"
    page = Page(text=html, kind="html")
    build_html(page)
    assert page.text == html


def test_code_blocks_keep_their_lines_and_indentation():
    html = "<html><body><pre><code>def f(x):\n    return x + 1\n\nprint(f(2))</code></pre></body></html>"
    bs = blocks(html)
    assert [b.kind for b in bs] == [BlockKind.CODE]
    assert bs[0].text == "def f(x):\n    return x + 1\n\nprint(f(2))"


def test_selector_cleaners_map_to_the_right_blocks_after_skipped_subtrees():
    """Node ids count skipped subtrees (scripts, hidden elements), so a CSS selector
    match still lands on the blocks under the matched element."""
    import cleannews
    from cleannews.cleaners.base import Cleaner

    class DropBox(Cleaner):
        name = "test.drop-box"
        domains = ("example.org",)
        remove = ("div.box",)

    para = "A sentence of article text that is long enough to count as a paragraph here. "
    html = (
        "<html><head><script>var a = 1;</script><style>p{}</style></head><body>"
        "<div hidden><p>hidden</p><p>more hidden</p></div><script>x()</script>"
        f"<article><p>{para * 3}</p><div class='box'><p>{'Boxed words that are not the article. ' * 4}</p></div>"
        f"<p>{para * 3}</p></article></body></html>"
    )
    a = cleannews.extract(html, url="https://example.org/x", cleaners=[DropBox])
    assert "Boxed words" not in a.body
    assert a.body.count("A sentence of article text") == 6
    b = cleannews.extract(html, url="https://example.org/x")
    assert "Boxed words" in b.body


def test_mathml_is_text_without_its_source_annotation():
    # a formula inside a sentence is part of what the sentence says; its TeX source
    # annotation is not shown on the page
    html = """<html><body><p>The expression <math><semantics><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow>
    <annotation encoding="application/x-tex">x+1</annotation></semantics></math> grows without bound.</p>
    </body></html>"""
    (text,) = [b.text for b in blocks(html)]
    assert text == "The expression x+1 grows without bound."


def test_a_page_whose_text_is_all_hidden_is_read_with_its_hidden_parts_shown():
    # Forum software serves a thread inside <noscript> to clients without JavaScript;
    # streaming pages keep their content in <div hidden> until a script moves it.
    post = "I upgraded the client last night and since then every saved document opens empty. " * 4
    html = f"""<html><body><div id="app"></div>
    <noscript><div class="post"><p>{post}</p><p>{post}</p></div></noscript>
    <script>var x = "not text";</script></body></html>"""
    texts = [b.text for b in blocks(html)]
    assert texts == [post.strip(), post.strip()]


def test_the_fast_block_constructor_matches_block():
    # _new_block fills a Block's fields directly (no frozen __init__): it must name
    # every field, in order, and build a Block equal to the constructor's.
    import dataclasses

    from cleannews.document.html import BLOCK_FIELDS, _new_block
    from cleannews.models import Block

    assert BLOCK_FIELDS == tuple(f.name for f in dataclasses.fields(Block))
    args = (3, "Some text.", BlockKind.LIST_ITEM, 2, "li", "body/ul/li", "menu", 4, 9, (1, 5))
    fast, slow = _new_block(*args), Block(*args)
    assert fast == slow and vars(fast) == vars(slow) and repr(fast) == repr(slow)


def test_the_preorder_kept_by_the_walk_is_the_trees():
    # Document.elements comes from the walk (skipped subtrees included): the same
    # proxies, in the same order, as a fresh tree.iter().
    html = (
        "<html><head><title>T</title><script>x()</script></head><body><div hidden><p>a<b>b</b></p></div>"
        "<svg><g><path/></g></svg><p>text <a href='/x'>link</a> tail</p></body></html>"
    )
    doc = build_html(Page(text=html, kind="html"))
    assert doc.tree is not None and doc.preorder is not None
    full = tuple(doc.tree.iter())
    assert len(full) == len(doc.elements) and all(a is b for a, b in zip(full, doc.elements))


def test_the_hidden_paywalled_rest_of_an_article_is_text():
    html = (
        "<html><body><article><p>The first paragraph of the story, shown to every reader.</p>"
        '<div class="paywall" hidden><p>The rest of the story, served to subscribers.</p></div>'
        '<div class="promo" hidden><p>A hidden promotion.</p></div></article></body></html>'
    )
    texts = [b.text for b in build_html(Page(text=html, kind="html")).blocks]
    assert "The rest of the story, served to subscribers." in texts
    assert "A hidden promotion." not in texts

"""extract() on a page the caller already parsed: lxml elements and trees, BeautifulSoup and bs4 Tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

import cleannews
from cleannews.errors import InputError
from cleannews.parsed import is_parsed, markup_of

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example" / "harbour-ferry.html"
URL = "https://coastal-ledger.example/local/harbour-ferry-resume"


@pytest.fixture(scope="module")
def reference() -> cleannews.Article:
    return cleannews.extract(EXAMPLE.read_bytes(), url=URL)


def test_an_lxml_tree_gives_the_same_article_and_is_not_modified(reference):
    tree = html.document_fromstring(EXAMPLE.read_text(encoding="utf8"))
    before = etree.tostring(tree)
    assert cleannews.extract(tree, url=URL).to_json() == reference.to_json()
    assert cleannews.extract(tree.getroottree(), url=URL).to_json() == reference.to_json()
    assert etree.tostring(tree) == before
    # a plain etree parse (not lxml.html's element classes) works the same
    plain = etree.fromstring(EXAMPLE.read_bytes(), etree.HTMLParser())
    assert cleannews.extract(plain, url=URL).body == reference.body


def test_the_url_lxml_recorded_is_used_when_none_is_given(reference):
    tree = html.parse(str(EXAMPLE), base_url=URL)
    assert markup_of(tree)[1] == URL
    assert cleannews.extract(tree).url == cleannews.extract(EXAMPLE.read_bytes(), url=URL).url


def test_a_subtree_is_read_without_its_tail():
    root = html.document_fromstring(
        "<html><body><article><p>The harbour authority confirmed on Monday that the dredging of the northern "
        "channel will begin in May and last six weeks, weather permitting.</p></article>TAIL TEXT<p>x</p></body></html>"
    )
    article = root.find(".//article")
    markup, _ = markup_of(article)
    assert markup.startswith("<article>") and "TAIL TEXT" not in markup
    assert "dredging" in cleannews.extract(article).body


def test_beautifulsoup_and_a_tag_give_the_same_article(reference):
    bs4 = pytest.importorskip("bs4")
    for parser in ("lxml", "html.parser"):
        soup = bs4.BeautifulSoup(EXAMPLE.read_bytes(), parser)
        before = soup.decode()
        got = cleannews.extract(soup, url=URL)
        assert got.to_json() == reference.to_json(), parser
        assert soup.decode() == before
        assert cleannews.extract(soup.find("article") or soup.body, url=URL).body == reference.body
    # a NavigableString is a str: read as the text it is
    assert not is_parsed(bs4.NavigableString("plain words"))


@pytest.mark.parametrize("bad", [12, 3.5, None, ["<p>x</p>"], {"html": "<p>x</p>"}, object()])
def test_anything_else_is_an_input_error(bad):
    with pytest.raises(InputError):
        cleannews.extract(bad)


def test_a_tree_is_html_and_a_comment_is_not_a_page():
    tree = html.document_fromstring("<html><body><p>words</p></body></html>")
    with pytest.raises(InputError, match="parsed tree is HTML"):
        cleannews.extract(tree, kind="text")
    with pytest.raises(InputError, match="comment"):
        cleannews.extract(etree.Comment("nothing"))

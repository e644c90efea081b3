"""The HTML scorer's layout rules, on small hand-written pages.

They run through the default scorer (the learned one) where it makes the same call;
three are rules-scorer behaviours (`scorer="rules"`): on these pages of six to forty
blocks the learned scorer keeps what the rules drop, a gallery label between two
paragraphs of an `<article>` (p=0.78), a reference list after a table, a list of
links between paragraphs (see docs/design.md, "Which scorer by default").
"""

from __future__ import annotations

import cleannews

PARA = (
    "The committee met on Tuesday to discuss the new harbour timetable, and members agreed "
    "that the ferry would run every twenty minutes during the summer months."
)


def _page(body: str, title: str = "A test page") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_short_line_above_a_paragraph_is_a_pseudo_heading_not_a_label():
    html = _page(
        "<article>"
        f"<p>{PARA}</p>"
        "<div>Step 1</div>"
        f"<p>{PARA.replace('Tuesday', 'Monday')}</p>"
        "<div>Zoom gallery</div><div>Close window</div>"
        f"<p>{PARA.replace('Tuesday', 'Friday')}</p>"
        "</article>"
    )
    body = cleannews.extract(html, scorer="rules").body
    assert "Step 1" in body
    assert "Zoom gallery" not in body  # a label followed by another label


def test_a_short_part_between_two_parts_of_a_split_body_is_kept():
    long_part = f'<div class="step"><div class="text"><p>{PARA}</p><p>{PARA}</p></div></div>'
    short_part = (
        '<div class="step"><div class="text"><p>Insert the plant into the hole.</p>'
        "<figure><img src='b.jpg'><figcaption>The plant in its hole</figcaption></figure></div></div>"
    )
    html = _page(
        "<main>"
        + long_part
        + '<div class="figure-box"><figure><img src="a.jpg"><figcaption>A picture</figcaption></figure></div>'
        + short_part
        + long_part.replace("Tuesday", "Sunday")
        + '<div class="more"><ul>'
        + "".join(f'<li><a href="/{i}">Another story about ferries, number {i}</a></li>' for i in range(12))
        + "</ul></div>"
        + "</main>"
    )
    body = cleannews.extract(html).body
    assert "Insert the plant into the hole." in body
    assert "Sunday" in body
    assert "Another story" not in body


def test_a_list_article_keeps_its_table_whole_and_the_introduction_above_it():
    rows = "".join(
        f"<tr><td><a href='/f{i}'>Film number {i}</a></td><td>19{i:02d}</td>"
        f"<td>A man relives the same day again and again until he learns lesson {i} of many.</td></tr>"
        for i in range(25)
    )
    refs = "".join(f"<li><a href='/r{i}'>Reference number {i}, a source</a></li>" for i in range(40))
    html = _page(
        '<div class="page-content">'
        f"<p>This list of films featuring time loops is incomplete; {PARA}</p>"
        "<table><caption>Films with time loops</caption><thead><tr><th>Film</th><th>Year</th>"
        f"<th>Description</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<ol>{refs}</ol>"
        "</div>"
    )
    body = cleannews.extract(html, scorer="rules").body
    assert body.startswith("This list of films")
    assert "Films with time loops" in body and "Description" in body
    assert "Reference number" not in body


def test_a_linked_bullet_stays_in_a_list_of_text_but_a_list_of_links_goes():
    html = _page(
        "<article>"
        f"<p>{PARA}</p>"
        "<ul>"
        "<li><a href='/review'>Here is our year in review!</a></li>"
        f"<li>{PARA.replace('Tuesday', 'Wednesday')}</li>"
        f"<li>{PARA.replace('Tuesday', 'Thursday')}</li>"
        "</ul>"
        f"<p>{PARA.replace('Tuesday', 'Saturday')}</p>"
        "<ul><li><a href='/x'>A story about something else entirely</a></li>"
        "<li><a href='/y'>Another story about something else</a></li></ul>"
        f"<p>{PARA.replace('Tuesday', 'Sunday')}</p>"
        "</article>"
    )
    body = cleannews.extract(html, scorer="rules").body
    assert "Here is our year in review!" in body
    assert "something else" not in body


def test_a_teaser_card_inside_the_body_goes_but_a_section_with_a_back_link_stays():
    html = _page(
        '<div class="post-content">'
        f"<p>{PARA}</p>"
        '<aside class="referenced"><h6><a href="https://example.org/other-story">How stores trick you</a></h6>'
        "<p>When you walk into almost any store, you are overloaded with sights and sounds… Read more</p></aside>"
        f"<p>{PARA.replace('Tuesday', 'Monday')}</p>"
        '<div class="part"><h3><a href="#contents">Setting up the ferry</a></h3>'
        f"<p>{PARA.replace('Tuesday', 'Thursday')}</p></div>"
        f"<p>{PARA.replace('Tuesday', 'Friday')}</p>"
        "</div>"
    )
    body = cleannews.extract(html).body
    assert "How stores trick you" not in body and "overloaded" not in body
    assert "Setting up the ferry" in body and "Thursday" in body


def test_a_part_the_page_names_as_article_text_joins_the_body_from_another_branch():
    first = (
        '<div class="review-top"><div class="cell"><div class="article-text"><p>The first paragraph of the '
        "review says the new console is the most powerful one ever made, and it plays many titles in native "
        "4K.</p></div></div>"
    )
    box = '<div class="cell"><ul>' + "".join(f"<li><a href='/s{i}'>Score {i}</a></li>" for i in range(8))
    box += "</ul></div></div>"
    rest = '<div class="review-body">' + "".join(
        f'<div class="article-text"><p>{PARA.replace("Tuesday", d)}</p><p>{PARA}</p></div>'
        for d in ("Monday", "Wednesday", "Friday")
    ) + "</div>"
    nav = "".join(f"<li><a href='/n{i}'>Section number {i} of the site</a></li>" for i in range(15))
    nav = f"<div class='links'><ul>{nav}</ul></div>"
    html = _page(f"<div class='page'><article>{first}{box}{rest}</article>{nav}</div>")
    body = cleannews.extract(html).body
    assert body.startswith("The first paragraph of the review")
    assert "Friday" in body and "Section number" not in body


def test_a_class_token_that_names_what_an_element_lacks_is_no_cue():
    from cleannews.scoring.rules import cue_value

    assert cue_value("list-item no_caption") is None
    assert cue_value("no-sidebar without-comments") is None
    assert cue_value("image-caption") == 1.0


def test_a_chinese_sentence_without_punctuation_is_text_not_a_label():
    from cleannews.text import word_count

    assert word_count("Advertisement") == 1
    assert word_count("偶而還會飄下來一些霧氣水滴 不時張望尋找最佳楓葉主題") >= 10
    zh = "今天我們一起去山上看楓葉，天氣很好，大家都很開心，拍了很多照片。"
    html = _page(
        "<article>"
        + "".join(f"<p>{zh}</p>" for _ in range(4))
        + "<p>早上出門的時候還在下雨 到了山上雨就停了 空氣非常清新</p>"
        + "".join(f"<p>{zh}</p>" for _ in range(4))
        + "</article>"
    )
    assert "早上出門的時候還在下雨" in cleannews.extract(html).body

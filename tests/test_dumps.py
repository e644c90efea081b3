"""Dumps: the text and Markdown parsers, the dump cleaners, and the site fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from cleannews.cleaners.registry import resolve, run_cleaners
from cleannews.document import build_document
from cleannews.document.markdown import build_markdown, inline
from cleannews.document.text import build_text, is_wrapped
from cleannews.models import BlockKind, Page
from cleannews.scoring.lines import densest_region, select_dump_blocks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASES = sorted(
    p for site in ("republicworld", "globalwatch") for p in (FIXTURES / site).glob("*") if p.suffix in (".txt", ".md")
)


def _kind(path: Path) -> str:
    return "markdown" if path.suffix == ".md" else "text"


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf8"))
    got = cleannews.extract(path.read_text(encoding="utf8"), kind=_kind(path)).to_dict()
    for field in ("title", "authors", "date", "description", "body"):
        assert got[field] == expected[field], field
    if "section" in expected:
        assert got["section"] == expected["section"]
    body = " ".join(got["body"].split())
    for snippet in expected.get("with", []):
        assert " ".join(snippet.split()) in body
    for snippet in expected.get("without", []):
        assert " ".join(snippet.split()) not in body


def test_every_site_module_has_three_fixtures() -> None:
    for site in ("republicworld", "globalwatch"):
        assert len([p for p in CASES if p.parent.name == site]) >= 3


# --- text parser ------------------------------------------------------------------
def test_text_short_lines_are_blocks_and_wrapped_groups_are_paragraphs() -> None:
    text = (
        "Home\nNews\nSport\n\n"
        "The council agreed on Monday to extend the opening hours of the\n"
        "central library, after a petition signed by more than four thousand\n"
        "residents asked for evening access during the exam season.\n\n"
        "  * First item\n    * Nested item\n"
    )
    doc = build_text(Page(text, "text"))
    texts = [b.text for b in doc.blocks]
    assert texts[:3] == ["Home", "News", "Sport"]
    assert texts[3].startswith("The council agreed") and texts[3].endswith("exam season.")
    assert doc.blocks[3].tag == "wrapped" and doc.blocks[3].line == 5
    assert [b.kind for b in doc.blocks[4:]] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    assert doc.blocks[5].level > doc.blocks[4].level
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_single_newline_dump_keeps_one_block_a_line() -> None:
    lines = ["Section", "A headline of a dozen words about a river that flooded a town",
             "A" * 180 + ".", "B" * 220 + "."]
    doc = build_text(Page("\n".join(lines), "text"))
    assert len(doc.blocks) == 4
    assert not is_wrapped(lines)


# --- Markdown parser --------------------------------------------------------------
def test_markdown_blocks() -> None:
    md = (
        "# Main title\n\nSub title\n---------\n\n"
        "![A caption [Jo Doe/AFP]](/img/a.jpg)\n\n"
        "Some **bold** and _italic_ text with [a link](http://x.y/z) in it.\n\n"
        "  * item one\n  * [item two](/two)\n\n"
        "> a quoted line\n\n"
        "```\ncode here\n```\n\n"
        "a | b\n---|---\n1 | 2\n"
    )
    doc = build_markdown(Page(md, "markdown"))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == (BlockKind.HEADING, "Main title") and doc.blocks[0].level == 1
    assert kinds[1] == (BlockKind.HEADING, "Sub title") and doc.blocks[1].level == 2
    img = doc.blocks[2]
    assert img.kind is BlockKind.IMAGE and img.attrs["src"] == "/img/a.jpg" and img.attrs["alt"] == "A caption [Jo Doe/AFP]"
    assert doc.images[0][0] == 2 and doc.images[0][1].src == "/img/a.jpg"
    para = doc.blocks[3]
    assert para.text == "Some bold and italic text with a link in it." and para.link_chars == len("a link")
    assert [b.kind for b in doc.blocks[4:6]] == [BlockKind.LIST_ITEM] * 2
    assert doc.blocks[5].link_density == 1.0
    assert (doc.blocks[6].kind, doc.blocks[6].text) == (BlockKind.BLOCKQUOTE, "a quoted line")
    assert (doc.blocks[7].kind, doc.blocks[7].text) == (BlockKind.CODE, "code here")
    assert doc.blocks[8].kind is BlockKind.TABLE and "1 | 2" in doc.blocks[8].text


def test_inline_reduction() -> None:
    text, links, images = inline(r"[![logo](/l.png)](/) snake_case \*stars\* <https://a.b/c>")
    assert text == "snake_case *stars* https://a.b/c"
    assert images == [("logo", "/l.png")]
    assert links == len("https://a.b/c")


# --- cleaners and scorer ----------------------------------------------------------
def _roles(text: str, kind: str, url: str | None = None) -> dict[str, str]:
    doc = build_document(Page(text, kind, url))
    removed = run_cleaners(doc, resolve(["-site.republicworld", "-site.globalwatch"]))
    return {doc.blocks[i].text: r.role for i, r in removed.items() if r.role}


ARTICLE = (
    "Menu\nNews\nSport\nWeather\n\n"
    "Published 10:02 CET, May 3rd 2024\n\n"
    "Town council votes to keep the old bridge open to cyclists\n\n"
    "The decision follows months of debate about safety and the cost of repairs to the structure\n\n"
    "Written by: Hanna Berg\n"
    "Cyclists cross the bridge in spring | Photo: Town archive\n\n"
    + "\n\n".join(
        f"Paragraph {i}: the council said that the repairs would be paid from the transport budget, "
        "and that the work would start after the summer holidays, when traffic is lighter." for i in range(5)
    )
    + "\n\nSign up for our daily newsletter\n\nMost read\n\nA headline about something else\nNews\n"
)


def test_generic_dump_roles() -> None:
    roles = _roles(ARTICLE, "text")
    assert roles["Published 10:02 CET, May 3rd 2024"] == "date"
    assert roles["Town council votes to keep the old bridge open to cyclists"] == "title"
    assert roles["Written by: Hanna Berg"] == "byline"
    assert roles["Cyclists cross the bridge in spring | Photo: Town archive"] == "caption"
    assert roles["The decision follows months of debate about safety and the cost of repairs to the structure"] == "description"


def test_generic_dump_selection() -> None:
    doc = build_document(Page(ARTICLE, "text"))
    removed = run_cleaners(doc, resolve(["-site.republicworld", "-site.globalwatch"]))
    sel = select_dump_blocks(doc, removed)
    texts = [doc.blocks[i].text for i in sel.kept]
    assert len(texts) == 5 and all(t.startswith("Paragraph") for t in texts)


def test_markdown_byline_and_section() -> None:
    md = (
        "World\nRiver ferry service resumes after the spring floods\n"
        "Operators say the timetable will be back to normal within a week.\n"
        "By Ana Costa and Lars Holm |\n"
        + "\n".join("The ferry company said that boats had been inspected and that all crossings "
                    f"would run on the normal timetable from Monday, number {i}." for i in range(4))
    )
    roles = _roles(md, "markdown")
    assert roles == {
        "World": "section",
        "River ferry service resumes after the spring floods": "title",
        "Operators say the timetable will be back to normal within a week.": "description",
        "By Ana Costa and Lars Holm |": "byline",
    }


def test_empty_and_furniture_only_pages_are_not_articles() -> None:
    for text in ("", "Home\nNews\nSport\nLogin\n"):
        doc = build_document(Page(text or " ", "text"))
        sel = select_dump_blocks(doc, run_cleaners(doc, resolve()))
        assert sel.kept == () and not sel.is_article and sel.reason


def test_densest_region() -> None:
    assert densest_region([-5, 10, -2, 10, -30, 4]) == (1, 4)
    assert densest_region([-1, -2]) is None


def test_table_rows_are_article_text() -> None:
    """A calendar printed one row a line (no stop words, no final stop) is kept with the article."""
    rows = "\n".join(f"{m} {d} – Town{i}, ST @ Some Arena" for i, (m, d) in enumerate(
        [("June", 9), ("June", 14), ("July", 2), ("July", 19), ("August", 4), ("August", 30)]))
    text = (
        "Home\nNews\nSport\n\nBand announces a summer tour of thirty cities\n\n"
        + "The band said on Monday that it would play its first shows together in a decade, and that "
        "tickets would go on sale to the public at the end of the week.\n\nTour dates\n" + rows
        + "\n\nMore news\n5 Things to Do in June\n6 Things to Do in July\n7 Things to Do in August\n"
        "8 Things to Do in May\n9 Things to Do in March\n"
    )
    body = cleannews.extract(text, kind="text").body
    assert "August 30 – Town5, ST @ Some Arena" in body and "June 9 – Town0" in body
    assert "Things to Do" not in body


def test_more_site_name_header_ends_the_article() -> None:
    paragraph = ("The committee said on Tuesday that the plan would be reviewed again in the spring, "
                 "and that the public would be asked for its views before any decision was taken. ")
    teaser = ("Our family always celebrates anniversaries, but not this week, when the news from the "
              "capital reminded us of everything that had happened to us over the past year.")
    text = (
        "Committee delays a decision on the harbour plan\n\n"
        + "\n\n".join(f"{paragraph * 2}Part {i}." for i in range(8))
        + "\n\nMore Harbour Gazette\n\nA headline about something else\nJane Writer\n\n" + teaser + "\n"
    )
    body = cleannews.extract(text, kind="text").body
    assert "Part 7." in body and "More Harbour Gazette" not in body and "anniversaries" not in body


_FERRY_PARAS = (
    "The harbour ferry will run again from June after the council voted to fund a two-year trial "
    "of the service between the two quays, ending a pause of three years.\n\n"
    "Boats will leave every half hour at peak times, and fares will match a single bus journey, "
    "the council said in a statement on Thursday evening.\n\n"
    "Opposition members questioned the cost of the trial and asked for a review of passenger "
    "numbers after the first summer of sailings.\n"
)


@pytest.mark.parametrize(
    "headline, title",
    [
        # a dump that opens with its headline: the scorer keeps it with the text under it
        ("Harbour Ferry Returns After Three-Year Pause", "Harbour Ferry Returns After Three-Year Pause"),
        # a headline in title case that the dump closed with a full stop is still one
        ("Harbour Ferry Returns After Three-Year Pause.", "Harbour Ferry Returns After Three-Year Pause."),
    ],
)
def test_text_dump_opening_with_its_headline(headline: str, title: str) -> None:
    a = cleannews.extract(headline + "\n\n" + _FERRY_PARAS, kind="text")
    assert a.title == title


def test_text_dump_opening_with_a_sentence_has_no_title() -> None:
    # a first line in sentence case that ends like a sentence is text, not a headline
    a = cleannews.extract("The ferry is back, and the quay is busy again.\n\n" + _FERRY_PARAS, kind="text")
    assert a.title is None

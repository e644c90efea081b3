"""Renderers for an Article: Markdown and plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleannews.models import BlockKind

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.models import Article


def article_markdown(article: Article) -> str:
    """Title as H1, a byline/date line, then the body blocks with their structure."""
    out: list[str] = []
    if article.title:
        out.append(f"# {article.title}")
    line = []
    if article.authors:
        line.append("By " + ", ".join(article.authors))
    if article.date is not None:
        line.append(article.date.isoformat())
    if line:
        out.append("*" + " · ".join(line) + "*")
    prev_list = prev_table = False
    for b in article.blocks:
        if b.kind is BlockKind.HEADING:
            text = "#" * min(6, max(2, b.level or 2)) + " " + b.text
        elif b.kind is BlockKind.LIST_ITEM:
            text = "- " + b.text
        elif b.kind is BlockKind.BLOCKQUOTE:
            text = "> " + b.text
        elif b.kind is BlockKind.CODE:
            text = "```\n" + b.text + "\n```"
        elif b.kind is BlockKind.TABLE:
            text = "| " + " | ".join(b.text.split("\t")) + " |"
            if not prev_table:  # a Markdown table needs a rule under its first row
                text += "\n|" + " --- |" * (b.text.count("\t") + 1)
        else:
            text = b.text
        is_list = b.kind is BlockKind.LIST_ITEM
        is_table = b.kind is BlockKind.TABLE
        if (is_list and prev_list) or (is_table and prev_table):
            out[-1] += "\n" + text
        else:
            out.append(text)
        prev_list, prev_table = is_list, is_table
    return "\n\n".join(out) + "\n"


def article_text(article: Article) -> str:
    head = [article.title] if article.title else []
    return "\n\n".join(head + [article.body]) + "\n"

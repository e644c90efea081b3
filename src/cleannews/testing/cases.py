"""Fixture cases: a page and its expectation, compared field by field.

A case is `<site>/<case>.(html|htm|txt|md)` with `<case>.expected.json` beside it. The
expectation holds a subset of `Article.to_dict()` (only the keys present are
compared), optional inputs (`"url"`, passed to `extract`; `"kind"`) and optional
hand-written snippet lists: `"with"` (each must be in the body) and `"without"`
(none may be). Snippet lists are never rewritten by an update, so an update cannot
accept a regression silently. Keys starting with "_" are comments.
"""

from __future__ import annotations

import difflib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from cleannews.models import PAGE_SUFFIXES

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.models import PageKind

PAGE_KINDS = PAGE_SUFFIXES  # page files of a case, by suffix
EXPECTED_SUFFIX = ".expected.json"
OBTAINED_SUFFIX = ".obtained.json"
INPUT_KEYS = ("url", "kind")
SNIPPET_KEYS = ("with", "without")
#: The fields a new expectation gets; delete the ones that are not right yet.
DEFAULT_FIELDS = ("title", "description", "authors", "date", "body", "quotes")


def case_name(page: Path) -> str:
    return page.name[: -len(page.suffix)] if page.suffix else page.name


def expected_path(page: Path) -> Path:
    return page.with_name(case_name(page) + EXPECTED_SUFFIX)


def obtained_path(page: Path) -> Path:
    return page.with_name(case_name(page) + OBTAINED_SUFFIX)


def page_for_expected(expected: Path) -> Path | None:
    """The page an expectation belongs to, or None for an orphan."""
    stem = expected.name[: -len(EXPECTED_SUFFIX)]
    for suffix in PAGE_KINDS:
        page = expected.with_name(stem + suffix)
        if page.is_file():
            return page
    return None


def load_expected(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the expectation must be a JSON object")
    return data


def obtain(page: Path, expected: dict[str, Any]) -> dict[str, Any]:
    """Extract the page as the expectation says (url, kind) and return `to_dict()` as JSON sees it."""
    from cleannews.api import extract

    kind = cast("PageKind | None", expected.get("kind") or PAGE_KINDS.get(page.suffix.lower()))
    article = extract(page.read_bytes(), url=expected.get("url"), kind=kind)
    return cast("dict[str, Any]", json.loads(article.to_json()))


def compared_keys(expected: dict[str, Any]) -> list[str]:
    return [k for k in expected if k not in INPUT_KEYS and k not in SNIPPET_KEYS and not k.startswith("_")]


@dataclass(frozen=True)
class FieldDiff:
    field: str
    expected: Any
    obtained: Any
    note: str = ""

    def render(self) -> list[str]:
        head = f"{self.field}:" + (f" {self.note}" if self.note else "")
        if self.field in SNIPPET_KEYS:
            return [head] + [f"    {s!r}" for s in self.expected]
        exp, obt = self.expected, self.obtained
        if isinstance(exp, str) and isinstance(obt, str) and ("\n" in exp or "\n" in obt):
            lines = difflib.unified_diff(exp.split("\n\n"), obt.split("\n\n"), "expected", "obtained", lineterm="", n=1)
            return [head + " (paragraphs, unified diff)"] + [f"    {ln}" for ln in lines]
        if isinstance(exp, list) and isinstance(obt, list):
            a = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in exp]
            b = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in obt]
            lines = difflib.unified_diff(a, b, "expected", "obtained", lineterm="", n=1)
            return [head + " (items, unified diff)"] + [f"    {ln}" for ln in lines]
        return [head, f"    expected: {exp!r}", f"    obtained: {obt!r}"]


def compare(expected: dict[str, Any], obtained: dict[str, Any]) -> list[FieldDiff]:
    """The differences, field by field, in the expectation's key order."""
    diffs: list[FieldDiff] = []
    for key in compared_keys(expected):
        if key not in obtained:
            diffs.append(FieldDiff(key, expected[key], None, "not an Article field"))
        elif expected[key] != obtained[key]:
            diffs.append(FieldDiff(key, expected[key], obtained[key]))
    body = obtained.get("body") or ""
    missing = [s for s in expected.get("with") or () if s not in body]
    if missing:
        diffs.append(FieldDiff("with", missing, None, "snippets missing from the body"))
    present = [s for s in expected.get("without") or () if s in body]
    if present:
        diffs.append(FieldDiff("without", present, None, "snippets that must not be in the body"))
    return diffs


def refreshed(expected: dict[str, Any] | None, obtained: dict[str, Any]) -> dict[str, Any]:
    """The expectation rewritten from `obtained`: same keys and order; inputs, comments and snippets kept.

    A new expectation (None or no compared key) gets DEFAULT_FIELDS.
    """
    expected = dict(expected or {})
    if not compared_keys(expected):
        for key in DEFAULT_FIELDS:
            expected.setdefault(key, None)
    out: dict[str, Any] = {}
    for key, value in expected.items():
        if key in INPUT_KEYS or key in SNIPPET_KEYS or key.startswith("_") or key not in obtained:
            out[key] = value
        else:
            out[key] = obtained[key]
    return out


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and a rename: readers see old or new, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_expected(page: Path, obtained: dict[str, Any], expected: dict[str, Any] | None = None) -> bool:
    """Write or refresh the expectation of `page`; True when the file changed."""
    path = expected_path(page)
    new = refreshed(expected, obtained)
    if path.is_file() and expected is not None and new == expected:
        return False  # same data: keep the file as written, formatting included
    write_atomic(path, dumps(new))
    return True


def format_failure(label: str, diffs: list[FieldDiff], obtained_file: Path | None) -> str:
    names = ", ".join(d.field for d in diffs)
    lines = [f"{label}: {len(diffs)} field{'s' if len(diffs) != 1 else ''} differ ({names})"]
    for d in diffs:
        lines.extend("  " + ln for ln in d.render())
    if obtained_file is not None:
        lines.append(f"obtained: {obtained_file}")
    lines.append("accept with: pytest --cleannews-update (snippet lists are never rewritten)")
    return "\n".join(lines)

"""What the published distribution says about itself: licence, PyPI page, set-up commands (#19 point 4).

Building and installing the artefacts is `.ci/package.sh`'s job; these are the cheap checks
of the files it packs.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf8"))


def test_the_licence_file_is_the_declared_one():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf8")
    assert text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text


def test_the_pypi_page_is_for_users_and_links_nowhere_unshipped():
    readme = PYPROJECT["project"]["readme"]
    assert readme["content-type"] == "text/markdown"
    page = (ROOT / readme["file"]).read_text(encoding="utf8")
    assert "pip install cleannews" in page
    links = re.findall(r"\]\(([^)]+)\)", page)
    assert all(link.startswith("https://") for link in links), links  # a relative link breaks on PyPI
    assert PYPROJECT["project"]["urls"], "no project URLs"


def test_the_readme_keeps_its_two_set_up_commands():
    """.ci/run reads them: the marker line, the fence, then the command."""
    lines = (ROOT / "README.md").read_text(encoding="utf8").splitlines()
    for tag in ("<!-- setup:install -->", "<!-- setup:test -->"):
        i = lines.index(tag)
        assert lines[i + 1] == "```sh" and lines[i + 2].strip()


def test_beautifulsoup_is_not_a_runtime_requirement():
    deps = " ".join(PYPROJECT["project"]["dependencies"]).lower()
    assert "beautifulsoup4" not in deps and "bs4" not in deps
    assert any("beautifulsoup4" in d for d in PYPROJECT["project"]["optional-dependencies"]["dev"])

"""`cleannews new-site`: module, fixture page and expectation; the new cleaner loads and its case passes."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleannews.cli import main
from cleannews.scaffold import case_slug, new_site, site_name

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example" / "harbour-ferry.html"


@pytest.mark.parametrize(
    ("domain", "site"),
    [("republicworld.com", "republicworld"), ("www.bbc.co.uk", "bbc"), ("https://news.example.org/x", "example"),
     ("coastal-ledger.example", "coastal_ledger"), ("9news.com.au", "site_9news"), ("class.com", "site_class")],
)
def test_site_name(domain, site):
    assert site_name(domain) == site


def test_case_slug():
    assert case_slug(Path("Harbour Ferry (1).HTML.gz")) == "harbour-ferry-1"


def test_new_site_writes_module_fixture_and_expectation(tmp_path, capsys):
    dest, fixtures = tmp_path / "myplugin", tmp_path / "fixtures"
    assert main(["new-site", "www.coastal-ledger.example", str(EXAMPLE), "--dest", str(dest),
                 "--fixtures", str(fixtures)]) == 0
    out = capsys.readouterr().out
    assert "review it" in out and '[project.entry-points."cleannews.cleaners"]' in out
    module = dest / "coastal_ledger.py"
    source = module.read_text(encoding="utf8")
    ast.parse(source)
    assert 'name = "site.coastal_ledger"' in source and 'domains = ("coastal-ledger.example",)' in source
    page = fixtures / "coastal_ledger" / "harbour-ferry.html"
    assert page.read_bytes() == EXAMPLE.read_bytes()
    expected = json.loads((fixtures / "coastal_ledger" / "harbour-ferry.expected.json").read_text(encoding="utf8"))
    assert expected["url"] == "https://coastal-ledger.example/"
    assert expected["body"].startswith("Passengers") and "title" in expected and "quotes" in expected
    # nothing is overwritten without --force
    assert main(["new-site", "coastal-ledger.example", str(EXAMPLE), "--dest", str(dest), "--fixtures", str(fixtures)]) == 1
    assert "already there" in capsys.readouterr().err
    module.write_text("# edited by hand\n", encoding="utf8")
    new_site("coastal-ledger.example", EXAMPLE, dest=dest, fixtures=fixtures, force=True)
    assert "site.coastal_ledger" in module.read_text(encoding="utf8")


def test_scaffolded_cleaner_loads_applies_and_its_fixture_passes(tmp_path):
    """The generated module, given a rule, is a working cleaner; its fixture passes under the plugin."""
    dest, fixtures = tmp_path / "coastal_plugin", tmp_path / "fixtures"
    s = new_site("coastal-ledger.example", EXAMPLE, dest=dest, fixtures=fixtures, url="https://coastal-ledger.example/a")
    (dest / "__init__.py").write_text("", encoding="utf8")
    source = s.module.read_text(encoding="utf8").replace("    remove = ()", '    remove = ("blockquote",)')
    s.module.write_text(source, encoding="utf8")
    (tmp_path / "conftest.py").write_text("import coastal_plugin.coastal_ledger  # registers the cleaner\n", encoding="utf8")
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = fixtures\ncleannews_fixtures = fixtures\n", encoding="utf8")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    first = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    # the expectation was written before the rule: the blockquote paragraph is now missing
    assert first.returncode == 1, first.stdout
    assert "-We expect about 900 crossings a day" in first.stdout
    update = subprocess.run(cmd + ["--cleannews-update"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert update.returncode == 0, update.stdout
    assert "rewritten fixtures/coastal_ledger/harbour-ferry.expected.json" in update.stdout
    body = json.loads(s.expected.read_text(encoding="utf8"))["body"]
    assert "900 crossings" not in body and body.startswith("Passengers")

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

#: every test here runs pytest or the CLI in a subprocess (an integration test)
pytestmark = pytest.mark.process

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
    # the page's canonical url, on the site's domain (it used to be the bare home page)
    assert expected["url"] == "https://coastal-ledger.example/local/harbour-ferry-resume"
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


# --- where new-site writes, and what it refuses (issue #19 point 2, #18 point 6) ---------

HOSTILE_DOMAINS = [
    'x.com",);__import__("os").system("touch pwned");("',
    "x.com'\nimport os",
    "exa mple.com",
    "localhost",
    "1.2.3.4",
    "bad-.example",
    "a" * 64 + ".example",
]


@pytest.mark.parametrize("domain", HOSTILE_DOMAINS)
def test_a_domain_that_is_not_a_hostname_is_refused_and_nothing_is_written(tmp_path, capsys, domain):
    dest, fixtures = tmp_path / "plugin", tmp_path / "fixtures"
    rc = main(["new-site", domain, str(EXAMPLE), "--dest", str(dest), "--fixtures", str(fixtures)])
    assert rc == 1
    assert "DOMAIN must be a hostname" in capsys.readouterr().err
    assert not dest.exists() and not fixtures.exists()


def test_the_generated_module_holds_only_literals(tmp_path):
    s = new_site("News.Example-Site.co.uk", EXAMPLE, dest=tmp_path / "p", fixtures=tmp_path / "f")
    tree = ast.parse(s.module.read_text(encoding="utf8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert calls == []  # no call anywhere: a decorator and assignments of constants only
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
    values = {t.id: ast.literal_eval(n.value) for n in cls.body if isinstance(n, ast.Assign)
              for t in n.targets if isinstance(t, ast.Name) and t.id in ("name", "site", "domains")}
    assert values == {"name": "site.example_site", "site": "example_site", "domains": ("news.example-site.co.uk",)}


@pytest.mark.parametrize("case", ["/tmp/abs-case", "../../x", "..", "a/b", "a\\b", ".hidden", "x" * 101])
def test_a_case_that_would_leave_the_fixtures_folder_is_refused(tmp_path, capsys, case):
    work = tmp_path / "work"
    work.mkdir()
    rc = main(["new-site", "coastal-ledger.example", str(EXAMPLE), "--dest", str(work / "plugin"),
               "--fixtures", str(work / "fixtures"), "--case", case])
    assert rc == 1 and "--case must be a plain name" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["work"]


def plugin_project(root: Path, *, entry_point: bool = True, opted_in: bool = True) -> Path:
    """A third-party plugin project: src layout, a package for its site cleaners."""
    pkg = root / "src" / "ledger_sites"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf8")
    text = '[project]\nname = "ledger-sites"\nversion = "0.1"\n'
    if entry_point:
        text += '\n[project.entry-points."cleannews.cleaners"]\nledger = "ledger_sites"\n'
    if opted_in:
        text += '\n[tool.pytest.ini_options]\ntestpaths = ["tests/cases"]\ncleannews_fixtures = "tests/cases"\n'
    (root / "pyproject.toml").write_text(text, encoding="utf8")
    return pkg


def test_without_dest_it_writes_into_the_project_s_entry_point_package(tmp_path, monkeypatch, capsys):
    pkg = plugin_project(tmp_path)
    sub = tmp_path / "src"
    monkeypatch.chdir(sub)  # anywhere inside the project
    assert main(["new-site", "coastal-ledger.example", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert (pkg / "coastal_ledger.py").is_file()
    page = tmp_path / "tests" / "cases" / "coastal_ledger" / "harbour-ferry.html"
    assert page.is_file() and (page.parent / "harbour-ferry.expected.json").is_file()
    import cleannews

    assert not (Path(cleannews.__file__).parent / "cleaners" / "sites" / "coastal_ledger.py").exists()
    assert "--cleannews-fixtures" not in out and "opt the project in" not in out  # the project already did
    # every hint command is one that works as printed, from where new-site ran
    hint = [ln.strip() for ln in out.splitlines() if ln.strip().startswith("pytest ")]
    assert len(hint) == 1
    cmd = hint[0].split("&&")[0].split()
    assert cmd[0] == "pytest" and cmd[-1] == "--cleannews-update"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(sub), os.environ.get("PYTHONPATH", "")]))
    r = subprocess.run([sys.executable, "-m", *cmd, "-p", "no:cacheprovider"], cwd=sub, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 passed" in r.stdout or "2 passed" in r.stdout, r.stdout
    explain = next(ln.strip() for ln in out.splitlines() if ln.strip().startswith("cleannews explain"))
    assert "--url https://coastal-ledger.example/local/harbour-ferry-resume" in explain


def test_the_fixture_url_makes_the_new_site_cleaner_apply(tmp_path):
    s = new_site("coastal-ledger.example", EXAMPLE, dest=tmp_path / "p", fixtures=tmp_path / "f")
    namespace: dict = {}
    source = s.module.read_text(encoding="utf8").replace("@register\n", "")
    exec(compile(source, str(s.module), "exec"), namespace)  # the scaffold's own output, not user input
    cls = namespace["CoastalLedger"]
    from cleannews.pipeline import run

    url = json.loads(s.expected.read_text(encoding="utf8"))["url"]
    trace = run(s.page.read_bytes(), url=url, kind="html")
    assert cls().applies(trace.document)
    assert not cls().applies(run(s.page.read_bytes(), url="https://elsewhere.example/a", kind="html").document)


def test_no_entry_point_no_dest_is_a_clear_error_and_the_hint_opts_in(tmp_path, monkeypatch, capsys):
    plugin_project(tmp_path, entry_point=False)
    monkeypatch.chdir(tmp_path)
    assert main(["new-site", "coastal-ledger.example", str(EXAMPLE)]) == 1
    err = capsys.readouterr().err
    assert "declares no cleannews.cleaners entry point" in err and '[project.entry-points."cleannews.cleaners"]' in err
    assert not (tmp_path / "tests").exists()
    # with --dest, a project that has not opted in is told how
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "ledger-sites"\n', encoding="utf8")
    assert main(["new-site", "coastal-ledger.example", str(EXAMPLE), "--dest", "src/ledger_sites"]) == 0
    out = capsys.readouterr().out
    assert 'cleannews_fixtures = "fixtures"' in out and "--cleannews-fixtures fixtures --cleannews-update" in out
    assert (tmp_path / "fixtures" / "coastal_ledger" / "harbour-ferry.html").is_file()


def test_never_into_site_packages(tmp_path, capsys):
    dest = tmp_path / "lib" / "site-packages" / "cleannews" / "cleaners" / "sites"
    rc = main(["new-site", "coastal-ledger.example", str(EXAMPLE), "--dest", str(dest), "--fixtures", str(tmp_path / "f")])
    assert rc == 1 and "inside an installed package" in capsys.readouterr().err
    assert not dest.exists()


def test_in_cleannews_s_own_checkout_it_writes_into_the_sites_package(tmp_path, monkeypatch):
    sites = tmp_path / "src" / "cleannews" / "cleaners" / "sites"
    sites.mkdir(parents=True)
    (sites / "__init__.py").write_text("", encoding="utf8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "cleannews"\n[tool.pytest.ini_options]\ncleannews_fixtures = "fixtures"\n', encoding="utf8")
    monkeypatch.chdir(tmp_path)
    s = new_site("coastal-ledger.example", EXAMPLE)
    assert s.module == sites / "coastal_ledger.py" and s.page.parent == tmp_path / "fixtures" / "coastal_ledger"

"""The pytest plugin (cleannews.testing), run on small projects made with pytester."""

from __future__ import annotations

import json
import os
import textwrap

import pytest

#: every test here runs pytest or the CLI in a subprocess (an integration test)
pytestmark = pytest.mark.process

pytest_plugins = ["pytester"]

PARAS = [
    "The harbour authority confirmed on Monday that the dredging of the northern channel will begin in May and last six weeks.",
    "Fishing boats will use the southern channel while the work goes on, the authority said in a statement to its members.",
    "Local traders said they expected little disruption, although two ferry sailings a day will be moved to the evening.",
]
PAGE = (
    "<html><head><title>Dredging to start in May</title></head><body><article><h1>Dredging to start in May</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article></body></html>"
)
BODY = "\n\n".join(PARAS)
INI = """
[pytest]
testpaths = fixtures
cleannews_fixtures = fixtures
"""


def make_case(pytester: pytest.Pytester, expected: dict | None, site: str = "harbour", case: str = "dredging", page: str = PAGE):
    folder = pytester.path / "fixtures" / site
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{case}.html").write_text(page, encoding="utf8")
    if expected is not None:
        (folder / f"{case}.expected.json").write_text(json.dumps(expected, indent=2), encoding="utf8")
    return folder


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini(INI)
    return pytester


def test_a_matching_case_passes(project):
    make_case(project, {"title": "Dredging to start in May", "authors": [], "body": BODY, "with": [PARAS[0][:40]]})
    result = project.runpytest("-v")
    result.assert_outcomes(passed=2)  # the case and the coverage check
    result.stdout.fnmatch_lines(["*site-cleaner-coverage PASSED*", "*fixtures/harbour/dredging.html::dredging PASSED*"])
    assert not (project.path / "fixtures/harbour/dredging.obtained.json").exists()


def test_a_failing_case_shows_a_field_by_field_diff_and_writes_obtained(project):
    wrong_body = "\n\n".join([PARAS[0], "A paragraph the page does not have.", PARAS[2]])
    folder = make_case(
        project,
        {"url": "https://harbour.example/dredging", "title": "Dredging starts in June", "body": wrong_body,
         "with": ["a snippet that is nowhere"], "without": ["Fishing boats"]},
    )
    result = project.runpytest()
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines([
        "*fixtures/harbour/dredging.html: 4 fields differ (title, body, with, without)*",
        "*title:*",
        "*expected: 'Dredging starts in June'*",
        "*obtained: 'Dredging to start in May'*",
        "*body: (paragraphs, unified diff)*",
        "*--- expected*",
        "*+++ obtained*",
        "*-A paragraph the page does not have.*",
        "*+Fishing boats will use the southern channel*",
        "*with: snippets missing from the body*",
        "*'a snippet that is nowhere'*",
        "*without: snippets that must not be in the body*",
        "*obtained: fixtures/harbour/dredging.obtained.json*",
    ])
    assert "Traceback" not in result.stdout.str()
    obtained = json.loads((folder / "dredging.obtained.json").read_text(encoding="utf8"))
    assert list(obtained) == ["url", "title", "body", "with", "without"]
    assert obtained["title"] == "Dredging to start in May" and obtained["body"] == BODY
    assert obtained["with"] == ["a snippet that is nowhere"]  # hand-written lists are copied, not derived
    # fixing the expectation makes the case pass and removes the stale obtained file
    (folder / "dredging.expected.json").write_text(json.dumps({"title": "Dredging to start in May", "body": BODY}), encoding="utf8")
    project.runpytest().assert_outcomes(passed=2)
    assert not (folder / "dredging.obtained.json").exists()


def test_a_page_without_expectation_is_skipped_until_updated(project):
    make_case(project, None)
    project.runpytest().assert_outcomes(passed=1, skipped=1)


def test_update_writes_refreshes_keeps_snippets_and_reports(project):
    folder = make_case(project, None, case="new")
    make_case(project, {"url": "https://harbour.example/x", "body": "stale", "_note": "checked by hand",
                        "with": [PARAS[1][:30]], "without": ["Subscribe"]}, case="old")
    make_case(project, {"body": BODY}, case="same")
    (folder / "gone.expected.json").write_text('{"body": ""}', encoding="utf8")
    result = project.runpytest("--cleannews-update")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines([
        "*cleannews fixtures*",
        "1 expected files created, 1 rewritten",
        "  created   fixtures/harbour/new.expected.json",
        "  rewritten fixtures/harbour/old.expected.json",
        "1 orphan expectations (no page beside them):",
        "  orphan    fixtures/harbour/gone.expected.json",
    ])
    new = json.loads((folder / "new.expected.json").read_text(encoding="utf8"))
    assert list(new) == ["title", "description", "authors", "date", "body", "quotes"]
    assert new["body"] == BODY and new["title"] == "Dredging to start in May"
    old = json.loads((folder / "old.expected.json").read_text(encoding="utf8"))
    assert old == {"url": "https://harbour.example/x", "body": BODY, "_note": "checked by hand",
                   "with": [PARAS[1][:30]], "without": ["Subscribe"]}
    assert not list(folder.glob(".*.tmp"))  # atomic writes leave no temporary file
    # a second run changes nothing
    again = project.runpytest("--cleannews-update")
    again.stdout.fnmatch_lines(["0 expected files created, 0 rewritten"])


def test_update_never_accepts_a_snippet_regression(project):
    folder = make_case(project, {"body": "stale", "without": ["Fishing boats"]})
    result = project.runpytest("--cleannews-update")
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(["*without: snippets that must not be in the body*"])
    data = json.loads((folder / "dredging.expected.json").read_text(encoding="utf8"))
    assert data == {"body": BODY, "without": ["Fishing boats"]}


def test_url_is_passed_and_site_cleaners_need_fixtures(project):
    """In a subprocess: the conftest registers cleaners into that process's registry only."""
    project.makeconftest(textwrap.dedent('''
        from cleannews import Cleaner, register

        @register
        class Harbour(Cleaner):
            name = "harbour"
            domains = ("harbour.example",)
            drop_lines = (r"Fishing boats .*",)

        @register
        class Untested(Cleaner):
            name = "untested.site"
            site = "untested"
            domains = ("untested.example",)
    '''))
    make_case(project, {"url": "https://www.harbour.example/dredging", "body": "\n\n".join([PARAS[0], PARAS[2]]),
                        "without": ["Fishing boats"]})
    result = project.runpytest_subprocess("-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*site-cleaner-coverage FAILED*",
        "*dredging.html::dredging PASSED*",
        "site cleaners without fixtures:",
        "*untested.site (conftest): no case in fixtures/untested/",
    ])
    assert "harbour (conftest)" not in result.stdout.str()


# --- opt-in, broken cleaners, xdist (issue #19 point 1) ---------------------------------


def unrelated_project(pytester: pytest.Pytester) -> None:
    """A project that has cleannews installed but never asked for its plugin."""
    folder = pytester.path / "fixtures" / "emails"
    folder.mkdir(parents=True)
    (pytester.path / "fixtures" / "README.md").write_text("# Our e-mail templates\n\nNot cleannews cases.\n", encoding="utf8")
    (folder / "welcome.html").write_text(PAGE, encoding="utf8")
    (folder / "welcome.txt").write_text("Welcome aboard.\n", encoding="utf8")
    pytester.makeini("[pytest]\ntestpaths = fixtures tests\n")
    pytester.mkdir("tests")
    (pytester.path / "tests" / "test_own.py").write_text("def test_own():\n    assert True\n", encoding="utf8")


def test_a_project_that_did_not_opt_in_gets_nothing(pytester):
    unrelated_project(pytester)
    before = sorted(p.relative_to(pytester.path).as_posix() for p in (pytester.path / "fixtures").rglob("*"))
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1)  # only the project's own test: no case, no coverage test
    assert "site-cleaner-coverage" not in result.stdout.str() and "cleannews fixtures" not in result.stdout.str()
    update = pytester.runpytest("--cleannews-update")
    assert update.ret == pytest.ExitCode.USAGE_ERROR
    update.stderr.fnmatch_lines(["*--cleannews-update: this project has not opted in*"])
    after = sorted(p.relative_to(pytester.path).as_posix() for p in (pytester.path / "fixtures").rglob("*"))
    assert before == after  # nothing written, README.expected.json least of all


def test_the_help_says_the_plugin_is_inactive_until_opted_in(pytester):
    result = pytester.runpytest("--help")
    out = " ".join(result.stdout.str().split())
    assert "inactive unless the ini key cleannews_fixtures is set or --cleannews-fixtures is given" in out
    assert "--cleannews-fixtures=DIR" in out


def test_the_command_line_option_opts_in(pytester):
    unrelated_project(pytester)
    make_case(pytester, {"title": "Dredging to start in May", "body": BODY}, site="harbour")
    result = pytester.runpytest("--cleannews-fixtures", "fixtures", "-v")
    # the opted-in folder's three pages are cases (one with an expectation) plus the coverage test
    result.assert_outcomes(passed=3, skipped=2)
    result.stdout.fnmatch_lines(["*fixtures/harbour/dredging.html::dredging PASSED*"])


BROKEN_SITE = '''
from cleannews import Cleaner

class Harbour(Cleaner)    # the colon is missing
    name = "site.harbour"
'''


def test_a_site_cleaner_with_a_syntax_error_fails_the_run(project, tmp_path, monkeypatch):
    """The site's own cleaner, installed through its entry point, does not compile: the run fails."""
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "harbour_sites.py").write_text(BROKEN_SITE, encoding="utf8")
    info = site / "harbour_sites-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: harbour-sites\nVersion: 0.1\n", encoding="utf8")
    (info / "entry_points.txt").write_text("[cleannews.cleaners]\nharbour = harbour_sites\n", encoding="utf8")
    make_case(project, {"title": "Dredging to start in May", "body": BODY})
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    result = project.runpytest_subprocess("-v", "-W", "ignore::RuntimeWarning")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(failed=1, passed=2)
    result.stdout.fnmatch_lines([
        "*cleaner-plugin?harbour? FAILED*",
        "*cleaner plugin 'harbour' (harbour_sites) failed to load, so its cleaners did not run:*",
        "*SyntaxError*",
    ])


def test_update_under_xdist_reports_every_file_written(project):
    pytest.importorskip("xdist")
    folder = None
    for i in range(4):
        folder = make_case(project, None, case=f"case{i}")
    assert folder is not None
    (folder / "gone.expected.json").write_text('{"body": ""}', encoding="utf8")
    result = project.runpytest_subprocess("-n", "2", "--cleannews-update")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines([
        "4 expected files created, 0 rewritten",
        "  created   fixtures/harbour/case0.expected.json",
        "  created   fixtures/harbour/case3.expected.json",
        "1 orphan expectations (no page beside them):",
    ])
    assert not list(folder.glob(".*.tmp"))
    for i in range(4):
        assert json.loads((folder / f"case{i}.expected.json").read_text(encoding="utf8"))["body"] == BODY
    again = project.runpytest_subprocess("-n", "2")
    again.assert_outcomes(passed=5)

"""The cleannews pytest plugin (entry point `pytest11`: cleannews = cleannews.testing).

The plugin ships with every install of cleannews, so it **does nothing until a project
opts in**: set the ini key `cleannews_fixtures` (the fixtures folder, relative to the
ini file) or pass `--cleannews-fixtures DIR` on the command line. Without either, it
collects nothing, adds no test and `--cleannews-update` is refused with a usage error
(it must never write into a project that did not ask for it).

Once opted in, every page `<fixtures>/<site>/<case>.(html|htm|txt|md)` with a
`<case>.expected.json` beside it becomes one test comparing the extracted Article with
the expectation, field by field (see `cleannews.testing.cases`); put the folder in
`testpaths` so a plain `pytest` run collects it.

    pytest --cleannews-update     write missing / refresh changed expectations

A failing case writes `<case>.obtained.json` beside its expectation. The fixtures
folder also gets a coverage test: every registered site cleaner defined inside the
project under test must have a fixtures folder `<fixtures>/<site>/` with a case; and a
`cleannews.cleaners` plugin that fails to load (a syntax error in a site cleaner) is a
failing test, not a warning, since a fixture run without its cleaner proves nothing.

Safe under pytest-xdist (`pytest -n N`): each case writes only its own files (atomic
renames), and the update report travels back to the controlling process in the test
reports' `user_properties` rather than in per-process state.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from cleannews.testing import cases

__all__ = ["CaseItem", "CoverageItem", "PluginLoadItem", "fixtures_root"]

#: The `user_properties` key under which a case reports the expectation file it wrote.
_REPORT_KEY = "cleannews_wrote"
_STATE = pytest.StashKey[dict[str, list[str]]]()
_INACTIVE_NOTE = "inactive unless the ini key cleannews_fixtures is set or --cleannews-fixtures is given"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleannews", f"cleannews fixture cases ({_INACTIVE_NOTE})")
    group.addoption(
        "--cleannews-fixtures",
        metavar="DIR",
        default=None,
        help="opt in: collect cleannews fixture cases from DIR (<site>/<case>.html|txt|md), "
        "relative to the current directory; overrides the cleannews_fixtures ini key",
    )
    group.addoption(
        "--cleannews-update",
        action="store_true",
        default=False,
        help="write missing and refresh changed <case>.expected.json files (never the with/without lists); "
        "only in a project that opted in",
    )
    parser.addini(
        "cleannews_fixtures",
        f"folder of cleannews fixture cases (<site>/<case>.html|txt|md); the plugin is {_INACTIVE_NOTE}",
        default="",
    )
    parser.addini("cleannews_coverage", "fail when a site cleaner of this project has no fixtures", type="bool", default=True)


def fixtures_root(config: pytest.Config) -> Path | None:
    """The opted-in fixtures folder, or None when this project did not opt in."""
    option = config.getoption("--cleannews-fixtures", default=None)
    if option:
        return (config.invocation_params.dir / str(option)).resolve()
    ini = str(config.getini("cleannews_fixtures") or "").strip()
    if not ini:
        return None
    base = config.inipath.parent if config.inipath else config.rootpath
    return (base / ini).resolve()


def pytest_configure(config: pytest.Config) -> None:
    state: dict[str, list[str]] = {"created": [], "rewritten": []}
    config.stash[_STATE] = state
    config.pluginmanager.register(_WrittenReport(state), "cleannews-written-report")
    if _is_update(config) and fixtures_root(config) is None:
        raise pytest.UsageError(
            "--cleannews-update: this project has not opted in to cleannews fixtures "
            "(set cleannews_fixtures in the ini file or pass --cleannews-fixtures DIR)"
        )


def _is_update(config: pytest.Config) -> bool:
    return bool(config.getoption("--cleannews-update", default=False))


def _under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def _rel(config: pytest.Config, path: Path) -> str:
    try:
        return str(path.resolve().relative_to(config.rootpath.resolve()))
    except ValueError:
        return str(path)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    config = parent.config
    root = fixtures_root(config)
    if root is None or not _under(file_path, root):
        return None
    if file_path.name.endswith(cases.EXPECTED_SUFFIX):
        return None
    # a case is <fixtures>/<site>/<case>.<ext>: a README or a page elsewhere in the tree is not one
    in_site_folder = file_path.resolve().parent.parent == root
    if in_site_folder and file_path.suffix.lower() in cases.PAGE_KINDS and not file_path.name.startswith("."):
        return CaseFile.from_parent(parent, path=file_path)
    return None


if hasattr(pytest, "Dir"):  # pytest >= 8: the fixtures folder itself carries the coverage test

    # pytest marks Dir @final (a typing hint; nothing enforces it at run time). A subclass
    # that only yields its own items before Dir's is the least code for "the folder
    # carries a test"; if a pytest release broke it, every test of this plugin would fail.
    class FixturesDir(pytest.Dir):  # type: ignore[misc]
        def collect(self) -> Any:
            from cleannews.cleaners.registry import default_registry

            for skipped in default_registry.skipped_plugins():
                yield PluginLoadItem.from_parent(self, name=f"cleaner-plugin[{skipped.name}]", skipped=skipped)
            if self.config.getini("cleannews_coverage"):
                yield CoverageItem.from_parent(self, name="site-cleaner-coverage")
            yield from super().collect()

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        root = fixtures_root(parent.config)
        if root is not None and path.resolve() == root and path.is_dir():
            return FixturesDir.from_parent(parent, path=path)
        return None


class CaseFile(pytest.File):
    def collect(self) -> Any:
        yield CaseItem.from_parent(self, name=cases.case_name(self.path))


class CaseMismatch(AssertionError):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class CaseItem(pytest.Item):
    """One fixture case: extract the page, compare with the expectation."""

    def runtest(self) -> None:
        page = self.path
        exp_file = cases.expected_path(page)
        update = _is_update(self.config)
        if not exp_file.is_file():
            if not update:
                pytest.skip(f"no {exp_file.name}: run pytest --cleannews-update to write it, then review it")
            expected: dict[str, Any] = {}
        else:
            expected = cases.load_expected(exp_file)
        obtained = cases.obtain(page, expected)
        if update:
            existed = exp_file.is_file()
            if cases.write_expected(page, obtained, expected):
                # reported through the test report, so that it reaches the xdist controller too
                self.user_properties.append((_REPORT_KEY, ("rewritten" if existed else "created", _rel(self.config, exp_file))))
            expected = cases.load_expected(exp_file)
        diffs = cases.compare(expected, obtained)
        out_file = cases.obtained_path(page)
        if diffs:
            cases.write_atomic(out_file, cases.dumps(cases.refreshed(expected, obtained)))
            raise CaseMismatch(cases.format_failure(_rel(self.config, page), diffs, Path(_rel(self.config, out_file))))
        if out_file.is_file():
            out_file.unlink()  # a stale obtained file from an earlier failure

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseMismatch):
            return excinfo.value.text
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"cleannews case {self.name}"


def _has_case(folder: Path) -> bool:
    return folder.is_dir() and any(
        p.suffix.lower() in cases.PAGE_KINDS and cases.expected_path(p).is_file() for p in folder.iterdir()
    )


class CoverageItem(pytest.Item):
    """Fails when a site cleaner defined in this project has no fixtures folder with a case."""

    def runtest(self) -> None:
        from cleannews.cleaners.registry import registered_cleaners

        root = fixtures_root(self.config)
        assert root is not None  # only collected inside the opted-in fixtures folder
        project = self.config.rootpath.resolve()
        missing = []
        for c in registered_cleaners():
            if not c.is_site:
                continue
            mod = sys.modules.get(type(c).__module__)
            file = getattr(mod, "__file__", None)
            if not file or not _under(Path(file), project):
                continue  # another package's cleaner: its own project tests it
            folders = [root / c.fixture_site] + ([] if c.site else [root / c.name])
            if not any(_has_case(f) for f in folders):
                folder = folders[0]
                missing.append(f"  {c.name} ({type(c).__module__}): no case in {_rel(self.config, folder)}/")
        if missing:
            raise CaseMismatch("site cleaners without fixtures:\n" + "\n".join(missing))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseMismatch):
            return excinfo.value.text
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, "cleannews site cleaner coverage"


class PluginLoadItem(pytest.Item):
    """A `cleannews.cleaners` plugin the registry skipped: the run must fail, not warn."""

    def __init__(self, *, skipped: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.skipped = skipped

    def runtest(self) -> None:
        s = self.skipped
        raise CaseMismatch(f"cleaner plugin {s.name!r} ({s.value}) failed to load, so its cleaners did not run:\n  {s.error}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseMismatch):
            return excinfo.value.text
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"cleannews cleaner plugin {self.skipped.name}"


class _WrittenReport:
    """Gathers what the cases wrote from the test reports, in whichever process they arrive
    (the xdist controller included, which runs no test itself)."""

    def __init__(self, state: dict[str, list[str]]) -> None:
        self.state = state

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "call":
            return
        for key, value in report.user_properties:
            if key == _REPORT_KEY and isinstance(value, (tuple, list)) and len(value) == 2:
                self.state.setdefault(str(value[0]), []).append(str(value[1]))


def _orphans(config: pytest.Config, root: Path) -> list[str]:
    """Expectations with no page beside them, found by walking the folder (not from collection,
    which an xdist controller does not do)."""
    if not root.is_dir():
        return []
    return sorted(_rel(config, p) for p in root.rglob("*" + cases.EXPECTED_SUFFIX) if cases.page_for_expected(p) is None)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    root = fixtures_root(config)
    if state is None or root is None:
        return
    lines: list[str] = []
    if _is_update(config):
        lines.append(f"{len(state['created'])} expected files created, {len(state['rewritten'])} rewritten")
        lines += [f"  created   {p}" for p in sorted(state["created"])]
        lines += [f"  rewritten {p}" for p in sorted(state["rewritten"])]
    orphans = _orphans(config, root)
    if orphans:
        lines.append(f"{len(orphans)} orphan expectations (no page beside them):")
        lines += [f"  orphan    {p}" for p in orphans]
    if lines:
        terminalreporter.write_sep("-", "cleannews fixtures")
        for line in lines:
            terminalreporter.write_line(line)

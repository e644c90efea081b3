"""The cleannews pytest plugin (entry point `pytest11`: cleannews = cleannews.testing).

Every page `<fixtures>/<site>/<case>.(html|htm|txt|md)` with a `<case>.expected.json`
beside it becomes one test comparing the extracted Article with the expectation,
field by field (see `cleannews.testing.cases`). The folder is the ini option
`cleannews_fixtures` (default "fixtures", relative to the ini file); put it in
`testpaths` so a plain `pytest` run collects it.

    pytest --cleannews-update     write missing / refresh changed expectations

A failing case writes `<case>.obtained.json` beside its expectation. The fixtures
folder also gets a coverage test: every registered site cleaner defined inside the
project under test must have a fixtures folder `<fixtures>/<site>/` with a case.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from cleannews.testing import cases

__all__ = ["CaseItem", "CoverageItem", "fixtures_root"]

_STATE = pytest.StashKey[dict[str, list[str]]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleannews")
    group.addoption(
        "--cleannews-update",
        action="store_true",
        default=False,
        help="write missing and refresh changed <case>.expected.json files (never the with/without lists)",
    )
    parser.addini("cleannews_fixtures", "folder of cleannews fixture cases (<site>/<case>.html|txt|md)", default="fixtures")
    parser.addini("cleannews_coverage", "fail when a site cleaner of this project has no fixtures", type="bool", default=True)


def pytest_configure(config: pytest.Config) -> None:
    state: dict[str, list[str]] = {"created": [], "rewritten": [], "orphans": []}
    config.stash[_STATE] = state


def fixtures_root(config: pytest.Config) -> Path:
    base = config.inipath.parent if config.inipath else config.rootpath
    return (base / str(config.getini("cleannews_fixtures"))).resolve()


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
    if not _under(file_path, root):
        return None
    if file_path.name.endswith(cases.EXPECTED_SUFFIX):
        if cases.page_for_expected(file_path) is None:
            config.stash[_STATE]["orphans"].append(_rel(config, file_path))
        return None
    if file_path.suffix.lower() in cases.PAGE_KINDS and not file_path.name.startswith("."):
        return CaseFile.from_parent(parent, path=file_path)
    return None


if hasattr(pytest, "Dir"):  # pytest >= 8: the fixtures folder itself carries the coverage test

    class FixturesDir(pytest.Dir):  # type: ignore[misc]  # typed @final; subclassing works, pytest's own docs do it
        def collect(self) -> Any:
            if self.config.getini("cleannews_coverage"):
                yield CoverageItem.from_parent(self, name="site-cleaner-coverage")
            yield from super().collect()

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        if path.resolve() == fixtures_root(parent.config) and path.is_dir():
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
        state = self.config.stash[_STATE]
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
                state["rewritten" if existed else "created"].append(_rel(self.config, exp_file))
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


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if not state:
        return
    lines: list[str] = []
    if _is_update(config):
        lines.append(f"{len(state['created'])} expected files created, {len(state['rewritten'])} rewritten")
        lines += [f"  created   {p}" for p in sorted(state["created"])]
        lines += [f"  rewritten {p}" for p in sorted(state["rewritten"])]
    if state["orphans"]:
        lines.append(f"{len(state['orphans'])} orphan expectations (no page beside them):")
        lines += [f"  orphan    {p}" for p in sorted(state["orphans"])]
    if lines:
        terminalreporter.write_sep("-", "cleannews fixtures")
        for line in lines:
            terminalreporter.write_line(line)

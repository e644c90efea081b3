"""`cleannews new-site DOMAIN PAGE`: the first draft of a site cleaner and its fixture.

Writes
- `<dest>/<site>.py`: a Cleaner for DOMAIN with empty rules and, as comments, the
  short blocks the generic pipeline kept (the usual furniture to target);
- `<fixtures>/<site>/<case><ext>`: a copy of the page;
- `<fixtures>/<site>/<case>.expected.json`: what cleannews extracts today, with the
  url the case runs with (on the site's domain, so the new cleaner applies), for you
  to review (delete the keys that are wrong, fix the cleaner, then
  `pytest --cleannews-update`).

`<dest>` is `--dest`, or found in the project around the current directory (the
nearest `pyproject.toml`): the package its `cleannews.cleaners` entry point names, or
`src/cleannews/cleaners/sites/` in cleannews's own checkout. It is never the installed
package (site-packages): a module written there is untracked and lost on upgrade.

The arguments end up in generated Python source, so they are validated first: DOMAIN
must be a hostname, the site an identifier, the case a plain file name (no folder, no
`..`, so it stays in the fixtures folder); strings are written with `repr()`.
Nothing is overwritten unless `--force`.
"""

from __future__ import annotations

import argparse
import configparser
import keyword
import os
import re
import shutil
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from cleannews.models import PAGE_SUFFIXES
from cleannews.text import ends_with_full_stop

#: Second-level labels under which a country code registers names (bbc.co.uk).
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}
#: How many kept-but-short blocks to list as hints in the new module.
MAX_HINTS = 12
HINT_MAX_CHARS = 70
#: A DNS label (RFC 1123): letters, digits, inner hyphens, at most 63 characters.
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
#: The longest hostname DNS allows (RFC 1035).
MAX_HOST_CHARS = 253
#: A case name: a plain file name stem (no separator, no leading dot, so never `..`).
_CASE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
MAX_CASE_CHARS = 100
#: Where installers put packages: new-site never writes below these folders.
_INSTALL_DIRS = ("site-packages", "dist-packages")


class ScaffoldError(ValueError):
    """An argument new-site refuses (not a hostname, a case outside the fixtures folder, no
    project to write into); the message says what to pass instead."""


def site_name(domain: str) -> str:
    """The site's identifier from its domain: "www.bbc.co.uk" -> "bbc", "republicworld.com" -> "republicworld"."""
    host = re.sub(r"^[a-z]+://", "", domain.strip().lower()).split("/")[0].split(":")[0]
    labels = [x for x in host.split(".") if x and x != "www"]
    if len(labels) > 1:
        labels.pop()
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    name = re.sub(r"\W+", "_", labels[-1] if labels else "site").strip("_") or "site"
    if name[0].isdigit() or keyword.iskeyword(name):
        name = "site_" + name
    return name


def host_of(domain: str) -> str:
    host = re.sub(r"^[a-z]+://", "", domain.strip().lower()).split("/")[0].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def valid_host(domain: str) -> str:
    """The hostname of DOMAIN (scheme, path, port and "www." dropped), or ScaffoldError.

    Only a real hostname passes (dot-separated DNS labels, a non-numeric last label;
    an internationalised name is converted to its ASCII form), so nothing but letters,
    digits, dots and hyphens ever reaches the generated module.
    """
    host = host_of(domain)
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        ascii_host = ""
    labels = ascii_host.split(".")
    if (
        not ascii_host
        or len(ascii_host) > MAX_HOST_CHARS
        or len(labels) < 2
        or not all(_LABEL.fullmatch(x) for x in labels)
        or labels[-1].isdigit()
    ):
        raise ScaffoldError(f"DOMAIN must be a hostname such as example-news.com, not {domain!r}")
    return ascii_host


def valid_case(case: str) -> str:
    """A case name that stays a plain file name inside the site's fixtures folder, or ScaffoldError."""
    if len(case) > MAX_CASE_CHARS or not _CASE.fullmatch(case):
        raise ScaffoldError(
            f"--case must be a plain name (letters, digits, '-', '_', inner dots; no folder, no '..'), not {case!r}"
        )
    return case


def _installed(path: Path) -> bool:
    """Whether `path` lies in an installation folder (site-packages and the interpreter's lib dirs)."""
    resolved = path.resolve()
    if any(part in _INSTALL_DIRS for part in resolved.parts):
        return True
    for key in ("purelib", "platlib"):
        lib = Path(sysconfig.get_paths()[key]).resolve()
        if resolved == lib or lib in resolved.parents:
            return True
    return False


@dataclass(frozen=True)
class Project:
    """The project new-site writes into: its root, the cleaner folder and the fixtures folder."""

    root: Path
    dest: Path
    fixtures: Path
    #: The ini key that opts the project in to the pytest plugin is set.
    opted_in: bool
    #: The cleaner folder is cleannews's own sites package (no entry point needed).
    builtin: bool


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data: dict[str, Any] = tomllib.load(f)
            return data
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ScaffoldError(f"{path}: {exc}") from None


def _ini_fixtures(root: Path, pyproject: dict[str, Any]) -> str | None:
    """The project's `cleannews_fixtures` ini value (pytest.ini, pyproject, tox.ini, setup.cfg), if set."""
    for name, section in (("pytest.ini", "pytest"), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        path = root / name
        if path.is_file():
            parser = configparser.ConfigParser()
            try:
                parser.read(path, encoding="utf8")
            except (configparser.Error, UnicodeDecodeError):
                continue
            if parser.has_option(section, "cleannews_fixtures"):
                return parser.get(section, "cleannews_fixtures").strip() or None
    value = pyproject.get("tool", {}).get("pytest", {}).get("ini_options", {}).get("cleannews_fixtures")
    return str(value).strip() or None if value else None


def _entry_point_package(root: Path, pyproject: dict[str, Any]) -> Path | None:
    """The folder of the package the project's `cleannews.cleaners` entry point names."""
    eps = pyproject.get("project", {}).get("entry-points", {}).get("cleannews.cleaners", {})
    for value in eps.values() if isinstance(eps, dict) else ():
        module = str(value).split(":")[0].strip()
        rel = Path(*module.split("."))
        for base in (root / "src", root):
            if (base / rel / "__init__.py").is_file():
                return base / rel
            if (base / rel).with_suffix(".py").is_file():
                raise ScaffoldError(
                    f"the cleannews.cleaners entry point names the module {module!r}: make it a package "
                    "(a folder with __init__.py) so new site modules in it are found, or pass --dest"
                )
    return None


def find_project(start: Path, *, need_dest: bool = True) -> Project:
    """The project around `start` (the nearest pyproject.toml up the tree) and where new-site writes in it.

    With `need_dest=False` (the caller has its own --dest) a project without an entry point
    is fine: only its fixtures folder is wanted.
    """
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file():
            root = folder
            break
    else:
        raise ScaffoldError(
            "no pyproject.toml in the current folder or above: run new-site inside your plugin project, "
            "or pass --dest (the cleaner's folder) and --fixtures"
        )
    pyproject = _read_toml(root / "pyproject.toml")
    ini = _ini_fixtures(root, pyproject)
    fixtures = root / (ini or "fixtures")
    own = root / "src" / "cleannews" / "cleaners" / "sites"
    if pyproject.get("project", {}).get("name") == "cleannews" and (own / "__init__.py").is_file():
        return Project(root, own, fixtures, ini is not None, builtin=True)
    dest = _entry_point_package(root, pyproject)
    if dest is None and not need_dest:
        dest = root
    if dest is None:
        raise ScaffoldError(
            f"{root / 'pyproject.toml'} declares no cleannews.cleaners entry point naming a package; add one,\n"
            '  [project.entry-points."cleannews.cleaners"]\n'
            '  my_sites = "my_package.sites"      # a package: every cleaner in its modules is registered\n'
            "create that package, `pip install -e .`, and run new-site again; or pass --dest"
        )
    return Project(root, dest, fixtures, ini is not None, builtin=False)


def default_url(host: str, case: str, canonical: str | None) -> str:
    """The url a new case runs with: the page's own (canonical) url when it is on the site,
    else a made-up article url on the site, so the site cleaner (matched by domain) applies."""
    if canonical:
        parts = urlsplit(canonical)
        h = (parts.hostname or "").lower()
        if parts.scheme in ("http", "https") and (h == host or h.endswith("." + host)):
            return canonical
    return f"https://{host}/{case}"


def case_slug(page: Path) -> str:
    stem = page.name
    for suffix in (".gz", *PAGE_SUFFIXES):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "case"


def class_name(site: str) -> str:
    return "".join(p.capitalize() for p in re.split(r"[_\W]+", site) if p) or "Site"


def _hints(trace: object) -> list[str]:
    """Short blocks the generic pipeline kept: where site furniture usually hides."""
    from cleannews.pipeline import Trace

    assert isinstance(trace, Trace)
    out = []
    for i in trace.selection.kept:
        b = trace.document.blocks[i]
        if len(b.text) <= HINT_MAX_CHARS and not ends_with_full_stop(b.text):
            where = b.path.rsplit("/", 2)[-2:] if b.path else [f"line {b.line}"]
            out.append(f"#   {b.text!r:<{HINT_MAX_CHARS + 2}} {'/'.join(where)}")
        if len(out) >= MAX_HINTS:
            break
    return out


def _literal(text: str) -> str:
    """A Python string literal for `text`: double-quoted when plainly safe, else repr()."""
    return f'"{text}"' if re.fullmatch(r"[\w.\-]*", text, re.ASCII) else repr(text)


def module_source(site: str, domain: str, kind: str, hints: list[str]) -> str:
    hint_text = "\n".join("    " + h for h in hints) if hints else "    # (none: the generic pipeline kept only sentences)"
    kinds = '("html",)' if kind == "html" else '("text", "markdown")'
    rule_doc = (
        "    # CSS selectors: every block inside a matching element is removed.\n"
        "    remove = ()\n"
        if kind == "html"
        else ""
    )
    # `site` is an identifier and `domain` a validated hostname (new_site checks both), and
    # every string is written with repr(): nothing from the command line can become code.
    if not site.isidentifier() or keyword.iskeyword(site):
        raise ScaffoldError(f"site name {site!r} is not a Python identifier")
    domain = valid_host(domain)
    return f'''"""{domain}: site cleaner.

Fixtures: fixtures/{site}/ (`pytest fixtures/{site}`; `pytest --cleannews-update` after a
reviewed change). `cleannews explain PAGE --url https://{domain}/... -o report.html`
shows which rule removed what.
"""

from __future__ import annotations

from cleannews.cleaners.base import SITE_PRIORITY, Cleaner
from cleannews.cleaners.registry import register

# For rules a selector or a line pattern cannot say, override
#     def extra(self, doc, removed): yield Removal(block.index, self.name, "why", role=None)
# with `from cleannews.models import Removal` (docs/adding-a-site.md, step 3).


@register
class {class_name(site)}(Cleaner):
    name = {_literal("site." + site)}
    site = {_literal(site)}
    domains = ({_literal(domain)},)
    # Regexes that recognise the site's own pages when no url is given (page furniture).
    markers = ()
    kinds = {kinds}
    priority = SITE_PRIORITY
{rule_doc}    # Whole-line regexes (case-insensitive): a block whose whole text matches is removed.
    drop_lines = ()

    # Short blocks the generic pipeline kept on the first fixture (text, element):
{hint_text}
'''


@dataclass(frozen=True)
class Scaffold:
    """What new-site wrote, the url the case runs with, and the project it wrote into."""

    site: str
    module: Path
    page: Path
    expected: Path
    url: str
    project: Project | None = None


def new_site(
    domain: str,
    page: Path,
    *,
    fixtures: Path | None = None,
    dest: Path | None = None,
    case: str | None = None,
    url: str | None = None,
    site: str | None = None,
    force: bool = False,
    cwd: Path | None = None,
) -> Scaffold:
    """Write the cleaner module, the fixture page and its expectation; return their paths.

    `dest` and `fixtures` default to the project around `cwd` (see `find_project`);
    raises ScaffoldError for an argument that is not safe to write (see the module doc).
    """
    from cleannews.cli import kind_from_name, read_input
    from cleannews.pipeline import run
    from cleannews.testing import cases

    host = valid_host(domain)
    site = site or site_name(host)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", site) or keyword.iskeyword(site):
        raise ScaffoldError(f"site name {site!r} is not a Python identifier")
    case = valid_case(case) if case is not None else case_slug(page)
    if url is not None and urlsplit(url).scheme not in ("http", "https"):
        raise ScaffoldError(f"--url must be an http(s) url, not {url!r}")
    project = None
    if dest is None or fixtures is None:
        project = find_project(cwd or Path.cwd(), need_dest=dest is None)
    dest = dest if dest is not None else project.dest  # type: ignore[union-attr]
    fixtures = fixtures if fixtures is not None else project.fixtures  # type: ignore[union-attr]
    if _installed(dest):
        raise ScaffoldError(
            f"{dest} is inside an installed package (site-packages): a module written there is untracked and "
            "lost on upgrade; write into your project (run new-site there, or pass --dest)"
        )

    data = read_input(str(page))
    kind = kind_from_name(str(page))
    trace = run(data, url=url, kind=kind)  # type: ignore[arg-type]
    kind = trace.document.page.kind
    url = url or default_url(host, case, trace.article.url)
    suffix = next(s for s, k in PAGE_SUFFIXES.items() if k == kind)

    folder = fixtures / site
    module = dest / f"{site}.py"
    page_copy = folder / f"{case}{suffix}"
    if page_copy.resolve().parent != folder.resolve():  # belt and braces: valid_case already ensures it
        raise ScaffoldError(f"--case {case!r} would write outside {folder}")
    expected = cases.expected_path(page_copy)
    existing = [p for p in (module, page_copy, expected) if p.exists()]
    if existing and not force:
        raise FileExistsError("already there (use --force to overwrite): " + ", ".join(map(str, existing)))

    folder.mkdir(parents=True, exist_ok=True)
    dest.mkdir(parents=True, exist_ok=True)
    cases.write_atomic(module, module_source(site, host, kind, _hints(trace)))
    if page.suffix == ".gz" or str(page) == "-":
        page_copy.write_bytes(data)
    else:
        shutil.copyfile(page, page_copy)
    obtained = cases.obtain(page_copy, {"url": url, "kind": kind})
    cases.write_atomic(expected, cases.dumps(cases.refreshed({"url": url}, obtained)))
    return Scaffold(site, module, page_copy, expected, url, project)


def _shown(path: Path) -> str:
    """`path` relative to the current folder when it is below it (what a user would type)."""
    try:
        return os.path.relpath(path) if Path.cwd() in path.resolve().parents else str(path)
    except ValueError:
        return str(path)


def next_steps(s: Scaffold, *, dest_given: bool) -> str:
    """The "next:" hint: commands that work as printed, for where the files went."""
    folder = _shown(s.page.parent)
    lines = [
        "next:",
        f"  cleannews explain {_shown(s.page)} --url {s.url} -o report.html   # which block is kept, and why",
        f"  edit {_shown(s.module)}: rules `remove` (CSS) and `drop_lines` (regexes); see \"Adding a site\" in the docs",
    ]
    project = s.project
    if dest_given:
        lines += [
            "  register the module from your distribution's pyproject.toml, then `pip install -e .`:",
            '    [project.entry-points."cleannews.cleaners"]',
            f'    {s.site} = "<your_package>.{s.site}"',
        ]
    if project is not None and not project.opted_in:
        rel = os.path.relpath(s.page.parent.parent, project.root)
        lines += [
            "  opt the project in to the cleannews pytest plugin (pyproject.toml):",
            "    [tool.pytest.ini_options]",
            f'    cleannews_fixtures = "{Path(rel).as_posix()}"',
        ]
    opt = "" if project is not None and project.opted_in else f" --cleannews-fixtures {_shown(s.page.parent.parent)}"
    lines.append(f"  pytest {folder}{opt} --cleannews-update && git diff {folder}   # after each reviewed change")
    return "\n".join(lines) + "\n"


def cmd_new_site(args: argparse.Namespace, out: TextIO) -> int:
    from cleannews.errors import CleannewsError

    try:
        s = new_site(
            args.domain, Path(args.page), fixtures=Path(args.fixtures) if args.fixtures else None,
            dest=Path(args.dest) if args.dest else None, case=args.case, url=args.url, site=args.site, force=args.force,
        )
    except (OSError, ValueError, CleannewsError) as exc:
        print(f"cleannews new-site: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    out.write(
        f"wrote {_shown(s.module)}\n"
        f"wrote {_shown(s.page)}\n"
        f"wrote {_shown(s.expected)}  <- review it: keep only what is right\n"
        + next_steps(s, dest_given=bool(args.dest))
    )
    return 0


def register_new_site(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new-site", help="scaffold a site cleaner with its first fixture")
    p.add_argument("domain", metavar="DOMAIN", help="the site's domain, e.g. example-news.com")
    p.add_argument("page", metavar="PAGE", help="a saved page of the site (.html, .txt, .md, .gz)")
    p.add_argument(
        "--dest",
        help="folder for the cleaner module (default: the package named by the cleannews.cleaners entry point "
        "of the project around the current folder; never site-packages)",
    )
    p.add_argument("--fixtures", help="fixtures folder (default: the project's cleannews_fixtures ini value, or fixtures/)")
    p.add_argument("--case", help="case name (default: from the page's file name)")
    p.add_argument("--site", help="site identifier (default: from the domain)")
    p.add_argument(
        "--url", help="the page's url, stored in the expectation (default: its canonical url on DOMAIN, else https://DOMAIN/CASE)"
    )
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(func=cmd_new_site)

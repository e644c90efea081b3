"""`cleannews new-site DOMAIN PAGE`: the first draft of a site cleaner and its fixture.

Writes
- `<dest>/<site>.py`: a Cleaner for DOMAIN with empty rules and, as comments, the
  short blocks the generic pipeline kept (the usual furniture to target);
  `<dest>` defaults to `cleannews/cleaners/sites/` (use `--dest` for your own package);
- `<fixtures>/<site>/<case><ext>`: a copy of the page;
- `<fixtures>/<site>/<case>.expected.json`: what cleannews extracts today, with the
  url, for you to review (delete the keys that are wrong, fix the cleaner, then
  `pytest --cleannews-update`).

Nothing is overwritten unless `--force`.
"""

from __future__ import annotations

import argparse
import keyword
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from cleannews.models import PAGE_SUFFIXES
from cleannews.text import ends_with_full_stop

#: Second-level labels under which a country code registers names (bbc.co.uk).
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}
#: How many kept-but-short blocks to list as hints in the new module.
MAX_HINTS = 12
HINT_MAX_CHARS = 70


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


def module_source(site: str, domain: str, kind: str, hints: list[str]) -> str:
    hint_text = "\n".join("    " + h for h in hints) if hints else "    # (none: the generic pipeline kept only sentences)"
    kinds = '("html",)' if kind == "html" else '("text", "markdown")'
    rule_doc = (
        "    # CSS selectors: every block inside a matching element is removed.\n"
        "    remove = ()\n"
        if kind == "html"
        else ""
    )
    return f'''"""{domain}: site cleaner.

Fixtures: fixtures/{site}/ (`pytest fixtures/{site}`; `pytest --cleannews-update` after a
reviewed change). `cleannews explain PAGE --url https://{domain}/... -o report.html`
shows which rule removed what.
"""

from __future__ import annotations

from cleannews.cleaners.base import SITE_PRIORITY, Cleaner
from cleannews.cleaners.registry import register


@register
class {class_name(site)}(Cleaner):
    name = "site.{site}"
    site = "{site}"
    domains = ("{domain}",)
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
    site: str
    module: Path
    page: Path
    expected: Path


def new_site(
    domain: str,
    page: Path,
    *,
    fixtures: Path = Path("fixtures"),
    dest: Path | None = None,
    case: str | None = None,
    url: str | None = None,
    site: str | None = None,
    force: bool = False,
) -> Scaffold:
    """Write the cleaner module, the fixture page and its expectation; return their paths."""
    from cleannews.cli import kind_from_name, read_input
    from cleannews.pipeline import run
    from cleannews.testing import cases

    host = host_of(domain)
    site = site or site_name(host)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", site):
        raise ValueError(f"site name {site!r} is not a Python identifier")
    if dest is None:
        import cleannews.cleaners.sites as sites_pkg

        dest = Path(sites_pkg.__file__).parent
    data = read_input(str(page))
    kind = kind_from_name(str(page))
    url = url or f"https://{host}/"
    trace = run(data, url=url, kind=kind)  # type: ignore[arg-type]
    kind = trace.document.page.kind
    suffix = next(s for s, k in PAGE_SUFFIXES.items() if k == kind)

    folder = fixtures / site
    case = case or case_slug(page)
    module = dest / f"{site}.py"
    page_copy = folder / f"{case}{suffix}"
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
    return Scaffold(site, module, page_copy, expected)


def cmd_new_site(args: argparse.Namespace, out: TextIO) -> int:
    from cleannews.errors import CleannewsError

    try:
        s = new_site(
            args.domain, Path(args.page), fixtures=Path(args.fixtures), dest=Path(args.dest) if args.dest else None,
            case=args.case, url=args.url, site=args.site, force=args.force,
        )
    except (OSError, ValueError, CleannewsError) as exc:
        print(f"cleannews new-site: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    out.write(
        f"wrote {s.module}\n"
        f"wrote {s.page}\n"
        f"wrote {s.expected}  <- review it: keep only what is right\n"
        "next:\n"
        f"  cleannews explain {s.page} --url https://{host_of(args.domain)}/ -o report.html\n"
        f"  edit {s.module}, then: pytest {s.page.parent} --cleannews-update && git diff {s.page.parent}\n"
    )
    if args.dest:
        out.write(
            "register the module from your distribution's pyproject.toml:\n"
            '  [project.entry-points."cleannews.cleaners"]\n'
            f"  {s.site} = \"<your_package>.{s.site}\"\n"
        )
    return 0


def register_new_site(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new-site", help="scaffold a site cleaner with its first fixture")
    p.add_argument("domain", metavar="DOMAIN", help="the site's domain, e.g. example-news.com")
    p.add_argument("page", metavar="PAGE", help="a saved page of the site (.html, .txt, .md, .gz)")
    p.add_argument("--dest", help="folder for the cleaner module (default: cleannews/cleaners/sites)")
    p.add_argument("--fixtures", default="fixtures", help="fixtures folder (default: ./fixtures)")
    p.add_argument("--case", help="case name (default: from the page's file name)")
    p.add_argument("--site", help="site identifier (default: from the domain)")
    p.add_argument("--url", help="the page's url, stored in the expectation (default: https://DOMAIN/)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(func=cmd_new_site)

"""The cleaner registry and the cleaning stage.

Cleaners come from entry points of the group `cleannews.cleaners`: the built-in
packages `cleannews.cleaners.generic` and `cleannews.cleaners.sites` are loaded as
two such entry points, through the same code as third-party distributions' ones, and
`register()` calls add more. A `Registry` is filled once, on first use, under its
lock; each `extract` call takes an immutable, sorted snapshot, so the order (site
cleaners first, then generic, by priority and name) and hence the output never depend
on import order or on other threads.

An entry point may name a Cleaner class or instance, a list of them, or a module (or
package): every named Cleaner class or instance defined at the top level of that
module (and, for a package, of its submodules) is registered. A third-party plugin
that fails to import, or brings a name that is already taken, is skipped with a
warning: a broken plugin must not break extraction. Two built-in cleaners with one
name, or a second `register()` of a taken name, is a `CleanerError`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import threading
import warnings
from dataclasses import dataclass
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar, Union, cast

from cleannews.cleaners.base import Cleaner
from cleannews.errors import CleanerError
from cleannews.models import Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.cleaners.base import CleanerFunction
    from cleannews.document import Document

ENTRY_POINT_GROUP = "cleannews.cleaners"
#: The built-in cleaner packages, loaded as entry points of ENTRY_POINT_GROUP.
BUILTIN_PACKAGES = ("cleannews.cleaners.generic", "cleannews.cleaners.sites")

C = TypeVar("C", bound=Union[Cleaner, type])
CleanerSpec = Union[Cleaner, "type[Cleaner]", str, Callable[..., object]]


@dataclass(frozen=True)
class SkippedPlugin:
    """A `cleannews.cleaners` entry point the registry could not take, and why."""

    name: str
    value: str
    error: str


def _instance(obj: object) -> Cleaner:
    if isinstance(obj, type) and issubclass(obj, Cleaner):
        return obj()
    if isinstance(obj, Cleaner):
        return obj
    raise CleanerError(f"not a Cleaner: {obj!r}")


def _identity(c: Cleaner) -> tuple[str, str]:
    t = type(c)
    return (t.__module__, t.__qualname__)


def builtin_entry_points() -> list[EntryPoint]:
    return [EntryPoint(name=f"cleannews.{p.rsplit('.', 1)[-1]}", value=p, group=ENTRY_POINT_GROUP) for p in BUILTIN_PACKAGES]


def installed_entry_points() -> list[EntryPoint]:
    """Third-party entry points of ENTRY_POINT_GROUP, in a stable order."""
    eps = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value))
    builtin = set(BUILTIN_PACKAGES)
    return [ep for ep in eps if ep.value not in builtin]


def default_sources() -> list[EntryPoint]:
    return builtin_entry_points() + installed_entry_points()


def _module_cleaners(module: ModuleType) -> list[Cleaner]:
    """Named cleaners defined at the top level of `module` and, for a package, its submodules."""
    mods = [module]
    if hasattr(module, "__path__"):
        for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda m: m.name):
            mods.append(importlib.import_module(f"{module.__name__}.{info.name}"))
    found: list[Cleaner] = []
    for mod in mods:
        for _, obj in sorted(vars(mod).items()):
            if inspect.isclass(obj) and issubclass(obj, Cleaner) and obj.__module__ == mod.__name__:
                if obj.__dict__.get("name"):  # a class that only inherits a name is a helper base
                    found.append(obj())
            elif isinstance(obj, Cleaner) and obj.name and type(obj).__module__ == mod.__name__:
                found.append(obj)
    return found


def _entry_point_cleaners(ep: EntryPoint) -> list[Cleaner]:
    obj = ep.load()
    if isinstance(obj, ModuleType):
        return _module_cleaners(obj)
    if isinstance(obj, (list, tuple)):
        return [_instance(o) for o in obj]
    return [_instance(obj)]


class Registry:
    """A set of cleaners by unique name, filled from `sources` on first use.

    `sources` returns the entry points to load (default: the built-in packages, then
    the installed `cleannews.cleaners` entry points). The module-level functions use
    one default instance; tests build their own.
    """

    def __init__(self, sources: Callable[[], Iterable[EntryPoint]] | None = None) -> None:
        self._sources = sources or default_sources
        self._lock = threading.RLock()
        self._cleaners: dict[str, Cleaner] = {}
        self._loaded = False
        self._loading = False
        self._skipped: list[SkippedPlugin] = []

    def _add(self, inst: Cleaner, into: dict[str, Cleaner]) -> None:
        if not inst.name:
            raise CleanerError(f"{inst!r} has no name")
        old = into.get(inst.name)
        if old is not None and _identity(old) != _identity(inst):
            raise CleanerError(f"two cleaners are named {inst.name!r}: {old!r} ({_identity(old)[0]}) and {inst!r} ({_identity(inst)[0]})")
        into[inst.name] = inst

    def register(self, cleaner: C) -> C:
        """Register a Cleaner subclass or instance; usable as a class decorator.

        A second cleaner with the same name is a CleanerError unless it is the same
        class (re-importing a module must not fail).
        """
        inst = _instance(cleaner)
        with self._lock:
            self._add(inst, self._cleaners)
        return cleaner

    def unregister(self, name: str) -> None:
        with self._lock:
            self._cleaners.pop(name, None)

    def _load(self) -> None:
        for ep in self._sources():
            builtin = ep.value.split(":")[0] in BUILTIN_PACKAGES
            before = dict(self._cleaners)  # a module's own register() calls land here while it imports
            try:
                found = _entry_point_cleaners(ep)
                staged = dict(self._cleaners)
                for inst in found:
                    self._add(inst, staged)
            except Exception as exc:
                self._cleaners = before
                if builtin:
                    raise
                self._skipped.append(SkippedPlugin(ep.name, ep.value, f"{type(exc).__name__}: {exc}"))
                warnings.warn(
                    f"cleannews: cleaner plugin {ep.name!r} ({ep.value}) skipped: {type(exc).__name__}: {exc}",
                    RuntimeWarning,
                    stacklevel=4,
                )
                continue
            self._cleaners = staged  # a plugin is taken whole or not at all

    def cleaners(self) -> tuple[Cleaner, ...]:
        """All registered cleaners, in the order they run."""
        with self._lock:
            if not self._loaded and not self._loading:
                self._loading = True
                try:
                    self._load()
                    self._loaded = True
                finally:
                    self._loading = False
            return tuple(sorted(self._cleaners.values(), key=Cleaner.sort_key))

    def skipped_plugins(self) -> tuple[SkippedPlugin, ...]:
        """The third-party entry points that were skipped (failed to import, or a taken name).

        Extraction goes on without them (a warning says so); the pytest plugin turns each
        into a failing test, since a fixture run without its cleaner proves nothing.
        """
        self.cleaners()
        with self._lock:
            return tuple(self._skipped)

    def site_cleaners(self) -> tuple[Cleaner, ...]:
        return tuple(c for c in self.cleaners() if c.is_site)

    def resolve(self, cleaners: Iterable[CleanerSpec] | None = None) -> tuple[Cleaner, ...]:
        """The cleaners for one call: the registered ones, plus added ones, less disabled ones.

        `cleaners` items: a Cleaner (class or instance) or a plain function (wrapped
        with `Cleaner.from_function`, named after it) is added for this call only; a
        string "-name" disables the registered cleaner of that name; the string "none"
        starts from no registered cleaner at all.
        """
        base = list(self.cleaners())
        if not cleaners:
            return tuple(base)
        extra: list[Cleaner] = []
        disabled: set[str] = set()
        for item in cleaners:
            if isinstance(item, str):
                if item == "none":
                    base = []
                elif item.startswith("-") and len(item) > 1:
                    disabled.add(item[1:])
                else:
                    raise CleanerError(f"unknown cleaner directive {item!r} (use '-name' or 'none')")
            elif isinstance(item, (Cleaner, type)):
                extra.append(_instance(item))
            elif callable(item):
                extra.append(Cleaner.from_function(getattr(item, "__name__", "function"), cast("CleanerFunction", item)))
            else:
                raise CleanerError(f"not a Cleaner: {item!r}")
        known = {c.name for c in base} | {c.name for c in extra}
        unknown = disabled - known
        if unknown:
            raise CleanerError(f"cannot disable unknown cleaners: {sorted(unknown)}")
        merged = {c.name: c for c in base if c.name not in disabled}
        merged.update({c.name: c for c in extra if c.name not in disabled})
        return tuple(sorted(merged.values(), key=Cleaner.sort_key))


default_registry = Registry()


def register(cleaner: C) -> C:
    """Register a Cleaner subclass or instance in the default registry (a class decorator too)."""
    return default_registry.register(cleaner)


def registered_cleaners() -> tuple[Cleaner, ...]:
    """All registered cleaners, in the order they run."""
    return default_registry.cleaners()


def resolve(cleaners: Iterable[CleanerSpec] | None = None) -> tuple[Cleaner, ...]:
    """The cleaners for one call (see `Registry.resolve`)."""
    return default_registry.resolve(cleaners)


def run_cleaners(doc: Document, cleaners: Iterable[Cleaner]) -> dict[int, Removal]:
    """The cleaning stage: each applicable cleaner in order; the first removal of a block wins."""
    removed: dict[int, Removal] = {}
    for cleaner in cleaners:
        if not cleaner.applies(doc):
            continue
        view: Mapping[int, Removal] = removed
        for r in cleaner.clean(doc, view):
            removed.setdefault(r.index, r)
    return removed

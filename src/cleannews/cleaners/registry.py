"""The cleaner registry and the cleaning stage.

Cleaners come from three places: the built-in modules under `cleaners/generic/` and
`cleaners/sites/`, third-party distributions through the entry point group
`cleannews.cleaners`, and `register()` calls. The registry is filled once, on first
use, under a lock; each `extract` call takes an immutable, sorted snapshot, so the
order (site cleaners first, then generic, by priority and name) and hence the output
never depend on import order or on other threads.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
import warnings
from collections.abc import Iterable, Mapping
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, TypeVar, Union

from cleannews.cleaners.base import Cleaner
from cleannews.errors import CleanerError
from cleannews.models import Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

ENTRY_POINT_GROUP = "cleannews.cleaners"

C = TypeVar("C", bound=Union[Cleaner, type])

_lock = threading.RLock()
_cleaners: dict[str, Cleaner] = {}
_loaded = False


def _instance(obj: object) -> Cleaner:
    if isinstance(obj, type) and issubclass(obj, Cleaner):
        return obj()
    if isinstance(obj, Cleaner):
        return obj
    raise CleanerError(f"not a Cleaner: {obj!r}")


def register(cleaner: C) -> C:
    """Register a Cleaner subclass or instance; usable as a class decorator.

    A second cleaner with the same name is an error unless it is the same class
    (re-importing a module must not fail).
    """
    inst = _instance(cleaner)
    if not inst.name:
        raise CleanerError(f"{cleaner!r} has no name")
    with _lock:
        old = _cleaners.get(inst.name)
        if old is not None and type(old) is not type(inst):
            raise CleanerError(f"two cleaners are named {inst.name!r}: {old!r} and {inst!r}")
        _cleaners[inst.name] = inst
    return cleaner


def _load_builtins() -> None:
    from cleannews.cleaners import generic, sites

    for pkg in (generic, sites):
        for mod in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
            importlib.import_module(f"{pkg.__name__}.{mod.name}")


def _load_entry_points() -> None:
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not break extraction
            warnings.warn(f"cleannews: cleaner plugin {ep.name!r} failed to load: {exc}", stacklevel=2)
            continue
        if isinstance(obj, type) and issubclass(obj, Cleaner) or isinstance(obj, Cleaner):
            if _instance(obj).name not in _cleaners:
                register(obj)
        elif isinstance(obj, (list, tuple)):
            for item in obj:
                if _instance(item).name not in _cleaners:
                    register(item)
        # a module entry point registers its cleaners on import


def registered_cleaners() -> tuple[Cleaner, ...]:
    """All registered cleaners, in the order they run."""
    global _loaded
    with _lock:
        if not _loaded:
            _loaded = True
            _load_builtins()
            _load_entry_points()
        return tuple(sorted(_cleaners.values(), key=Cleaner.sort_key))


def resolve(
    cleaners: Iterable[Cleaner | type[Cleaner] | str] | None = None,
) -> tuple[Cleaner, ...]:
    """The cleaners for one call: the registered ones, plus added ones, less disabled ones.

    `cleaners` items: a Cleaner (class or instance) is added for this call only; a
    string "-name" disables the registered cleaner of that name; the string "none"
    starts from no registered cleaner at all.
    """
    base = list(registered_cleaners())
    if not cleaners:
        return tuple(base)
    extra: list[Cleaner] = []
    disabled: set[str] = set()
    for item in cleaners:
        if isinstance(item, str):
            if item == "none":
                base = []
            elif item.startswith("-"):
                disabled.add(item[1:])
            else:
                raise CleanerError(f"unknown cleaner directive {item!r} (use '-name' or 'none')")
        else:
            extra.append(_instance(item))
    known = {c.name for c in base} | {c.name for c in extra}
    unknown = disabled - known
    if unknown:
        raise CleanerError(f"cannot disable unknown cleaners: {sorted(unknown)}")
    merged = {c.name: c for c in base if c.name not in disabled}
    merged.update({c.name: c for c in extra if c.name not in disabled})
    return tuple(sorted(merged.values(), key=Cleaner.sort_key))


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

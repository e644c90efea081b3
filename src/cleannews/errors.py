"""Typed errors: bad input gets one of these, never a raw crash."""

from __future__ import annotations


class CleannewsError(Exception):
    """Base of every error cleannews raises on purpose."""


class InputError(CleannewsError, ValueError):
    """The input cannot be read as a page (wrong type, undecodable, unknown kind)."""


class EmptyInputError(InputError):
    """The input holds no text at all."""


class BinaryInputError(InputError):
    """The input is binary data (an image, a PDF, random bytes), not a page."""


class PageTooLarge(InputError):
    """The page is over a size cap (bytes, characters, tags or lines) set where work
    would outgrow any sane time or memory budget; raise the cap to try it anyway."""


class TimeBudgetExceeded(CleannewsError, TimeoutError):
    """Extraction of one page ran past its time budget."""


class CleanerError(CleannewsError):
    """A cleaner is badly defined (duplicate name, bad selector)."""

"""Pluggable cleaners: site-specific first, then generic; each removal has a reason."""

from cleannews.cleaners.base import Cleaner
from cleannews.cleaners.registry import register, registered_cleaners, resolve, run_cleaners

__all__ = ["Cleaner", "register", "registered_cleaners", "resolve", "run_cleaners"]

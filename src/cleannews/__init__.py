"""cleannews: turn a news page (HTML, plain text or Markdown) into a clean Article."""

from cleannews.api import Config, Limits, Result, Source, extract, extract_many
from cleannews.cleaners import Cleaner, register
from cleannews.models import Article, BlockKind, BodyBlock, Image, Quote

__all__ = [
    "Article",
    "BlockKind",
    "BodyBlock",
    "Cleaner",
    "Config",
    "Image",
    "Limits",
    "Quote",
    "Result",
    "Source",
    "extract",
    "extract_many",
    "register",
]
__version__ = "0.1.0"

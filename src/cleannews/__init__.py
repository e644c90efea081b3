"""cleannews: turn a news page (HTML, plain text or Markdown) into a clean Article."""

from cleannews.api import extract
from cleannews.cleaners import Cleaner, register
from cleannews.models import Article, BlockKind, BodyBlock, Image, Quote

__all__ = ["Article", "BlockKind", "BodyBlock", "Cleaner", "Image", "Quote", "extract", "register"]
__version__ = "0.1.0"

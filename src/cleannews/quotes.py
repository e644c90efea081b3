"""Direct quotations in the body and who said them. Placeholder until it lands."""

from __future__ import annotations

from cleannews.models import Quote


def find_quotes(body: str) -> tuple[Quote, ...]:
    return ()

"""Words several stages read, kept where no stage owns them.

The generic "Related" cleaner and the scorers' end-of-article rules both know what a
teaser section's heading says; the scorer importing it from a cleaner tied the two
stages together, so it lives here, joined from each language's `RelatedWords` in
`cleannews.lang` (add a language's headings there).
"""

from __future__ import annotations

import re

from cleannews.lang import RELATED

#: Headings that open a "Related" / "Recommended" / "Read next" teaser section, as
#: CMSs print them, in every language of `cleannews.lang` (read whole: `fullmatch`).
RELATED_HEADING = re.compile(
    "(?:" + "|".join(h for words in RELATED.values() for h in words.headings) + r")\W*",
    re.IGNORECASE,
)
#: A teaser heading is short; a real sub-heading that starts with "More" is longer.
MAX_HEADING_CHARS = 60

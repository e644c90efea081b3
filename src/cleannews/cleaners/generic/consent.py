"""Consent managers' dialogs: the cookie banner and preference centre a consent-manager
platform injects into the page (OneTrust, Didomi, Usercentrics, Cookiebot, Quantcast,
Sourcepoint, Funding Choices, Complianz, CookieYes, Osano, TrustArc...). Their text is
prose ("If you are a California consumer, you have the right...") that a block scorer
can take for an article's, and is never the page's content.

The dialogs are recognised by the root elements' class or id, which are the vendors'
own (one list here, not one file a site): every block under such an element goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from cleannews.cleaners.base import Cleaner
from cleannews.cleaners.registry import register
from cleannews.models import Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

#: The class/id tokens of consent managers' dialog roots (whole tokens of the element's
#: "class id" cues, lower-cased).
CONSENT_ROOT = re.compile(
    r"(?:^|\s)(?:onetrust-(?:consent-sdk|banner-sdk|pc-sdk|pc-dark-filter)|ot-sdk-container|ot-pc-content|ot-sdk-row|"
    r"didomi-(?:host|popup|notice|consent-popup)|usercentrics-root|cybotcookiebotdialog\w*|cmpbox|cmpboxbg|"
    r"qc-cmp2-(?:container|main|summary-section)|sp_message_container_\d+|fc-consent-root|"
    r"cmplz-cookiebanner(?:-container)?|cky-consent-(?:container|bar)|cookie-law-info-bar|cc-window|"
    r"truste_(?:overlay|box_overlay)|trustarc-banner\w*|osano-cm-window)(?:$|\s)"
)


@register
class ConsentDialogs(Cleaner):
    name = "generic.consent-dialogs"
    kinds = ("html",)

    def extra(self, doc: Document, removed: Mapping[int, Removal]) -> Iterable[Removal]:
        roots = {n for n, c in doc.node_cues.items() if CONSENT_ROOT.search(c)}
        if not roots:
            return []
        return [
            Removal(b.index, self.name, "inside a consent manager's dialog")
            for b in doc.blocks
            if b.index not in removed and (b.node in roots or any(a in roots for a in b.ancestors))
        ]

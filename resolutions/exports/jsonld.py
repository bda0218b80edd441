"""schema.org ``Legislation`` metadata for a resolution page, as JSON-LD.

In: a resolution (model instance) and the site's origin. Out: a dict, and the HTML-safe text
of a ``<script type="application/ld+json">`` data block (a data block runs no code, so a
strict Content-Security-Policy without 'unsafe-inline' still allows it; ``<``, ``>`` and
``&`` are written as JSON escapes so the text can never close the element).

Example::

    >>> safe_json({"name": "</script>"})
    '{"name": "\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import json

from resolutions.exports.links import absolute
from resolutions.templatetags.archive import official_url

_HTML_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def legislation(resolution, *, origin: str) -> dict:
    """The resolution as a schema.org ``Legislation``."""
    number = resolution.number
    url = absolute(resolution.get_absolute_url(), origin=origin)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": url,
        "url": url,
        "name": resolution.title or resolution.symbol,
        "legislationIdentifier": resolution.symbol,
        "legislationType": "Security Council resolution",
        "legislationPassedBy": {
            "@type": "Organization",
            "name": "United Nations Security Council",
            "url": "https://www.un.org/securitycouncil/",
        },
        "legislationJurisdiction": "United Nations",
        "inLanguage": "en",
        "sameAs": official_url(resolution.symbol),
        "isAccessibleForFree": True,
        "encoding": [
            {
                "@type": "LegislationObject",
                "encodingFormat": media_type,
                "contentUrl": absolute(f"/resolutions/{number}{suffix}", origin=origin),
            }
            for media_type, suffix in (
                ("application/json", ".json"),
                ("application/akn+xml", ".akn.xml"),
                ("text/plain", ".txt"),
            )
        ],
    }
    if resolution.title:
        data["alternateName"] = resolution.symbol
    if resolution.adopted_on:
        data["legislationDate"] = resolution.adopted_on.isoformat()
        data["datePublished"] = resolution.adopted_on.isoformat()
    if resolution.subjects:
        data["keywords"] = [str(subject) for subject in resolution.subjects]
    if resolution.addresses_trafficking:
        data["about"] = {"@type": "Thing", "name": "Trafficking in persons"}
    return data


def safe_json(data: dict) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element."""
    return json.dumps(data, ensure_ascii=False).translate(_HTML_ESCAPES)

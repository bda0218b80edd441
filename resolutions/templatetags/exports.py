"""Template tags for what the exports package puts into pages: schema.org JSON-LD and the
links to feeds and downloads of the current search.

Example::

    {% load exports %}{% legislation_json_ld resolution %}
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from resolutions.exports.jsonld import legislation, safe_json
from resolutions.exports.links import site_origin

register = template.Library()


@register.simple_tag(takes_context=True)
def legislation_json_ld(context, resolution) -> SafeString:
    """``<script type="application/ld+json">``: a data block, not code (CSP-safe)."""
    data = legislation(resolution, origin=site_origin(context.get("request")))
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(safe_json(data)))


@register.simple_tag(takes_context=True)
def search_export_query(context) -> str:
    """The current search's query string without ``page`` and ``sort`` (a feed and a CSV
    are not paged)."""
    request = context.get("request")
    if request is None:
        return ""
    query = request.GET.copy()
    for name in ("page",):
        query.pop(name, None)
    return query.urlencode()

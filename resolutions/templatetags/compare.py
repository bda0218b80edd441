"""One side of a comparison row as HTML: the paragraph's citation linked to its permalink, then
its text with the words removed (``<del>``) or added (``<ins>``).

Built here rather than with an include and loops in the template: S/RES/2231 (2015) has 1,508
paragraphs, and the template engine spent more than the whole alignment on them. Every piece of
text is escaped; only the tags are ours. Example::

    {% load compare %}
    {% compare_side row.later %}
    -> <p class="cmp__cite"><a href="/resolutions/2388/op12/">S/RES/2388 (2017), para. 12</a> ...
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.lineage.selectors import ComparedSide

register = template.Library()

TAGS = {"insert": "ins", "delete": "del"}


@register.simple_tag
def compare_side(side: ComparedSide) -> SafeString:
    pieces = []
    for change in side.pieces:
        tag = TAGS.get(change.op)
        text = escape(change.text)
        pieces.append(f"<{tag}>{text}</{tag}>" if tag else text)
    url = escape(side.url)
    return mark_safe(  # noqa: S308 -- every piece above is escaped
        f'<p class="cmp__cite"><a href="{url}">{escape(side.citation)}</a> '
        f'<span class="cmp__pid">{escape(side.paragraph.pid)}</span></p>'
        f'<p class="cmp__text">{" ".join(pieces)}</p>'
    )

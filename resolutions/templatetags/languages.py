"""Template helpers for paragraphs in other languages: the text escaped first, then its
italic stretches wrapped, and its sub-paragraphs listed (never ``|safe`` raw text)."""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _with_italics(text: str, emphasis) -> str:
    spans = sorted((int(a), int(b)) for a, b in (emphasis or []) if 0 <= a < b <= len(text))
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        out.append(escape(text[at:start]))
        out.append(f"<i>{escape(text[start:end])}</i>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _items(items) -> str:
    if not items:
        return ""
    rows = []
    for item in items:
        label = escape(item.get("label", ""))
        body = escape(item.get("text", "")) + _items(item.get("items"))
        rows.append(f'<li><span class="item-label">{label}</span> {body}</li>')
    return '<ul class="sub-items">' + "".join(rows) + "</ul>"


@register.simple_tag
def translated_body(cell: dict) -> SafeString:
    """A paragraph's text in one language: plain text with italics, or intro, items, outro."""
    structure = cell.get("structure")
    if structure and structure.get("items"):
        intro = escape(structure.get("intro", ""))
        outro = escape(structure.get("outro", ""))
        html = f"<p>{intro}</p>" if intro else ""
        html += _items(structure["items"])
        html += f"<p>{outro}</p>" if outro else ""
        return mark_safe(html)  # every piece escaped above
    return mark_safe(f"<p>{_with_italics(cell.get('text') or '', cell.get('emphasis'))}</p>")


@register.simple_tag
def hreflang_links(alternates) -> SafeString:
    return format_html_join(
        "\n  ",
        '<link rel="alternate" hreflang="{}" href="{}">',
        ((a["code"], a["url"]) for a in alternates),
    )

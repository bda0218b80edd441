"""A form field's control written straight to HTML, for the search form on every results page.

``{{ field }}`` renders a widget through Django's form templates: for the six filters that is
some forty template renders, two milliseconds of every search. ``form_control`` asks the widget
for the same context (value, attributes, options and which are selected) and writes the element
itself, with the same accessibility attributes as ``BoundField.as_widget``: ``aria-invalid``
and ``aria-describedby`` pointing at the error text (``{{ field.auto_id }}_error``).

Example::

    {% load controls %}
    <label for="{{ field.id_for_label }}">{{ field.label }}</label> {% form_control field %}
"""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def form_control(field: BoundField) -> SafeString:
    """An ``<input>`` or a ``<select>`` (with its options) for ``field``."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    if "optgroups" in context:
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _, group, _ in context["optgroups"]
                for option in group
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', context["name"], flatatt(context["attrs"]), options
        )
    value = context["value"]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        context["type"],
        context["name"],
        format_html(' value="{}"', value) if value not in (None, "") else "",
        flatatt(context["attrs"]),
    )

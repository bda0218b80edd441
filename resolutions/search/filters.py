"""The search page's request parameters: the query, the filters (a django-filter FilterSet), the
sort order and the page, validated once for the HTML page and its JSON twin.

The FilterSet describes the filters (field, lookup, label, bounds) and validates them; the search
engines apply the same conditions in their own SQL
(:func:`resolutions.search.base.search_statement`), so ``filterset.qs`` is never needed on the
search path. Every bad filter or sort value is a form error naming its field, never an
exception; a page that is no positive number reads as the first (numbers above ``MAX_PAGE``
read as ``MAX_PAGE``).

Example::

    >>> params = search_params_from({"q": "trafficking", "year_from": "2016", "page": "2"})
    >>> params.filters.year_from, params.page, params.is_valid
    (2016, 2, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.forms.utils import ErrorDict

from resolutions.models import Paragraph
from resolutions.search.base import AGREED, DATE, DOCUMENT, RELEVANCE, SearchFilters
from resolutions.search.symbols import find_resolution_number

FIRST_YEAR = 1946  # the Council's first resolutions
LAST_YEAR = 2100
MAX_PAGE = 10_000
MAX_RESOLUTION = 99_999
PER_PAGE = 20  # hits per page unless per_page asks otherwise
MAX_PER_PAGE = 100  # per_page above this reads as this


class IntegerFilter(django_filters.NumberFilter):
    """A whole-number filter: "2016.5" is an error, not a year (NumberFilter takes decimals)."""

    field_class = forms.IntegerField

    def get_max_validator(self):
        return None  # the bounds are given per filter below


# What the topic filter accepts ("true"/"1", "false"/"0"; case is folded by the widget).
TRAFFICKING_READINGS = {
    "true": True,
    "1": True,
    "false": False,
    "0": False,
    True: True,
    False: False,
}


class TraffickingWidget(django_filters.widgets.BooleanWidget):
    """Yes/no as "true"/"false" (also "1"/"0") with words a reader understands."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("", "Any paragraph"),
            ("true", "Addresses trafficking in persons"),
            ("false", "Does not address trafficking"),
        ]

    def value_from_datadict(self, data, files, name):
        # The text as sent, so that the field can refuse "yes"; django-filter's widget reads
        # anything it does not know as "any paragraph", silently widening the search.
        value = data.get(name)
        return value.strip().lower() if isinstance(value, str) else value

    def format_value(self, value):
        # The option to show selected for what was sent, so that submitting the form again
        # keeps the filter (django-filter's render() shows "true" itself as "any paragraph").
        reading = TRAFFICKING_READINGS.get(value)
        return ["" if reading is None else "true" if reading else "false"]

    render = forms.Select.render


class TraffickingField(forms.NullBooleanField):
    """ "true"/"1", "false"/"0" or empty (any paragraph); anything else is an error.

    >>> TraffickingField(required=False).clean("0")
    False
    """

    default_error_messages = {
        "invalid": "Choose true or false, or leave it empty for any paragraph.",
    }

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value not in TRAFFICKING_READINGS:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return TRAFFICKING_READINGS[value]


class TraffickingFilter(django_filters.BooleanFilter):
    field_class = TraffickingField


class ResolutionNumberField(forms.CharField):
    """A resolution's number, or its symbol as pasted: 2388, S/RES/2388, S/RES/2388 (2017).

    >>> ResolutionNumberField(required=False).clean(" s/res/2388 (2017) ")
    2388
    """

    default_error_messages = {
        "invalid": "Give a resolution number (2388) or symbol (S/RES/2388).",
    }

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        number = find_resolution_number(text[:100])
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def validate(self, value):
        if value is not None and not 1 <= value <= MAX_RESOLUTION:
            raise forms.ValidationError(
                f"Resolution numbers run from 1 to {MAX_RESOLUTION}.", code="invalid"
            )


class ResolutionNumberFilter(django_filters.NumberFilter):
    field_class = ResolutionNumberField


class SearchFilterForm(forms.Form):
    # The order is no filter, but it is refused the same way when it is not one of the two.
    sort = forms.ChoiceField(
        label="Order",
        required=False,
        # Unset: relevance, or document order when filters alone list paragraphs.
        choices=[
            ("", "Best first"),
            (RELEVANCE, "Relevance"),
            (DATE, "Newest first"),
            (DOCUMENT, "Document order"),
            (AGREED, "Earliest agreed first"),
        ],
        error_messages={"invalid_choice": "Choose relevance, date, document or agreed."},
    )
    field_order = ["year_from", "year_to", "resolution", "kind", "trafficking", "sort"]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("year_from"), cleaned.get("year_to")
        if low is not None and high is not None and low > high:
            message = f"The year range is reversed: {low} is after {high}."
            self.add_error("year_to", forms.ValidationError(message, code="reversed_range"))
        return cleaned


class SearchFilterSet(django_filters.FilterSet):
    year_from = IntegerFilter(
        field_name="resolution__year",
        lookup_expr="gte",
        label="From year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )
    year_to = IntegerFilter(
        field_name="resolution__year",
        lookup_expr="lte",
        label="To year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )
    resolution = ResolutionNumberFilter(
        field_name="resolution__number",
        label="Resolution number",
        widget=forms.TextInput(attrs={"inputmode": "text", "size": 12}),
    )
    kind = django_filters.ChoiceFilter(
        choices=Paragraph.KIND_CHOICES, label="Paragraph kind", empty_label="Any kind"
    )
    trafficking = TraffickingFilter(
        field_name="addresses_trafficking",
        label="Topic",
        widget=TraffickingWidget,
    )

    class Meta:
        model = Paragraph
        fields: list[str] = []
        form = SearchFilterForm


@dataclass
class SearchParams:
    """Everything a search request asked for, validated."""

    q: str
    filters: SearchFilters
    sort: str
    page: int
    filterset: SearchFilterSet
    per_page: int = PER_PAGE
    # group=on/off: one hit per wording or every paragraph; None when not said (or not
    # understood): each surface has its own default (the page groups, the JSON does not).
    group: bool | None = None

    def grouped(self, *, default: bool) -> bool:
        return default if self.group is None else self.group

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> ErrorDict:
        return self.filterset.form.errors

    def error_messages(self) -> dict[str, list[str]]:
        """Errors as plain text, keyed by parameter name."""
        return {name: [str(m) for m in messages] for name, messages in self.errors.items()}


def _page(value: str | None) -> int:
    text = (value or "").strip()
    if not text.isascii() or not text.isdigit():
        return 1
    if len(text) > len(str(MAX_PAGE)):  # no int() of a thousand digits
        return MAX_PAGE
    return min(max(1, int(text)), MAX_PAGE)


def _per_page(value: str | None) -> int:
    """Hits per page: 1 to MAX_PER_PAGE; anything else that is no positive number reads as 20."""
    text = (value or "").strip()
    if not text.isascii() or not text.isdigit() or int(text[:6]) < 1:
        return PER_PAGE
    return min(int(text[:6]), MAX_PER_PAGE)


# What group= accepts; any other value is no choice (the surface's default), never an error:
# a toggle is no filter, and a mistyped one should not cost the reader their search.
GROUP_READINGS = {"on": True, "1": True, "true": True, "off": False, "0": False, "false": False}


def _group(value) -> bool | None:
    return GROUP_READINGS.get(value.strip().lower()[:8]) if isinstance(value, str) else None


def search_params_from(data) -> SearchParams:
    """Read a QueryDict (or dict) of GET parameters. Never raises."""
    filterset = SearchFilterSet(data=data, queryset=Paragraph.objects.none())
    filters = SearchFilters()
    sort = RELEVANCE
    if filterset.form.is_valid():
        cleaned = filterset.form.cleaned_data
        filters = SearchFilters(
            year_from=cleaned.get("year_from"),
            year_to=cleaned.get("year_to"),
            resolution=cleaned.get("resolution"),
            kind=cleaned.get("kind") or None,
            trafficking=cleaned.get("trafficking"),
        )
        sort = cleaned.get("sort") or RELEVANCE
    return SearchParams(
        q=data.get("q") or "",
        filters=filters,
        sort=sort,
        page=_page(data.get("page")),
        filterset=filterset,
        per_page=_per_page(data.get("per_page")),
        group=_group(data.get("group")),
    )

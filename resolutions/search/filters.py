"""The search page's request parameters: the query, the filters (a django-filter FilterSet), the
sort order and the page, validated once for the HTML page and its JSON twin.

The FilterSet describes the filters (field, lookup, label, bounds) and validates them; the search
engines apply the same conditions in their own SQL (:func:`resolutions.search.base.filter_sql`),
so ``filterset.qs`` is never needed on the search path. Bad filter values are form errors, never
exceptions; a bad page or sort quietly falls back to the first page by relevance.

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
from resolutions.search.base import RELEVANCE, SORTS, SearchFilters

FIRST_YEAR = 1946  # the Council's first resolutions
LAST_YEAR = 2100
MAX_PAGE = 10_000


class IntegerFilter(django_filters.NumberFilter):
    """A whole-number filter: "2016.5" is an error, not a year (NumberFilter takes decimals)."""

    field_class = forms.IntegerField

    def get_max_validator(self):
        return None  # the bounds are given per filter below


class TraffickingWidget(django_filters.widgets.BooleanWidget):
    """Yes/no as "true"/"false" (also "1"/"0") with words a reader understands."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("", "Any paragraph"),
            ("true", "Addresses trafficking in persons"),
            ("false", "Does not address trafficking"),
        ]


class SearchFilterForm(forms.Form):
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
    resolution = IntegerFilter(
        field_name="resolution__number",
        label="Resolution number",
        min_value=1,
        max_value=99_999,
    )
    kind = django_filters.ChoiceFilter(
        choices=Paragraph.KIND_CHOICES, label="Paragraph kind", empty_label="Any kind"
    )
    trafficking = django_filters.BooleanFilter(
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
    if not text.isascii() or not text.isdigit() or len(text) > 6:
        return 1
    return min(max(1, int(text)), MAX_PAGE)


def search_params_from(data) -> SearchParams:
    """Read a QueryDict (or dict) of GET parameters. Never raises."""
    filterset = SearchFilterSet(data=data, queryset=Paragraph.objects.none())
    filters = SearchFilters()
    if filterset.form.is_valid():
        cleaned = filterset.form.cleaned_data
        filters = SearchFilters(
            year_from=cleaned.get("year_from"),
            year_to=cleaned.get("year_to"),
            resolution=cleaned.get("resolution"),
            kind=cleaned.get("kind") or None,
            trafficking=cleaned.get("trafficking"),
        )
    sort = data.get("sort") or RELEVANCE
    return SearchParams(
        q=data.get("q") or "",
        filters=filters,
        sort=sort if sort in SORTS else RELEVANCE,
        page=_page(data.get("page")),
        filterset=filterset,
    )

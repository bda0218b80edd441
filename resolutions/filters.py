"""The browse page's filters: year, topic, agenda item, text held and sort order.

Choices come from the archive itself (the years and agenda items it holds), so a stale or
hand-edited URL (``?year=abc``, ``?agenda=nonsense``) fails the form's validation and the page
shows the error beside the field instead of a 500.

Example::

    filterset = ResolutionFilter(request.GET, queryset=resolution_list())
    if filterset.is_valid():
        page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from resolutions.models import Resolution
from resolutions.selectors import TEXT_HELD, resolution_agendas, resolution_years

TRAFFICKING = "trafficking"
TEXT_ALL = "all"  # ?text=all also lists the resolutions known only from the UN's record data
# Sort keys in URLs -> (label, ordering). Numbers follow adoption order, so "newest" is by number.
SORTS = {
    "newest": ("Newest first", ("-number",)),
    "oldest": ("Oldest first", ("number",)),
    "longest": ("Most paragraphs first", ("-paragraph_count", "-number")),
    "shortest": ("Fewest paragraphs first", ("paragraph_count", "-number")),
}


def _year_choices() -> list[tuple[str, str]]:
    return [(str(year), str(year)) for year in resolution_years()]


def _agenda_choices() -> list[tuple[str, str]]:
    return [(agenda, agenda) for agenda in resolution_agendas()]


class ResolutionFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label="Year",
        choices=_year_choices,
        empty_label="All years",
    )
    topic = django_filters.ChoiceFilter(
        label="Topic",
        choices=[(TRAFFICKING, "Trafficking in persons")],
        empty_label="All topics",
        method="filter_topic",
    )
    agenda = django_filters.ChoiceFilter(
        label="Agenda item",
        choices=_agenda_choices,
        empty_label="All agenda items",
    )
    text = django_filters.ChoiceFilter(
        label="Text",
        choices=[("held", "Held in the archive"), (TEXT_ALL, "All, with records without text")],
        empty_label=None,
        method="filter_text",
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        empty_label=None,
        method="filter_sort",
    )

    class Meta:
        model = Resolution
        fields = ["year", "topic", "agenda"]

    def filter_topic(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == TRAFFICKING:
            return queryset.filter(addresses_trafficking=True)
        return queryset

    @property
    def qs(self) -> QuerySet:
        """By default only resolutions whose text is held: the records without text (the
        newest resolutions, before the UN publishes their XML) would open the list with
        empty rows. ``?text=all`` lists them too; an invalid value keeps the default."""
        if not hasattr(self, "_qs_text"):
            queryset = super().qs  # validates a bound form: cleaned_data holds the valid fields
            chosen = self.form.cleaned_data.get("text", "") if self.is_bound else ""
            self._qs_text = queryset if chosen == TEXT_ALL else queryset.filter(TEXT_HELD)
        return self._qs_text

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # applied in ``qs``, so that the default (no value) applies too

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        _, ordering = SORTS.get(value, SORTS["newest"])
        return queryset.order_by(*ordering)

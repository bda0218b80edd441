"""The second pass of an ingest: link each cited resolution to the archive's copy of it."""

from __future__ import annotations

from resolutions.models import CrossReference, Resolution

FIRST_RESOLUTION_YEAR = 1946  # the Security Council adopted resolution 1 in January 1946


def plausible_citation(
    *, cited_number: int, cited_year: int | None, citing_number: int, citing_year: int
) -> bool:
    """Could this be a real earlier resolution? The UN's own texts have typos such as
    "2312 (2106)" in S/RES/2546 (2020): such a reference is kept as written, never linked.

    >>> plausible_citation(cited_number=2312, cited_year=2106, citing_number=2546, citing_year=2020)
    False
    """
    if cited_year is not None and not FIRST_RESOLUTION_YEAR <= cited_year <= citing_year:
        return False
    return cited_number <= citing_number


def references_link() -> int:
    """Point every resolution reference at the resolution it cites, where the archive holds
    it and the year written matches; returns how many links changed."""
    years = dict(Resolution.objects.values_list("number", "year"))
    changed = []
    rows = CrossReference.objects.filter(kind=CrossReference.RESOLUTION).values_list(
        "id",
        "cited_number",
        "cited_year",
        "target_id",
        "paragraph__resolution__number",
        "paragraph__resolution__year",
    )
    ids = dict(Resolution.objects.values_list("number", "id"))
    for ref_id, number, year, target_id, citing_number, citing_year in rows.iterator(
        chunk_size=5000
    ):
        wanted = None
        if (
            number in years
            and (year is None or year == years[number])
            and plausible_citation(
                cited_number=number,
                cited_year=year,
                citing_number=citing_number,
                citing_year=citing_year,
            )
        ):
            wanted = ids[number]
        if wanted != target_id:
            changed.append(CrossReference(id=ref_id, target_id=wanted))
    CrossReference.objects.bulk_update(changed, ["target"], batch_size=1000)
    return len(changed)

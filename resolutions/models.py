"""What the archive stores: resolutions, their sources, paragraphs and cross-references.

Models hold fields, constraints, ``__str__`` and ``get_absolute_url`` only. All writes go
through :mod:`resolutions.services`; all reads through :mod:`resolutions.selectors`.
"""

from django.db import models
from django.urls import reverse

# The attribute selectors prefetch cross-references into (see Paragraph.references_in_order).
REFERENCES = "prefetched_references"


class Resolution(models.Model):
    number = models.PositiveIntegerField(unique=True)
    year = models.PositiveSmallIntegerField()
    symbol = models.CharField(max_length=40, unique=True)  # "S/RES/2388 (2017)"
    title = models.TextField(blank=True)
    # What the resolution is about, from the UN's catalogue title or agenda item: "on
    # trafficking in persons in armed conflicts" (resolutions.parsing.titles).
    short_title = models.TextField(blank=True, default="")
    # The enacting words as the source prints them before the preamble: "The Security Council,".
    formula = models.CharField(max_length=100, blank=True, default="")
    adopted_on = models.DateField(null=True, blank=True)
    meeting = models.CharField(max_length=20, blank=True)  # "8111th"
    pages_total = models.PositiveSmallIntegerField(null=True, blank=True)
    job_number = models.CharField(max_length=20, blank=True)  # "17-20704"
    # Which source the displayed text comes from: "page-text" or "akn" (the official XML).
    text_source = models.CharField(max_length=20, blank=True)
    # From the UN's record data, where loaded.
    agenda = models.TextField(blank=True)
    draft_symbol = models.CharField(max_length=40, blank=True)
    adoption_type = models.CharField(max_length=200, blank=True)
    vote_in_favour = models.PositiveSmallIntegerField(null=True, blank=True)
    vote_against = models.PositiveSmallIntegerField(null=True, blank=True)
    vote_abstaining = models.PositiveSmallIntegerField(null=True, blank=True)
    votes = models.JSONField(default=list, blank=True)  # [{"member": "CHINA", "vote": "Y"}, ...]
    sponsors = models.JSONField(default=list, blank=True)  # ["Albania", ...]
    subjects = models.JSONField(default=list, blank=True)  # UNBIS terms
    addresses_trafficking = models.BooleanField(default=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-number"]
        indexes = [models.Index(fields=["year"])]

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("resolutions:detail", kwargs={"number": self.number})


class Source(models.Model):
    """A file as it came in, kept verbatim: one row per page of a page text, one per XML file."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="sources")
    format = models.CharField(max_length=20)  # "page-text", "akn", "record"
    file_name = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64)  # sha256 of the raw bytes
    page_number = models.PositiveSmallIntegerField(null=True, blank=True)
    raw_text = models.TextField()
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["format", "page_number", "file_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "format", "page_number"],
                condition=models.Q(page_number__isnull=False),
                name="one_source_per_printed_page",
            ),
            models.UniqueConstraint(
                fields=["resolution", "format", "checksum"],
                name="each_source_kept_once",
            ),
        ]

    def __str__(self) -> str:
        page = f" p.{self.page_number}" if self.page_number else ""
        return f"{self.resolution_id} {self.format}{page} ({self.file_name})"


class Paragraph(models.Model):
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    HEADING = "heading"
    ANNEX = "annex"
    FOOTNOTE = "footnote"
    KIND_CHOICES = [
        (PREAMBULAR, "Preambular"),
        (OPERATIVE, "Operative"),
        (HEADING, "Heading"),
        (ANNEX, "Annex"),
        (FOOTNOTE, "Footnote"),
    ]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="paragraphs")
    # The stable identifier in URLs: "op31", "pp3", "pp-1" (counted from the end of a
    # preamble whose beginning the archive lacks) ... see resolutions.services.identifiers.
    pid = models.CharField("identifier", max_length=40)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    number = models.PositiveIntegerField(null=True, blank=True)  # the UN's number (operative)
    label = models.CharField(max_length=40, blank=True)  # as printed, for headings/annexes
    annex = models.CharField(max_length=40, blank=True)
    position = models.PositiveIntegerField()  # order within the resolution
    text = models.TextField()  # clean text shown and searched
    text_as_printed = models.TextField(blank=True)  # as the page text gave it, for provenance
    structure = models.JSONField(null=True, blank=True)  # {"intro", "items", "outro"} or None
    # Stretches of ``text`` printed in italics, [[start, end], ...]: "Recalling", "Decides".
    emphasis = models.JSONField(null=True, blank=True)
    pages = models.JSONField(default=list, blank=True)  # printed pages, e.g. [4, 5]
    begins_on_missing_page = models.BooleanField(default=False)
    ends_on_missing_page = models.BooleanField(default=False)
    addresses_trafficking = models.BooleanField(default=False, db_index=True)
    # What a citation needs that the identifier cannot say, and where footnote markers stand:
    # {"part": "JCPOA Annex II", "place": 4, "notes": [[120, "6", "fn6"]], "noted_at": "op3"};
    # see resolutions.addresses. Nullable so that adding it altered no table.
    addressing = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["resolution", "position"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "pid"], name="unique_paragraph_id"),
        ]
        indexes = [models.Index(fields=["resolution", "position"])]

    def __str__(self) -> str:
        return f"{self.resolution_id}/{self.pid}"

    def get_absolute_url(self) -> str:
        return reverse(
            "resolutions:paragraph",
            kwargs={"number": self.resolution.number, "pid": self.pid},
        )

    @property
    def references_in_order(self) -> list:
        """The paragraph's cross-references: as a selector prefetched them (``Prefetch(...,
        to_attr=REFERENCES)``, which spares Django a queryset per paragraph -- a fifth of
        the time of S/RES/2231's page), else read now."""
        found = self.__dict__.get(REFERENCES)
        return found if found is not None else list(self.references.all())


class ParagraphAlias(models.Model):
    """An identifier that was once served for a paragraph and now redirects to it."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="aliases")
    pid = models.CharField(max_length=40)
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resolution", "pid"], name="unique_paragraph_alias"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution_id}/{self.pid} -> {self.paragraph.pid}"


class CrossReference(models.Model):
    RESOLUTION = "resolution"
    DOCUMENT = "document"
    INTERNAL = "internal"
    KIND_CHOICES = [
        (RESOLUTION, "Security Council resolution"),
        (DOCUMENT, "Other UN document"),
        (INTERNAL, "Paragraph of the same resolution"),
    ]

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="references")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default=RESOLUTION)
    position = models.PositiveSmallIntegerField(default=0)
    cited_symbol = models.CharField(max_length=80)  # "S/RES/2379 (2017)", "S/2017/939"
    cited_number = models.PositiveIntegerField(null=True, blank=True)
    cited_year = models.PositiveSmallIntegerField(null=True, blank=True)
    as_written = models.CharField(max_length=300)
    start = models.PositiveIntegerField(default=0)  # offsets into paragraph.text
    end = models.PositiveIntegerField(default=0)
    href = models.URLField(max_length=300, blank=True)
    target_paragraph = models.CharField(max_length=40, blank=True)
    # Linked when the archive holds the cited resolution (and the year is plausible).
    target = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citations",
    )

    class Meta:
        ordering = ["paragraph", "position"]
        indexes = [models.Index(fields=["cited_number"])]

    def __str__(self) -> str:
        return f"{self.paragraph} -> {self.cited_symbol}"


class LineageLink(models.Model):
    """An earlier paragraph whose wording a later one reuses, computed at ingest by
    :mod:`resolutions.lineage`. ``closest``: among the later paragraph's closest earlier
    sources; ``origin``: the earliest paragraph with that wording ("first agreed in")."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="lineage")
    # SET_NULL, not CASCADE: a source removed by a re-ingest leaves a row that tells the
    # lineage step which later paragraph must look for its sources again.
    source = models.ForeignKey(
        Paragraph, null=True, on_delete=models.SET_NULL, related_name="lineage_reuses"
    )
    share = models.PositiveSmallIntegerField()  # per mille of wording shared
    closest = models.BooleanField(default=False)
    origin = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "source"], name="unique_lineage_link"),
        ]

    def __str__(self) -> str:
        return f"{self.paragraph_id} <- {self.source_id} ({self.share / 10:.1f} %)"


class Translation(models.Model):
    """A resolution's text in another official language, as one file of the UN's Akoma Ntoso
    edition gave it (kept verbatim, as the English sources are), and how its paragraphs lined
    up with the English ones: see :mod:`resolutions.languages.alignment`."""

    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(max_length=8)  # "fr", "es", "ru", "ar", "zh"
    file_name = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64)  # sha256 of the raw bytes
    raw_text = models.TextField()  # the XML as it came in
    title = models.TextField(blank=True, default="")
    formula = models.CharField(max_length=200, blank=True, default="")
    paragraphs_read = models.PositiveIntegerField(default=0)  # in the translation
    paragraphs_aligned = models.PositiveIntegerField(default=0)  # given to English paragraphs
    # Where the structure differs from the English text, one sentence each:
    # ["preambular paragraphs: 13 in English, 12 in this text; none aligned", ...].
    mismatches = models.JSONField(default=list, blank=True)
    ingested_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["resolution", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "language"], name="one_translation_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resolution_id} {self.language}"


class ParagraphText(models.Model):
    """One paragraph's text in one other official language. ``search_text`` is what the
    language's analyzer makes of it for SQLite's index (stems; character pairs for Chinese):
    see :mod:`resolutions.languages.analysis`."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=8)
    text = models.TextField()
    structure = models.JSONField(null=True, blank=True)  # {"intro", "items", "outro"} or None
    emphasis = models.JSONField(null=True, blank=True)  # italic stretches of ``text``
    search_text = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["paragraph", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "language"], name="one_text_per_paragraph_language"
            ),
        ]
        indexes = [models.Index(fields=["language", "paragraph"])]

    def __str__(self) -> str:
        return f"{self.paragraph_id} {self.language}"

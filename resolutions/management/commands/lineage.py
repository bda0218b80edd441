"""manage.py lineage [NUMBER...] -- compute agreed language (which earlier paragraphs each
paragraph reuses) for the whole archive, or for the resolutions named and what they touch."""

from django.core.management.base import BaseCommand
from django.db import transaction

from resolutions.lineage.services import lineage_update
from resolutions.models import Resolution


class Command(BaseCommand):
    help = "Compute the lineage of paragraphs (earlier sources, first agreed in, reused in)."

    def add_arguments(self, parser):
        parser.add_argument("numbers", nargs="*", type=int, help="resolution numbers (all: none)")

    def handle(self, *args, **options):
        ids = None
        if options["numbers"]:
            ids = set(
                Resolution.objects.filter(number__in=options["numbers"]).values_list(
                    "id", flat=True
                )
            )
        with transaction.atomic():
            counts = lineage_update(resolution_ids=ids)
        self.stdout.write(
            f"lineage: {counts.paragraphs} paragraphs computed; links {counts.created} new,"
            f" {counts.updated} updated, {counts.deleted} removed"
        )

"""manage.py export_bulk [--output DIR] -- write the bulk download (JSON lines, manifest,
checksums); ``ingest`` runs it after every ingest that changes something."""

from pathlib import Path

from django.core.management.base import BaseCommand

from resolutions.exports.bulk import bulk_directory, write_bulk
from resolutions.exports.links import site_origin


class Command(BaseCommand):
    help = "Write the whole archive as JSON lines with a manifest and sha256 checksums."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="folder for the files (default: DJANGO_BULK_DIR, else bulk/ in the project)",
        )

    def handle(self, *args, **options):
        directory = options["output"] or bulk_directory()
        manifest = write_bulk(directory=directory, origin=site_origin())
        counts = manifest["counts"]
        self.stdout.write(
            f"bulk download: {counts['resolutions']} resolutions, {counts['paragraphs']} "
            f"paragraphs written to {directory}"
        )

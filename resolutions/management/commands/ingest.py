"""manage.py ingest PATH... -- page texts, Akoma Ntoso XML and record data, by content."""

import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from resolutions.exports.bulk import MANIFEST_FILE, bulk_file
from resolutions.parsing.document import ParseError
from resolutions.services.guards import IngestRefused
from resolutions.services.ingest import ingest_paths


class Command(BaseCommand):
    help = (
        "Ingest source files and folders (page texts, the UN's Akoma Ntoso XML, the UN's record "
        "data as JSON lines), all in one transaction: a bad file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders (searched recursively)")
        parser.add_argument(
            "--dry-run", action="store_true", help="parse and check everything, write nothing"
        )
        parser.add_argument(
            "--show-differences",
            action="store_true",
            help="list where the repaired page text differs from the official XML text",
        )
        parser.add_argument(
            "--synthetic",
            action="store_true",
            help="accept resolution numbers out of date order (the benchmarks' renumbered copies)",
        )
        parser.add_argument(
            "--no-bulk",
            action="store_true",
            help="do not rewrite the bulk download (export_bulk) after a change",
        )

    def handle(self, *args, **options):
        try:
            report = ingest_paths(
                paths=options["paths"],
                dry_run=options["dry_run"],
                progress=self._progress,
                check_numbering=not options["synthetic"],
            )
        except ParseError as error:
            raise CommandError(f"{error}\nNothing was written.") from error
        except IngestRefused as error:
            raise CommandError(str(error)) from error
        if self._bar_open:
            self.stderr.write("")
        for line in report.summary():
            self.stdout.write(line)
        if options["show_differences"]:
            for difference in report.differences:
                self.stdout.write(difference)
        bulk_missing = bulk_file(MANIFEST_FILE) is None
        if (report.changed or bulk_missing) and not options["dry_run"] and not options["no_bulk"]:
            call_command("export_bulk", stdout=self.stdout, stderr=self.stderr)

    _bar_open = False

    def _progress(self, step: str, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        line = f"\r{step:<10} [{bar}] {done}/{total}"
        if sys.stderr.isatty():
            self.stderr.write(line, ending="")
            self._bar_open = True
        elif done == total or done % 500 == 0:
            self.stderr.write(line.lstrip("\r"))

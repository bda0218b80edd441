"""manage.py export_json NUMBER -- print a resolution in its canonical JSON form."""

import json

from django.core.management.base import BaseCommand, CommandError

from resolutions.serializers import resolution_export


class Command(BaseCommand):
    help = "Print a resolution in the archive's canonical JSON form."

    def add_arguments(self, parser):
        parser.add_argument("number", type=int, help="the resolution's number, e.g. 2388")

    def handle(self, *args, **options):
        data = resolution_export(number=options["number"])
        if data is None:
            raise CommandError(f"Resolution {options['number']} is not in the archive.")
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

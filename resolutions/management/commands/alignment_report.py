"""``manage.py alignment_report [--language fr]``: every resolution whose text in another
language does not line up with the English paragraph by paragraph, and how, as ingest
recorded it (see resolutions.languages.alignment)."""

from django.core.management.base import BaseCommand, CommandError

from resolutions.languages.forms import ENGLISH_NAMES, OTHER_LANGUAGES
from resolutions.languages.selectors import alignment_report
from resolutions.models import Translation


class Command(BaseCommand):
    help = "List the resolutions whose other-language texts differ in structure from the English."

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=OTHER_LANGUAGES, help="one language only")

    def handle(self, *args, language=None, **options):
        if language and language not in OTHER_LANGUAGES:
            raise CommandError(f"unknown language {language!r}")
        mismatched = alignment_report(language=language)
        held = Translation.objects.all()
        if language:
            held = held.filter(language=language)
        counts: dict[str, int] = {}
        for translation in mismatched:
            counts[translation.language] = counts.get(translation.language, 0) + 1
            self.stdout.write(
                f"{translation.resolution.symbol} {translation.language}: "
                f"{translation.paragraphs_aligned} of "
                f"{translation.resolution.paragraphs.count()} English paragraphs aligned "
                f"({translation.paragraphs_read} read)"
            )
            for mismatch in translation.mismatches:
                self.stdout.write(f"  {mismatch}")
        for code in [language] if language else OTHER_LANGUAGES:
            total = held.filter(language=code).count()
            self.stdout.write(
                f"{ENGLISH_NAMES[code]} ({code}): {counts.get(code, 0)} of {total} "
                "resolutions differ in structure from the English"
            )

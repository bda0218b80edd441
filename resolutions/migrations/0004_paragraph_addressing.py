"""Paragraph.addressing: citation details and footnote markers (see resolutions/addresses.py).

A nullable column without a default: SQLite adds it with ALTER TABLE ADD COLUMN, so the
paragraph table is not rebuilt and the FTS triggers of 0002 stay in place.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0003_search_table"),
    ]

    operations = [
        migrations.AddField(
            model_name="paragraph",
            name="addressing",
            field=models.JSONField(blank=True, null=True),
        ),
    ]

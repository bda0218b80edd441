"""Short titles, enacting words and italics (issue 9, "reads as printed").

``Paragraph.emphasis`` is nullable with no default, so on SQLite it is a plain
``ALTER TABLE ADD COLUMN``: ``resolutions_paragraph`` is not rebuilt and the FTS triggers of
0002 stay. The two ``Resolution`` fields rebuild ``resolutions_resolution`` on SQLite, which
carries no trigger there (PostgreSQL's triggers on it, from 0003, survive ``ADD COLUMN``).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0003_search_table")]

    operations = [
        migrations.AddField(
            model_name="resolution",
            name="short_title",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="resolution",
            name="formula",
            field=models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.AddField(
            model_name="paragraph",
            name="emphasis",
            field=models.JSONField(blank=True, null=True),
        ),
    ]

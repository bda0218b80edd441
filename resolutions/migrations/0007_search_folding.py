"""Search on both engines: spelling variants folded, words split alike, a vocabulary table.

Runs :func:`resolutions.search.index.install`: the SQLite FTS5 triggers and the PostgreSQL
search-table trigger index each paragraph's text with British and American spellings folded to
one form (``resolutions.search.spelling``); on PostgreSQL the text is also split at every
character that is neither letter nor digit, as SQLite's tokenizer splits it, so hyphenated
words and symbols (``zero-tolerance``, ``S/RES/2379``) match alike on both engines; every
paragraph is re-indexed. It also creates ``resolutions_search_word``, the vocabulary "did you
mean" reads (filled at ingest).

The DDL is imported, not written out: a later migration that changes the spelling list, or that
rebuilds ``resolutions_paragraph`` on SQLite (dropping its triggers), runs ``install`` again and
gets the list in force. Going back restores the unfolded index of migrations 0002 and 0003.
"""

import importlib

from django.db import migrations

from resolutions.search import index


def forward(apps, schema_editor):
    index.install(schema_editor)


def backward(apps, schema_editor):
    # Migrations 0002 and 0003 as they made the index: their triggers, unfolded vectors.
    search = importlib.import_module("resolutions.migrations.0002_search")
    table = importlib.import_module("resolutions.migrations.0003_search_table")
    vendor = schema_editor.connection.vendor
    statements = [f"DROP TABLE IF EXISTS {index.WORD_TABLE}"]
    if vendor == "sqlite":
        # Ends with 'rebuild', which reads the printed text.
        statements += [*search.SQLITE_TRIGGERS, f"DROP TABLE IF EXISTS {index.FOLD_TABLE}"]
    elif vendor == "postgresql":
        write = next(s for s in table.PG_FORWARD if "resolutions_paragraph_search_write()" in s)
        statements += [
            write.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1),
            f"""UPDATE resolutions_paragraph_search AS s
                SET search_vector = {table.VECTOR.format(text="p.text")}
                FROM resolutions_paragraph AS p WHERE p.id = s.id""",
            "DROP FUNCTION IF EXISTS archive_search_text(text)",
        ]
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0006_lineage"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]

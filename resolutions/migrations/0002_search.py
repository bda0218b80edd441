"""The full-text index: engine-specific DDL, chosen by the connection's vendor.

PostgreSQL: a text search configuration ``archive_english`` (``english`` + ``unaccent``, with
stop words kept so quoted phrases may contain them), a stored generated ``search_vector`` column on
``resolutions_paragraph`` and its GIN index. ``to_tsvector(regconfig, text)`` is immutable, so
the column is allowed. (Migration 0003 replaces the column and its index with a search table
of its own; see there how to recompute the vectors if the configuration is ever changed.)

SQLite: an external-content FTS5 table over ``resolutions_paragraph.text`` kept in step by
triggers, rebuilt from the existing rows, and a covering index for facet counts. Django rebuilds
a SQLite table (and so drops its triggers and this index) whenever a migration alters one of its
columns: such a migration must re-run ``SQLITE_INDEXES`` and ``SQLITE_TRIGGERS`` below (the
search contract tests fail if the triggers are missing).

The DDL is written out here, not imported, so this migration never changes after the fact.
"""

from django.db import migrations

PG_FORWARD = [
    # unaccent is a trusted extension (PostgreSQL 13+): a database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # The English Snowball stemmer without its stop-word list.
    "CREATE TEXT SEARCH DICTIONARY archive_english_stem (TEMPLATE = snowball, LANGUAGE = english)",
    "CREATE TEXT SEARCH CONFIGURATION archive_english (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION archive_english
       ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH archive_english_stem""",
    # Only words with non-ASCII letters can carry accents: unaccent runs on those alone.
    """ALTER TEXT SEARCH CONFIGURATION archive_english
       ALTER MAPPING FOR word, hword, hword_part WITH unaccent, archive_english_stem""",
    """ALTER TABLE resolutions_paragraph ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (
           setweight(to_tsvector('archive_english'::regconfig, coalesce(text, '')), 'A')
       ) STORED""",
    """CREATE INDEX resolutions_paragraph_search_vector_gin
       ON resolutions_paragraph USING gin (search_vector)""",
    "ANALYZE resolutions_paragraph",
]

PG_BACKWARD = [
    "DROP INDEX IF EXISTS resolutions_paragraph_search_vector_gin",
    "ALTER TABLE resolutions_paragraph DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS archive_english",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS archive_english_stem",
]

SQLITE_TABLE = [
    """CREATE VIRTUAL TABLE resolutions_paragraph_fts USING fts5(
           text,
           content='resolutions_paragraph',
           content_rowid='id',
           tokenize='porter unicode61 remove_diacritics 2'
       )""",
]

SQLITE_INDEXES = [
    # Facet counts look up kind, flag and resolution of every match: from this narrow covering
    # index instead of the wide paragraph rows (texts twice over) they run about a third faster.
    """CREATE INDEX resolutions_paragraph_search_facets
       ON resolutions_paragraph (id, resolution_id, kind, addresses_trafficking, position)""",
]

SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_insert",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_delete",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_update",
    """CREATE TRIGGER resolutions_paragraph_fts_insert AFTER INSERT ON resolutions_paragraph
       BEGIN
           INSERT INTO resolutions_paragraph_fts (rowid, text) VALUES (new.id, new.text);
       END""",
    # An external-content index forgets a row by being told the old text ('delete' command).
    """CREATE TRIGGER resolutions_paragraph_fts_delete AFTER DELETE ON resolutions_paragraph
       BEGIN
           INSERT INTO resolutions_paragraph_fts (resolutions_paragraph_fts, rowid, text)
           VALUES ('delete', old.id, old.text);
       END""",
    # Only a change of text touches the index (re-flagging a paragraph does not).
    """CREATE TRIGGER resolutions_paragraph_fts_update AFTER UPDATE OF text
       ON resolutions_paragraph
       BEGIN
           INSERT INTO resolutions_paragraph_fts (resolutions_paragraph_fts, rowid, text)
           VALUES ('delete', old.id, old.text);
           INSERT INTO resolutions_paragraph_fts (rowid, text) VALUES (new.id, new.text);
       END""",
    "INSERT INTO resolutions_paragraph_fts (resolutions_paragraph_fts) VALUES ('rebuild')",
]

SQLITE_BACKWARD = [
    "DROP INDEX IF EXISTS resolutions_paragraph_search_facets",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_insert",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_delete",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_update",
    "DROP TABLE IF EXISTS resolutions_paragraph_fts",
]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement, params=None)


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, PG_FORWARD)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_TABLE + SQLITE_INDEXES + SQLITE_TRIGGERS)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, PG_BACKWARD)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]

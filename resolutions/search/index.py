"""What the engines index: each paragraph's text folded (:mod:`.spelling`), and the word list.

Migration 0007 runs :func:`install` (and a later migration that changes the spelling list, or
that rebuilds ``resolutions_paragraph`` on SQLite and so drops its triggers, runs it again):

* **SQLite**: the FTS5 triggers index ``fold(text)`` instead of the text. The FTS5 table keeps
  ``resolutions_paragraph`` as its external content; folding replaces letters by letters inside
  words, so every token keeps its position and ``highlight()`` over the printed text still
  marks the right words (the snippets rely on it). Never ``'rebuild'`` this index: that would
  read the unfolded text; :data:`SQLITE_REFILL` refills it.
* **PostgreSQL**: ``archive_search_text(text)`` folds the text and turns every character that
  is neither letter nor digit into a space, so ``zero-tolerance``, ``Al-Shabaab`` and
  ``S/RES/2379`` are split into words as SQLite's ``unicode61`` splits them (PostgreSQL's parser
  would index ``zero-tolerance`` as a compound and ``s/res/2379`` as a file path, so
  ``"zero tolerance"`` and ``2379`` missed them). The trigger function of migration 0003 is
  redefined to use it, and every vector is recomputed.
* **Both**: ``resolutions_search_word``, the archive's vocabulary for "did you mean": per key,
  the words it leads to and how many paragraphs hold each (see :mod:`.words`). It is derived
  data, rebuilt at ingest by ``resolutions.services.search_words``.

Example::

    >>> "archive_search_text" in PG_FUNCTION
    True
"""

from __future__ import annotations

from resolutions.search.spelling import sql_fold, sql_fold_stages

FTS_TABLE = "resolutions_paragraph_fts"
WORD_TABLE = "resolutions_search_word"

# -- SQLite -------------------------------------------------------------------------------------

FOLD_TABLE = "resolutions_paragraph_fold"  # SQLite: scratch rows, empty between statements


def _sqlite_fold(row: str, then: str) -> str:
    """Trigger statements: fold ``row``'s text (``new``/``old``) in FOLD_TABLE, run ``then``.

    SQLite's parser cannot take the hundred nested ``replace()`` calls of one expression, and
    a trigger may not use a common table expression: the text is folded in stages, an UPDATE
    each, in a scratch row that ``then`` reads and that is removed afterwards.
    """
    stages = "".join(
        f"UPDATE {FOLD_TABLE} SET text = {stage} WHERE id = {row}.id;\n"
        for stage in sql_fold_stages("text")
    )
    return (
        f"INSERT OR REPLACE INTO {FOLD_TABLE} (id, text) VALUES ({row}.id, lower({row}.text));\n"
        f"{stages}{then};\nDELETE FROM {FOLD_TABLE} WHERE id = {row}.id;\n"
    )


_INDEX_NEW = (
    f"INSERT INTO {FTS_TABLE} (rowid, text) SELECT id, text FROM {FOLD_TABLE} WHERE id = new.id"
)
# An external-content index forgets a row by being told what it indexed ('delete').
_FORGET_OLD = (
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, text) "
    f"SELECT 'delete', id, text FROM {FOLD_TABLE} WHERE id = old.id"
)

SQLITE_TRIGGERS = [
    f"CREATE TABLE IF NOT EXISTS {FOLD_TABLE} (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_insert",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_delete",
    "DROP TRIGGER IF EXISTS resolutions_paragraph_fts_update",
    f"""CREATE TRIGGER resolutions_paragraph_fts_insert AFTER INSERT ON resolutions_paragraph
       BEGIN
       {_sqlite_fold("new", _INDEX_NEW)}
       END""",
    f"""CREATE TRIGGER resolutions_paragraph_fts_delete AFTER DELETE ON resolutions_paragraph
       BEGIN
       {_sqlite_fold("old", _FORGET_OLD)}
       END""",
    # Only a change of text touches the index (re-flagging a paragraph does not).
    f"""CREATE TRIGGER resolutions_paragraph_fts_update AFTER UPDATE OF text
       ON resolutions_paragraph
       BEGIN
       {_sqlite_fold("old", _FORGET_OLD)}
       {_sqlite_fold("new", _INDEX_NEW)}
       END""",
]

SQLITE_REFILL = [
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')",
    f"DELETE FROM {FOLD_TABLE}",
    f"INSERT INTO {FOLD_TABLE} (id, text) SELECT id, lower(text) FROM resolutions_paragraph",
    *(f"UPDATE {FOLD_TABLE} SET text = {stage}" for stage in sql_fold_stages("text")),
    f"INSERT INTO {FTS_TABLE} (rowid, text) SELECT id, text FROM {FOLD_TABLE}",
    f"DELETE FROM {FOLD_TABLE}",
]

# -- PostgreSQL ---------------------------------------------------------------------------------

PG_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION archive_search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT regexp_replace({sql_fold("$1")}, '[^[:alnum:]]+', ' ', 'g')
    $$"""

VECTOR = "setweight(to_tsvector('archive_english'::regconfig, archive_search_text({text})), 'A')"

# Migration 0003's trigger function, with the vector of the folded, split text.
PG_WRITE_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION resolutions_paragraph_search_write() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        resolution record;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM resolutions_paragraph_search WHERE id = OLD.id;
            RETURN NULL;
        END IF;
        -- Not found (written before its resolution): NULLs, filled when it is inserted.
        SELECT number, year INTO resolution
        FROM resolutions_resolution WHERE id = NEW.resolution_id FOR SHARE;
        IF TG_OP = 'INSERT' THEN
            INSERT INTO resolutions_paragraph_search
                (id, resolution_id, number, year, kind, position, addresses_trafficking,
                 search_vector)
            VALUES (NEW.id, NEW.resolution_id, resolution.number, resolution.year, NEW.kind,
                    NEW.position, NEW.addresses_trafficking, {VECTOR.format(text="NEW.text")});
        ELSE
            UPDATE resolutions_paragraph_search
            SET id = NEW.id, resolution_id = NEW.resolution_id, number = resolution.number,
                year = resolution.year, kind = NEW.kind, position = NEW.position,
                addresses_trafficking = NEW.addresses_trafficking,
                -- CASE evaluates lazily: the vector is computed only for a new text.
                search_vector = CASE WHEN NEW.text IS DISTINCT FROM OLD.text
                                     THEN {VECTOR.format(text="NEW.text")}
                                     ELSE search_vector END
            WHERE id = OLD.id;
        END IF;
        RETURN NULL;
    END
    $$"""

PG_REFILL = [
    f"""UPDATE resolutions_paragraph_search AS s SET search_vector = {VECTOR.format(text="p.text")}
        FROM resolutions_paragraph AS p WHERE p.id = s.id""",
    "ANALYZE resolutions_paragraph_search",
]

# -- Both: the vocabulary for "did you mean" -----------------------------------------------------

WORD_TABLE_DDL = [
    # key: a word as indexed, or that word less one letter; word: the word; paragraphs: how
    # many paragraphs hold it. Looking up a typed word's keys finds the words one or two
    # edits away without reading the rest (a symmetric-delete index).
    f"""CREATE TABLE IF NOT EXISTS {WORD_TABLE} (
           key varchar(64) NOT NULL,
           word varchar(64) NOT NULL,
           paragraphs integer NOT NULL
       )""",
    f"CREATE INDEX IF NOT EXISTS {WORD_TABLE}_key ON {WORD_TABLE} (key)",
]


def install(schema_editor) -> None:
    """Fold the index on the connection's engine and create the word table."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = SQLITE_TRIGGERS + SQLITE_REFILL + WORD_TABLE_DDL
    elif vendor == "postgresql":
        statements = [PG_FUNCTION, PG_WRITE_FUNCTION, *PG_REFILL, *WORD_TABLE_DDL]
    else:
        return
    for statement in statements:
        schema_editor.execute(statement, params=None)

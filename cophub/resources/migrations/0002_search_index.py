"""The full-text index over SearchEntry's analysed terms, in each database's own way.

PostgreSQL: a stored generated tsvector (title A, summary B, text C) with a GIN index, and a
trigram index on the titles for near matches. SQLite: an FTS5 table with external content, kept
in step with SearchEntry by triggers (so that flushes and cascades reach it too).
"""

from django.db import migrations

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE resources_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_terms), 'A') ||
        setweight(to_tsvector('simple', summary_terms), 'B') ||
        setweight(to_tsvector('simple', body_terms), 'C')) STORED""",
    "CREATE INDEX resources_searchentry_document ON resources_searchentry USING GIN (document)",
    "CREATE INDEX resources_searchentry_title_trgm ON resources_searchentry USING GIN (title_terms gin_trgm_ops)",
]
SQLITE = [
    """CREATE VIRTUAL TABLE resources_search_fts USING fts5(
        title_terms, summary_terms, body_terms,
        content='resources_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER resources_search_fts_insert AFTER INSERT ON resources_searchentry BEGIN
        INSERT INTO resources_search_fts(rowid, title_terms, summary_terms, body_terms)
        VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms); END""",
    """CREATE TRIGGER resources_search_fts_delete AFTER DELETE ON resources_searchentry BEGIN
        INSERT INTO resources_search_fts(resources_search_fts, rowid, title_terms, summary_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms); END""",
    """CREATE TRIGGER resources_search_fts_update AFTER UPDATE ON resources_searchentry BEGIN
        INSERT INTO resources_search_fts(resources_search_fts, rowid, title_terms, summary_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms);
        INSERT INTO resources_search_fts(rowid, title_terms, summary_terms, body_terms)
        VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS resources_search_fts_insert",
    "DROP TRIGGER IF EXISTS resources_search_fts_delete",
    "DROP TRIGGER IF EXISTS resources_search_fts_update",
    "DROP TABLE IF EXISTS resources_search_fts",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS resources_searchentry_title_trgm",
    "DROP INDEX IF EXISTS resources_searchentry_document",
    "ALTER TABLE resources_searchentry DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]

"""The full-text index over SearchEntry's analysed terms: a stored generated tsvector (title A,
summary B, text C) with a GIN index, and a trigram index on the titles for near matches."""

from django.db import migrations

INDEX = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE resources_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_terms), 'A') ||
        setweight(to_tsvector('simple', summary_terms), 'B') ||
        setweight(to_tsvector('simple', body_terms), 'C')) STORED""",
    "CREATE INDEX resources_searchentry_document ON resources_searchentry USING GIN (document)",
    "CREATE INDEX resources_searchentry_title_trgm ON resources_searchentry USING GIN (title_terms gin_trgm_ops)",
]
INDEX_REVERSE = [
    "DROP INDEX IF EXISTS resources_searchentry_title_trgm",
    "DROP INDEX IF EXISTS resources_searchentry_document",
    "ALTER TABLE resources_searchentry DROP COLUMN IF EXISTS document",
]


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunSQL(INDEX, INDEX_REVERSE)]

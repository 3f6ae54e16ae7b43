"""The search indexes take each change into their tree at once (GIN `fastupdate` off).

With PostgreSQL's default, new entries wait in a pending list of up to 4 MB that every search
reads through in full until VACUUM merges it: right after 100,000 resources were added, 10,564
entries waited there and each search spent most of its time on them. Resources change a few at a
time, so merging each change at once costs little."""

from django.db import migrations

INDEXES = ("resources_searchentry_document", "resources_searchentry_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("resources", "0005_reindex_chinese_words")]

    operations = [
        migrations.RunSQL(
            [
                *(f"ALTER INDEX {name} SET (fastupdate = off)" for name in INDEXES),
                # What already waits is merged now: the setting only applies to what comes next.
                *(f"SELECT gin_clean_pending_list('{name}'::regclass)" for name in INDEXES),
            ],
            [f"ALTER INDEX {name} RESET (fastupdate)" for name in INDEXES],
        )
    ]

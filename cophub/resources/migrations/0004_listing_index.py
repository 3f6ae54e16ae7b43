"""An index in the order the repository is listed without search words (newest first, where
PostgreSQL's DESC sorts NULLs first unless told): the first page of 100,000 resources is then
read from the index instead of sorting the table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("resources", "0003_deleted_records")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX resources_resource_published_listing ON resources_resource "
            "(published_on DESC NULLS LAST, id DESC) WHERE status = 'published'",
            "DROP INDEX IF EXISTS resources_resource_published_listing",
        )
    ]

"""An index in the order the repository is listed without search words (newest first, on
PostgreSQL where DESC sorts NULLs first unless told): the first page of 100,000 resources is then
read from the index instead of sorting the table. SQLite sorts NULLs last in DESC by itself."""

from django.db import migrations

POSTGRES = [
    "CREATE INDEX resources_resource_published_listing ON resources_resource "
    "(published_on DESC NULLS LAST, id DESC) WHERE status = 'published'"
]
POSTGRES_REVERSE = ["DROP INDEX IF EXISTS resources_resource_published_listing"]
SQLITE = [
    "CREATE INDEX resources_resource_published_listing ON resources_resource "
    "(published_on DESC, id DESC) WHERE status = 'published'"
]
SQLITE_REVERSE = POSTGRES_REVERSE


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("resources", "0003_deleted_records")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]

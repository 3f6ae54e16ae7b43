from django.db import migrations


def create_index(apps, schema_editor):
    # The full-text index exists on PostgreSQL only; SQLite searches the plain text instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS workgroup_document_search_gin "
            "ON workgroup_document USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS workgroup_document_search_gin")


class Migration(migrations.Migration):
    dependencies = [("workgroup", "0002_documents")]

    operations = [migrations.RunPython(create_index, drop_index)]

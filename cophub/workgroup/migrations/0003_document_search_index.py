from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workgroup", "0002_documents")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS workgroup_document_search_gin "
            "ON workgroup_document USING gin (search_vector)",
            "DROP INDEX IF EXISTS workgroup_document_search_gin",
        )
    ]

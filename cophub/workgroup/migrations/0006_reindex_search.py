"""Index the registered documents again with core's text analysis (cophub/core/text.py), which
the registry's search now queries: vectors made with PostgreSQL's own stemmings before would not
match its queries."""

from django.db import migrations


def reindex(apps, schema_editor):
    from cophub.workgroup import search

    Document = apps.get_model("workgroup", "Document")
    indexed = Document.objects.exclude(search_vector=None).prefetch_related("files")
    for document in indexed.iterator(chunk_size=500):
        search.refresh(document)


class Migration(migrations.Migration):
    dependencies = [("workgroup", "0005_registry_version")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]

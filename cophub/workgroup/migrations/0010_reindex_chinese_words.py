"""Index the registered documents again: Chinese text is now cut into words with the smaller
dictionary of core/text.py (data/zh-words.txt), which the registry's queries use too."""

from django.db import migrations


def reindex(apps, schema_editor):
    from cophub.workgroup import search

    Document = apps.get_model("workgroup", "Document")
    indexed = Document.objects.exclude(search_vector=None).prefetch_related("files")
    for document in indexed.iterator(chunk_size=500):
        search.refresh(document)


class Migration(migrations.Migration):
    dependencies = [("workgroup", "0009_co_sources")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]

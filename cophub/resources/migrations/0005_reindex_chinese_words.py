"""Build every resource's search entry again: Chinese text is now cut into words with the
smaller dictionary of core/text.py (data/zh-words.txt), which the searches use too."""

from django.db import migrations


def reindex(apps, schema_editor):
    from cophub.resources.models import Resource
    from cophub.resources.tasks import build_search_entry

    for resource in Resource.objects.prefetch_related("versions").iterator(chunk_size=500):
        build_search_entry(resource)


class Migration(migrations.Migration):
    dependencies = [("resources", "0004_listing_index")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]

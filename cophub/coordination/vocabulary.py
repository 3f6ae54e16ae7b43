"""The register's topic vocabulary, loaded from data/topics.json after every migrate (as core's
reference data and the repository's vocabulary are), so that the codes stay the same everywhere."""

from . import text


def load_topics(apps, using="default") -> None:
    Topic = apps.get_model("coordination", "Topic")
    for order, topic in enumerate(text.vocabulary()):
        labels = {f"label_{code}": label for code, label in topic["labels"].items()}
        Topic.objects.using(using).update_or_create(
            code=topic["code"], defaults={"order": order, "label": topic["labels"]["en"], **labels}
        )

from django.apps import apps

from cophub.audit import registry


def test_every_model_is_followed_or_left_out_with_a_reason():
    labels = {
        m._meta.label
        for m in apps.get_models()
        if m.__module__.startswith("cophub.") and m._meta.app_label != "audit"
    }
    named = set(registry.FOLLOWED) | set(registry.NOT_FOLLOWED)
    assert labels - named == set(), "add the new model to FOLLOWED or NOT_FOLLOWED"
    assert named - labels == set(), "a model named in the registry no longer exists"
    assert not set(registry.FOLLOWED) & set(registry.NOT_FOLLOWED)


def test_no_answer_from_a_child_is_followed():
    assert not any(label.startswith("consultations.") and label.endswith(("Response", "Answer"))
                   for label in registry.FOLLOWED)  # fmt: skip

from modeltranslation.translator import TranslationOptions, register

from .models import Activity, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("label",)


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "description")

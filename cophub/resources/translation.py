from modeltranslation.translator import TranslationOptions, register

from .models import Audience, GuidelineSet, Resource, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("label",)


@register(Audience)
class AudienceTranslation(TranslationOptions):
    fields = ("label",)


@register(GuidelineSet)
class GuidelineSetTranslation(TranslationOptions):
    fields = ("title",)


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "summary")

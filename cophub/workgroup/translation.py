from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Document, Group, Meeting


@register(Group)
class GroupTranslation(TranslationOptions):
    fields = ("name",)


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "abstract")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("place",)

from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Group


@register(Group)
class GroupTranslation(TranslationOptions):
    fields = ("name",)


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title",)

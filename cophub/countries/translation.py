from modeltranslation.translator import TranslationOptions, register

from .models import ChecklistItem


@register(ChecklistItem)
class ChecklistItemTranslation(TranslationOptions):
    fields = ("title", "explanation")

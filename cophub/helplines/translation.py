from modeltranslation.translator import TranslationOptions, register

from .models import Helpline


@register(Helpline)
class HelplineTranslation(TranslationOptions):
    fields = ("name", "description")

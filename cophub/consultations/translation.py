from modeltranslation.translator import TranslationOptions, register

from .models import Consultation, Option, Question


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "introduction", "outcome")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "scale_low", "scale_high", "action_taken")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("text",)

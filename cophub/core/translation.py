from modeltranslation.translator import TranslationOptions, register

from .models import Country, MandateParagraph, Organisation, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name",)


@register(MandateParagraph)
class MandateParagraphTranslation(TranslationOptions):
    fields = ("heading", "title", "text")

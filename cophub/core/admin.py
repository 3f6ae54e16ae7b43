from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Country, MandateParagraph, Organisation, Region

admin.site.site_header = _("COP Hub secretariat")
admin.site.site_title = _("COP Hub")
admin.site.index_title = _("Secretariat")


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["code", "name", "order"]


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["iso2", "name", "region", "itu_member", "ldc", "sids", "lldc"]
    list_filter = ["region", "itu_member", "ldc", "sids", "lldc"]
    search_fields = ["iso2", "iso3", "name"]
    readonly_fields = ["iso2", "iso3", "numeric"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["code", "acronym", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "acronym", "name"]
    autocomplete_fields = ["parent"]


@admin.register(MandateParagraph)
class MandateParagraphAdmin(TranslationAdmin):
    list_display = ["code", "title", "resolution", "section", "number"]
    list_filter = ["resolution", "section"]
    search_fields = ["code", "title", "text"]
    readonly_fields = ["code", "resolution", "section", "number", "order", "text", "text_language"]

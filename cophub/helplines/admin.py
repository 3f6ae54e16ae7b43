"""The secretariat edits the directory here. Channel hours are edited in the text form of the
import (`mo-fr 08:00-20:00`), checked as an import row is; numbers are canonicalised."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from cophub.core.errors import DomainError

from . import services
from .hours import check_timezone, format_hours_text, parse_hours
from .models import (
    VERIFICATION_PERIOD,
    ChangeProposal,
    ChannelKind,
    ContactChannel,
    DailyCount,
    Helpline,
    OpeningHours,
)
from .numbers import canonical_number


class ContactChannelForm(forms.ModelForm):
    hours_text = forms.CharField(
        label=_("hours"),
        required=False,
        help_text=_("For example “mo-fr 08:00-20:00, sa 10:00-14:00”, or “24/7”."),
    )
    works_in_text = forms.CharField(
        label=_("countries where the short code works"),
        required=False,
        help_text=_("ISO codes separated by spaces; empty means the service's country."),
    )

    class Meta:
        model = ContactChannel
        fields = ["kind", "value", "label", "free", "cost_note", "timezone", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["hours_text"].initial = format_hours_text(
                self.instance.always_open, self.instance.hours.all()
            )
            self.fields["works_in_text"].initial = " ".join(self.instance.works_in)

    def clean(self):
        data = super().clean()
        try:
            check_timezone(data.get("timezone") or "")
        except DomainError as error:
            self.add_error("timezone", error.message)
        try:
            data["always_open"], data["openings"] = parse_hours(data.get("hours_text", ""))
        except DomainError as error:
            self.add_error("hours_text", error.message)
        if data.get("kind") in (ChannelKind.PHONE, ChannelKind.SMS) and data.get("value"):
            helpline = getattr(self, "parent_helpline", None)
            country = helpline.country_id if helpline else None
            try:
                data["value"], data["works_in"] = canonical_number(
                    data["value"],
                    country=country,
                    works_in=data.get("works_in_text", "").upper().split(),
                )
            except DomainError as error:
                self.add_error("value", error.message)
        return data

    def save(self, commit=True):
        self.instance.always_open = self.cleaned_data.get("always_open", False)
        self.instance.works_in = self.cleaned_data.get("works_in", [])
        return super().save(commit)


class ContactChannelFormSet(BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        # Each channel's number is checked against its service's country, which may not be
        # saved yet: hand the service (as the form above it has it) to the channel's form.
        form = super()._construct_form(i, **kwargs)
        form.parent_helpline = self.instance
        return form


class ContactChannelInline(admin.StackedInline):
    model = ContactChannel
    form = ContactChannelForm
    formset = ContactChannelFormSet
    extra = 0


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("stale", _("Not verified for more than a year"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.filter(last_verified__lt=timezone.localdate() - VERIFICATION_PERIOD)
        return queryset


@admin.register(Helpline)
class HelplineAdmin(TranslationAdmin):
    list_display = ["name", "kind", "country", "region", "last_verified", "verified_recently"]
    list_filter = [VerificationFilter, "kind", "is_demo", "active", "region"]
    search_fields = ["name", "key", "operator_name", "country__name"]
    list_select_related = ["country", "region"]
    autocomplete_fields = ["country"]
    filter_horizontal = ["mandate"]
    inlines = [ContactChannelInline]
    actions = ["mark_verified_today", "list_for_children"]

    @admin.display(boolean=True, description=_("verified in the last year"))
    def verified_recently(self, obj):
        return not obj.needs_verification(timezone.localdate())

    @admin.action(description=_("Mark as verified today"))
    def mark_verified_today(self, request, queryset):
        for helpline in queryset:
            services.mark_verified(helpline=helpline, on=timezone.localdate(), by=request.user)
        messages.success(request, _("Marked as verified today."))

    @admin.action(description=_("Confirm and show to children"))
    def list_for_children(self, request, queryset):
        for helpline in queryset.filter(active=False):
            services.list_for_children(helpline=helpline, by=request.user)
        messages.success(request, _("Shown to children."))

    @transaction.atomic
    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        for channel_form in formset.forms:
            if not channel_form.has_changed() or channel_form in formset.deleted_forms:
                continue
            channel = channel_form.instance
            if not channel.pk:
                continue
            channel.hours.all().delete()
            OpeningHours.objects.bulk_create(
                OpeningHours(channel=channel, weekday=o.weekday, opens=o.opens, closes=o.closes)
                for o in channel_form.cleaned_data.get("openings", [])
            )


@admin.register(ChangeProposal)
class ChangeProposalAdmin(admin.ModelAdmin):
    list_display = ["helpline", "proposed_by", "proposed_at", "status", "review_link"]
    list_filter = ["status"]
    list_select_related = ["helpline", "proposed_by"]
    readonly_fields = [
        "helpline",
        "rows",
        "note",
        "proposed_by",
        "proposed_at",
        "status",
        "reviewed_by",
        "reviewed_at",
        "review_note",
    ]

    @admin.display(description=_("review"))
    def review_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("helplines:review", kwargs={"pk": obj.pk}), _("Review")
        )

    def has_add_permission(self, request):
        return False


@admin.register(DailyCount)
class DailyCountAdmin(admin.ModelAdmin):
    list_display = ["day", "country", "event", "channel", "count"]
    list_filter = ["event", "day"]
    list_select_related = ["country", "channel__helpline"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

"""The secretariat's tools: consultations and their questions, preview, moderation."""

import datetime

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from cophub.core.errors import DomainError

from . import services
from .models import Answer, Consultation, FreeTextAnswer, Option, Question


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 0
    fields = [
        "order",
        "kind",
        "text",
        "required",
        "scale_low",
        "scale_high",
        "results_published",
        "action_taken",
    ]
    show_change_link = True


class ConsultationContentAdmin(TranslationAdmin):
    """An edit here changes what the young people's pages show: the consultations' version is
    raised with it (the admin's change view is one transaction)."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.consultation_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.consultation_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.consultation_changed()


@admin.register(Consultation)
class ConsultationAdmin(ConsultationContentAdmin):
    list_display = ["title", "meeting", "opens_at", "closes_at", "published", "links"]
    list_filter = ["published"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["mandate", "safeguarding_contacts"]
    readonly_fields = ["opens_at", "closes_at", "links"]
    fields = [
        "meeting", "title", "slug", "introduction", "opens_on", "opens_at_time", "time_zone",
        "duration_hours", "opens_at", "closes_at", "device_limit", "published", "outcome",
        "safeguarding_contacts", "mandate", "links",
    ]  # fmt: skip
    inlines = [QuestionInline]
    actions = ["register_summary_report"]

    @admin.action(
        description=_("Register the summary report as an information document"),
        permissions=["change"],
    )
    def register_summary_report(self, request, queryset):
        for consultation in queryset:
            try:
                services.register_summary_report(
                    consultation=consultation, registered_by=request.user
                )
            except DomainError as error:
                self.message_user(request, f"{consultation}: {error.message}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(consultation)s: registered as %(number)s.")
                    % {"consultation": consultation, "number": consultation.summary_document},
                )

    @admin.display(description=_("Preview, link and QR code"))
    def links(self, obj):
        if not obj.pk:
            return "-"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("consultations:preview", kwargs={"slug": obj.slug}),
            _("Preview"),
            reverse("consultations:detail", kwargs={"slug": obj.slug}),
            _("Public page"),
            reverse("consultations:qr", kwargs={"slug": obj.slug}),
            _("QR code"),
        )

    def save_model(self, request, obj, form, change):
        try:
            services.schedule_consultation(consultation=obj, by=request.user)
        except DomainError as error:
            # The window was checked in the form already (clean); this is the last guard.
            messages.error(request, error.message)
            if not obj.pk:
                raise

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        original_clean = form.clean

        def clean(self_form):
            cleaned = original_clean(self_form)
            meeting = cleaned.get("meeting")
            if meeting and cleaned.get("opens_on") and cleaned.get("time_zone"):
                probe = Consultation(
                    meeting=meeting,
                    opens_on=cleaned["opens_on"],
                    opens_at_time=cleaned.get("opens_at_time")
                    or Consultation._meta.get_field("opens_at_time").default,
                    duration_hours=cleaned.get("duration_hours") or 24,
                    time_zone=cleaned["time_zone"],
                )
                probe.compute_window()
                starts = datetime.datetime.combine(meeting.starts_on, datetime.time(0, 0)).replace(
                    tzinfo=meeting.tz
                )
                if probe.closes_at > starts:
                    self_form.add_error(
                        "opens_on", _("The consultation must close before the meeting starts.")
                    )
            return cleaned

        form.clean = clean
        return form


class OptionInline(TranslationTabularInline):
    model = Option
    extra = 0


@admin.register(Question)
class QuestionAdmin(ConsultationContentAdmin):
    list_display = ["text", "consultation", "kind", "order", "results_published"]
    list_filter = ["kind", "results_published", "consultation"]
    inlines = [OptionInline]


@admin.register(FreeTextAnswer)
class FreeTextAnswerAdmin(admin.ModelAdmin):
    """Moderators read the redacted text and the danger flag only: nothing about the writer."""

    list_display = ["text", "danger", "moderation", "question"]
    list_filter = ["danger", "moderation", "question__consultation"]
    fields = ["question", "text", "danger", "moderation"]
    readonly_fields = ["question", "text", "danger"]
    actions = ["approve", "reject"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .exclude(moderation=Answer.Moderation.NONE)
            .select_related("question")
            .order_by("-danger", "moderation", "pk")
        )

    def has_add_permission(self, request):
        return False

    def _moderate(self, request, queryset, approve):
        for answer in queryset:
            services.moderate_answer(answer=answer, approve=approve, by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d answer moderated.", "%(count)d answers moderated.", count)
            % {"count": count},
        )

    @admin.action(description=_("Approve for quoting"))
    def approve(self, request, queryset):
        self._moderate(request, queryset, True)

    @admin.action(description=_("Do not quote"))
    def reject(self, request, queryset):
        self._moderate(request, queryset, False)

"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path, register_converter

from . import desk, meeting_views, outcome_views, views


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class ReportKindConverter:
    """The reports made by the same machinery as the yearly report, under their own kind."""

    regex = "sg-pp|bdt-67|un-sg"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(YearConverter, "year")
register_converter(ReportKindConverter, "reportkind")

app_name = "workgroup"
urlpatterns = [
    path("documents/", views.registry, name="registry"),
    path("documents/submit/", views.submit, name="submit"),
    path("documents/submissions/", views.submissions, name="submissions"),
    path("documents/submissions/<int:pk>/", views.submission, name="submission"),
    path("documents/co-sources/", views.co_sources, name="co-sources"),
    path("documents/subscribe/", views.subscribe, name="subscribe"),
    path("documents/subscribe/confirm/<str:token>/", views.confirm_subscription, name="confirm-subscription"),
    path("documents/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("documents/<str:slug>/", views.document_detail, name="document"),
    path("documents/<str:slug>/files/<str:language>/", views.document_file, name="document-file"),
    path("documents/<str:slug>/diff/<str:other>/", views.document_diff, name="document-diff"),
    path("documents/<str:slug>/withdraw/", views.withdraw, name="withdraw"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/manage/", meeting_views.meeting_desk, name="meeting-desk"),
    path("meetings/new/", meeting_views.meeting_new, name="meeting-new"),
    path("meetings/<str:code>/", views.meeting_detail, name="meeting"),
    path("meetings/<str:code>/edit/", meeting_views.meeting_edit, name="meeting-edit"),
    path("meetings/<str:code>/manage/", meeting_views.meeting_manage, name="meeting-manage"),
    path("meetings/<str:code>/manage/consultation/", meeting_views.meeting_consultation, name="meeting-consultation"),
    path("meetings/<str:code>/manage/papers/<int:pk>/", meeting_views.paper_generation, name="meeting-paper"),
    path("meetings/<str:code>/manage/<slug:action>/", meeting_views.meeting_action, name="meeting-action"),
    path("meetings/<str:code>/participants.pdf", meeting_views.participants_file, {"fmt": "pdf"}, name="meeting-participants-pdf"),
    path("meetings/<str:code>/participants.docx", meeting_views.participants_file, {"fmt": "docx"}, name="meeting-participants-docx"),
    path("liaisons/", views.liaison_list, name="liaisons"),
    path("reports/", views.report_list, name="reports"),
    path("reports/annual/<year:year>/", views.report, {"kind": "annual"}, name="annual-report"),
    path("reports/annual/<year:year>.pdf", views.report, {"kind": "annual", "fmt": "pdf"}, name="annual-report-pdf"),
    path("reports/annual/<year:year>.docx", views.report, {"kind": "annual", "fmt": "docx"}, name="annual-report-docx"),
    path("reports/annual/<year:year>/register/", views.register_report, {"kind": "annual"}, name="annual-report-register"),
    path("reports/final/", views.report, {"kind": "final"}, name="final-report"),
    path("reports/final.pdf", views.report, {"kind": "final", "fmt": "pdf"}, name="final-report-pdf"),
    path("reports/final.docx", views.report, {"kind": "final", "fmt": "docx"}, name="final-report-docx"),
    path("reports/final/register/", views.register_report, {"kind": "final"}, name="final-report-register"),
    path("reports/annual/<year:year>/write/", outcome_views.report_texts, {"kind": "annual"}, name="annual-report-texts"),
    path("reports/final/write/", outcome_views.report_texts, {"kind": "final"}, name="final-report-texts"),
    path("reports/<reportkind:kind>/<year:year>/", views.report, name="other-report"),
    path("reports/<reportkind:kind>/<year:year>.pdf", views.report, {"fmt": "pdf"}, name="other-report-pdf"),
    path("reports/<reportkind:kind>/<year:year>.docx", views.report, {"fmt": "docx"}, name="other-report-docx"),
    path("reports/<reportkind:kind>/<year:year>/write/", outcome_views.report_texts, name="other-report-texts"),
    path("reports/generations/<int:pk>/", outcome_views.report_generation, name="report-generation"),
    path("meetings/<str:code>/report/", outcome_views.meeting_report, name="meeting-report"),
    path("documents/<str:slug>/send/", outcome_views.send_document, name="send-document"),
    path("distribution-lists/", outcome_views.distribution_lists, name="distribution-lists"),
    path("desk/", desk.desk, name="desk"),
    path("desk/account-requests/<int:pk>/", desk.decide_account_request, name="desk-account-request"),
]  # fmt: skip

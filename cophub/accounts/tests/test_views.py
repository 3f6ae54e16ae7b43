import pytest
from django.core import mail

from cophub.accounts.models import AccountRequest, User
from cophub.jobs.models import OutgoingMail

from .factories import (
    AccountRequestFactory,
    DelegateFactory,
    SecretariatFactory,
    with_verified_device,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a long and safe passphrase"


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_login_page_answers(client, lang):
    response = client.get(f"/{lang}/accounts/login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Please enter a correct e-mail address and password."),
        ("fr", "Saisissez"),
        ("ar", "الرجاء"),
        ("zh", "请输入"),
    ],
)
def test_wrong_password_is_refused_in_the_page_language(client, lang, message):
    user = DelegateFactory(email="wanjiru@example.org")
    response = client.post(
        f"/{lang}/accounts/login/", {"username": "wanjiru@example.org", "password": "wrong"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.last_login is None


def test_right_password_signs_in_and_shows_the_account(client):
    DelegateFactory(email="wanjiru@example.org", full_name="Wanjiru Kamau")
    response = client.post(
        "/en/accounts/login/",
        {"username": "WANJIRU@example.org", "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/en/accounts/profile/"
    html = response.content.decode()
    assert "Wanjiru Kamau" in html and "Kenya" in html


def test_the_account_page_needs_signing_in(client):
    response = client.get("/fr/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=")


def test_signing_out_takes_a_post(client):
    client.force_login(DelegateFactory())
    assert client.get("/en/accounts/logout/").status_code == 405
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_request_form_with_missing_fields_says_what_is_missing_in_the_page_language(client):
    response = client.post(
        "/ru/accounts/request/", {"email": "not-an-address", "role": "member_state"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "Обязательное поле." in html  # Django's own Russian for "This field is required."
    assert "Введите правильный адрес электронной почты." in html
    assert AccountRequest.objects.count() == 0
    assert mail.outbox == []


def test_request_form_rule_errors_belong_to_their_field(client):
    response = client.post(
        "/en/accounts/request/",
        {
            "full_name": "Ana",
            "email": "ana@example.org",
            "role": "member_state",
            "position": "Adviser",
            "preferred_language": "en",
        },
    )
    html = response.content.decode()
    assert 'id="id_country_error"' in html
    assert "Choose the Member State you represent." in html
    assert AccountRequest.objects.count() == 0


def test_request_form_sends_the_request(client):
    response = client.post(
        "/es/accounts/request/",
        {
            "full_name": "Ana Souza",
            "email": "ana@example.org",
            "role": "member_state",
            "country": "BR",
            "position": "Adviser",
            "preferred_language": "es",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/request/sent/"
    assert AccountRequest.objects.get().country_id == "BR"


def test_the_country_list_offers_only_itu_member_states_in_the_page_language_and_order(client):
    import re

    from babel.core import Locale

    html = client.get("/fr/accounts/request/").content.decode()
    assert '<option value="DE">Allemagne</option>' in html
    assert 'value="PR"' not in html
    names = re.findall(r'<option value="[A-Z]{2}">([^<]+)</option>', html)
    assert len(names) == 194
    # Afrique du Sud and Allemagne come before Andorre, as in a French index.
    assert names.index("Afrique du Sud") < names.index("Allemagne") < names.index("Andorre")
    spanish = re.findall(
        r'<option value="[A-Z]{2}">([^<]+)</option>',
        client.get("/es/accounts/request/").content.decode(),
    )
    assert spanish.index(Locale("es").territories["DE"]) < spanish.index(
        Locale("es").territories["AD"]
    )


def test_an_approved_delegate_without_a_password_yet_can_ask_for_a_link(
    client, django_capture_on_commit_callbacks
):
    from cophub.accounts import services

    account_request = AccountRequestFactory(email="late@example.org", preferred_language="fr")
    user = services.approve_account_request(
        account_request=account_request, decided_by=SecretariatFactory()
    )
    assert not user.has_usable_password()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/accounts/password/reset/", {"email": "LATE@example.org"})
    assert [message.to for message in mail.outbox] == [["late@example.org"]]


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(
    client, django_capture_on_commit_callbacks
):
    DelegateFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/en/accounts/password/reset/", {"email": "known@example.org"})
    # The link waits in the outbox for the task queue: the answer did not wait for a mail server.
    assert OutgoingMail.objects.get().recipient == "known@example.org"
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [["known@example.org"]]
    assert "/en/accounts/password/reset/" in mail.outbox[0].body


def test_secretariat_approves_requests_in_the_admin(client, django_capture_on_commit_callbacks):
    client.force_login(SecretariatFactory())
    account_request = AccountRequestFactory(email="new.delegate@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/admin/accounts/accountrequest/",
            {"action": "approve", "_selected_action": [account_request.pk]},
        )
    assert response.status_code == 302
    assert User.objects.get(email="new.delegate@example.org").country_id == "FR"
    assert mail.outbox[-1].to == ["new.delegate@example.org"]


def test_secretariat_rejects_with_a_reason_in_the_admin(client):
    client.force_login(SecretariatFactory())
    account_request = AccountRequestFactory()
    page = client.post(
        "/en/admin/accounts/accountrequest/",
        {"action": "reject", "_selected_action": [account_request.pk]},
    )
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    account_request.refresh_from_db()
    assert account_request.status == "pending"
    client.post(
        "/en/admin/accounts/accountrequest/",
        {
            "action": "reject",
            "_selected_action": [account_request.pk],
            "reason": "Duplicate of an earlier request",
        },
    )
    account_request.refresh_from_db()
    assert (account_request.status, account_request.decision_reason) == (
        "rejected",
        "Duplicate of an earlier request",
    )


def test_the_secretariat_role_works_in_the_admin_without_being_superuser(
    client, django_capture_on_commit_callbacks
):
    from cophub.accounts.models import Role

    secretariat = User.objects.create_user(
        "staff@example.org", PASSWORD, full_name="Staff", role=Role.SECRETARIAT
    )
    assert secretariat.is_staff and not secretariat.is_superuser
    client.force_login(with_verified_device(secretariat))
    account_request = AccountRequestFactory(email="via.role@example.org")
    assert client.get("/en/admin/accounts/accountrequest/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/admin/accounts/accountrequest/",
            {"action": "approve", "_selected_action": [account_request.pk]},
        )
    assert User.objects.filter(email="via.role@example.org").exists()
    # Powers beyond the roles stay with superusers.
    page = client.get(f"/en/admin/accounts/user/{secretariat.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page


def test_an_account_without_the_secretariat_role_does_not_open_the_admin(client):
    """Staff status follows the role: asking for it, or holding a permission, opens nothing."""
    from django.contrib.auth.models import Permission

    viewer = User.objects.create_user(
        "viewer@example.org", PASSWORD, full_name="Viewer", is_staff=True
    )
    assert not viewer.is_staff
    viewer.user_permissions.add(Permission.objects.get(codename="view_accountrequest"))
    client.force_login(with_verified_device(viewer))
    response = client.get("/en/admin/accounts/accountrequest/")
    assert response.status_code == 302 and response["Location"].startswith("/en/admin/login/")
    account_request = AccountRequestFactory()
    client.post(
        "/en/admin/accounts/accountrequest/",
        {"action": "approve", "_selected_action": [account_request.pk]},
    )
    account_request.refresh_from_db()
    assert account_request.status == "pending"
    assert not User.objects.filter(email=account_request.email).exists()


def test_reference_data_is_read_only_in_the_admin_but_added_organisations_are_not(client):
    from cophub.core.models import Organisation

    client.force_login(SecretariatFactory())
    assert client.post("/en/admin/core/country/DE/change/", {"name_en": "X"}).status_code == 403
    assert client.get("/en/admin/core/organisation/add/").status_code == 200
    itu = Organisation.objects.get(code="itu")
    assert (
        'name="name_en"'
        not in client.get(f"/en/admin/core/organisation/{itu.pk}/change/").content.decode()
    )
    own = Organisation.objects.create(
        code="safe-play", kind="stakeholder", name="Safe Play", name_en="Safe Play"
    )
    assert (
        'name="name_en"'
        in client.get(f"/en/admin/core/organisation/{own.pk}/change/").content.decode()
    )


def test_delegates_cannot_open_the_admin(client):
    client.force_login(DelegateFactory())
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/accounts/accountrequest/",
        "/admin/accounts/user/",
        "/admin/core/country/",
        "/admin/core/country/DE/change/",
        "/admin/core/organisation/",
        "/admin/core/mandateparagraph/",
    ],
)
def test_secretariat_admin_pages_answer_in_each_language(client, lang, path):
    client.force_login(SecretariatFactory())
    AccountRequestFactory()
    response = client.get(f"/{lang}{path}")
    assert response.status_code == 200
    assert f'lang="{lang}"' in response.content.decode()


def test_only_the_truly_optional_field_is_marked_optional(client):
    html = client.get("/en/accounts/request/").content.decode()
    # The note is optional; country and organisation are required for some roles, which their
    # help text says, so they carry no "(optional)".
    assert html.count("(optional)") == 1
    assert 'Why you need an account <span class="optional">(optional)</span>' in html


def test_the_admin_javascript_strings_are_in_chinese_too(client):
    client.force_login(SecretariatFactory())
    script = client.get("/zh/admin/jsi18n/").content.decode()
    # Django's own Chinese for "%(sel)s of %(cnt)s selected", as the catalog escapes it.
    assert '"%(sel)s of %(cnt)s selected": [\n      "\\u9009\\u4e2d\\u4e86 %(cnt)s' in script

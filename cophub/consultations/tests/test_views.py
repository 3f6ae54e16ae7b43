import datetime
import io
import re

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.consultations.models import Answer, Response

from .factories import answers_for, consultation, move_to_past, respond, token_for

pytestmark = pytest.mark.django_db


def _url(name, item, lang="en"):
    with translation.override(lang):
        return reverse(f"consultations:{name}", kwargs={"slug": item.slug})


def test_list_page_counts_queries(client, django_assert_num_queries):
    for n in range(3):
        consultation(slug=f"c{n}")
    with django_assert_num_queries(2):
        response = client.get("/en/consultations/")
    assert response.status_code == 200
    assert response.content.count(b'class="card"') == 3


def test_detail_shows_the_live_count_link_and_qr(client):
    item = consultation()
    respond(item)
    page = client.get(_url("detail", item))
    assert page.status_code == 200
    assert "1 young person has taken part" in page.content.decode()
    assert _url("take-part", item).encode() in page.content
    qr = client.get(_url("qr", item))
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg")


def test_unpublished_consultations_are_not_public(client):
    item = consultation(published=False)
    assert client.get(_url("detail", item)).status_code == 404


def test_the_consent_step_leads_to_the_questions(client):
    item = consultation()
    page = client.get(_url("take-part", item, "ar"))
    assert page.status_code == 200
    # Nothing but the form's CSRF cookie: no session, nothing that could follow a child.
    assert set(page.cookies) <= {"csrftoken"}
    refused = client.post(
        _url("take-part", item, "ar"), {"age_band": "13-15", "sex": "girl", "country": "EG"}
    )
    assert refused.status_code == 422
    assert "يرجى" in refused.content.decode()
    accepted = client.post(
        _url("take-part", item, "ar"),
        {"age_band": "13-15", "sex": "girl", "country": "EG", "consent": "on"},
    )
    # The questions answer the post: no address carries the participant's form.
    assert accepted.status_code == 200
    assert "أين تقضي معظم وقتك على الإنترنت؟" in accepted.content.decode()


def test_under_13_needs_an_adult_and_sees_no_free_text(client):
    item = consultation()
    url = _url("take-part", item)
    refused = client.post(url, {"age_band": "u13", "sex": "boy", "country": "FR", "consent": "on"})
    assert "parent, carer or teacher" in refused.content.decode()
    accepted = client.post(
        url,
        {"age_band": "u13", "sex": "boy", "country": "FR", "consent": "on", "adult_agrees": "on"},
    )
    assert "<textarea" not in accepted.content.decode()


def _post_answers(client, item, *, lang="en", text="", token=None, country="KE", **changes):
    answers = answers_for(item, text=text) | changes
    data = {"p": token or token_for(item, language=lang, country=country)} | answers
    return client.post(_url("questions", item, lang), data)


def test_a_danger_signal_shows_help_at_once(client):
    item = consultation()
    response = _post_answers(client, item, text="Mon oncle me touche", lang="fr", country="FR")
    assert response.status_code == 200
    body = response.content.decode()
    assert "116 111" in body
    assert 'class="help-now"' in body
    assert Answer.objects.get(danger=True).text == "Mon oncle me touche"


def test_a_phone_number_is_stored_redacted(client):
    item = consultation()
    _post_answers(client, item, text="call me 0712 345678")
    assert Answer.objects.exclude(text="").get().text == "call me [phone]"


@pytest.mark.parametrize(
    "text, message",
    [
        ("x" * 100_000, "طويلة"),
        ("<script>alert(1)</script>", "نصًا عاديًا"),
        ("hello \u202eevil", "اتجاه"),
    ],
)
def test_bad_text_is_refused_in_the_childs_language(client, text, message):
    item = consultation()
    response = _post_answers(client, item, lang="ar", text=text)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Response.objects.exists()


def test_the_country_list_holds_only_places_where_children_live(client):
    item = consultation()
    page = client.get(_url("take-part", item)).content.decode()
    assert 'value="KE"' in page and 'value="FR"' in page
    assert 'value="AQ"' not in page and 'value="BV"' not in page and 'value="HM"' not in page
    refused = client.post(
        _url("take-part", item),
        {"age_band": "13-15", "sex": "girl", "country": "AQ", "consent": "on"},
    )
    assert refused.status_code == 422
    assert "Please choose your country." in refused.content.decode()


def test_only_the_optional_question_is_marked_optional(client):
    item = consultation()
    page = client.post(
        _url("take-part", item, "ar"),
        {"age_band": "16-17", "sex": "girl", "country": "EG", "consent": "on"},
    ).content.decode()
    labels = re.findall(r"<(?:legend|label)[^>]*>(.*?)</(?:legend|label)>", page, re.S)
    marked = [label for label in labels if "(اختياري)" in label]
    # The free-text question is the optional one; the three others need an answer.
    assert len(marked) == 1
    assert item.questions.get(required=False).text_ar in marked[0]
    assert sum(text in page for text in item.questions.values_list("text_ar", flat=True)) == 4


def test_a_refused_answer_shows_the_service_message_once(client):
    item = consultation()
    single, _multiple, _scale, _text = list(answers_for(item))
    body = _post_answers(client, item, lang="zh", **{single: []}).content.decode()
    assert body.count("请回答这个问题。") == 2  # in the summary and beside the question
    assert "This field is required" not in body


def test_times_are_shown_in_the_consultations_time_zone_named_in_the_page_language(client):
    item = consultation(state="upcoming")
    item.time_zone, item.opens_at_time = "Europe/Zurich", datetime.time(6, 0)
    item.compute_window()
    item.save()
    english = client.get(_url("detail", item, "en")).content.decode()
    assert "6:00\u202fAM" in english  # Babel's English short time, not 5:00 (UTC)
    assert "(Zurich time)" in english
    assert "Europe/Zurich" not in english
    chinese = client.get(_url("detail", item, "zh")).content.decode()
    assert "06:00" in chinese
    assert "苏黎世" in chinese


def test_unknown_option_and_missing_answer(client):
    item = consultation()
    answers = answers_for(item)
    single, _multiple, scale, _text = list(answers)
    response = _post_answers(client, item, lang="zh", **{single: ["424242"], scale: []})
    body = response.content.decode()
    assert response.status_code == 422
    assert "请回答这个问题。" in body
    assert "请从显示的答案中选择一个。" in body
    assert not Response.objects.exists()


def test_a_replayed_form_is_refused(client):
    item = consultation()
    token = token_for(item, language="es")
    assert _post_answers(client, item, lang="es", token=token).status_code == 200
    replay = _post_answers(client, item, lang="es", token=token)
    assert replay.status_code == 409
    assert "Ya enviaste" in replay.content.decode()
    assert Response.objects.count() == 1


def test_a_closed_consultation_refuses_answers(client):
    item = consultation()
    token = token_for(item)
    move_to_past(item)
    response = _post_answers(client, item, lang="ru", token=token)
    assert response.status_code == 422
    assert "закрыта" in response.content.decode()
    assert not Response.objects.exists()


def _closed_with_answers():
    item = consultation()
    for n in range(6):
        respond(item, device=f"d{n}", age_band="13-15", sex="girl", country="EG")
    for n in range(3):
        respond(item, device=f"e{n}", age_band="16-17", sex="boy", country="CN")
    respond(item, device="x", text="More lessons on privacy please", country="KE")
    Answer.objects.exclude(text="").update(moderation="approved")
    return move_to_past(item)


def test_results_are_broken_down_with_small_cells_hidden(client, django_assert_max_num_queries):
    item = _closed_with_answers()
    with django_assert_max_num_queries(18):
        page = client.get(_url("results", item))
    body = page.content.decode()
    assert page.status_code == 200
    assert "10 young people took part." in body
    assert '<th scope="row">Egypt</th><td>6</td>' in body
    # China's 3 and Kenya's 1 are hidden.
    assert '<th scope="row">China</th><td><span class="suppressed">&lt;5</span>' in body
    assert "<svg" in body and "chart-bar" in body
    assert "More lessons on privacy please" in body
    assert "Most common combinations" in body


def test_unapproved_quotes_and_unpublished_questions_stay_hidden(client):
    item = _closed_with_answers()
    Answer.objects.exclude(text="").update(moderation="pending")
    item.questions.filter(order=1).update(results_published=False)
    body = client.get(_url("results", item)).content.decode()
    assert "More lessons on privacy please" not in body
    assert "Where do you go online most?" not in body
    assert "How safe do you feel online?" in body


def test_results_wait_for_the_window_to_close(client):
    item = consultation()
    assert client.get(_url("results", item)).status_code == 404


def test_exports(client):
    item = _closed_with_answers()
    csv_text = client.get(_url("results-csv", item)).content.decode("utf-8-sig")
    assert "Where do you go online most?,By country" not in csv_text
    assert "Egypt" in csv_text and "China" in csv_text
    china_rows = [line for line in csv_text.splitlines() if ",China," in line]
    assert china_rows and all(line.endswith(",") for line in china_rows)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(_url("results-xlsx", item)).content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("Question", "Broken down by", "Group", "Answer", "Number")
    assert any(row[2] == "Egypt" and row[4] == 6 for row in rows)
    pdf = client.get(_url("summary-pdf", item, "ar"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_preview_is_for_the_secretariat(client):
    item = consultation(state="upcoming", published=False)
    assert client.get(_url("preview", item)).status_code == 302
    client.force_login(SecretariatFactory())
    page = client.get(_url("preview", item))
    assert page.status_code == 200
    assert "Preview for the secretariat" in page.content.decode()
    assert "Send my answers" not in page.content.decode()
    # The sample questions are in Arabic, Chinese and English only: the preview says so.
    assert "Not yet in every language" in page.content.decode()
    assert (
        "<bdi>Where do you go online most?</bdi>: <bdi>fr</bdi>, <bdi>ru</bdi>, and <bdi>es</bdi>"
        in page.content.decode()
    )


def test_you_said_we_did_after_the_meeting(client):
    item = _closed_with_answers()
    item.questions.filter(order=3).update(action_taken_en="We asked platforms for safer defaults.")
    body = client.get(_url("detail", item)).content.decode()
    assert "You said, we did" in body
    assert "We asked platforms for safer defaults." in body


def test_summary_report_files_in_six_languages():
    from pypdf import PdfReader

    from cophub.consultations.exports import summary_report_files

    item = _closed_with_answers()
    files = summary_report_files(item)
    assert set(files) == {"ar", "zh", "en", "fr", "ru", "es"}
    name, content = files["zh"]
    assert name == f"{item.slug}-summary-zh.pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "你最常上哪里的网" in text
    arabic = "".join(page.extract_text() for page in PdfReader(io.BytesIO(files["ar"][1])).pages)
    assert "النتائج" in arabic or "شارك" in arabic


def test_the_plain_thank_you_page_is_the_same_for_everyone_and_the_danger_one_is_not(client):
    item = consultation()
    first = _post_answers(client, item, text="I like games")
    second = _post_answers(client, item, text="More lessons please")
    assert first.content == second.content
    danger = _post_answers(client, item, text="quiero morirme", lang="es", country="ES")
    assert "116 111" in danger.content.decode()
    client.force_login(SecretariatFactory(full_name="Amina Staff"))
    signed_in = _post_answers(client, item, text="ok")
    assert "Amina Staff" in signed_in.content.decode()
    client.logout()
    after = _post_answers(client, item, text="ok")
    assert "Amina Staff" not in after.content.decode()
    assert Response.objects.count() == 5


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


FORM_FIELD = re.compile(r'name="p" value="([^"]+)"')
PROFILE = {"age_band": "13-15", "sex": "girl", "country": "KE", "consent": "on"}


def _questions_for(client, item, lang="en", csrf=None, **profile):
    """The consent step, answered with the question page (no address carries the form)."""
    data = PROFILE | profile | ({"csrfmiddlewaretoken": csrf} if csrf else {})
    return client.post(_url("take-part", item, lang), data)


def test_the_blank_question_page_carries_each_participants_form_and_csrf_token():
    item = consultation()
    browser = Client(enforce_csrf_checks=True)
    consent = browser.get(_url("take-part", item)).content.decode()
    csrf = CSRF_FIELD.search(consent).group(1)
    pages = [_questions_for(browser, item, csrf=csrf, sex=sex) for sex in ("girl", "boy")]
    htmls = [page.content.decode() for page in pages]
    tokens = [FORM_FIELD.search(html).group(1) for html in htmls]
    for html, mine, other in [(htmls[0], *tokens), (htmls[1], *reversed(tokens))]:
        assert "?p=" not in html and mine != other and other not in html
        assert f'href="/ar/consultations/{item.slug}/take-part/"' in html  # language links
    # Apart from the two tokens, the pages are the same.
    masked = [
        CSRF_FIELD.sub("", html.replace(token, "FORM"))
        for html, token in zip(htmls, tokens, strict=True)
    ]
    assert masked[0] == masked[1]
    csrf = CSRF_FIELD.search(htmls[1]).group(1)
    sent = browser.post(
        _url("questions", item),
        {"csrfmiddlewaretoken": csrf, "p": tokens[1]} | answers_for(item, text="ok"),
    )
    assert sent.status_code == 200
    assert Response.objects.get().sex == "boy"
    refused = browser.post(
        _url("questions", item),
        {"csrfmiddlewaretoken": "x" * 64, "p": tokens[0]} | answers_for(item, text="ok"),
    )
    assert refused.status_code == 403
    assert Response.objects.count() == 1


def test_no_address_carries_the_form(client):
    item = consultation()
    # An old link with a form in its address, or a reload: back to the consent step.
    old = client.get(f"{_url('questions', item)}?p={token_for(item)}")
    assert old.status_code == 302 and old["Location"] == _url("take-part", item)
    page = _questions_for(client, item)
    assert page.status_code == 200 and "?p=" not in page.content.decode()


def test_the_form_keeps_the_time_to_the_second_only():
    from cophub.consultations.services import _signer

    item = consultation()
    payload = _signer(item).unsign_object(token_for(item))
    assert set(payload) == {"a", "s", "c", "l", "n", "t"}
    assert payload["t"] < 10**11  # seconds, not milliseconds


def test_a_signed_in_person_and_an_under_13_see_their_own_question_page(client):
    item = consultation()
    under_13 = _questions_for(client, item, age_band="u13", adult_agrees="on")
    older = _questions_for(client, item, age_band="16-17")
    assert "<textarea" not in under_13.content.decode()
    assert "<textarea" in older.content.decode()
    client.force_login(SecretariatFactory(full_name="Amina Staff"))
    signed_in = _questions_for(client, item)
    assert "Amina Staff" in signed_in.content.decode()


def test_a_change_by_the_secretariat_shows_on_the_next_question_page(client):
    """The question page is kept in each process; scheduling and edits in the admin raise the
    consultations' version, so the next young person reads the change, not a kept copy."""
    from django.contrib import admin
    from django.test import RequestFactory

    from cophub.consultations import services
    from cophub.consultations.models import Question

    item = consultation()
    first = _questions_for(client, item).content.decode()
    question = item.questions.get(order=1)
    assert "What makes you feel safe online?" in first and question.text_en in first
    item.title_en = "Tell us what keeps you safe online"
    services.schedule_consultation(consultation=item, by=SecretariatFactory())
    assert "Tell us what keeps you safe online" in _questions_for(client, item).content.decode()
    admin.site._registry[Question].delete_model(RequestFactory().post("/"), question)
    assert question.text_en not in _questions_for(client, item).content.decode()

"""Demo data: three years of CWG-COP meetings with about 200 contributions from about 40 Member
States and organisations, titles in several languages, files whose text comes from the two
resolutions (Arabic, as published) and short summaries in the other languages."""

import datetime
import io
import random
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from cophub.core.models import Country, MandateParagraph, Organisation

from . import outcome_demo, services
from .models import AgendaItem, Document, Group, Meeting, MeetingRegistration

TEXTS = Path(__file__).resolve().parent / "data"
DEMO_SECRETARIAT = "secretariat@demo.cophub.invalid"

GROUPS = [
    ("CWG-COP", "cwg", {"en": "Council Working Group on Child Online Protection", "fr": "Groupe de travail du Conseil sur la protection en ligne des enfants", "es": "Grupo de Trabajo del Consejo sobre la Protección de la Infancia en Línea", "ar": "فريق العمل التابع للمجلس المعني بحماية الأطفال على الإنترنت", "ru": "Рабочая группа Совета по защите ребенка в онлайновой среде", "zh": "理事会儿童在线保护工作组"}),
    ("CWG-INTERNET", "cwg", {"en": "Council Working Group on international Internet-related public policy issues", "fr": "Groupe de travail du Conseil sur les questions de politiques publiques internationales relatives à l'Internet", "es": "Grupo de Trabajo del Consejo sobre cuestiones de política pública internacional relacionadas con Internet", "ar": "فريق العمل التابع للمجلس المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت", "ru": "Рабочая группа Совета по вопросам международной государственной политики, касающимся интернета", "zh": "理事会国际互联网相关公共政策问题工作组"}),
    ("ITU-T-SG17", "sg", {"en": "ITU-T Study Group 17 (Security)", "fr": "Commission d'études 17 de l'UIT-T (Sécurité)", "es": "Comisión de Estudio 17 del UIT-T (Seguridad)", "ar": "لجنة الدراسات 17 لقطاع تقييس الاتصالات (الأمن)", "ru": "17-я Исследовательская комиссия МСЭ-T (Безопасность)", "zh": "ITU-T第17研究组（安全）"}),
]  # fmt: skip

# Where the group meets in person, in each language.
GENEVA = {
    "en": "Geneva",
    "fr": "Genève",
    "es": "Ginebra",
    "ar": "جنيف",
    "ru": "Женева",
    "zh": "日内瓦",
}

# (number, weeks from today to its first day, place) of the CWG-COP meetings: two a year for three
# years, the last one held eleven weeks ago, the next one in three weeks (its call out, its
# deadline ahead) and the one after it planned. Dates follow today, so the demo always shows a
# cycle complete and one under way.
MEETINGS = [
    (20, -161, "Geneva"),
    (21, -131, ""),
    (22, -101, "Geneva"),
    (23, -71, "Geneva"),
    (24, -41, ""),
    (25, -11, "Geneva"),
    (26, 3, "Geneva"),
    (27, 33, ""),
]


def first_day(number: int, today: datetime.date | None = None) -> datetime.date:
    """The demo meeting's first day, counted from today."""
    weeks = next(weeks for n, weeks, _place in MEETINGS if n == number)
    return (today or timezone.localdate()) + datetime.timedelta(weeks=weeks)


AGENDA = [
    ("1", {"en": "Opening of the meeting", "fr": "Ouverture de la réunion", "es": "Apertura de la reunión", "ar": "افتتاح الاجتماع", "ru": "Открытие собрания", "zh": "会议开幕"}),
    ("2", {"en": "Adoption of the agenda", "fr": "Adoption de l'ordre du jour", "es": "Adopción del orden del día", "ar": "اعتماد جدول الأعمال", "ru": "Утверждение повестки дня", "zh": "通过议程"}),
    ("3", {"en": "Contributions from Member States and stakeholders", "fr": "Contributions des États Membres et des parties prenantes", "es": "Contribuciones de los Estados Miembros y las partes interesadas", "ar": "مساهمات الدول الأعضاء وأصحاب المصلحة", "ru": "Вклады Государств-Членов и заинтересованных сторон", "zh": "成员国和利益攸关方的文稿"}),
    ("4", {"en": "Youth consultations", "fr": "Consultations des jeunes", "es": "Consultas a los jóvenes", "ar": "مشاورات الشباب", "ru": "Консультации с молодежью", "zh": "青年磋商"}),
    ("5", {"en": "Report to Council", "fr": "Rapport au Conseil", "es": "Informe al Consejo", "ar": "التقرير المقدم إلى المجلس", "ru": "Отчет Совету", "zh": "向理事会提交的报告"}),
]  # fmt: skip

# The topics of the demo contributions (what each is about, then its title in each language it is
# written in): a translation of a contribution has the same topic, so the same title.
TOPICS = [
    {"topic": "strategy", "en": "National strategy for child online protection", "fr": "Stratégie nationale de protection des enfants en ligne", "es": "Estrategia nacional de protección de la infancia en línea", "ar": "الاستراتيجية الوطنية لحماية الأطفال على الإنترنت", "ru": "Национальная стратегия защиты ребенка в онлайновой среде", "zh": "儿童在线保护国家战略"},
    {"topic": "design", "en": "Age-appropriate design in online games", "fr": "Conception adaptée à l'âge dans les jeux en ligne"},
    {"topic": "helplines", "en": "Helplines for children: lessons from {place}", "fr": "Lignes d'assistance pour les enfants : l'expérience de {place}", "es": "Líneas de ayuda para niños y niñas: la experiencia de {place}", "ar": "خطوط المساعدة للأطفال: تجربة {place}", "ru": "Телефоны доверия для детей: опыт {place}", "zh": "儿童求助热线：{place}的经验"},
    {"topic": "skills", "en": "Digital skills education in primary schools", "fr": "L'éducation aux compétences numériques à l'école primaire", "es": "Educación en competencias digitales en la escuela primaria", "ar": "التثقيف في مجال المهارات الرقمية في المدارس الابتدائية", "ru": "Обучение цифровым навыкам в начальной школе", "zh": "小学数字技能教育"},
    {"topic": "data", "en": "Data on children's Internet use, disaggregated by age and sex", "es": "Datos sobre el uso de Internet por los niños, desglosados por edad y sexo"},
    {"topic": "hotline", "en": "Reporting child sexual abuse material: a hotline's experience"},
    {"topic": "parental", "en": "Parental tools that respect children's rights"},
    {"topic": "awareness", "en": "Awareness campaign for Safer Internet Day", "ar": "حملة توعية بشأن الاستعمال الآمن للإنترنت"},
]  # fmt: skip

# The paragraphs a contribution on each topic serves.
TOPIC_MANDATE = {
    "strategy": ("R179/BDT/8", "R179/MS/9"),  # national COP strategies; in cybersecurity ones
    "design": ("R179/SM/1", "R179/MSSM/1"),  # industry's tools; the most effective technologies
    "helplines": ("R179/MS/10", "R179/TSB/1"),  # resources for helplines; access to them
    "skills": ("R179/MS/4", "R179/RES/5"),  # online safety and digital skills; capacity building
    "data": ("R179/MS/8", "R179/MS/14"),  # data by sex and age; students' Internet access
    "hotline": ("R179/MS/10", "R179/MS/7"),  # hotlines; technical measures shared
    "parental": ("R179/MS/12", "R179/SM/4"),  # parental and accessible safety tools
    "awareness": ("R179/MS/5", "R179/MS/6"),  # information for campaigns; campaigns together
}

SUMMARIES = {
    "en": "This contribution shares what {place} has done to protect children online and proposes that the group collect good practices.",
    "fr": "Cette contribution présente ce que {place} a fait pour protéger les enfants en ligne et propose que le groupe recueille les bonnes pratiques.",
    "es": "Esta contribución presenta lo que {place} ha hecho para proteger a los niños en línea y propone que el grupo recopile buenas prácticas.",
    "ar": "تعرض هذه المساهمة ما قامت به {place} لحماية الأطفال على الإنترنت وتقترح أن يجمع الفريق الممارسات الجيدة.",
    "ru": "В этом вкладе представлено, что сделано в {place} для защиты детей в онлайновой среде, и предлагается собрать передовой опыт.",
    "zh": "本文稿介绍{place}在儿童在线保护方面的工作，并建议工作组收集良好做法。",
}  # fmt: skip

COUNTRIES = ["KE", "SA", "FR", "BR", "CN", "RU", "ES", "EG", "IN", "NG", "MX", "AR", "DZ", "MA", "TN", "AE", "JO", "CO", "PE", "CL", "SN", "CI", "GH", "UG", "RW", "ZA", "ID", "MY", "TH", "PH", "JP", "KR", "GB", "DE", "IT", "CH", "PL", "UA"]  # fmt: skip
LANGUAGE_OF = {"SA": "ar", "EG": "ar", "DZ": "ar", "MA": "ar", "TN": "ar", "AE": "ar", "JO": "ar", "FR": "fr", "SN": "fr", "CI": "fr", "CH": "fr", "ES": "es", "MX": "es", "AR": "es", "CO": "es", "PE": "es", "CL": "es", "RU": "ru", "UA": "ru", "CN": "zh"}  # fmt: skip
ORGANISATIONS = [
    "unicef",
    "iwf",
    "child-helpline-international",
    "weprotect-global-alliance",
    "unesco",
    "inhope",
]

CONTRIBUTIONS_PER_MEETING = 33
LATE_REASON = "The delegation's national consultation ended after the deadline (demo data)."


def _paragraphs() -> list[str]:
    lines = []
    for path in sorted(TEXTS.glob("*.ar.txt")):
        lines += [
            line.strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if len(line.strip()) > 40
        ]
    return lines or ["حماية الأطفال على الإنترنت"]


def _docx(title: str, summary: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(summary)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


class _Upload(io.BytesIO):
    def __init__(self, data: bytes, name: str):
        super().__init__(data)
        self.name, self.size = name, len(data)


def _users():
    User = get_user_model()
    secretariat = User.objects.filter(email=DEMO_SECRETARIAT).first() or User.objects.create_user(
        DEMO_SECRETARIAT, None, full_name="Amina Diallo", role="secretariat"
    )
    delegates = {}
    for iso2 in COUNTRIES:
        email = f"delegate.{iso2.lower()}.wg@demo.cophub.invalid"
        delegates[iso2] = User.objects.filter(email=email).first() or User.objects.create_user(
            email,
            None,
            full_name=f"Delegate of {iso2} (demo)",
            role="member_state",
            country=Country.objects.get(iso2=iso2),
        )
    return secretariat, delegates


def _groups():
    groups = {}
    for code, kind, names in GROUPS:
        group, _created = Group.objects.get_or_create(
            code=code,
            defaults={
                "kind": kind,
                "name": names["en"],
                **{f"name_{k}": v for k, v in names.items()},
            },
        )
        groups[code] = group
    return groups


def _meetings(group):
    meetings = []
    for number, _weeks, place in MEETINGS:
        starts_on = first_day(number)
        meeting, created = Meeting.objects.get_or_create(
            group=group,
            number=number,
            defaults={
                "starts_on": starts_on,
                "ends_on": starts_on + datetime.timedelta(days=1),
                **{f"place_{code}": name for code, name in GENEVA.items() if place},
                "online": not place or number % 2 == 0,
                "contribution_deadline": services.default_contribution_deadline(starts_on),
            },
        )
        if created:
            for order, (item_number, titles) in enumerate(AGENDA):
                AgendaItem.objects.create(
                    meeting=meeting,
                    number=item_number,
                    order=order,
                    title=titles["en"],
                    **{f"title_{k}": v for k, v in titles.items()},
                )
        meetings.append(meeting)
    return meetings


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _confirm_co_sources(document, delegates, secretariat) -> None:
    """Each named Member State's delegate confirms; the secretariat confirms for organisations,
    which have no member among the demo accounts."""
    for co_source in document.co_sources.all():
        if co_source.country_id in delegates:
            services.confirm_co_source(co_source=co_source, user=delegates[co_source.country_id])
        else:
            services.confirm_co_source(
                co_source=co_source,
                user=secretariat,
                reason="Confirmed by the organisation's letter (demo data).",
            )


def load_demo(*, stdout=None) -> None:
    if Document.objects.filter(meeting__group__code="CWG-COP", meeting__number=20).exists():
        return
    rng = random.Random(1306)  # noqa: S311 - reproducible demo data
    secretariat, delegates = _users()
    groups = _groups()
    meetings = _meetings(groups["CWG-COP"])
    paragraphs = _paragraphs()
    mandate = {p.code: p for p in MandateParagraph.objects.all()}
    organisations = list(Organisation.objects.filter(code__in=ORGANISATIONS))
    places = {c.iso2: c for c in Country.objects.filter(iso2__in=COUNTRIES)}
    today = timezone.localdate()
    count = 0
    for meeting in meetings:
        items = list(meeting.agenda_items.all())
        for index in range(CONTRIBUTIONS_PER_MEETING):
            iso2 = COUNTRIES[(count + index) % len(COUNTRIES)]
            language = LANGUAGE_OF.get(iso2, "en")
            country = places[iso2]
            place = (
                country.name
                if language == "en"
                else getattr(country, f"name_{language}", "") or country.name
            )
            topic = rng.choice([topic for topic in TOPICS if language in topic])
            title = topic[language].format(place=place)
            summary = SUMMARIES[language].format(place=place)
            start = rng.randrange(0, max(1, len(paragraphs) - 6))
            submitted_on = meeting.contribution_deadline - datetime.timedelta(
                days=rng.randrange(-2, 20)
            )
            co_sources = [places[rng.choice(COUNTRIES)]] if index % 5 == 0 else []
            if submitted_on >= today:
                continue  # the meetings to come have only what was sent before today
            document = services.submit_document(
                submitted_by=delegates[iso2],
                meeting=meeting,
                document_type="contribution" if index % 11 else "information",
                title=title,
                abstract=summary,
                original_language=language,
                agenda_item=items[2 if index % 4 else 3],
                countries=co_sources,
                organisations=[organisations[index % len(organisations)]] if index % 7 == 0 else [],
                mandate=[mandate[code] for code in TOPIC_MANDATE[topic["topic"]]],
                files={
                    language: _Upload(
                        _docx(title, summary, paragraphs[start : start + 5]),
                        f"contribution-{iso2.lower()}.docx",
                    )
                },
                now=_at(submitted_on),
            )
            _confirm_co_sources(document, delegates, secretariat)
            if language != "en" and index % 3 == 0:
                english = topic["en"].format(place=country.name)
                services.add_translation(
                    document=document,
                    user=delegates[iso2],
                    language="en",
                    title=english,
                    abstract=SUMMARIES["en"].format(place=country.name),
                    file=_Upload(
                        _docx(
                            english,
                            SUMMARIES["en"].format(place=country.name),
                            paragraphs[start : start + 5],
                        ),
                        f"contribution-{iso2.lower()}-en.docx",
                    ),
                )
            document = services.register_document(
                document=document,
                registered_by=secretariat,
                late_reason=LATE_REASON if document.late else "",
            )
            Document.objects.filter(pk=document.pk).update(registered_at=_at(submitted_on, 15))
            if index == 3 and submitted_on + datetime.timedelta(days=2) < today:
                revision = services.submit_document(
                    submitted_by=delegates[iso2],
                    meeting=meeting,
                    document_type="contribution",
                    title=title,
                    abstract=summary,
                    original_language=language,
                    base=document,
                    version="revision",
                    now=_at(submitted_on + datetime.timedelta(days=2)),
                    files={
                        language: _Upload(
                            _docx(title, summary, paragraphs[start : start + 6]), "revision.docx"
                        )
                    },
                )
                services.register_document(
                    document=revision,
                    registered_by=secretariat,
                    late_reason=LATE_REASON if revision.late else "",
                )
                Document.objects.filter(pk=revision.pk).update(
                    registered_at=_at(submitted_on + datetime.timedelta(days=2), 15)
                )
            if index == 9:
                services.withdraw_document(
                    document=document,
                    withdrawn_by=secretariat,
                    reason="Withdrawn by the source; merged into a joint contribution.",
                )
        count += CONTRIBUTIONS_PER_MEETING
        if meeting.ends_on >= today:
            continue
        _liaisons(meeting, groups, secretariat)
        for index, delegate in enumerate(list(delegates.values())[: 12 + meeting.number % 5]):
            MeetingRegistration.objects.get_or_create(
                meeting=meeting,
                delegate=delegate,
                defaults={
                    "gender": rng.choice(["woman", "man", "woman", "", "other"]),
                    "registered_at": _at(meeting.starts_on - datetime.timedelta(days=5)),
                    "name": delegate.full_name,
                    "country": delegate.country,
                    "role": "head" if index % 3 == 0 else "delegate",
                    "attendance": "remote" if index % 4 == 0 else "in_person",
                },
            )
    past, current = cycle_meetings(meetings)
    if past is not None:
        complete_cycle(past, secretariat)
    if current is not None:
        cycle_under_way(current, secretariat)
    outcome_demo.load(
        meetings=meetings, secretariat=secretariat, delegates=delegates, today=timezone.localdate()
    )
    if stdout:
        stdout.write(
            f"Working group: {Document.objects.count()} documents in {len(meetings)} meetings."
        )


def _liaisons(meeting, groups, secretariat):
    files = {"en": _Upload(_docx("Liaison statement", "", []), "ls.docx")}
    incoming = services.submit_document(
        submitted_by=secretariat,
        meeting=meeting,
        document_type="liaison",
        liaison_direction="in",
        liaison_group=groups["ITU-T-SG17"],
        reply_deadline=meeting.ends_on + datetime.timedelta(days=60),
        title="LS from ITU-T SG17 on age assurance and privacy",
        original_language="en",
        files=files,
        now=_at(meeting.contribution_deadline),
    )
    incoming = services.register_document(document=incoming, registered_by=secretariat)
    files = {"en": _Upload(_docx("Reply", "", []), "reply.docx")}
    reply = services.submit_document(
        submitted_by=secretariat,
        meeting=meeting,
        document_type="liaison",
        liaison_direction="out",
        liaison_group=groups["ITU-T-SG17"],
        reply_to=incoming,
        title="Reply to ITU-T SG17 on age assurance",
        original_language="en",
        files=files,
        now=_at(meeting.starts_on),
    )
    reply = services.register_document(
        document=reply,
        registered_by=secretariat,
        late_reason="The reply was agreed at the meeting (demo data).",
    )
    Document.objects.filter(pk=incoming.pk).update(
        registered_at=_at(meeting.contribution_deadline, 16)
    )
    Document.objects.filter(pk=reply.pk).update(registered_at=_at(meeting.ends_on, 16))


# The meeting cycle (see docs/workgroup.md): the last meeting held has its whole cycle on record,
# the next one is under way. Which is which follows today's date.


def cycle_meetings(meetings) -> tuple[Meeting | None, Meeting | None]:
    """(the last meeting held, the next one not yet over) among `meetings`, as of today."""
    today = timezone.localdate()
    held = [meeting for meeting in meetings if meeting.ends_on < today]
    coming = [meeting for meeting in meetings if meeting.ends_on >= today]
    return (
        max(held, key=lambda m: m.starts_on, default=None),
        min(coming, key=lambda m: m.starts_on, default=None),
    )


def complete_cycle(meeting, secretariat) -> None:
    """A meeting held: its convening letter, its agenda adopted at the opening (a revision of
    the draft) and its list of participants, each a registered document of the meeting."""
    from . import meetings as papers

    titles, files = papers.in_six_languages(
        lambda: papers.call_for_contributions(meeting, settings.SITE_URL)
    )
    call = services.register_generated_document(
        meeting=meeting,
        document_type="call",
        title=titles["en"],
        files=files,
        registered_by=secretariat,
        notify_subscribers=False,
    )
    draft = services.issue_agenda(meeting=meeting, by=secretariat)
    adopted = services.adopt_agenda(meeting=meeting, by=secretariat)
    Meeting.objects.filter(pk=meeting.pk).update(
        call_issued_at=_at(meeting.contribution_deadline - datetime.timedelta(days=45)),
        reminder_sent_at=_at(meeting.contribution_deadline - datetime.timedelta(days=7)),
        agenda_adopted_at=_at(meeting.starts_on),
    )
    services.register_participants_list(meeting=meeting, by=secretariat)
    for document, day in [
        (call, meeting.contribution_deadline - datetime.timedelta(days=45)),
        (draft, meeting.contribution_deadline - datetime.timedelta(days=30)),
        (adopted, meeting.starts_on),
    ]:
        Document.objects.filter(pk=document.pk).update(registered_at=_at(day, 9))


def cycle_under_way(meeting, secretariat) -> None:
    """The next meeting: its call for contributions sent (while its deadline is ahead) and its
    draft agenda registered."""
    if meeting.call_issued_at is None and meeting.contribution_deadline >= timezone.localdate():
        services.issue_call_for_contributions(
            meeting=meeting, by=secretariat, base_url=settings.SITE_URL
        )
    services.issue_agenda(meeting=meeting, by=secretariat)

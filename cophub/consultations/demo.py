"""Demo data: each CWG-COP meeting around today has its youth consultation. The last meeting
held had one, closed, with results, "You said, we did" and its summary registered under the
agenda item on youth consultations; the next meeting's is open now; the one after it is to come.
Dates follow today, as the meetings' do (workgroup.demo)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from cophub.accounts.permissions import SYSTEM
from cophub.core.models import MandateParagraph
from cophub.workgroup.demo import GENEVA, first_day
from cophub.workgroup.models import Group, Meeting

from . import services
from .models import AgeBand, Answer, Consultation, Option, Question, Response, Sex

LANGS = ("ar", "zh", "en", "fr", "ru", "es")


def _t(ar, zh, en, fr, ru, es, field="text"):
    return {
        f"{field}_{code}": text for code, text in zip(LANGS, (ar, zh, en, fr, ru, es), strict=True)
    }


TITLE = _t(
    "ما الذي يجعلك تشعر بالأمان على الإنترنت؟", "什么让你在网上感到安全？",
    "What makes you feel safe online?", "Qu'est-ce qui te fait te sentir en sécurité en ligne ?",
    "Что помогает тебе чувствовать себя в безопасности в интернете?",
    "¿Qué te hace sentir seguro en internet?", field="title",
)  # fmt: skip
OPEN_TITLE = _t(
    "الأصدقاء على الإنترنت", "网上的朋友", "Friends online", "Les amis en ligne",
    "Друзья в интернете", "Amigos en internet", field="title",
)  # fmt: skip
UPCOMING_TITLE = _t(
    "الذكاء الاصطناعي وأنت", "人工智能和你", "Artificial intelligence and you",
    "L'intelligence artificielle et toi", "Искусственный интеллект и ты",
    "La inteligencia artificial y tú", field="title",
)  # fmt: skip
QUESTIONS = [
    (Question.Kind.SINGLE, _t("أين تقضي معظم وقتك على الإنترنت؟", "你最常上哪里的网？", "Where do you spend most time online?", "Où passes-tu le plus de temps en ligne ?", "Где ты проводишь больше всего времени в интернете?", "¿Dónde pasas más tiempo en internet?"),
     [_t("الألعاب", "游戏", "Games", "Jeux", "Игры", "Juegos"), _t("الفيديو", "视频", "Videos", "Vidéos", "Видео", "Vídeos"), _t("وسائل التواصل", "社交媒体", "Social media", "Réseaux sociaux", "Соцсети", "Redes sociales"), _t("الدراسة", "学习", "Schoolwork", "Devoirs", "Учеба", "Tareas")],
     _t("طلبنا من المنصات إعدادات أكثر أمانًا للأطفال افتراضيًا.", "我们请各平台为儿童默认设置更安全的选项。", "We asked platforms for safer settings for children by default.", "Nous avons demandé aux plateformes des réglages plus sûrs par défaut pour les enfants.", "Мы попросили платформы по умолчанию включать для детей более безопасные настройки.", "Pedimos a las plataformas ajustes más seguros por defecto para los niños.", field="action_taken")),
    (Question.Kind.MULTIPLE, _t("لمن ستقول إذا أزعجك شيء على الإنترنت؟", "如果网上有事让你难过，你会告诉谁？", "Who would you tell if something online upset you?", "À qui le dirais-tu si quelque chose en ligne te faisait de la peine ?", "Кому бы ты рассказал(а), если бы что-то в интернете тебя расстроило?", "¿A quién se lo contarías si algo en internet te molestara?"),
     [_t("أحد الوالدين", "父母", "A parent", "Un parent", "Родителю", "A mi madre o padre"), _t("صديق", "朋友", "A friend", "Un ami", "Другу", "A un amigo"), _t("معلم", "老师", "A teacher", "Un enseignant", "Учителю", "A un profesor"), _t("خط مساعدة", "求助热线", "A helpline", "Une ligne d'écoute", "На линию помощи", "A una línea de ayuda"), _t("لا أحد", "谁也不告诉", "Nobody", "Personne", "Никому", "A nadie")],
     _t("أوصى الفريق بأن تعلن المدارس عن خطوط مساعدة الأطفال.", "工作组建议学校宣传儿童求助热线。", "The group recommended that schools advertise child helplines.", "Le groupe a recommandé que les écoles fassent connaître les lignes d'écoute pour enfants.", "Группа рекомендовала школам рассказывать о детских телефонах доверия.", "El grupo recomendó que las escuelas den a conocer las líneas de ayuda infantil.", field="action_taken")),
    (Question.Kind.SCALE, _t("ما مدى شعورك بالأمان على الإنترنت؟", "你在网上觉得有多安全？", "How safe do you feel online?", "À quel point te sens-tu en sécurité en ligne ?", "Насколько безопасно ты себя чувствуешь в интернете?", "¿Qué tan seguro te sientes en internet?"), [], {}),
    (Question.Kind.TEXT, _t("ماذا يجب أن يفعل الكبار لمساعدتك؟", "大人应该怎样帮助你？", "What should adults do to help you?", "Que devraient faire les adultes pour t'aider ?", "Что взрослые должны делать, чтобы помочь тебе?", "¿Qué deberían hacer los adultos para ayudarte?"), [], {}),
]  # fmt: skip
SCALE_LOW = _t("لست بأمان", "不安全", "Not safe", "Pas en sécurité", "Не в безопасности", "Nada seguro", field="scale_low")  # fmt: skip
SCALE_HIGH = _t("بأمان تام", "非常安全", "Very safe", "Très en sécurité", "В полной безопасности", "Muy seguro", field="scale_high")  # fmt: skip
QUOTES = [
    "Listen to us before making rules.",
    "Teach privacy settings at school.",
    "لا تأخذوا هواتفنا، علّمونا.",
    "平台应该更快删除坏内容。",
]
COUNTRIES = ["EG", "SA", "MA", "CN", "FR", "SN", "RU", "KZ", "ES", "MX", "AR", "KE", "NG", "IN", "BR", "GB", "US", "ZA"]  # fmt: skip


def _meeting(number: int) -> Meeting:
    """The demo meeting (created as workgroup.demo plans it when the workgroup's demo is not
    loaded)."""
    group, _created = Group.objects.get_or_create(
        code="CWG-COP",
        defaults={"name": "Council Working Group on Child Online Protection", "kind": "cwg"},
    )
    starts_on = first_day(number)
    meeting, _created = Meeting.objects.get_or_create(
        group=group,
        number=number,
        defaults={
            "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=1),
            "contribution_deadline": starts_on - datetime.timedelta(days=12),
            **{f"place_{code}": name for code, name in GENEVA.items()},
        },
    )
    return meeting


def _consultation(slug, meeting, title, opens_on, hours=24) -> Consultation:
    consultation = Consultation(
        meeting=meeting, slug=slug, opens_on=opens_on, opens_at_time=datetime.time(6, 0),
        duration_hours=hours, time_zone="Europe/Zurich", published=True, **title,
    )  # fmt: skip
    consultation.introduction_en = "Demo data: this consultation was made up to show the module."
    services.schedule_consultation(consultation=consultation, by=SYSTEM)
    consultation.mandate.set(
        MandateParagraph.objects.filter(code__in=["R1306/RES/3", "R179/COUNCIL/4"])
    )
    for order, (kind, text, options, action) in enumerate(QUESTIONS):
        question = Question.objects.create(
            consultation=consultation, order=order, kind=kind, required=kind != "text",
            results_published=True, **text, **action,
        )  # fmt: skip
        if kind == Question.Kind.SCALE:
            for field, value in {**SCALE_LOW, **SCALE_HIGH}.items():
                setattr(question, field, value)
            question.save()
        for index, option in enumerate(options):
            Option.objects.create(question=question, order=index, **option)
    return consultation


def _answers(consultation: Consultation, count: int) -> None:
    rng = random.Random(42)  # noqa: S311 - demo data, the same on every machine
    questions = list(consultation.questions.prefetch_related("options"))
    for n in range(count):
        response = Response.objects.create(
            consultation=consultation,
            age_band=rng.choice(
                [AgeBand.FROM_13_TO_15] * 3 + [AgeBand.FROM_16_TO_17] * 2 + list(AgeBand)
            ),
            sex=rng.choice([Sex.GIRL, Sex.BOY, Sex.GIRL, Sex.BOY, Sex.ANOTHER, Sex.NOT_SAID]),
            country_id=rng.choice(COUNTRIES[:6] * 4 + COUNTRIES),
            language=rng.choice(LANGS),
            submitted_on=consultation.opens_at.date(),
        )
        answers = []
        for question in questions:
            options = list(question.options.all())
            if question.kind == Question.Kind.SINGLE:
                answers.append(
                    Answer(response=response, question=question, option=rng.choice(options))
                )
            elif question.kind == Question.Kind.MULTIPLE:
                chosen = sorted({o.pk for o in rng.sample(options, rng.randint(1, 2))})
                answers.append(
                    Answer(response=response, question=question, choices=",".join(map(str, chosen)))
                )
            elif question.kind == Question.Kind.SCALE:
                answers.append(
                    Answer(
                        response=response,
                        question=question,
                        scale=rng.choice([2, 3, 3, 4, 4, 4, 5]),
                    )
                )
            elif n < len(QUOTES):
                answers.append(
                    Answer(
                        response=response,
                        question=question,
                        text=QUOTES[n],
                        moderation=Answer.Moderation.APPROVED,
                    )
                )
        Answer.objects.bulk_create(answers)


def _summary(consultation: Consultation) -> None:
    """The closed consultation's summary, registered by the demo secretariat under the meeting's
    agenda item on youth consultations (item 4 of the demo agenda, when it is there)."""
    from cophub.accounts.demo import DEMO_SECRETARIAT_EMAIL
    from cophub.accounts.models import Role, User
    from cophub.workgroup.models import AgendaItem, Document

    secretariat = User.objects.filter(email=DEMO_SECRETARIAT_EMAIL, role=Role.SECRETARIAT).first()
    if secretariat is None:
        return
    item = AgendaItem.objects.filter(meeting=consultation.meeting, number="4").first()
    if item is not None:
        services.serve_agenda_item(consultation=consultation, agenda_item=item, by=secretariat)
    consultation = services.register_summary_report(
        consultation=consultation, registered_by=secretariat
    )
    Document.objects.filter(pk=consultation.summary_document_id).update(
        registered_at=consultation.closes_at + datetime.timedelta(days=2)
    )


@transaction.atomic
def load_demo(stdout=None) -> None:
    today = timezone.localdate()
    if not Consultation.objects.filter(slug="safe-online").exists():
        meeting = _meeting(25)
        past = _consultation(
            "safe-online", meeting, TITLE, meeting.starts_on - datetime.timedelta(days=7)
        )
        past.outcome_en = (
            "Thank you to everyone who answered. Your views were presented on the first "
            "morning of the meeting, and the group adopted two recommendations from them."
        )
        past.save()
        _answers(past, 240)
        _summary(past)
    if not Consultation.objects.filter(slug="friends-online").exists():
        # Open since yesterday morning for three days, well before the meeting in three weeks.
        meeting = _meeting(26)
        current = _consultation(
            "friends-online", meeting, OPEN_TITLE, today - datetime.timedelta(days=1), hours=72
        )
        _answers(current, 60)
        _safeguarded_by_the_secretariat(current)
    if not Consultation.objects.filter(slug="ai-and-you").exists():
        meeting = _meeting(27)
        upcoming = _consultation(
            "ai-and-you", meeting, UPCOMING_TITLE, meeting.starts_on - datetime.timedelta(days=2)
        )
        _safeguarded_by_the_secretariat(upcoming)
    if stdout:
        stdout.write(
            "Youth consultations: a past one with results and its summary, an open one, an "
            "upcoming one.\n"
        )


def _safeguarded_by_the_secretariat(consultation: Consultation) -> None:
    """The demo secretariat is told of any answer that may tell of danger."""
    from cophub.accounts.demo import DEMO_SECRETARIAT_EMAIL
    from cophub.accounts.models import User

    consultation.safeguarding_contacts.add(*User.objects.filter(email=DEMO_SECRETARIAT_EMAIL))

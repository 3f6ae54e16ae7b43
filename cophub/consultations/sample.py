"""A sample questionnaire in three languages, used by the tests and the bench."""

from .models import Consultation, Option, Question


def add_questions(item: Consultation) -> None:
    single = Question.objects.create(
        consultation=item, order=1, kind=Question.Kind.SINGLE, results_published=True,
        text_en="Where do you go online most?", text_ar="أين تقضي معظم وقتك على الإنترنت؟",
        text_zh="你最常上哪里的网？",
    )  # fmt: skip
    for order, (en, ar, zh) in enumerate(
        [("Games", "الألعاب", "游戏"), ("Videos", "الفيديو", "视频"), ("Chat", "الدردشة", "聊天")]
    ):
        Option.objects.create(question=single, order=order, text_en=en, text_ar=ar, text_zh=zh)
    multiple = Question.objects.create(
        consultation=item, order=2, kind=Question.Kind.MULTIPLE, results_published=True,
        text_en="Who would you tell if something upset you?", text_ar="لمن ستقول إذا أزعجك شيء؟",
        text_zh="如果有事让你难过，你会告诉谁？",
    )  # fmt: skip
    for order, (en, ar, zh) in enumerate(
        [
            ("A parent", "أحد الوالدين", "父母"),
            ("A friend", "صديق", "朋友"),
            ("A teacher", "معلم", "老师"),
        ]
    ):
        Option.objects.create(question=multiple, order=order, text_en=en, text_ar=ar, text_zh=zh)
    Question.objects.create(
        consultation=item, order=3, kind=Question.Kind.SCALE, results_published=True,
        text_en="How safe do you feel online?", text_ar="ما مدى شعورك بالأمان على الإنترنت؟",
        text_zh="你在网上觉得有多安全？", scale_low_en="Not safe", scale_high_en="Very safe",
    )  # fmt: skip
    Question.objects.create(
        consultation=item, order=4, kind=Question.Kind.TEXT, required=False,
        results_published=True, text_en="What should adults do to help?",
        text_ar="ماذا يجب أن يفعل الكبار للمساعدة؟", text_zh="大人应该怎样帮助你？",
    )  # fmt: skip


def answers_for(item: Consultation, *, text: str = "", single: int = 0, scale: str = "4"):
    questions = list(item.questions.prefetch_related("options"))
    single_q, multiple_q, scale_q, text_q = questions
    return {
        f"q{single_q.pk}": [str(list(single_q.options.all())[single].pk)],
        f"q{multiple_q.pk}": [str(option.pk) for option in list(multiple_q.options.all())[:2]],
        f"q{scale_q.pk}": [scale],
        f"q{text_q.pk}": [text],
    }

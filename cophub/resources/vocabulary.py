"""The repository's controlled vocabulary (topics), its audiences and the four guideline sets,
labelled in the six official languages. Loaded after every migrate, as core's reference data is,
so that the codes other tools use stay the same everywhere."""

# code: (en, fr, es, ru, ar, zh)
TOPICS = {
    "cyberbullying": ("Cyberbullying", "Cyberharcèlement", "Ciberacoso", "Кибербуллинг", "التنمر الإلكتروني", "网络欺凌"),
    "grooming": ("Online grooming", "Pédopiégeage en ligne", "Grooming en línea", "Груминг в интернете", "الاستدراج عبر الإنترنت", "网络诱骗"),
    "sextortion": ("Sextortion", "Sextorsion", "Sextorsión", "Сексуальное вымогательство", "الابتزاز الجنسي", "性勒索"),
    "abuse-material-reporting": ("Reporting child sexual abuse material", "Signalement des contenus pédocriminels", "Denuncia de material de abuso sexual infantil", "Сообщения о материалах сексуального насилия над детьми", "الإبلاغ عن مواد الاعتداء الجنسي على الأطفال", "举报儿童性虐待材料"),
    "privacy": ("Privacy and personal data", "Vie privée et données personnelles", "Privacidad y datos personales", "Конфиденциальность и персональные данные", "الخصوصية والبيانات الشخصية", "隐私与个人数据"),
    "screen-time": ("Screen time and well-being", "Temps d'écran et bien-être", "Tiempo de pantalla y bienestar", "Экранное время и благополучие", "وقت الشاشة والرفاه", "屏幕时间与身心健康"),
    "gaming": ("Online gaming", "Jeux en ligne", "Juegos en línea", "Онлайн-игры", "الألعاب عبر الإنترنت", "网络游戏"),
    "ai-generated-content": ("AI-generated content", "Contenus générés par l'IA", "Contenido generado por IA", "Контент, созданный ИИ", "المحتوى المولَّد بالذكاء الاصطناعي", "人工智能生成内容"),
    "misinformation": ("Misinformation", "Désinformation", "Desinformación", "Дезинформация", "المعلومات المضللة", "虚假信息"),
    "scams": ("Online scams", "Arnaques en ligne", "Estafas en línea", "Мошенничество в интернете", "الاحتيال عبر الإنترنت", "网络诈骗"),
    "hate-speech": ("Hate speech", "Discours de haine", "Discurso de odio", "Язык вражды", "خطاب الكراهية", "仇恨言论"),
    "harmful-content": ("Harmful content", "Contenus préjudiciables", "Contenido dañino", "Вредный контент", "المحتوى الضار", "有害内容"),
    "parental-controls": ("Parental controls", "Contrôle parental", "Control parental", "Родительский контроль", "أدوات الرقابة الأبوية", "家长控制"),
    "age-assurance": ("Age assurance", "Vérification de l'âge", "Verificación de la edad", "Подтверждение возраста", "التحقق من العمر", "年龄验证"),
    "digital-literacy": ("Digital literacy", "Éducation au numérique", "Alfabetización digital", "Цифровая грамотность", "محو الأمية الرقمية", "数字素养"),
    "helplines": ("Helplines and reporting", "Lignes d'assistance et signalement", "Líneas de ayuda y denuncia", "Телефоны доверия и сообщения", "خطوط المساعدة والإبلاغ", "求助热线与举报"),
    "legislation": ("Law and regulation", "Législation et réglementation", "Legislación y regulación", "Законодательство и регулирование", "التشريعات واللوائح", "法律法规"),
    "disability": ("Children with disabilities", "Enfants handicapés", "Niños con discapacidad", "Дети с инвалидностью", "الأطفال ذوو الإعاقة", "残疾儿童"),
}  # fmt: skip

# code: (labels en, fr, es, ru, ar, zh), youngest, oldest
AUDIENCES = {
    "children-under-9": (("Children under 9", "Enfants de moins de 9 ans", "Niños menores de 9 años", "Дети до 9 лет", "الأطفال دون سن 9 سنوات", "9岁以下儿童"), None, 8),
    "children-9-12": (("Children aged 9 to 12", "Enfants de 9 à 12 ans", "Niños de 9 a 12 años", "Дети 9–12 лет", "الأطفال من 9 إلى 12 سنة", "9至12岁儿童"), 9, 12),
    "children-13-18": (("Young people aged 13 to 18", "Jeunes de 13 à 18 ans", "Jóvenes de 13 a 18 años", "Молодёжь 13–18 лет", "اليافعون من 13 إلى 18 سنة", "13至18岁青少年"), 13, 18),
    "parents-educators": (("Parents, guardians and educators", "Parents, tuteurs et éducateurs", "Padres, tutores y educadores", "Родители, опекуны и педагоги", "الآباء والأوصياء والمربون", "家长、监护人和教育工作者"), None, None),
    "industry": (("Industry", "Secteur privé", "Industria", "Отрасль", "الصناعة", "业界"), None, None),
    "policymakers": (("Policymakers", "Décideurs", "Responsables políticos", "Директивные органы", "واضعو السياسات", "政策制定者"), None, None),
}  # fmt: skip

# code: audience, titles (en, fr, es, ru, ar, zh)
GUIDELINE_SETS = {
    "children": ("children-13-18", ("Guidelines for children", "Lignes directrices pour les enfants", "Directrices para los niños", "Руководящие указания для детей", "مبادئ توجيهية للأطفال", "儿童指南")),
    "parents-educators": ("parents-educators", ("Guidelines for parents and educators", "Lignes directrices pour les parents et les éducateurs", "Directrices para padres y educadores", "Руководящие указания для родителей и педагогов", "مبادئ توجيهية للآباء والمربين", "家长和教育工作者指南")),
    "industry": ("industry", ("Guidelines for industry", "Lignes directrices pour le secteur privé", "Directrices para la industria", "Руководящие указания для отрасли", "مبادئ توجيهية للصناعة", "业界指南")),
    "policymakers": ("policymakers", ("Guidelines for policymakers", "Lignes directrices pour les décideurs", "Directrices para los responsables políticos", "Руководящие указания для директивных органов", "مبادئ توجيهية لواضعي السياسات", "政策制定者指南")),
}  # fmt: skip

ORDER = ("en", "fr", "es", "ru", "ar", "zh")


def _labels(field: str, values) -> dict:
    return {f"{field}_{code}": value for code, value in zip(ORDER, values, strict=True)}


def load_vocabulary(apps, using="default") -> None:
    Topic = apps.get_model("resources", "Topic")
    Audience = apps.get_model("resources", "Audience")
    GuidelineSet = apps.get_model("resources", "GuidelineSet")
    for order, (code, labels) in enumerate(TOPICS.items()):
        Topic.objects.using(using).update_or_create(
            code=code, defaults={"order": order, "label": labels[0], **_labels("label", labels)}
        )
    for order, (code, (labels, youngest, oldest)) in enumerate(AUDIENCES.items()):
        Audience.objects.using(using).update_or_create(
            code=code,
            defaults={
                "order": order,
                "min_age": youngest,
                "max_age": oldest,
                "label": labels[0],
                **_labels("label", labels),
            },
        )
    audiences = {a.code: a for a in Audience.objects.using(using).all()}
    for order, (code, (audience, titles)) in enumerate(GUIDELINE_SETS.items()):
        GuidelineSet.objects.using(using).update_or_create(
            code=code,
            defaults={
                "order": order,
                "audience": audiences[audience],
                "title": titles[0],
                **_labels("title", titles),
            },
        )

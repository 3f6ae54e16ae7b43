"""The core set of COP indicators, seeded into every database.

Written for COP Hub from what household and school surveys of children (in the manner of Global
Kids Online and UNICEF's Disrupting Harm), ITU's ICT indicators and the records of hotlines and
helplines measure. Seeding creates the indicators that are missing and leaves the others alone,
so that the secretariat's later edits stand.
"""

from cophub.core.i18n import LANGUAGE_CODES

SURVEY_METHOD = (
    "Ask a nationally representative sample of children aged 9 to 17 who use the internet, "
    "in person and with a parent's consent, with the child's own agreement. Weight the answers "
    "to the population. Report the unweighted number of children behind each cell, so that "
    "cells with fewer than 10 children are withheld."
)
SURVEY_COMPARABILITY = (
    "Figures compare across countries when the question wording, the recall period (the past "
    "year) and the age range are the same. Surveys of all children and surveys of internet-using "
    "children do not compare: say which in the note."
)

CORE_INDICATORS = [
    {
        "code": "CHILD_DAILY_USE",
        "unit": "PT", "max_value": 100, "by": ("sex", "age", "urbanisation", "disability"),
        "source_types": ["household_survey"],
        "name": {
            "en": "Children who use the internet every day",
            "fr": "Enfants qui utilisent l'internet chaque jour",
            "es": "Niños y niñas que usan internet todos los días",
            "ru": "Дети, которые пользуются интернетом каждый день",
            "ar": "الأطفال الذين يستخدمون الإنترنت كل يوم",
            "zh": "每天使用互联网的儿童",
        },
        "definition": {
            "en": "Share of children aged 9 to 17 who go online at least once a day, of all children of that age.",
            "fr": "Part des enfants de 9 à 17 ans qui vont en ligne au moins une fois par jour, parmi tous les enfants de cet âge.",
            "es": "Proporción de niños y niñas de 9 a 17 años que se conectan al menos una vez al día, entre todos los de esa edad.",
            "ru": "Доля детей 9–17 лет, которые выходят в интернет хотя бы раз в день, среди всех детей этого возраста.",
            "ar": "نسبة الأطفال من سن 9 إلى 17 سنة الذين يدخلون الإنترنت مرة واحدة على الأقل كل يوم، من بين جميع الأطفال في هذا العمر.",
            "zh": "9至17岁儿童中每天至少上网一次的儿童所占比例。",
        },
        "method": SURVEY_METHOD,
        "comparability": SURVEY_COMPARABILITY,
    },
    {
        "code": "STUDENT_HOME_ACCESS",
        "unit": "PT", "max_value": 100, "by": ("sex", "age", "urbanisation", "disability"),
        "source_types": ["school_survey", "household_survey"],
        "name": {
            "en": "Students with internet access at home",
            "fr": "Élèves ayant accès à l'internet à la maison",
            "es": "Estudiantes con acceso a internet en casa",
            "ru": "Учащиеся с доступом к интернету дома",
            "ar": "التلاميذ الذين لديهم إمكانية النفاذ إلى الإنترنت في المنزل",
            "zh": "在家能上网的学生",
        },
        "definition": {
            "en": "Share of students in primary and secondary school who can use the internet at home when they need it.",
            "fr": "Part des élèves du primaire et du secondaire qui peuvent utiliser l'internet à la maison quand ils en ont besoin.",
            "es": "Proporción de estudiantes de primaria y secundaria que pueden usar internet en casa cuando lo necesitan.",
            "ru": "Доля учащихся начальной и средней школы, которые могут пользоваться интернетом дома, когда им нужно.",
            "ar": "نسبة تلاميذ المدارس الابتدائية والثانوية الذين يمكنهم استخدام الإنترنت في المنزل عندما يحتاجون إليه.",
            "zh": "在需要时能在家使用互联网的中小学生所占比例。",
        },
        "method": "From a school survey or the education questions of a household survey. Count access that works, not only a device at home.",
        "comparability": "Resolution 179 asks for statistics on students' access to the internet. School surveys miss children out of school: say so in the note.",
    },
    {
        "code": "STUDENT_SCHOOL_ACCESS",
        "unit": "PT", "max_value": 100, "by": ("sex", "age", "urbanisation", "disability"),
        "source_types": ["school_survey", "administrative"],
        "name": {
            "en": "Students with internet access at school",
            "fr": "Élèves ayant accès à l'internet à l'école",
            "es": "Estudiantes con acceso a internet en la escuela",
            "ru": "Учащиеся с доступом к интернету в школе",
            "ar": "التلاميذ الذين لديهم إمكانية النفاذ إلى الإنترنت في المدرسة",
            "zh": "在学校能上网的学生",
        },
        "definition": {
            "en": "Share of students in primary and secondary school who can use the internet at school for learning.",
            "fr": "Part des élèves du primaire et du secondaire qui peuvent utiliser l'internet à l'école pour apprendre.",
            "es": "Proporción de estudiantes de primaria y secundaria que pueden usar internet en la escuela para aprender.",
            "ru": "Доля учащихся начальной и средней школы, которые могут пользоваться интернетом в школе для учёбы.",
            "ar": "نسبة تلاميذ المدارس الابتدائية والثانوية الذين يمكنهم استخدام الإنترنت في المدرسة للتعلّم.",
            "zh": "能在学校使用互联网学习的中小学生所占比例。",
        },
        "method": "From a school survey of students, or from school records weighted by enrolment.",
        "comparability": "School records count connected schools, not students who use the connection: prefer the students' answers.",
    },
    {
        "code": "CYBERBULLYING",
        "unit": "PT", "max_value": 100, "by": ("sex", "age", "urbanisation", "disability"),
        "source_types": ["household_survey", "school_survey"],
        "name": {
            "en": "Children who were bullied online",
            "fr": "Enfants victimes de harcèlement en ligne",
            "es": "Niños y niñas que sufrieron acoso en línea",
            "ru": "Дети, которые подверглись травле в интернете",
            "ar": "الأطفال الذين تعرّضوا للتنمّر عبر الإنترنت",
            "zh": "遭受网络欺凌的儿童",
        },
        "definition": {
            "en": "Share of internet-using children aged 9 to 17 who were treated in a hurtful or nasty way online in the past year.",
            "fr": "Part des enfants de 9 à 17 ans utilisant l'internet qui ont été traités de façon blessante ou méchante en ligne au cours de l'année écoulée.",
            "es": "Proporción de niños y niñas de 9 a 17 años que usan internet y que fueron tratados de forma hiriente o desagradable en línea en el último año.",
            "ru": "Доля детей 9–17 лет, пользующихся интернетом, с которыми за последний год в интернете обращались обидно или грубо.",
            "ar": "نسبة الأطفال من سن 9 إلى 17 سنة مستخدمي الإنترنت الذين عوملوا بطريقة مؤذية أو سيئة عبر الإنترنت خلال العام الماضي.",
            "zh": "9至17岁上网儿童中，过去一年在网上受到伤害或恶意对待的儿童所占比例。",
        },
        "method": SURVEY_METHOD,
        "comparability": SURVEY_COMPARABILITY,
    },
    {
        "code": "UNWANTED_SEXUAL_CONTENT",
        "unit": "PT", "max_value": 100, "by": ("sex", "age", "urbanisation", "disability"),
        "source_types": ["household_survey"],
        "name": {
            "en": "Children who saw sexual content they did not want to see",
            "fr": "Enfants ayant vu des contenus sexuels qu'ils ne voulaient pas voir",
            "es": "Niños y niñas que vieron contenido sexual que no querían ver",
            "ru": "Дети, которые видели сексуальный контент, не желая этого",
            "ar": "الأطفال الذين رأوا محتوى جنسيًا لم يرغبوا في رؤيته",
            "zh": "看到不想看到的色情内容的儿童",
        },
        "definition": {
            "en": "Share of internet-using children aged 9 to 17 who saw sexual images or videos online in the past year without looking for them.",
            "fr": "Part des enfants de 9 à 17 ans utilisant l'internet qui ont vu en ligne des images ou vidéos sexuelles au cours de l'année écoulée sans les chercher.",
            "es": "Proporción de niños y niñas de 9 a 17 años que usan internet y que vieron imágenes o videos sexuales en línea en el último año sin buscarlos.",
            "ru": "Доля детей 9–17 лет, пользующихся интернетом, которые за последний год видели в интернете сексуальные изображения или видео, не ища их.",
            "ar": "نسبة الأطفال من سن 9 إلى 17 سنة مستخدمي الإنترنت الذين رأوا صورًا أو مقاطع جنسية عبر الإنترنت خلال العام الماضي دون أن يبحثوا عنها.",
            "zh": "9至17岁上网儿童中，过去一年在未主动寻找的情况下在网上看到色情图片或视频的儿童所占比例。",
        },
        "method": SURVEY_METHOD + " Ask children under 12 a gentler form of the question, agreed with child-protection experts.",
        "comparability": SURVEY_COMPARABILITY,
    },
    {
        "code": "UNWANTED_SEXUAL_REQUESTS",
        "unit": "PT", "max_value": 100, "by": ("sex", "age", "urbanisation", "disability"),
        "source_types": ["household_survey"],
        "name": {
            "en": "Children who got unwanted sexual requests online",
            "fr": "Enfants ayant reçu en ligne des demandes sexuelles non désirées",
            "es": "Niños y niñas que recibieron peticiones sexuales no deseadas en línea",
            "ru": "Дети, получавшие в интернете нежелательные сексуальные просьбы",
            "ar": "الأطفال الذين تلقّوا طلبات جنسية غير مرغوب فيها عبر الإنترنت",
            "zh": "在网上收到不想要的性要求的儿童",
        },
        "definition": {
            "en": "Share of internet-using children aged 12 to 17 who were asked online in the past year to talk about sex or to share sexual images when they did not want to.",
            "fr": "Part des enfants de 12 à 17 ans utilisant l'internet à qui l'on a demandé en ligne, au cours de l'année écoulée, de parler de sexe ou de partager des images sexuelles contre leur gré.",
            "es": "Proporción de niños y niñas de 12 a 17 años que usan internet a quienes, en el último año, se les pidió en línea hablar de sexo o compartir imágenes sexuales sin que ellos quisieran.",
            "ru": "Доля детей 12–17 лет, пользующихся интернетом, которых за последний год в интернете просили говорить о сексе или делиться сексуальными изображениями против их желания.",
            "ar": "نسبة الأطفال من سن 12 إلى 17 سنة مستخدمي الإنترنت الذين طُلب منهم عبر الإنترنت خلال العام الماضي التحدث عن الجنس أو مشاركة صور جنسية دون رغبتهم.",
            "zh": "12至17岁上网儿童中，过去一年在网上被要求谈论性话题或分享色情图片而本人并不愿意的儿童所占比例。",
        },
        "method": SURVEY_METHOD + " Asked of children aged 12 and over only.",
        "comparability": SURVEY_COMPARABILITY,
    },
    {
        "code": "PARENT_SAFETY_TOOLS",
        "unit": "PT", "max_value": 100, "by": ("urbanisation", "disability"),
        "source_types": ["household_survey"],
        "name": {
            "en": "Parents who use online safety tools",
            "fr": "Parents qui utilisent des outils de sécurité en ligne",
            "es": "Madres y padres que usan herramientas de seguridad en línea",
            "ru": "Родители, которые пользуются средствами безопасности в интернете",
            "ar": "الآباء والأمهات الذين يستخدمون أدوات السلامة على الإنترنت",
            "zh": "使用网络安全工具的家长",
        },
        "definition": {
            "en": "Share of parents or carers of internet-using children who use at least one safety tool, such as filters, parental controls or privacy settings, on the child's devices.",
            "fr": "Part des parents ou personnes qui s'occupent d'enfants utilisant l'internet qui emploient au moins un outil de sécurité (filtres, contrôle parental, réglages de confidentialité) sur les appareils de l'enfant.",
            "es": "Proporción de madres, padres o cuidadores de niños que usan internet que utilizan al menos una herramienta de seguridad (filtros, control parental o ajustes de privacidad) en los dispositivos del niño.",
            "ru": "Доля родителей или опекунов детей, пользующихся интернетом, которые применяют хотя бы одно средство безопасности (фильтры, родительский контроль, настройки приватности) на устройствах ребёнка.",
            "ar": "نسبة الآباء أو مقدّمي الرعاية لأطفال يستخدمون الإنترنت الذين يستخدمون أداة سلامة واحدة على الأقل، مثل المرشّحات أو أدوات الرقابة الأبوية أو إعدادات الخصوصية، على أجهزة الطفل.",
            "zh": "上网儿童的家长或照料者中，在孩子的设备上至少使用一种安全工具（如过滤器、家长控制或隐私设置）的人所占比例。",
        },
        "method": "Asked of the parent or carer in the same household survey as the child.",
        "comparability": "Counts use, not how well the tools work.",
    },
    {
        "code": "HOTLINE_REPORTS",
        "unit": "NUMBER", "max_value": None, "decimals": 0, "by": (),
        "source_types": ["hotline"],
        "name": {
            "en": "Reports received by the national hotline",
            "fr": "Signalements reçus par la ligne de signalement nationale",
            "es": "Denuncias recibidas por la línea de denuncia nacional",
            "ru": "Сообщения, полученные национальной горячей линией",
            "ar": "البلاغات التي تلقّاها الخط الساخن الوطني",
            "zh": "国家举报热线收到的举报",
        },
        "definition": {
            "en": "Number of reports of suspected child sexual abuse material received in the year by the country's hotline.",
            "fr": "Nombre de signalements de contenus présumés d'abus sexuels sur enfants reçus dans l'année par la ligne de signalement du pays.",
            "es": "Número de denuncias de presunto material de abuso sexual infantil recibidas en el año por la línea de denuncia del país.",
            "ru": "Число сообщений о предполагаемых материалах сексуального насилия над детьми, полученных горячей линией страны за год.",
            "ar": "عدد البلاغات عن مواد يُشتبه في أنها تتضمن اعتداءً جنسيًا على الأطفال التي تلقّاها الخط الساخن في البلد خلال السنة.",
            "zh": "该国举报热线一年内收到的涉嫌儿童性虐待材料的举报数量。",
        },
        "method": "Count reports as received, before assessment; a report that names several addresses counts once.",
        "comparability": "Depends on how well the hotline is known and on how easy reporting is: a rise can mean more awareness, not more harm.",
    },
    {
        "code": "HELPLINE_CONTACTS",
        "unit": "NUMBER", "max_value": None, "decimals": 0, "by": ("sex", "age"),
        "source_types": ["helpline"],
        "name": {
            "en": "Helpline contacts about harm online",
            "fr": "Contacts avec la ligne d'assistance au sujet de préjudices en ligne",
            "es": "Contactos con la línea de ayuda sobre daños en línea",
            "ru": "Обращения на линию помощи по поводу вреда в интернете",
            "ar": "الاتصالات بخط المساعدة بشأن الأذى عبر الإنترنت",
            "zh": "就网络伤害联系求助热线的次数",
        },
        "definition": {
            "en": "Number of contacts in the year by children or about children with the national child helpline in which harm online was a main concern.",
            "fr": "Nombre de contacts dans l'année, par des enfants ou à leur sujet, avec la ligne nationale d'assistance aux enfants dont un préjudice en ligne était un sujet principal.",
            "es": "Número de contactos en el año de niños, o sobre niños, con la línea nacional de ayuda a la infancia en los que un daño en línea era un tema principal.",
            "ru": "Число обращений детей или о детях на национальную детскую линию помощи за год, в которых главной темой был вред в интернете.",
            "ar": "عدد الاتصالات خلال السنة من الأطفال أو بشأنهم بخط مساعدة الطفل الوطني التي كان الأذى عبر الإنترنت موضوعها الرئيسي.",
            "zh": "一年内由儿童或就儿童问题联系国家儿童求助热线、且主要涉及网络伤害的次数。",
        },
        "method": "Count contacts by phone, chat, text and email; the age and sex are those the child gave, when given.",
        "comparability": "Helplines classify concerns differently: report the classification used in the note.",
    },
    {
        "code": "NATIONAL_COP_STRATEGY",
        "unit": "YES_NO", "max_value": 1, "decimals": 0, "by": (),
        "source_types": ["policy_review"],
        "name": {
            "en": "National child online protection strategy in place",
            "fr": "Stratégie nationale de protection en ligne des enfants en place",
            "es": "Estrategia nacional de protección de la infancia en línea vigente",
            "ru": "Наличие национальной стратегии защиты детей в онлайновой среде",
            "ar": "وجود استراتيجية وطنية لحماية الأطفال على الإنترنت",
            "zh": "已制定国家儿童在线保护战略",
        },
        "definition": {
            "en": "1 when the government has adopted a strategy or action plan for child online protection that is in force in the year, 0 when it has not.",
            "fr": "1 lorsque le gouvernement a adopté une stratégie ou un plan d'action de protection en ligne des enfants en vigueur dans l'année, 0 sinon.",
            "es": "1 cuando el gobierno ha adoptado una estrategia o plan de acción de protección de la infancia en línea vigente en el año; 0 cuando no.",
            "ru": "1, если правительство приняло стратегию или план действий по защите детей в онлайновой среде, действующие в данном году; 0, если нет.",
            "ar": "1 عندما تكون الحكومة قد اعتمدت استراتيجية أو خطة عمل لحماية الأطفال على الإنترنت سارية في تلك السنة، و0 عندما لا تكون قد فعلت.",
            "zh": "政府已通过并在当年有效实施儿童在线保护战略或行动计划时为1，否则为0。",
        },
        "method": "From the national focal point's review of adopted policy documents; a draft does not count.",
        "comparability": "A strategy may stand alone or be part of a wider child protection or cybersecurity plan: both count.",
    },
]  # fmt: skip

CORE_MANDATE = ("R179/BDT/6", "R179/MS/8")
STUDENT_MANDATE = "R179/MS/14"


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{lang}": values.get(lang, "") for lang in LANGUAGE_CODES} | {
        field: values["en"]
    }


def indicator_fields(spec: dict, order: int) -> dict:
    breakdowns = spec["by"]
    return {
        "code": spec["code"],
        "unit": spec["unit"],
        "decimals": spec.get("decimals", 1),
        "min_value": 0,
        "max_value": spec["max_value"],
        "by_sex": "sex" in breakdowns,
        "by_age": "age" in breakdowns,
        "by_urbanisation": "urbanisation" in breakdowns,
        "by_disability": "disability" in breakdowns,
        "source_types": spec["source_types"],
        "order": order,
        **_translated("name", spec["name"]),
        **_translated("definition", spec["definition"]),
        "method_notes": spec["method"],
        "method_notes_en": spec["method"],
        "comparability_notes": spec["comparability"],
        "comparability_notes_en": spec["comparability"],
    }


def seed_core_indicators(apps, using: str = "default") -> None:
    """Create the core indicators that are missing; those that exist are left as they are."""
    indicator_model = apps.get_model("statistics", "Indicator")
    paragraph_model = apps.get_model("core", "MandateParagraph")
    existing = set(indicator_model.objects.using(using).values_list("code", flat=True))
    paragraphs = {p.code: p for p in paragraph_model.objects.using(using)}
    for order, spec in enumerate(CORE_INDICATORS, start=1):
        if spec["code"] in existing:
            continue
        indicator = indicator_model.objects.using(using).create(**indicator_fields(spec, order))
        codes = (
            [*CORE_MANDATE, STUDENT_MANDATE] if spec["code"].startswith("STUDENT") else CORE_MANDATE
        )
        indicator.mandate.set([paragraphs[code] for code in codes if code in paragraphs])

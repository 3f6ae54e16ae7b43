"""Demo register for a local `make run`: about 150 child online protection activities of some
twenty organisations in the six languages, every one marked as a demo record on its page.

They are written after what these organisations do on child online protection (ITU's national
workshops and guidelines, UNICEF's and UNESCO's school work, UNODC's and INTERPOL's training of
investigators, the hotlines of INHOPE and the IWF, the helplines of Child Helpline
International, and so on), but the particular activities, countries and dates are made up.
The labelled pairs of data/overlap_pairs.json are among them, so the overlap finder has
something to find; a few pairs carry a mark of the secretariat.
"""

import datetime

from babel import Locale

from cophub.accounts.models import Role, User
from cophub.accounts.permissions import SYSTEM

from . import evaluation, services
from .models import Activity

WORKSHOP = {
    "en": ("National child online protection workshop in {country}", "A workshop with the ministry, the regulator, operators and civil society to assess the country's child online protection framework and agree on a national roadmap."),
    "fr": ("Atelier national sur la protection des enfants en ligne – {country}", "Atelier avec le ministère, le régulateur, les opérateurs et la société civile pour évaluer le cadre national et convenir d'une feuille de route nationale."),
    "es": ("Taller nacional sobre protección de la infancia en línea – {country}", "Taller con el ministerio, el regulador, los operadores y la sociedad civil para evaluar el marco nacional y acordar una hoja de ruta nacional."),
    "ar": ("ورشة عمل وطنية بشأن حماية الأطفال على الإنترنت – {country}", "ورشة عمل مع الوزارة والجهة التنظيمية والمشغلين والمجتمع المدني لتقييم الإطار الوطني والاتفاق على خارطة طريق وطنية."),
    "ru": ("Национальный семинар по защите детей в онлайновой среде – {country}", "Семинар с участием министерства, регулятора, операторов и гражданского общества для оценки национальной базы и согласования дорожной карты."),
    "zh": ("{country}儿童在线保护国家研讨会", "与主管部委、监管机构、运营商和民间社会共同评估国家儿童在线保护框架并商定国家路线图。"),
}  # fmt: skip
WORKSHOPS = [
    ("SN", "fr", 2021), ("CI", "fr", 2022), ("CM", "fr", 2023), ("BJ", "fr", 2024), ("MA", "fr", 2025),
    ("TN", "fr", 2021), ("PE", "es", 2022), ("CO", "es", 2023), ("EC", "es", 2024), ("PY", "es", 2025),
    ("DO", "es", 2021), ("JO", "ar", 2022), ("OM", "ar", 2023), ("SD", "ar", 2024), ("MR", "ar", 2025),
    ("KZ", "ru", 2022), ("AM", "ru", 2023), ("TJ", "ru", 2024), ("UZ", "ru", 2021), ("GH", "en", 2021),
    ("ZM", "en", 2022), ("RW", "en", 2023), ("BT", "en", 2024), ("PG", "en", 2025), ("CN", "zh", 2023),
]  # fmt: skip

SAFER_INTERNET_DAY = {
    "en": ("Safer Internet Day activities in {country}", "Events in schools and on social media for Safer Internet Day, on cyberbullying and asking for help."),
    "fr": ("Journée pour un Internet plus sûr – {country}", "Activités dans les écoles et sur les réseaux sociaux sur le cyberharcèlement et la demande d'aide."),
    "es": ("Día de Internet Segura – {country}", "Actividades en escuelas y redes sociales sobre el ciberacoso y cómo pedir ayuda."),
    "ar": ("يوم الإنترنت الآمن – {country}", "فعاليات في المدارس وعلى وسائل التواصل الاجتماعي بشأن التنمر الإلكتروني وطلب المساعدة."),
    "ru": ("День безопасного интернета – {country}", "Мероприятия в школах и социальных сетях о кибербуллинге и о том, как попросить о помощи."),
    "zh": ("{country}更安全互联网日活动", "在学校和社交媒体上开展关于网络欺凌和如何求助的活动。"),
}  # fmt: skip
SAFER_INTERNET_DAYS = [
    ("MX", "es", 2024), ("AR", "es", 2025), ("CL", "es", 2023), ("EG", "ar", 2024), ("LB", "ar", 2025),
    ("MA", "fr", 2024), ("SN", "fr", 2025), ("IN", "en", 2024), ("PH", "en", 2025), ("NG", "en", 2023),
    ("KG", "ru", 2024), ("BY", "ru", 2025), ("CN", "zh", 2025), ("ZA", "en", 2026), ("TN", "fr", 2026),
]  # fmt: skip

INVESTIGATORS = {
    "en": ("Training on investigating online child sexual exploitation", "Course for police investigators and prosecutors on child sexual abuse material, victim identification and digital evidence."),
    "fr": ("Formation aux enquêtes sur l'exploitation sexuelle des enfants en ligne", "Cours pour enquêteurs et procureurs : contenus pédocriminels, identification des victimes et preuve numérique."),
    "es": ("Capacitación en investigación de la explotación sexual infantil en línea", "Curso para investigadores policiales y fiscales sobre material de abuso sexual infantil, identificación de víctimas y evidencia digital."),
    "ar": ("تدريب على التحقيق في الاستغلال الجنسي للأطفال عبر الإنترنت", "دورة للمحققين والمدعين العامين بشأن مواد الاعتداء الجنسي على الأطفال وتحديد هوية الضحايا والأدلة الرقمية."),
    "ru": ("Обучение расследованию сексуальной эксплуатации детей в интернете", "Курс для следователей и прокуроров по материалам сексуального насилия над детьми, идентификации жертв и цифровым доказательствам."),
}  # fmt: skip
INVESTIGATOR_COURSES = [
    ("interpol", "en", 2023, ["KE", "UG", "TZ"]), ("unodc", "fr", 2024, ["CD", "CM"]),
    ("interpol", "en", 2022, ["PH", "MY"]), ("unodc", "es", 2023, ["CO", "PE"]),
    ("unodc", "ar", 2024, ["IQ", "LY"]), ("interpol", "ru", 2023, ["AZ", "MD"]),
    ("icmec", "en", 2025, ["ZA", "NA"]), ("icmec", "es", 2025, ["BO", "PY"]),
    ("unodc", "fr", 2022, ["ML", "NE"]), ("interpol", "ar", 2026, ["SA", "KW"]),
    ("unodc", "en", 2026, ["LK", "BD"]), ("icmec", "ru", 2024, ["GE", "MN"]),
]  # fmt: skip

TEACHERS = {
    "en": ("Digital citizenship training for teachers in {country}", "UNESCO trains teachers to teach digital literacy, privacy and respectful behaviour online."),
    "fr": ("Formation des enseignants à la citoyenneté numérique – {country}", "Formation des enseignants à l'éducation au numérique, à la vie privée et au respect en ligne."),
    "es": ("Formación docente en ciudadanía digital – {country}", "Formación de docentes en alfabetización digital, privacidad y convivencia en línea."),
    "ar": ("تدريب المعلمين على المواطنة الرقمية – {country}", "تدريب المعلمين على تدريس المهارات الرقمية والخصوصية والسلوك المحترم على الإنترنت."),
    "ru": ("Обучение учителей цифровому гражданству – {country}", "Подготовка учителей к преподаванию цифровой грамотности, конфиденциальности и уважительного поведения в сети."),
}  # fmt: skip
TEACHER_COURSES = [
    ("KE", "en", 2022), ("UG", "en", 2023), ("MW", "en", 2024), ("FJ", "en", 2025), ("BF", "fr", 2023),
    ("NE", "fr", 2024), ("HT", "fr", 2025), ("GT", "es", 2022), ("HN", "es", 2025), ("BO", "es", 2024),
    ("YE", "ar", 2023), ("PS", "ar", 2025), ("KG", "ru", 2022), ("MD", "ru", 2025), ("LA", "en", 2026),
]  # fmt: skip

# organisation, kind, language, title, description, countries, regions, start, end
OTHERS = [
    ("tsb", "standard", "en", "Study Group 17 work on child online protection in identity management", "Security and identity management questions that touch children's data and age assurance in online services.", [], [], "2022-03-01", "2025-06-30"),
    ("tsb", "standard", "fr", "Mise en œuvre de la Recommandation UIT-T E.1100 sur l'accès aux lignes d'assistance", "Accompagnement des opérateurs pour l'accès aux lignes d'assistance aux enfants par des numéros courts et gratuits.", [], [], "2023-01-01", "2024-12-31"),
    ("itu-gs", "event", "en", "Child Online Protection Initiative global partners meeting", "The partners of the COP Initiative review the year's work and plan coordination, to avoid duplicated effort.", [], [], "2025-06-10", "2025-06-11"),
    ("weprotect-global-alliance", "research", "en", "Global Threat Assessment on online child sexual exploitation", "A review of the scale of online child sexual exploitation and abuse material and the response of governments and industry.", [], [], "2023-01-01", "2023-10-31"),
    ("srsg-vac", "campaign", "es", "Espacios digitales seguros para la infancia", "Campaña con los Estados para prevenir la violencia contra los niños en línea, con la participación de los niños.", [], [], "2024-04-01", "2025-03-31"),
    ("ohchr", "research", "fr", "Les droits de l'enfant dans l'environnement numérique : mise en œuvre de l'Observation générale n° 25", "Étude sur la vie privée, la protection et la participation des enfants en ligne, et la législation des États.", [], [], "2023-05-01", "2024-04-30"),
    ("undp", "capacity_building", "en", "Child safeguards in digital public infrastructure", "Helping governments build privacy and child protection into digital identity and data systems.", [], ["AFR", "ASP"], "2025-01-01", "2026-12-31"),
    ("who", "guideline", "ru", "Руководство по профилактике насилия в отношении детей в интернете", "Рекомендации для систем здравоохранения и образования о профилактике насилия и психическом здоровье детей.", [], [], "2024-01-01", "2024-12-31"),
    ("bdt", "guideline", "ar", "المبادئ التوجيهية لحماية الأطفال على الإنترنت لعام 2020: طبعة عربية ميسرة", "إعداد طبعة ميسرة بصيغ للأطفال ذوي الإعاقة من المبادئ التوجيهية.", [], ["ARB"], "2022-01-01", "2022-12-31"),
    ("bdt", "capacity_building", "zh", "亚太地区儿童在线保护国家战略能力建设", "帮助亚太国家制定儿童在线保护国家战略和路线图。", [], ["ASP"], "2024-03-01", "2025-02-28"),
    ("inhope", "training", "en", "Content analyst training for new reporting hotlines", "Training for the analysts of new hotlines on assessing reports of child sexual abuse material and their own well-being.", [], [], "2025-09-01", "2025-09-30"),
    ("iwf", "standard", "en", "Shared hash list and taxonomy for child sexual abuse imagery", "A common way to grade and fingerprint abuse images so that hotlines and industry can take them down.", [], [], "2024-01-01", "2026-12-31"),
    ("fosi", "research", "en", "Parents' views on online safety tools", "A survey of parents on parental controls, age ratings and how they talk with their children.", ["US", "GB"], [], "2024-02-01", "2024-09-30"),
    ("ecpat-international", "research", "fr", "Étude sur l'exploitation sexuelle des enfants en ligne en Afrique de l'Ouest", "Entretiens avec des enfants, des travailleurs sociaux et des policiers sur l'exploitation sexuelle en ligne et le signalement.", ["BF", "ML", "TG"], ["AFR"], "2023-03-01", "2024-02-29"),
    ("unicri", "event", "es", "Seminario sobre inteligencia artificial y protección de la infancia", "Expertos de América Latina debaten sobre los contenidos generados por inteligencia artificial y la respuesta de la justicia penal.", [], ["AMS"], "2025-11-18", "2025-11-19"),
    ("child-helpline-international", "event", "ar", "الاجتماع الإقليمي لخطوط مساعدة الأطفال في المنطقة العربية", "تبادل الخبرات بين خطوط مساعدة الأطفال بشأن الاستشارة عبر الدردشة والإحالة.", [], ["ARB"], "2024-11-05", "2024-11-07"),
    ("itu-gs", "campaign", "ru", "Информирование о детских телефонах доверия 116 111 в странах СНГ", "Кампания о бесплатном номере 116 111 для детей и родителей.", ["AM", "KG", "TJ"], ["CIS"], "2025-05-01", "2025-10-31"),
    ("tsb", "event", "zh", "儿童在线保护标准化研讨会", "讨论年龄验证、有害内容过滤和求助热线接入的技术标准。", [], [], "2026-03-10", "2026-03-11"),
]  # fmt: skip

MARKS = [
    ("ke-strategy-bdt", "ke-strategy-unicef", "coordinated", "One roadmap, drafted together; UNICEF leads the consultations."),
    ("ca-bullying-unicef", "ca-bullying-unesco", "complementary", "Same schools; materials shared."),
    ("games-bdt", "games-tsb-zh", "duplicate", "Two ITU texts for the same industry: merged into one."),
    ("afr-forum-bdt", "afr-forum-ecpat", "coordinated", "Held back to back in the same city."),
    ("sext-weprotect", "sext-ecpat", "complementary", ""),
]  # fmt: skip

KIND = Activity.Kind


def _date(year, month, day=1):
    return datetime.date(year, month, day)


def _name(iso2: str, language: str) -> str:
    return Locale.parse(language).territories.get(iso2, iso2)


def _status_on(
    today: datetime.date, starts_on: datetime.date, ends_on: datetime.date | None
) -> str:
    """An activity's status as its dates tell it: done once it has ended, under way between its
    first and last day, planned before it starts (an open-ended one is under way once started)."""
    if starts_on > today:
        return Activity.Status.PLANNED
    if ends_on is not None and ends_on < today:
        return Activity.Status.COMPLETED
    return Activity.Status.ONGOING


def _record(**fields) -> Activity:
    fields["status"] = _status_on(datetime.date.today(), fields["starts_on"], fields.get("ends_on"))
    language = fields.pop("language")
    title, description = fields.pop("texts")
    return services.record_activity(
        created_by=SYSTEM,
        titles={language: title},
        descriptions={language: description},
        original_language=language,
        is_demo=True,
        **fields,
    )


def _families() -> int:
    n = 0
    for i, (iso2, language, year) in enumerate(WORKSHOPS):
        title, description = WORKSHOP[language]
        _record(organisation="bdt", kind=KIND.CAPACITY_BUILDING, language=language,
                texts=(title.format(country=_name(iso2, language)), description),
                countries=[iso2], starts_on=_date(year, 3 + i % 8, 10), ends_on=_date(year, 3 + i % 8, 12),
                contact_role="COP focal point, BDT")  # fmt: skip
        n += 1
    for iso2, language, year in SAFER_INTERNET_DAYS:
        title, description = SAFER_INTERNET_DAY[language]
        _record(organisation="unicef", kind=KIND.CAMPAIGN, language=language,
                texts=(title.format(country=_name(iso2, language)), description),
                countries=[iso2], starts_on=_date(year, 2, 6), ends_on=_date(year, 2, 28),
                contact_role="Country office, child protection")  # fmt: skip
        n += 1
    for i, (organisation, language, year, countries) in enumerate(INVESTIGATOR_COURSES):
        _record(organisation=organisation, kind=KIND.TRAINING, language=language,
                texts=INVESTIGATORS[language], countries=countries,
                starts_on=_date(year, 4 + i % 6, 2), ends_on=_date(year, 4 + i % 6, 20),
                contact_role="Training coordinator")  # fmt: skip
        n += 1
    for i, (iso2, language, year) in enumerate(TEACHER_COURSES):
        title, description = TEACHERS[language]
        _record(organisation="unesco", kind=KIND.TRAINING, language=language,
                texts=(title.format(country=_name(iso2, language)), description),
                countries=[iso2], starts_on=_date(year, 1 + i % 9, 15), ends_on=_date(year, 3 + i % 9, 15),
                contact_role="Education sector, ICT in education")  # fmt: skip
        n += 1
    for organisation, kind, language, title, description, countries, regions, start, end in OTHERS:
        _record(organisation=organisation, kind=kind, language=language, texts=(title, description),
                countries=countries, regions=regions, starts_on=datetime.date.fromisoformat(start),
                ends_on=datetime.date.fromisoformat(end))  # fmt: skip
        n += 1
    return n


def _labelled() -> dict[str, Activity]:
    activities, _pairs = evaluation.load_labelled()
    recorded = {}
    for key, a in activities.items():
        start = datetime.date.fromisoformat(a["starts_on"])
        recorded[key] = _record(
            organisation=a["organisation"], kind=a["kind"], language=a["language"],
            texts=(a["title"], a["description"]), countries=a["countries"], regions=a["regions"],
            starts_on=start, ends_on=datetime.date.fromisoformat(a["ends_on"]) if a["ends_on"] else None,
        )  # fmt: skip
    return recorded


def load_demo(*, stdout=None) -> None:
    if Activity.objects.filter(is_demo=True).exists():
        if stdout is not None:
            stdout.write("Coordination: demo activities already loaded.")
        return
    recorded = _labelled()
    count = len(recorded) + _families()
    secretariat = User.objects.filter(role=Role.SECRETARIAT, is_active=True).first()
    marked = 0
    if secretariat:
        for first, second, relation, note in MARKS:
            services.mark_pair(activity=recorded[first], other=recorded[second],
                               relation=relation, note=note, user=secretariat)  # fmt: skip
            marked += 1
    if stdout is not None:
        stdout.write(f"Coordination: {count} activities, {marked} pairs marked.")

"""The core set of COP indicators, seeded into every database.

Written for COP Hub from what household and school surveys of children (in the manner of Global
Kids Online and UNICEF's Disrupting Harm), ITU's ICT indicators and the records of hotlines and
helplines measure. Seeding creates the indicators that are missing and leaves the others alone,
so that the secretariat's later edits stand.
"""

from cophub.core.i18n import LANGUAGE_CODES

SURVEY_METHOD = {
    "en": "Ask a nationally representative sample of children aged 9 to 17 who use the internet, in person and with a parent's consent, with the child's own agreement. Weight the answers to the population. Report the unweighted number of children behind each cell, so that cells with fewer than 10 children are withheld.",
    "fr": "Interroger en personne un échantillon représentatif au niveau national d'enfants de 9 à 17 ans qui utilisent l'internet, avec le consentement d'un parent et l'accord de l'enfant lui-même. Pondérer les réponses selon la population. Indiquer le nombre non pondéré d'enfants derrière chaque cellule, afin que les cellules de moins de 10 enfants ne soient pas publiées.",
    "es": "Entrevistar en persona a una muestra representativa a nivel nacional de niños y niñas de 9 a 17 años que usan internet, con el consentimiento de la madre o el padre y el acuerdo del propio niño o niña. Ponderar las respuestas según la población. Indicar el número no ponderado de niños detrás de cada celda, para que no se publiquen las celdas con menos de 10 niños.",
    "ru": "Лично опросить национальную репрезентативную выборку детей 9–17 лет, пользующихся интернетом, с согласия одного из родителей и с согласия самого ребёнка. Взвесить ответы по численности населения. Указывать невзвешенное число детей в каждой ячейке, чтобы ячейки, в которых меньше 10 детей, не публиковались.",
    "ar": "يُجرى الاستطلاع وجهًا لوجه على عيّنة ممثِّلة على المستوى الوطني من الأطفال من سن 9 إلى 17 سنة الذين يستخدمون الإنترنت، بموافقة أحد الوالدين وبموافقة الطفل نفسه. وتُرجَّح الإجابات وفقًا لعدد السكان. ويُذكر العدد غير المرجَّح للأطفال في كل خانة، حتى لا تُنشر الخانات التي تضم أقل من 10 أطفال.",
    "zh": "在征得家长同意和儿童本人同意后，当面调查具有全国代表性的9至17岁上网儿童样本。按人口对回答进行加权。报告每个单元格背后未加权的儿童人数，以便不公布少于10名儿童的单元格。",
}
SURVEY_COMPARABILITY = {
    "en": "Figures compare across countries when the question wording, the recall period (the past year) and the age range are the same. Surveys of all children and surveys of internet-using children do not compare: say which in the note.",
    "fr": "Les chiffres sont comparables d'un pays à l'autre lorsque la formulation de la question, la période de référence (l'année écoulée) et la tranche d'âge sont les mêmes. Les enquêtes auprès de tous les enfants et celles auprès des enfants utilisant l'internet ne sont pas comparables : préciser laquelle dans la note.",
    "es": "Las cifras son comparables entre países cuando la redacción de la pregunta, el período de referencia (el último año) y el rango de edad son los mismos. Las encuestas a todos los niños y las encuestas a niños que usan internet no son comparables: indique cuál en la nota.",
    "ru": "Данные сопоставимы между странами, если совпадают формулировка вопроса, отчётный период (последний год) и возрастной диапазон. Опросы всех детей и опросы детей, пользующихся интернетом, несопоставимы: укажите в примечании, какой это опрос.",
    "ar": "تكون الأرقام قابلة للمقارنة بين البلدان عندما تكون صيغة السؤال وفترة الاستذكار (العام الماضي) والفئة العمرية واحدة. ولا تُقارَن استطلاعات جميع الأطفال باستطلاعات الأطفال مستخدمي الإنترنت: اذكر أيّهما في الملاحظة.",
    "zh": "当问题措辞、回忆期（过去一年）和年龄范围相同时，各国数据可以比较。针对所有儿童的调查与针对上网儿童的调查不可比较：请在附注中说明属于哪一种。",
}


def _then(first: dict[str, str], second: dict[str, str]) -> dict[str, str]:
    """Two texts one after the other, in each language (no space between sentences in Chinese)."""
    return {lang: first[lang] + ("" if lang == "zh" else " ") + second[lang] for lang in first}


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
        "method": {
            "en": 'From a school survey or the education questions of a household survey. Count access that works, not only a device at home.',
            "fr": "D'après une enquête scolaire ou les questions sur l'éducation d'une enquête auprès des ménages. Compter un accès qui fonctionne, pas seulement la présence d'un appareil à la maison.",
            "es": 'A partir de una encuesta escolar o de las preguntas sobre educación de una encuesta de hogares. Contar el acceso que funciona, no solo la presencia de un dispositivo en casa.',
            "ru": 'По данным школьного обследования или вопросов об образовании в обследовании домохозяйств. Учитывать работающий доступ, а не только наличие устройства дома.',
            "ar": 'من استطلاع مدرسي أو من أسئلة التعليم في استطلاع للأسر المعيشية. ويُحتسب النفاذ الذي يعمل فعلًا، لا مجرد وجود جهاز في المنزل.',
            "zh": '来自学校调查或住户调查中的教育问题。统计实际可用的上网条件，而不仅仅是家中有设备。',
        },
        "comparability": {
            "en": "Resolution 179 asks for statistics on students' access to the internet. School surveys miss children out of school: say so in the note.",
            "fr": "La Résolution 179 demande des statistiques sur l'accès des élèves à l'internet. Les enquêtes scolaires ne couvrent pas les enfants non scolarisés : le signaler dans la note.",
            "es": 'La Resolución 179 pide estadísticas sobre el acceso de los estudiantes a internet. Las encuestas escolares no incluyen a los niños no escolarizados: indíquelo en la nota.',
            "ru": 'Резолюция 179 призывает собирать статистику о доступе учащихся к интернету. Школьные обследования не охватывают детей, не посещающих школу: укажите это в примечании.',
            "ar": 'يطلب القرار 179 إحصاءات عن نفاذ التلاميذ إلى الإنترنت. ولا تشمل الاستطلاعات المدرسية الأطفال غير الملتحقين بالمدارس: اذكر ذلك في الملاحظة.',
            "zh": '第179号决议要求提供学生上网情况的统计数据。学校调查不包括失学儿童：请在附注中说明。',
        },
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
        "method": {
            "en": 'From a school survey of students, or from school records weighted by enrolment.',
            "fr": "D'après une enquête scolaire auprès des élèves, ou d'après les registres des écoles pondérés par les effectifs.",
            "es": 'A partir de una encuesta escolar a los estudiantes, o de los registros escolares ponderados por la matrícula.',
            "ru": 'По данным школьного опроса учащихся или по школьной отчётности, взвешенной по числу учащихся.',
            "ar": 'من استطلاع مدرسي للتلاميذ، أو من السجلات المدرسية مرجَّحةً بعدد الملتحقين.',
            "zh": '来自针对学生的学校调查，或按入学人数加权的学校记录。',
        },
        "comparability": {
            "en": "School records count connected schools, not students who use the connection: prefer the students' answers.",
            "fr": 'Les registres des écoles comptent les écoles connectées, pas les élèves qui utilisent la connexion : préférer les réponses des élèves.',
            "es": 'Los registros escolares cuentan las escuelas conectadas, no los estudiantes que usan la conexión: prefiera las respuestas de los estudiantes.',
            "ru": 'Школьная отчётность учитывает подключённые школы, а не учащихся, которые пользуются подключением: предпочтительны ответы самих учащихся.',
            "ar": 'تحصي السجلات المدرسية المدارس الموصولة بالإنترنت، لا التلاميذ الذين يستخدمون الاتصال: تُفضَّل إجابات التلاميذ.',
            "zh": '学校记录统计的是已联网的学校，而不是使用网络的学生：优先采用学生本人的回答。',
        },
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
        "method": _then(SURVEY_METHOD, {
            "en": 'Ask children under 12 a gentler form of the question, agreed with child-protection experts.',
            "fr": "Poser aux enfants de moins de 12 ans une forme plus douce de la question, convenue avec des spécialistes de la protection de l'enfance.",
            "es": 'A los niños menores de 12 años, hacer una versión más suave de la pregunta, acordada con especialistas en protección de la infancia.',
            "ru": 'Детям младше 12 лет задавать более мягкий вариант вопроса, согласованный со специалистами по защите детей.',
            "ar": 'ويُطرح على الأطفال دون سن 12 سنة شكل ألطف من السؤال، يُتَّفق عليه مع خبراء حماية الطفل.',
            "zh": '对12岁以下儿童使用经儿童保护专家认可的较温和的问法。',
        }),
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
        "method": _then(SURVEY_METHOD, {
            "en": 'Asked of children aged 12 and over only.',
            "fr": 'Question posée uniquement aux enfants de 12 ans et plus.',
            "es": 'Solo se pregunta a niños y niñas de 12 años o más.',
            "ru": 'Вопрос задаётся только детям 12 лет и старше.',
            "ar": 'ولا يُطرح هذا السؤال إلا على الأطفال البالغين 12 سنة فأكثر.',
            "zh": '仅询问12岁及以上的儿童。',
        }),
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
        "method": {
            "en": 'Asked of the parent or carer in the same household survey as the child.',
            "fr": "Question posée au parent ou à la personne qui s'occupe de l'enfant, dans la même enquête auprès des ménages que l'enfant.",
            "es": 'Se pregunta a la madre, el padre o la persona cuidadora en la misma encuesta de hogares que al niño o la niña.',
            "ru": 'Вопрос задаётся родителю или опекуну в рамках того же обследования домохозяйств, что и ребёнку.',
            "ar": 'يُطرح السؤال على أحد الوالدين أو مقدّم الرعاية في استطلاع الأسر المعيشية نفسه الذي يُسأل فيه الطفل.',
            "zh": '在对儿童进行的同一住户调查中询问其家长或照料者。',
        },
        "comparability": {
            "en": 'Counts use, not how well the tools work.',
            "fr": "Mesure l'utilisation des outils, pas leur efficacité.",
            "es": 'Mide el uso de las herramientas, no su eficacia.',
            "ru": 'Учитывается использование средств, а не их эффективность.',
            "ar": 'يقيس استخدام الأدوات، لا مدى فعاليتها.',
            "zh": '统计的是工具的使用情况，而不是工具的效果。',
        },
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
        "method": {
            "en": 'Count reports as received, before assessment; a report that names several addresses counts once.',
            "fr": 'Compter les signalements tels que reçus, avant évaluation ; un signalement qui cite plusieurs adresses compte une seule fois.',
            "es": 'Contar las denuncias tal como se reciben, antes de evaluarlas; una denuncia que señala varias direcciones cuenta una sola vez.',
            "ru": 'Учитывать сообщения в момент получения, до их оценки; сообщение с несколькими адресами считается один раз.',
            "ar": 'تُحتسب البلاغات كما وردت، قبل تقييمها؛ والبلاغ الذي يذكر عدة عناوين يُحتسب مرة واحدة.',
            "zh": '按收到的举报计数，在评估之前统计；一份举报列出多个网址的，只计一次。',
        },
        "comparability": {
            "en": 'Depends on how well the hotline is known and on how easy reporting is: a rise can mean more awareness, not more harm.',
            "fr": 'Dépend de la notoriété de la ligne de signalement et de la facilité à signaler : une hausse peut traduire une meilleure connaissance, et non davantage de préjudices.',
            "es": 'Depende de lo conocida que sea la línea de denuncia y de lo fácil que sea denunciar: un aumento puede reflejar más conocimiento, no más daño.',
            "ru": 'Зависит от того, насколько известна горячая линия и насколько легко подать сообщение: рост может означать большую осведомлённость, а не больший вред.',
            "ar": 'يتوقف على مدى معرفة الناس بالخط الساخن وسهولة الإبلاغ: قد تعني الزيادة وعيًا أكبر، لا أذى أكثر.',
            "zh": '取决于举报热线的知名度和举报的便利程度：数量上升可能意味着认识提高，而不是伤害增加。',
        },
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
        "method": {
            "en": 'Count contacts by phone, chat, text and email; the age and sex are those the child gave, when given.',
            "fr": "Compter les contacts par téléphone, messagerie instantanée, SMS et courriel ; l'âge et le sexe sont ceux que l'enfant a indiqués, s'il les a indiqués.",
            "es": 'Contar los contactos por teléfono, chat, mensaje de texto y correo electrónico; la edad y el sexo son los que indicó el niño o la niña, cuando los indicó.',
            "ru": 'Учитывать обращения по телефону, в чате, по SMS и электронной почте; возраст и пол указываются со слов ребёнка, если он их назвал.',
            "ar": 'تُحتسب الاتصالات عبر الهاتف والدردشة والرسائل النصية والبريد الإلكتروني؛ والعمر والجنس هما ما ذكره الطفل، إن ذكرهما.',
            "zh": '统计通过电话、在线聊天、短信和电子邮件的联系；年龄和性别以儿童本人提供的为准（如有提供）。',
        },
        "comparability": {
            "en": 'Helplines classify concerns differently: report the classification used in the note.',
            "fr": "Les lignes d'assistance classent les sujets de préoccupation différemment : indiquer la classification utilisée dans la note.",
            "es": 'Las líneas de ayuda clasifican los motivos de consulta de forma distinta: indique en la nota la clasificación utilizada.',
            "ru": 'Линии помощи по-разному классифицируют темы обращений: укажите используемую классификацию в примечании.',
            "ar": 'تصنّف خطوط المساعدة المخاوف بطرق مختلفة: اذكر التصنيف المستخدم في الملاحظة.',
            "zh": '各求助热线对问题的分类方式不同：请在附注中说明所用的分类。',
        },
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
        "method": {
            "en": "From the national focal point's review of adopted policy documents; a draft does not count.",
            "fr": "D'après l'examen, par le point focal national, des documents d'orientation adoptés ; un projet ne compte pas.",
            "es": 'A partir de la revisión, por el punto focal nacional, de los documentos de política adoptados; un borrador no cuenta.',
            "ru": 'По результатам проверки национальным координатором принятых программных документов; проект не учитывается.',
            "ar": 'من مراجعة جهة الاتصال الوطنية لوثائق السياسات المعتمدة؛ ولا تُحتسب المسودّة.',
            "zh": '根据国家联络人对已通过的政策文件的审查；草案不计。',
        },
        "comparability": {
            "en": 'A strategy may stand alone or be part of a wider child protection or cybersecurity plan: both count.',
            "fr": "Une stratégie peut être autonome ou faire partie d'un plan plus large de protection de l'enfance ou de cybersécurité : les deux comptent.",
            "es": 'Una estrategia puede ser independiente o formar parte de un plan más amplio de protección de la infancia o de ciberseguridad: ambas cuentan.',
            "ru": 'Стратегия может быть самостоятельной или входить в более широкий план по защите детей или по кибербезопасности: учитываются оба варианта.',
            "ar": 'قد تكون الاستراتيجية قائمة بذاتها أو جزءًا من خطة أوسع لحماية الطفل أو للأمن السيبراني: ويُحتسب كلاهما.',
            "zh": '战略可以是独立的，也可以是更广泛的儿童保护或网络安全计划的一部分：两者均计入。',
        },
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
        **_translated("method_notes", spec["method"]),
        **_translated("comparability_notes", spec["comparability"]),
    }


TRANSLATED_TEXTS = {
    "name": "name",
    "definition": "definition",
    "method_notes": "method",
    "comparability_notes": "comparability",
}


def seed_core_indicators(apps, using: str = "default") -> None:
    """Create the core indicators that are missing. Those that exist keep their texts; only a
    language left empty is filled in (so that indicators seeded before their notes were
    translated get the translations, and the secretariat's edits stand)."""
    indicator_model = apps.get_model("statistics", "Indicator")
    paragraph_model = apps.get_model("core", "MandateParagraph")
    existing = {i.code: i for i in indicator_model.objects.using(using)}
    paragraphs = {p.code: p for p in paragraph_model.objects.using(using)}
    for order, spec in enumerate(CORE_INDICATORS, start=1):
        if spec["code"] in existing:
            _fill_empty_translations(existing[spec["code"]], spec, using)
            continue
        indicator = indicator_model.objects.using(using).create(**indicator_fields(spec, order))
        codes = (
            [*CORE_MANDATE, STUDENT_MANDATE] if spec["code"].startswith("STUDENT") else CORE_MANDATE
        )
        indicator.mandate.set([paragraphs[code] for code in codes if code in paragraphs])


def _fill_empty_translations(indicator, spec: dict, using: str) -> None:
    changed = []
    for field, key in TRANSLATED_TEXTS.items():
        for lang in LANGUAGE_CODES:
            name = f"{field}_{lang}"
            if not getattr(indicator, name) and spec[key].get(lang):
                setattr(indicator, name, spec[key][lang])
                changed.append(name)
    if changed:
        indicator.save(using=using, update_fields=changed)

"""Demo repository: the four sets of ITU COP guidelines in their 2009, 2016 and 2020 editions, in
the languages they were published in, with accessible editions; real best practices, safety
tools, campaigns, trainings, research and national strategies; and, to make the search and its
facets worth trying, generated awareness and training records marked as demo records."""

import datetime

from cophub.accounts.permissions import SYSTEM
from cophub.core.models import Country

from . import services
from .models import Resource

G = Resource.Kind.GUIDELINE
ALL6 = ("en", "fr", "es", "ru", "ar", "zh")
COP_SITE = "https://www.itu-cop-guidelines.com"
ITU_COP = "https://www.itu.int/en/ITU-D/Cybersecurity/Pages/COP/COP.aspx"


def _links(base: str, languages) -> dict[str, str]:
    return {code: f"{base}?lang={code}" for code in languages}


# slug, set, edition, audience, titles, summary (en), languages, previous slug
GUIDELINES = [
    ("cop-guidelines-children-2009", "children", 2009, "children-13-18",
     {"en": "Guidelines for Children on Child Online Protection", "fr": "Lignes directrices à l'intention des enfants sur la protection en ligne", "es": "Directrices para los niños sobre la protección de la infancia en línea", "ru": "Руководящие указания для детей по защите ребенка в онлайновой среде", "ar": "مبادئ توجيهية للأطفال بشأن حماية الأطفال على الإنترنت", "zh": "儿童上网保护儿童指南"},
     "Advice for children and young people on staying safe online: chatting, sharing pictures, meeting people met online, and where to get help.", ALL6, None),
    ("cop-guidelines-parents-2009", "parents-educators", 2009, "parents-educators",
     {"en": "Guidelines for Parents, Guardians and Educators on Child Online Protection", "fr": "Lignes directrices à l'intention des parents, tuteurs et éducateurs sur la protection des enfants en ligne", "es": "Directrices para padres, tutores y educadores sobre la protección de la infancia en línea", "ru": "Руководящие указания для родителей, опекунов и педагогов по защите ребенка в онлайновой среде", "ar": "مبادئ توجيهية للآباء والأوصياء والمربين بشأن حماية الأطفال على الإنترنت", "zh": "家长、监护人和教育工作者保护上网儿童指南"},
     "How parents, guardians and educators can help children use the internet safely, by age, with checklists for the home and the school.", ALL6, None),
    ("cop-guidelines-industry-2009", "industry", 2009, "industry",
     {"en": "Guidelines for Industry on Child Online Protection", "fr": "Lignes directrices à l'intention du secteur privé sur la protection des enfants en ligne", "es": "Directrices para la industria sobre la protección de la infancia en línea", "ru": "Руководящие указания для отрасли по защите ребенка в онлайновой среде", "ar": "مبادئ توجيهية للصناعة بشأن حماية الأطفال على الإنترنت", "zh": "业界保护上网儿童指南"},
     "What internet service providers, mobile operators and content providers can do to protect children online.", ALL6, None),
    ("cop-guidelines-policymakers-2009", "policymakers", 2009, "policymakers",
     {"en": "Guidelines for Policy Makers on Child Online Protection", "fr": "Lignes directrices à l'intention des décideurs sur la protection des enfants en ligne", "es": "Directrices para los encargados de formular políticas sobre la protección de la infancia en línea", "ru": "Руководящие указания для директивных органов по защите ребенка в онлайновой среде", "ar": "مبادئ توجيهية لواضعي السياسات بشأن حماية الأطفال على الإنترنت", "zh": "决策者保护上网儿童指南"},
     "A national strategy for child online protection: legal framework, law enforcement, reporting, education and awareness.", ALL6, None),
    ("cop-guidelines-industry-2016", "industry", 2016, "industry",
     {"en": "Guidelines for Industry on Child Online Protection (2015 edition)", "fr": "Lignes directrices à l'intention du secteur privé sur la protection des enfants en ligne (édition 2015)", "es": "Directrices para la industria sobre la protección de la infancia en línea (edición de 2015)", "ar": "مبادئ توجيهية للصناعة بشأن حماية الأطفال على الإنترنت (طبعة 2015)"},
     "Revised with UNICEF around children's rights: integrating child rights in corporate policies, handling child sexual abuse material, safer environments, education and digital citizenship.", ("en", "fr", "es", "ar"), "cop-guidelines-industry-2009"),
    ("cop-guidelines-children-under-9-2020", "children", 2020, "children-under-9",
     {"en": "Guidelines for children under 9: Sango and friends storybook", "fr": "Lignes directrices pour les enfants de moins de 9 ans : Sango et ses amis", "es": "Directrices para niños menores de 9 años: Sango y sus amigos", "ru": "Руководящие указания для детей до 9 лет: Санго и его друзья", "ar": "مبادئ توجيهية للأطفال دون سن 9 سنوات: سانغو وأصدقاؤه", "zh": "9岁以下儿童指南：桑戈和朋友们"},
     "A storybook in which Sango and friends learn to stay safe online, to read with an adult.", ALL6, None),
    ("cop-guidelines-children-9-12-2020", "children", 2020, "children-9-12",
     {"en": "Guidelines for children aged 9 to 12: activity workbook", "fr": "Lignes directrices pour les enfants de 9 à 12 ans : cahier d'activités", "es": "Directrices para niños de 9 a 12 años: cuaderno de actividades", "ar": "مبادئ توجيهية للأطفال من 9 إلى 12 سنة: كراسة أنشطة"},
     "Games and activities about passwords, kindness online, sharing pictures and asking for help.", ("en", "fr", "es", "ar"), None),
    ("cop-guidelines-children-2020", "children", 2020, "children-13-18",
     {"en": "Guidelines for children and young people on Child Online Protection", "fr": "Lignes directrices pour les enfants et les jeunes sur la protection en ligne", "es": "Directrices para niños y jóvenes sobre la protección de la infancia en línea", "ru": "Руководящие указания для детей и молодежи по защите ребенка в онлайновой среде", "ar": "مبادئ توجيهية للأطفال والشباب بشأن حماية الأطفال على الإنترنت", "zh": "儿童和青少年上网保护指南"},
     "For young people aged 13 to 18: social media, privacy, cyberbullying, sextortion, and your rights online.", ALL6, "cop-guidelines-children-2009"),
    ("cop-guidelines-parents-2020", "parents-educators", 2020, "parents-educators",
     {"en": "Guidelines for parents and educators on Child Online Protection", "fr": "Lignes directrices à l'intention des parents et des éducateurs sur la protection des enfants en ligne", "es": "Directrices para padres y educadores sobre la protección de la infancia en línea", "ru": "Руководящие указания для родителей и педагогов по защите ребенка в онлайновой среде", "ar": "المبادئ التوجيهية للآباء والمربين بشأن حماية الأطفال على الإنترنت", "zh": "家长和教育工作者保护上网儿童指南"},
     "How parents, carers and educators can support children online: talking about risks, screen time, privacy, gaming and getting help.", ALL6, "cop-guidelines-parents-2009"),
    ("cop-guidelines-industry-2020", "industry", 2020, "industry",
     {"en": "Guidelines for industry on Child Online Protection", "fr": "Lignes directrices à l'intention du secteur privé sur la protection des enfants en ligne", "es": "Directrices para la industria sobre la protección de la infancia en línea", "ru": "Руководящие указания для отрасли по защите ребенка в онлайновой среде", "ar": "مبادئ توجيهية للصناعة بشأن حماية الأطفال على الإنترنت", "zh": "业界保护上网儿童指南"},
     "Child rights in company policies, safety by design, age-appropriate services, reporting abuse material, and checklists by sector.", ALL6, "cop-guidelines-industry-2016"),
    ("cop-guidelines-policymakers-2020", "policymakers", 2020, "policymakers",
     {"en": "Guidelines for policy-makers on Child Online Protection", "fr": "Lignes directrices à l'intention des décideurs sur la protection des enfants en ligne", "es": "Directrices para los responsables políticos sobre la protección de la infancia en línea", "ru": "Руководящие указания для директивных органов по защите ребенка в онлайновой среде", "ar": "مبادئ توجيهية لواضعي السياسات بشأن حماية الأطفال على الإنترنت", "zh": "政策制定者保护上网儿童指南"},
     "How to build a national child online protection strategy: stakeholders, legislation, reporting, education, and a checklist for action.", ALL6, "cop-guidelines-policymakers-2009"),
]  # fmt: skip

TOPICS = {
    "cop-guidelines-children-2009": ["cyberbullying", "grooming", "privacy"],
    "cop-guidelines-parents-2009": ["parental-controls", "privacy", "grooming"],
    "cop-guidelines-industry-2009": ["abuse-material-reporting", "harmful-content"],
    "cop-guidelines-policymakers-2009": ["legislation", "helplines"],
    "cop-guidelines-industry-2016": [
        "abuse-material-reporting",
        "harmful-content",
        "age-assurance",
    ],
    "cop-guidelines-children-under-9-2020": ["privacy", "screen-time", "digital-literacy"],
    "cop-guidelines-children-9-12-2020": ["cyberbullying", "gaming", "privacy"],
    "cop-guidelines-children-2020": ["cyberbullying", "sextortion", "privacy", "misinformation"],
    "cop-guidelines-parents-2020": [
        "screen-time",
        "gaming",
        "parental-controls",
        "privacy",
        "grooming",
    ],
    "cop-guidelines-industry-2020": [
        "abuse-material-reporting",
        "age-assurance",
        "ai-generated-content",
    ],
    "cop-guidelines-policymakers-2020": ["legislation", "helplines", "digital-literacy"],
}

# slug, adapts, format, title (en), titles (more), languages
ACCESSIBLE = [
    ("cop-guidelines-parents-2020-easy-read", "cop-guidelines-parents-2020", "easy_read",
     {"en": "Guidelines for parents and educators: easy-read edition", "fr": "Lignes directrices pour les parents et les éducateurs : version facile à lire", "ar": "المبادئ التوجيهية للآباء والمربين: نسخة سهلة القراءة"}, ("en", "fr", "ar")),
    ("cop-guidelines-parents-2020-audio", "cop-guidelines-parents-2020", "audio",
     {"en": "Guidelines for parents and educators: audio edition", "fr": "Lignes directrices pour les parents et les éducateurs : version audio"}, ("en", "fr")),
    ("cop-guidelines-children-under-9-2020-large-print", "cop-guidelines-children-under-9-2020", "large_print",
     {"en": "Sango and friends: large-print storybook", "es": "Sango y sus amigos: libro en letra grande"}, ("en", "es")),
    ("cop-guidelines-children-9-12-2020-sign-language", "cop-guidelines-children-9-12-2020", "sign_language",
     {"en": "Guidelines for children aged 9 to 12: sign-language video", "ar": "مبادئ توجيهية للأطفال من 9 إلى 12 سنة: فيديو بلغة الإشارة"}, ("en", "ar")),
]  # fmt: skip

# kind, slug, original language, titles, summary (original language), topics, audiences,
# countries, organisation or publisher, year, url, extra fields
OTHERS = [
    ("best_practice", "iwf-reporting-portals", "en", {"en": "IWF Reporting Portals for child sexual abuse imagery", "fr": "Portails de signalement de l'IWF pour les images d'abus sexuels sur enfants"}, "Online portals through which people in countries without a hotline report child sexual abuse images to the Internet Watch Foundation.", ["abuse-material-reporting", "helplines"], ["policymakers", "industry"], ["ZM", "UG", "MZ", "IN"], "iwf", 2013, "https://report.iwf.org.uk/", {}),
    ("best_practice", "safety-by-design", "en", {"en": "Safety by Design", "fr": "La sécurité dès la conception"}, "The Australian eSafety Commissioner's principles and assessment tools that help companies build safety into their services from the start.", ["harmful-content", "age-assurance"], ["industry"], ["AU"], "eSafety Commissioner", 2019, "https://www.esafety.gov.au/industry/safety-by-design", {}),
    ("best_practice", "project-arachnid", "en", {"en": "Project Arachnid", "fr": "Projet Arachnid"}, "A platform of the Canadian Centre for Child Protection that detects known child sexual abuse material online and asks hosts to remove it.", ["abuse-material-reporting"], ["industry"], ["CA"], "Canadian Centre for Child Protection", 2017, "https://projectarachnid.ca/", {}),
    ("best_practice", "cybertipline", "en", {"en": "CyberTipline: the US national reporting mechanism"}, "The National Center for Missing & Exploited Children's centralised system for reporting online exploitation of children.", ["abuse-material-reporting", "helplines"], ["industry", "parents-educators"], ["US"], "NCMEC", 1998, "https://report.cybertip.org/", {}),
    ("best_practice", "point-de-contact", "fr", {"fr": "Point de Contact : signaler les contenus illicites en ligne", "en": "Point de Contact: reporting illegal content online"}, "Plateforme française de signalement des contenus pédocriminels et haineux, membre d'INHOPE.", ["abuse-material-reporting", "hate-speech"], ["parents-educators"], ["FR"], "Point de Contact", 1998, "https://www.pointdecontact.net/", {}),
    ("best_practice", "3018-e-enfance", "fr", {"fr": "Le 3018 : numéro national contre le cyberharcèlement", "en": "3018: the French national number against cyberbullying"}, "Numéro gratuit et anonyme de l'association e-Enfance pour les jeunes victimes de cyberharcèlement et leurs parents.", ["cyberbullying", "helplines"], ["children-13-18", "parents-educators"], ["FR"], "Association e-Enfance", 2021, "https://e-enfance.org/le-3018/", {}),
    ("best_practice", "te-protejo-colombia", "es", {"es": "Te Protejo: línea virtual de denuncia", "en": "Te Protejo: online reporting line"}, "Canal de denuncia en línea de Colombia para reportar contenidos de abuso sexual infantil, ciberacoso y otras situaciones que afectan a niños.", ["abuse-material-reporting", "cyberbullying", "helplines"], ["parents-educators", "children-13-18"], ["CO"], "Red PaPaz", 2012, "https://www.teprotejo.org/", {}),
    ("best_practice", "is4k-incibe", "es", {"es": "IS4K: Internet Segura for Kids", "en": "IS4K: Internet Segura for Kids"}, "Centro de seguridad en internet para menores de INCIBE: línea de ayuda 017, recursos para familias y educadores.", ["digital-literacy", "parental-controls", "helplines"], ["parents-educators"], ["ES"], "INCIBE", 2016, "https://www.is4k.es/", {}),
    ("best_practice", "liga-bezopasnogo-interneta", "ru", {"ru": "Лига безопасного интернета", "en": "Safe Internet League"}, "Российская организация, которая помогает выявлять опасный контент и обучает детей и родителей безопасному поведению в сети.", ["harmful-content", "digital-literacy"], ["parents-educators"], ["RU"], "Лига безопасного интернета", 2011, "https://ligainternet.ru/", {}),
    ("best_practice", "deti-rossii-online", "ru", {"ru": "Линия помощи «Дети онлайн»", "en": "Children Online helpline"}, "Бесплатная линия помощи для детей и взрослых по проблемам безопасного использования интернета и мобильной связи.", ["helplines", "cyberbullying"], ["children-13-18", "parents-educators"], ["RU"], "Фонд Развития Интернет", 2009, "http://detionline.com/", {}),
    ("best_practice", "egypt-child-helpline-16000", "ar", {"ar": "خط نجدة الطفل 16000", "en": "Child Helpline 16000 (Egypt)"}, "خط مجاني للمجلس القومي للطفولة والأمومة في مصر لتلقي البلاغات عن العنف ضد الأطفال، بما في ذلك على الإنترنت.", ["helplines", "abuse-material-reporting"], ["children-13-18", "parents-educators"], ["EG"], "المجلس القومي للطفولة والأمومة", 2005, "http://www.nccm-egypt.org/", {}),
    ("best_practice", "china-minor-mode", "zh", {"zh": "未成年人模式", "en": "Minor mode on Chinese online platforms"}, "中国网络平台的青少年防沉迷系统：限制使用时长、内容和消费。", ["screen-time", "parental-controls", "gaming"], ["children-13-18", "parents-educators"], ["CN"], "国家互联网信息办公室", 2019, "https://www.cac.gov.cn/", {}),
    ("safety_tool", "google-family-link", "en", {"en": "Google Family Link", "fr": "Google Family Link", "es": "Google Family Link", "ar": "تطبيق Family Link من Google"}, "Parental controls for Android devices and Google accounts: screen time, app approval and location.", ["parental-controls", "screen-time"], ["parents-educators"], [], "Google", 2017, "https://families.google/familylink/", {"platforms": ["Android", "ChromeOS"], "cost": "free", "tool_languages": ["en", "fr", "es", "ru", "ar", "zh"]}),
    ("safety_tool", "apple-screen-time", "en", {"en": "Apple Screen Time and Family Sharing", "fr": "Temps d'écran et partage familial d'Apple"}, "Built-in parental controls on iPhone, iPad and Mac: downtime, app limits, content and privacy restrictions.", ["parental-controls", "screen-time"], ["parents-educators"], [], "Apple", 2018, "https://support.apple.com/en-us/105121", {"platforms": ["iOS", "iPadOS", "macOS"], "cost": "free", "tool_languages": ["en", "fr", "es", "ru", "ar", "zh"]}),
    ("safety_tool", "microsoft-family-safety", "en", {"en": "Microsoft Family Safety"}, "Parental controls for Windows, Xbox and Android: screen time, content filters and activity reports.", ["parental-controls", "gaming", "screen-time"], ["parents-educators"], [], "Microsoft", 2020, "https://www.microsoft.com/microsoft-365/family-safety", {"platforms": ["Windows", "Xbox", "Android", "iOS"], "cost": "free", "tool_languages": ["en", "fr", "es", "ru", "ar", "zh"]}),
    ("safety_tool", "qustodio", "en", {"en": "Qustodio parental control", "es": "Control parental Qustodio"}, "Parental control app that filters content, limits screen time and reports activity across devices.", ["parental-controls", "screen-time"], ["parents-educators"], [], "Qustodio", 2012, "https://www.qustodio.com/", {"platforms": ["Windows", "macOS", "Android", "iOS"], "cost": "freemium", "tool_languages": ["en", "fr", "es"]}),
    ("safety_tool", "nintendo-switch-parental-controls", "en", {"en": "Nintendo Switch Parental Controls"}, "A free app to set play-time limits and restrict games and communication on Nintendo Switch.", ["parental-controls", "gaming"], ["parents-educators"], [], "Nintendo", 2017, "https://www.nintendo.com/switch/parental-controls/", {"platforms": ["Nintendo Switch", "Android", "iOS"], "cost": "free", "tool_languages": ["en", "fr", "es", "ru", "zh"]}),
    ("safety_tool", "take-it-down", "en", {"en": "Take It Down", "es": "Take It Down: quítalo", "fr": "Take It Down : retirez-les"}, "Helps young people remove nude or sexual images of themselves taken before they were 18 from participating platforms, without sending the images.", ["sextortion", "abuse-material-reporting"], ["children-13-18"], [], "NCMEC", 2023, "https://takeitdown.ncmec.org/", {"platforms": ["Web"], "cost": "free", "tool_languages": ["en", "es", "fr", "ar", "zh", "ru"]}),
    ("safety_tool", "youtube-kids", "en", {"en": "YouTube Kids"}, "A separate app with videos selected for children, with timers and parental settings.", ["parental-controls", "screen-time"], ["children-under-9", "parents-educators"], [], "Google", 2015, "https://www.youtubekids.com/", {"platforms": ["Android", "iOS", "Web", "TV"], "cost": "free", "tool_languages": ["en", "fr", "es", "ru", "ar"]}),
    ("campaign", "safer-internet-day", "en", {"en": "Safer Internet Day", "fr": "Journée pour un internet plus sûr", "es": "Día de Internet Segura", "ru": "День безопасного интернета", "ar": "اليوم العالمي للإنترنت الآمن", "zh": "更安全互联网日"}, "Held each February in over 180 countries to promote a safer and better internet for children and young people.", ["digital-literacy", "cyberbullying"], ["children-13-18", "parents-educators"], [], "Insafe and INHOPE", 2004, "https://www.saferinternetday.org/", {}),
    ("campaign", "internet-sans-crainte", "fr", {"fr": "Internet Sans Crainte", "en": "Internet Without Fear"}, "Programme national français de sensibilisation des jeunes aux risques et usages de l'internet.", ["digital-literacy", "misinformation"], ["children-9-12", "parents-educators"], ["FR"], "Tralalere", 2008, "https://www.internetsanscrainte.fr/", {}),
    ("campaign", "pantallas-amigas", "es", {"es": "PantallasAmigas", "en": "PantallasAmigas"}, "Iniciativa para el uso seguro y saludable de internet por niños y adolescentes: ciberbullying, sexting, grooming y privacidad.", ["cyberbullying", "grooming", "privacy"], ["children-13-18", "parents-educators"], ["ES", "MX", "AR"], "PantallasAmigas", 2004, "https://www.pantallasamigas.net/", {}),
    ("campaign", "china-cybersecurity-week", "zh", {"zh": "国家网络安全宣传周", "en": "China Cybersecurity Awareness Week"}, "每年举办的全国网络安全宣传活动，设有青少年日，宣传未成年人网络保护。", ["digital-literacy", "scams"], ["children-13-18", "parents-educators"], ["CN"], "中央网信办", 2014, "https://www.cac.gov.cn/", {}),
    ("campaign", "stop-sextortion-fbi", "en", {"en": "Stop Sextortion", "es": "Detengamos la sextorsión"}, "An awareness campaign warning young people and parents about financially motivated sextortion and where to report it.", ["sextortion"], ["children-13-18", "parents-educators"], ["US"], "FBI", 2022, "https://www.fbi.gov/how-we-can-help-you/scams-and-safety/common-scams-and-crimes/sextortion", {}),
    ("campaign", "setevichok", "ru", {"ru": "Сетевичок: всероссийский квест по цифровой грамотности", "en": "Setevichok: national digital literacy quest"}, "Ежегодный онлайн-квест для школьников по безопасности в интернете и цифровой грамотности.", ["digital-literacy", "cyberbullying"], ["children-9-12", "children-13-18"], ["RU"], "Временная комиссия Совета Федерации по развитию информационного общества", 2014, "https://xn--d1abkefqip0a2f.xn--p1ai/", {}),
    ("training", "itu-academy-cop-educators", "en", {"en": "Child Online Protection for educators (ITU Academy)", "fr": "Protection des enfants en ligne pour les éducateurs (ITU Academy)", "ar": "حماية الأطفال على الإنترنت للمربين (أكاديمية الاتحاد)"}, "A self-paced online course for teachers on online risks, the COP guidelines and classroom activities.", ["digital-literacy", "cyberbullying"], ["parents-educators"], [], "itu", 2021, "https://academy.itu.int/", {"delivery": "online", "provider": "ITU Academy", "starts_on": datetime.date(2021, 3, 1)}),
    ("training", "itu-cop-policymakers-arab-region", "ar", {"ar": "تدريب إقليمي على حماية الأطفال على الإنترنت لواضعي السياسات في المنطقة العربية", "en": "Regional training on Child Online Protection for policymakers in the Arab region"}, "ورشة تدريبية حول إعداد الاستراتيجيات الوطنية لحماية الأطفال على الإنترنت وفقاً لمبادئ الاتحاد التوجيهية.", ["legislation", "helplines"], ["policymakers"], ["EG", "SA", "AE", "OM", "JO"], "bdt", 2022, "https://www.itu.int/en/ITU-D/Regional-Presence/ArabStates/", {"delivery": "in_person", "provider": "ITU Arab Regional Office", "starts_on": datetime.date(2022, 11, 14), "ends_on": datetime.date(2022, 11, 16)}),
    ("training", "childnet-digital-leaders", "en", {"en": "Childnet Digital Leaders Programme"}, "Trains pupils as online safety champions who teach their peers in school.", ["digital-literacy", "cyberbullying"], ["children-9-12", "children-13-18"], ["GB"], "Childnet International", 2016, "https://www.childnet.com/what-we-do/our-projects/digital-leaders-programme/", {"delivery": "blended", "provider": "Childnet International"}),
    ("research", "global-kids-online", "en", {"en": "Global Kids Online", "fr": "Global Kids Online", "es": "Global Kids Online"}, "A research network and toolkit for national surveys of children's internet use, risks and opportunities.", ["digital-literacy", "privacy"], ["policymakers"], ["ZA", "AR", "PH", "GH"], "UNICEF Office of Research – Innocenti", 2016, "http://globalkidsonline.net/", {}),
    ("research", "disrupting-harm-kenya", "en", {"en": "Disrupting Harm in Kenya: evidence on online child sexual exploitation and abuse"}, "National evidence on online child sexual exploitation and abuse, from surveys of children and caregivers and law-enforcement data.", ["grooming", "sextortion", "abuse-material-reporting"], ["policymakers"], ["KE"], "ECPAT International, INTERPOL and UNICEF", 2021, "https://www.end-violence.org/disrupting-harm", {}),
    ("research", "eu-kids-online-2020", "en", {"en": "EU Kids Online 2020: survey results from 19 countries"}, "Children's online access, skills, risks and opportunities across Europe, from a survey of 25,101 children.", ["screen-time", "cyberbullying", "privacy"], ["policymakers", "parents-educators"], ["DE", "FR", "ES", "IT", "NO", "PL", "RU"], "EU Kids Online", 2020, "https://www.eukidsonline.net/", {}),
    ("research", "sowc-2017-digital-world", "en", {"en": "The State of the World's Children 2017: Children in a Digital World", "fr": "La situation des enfants dans le monde 2017 : les enfants dans un monde numérique", "es": "Estado Mundial de la Infancia 2017: Niños en un mundo digital", "ru": "Положение детей в мире 2017: дети в цифровом мире", "ar": "وضع الأطفال في العالم 2017: الأطفال في عالم رقمي", "zh": "2017年世界儿童状况：数字时代的儿童"}, "UNICEF's flagship report on how digital technology has changed children's lives and chances, for better and for worse.", ["digital-literacy", "privacy", "harmful-content"], ["policymakers"], [], "unicef", 2017, "https://www.unicef.org/reports/state-worlds-children-2017", {}),
    ("research", "weprotect-global-threat-assessment-2023", "en", {"en": "Global Threat Assessment 2023"}, "The WeProtect Global Alliance's assessment of online child sexual exploitation and abuse, including AI-generated abuse material and financial sextortion.", ["abuse-material-reporting", "sextortion", "ai-generated-content"], ["policymakers", "industry"], [], "weprotect-global-alliance", 2023, "https://www.weprotect.org/global-threat-assessment-23/", {}),
    ("national_strategy", "uk-online-safety-act-2023", "en", {"en": "Online Safety Act 2023 (United Kingdom)"}, "The law that puts duties of care on online services to protect children from illegal and harmful content, enforced by Ofcom.", ["legislation", "harmful-content", "age-assurance"], ["policymakers", "industry"], ["GB"], "UK Parliament", 2023, "https://www.legislation.gov.uk/ukpga/2023/50", {}),
    ("national_strategy", "australia-online-safety-act-2021", "en", {"en": "Online Safety Act 2021 (Australia)"}, "Australia's law on cyberbullying of children, image-based abuse and basic online safety expectations, with the eSafety Commissioner's powers.", ["legislation", "cyberbullying"], ["policymakers"], ["AU"], "Parliament of Australia", 2021, "https://www.legislation.gov.au/C2021A00076/latest/text", {}),
    ("national_strategy", "rwanda-child-online-protection-policy", "en", {"en": "Rwanda Child Online Protection Policy", "fr": "Politique de protection des enfants en ligne du Rwanda"}, "Rwanda's national policy and implementation plan for child online protection, prepared with the support of ITU and partners.", ["legislation", "digital-literacy", "helplines"], ["policymakers"], ["RW"], "Ministry of ICT and Innovation, Rwanda", 2019, "https://www.minict.gov.rw/", {}),
    ("national_strategy", "kenya-national-plan-ocsea-2022", "en", {"en": "National Plan of Action to tackle Online Child Sexual Exploitation and Abuse in Kenya 2022–2026"}, "Kenya's plan to prevent and respond to online child sexual exploitation and abuse.", ["legislation", "grooming", "abuse-material-reporting"], ["policymakers"], ["KE"], "Government of Kenya", 2022, "https://www.socialprotection.go.ke/", {}),
    ("national_strategy", "ghana-cop-framework", "en", {"en": "Ghana Child Online Protection Framework"}, "Ghana's framework for protecting children online: legislation, institutions, reporting and awareness.", ["legislation", "helplines"], ["policymakers"], ["GH"], "Cyber Security Authority, Ghana", 2016, "https://www.csa.gov.gh/", {}),
    ("national_strategy", "eu-bik-plus-strategy", "en", {"en": "A Digital Decade for children and youth: the European strategy for a better internet for kids (BIK+)", "fr": "Une décennie numérique pour les enfants et les jeunes : stratégie européenne pour un internet mieux adapté aux enfants (BIK+)", "es": "Una década digital para los niños y los jóvenes: estrategia europea para una internet mejor para los niños (BIK+)"}, "The European Union's strategy for safe digital experiences, digital empowerment and active participation of children.", ["legislation", "age-assurance", "digital-literacy"], ["policymakers"], ["DE", "FR", "ES", "IT"], "European Commission", 2022, "https://digital-strategy.ec.europa.eu/en/policies/strategy-better-internet-kids", {}),
    ("national_strategy", "china-minors-protection-law-2020", "zh", {"zh": "中华人民共和国未成年人保护法（2020年修订）", "en": "Law of the People's Republic of China on the Protection of Minors (2020 revision)"}, "新增“网络保护”专章，规定网络素养教育、防沉迷、个人信息保护和网络欺凌的处理。", ["legislation", "screen-time", "privacy", "cyberbullying"], ["policymakers"], ["CN"], "全国人民代表大会常务委员会", 2020, "http://www.npc.gov.cn/", {}),
    ("national_strategy", "brazil-eca-digital-2025", "es", {"es": "Estatuto Digital del Niño y del Adolescente (Brasil, Ley 15.211/2025)", "en": "Digital Statute of Children and Adolescents (Brazil, Law 15.211/2025)"}, "Ley brasileña que obliga a los servicios digitales a proteger a niños y adolescentes: verificación de edad, controles parentales y contenidos dañinos.", ["legislation", "age-assurance", "parental-controls"], ["policymakers", "industry"], ["BR"], "Congresso Nacional do Brasil", 2025, "https://www.planalto.gov.br/", {}),
]  # fmt: skip

# Generated demo records: a country, its language, and the kind, in six title templates.
GENERATED_COUNTRIES = {
    "en": ["KE", "NG", "GH", "UG", "ZA", "IN", "PH", "JM", "FJ", "BD", "ZM", "MW"],
    "fr": ["SN", "CI", "CM", "BJ", "BF", "ML", "NE", "TG", "MG", "TN", "MA", "CD"],
    "es": ["MX", "CO", "PE", "CL", "AR", "EC", "BO", "PY", "UY", "CR", "GT", "DO"],
    "ru": ["KZ", "KG", "UZ", "TJ", "BY", "AM", "AZ", "MD", "RU", "TM", "GE", "MN"],
    "ar": ["SA", "AE", "EG", "JO", "OM", "QA", "KW", "BH", "LB", "MA", "TN", "DZ"],
    "zh": ["CN", "SG", "MY", "CN", "SG", "MY", "CN", "SG", "MY", "CN", "SG", "MY"],
}
GENERATED_TITLES = {
    "campaign": {
        "en": "{topic}: national awareness campaign in {country}",
        "fr": "{topic} : campagne nationale de sensibilisation, {country}",
        "es": "{topic}: campaña nacional de sensibilización en {country}",
        "ru": "{topic}: национальная информационная кампания, {country}",
        "ar": "{topic}: حملة توعية وطنية في {country}",
        "zh": "{topic}：{country}全国宣传活动",
    },
    "training": {
        "en": "{topic}: training for teachers in {country}",
        "fr": "{topic} : formation des enseignants, {country}",
        "es": "{topic}: formación para docentes en {country}",
        "ru": "{topic}: обучение учителей, {country}",
        "ar": "{topic}: تدريب المعلمين في {country}",
        "zh": "{topic}：{country}教师培训",
    },
    "best_practice": {
        "en": "{topic}: school programme for children in {country}",
        "fr": "{topic} : programme scolaire pour les enfants, {country}",
        "es": "{topic}: programa escolar para niños en {country}",
        "ru": "{topic}: школьная программа для детей, {country}",
        "ar": "{topic}: برنامج مدرسي للأطفال في {country}",
        "zh": "{topic}：{country}儿童学校项目",
    },
    "research": {
        "en": "{topic}: survey of children and parents in {country}",
        "fr": "{topic} : enquête auprès des enfants et des parents, {country}",
        "es": "{topic}: encuesta a niños y padres en {country}",
        "ru": "{topic}: опрос детей и родителей, {country}",
        "ar": "{topic}: استطلاع للأطفال والآباء في {country}",
        "zh": "{topic}：{country}儿童与家长调查",
    },
}
GENERATED_NOTE = {
    "en": "Demo record, generated to show the search and its facets.",
    "fr": "Fiche de démonstration, créée pour montrer la recherche et ses filtres.",
    "es": "Registro de demostración, creado para mostrar la búsqueda y sus filtros.",
    "ru": "Демонстрационная запись, созданная, чтобы показать поиск и фильтры.",
    "ar": "سجل تجريبي أُنشئ لعرض البحث وعوامل التصفية.",
    "zh": "演示记录，用于展示搜索和筛选。",
}
GENERATED_TOPICS = ["cyberbullying", "grooming", "sextortion", "privacy", "screen-time", "gaming", "scams", "misinformation", "ai-generated-content", "digital-literacy", "hate-speech", "parental-controls"]  # fmt: skip
GENERATED_AUDIENCES = {
    "campaign": ["parents-educators", "children-13-18"],
    "training": ["parents-educators"],
    "best_practice": ["children-9-12"],
    "research": ["policymakers"],
}


def _guidelines() -> dict[str, Resource]:
    made = {}
    for slug, set_code, edition, audience, titles, summary, languages, previous in GUIDELINES:
        made[slug] = services.create_resource(
            created_by=SYSTEM,
            kind=G,
            slug=slug,
            titles=titles,
            summaries={"en": summary},
            original_language="en",
            links=_links(f"{COP_SITE}/{set_code}/{edition}", languages),
            audiences=[audience],
            topics=TOPICS[slug],
            organisation="itu",
            licence=Resource.Licence.ITU_COPYRIGHT if edition < 2020 else Resource.Licence.CC_BY_NC_SA_3_IGO,
            published_on=datetime.date(edition, 11 if edition == 2009 else 6, 1),
            guideline_set=set_code,
            edition=edition,
            previous_edition=made.get(previous) if previous else None,
            mandate=["R179/BDT/5", "R179/SG/3"],
        )  # fmt: skip
    for slug, adapts, fmt, titles, languages in ACCESSIBLE:
        source = made[adapts]
        services.create_resource(
            created_by=SYSTEM,
            kind=G,
            slug=slug,
            titles=titles,
            summaries={"en": "An accessible edition for children with disabilities and anyone who reads more easily this way."},
            original_language="en",
            links=_links(f"{COP_SITE}/accessible/{slug}", languages),
            audiences=[a.code for a in source.audiences.all()],
            topics=TOPICS[adapts] + ["disability"],
            organisation="itu",
            licence=source.licence,
            published_on=datetime.date(2021, 5, 1),
            guideline_set=source.guideline_set.code,
            edition=source.edition,
            adapts=source,
            accessible_format=fmt,
            mandate=["R179/BDT/7"],
        )  # fmt: skip
    return made


def _others() -> None:
    mandate_by_kind = {
        "best_practice": ["R179/SG/8"], "safety_tool": ["R179/MS/12"], "campaign": ["R179/MS/6"],
        "training": ["R179/BDT/9"], "research": ["R179/SG/2"], "national_strategy": ["R179/BDT/8"],
    }  # fmt: skip
    for (
        kind,
        slug,
        language,
        titles,
        summary,
        topics,
        audiences,
        countries,
        org,
        year,
        url,
        extra,
    ) in OTHERS:
        organisation = (
            org if org.islower() and " " not in org and not org.startswith("http") else None
        )
        from cophub.core.models import Organisation

        if organisation and not Organisation.objects.filter(code=organisation).exists():
            organisation = None
        services.create_resource(
            created_by=SYSTEM,
            kind=kind,
            slug=slug,
            titles=titles,
            summaries={language: summary},
            original_language=language,
            links={language: url},
            topics=topics,
            audiences=audiences,
            countries=countries,
            organisation=organisation,
            publisher="" if organisation else org,
            licence=Resource.Licence.ALL_RIGHTS_RESERVED,
            published_on=datetime.date(year, 1, 15),
            mandate=mandate_by_kind[kind],
            credit=org if kind == "best_practice" and not organisation else "",
            **extra,
        )


def _generated() -> None:
    from cophub.core.i18n import translated_value

    from .models import Topic

    topics = {t.code: t for t in Topic.objects.filter(code__in=GENERATED_TOPICS)}
    n = 0
    for language, countries in GENERATED_COUNTRIES.items():
        for index, iso2 in enumerate(countries):
            country = Country.objects.get(iso2=iso2)
            for k, kind in enumerate(GENERATED_TITLES):
                topic = topics[GENERATED_TOPICS[(index + k) % len(GENERATED_TOPICS)]]
                n += 1
                title = GENERATED_TITLES[kind][language].format(
                    topic=translated_value(topic, "label", language),
                    country=translated_value(country, "name", language),
                )
                services.create_resource(
                    created_by=SYSTEM,
                    kind=kind,
                    slug=f"demo-{kind.replace('_', '-')}-{language}-{n}",
                    titles={language: title},
                    summaries={language: GENERATED_NOTE[language]},
                    original_language=language,
                    links={language: f"https://example.org/cophub-demo/{n}"},
                    topics=[topic.code],
                    audiences=GENERATED_AUDIENCES[kind],
                    countries=[iso2],
                    published_on=datetime.date(2018 + n % 8, 1 + n % 12, 1 + n % 28),
                    **({"delivery": ["online", "in_person", "blended"][n % 3], "provider": "Demo"} if kind == "training" else {}),
                )  # fmt: skip


def load_demo(stdout=None) -> None:
    if Resource.objects.filter(slug="cop-guidelines-parents-2020").exists():
        if stdout:
            stdout.write("Demo resources are already loaded.")
        return
    _guidelines()
    _others()
    _generated()
    if stdout:
        stdout.write(f"Demo resources: {Resource.objects.count()}.")

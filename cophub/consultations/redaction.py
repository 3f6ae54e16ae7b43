"""Free text is cleaned before it is stored: whatever could identify or reach a child goes.

E-mail addresses, phone numbers (phonenumbers, in the chosen country's format and in the
international one, plus any long run of digits), web addresses, social-media handles and gaming
tags, street addresses, and the names, classes and schools children give are replaced by a
placeholder. The test set in tests/redaction_cases.py measures what
this catches in the six languages; docs/consultations.md states the figure and the known misses.
"""

import re
from dataclasses import dataclass

import phonenumbers

PLACEHOLDERS = {
    "email": "[e-mail]",
    "url": "[link]",
    "handle": "[account]",
    "phone": "[phone]",
    "address": "[address]",
    "name": "[name]",
    "school": "[school]",
}

# Top-level domains seen in bare web addresses ("mysite.com/me") written by young people.
_TLD = r"(?:com|org|net|info|io|me|app|co|tv|gg|ly|xyz|site|online|ru|su|cn|fr|es|ar|mx|eg|sa|ae|ma|dz|uk|de|in|ng|ke|br|jp|kr|рф)"
EMAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w.+-]+\s*[\[(]\s*(?:at|@|собака)\s*[\])]\s*[\w-]+\s*[\[(]\s*(?:dot|точка|\.)\s*[\])]\s*\w+"
    # spelt out: "lina at gmail dot com", "sofi arroba gmail punto com", "xiaoming 艾特 qq 点 com"
    r"|[\w.+-]+(?:\s+(?:at|arroba|arobase|собака|على)\s+|\s*(?:艾特|@)\s*)[\w-]+"
    r"(?:\s+(?:dot|punto|point|точка|دوت|نقطة)\s+|\s*点\s*)[a-zа-я]{2,4}\b",
    re.IGNORECASE,
)
URL = re.compile(
    rf"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.{_TLD}\b(?:/\S*)?",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![A-Za-z0-9._@])@[\w.]{2,30}")
# A word of Latin letters with digits and a dot or underscore is a user name ("masha.2011").
USERNAME = re.compile(
    r"(?<![\w@.])(?=[\w.]*\d)(?=[\w.]*[A-Za-z]{2})[A-Za-z0-9]+[._][\w.]*\w(?![\w@])"
)
# "snap: lina_22", "my insta is lina.22", "微信: lina22", "واتساب lina22"
NAMED_ACCOUNT = re.compile(
    r"(?<![A-Za-zА-Яа-я])(?P<service>snap(?:chat)?|insta(?:gram)?|ig|tiktok|tik tok|telegram|discord|"
    r"wechat|whatsapp|kik|roblox|fortnite|xbox|psn|steam|vk|вк|телеграм|тикток|инста|дискорд\w*|"
    r"微信|QQ|抖音|微博|"
    r"سناب|انستا|انستقرام|تيك توك|تلغرام|واتساب)"
    r"(?P<glue>\s*(?:is|es|est|:|：|-|это|я|号是|号|账号|هو)?\s*)"
    r"(?P<id>(?=[\w.]*\d|[\w.]*[_.])[\w.]{3,30})",
    re.IGNORECASE,
)
# Digits written as words, three or more in a row: "five five five", "zéro six douze".
_NUMBER_WORDS = {
    "en": "zero oh one two three four five six seven eight nine ten eleven twelve",
    "fr": "zéro zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "ru": "ноль один два три четыре пять шесть семь восемь девять десять двенадцать двадцать тридцать сорок пятьдесят девятьсот восемьсот семьсот",
    "ar": "صفر واحد اثنان اثنين ثلاثة أربعة اربعة خمسة ستة سبعة ثمانية تسعة",
    # Said aloud: "double seven", "doble cero".
    "spoken": "double triple doble triple",
}
_NUMBER_WORD = "|".join(
    sorted({w for words in _NUMBER_WORDS.values() for w in words.split()}, key=len, reverse=True)
)
SPELLED_DIGITS = re.compile(
    rf"(?<!\w)(?:{_NUMBER_WORD})(?:[\s,،-]+(?:{_NUMBER_WORD})){{2,}}(?!\w)"
    r"|[〇零幺一二三四五六七八九](?:\s?[〇零幺一二三四五六七八九]){6,}",
    re.IGNORECASE,
)
# A run of at least 7 digits, with the separators people put in phone numbers.
DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])\+?\d(?:[\s().,\-–]{0,2}\d){6,}(?![0-9A-Za-z])")
_NUMBER = r"\d{1,5}[a-zA-Z]?"
ADDRESS = re.compile(
    "|".join(
        [
            # English: "12 Baker Street", "221b Baker St."
            rf"\b{_NUMBER},?\s+(?:[\w'-]+\s+){{1,3}}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|close|court|crescent|terrace)\b\.?",
            # French: "12 rue de la Paix", "5 bis avenue Foch"
            rf"\b{_NUMBER}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|quai|route)\s+(?:[\w'’-]+\s?){{1,4}}",
            # Spanish: "calle Mayor 5", "Avenida de la Paz, nº 12"
            rf"\b(?:calle|c/|avenida|avda\.?|av\.|paseo|plaza|carrera|camino|jirón)\s+(?:[\w'-]+\s){{1,4}},?\s*(?:n[º°o]\.?\s*)?{_NUMBER}",
            # Russian: "ул. Ленина, д. 5", "улица Пушкина 10"
            rf"(?:ул\.|улица|пр-т|проспект|переулок|пер\.|шоссе|бульвар)\s*(?:[\w-]+\s?){{1,3}},?\s*(?:д\.|дом)?\s*{_NUMBER}",
            # ... and in the cases a sentence puts them in: "на проспекте Мира, дом 12",
            # "в переулке Садовом 3", "на Тверском бульваре 10", "в микрорайоне Северный дом 4"
            r"(?:улиц[аеуыи]|проспект[еау]?|переул(?:ок|ке|ка)|бульвар[еау]?|площад[иь]|"
            r"набережн(?:ая|ой|ую)|микрорайон[еау]?|мкр\.?)\s*(?:[\w-]+\s?){0,3},?\s*"
            r"(?:д\.|дом[еау]?)?\s*\d{1,4}(?:[-/]\d{1,4})?",
            r"(?:кв\.?|квартир[аеуы])\s*\d{1,4}",
            # English, French, Spanish flats and floors; "number 12" after a street
            r"\b(?:flat|apartment|apt\.?|unit|appartement|appart|piso|depto|departamento)\s*\d{1,4}\w?\b",
            r"\b(?:[A-Z][\w'-]*\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Close|Court),?\s*(?:number|no\.?|#)\s*\d{1,4}",
            # French: "au 12 de la rue des Lilas", "avenue Foch au numéro 5", "place de la République au 7"
            rf"\b{_NUMBER},?\s+(?:de la |du |de l'|de l’)(?:rue|avenue|boulevard|place|chemin|allée|impasse|quai|route)\s+(?:[\w'’-]+\s?){{1,4}}",
            r"(?:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|route)\s+(?:[\w'’-]+\s){1,4}(?:au\s+)?(?:num[ée]ro|n°|no\.?|au)\s*\d{1,4}\b",
            # Arabic: "شارع النيل رقم 12", "حي الملز عمارة 4"
            # (not "الشارع", "the street": a named street has no article)
            r"(?<!ال)(?:شارع|طريق|حي|عمارة|بناية|زقاق)\s+(?:[\u0600-\u06ff]+\s?){1,3}(?:(?:رقم|عمارة|منزل)?\s*[\d٠-٩]{1,5})?",
            r"(?<!ال)(?:شقة|شقه|دار|منزل|عمارة|الدور|الطابق)\s*(?:رقم\s*)?[\d٠-٩]{1,5}",
            # Chinese: "中山路12号", "幸福小区3号楼"
            r"[\u4e00-\u9fff]{1,4}(?:路|街|道|巷|胡同|小区)[\d０-９一二三四五六七八九十百]{1,6}(?:号楼|号|號|栋|弄)?",
            # building, entrance and flat: "三单元502", "5栋1201室", "5樓"
            r"[\d０-９一二三四五六七八九十]{1,4}(?:单元|栋|幢|座|號|樓|号楼)[\d０-９]{0,4}(?:室|号)?",
            r"\d{3,4}室",
        ]
    ),
    re.IGNORECASE,
)


# Gaming tags: "ShadowWolf#4821", "小龙#5566", and a name said with its game or service and
# its number: "my gamertag is NinjaKid 2011", "ник в стиме DarkWolf 2010".
GAME_TAG = re.compile(r"(?<![\w#])[\w\u4e00-\u9fff]{2,20}#[A-Za-z0-9]{2,6}\b")
NAMED_TAG = re.compile(
    r"(?<![A-Za-zА-Яа-я])(?P<service>gamertag|battletag|tag|epic|pseudo|usuario|username|user|"
    r"ник\w*|стиме|steam|ID|id|好友码|ببجي|free fire|fortnite|valorant|roblox|minecraft)"
    r"(?P<glue>[^\w\n]{0,3}(?:(?:is|es|est|c'est|c’est|это|de \w+ es|:|：)\s*)?)"
    r"(?P<id>[A-Za-z][A-Za-z0-9_]{2,20}(?:\s\d{2,5})?)(?!\w)",
)
# The names children give: "my name is Lina Ahmed", "меня зовут Маша Иванова", "اسمي ليلى أحمد",
# "我叫王小明". The words after the phrase go, unless they are a word of the sentence itself
# ("my name is not important", "меня зовут на тренировку", "me llamo igual que...").
_NOT_A_NAME = (
    "not|and|from|in|at|the|a|is|just|like|same|secret|comme|pas|le|la|igual|como|así|asi|el|"
    "на|в|к|с|по|гулять|играть|домой|ما|مش|مو|هو|يهم"
)
_LATIN_NAME = rf"(?!(?:{_NOT_A_NAME})\b)[A-Za-zÀ-ÿ][\w'’-]*"
_CYRILLIC_NAME = rf"(?!(?:{_NOT_A_NAME})\b)[А-ЯЁа-яё][а-яё-]+"
_ARABIC_NAME = rf"(?!(?:{_NOT_A_NAME})(?![\u0600-\u06ff]))[\u0621-\u064a]{{2,}}"
_NAME_PHRASES = {
    _LATIN_NAME: r"my name is|my name's|my names|i'?m called|i am called|they call me|"
    r"je m['’]appelle|j'?m['’]appelle|mon (?:nom|prénom|prenom) (?:est|c'est)|moi c['’]est|"
    r"me llamo|mi nombre es|me dicen|me llaman",
    _CYRILLIC_NAME: r"меня зовут|мо[её] имя|зовут меня",
    _ARABIC_NAME: r"اسمي|إسمي|سميتي|انا اسمي|أنا اسمي",
}
NAMES = [
    re.compile(rf"(?<!\w)(?:{phrases})\s+(?P<name>{word}(?:\s+{word})?)", re.IGNORECASE)
    for word, phrases in _NAME_PHRASES.items()
]
CHINESE_NAME = re.compile(
    r"(?:我叫|我的名字是|我的名字叫|我名字叫|我名叫)(?P<name>[\u4e00-\u9fff]{2,3})"
    r"(?=[，,。.！!\s、在读讀是]|$)"
)
# Classes: "class 6B", "7А", "5e B", "6º B", "三年级二班", "初二3班"
SCHOOL_CLASS = re.compile(
    r"\b(?:class|year|grade|form)\s+\d{1,2}\s?[A-Za-z]?\b"
    r"|(?<![\w№/-])\d{1,2}\s?[АБВГабвг](?![\w.])(?:\s?класс\w*)?"
    r"|(?<![\w/-])\d{1,2}\s?(?:e|ème|eme|º|°|o|to|ro|do|er)\s?[A-Ea-e]\b"
    r"|[一二三四五六七八九十\d]{1,2}年[级級]?[一二三四五六七八九十\d甲乙丙丁]{1,2}班"
    r"|初[一二三][\d一二三四五六七八九十]{1,2}班"
)
# Schools with their names: "Greenfield Academy", "collège Jean Moulin", "школа № 57",
# "مدرسة النور", "北京市第一中学"
SCHOOL = re.compile(
    r"\b(?:[A-Z][\w'.-]*\s){1,3}(?:Academy|School|Primary|College|High)\b"
    r"|\b(?:[Ss]t\.?|[Ss]aint)\s+[\w']+\s+(?:[Ss]chool|[Pp]rimary|[Aa]cademy|[Cc]ollege)\b"
    r"|\b(?:collège|college|lycée|lycee|école|ecole|colegio|escuela|instituto|liceo)\s+"
    r"(?:[A-ZÀ-ÝÁÉÍÓÚ][\w'’.-]*\s?){1,3}"
    r"|(?:школ[аеуыо]й?|гимнази[яиюе]|лице[йяею])\s*(?:№|номер|N)\s*\d{1,4}"
    r"|(?<!ال)مدرس[ةه]\s+ال[\u0621-\u064a]+(?:\s+ال[\u0621-\u064a]+)?"
    r"|[\u4e00-\u9fff]{0,4}(?:市|区|县|省|第[一二三四五六七八九十\d]+|实验|外国语|附属|育才)"
    r"[\u4e00-\u9fff]{0,4}(?:中学|小学|学校|中學|小學|學校)"
)


@dataclass(frozen=True)
class Redaction:
    text: str
    kinds: frozenset[str]


def _phone_spans(text: str, region: str | None) -> list[tuple[int, int]]:
    # The child's country for national formats; the matcher reads the international (+) format
    # with any country, and alone with "ZZ". Any other number of 7 digits or more is caught by
    # DIGIT_RUN whatever its format.
    matcher = phonenumbers.PhoneNumberMatcher(
        text, region or "ZZ", leniency=phonenumbers.Leniency.VALID
    )
    spans = [(match.start, match.end) for match in matcher]
    spans.extend(match.span() for match in DIGIT_RUN.finditer(text))
    spans.extend(match.span() for match in SPELLED_DIGITS.finditer(text))
    return spans


def _replace_spans(text: str, spans: list[tuple[int, int]], placeholder: str) -> str:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + placeholder + text[end:]
    return text


def _tag_or_word(match: re.Match) -> str:
    """A tag has capitals inside, digits, or a number after it; "my epic is cool" stays."""
    tag = match.group("id")
    if any(ch.isupper() for ch in tag[1:]) or any(ch.isdigit() for ch in tag):
        return match.group("service") + match.group("glue") + PLACEHOLDERS["handle"]
    return match.group(0)


def redact(text: str, *, country: str | None = None) -> Redaction:
    """The text with every contact detail replaced by a placeholder, and what kinds were found."""
    kinds = set()

    def sub(pattern, kind, value):
        result, count = pattern.subn(PLACEHOLDERS[kind], value)
        if count:
            kinds.add(kind)
        return result

    text = sub(EMAIL, "email", text)
    text = sub(URL, "url", text)
    text = sub(HANDLE, "handle", text)
    text, count = NAMED_ACCOUNT.subn(
        lambda m: m.group("service") + m.group("glue") + PLACEHOLDERS["handle"], text
    )
    if count:
        kinds.add("handle")
    text = sub(GAME_TAG, "handle", text)
    text, count = NAMED_TAG.subn(_tag_or_word, text)
    if count and PLACEHOLDERS["handle"] in text:
        kinds.add("handle")
    text = sub(USERNAME, "handle", text)
    text = sub(ADDRESS, "address", text)
    text = sub(SCHOOL, "school", text)
    for pattern in [*NAMES, CHINESE_NAME]:
        text, count = pattern.subn(
            lambda m: m.group(0)[: m.start("name") - m.start(0)] + PLACEHOLDERS["name"], text
        )
        if count:
            kinds.add("name")
    text = sub(SCHOOL_CLASS, "name", text)
    spans = _phone_spans(text, country)
    if spans:
        kinds.add("phone")
        text = _replace_spans(text, spans, PLACEHOLDERS["phone"])
    return Redaction(text=text, kinds=frozenset(kinds))

"""The relevance test set over the demo data: eleven queries per language (the last of each with
a word no resource has), each with the resources that should come first. Used by tests/test_relevance.py and by the bench, which reports nDCG@10."""

import math

# language, query, expected slugs (the most relevant first)
QUERIES = [
    ("en", "guidelines for parents 2020", ["cop-guidelines-parents-2020"]),
    ("en", "policy makers guidelines", ["cop-guidelines-policymakers-2020", "cop-guidelines-policymakers-2009"]),
    ("en", "industry guidelines 2015 edition", ["cop-guidelines-industry-2016"]),
    ("en", "Sango storybook", ["cop-guidelines-children-under-9-2020"]),
    ("en", "easy-read parents", ["cop-guidelines-parents-2020-easy-read"]),
    ("en", "sign language video", ["cop-guidelines-children-9-12-2020-sign-language"]),
    ("en", "Family Link", ["google-family-link"]),
    ("en", "Online Safety Act United Kingdom", ["uk-online-safety-act-2023"]),
    ("en", "Disrupting Harm Kenya", ["disrupting-harm-kenya"]),
    ("en", "children in a digital world", ["sowc-2017-digital-world"]),
    ("fr", "lignes directrices parents éducateurs", ["cop-guidelines-parents-2020", "cop-guidelines-parents-2009"]),
    ("fr", "lignes directrices enfants et jeunes", ["cop-guidelines-children-2020"]),
    ("fr", "décideurs protection des enfants en ligne", ["cop-guidelines-policymakers-2020", "cop-guidelines-policymakers-2009"]),
    ("fr", "secteur privé", ["cop-guidelines-industry-2020", "cop-guidelines-industry-2016", "cop-guidelines-industry-2009"]),
    ("fr", "numéro national cyberharcèlement", ["3018-e-enfance"]),
    ("fr", "signaler contenus illicites", ["point-de-contact"]),
    ("fr", "Internet Sans Crainte", ["internet-sans-crainte"]),
    ("fr", "version facile à lire", ["cop-guidelines-parents-2020-easy-read"]),
    ("fr", "enfants dans un monde numérique", ["sowc-2017-digital-world"]),
    ("fr", "Sango et ses amis", ["cop-guidelines-children-under-9-2020"]),
    ("es", "directrices para padres y educadores", ["cop-guidelines-parents-2020", "cop-guidelines-parents-2009"]),
    ("es", "directrices industria", ["cop-guidelines-industry-2020", "cop-guidelines-industry-2016", "cop-guidelines-industry-2009"]),
    ("es", "cuaderno de actividades", ["cop-guidelines-children-9-12-2020"]),
    ("es", "línea virtual de denuncia", ["te-protejo-colombia"]),
    ("es", "Internet Segura for Kids", ["is4k-incibe"]),
    ("es", "ciberbullying sexting grooming", ["pantallas-amigas"]),
    ("es", "Día de Internet Segura", ["safer-internet-day"]),
    ("es", "Estatuto Digital del Niño", ["brazil-eca-digital-2025"]),
    ("es", "letra grande", ["cop-guidelines-children-under-9-2020-large-print"]),
    ("es", "niños en un mundo digital", ["sowc-2017-digital-world"]),
    ("ru", "руководящие указания для родителей", ["cop-guidelines-parents-2020", "cop-guidelines-parents-2009"]),
    ("ru", "указания для детей и молодежи", ["cop-guidelines-children-2020"]),
    ("ru", "директивные органы", ["cop-guidelines-policymakers-2020", "cop-guidelines-policymakers-2009"]),
    ("ru", "указания для отрасли", ["cop-guidelines-industry-2020", "cop-guidelines-industry-2009"]),
    ("ru", "Лига безопасного интернета", ["liga-bezopasnogo-interneta"]),
    ("ru", "линия помощи дети онлайн", ["deti-rossii-online"]),
    ("ru", "Сетевичок", ["setevichok"]),
    ("ru", "день безопасного интернета", ["safer-internet-day"]),
    ("ru", "дети в цифровом мире", ["sowc-2017-digital-world"]),
    ("ru", "Санго", ["cop-guidelines-children-under-9-2020"]),
    ("ar", "المبادئ التوجيهية للآباء", ["cop-guidelines-parents-2020", "cop-guidelines-parents-2009"]),
    ("ar", "مبادئ توجيهية للأطفال والشباب", ["cop-guidelines-children-2020"]),
    ("ar", "مبادئ توجيهية لواضعي السياسات", ["cop-guidelines-policymakers-2020", "cop-guidelines-policymakers-2009"]),
    ("ar", "مبادىء توجيهيه للصناعه", ["cop-guidelines-industry-2020", "cop-guidelines-industry-2016", "cop-guidelines-industry-2009"]),
    ("ar", "خط نجدة الطفل", ["egypt-child-helpline-16000"]),
    ("ar", "نسخة سهلة القراءة", ["cop-guidelines-parents-2020-easy-read"]),
    ("ar", "فيديو بلغة الإشارة", ["cop-guidelines-children-9-12-2020-sign-language"]),
    ("ar", "تدريب واضعي السياسات المنطقة العربية", ["itu-cop-policymakers-arab-region"]),
    ("ar", "الأطفال في عالم رقمي", ["sowc-2017-digital-world"]),
    ("ar", "سانغو وأصدقاؤه", ["cop-guidelines-children-under-9-2020"]),
    ("zh", "家长和教育工作者指南", ["cop-guidelines-parents-2020", "cop-guidelines-parents-2009"]),
    ("zh", "儿童和青少年上网保护", ["cop-guidelines-children-2020"]),
    ("zh", "政策制定者", ["cop-guidelines-policymakers-2020"]),
    ("zh", "业界指南", ["cop-guidelines-industry-2020", "cop-guidelines-industry-2009"]),
    ("zh", "未成年人保护法", ["china-minors-protection-law-2020"]),
    ("zh", "网络安全宣传周", ["china-cybersecurity-week"]),
    ("zh", "未成年人模式", ["china-minor-mode"]),
    ("zh", "更安全互联网日", ["safer-internet-day"]),
    ("zh", "数字时代的儿童", ["sowc-2017-digital-world"]),
    ("zh", "桑戈和朋友们", ["cop-guidelines-children-under-9-2020"]),
    # One word in each matches no resource ("settings"): those with the other words come first.
    ("en", "Apple privacy settings", ["apple-screen-time"]),
    ("fr", "partage familial Apple réglages", ["apple-screen-time"]),
    ("es", "PantallasAmigas privacidad ajustes", ["pantallas-amigas"]),
    ("ru", "положение детей в мире настройки", ["sowc-2017-digital-world"]),
    ("ar", "وضع الأطفال في العالم إعدادات", ["sowc-2017-digital-world"]),
    ("zh", "未成年人保护法 隐私设置", ["china-minors-protection-law-2020"]),
]  # fmt: skip


def ndcg_at_10(ranked: list[str], expected: list[str]) -> float:
    """Graded: the first expected slug is worth most, the others less, in order."""
    gains = {slug: len(expected) - i for i, slug in enumerate(expected)}
    dcg = sum(gains.get(slug, 0) / math.log2(i + 2) for i, slug in enumerate(ranked[:10]))
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(gains.values(), reverse=True)))
    return dcg / ideal if ideal else 0.0

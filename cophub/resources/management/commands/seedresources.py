"""Fill the repository with many generated resources, for measuring search at scale (bench/)."""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from cophub.core import text
from cophub.core.i18n import LANGUAGE_CODES
from cophub.core.models import Country
from cophub.resources.models import Audience, LanguageVersion, Resource, SearchEntry, Topic

# Common words of the field in each language, mixed with the vocabulary's labels.
WORDS = {
    "en": "online safety children guide report policy school parents teachers internet risk help young digital protection family plan survey toolkit",
    "fr": "sécurité en ligne enfants guide rapport politique école parents enseignants internet risque aide jeunes numérique protection famille plan enquête",
    "es": "seguridad en línea niños guía informe política escuela padres docentes internet riesgo ayuda jóvenes digital protección familia plan encuesta",
    "ru": "безопасность интернет дети руководство доклад политика школа родители учителя риск помощь молодежь цифровой защита семья план опрос",
    "ar": "السلامة على الإنترنت الأطفال دليل تقرير سياسة المدرسة الآباء المعلمون مخاطر مساعدة الشباب الرقمي حماية الأسرة خطة استطلاع",
    "zh": "网络 安全 儿童 指南 报告 政策 学校 家长 教师 互联网 风险 帮助 青少年 数字 保护 家庭 计划 调查",
}


class Command(BaseCommand):
    help = (
        "Add COUNT generated, published resources (marked 'seed-') for load and relevance benches."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--demo", action="store_true", help="Load the demo repository first.")
        parser.add_argument("--seed", type=int, default=179)

    def handle(self, *args, count, demo, seed, **options):
        if demo:
            from cophub.resources.demo import load_demo

            with transaction.atomic():
                load_demo(stdout=self.stdout)
        rng = random.Random(seed)
        topics = list(Topic.objects.all())
        audiences = list(Audience.objects.all())
        countries = list(Country.objects.values_list("iso2", flat=True))
        kinds = [k for k in Resource.Kind.values if k != Resource.Kind.GUIDELINE]
        start = Resource.objects.filter(slug__startswith="seed-").count()
        for batch_start in range(start, start + count, 2000):
            size = min(2000, start + count - batch_start)
            with transaction.atomic():
                self._batch(rng, batch_start, size, topics, audiences, countries, kinds)
        # Fresh planner statistics: before autovacuum gets to it, PostgreSQL believes the tables
        # nearly empty and plans searches as loops over every row.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"Generated resources: {count}.")

    def _batch(self, rng, first, size, topics, audiences, countries, kinds):
        rows, picks = [], []
        for i in range(first, first + size):
            language = LANGUAGE_CODES[i % len(LANGUAGE_CODES)]
            topic, audience = rng.choice(topics), rng.choice(audiences)
            words = WORDS[language].split()
            sep = "" if language == "zh" else " "
            title = sep.join([getattr(topic, f"label_{language}"), *rng.sample(words, 3)])
            summary = sep.join([getattr(audience, f"label_{language}"), *rng.sample(words, 8)])
            resource = Resource(
                slug=f"seed-{i}",
                kind=rng.choice(kinds),
                original_language=language,
                title=title,
                summary=summary,
                published_on=datetime.date(2010, 1, 1)
                + datetime.timedelta(days=rng.randrange(5800)),
                **{f"title_{language}": title, f"summary_{language}": summary},
            )
            rows.append(resource)
            picks.append((language, topic, audience, rng.choice(countries)))
        Resource.objects.bulk_create(rows)
        LanguageVersion.objects.bulk_create(
            LanguageVersion(resource=r, language=p[0], link=f"https://example.org/seed/{r.slug}")
            for r, p in zip(rows, picks, strict=True)
        )
        SearchEntry.objects.bulk_create(
            SearchEntry(
                resource=r,
                title_terms=text.index_terms(r.title, p[0]),
                summary_terms=text.index_terms(r.summary, p[0]),
            )
            for r, p in zip(rows, picks, strict=True)
        )
        Resource.topics.through.objects.bulk_create(
            Resource.topics.through(resource=r, topic=p[1])
            for r, p in zip(rows, picks, strict=True)
        )
        Resource.audiences.through.objects.bulk_create(
            Resource.audiences.through(resource=r, audience=p[2])
            for r, p in zip(rows, picks, strict=True)
        )
        Resource.countries.through.objects.bulk_create(
            Resource.countries.through(resource=r, country_id=p[3])
            for r, p in zip(rows, picks, strict=True)
        )

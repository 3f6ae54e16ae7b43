"""Helpers for the API's schemas, shared by every app's api.py."""

from typing import Annotated, Literal

from django.db import models
from ninja.pagination import LimitOffsetPagination
from pydantic import Field, WithJsonSchema

from cophub.core import i18n
from cophub.core.reference import REGIONS

# No list of the API holds a billion records; SQL integers end at 2**63.
MAX_OFFSET = 1_000_000_000


def choice(choices: type[models.TextChoices]):
    """A field of `choices`, documented in place in the OpenAPI schema.

    django-ninja files every enum under its class name in one table of components, so
    Organisation.Kind and Activity.Kind would both be "Kind" and one would overwrite the other:
    the schema would then document the wrong values for one of them.
    """
    return Annotated[
        choices,
        WithJsonSchema(
            {
                "type": "string",
                "enum": list(choices.values),
                "title": choices.__qualname__.replace(".", ""),
            }
        ),
    ]


# Codes a query parameter takes, as enums in the schema rather than any string: a client that
# builds its requests from the schema then never sends one the API refuses. The filters accept
# "" as "no filter", as they always have.
LanguageCode = Literal[tuple(i18n.LANGUAGE_CODES)]  # type: ignore[valid-type]
LanguageFilter = Literal[("", *i18n.LANGUAGE_CODES)]  # type: ignore[valid-type]
RegionCode = Literal[tuple(code for code, _names in REGIONS)]  # type: ignore[valid-type]
RegionFilter = Literal[("", *(code for code, _names in REGIONS))]  # type: ignore[valid-type]


# A year as a filter: the years a date can hold, so that year=-5 is a 422, not a server error.
Year = Annotated[int, Field(ge=1, le=9999)]


class Pagination(LimitOffsetPagination):
    """ninja's limit and offset, with an upper bound on the offset: an offset past what SQL's
    integers hold made the database driver fail (a server error) instead of a 422."""

    class Input(LimitOffsetPagination.Input):
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


def translated(field: str, *, of: str = "") -> staticmethod:
    """The resolver of a schema field that holds the translated model field `field` (of the
    related record `of`, when given) in the language of the request, with the fallback of
    `i18n.translated_value`: the record's original language, then English, then any.

        class TopicOut(Schema):
            label: str
            labels: dict[str, str]

            resolve_label = translated("label")
            resolve_labels = translations("label")
    """

    def resolve(obj):
        return i18n.translated_value(getattr(obj, of) if of else obj, field).text

    return staticmethod(resolve)


MANDATE_DESCRIPTION = "Codes of the mandate paragraphs the record serves (see /api/v1/mandate)"


def mandate_codes() -> staticmethod:
    """The resolver of a schema field that lists the codes of the mandate paragraphs a record
    serves (its `mandate_field()`); list operations prefetch `mandate`."""

    def resolve(obj):
        return [paragraph.code for paragraph in obj.mandate.all()]

    return staticmethod(resolve)


def translations(field: str) -> staticmethod:
    """The resolver of a schema field that holds every language's text of the translated model
    field `field`, by language code, the empty ones left out."""

    def resolve(obj):
        return i18n.translations_of(obj, field)

    return staticmethod(resolve)

import datetime
import io

import factory
from django.utils import timezone

from cophub.workgroup.models import AgendaItem, Group, Meeting


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ["code"]

    code = "CWG-COP"
    name = "Council Working Group on Child Online Protection"
    name_en = "Council Working Group on Child Online Protection"
    name_ar = "فريق العمل التابع للمجلس المعني بحماية الأطفال على الإنترنت"
    kind = Group.Kind.COUNCIL_WORKING_GROUP


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting a month from now, open for contributions."""

    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    number = factory.Sequence(lambda n: 24 + n)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda m: m.starts_on + datetime.timedelta(days=1))
    place = "Geneva"
    contribution_deadline = factory.LazyAttribute(
        lambda m: m.starts_on - datetime.timedelta(days=12)
    )


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = "Contributions from Member States"
    title_en = "Contributions from Member States"


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


class Upload(io.BytesIO):
    """An uploaded file as the services receive it from a form."""

    def __init__(self, data: bytes, name: str):
        super().__init__(data)
        self.name = name
        self.size = len(data)


def docx_upload(*paragraphs: str, name: str = "contribution.docx") -> Upload:
    return Upload(docx_bytes(*(paragraphs or ("Child online protection in schools.",))), name)


def submitted_contribution(delegate, meeting, **kwargs):
    """A contribution as a delegate submits it, waiting for the secretariat."""
    from cophub.workgroup import services

    fields = {
        "submitted_by": delegate,
        "meeting": meeting,
        "document_type": "contribution",
        "title": "Protecting children in online games",
        "original_language": "en",
        "files": {"en": docx_upload("Age-appropriate design for games.")},
    }
    return services.submit_document(**(fields | kwargs))

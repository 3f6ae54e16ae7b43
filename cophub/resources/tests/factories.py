import io

from cophub.accounts.permissions import SYSTEM
from cophub.resources import services
from cophub.resources.models import Resource


def make_resource(**overrides) -> Resource:
    fields = {
        "created_by": SYSTEM,
        "kind": Resource.Kind.BEST_PRACTICE,
        "titles": {"en": "Safer chat rooms for children"},
        "summaries": {"en": "Moderated chat for children aged 9 to 12."},
        "original_language": "en",
        "links": {"en": "https://example.org/safer-chat"},
        "topics": ["cyberbullying"],
        "audiences": ["children-9-12"],
    }
    fields.update(overrides)
    return services.create_resource(**fields)


def docx_upload(text: str, name: str = "practice.docx"):
    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")

"""Stand-in for cophub.core.files until it is merged: the same two functions, same contract."""

import io
import zipfile

from django.utils.translation import gettext as _

from cophub.core.errors import DomainError

_ZIP_KINDS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}


def check_upload(file, *, max_bytes: int) -> str:
    if file.size > max_bytes:
        raise DomainError(_("The file is too large."), field="file")
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and b"opendocument.text" in archive.read("mimetype"):
                    kind = "odt"
                kind = kind or next((k for n, k in _ZIP_KINDS.items() if n in names), None)
        except zipfile.BadZipFile:
            kind = None
        file.seek(0)
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if kind is None or extension != kind:
        raise DomainError(
            _("The file is not what its name says. Send a PDF, DOCX, XLSX, PPTX or ODT file."),
            field="file",
        )
    return kind


def extract_text(file, kind: str) -> str:
    file.seek(0)
    data = io.BytesIO(file.read())
    file.seek(0)
    if kind == "pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(data).pages)
    if kind == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(data).paragraphs)
    return ""

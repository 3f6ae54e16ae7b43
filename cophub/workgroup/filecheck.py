"""Uploads checked by their content: `cophub.core.files` where it exists, else the same contract.

The contract: `check_upload(file, *, max_bytes) -> kind` ("pdf", "docx", "xlsx", "pptx", "odt"),
raising DomainError with a translated message; `extract_text(file, kind) -> str`.
"""

try:
    from cophub.core.files import check_upload, extract_text
except ImportError:  # pragma: no cover - until core.files is on this branch
    import io
    import zipfile

    from django.template.defaultfilters import filesizeformat
    from django.utils.translation import gettext as _

    from cophub.core.errors import DomainError

    _ZIP_KINDS = {
        "word/document.xml": "docx",
        "xl/workbook.xml": "xlsx",
        "ppt/presentation.xml": "pptx",
    }

    def _read(file) -> bytes:
        file.seek(0)
        data = file.read()
        file.seek(0)
        return data

    def check_upload(file, *, max_bytes: int) -> str:
        data = _read(file)
        if len(data) > max_bytes:
            raise DomainError(
                _("The file is larger than %(limit)s.") % {"limit": filesizeformat(max_bytes)}
            )
        if data.startswith(b"%PDF-"):
            return "pdf"
        if data.startswith(b"PK"):
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    names = set(archive.namelist())
                    for name, kind in _ZIP_KINDS.items():
                        if name in names:
                            return kind
                    if (
                        "mimetype" in names
                        and archive.read("mimetype").strip()
                        == b"application/vnd.oasis.opendocument.text"
                    ):
                        return "odt"
            except zipfile.BadZipFile:
                pass
        raise DomainError(
            _("This file is not a PDF, Word, Excel, PowerPoint or OpenDocument text file.")
        )

    def extract_text(file, kind: str) -> str:
        data = io.BytesIO(_read(file))
        if kind == "pdf":
            from pypdf import PdfReader

            return "\n".join(page.extract_text() or "" for page in PdfReader(data).pages)
        if kind == "docx":
            import docx

            return "\n".join(paragraph.text for paragraph in docx.Document(data).paragraphs)
        return ""
